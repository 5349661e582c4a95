// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Oversight",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "oversight", targets: ["oversight"]),
        .library(name: "OversightCore", targets: ["OversightCore"]),
        .library(name: "OversightFormats", targets: ["OversightFormats"]),
        .library(name: "OversightSynth", targets: ["OversightSynth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
    ],
    targets: [
        .target(name: "OversightCore", resources: [.copy("Resources/postcode-districts.csv")]),
        .target(
            name: "OversightFormats",
            dependencies: [
                "OversightCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(name: "OversightSynth", dependencies: ["OversightCore", "OversightFormats"]),
        .target(
            name: "OversightStore",
            dependencies: [
                "OversightCore", "OversightFormats",
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "OversightViews", dependencies: ["OversightCore"], resources: [.copy("Assets")]),
        // The application layer: an authority's numbers and every report's inputs. No Vapor, no HTML
        // (it reads the report input model from OversightViews).
        .target(name: "OversightApp", dependencies: ["OversightCore", "OversightFormats", "OversightStore", "OversightViews"]),
        .target(
            name: "OversightWeb",
            dependencies: [
                "OversightCore", "OversightFormats", "OversightStore", "OversightViews", "OversightSynth", "OversightApp",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
        .executableTarget(
            name: "oversight",
            dependencies: [
                "OversightCore", "OversightFormats", "OversightSynth", "OversightStore", "OversightViews", "OversightWeb", "OversightApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "OversightCoreTests", dependencies: ["OversightCore"]),
        .testTarget(
            name: "OversightFormatsTests",
            dependencies: ["OversightFormats", "OversightCore", "OversightSynth", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(
            name: "OversightStoreTests",
            dependencies: ["OversightStore", "OversightFormats", "OversightCore", "OversightSynth", "OversightApp"]
        ),
        .testTarget(name: "OversightViewsTests", dependencies: ["OversightViews", "OversightCore"]),
        .testTarget(
            name: "OversightWebTests",
            dependencies: [
                "OversightWeb", "OversightStore", "OversightViews", "OversightFormats", "OversightCore", "OversightApp", "OversightSynth",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "OversightSynthTests", dependencies: ["OversightSynth", "OversightFormats", "OversightCore"]),
    ],
    swiftLanguageModes: [.v6]
)
