// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "SymptomIntake",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "intake", targets: ["intake"]),
        .library(name: "IntakeCore", targets: ["IntakeCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        /// Pure logic: model, loading, expressions, engine, scoring, summary. No curses.
        .target(
            name: "IntakeCore",
            dependencies: [
                "CLibYAML",
                .product(name: "Crypto", package: "swift-crypto"),
                /// PBKDF2 for the staff PIN hash.
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        /// The system libyaml (Debian: libyaml-dev), whose parser events the loaders read.
        .systemLibrary(name: "CLibYAML", providers: [.apt(["libyaml-dev"])]),
        /// The C boundary: ncursesw with its macros wrapped as functions.
        .systemLibrary(name: "CNCursesW"),
        /// The ncurses front end: grid rendering, widgets, the curses adapter.
        .target(
            name: "IntakeTerminal",
            dependencies: ["IntakeCore", "CNCursesW"]
        ),
        /// Thin executable: parses arguments and wires the libraries together.
        .executableTarget(
            name: "intake",
            dependencies: [
                "IntakeCore",
                "IntakeTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "IntakeCoreTests",
            dependencies: [
                "IntakeCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        /// The command line of the executable (``QuickCommandLine`` against swift-argument-parser).
        .testTarget(
            name: "IntakeCommandTests",
            dependencies: [
                "intake",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "IntakeTerminalTests",
            dependencies: ["IntakeTerminal", "IntakeCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
