#if canImport(Glibc)
import Glibc
#endif

/// Nanoseconds on `CLOCK_MONOTONIC`: deadlines and timeouts must not jump with the wall clock.
public struct MonotonicTime: Sendable, Hashable, Comparable {
    public var nanoseconds: UInt64

    public init(nanoseconds: UInt64) { self.nanoseconds = nanoseconds }

    public static func now() -> MonotonicTime {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return MonotonicTime(nanoseconds: UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec))
    }

    public static func < (lhs: MonotonicTime, rhs: MonotonicTime) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    public func adding(nanoseconds: UInt64) -> MonotonicTime {
        let (sum, overflow) = self.nanoseconds.addingReportingOverflow(nanoseconds)
        return MonotonicTime(nanoseconds: overflow ? UInt64.max : sum)
    }

    public func adding(milliseconds: Int) -> MonotonicTime {
        self.adding(nanoseconds: UInt64(max(0, milliseconds)) * 1_000_000)
    }

    /// Nanoseconds from `earlier` to `self`, zero if `earlier` is later.
    public func nanoseconds(since earlier: MonotonicTime) -> UInt64 {
        self.nanoseconds >= earlier.nanoseconds ? self.nanoseconds - earlier.nanoseconds : 0
    }
}
