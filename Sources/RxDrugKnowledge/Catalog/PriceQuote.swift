/// A price quote: each line at its declared price beside the cheapest equivalent product, and totals.
public struct PriceQuote: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public let product: Product
        public let quantity: UInt32
        public let unitPrice: DeclaredPrice
        public let lineTotalVND: Int64
        /// The cheapest product with the same ingredients, strengths, form and route that has a price
        /// on the quote date; the line's own product when none is cheaper.
        public let cheapest: Product
        public let cheapestUnitPrice: DeclaredPrice
        public let cheapestLineTotalVND: Int64
    }

    public let date: CatalogDate
    public let lines: [Line]
    public let totalVND: Int64
    public let cheapestTotalVND: Int64

    /// What the cheapest equivalents would save.
    public var savingVND: Int64 { self.totalVND - self.cheapestTotalVND }
}
