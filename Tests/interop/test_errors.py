"""gRPC error behaviours: unknown methods, oversized and malformed messages, metadata."""

import re

import grpc
import pytest

from harness import Stubs, secure_channel

CALL_TIMEOUT_S = 10
MIB = 1 << 20


def test_echo_round_trips_every_field_kind(server, stubs: Stubs, channel_for):
    sample = stubs.sample()
    response = stubs.echo(channel_for())(stubs.diagnostics.EchoRequest(sample=sample), timeout=CALL_TIMEOUT_S)
    assert response.sample == sample
    assert response.index == 0


def test_empty_request_is_a_valid_message(server, stubs: Stubs, channel_for):
    # An empty request is a 5-byte frame with length 0; the reply may or may not carry an empty sample.
    raw = stubs.raw_unary(channel_for(), "/rx.v1.Diagnostics/Echo")
    response = stubs.diagnostics.EchoResponse.FromString(raw(b"", timeout=CALL_TIMEOUT_S))
    assert response.index == 0
    assert response.sample.ByteSize() == 0


@pytest.mark.parametrize("path", ["/rx.v1.Diagnostics/NoSuchMethod", "/no.such.Service/Call", "/grpc.health.v1.Health/check"])
def test_unknown_method_is_unimplemented(server, stubs: Stubs, channel_for, path):
    with pytest.raises(grpc.RpcError) as failure:
        stubs.raw_unary(channel_for(), path)(b"", timeout=CALL_TIMEOUT_S)
    assert failure.value.code() == grpc.StatusCode.UNIMPLEMENTED, failure.value.details()


def test_oversized_message_is_resource_exhausted_and_channel_survives(server, stubs: Stubs, channel_for):
    channel = channel_for()
    echo = stubs.echo(channel)
    big = stubs.diagnostics.EchoRequest(padding=b"\x5a" * (5 * MIB))
    with pytest.raises(grpc.RpcError) as failure:
        echo(big, timeout=CALL_TIMEOUT_S)
    assert failure.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, failure.value.details()
    sample = stubs.sample("after the big one")
    for _ in range(3):
        assert echo(stubs.diagnostics.EchoRequest(sample=sample), timeout=CALL_TIMEOUT_S).sample == sample


def test_message_just_under_limit_is_accepted(server, stubs: Stubs, channel_for):
    # 4 MiB minus room for the other fields and the padding's tag and length.
    request = stubs.diagnostics.EchoRequest(padding=b"\x01" * (4 * MIB - 64))
    assert request.ByteSize() <= 4 * MIB
    response = stubs.echo(channel_for())(request, timeout=CALL_TIMEOUT_S)
    assert response.index == 0


def test_max_message_bytes_flag_is_enforced(make_server, stubs: Stubs):
    small = make_server("--max-message-bytes", "65536")
    channel = secure_channel(small.port)
    try:
        echo = stubs.echo(channel)
        assert echo(stubs.diagnostics.EchoRequest(padding=b"\x00" * 60000), timeout=CALL_TIMEOUT_S).index == 0
        with pytest.raises(grpc.RpcError) as failure:
            echo(stubs.diagnostics.EchoRequest(padding=b"\x00" * 70000), timeout=CALL_TIMEOUT_S)
        assert failure.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED, failure.value.details()
        assert echo(stubs.diagnostics.EchoRequest(), timeout=CALL_TIMEOUT_S).index == 0
    finally:
        channel.close()
    assert small.stop() == 0


@pytest.mark.parametrize(
    "garbage, problem",
    [
        (b"\x0a\xff", "truncat"),  # field 1, length-delimited, length varint cut off
        (b"\x0a\x05ab", "past the end|truncat"),  # field 1 claims 5 bytes, 2 follow
        (b"\x10" + b"\xff" * 10 + b"\x01", "varint"),  # delay_ms varint longer than 10 bytes
        (b"\x0f", "wire type"),  # field 1 with wire type 7, which does not exist
        (b"\x00\x01", "field number"),  # field number 0 is illegal
    ],
    ids=["truncated-length", "short-submessage", "overlong-varint", "wire-type-7", "field-zero"],
)
def test_malformed_protobuf_is_invalid_argument(server, stubs: Stubs, channel_for, garbage, problem):
    channel = channel_for()
    with pytest.raises(grpc.RpcError) as failure:
        stubs.raw_unary(channel, "/rx.v1.Diagnostics/Echo")(garbage, timeout=CALL_TIMEOUT_S)
    assert failure.value.code() == grpc.StatusCode.INVALID_ARGUMENT, failure.value.details()
    details = failure.value.details() or ""
    assert re.search(problem, details, re.IGNORECASE), f"message should name the problem ({problem}): {details!r}"
    # The connection is still good for the next call.
    assert stubs.echo(channel)(stubs.diagnostics.EchoRequest(), timeout=CALL_TIMEOUT_S).index == 0


def test_out_of_range_argument_is_invalid_argument(server, stubs: Stubs, channel_for):
    with pytest.raises(grpc.RpcError) as failure:
        stubs.echo(channel_for())(stubs.diagnostics.EchoRequest(delay_ms=600_000), timeout=CALL_TIMEOUT_S)
    assert failure.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "delay_ms" in failure.value.details()


def test_custom_metadata_is_accepted(server, stubs: Stubs, channel_for):
    metadata = [
        ("x-rx-request-id", "c0ffee-42"),
        ("x-rx-note", "plain ascii text"),
        ("x-rx-trace-bin", b"\x00\x01\x02\xff"),
    ]
    sample = stubs.sample("with metadata")
    response, call = stubs.echo(channel_for()).with_call(
        stubs.diagnostics.EchoRequest(sample=sample), timeout=CALL_TIMEOUT_S, metadata=metadata
    )
    assert response.sample == sample
    assert call.code() == grpc.StatusCode.OK


def test_large_response_crosses_flow_control_windows(server, stubs: Stubs, channel_for):
    sample = stubs.diagnostics.WireSample(bytes_value=bytes(range(256)) * (3 * MIB // 256))
    response = stubs.echo(channel_for())(stubs.diagnostics.EchoRequest(sample=sample), timeout=CALL_TIMEOUT_S)
    assert response.sample.bytes_value == sample.bytes_value
