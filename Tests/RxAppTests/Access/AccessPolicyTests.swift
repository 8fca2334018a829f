import Foundation
import Logging
import RxApp
import RxTransport
import Testing

@Suite("Access policy")
struct AccessPolicyTests {
    @Test("every method the application serves has exactly one entry in the role table, and vice versa")
    func tableMatchesRoutes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rx-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = Application.Configuration()
        configuration.certificatesDirectory = Self.certificates
        configuration.dataDirectory = directory.path
        configuration.enableDiagnostics = true
        configuration.server.port = 0
        let application = try Application(configuration: configuration, logger: Logger(label: "test"))
        defer { application.shutdown() }
        let served = Set(application.router.methods.keys)
        let table = AccessPolicy.entries.map(\.method)
        #expect(Set(table) == served)
        #expect(Set(table).count == table.count, "duplicate entries")
    }

    @Test("health is open to any verified facility; diagnostics needs a role")
    func rules() {
        let norole = FacilityIdentity(facilityCode: "56007", facilityName: "x", roles: [], certificateSerial: "01", notAfter: 0)
        let pharmacy = FacilityIdentity(facilityCode: "48102", facilityName: "x", roles: [.pharmacy], certificateSerial: "02", notAfter: 0)
        #expect(AccessPolicy.access(for: "/grpc.health.v1.Health/Check").permits(norole))
        #expect(!AccessPolicy.access(for: "/rx.v1.Diagnostics/Echo").permits(norole))
        #expect(AccessPolicy.access(for: "/rx.v1.Diagnostics/Echo").permits(pharmacy))
        #expect(AccessPolicy.render().contains("/grpc.health.v1.Health/Watch"))
    }

    static let certificates: String = {
        let components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        return components.dropLast(4).joined(separator: "/") + "/Certs/dev"
    }()
}
