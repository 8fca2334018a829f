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

    /// Year, month and day of a day number (proleptic Gregorian; H. Hinnant's `civil_from_days`).
    static func civil(_ day: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = day + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth)
    }

    /// The day number of a civil date (H. Hinnant's `days_from_civil`).
    static func dayNumber(year: Int64, month: Int64, day: Int64) -> Int64 {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
