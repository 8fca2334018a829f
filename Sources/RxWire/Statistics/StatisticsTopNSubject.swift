/// `rx.v1.StatisticsTopNSubject`: what a top-N list ranks. Unknown numbers are kept.
public struct StatisticsTopNSubject: ProtoEnum {
    public static let schema = EnumSchema(name: "rx.v1.StatisticsTopNSubject", values: [
        .init("STATISTICS_TOP_N_SUBJECT_INGREDIENT", 0), .init("STATISTICS_TOP_N_SUBJECT_PRODUCT", 1),
    ])

    /// Active ingredients (INN): the default, today's ranking.
    public static let ingredient = StatisticsTopNSubject(rawValue: 0)
    /// Registered products by registration number; value counts the product actually dispensed.
    public static let product = StatisticsTopNSubject(rawValue: 1)

    public var rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }
}
