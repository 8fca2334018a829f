import Foundation
import RxTransport

/// The one table of who may call what. Services register their methods through it, and
/// `rx-server roles` prints it, so the documentation cannot drift from what is enforced.
public enum AccessPolicy {
    public struct Entry: Sendable {
        public var method: String
        public var access: MethodAccess
        public var note: String
    }

    /// Each service area lists its methods in `AccessPolicy+Area.swift`.
    public static let entries: [Entry] =
        healthEntries + diagnosticsEntries + prescriptionsEntries + drugsEntries + statisticsEntries
        + operationsEntries

    static let healthEntries: [Entry] = [
        Entry(method: "/grpc.health.v1.Health/Check", access: .anyFacility, note: "liveness; any verified certificate"),
        Entry(method: "/grpc.health.v1.Health/Watch", access: .anyFacility, note: "status changes, streamed"),
        Entry(method: "/grpc.health.v1.Health/List", access: .anyFacility, note: "status of every service"),
    ]

    static let diagnosticsEntries: [Entry] = [
        Entry(method: "/rx.v1.Diagnostics/Echo", access: .roles(Set(FacilityRole.allCases)),
              note: "only with --enable-diagnostics"),
        Entry(method: "/rx.v1.Diagnostics/EchoStream", access: .roles(Set(FacilityRole.allCases)),
              note: "only with --enable-diagnostics"),
    ]

    /// The access rule for `method`; a method missing from the table is a programming error.
    public static func access(for method: String) -> MethodAccess {
        guard let entry = self.entries.first(where: { $0.method == method }) else {
            preconditionFailure("method \(method) has no entry in AccessPolicy.entries")
        }
        return entry.access
    }

    /// The table as text, one method per line.
    public static func render() -> String {
        let width = self.entries.map(\.method.count).max() ?? 0
        var lines = ["METHOD".padding(toLength: width, withPad: " ", startingAt: 0) + "  ALLOWED ROLES  (NOTE)"]
        for entry in self.entries {
            lines.append(
                entry.method.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(entry.access)  (\(entry.note))")
        }
        return lines.joined(separator: "\n")
    }
}
