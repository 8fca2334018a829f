"""`rx-server backup PATH` while the server is serving writes, `rx-server backup verify PATH`, and a
server started on the backup finds what was acknowledged before it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import tempfile
import threading
from pathlib import Path

import grpc
import pytest

from harness import RxServer, generate_stubs, secure_channel, server_binary
from prescription_helpers import Prescriptions, ordinary, sign


@pytest.fixture(scope="module")
def modules():
    return generate_stubs()


@pytest.fixture
def work_dir():
    with tempfile.TemporaryDirectory(prefix="rx-backup-") as directory:
        yield Path(directory)


def rx_server(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(server_binary()), *args], capture_output=True, text=True, timeout=120)


def test_backup_under_load_verifies_and_serves_what_was_acknowledged(modules, work_dir, make_server):
    server = make_server()
    signed = sign(ordinary(modules["rx/v1/prescription.proto"], quantities=[4, 2]).SerializeToString(), work_dir)
    before = Prescriptions(modules, secure_channel(server.port)).submit_signed(signed).code

    stop, acknowledged, errors = threading.Event(), [], []

    def load():
        calls = Prescriptions(modules, secure_channel(server.port))
        pharmacy = Prescriptions(modules, secure_channel(server.port, "pharmacy"))
        while not stop.is_set():
            try:
                code = calls.submit_signed(signed).code
                pharmacy.dispense_lines(code, {1: 1})
                acknowledged.append(code)
            except grpc.RpcError as error:
                errors.append(f"{error.code()}: {error.details()}")

    threads = [threading.Thread(target=load, daemon=True) for _ in range(3)]
    for thread in threads:
        thread.start()
    try:
        while len(acknowledged) < 20 and not errors:
            threading.Event().wait(0.05)
        backup = work_dir / "backup.sqlite3"
        made = rx_server("backup", str(backup), "--data-dir", str(server.data_dir))
        during = len(acknowledged)
        while len(acknowledged) < during + 20 and not errors:
            threading.Event().wait(0.05)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    assert not errors, errors[:5]
    assert made.returncode == 0, made.stdout + made.stderr
    assert not (work_dir / "backup.sqlite3-wal").exists(), "a backup must be one self-contained file"

    verified = rx_server("backup", "verify", str(backup))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "OK:" in verified.stdout and "audit chain:" in verified.stdout, verified.stdout
    rows = sqlite3.connect(f"file:{backup}?mode=ro", uri=True).execute("SELECT count(*) FROM prescriptions").fetchone()
    assert 21 <= rows[0] < 1 + len(acknowledged) + 3, (rows, len(acknowledged))

    restored_dir = work_dir / "restored"
    restored_dir.mkdir()
    shutil.copy(backup, restored_dir / "rx.sqlite3")
    restored = RxServer()
    restored.data_dir.rmdir()
    restored.data_dir = restored_dir
    restored.args[restored.args.index("--data-dir") + 1] = str(restored_dir)
    restored.start()
    try:
        got = Prescriptions(modules, secure_channel(restored.port, "pharmacy")).get_code(before)
        assert got.code == before
        assert [l.line_number for l in got.lines] == [1, 2]
    finally:
        assert restored.stop() == 0
    assert rx_server("audit", "verify", "--data-dir", str(restored_dir)).returncode == 0


def test_backup_verify_fails_on_a_broken_audit_chain(modules, work_dir, make_server):
    server = make_server()
    signed = sign(ordinary(modules["rx/v1/prescription.proto"]).SerializeToString(), work_dir)
    calls = Prescriptions(modules, secure_channel(server.port))
    for _ in range(3):
        calls.submit_signed(signed)
    backup = work_dir / "backup.sqlite3"
    assert rx_server("backup", str(backup), "--data-dir", str(server.data_dir)).returncode == 0
    connection = sqlite3.connect(str(backup))
    connection.execute("UPDATE audit_log SET facility_code = '00000' WHERE seq = 2")
    connection.commit()
    connection.close()
    verified = rx_server("backup", "verify", str(backup))
    assert verified.returncode == 1, verified.stdout + verified.stderr
    assert "audit chain broken at entry 2" in verified.stdout, verified.stdout


def test_backup_of_a_missing_database_is_refused(work_dir):
    made = rx_server("backup", str(work_dir / "b.sqlite3"), "--data-dir", str(work_dir / "nothing"))
    assert made.returncode != 0 and "no database" in made.stderr, made.stdout + made.stderr
    assert not (work_dir / "b.sqlite3").exists()
