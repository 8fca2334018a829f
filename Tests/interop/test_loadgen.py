"""A few-second smoke run of rx-loadgen: the tool works end to end (never a timing assertion)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from harness import REPO_ROOT, RxServer


def loadgen_binary() -> Path:
    return Path(RxServer().binary).parent / "rx-loadgen"


def test_loadgen_smoke_lookup_and_open_loop():
    binary = loadgen_binary()
    assert binary.is_file(), f"{binary} missing: swift build builds rx-loadgen with the server"
    server = RxServer(["--calls-per-second-per-facility", "0"]).start()
    try:
        for args in (["--workload", "lookup", "--prescriptions", "20"], ["--workload", "health", "--rate", "200"]):
            result = subprocess.run(
                [str(binary), "--server", f"localhost:{server.port}", "--duration", "1.5", "--warmup", "0.5",
                 "--connections", "2", "--concurrency", "8", "--server-pid", str(server.process.pid), "--json", *args],
                cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
            assert result.returncode == 0, result.stderr + result.stdout
            report = json.loads(result.stdout.strip().splitlines()[-1])
            assert report["ok"] > 0 and set(report["statuses"]) == {"OK"}, report
            assert report["latency_us"]["p50"] > 0 and report["server_cpu_seconds"] >= 0
    finally:
        assert server.stop() == 0
