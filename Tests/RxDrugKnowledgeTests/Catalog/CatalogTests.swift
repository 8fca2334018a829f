import Foundation
import RxDrugKnowledge
import RxStore
import Testing

@Suite("Catalog import, first start and reload")
struct CatalogTests {
    @Test("importing a good file twice changes nothing the second time")
    func idempotentImport() throws {
        try CatalogFixtures.withStore { store, directory in
            try CatalogDatabase.prepare(store, logger: quietLogger)
            let path = try CatalogFixtures.write(CatalogFixtures.small, named: "catalog.csv", in: directory)
            let first = try Catalog.importFile(path, into: store, skipBad: false)
            #expect(first.newProducts == 8)
            #expect(first.newPrices == 9)
            let second = try Catalog.importFile(path, into: store, skipBad: false)
            #expect(!second.changedAnything)
            #expect(second.description.hasPrefix("0 new products, 0 changed, 8 unchanged; 0 new prices"))
            let loaded = CatalogSnapshot(products: try CatalogDatabase.loadProducts(store))
            #expect(loaded.version == (try CatalogFixtures.snapshot()).version)
        }
    }

    @Test("one bad row means nothing is imported, unless --skip-bad")
    func allOrNothing() throws {
        try CatalogFixtures.withStore { store, directory in
            try CatalogDatabase.prepare(store, logger: quietLogger)
            let text = CatalogFixtures.csv([
                CatalogFixtures.row("VD-10001-20", "Good"), CatalogFixtures.row("VD-10002-20", "Bad", price: "free"),
            ])
            let path = try CatalogFixtures.write(text, named: "mixed.csv", in: directory)
            #expect {
                _ = try Catalog.importFile(path, into: store, skipBad: false)
            } throws: { error in
                let error = error as? CatalogError
                return error?.kind == .badRows && error?.problems.map(\.line) == [3]
            }
            #expect(try CatalogDatabase.productCount(store) == 0)
            let report = try Catalog.importFile(path, into: store, skipBad: true)
            #expect(report.newProducts == 1)
            #expect(report.skipped.map(\.line) == [3])
            #expect(try CatalogDatabase.productCount(store) == 1)
        }
    }

    @Test("a changed declaration is reported as changed, a new one as new")
    func changes() throws {
        try CatalogFixtures.withStore { store, directory in
            try CatalogDatabase.prepare(store, logger: quietLogger)
            _ = try Catalog.importFile(
                try CatalogFixtures.write(CatalogFixtures.small, named: "a.csv", in: directory), into: store, skipBad: false)
            let update = CatalogFixtures.csv([
                CatalogFixtures.row("VD-10001-20", "Hapacol 500", price: "700", date: "2024-06-01"),
                CatalogFixtures.row("VD-10001-20", "Hapacol 500", price: "720", date: "2025-06-01"),
            ])
            let report = try Catalog.importFile(
                try CatalogFixtures.write(update, named: "b.csv", in: directory), into: store, skipBad: false)
            #expect(report.unchangedProducts == 1)
            #expect(report.changedPrices == 1)
            #expect(report.newPrices == 1)
        }
    }

    @Test("first start imports the sample catalog once; reload picks up a later import")
    func firstStartAndReload() throws {
        try CatalogFixtures.withStore { store, directory in
            let catalog = try Catalog(store: store, samplePath: CatalogFixtures.samplePath, logger: quietLogger)
            let first = catalog.current
            #expect(first.products.count >= 1_000)
            let again = try Catalog(store: store, samplePath: CatalogFixtures.samplePath, logger: quietLogger)
            #expect(again.current.version == first.version)
            let update = CatalogFixtures.csv([CatalogFixtures.row("VD-99999-25", "Thuốc mới")])
            _ = try Catalog.importFile(
                try CatalogFixtures.write(update, named: "new.csv", in: directory), into: store, skipBad: false)
            #expect(catalog.current.product(registrationNumber: "VD-99999-25") == nil)
            let outcome = try catalog.reload()
            #expect(outcome.previous === first)
            #expect(outcome.current.version != first.version)
            #expect(catalog.current.product(registrationNumber: "VD-99999-25")?.brandName == "Thuốc mới")
            #expect(catalog.unitPrice(registrationNumber: "VD-99999-25", on: CatalogFixtures.date("2024-01-01"))?.unitPriceVND == 500)
        }
    }

    @Test("readers during repeated reloads always see one whole snapshot, old or new")
    func swapUnderConcurrentReaders() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rx-drugs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try Store.open(directory: directory, logger: quietLogger)
        defer { store.close() }
        let path = try CatalogFixtures.write(CatalogFixtures.small, named: "a.csv", in: directory)
        let catalog = try Catalog(store: store, samplePath: path, logger: quietLogger)
        let oldVersion = catalog.current.version
        // The new catalog doubles every price: a mixed answer would pair a version with the other's prices.
        let doubled = CatalogFixtures.csv([
            CatalogFixtures.row("VD-10001-20", "Hapacol 500", price: "1300", date: "2024-06-01"),
        ])
        let date = CatalogFixtures.date("2025-01-01")
        let stop = Flag()
        // Readers run on threads of their own: spinning tasks would starve the cooperative pool.
        let readers = (0..<4).map { _ in
            ReaderThread {
                var seen = (old: 0, new: 0)
                while !stop.isSet {
                    let snapshot = catalog.current
                    let price = snapshot.unitPrice(registrationNumber: "VD-10001-20", on: date)?.unitPriceVND
                    let quote = try? snapshot.quote(lines: [("VD-10001-20", 2)], on: date)
                    if snapshot.version == oldVersion {
                        #expect(price == 650 && quote?.totalVND == 1_300)
                        seen.old += 1
                    } else {
                        #expect(price == 1_300 && quote?.totalVND == 2_600)
                        seen.new += 1
                    }
                }
                return seen
            }
        }
        Thread.sleep(forTimeInterval: 0.02)
        _ = try Catalog.importFile(try CatalogFixtures.write(doubled, named: "b.csv", in: directory), into: store, skipBad: false)
        for _ in 0..<20 {
            try catalog.reload()
        }
        Thread.sleep(forTimeInterval: 0.02)
        stop.set()
        let total = readers.map { $0.join() }.reduce((old: 0, new: 0)) { ($0.old + $1.old, $0.new + $1.new) }
        #expect(total.old > 0)
        #expect(total.new > 0)
    }
}

/// A one-way flag shared with reader tasks.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool {
        self.lock.lock()
        defer { self.lock.unlock() }
        return self.value
    }

    func set() {
        self.lock.lock()
        self.value = true
        self.lock.unlock()
    }
}

/// Runs a loop on a dedicated thread; `join()` waits for its result.
final class ReaderThread: @unchecked Sendable {
    private let done = NSCondition()
    private var result: (old: Int, new: Int)?

    init(_ body: @escaping @Sendable () -> (old: Int, new: Int)) {
        Thread {
            let value = body()
            self.done.lock()
            self.result = value
            self.done.broadcast()
            self.done.unlock()
        }.start()
    }

    func join() -> (old: Int, new: Int) {
        self.done.lock()
        defer { self.done.unlock() }
        while self.result == nil {
            self.done.wait()
        }
        return self.result ?? (0, 0)
    }
}
