"""The crash test (tools/crashtest/crashtest.py) in its CI size: 20 SIGKILLs under mixed load, then
every invariant; and proof that its checker catches what it claims to catch on a tampered database."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

import pytest

from harness import REPO_ROOT, server_binary

TOOL = REPO_ROOT / "tools" / "crashtest" / "crashtest.py"


@pytest.fixture(scope="module")
def crashtest():
    spec = importlib.util.spec_from_file_location("rx_crashtest", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["rx_crashtest"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def crashed_data_dir(crashtest):
    """A data directory after a short crash-test run, plus the run's exit code and output."""
    directory = Path(tempfile.mkdtemp(prefix="rx-crashtest-ci-"))
    import contextlib
    import io

    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        code = crashtest.main(["--crashes", "20", "--clients", "3", "--min-uptime", "0.4", "--max-uptime", "1.2",
                               "--data-dir", str(directory / "data")])
    yield directory / "data", code, output.getvalue()
    shutil.rmtree(directory, ignore_errors=True)


def test_twenty_kill_9_lose_nothing_and_leave_no_half_operation(crashed_data_dir):
    _, code, output = crashed_data_dir
    print(output)
    assert "crashes: 20 " in output, output
    assert "violations: 0" in output, output
    assert code == 0, output
    acknowledged = int(output.split("acknowledged operations: ")[1].split()[0])
    assert acknowledged > 100, output


def tampered_copy(data_dir: Path, sql: str) -> Path:
    copy = Path(tempfile.mkdtemp(prefix="rx-crashtest-tampered-"))
    source = sqlite3.connect(str(data_dir / "rx.sqlite3"))
    target = sqlite3.connect(str(copy / "rx.sqlite3"))
    source.backup(target)
    source.close()
    target.execute("PRAGMA journal_mode=DELETE")
    target.executescript(sql)
    target.commit()
    target.close()
    return copy


@pytest.mark.parametrize("sql, expected", [
    ("UPDATE prescription_lines SET dispensed = dispensed + 1 WHERE (prescription_id, line_number) IN "
     "(SELECT prescription_id, line_number FROM prescription_lines WHERE dispensed < quantity LIMIT 1)",
     "dispense rows sum to"),
    ("DELETE FROM dispense_lines WHERE dispense_id = (SELECT max(id) FROM dispenses)", "has no lines"),
    ("UPDATE audit_log SET result = 'NOT_FOUND' WHERE seq = 2", "audit verify"),
])
def test_checker_reports_tampering(crashtest, crashed_data_dir, sql, expected):
    data_dir, _, _ = crashed_data_dir
    # WITHOUT ROWID tables have no rowid: address the line by key instead.
    sql = sql.replace("rowid IN (SELECT rowid", "(code, line_number) IN (SELECT code, line_number")
    copy = tampered_copy(data_dir, sql)
    try:
        violations = crashtest.check(copy, crashtest.Ledger(), server_binary())
        assert any(expected in v for v in violations), violations
    finally:
        shutil.rmtree(copy, ignore_errors=True)


def test_checker_reports_a_lost_acknowledgement(crashtest, crashed_data_dir):
    data_dir, _, _ = crashed_data_dir
    ledger = crashtest.Ledger()
    ledger.submits["79088XXXXXXXX-C"] = [4, 2]
    ledger.dispenses.append(("79088XXXXXXXX-C", "no-such-key", {1: 1}))
    violations = crashtest.check(data_dir, ledger, server_binary())
    assert any("acknowledged submit 79088XXXXXXXX-C missing" in v for v in violations), violations
    assert any("acknowledged dispense no-such-key" in v for v in violations), violations
