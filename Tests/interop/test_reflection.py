"""gRPC server reflection: grpcio-reflection's client (v1alpha) and a hand-driven v1 stream."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
from pathlib import Path

import grpc
import pytest

from harness import generate_stubs

HERE = Path(__file__).resolve().parent
CALL_TIMEOUT_S = 10

EXPECTED_SERVICES = {
    "grpc.health.v1.Health",
    "grpc.reflection.v1.ServerReflection",
    "grpc.reflection.v1alpha.ServerReflection",
    "rx.v1.Drugs",
    "rx.v1.Prescriptions",
}


def run_reflection_client(port: int, identity: str) -> dict:
    completed = subprocess.run(
        [sys.executable, str(HERE / "reflection_client.py"), str(port), identity],
        capture_output=True, text=True, timeout=60, cwd=HERE,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def test_grpcio_reflection_lists_services_and_calls_get_from_reflected_descriptors(server):
    seen = run_reflection_client(server.port, "pharmacy")
    assert EXPECTED_SERVICES <= set(seen["services"]), seen["services"]
    assert seen["get_file"] == "rx/v1/prescriptions.proto"
    assert seen["get_input"] == "rx.v1.GetPrescriptionRequest"
    assert seen["get_output"] == "rx.v1.GetPrescriptionResponse"
    assert seen["get_input_fields"] == ["code", "include_signed_prescription"]
    assert seen["get_status"] == "NOT_FOUND"
    assert seen["missing_symbol"] == "KeyError"


def test_certificate_without_role_may_not_reflect(server):
    seen = run_reflection_client(server.port, "norole")
    assert seen.get("list_error") == "PERMISSION_DENIED", seen


@pytest.fixture(scope="module")
def reflection_v1():
    return generate_stubs()["grpc/reflection/v1/reflection.proto"]


@pytest.fixture(scope="module")
def descriptor_pb2():
    from google.protobuf import descriptor_pb2

    return descriptor_pb2


def test_v1_stream_answers_several_requests_in_order_while_open(channel_for, reflection_v1, descriptor_pb2):
    channel = channel_for("regulator")
    info = channel.stream_stream(
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
        request_serializer=reflection_v1.ServerReflectionRequest.SerializeToString,
        response_deserializer=reflection_v1.ServerReflectionResponse.FromString,
    )
    outbox: queue.Queue = queue.Queue()

    def requests():
        while (item := outbox.get()) is not None:
            yield item

    responses = info(requests(), timeout=CALL_TIMEOUT_S)
    # One request at a time, each answered before the next is sent: the stream must stay open.
    outbox.put(reflection_v1.ServerReflectionRequest(list_services="*"))
    listed = next(responses)
    assert EXPECTED_SERVICES <= {service.name for service in listed.list_services_response.service}

    outbox.put(reflection_v1.ServerReflectionRequest(file_containing_symbol="rx.v1.Prescriptions.Get"))
    files = next(responses)
    names = [descriptor_pb2.FileDescriptorProto.FromString(raw).name
             for raw in files.file_descriptor_response.file_descriptor_proto]
    assert names[0] == "rx/v1/prescriptions.proto"
    assert "rx/v1/prescription.proto" in names  # transitive dependency included
    assert files.original_request.file_containing_symbol == "rx.v1.Prescriptions.Get"

    outbox.put(reflection_v1.ServerReflectionRequest(file_by_filename="rx/v1/nope.proto"))
    missing = next(responses)
    assert missing.error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0]
    assert "rx/v1/nope.proto" in missing.error_response.error_message

    outbox.put(reflection_v1.ServerReflectionRequest(file_containing_symbol="rx.v1.Nope"))
    assert next(responses).error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0]

    outbox.put(reflection_v1.ServerReflectionRequest(file_by_filename="grpc/health/v1/health.proto"))
    health = next(responses)
    assert len(health.file_descriptor_response.file_descriptor_proto) == 1

    outbox.put(None)
    assert list(responses) == []
    assert responses.code() == grpc.StatusCode.OK
