/// Multi-head scaled dot-product attention (Vaswani et al., 2017), like
/// `nn.MultiheadAttention(batch_first=True)`:
///
///     Q, K, V = x_q·W_qᵀ, x_k·W_kᵀ, x_v·W_vᵀ           (split into h heads of size d = E/h)
///     head = softmax(Q·Kᵀ/√d + mask)·V
///     y = concat(heads)·W_oᵀ + b_o
///
/// With a causal mask, position `t` attends only to positions `≤ t`. Parameters are
/// named as in PyTorch: `in_proj_weight [3E, E]`, `in_proj_bias`, `out_proj.weight`, `out_proj.bias`.
public final class MultiHeadAttention: Layer {
    /// The stacked query, key and value projections, `[3E, E]`.
    public let inputProjectionWeight: Variable
    /// Their biases, `[3E]` (zero-initialised, as in PyTorch).
    public let inputProjectionBias: Variable
    /// The output projection.
    public let outputProjection: Linear
    /// The number of heads `h`.
    public let headCount: Int
    /// Whether self-attention through ``callAsFunction(_:)`` masks future positions.
    public let isCausal: Bool
    /// The input projection's weight and bias, then the output projection's, stored.
    public let parameters: [Variable]

    /// Creates the layer; projections use Xavier-uniform weights as in PyTorch.
    /// - Precondition: `embeddingSize` is divisible by `headCount`.
    public init(embeddingSize: Int, headCount: Int, isCausal: Bool = false, using generator: inout some RandomNumberGenerator) {
        precondition(embeddingSize % headCount == 0, "expected an embedding size divisible by \(headCount) heads, got \(embeddingSize)")
        let bound = (6 / Float(embeddingSize + embeddingSize)).squareRoot()
        inputProjectionWeight = Variable(
            Tensor.uniform([3 * embeddingSize, embeddingSize], lower: -bound, upper: bound, using: &generator), requiresGradient: true)
        inputProjectionBias = Variable(Tensor.zeros([3 * embeddingSize]), requiresGradient: true)
        outputProjection = Linear(
            weight: Tensor.uniform([embeddingSize, embeddingSize], lower: -bound, upper: bound, using: &generator),
            bias: Tensor.zeros([embeddingSize]))
        self.headCount = headCount
        self.isCausal = isCausal
        parameters = [inputProjectionWeight, inputProjectionBias] + outputProjection.parameters
    }

    /// `in_proj_weight`, `in_proj_bias`, `out_proj.weight`, `out_proj.bias`.
    public var namedParameters: [(name: String, parameter: Variable)] {
        [("in_proj_weight", inputProjectionWeight), ("in_proj_bias", inputProjectionBias)]
            + prefixed("out_proj", outputProjection.namedParameters)
    }

    /// The layer's architecture.
    public var architecture: ModuleDescription? { .multiHeadAttention(embeddingSize: inputProjectionWeight.shape[1], headCount: headCount, isCausal: isCausal) }

    /// Self-attention over `input: [B, T, E]`, causal if the layer is.
    public func callAsFunction(_ input: Variable) -> Variable {
        attention(query: input, key: input, value: input, isCausal: isCausal)
    }

    /// Attention of `query: [B, Tq, E]` over `key`, `value: [B, Tk, E]`.
    /// - Parameter isCausal: mask key positions after each query position (needs `Tq == Tk`).
    /// - Returns: `[B, Tq, E]`.
    public func attention(query: Variable, key: Variable, value: Variable, isCausal: Bool = false) -> Variable {
        let embedding = inputProjectionWeight.shape[1]
        precondition(query.value.rank == 3 && query.shape[2] == embedding, "expected query [B, T, \(embedding)], got \(query.shape)")
        precondition(key.shape == value.shape && key.shape[0] == query.shape[0], "expected key and value [\(query.shape[0]), T, \(embedding)], got \(key.shape) and \(value.shape)")
        let batch = query.shape[0]
        let queryLength = query.shape[1]
        let keyLength = key.shape[1]
        let headSize = embedding / headCount
        var heads = Extents(ones: 4)
        heads[0] = batch
        heads[2] = headCount
        heads[3] = headSize
        var swapped = Extents(ones: 4)
        (swapped[0], swapped[1], swapped[2], swapped[3]) = (0, 2, 1, 3)
        func project(_ input: Variable, _ index: Int) -> Variable {
            let range = (index * embedding)..<((index + 1) * embedding)
            let weight = inputProjectionWeight.sliced(alongAxis: 0, range)
            let bias = inputProjectionBias.sliced(alongAxis: 0, range)
            let length = input.shape[1]
            heads[1] = length
            return Variable.linear(input.reshaped(to: .matrix(batch * length, embedding)), weight: weight, bias: bias)
                .reshaped(to: heads).permuted(swapped)
        }
        let queries = project(query, 0)
        let keys = project(key, 1)
        let values = project(value, 2)
        var scores = Variable.matmul(queries, keys.transposed()) / Float(headSize).squareRoot()
        if isCausal {
            precondition(queryLength == keyLength, "expected equal query and key lengths for a causal mask, got \(queryLength) and \(keyLength)")
            let mask = Variable.constant(onTapeOf: scores, shape: .matrix(queryLength, keyLength)) { mask in
                for row in 0..<queryLength {
                    for column in 0..<keyLength { mask[row * keyLength + column] = column > row ? -1e9 : 0 }
                }
            }
            scores = scores + mask
        }
        var merged = Extents(ones: 3)
        (merged[0], merged[1], merged[2]) = (batch, queryLength, embedding)
        let context = Variable.matmul(scores.softmax(alongAxis: -1), values).permuted(swapped).reshaped(to: merged)
        return outputProjection(context)
    }
}
