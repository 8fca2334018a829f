#!/usr/bin/env bash
# Installs what building and testing need on a Debian/Ubuntu machine, when run as root:
# the three C libraries (nghttp2, OpenSSL, SQLite), protoc, h2load, and the Python packages the
# interoperability tests use. Safe to run again; without root or apt it only checks.
set -euo pipefail

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    # Not fatal (e.g. offline with everything already present): a missing piece fails the build.
    if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends \
        libnghttp2-dev libssl-dev libsqlite3-dev protobuf-compiler nghttp2-client pkg-config openssl python3-pip zbar-tools \
        >/dev/null; }; then
        echo "warning: apt-get failed; continuing with what is installed" >&2
    fi
else
    echo "not root or no apt-get: assuming libnghttp2-dev, libssl-dev, libsqlite3-dev, protoc, h2load are installed"
fi

[ "${1:-}" = "--system-only" ] && exit 0

python_packages=(grpcio grpcio-tools h2 pytest pytest-timeout grpcio-reflection prometheus-client fhir.resources)
if ! python3 -c 'import grpc, grpc_tools, h2, pytest, pytest_timeout, grpc_reflection, prometheus_client, fhir.resources' >/dev/null 2>&1; then
    pip_log="$(mktemp)"
    if ! python3 -m pip install --quiet "${python_packages[@]}" 2>"$pip_log"; then
        if grep -q externally-managed "$pip_log"; then
            python3 -m pip install --quiet --break-system-packages "${python_packages[@]}"
        else
            cat "$pip_log" >&2
            rm -f "$pip_log"
            exit 1
        fi
    fi
    rm -f "$pip_log"
else
    echo "python packages present: ${python_packages[*]}"
fi
