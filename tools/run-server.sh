#!/usr/bin/env bash
# Builds rx-server in release mode and runs it on its embedded defaults: 127.0.0.1:50051, the
# development certificates in Certs/dev/, the SQLite database under ./data/. Extra arguments go
# to rx-server (see `rx-server --help`). Stop it with Ctrl-C (graceful shutdown).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh --system-only
swift build -c release
exec "$(swift build -c release --show-bin-path)/rx-server" "$@"
