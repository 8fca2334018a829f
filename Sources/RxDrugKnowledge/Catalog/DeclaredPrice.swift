/// One declared wholesale price (giá bán buôn dự kiến) of a product: VND including VAT per dispensing
/// unit, in effect from `effectiveDate` until the product's next declaration.
public struct DeclaredPrice: Sendable, Hashable {
    public let unitPriceVND: Int64
    public let effectiveDate: CatalogDate
    /// Đơn vị kê khai: the company that declared the price (often the importer, not the maker).
    public let declaringCompany: String

    public init(unitPriceVND: Int64, effectiveDate: CatalogDate, declaringCompany: String) {
        self.unitPriceVND = unitPriceVND
        self.effectiveDate = effectiveDate
        self.declaringCompany = declaringCompany
    }
}
