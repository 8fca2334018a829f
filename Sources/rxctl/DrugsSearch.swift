import ArgumentParser
import RxWire

/// `rxctl drugs search TEXT`: ranked, paginated catalog search.
struct DrugsSearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Search by brand name, ingredient, ATC prefix or registration number.")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "Search text; case and Vietnamese diacritics are ignored.")
    var text: String

    @Option(help: "Hits per page (server default 20, at most 100).")
    var pageSize: UInt32 = 0

    @Option(help: "Token printed after the previous page.")
    var pageToken = ""

    func run() throws {
        var request = SearchProductsRequest()
        request.query = self.text
        request.pageSize = self.pageSize
        request.pageToken = self.pageToken
        let response: SearchProductsResponse = try DrugsCall.unary("SearchProducts", request, connection: self.connection)
        if self.connection.json {
            try DrugsCall.printJSON([
                "total_matches": response.totalMatches, "next_page_token": response.nextPageToken,
                "hits": response.hits.map { hit -> [String: Any] in
                    ["match": Self.match(hit.match), "matched_field": hit.matchedField,
                     "product": DrugsCall.json(hit.product ?? DrugProduct())]
                },
            ])
            return
        }
        DrugsCall.printTable(["REGISTRATION", "BRAND", "INGREDIENTS", "FORM", "MATCH"], response.hits.map { hit in
            let product = hit.product ?? DrugProduct()
            return [product.registrationNumber, product.brandName, DrugsCall.ingredients(product), product.dosageForm,
                    "\(Self.match(hit.match)) (\(hit.matchedField))"]
        })
        print("\(response.totalMatches) matches" + (response.nextPageToken.isEmpty ? "" : "; next page: --page-token \(response.nextPageToken)"))
    }

    static func match(_ match: SearchMatch) -> String {
        switch match {
        case .exact: return "exact"
        case .prefix: return "prefix"
        case .word: return "word"
        case .substring: return "substring"
        default: return "unspecified"
        }
    }
}
