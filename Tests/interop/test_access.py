"""Role checks: a verified certificate without a role may ask for health and nothing else."""

import grpc
import pytest

from harness import Stubs

CALL_TIMEOUT_S = 10


def test_norole_may_check_health(server, stubs: Stubs, channel_for):
    response = stubs.check(channel_for("norole"))(stubs.health.HealthCheckRequest(), timeout=CALL_TIMEOUT_S)
    assert response.status == stubs.health.HealthCheckResponse.SERVING


@pytest.mark.parametrize("method", ["echo", "echo_stream"])
def test_norole_is_denied_diagnostics(server, stubs: Stubs, channel_for, method):
    call = getattr(stubs, method)(channel_for("norole"))
    request = stubs.diagnostics.EchoRequest(sample=stubs.sample(), repeat=3)
    with pytest.raises(grpc.RpcError) as failure:
        result = call(request, timeout=CALL_TIMEOUT_S)
        if method == "echo_stream":
            list(result)
    assert failure.value.code() == grpc.StatusCode.PERMISSION_DENIED, failure.value.details()
    assert failure.value.details(), "PERMISSION_DENIED should say what was refused"


@pytest.mark.parametrize("identity", ["hospital-prescriber", "clinic-prescriber", "pharmacy", "pharmacy-2", "regulator"])
def test_every_role_may_echo(server, stubs: Stubs, channel_for, identity):
    sample = stubs.sample(identity)
    response = stubs.echo(channel_for(identity))(stubs.diagnostics.EchoRequest(sample=sample), timeout=CALL_TIMEOUT_S)
    assert response.sample == sample
