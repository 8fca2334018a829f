/// Why an outbox record could not be read back as a ``StatisticsEvent``.
public enum StatisticsEventError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case unknownVersion(UInt8)
    case unknownKind(Int64)
    /// The event names a prescription that is not stored (statistics rows hang off its row id).
    case unknownPrescription(String)

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed statistics event: \(reason)"
        case .unknownVersion(let version): "statistics event format version \(version) is not known"
        case .unknownKind(let kind): "statistics event kind \(kind) is not known"
        case .unknownPrescription(let code): "statistics event names prescription \(code), which is not stored"
        }
    }
}
