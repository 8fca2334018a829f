import Foundation
import Testing

@testable import RxDrugKnowledge

@Suite("Large snapshots (search index and digest built on other threads)")
struct LargeSnapshotTests {
    /// The sample catalog's products repeated under new registration numbers, past the size from which
    /// a snapshot builds its index and digest in the background.
    static func largeCatalog() throws -> [Product] {
        let sample = try CatalogImport.read(contentsOf: CatalogFixtures.samplePath).products
        var products: [Product] = []
        var copy = 0
        while products.count < CatalogSnapshot.backgroundBuildThreshold + 500 {
            for var product in sample {
                product.registrationNumber = "VD-\(10000 + copy)-\(product.registrationNumber)"
                products.append(product)
                copy += 1
            }
        }
        return products
    }

    /// The digest as first defined: every field's text, prices as "<price>@<date>/<company>".
    static func referenceDigest(_ products: [Product]) -> UInt64 {
        var digest = FNV1a()
        for product in products.sorted(by: { $0.registrationNumber < $1.registrationNumber }) {
            digest.add(product.registrationNumber)
            digest.add(product.brandName)
            for ingredient in product.ingredients {
                digest.add(ingredient.inn)
                digest.add(ingredient.strength)
            }
            for field in [product.dosageForm, product.route, product.unit, product.packSize, product.manufacturer, product.country] {
                digest.add(field)
            }
            digest.add(product.atcCodes.joined(separator: ";"))
            digest.add(product.controlledClass.rawValue)
            digest.add(product.prescriptionOnly ? "rx" : "otc")
            for price in product.prices {
                digest.add("\(price.unitPriceVND)@\(price.effectiveDate)/\(price.declaringCompany)")
            }
        }
        return digest.value
    }

    @Test("the version is the same digest as before, built in line or in the background, in any input order")
    func version() throws {
        let products = try Self.largeCatalog()
        let large = CatalogSnapshot(products: products.reversed())
        #expect(large.version == Self.referenceDigest(products))
        let sample = try CatalogImport.read(contentsOf: CatalogFixtures.samplePath).products
        #expect(sample.count < CatalogSnapshot.backgroundBuildThreshold)
        #expect(CatalogSnapshot(products: sample).version == Self.referenceDigest(sample))
        var changed = products
        changed[17].prices = [DeclaredPrice(unitPriceVND: 1, effectiveDate: CatalogFixtures.date("2020-01-01"), declaringCompany: "X")]
        #expect(CatalogSnapshot(products: changed).version != large.version)
    }

    @Test("a large snapshot answers searches like an index built in line, and finds each product")
    func search() throws {
        let products = try Self.largeCatalog()
        let snapshot = CatalogSnapshot(products: products)
        let inline = SearchIndex(products: snapshot.products)
        for query in ["paracetamol", "thuoc ho", "N02BE", "vd 10042", "đường", "amoxicillin 10007", "zzz"] {
            let background = snapshot.searchIndex.search(query)
            let expected = inline.search(query)
            #expect(background.map(\.product) == expected.map(\.product), "\(query)")
            #expect(background.map(\.rank) == expected.map(\.rank), "\(query)")
        }
        let some = products[products.count / 2]
        #expect(snapshot.search(some.registrationNumber).first?.product.registrationNumber == some.registrationNumber)
        #expect(snapshot.search(some.registrationNumber).first?.rank == .exact)
        #expect(snapshot.product(registrationNumber: some.registrationNumber.lowercased()) == some)
    }

    @Test("numbers digest exactly as their decimal text", arguments: [0, 7, 10, 600, 123_456_789, -5, Int64.min, Int64.max] as [Int64])
    func decimalDigest(value: Int64) {
        var direct = FNV1a()
        direct.addDecimal(value)
        #expect(direct.value == FNV1a(fromPart: String(value)).value)
        var padded = FNV1a()
        padded.addDecimal(value, minimumDigits: 2)
        let text = (0...9).contains(value) ? "0\(value)" : (-9 ... -1).contains(value) ? "-0\(-value)" : String(value)
        #expect(padded.value == FNV1a(fromPart: text).value)
    }

    @Test("dates in the stored form parse as the general parser does", arguments: [
        "2024-02-29", "2023-02-29", "2023-13-01", "2023-00-10", "1899-12-31", "2023-1-05", "2023-+1-05", " 2023-01-05",
        "2023/01/05", "05/01/2023", "2023-01-0a", "abcd-ef-gh", "",
    ])
    func storedDates(text: String) {
        let date = CatalogDate(parsing: text)
        let expected: CatalogDate? = {
            let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
            {
                return CatalogDate(year: year, month: month, day: day)
            }
            let slashed = text.split(separator: "/")
            if slashed.count == 3, let day = Int(slashed[0]), let month = Int(slashed[1]), let year = Int(slashed[2]) {
                return CatalogDate(year: year, month: month, day: day)
            }
            return nil
        }()
        #expect(date == expected)
    }
}

extension FNV1a {
    /// A digest fed `text` as one part (no field separator).
    fileprivate init(fromPart text: String) {
        self.init()
        self.addPart(text)
    }
}
