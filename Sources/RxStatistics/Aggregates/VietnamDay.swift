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
}
