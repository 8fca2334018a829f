"""Connection-level limits and abuse: handshake and idle timeouts, rapid resets, flow control."""

import socket
import time

import h2.events
import h2.settings

from harness import RawHTTP2Client, Stubs, grpc_frame, grpc_messages, secure_channel

MIB = 1 << 20


def test_server_settings_limit_concurrent_streams(server):
    with RawHTTP2Client(server.port) as client:
        client.pump(lambda: h2.settings.SettingCodes.MAX_CONCURRENT_STREAMS in client.conn.remote_settings, 5)
        limit = client.conn.remote_settings.max_concurrent_streams
    assert 1 <= limit <= 10_000, f"server advertises MAX_CONCURRENT_STREAMS={limit}"


def test_ping_is_acknowledged(server):
    with RawHTTP2Client(server.port) as client:
        acked = []
        original = client.conn.receive_data

        def receive(data):
            events = original(data)
            acked.extend(e for e in events if isinstance(e, h2.events.PingAckReceived))
            return events

        client.conn.receive_data = receive
        client.conn.ping(b"rx-ping!")
        client.flush()
        assert client.pump(lambda: bool(acked), 5), "no PING ACK within 5 s"
        assert acked[0].ping_data == b"rx-ping!"


def test_megabyte_response_with_small_client_window(server, stubs: Stubs):
    """The client's window stays at 64 KiB, so the server must pause and resume on WINDOW_UPDATE."""
    payload = bytes(range(256)) * (MIB // 256)
    request = stubs.diagnostics.EchoRequest(sample=stubs.diagnostics.WireSample(bytes_value=payload))
    with RawHTTP2Client(server.port) as client:
        result = client.unary("/rx.v1.Diagnostics/Echo", request.SerializeToString(), timeout=20)
    assert result.grpc_status == "0", result.trailers
    (message,) = grpc_messages(bytes(result.data))
    assert stubs.diagnostics.EchoResponse.FromString(message).sample.bytes_value == payload


def test_two_megabyte_response_with_large_client_window(server, stubs: Stubs):
    """With a large window nothing throttles the server: it must keep writing until the body is out.

    (A server that writes one bounded batch and then waits for a read event stalls here.)
    """
    payload = b"\x5a" * (2 * MIB)
    request = stubs.diagnostics.EchoRequest(sample=stubs.diagnostics.WireSample(bytes_value=payload))
    with RawHTTP2Client(server.port) as client:
        client.conn.increment_flow_control_window(64 * MIB)
        client.conn.update_settings({h2.settings.SettingCodes.INITIAL_WINDOW_SIZE: 16 * MIB})
        client.flush()
        result = client.unary("/rx.v1.Diagnostics/Echo", request.SerializeToString(), timeout=10)
    assert result.grpc_status == "0", result.trailers
    (message,) = grpc_messages(bytes(result.data))
    assert stubs.diagnostics.EchoResponse.FromString(message).sample.bytes_value == payload


def test_rapid_reset_flood_leaves_server_healthy(make_server, stubs: Stubs):
    """CVE-2023-44487 pattern: open and cancel streams as fast as possible on one connection. A private
    server, because the flooding facility is refused new connections for a cool-down afterwards
    (test_abuse_cool_down.py); another facility is served at once."""
    server = make_server()
    client = RawHTTP2Client(server.port)
    try:
        body = grpc_frame(stubs.diagnostics.EchoRequest(delay_ms=1000).SerializeToString())
        for _ in range(2000):
            try:
                stream_id = client.start_request("/rx.v1.Diagnostics/Echo", body)
                client.reset(stream_id)
            except Exception:
                break  # the server may GOAWAY and close: that is an acceptable defence
        try:
            client.pump(lambda: client.terminated is not None, 1.0)
        except (ConnectionError, OSError):
            pass
    finally:
        client.sock.close()
    channel = secure_channel(server.port, "clinic-prescriber")
    try:
        assert stubs.echo(channel)(stubs.diagnostics.EchoRequest(), timeout=10).index == 0
    finally:
        channel.close()
    assert server.process.poll() is None, "server died under a rapid-reset flood"


def test_abrupt_disconnect_mid_call_leaves_server_healthy(server, stubs: Stubs):
    client = RawHTTP2Client(server.port)
    client.start_request(
        "/rx.v1.Diagnostics/EchoStream",
        grpc_frame(stubs.diagnostics.EchoRequest(delay_ms=10, repeat=1000).SerializeToString()),
    )
    time.sleep(0.2)
    client.sock.shutdown(socket.SHUT_RDWR)
    client.sock.close()
    with RawHTTP2Client(server.port) as other:
        assert other.unary("/rx.v1.Diagnostics/Echo", b"").grpc_status == "0"


def test_silent_client_is_dropped_after_handshake_timeout(make_server):
    server = make_server("--handshake-timeout-ms", "300")
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
        started = time.monotonic()
        sock.settimeout(5)
        try:
            data = sock.recv(1024)
        except ConnectionResetError:
            data = b""
        assert data == b"" or data[0] == 0x15, f"unexpected bytes from server: {data[:32]!r}"
        elapsed = time.monotonic() - started
    assert elapsed < 3, f"silent connection kept open for {elapsed:.1f}s despite --handshake-timeout-ms 300"
    assert server.stop() == 0


def test_idle_connection_gets_goaway_and_channel_reconnects(make_server, stubs: Stubs):
    server = make_server("--idle-timeout-ms", "300")
    with RawHTTP2Client(server.port) as client:
        assert client.unary("/rx.v1.Diagnostics/Echo", b"").grpc_status == "0"
        started = time.monotonic()
        try:
            client.pump(lambda: client.terminated is not None, 5)
        except ConnectionError:
            pass  # closed right after (or without) GOAWAY
        elapsed = time.monotonic() - started
    assert elapsed < 3, f"idle connection kept for {elapsed:.1f}s despite --idle-timeout-ms 300"
    channel = secure_channel(server.port)
    try:
        echo = stubs.echo(channel)
        assert echo(stubs.diagnostics.EchoRequest(), timeout=10).index == 0
        time.sleep(0.8)
        assert echo(stubs.diagnostics.EchoRequest(), timeout=10).index == 0
    finally:
        channel.close()
    assert server.stop() == 0
