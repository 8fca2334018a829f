"""A facility whose connection is closed for rapid reset (CVE-2023-44487) cannot come straight back:
its new connections are refused for the cool-down (`--abuse-cool-down-ms`), other facilities are
unaffected, and after the cool-down it is admitted again."""

from __future__ import annotations

import importlib.util
import struct
import sys
import time

import grpc
import pytest

from harness import REPO_ROOT, RxServer, Stubs, generate_stubs, secure_channel

_spec = importlib.util.spec_from_file_location("rx_attack", REPO_ROOT / "tools" / "attack" / "attack.py")
assert _spec is not None and _spec.loader is not None
attack = sys.modules.get("rx_attack") or importlib.util.module_from_spec(_spec)
if "rx_attack" not in sys.modules:
    sys.modules["rx_attack"] = attack
    _spec.loader.exec_module(attack)

COOL_DOWN_MS = 5000
ABUSER = "clinic-prescriber"


@pytest.fixture(scope="module")
def cool_server():
    server = RxServer(["--abuse-cool-down-ms", str(COOL_DOWN_MS), "--calls-per-second-per-facility", "0"]).start()
    try:
        yield server
    finally:
        code = server.stop()
        server.cleanup()
        assert code == 0, server.stderr_text(30)


def _rapid_reset_until_cut_off(port: int) -> int | None:
    conn = attack.RawConnection(port, identity=ABUSER)
    block, stream = attack.request_headers(), 1
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not conn.closed:
        batch = b"".join(
            attack.frame(attack.HEADERS, attack.END_HEADERS, s, block)
            + attack.frame(attack.RST_STREAM, 0, s, struct.pack(">I", 8))
            for s in range(stream, stream + 200, 2))
        stream += 200
        if not conn.send(batch):
            break
        conn.drain(0.0, until_closed=False)
    conn.drain(3.0)
    conn.close()
    return conn.goaway


def _echo(stubs: Stubs, port: int, identity: str) -> grpc.StatusCode:
    channel = secure_channel(port, identity)
    try:
        stubs.echo(channel)(stubs.diagnostics.EchoRequest(), timeout=5)
        return grpc.StatusCode.OK
    except grpc.RpcError as error:
        return error.code()
    finally:
        channel.close()


def test_rapid_reset_starts_a_cool_down_for_that_facility_only(cool_server):
    stubs = Stubs(generate_stubs())
    port = cool_server.port
    assert _echo(stubs, port, ABUSER) == grpc.StatusCode.OK
    assert _rapid_reset_until_cut_off(port) == 0xB, "the abusing connection ends with GOAWAY(ENHANCE_YOUR_CALM)"
    cut_off = time.monotonic()
    assert _echo(stubs, port, ABUSER) == grpc.StatusCode.UNAVAILABLE
    assert _echo(stubs, port, "hospital-prescriber") == grpc.StatusCode.OK, "other facilities are unaffected"
    assert cool_server.wait_for_log(lambda f: f.get("msg") == "connection refused: facility cooling down after abuse", 5)
    assert time.monotonic() - cut_off < COOL_DOWN_MS / 1000, "the refusal checks ran inside the cool-down"
    time.sleep(max(0.0, COOL_DOWN_MS / 1000 - (time.monotonic() - cut_off)) + 0.5)
    assert _echo(stubs, port, ABUSER) == grpc.StatusCode.OK, "admitted again after the cool-down"
