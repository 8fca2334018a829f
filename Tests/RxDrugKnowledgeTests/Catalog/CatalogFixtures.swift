import Foundation
import Logging
import RxDrugKnowledge
import RxStore

/// A logger that drops everything.
let quietLogger = Logger(label: "rx.drugs.tests") { _ in SwiftLogNoOpLogHandler() }

/// Small, hand-checkable catalogs for tests.
enum CatalogFixtures {
    /// One CSV row with sensible defaults; override what a test is about.
    static func row(
        _ number: String, _ brand: String, inn: String = "paracetamol", strength: String = "500 mg",
        form: String = "viên nén", route: String = "uống", unit: String = "viên", pack: String = "Hộp 10 vỉ x 10 viên",
        atc: String = "N02BE01", control: String = "khong", rx: String = "khong",
        maker: String = "Công ty CP Dược Hậu Giang", country: String = "Việt Nam", declarer: String = "Công ty CP Dược Hậu Giang",
        price: String = "500", date: String = "2024-01-01"
    ) -> String {
        [number, brand, inn, strength, form, route, unit, pack, atc, control, rx, maker, country, declarer, price, date]
            .map { $0.contains(",") || $0.contains("\"") || $0.contains("\n") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
            .joined(separator: ",")
    }

    static func csv(_ rows: [String]) -> String {
        ([CatalogCSV.header] + rows).joined(separator: "\n") + "\n"
    }

    /// Paracetamol from three makers (one also declared as 0,5 g), a cough syrup, a combination, a
    /// narcotic, and a price history.
    static let small = csv([
        row("VD-10001-20", "Hapacol 500", price: "600", date: "2023-01-01"),
        row("VD-10001-20", "Hapacol 500", price: "650", date: "2024-06-01"),
        row("VN-20002-19", "Panadol 500 mg", maker: "GlaxoSmithKline", country: "Anh", declarer: "Công ty TNHH DKSH Việt Nam", price: "1500"),
        row("893114458325", "Paracetamol Stada", strength: "0,5 g", price: "400"),
        row("VD-10004-21", "Paracetamol 500 sủi", form: "viên sủi", price: "300"),
        row("VD-10005-22", "Thuốc ho người lớn OPC", inn: "dextromethorphan", strength: "15 mg/5 ml", form: "siro", unit: "chai", atc: "R05DA09", price: "25000"),
        row("VD-10006-22", "Augmentin 625", inn: "amoxicillin;clavulanic acid", strength: "500 mg;125 mg", form: "viên nén bao phim", atc: "J01CR02", rx: "co", price: "9000"),
        row("QLĐB-657-18", "Morphin 10 mg/ml", inn: "morphine", strength: "10 mg/ml", form: "dung dịch tiêm", route: "tiêm", unit: "ống", atc: "N02AA01", control: "gay_nghien", rx: "co", price: "6000"),
        row("VD-10008-23", "Đường huyết Dorocron", inn: "gliclazide", strength: "30 mg", atc: "A10BB09", rx: "co", price: "1500"),
    ])

    static func snapshot(_ text: String = small) throws -> CatalogSnapshot {
        CatalogSnapshot(products: try CatalogImport(csv: text).products)
    }

    static func date(_ text: String) -> CatalogDate {
        guard let date = CatalogDate(parsing: text) else {
            preconditionFailure("bad test date \(text)")
        }
        return date
    }

    /// The repository's sample catalog, located from this file.
    static var samplePath: String {
        let components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        return components.dropLast(4).joined(separator: "/") + "/tools/sample-data/catalog.csv"
    }

    /// Runs `body` with a store in a fresh temporary directory, cleaned up afterwards.
    static func withStore<Result>(_ body: (Store, String) throws -> Result) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rx-drugs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try Store.open(directory: directory, logger: quietLogger)
        defer { store.close() }
        return try body(store, directory)
    }

    /// Writes `text` to a file in `directory` and returns its path.
    static func write(_ text: String, named name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
