import RxDrugKnowledge
import Testing

@Suite("Declared prices, equivalents and quotes")
struct PriceTests {
    @Test("the price in effect is the latest declaration not after the date", arguments: [
        ("2022-12-31", nil), ("2023-01-01", 600), ("2024-05-31", 600), ("2024-06-01", 650), ("2030-01-01", 650),
    ] as [(String, Int64?)])
    func priceOnDate(date: String, expected: Int64?) throws {
        let snapshot = try CatalogFixtures.snapshot()
        let price = snapshot.unitPrice(registrationNumber: "vd-10001-20", on: CatalogFixtures.date(date))
        #expect(price?.unitPriceVND == expected)
    }

    @Test("equivalents share ingredients, strength (0,5 g = 500 mg), form and route")
    func equivalence() throws {
        let snapshot = try CatalogFixtures.snapshot()
        let hapacol = try #require(snapshot.product(registrationNumber: "VD-10001-20"))
        #expect(snapshot.equivalents(of: hapacol).map(\.registrationNumber) == ["893114458325", "VN-20002-19"])
        let effervescent = try #require(snapshot.product(registrationNumber: "VD-10004-21"))
        #expect(!snapshot.isEquivalent(hapacol, effervescent))
        #expect(Ingredient(inn: "x", strength: "0,5 g").normalizedStrength == "500mg")
        #expect(Ingredient(inn: "x", strength: "250 mcg").normalizedStrength == "0.25mg")
    }

    @Test("a quote prices each line, finds the cheapest equivalent and totals both")
    func quote() throws {
        let snapshot = try CatalogFixtures.snapshot()
        let quote = try snapshot.quote(
            lines: [("VN-20002-19", 20), ("VD-10006-22", 14), ("893114458325", 10)], on: CatalogFixtures.date("2025-01-01"))
        #expect(quote.lines.map(\.lineTotalVND) == [30_000, 126_000, 4_000])
        #expect(quote.lines.map(\.cheapest.registrationNumber) == ["893114458325", "VD-10006-22", "893114458325"])
        #expect(quote.lines.map(\.cheapestLineTotalVND) == [8_000, 126_000, 4_000])
        #expect(quote.totalVND == 160_000)
        #expect(quote.cheapestTotalVND == 138_000)
        #expect(quote.savingVND == 22_000)
    }

    @Test("a quote names the line that cannot be priced")
    func quoteErrors() throws {
        let snapshot = try CatalogFixtures.snapshot()
        let early = CatalogFixtures.date("2023-06-01")
        #expect {
            _ = try snapshot.quote(lines: [("VD-10001-20", 1), ("VD-00000-00", 1)], on: early)
        } throws: { error in
            let error = error as? CatalogQueryError
            return error?.kind == .notFound && error?.message.hasPrefix("line 2:") == true
        }
        #expect {
            _ = try snapshot.quote(lines: [("VD-10001-20", 0)], on: early)
        } throws: { ($0 as? CatalogQueryError)?.kind == .invalidArgument }
        #expect(throws: CatalogQueryError.self) { try snapshot.quote(lines: [], on: early) }
        // Panadol has one declaration dated 2024-01-01: none yet in 2023.
        #expect {
            _ = try snapshot.quote(lines: [("VN-20002-19", 1)], on: early)
        } throws: { ($0 as? CatalogQueryError)?.message.contains("no declared price on 2023-06-01") == true }
    }

    @Test("cheapest equivalents only count products priced on the quote date")
    func cheapestNeedsPriceOnDate() throws {
        let text = CatalogFixtures.csv([
            CatalogFixtures.row("VD-30001-20", "Dear", price: "900", date: "2020-01-01"),
            CatalogFixtures.row("VD-30002-20", "Cheap later", price: "100", date: "2025-01-01"),
        ])
        let snapshot = try CatalogFixtures.snapshot(text)
        let before = try snapshot.quote(lines: [("VD-30001-20", 2)], on: CatalogFixtures.date("2024-12-31"))
        #expect(before.lines[0].cheapest.registrationNumber == "VD-30001-20")
        let after = try snapshot.quote(lines: [("VD-30001-20", 2)], on: CatalogFixtures.date("2025-01-01"))
        #expect(after.lines[0].cheapestLineTotalVND == 200)
    }
}
