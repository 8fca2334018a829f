import RxSignature

/// The 64-bit key under which an idempotency record is filed (schema step 303): the first 8 bytes of
/// SHA-256 over the facility code, the method and the client's key, NUL-separated.
///
/// Stored in the database, so it must never change. SHA-256 rather than a fast non-cryptographic hash
/// because clients choose the keys: nobody can aim a key at another facility's records to make its
/// look-ups scan a pile of colliding rows.
enum IdempotencyKeyHash {
    static func of(facilityCode: String, method: String, key: String) -> Int64 {
        var bytes = Array(facilityCode.utf8)
        bytes.append(0)
        bytes += method.utf8
        bytes.append(0)
        bytes += key.utf8
        let digest = SHA256.hash(bytes)
        var value: UInt64 = 0
        for byte in digest.prefix(8) { value = value << 8 | UInt64(byte) }
        return Int64(bitPattern: value)
    }
}
