"""Mutual TLS: who gets in, and what a refused client sees."""

import socket
import time

import grpc
import pytest

from harness import HTTP2_PREFACE, RxServer, Stubs, attempt_tls, secure_channel, tls_context

REFUSED_CALL_DEADLINE_S = 5


def _check(stubs: Stubs, channel: grpc.Channel):
    return stubs.check(channel)(stubs.health.HealthCheckRequest(), timeout=REFUSED_CALL_DEADLINE_S)


def test_control_valid_certificate_gets_http2_settings(server: RxServer):
    """The refusal tests below read until EOF; this shows a good client does get HTTP/2 back."""
    outcome = attempt_tls(server.port, tls_context("hospital-prescriber"), timeout=2.0)
    assert outcome.application_bytes[:9][3:4] == b"\x04", (
        f"expected a SETTINGS frame from the server, got {outcome.application_bytes[:32]!r} ({outcome.detail})"
    )


@pytest.mark.parametrize("identity", [None, "foreign", "expired"], ids=["no-certificate", "foreign-ca", "expired"])
def test_grpc_call_with_unacceptable_certificate_is_unavailable(server: RxServer, stubs: Stubs, identity):
    channel = secure_channel(server.port, identity)
    try:
        started = time.monotonic()
        with pytest.raises(grpc.RpcError) as failure:
            _check(stubs, channel)
        assert failure.value.code() == grpc.StatusCode.UNAVAILABLE, failure.value.details()
        assert time.monotonic() - started < REFUSED_CALL_DEADLINE_S
    finally:
        channel.close()


@pytest.mark.parametrize("identity", [None, "foreign", "expired"], ids=["no-certificate", "foreign-ca", "expired"])
def test_tls_handshake_with_unacceptable_certificate_fails(server: RxServer, identity):
    outcome = attempt_tls(server.port, tls_context(identity), timeout=5.0)
    assert outcome.application_bytes == b"", (
        f"server sent application data to an unauthenticated client: {outcome.application_bytes[:32]!r}"
    )
    assert outcome.detail != "still open at timeout", "server kept the unauthenticated connection open"


def test_alpn_http11_only_is_refused_in_handshake(server: RxServer):
    outcome = attempt_tls(server.port, tls_context("hospital-prescriber", alpn=["http/1.1"]), timeout=5.0)
    assert outcome.stage == "handshake", f"handshake without h2 ALPN succeeded: {outcome}"


def test_plaintext_http2_preface_is_closed_without_response(server: RxServer):
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        sock.sendall(HTTP2_PREFACE + b"\x00\x00\x00\x04\x00\x00\x00\x00\x00")
        received = b""
        deadline = time.monotonic() + 5
        closed = False
        while time.monotonic() < deadline:
            sock.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                break
            except ConnectionResetError:
                closed = True
                break
            if not chunk:
                closed = True
                break
            received += chunk
        assert closed, "server left a plaintext connection open"
        # At most a TLS alert record (content type 21); never HTTP/2 frames or HTTP text.
        assert received == b"" or received[0] == 0x15, f"unexpected plaintext response: {received[:64]!r}"
