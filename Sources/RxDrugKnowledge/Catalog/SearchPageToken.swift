import Foundation

/// The opaque page token: where the next page starts, bound to the query and to the snapshot version
/// it was computed on.
///
/// A token from another snapshot is refused rather than silently applied to a list that may have
/// shifted (a reload can insert products before the offset): the client restarts the search.
struct SearchPageToken: Sendable, Hashable {
    let version: UInt64
    let queryDigest: UInt64
    let offset: Int

    var encoded: String {
        let text = "p1:\(String(self.version, radix: 16)):\(String(self.queryDigest, radix: 16)):\(self.offset)"
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init(version: UInt64, queryDigest: UInt64, offset: Int) {
        self.version = version
        self.queryDigest = queryDigest
        self.offset = offset
    }

    /// Decodes a token, or nil when it is not one of ours.
    init?(decoding token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8) else {
            return nil
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "p1", let version = UInt64(parts[1], radix: 16),
            let digest = UInt64(parts[2], radix: 16), let offset = Int(parts[3]), offset >= 0
        else {
            return nil
        }
        self.init(version: version, queryDigest: digest, offset: offset)
    }
}
