// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "tthc-ledger",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tthc", targets: ["tthc"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "TTHCDomain", targets: ["TTHCDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // The C boundary: LMDB as Debian ships it (liblmdb-dev).
        .systemLibrary(
            name: "CLMDB",
            pkgConfig: "lmdb",
            providers: [.apt(["liblmdb-dev"])]
        ),
        // Typed wrapper; the only module that imports CLMDB.
        .target(name: "LMDB", dependencies: ["CLMDB"]),
        // Envelopes, append, hash chain, verification, projection engine.
        .target(
            name: "Ledger",
            dependencies: [
                "LMDB",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Events, calendar, units, due dates, validation.
        .target(
            name: "TTHCDomain",
            dependencies: [
                "Ledger",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            // The generated messages' storage is checked for exclusive access on every field read
            // and write (`swift_beginAccess`): a fifth of a projection rebuild's CPU time. Release
            // builds skip those runtime checks; debug builds, which run the tests, keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .target(name: "TTHCReports", dependencies: ["TTHCDomain", "Ledger"]),
        .target(name: "TTHCImport", dependencies: ["TTHCDomain", "Ledger"]),
        .executableTarget(
            name: "tthc",
            dependencies: [
                "Ledger", "TTHCDomain", "TTHCReports", "TTHCImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks and helpers run by hand or by tests (Tools/).
        .executableTarget(name: "ledger-bench", dependencies: ["BenchSupport", "Ledger", "LMDB"], path: "Tools/LedgerBench"),
        .executableTarget(name: "ledger-stress", dependencies: ["Ledger"], path: "Tools/LedgerStress"),
        // Console, option reading and clocks shared by the tools.
        .target(name: "BenchSupport", path: "Tools/BenchSupport"),
        // Deterministic generated workloads (seeded), shared by the benchmarks and tests.
        .target(name: "TTHCWorkload", dependencies: ["TTHCDomain", "Ledger"], path: "Tools/WorkloadKit"),
        .executableTarget(
            name: "tthc-workload", dependencies: ["BenchSupport", "TTHCWorkload", "TTHCDomain", "Ledger"],
            path: "Tools/Workload"
        ),
        .executableTarget(
            name: "domain-bench",
            dependencies: [
                "BenchSupport", "TTHCWorkload", "TTHCDomain", "Ledger",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Tools/DomainBench"
        ),
        .executableTarget(
            name: "projection-bench",
            dependencies: [
                "BenchSupport", "TTHCWorkload", "TTHCDomain", "TTHCReports", "Ledger",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Tools/ProjectionBench"
        ),
        .executableTarget(
            name: "import-bench", dependencies: ["BenchSupport", "TTHCWorkload", "TTHCImport", "TTHCDomain", "Ledger"],
            path: "Tools/ImportBench"
        ),
        .executableTarget(
            name: "report-bench", dependencies: ["BenchSupport", "TTHCReports", "TTHCDomain", "Ledger"],
            path: "Tools/ReportBench"
        ),
        .executableTarget(
            name: "import-fuzz", dependencies: ["BenchSupport", "TTHCWorkload", "TTHCImport", "TTHCDomain", "Ledger"],
            path: "Tools/ImportFuzz"
        ),
        .testTarget(name: "LMDBTests", dependencies: ["LMDB"]),
        .testTarget(
            name: "TTHCDomainTests",
            dependencies: ["TTHCDomain", .product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),
        .testTarget(
            name: "ProjectionTests",
            dependencies: [
                "TTHCWorkload", "TTHCImport", "TTHCDomain", "Ledger", "tthc",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        .testTarget(name: "TTHCImportTests", dependencies: ["TTHCImport", "TTHCDomain", "TTHCWorkload", "Ledger"]),
        .testTarget(
            name: "TTHCReportsTests",
            dependencies: [
                "TTHCReports", "TTHCDomain", "TTHCWorkload", "Ledger",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "CLITests", dependencies: ["tthc", "ledger-stress", "TTHCImport", "TTHCReports", "TTHCDomain", "Ledger"],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "LedgerTests",
            dependencies: ["Ledger", "LMDB", "ledger-stress", .product(name: "Crypto", package: "swift-crypto")]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
