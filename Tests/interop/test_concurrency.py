"""Many calls at once over a few connections."""

import time

import grpc

from harness import Stubs, wait_ready

CONNECTIONS = 4
CALLS = 1000
BATCH_DEADLINE_S = 60


def test_thousand_concurrent_calls_over_four_connections(server, stubs: Stubs, channel_for):
    channels = [channel_for(identity) for identity in ("hospital-prescriber", "clinic-prescriber", "pharmacy", "regulator")]
    for channel in channels:
        wait_ready(channel)
    echoes = [stubs.echo(channel) for channel in channels]
    samples = [stubs.sample(f"call {index}") for index in range(CALLS)]
    started = time.monotonic()
    futures = [
        echoes[index % CONNECTIONS].future(
            stubs.diagnostics.EchoRequest(sample=samples[index], delay_ms=index % 7), timeout=BATCH_DEADLINE_S
        )
        for index in range(CALLS)
    ]
    failures = []
    for index, future in enumerate(futures):
        remaining = max(0.1, BATCH_DEADLINE_S + 5 - (time.monotonic() - started))
        try:
            response = future.result(timeout=remaining)
        except grpc.FutureTimeoutError:
            failures.append((index, "client wait timed out"))
            continue
        except grpc.RpcError as error:
            failures.append((index, f"{error.code()}: {error.details()}"))
            continue
        if response.sample != samples[index]:
            failures.append((index, "response carries another call's sample"))
    assert not failures, f"{len(failures)} of {CALLS} calls failed, e.g. {failures[:5]}"


def test_interleaved_streams_and_unary_calls_on_one_connection(server, stubs: Stubs, channel_for):
    channel = channel_for()
    streams = [
        stubs.echo_stream(channel)(stubs.diagnostics.EchoRequest(sample=stubs.sample(f"s{n}"), repeat=50), timeout=30)
        for n in range(8)
    ]
    unary = [stubs.echo(channel).future(stubs.diagnostics.EchoRequest(delay_ms=5), timeout=30) for _ in range(50)]
    for n, stream in enumerate(streams):
        indexes = [message.index for message in stream]
        assert indexes == list(range(50)), f"stream {n} delivered {indexes[:10]}…"
    for future in unary:
        assert future.result(timeout=30).index == 0
