// TEMPORARY compile stub until the tls branch merges.
public final class TLSContext: @unchecked Sendable {}
public struct TLSError: Error, Sendable {}
enum HandshakeProgress { case complete, needsMoreData, failed(TLSError) }
enum ReadResult { case ok(Int), wouldBlock, closed, failed(TLSError) }
final class TLSConnection {
    init(context: TLSContext) throws(TLSError) {}
    func receiveCiphertext(_ bytes: UnsafeRawBufferPointer) {}
    func handshake() -> HandshakeProgress { .needsMoreData }
    func readPlaintext(into buffer: inout [UInt8]) -> ReadResult { .wouldBlock }
    func writePlaintext(_ bytes: UnsafeRawBufferPointer) throws(TLSError) {}
    func takePendingCiphertext(into buffer: inout [UInt8]) {}
    func peerIdentity() throws -> FacilityIdentity { throw TLSError() }
}
public enum FacilityRole: String, Sendable, CaseIterable, Hashable { case prescriber, pharmacy, regulator }
public struct FacilityIdentity: Sendable, Hashable {
    public var facilityCode: String
    public var facilityName: String
    public var roles: Set<FacilityRole>
}
