import CNGHTTP2

/// A list of header fields laid out once in one allocation, with the `nghttp2_nv` array nghttp2
/// wants pointing into it.
///
/// Response headers that never change (`:status 200`, `content-type`, `grpc-status: 0`) are built
/// once at start-up as static blocks that nghttp2 may reference without copying; per-call blocks
/// (an error's `grpc-message`) live only for the duration of the submit call.
final class HeaderBlock: @unchecked Sendable {
    private let storage: UnsafeMutableRawBufferPointer
    private let pairs: UnsafeMutablePointer<nghttp2_nv>
    let count: Int

    /// - Parameter isStatic: the block outlives every session it is submitted to, so nghttp2 may
    ///   keep pointers to it instead of copying (`NGHTTP2_NV_FLAG_NO_COPY_*`).
    init(_ fields: [(name: String, value: String)], isStatic: Bool = false) {
        let total = fields.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count }
        self.storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(total, 1), alignment: 1)
        self.pairs = UnsafeMutablePointer<nghttp2_nv>.allocate(capacity: max(fields.count, 1))
        self.count = fields.count
        let flags =
            isStatic
            ? UInt8(NGHTTP2_NV_FLAG_NO_COPY_NAME.rawValue | NGHTTP2_NV_FLAG_NO_COPY_VALUE.rawValue)
            : UInt8(NGHTTP2_NV_FLAG_NONE.rawValue)
        guard let base = self.storage.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var offset = 0
        for (index, field) in fields.enumerated() {
            let name = base + offset
            for byte in field.name.utf8 {
                base[offset] = byte
                offset += 1
            }
            let value = base + offset
            for byte in field.value.utf8 {
                base[offset] = byte
                offset += 1
            }
            (self.pairs + index).initialize(
                to: nghttp2_nv(
                    name: name, value: value, namelen: field.name.utf8.count,
                    valuelen: field.value.utf8.count, flags: flags))
        }
    }

    deinit {
        self.pairs.deinitialize(count: self.count)
        self.pairs.deallocate()
        self.storage.deallocate()
    }

    /// Lends the `nghttp2_nv` array; the pointer must not escape `body`.
    func withNameValuePairs<R>(_ body: (UnsafePointer<nghttp2_nv>, Int) -> R) -> R {
        body(UnsafePointer(self.pairs), self.count)
    }

    /// Lends this block followed by `extra`, as one array (for static prefix + dynamic suffix).
    func withNameValuePairs<R>(appending extra: HeaderBlock, _ body: (UnsafePointer<nghttp2_nv>, Int) -> R) -> R {
        let total = self.count + extra.count
        return withUnsafeTemporaryAllocation(of: nghttp2_nv.self, capacity: max(total, 1)) { buffer in
            guard let base = buffer.baseAddress else { return body(UnsafePointer(self.pairs), 0) }
            base.initialize(from: self.pairs, count: self.count)
            (base + self.count).initialize(from: extra.pairs, count: extra.count)
            return body(UnsafePointer(base), total)
        }
    }
}
