import Foundation
import RxFuzzTargets
import Testing

/// Replays every saved fuzz input (seeds and past crashes) through its target on each test run.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let regressions: String = {
        let components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        return components.dropLast().joined(separator: "/") + "/Regressions"
    }()

    @Test("every saved input runs through its target without crashing", arguments: FuzzTarget.allCases)
    func replay(target: FuzzTarget) throws {
        let directory = Self.regressions + "/" + target.rawValue
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(!files.isEmpty, "no saved inputs for \(target.rawValue)")
        for file in files {
            let data = try #require(FileManager.default.contents(atPath: directory + "/" + file))
            data.withUnsafeBytes { target.run($0) }
        }
    }
}
