"""Deadlines: the client gives up on time, and the server itself honours grpc-timeout."""

import time

import grpc
import pytest

from harness import RawHTTP2Client, Stubs


def test_one_millisecond_deadline_is_exceeded(server, stubs: Stubs, channel_for):
    channel = channel_for()
    echo = stubs.echo(channel)
    echo(stubs.diagnostics.EchoRequest(), timeout=10)  # connect first so the deadline covers only the call
    started = time.monotonic()
    with pytest.raises(grpc.RpcError) as failure:
        echo(stubs.diagnostics.EchoRequest(delay_ms=2000), timeout=0.001)
    assert failure.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    assert time.monotonic() - started < 1.5


def test_server_answers_deadline_exceeded_on_grpc_timeout(server, stubs: Stubs):
    """Sends `grpc-timeout: 100m` by hand and waits for the *server's* trailers.

    A client library enforces deadlines locally, so only a raw HTTP/2 client shows whether the
    server stops the call itself instead of finishing a 3-second handler.
    """
    request = stubs.diagnostics.EchoRequest(delay_ms=3000).SerializeToString()
    with RawHTTP2Client(server.port) as client:
        result = client.unary(
            "/rx.v1.Diagnostics/Echo", request, extra_headers=[("grpc-timeout", "100m")], timeout=5.0
        )
        assert result.grpc_status == "4", f"expected DEADLINE_EXCEEDED, got {result.headers} {result.trailers}"
        assert result.elapsed < 1.0, f"server answered after {result.elapsed:.2f}s, not about 0.1s"
        assert result.headers.get(":status") == "200"
        # The connection is still usable afterwards.
        follow_up = client.unary("/rx.v1.Diagnostics/Echo", b"", timeout=5.0)
        assert follow_up.grpc_status == "0", follow_up.trailers


def test_server_streaming_call_is_stopped_by_grpc_timeout(server, stubs: Stubs):
    request = stubs.diagnostics.EchoRequest(delay_ms=100, repeat=100).SerializeToString()
    with RawHTTP2Client(server.port) as client:
        result = client.unary(
            "/rx.v1.Diagnostics/EchoStream", request, extra_headers=[("grpc-timeout", "350m")], timeout=5.0
        )
        assert result.grpc_status == "4", f"expected DEADLINE_EXCEEDED, got {result.trailers}"
        assert result.elapsed < 2.0, f"server answered after {result.elapsed:.2f}s"


@pytest.mark.parametrize(
    "value", ["100", "1x", "123456789S", "-5m", ""], ids=["no-unit", "bad-unit", "nine-digits", "negative", "empty"]
)
def test_malformed_grpc_timeout_is_rejected(server, value):
    """Also checks the refusal is a valid HTTP/2 response: the strict `h2` client rejects header
    values with leading or trailing whitespace (RFC 9113 §8.2.1), e.g. a grpc-message ending in ' '.
    """
    with RawHTTP2Client(server.port) as client:
        result = client.unary("/rx.v1.Diagnostics/Echo", b"", extra_headers=[("grpc-timeout", value)], timeout=5.0)
        assert result.grpc_status not in (None, "0"), f"grpc-timeout {value!r} accepted: {result.trailers}"


def test_generous_deadline_lets_slow_call_finish(server, stubs: Stubs, channel_for):
    started = time.monotonic()
    response = stubs.echo(channel_for())(stubs.diagnostics.EchoRequest(delay_ms=300), timeout=10)
    assert response.index == 0
    assert time.monotonic() - started >= 0.29, "delay_ms was not honoured"
