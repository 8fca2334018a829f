import Foundation
import Logging
import RxStore

/// The catalog the server answers from: the current ``CatalogSnapshot`` behind a lock held only for a
/// pointer swap, and the database it is rebuilt from.
///
/// Readers take ``current`` once per call and answer from that snapshot alone, so no answer mixes old
/// and new data. ``reload()`` reads the database and builds a complete new snapshot before swapping it
/// in; calls that started earlier finish on the old one, which is freed when the last of them ends.
public final class Catalog: @unchecked Sendable {
    /// Guards `snapshot` (a reference swap, never held while building).
    private let lock = NSLock()
    private var snapshot: CatalogSnapshot
    /// Serialises reloads, so a slow reload cannot overwrite the result of a later one.
    private let reloadLock = NSLock()
    /// The database; nil for a catalog built in memory (tests).
    public let store: Store?
    private let logger: Logger

    /// A catalog serving a fixed snapshot (tests, tools); ``reload()`` keeps it.
    public init(snapshot: CatalogSnapshot, logger: Logger) {
        self.snapshot = snapshot
        self.store = nil
        self.logger = logger
    }

    /// Opens the catalog in `store`: brings its tables up to date, imports `samplePath` when the catalog is
    /// empty (first start), and loads the first snapshot.
    ///
    /// - Parameter samplePath: The bundled sample CSV; nil, or a missing file, starts with an empty
    ///   catalog (logged as a warning).
    public init(store: Store, samplePath: String?, logger: Logger) throws {
        self.store = store
        self.logger = logger
        self.snapshot = .empty
        try CatalogDatabase.prepare(store, logger: logger)
        if try CatalogDatabase.productCount(store) == 0 {
            if let samplePath, FileManager.default.fileExists(atPath: samplePath) {
                let sample = try CatalogImport.read(contentsOf: samplePath)
                guard sample.problems.isEmpty else {
                    throw CatalogError(.badRows, "the sample catalog \(samplePath) has bad rows", problems: sample.problems)
                }
                let report = try CatalogDatabase.apply(sample.products, to: store)
                logger.info("imported the sample catalog", metadata: ["path": "\(samplePath)", "report": "\(report)"])
            } else {
                logger.warning(
                    "catalog is empty and no sample catalog was found",
                    metadata: ["path": "\(samplePath ?? "(none)")"])
            }
        }
        _ = try self.reload()
    }

    /// The snapshot to answer the current call from. Take it once per call.
    public var current: CatalogSnapshot {
        self.lock.lock()
        defer { self.lock.unlock() }
        return self.snapshot
    }

    /// Rebuilds the snapshot from the database and swaps it in; returns the previous and the new one.
    /// A catalog without a store keeps its snapshot.
    @discardableResult
    public func reload() throws -> (previous: CatalogSnapshot, current: CatalogSnapshot) {
        self.reloadLock.lock()
        defer { self.reloadLock.unlock() }
        let previous = self.current
        guard let store = self.store else {
            return (previous, previous)
        }
        let started = ContinuousClock.now
        let products: [Product]
        do {
            products = try CatalogDatabase.loadProducts(store)
        } catch {
            throw CatalogError(.storage, "cannot read the catalog: \(error)")
        }
        let next = CatalogSnapshot(products: products)
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        self.lock.lock()
        self.snapshot = next
        self.lock.unlock()
        self.logger.info(
            "catalog loaded",
            metadata: [
                "version": "\(String(next.version, radix: 16))", "changed": "\(next.version != previous.version)",
                "products": "\(next.products.count)", "prices": "\(next.priceCount)",
                "ms": "\(milliseconds)",
            ])
        return (previous, next)
    }

    /// Imports a CSV file into the database (all or nothing unless `skipBad`), without reloading.
    ///
    /// - Throws: `.badRows` listing every bad row when there is one and `skipBad` is false (nothing is
    ///   applied); `.unreadableFile`, `.badHeader`, `.storage`.
    public static func importFile(_ path: String, into store: Store, skipBad: Bool) throws(CatalogError) -> CatalogImportReport {
        let parsed = try CatalogImport.read(contentsOf: path)
        if !parsed.problems.isEmpty && !skipBad {
            throw CatalogError(
                .badRows, "\(parsed.problems.count) bad rows in \(path); nothing was imported", problems: parsed.problems)
        }
        var report: CatalogImportReport
        do {
            report = try CatalogDatabase.apply(parsed.products, to: store)
        } catch {
            throw CatalogError(.storage, "cannot write the catalog: \(error)")
        }
        report.skipped = parsed.problems
        return report
    }

    /// The declared unit price of a product on `date` from the current snapshot: what dispensing records
    /// beside the price charged.
    public func unitPrice(registrationNumber: String, on date: CatalogDate) -> DeclaredPrice? {
        self.current.unitPrice(registrationNumber: registrationNumber, on: date)
    }
}
