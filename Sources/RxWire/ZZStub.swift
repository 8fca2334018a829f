// TEMPORARY compile stub until the wire branch merges.
public struct WireError: Error, Sendable {}
public protocol ProtoMessage: Sendable {
    init(serializedBytes: [UInt8]) throws
    func serializedBytes() -> [UInt8]
}
