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

    @Test("every saved input runs through its target without crashing", arguments: FuzzTarget.all)
    func replay(target: FuzzTarget) throws {
        let directory = Self.regressions + "/" + target.name
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(!files.isEmpty, "no saved inputs for \(target.name)")
        for file in files {
            let data = try #require(FileManager.default.contents(atPath: directory + "/" + file))
            data.withUnsafeBytes { target.run($0) }
        }
    }

    @Test("every regression folder belongs to a target, so no saved input is silently skipped")
    func foldersMatchTargets() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.regressions)
        let names = Set(FuzzTarget.all.map(\.name))
        #expect(Set(folders).subtracting(names).isEmpty, "folders without a target")
        #expect(names.count == FuzzTarget.all.count, "two targets share a name")
    }

    @Test("there is a request target for every RPC's request message and one for each CSV file")
    func coverage() {
        let names = Set(FuzzTarget.all.map(\.name))
        for expected in [
            "wire", "framer", "cms", "catalog-csv", "interactions-csv", "synonyms-csv",
            "request-rx.v1.SubmitPrescriptionRequest", "request-rx.v1.DispensePrescriptionRequest",
            "request-grpc.reflection.v1alpha.ServerReflectionRequest", "request-rx.v1.StatisticsQuery",
        ] {
            #expect(names.contains(expected), "missing target \(expected)")
        }
        #expect(FuzzTarget(name: "no-such-target") == nil)
    }
}
