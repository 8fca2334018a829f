"""rx.v1.Drugs through grpcio: every catalog call, role checks, and reload while clients hammer."""

from __future__ import annotations

import csv
import signal
import subprocess
import threading
import time
from pathlib import Path

import grpc
import pytest

from harness import REPO_ROOT, RxServer, generate_stubs, secure_channel, server_binary

CALL_TIMEOUT_S = 10
SAMPLE = REPO_ROOT / "tools" / "sample-data" / "catalog.csv"


@pytest.fixture(scope="module")
def drugs():
    return generate_stubs()["rx/v1/drugs.proto"]


def method(channel: grpc.Channel, drugs, name: str, request: str, response: str):
    return channel.unary_unary(
        f"/rx.v1.Drugs/{name}",
        request_serializer=getattr(drugs, request).SerializeToString,
        response_deserializer=getattr(drugs, response).FromString,
    )


def get_product(channel, drugs):
    return method(channel, drugs, "GetProduct", "GetProductRequest", "GetProductResponse")


def search(channel, drugs):
    return method(channel, drugs, "SearchProducts", "SearchProductsRequest", "SearchProductsResponse")


def get_price(channel, drugs):
    return method(channel, drugs, "GetPrice", "GetPriceRequest", "GetPriceResponse")


def quote(channel, drugs):
    return method(channel, drugs, "QuoteLines", "QuoteLinesRequest", "QuoteLinesResponse")


def reload(channel, drugs):
    return method(channel, drugs, "ReloadCatalog", "ReloadCatalogRequest", "ReloadCatalogResponse")


def sample_rows() -> list[dict]:
    with SAMPLE.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_get_product_from_sample(server, drugs, channel_for):
    row = next(r for r in sample_rows() if r["nhom_kiem_soat"] == "gay_nghien")
    response = get_product(channel_for("pharmacy"), drugs)(
        drugs.GetProductRequest(registration_number=row["so_dang_ky"].lower()), timeout=CALL_TIMEOUT_S
    )
    assert response.product.registration_number == row["so_dang_ky"]
    assert response.product.brand_name == row["ten_thuoc"]
    assert response.product.control_class == drugs.DRUG_CONTROL_CLASS_NARCOTIC
    assert response.product.prices and response.catalog_version != 0


def test_search_is_diacritic_insensitive_ranked_and_paginated(server, drugs, channel_for):
    call = search(channel_for("hospital-prescriber"), drugs)
    plain = call(drugs.SearchProductsRequest(query="thuoc ho", page_size=5), timeout=CALL_TIMEOUT_S)
    accented = call(drugs.SearchProductsRequest(query="Thuốc Ho", page_size=5), timeout=CALL_TIMEOUT_S)
    assert plain.total_matches > 0 and plain.total_matches == accented.total_matches
    assert [h.product.registration_number for h in plain.hits] == [h.product.registration_number for h in accented.hits]
    assert all("Thuốc ho" in h.product.brand_name for h in plain.hits)

    seen, token, ranks = [], "", []
    while True:
        page = call(drugs.SearchProductsRequest(query="paracetamol", page_size=7, page_token=token), timeout=CALL_TIMEOUT_S)
        seen += [h.product.registration_number for h in page.hits]
        ranks += [h.match for h in page.hits]
        token = page.next_page_token
        if not token:
            break
    assert len(seen) == page.total_matches == len(set(seen)) > 7
    assert ranks == sorted(ranks), "hits must come best match first"
    assert ranks[0] == drugs.SEARCH_MATCH_PREFIX or ranks[0] == drugs.SEARCH_MATCH_EXACT


def test_price_on_date_and_quote(server, drugs, channel_for):
    rows = sample_rows()
    history = {}
    for r in rows:
        history.setdefault(r["so_dang_ky"], []).append(r)
    number, declarations = next((n, d) for n, d in history.items() if len(d) >= 2)
    declarations.sort(key=lambda r: r["ngay_hieu_luc"])
    first, second = declarations[0], declarations[1]
    year, month, day = (int(x) for x in first["ngay_hieu_luc"].split("-"))
    channel = channel_for("pharmacy")
    response = get_price(channel, drugs)(
        drugs.GetPriceRequest(registration_number=number, date={"year": year, "month": month, "day": day}),
        timeout=CALL_TIMEOUT_S,
    )
    assert response.price.unit_price_vnd == int(first["gia_ban_buon_du_kien"])
    year, month, day = (int(x) for x in second["ngay_hieu_luc"].split("-"))
    response = get_price(channel, drugs)(
        drugs.GetPriceRequest(registration_number=number, date={"year": year, "month": month, "day": day}),
        timeout=CALL_TIMEOUT_S,
    )
    assert response.price.unit_price_vnd == int(second["gia_ban_buon_du_kien"])
    with pytest.raises(grpc.RpcError) as failure:
        get_price(channel, drugs)(
            drugs.GetPriceRequest(registration_number=number, date={"year": 1999, "month": 1, "day": 1}),
            timeout=CALL_TIMEOUT_S,
        )
    assert failure.value.code() == grpc.StatusCode.NOT_FOUND

    request = drugs.QuoteLinesRequest(
        lines=[drugs.QuoteLine(registration_number=number, quantity=10)], date={"year": 2030, "month": 1, "day": 1}
    )
    quoted = quote(channel, drugs)(request, timeout=CALL_TIMEOUT_S)
    line = quoted.lines[0]
    assert line.line_total_vnd == 10 * line.unit_price_vnd
    assert line.cheapest_unit_price_vnd <= line.unit_price_vnd
    assert quoted.saving_vnd == quoted.total_vnd - quoted.cheapest_total_vnd >= 0


@pytest.mark.parametrize("identity", ["hospital-prescriber", "clinic-prescriber", "pharmacy", "regulator"])
def test_every_role_may_read(server, drugs, channel_for, identity):
    response = search(channel_for(identity), drugs)(drugs.SearchProductsRequest(query="amoxicillin"), timeout=CALL_TIMEOUT_S)
    assert response.total_matches > 0


@pytest.mark.parametrize("name", ["GetProduct", "SearchProducts", "GetPrice", "QuoteLines", "ReloadCatalog"])
def test_norole_is_denied(server, drugs, channel_for, name):
    call = channel_for("norole").unary_unary(f"/rx.v1.Drugs/{name}", request_serializer=None, response_deserializer=None)
    with pytest.raises(grpc.RpcError) as failure:
        call(b"", timeout=CALL_TIMEOUT_S)
    assert failure.value.code() == grpc.StatusCode.PERMISSION_DENIED


@pytest.mark.parametrize("identity", ["hospital-prescriber", "pharmacy"])
def test_only_regulator_reloads(server, drugs, channel_for, identity):
    with pytest.raises(grpc.RpcError) as failure:
        reload(channel_for(identity), drugs)(drugs.ReloadCatalogRequest(), timeout=CALL_TIMEOUT_S)
    assert failure.value.code() == grpc.StatusCode.PERMISSION_DENIED
    response = reload(channel_for("regulator"), drugs)(drugs.ReloadCatalogRequest(), timeout=CALL_TIMEOUT_S)
    assert response.product_count >= 1000 and response.ingredient_count >= 300 and not response.changed


def import_csv(data_dir: Path, rows: list[dict], name: str) -> str:
    path = data_dir / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
    result = subprocess.run(
        [str(server_binary()), "catalog", "import", str(path), "--data-dir", str(data_dir)],
        capture_output=True, text=True, timeout=60, cwd=REPO_ROOT,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("trigger", ["rpc", "sighup"])
def test_reload_while_four_clients_hammer(make_server, drugs, trigger):
    server: RxServer = make_server()
    rows = sample_rows()
    target = dict(next(r for r in rows if r["nhom_kiem_soat"] == "khong"))
    number = target["so_dang_ky"]
    ask = {"year": 2030, "month": 6, "day": 1}
    channel = secure_channel(server.port, "regulator")
    before = get_price(channel, drugs)(drugs.GetPriceRequest(registration_number=number, date=ask), timeout=CALL_TIMEOUT_S)
    new_price = before.price.unit_price_vnd + 12345
    target.update(gia_ban_buon_du_kien=str(new_price), ngay_hieu_luc="2029-01-01")

    stop = threading.Event()
    failures: list[str] = []
    answers: list[tuple[int, int]] = []
    lock = threading.Lock()

    def hammer(identity: str) -> None:
        own = secure_channel(server.port, identity)
        call = get_price(own, drugs)
        try:
            while not stop.is_set():
                try:
                    response = call(drugs.GetPriceRequest(registration_number=number, date=ask), timeout=CALL_TIMEOUT_S)
                except grpc.RpcError as error:
                    with lock:
                        failures.append(f"{identity}: {error.code()} {error.details()}")
                    continue
                with lock:
                    answers.append((response.catalog_version, response.price.unit_price_vnd))
        finally:
            own.close()

    threads = [threading.Thread(target=hammer, args=(i,)) for i in ["pharmacy", "pharmacy-2", "hospital-prescriber", "clinic-prescriber"]]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    report = import_csv(server.data_dir, [target], "update.csv")
    assert "0 new products" in report and "1 new prices" in report
    if trigger == "rpc":
        reloaded = reload(channel, drugs)(drugs.ReloadCatalogRequest(), timeout=CALL_TIMEOUT_S)
        assert reloaded.changed and reloaded.catalog_version != before.catalog_version
        new_version = reloaded.catalog_version
    else:
        mark = server.log_mark()
        server.send_signal(signal.SIGHUP)
        line = server.wait_for_log(lambda f: f.get("msg") == "catalog reloaded", timeout=30, since=mark)
        assert line is not None, server.stderr_text(20)
        new_version = int(str(line["version"]), 16)
    time.sleep(0.5)
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    channel.close()

    assert failures == []
    versions = {version for version, _ in answers}
    assert versions == {before.catalog_version, new_version}, versions
    for version, price in answers:
        expected = before.price.unit_price_vnd if version == before.catalog_version else new_price
        assert price == expected, f"mixed answer: version {version:x} with price {price}"
    assert import_csv(server.data_dir, [target], "again.csv").startswith("0 new products, 0 changed, 1 unchanged; 0 new prices, 0 changed, 1 unchanged")
