#!/usr/bin/env python3
"""Health-checks a running rx-server with a stock grpcio client over mutual TLS.

    python3 Examples/python/health_check.py [host:port] [certificate name in Certs/dev]

Stubs are generated from Protos/ at run time. The health proto's package is `grpc.health.v1`,
whose top-level name collides with the grpcio package itself, so the generated modules are
loaded from their files instead of being imported by package name.
"""
import importlib.util
import pathlib
import subprocess
import sys
import tempfile

import grpc

ROOT = pathlib.Path(__file__).resolve().parents[2]


def load(proto: str):
    out = pathlib.Path(tempfile.mkdtemp(prefix="rx-stubs-"))
    subprocess.run([sys.executable, "-m", "grpc_tools.protoc", f"-I{ROOT / 'Protos'}", f"--python_out={out}", proto],
                   check=True)
    path = out / proto.replace(".proto", "_pb2.py")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    target = sys.argv[1] if len(sys.argv) > 1 else "localhost:50051"
    identity = sys.argv[2] if len(sys.argv) > 2 else "hospital-prescriber"
    certs = ROOT / "Certs" / "dev"
    health = load("grpc/health/v1/health.proto")
    credentials = grpc.ssl_channel_credentials(
        root_certificates=(certs / "ca.crt").read_bytes(),
        private_key=(certs / f"{identity}.key").read_bytes(),
        certificate_chain=(certs / f"{identity}.crt").read_bytes(),
    )
    with grpc.secure_channel(target, credentials) as channel:
        check = channel.unary_unary(
            "/grpc.health.v1.Health/Check",
            request_serializer=health.HealthCheckRequest.SerializeToString,
            response_deserializer=health.HealthCheckResponse.FromString,
        )
        response = check(health.HealthCheckRequest(service=""), timeout=10)
        print(health.HealthCheckResponse.ServingStatus.Name(response.status))
    return 0


if __name__ == "__main__":
    sys.exit(main())
