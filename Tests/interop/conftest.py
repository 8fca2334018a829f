"""Fixtures: the generated protobuf messages, a shared rx-server, private servers, channels."""

from __future__ import annotations

from typing import Callable, Iterator

import grpc
import pytest

from harness import RxServer, Stubs, generate_stubs, secure_channel


@pytest.fixture(scope="session")
def stubs() -> Stubs:
    return Stubs(generate_stubs())


@pytest.fixture(scope="session")
def server() -> Iterator[RxServer]:
    """One server shared by every test that does not stop or reconfigure it.

    Its teardown sends SIGTERM and requires a clean exit (code 0), so a server that crashed or
    hung during the suite is reported even if every call looked fine.
    """
    instance = RxServer().start()
    try:
        yield instance
        code = instance.stop()
        assert code == 0, f"shared rx-server exited with {code}; stderr tail:\n{instance.stderr_text(40)}"
    finally:
        instance.cleanup()


@pytest.fixture
def make_server() -> Iterator[Callable[..., RxServer]]:
    """Starts private servers (for shutdown tests or other flags); kills leftovers afterwards."""
    started: list[RxServer] = []

    def start(*extra_args: str) -> RxServer:
        instance = RxServer(extra_args).start()
        started.append(instance)
        return instance

    yield start
    for instance in started:
        instance.cleanup()


@pytest.fixture
def channel_for(server: RxServer) -> Iterator[Callable[..., grpc.Channel]]:
    """`channel_for("pharmacy")`: a fresh connection to the shared server as that facility."""
    opened: list[grpc.Channel] = []

    def open_channel(identity: str | None = "hospital-prescriber", **kwargs) -> grpc.Channel:
        channel = secure_channel(server.port, identity, **kwargs)
        opened.append(channel)
        return channel

    yield open_channel
    for channel in opened:
        channel.close()
