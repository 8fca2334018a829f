import Foundation

/// Where the service reads "now" (Unix seconds). Injected so tests can stand exactly on a validity
/// boundary.
public struct PrescriptionClock: Sendable {
    public let now: @Sendable () -> Int64

    public init(now: @escaping @Sendable () -> Int64) {
        self.now = now
    }

    /// The system's wall clock.
    public static let system = PrescriptionClock { Int64(Date().timeIntervalSince1970) }
}
