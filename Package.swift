// swift-tools-version:6.0
import PackageDescription

// Layers, lowest first: C modules → RxWire → RxTransport / RxStore → RxApp (domain services and
// wiring) → executables. A target may depend only on targets listed above it.
let package = Package(
    name: "rx",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rx-server", targets: ["rx-server"]),
        .executable(name: "rxctl", targets: ["rxctl"]),
    ],
    dependencies: [
        // Subcommands, typed flags and generated --help for rx-server and rxctl.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The logging API library modules accept; rx-server installs a JSON-lines handler.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // MARK: C libraries (Debian: libnghttp2-dev, libssl-dev, libsqlite3-dev)
        .systemLibrary(
            name: "CNGHTTP2", pkgConfig: "libnghttp2",
            providers: [.apt(["libnghttp2-dev"])]),
        .systemLibrary(
            name: "COpenSSL", pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CSQLite3", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "CRxShims", dependencies: ["COpenSSL", "CNGHTTP2"]),
        .target(name: "CRxLinux"),

        // MARK: Layers
        .target(name: "RxWire"),
        .target(
            name: "RxTransport",
            dependencies: [
                "RxWire", "CNGHTTP2", "COpenSSL", "CRxShims", "CRxLinux",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "RxStore",
            dependencies: [
                "CSQLite3",
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Signed prescriptions: CMS (PKCS#7) verification and signing, SHA-256. The only domain-facing
        // module besides the transport that touches OpenSSL, through thin wrappers.
        .target(name: "RxSignature", dependencies: ["COpenSSL", "CRxShims"]),

        // MARK: Domain
        .target(
            name: "RxDrugKnowledge",
            dependencies: [
                "RxWire", "RxTransport", "RxStore",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "RxPrescriptions",
            dependencies: [
                "RxWire", "RxTransport", "RxStore", "RxSignature",
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Regulators' statistics and controlled-substance monitoring over aggregates kept by the
        // prescriptions' write hook.
        .target(
            name: "RxStatistics",
            dependencies: [
                "RxWire", "RxTransport", "RxStore", "RxPrescriptions", "RxDrugKnowledge",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "RxApp",
            dependencies: [
                "RxWire", "RxTransport", "RxStore", "RxSignature", "RxDrugKnowledge", "RxPrescriptions", "RxStatistics",
                .product(name: "Logging", package: "swift-log"),
            ]),

        // MARK: Executables
        .executableTarget(
            name: "rx-server",
            dependencies: [
                "RxApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "rxctl",
            dependencies: [
                "RxWire", "RxTransport", "RxSignature",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "wire-bench", dependencies: ["RxWire"], path: "tools/wire-bench"),
        .executableTarget(
            name: "rx-loadgen",
            dependencies: [
                "RxTransport", "RxWire", "RxSignature",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "tools/loadgen"),
        // National-scale synthetic data set for the statistics (writes a database file directly), and the
        // statistics benchmark over it.
        .executableTarget(
            name: "rx-datagen",
            dependencies: [
                "RxApp", "RxStatistics", "RxPrescriptions", "RxDrugKnowledge", "RxStore", "RxSignature", "RxWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "tools/datagen"),
        .executableTarget(
            name: "rx-statbench",
            dependencies: [
                "RxApp", "RxStatistics", "RxPrescriptions", "RxStore", "RxWire", "RxTransport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "tools/statbench"),
        .executableTarget(name: "interaction-bench", dependencies: ["RxDrugKnowledge"], path: "tools/interaction-bench"),
        // Fuzz targets (library, so `swift test` can replay saved inputs) and their libFuzzer driver;
        // tools/fuzz/run.sh builds the driver with -sanitize=fuzzer,address.
        .target(name: "RxFuzzTargets", dependencies: ["RxWire", "RxTransport", "RxSignature", "RxDrugKnowledge", "RxPrescriptions"]),
        .executableTarget(name: "rx-fuzz", dependencies: ["RxFuzzTargets"], path: "tools/fuzz", exclude: ["run.sh", "make-seeds.py"]),

        // MARK: Tests
        .testTarget(name: "RxWireTests", dependencies: ["RxWire"]),
        .testTarget(name: "RxTransportTests", dependencies: ["RxTransport", "RxWire"]),
        .testTarget(
            name: "RxStoreTests",
            dependencies: ["RxStore", "CSQLite3", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "RxSignatureTests", dependencies: ["RxSignature"]),
        .testTarget(name: "RxFuzzTargetsTests", dependencies: ["RxFuzzTargets"], exclude: ["Regressions"]),
        .testTarget(
            name: "RxDrugKnowledgeTests",
            dependencies: ["RxDrugKnowledge", "RxWire", "RxTransport", "RxStore", .product(name: "Logging", package: "swift-log")]),
        .testTarget(
            name: "RxPrescriptionsTests",
            dependencies: [
                "RxPrescriptions", "RxWire", "RxTransport", "RxStore", "RxSignature",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "RxStatisticsTests",
            dependencies: [
                "RxStatistics", "RxPrescriptions", "RxWire", "RxTransport", "RxStore", "RxSignature",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(
            name: "RxAppTests",
            dependencies: ["RxApp", "RxTransport", "RxWire", .product(name: "Logging", package: "swift-log")]),
    ],
    swiftLanguageModes: [.v6]
)
