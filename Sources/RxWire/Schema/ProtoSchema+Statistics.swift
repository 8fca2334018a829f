/// The types of `rx/v1/statistics.proto`.
extension ProtoSchema {
    static let statisticsMessageTypes: [any ProtoMessage.Type] = [
        StatisticsQuery.self, StatisticsRow.self, StatisticsTopNRequest.self, StatisticsTopNEntry.self, StatisticsRatesRequest.self, StatisticsRates.self, ControlledSubstanceAlertsRequest.self, ControlledSubstanceAlert.self,
    ]

    static let statisticsEnumTypes: [any ProtoEnum.Type] = [StatisticsDimension.self, StatisticsTopNMeasure.self, StatisticsTopNSubject.self, ControlledAlertKind.self]

    static let statisticsServices: [ServiceSchema] = [.statistics]
}
