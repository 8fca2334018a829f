extension ServiceSchema {
    /// `rx.v1.Drugs`: the drug catalog, its price index and the interaction checker.
    public static let drugs = ServiceSchema(name: "rx.v1.Drugs", methods: [
        MethodSchema(
            name: "GetProduct", inputType: GetProductRequest.protoMessageName,
            outputType: GetProductResponse.protoMessageName),
        MethodSchema(
            name: "SearchProducts", inputType: SearchProductsRequest.protoMessageName,
            outputType: SearchProductsResponse.protoMessageName),
        MethodSchema(
            name: "GetPrice", inputType: GetPriceRequest.protoMessageName,
            outputType: GetPriceResponse.protoMessageName),
        MethodSchema(
            name: "QuoteLines", inputType: QuoteLinesRequest.protoMessageName,
            outputType: QuoteLinesResponse.protoMessageName),
        MethodSchema(
            name: "CheckInteractions", inputType: CheckInteractionsRequest.protoMessageName,
            outputType: CheckInteractionsResponse.protoMessageName),
        MethodSchema(
            name: "ReloadCatalog", inputType: ReloadCatalogRequest.protoMessageName,
            outputType: ReloadCatalogResponse.protoMessageName),
    ])
}
