import RxWire

extension CivilDate {
    /// Vietnam's offset from UTC (UTC+7, no daylight saving).
    static let vietnamOffsetSeconds: Int64 = 7 * 3600

    /// The calendar date in Vietnam at `unixSeconds`.
    static func inVietnam(at unixSeconds: Int64) -> CivilDate {
        CivilDate(daysSinceEpoch: Self.floorDivide(unixSeconds + Self.vietnamOffsetSeconds, 86_400))
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
