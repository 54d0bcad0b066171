// swift-tools-version: 6.1
// libFuzzer targets for Dojo's readers of outside input, one executable each; build them with
//
//     swift build -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address
//
// and run them with `bash run.sh` (see README.md here).
import PackageDescription

let package = Package(
    name: "DojoFuzz",
    dependencies: [.package(name: "Dojo", path: "..")],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        .executableTarget(name: "FuzzGridMap", dependencies: ["FuzzSupport", .product(name: "Environments", package: "Dojo")]),
        .executableTarget(
            name: "FuzzOptions",
            dependencies: ["FuzzSupport", .product(name: "Dojo", package: "Dojo"), .product(name: "Environments", package: "Dojo")]),
        .executableTarget(
            name: "FuzzConfiguration", dependencies: ["FuzzSupport", .product(name: "Dojo", package: "Dojo"), .product(name: "Agents", package: "Dojo")]),
        .executableTarget(
            name: "FuzzSafeTensors",
            dependencies: ["FuzzSupport", .product(name: "NeuralCore", package: "Dojo"), .product(name: "Agents", package: "Dojo")]),
    ]
)
