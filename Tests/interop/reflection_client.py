"""grpcio-reflection's client against rx-server, run as its own process by test_reflection.py.

Separate process because grpcio-reflection registers `grpc.reflection.v1alpha.*` in protobuf's
default descriptor pool, which the interop harness also fills from Protos/ (same symbols, other
file name): one process cannot load both. Prints one JSON object with what it saw.

Usage: reflection_client.py PORT IDENTITY
"""

from __future__ import annotations

import json
import sys

import grpc
from google.protobuf import descriptor_pool, message_factory
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import ProtoReflectionDescriptorDatabase

from harness import secure_channel


def main() -> None:
    port, identity = int(sys.argv[1]), sys.argv[2]
    channel = secure_channel(port, identity)
    database = ProtoReflectionDescriptorDatabase(channel)
    result: dict[str, object] = {}
    try:
        result["services"] = sorted(database.get_services())
    except grpc.RpcError as error:
        result["list_error"] = error.code().name
        print(json.dumps(result))
        return
    pool = descriptor_pool.DescriptorPool(database)
    method = pool.FindMethodByName("rx.v1.Prescriptions.Get")
    result["get_file"] = method.containing_service.file.name
    result["get_input"] = method.input_type.full_name
    result["get_output"] = method.output_type.full_name
    result["get_input_fields"] = [field.name for field in method.input_type.fields]
    request_class = message_factory.GetMessageClass(method.input_type)
    response_class = message_factory.GetMessageClass(method.output_type)
    request = request_class(code="79088zzzzzzz-C")
    call = channel.unary_unary(
        "/rx.v1.Prescriptions/Get",
        request_serializer=request_class.SerializeToString,
        response_deserializer=response_class.FromString,
    )
    try:
        call(request, timeout=10)
        result["get_status"] = "OK"
    except grpc.RpcError as error:
        result["get_status"] = error.code().name
    try:
        pool.FindFileContainingSymbol("rx.v1.NoSuchThing")
        result["missing_symbol"] = "found"
    except KeyError:
        result["missing_symbol"] = "KeyError"
    print(json.dumps(result))


if __name__ == "__main__":
    main()
