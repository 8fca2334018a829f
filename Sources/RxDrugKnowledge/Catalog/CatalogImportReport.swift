/// What an import changed in the database. Re-importing the same file reports zero new and zero
/// changed products and prices.
public struct CatalogImportReport: Sendable, Hashable, CustomStringConvertible {
    public var newProducts = 0
    public var changedProducts = 0
    public var unchangedProducts = 0
    public var newPrices = 0
    public var changedPrices = 0
    public var unchangedPrices = 0
    /// Rows refused and skipped (only with `--skip-bad`; otherwise nothing is applied).
    public var skipped: [CatalogRowProblem] = []

    public init() {}

    /// Whether the database changed at all.
    public var changedAnything: Bool {
        self.newProducts + self.changedProducts + self.newPrices + self.changedPrices > 0
    }

    public var description: String {
        "\(self.newProducts) new products, \(self.changedProducts) changed, \(self.unchangedProducts) unchanged; "
            + "\(self.newPrices) new prices, \(self.changedPrices) changed, \(self.unchangedPrices) unchanged"
            + (self.skipped.isEmpty ? "" : "; \(self.skipped.count) bad rows skipped")
    }
}
