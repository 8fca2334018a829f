import Foundation
import Logging
import RxDrugKnowledge
import RxTransport
import RxWire
import Testing

@Suite("rx.v1.Drugs over gRPC (in-process server)")
struct DrugsServiceTests {
    @Test("GetProduct, SearchProducts, GetPrice and QuoteLines answer from the catalog")
    func calls() async throws {
        let catalog = Catalog(snapshot: try CatalogFixtures.snapshot(), logger: quietLogger)
        let version = catalog.current.version
        try await withDrugsServer(catalog) { port in
            let client = try connectClient(port: port, as: "pharmacy")
            defer { client.close() }

            var get = GetProductRequest()
            get.registrationNumber = "qlđb-657-18"
            let product: GetProductResponse = try call(client, DrugsService.Method.getProduct, get)
            #expect(product.product?.brandName == "Morphin 10 mg/ml")
            #expect(product.product?.controlClass == .narcotic)
            #expect(product.catalogVersion == version)

            var search = SearchProductsRequest()
            search.query = "THUOC HO"
            let found: SearchProductsResponse = try call(client, DrugsService.Method.searchProducts, search)
            #expect(found.hits.map { $0.product?.registrationNumber } == ["VD-10005-22"])
            #expect(found.hits.first?.match == .prefix)

            var price = GetPriceRequest()
            price.registrationNumber = "VD-10001-20"
            price.date = CivilDate(year: 2024, month: 5, day: 31)
            let priced: GetPriceResponse = try call(client, DrugsService.Method.getPrice, price)
            #expect(priced.price?.unitPriceVND == 600)
            #expect(priced.price?.effectiveDate == CivilDate(year: 2023, month: 1, day: 1))

            var quote = QuoteLinesRequest()
            quote.lines = [QuoteLine(registrationNumber: "VN-20002-19", quantity: 20)]
            quote.date = CivilDate(year: 2025, month: 1, day: 1)
            let quoted: QuoteLinesResponse = try call(client, DrugsService.Method.quoteLines, quote)
            #expect(quoted.totalVND == 30_000)
            #expect(quoted.cheapestTotalVND == 8_000)
            #expect(quoted.lines.first?.cheapestRegistrationNumber == "893114458325")
        }
    }

    @Test("errors carry the right status", arguments: [
        (DrugsService.Method.getProduct, "unknown product", GRPCStatus.Code.notFound),
        (DrugsService.Method.getPrice, "bad date", GRPCStatus.Code.invalidArgument),
        (DrugsService.Method.searchProducts, "stale token", GRPCStatus.Code.invalidArgument),
        (DrugsService.Method.quoteLines, "zero quantity", GRPCStatus.Code.invalidArgument),
    ])
    func errors(method: String, label: String, expected: GRPCStatus.Code) async throws {
        let catalog = Catalog(snapshot: try CatalogFixtures.snapshot(), logger: quietLogger)
        try await withDrugsServer(catalog) { port in
            let client = try connectClient(port: port, as: "hospital-prescriber")
            defer { client.close() }
            let request: [UInt8]
            switch method {
            case DrugsService.Method.getProduct:
                var message = GetProductRequest()
                message.registrationNumber = "VD-00000-00"
                request = message.serializedBytes()
            case DrugsService.Method.getPrice:
                var message = GetPriceRequest()
                message.registrationNumber = "VD-10001-20"
                message.date = CivilDate(year: 2025, month: 2, day: 30)
                request = message.serializedBytes()
            case DrugsService.Method.searchProducts:
                var message = SearchProductsRequest()
                message.query = "paracetamol"
                message.pageToken = "cDE6MDoxOjE"
                request = message.serializedBytes()
            default:
                var message = QuoteLinesRequest()
                message.lines = [QuoteLine(registrationNumber: "VD-10001-20", quantity: 0)]
                request = message.serializedBytes()
            }
            let result = try client.unary(path: method, request: request)
            #expect(result.status.code == expected, "\(label): \(result.status)")
            #expect(!result.status.message.isEmpty)
        }
    }

    @Test("every role may read; only a regulator may reload; a role-less certificate may do neither")
    func roles() async throws {
        let catalog = Catalog(snapshot: try CatalogFixtures.snapshot(), logger: quietLogger)
        try await withDrugsServer(catalog) { port in
            var get = GetProductRequest()
            get.registrationNumber = "VD-10001-20"
            for identity in ["hospital-prescriber", "pharmacy", "regulator", "norole"] {
                let client = try connectClient(port: port, as: identity)
                defer { client.close() }
                let read = try client.unary(path: DrugsService.Method.getProduct, request: get.serializedBytes())
                #expect(read.status.code == (identity == "norole" ? .permissionDenied : .ok), "\(identity) GetProduct")
                let reload = try client.unary(
                    path: DrugsService.Method.reloadCatalog, request: ReloadCatalogRequest().serializedBytes())
                #expect(reload.status.code == (identity == "regulator" ? .ok : .permissionDenied), "\(identity) Reload")
            }
        }
    }
}

/// The access rules `AccessPolicy+Drugs.swift` declares (the test target cannot import RxApp).
private func drugsAccess(_ method: String) -> MethodAccess {
    method == DrugsService.Method.reloadCatalog ? .roles([.regulator]) : .roles(Set(FacilityRole.allCases))
}

private func withDrugsServer(
    _ catalog: Catalog, _ body: @escaping @Sendable (Int) throws -> Void
) async throws {
    var router = Router()
    DrugsService(catalog: catalog).register(in: &router, access: drugsAccess)
    var configuration = ServerConfiguration()
    configuration.host = "127.0.0.1"
    configuration.port = 0
    configuration.ioThreads = 2
    configuration.shutdownGraceMilliseconds = 2_000
    var logger = Logger(label: "drugs-test-server")
    logger.logLevel = .critical
    let server = try Server(
        configuration: configuration, router: router,
        tls: try TLSContext.server(
            certificateChainFile: certificatePath("server.crt"), privateKeyFile: certificatePath("server.key"),
            clientCAFile: certificatePath("ca.crt")),
        logger: logger)
    let port = try server.start()
    defer { server.shutdown() }
    // The blocking client runs on its own thread, never on the cooperative pool the handlers need.
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
        Thread { continuation.resume(with: Result { try body(port) }) }.start()
    }
}

private func certificatePath(_ file: String) -> String {
    let components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    return components.dropLast(4).joined(separator: "/") + "/Certs/dev/" + file
}

private func connectClient(port: Int, as identity: String) throws -> GRPCClientConnection {
    try GRPCClientConnection(
        host: "localhost", port: port,
        tls: try TLSContext.client(
            certificateChainFile: certificatePath("\(identity).crt"), privateKeyFile: certificatePath("\(identity).key"),
            trustedCAFile: certificatePath("ca.crt"), serverName: "localhost"))
}

private func call<Request: ProtoMessage, Response: ProtoMessage>(
    _ client: GRPCClientConnection, _ path: String, _ request: Request
) throws -> Response {
    let result = try client.unary(path: path, request: request.serializedBytes())
    guard result.status.isOK, let bytes = result.messages.first else {
        throw RPCError(result.status.code, "\(path): \(result.status.message)")
    }
    return try Response(serializedBytes: bytes)
}
