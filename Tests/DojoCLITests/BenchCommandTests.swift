import Foundation
import Testing

@Suite struct BenchCommandTests {
    /// The JSON that Benchmarks/compare.py reads: one object with build, cores and results.
    @Test func environmentBenchJSONHasTheDocumentedKeys() throws {
        let output = try #require(
            try DojoBinary.json(["bench", "--json", "--steps", "2000", "--repeats", "1", "--filter", "cartpole/sync-vector/8"])
                as? [String: Any])
        #expect(output["build"] is String && output["cores"] is Int && output["threads"] is Int && output["repeats"] as? Int == 1)
        let results = try #require(output["results"] as? [[String: Any]])
        #expect(results.count == 1)
        let result = try #require(results.first)
        #expect(result["name"] as? String == "cartpole/sync-vector/8" && result["env"] as? String == "CartPole-v1")
        #expect(result["copies"] as? Int == 8 && result["threads"] as? Int == 1)
        #expect((result["steps_per_second"] as? Double ?? 0) > 0)
    }

    @Test func neuralBenchJSONNamesValueAndUnit() throws {
        let output = try #require(
            try DojoBinary.json(["bench", "--suite", "neural", "--json", "--filter", "forward-batch-1/4-64"]) as? [String: Any])
        let results = try #require(output["results"] as? [[String: Any]])
        #expect(results.count == 1 && results[0]["unit"] as? String == "ms" && (results[0]["value"] as? Double ?? 0) > 0)
    }

    @Test func unknownSuiteIsRejected() throws {
        let output = try DojoBinary.run(["bench", "--suite", "gpu"])
        #expect(output.status != 0 && output.stderr.contains("--suite"))
    }
}
