import NeuralCore
import Testing

/// One attention layer learning to reverse short sequences: every output position must find
/// the token at the mirrored position, which only attention over positions can do.
struct AttentionLearningTests {
    static let vocabulary = 6
    static let length = 5

    @Test func attentionReversesSequences() {
        var generator = SplitMix64(seed: 21)
        let embedding = 24
        let tokens = Embedding(count: Self.vocabulary, dimension: embedding, using: &generator)
        let positions = Embedding(count: Self.length, dimension: embedding, using: &generator)
        let attention = MultiHeadAttention(embeddingSize: embedding, headCount: 2, using: &generator)
        let head = Linear(inputSize: embedding, outputSize: Self.vocabulary, using: &generator)
        let parameters = tokens.parameters + positions.parameters + attention.parameters + head.parameters

        func batch(_ count: Int) -> (ids: [Int], targets: [Int]) {
            let ids = (0..<(count * Self.length)).map { _ in Int(generator.next() % UInt64(Self.vocabulary)) }
            let targets = (0..<count).flatMap { row in (0..<Self.length).reversed().map { ids[row * Self.length + $0] } }
            return (ids, targets)
        }
        func logits(_ ids: [Int]) -> Variable {
            let count = ids.count / Self.length
            let positionIds = (0..<count).flatMap { _ in Array(0..<Self.length) }
            let input = tokens(ids, shape: [count, Self.length]) + positions(positionIds, shape: [count, Self.length])
            return head(attention(input)).reshaped(to: [-1, Self.vocabulary])
        }

        let optimizer = Adam(learningRate: 0.01)
        for _ in 0..<300 {
            let (ids, targets) = batch(32)
            _ = valueAndGradient(at: parameters) { crossEntropy(logits: logits(ids), labels: targets) }
            optimizer.step(parameters)
        }
        let (ids, targets) = batch(200)
        let predictions = logits(ids).value.argmax(alongAxis: 1)
        let accuracy = Double(zip(predictions, targets).filter { $0 == $1 }.count) / Double(targets.count)
        #expect(accuracy >= 0.9, "token accuracy \(accuracy)")
    }
}
