"""HTTP/2 details a gRPC library hides: media type and method checks, streaming order, resets."""

import time

from harness import RawHTTP2Client, Stubs, grpc_frame, grpc_messages


def test_unary_response_headers_follow_grpc_wire_format(server, stubs: Stubs):
    sample = stubs.sample("raw")
    with RawHTTP2Client(server.port) as client:
        result = client.unary(
            "/rx.v1.Diagnostics/Echo", stubs.diagnostics.EchoRequest(sample=sample).SerializeToString()
        )
    assert result.headers.get(":status") == "200"
    assert result.headers.get("content-type", "").startswith("application/grpc")
    assert "grpc-encoding" not in result.headers, "grpc-encoding must not be sent for uncompressed messages"
    assert result.trailers.get("grpc-status") == "0", result.trailers
    messages = grpc_messages(bytes(result.data))
    assert len(messages) == 1
    assert stubs.diagnostics.EchoResponse.FromString(messages[0]).sample == sample


def test_grpc_proto_content_type_is_accepted(server):
    with RawHTTP2Client(server.port) as client:
        result = client.unary("/rx.v1.Diagnostics/Echo", b"", content_type="application/grpc+proto")
    assert result.headers.get(":status") == "200"
    assert result.grpc_status == "0"


def test_wrong_content_type_is_415(server):
    with RawHTTP2Client(server.port) as client:
        result = client.unary("/rx.v1.Diagnostics/Echo", b"", content_type="application/json")
        assert result.headers.get(":status") == "415", result.headers
        # The connection survives a refused request.
        again = client.unary("/rx.v1.Diagnostics/Echo", b"")
        assert again.grpc_status == "0"


def test_missing_content_type_is_415(server):
    with RawHTTP2Client(server.port) as client:
        result = client.unary("/rx.v1.Diagnostics/Echo", b"", content_type=None)
    assert result.headers.get(":status") == "415", result.headers


def test_get_is_405(server):
    with RawHTTP2Client(server.port) as client:
        result = client.wait(client.start_request("/rx.v1.Diagnostics/Echo", None, method="GET"))
    assert result.headers.get(":status") == "405", result.headers


def test_echo_stream_delivers_hundred_messages_in_order(server, stubs: Stubs):
    sample = stubs.sample("stream")
    request = stubs.diagnostics.EchoRequest(sample=sample, repeat=100).SerializeToString()
    with RawHTTP2Client(server.port) as client:
        result = client.unary("/rx.v1.Diagnostics/EchoStream", request, timeout=10)
    assert result.trailers.get("grpc-status") == "0", result.trailers
    responses = [stubs.diagnostics.EchoResponse.FromString(m) for m in grpc_messages(bytes(result.data))]
    assert [r.index for r in responses] == list(range(100))
    assert all(r.sample == sample for r in responses)


def test_echo_stream_over_grpcio(server, stubs: Stubs, channel_for):
    stream = stubs.echo_stream(channel_for())(stubs.diagnostics.EchoRequest(repeat=100), timeout=10)
    assert [message.index for message in stream] == list(range(100))


def test_request_split_over_many_data_frames_and_empty_end_stream(server, stubs: Stubs):
    sample = stubs.sample("in pieces")
    body = grpc_frame(stubs.diagnostics.EchoRequest(sample=sample).SerializeToString())
    with RawHTTP2Client(server.port) as client:
        stream_id = client.start_request("/rx.v1.Diagnostics/Echo", None, end_stream=False)
        for offset in range(0, len(body), 3):
            client.conn.send_data(stream_id, body[offset : offset + 3])
            client.flush()
        client.conn.send_data(stream_id, b"", end_stream=True)
        client.flush()
        result = client.wait(stream_id)
    assert result.grpc_status == "0", result.trailers
    (message,) = grpc_messages(bytes(result.data))
    assert stubs.diagnostics.EchoResponse.FromString(message).sample == sample


def test_unary_call_is_not_dispatched_before_end_stream(server, stubs: Stubs):
    with RawHTTP2Client(server.port) as client:
        stream_id = client.start_request("/rx.v1.Diagnostics/Echo", grpc_frame(b""), end_stream=False)
        client.pump(lambda: client.streams[stream_id].done, 0.5)
        assert not client.streams[stream_id].done, "server answered before the request stream ended"
        client.conn.end_stream(stream_id)
        client.flush()
        assert client.wait(stream_id).grpc_status == "0"


def test_two_messages_on_a_unary_call_are_rejected(server):
    with RawHTTP2Client(server.port) as client:
        result = client.wait(client.start_request("/rx.v1.Diagnostics/Echo", grpc_frame(b"") + grpc_frame(b"")))
    assert result.grpc_status not in (None, "0"), result.trailers


def test_client_reset_mid_call_keeps_connection_usable(server, stubs: Stubs):
    slow = stubs.diagnostics.EchoRequest(delay_ms=1000).SerializeToString()
    with RawHTTP2Client(server.port) as client:
        first = client.start_request("/rx.v1.Diagnostics/Echo", grpc_frame(slow))
        time.sleep(0.1)
        client.reset(first)  # CANCEL
        streaming = client.start_request(
            "/rx.v1.Diagnostics/EchoStream",
            grpc_frame(stubs.diagnostics.EchoRequest(delay_ms=20, repeat=100).SerializeToString()),
        )
        client.pump(lambda: len(client.streams[streaming].data) > 0, 5)
        client.reset(streaming)
        next_call = client.unary("/rx.v1.Diagnostics/Echo", b"", timeout=5)
        assert next_call.grpc_status == "0", next_call.trailers
        assert client.terminated is None, f"server closed the connection: {client.terminated}"


def test_grpcio_cancellation_keeps_channel_usable(server, stubs: Stubs, channel_for):
    channel = channel_for()
    echo = stubs.echo(channel)
    futures = [echo.future(stubs.diagnostics.EchoRequest(delay_ms=2000), timeout=10) for _ in range(20)]
    time.sleep(0.1)
    for future in futures:
        future.cancel()
    assert all(future.cancelled() for future in futures)
    assert echo(stubs.diagnostics.EchoRequest(), timeout=5).index == 0
