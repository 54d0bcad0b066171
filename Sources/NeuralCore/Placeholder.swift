/// The version of NeuralCore; the library itself lands with its own issue.
public let neuralCoreVersion = "0.1.0"
