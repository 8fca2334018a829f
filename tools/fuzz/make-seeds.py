#!/usr/bin/env python3
"""Writes seed inputs for every fuzz target from the project's real samples.

    python3 tools/fuzz/make-seeds.py        (rewrites the seed-* files; signatures differ each run)

Request targets get the encoded request messages a real client sends (the four sample prescriptions of
Examples/prescriptions signed by the development doctor, lookups of real registration numbers and
ingredients from tools/sample-data, statistics and reflection queries); the CSV targets get slices of
tools/sample-data; the CMS and framer targets get signed samples, prescription-content the unsigned
encoded sample prescriptions. Files are named `seed-*` and land in
Tests/RxFuzzTargetsTests/Regressions/<target>/, where run.sh starts from them and `swift test` replays
them. Needs python3 with grpcio-tools and the openssl CLI (the interop suite's requirements)."""

from __future__ import annotations

import csv
import io
import struct
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "interop"))

from google.protobuf import json_format  # noqa: E402

from harness import generate_stubs  # noqa: E402
from prescription_helpers import example, prescription_from_readable, sign  # noqa: E402

REGRESSIONS = ROOT / "Tests" / "RxFuzzTargetsTests" / "Regressions"
SAMPLES = ROOT / "tools" / "sample-data"
EXAMPLES = ["ordinary", "narcotic", "child", "traditional"]


def write(target: str, name: str, data: bytes) -> None:
    directory = REGRESSIONS / target
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"seed-{name}").write_bytes(data)


def catalog_rows() -> list[dict]:
    with (SAMPLES / "catalog.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def request_seeds(modules: dict, work: Path) -> dict[str, list[tuple[str, object]]]:
    health = modules["grpc/health/v1/health.proto"]
    diagnostics = modules["rx/v1/diagnostics.proto"]
    prescriptions = modules["rx/v1/prescriptions.proto"]
    content = modules["rx/v1/prescription.proto"]
    drugs = modules["rx/v1/drugs.proto"]
    statistics = modules["rx/v1/statistics.proto"]
    reflection = {version: modules[f"grpc/reflection/{version}/reflection.proto"] for version in ("v1", "v1alpha")}

    def parse(module, name: str, fields: dict):
        return json_format.ParseDict(fields, getattr(module, name)())

    signed = {}
    for name in EXAMPLES:
        # Issued shortly before the `now` the prescription-content target validates at (1_790_000_000).
        prescription = prescription_from_readable(content, example(name), issued_at=1_789_999_000)
        write("prescription-content", name, prescription.SerializeToString())
        signed[name] = sign(prescription.SerializeToString(), work)
    rows = catalog_rows()
    numbers = sorted({row["so_dang_ky"] for row in rows})
    picks = [numbers[0], numbers[len(numbers) // 2], numbers[-1]]
    ingredients = sorted({row["hoat_chat"] for row in rows})[:6]
    code = "79088K3F9A2Q-c"

    seeds: dict[str, list[tuple[str, object]]] = {
        "grpc.health.v1.HealthCheckRequest": [
            ("empty", health.HealthCheckRequest()), ("named", parse(health, "HealthCheckRequest", {"service": "rx.v1.Prescriptions"}))],
        "grpc.health.v1.HealthListRequest": [("empty", health.HealthListRequest())],
        "rx.v1.EchoRequest": [("sample", parse(diagnostics, "EchoRequest", {
            "sample": {"int32_value": -5, "sint64_value": "-9000000000", "double_value": 1.5, "string_value": "Đơn thuốc",
                       "packed_int32": [1, 2, 300], "tags": ["a", "b"], "counters": {"x": 1}, "choice_text": "c",
                       "nested": {}, "children": [{}], "max_field_number": "7"},
            "delay_ms": 1, "repeat": 2, "padding": "AAAA"}))],
        "rx.v1.SubmitPrescriptionRequest": [
            (name, prescriptions.SubmitPrescriptionRequest(signed_prescription=signed[name], idempotency_key=f"lần-gửi-{name}"))
            for name in EXAMPLES],
        "rx.v1.ReplacePrescriptionRequest": [
            ("ordinary", prescriptions.ReplacePrescriptionRequest(signed_prescription=signed["ordinary"], idempotency_key="thay-1"))],
        "rx.v1.GetPrescriptionRequest": [
            ("with-signed", parse(prescriptions, "GetPrescriptionRequest", {"code": code, "include_signed_prescription": True}))],
        "rx.v1.DispensePrescriptionRequest": [("two-lines", parse(prescriptions, "DispensePrescriptionRequest", {
            "code": code, "idempotency_key": "phát-1", "invoice_number": "HD-0001",
            "lines": [{"line_number": 1, "quantity": 10, "registration_number": picks[0], "unit_price_vnd": "590",
                       "reference_unit_price_vnd": "610"},
                      {"line_number": 2, "quantity": 3, "registration_number": picks[1], "unit_price_vnd": "1200"}]}))],
        "rx.v1.CancelPrescriptionRequest": [
            ("reason", parse(prescriptions, "CancelPrescriptionRequest", {"code": code, "reason": "kê nhầm liều"}))],
        "rx.v1.AuditVerifyRequest": [("empty", prescriptions.AuditVerifyRequest())],
        "rx.v1.ExportFhirRequest": [("code", parse(prescriptions, "ExportFhirRequest", {"code": code}))],
        "rx.v1.GetProductRequest": [(f"product-{i}", parse(drugs, "GetProductRequest", {"registration_number": n}))
                                    for i, n in enumerate(picks)],
        "rx.v1.SearchProductsRequest": [
            ("paracetamol", parse(drugs, "SearchProductsRequest", {"query": "paracetamol 500", "page_size": 20})),
            ("page-token", parse(drugs, "SearchProductsRequest", {"query": "Hapacol", "page_size": 5, "page_token": "AAEC"}))],
        "rx.v1.GetPriceRequest": [("dated", parse(drugs, "GetPriceRequest", {
            "registration_number": picks[0], "date": {"year": 2024, "month": 2, "day": 29}}))],
        "rx.v1.QuoteLinesRequest": [("three-lines", parse(drugs, "QuoteLinesRequest", {
            "lines": [{"registration_number": n, "quantity": 10 * (i + 1)} for i, n in enumerate(picks)],
            "date": {"year": 2025, "month": 1, "day": 1}}))],
        "rx.v1.CheckInteractionsRequest": [("items", parse(drugs, "CheckInteractionsRequest", {
            "items": [{"registration_number": picks[0]}] + [{"ingredient": name} for name in ingredients[:3]] +
                     [{"ingredient": "warfarin"}, {"ingredient": "aspirin"}],
            "patient_id": "079203000123"}))],
        "rx.v1.ReloadCatalogRequest": [("empty", drugs.ReloadCatalogRequest())],
        "rx.v1.StatisticsQuery": [("grouped", parse(statistics, "StatisticsQuery", {
            "from_unix_seconds": "1700000000", "to_unix_seconds": "1790000000", "group_by": [1, 2, 3], "atc_level": 3,
            "facility_codes": ["79088"], "provinces": ["79"], "ingredients": ["paracetamol"], "atc_prefixes": ["N02"],
            "types": [1, 2]}))],
        "rx.v1.StatisticsTopNRequest": [("top", parse(statistics, "StatisticsTopNRequest", {
            "from_unix_seconds": "1700000000", "to_unix_seconds": "1790000000", "measure": 1, "limit": 10,
            "provinces": ["79", "01"], "atc_prefixes": ["J01"]}))],
        "rx.v1.StatisticsRatesRequest": [("rates", parse(statistics, "StatisticsRatesRequest", {
            "from_unix_seconds": "1700000000", "to_unix_seconds": "1790000000", "facility_codes": ["79088", "01215"],
            "provinces": ["79"]}))],
        "rx.v1.ControlledSubstanceAlertsRequest": [("alerts", parse(statistics, "ControlledSubstanceAlertsRequest", {
            "from_unix_seconds": "1700000000", "to_unix_seconds": "1790000000", "min_prescribers": 3,
            "min_pharmacies": 2}))],
    }
    for version, module in reflection.items():
        seeds[f"grpc.reflection.{version}.ServerReflectionRequest"] = [
            ("list", parse(module, "ServerReflectionRequest", {"host": "localhost", "list_services": "*"})),
            ("symbol", parse(module, "ServerReflectionRequest", {"file_containing_symbol": "rx.v1.Prescriptions"})),
            ("extension", parse(module, "ServerReflectionRequest", {
                "file_containing_extension": {"containing_type": "rx.v1.Prescription", "extension_number": 100}})),
        ]
    seeds["_signed"] = list(signed.items())
    return seeds


def csv_slices(path: Path, rows: int) -> list[tuple[str, bytes]]:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header, body = lines[0], lines[1:]
    middle = len(body) // 2
    return [
        ("head", (header + "".join(body[:rows])).encode()),
        ("middle", (header + "".join(body[middle:middle + rows])).encode()),
        ("crlf", (header + "".join(body[-rows:])).replace("\n", "\r\n").encode()),
    ]


def main() -> None:
    modules = generate_stubs()
    with tempfile.TemporaryDirectory(prefix="rx-fuzz-seeds-") as work:
        seeds = request_seeds(modules, Path(work))
    for name, data in seeds.pop("_signed"):
        write("cms", f"signed-{name}", data)
        write("cms-fast-path", f"signed-{name}", data)
    for type_name, messages in seeds.items():
        for name, message in messages:
            write(f"request-{type_name}", name, message.SerializeToString())
    submit = seeds["rx.v1.SubmitPrescriptionRequest"][0][1].SerializeToString()
    # Chunks of 17 bytes, messages up to 255 * 16 bytes: two frames, the second compressed-flagged.
    write("framer", "submit-request", bytes([16, 255]) + struct.pack(">BI", 0, len(submit)) + submit
          + struct.pack(">BI", 1, 3) + b"abc")
    for target, path, rows in (("catalog-csv", SAMPLES / "catalog.csv", 12),
                               ("interactions-csv", SAMPLES / "interactions.csv", 5),
                               ("synonyms-csv", SAMPLES / "ingredient-synonyms.csv", 25)):
        for name, data in csv_slices(path, rows):
            write(target, name, data)
    quoted = io.StringIO()
    writer = csv.writer(quoted, lineterminator="\n")
    with (SAMPLES / "catalog.csv").open(encoding="utf-8") as handle:
        for index, row in enumerate(csv.reader(handle)):
            if index > 6:
                break
            writer.writerow([f'{field}, "x"' if index and column == 1 else field for column, field in enumerate(row)])
    write("catalog-csv", "quoted", quoted.getvalue().encode())
    print(f"seeds written under {REGRESSIONS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
