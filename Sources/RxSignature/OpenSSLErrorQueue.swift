import COpenSSL

/// The calling thread's OpenSSL error queue, read and emptied in one go.
///
/// Every checked call in this module clears the queue first (`ERR_clear_error`) and drains it right after
/// a failure, so a message never mixes reasons from an earlier, unrelated call.
struct OpenSSLErrorQueue {
    /// One queued error: OpenSSL's packed code and its reason text.
    struct Entry {
        var code: UInt
        var text: String

        /// The reason part of the packed code (for example `CMS_R_VERIFICATION_FAILURE`).
        var reason: Int32 { ERR_GET_REASON(self.code) }
    }

    /// The drained errors, oldest first.
    var entries: [Entry]

    /// Empties the calling thread's queue into a value. `@inline(never)` so nothing between the failing
    /// call and the drain can run OpenSSL code that touches the queue.
    @inline(never)
    static func drain() -> OpenSSLErrorQueue {
        var entries: [Entry] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            entries.append(Entry(code: code, text: Self.text(for: code)))
        }
        return OpenSSLErrorQueue(entries: entries)
    }

    /// Whether any drained error has `reason` as its reason code.
    func contains(reason: Int32) -> Bool {
        self.entries.contains { $0.reason == reason }
    }

    /// The reasons joined for a message, or `fallback` when OpenSSL queued nothing.
    func summary(or fallback: String) -> String {
        let texts = self.entries.map(\.text)
        return texts.isEmpty ? fallback : texts.joined(separator: "; ")
    }

    private static func text(for code: UInt) -> String {
        if let reason = ERR_reason_error_string(code) {
            return String(cString: reason)
        }
        var buffer = [CChar](repeating: 0, count: 256)
        return buffer.withUnsafeMutableBufferPointer { storage -> String in
            guard let base = storage.baseAddress else { return "OpenSSL error \(code)" }
            ERR_error_string_n(code, base, storage.count)
            return String(cString: base)
        }
    }
}
