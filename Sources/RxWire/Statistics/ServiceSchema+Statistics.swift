extension ServiceSchema {
    /// `rx.v1.Statistics`: regulators' statistics and controlled-substance monitoring.
    public static let statistics = ServiceSchema(name: "rx.v1.Statistics", methods: [
        MethodSchema(
            name: "Query", inputType: StatisticsQuery.protoMessageName, outputType: StatisticsRow.protoMessageName,
            serverStreaming: true),
        MethodSchema(
            name: "TopN", inputType: StatisticsTopNRequest.protoMessageName,
            outputType: StatisticsTopNEntry.protoMessageName, serverStreaming: true),
        MethodSchema(
            name: "Rates", inputType: StatisticsRatesRequest.protoMessageName, outputType: StatisticsRates.protoMessageName),
        MethodSchema(
            name: "ControlledSubstanceAlerts", inputType: ControlledSubstanceAlertsRequest.protoMessageName,
            outputType: ControlledSubstanceAlert.protoMessageName, serverStreaming: true),
    ])
}
