extension ModuleDescription {
    /// A lower bound on the parameters a model of this description holds: the entries of its
    /// weight matrices and bare tensors (biases and norms left out), saturating at `Int.max`.
    ///
    /// Readers of files compare it with the values the file holds before building anything,
    /// so a small file whose description asks for a huge model is refused without allocating
    /// the model (see ``requireFits(valueCount:)``).
    public var minimumParameterCount: Int {
        func product(_ factors: Int...) -> Int {
            factors.reduce(1) { total, factor in
                let (result, overflow) = total.multipliedReportingOverflow(by: max(factor, 0))
                return overflow ? .max : result
            }
        }
        func sum(_ terms: [Int]) -> Int {
            terms.reduce(0) { total, term in
                let (result, overflow) = total.addingReportingOverflow(term)
                return overflow ? .max : result
            }
        }
        switch self {
        case let .linear(inputSize, outputSize, _): return product(inputSize, outputSize)
        case let .conv2d(inChannels, outChannels, kernelSize, _, _, _): return product(inChannels, outChannels, kernelSize, kernelSize)
        case let .embedding(count, dimension): return product(count, dimension)
        case let .lstm(inputSize, hiddenSize): return product(4, hiddenSize, sum([inputSize, hiddenSize]))
        case let .gru(inputSize, hiddenSize): return product(3, hiddenSize, sum([inputSize, hiddenSize]))
        case let .multiHeadAttention(embeddingSize, _, _): return product(4, embeddingSize, embeddingSize)
        case let .parameter(shape): return shape.reduce(1) { product($0, $1) }
        case let .sequential(children): return sum(children.map(\.minimumParameterCount))
        case let .dictionary(children): return sum(children.map(\.module.minimumParameterCount))
        case .maxPool2d, .avgPool2d, .relu, .tanh, .sigmoid, .gelu, .flatten, .unflatten, .permute, .leakyReLU, .elu, .softmax,
             .logSoftmax, .dropout, .layerNorm:
            return 0
        }
    }

    /// Refuses a description that needs more parameters than `valueCount`, the values of the
    /// file it came from.
    ///
    /// - Throws: ``ModuleDescriptionError`` saying how many it needs and how many there are.
    public func requireFits(valueCount: Int) throws(ModuleDescriptionError) {
        let needed = minimumParameterCount
        guard needed <= valueCount else {
            throw ModuleDescriptionError(path: "", reason: "needs at least \(needed) parameters, but the file holds \(valueCount) values")
        }
    }
}
