// swift-tools-version: 6.1
import PackageDescription

/// Every Swift target is built in Swift 6 mode with the two upcoming features the project
/// standardises on: `any` spelled out for existentials, and imports internal unless re-exported.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "cccd-kiosk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cccdd", targets: ["cccdd"]),
        .executable(name: "cccdctl", targets: ["cccdctl"]),
        .executable(name: "bhxh-sim", targets: ["bhxh-sim"]),
        .executable(name: "cccd-vcard", targets: ["cccd-vcard"]),
        .library(name: "CCCDIdentity", targets: ["CCCDIdentity"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // MARK: System libraries (Debian -dev packages; `make deps` installs them)
        .systemLibrary(
            name: "CZbar", pkgConfig: "zbar",
            providers: [.apt(["libzbar-dev"])]
        ),
        .systemLibrary(
            name: "CLibPNG", pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),
        .systemLibrary(
            name: "CTurboJPEG", pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibUSB", pkgConfig: "libusb-1.0",
            providers: [.apt(["libusb-1.0-0-dev"])]
        ),
        .systemLibrary(
            name: "CPCSCLite", pkgConfig: "libpcsclite",
            providers: [.apt(["libpcsclite-dev"])]
        ),

        // libFuzzer's driver entry, declared only: linked by `-sanitize=fuzzer` in `make fuzz`.
        .systemLibrary(name: "CLibFuzzer"),

        // MARK: Identity domain — pure Swift, no system dependencies
        .target(name: "CCCDIdentity", swiftSettings: strictSettings),

        // MARK: QR inputs — devices (serial, HID POS, keyboard wedge) and images/cameras
        .target(
            name: "ScannerInput",
            dependencies: ["CCCDIdentity", "CLibUSB"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "QRImaging",
            dependencies: ["CCCDIdentity", "ScannerInput", "CZbar", "CLibPNG", "CTurboJPEG"],
            swiftSettings: strictSettings
        ),

        // MARK: Chip — ICAO 9303 cryptography (OpenSSL 3 behind a protocol) and the reader-side protocol
        .target(
            name: "ICAOCrypto",
            dependencies: ["CCCDIdentity", "COpenSSL"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ChipProtocol",
            dependencies: [
                "CCCDIdentity", "ICAOCrypto",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: LDS — parsing and building the chip's files (EF.COM, EF.SOD, DG1/2/13/14/15)
        .target(
            name: "LDS",
            dependencies: [
                "CCCDIdentity", "ChipProtocol", "ICAOCrypto",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Virtual CCCD chip — the card side, in process (tests, demo, benchmarks)
        .target(
            name: "VirtualChip",
            dependencies: [
                "CCCDIdentity", "ICAOCrypto", "ChipProtocol", "LDS", "VirtualCard",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Card verification — Passive Authentication, the CSCA trust store, master lists, CRLs
        .target(
            name: "CardVerification",
            dependencies: [
                "CCCDIdentity", "LDS", "ChipProtocol", "ICAOCrypto", "COpenSSL",
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Card access — PC/SC readers (pcsc-lite) and the vpcd virtual-card side
        .target(
            name: "SmartCardReader",
            dependencies: ["CCCDIdentity", "ChipProtocol", "CPCSCLite"],
            swiftSettings: strictSettings
        ),
        .target(name: "VirtualCard", swiftSettings: strictSettings),

        // MARK: Eligibility — the domain (results, code table, chaining, cache, breaker) and its HTTP adapters
        .target(
            name: "Eligibility",
            dependencies: ["CCCDIdentity"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "EligibilityGateways",
            dependencies: [
                "Eligibility", "CCCDIdentity",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // The BHXH egw simulator, a library so tests run it in-process, independent of the client code.
        .target(
            name: "BHXHSimulator",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Ledger — the append-only, hash-chained, privacy-preserving presentation record, its statistics,
        // and the eligibility re-check queue (in the same file, so an answer and its linked record commit together)
        .target(
            name: "Ledger",
            dependencies: [
                "Eligibility", "CCCDIdentity",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: The desk's pipeline — a presentation from scan/tap to verdict, lookup, ledger record and events
        .target(
            name: "KioskPipeline",
            dependencies: [
                "CCCDIdentity", "ChipProtocol", "LDS", "CardVerification", "Eligibility", "Ledger",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: The kiosk's HTTP side — the guarded loopback API, SSE, the embedded reception page
        .target(
            name: "KioskHTTP",
            dependencies: [
                "KioskPipeline", "CCCDIdentity", "LDS",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),

        // MARK: Running under systemd — sd_notify, the watchdog schedule, journald-friendly logging
        .target(
            name: "SystemdIntegration",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),

        // MARK: Configuration — the daemon's one TOML file, validated with every problem's line, and its secrets
        .target(
            name: "KioskConfiguration",
            dependencies: ["CCCDIdentity", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strictSettings
        ),

        // MARK: Executables
        .executableTarget(
            name: "bhxh-sim",
            dependencies: [
                "BHXHSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "cccdd",
            dependencies: [
                "CCCDIdentity", "KioskConfiguration", "KioskPipeline", "KioskHTTP", "SystemdIntegration", "SmartCardReader",
                "ScannerInput", "ChipProtocol", "CardVerification", "Eligibility", "EligibilityGateways", "Ledger", "LDS",
                // The demo only: the simulator and the virtual chips stand in for BHXH and the card
                // (in process, or through pcscd's vpcd reader when there is one).
                "VirtualChip", "VirtualCard", "BHXHSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "cccdctl",
            dependencies: [
                "CCCDIdentity", "ScannerInput", "QRImaging", "SmartCardReader", "ChipProtocol", "ICAOCrypto", "LDS",
                "CardVerification", "Eligibility", "EligibilityGateways", "Ledger",
                "KioskPipeline",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "cccd-vcard",
            dependencies: [
                "CCCDIdentity", "ChipProtocol", "ICAOCrypto", "LDS", "VirtualChip", "VirtualCard",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "cccd-bench",
            dependencies: [
                "CCCDIdentity", "QRImaging", "CCCDTestSupport", "LDS", "CardVerification", "COpenSSL",
                "ChipProtocol", "VirtualChip", "SmartCardReader", "Ledger", "Eligibility", "KioskPipeline",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/cccd-bench",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "eligibility-bench",
            dependencies: [
                "Eligibility", "EligibilityGateways", "BHXHSimulator", "CCCDIdentity", "CCCDTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/eligibility-bench",
            exclude: ["README.md", "card-check.lua"],
            swiftSettings: strictSettings
        ),
        // `make soak`: the whole daemon for minutes under injected faults, then its invariants.
        .executableTarget(
            name: "cccd-soak",
            dependencies: [
                "CCCDTestSupport", "BHXHSimulator", "Ledger",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/cccd-soak",
            swiftSettings: strictSettings
        ),

        // MARK: Fuzzing — one harness per parser, fed by libFuzzer (`make fuzz`) or replayed from the corpus
        // (Tests/FuzzRegressionTests, `cccd-fuzz TARGET FILE…`)
        .target(
            name: "FuzzTargets",
            dependencies: [
                "CCCDIdentity", "ScannerInput", "ChipProtocol", "ICAOCrypto", "LDS", "CardVerification", "VirtualChip",
                "Eligibility", "EligibilityGateways", "KioskConfiguration", "KioskPipeline", "KioskHTTP",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "cccd-fuzz",
            dependencies: ["FuzzTargets", "CLibFuzzer"],
            path: "Fuzz/cccd-fuzz",
            swiftSettings: strictSettings
        ),

        // MARK: Testing support shared by tests and benchmarks (temp dirs, child processes, qrencode)
        .target(name: "CCCDTestSupport", dependencies: ["CCCDIdentity"], swiftSettings: strictSettings),

        // MARK: Tests
        .testTarget(
            name: "CCCDIdentityTests",
            dependencies: [
                "CCCDIdentity", "CCCDTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ScannerInputTests",
            dependencies: ["ScannerInput", "CCCDTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "QRImagingTests",
            dependencies: ["QRImaging", "CCCDTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ICAOCryptoTests",
            dependencies: ["ICAOCrypto", "COpenSSL"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChipProtocolTests",
            dependencies: [
                "ChipProtocol", "ICAOCrypto",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LDSTests",
            dependencies: [
                "LDS", "ChipProtocol", "ICAOCrypto", "CCCDIdentity", "CCCDTestSupport",
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChipReaderTests",
            dependencies: ["ChipProtocol", "VirtualChip", "LDS", "ICAOCrypto", "CCCDIdentity", "CCCDTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "VirtualChipTests",
            dependencies: ["VirtualChip", "LDS", "ChipProtocol", "ICAOCrypto", "CCCDIdentity", "CCCDTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SmartCardReaderTests",
            dependencies: ["SmartCardReader", "VirtualCard", "ChipProtocol", "CPCSCLite", "CCCDTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EligibilityTests",
            dependencies: [
                "Eligibility", "EligibilityGateways", "Ledger", "BHXHSimulator", "CCCDTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BHXHSimulatorTests",
            dependencies: [
                "BHXHSimulator", "CCCDTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CardVerificationTests",
            dependencies: ["CardVerification", "LDS", "ICAOCrypto", "CCCDIdentity", "ChipProtocol", "CCCDTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CardReadEndToEndTests",
            dependencies: ["CCCDTestSupport", "ChipProtocol", "VirtualChip", "LDS", "CCCDIdentity", "CardVerification"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LedgerTests",
            dependencies: [
                "Ledger", "Eligibility", "CCCDTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KioskPipelineTests",
            dependencies: [
                "KioskPipeline", "CardVerification", "CCCDIdentity", "CCCDTestSupport", "Eligibility", "EligibilityGateways",
                "Ledger", "VirtualChip", "BHXHSimulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KioskConfigurationTests",
            dependencies: [
                "KioskConfiguration", "CCCDIdentity", "CCCDTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "KioskHTTPTests",
            dependencies: [
                "KioskHTTP", "CCCDTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SystemdIntegrationTests",
            dependencies: ["SystemdIntegration", "CCCDTestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        // Every committed fuzz seed and crash input, replayed through the harnesses in the normal build.
        .testTarget(
            name: "FuzzRegressionTests",
            dependencies: ["FuzzTargets", "CardVerification", "KioskConfiguration"],
            swiftSettings: strictSettings
        ),
        // cccdd as a child process: under a fake systemd notify socket, and its --demo against the API's security rules.
        .testTarget(
            name: "CCCDDTests",
            dependencies: [
                "CCCDTestSupport", "BHXHSimulator", "Ledger",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "CCCDCtlTests",
            dependencies: ["CCCDTestSupport"],
            swiftSettings: strictSettings
        ),
        // `make install`/`make deb`, the systemd unit and the udev rules, checked by systemd's own tools.
        .testTarget(
            name: "PackagingTests",
            dependencies: ["CCCDTestSupport"],
            swiftSettings: strictSettings
        ),
        // The reception page (Sources/KioskWeb/Resources) in headless Chromium, driven by
        // browser/kiosk_browser.py against scripts/kiosk-page-dev.py and against the real cccdd.
        .testTarget(
            name: "KioskPageTests",
            dependencies: ["CCCDTestSupport", "BHXHSimulator"],
            exclude: ["browser"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
