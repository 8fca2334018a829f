import Logging
import RxTransport
import RxWire

/// `rx.v1.Drugs`, catalog half: product lookup, search, price on a date, price quotes and the
/// regulator's reload. `CheckInteractions` is registered by the interaction checker, not here.
///
/// Every call answers from the snapshot current when it starts. Lookups by registration number answer
/// inline on the I/O thread (a dictionary hit); search and quotes scan or loop and so run on the task
/// pool, as does reload, which reads the database.
public struct DrugsService: Sendable {
    /// Method paths, for registration, the access table and clients.
    public enum Method {
        public static let getProduct = "/rx.v1.Drugs/GetProduct"
        public static let searchProducts = "/rx.v1.Drugs/SearchProducts"
        public static let getPrice = "/rx.v1.Drugs/GetPrice"
        public static let quoteLines = "/rx.v1.Drugs/QuoteLines"
        public static let checkInteractions = "/rx.v1.Drugs/CheckInteractions"
        public static let reloadCatalog = "/rx.v1.Drugs/ReloadCatalog"
    }

    public let catalog: Catalog

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Registers every catalog method; `access` gives each path's role rule (RxApp passes
    /// `AccessPolicy.access(for:)`).
    public func register(in router: inout Router, access: (String) -> MethodAccess) {
        let catalog = self.catalog
        router.registerInline(Method.getProduct, access: access(Method.getProduct)) {
            (request: GetProductRequest, _) in
            let snapshot = catalog.current
            guard let product = snapshot.product(registrationNumber: request.registrationNumber) else {
                throw RPCError(.notFound, "no product with registration number \"\(request.registrationNumber)\"")
            }
            var response = GetProductResponse()
            response.product = DrugProduct(product)
            response.catalogVersion = snapshot.version
            return response
        }
        router.registerUnary(Method.searchProducts, access: access(Method.searchProducts)) {
            (request: SearchProductsRequest, _) in
            let snapshot = catalog.current
            let page = try snapshot.searchPage(
                query: request.query, pageSize: Int(request.pageSize), pageToken: request.pageToken)
            var response = SearchProductsResponse()
            response.hits = page.results.map(SearchHit.init)
            response.nextPageToken = page.nextPageToken ?? ""
            response.totalMatches = UInt32(clamping: page.totalMatches)
            response.catalogVersion = snapshot.version
            return response
        }
        router.registerInline(Method.getPrice, access: access(Method.getPrice)) { (request: GetPriceRequest, _) in
            let snapshot = catalog.current
            let date = try CatalogDate.from(request.date, field: "date")
            guard let product = snapshot.product(registrationNumber: request.registrationNumber) else {
                throw RPCError(.notFound, "no product with registration number \"\(request.registrationNumber)\"")
            }
            guard let price = product.price(on: date) else {
                throw RPCError(.notFound, "\(product.registrationNumber) has no declared price on \(date)")
            }
            var response = GetPriceResponse()
            response.registrationNumber = product.registrationNumber
            response.date = CivilDate(date)
            response.price = DrugPrice(price)
            response.catalogVersion = snapshot.version
            return response
        }
        router.registerUnary(Method.quoteLines, access: access(Method.quoteLines)) { (request: QuoteLinesRequest, _) in
            let snapshot = catalog.current
            let date = try CatalogDate.from(request.date, field: "date")
            let quote = try snapshot.quote(lines: request.lines.map { ($0.registrationNumber, $0.quantity) }, on: date)
            var response = QuoteLinesResponse(quote)
            response.catalogVersion = snapshot.version
            return response
        }
        router.registerUnary(Method.reloadCatalog, access: access(Method.reloadCatalog)) {
            (_: ReloadCatalogRequest, context) in
            let outcome: (previous: CatalogSnapshot, current: CatalogSnapshot)
            do {
                outcome = try catalog.reload()
            } catch {
                context.logger.error("catalog reload failed", metadata: ["error": "\(error)"])
                throw RPCError(.unavailable, "catalog reload failed; the previous catalog is still served")
            }
            var response = ReloadCatalogResponse()
            response.catalogVersion = outcome.current.version
            response.changed = outcome.current.version != outcome.previous.version
            response.productCount = UInt32(clamping: outcome.current.products.count)
            response.ingredientCount = UInt32(clamping: outcome.current.ingredientCount)
            response.priceCount = UInt32(clamping: outcome.current.priceCount)
            return response
        }
    }
}
