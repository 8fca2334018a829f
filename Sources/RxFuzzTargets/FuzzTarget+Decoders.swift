import RxPrescriptions
import RxSignature
import RxTransport
import RxWire

extension FuzzTarget {
    static func decodeAnyMessage(_ bytes: UnsafeRawBufferPointer) {
        guard let selector = bytes.first else { return }
        let types = ProtoSchema.messageTypes
        let type = types[Int(selector) % types.count]
        Self.decodeAndReencode(type, UnsafeRawBufferPointer(rebasing: bytes.dropFirst()))
    }

    static func decodeRequest(named name: String, _ bytes: UnsafeRawBufferPointer) {
        guard let type = ProtoSchema.messageType(named: name) else {
            fatalError("request type \(name) of a service is not in ProtoSchema.messageTypes")
        }
        Self.decodeAndReencode(type, bytes)
    }

    /// Decodes `bytes` as `type` the way the server does (default limits); a message that decoded must
    /// re-encode to bytes that decode to an equal value and encode to the same bytes again.
    private static func decodeAndReencode<Message: ProtoMessage>(_ type: Message.Type, _ bytes: UnsafeRawBufferPointer) {
        guard let message = try? Message(serializedBytes: bytes, limits: DecodingLimits()) else { return }
        let encoded = message.serializedBytes()
        guard encoded.count == message.encodedSize() else {
            fatalError("\(Message.protoMessageName): encodedSize() disagrees with the bytes written")
        }
        guard let again = try? Message(serializedBytes: encoded, limits: DecodingLimits()) else {
            fatalError("\(Message.protoMessageName): re-encoded bytes do not decode")
        }
        let reencoded = again.serializedBytes()
        guard reencoded == encoded else {
            fatalError("\(Message.protoMessageName): encoding is not stable")
        }
        // A value that differs from its round trip lost or invented something — unless it holds a NaN,
        // which equals nothing, not even itself.
        if again != message, again == again {
            fatalError("\(Message.protoMessageName): the re-encoded message decodes to a different value")
        }
    }

    static func deframe(_ bytes: UnsafeRawBufferPointer) {
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

    static func verifySignature(_ bytes: UnsafeRawBufferPointer) {
        // Without the signing CA the target would test nothing: stop loudly instead.
        guard let verifier = FuzzEnvironment.signatureVerifier else {
            fatalError("cannot load \(FuzzEnvironment.repositoryRoot)/Certs/dev/signing-ca.crt; set RX_REPO_ROOT")
        }
        _ = try? verifier.verify(Array(bytes), at: FuzzEnvironment.verificationTime)
    }

    static func compareWithFullVerification(_ bytes: UnsafeRawBufferPointer) {
        guard let warm = FuzzEnvironment.warmSignatureVerifier else {
            fatalError("cannot sign and verify with \(FuzzEnvironment.repositoryRoot)/Certs/dev; set RX_REPO_ROOT")
        }
        let der = Array(bytes)
        guard let accepted = try? warm.verify(der, at: FuzzEnvironment.verificationTime) else { return }
        let full = try? CMSVerifier(trustedCAFile: FuzzEnvironment.signingCA).verify(der, at: FuzzEnvironment.verificationTime)
        guard full == accepted else {
            fatalError("accepted with a known signer, but the full check answers \(String(describing: full))")
        }
    }

    static func validatePrescription(_ bytes: UnsafeRawBufferPointer) {
        guard let content = try? Prescription(serializedBytes: bytes, limits: DecodingLimits()) else { return }
        let validator = PrescriptionValidator(products: FuzzProductDirectory(), now: 1_790_000_000)
        let facility = FacilityRecord(facilityCode: content.facilityCode, name: "fuzz", hasInpatientBeds: true)
        _ = try? validator.validate(content, facility: facility)
        _ = try? validator.validate(content, facility: nil)
    }
}
