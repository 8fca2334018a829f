import Foundation
import RxWire

/// Times and dates as prescription files and rxctl's output spell them.
enum PrescriptionTime {
    /// Unix seconds of an RFC 3339 time (`2026-03-14T09:30:00+07:00`, `2026-03-14T02:30:00Z`, optional
    /// fractional seconds, which are dropped).
    static func parse(_ text: String) -> Int64? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return Int64(date.timeIntervalSince1970.rounded(.down)) }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text).map { Int64($0.timeIntervalSince1970.rounded(.down)) }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for Unix seconds.
    static func rfc3339(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// A `YYYY-MM-DD` date with a real month and day.
    static func civilDate(_ text: String) -> CivilDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int32(parts[0]), let month = Int32(parts[1]), let day = Int32(parts[2]),
            (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD` for a date.
    static func spell(_ date: CivilDate) -> String {
        let year = String(date.year)
        let month = String(date.month)
        let day = String(date.day)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-"
            + (month.count < 2 ? "0" : "") + month + "-" + (day.count < 2 ? "0" : "") + day
    }

    private static func daysIn(month: Int32, year: Int32) -> Int32 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
