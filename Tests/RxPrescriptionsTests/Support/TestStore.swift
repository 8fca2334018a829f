import Foundation
import Logging
import RxPrescriptions
import RxStore
import RxWire

/// Opens a store with the prescription schema in a fresh temporary directory, runs `body`, closes the
/// store and deletes the directory.
func withPrescriptionStore<R>(_ body: (Store) async throws -> R) async throws -> R {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("rx-prescriptions-\(UInt64.random(in: 0...UInt64.max))").path
    var logger = Logger(label: "test-store")
    logger.logLevel = .critical
    let store = try Store.open(
        directory: directory,
        configuration: Store.Configuration(migrations: PrescriptionSchema.appended(to: .standard)), logger: logger)
    defer {
        store.close()
        try? FileManager.default.removeItem(atPath: directory)
    }
    return try await body(store)
}

/// A service over `store` with the fakes and `clock`.
func makeService(
    store: Store, clock: ManualClock,
    generateCode: (@Sendable (String, RxWire.PrescriptionType) -> PrescriptionCode)? = nil
) -> PrescriptionsService {
    var logger = Logger(label: "test-service")
    logger.logLevel = .critical
    if let generateCode {
        return PrescriptionsService(
            store: store, verifier: FakeVerifier(), products: FakeProducts(), screening: FakeScreening(),
            clock: clock.clock, logger: logger, generateCode: generateCode)
    }
    return PrescriptionsService(
        store: store, verifier: FakeVerifier(), products: FakeProducts(), screening: FakeScreening(),
        clock: clock.clock, logger: logger)
}
