"""One JSON log line per call, naming method, status, duration and facility."""

import grpc
import pytest

from harness import Stubs, status_name

LOG_WAIT_S = 5


def test_successful_call_is_logged(server, stubs: Stubs, channel_for):
    mark = server.log_mark()
    stubs.echo(channel_for("clinic-prescriber"))(stubs.diagnostics.EchoRequest(delay_ms=20), timeout=10)
    line = server.wait_for_log(
        lambda f: f.get("msg") == "call"
        and f.get("method") == "/rx.v1.Diagnostics/Echo"
        and str(f.get("facility")) == "01215",
        LOG_WAIT_S,
        since=mark,
    )
    assert line is not None, f"no call log line for clinic-prescriber's Echo; tail:\n{server.stderr_text(10)}"
    assert status_name(line.get("status")) == "OK", line
    assert isinstance(line.get("duration_us"), int) and line["duration_us"] >= 20_000, line


def test_denied_call_is_logged_with_its_status(server, stubs: Stubs, channel_for):
    mark = server.log_mark()
    with pytest.raises(grpc.RpcError):
        stubs.echo(channel_for("norole"))(stubs.diagnostics.EchoRequest(), timeout=10)
    line = server.wait_for_log(
        lambda f: f.get("msg") == "call"
        and f.get("method") == "/rx.v1.Diagnostics/Echo"
        and str(f.get("facility")) == "56007",
        LOG_WAIT_S,
        since=mark,
    )
    assert line is not None, f"no call log line for the denied call; tail:\n{server.stderr_text(10)}"
    assert status_name(line.get("status")) == "PERMISSION_DENIED", line


def test_every_log_line_is_json(server):
    bad = [line.raw for line in server.lines if line.fields is None]
    assert not bad, f"non-JSON stderr lines: {bad[:5]}"
