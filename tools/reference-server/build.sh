#!/usr/bin/env bash
# Builds the gRPC C++ reference server into .build-reference/ (Debian: libgrpc++-dev, protobuf-compiler-grpc).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$(id -u)" -eq 0 ] && ! command -v grpc_cpp_plugin >/dev/null 2>&1; then
    apt-get install -y -qq --no-install-recommends libgrpc++-dev protobuf-compiler-grpc >/dev/null
fi
out=.build-reference
mkdir -p "$out/gen"
protoc -IProtos --cpp_out="$out/gen" --grpc_out="$out/gen" --plugin=protoc-gen-grpc="$(command -v grpc_cpp_plugin)" \
    rx/v1/prescription.proto rx/v1/prescriptions.proto
g++ -O2 -std=c++17 -I"$out/gen" tools/reference-server/server.cc \
    "$out/gen/rx/v1/prescription.pb.cc" "$out/gen/rx/v1/prescriptions.pb.cc" "$out/gen/rx/v1/prescriptions.grpc.pb.cc" \
    $(pkg-config --cflags --libs grpc++ protobuf) -o "$out/reference-server"
echo "$out/reference-server"
