import RxSignature
import RxTransport
import RxWire

extension PrescriptionsService {
    /// Verifies the signed bytes, decodes the content (only after verification) and checks that the
    /// signer, the content and the calling facility agree.
    func verifiedContent(
        _ signed: [UInt8], caller: FacilityIdentity, now: Int64
    ) throws(PrescriptionError) -> (Prescription, VerifiedSignature) {
        guard !signed.isEmpty else { throw .invalidArgument("signed_prescription is empty") }
        let signature: VerifiedSignature
        do {
            signature = try self.verifier.verify(signed, at: now)
        } catch {
            throw Self.signatureRefusal(error)
        }
        let content: Prescription
        do {
            content = try Prescription(serializedBytes: signature.content)
        } catch {
            throw .invalidArgument("the signed content is not an rx.v1.Prescription: \(error)")
        }
        guard content.facilityCode == caller.facilityCode else {
            throw .permissionDenied(
                "the prescription names facility \(content.facilityCode.isEmpty ? "(none)" : content.facilityCode) "
                    + "but the calling certificate is facility \(caller.facilityCode)")
        }
        if let signerFacility = signature.signerFacilityCode, signerFacility != caller.facilityCode {
            throw .permissionDenied(
                "the signing doctor's certificate belongs to facility \(signerFacility), "
                    + "not the calling facility \(caller.facilityCode)")
        }
        let prescriber = content.prescriber?.practisingCertificateNumber ?? ""
        guard prescriber == signature.signerPractisingCertificate else {
            throw .permissionDenied(
                "the prescriber's practising certificate \(prescriber.isEmpty ? "(none)" : prescriber) does not match "
                    + "the signer's \(signature.signerPractisingCertificate) (\(signature.signerName))")
        }
        // The verifier checks the chain at both moments; checking the leaf here as well keeps the rule
        // visible and holds for any verifier.
        guard signature.notBefore <= now, now <= signature.notAfter else {
            throw .permissionDenied("the signing certificate \(signature.certificateSerial) is not valid now")
        }
        if let signingTime = signature.signingTime {
            guard signature.notBefore <= signingTime, signingTime <= signature.notAfter else {
                throw .permissionDenied(
                    "the signing certificate \(signature.certificateSerial) was not valid at the signing time")
            }
            guard signingTime <= now + PrescriptionValidator.clockSkewSeconds else {
                throw .invalidArgument("the signing time \(signingTime) is in the future (now \(now))")
            }
        }
        return (content, signature)
    }

    /// The refusal a verification failure means: the bytes are wrong (`INVALID_ARGUMENT`) or the signer
    /// is not one we trust now (`PERMISSION_DENIED`).
    static func signatureRefusal(_ error: any Error) -> PrescriptionError {
        switch error {
        case let error as SignatureError:
            switch error {
            case .malformed, .invalidSignature, .missingSignerAttribute:
                return .invalidArgument(error.message)
            case .untrustedSigner, .certificateExpired, .certificateNotYetValid, .certificateRevoked:
                return .permissionDenied(error.message)
            case .unreadableFile, .signingFailed, .openSSLFailure:
                return PrescriptionError(.internal, "signature verification is unavailable")
            }
        case let error as PrescriptionError:
            return error
        case let error as any RPCErrorConvertible:
            return PrescriptionError(error.rpcError.code, error.rpcError.message)
        default:
            return .invalidArgument("signature rejected: \(error)")
        }
    }
}
