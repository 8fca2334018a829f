/// The `grpc-timeout` request header: at most 8 ASCII digits followed by a unit
/// (`H`ours, `M`inutes, `S`econds, `m`illis, `u`micros, `n`anos).
public struct GRPCTimeout: Sendable, Hashable {
    public var nanoseconds: UInt64

    public init(nanoseconds: UInt64) { self.nanoseconds = nanoseconds }

    /// Parses a header value; `nil` for anything malformed, which the server treats as a
    /// protocol error rather than "no deadline".
    public init?(headerValue: some StringProtocol) {
        let utf8 = Array(headerValue.utf8)
        guard utf8.count >= 2, utf8.count <= 9, let unit = utf8.last else { return nil }
        var amount: UInt64 = 0
        for byte in utf8.dropLast() {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            amount = amount * 10 + UInt64(byte - UInt8(ascii: "0"))
        }
        let perUnit: UInt64
        switch unit {
        case UInt8(ascii: "H"): perUnit = 3_600_000_000_000
        case UInt8(ascii: "M"): perUnit = 60_000_000_000
        case UInt8(ascii: "S"): perUnit = 1_000_000_000
        case UInt8(ascii: "m"): perUnit = 1_000_000
        case UInt8(ascii: "u"): perUnit = 1_000
        case UInt8(ascii: "n"): perUnit = 1
        default: return nil
        }
        let (product, overflow) = amount.multipliedReportingOverflow(by: perUnit)
        self.nanoseconds = overflow ? UInt64.max : product
    }

    /// The shortest exact header value with at most 8 digits (rounding up when precision must go).
    public var headerValue: String {
        let units: [(UInt64, Character)] = [
            (1, "n"), (1_000, "u"), (1_000_000, "m"), (1_000_000_000, "S"), (60_000_000_000, "M"),
            (3_600_000_000_000, "H"),
        ]
        for (perUnit, symbol) in units {
            let (quotient, remainder) = self.nanoseconds.quotientAndRemainder(dividingBy: perUnit)
            let amount = remainder == 0 ? quotient : quotient + 1
            if amount <= 99_999_999 { return "\(amount)\(symbol)" }
        }
        return "99999999H"
    }
}
