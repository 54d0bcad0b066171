import Foundation
import TestSupport
import Testing

/// The README's "Using Dojo from your own package" test is `UserPackageExampleTests.swift`,
/// word for word, so the snippet people copy is the one this suite compiles and runs.
@Suite struct ReadmeUserPackageTests {
    @Test func readmeShowsTheTestThatRuns() throws {
        let readme = try String(contentsOf: PythonRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let example = try String(
            contentsOf: PythonRunner.packageRoot.appendingPathComponent("Tests/AgentsTests/UserPackageExampleTests.swift"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Using Dojo from your own package"))
        let blocks = readme[section.upperBound...].components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.contains(example), "README's test snippet differs from Tests/AgentsTests/UserPackageExampleTests.swift")
    }
}
