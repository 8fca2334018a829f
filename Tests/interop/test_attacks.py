"""Hostile clients (tools/attack/attack.py, quick sizes): the server survives every attack, a
well-behaved client on another connection keeps getting answers, RSS stays bounded, and the
connections that break the rules are closed. No timing assertions: CI machines are noisy.

The HPACK bomb (one 4 KB header in the dynamic table referenced ~16,000 times per 16 KiB HEADERS
frame) is also checked for its outcome: every bomb stream is refused and none is answered."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from harness import REPO_ROOT, RxServer, generate_stubs

_spec = importlib.util.spec_from_file_location("rx_attack", REPO_ROOT / "tools" / "attack" / "attack.py")
assert _spec is not None and _spec.loader is not None
attack = importlib.util.module_from_spec(_spec)
sys.modules["rx_attack"] = attack  # dataclasses look their module up while the file executes
_spec.loader.exec_module(attack)

RSS_BOUND_MIB = 200


@pytest.fixture(scope="module")
def attacked():
    """One private server (the tool's flags, 3 s idle timeout) and the good client, shared by the attacks."""
    opts = attack.parse_args(["--quick", "--idle", "300", "--seconds", "1.5", "--rest-seconds", "0.5"])
    opts.modules = generate_stubs()
    server = RxServer([*attack.SERVER_ARGS, "--idle-timeout-ms", str(int(opts.idle_timeout_s * 1000))]).start()
    good = attack.GoodClient(server.port)
    try:
        yield server, good, opts
    finally:
        good.close()
        code = server.stop()
        server.cleanup()
        assert code == 0, f"attacked server exited with {code}; stderr tail:\n{server.stderr_text(40)}"


@pytest.mark.parametrize("name", list(attack.ATTACKS))
def test_attack_leaves_server_serving(attacked, name: str):
    server, good, opts = attacked
    result = attack.run_attack(name, server.port, server.process.pid, good, opts)
    assert result["server_alive"], f"server died during {name}:\n{server.stderr_text(40)}"
    assert result["good_failures"] == 0, result
    assert result["good_calls"] > 0, result
    assert result["rss_after_mib"] - result["rss_before_mib"] < RSS_BOUND_MIB, result
    assert "error" not in result, result
    assert not result["problems"], result


def test_hpack_bomb_streams_are_refused_not_answered(attacked):
    server, good, opts = attacked
    result = attack.run_attack("hpack_bomb", server.port, server.process.pid, good, opts)
    assert result["streams"] > 0 and result["answered"] == 0, result
    assert result["resets"] > 0 or result["goaway"] is not None, result
    assert result["decoded_mib_claimed"] > 100 * opts.seconds, result  # the bomb really was sent at volume
    assert not result["problems"], result
