import COpenSSL

/// SHA-256 digests through OpenSSL's EVP interface.
///
/// Prescriptions are identified and audited by the digest of their exact signed bytes, so every module
/// that needs a digest uses this one implementation rather than carrying its own.
public enum SHA256 {
    /// Length of a SHA-256 digest in bytes.
    public static let digestLength = 32

    /// SHA-256 fetched once from the default provider. `EVP_sha256()` makes OpenSSL 3 look the
    /// implementation up again on every use, under a global lock that the signature-verifying threads
    /// then queue on; a fetched `EVP_MD` is immutable and may be shared by every thread.
    nonisolated(unsafe) static let algorithm: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil)

    /// The SHA-256 digest of `bytes`.
    ///
    /// `EVP_Digest` with the built-in SHA-256 cannot fail for in-memory input short of memory exhaustion;
    /// in that case the process cannot continue meaningfully, so it stops with a message instead of
    /// returning a wrong digest.
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let contiguous = Array(bytes)
        var digest = [UInt8](repeating: 0, count: digestLength)
        var written: UInt32 = 0
        let status = contiguous.withUnsafeBytes { input in
            digest.withUnsafeMutableBytes { output in
                EVP_Digest(
                    input.baseAddress, input.count,
                    output.baseAddress?.assumingMemoryBound(to: UInt8.self), &written,
                    algorithm ?? EVP_sha256(), nil)
            }
        }
        guard status == 1, written == UInt32(digestLength) else {
            fatalError("EVP_Digest(SHA-256) failed; OpenSSL is unusable")
        }
        return digest
    }

    /// The SHA-256 digest of `bytes` as 64 lowercase hexadecimal characters.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        hexString(hash(bytes))
    }

    /// Lowercase hexadecimal spelling of `bytes`, two characters per byte.
    public static func hexString(_ bytes: some Collection<UInt8>) -> String {
        let digits: [Character] = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
