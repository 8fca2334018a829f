"""A full disk: writes fail with UNAVAILABLE and a clear message, the server keeps answering, and
writes succeed again once space is freed. The data directory lives on a small tmpfs (needs root and
mount(2)); the test skips with the reason when that is impossible."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import tempfile
from pathlib import Path

import grpc
import pytest

from harness import RxServer, Stubs, generate_stubs, secure_channel, server_binary
from prescription_helpers import Prescriptions, ordinary, sign

FILESYSTEM_MB = 48


@pytest.fixture
def small_filesystem():
    mount_point = Path(tempfile.mkdtemp(prefix="rx-diskfull-"))
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a size-limited tmpfs")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={FILESYSTEM_MB}m", "tmpfs", str(mount_point)],
                             capture_output=True, text=True, timeout=30)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, timeout=30)
        mount_point.rmdir()


def fill(path: Path) -> int:
    """Writes `path` until the file system is full; returns the bytes written."""
    written, chunk = 0, b"\0" * (1 << 20)
    with open(path, "wb", buffering=0) as filler:
        for size in (1 << 20, 64 << 10, 4 << 10, 512):
            try:
                while True:
                    written += filler.write(chunk[:size])
            except OSError:
                continue
        try:
            os.fsync(filler.fileno())
        except OSError:
            pass
    return written


def test_full_disk_answers_unavailable_stays_up_and_recovers(small_filesystem):
    modules = generate_stubs()
    stubs = Stubs(modules)
    data_dir = small_filesystem / "data"
    data_dir.mkdir()
    server = RxServer()
    server.data_dir.rmdir()
    server.data_dir = data_dir
    server.args[server.args.index("--data-dir") + 1] = str(data_dir)
    server.start()
    sign_dir = Path(tempfile.mkdtemp(prefix="rx-diskfull-sign-"))
    try:
        signed = sign(ordinary(modules["rx/v1/prescription.proto"]).SerializeToString(), sign_dir)
        prescriber = Prescriptions(modules, secure_channel(server.port))
        before = prescriber.submit_signed(signed).code

        filler = small_filesystem / "filler"
        assert fill(filler) > 0
        failure = None
        for _ in range(5000):
            try:
                prescriber.submit_signed(signed)
            except grpc.RpcError as error:
                failure = error
                break
        assert failure is not None, "writes kept succeeding on a full file system"
        assert failure.code() == grpc.StatusCode.UNAVAILABLE, (failure.code(), failure.details())
        assert "full" in failure.details() or "I/O" in failure.details(), failure.details()

        # Still serving: health answers on a new connection. A call that must write is either refused
        # the same clean way or, when its write fits in space the database already holds (the background
        # checkpoint recycles the WAL file), answered with the write kept: a Get is never answered
        # unaudited (counted in the audit log below).
        health = stubs.check(secure_channel(server.port))(stubs.health.HealthCheckRequest(), timeout=10)
        assert health.status == stubs.health.HealthCheckResponse.SERVING
        pharmacy = Prescriptions(modules, secure_channel(server.port, "pharmacy"))
        answered_gets = 0
        for name, call in (("get", lambda: pharmacy.get_code(before)), ("submit", lambda: prescriber.submit_signed(signed))):
            try:
                call()
                answered_gets += name == "get"
            except grpc.RpcError as error:
                assert error.code() == grpc.StatusCode.UNAVAILABLE, (error.code(), error.details())
                assert "disk is full" in error.details() or "I/O" in error.details(), error.details()

        filler.unlink()
        after = prescriber.submit_signed(signed).code
        assert pharmacy.get_code(after).code == after
        assert pharmacy.get_code(before).code == before
        assert not [line.raw for line in server.lines if '"INTERNAL"' in line.raw]
        assert server.stop() == 0, server.stderr_text(20)
        with sqlite3.connect(data_dir / "rx.sqlite3") as database:
            audited = database.execute(
                "SELECT count(*) FROM audit_log WHERE method = 'Get' AND code = ? AND result = 'OK'", (before,)
            ).fetchone()[0]
        assert audited == answered_gets + 1, (audited, answered_gets)
    finally:
        server.kill()
    verify = subprocess.run([str(server_binary()), "audit", "verify", "--data-dir", str(data_dir)],
                            capture_output=True, text=True, timeout=60)
    assert verify.returncode == 0, verify.stdout + verify.stderr
