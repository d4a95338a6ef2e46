// swift-tools-version: 6.1
import PackageDescription

/// Release builds on Linux are linked by lld (part of the Swift toolchain) with the
/// functions a patient's session runs laid out together (scripts/symbol-order.txt, made by
/// `make symbol-order`, and scripts/unnamed-functions.ld for those without a name), relative relocations packed (DT_RELR, glibc 2.36+) and no exported
/// symbol table: several MiB less resident memory and a quicker start, with the executable
/// still position-independent (docs/performance.md).
/// Each function in its own section, so the linker can place it by the order file
/// (without this, the compiler groups some functions of a file into one `.text` section).
let releaseSwiftSettings: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-function-sections"], .when(configuration: .release))]

let releaseLinkerFlags = [
    "-use-ld=lld",
    "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
    "-Xlinker", "--no-export-dynamic",
    "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/scripts/symbol-order.txt",
    "-Xlinker", "--no-warn-symbol-ordering",
    "-Xlinker", "-T", "-Xlinker", "\(Context.packageDirectory)/scripts/unnamed-functions.ld",
]

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
            ],
            swiftSettings: releaseSwiftSettings
        ),
        /// The system libyaml (Debian: libyaml-dev), whose parser events the loaders read.
        .systemLibrary(name: "CLibYAML", providers: [.apt(["libyaml-dev"])]),
        /// The C boundary: ncursesw with its macros wrapped as functions.
        .systemLibrary(name: "CNCursesW"),
        /// The ncurses front end: grid rendering, widgets, the curses adapter.
        .target(
            name: "IntakeTerminal",
            dependencies: ["IntakeCore", "CNCursesW"],
            swiftSettings: releaseSwiftSettings
        ),
        /// Thin executable: parses arguments and wires the libraries together.
        .executableTarget(
            name: "intake",
            dependencies: [
                "IntakeCore",
                "IntakeTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: releaseSwiftSettings,
            linkerSettings: [.unsafeFlags(releaseLinkerFlags, .when(platforms: [.linux], configuration: .release))]
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
            dependencies: ["IntakeTerminal", "IntakeCore"],
            // Read by path (the end-to-end tests hand them to the real program).
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
