// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "MyAnalysis",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../WeakTies"),
    ],
    targets: [
        .executableTarget(
            name: "MyAnalysis",
            dependencies: [.product(name: "WeakTies", package: "WeakTies")]
        ),
    ]
)
