/// The types of `rx/v1/drugs.proto (service rx.v1.Drugs)`.
extension ProtoSchema {
    static let drugsMessageTypes: [any ProtoMessage.Type] = [
        DrugPrice.self, DrugProduct.self, GetProductRequest.self, GetProductResponse.self,
        SearchProductsRequest.self, SearchHit.self, SearchProductsResponse.self,
        GetPriceRequest.self, GetPriceResponse.self,
        QuoteLine.self, QuoteLinesRequest.self, QuotedLine.self, QuoteLinesResponse.self,
        ReloadCatalogRequest.self, ReloadCatalogResponse.self,
        InteractionItem.self, CheckInteractionsRequest.self, InteractionAlert.self, CheckInteractionsResponse.self,
    ]

    static let drugsEnumTypes: [any ProtoEnum.Type] = [
        DrugControlClass.self, SearchMatch.self, InteractionSeverity.self, InteractionAlertKind.self,
    ]

    static let drugsServices: [ServiceSchema] = [.drugs]
}
