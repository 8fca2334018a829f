import RxSignature
import RxTransport
import RxWire

/// The inputs a hostile client controls, each as a function that must never crash, hang or read out
/// of bounds, whatever the bytes. libFuzzer drives them through `rx-fuzz`; `swift test` replays the
/// saved crash and corpus inputs under `Tests/RxFuzzTargetsTests/Regressions/<target>/`.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Every message type of `Protos/`, chosen by the first byte, decoded from the rest.
    case wire
    /// The gRPC message deframer, fed the input in chunks whose sizes the input also chooses.
    case framer
    /// CMS SignedData verification against the development prescriber-signing CA.
    case cms

    /// Runs the target once on `bytes`. Errors are expected outcomes; only a crash is a finding.
    public func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .wire: Self.decodeMessage(bytes)
        case .framer: Self.deframe(bytes)
        case .cms: Self.verifySignature(bytes)
        }
    }

    private static func decodeMessage(_ bytes: UnsafeRawBufferPointer) {
        guard let selector = bytes.first else { return }
        let types = ProtoSchema.messageTypes
        let type = types[Int(selector) % types.count]
        let body = UnsafeRawBufferPointer(rebasing: bytes.dropFirst())
        guard let message = try? type.init(serializedBytes: body, limits: DecodingLimits()) else { return }
        // A message that decoded must re-encode and decode to an equal value.
        let encoded = message.serializedBytes()
        guard let again = try? type.init(serializedBytes: encoded, limits: DecodingLimits()) else {
            fatalError("\(type.protoMessageName): re-encoded bytes do not decode")
        }
        guard again.serializedBytes() == encoded else {
            fatalError("\(type.protoMessageName): encoding is not stable")
        }
    }

    private static func deframe(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 2 else { return }
        let chunk = Int(bytes[0]) % 64 + 1
        let maximum = Int(bytes[1]) * 16
        var deframer = GRPCMessageDeframer(maximumMessageBytes: maximum)
        var total = 0
        var offset = 2
        do {
            while offset < bytes.count {
                let end = min(bytes.count, offset + chunk)
                try deframer.consume(UnsafeRawBufferPointer(rebasing: bytes[offset..<end])) { message in
                    guard message.count <= maximum else { fatalError("message over the maximum was delivered") }
                    total += message.count + 5
                }
                offset = end
            }
            try deframer.finish()
        } catch {
            return
        }
        guard total == bytes.count - 2 else { fatalError("deframer lost or invented bytes") }
    }

    private static func verifySignature(_ bytes: UnsafeRawBufferPointer) {
        // Without the signing CA the target would test nothing: stop loudly instead.
        guard let verifier = FuzzEnvironment.signatureVerifier else {
            fatalError("cannot load \(FuzzEnvironment.repositoryRoot)/Certs/dev/signing-ca.crt; set RX_REPO_ROOT")
        }
        _ = try? verifier.verify(Array(bytes), at: 1_800_000_000)
    }
}
