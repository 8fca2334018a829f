import Foundation

/// One immutable, fully built catalog: products, price histories, the search index and the
/// equivalence groups.
///
/// A snapshot never changes after it is built, so any number of threads read it without locks, and a
/// call that takes one snapshot at its start answers entirely from it even while a reload swaps in a
/// newer one (``Catalog``). Its ``version`` is a digest of its content: reloading unchanged data gives
/// the same version, so page tokens stay valid.
public final class CatalogSnapshot: Sendable {
    /// Content digest (FNV-1a over every product and price).
    public let version: UInt64
    /// Sorted by registration number.
    public let products: [Product]
    /// Distinct ingredients (INN) over all products.
    public let ingredientCount: Int
    /// Declared prices over all products.
    public let priceCount: Int
    private let indexByNumber: [String: Int]
    private let groups: [Product.EquivalenceKey: [Int]]
    let searchIndex: SearchIndex

    /// Builds a snapshot; cost is linear in the catalog (a few milliseconds for the sample, a few hundred
    /// for 100,000 products).
    public init(products: [Product]) {
        // The database hands them over in order already; checking is cheaper than sorting a copy.
        let inOrder = products.indices.dropFirst().allSatisfy { products[$0 - 1].registrationNumber < products[$0].registrationNumber }
        let sorted = inOrder ? products : products.sorted { $0.registrationNumber < $1.registrationNumber }
        self.products = sorted
        // Large catalogs build the search index and the digest on other threads meanwhile (start-up time).
        let inBackground = sorted.count >= Self.backgroundBuildThreshold
        let searchIndex = inBackground ? BackgroundResult { SearchIndex(products: sorted) } : nil
        let digest = inBackground ? BackgroundResult { Self.digest(of: sorted) } : nil
        var indexByNumber: [String: Int] = [:]
        indexByNumber.reserveCapacity(sorted.count)
        var groups: [Product.EquivalenceKey: [Int]] = [:]
        var keys = EquivalenceKeyMaker()
        var ingredients: Set<String> = []
        var prices = 0
        for (index, product) in sorted.enumerated() {
            indexByNumber[product.registrationNumber] = index
            groups[keys.key(of: product), default: []].append(index)
            for ingredient in product.ingredients {
                ingredients.insert(ingredient.inn)
            }
            prices += product.prices.count
        }
        self.indexByNumber = indexByNumber
        self.groups = groups
        self.ingredientCount = ingredients.count
        self.priceCount = prices
        self.version = digest?.wait() ?? Self.digest(of: sorted)
        self.searchIndex = searchIndex?.wait() ?? SearchIndex(products: sorted)
    }

    /// From this many products on, the search index and the digest are built on other threads.
    static let backgroundBuildThreshold = 4_096

    /// An empty catalog (before the first load).
    public static let empty = CatalogSnapshot(products: [])

    /// The content digest of `products` (the snapshot ``version``).
    private static func digest(of products: [Product]) -> UInt64 {
        var digest = FNV1a()
        for product in products {
            Self.add(product, to: &digest)
        }
        return digest.value
    }

    private static func add(_ product: Product, to digest: inout FNV1a) {
        digest.add(product.registrationNumber)
        digest.add(product.brandName)
        for ingredient in product.ingredients {
            digest.add(ingredient.inn)
            digest.add(ingredient.strength)
        }
        for field in [product.dosageForm, product.route, product.unit, product.packSize, product.manufacturer, product.country] {
            digest.add(field)
        }
        for (position, code) in product.atcCodes.enumerated() {
            digest.addPart(position == 0 ? code : ";" + code)
        }
        digest.endField()
        digest.add(product.controlledClass.rawValue)
        digest.add(product.prescriptionOnly ? "rx" : "otc")
        for price in product.prices {
            // The text "<price>@<YYYY-MM-DD>/<company>", fed in parts without building it.
            digest.addDecimal(price.unitPriceVND)
            digest.addByte(UInt8(ascii: "@"))
            digest.addDecimal(Int64(price.effectiveDate.year))
            digest.addByte(UInt8(ascii: "-"))
            digest.addDecimal(Int64(price.effectiveDate.month), minimumDigits: 2)
            digest.addByte(UInt8(ascii: "-"))
            digest.addDecimal(Int64(price.effectiveDate.day), minimumDigits: 2)
            digest.addByte(UInt8(ascii: "/"))
            digest.add(price.declaringCompany)
        }
    }

    /// The product with this registration number (case and surrounding spaces ignored).
    ///
    /// The number as stored (uppercase, no spaces) is looked up first: it is what callers almost always
    /// pass, and Foundation's trimming costs more than the lookup itself on every Submit line.
    public func product(registrationNumber: String) -> Product? {
        if let index = self.indexByNumber[registrationNumber] { return self.products[index] }
        let key = registrationNumber.trimmingCharacters(in: .whitespaces).uppercased()
        return self.indexByNumber[key].map { self.products[$0] }
    }

    /// The declared unit price in effect on `date`; nil for an unknown product or a date before its first
    /// declaration. Dispensing records this beside the price charged.
    public func unitPrice(registrationNumber: String, on date: CatalogDate) -> DeclaredPrice? {
        self.product(registrationNumber: registrationNumber)?.price(on: date)
    }

    /// Other products interchangeable with `product` (same ingredients and strengths, dosage form and
    /// route), by registration number; `product` itself is not included.
    public func equivalents(of product: Product) -> [Product] {
        (self.groups[product.equivalenceKey] ?? []).map { self.products[$0] }.filter {
            $0.registrationNumber != product.registrationNumber
        }
    }

    /// Whether a pharmacy may hand out `b` for `a` as far as the product goes: same ingredients at the
    /// same strengths, same dosage form and route.
    public func isEquivalent(_ a: Product, _ b: Product) -> Bool {
        a.equivalenceKey == b.equivalenceKey
    }

    /// Every match for `query`, ranked exact > prefix > word > substring, then by field (brand name,
    /// ingredient, ATC code, registration number), then by brand name and registration number.
    public func search(_ query: String) -> [SearchResult] {
        self.searchIndex.search(query).map {
            SearchResult(product: self.products[$0.product], rank: $0.rank, field: $0.field)
        }
    }
}

