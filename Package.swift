// swift-tools-version:6.1
// The CLM suite: four services, their shared modules, the operator CLI, tests and benchmarks.
import PackageDescription

/// One list of settings for every Swift target: Swift 6 mode and the stricter upcoming features.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let nioCore = Target.Dependency.product(name: "NIOCore", package: "swift-nio")
let nioPosix = Target.Dependency.product(name: "NIOPosix", package: "swift-nio")
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")
let lifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")

/// A service: a library with everything testable, and a thin executable around it.
func service(_ name: String, folder: String, uses: [Target.Dependency] = []) -> [Target] {
    [
        .target(name: "\(name)Service",
                dependencies: ["Models", "ServiceAPI", "RPC", "WireCodec", "Store", "EventFeed", "ServiceRuntime",
                               nioCore, logging, lifecycle] + uses,
                path: "Services/\(folder)/Sources/\(name)Service", swiftSettings: strict),
        .executableTarget(name: "\(name)Server", dependencies: [.target(name: "\(name)Service"), "ServiceRuntime"],
                          path: "Services/\(folder)/Sources/\(name)Server", swiftSettings: strict),
    ]
}

let package = Package(
    name: "clm",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "clm-identity", targets: ["IdentityServer"]),
        .executable(name: "clm-scoring", targets: ["ScoringServer"]),
        .executable(name: "clm-lifecycle", targets: ["CustomerLifecycleServer"]),
        .executable(name: "clm-retention", targets: ["RetentionServer"]),
        .executable(name: "clm", targets: ["CLMCommand"]),
        .executable(name: "clm-bench", targets: ["RPCBenchmark"]),
        .executable(name: "identity-bench", targets: ["IdentityBenchmark"]),
        .executable(name: "scoring-bench", targets: ["ScoringBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        // C libraries and the code protoc-c generates: the only places C is reachable from.
        .systemLibrary(name: "CProtobufC", path: "Shared/CProtobufC", pkgConfig: "libprotobuf-c",
                       providers: [.apt(["libprotobuf-c-dev"])]),
        .systemLibrary(name: "CLibpq", path: "Shared/CLibpq", pkgConfig: "libpq",
                       providers: [.apt(["libpq-dev"])]),
        .target(name: "CWireProtos", dependencies: ["CProtobufC"], path: "Shared/CWireProtos"),
        .systemLibrary(name: "CGlibcMalloc", path: "Shared/CGlibcMalloc"),

        // Shared Swift modules.
        .target(name: "Models", dependencies: [.target(name: "CGlibcMalloc", condition: .when(platforms: [.linux]))],
                path: "Shared/Models", swiftSettings: strict),
        .target(name: "WireCodec", dependencies: ["Models", "CWireProtos", nioCore],
                path: "Shared/WireCodec", swiftSettings: strict),
        .target(name: "RPC", dependencies: ["Models", "WireCodec", nioCore, nioPosix, logging, lifecycle],
                path: "Shared/RPC", swiftSettings: strict),
        .target(name: "ServiceAPI", dependencies: ["Models", "RPC", "WireCodec"],
                path: "Shared/ServiceAPI", swiftSettings: strict),
        .target(name: "Store", dependencies: ["CLibpq", nioCore, nioPosix, logging, lifecycle],
                path: "Shared/Store", swiftSettings: strict),
        .target(name: "EventFeed",
                dependencies: ["Models", "ServiceAPI", "RPC", "WireCodec", "Store", nioCore, logging, lifecycle],
                path: "Shared/EventFeed", swiftSettings: strict),
        .target(name: "ServiceRuntime",
                dependencies: ["Models", "ServiceAPI", "RPC", "WireCodec", "Store", "EventFeed",
                               logging, lifecycle, argumentParser,
                               .product(name: "UnixSignals", package: "swift-service-lifecycle")],
                path: "Shared/ServiceRuntime", swiftSettings: strict),
        .target(name: "CLMTesting", dependencies: ["Models", "Store", "ServiceRuntime", "RPC", "ServiceAPI", nioCore,
                                                  logging, lifecycle],
                path: "Shared/Testing", swiftSettings: strict),
    ]
        + [
            // Identity's pure parts: normalising source values, and the matcher; no database, no wire.
            .target(name: "IdentityNormalization", dependencies: ["Models"],
                    path: "Services/Identity/Sources/IdentityNormalization",
                    resources: [.copy("Resources/hanzi-fold.tsv")], swiftSettings: strict),
            .target(name: "IdentityMatching", dependencies: ["Models", "IdentityNormalization"],
                    path: "Services/Identity/Sources/IdentityMatching", swiftSettings: strict),
            .target(name: "PersonalData", dependencies: [.product(name: "Crypto", package: "swift-crypto")],
                    path: "Services/Identity/Sources/PersonalData", swiftSettings: strict),
            // The Swift side of identity.proto: used by the service, the CLI, and the services that read its feed.
            .target(name: "IdentityAPI", dependencies: ["Models", "ServiceAPI", "RPC", "WireCodec"],
                    path: "Services/Identity/Sources/IdentityAPI", swiftSettings: strict),
            .testTarget(name: "IdentityAPITests",
                        dependencies: ["IdentityAPI", "Models", "ServiceAPI", "WireCodec", "RPC", "CLMTesting"],
                        path: "Tests/IdentityAPITests", swiftSettings: strict),
            .target(name: "RecordImport", dependencies: ["Models", "IdentityMatching", "IdentityAPI", "IdentityNormalization"],
                    path: "Services/Identity/Sources/RecordImport", swiftSettings: strict),
            .testTarget(name: "PersonalDataTests", dependencies: ["PersonalData"],
                        path: "Tests/PersonalDataTests", swiftSettings: strict),
            .testTarget(name: "RecordImportTests", dependencies: ["RecordImport", "IdentityAPI", "Models"],
                        path: "Tests/RecordImportTests", swiftSettings: strict),
            .target(name: "BookGenerator", dependencies: ["Models", "IdentityNormalization"],
                    path: "Services/Identity/Sources/BookGenerator", swiftSettings: strict),
            .testTarget(name: "BookGeneratorTests", dependencies: ["BookGenerator", "IdentityNormalization", "Models"],
                        path: "Tests/BookGeneratorTests", swiftSettings: strict),
            .testTarget(name: "IdentityNormalizationTests", dependencies: ["IdentityNormalization", "Models"],
                        path: "Tests/IdentityNormalizationTests", swiftSettings: strict),
            .testTarget(name: "IdentityMatchingTests",
                        dependencies: ["IdentityMatching", "IdentityNormalization", "Models", "CLMTesting"],
                        path: "Tests/IdentityMatchingTests", swiftSettings: strict),
        ]
        + [
            // Identity's domain: normalised parties, customer codes, match-field storage form.
            .target(name: "IdentityResolution",
                    dependencies: ["Models", "IdentityAPI", "IdentityNormalization", "IdentityMatching"],
                    path: "Services/Identity/Sources/IdentityResolution", swiftSettings: strict),
            // Generated books read back as party records, for the identity tests.
            .target(name: "IdentityTestSupport",
                    dependencies: ["IdentityAPI", "IdentityNormalization", "Models", "BookGenerator"],
                    path: "Tests/IdentityTestSupport", swiftSettings: strict),
            .testTarget(name: "IdentityResolutionTests",
                        dependencies: ["IdentityResolution", "IdentityAPI", "IdentityMatching", "IdentityNormalization",
                                       "Models", "IdentityTestSupport", "CLMTesting"],
                        path: "Tests/IdentityResolutionTests", swiftSettings: strict),
        ]
        + service("Identity", folder: "Identity",
                  uses: ["IdentityAPI", "IdentityResolution", "IdentityMatching", "IdentityNormalization",
                         "PersonalData"])
        + [
            // The Swift side of scoring.proto: used by the service, the CLI, and lifecycle, which reads its feed.
            .target(name: "ScoringAPI", dependencies: ["Models", "ServiceAPI", "RPC", "WireCodec"],
                    path: "Services/Scoring/Sources/ScoringAPI", swiftSettings: strict),
            .testTarget(name: "ScoringAPITests",
                        dependencies: ["ScoringAPI", "Models", "ServiceAPI", "WireCodec", "RPC", "CLMTesting"],
                        path: "Tests/ScoringAPITests", swiftSettings: strict),
            // Scoring's pure parts: a customer's facts in; metrics, CLV, risk, loyalty and rule sets out; no database.
            .target(name: "ScoringModel", dependencies: ["Models", "ScoringAPI"],
                    path: "Services/Scoring/Sources/ScoringModel", swiftSettings: strict),
            .testTarget(name: "ScoringModelTests", dependencies: ["ScoringModel", "ScoringAPI", "Models"],
                        path: "Tests/ScoringModelTests", swiftSettings: strict),
        ]
        + service("Scoring", folder: "Scoring", uses: ["ScoringAPI", "ScoringModel", "IdentityAPI"])
        + service("CustomerLifecycle", folder: "Lifecycle")
        + service("Retention", folder: "Retention")
        + [
            .executableTarget(name: "CLMCommand",
                              dependencies: ["Models", "ServiceAPI", "RPC", "WireCodec", "ServiceRuntime",
                                             "BookGenerator", "IdentityAPI", "RecordImport", "IdentityMatching",
                                             "ScoringAPI", argumentParser, logging],
                              path: "Services/CLI/Sources/CLMCommand", swiftSettings: strict),
            .executableTarget(name: "RPCBenchmark",
                              dependencies: ["Models", "ServiceAPI", "RPC", "WireCodec", nioCore, nioPosix, logging, lifecycle,
                                             .product(name: "UnixSignals", package: "swift-service-lifecycle")],
                              path: "Tests/Benchmarks/RPCBenchmark", swiftSettings: strict),

            .executableTarget(name: "IdentityBenchmark",
                              dependencies: ["CLMTesting", "IdentityAPI", "IdentityTestSupport", "Models", "RPC",
                                             "ServiceAPI", "Store"],
                              path: "Tests/Benchmarks/IdentityBenchmark", swiftSettings: strict),

            .executableTarget(name: "ScoringBenchmark",
                              dependencies: ["CLMTesting", "ScoringAPI", "IdentityAPI", "IdentityTestSupport", "Models",
                                             "RPC", "ServiceAPI", "Store"],
                              path: "Tests/Benchmarks/ScoringBenchmark", swiftSettings: strict),

            .testTarget(name: "WireCodecTests", dependencies: ["WireCodec", "Models", "ServiceAPI", "CLMTesting"],
                        path: "Tests/WireCodecTests", swiftSettings: strict),
            .testTarget(name: "RPCTests", dependencies: ["RPC", "WireCodec", "Models", "ServiceAPI", "CLMTesting",
                                                         nioCore, nioPosix, logging, lifecycle],
                        path: "Tests/RPCTests", swiftSettings: strict),
            .testTarget(name: "StoreTests", dependencies: ["Store", "CLMTesting", "ServiceRuntime"],
                        path: "Tests/StoreTests", swiftSettings: strict),
            .testTarget(name: "EventFeedTests",
                        dependencies: ["EventFeed", "Store", "RPC", "ServiceAPI", "Models", "CLMTesting", "WireCodec",
                                       "ServiceRuntime", nioCore, logging],
                        path: "Tests/EventFeedTests", swiftSettings: strict),
            .testTarget(name: "ContractTests",
                        dependencies: ["WireCodec", "ServiceAPI", "Models", "RPC", "IdentityService",
                                       "ScoringService", "CustomerLifecycleService", "RetentionService",
                                       "ServiceRuntime", "CLMTesting", "EventFeed", "Store", nioCore, logging],
                        path: "Tests/ContractTests", exclude: ["Fixtures"], swiftSettings: strict),
            .testTarget(name: "IdentityServiceTests",
                        dependencies: ["CLMTesting", "IdentityAPI", "RPC", "ServiceAPI", "Models", "Store", "WireCodec",
                                       "IdentityMatching", "IdentityTestSupport", "IdentityService", nioCore, logging],
                        path: "Tests/IdentityServiceTests", swiftSettings: strict),
            .testTarget(name: "ScoringServiceTests",
                        dependencies: ["CLMTesting", "ScoringAPI", "IdentityAPI", "RPC", "ServiceAPI", "Models", "Store",
                                       "WireCodec", "ScoringService", "ServiceRuntime", nioCore],
                        path: "Tests/ScoringServiceTests", swiftSettings: strict),
            .testTarget(name: "IntegrationTests",
                        dependencies: ["CLMTesting", "RPC", "ServiceAPI", "Models", "ServiceRuntime", "Store", nioCore],
                        path: "Tests/IntegrationTests", swiftSettings: strict),
        ]
)
