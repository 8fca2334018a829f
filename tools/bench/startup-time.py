#!/usr/bin/env python3
"""Times rx-server from process start to its first log line ("msg":"started"), twice: the first start
on an empty database (seeds the catalog and the interaction rules from the files) and a restart on the
same database (loads them from SQLite). Prints one JSON line.

    python3 tools/bench/startup-time.py RX_SERVER DATA_SET_DIR [--certs DIR]

DATA_SET_DIR is what gen-startup-data.py wrote; the server runs with it as working directory.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def time_start(binary: str, workdir: Path, data: Path, certs: Path) -> float:
    began = time.monotonic()
    process = subprocess.Popen(
        [binary, "--port", "0", "--data-dir", str(data), "--certs", str(certs), "--catalog-sample", "catalog.csv"],
        cwd=workdir, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        assert process.stderr is not None
        for line in process.stderr:
            if '"msg":"started"' in line:
                return time.monotonic() - began
            if '"level":"critical"' in line:
                raise SystemExit(f"rx-server failed to start: {line.strip()}")
        raise SystemExit(f"rx-server exited with {process.wait()} before logging started")
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("server")
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--certs", type=Path, default=REPO / "Certs" / "dev")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "data"
        first = time_start(args.server, args.dataset, data, args.certs.resolve())
        restart = time_start(args.server, args.dataset, data, args.certs.resolve())
    products = sum(1 for _ in open(args.dataset / "catalog.csv", encoding="utf-8")) - 1
    rules = sum(1 for _ in open(args.dataset / "tools" / "sample-data" / "interactions.csv", encoding="utf-8")) - 1
    print(json.dumps({"workload": "startup", "products": products, "interaction_rules": rules,
                      "first_start_seconds": round(first, 3), "restart_seconds": round(restart, 3)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
