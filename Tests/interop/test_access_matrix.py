"""The access-control review: every RPC × caller, walked against the running server over mTLS.

MATRIX below is the one table (docs/security.md shows the same table). Callers: `prescriber` is the
hospital (79088) acting on its own prescriptions; `other facility` is the clinic (01215), also a
prescriber, acting on the hospital's prescriptions or with the hospital's doctor's signature;
`pharmacy`, `regulator`; `norole` holds a valid certificate with no role OU. OK means the call
succeeded; a status name means the call ended with exactly that status. Each prescription call gets
a fresh prescription, so no cell depends on another (ExportFhir's is first dispensed by `pharmacy`).
"""

from __future__ import annotations

import csv
import re
import subprocess
import tempfile
import uuid
from pathlib import Path

import grpc
import pytest

from harness import REPO_ROOT, Stubs, generate_stubs, server_binary
from prescription_helpers import CALL_TIMEOUT_S, Prescriptions, ordinary, sign

CALLERS = {
    "prescriber": "hospital-prescriber",
    "other facility": "clinic-prescriber",
    "pharmacy": "pharmacy",
    "regulator": "regulator",
    "norole": "norole",
}
D = "PERMISSION_DENIED"
#        method                               prescriber other-facility pharmacy regulator norole
MATRIX = [
    ("/grpc.health.v1.Health/Check",           "OK", "OK", "OK", "OK", "OK"),
    ("/grpc.health.v1.Health/Watch",           "OK", "OK", "OK", "OK", "OK"),
    ("/grpc.health.v1.Health/List",            "OK", "OK", "OK", "OK", "OK"),
    ("/rx.v1.Diagnostics/Echo",                "OK", "OK", "OK", "OK", D),
    ("/rx.v1.Diagnostics/EchoStream",          "OK", "OK", "OK", "OK", D),
    ("/rx.v1.Prescriptions/Submit",            "OK", D, D, D, D),
    ("/rx.v1.Prescriptions/Get",               "OK", D, "OK", "OK", D),
    ("/rx.v1.Prescriptions/Dispense",          D, D, "OK", D, D),
    ("/rx.v1.Prescriptions/Cancel",            "OK", D, D, D, D),
    ("/rx.v1.Prescriptions/Replace",           "OK", D, D, D, D),
    ("/rx.v1.Prescriptions/AuditVerify",       D, D, D, "OK", D),
    ("/rx.v1.Prescriptions/ExportFhir",        "OK", D, "OK", "OK", D),
    ("/rx.v1.Drugs/GetProduct",                "OK", "OK", "OK", "OK", D),
    ("/rx.v1.Drugs/SearchProducts",            "OK", "OK", "OK", "OK", D),
    ("/rx.v1.Drugs/GetPrice",                  "OK", "OK", "OK", "OK", D),
    ("/rx.v1.Drugs/QuoteLines",                "OK", "OK", "OK", "OK", D),
    ("/rx.v1.Drugs/CheckInteractions",         "OK", "OK", "OK", "OK", D),
    ("/rx.v1.Drugs/ReloadCatalog",             D, D, D, "OK", D),
    ("/rx.v1.Statistics/Query",                D, D, D, "OK", D),
    ("/rx.v1.Statistics/TopN",                 D, D, D, "OK", D),
    ("/rx.v1.Statistics/Rates",                D, D, D, "OK", D),
    ("/rx.v1.Statistics/ControlledSubstanceAlerts", D, D, D, "OK", D),
    ("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",      "OK", "OK", "OK", "OK", D),
    ("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", "OK", "OK", "OK", "OK", D),
]
CELLS = [(row[0], caller, expected) for row in MATRIX for caller, expected in zip(CALLERS, row[1:])]


class Calls:
    """Builds and runs one call of each method as a given caller."""

    def __init__(self, modules, server, channel_for, work_dir: Path):
        self.modules, self.server, self.channel_for, self.work_dir = modules, server, channel_for, work_dir
        self.stubs = Stubs(modules)
        self.pb = modules["rx/v1/prescriptions.proto"]
        self.content = modules["rx/v1/prescription.proto"]
        self.drugs = modules["rx/v1/drugs.proto"]
        with (REPO_ROOT / "tools" / "sample-data" / "catalog.csv").open(encoding="utf-8") as handle:
            self.row = next(csv.DictReader(handle))

    def fresh_code(self) -> str:
        """A new prescription of the hospital, not yet dispensed."""
        hospital = Prescriptions(self.modules, self.channel_for("hospital-prescriber"))
        return hospital.submit_signed(sign(ordinary(self.content).SerializeToString(), self.work_dir)).code

    def run(self, method: str, identity: str):
        channel = self.channel_for(identity)
        service, name = method.strip("/").split("/")
        if service == "grpc.health.v1.Health":
            h = self.stubs.health
            if name == "Watch":
                stream = self.stubs.watch(channel)(h.HealthCheckRequest(), timeout=CALL_TIMEOUT_S)
                first = next(stream)
                stream.cancel()
                return first
            call = self.stubs.check(channel) if name == "Check" else self.stubs.list(channel)
            return call(h.HealthCheckRequest() if name == "Check" else h.HealthListRequest(), timeout=CALL_TIMEOUT_S)
        if service == "rx.v1.Diagnostics":
            request = self.stubs.diagnostics.EchoRequest(sample=self.stubs.sample(), repeat=2)
            if name == "Echo":
                return self.stubs.echo(channel)(request, timeout=CALL_TIMEOUT_S)
            return list(self.stubs.echo_stream(channel)(request, timeout=CALL_TIMEOUT_S))
        if service == "rx.v1.Prescriptions":
            calls = Prescriptions(self.modules, channel)
            if name == "Submit":
                return calls.submit_signed(sign(ordinary(self.content).SerializeToString(), self.work_dir))
            if name == "AuditVerify":
                return calls.audit_verify(self.pb.AuditVerifyRequest(), timeout=CALL_TIMEOUT_S)
            code = self.fresh_code()
            if name == "Get":
                return calls.get_code(code)
            if name == "ExportFhir":
                # Dispensed by `pharmacy` first: a pharmacy may export what it has dispensed.
                Prescriptions(self.modules, self.channel_for("pharmacy")).dispense_lines(code, {1: 1})
                return calls.export_code(code)
            if name == "Dispense":
                return calls.dispense_lines(code, {1: 1})
            if name == "Cancel":
                return calls.cancel(self.pb.CancelPrescriptionRequest(code=code, reason="access review"),
                                    timeout=CALL_TIMEOUT_S)
            if name == "Replace":
                signed = sign(ordinary(self.content, replaces_code=code).SerializeToString(), self.work_dir)
                request = self.pb.ReplacePrescriptionRequest(signed_prescription=signed,
                                                             idempotency_key=uuid.uuid4().hex)
                return calls.replace(request, timeout=CALL_TIMEOUT_S)
        if service == "rx.v1.Drugs":
            d, number = self.drugs, self.row["so_dang_ky"]
            year, month, day = (int(x) for x in self.row["ngay_hieu_luc"].split("-"))
            requests = {
                "GetProduct": d.GetProductRequest(registration_number=number),
                "SearchProducts": d.SearchProductsRequest(query="paracetamol"),
                "GetPrice": d.GetPriceRequest(registration_number=number,
                                              date={"year": year, "month": month, "day": day}),
                "QuoteLines": d.QuoteLinesRequest(lines=[d.QuoteLine(registration_number=number, quantity=10)],
                                                  date={"year": 2030, "month": 1, "day": 1}),
                "CheckInteractions": d.CheckInteractionsRequest(
                    items=[d.InteractionItem(ingredient="warfarin"), d.InteractionItem(ingredient="aspirin")]),
                "ReloadCatalog": d.ReloadCatalogRequest(),
            }
            request = requests[name]
            response_type = getattr(d, type(request).__name__.replace("Request", "Response"))
            call = channel.unary_unary(method, request_serializer=type(request).SerializeToString,
                                       response_deserializer=response_type.FromString)
            return call(request, timeout=CALL_TIMEOUT_S)
        if service == "rx.v1.Statistics":
            # Query, TopN and Rates share fields 1-2 (from/to Unix seconds): from 0 to 2100-01-01, no
            # grouping. The streams are read to the end; Rates is unary.
            def varint(value: int) -> bytes:
                out = bytearray()
                while value > 0x7F:
                    out.append(value & 0x7F | 0x80)
                    value >>= 7
                return bytes(out + bytes([value]))
            whole_range = b"\x10" + varint(4_102_444_800)
            call_types = {
                "Query": ("unary_stream", whole_range), "TopN": ("unary_stream", whole_range),
                "Rates": ("unary_unary", whole_range), "ControlledSubstanceAlerts": ("unary_stream", b""),
            }
            kind, request = call_types[name]
            call = getattr(channel, kind)(method, request_serializer=None, response_deserializer=None)
            result = call(request, timeout=CALL_TIMEOUT_S)
            return list(result) if kind == "unary_stream" else result
        if service.startswith("grpc.reflection."):
            # ServerReflectionRequest{list_services: ""} (field 7), as raw bytes on the bidirectional stream.
            call = channel.stream_stream(method, request_serializer=None, response_deserializer=None)
            responses = call(iter([b"\x3a\x00"]), timeout=CALL_TIMEOUT_S)
            first = next(responses)
            responses.cancel()
            return first
        raise AssertionError(f"no call builder for {method}: add one with its row")


@pytest.fixture(scope="module")
def work_dir():
    with tempfile.TemporaryDirectory(prefix="rx-access-") as directory:
        yield Path(directory)


@pytest.fixture(scope="module")
def modules():
    return generate_stubs()


@pytest.fixture
def calls(modules, server, channel_for, work_dir):
    return Calls(modules, server, channel_for, work_dir)


def test_matrix_covers_every_method_the_server_enforces():
    table = subprocess.run([str(server_binary()), "roles"], capture_output=True, text=True, timeout=60, check=True)
    enforced = set(re.findall(r"^(/\S+)", table.stdout, re.MULTILINE))
    assert enforced == {row[0] for row in MATRIX}, (enforced ^ {row[0] for row in MATRIX})


@pytest.mark.parametrize("method, caller, expected", CELLS, ids=[f"{m.rsplit('/', 1)[1]}-{c}" for m, c, _ in CELLS])
def test_access(calls, method, caller, expected):
    try:
        calls.run(method, CALLERS[caller])
        outcome = "OK"
    except grpc.RpcError as error:
        outcome = error.code().name
        detail = error.details()
    else:
        detail = ""
    assert outcome == expected, f"{method} as {caller}: {outcome} ({detail}), expected {expected}"
    if outcome == D:
        assert detail, "a refusal must say what was refused"
