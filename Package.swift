// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Dojo",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Dojo", targets: ["Dojo"]),
        .library(name: "NeuralCore", targets: ["NeuralCore"]),
        .library(name: "NeuralCoreONNX", targets: ["NeuralCoreONNX"]),
        .library(name: "Rendering", targets: ["Rendering"]),
        .library(name: "TensorBoard", targets: ["TensorBoard"]),
        .library(name: "Environments", targets: ["Environments"]),
        .library(name: "Agents", targets: ["Agents"]),
        .executable(name: "dojo", targets: ["DojoCLI"]),
    ],
    traits: [
        .trait(name: "SDL", description: "Build the SDL2 window viewer (needs libsdl2-dev / brew sdl2)."),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        .target(name: "CNeuralKernels"),
        .target(name: "NeuralCore", dependencies: ["CNeuralKernels"]),
        .target(
            name: "NeuralCoreONNX",
            dependencies: ["NeuralCore", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
            exclude: ["Proto"]
        ),
        .target(
            name: "TensorBoard",
            dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
            exclude: ["Proto"]
        ),
        .target(name: "Rendering", dependencies: ["CZlib"]),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(name: "Dojo", dependencies: ["Rendering"]),
        .target(name: "CDojoMath", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        .target(name: "Environments", dependencies: ["Dojo", "Rendering", "CDojoMath"], path: "Environments"),
        .target(name: "Agents", dependencies: ["Dojo", "NeuralCore", "TensorBoard"], path: "Agents"),
        .systemLibrary(
            name: "CSDL2",
            pkgConfig: "sdl2",
            providers: [.apt(["libsdl2-dev"]), .brew(["sdl2"])]
        ),
        .target(
            name: "SDLViewer",
            dependencies: [
                "Rendering",
                .target(name: "CSDL2", condition: .when(traits: ["SDL"])),
            ]
        ),
        .executableTarget(
            name: "DojoCLI",
            dependencies: [
                "Dojo", "Environments", "Agents", "NeuralCore", "NeuralCoreONNX", "Rendering",
                .target(name: "SDLViewer", condition: .when(traits: ["SDL"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "AllocationCounter", path: "Tests/Support/AllocationCounter"),
        .target(name: "TestSupport", dependencies: ["Dojo", "Rendering", "AllocationCounter"], path: "Tests/Support/TestSupport"),
        .testTarget(name: "DojoTests", dependencies: ["Dojo", "TestSupport", "AllocationCounter"]),
        .testTarget(
            name: "SDLViewerTests",
            dependencies: ["SDLViewer", "Environments", "Dojo", "Rendering", .target(name: "CSDL2", condition: .when(traits: ["SDL"]))]
        ),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering"], exclude: ["Scripts"]),
        .testTarget(
            name: "TensorBoardTests",
            dependencies: ["TensorBoard", "TestSupport", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
            exclude: ["Scripts"]
        ),
        .testTarget(name: "NeuralCoreTests", dependencies: ["NeuralCore", "NeuralCoreONNX", "AllocationCounter", "TestSupport"]),
        .testTarget(
            name: "EnvironmentsTests", dependencies: ["Environments", "Dojo", "Rendering", "TestSupport", "AllocationCounter"],
            exclude: ["Scripts"], resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "AgentsTests", dependencies: ["Agents", "Environments", "Dojo", "NeuralCore", "TestSupport", "AllocationCounter"], exclude: ["Scripts"]
        ),
        .target(name: "CPseudoTerminal", path: "Tests/Support/CPseudoTerminal"),
        .testTarget(name: "DojoCLITests", dependencies: ["CPseudoTerminal", "TestSupport", "Agents", "Environments", "Dojo", "NeuralCore", "Rendering"], exclude: ["Scripts", "Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
