// swift-tools-version:6.1
import PackageDescription

/// Strict settings shared by every target: Swift 6 language mode and explicit `any`.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Muster",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "muster", targets: ["muster"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        // Tests only: runs child processes without Foundation's `Process` (see ChildProcess.swift).
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
    ],
    targets: [
        // Pure domain core: people, statuses, eligibility. No I/O, no third-party imports.
        .target(name: "MusterCore", swiftSettings: strictSettings),
        // Thin wrappers over the few system calls the file code makes (one place per platform).
        // glibc's <malloc.h>, for MusterSystem's allocator tuning.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .target(name: "MusterSystem", dependencies: ["CMalloc"], swiftSettings: strictSettings),
        // OpenSSL's SHA-256 without a heap context per hash, for the ledger's many short messages
        // (Linux, where Muster runs; elsewhere the ledger hashes with swift-crypto).
        .systemLibrary(name: "CSHA256", path: "Sources/CSHA256", providers: [.apt(["libssl-dev"])]),
        // The register CSV: a streaming RFC 4180 reader/writer and the row <-> record mapping.
        .target(name: "MusterCSV", dependencies: ["MusterCore", "MusterSystem"], swiftSettings: strictSettings),
        // Keys, field encryption, blind indexes, signing keys.
        .target(
            name: "MusterCrypto",
            dependencies: ["MusterSystem", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings),
        // The append-only, hash-chained ledger: entry format and chain hashing.
        .target(
            name: "MusterLedger",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"), .target(name: "CSHA256", condition: .when(platforms: [.linux])),
            ],
            swiftSettings: strictSettings),
        // The Store protocol and its SQLite backend.
        .target(
            name: "MusterStore",
            dependencies: [
                "MusterCore", "MusterLedger", "MusterSystem", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        // The PostgreSQL backend of the Store protocol, for production and several processes.
        .target(
            name: "MusterPostgres",
            dependencies: ["MusterCore", "MusterLedger", "MusterStore", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: strictSettings),
        // Vaults: sealed ledger segments, their verification as a chain, write-once storage.
        .target(
            name: "MusterVault",
            dependencies: [
                "MusterLedger", "MusterSystem", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            swiftSettings: strictSettings),
        // The remote append-only vault: a small HTTP server that only ever adds verified segments.
        .target(
            name: "MusterVaultServer",
            dependencies: [
                "MusterVault", "MusterLedger", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSettings),
        // Who may do what: roles and the one authorisation point, passwords (bcrypt), TOTP,
        // access tokens, rate limiting and load shedding. Pure: no server, no storage.
        .target(
            name: "MusterAccess",
            dependencies: [
                "MusterCore", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strictSettings),
        // Synthetic, realistic registers for demos, tests and benchmarks.
        .target(name: "MusterDemo", dependencies: ["MusterCore"], swiftSettings: strictSettings),
        // The application layer: the write path, import, export, search, erase, statistics.
        .target(
            name: "MusterRegister",
            dependencies: [
                "MusterCore", "MusterCSV", "MusterCrypto", "MusterLedger", "MusterStore", "MusterPostgres", "MusterAccess",
                "MusterVault", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        // The HTTP server: REST API, authorisation at one point, rate limits, metrics.
        .target(
            name: "MusterServer",
            dependencies: [
                "MusterRegister", "MusterAccess", "MusterCore", "MusterCSV", "MusterStore", "MusterDemo",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings),
        // The `muster` command.
        .executableTarget(
            name: "muster",
            dependencies: [
                "MusterRegister", "MusterDemo", "MusterAccess", "MusterVault", "MusterVaultServer", "MusterServer", "MusterSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings),
        // Helpers shared by the test targets.
        .target(
            name: "MusterTesting",
            dependencies: [
                "MusterLedger", "MusterVault", .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/MusterTesting", swiftSettings: strictSettings),

        .testTarget(name: "MusterCoreTests", dependencies: ["MusterCore", "MusterDemo"], swiftSettings: strictSettings),
        .testTarget(name: "MusterCSVTests", dependencies: ["MusterCSV"], swiftSettings: strictSettings),
        .testTarget(name: "MusterCryptoTests", dependencies: ["MusterCrypto", "MusterTesting"], swiftSettings: strictSettings),
        .testTarget(name: "MusterLedgerTests", dependencies: ["MusterLedger", "MusterTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "MusterStoreTests",
            dependencies: [
                "MusterStore", "MusterPostgres", "MusterTesting", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        .testTarget(name: "MusterVaultTests", dependencies: ["MusterVault", "MusterLedger", "MusterTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "MusterVaultServerTests",
            dependencies: [
                "MusterVaultServer", "MusterVault", "MusterLedger", "MusterTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings),
        .testTarget(name: "MusterAccessTests", dependencies: ["MusterAccess", "MusterCore"], swiftSettings: strictSettings),
        .testTarget(name: "MusterDemoTests", dependencies: ["MusterDemo", "MusterCSV", "MusterTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "MusterRegisterTests",
            dependencies: [
                "MusterRegister", "MusterDemo", "MusterTesting", "MusterAccess", "MusterVault", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        .testTarget(name: "MusterCLITests", dependencies: ["MusterTesting", "MusterAccess", "MusterCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "MusterServerTests",
            dependencies: [
                "MusterServer", "MusterRegister", "MusterAccess", "MusterCore", "MusterStore", "MusterTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
    ]
)
