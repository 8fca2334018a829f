import RxWire

extension CivilDate {
    /// Vietnam's offset from UTC (UTC+7, no daylight saving).
    static let vietnamOffsetSeconds: Int64 = 7 * 3600

    /// The calendar date in Vietnam at `unixSeconds`.
    static func inVietnam(at unixSeconds: Int64) -> CivilDate {
        let days = Self.floorDivide(unixSeconds + Self.vietnamOffsetSeconds, 86_400)
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = Self.floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return CivilDate(year: Int32(truncatingIfNeeded: year), month: Int32(month), day: Int32(day))
    }

    /// Whole months from `self` to `later` (negative when `later` is earlier).
    func wholeMonths(until later: CivilDate) -> Int {
        var months = Int(later.year - self.year) * 12 + Int(later.month - self.month)
        if later.day < self.day { months -= 1 }
        return months
    }

    /// Whether the fields form a real calendar date (years 1900-2200).
    var isPlausible: Bool {
        guard (1900...2200).contains(self.year), (1...12).contains(self.month), self.day >= 1 else { return false }
        let thirtyDays: Set<Int32> = [4, 6, 9, 11]
        let leap = (self.year % 4 == 0 && self.year % 100 != 0) || self.year % 400 == 0
        let maximum: Int32 = self.month == 2 ? (leap ? 29 : 28) : (thirtyDays.contains(self.month) ? 30 : 31)
        return self.day <= maximum
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
