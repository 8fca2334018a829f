"""grpc.health.v1.Health over mutual TLS, and the server's startup log contract."""

import grpc
import pytest

from harness import RxServer, Stubs

CALL_TIMEOUT_S = 10


def test_first_log_line_is_started_with_numeric_port(server: RxServer):
    first = server.lines[0]
    assert first.fields is not None, f"first stderr line is not JSON: {first.raw!r}"
    assert first.fields.get("msg") == "started", f"first log line is not 'started': {first.raw}"
    assert first.fields.get("level") == "info"
    assert "ts" in first.fields
    assert isinstance(first.fields.get("port"), int), f"port should be a JSON number: {first.raw}"
    assert first.fields["port"] == server.port


def test_check_overall_health_is_serving(server, stubs: Stubs, channel_for):
    response = stubs.check(channel_for("hospital-prescriber"))(
        stubs.health.HealthCheckRequest(service=""), timeout=CALL_TIMEOUT_S
    )
    assert response.status == stubs.health.HealthCheckResponse.SERVING


@pytest.mark.parametrize("service", ["rx.v1.Diagnostics", "grpc.health.v1.Health"])
def test_check_known_service_is_serving(server, stubs: Stubs, channel_for, service):
    response = stubs.check(channel_for())(stubs.health.HealthCheckRequest(service=service), timeout=CALL_TIMEOUT_S)
    assert response.status == stubs.health.HealthCheckResponse.SERVING


def test_check_unknown_service_is_not_found_with_utf8_message(server, stubs: Stubs, channel_for):
    # The name is echoed in grpc-message, which must be percent-encoded UTF-8 on the wire.
    with pytest.raises(grpc.RpcError) as failure:
        stubs.check(channel_for())(stubs.health.HealthCheckRequest(service="dịch vụ/không có"), timeout=CALL_TIMEOUT_S)
    assert failure.value.code() == grpc.StatusCode.NOT_FOUND
    assert "dịch vụ/không có" in failure.value.details()


def test_list_returns_every_service(server, stubs: Stubs, channel_for):
    response = stubs.list(channel_for())(stubs.health.HealthListRequest(), timeout=CALL_TIMEOUT_S)
    statuses = dict(response.statuses)
    for service in ("rx.v1.Diagnostics", "grpc.health.v1.Health"):
        assert service in statuses, f"List misses {service}: {sorted(statuses)}"
        assert statuses[service].status == stubs.health.HealthCheckResponse.SERVING


@pytest.mark.parametrize(
    "identity", ["hospital-prescriber", "clinic-prescriber", "pharmacy", "pharmacy-2", "regulator", "norole"]
)
def test_every_verified_facility_may_check_health(server, stubs: Stubs, channel_for, identity):
    response = stubs.check(channel_for(identity))(stubs.health.HealthCheckRequest(), timeout=CALL_TIMEOUT_S)
    assert response.status == stubs.health.HealthCheckResponse.SERVING


def test_watch_sends_current_status_first(server, stubs: Stubs, channel_for):
    call = stubs.watch(channel_for())(stubs.health.HealthCheckRequest(service=""), timeout=CALL_TIMEOUT_S)
    try:
        first = next(call)
        assert first.status == stubs.health.HealthCheckResponse.SERVING
    finally:
        call.cancel()
