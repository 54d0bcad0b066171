#!/bin/sh
# Regenerates ../Generated/*.pb.swift from the .proto files beside this script.
#
# Needs protoc (any recent one; `pip install grpcio-tools` provides it as
# `python -m grpc_tools.protoc`, set PROTOC="python -m grpc_tools.protoc") and protoc-gen-swift
# of the same version as the swift-protobuf package the build resolves (1.39.0), built from its
# checkout with `swift build -c release --product protoc-gen-swift`; point PROTOC_GEN_SWIFT at it.
set -eu
cd "$(dirname "$0")"
${PROTOC:-protoc} \
    --plugin=protoc-gen-swift="${PROTOC_GEN_SWIFT:-$(command -v protoc-gen-swift)}" \
    --proto_path=. \
    --swift_out=../Generated \
    --swift_opt=Visibility=Package \
    event.proto summary.proto
