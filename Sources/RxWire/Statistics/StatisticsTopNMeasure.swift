/// `rx.v1.StatisticsTopNMeasure`: what a top-N list ranks by. Unknown numbers are kept.
public struct StatisticsTopNMeasure: ProtoEnum {
    public static let schema = EnumSchema(name: "rx.v1.StatisticsTopNMeasure", values: [
        .init("STATISTICS_TOP_N_MEASURE_UNSPECIFIED", 0), .init("STATISTICS_TOP_N_MEASURE_PRESCRIPTIONS", 1), .init("STATISTICS_TOP_N_MEASURE_VALUE", 2),
    ])

    public static let unspecified = StatisticsTopNMeasure(rawValue: 0)
    /// Prescriptions issued.
    public static let prescriptions = StatisticsTopNMeasure(rawValue: 1)
    /// Value charged at dispensing, VND.
    public static let value = StatisticsTopNMeasure(rawValue: 2)

    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }
}
