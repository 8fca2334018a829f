import RxWire

/// Days as statistics count them: civil days in Vietnam (UTC+7, no daylight saving), numbered from
/// 1970-01-01.
public enum VietnamDay {
    /// Seconds east of UTC.
    public static let offsetSeconds: Int64 = 7 * 3_600

    /// The day number of a Unix time.
    public static func of(_ unixSeconds: Int64) -> Int64 {
        let shifted = unixSeconds + self.offsetSeconds
        return shifted >= 0 ? shifted / 86_400 : (shifted - 86_399) / 86_400
    }

    /// Unix time of the start (00:00 in Vietnam) of day number `day`.
    public static func start(of day: Int64) -> Int64 { day * 86_400 - self.offsetSeconds }

    /// The day number of the first day of the month holding `day`.
    public static func monthStart(of day: Int64) -> Int64 {
        let (year, month, _) = self.civil(day)
        return self.dayNumber(year: year, month: month, day: 1)
    }

    /// The day number of the first day of the month after the one holding `day`.
    public static func nextMonthStart(after day: Int64) -> Int64 {
        let (year, month, _) = self.civil(day)
        return month == 12 ? self.dayNumber(year: year + 1, month: 1, day: 1) : self.dayNumber(year: year, month: month + 1, day: 1)
    }

    /// Year, month and day of a day number.
    static func civil(_ day: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let date = CivilDate(daysSinceEpoch: day)
        return (Int64(date.year), Int64(date.month), Int64(date.day))
    }

    /// The day number of a civil date.
    static func dayNumber(year: Int64, month: Int64, day: Int64) -> Int64 {
        CivilDate(year: Int32(truncatingIfNeeded: year), month: Int32(truncatingIfNeeded: month), day: Int32(truncatingIfNeeded: day))
            .daysSinceEpoch
    }
}
