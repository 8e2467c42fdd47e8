// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "WeakTies",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "WeakTies", targets: ["WeakTies"]),
        .executable(name: "weakties", targets: ["weakties"]),
    ],
    dependencies: [
        // Command line parsing: nested subcommands, option groups, generated help.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Report templates (HTML, Markdown): logic-less, escapes <, >, &, " and ' by default; users can
        // bring their own templates. Builds in seconds, no dependencies of its own.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // ZIP containers (.xlsx, .qdpx), read with our own limits on sizes, ratios and paths.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // YAML for the REFI-QDA code-system mapping (a small, user-edited file).
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        // `make docs`: the DocC site (`swift package generate-documentation`); a command plugin, never
        // linked into the library or the tool.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // Core graph value type: dense Int32 indices, CSR adjacency, typed attribute columns. No I/O.
        .target(name: "WeakTiesGraph"),
        // Generic network metrics on the CSR graph.
        .target(name: "WeakTiesMetrics", dependencies: ["WeakTiesGraph"]),
        // The research domain: actors, coded mentions, aggregated ties with provenance.
        .target(name: "WeakTiesStudy", dependencies: ["WeakTiesGraph"]),
        // What a study means, computed once: StudyMetrics (typed keys), innovation profiles, suggestions,
        // overview and summary. Never imports IO, Render or the CLI.
        .target(name: "WeakTiesAnalysis", dependencies: ["WeakTiesGraph", "WeakTiesMetrics", "WeakTiesStudy"]),
        // Readers and writers (CSV tie/node tables, …). Never imports Metrics or Analysis.
        .target(
            name: "WeakTiesIO",
            dependencies: [
                "WeakTiesGraph", "WeakTiesStudy", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // Graphviz (libgvc) from Debian's libgraphviz-dev, used in-process.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        // The only module that calls C: DOT in, SVG/PNG/PDF out, serialised through one lock.
        .target(name: "WeakTiesRender", dependencies: ["CGraphviz"]),
        // Formats analysis values: the metrics table (CSV/JSON), the weak-tie report (JSON/CSV, HTML and
        // Markdown from bundled mustache templates in English and German), the map encoding (DOT with
        // colours and legend, drawn through WeakTiesRender), the validate summary.
        .target(
            name: "WeakTiesReport",
            dependencies: ["WeakTiesGraph", "WeakTiesMetrics", "WeakTiesStudy", "WeakTiesAnalysis", "WeakTiesIO", "WeakTiesRender",
                           .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Resources")]
        ),
        // Umbrella: re-exports the public API a researcher scripts against; no computation.
        .target(name: "WeakTies", dependencies: ["WeakTiesGraph", "WeakTiesMetrics", "WeakTiesStudy", "WeakTiesAnalysis", "WeakTiesIO", "WeakTiesRender", "WeakTiesReport"]),
        // The command line tool.
        .executableTarget(
            name: "weakties",
            dependencies: ["WeakTies", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Runnable tour of the library API.
        .executableTarget(name: "LibraryTour", dependencies: ["WeakTies"], path: "Examples/LibraryTour"),
        // Coverage-guided fuzzing of every reader (`make fuzz`: libFuzzer, -sanitize=fuzzer,address);
        // built normally it replays files through the same path.
        .executableTarget(name: "weakties-fuzz", dependencies: ["WeakTiesIO", "WeakTiesStudy"], path: "Fuzz/Sources"),
        // Benchmark driver (release build; see Benchmarks/ and `make bench`).
        .executableTarget(name: "weakties-bench", dependencies: ["WeakTies", "WeakTiesIO"], path: "Benchmarks/weakties-bench"),

        .target(name: "TestSupport", dependencies: ["WeakTies"], path: "Tests/TestSupport"),
        .testTarget(name: "WeakTiesGraphTests", dependencies: ["WeakTiesGraph", "TestSupport"]),
        .testTarget(
            name: "WeakTiesMetricsTests",
            dependencies: ["WeakTiesMetrics", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "WeakTiesStudyTests", dependencies: ["WeakTiesStudy", "TestSupport"]),
        .testTarget(name: "WeakTiesAnalysisTests", dependencies: ["WeakTiesAnalysis", "TestSupport"],
                    exclude: ["Fixtures/make_link_prediction.py"], resources: [.copy("Fixtures/link-prediction.json")]),
        .testTarget(
            name: "WeakTiesIOTests",
            dependencies: ["WeakTiesIO", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        // Test targets depend on libraries only; tests that run a built program (the CLI, the bench's
        // render-memory probe) find it in the build folder, which `make test` fills (`swift build --build-tests`).
        .testTarget(name: "WeakTiesRenderTests", dependencies: ["WeakTiesRender", "WeakTiesIO", "TestSupport"]),
        .testTarget(name: "WeakTiesReportTests", dependencies: ["WeakTiesReport", "TestSupport",
                                                              .product(name: "Mustache", package: "swift-mustache")], resources: [.copy("Golden")]),
        .testTarget(name: "WeakTiesTests", dependencies: ["WeakTies", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"], exclude: ["Golden", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
