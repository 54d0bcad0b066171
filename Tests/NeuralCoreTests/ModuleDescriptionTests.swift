import Foundation
import NeuralCore
import Testing

/// Models describe their architecture, rebuild from it and from a file alone, and copy.
struct ModuleDescriptionTests {
    static func everyLayer(using generator: inout SplitMix64) -> ModuleDictionary {
        ModuleDictionary([
            ("vision", Sequential([
                Conv2D(inChannels: 2, outChannels: 4, kernelSize: 3, stride: 1, padding: 1, using: &generator), ReLU(),
                MaxPool2D(kernelSize: 2), Conv2D(inChannels: 4, outChannels: 4, kernelSize: 2, hasBias: false, using: &generator),
                GELU(), AvgPool2D(kernelSize: 3, stride: 1, padding: 1), Flatten(), Dropout(probability: 0.25, generator: SplitMix64(seed: 1)),
                Linear(inputSize: 36, outputSize: 8, using: &generator), LeakyReLU(slope: 0.1), ELU(alpha: 0.5), Tanh(), Sigmoid(),
                Linear(inputSize: 8, outputSize: 3, hasBias: false, using: &generator), Softmax(axis: -1), LogSoftmax(axis: 1),
            ])),
            ("memory", LSTM(inputSize: 3, hiddenSize: 5, using: &generator)),
            ("gated", GRU(inputSize: 5, hiddenSize: 4, using: &generator)),
            ("attention", MultiHeadAttention(embeddingSize: 8, headCount: 2, isCausal: true, using: &generator)),
            ("norm", LayerNorm(dimension: 8, epsilon: 1e-4)),
            ("tokens", Embedding(count: 10, dimension: 8, using: &generator)),
            ("planes", Sequential([
                Unflatten(shape: [3, 3, 2]), Permute(dims: [0, 3, 1, 2]),
                Conv2D(inChannels: 2, outChannels: 2, kernelSize: 3, padding: 1, using: &generator),
            ])),
            ("log_std", LearnedTensor(Tensor(shape: [2], scalars: [-0.5, 0.25]))),
        ])
    }

    @Test func everyLayerDescribesItselfAndRoundTripsThroughJSON() throws {
        var generator = SplitMix64(seed: 1)
        let model = Self.everyLayer(using: &generator)
        let description = try #require(model.architecture)
        let decoded = try JSONDecoder().decode(ModuleDescription.self, from: Data(description.jsonText.utf8))
        #expect(decoded == description)
        let rebuilt = try description.makeModule(using: &generator)
        #expect(rebuilt.architecture == description)
        #expect(rebuilt.namedParameters.map(\.name) == model.namedParameters.map(\.name))
        #expect(rebuilt.namedParameters.map(\.parameter.shape) == model.namedParameters.map(\.parameter.shape))
        #expect(description.jsonText.contains(#"{"bias":true,"in_features":36,"out_features":8,"type":"Linear"}"#))
        #expect(description.jsonText.contains(#"{"dim":1,"type":"Unflatten","unflattened_size":[3,3,2]}"#))
        #expect(description.jsonText.contains(#"{"dims":[0,3,1,2],"type":"Permute"}"#))
        #expect(description.jsonText.contains(#"{"module":{"shape":[2],"type":"Parameter"},"name":"log_std"}"#))
        #expect(model.namedParameters.last?.name == "log_std")
    }

    /// Reshaping layers from a file are checked like every other: PyTorch's other
    /// `Unflatten` dims, non-permutations and oversized rows are refused with the reason.
    @Test func malformedReshapingLayersAreRefused() throws {
        let otherDim = #"{"type":"Unflatten","dim":2,"unflattened_size":[2,2]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ModuleDescription.self, from: Data(otherDim.utf8)) }
        var generator = SplitMix64(seed: 1)
        for (description, reason) in [
            (ModuleDescription.permute(dims: [0, 2, 2]), "permutation"),
            (.unflatten(shape: [0, 4]), "unflattened_size"),
            (.unflatten(shape: [4096, 4096, 4096]), "values per row"),
            (.unflatten(shape: []), "extents"),
        ] {
            #expect(throws: ModuleDescriptionError.self, "\(description)") { _ = try description.makeModule(using: &generator) }
            do {
                _ = try description.makeModule(using: &generator)
            } catch {
                #expect(error.description.contains(reason), "\(error)")
            }
        }
    }

    /// A composite module names its parameters as PyTorch names a submodule's.
    @Test func compositeNamesFollowPyTorch() {
        var generator = SplitMix64(seed: 2)
        let network = ModuleDictionary([
            ("trunk", Sequential([Linear(inputSize: 4, outputSize: 8, using: &generator), Tanh()])),
            ("actor", Linear(inputSize: 8, outputSize: 2, using: &generator)),
            ("critic", Linear(inputSize: 8, outputSize: 1, using: &generator)),
        ])
        #expect(network.namedParameters.map(\.name) == ["trunk.0.weight", "trunk.0.bias", "actor.weight", "actor.bias", "critic.weight", "critic.bias"])
        #expect(network.parameters.count == 6 && network["critic"] is Linear)
        let custom = namedParameters(of: [("value", network["critic"]!)])
        #expect(custom.map(\.name) == ["value.weight", "value.bias"])
    }

    /// Saved with its architecture, a model comes back from the file alone and computes the same.
    @Test func modelRebuildsFromTheFileAlone() throws {
        var generator = SplitMix64(seed: 3)
        let model = Sequential([
            Conv2D(inChannels: 2, outChannels: 3, kernelSize: 3, using: &generator), ReLU(), Flatten(),
            Linear(inputSize: 3 * 4 * 5, outputSize: 7, using: &generator),
        ])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("architecture-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try model.save(to: url, metadata: ["env": "ConnectFour-v0"])
        let (loaded, metadata) = try loadModule(from: url)
        #expect(metadata["env"] == "ConnectFour-v0" && metadata[architectureMetadataKey] == model.architecture?.jsonText)
        let planes = Tensor.normal([2, 2, 6, 7], using: &generator)
        let rebuilt = try #require(loaded as? Sequential)
        #expect(rebuilt(planes) == model(planes))
    }

    @Test(arguments: [
        (#"{"type":"Linear","in_features":0,"out_features":3,"bias":true}"#, "in_features"),
        (#"{"type":"Sequential","layers":[{"type":"ReLU"},{"type":"Dropout","p":1.5}]}"#, "1: expected p in [0, 1)"),
        (#"{"type":"ModuleDict","modules":[{"name":"a.b","module":{"type":"ReLU"}}]}"#, "a.b"),
        (#"{"type":"MultiheadAttention","embed_dim":6,"num_heads":4,"causal":false}"#, "divisible"),
        (#"{"type":"Linear","in_features":100000,"out_features":100000,"bias":true}"#, "at most"),
        (#"{"type":"Parameter","shape":[4,0]}"#, "positive sizes"),
        (#"{"type":"Parameter","shape":[4294967296,4294967296,4294967296]}"#, "at most"),
    ])
    func invalidDescriptionsAreNamedErrors(json: String, mention: String) throws {
        let description = try JSONDecoder().decode(ModuleDescription.self, from: Data(json.utf8))
        var generator = SplitMix64(seed: 4)
        let error = #expect(throws: ModuleDescriptionError.self) { _ = try description.makeModule(using: &generator) }
        #expect(error?.description.contains(mention) == true, "\(String(describing: error))")
    }

    /// A file whose description asks for more weights than it holds is refused before the
    /// model is built, so a small file cannot make the reader allocate a huge one.
    @Test func descriptionsLargerThanTheirFileAreRefusedUnbuilt() throws {
        var generator = SplitMix64(seed: 5)
        let model = Sequential([Linear(inputSize: 4, outputSize: 8, using: &generator), Tanh(), Linear(inputSize: 8, outputSize: 2, using: &generator)])
        let description = try #require(model.architecture)
        #expect(description.minimumParameterCount == 4 * 8 + 8 * 2)
        #expect(ModuleDescription.sequential(Array(repeating: .parameter(shape: [1 << 40, 1 << 40]), count: 3)).minimumParameterCount == .max)
        #expect(throws: Never.self) { try description.requireFits(valueCount: 4 * 8 + 8 + 8 * 2 + 2) }

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("oversized-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        let oversized = ModuleDescription.sequential([.linear(inputSize: 4, outputSize: 4_000_000, hasBias: false)])
        try SafeTensors(tensors: [("0.weight", Tensor.zeros([8, 4]))], metadata: [architectureMetadataKey: oversized.jsonText]).write(to: url)
        #expect(throws: SafeTensorsError.invalidArchitecture(reason: "model architecture: needs at least 16000000 parameters, but the file holds 32 values")) {
            _ = try loadModule(from: url)
        }
    }

    @Test func unknownTypesAndWeightOnlyFilesAreRefused() throws {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ModuleDescription.self, from: Data(#"{"type":"Transformer"}"#.utf8)) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("weights-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try SafeTensors(tensors: [("0.weight", Tensor.zeros([2, 2]))]).write(to: url)
        #expect(throws: SafeTensorsError.invalidArchitecture(reason: #"no "architecture" entry in __metadata__; the file holds weights only"#)) { _ = try loadModule(from: url) }
    }

    /// `copy()` is deep; `copyParameters(from:)` and `interpolate(towards:tau:)` work in place.
    @Test func copiesAreDeepAndUpdatesInPlace() {
        var generator = SplitMix64(seed: 5)
        let model = Self.everyLayer(using: &generator)
        let copy = model.copy()
        #expect(copy.parameters.map(\.value) == model.parameters.map(\.value))
        #expect(zip(copy.parameters, model.parameters).allSatisfy { $0 !== $1 })
        copy.parameters[0].value = copy.parameters[0].value * 2
        #expect(copy.parameters[0].value != model.parameters[0].value)
        copy.copyParameters(from: model)
        #expect(copy.parameters.map(\.value) == model.parameters.map(\.value))
        let (target, source) = (Linear(weight: Tensor(shape: [1, 2], scalars: [1, 2]), bias: Tensor([4])), Linear(weight: Tensor(shape: [1, 2], scalars: [3, 6]), bias: Tensor([0])))
        target.interpolate(towards: source, tau: 0.25)
        #expect(target.weight.value == Tensor(shape: [1, 2], scalars: [1.5, 3]) && target.bias?.value == Tensor([3]))
    }
}
