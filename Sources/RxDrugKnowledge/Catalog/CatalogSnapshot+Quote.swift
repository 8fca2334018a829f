extension CatalogSnapshot {
    /// Most lines one quote may have.
    public static let maximumQuoteLines = 500
    /// Most units one line may have.
    public static let maximumQuoteQuantity: UInt32 = 1_000_000

    /// Prices `lines` on `date`: each at its declared price, beside the cheapest equivalent product that
    /// has a price on that date (ties keep the product asked for), with totals.
    ///
    /// - Throws: `.invalidArgument` for no lines, too many, or a quantity of 0 or above
    ///   ``maximumQuoteQuantity``; `.notFound` for an unknown product or one without a price by `date`
    ///   (the message names the line).
    public func quote(
        lines: [(registrationNumber: String, quantity: UInt32)], on date: CatalogDate
    ) throws(CatalogQueryError) -> PriceQuote {
        guard !lines.isEmpty else {
            throw CatalogQueryError(.invalidArgument, "a quote needs at least one line")
        }
        guard lines.count <= Self.maximumQuoteLines else {
            throw CatalogQueryError(.invalidArgument, "a quote has at most \(Self.maximumQuoteLines) lines, got \(lines.count)")
        }
        var quoted: [PriceQuote.Line] = []
        var total: Int64 = 0
        var cheapestTotal: Int64 = 0
        for (position, line) in lines.enumerated() {
            let label = "line \(position + 1)"
            guard line.quantity > 0, line.quantity <= Self.maximumQuoteQuantity else {
                throw CatalogQueryError(
                    .invalidArgument, "\(label): quantity must be 1...\(Self.maximumQuoteQuantity), got \(line.quantity)")
            }
            guard let product = self.product(registrationNumber: line.registrationNumber) else {
                throw CatalogQueryError(.notFound, "\(label): no product with registration number \"\(line.registrationNumber)\"")
            }
            guard let price = product.price(on: date) else {
                throw CatalogQueryError(.notFound, "\(label): \(product.registrationNumber) has no declared price on \(date)")
            }
            var cheapest = (product: product, price: price)
            for candidate in self.equivalents(of: product) {
                guard let candidatePrice = candidate.price(on: date) else {
                    continue
                }
                if candidatePrice.unitPriceVND < cheapest.price.unitPriceVND {
                    cheapest = (candidate, candidatePrice)
                }
            }
            let quantity = Int64(line.quantity)
            let lineTotal = price.unitPriceVND * quantity
            let cheapestLineTotal = cheapest.price.unitPriceVND * quantity
            total += lineTotal
            cheapestTotal += cheapestLineTotal
            quoted.append(PriceQuote.Line(
                product: product, quantity: line.quantity, unitPrice: price, lineTotalVND: lineTotal,
                cheapest: cheapest.product, cheapestUnitPrice: cheapest.price, cheapestLineTotalVND: cheapestLineTotal))
        }
        return PriceQuote(date: date, lines: quoted, totalVND: total, cheapestTotalVND: cheapestTotal)
    }
}
