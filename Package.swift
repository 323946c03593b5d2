// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ActorGraph",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "ActorGraph", targets: ["ActorGraph"]),
        .library(name: "ActorGraphRender", targets: ["ActorGraphRender"]),
        .executable(name: "actorgraph", targets: ["actorgraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Graphviz's C library; only ActorGraphRender imports it.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // Pure Swift core: text layer, gazetteer, recognition, relations, graph model, formats.
        .target(
            name: "ActorGraph",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/gazetteer.yaml"), .copy("Resources/relations.tsv")]
        ),
        // The only target that touches C: renders DOT through libgvc in-process.
        .target(name: "ActorGraphRender", dependencies: ["ActorGraph", "CGraphviz"]),
        .executableTarget(
            name: "actorgraph",
            dependencies: [
                "ActorGraph", "ActorGraphRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The query benchmark's generator and timer; not run by `swift test` (see Benchmarks/QUERY.md).
        .executableTarget(name: "QueryBench", dependencies: ["ActorGraph"], path: "Benchmarks/QueryBench"),
        .testTarget(name: "ActorGraphTests", dependencies: ["ActorGraph"], exclude: ["Golden"]),
        .testTarget(name: "ActorGraphRenderTests", dependencies: ["ActorGraphRender", "ActorGraph"]),
        .testTarget(name: "CLITests", dependencies: ["ActorGraph", "actorgraph"]),
    ]
)
