"""rx-datagen end to end: the generated data set is what rx-server then serves. The controlled-substance
report finds exactly the planted doctor-shoppers, and the statistics count every generated prescription."""

from __future__ import annotations

import subprocess
import time

import grpc
import pytest

from harness import RxServer, generate_stubs, secure_channel, server_binary

CALL_TIMEOUT_S = 30
PRESCRIPTIONS = 6_000
SHOPPERS = 4


@pytest.fixture(scope="module")
def generated():
    """A small national data set (debug builds generate a few thousand prescriptions a second) served by
    rx-server."""
    server = RxServer()
    datagen = server_binary().parent / "rx-datagen"
    result = subprocess.run(
        [str(datagen), "--data-dir", str(server.data_dir), "--prescriptions", str(PRESCRIPTIONS),
         "--shoppers", str(SHOPPERS), "--facilities", "300", "--prescribers", "3000", "--patients", "20000"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert f"wrote {PRESCRIPTIONS} prescriptions" in result.stdout, result.stdout
    server.start()
    try:
        yield server
    finally:
        server.stop()
        server.cleanup()


def test_alerts_name_exactly_the_planted_shoppers(generated):
    statistics = generate_stubs()["rx/v1/statistics.proto"]
    channel = secure_channel(generated.port, "regulator")
    try:
        call = channel.unary_stream(
            "/rx.v1.Statistics/ControlledSubstanceAlerts",
            request_serializer=statistics.ControlledSubstanceAlertsRequest.SerializeToString,
            response_deserializer=statistics.ControlledSubstanceAlert.FromString,
        )
        alerts = list(call(statistics.ControlledSubstanceAlertsRequest(), timeout=CALL_TIMEOUT_S))
    finally:
        channel.close()
    expected = {f"Người mua thuốc {number}" for number in range(SHOPPERS)}
    assert {alert.patient_name for alert in alerts} == expected, alerts
    assert all(alert.kind == statistics.CONTROLLED_ALERT_KIND_MULTIPLE_PRESCRIBERS_AND_PHARMACIES for alert in alerts)
    assert all(alert.prescribers == 4 and alert.pharmacies == 4 and len(alert.prescription_codes) == 4
               for alert in alerts), alerts


def test_statistics_count_every_generated_prescription(generated):
    statistics = generate_stubs()["rx/v1/statistics.proto"]
    channel = secure_channel(generated.port, "regulator")
    try:
        call = channel.unary_stream(
            "/rx.v1.Statistics/Query",
            request_serializer=statistics.StatisticsQuery.SerializeToString,
            response_deserializer=statistics.StatisticsRow.FromString,
        )
        now = int(time.time())
        request = statistics.StatisticsQuery(from_unix_seconds=now - 400 * 86_400, to_unix_seconds=now + 86_400)
        rows = list(call(request, timeout=CALL_TIMEOUT_S))
        by_type = list(call(statistics.StatisticsQuery(
            from_unix_seconds=now - 400 * 86_400, to_unix_seconds=now + 86_400,
            group_by=[statistics.STATISTICS_DIMENSION_TYPE]), timeout=CALL_TIMEOUT_S))
    finally:
        channel.close()
    assert len(rows) == 1 and not rows[0].suppressed
    total = rows[0]
    assert total.issued == PRESCRIPTIONS + 4 * SHOPPERS
    # Most are dispensed, a few cancelled (the generator's fates: 72 % whole, 13 % partly, 3 % cancelled).
    assert 0.6 * total.issued < total.dispensed_fully < 0.95 * total.issued
    assert 0 < total.cancelled < 0.1 * total.issued
    assert total.value_charged_vnd > total.value_reference_vnd > 0
    assert sum(row.issued for row in by_type) == total.issued
