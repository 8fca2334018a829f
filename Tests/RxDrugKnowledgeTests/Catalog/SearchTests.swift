import RxDrugKnowledge
import Testing

@Suite("Catalog search")
struct SearchTests {
    @Test("folding removes case, Vietnamese diacritics (đ too) and punctuation", arguments: [
        ("Thuốc ho người lớn", "thuoc ho nguoi lon"), ("ĐƯỜNG HUYẾT", "duong huyet"), ("VD-25123-18", "vd 25123 18"),
        ("  Hapacol   500 ", "hapacol 500"), ("Acid acetylsalicylic", "acid acetylsalicylic"), ("0,5 g", "0 5 g"),
    ])
    func folding(text: String, folded: String) {
        #expect(SearchText.fold(text) == folded)
    }

    @Test("search ignores case and diacritics in both directions")
    func diacriticInsensitive() throws {
        let snapshot = try CatalogFixtures.snapshot()
        #expect(snapshot.search("thuoc ho").map(\.product.registrationNumber) == ["VD-10005-22"])
        #expect(snapshot.search("THUỐC HO").map(\.product.registrationNumber) == ["VD-10005-22"])
        #expect(snapshot.search("duong huyet").map(\.product.registrationNumber) == ["VD-10008-23"])
        #expect(snapshot.search("đường").map(\.product.registrationNumber) == ["VD-10008-23"])
        #expect(snapshot.search("hapacol").map(\.product.registrationNumber) == ["VD-10001-20"])
        #expect(snapshot.search("qlđb-657-18").first?.rank == .exact)
    }

    @Test("ranking is exact, then prefix, then word, then substring; ties by field then brand")
    func ranking() throws {
        let text = CatalogFixtures.csv([
            CatalogFixtures.row("VD-20001-20", "Cetamol", inn: "paracetamol"),
            CatalogFixtures.row("VD-20002-20", "Para Max", inn: "ibuprofen", atc: "M01AE01"),
            CatalogFixtures.row("VD-20003-20", "Viên Para", inn: "naproxen", atc: "M01AE02"),
            CatalogFixtures.row("VD-20004-20", "Paracetamol Kids", inn: "paracetamol"),
            CatalogFixtures.row("VD-20005-20", "Para", inn: "diclofenac", atc: "M01AB05"),
            CatalogFixtures.row("VD-20006-20", "Separatol", inn: "ketoprofen", atc: "M01AE03"),
        ])
        let snapshot = try CatalogFixtures.snapshot(text)
        let results = snapshot.search("para")
        #expect(results.map(\.product.registrationNumber) == [
            "VD-20005-20",  // exact brand
            "VD-20002-20", "VD-20004-20",  // prefix brand, by brand name
            "VD-20001-20",  // prefix ingredient (paracetamol)
            "VD-20003-20",  // word
            "VD-20006-20",  // substring
        ])
        #expect(results.map(\.rank) == [.exact, .prefix, .prefix, .prefix, .word, .substring])
        #expect(results[3].field == .ingredient)
    }

    @Test("ATC prefixes and ingredient names find every product containing them")
    func atcAndIngredient() throws {
        let snapshot = try CatalogFixtures.snapshot()
        #expect(Set(snapshot.search("N02BE").map(\.product.registrationNumber)) == [
            "VD-10001-20", "VN-20002-19", "893114458325", "VD-10004-21",
        ])
        #expect(snapshot.search("clavulanic acid").map(\.product.registrationNumber) == ["VD-10006-22"])
        #expect(snapshot.search("augmentin amoxicillin").map(\.field) == [.anyField])
        #expect(snapshot.search("cillin").map(\.rank) == [.substring])
    }

    @Test("pages cover every match exactly once, in order, and the last page has no token")
    func pagination() throws {
        let snapshot = try CatalogFixtures.snapshot(String(contentsOfFile: CatalogFixtures.samplePath, encoding: .utf8))
        let all = snapshot.search("a")
        #expect(all.count > 250)
        var collected: [SearchResult] = []
        var token = ""
        repeat {
            let page = try snapshot.searchPage(query: "a", pageSize: 100, pageToken: token)
            #expect(page.totalMatches == all.count)
            #expect(page.results.count <= 100)
            collected += page.results
            token = page.nextPageToken ?? ""
        } while !token.isEmpty
        #expect(collected == all)
    }

    @Test("a page token from another query or another catalog version is refused")
    func staleTokens() throws {
        let old = try CatalogFixtures.snapshot()
        let first = try old.searchPage(query: "paracetamol", pageSize: 1, pageToken: "")
        let token = try #require(first.nextPageToken)
        #expect(try old.searchPage(query: "Paracetamol", pageSize: 1, pageToken: token).results.count == 1)
        #expect(throws: CatalogQueryError.self) { try old.searchPage(query: "hapacol", pageSize: 1, pageToken: token) }
        #expect(throws: CatalogQueryError.self) { try old.searchPage(query: "paracetamol", pageSize: 1, pageToken: "garbage!") }
        let newer = try CatalogFixtures.snapshot(CatalogFixtures.small + CatalogFixtures.row("VD-99999-24", "Mới") + "\n")
        #expect(newer.version != old.version)
        #expect {
            _ = try newer.searchPage(query: "paracetamol", pageSize: 1, pageToken: token)
        } throws: { error in
            (error as? CatalogQueryError)?.message.contains("restart the search") == true
        }
        #expect(try CatalogFixtures.snapshot().version == old.version)
    }
}
