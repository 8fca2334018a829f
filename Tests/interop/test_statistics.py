"""rx.v1.Statistics through grpcio: regulator-only access, streamed rows, cancelling mid-stream."""

from __future__ import annotations

import sqlite3
import time

import grpc
import pytest

from harness import RawHTTP2Client, generate_stubs, secure_channel
from prescription_helpers import database_file, rxctl

CALL_TIMEOUT_S = 20
# January 2026 in Vietnam (UTC+7).
JANUARY_FROM = 1_767_200_400
JANUARY_TO = 1_769_878_800
FIRST_DAY = (JANUARY_FROM + 25_200) // 86_400


@pytest.fixture(scope="module")
def statistics():
    return generate_stubs()["rx/v1/statistics.proto"]


def query_call(channel: grpc.Channel, statistics):
    return channel.unary_stream(
        "/rx.v1.Statistics/Query",
        request_serializer=statistics.StatisticsQuery.SerializeToString,
        response_deserializer=statistics.StatisticsRow.FromString,
    )


def alerts_call(channel: grpc.Channel, statistics):
    return channel.unary_stream(
        "/rx.v1.Statistics/ControlledSubstanceAlerts",
        request_serializer=statistics.ControlledSubstanceAlertsRequest.SerializeToString,
        response_deserializer=statistics.ControlledSubstanceAlert.FromString,
    )


def rates_call(channel: grpc.Channel, statistics):
    return channel.unary_unary(
        "/rx.v1.Statistics/Rates",
        request_serializer=statistics.StatisticsRatesRequest.SerializeToString,
        response_deserializer=statistics.StatisticsRates.FromString,
    )


def top_n_call(channel: grpc.Channel, statistics):
    return channel.unary_stream(
        "/rx.v1.Statistics/TopN",
        request_serializer=statistics.StatisticsTopNRequest.SerializeToString,
        response_deserializer=statistics.StatisticsTopNEntry.FromString,
    )


def plant_product_cells(server) -> list[tuple[str, str]]:
    """Writes product cells of January straight into the database, as the recorder keeps them (grain 0 on
    2026-01-10 in province 79, the January month cells of province 79, grain 1, and of the country, grain 2): the catalog's first product with 7 prescriptions,
    40 units and 400,000 VND over 5 patients; its second with 3 prescriptions and 900,000 VND over 2 patients
    (suppressed). Returns the two (registration number, brand name) pairs."""
    connection = sqlite3.connect(database_file(server.data_dir), timeout=30)
    try:
        products = connection.execute(
            "SELECT registration_number, brand_name FROM catalog_product ORDER BY registration_number LIMIT 2").fetchall()
        assert len(products) == 2
        with connection:
            for grain, day, province in ((0, FIRST_DAY + 9, "79"), (1, FIRST_DAY, "79"), (2, FIRST_DAY, "")):
                for (number, _), (prescriptions, quantity, value, patients) in zip(
                        products, ((7, 40, 400_000, 5), (3, 10, 900_000, 2))):
                    connection.execute(
                        "INSERT INTO stat_product_cells (grain, day, province, registration_number, atc, prescriptions,"
                        " quantity_dispensed, value_charged_vnd, patients) VALUES (?, ?, ?, ?, 'J01CA04', ?, ?, ?, ?)",
                        (grain, day, province, number, prescriptions, quantity, value,
                         b"".join(bytes([patient, 0, 0, 0, 0, 0, 0, 3]) for patient in range(patients))),
                    )
    finally:
        connection.close()
    return products


def test_top_products_by_value_and_rxctl_stats_top_by_product(make_server, statistics, tmp_path):
    server = make_server()
    (first, first_name), (second, _) = plant_product_cells(server)
    channel = secure_channel(server.port, "regulator")
    try:
        for start, end in ((JANUARY_FROM, JANUARY_TO), (JANUARY_FROM + 4 * 86_400, JANUARY_FROM + 20 * 86_400)):
            request = statistics.StatisticsTopNRequest(
                from_unix_seconds=start, to_unix_seconds=end, subject=statistics.STATISTICS_TOP_N_SUBJECT_PRODUCT,
                measure=statistics.STATISTICS_TOP_N_MEASURE_VALUE, atc_prefixes=["J01"])
            entries = list(top_n_call(channel, statistics)(request, timeout=CALL_TIMEOUT_S))
            assert [entry.registration_number for entry in entries] == [second, first]
            assert [entry.suppressed for entry in entries] == [True, False]
            assert entries[0].value_charged_vnd == 0 and entries[1].value_charged_vnd == 400_000
            assert entries[1].prescriptions == 7 and entries[1].product_name == first_name
            assert all(entry.ingredient == "" for entry in entries)
        request.provinces[:] = ["79"]
        request.from_unix_seconds, request.to_unix_seconds = JANUARY_FROM, JANUARY_TO
        in_province = list(top_n_call(channel, statistics)(request, timeout=CALL_TIMEOUT_S))
        assert [entry.registration_number for entry in in_province] == [second, first]
        request.atc_prefixes[:] = ["N"]
        assert list(top_n_call(channel, statistics)(request, timeout=CALL_TIMEOUT_S)) == []
    finally:
        channel.close()
    csv_file = tmp_path / "top.csv"
    written = rxctl(server.port, "stats", "top", "--from", "2026-01-01", "--to", "2026-02-01", "--by", "product",
                    "--csv", str(csv_file), identity="regulator")
    assert written.returncode == 0, written.stderr
    lines = csv_file.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "rank,registration_number,product_name,prescriptions,quantity_dispensed,value_charged_vnd"
    assert lines[1].startswith(f"1,{first},") and lines[1].endswith(",7,40,400000")
    assert lines[2].startswith(f"2,{second},") and lines[2].endswith(",suppressed,,")
    table = rxctl(server.port, "stats", "top", "--from", "2026-01-01", "--to", "2026-02-01", "--by", "product",
                  "--by-value", identity="regulator")
    assert table.returncode == 0, table.stderr
    assert table.stdout.index(second) < table.stdout.index(first)


def plant_cells(server, days: int, facilities: int) -> None:
    """Writes day cells straight into the database (`days` × `facilities` cells of 5 patients each) and the
    January rollup summing them."""
    connection = sqlite3.connect(database_file(server.data_dir), timeout=30)
    try:
        with connection:
            for day in range(days):
                for facility in range(facilities):
                    # Five distinct 8-byte patient hashes in the cell's exact set (see PatientSketch).
                    patients = b"".join(bytes([patient, facility % 256, day % 256, facility // 256, 0, 0, 0, 1])
                                        for patient in range(5))
                    connection.execute(
                        "INSERT INTO stat_cells (day, facility_code, province, type, ingredient, atc, issued,"
                        " quantity_prescribed, patients) VALUES (?, ?, ?, 1, '', '', 3, 30, ?)",
                        (FIRST_DAY + day, f"79{facility:03d}", "79", patients),
                    )
            # The month's rollup (view 0: month × province × type), as the recorder keeps it: whole months are
            # read from the rollups. Its exact set is full (16 hashes): more patients than it holds.
            connection.execute(
                "INSERT INTO stat_rollups (view, month, province, type, ingredient, atc, issued, quantity_prescribed,"
                " patients) VALUES (0, ?, '79', 1, '', '', ?, ?, ?)",
                (FIRST_DAY, 3 * days * facilities, 30 * days * facilities,
                 b"".join(bytes([index, 0, 0, 0, 0, 0, 0, 2]) for index in range(16))),
            )
    finally:
        connection.close()


@pytest.mark.parametrize("identity", ["hospital-prescriber", "pharmacy", "norole"])
def test_only_regulators_may_call(server, statistics, identity):
    channel = secure_channel(server.port, identity)
    try:
        request = statistics.StatisticsQuery(from_unix_seconds=JANUARY_FROM, to_unix_seconds=JANUARY_TO)
        with pytest.raises(grpc.RpcError) as refused:
            list(query_call(channel, statistics)(request, timeout=CALL_TIMEOUT_S))
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
        with pytest.raises(grpc.RpcError) as refused:
            list(alerts_call(channel, statistics)(statistics.ControlledSubstanceAlertsRequest(), timeout=CALL_TIMEOUT_S))
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
        with pytest.raises(grpc.RpcError) as refused:
            rates_call(channel, statistics)(statistics.StatisticsRatesRequest(from_unix_seconds=0, to_unix_seconds=1),
                                            timeout=CALL_TIMEOUT_S)
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    finally:
        channel.close()


def test_regulator_gets_a_suppressed_total_on_an_empty_database(server, statistics):
    channel = secure_channel(server.port, "regulator")
    try:
        request = statistics.StatisticsQuery(from_unix_seconds=JANUARY_FROM, to_unix_seconds=JANUARY_TO)
        rows = list(query_call(channel, statistics)(request, timeout=CALL_TIMEOUT_S))
        assert len(rows) == 1 and rows[0].suppressed and rows[0].issued == 0
        assert list(alerts_call(channel, statistics)(statistics.ControlledSubstanceAlertsRequest(),
                                                     timeout=CALL_TIMEOUT_S)) == []
        with pytest.raises(grpc.RpcError) as refused:
            bad = statistics.StatisticsQuery(from_unix_seconds=JANUARY_TO, to_unix_seconds=JANUARY_FROM)
            list(query_call(channel, statistics)(bad, timeout=CALL_TIMEOUT_S))
        assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    finally:
        channel.close()


def _inflight_streams(port: int) -> float:
    """rx_inflight_streams from GET /metrics, not counting the scrape's own stream."""
    with RawHTTP2Client(port, identity="regulator") as client:
        result = client.wait(client.start_request("/metrics", None, method="GET", content_type=None))
    for line in result.data.decode().splitlines():
        if line.startswith("rx_inflight_streams "):
            return float(line.split()[1]) - 1
    raise AssertionError("rx_inflight_streams missing from /metrics")


def test_streamed_rows_and_a_client_cancelling_mid_stream(make_server, statistics):
    server = make_server()
    plant_cells(server, days=31, facilities=200)
    channel = secure_channel(server.port, "regulator")
    try:
        statistics_module = statistics
        request = statistics_module.StatisticsQuery(
            from_unix_seconds=JANUARY_FROM, to_unix_seconds=JANUARY_TO,
            group_by=[statistics_module.STATISTICS_DIMENSION_DAY, statistics_module.STATISTICS_DIMENSION_FACILITY])
        rows = list(query_call(channel, statistics)(request, timeout=CALL_TIMEOUT_S))
        assert len(rows) == 31 * 200
        assert rows[0].keys == ["2026-01-01", "79000"]
        assert all(not row.suppressed and row.issued == 3 and row.distinct_patients == 5 for row in rows)

        call = query_call(channel, statistics)(request, timeout=CALL_TIMEOUT_S)
        for index, _ in enumerate(call):
            if index == 10:
                call.cancel()
                break
        assert call.code() == grpc.StatusCode.CANCELLED
        # The server frees the call: it logs it as cancelled and no stream stays in flight.
        assert server.wait_for_log(
            lambda f: f.get("msg") == "call" and f.get("method") == "/rx.v1.Statistics/Query"
            and f.get("status") == "CANCELLED", 10), server.stderr_text(10)
        deadline = time.monotonic() + 10
        while _inflight_streams(server.port) > 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _inflight_streams(server.port) == 0

        totals = list(query_call(channel, statistics)(
            statistics_module.StatisticsQuery(from_unix_seconds=JANUARY_FROM, to_unix_seconds=JANUARY_TO),
            timeout=CALL_TIMEOUT_S))
        assert [(row.issued, row.quantity_prescribed) for row in totals] == [(3 * 31 * 200, 30 * 31 * 200)]
    finally:
        channel.close()


def test_rxctl_stats_prints_a_table_and_writes_csv(make_server, tmp_path):
    server = make_server()
    plant_cells(server, days=3, facilities=2)
    table = rxctl(server.port, "stats", "query", "--from", "2026-01-01", "--to", "2026-02-01", "--group-by",
                  "day,facility", identity="regulator")
    assert table.returncode == 0, table.stderr
    assert "2026-01-03" in table.stdout and "79001" in table.stdout
    csv_file = tmp_path / "stats.csv"
    written = rxctl(server.port, "stats", "query", "--from", "2026-01-01", "--to", "2026-02-01", "--group-by",
                    "province", "--csv", str(csv_file), identity="regulator")
    assert written.returncode == 0, written.stderr
    lines = csv_file.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("province,issued,")
    assert lines[1].startswith("79,18,")
    refused = rxctl(server.port, "alerts", identity="pharmacy")
    assert refused.returncode != 0 and "PERMISSION_DENIED" in (refused.stderr + refused.stdout)
    alerts = rxctl(server.port, "alerts", identity="regulator")
    assert alerts.returncode == 0, alerts.stderr


def peak_rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise AssertionError("no VmHWM in /proc status")


def test_a_hundred_thousand_rows_stream_with_bounded_server_memory(make_server, statistics):
    """100 days × 1,000 facilities grouped by day and facility: 100,000 rows. The server merges groups in
    memory (O(groups), not O(data)) and then streams; its peak RSS may grow by at most 200 MiB
    (63 MiB measured, debug build)."""
    server = make_server()
    plant_cells(server, days=100, facilities=1000)
    channel = secure_channel(server.port, "regulator")
    try:
        before = peak_rss_kib(server.process.pid)
        request = statistics.StatisticsQuery(
            from_unix_seconds=JANUARY_FROM, to_unix_seconds=JANUARY_FROM + 100 * 86_400,
            group_by=[statistics.STATISTICS_DIMENSION_DAY, statistics.STATISTICS_DIMENSION_FACILITY])
        count = 0
        for row in query_call(channel, statistics)(request, timeout=120):
            assert not row.suppressed and row.issued == 3
            count += 1
        assert count == 100_000
        growth_mib = (peak_rss_kib(server.process.pid) - before) / 1024
        print(f"server peak RSS grew by {growth_mib:.0f} MiB for 100,000 rows")
        assert growth_mib < 200
    finally:
        channel.close()
