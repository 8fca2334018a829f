import RxDrugKnowledge
import Testing

@Suite("Catalog CSV parsing and validation")
struct CatalogCSVTests {
    @Test("a good file becomes products with their price histories, oldest first")
    func goodFile() throws {
        let parsed = try CatalogImport(csv: CatalogFixtures.small)
        #expect(parsed.problems == [])
        #expect(parsed.rowCount == 9)
        #expect(parsed.products.count == 8)
        let hapacol = try #require(parsed.products.first { $0.registrationNumber == "VD-10001-20" })
        #expect(hapacol.prices.map(\.unitPriceVND) == [600, 650])
        let augmentin = try #require(parsed.products.first { $0.registrationNumber == "VD-10006-22" })
        #expect(augmentin.ingredients == [
            Ingredient(inn: "amoxicillin", strength: "500 mg"), Ingredient(inn: "clavulanic acid", strength: "125 mg"),
        ])
        #expect(augmentin.prescriptionOnly)
        let morphine = try #require(parsed.products.first { $0.registrationNumber == "QLĐB-657-18" })
        #expect(morphine.controlledClass == .narcotic)
    }

    @Test("every bad row is reported with its line number and every reason")
    func badRowsReported() throws {
        let text = CatalogFixtures.csv([
            CatalogFixtures.row("VD-10001-20", "Good"),
            CatalogFixtures.row("XX-1-2", "Bad number"),
            CatalogFixtures.row("VD-10003-20", "Bad price and date", price: "-5", date: "2024-02-30"),
            CatalogFixtures.row("VD-10004-20", "Misaligned", inn: "amoxicillin;clavulanic acid", strength: "500 mg"),
            CatalogFixtures.row("VD-10005-20", "Bad class", atc: "N02BE", control: "maybe", rx: "sometimes"),
            "VD-10006-20,too few fields",
        ])
        let parsed = try CatalogImport(csv: text)
        #expect(parsed.products.map(\.registrationNumber) == ["VD-10001-20"])
        #expect(parsed.problems.map(\.line) == [3, 4, 5, 6, 7])
        #expect(parsed.problems[0].reason.contains("so_dang_ky \"XX-1-2\""))
        #expect(parsed.problems[1].reason.contains("gia_ban_buon_du_kien \"-5\""))
        #expect(parsed.problems[1].reason.contains("ngay_hieu_luc \"2024-02-30\""))
        #expect(parsed.problems[2].reason.contains("2 ingredients but ham_luong 1"))
        #expect(parsed.problems[3].reason.contains("atc \"N02BE\""))
        #expect(parsed.problems[3].reason.contains("nhom_kiem_soat \"maybe\""))
        #expect(parsed.problems[3].reason.contains("ke_don \"sometimes\""))
        #expect(parsed.problems[4].reason.contains("fields"))
    }

    @Test("rows that contradict each other are refused, identical repeats accepted once")
    func crossRowChecks() throws {
        let text = CatalogFixtures.csv([
            CatalogFixtures.row("VD-10001-20", "Hapacol", price: "500", date: "2024-01-01"),
            CatalogFixtures.row("VD-10001-20", "Hapacol", price: "500", date: "2024-01-01"),
            CatalogFixtures.row("VD-10001-20", "Hapacol", price: "550", date: "2024-01-01"),
            CatalogFixtures.row("VD-10001-20", "Hapacol Extra", price: "600", date: "2025-01-01"),
        ])
        let parsed = try CatalogImport(csv: text)
        #expect(parsed.problems.map(\.line) == [4, 5])
        #expect(parsed.problems[0].reason.contains("another price for 2024-01-01 on line 2"))
        #expect(parsed.problems[1].reason.contains("described differently on line 2 (ten_thuoc)"))
        #expect(parsed.products.first?.prices.count == 1)
    }

    @Test("quoted fields may hold commas, quotes and line breaks; line numbers count them")
    func quotedFields() throws {
        let text = CatalogFixtures.csv([
            CatalogFixtures.row("VD-10001-20", "Thuốc \"A\", loại 1"),
            CatalogFixtures.row("VD-10002-20", "Two\nlines"),
            CatalogFixtures.row("bad", "After the break"),
        ])
        let parsed = try CatalogImport(csv: "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(parsed.products.map(\.brandName) == ["Thuốc \"A\", loại 1", "Two\r\nlines"])
        #expect(parsed.problems.map(\.line) == [5])
    }

    @Test("a header without required columns is refused on line 1")
    func badHeader() {
        #expect {
            _ = try CatalogImport(csv: "so_dang_ky,ten_thuoc\nVD-10001-20,x\n")
        } throws: { error in
            guard let error = error as? CatalogError else { return false }
            return error.kind == .badHeader && error.problems.first?.line == 1
                && error.problems.first?.reason.contains("hoat_chat") == true
        }
    }

    @Test("registration numbers in every documented shape are accepted, others refused", arguments: [
        ("VD-25123-18", true), ("VN-12345-17", true), ("QLĐB-657-18", true), ("GC-123-19", true), ("QLSP-901-20", true),
        ("V46-H12-16", true), ("893114458325", true), ("89311445832", false), ("VD-25123-2018", false), ("AB-123-18", false),
    ])
    func registrationNumbers(number: String, valid: Bool) {
        #expect(RegistrationNumber.isValid(number) == valid)
    }

    @Test("the committed sample catalog is valid and big enough")
    func sampleCatalog() throws {
        let sample = try CatalogImport.read(contentsOf: CatalogFixtures.samplePath)
        #expect(sample.problems == [])
        #expect(sample.products.count >= 1_000)
        let ingredients = Set(sample.products.flatMap { $0.ingredients.map(\.inn) })
        #expect(ingredients.count >= 300)
        for required in ["warfarin", "acetylsalicylic acid", "clopidogrel", "simvastatin", "clarithromycin", "tramadol",
                         "morphine", "diazepam", "ephedrine", "paracetamol", "clavulanic acid", "potassium chloride"] {
            #expect(ingredients.contains(required), "sample lacks \(required)")
        }
        for controlled in ControlledClass.allCases {
            #expect(sample.products.contains { $0.controlledClass == controlled }, "no \(controlled) product")
        }
    }
}
