"""GET /metrics: Prometheus text over the gRPC TLS port, parsed with prometheus_client's parser."""

from __future__ import annotations

import tempfile
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from harness import RawHTTP2Client, Stubs, generate_stubs
from prescription_helpers import Prescriptions, ordinary, sign

EXPECTED_FAMILIES = {
    "rx_grpc_calls": "counter",
    "rx_grpc_call_duration_seconds": "histogram",
    "rx_open_connections": "gauge",
    "rx_accepted_connections": "counter",
    "rx_tls_handshakes": "counter",
    "rx_inflight_streams": "gauge",
    "rx_store_commit_batch_size": "histogram",
    "rx_store_commit_seconds": "histogram",
    "rx_catalog_version_info": "gauge",
    "rx_interaction_alerts": "counter",
    "process_resident_memory_bytes": "gauge",
}


def scrape(port: int, identity: str = "regulator"):
    with RawHTTP2Client(port, identity=identity) as client:
        result = client.wait(client.start_request("/metrics", None, method="GET", content_type=None))
    return result


def families(port: int) -> dict:
    result = scrape(port)
    assert result.headers.get(":status") == "200", result.headers
    assert result.headers.get("content-type", "").startswith("text/plain; version=0.0.4")
    return {family.name: family for family in text_string_to_metric_families(result.data.decode())}


def sample_value(family, suffix: str = "", **labels) -> float:
    for sample in family.samples:
        if sample.name == family.name + suffix and all(sample.labels.get(k) == v for k, v in labels.items()):
            return sample.value
    return 0.0


def test_metrics_parse_and_have_every_family(server):
    parsed = families(server.port)
    for name, kind in EXPECTED_FAMILIES.items():
        assert name in parsed, f"missing {name}; have {sorted(parsed)}"
        assert parsed[name].type == kind, (name, parsed[name].type)
    assert sample_value(parsed["rx_open_connections"]) >= 1  # the scraping connection itself
    assert sample_value(parsed["rx_tls_handshakes"], "_total", result="completed") >= 1
    assert sample_value(parsed["process_resident_memory_bytes"]) > 1 << 20
    severities = {sample.labels["severity"] for sample in parsed["rx_interaction_alerts"].samples}
    assert severities == {"minor", "moderate", "major", "contraindicated"}


def test_call_counters_latency_and_commit_batches_increase(server, stubs: Stubs, channel_for):
    before = families(server.port)
    channel = channel_for("hospital-prescriber")
    check = stubs.check(channel)
    for _ in range(5):
        check(stubs.health.HealthCheckRequest(), timeout=10)
    modules = generate_stubs()
    with tempfile.TemporaryDirectory() as work:
        content = ordinary(modules["rx/v1/prescription.proto"]).SerializeToString()
        Prescriptions(modules, channel).submit_signed(sign(content, Path(work)))
    after = families(server.port)

    method = "/grpc.health.v1.Health/Check"
    calls = lambda parsed: sample_value(parsed["rx_grpc_calls"], "_total", method=method, code="OK")
    assert calls(after) >= calls(before) + 5
    latency = lambda parsed: sample_value(parsed["rx_grpc_call_duration_seconds"], "_count", method=method)
    assert latency(after) >= latency(before) + 5
    assert sample_value(after["rx_grpc_call_duration_seconds"], "_bucket", method=method, le="+Inf") == latency(after)
    submits = sample_value(after["rx_grpc_calls"], "_total", method="/rx.v1.Prescriptions/Submit", code="OK")
    assert submits >= 1
    batches = lambda parsed: sample_value(parsed["rx_store_commit_seconds"], "_count")
    assert batches(after) > batches(before)


def test_pharmacy_certificate_is_refused_403(server):
    result = scrape(server.port, identity="pharmacy")
    assert result.headers.get(":status") == "403", result.headers
    assert b"requires role: regulator" in bytes(result.data)


def test_post_to_metrics_is_still_not_grpc(server):
    with RawHTTP2Client(server.port, identity="regulator") as client:
        result = client.wait(client.start_request("/metrics", b"", method="POST"))
    assert result.headers.get(":status") == "200"
    assert result.trailers.get("grpc-status", result.headers.get("grpc-status")) == "12"  # UNIMPLEMENTED
