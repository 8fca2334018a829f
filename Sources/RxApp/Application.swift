import Foundation
import Logging
import RxPrescriptions
import RxSignature
import RxDrugKnowledge
import RxStatistics
import RxStore
import RxTransport

/// The clearinghouse process: certificates, storage and services wired onto one gRPC server.
///
/// `rx-server` and the integration tests both start the server through this type, so a test
/// exercises exactly what production runs.
public final class Application: Sendable {
    public struct Configuration: Sendable {
        public var server = ServerConfiguration()
        /// Directory holding `server.crt`, `server.key`, the facility CA bundle `ca.crt` and the
        /// prescriber-signing CA `signing-ca.crt` (prescription signatures).
        public var certificatesDirectory = "Certs/dev"
        public var dataDirectory = "data"
        public var enableDiagnostics = false
        /// The sample catalog CSV imported on first start (empty catalog); nil or missing starts empty.
        public var catalogSamplePath: String? = "tools/sample-data/catalog.csv"
        /// The interaction rules and ingredient synonyms seeded into an empty knowledge base.
        public var interactionRulesPath: String? = "tools/sample-data/interactions.csv"
        public var ingredientSynonymsPath: String? = "tools/sample-data/ingredient-synonyms.csv"
        /// How long the audit entry of a read may wait for its fsync (it is committed before the answer
        /// either way); 0 fsyncs before every answer. Changes clients ask for are always fsynced first.
        public var readAuditSyncMilliseconds = 20

        public init() {}
    }

    public let configuration: Configuration
    public let health: HealthStatusBoard
    /// The SQLite database under the data directory (WAL, `synchronous=FULL`, group commit).
    public let store: Store
    /// The drug catalog and price index (immutable snapshots, swapped on reload).
    public let catalog: Catalog
    /// The interaction knowledge base (index swapped whole on reload).
    let interactions: InteractionKnowledge
    /// Every method served, with its access rule (for `rx-server roles` and tests).
    public let router: Router
    /// What `GET /metrics` reports from the transport and from Submit-time screening.
    public let serverMetrics = ServerMetrics()
    public let interactionAlerts = InteractionAlertCounter()
    let server: Server
    /// The server's TLS context, kept for reloading revocation lists (`Application+Revocation.swift`).
    let tls: TLSContext
    /// The prescription signature verifier, kept for reloading the signing CA's CRL.
    let signatureVerifier: CMSVerifier
    /// Folds the statistics outbox into the aggregates (started with the server, stopped before the store
    /// closes).
    public let statisticsApplier: StatisticsApplier
    let logger: Logger

    /// Every area's schema steps. Anything that opens the database (the server, `rx-server catalog
    /// import`, backups) opens it with this list: a database recording a step the list lacks is refused.
    public static let schema = Migrations(combining: [
        Migrations.standard.steps, InteractionKnowledgeBase.interactionMigrations, PrescriptionSchema.migrations,
        StatisticsSchema.migrations,
    ])

    public init(configuration: Configuration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        let certificates = URL(fileURLWithPath: configuration.certificatesDirectory)
        let tls = try TLSContext.server(
            certificateChainFile: certificates.appendingPathComponent("server.crt").path,
            privateKeyFile: certificates.appendingPathComponent("server.key").path,
            clientCAFile: certificates.appendingPathComponent("ca.crt").path)
        self.tls = tls
        try Self.enableRevocationChecks(on: tls, certificatesDirectory: configuration.certificatesDirectory, logger: logger)
        // Routine store messages (migrations applied, store opened) stay below the threshold so
        // the first log line of a run is the "started" line that tools read the port from.
        var storeLogger = logger
        storeLogger.logLevel = max(logger.logLevel, .notice)
        self.store = try Store.open(
            directory: configuration.dataDirectory,
            configuration: Store.Configuration(
                writer: StoreWriter.Configuration(deferredSyncMilliseconds: configuration.readAuditSyncMilliseconds),
                migrations: Self.schema),
            logger: storeLogger)

        // The interaction rules are read in the background while the catalog loads (start-up time).
        let knowledgeBase = KnowledgeBaseLoading(
            store: self.store, rulesFile: configuration.interactionRulesPath,
            ingredientsFile: configuration.ingredientSynonymsPath, logger: storeLogger)
        self.catalog = try Catalog(store: self.store, samplePath: configuration.catalogSamplePath, logger: storeLogger)
        self.interactions = try InteractionKnowledge(loading: knowledgeBase, catalog: self.catalog)

        self.signatureVerifier = try Self.signatureVerifier(certificatesDirectory: configuration.certificatesDirectory)
        self.statisticsApplier = StatisticsApplier(store: self.store, logger: logger)
        var router = Router()
        DrugsService(catalog: self.catalog).register(in: &router, access: AccessPolicy.access(for:))
        InteractionCheckService(knowledge: self.interactions, catalog: self.catalog, store: self.store)
            .register(in: &router, access: AccessPolicy.access(for:))
        if configuration.enableDiagnostics {
            DiagnosticsService().register(in: &router)
        }
        let prescriptions = PrescriptionsService(
            store: self.store,
            verifier: self.signatureVerifier,
            products: CatalogProductDirectory(catalog: self.catalog),
            screening: KnowledgeInteractionScreening(
                knowledge: self.interactions, catalog: self.catalog, alertCounter: self.interactionAlerts),
            logger: logger,
            events: StatisticsOutbox(applier: self.statisticsApplier)
        )
        prescriptions.register(in: &router, access: AccessPolicy.access(for:))
        FHIRExportService(prescriptions: prescriptions, catalog: self.catalog)
            .register(in: &router, access: AccessPolicy.access(for:))
        StatisticsService(store: self.store, logger: logger, applier: self.statisticsApplier)
            .register(in: &router, access: AccessPolicy.access(for:))
        let serviceNames = router.serviceNames + ["grpc.health.v1.Health"]
        self.health = HealthStatusBoard(services: serviceNames)
        HealthService(board: self.health).register(in: &router)
        ReflectionService(
            index: try DescriptorIndex.bundled(),
            serviceNames: router.serviceNames + ["grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"]
        ).register(in: &router, access: AccessPolicy.access(for:))
        MetricsEndpoint(transport: self.serverMetrics, store: self.store, catalog: self.catalog, alerts: self.interactionAlerts)
            .register(in: &router, access: AccessPolicy.metricsAccess)
        self.router = router
        self.server = try Server(
            configuration: configuration.server, router: router, tls: tls, logger: logger, metrics: self.serverMetrics)
    }

    /// Starts serving and returns the bound port.
    public func start() throws -> Int {
        self.statisticsApplier.start()
        return try self.server.start()
    }

    /// Rebuilds the catalog snapshot from the database (SIGHUP, after `rx-server catalog import`).
    /// On failure the previous snapshot keeps being served.
    public func reloadCatalog() {
        do {
            let outcome = try self.catalog.reload()
            try self.interactions.rebuild(store: self.store, catalog: self.catalog)
            self.logger.notice(
                "catalog reloaded",
                metadata: [
                    "version": "\(String(outcome.current.version, radix: 16))",
                    "changed": "\(outcome.current.version != outcome.previous.version)",
                    "products": "\(outcome.current.products.count)",
                ])
        } catch {
            self.logger.error("catalog reload failed; the previous catalog is still served", metadata: ["error": "\(error)"])
        }
    }

    /// Graceful stop: health watchers see NOT_SERVING, then GOAWAY, then in-flight calls finish
    /// (bounded by the grace period).
    public func shutdown() {
        self.health.setAll(.notServing)
        self.health.close()
        self.server.shutdown()
        self.statisticsApplier.stop()
        self.store.close()
    }
}
