"""A few-second smoke run of rx-loadgen: the tool works end to end (never a timing assertion)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from harness import REPO_ROOT, RxServer


def loadgen_binary() -> Path:
    return Path(RxServer().binary).parent / "rx-loadgen"


def run_loadgen(server: RxServer, *args: str) -> dict:
    result = subprocess.run(
        [str(loadgen_binary()), "--server", f"localhost:{server.port}", "--duration", "1.5", "--warmup", "0.5",
         "--connections", "2", "--concurrency", "8", "--server-pid", str(server.process.pid), "--json", *args],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr + result.stdout
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_loadgen_smoke_lookup_and_open_loop():
    binary = loadgen_binary()
    assert binary.is_file(), f"{binary} missing: swift build builds rx-loadgen with the server"
    server = RxServer(["--calls-per-second-per-facility", "0"]).start()
    try:
        for args in (["--workload", "lookup", "--prescriptions", "20"], ["--workload", "health", "--rate", "200"]):
            report = run_loadgen(server, *args)
            assert report["ok"] > 0 and set(report["statuses"]) == {"OK"}, report
            assert report["latency_us"]["p50"] > 0 and report["server_cpu_seconds"] >= 0
    finally:
        assert server.stop() == 0


def test_loadgen_smoke_submit_and_dispense():
    """Fresh signed submissions and dispenses succeed without a single error, and the dispenses the
    server committed match the calls answered OK (the tool reads every prescription back)."""
    server = RxServer(["--calls-per-second-per-facility", "0"]).start()
    try:
        submit = run_loadgen(server, "--workload", "submit", "--submit-pool", "2000")
        assert submit["ok"] > 0 and set(submit["statuses"]) == {"OK"}, submit
        dispense = run_loadgen(server, "--workload", "dispense", "--prescriptions", "200")
        assert dispense["ok"] > 0 and set(dispense["statuses"]) == {"OK"}, dispense
        (check,) = dispense["dispense_checks"]
        assert check["consistent"] and check["units_dispensed"] == check["ok_calls"] > 0, check
    finally:
        assert server.stop() == 0
