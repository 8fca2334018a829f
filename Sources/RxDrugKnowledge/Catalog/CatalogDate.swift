import Foundation

/// A calendar date without time zone: when a declared price takes effect, or the day a price is asked
/// for. Prices change at midnight in Vietnam, so "today" is taken in Vietnam time (UTC+7).
public struct CatalogDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1-12.
    public let month: Int
    /// 1-31, valid for the month.
    public let day: Int

    /// A date, or nil when the day does not exist (30 February, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (ISO 8601) or `DD/MM/YYYY` (as the Drug Administration's lists print dates).
    public init?(parsing text: String) {
        if let date = Self.parsingPlainISO(text) {
            self = date
            return
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let iso = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let slashed = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, iso[1].count == 2, iso[2].count == 2,
            let year = Int(iso[0]), let month = Int(iso[1]), let day = Int(iso[2])
        {
            self.init(year: year, month: month, day: day)
        } else if slashed.count == 3, slashed[2].count == 4, (1...2).contains(slashed[0].count),
            (1...2).contains(slashed[1].count), let day = Int(slashed[0]), let month = Int(slashed[1]),
            let year = Int(slashed[2])
        {
            self.init(year: year, month: month, day: day)
        } else {
            return nil
        }
    }

    /// `YYYY-MM-DD` in ASCII digits exactly, as the database stores dates: parsed without splitting or
    /// trimming (every stored price goes through here on start-up). Nil for anything else, which the
    /// general parser then handles; for the text it accepts, the result is the general parser's.
    private static func parsingPlainISO(_ text: String) -> CatalogDate? {
        var text = text
        return text.withUTF8 { bytes -> CatalogDate? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
                return nil
            }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
                return nil
            }
            return CatalogDate(year: year, month: month, day: day)
        }
    }

    /// Today in Vietnam (UTC+7), the calendar prices are declared in.
    public static func today(now: Date = Date()) -> CatalogDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CatalogDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CatalogDate.epoch
    }

    /// 1970-01-01, a fallback that always exists.
    static let epoch = CatalogDate(unchecked: 1970, 1, 1)

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let month = self.month < 10 ? "0\(self.month)" : "\(self.month)"
        let day = self.day < 10 ? "0\(self.day)" : "\(self.day)"
        return "\(self.year)-\(month)-\(day)"
    }

    public static func < (lhs: CatalogDate, rhs: CatalogDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
