/// `rx.v1.StatisticsDimension`: what a statistics row is grouped by. Unknown numbers are kept.
public struct StatisticsDimension: ProtoEnum {
    public static let schema = EnumSchema(name: "rx.v1.StatisticsDimension", values: [
        .init("STATISTICS_DIMENSION_UNSPECIFIED", 0), .init("STATISTICS_DIMENSION_DAY", 1), .init("STATISTICS_DIMENSION_WEEK", 2), .init("STATISTICS_DIMENSION_MONTH", 3), .init("STATISTICS_DIMENSION_FACILITY", 4), .init("STATISTICS_DIMENSION_PROVINCE", 5), .init("STATISTICS_DIMENSION_INGREDIENT", 6), .init("STATISTICS_DIMENSION_ATC", 7), .init("STATISTICS_DIMENSION_TYPE", 8),
    ])

    public static let unspecified = StatisticsDimension(rawValue: 0)
    /// Vietnam civil day, "2026-03-01".
    public static let day = StatisticsDimension(rawValue: 1)
    /// ISO week by its Monday, "2026-02-23".
    public static let week = StatisticsDimension(rawValue: 2)
    /// "2026-03".
    public static let month = StatisticsDimension(rawValue: 3)
    /// Issuing facility code.
    public static let facility = StatisticsDimension(rawValue: 4)
    /// First two digits of the facility code.
    public static let province = StatisticsDimension(rawValue: 5)
    /// INN.
    public static let ingredient = StatisticsDimension(rawValue: 6)
    /// ATC class cut to StatisticsQuery.atc_level.
    public static let atc = StatisticsDimension(rawValue: 7)
    /// Prescription type number.
    public static let type = StatisticsDimension(rawValue: 8)

    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }
}
