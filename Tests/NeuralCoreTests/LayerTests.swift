import NeuralCore
import Testing

struct LayerTests {
    @Test func sequentialNamesMatchPyTorch() {
        var generator = SplitMix64(seed: 1)
        let model = Sequential([
            Conv2D(inChannels: 3, outChannels: 4, kernelSize: 3, using: &generator), ReLU(), Flatten(),
            Linear(inputSize: 16, outputSize: 2, using: &generator),
        ])
        let names = model.namedParameters.map(\.name)
        #expect(names == ["0.weight", "0.bias", "3.weight", "3.bias"])
        #expect(model.namedParameters.map(\.parameter.shape) == [[4, 3, 3, 3], [4], [2, 16], [2]])
        #expect(model.parameterCount == 4 * 27 + 4 + 32 + 2)
    }

    @Test func inferencePathsMatchTheGraphPath() {
        var generator = SplitMix64(seed: 10)
        let layers: [any Layer] = [
            Sigmoid(), ReLU(), LeakyReLU(slope: 0.2), Tanh(), GELU(), ELU(alpha: 0.5),
            Linear(inputSize: 4, outputSize: 3, using: &generator),
            Sequential([Linear(inputSize: 4, outputSize: 4, using: &generator), Tanh()]),
        ]
        let input = Tensor.normal([2, 3, 4], using: &generator)
        for layer in layers {
            #expect(layer(input) == layer(Variable(input)).value, "\(type(of: layer))")
        }
    }

    /// Every layer runs inference on a tape without recording: the results are constants (no
    /// graph kept), equal to the training path's values.
    @Test func everyLayerInfersWithoutRecording() {
        var generator = SplitMix64(seed: 11)
        let cases: [(any Layer, [Int])] = [
            (Linear(inputSize: 5, outputSize: 3, using: &generator), [2, 5]),
            (Conv2D(inChannels: 2, outChannels: 3, kernelSize: 3, padding: 1, using: &generator), [2, 2, 5, 5]),
            (MaxPool2D(kernelSize: 2), [1, 2, 4, 4]), (AvgPool2D(kernelSize: 2), [1, 2, 4, 4]),
            (LayerNorm(dimension: 4), [3, 4]), (MultiHeadAttention(embeddingSize: 4, headCount: 2, isCausal: true, using: &generator), [2, 3, 4]),
            (Softmax(), [2, 3]), (LogSoftmax(), [2, 3]), (Flatten(), [2, 2, 3]), (Dropout(probability: 0.5, generator: SplitMix64(seed: 1)), [2, 3]),
        ]
        let tape = Tape()
        for (layer, shape) in cases {
            layer.setTraining(false)
            let input = Tensor.normal(shape, using: &generator)
            let (isLeaf, value) = tape.evaluate { tape in
                let output = layer(tape.constant(input))
                return (output.isLeaf && !output.requiresGradient, output.value)
            }
            #expect(isLeaf, "\(type(of: layer)) recorded a graph")
            #expect(value == layer(Variable(input)).value && value == layer(input), "\(type(of: layer))")
        }
        let lstm = LSTM(inputSize: 3, hiddenSize: 4, using: &generator)
        let gru = GRU(inputSize: 3, hiddenSize: 4, using: &generator)
        let sequence = Tensor.normal([5, 2, 3], using: &generator)
        let (lstmOutput, lstmState) = lstm(Variable(sequence))
        let inferred = lstm(sequence)
        #expect(inferred.output == lstmOutput.value && inferred.hidden == lstmState.hidden.value && inferred.cell == lstmState.cell.value)
        let (gruOutput, gruState) = gru(Variable(sequence))
        #expect(gru(sequence).output == gruOutput.value && gru(sequence).state == gruState.value)
        let recorded = tape.evaluate { tape in lstm(tape.constant(sequence)).output.isLeaf && gru(tape.constant(sequence)).output.isLeaf }
        #expect(recorded)
    }

    @Test func interpolationTracksASourceModule() {
        var generator = SplitMix64(seed: 11)
        let source = Sequential([Linear(inputSize: 2, outputSize: 2, using: &generator)])
        let target = Sequential([Linear(inputSize: 2, outputSize: 2, using: &generator)])
        let before = target.parameters.map(\.value)
        target.interpolate(towards: source, tau: 0.25)
        for (index, parameter) in target.parameters.enumerated() {
            let expected = before[index] * 0.75 + source.parameters[index].value * 0.25
            #expect(isApproximatelyEqual(parameter.value, expected))
        }
        target.interpolate(towards: source, tau: 1)
        #expect(target.parameters.map(\.value) == source.parameters.map(\.value))
        #expect("\(Tensor(shape: [1, 2], scalars: [1, 2]))" == "Tensor([1, 2]: 1.0, 2.0)")
    }

    @Test func linearComputesAffineMap() {
        let layer = Linear(weight: Tensor(shape: [2, 3], scalars: [1, 0, -1, 2, 1, 0]), bias: Tensor([0.5, -1]))
        let output = layer(Tensor(shape: [1, 3], scalars: [1, 2, 3]))
        #expect(output.scalars == [-1.5, 3])
    }

    @Test func convolutionMatchesHandComputation() {
        var generator = SplitMix64(seed: 2)
        let conv = Conv2D(inChannels: 1, outChannels: 1, kernelSize: 2, padding: 1, using: &generator)
        conv.weight.value = Tensor(shape: [1, 1, 2, 2], scalars: [1, 2, 3, 4])
        conv.bias?.value = Tensor([1])
        let output = conv(Tensor(shape: [1, 1, 2, 2], scalars: [1, 1, 1, 1]))
        #expect(output.shape == [1, 1, 3, 3])
        #expect(output.scalars == [5, 8, 4, 7, 11, 5, 3, 4, 2])
    }

    @Test func convolutionBufferReuseNeverChangesResults() {
        var generator = SplitMix64(seed: 9)
        let conv = Conv2D(inChannels: 2, outChannels: 3, kernelSize: 3, padding: 1, using: &generator)
        let first = Variable(Tensor.normal([2, 2, 5, 5], using: &generator), requiresGradient: true)
        let second = Variable(Tensor.normal([2, 2, 5, 5], using: &generator), requiresGradient: true)
        func reference(_ input: Variable) -> (Tensor, [Tensor]) {
            let fresh = Variable(input.value, requiresGradient: true)
            let (_, gradients) = valueAndGradient(at: [fresh] + conv.parameters) {
                Variable.conv2d(fresh, weight: conv.weight, bias: conv.bias, padding: 1).squared().sum()
            }
            return (Variable.conv2d(fresh, weight: conv.weight, bias: conv.bias, padding: 1).value, gradients)
        }
        let expectedFirst = reference(first)
        let expectedSecond = reference(second)
        for _ in 0..<2 {
            let outputFirst = conv(first)
            let outputSecond = conv(second)
            let (_, gradientsFirst) = valueAndGradient(at: [first] + conv.parameters) { outputFirst.squared().sum() }
            let (_, gradientsSecond) = valueAndGradient(at: [second] + conv.parameters) { outputSecond.squared().sum() }
            #expect(outputFirst.value == expectedFirst.0)
            #expect(outputSecond.value == expectedSecond.0)
            #expect(gradientsFirst == expectedFirst.1)
            #expect(gradientsSecond == expectedSecond.1)
        }
    }

    @Test func poolingValues() {
        let image = Tensor(shape: [1, 1, 2, 4], scalars: [1, 5, 2, 0, 3, 4, 8, 6])
        #expect(MaxPool2D(kernelSize: 2)(image).scalars == [5, 8])
        #expect(AvgPool2D(kernelSize: 2)(image).scalars == [3.25, 4])
    }

    @Test func layerNormNormalisesRows() {
        let output = LayerNorm(dimension: 4)(Tensor(shape: [1, 4], scalars: [1, 2, 3, 4]))
        #expect(abs(output.mean().scalar) < 1e-6)
        #expect(abs(output.map { $0 * $0 }.mean().scalar - 1) < 1e-4)
    }

    @Test func dropoutIsSeededAndOffInEvaluation() {
        let input = Tensor.ones([1000])
        let first = Dropout(probability: 0.3, generator: SplitMix64(seed: 5))
        let second = Dropout(probability: 0.3, generator: SplitMix64(seed: 5))
        let masked = first(input)
        #expect(masked == second(input))
        let dropped = masked.scalars.filter { $0 == 0 }.count
        #expect(dropped > 250 && dropped < 350)
        #expect(masked.scalars.allSatisfy { $0 == 0 || abs($0 - 1 / 0.7) < 1e-6 })
        let model = Sequential([first])
        model.setTraining(false)
        #expect(model(input) == input)
    }

    /// Dropout draws a fresh mask on every call, so finite differences do not apply; its
    /// gradient must be exactly the mask it used (0 or 1/(1-p)).
    @Test func dropoutGradientIsItsMask() {
        let dropout = Dropout(probability: 0.5, generator: SplitMix64(seed: 6))
        let input = Variable(Tensor.ones([64]), requiresGradient: true)
        let output = dropout(input)
        output.sum().backward()
        #expect(input.grad == output.value)
    }

    @Test func embeddingLooksUpRows() {
        var generator = SplitMix64(seed: 3)
        let embedding = Embedding(count: 5, dimension: 2, using: &generator)
        let vectors = embedding([4, 1, 4, 0], shape: [2, 2])
        #expect(vectors.shape == [2, 2, 2])
        #expect(Array(vectors.value.scalars[0..<2]) == Array(embedding.weight.value.scalars[8..<10]))
    }

    @Test func recurrentStateCarriesAcrossCalls() {
        var generator = SplitMix64(seed: 4)
        let lstm = LSTM(inputSize: 2, hiddenSize: 3, using: &generator)
        let gru = GRU(inputSize: 2, hiddenSize: 3, using: &generator)
        let sequence = Variable(Tensor.normal([6, 2, 2], using: &generator))
        let whole = lstm(sequence)
        let firstHalf = lstm(sequence.sliced(alongAxis: 0, 0..<3))
        let secondHalf = lstm(sequence.sliced(alongAxis: 0, 3..<6), state: firstHalf.state)
        #expect(isApproximatelyEqual(whole.state.hidden.value, secondHalf.state.hidden.value))
        #expect(isApproximatelyEqual(whole.output.value.sliced(alongAxis: 0, 3..<6), secondHalf.output.value))
        let gruWhole = gru(sequence)
        let gruFirst = gru(sequence.sliced(alongAxis: 0, 0..<3))
        let gruSecond = gru(sequence.sliced(alongAxis: 0, 3..<6), state: gruFirst.state)
        #expect(isApproximatelyEqual(gruWhole.state.value, gruSecond.state.value))
        #expect(lstm.namedParameters.map(\.name) == ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"])
        #expect(lstm.namedParameters.map(\.parameter.shape) == [[12, 2], [12, 3], [12], [12]])
        #expect(gru.namedParameters.map(\.parameter.shape) == [[9, 2], [9, 3], [9], [9]])
    }

    @Test func causalAttentionIgnoresTheFuture() {
        var generator = SplitMix64(seed: 6)
        let attention = MultiHeadAttention(embeddingSize: 4, headCount: 2, isCausal: true, using: &generator)
        let sequence = Tensor.normal([1, 4, 4], using: &generator)
        var changed = sequence
        changed[0, 3, 0] += 5
        let before = attention(sequence)
        let after = attention(changed)
        #expect(isApproximatelyEqual(before.sliced(alongAxis: 1, 0..<3), after.sliced(alongAxis: 1, 0..<3)))
        #expect(!isApproximatelyEqual(before.sliced(alongAxis: 1, 3..<4), after.sliced(alongAxis: 1, 3..<4)))
        #expect(attention.namedParameters.map(\.name) == ["in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"])
    }
}
