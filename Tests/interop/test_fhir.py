"""rx.v1.Prescriptions/ExportFhir and rxctl export CODE --fhir: the bundle validates against
fhir.resources' R4B models, and only the issuing facility, a pharmacy that dispensed the prescription
and regulators may export it."""

from __future__ import annotations

import base64
import importlib
import json
import re

import grpc
import pytest

from harness import generate_stubs, secure_channel
from prescription_helpers import Prescriptions, ordinary, rpc_error, rxctl, sign

fhir_r4b = pytest.importorskip("fhir.resources.R4B.bundle", reason="fhir.resources not installed")

PRESCRIPTION_CODE_NS = "http://fhir.hl7.org.vn/core/NamingSystem/vn-prescription-code-ns"
FACILITY_NS = "http://fhir.hl7.org.vn/core/NamingSystem/vn-ma-cskcb-ns"
CODE_FORMAT = re.compile(r"^\d{5}[0-9a-z]{7}-[CNH]$")
OFFSET_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$")


@pytest.fixture(scope="module")
def dispensed(server, tmp_path_factory) -> str:
    """An ordinary prescription, partly dispensed by one pharmacy."""
    modules = generate_stubs()
    work = tmp_path_factory.mktemp("fhir-sign")
    content = ordinary(modules["rx/v1/prescription.proto"]).SerializeToString()
    prescriber, pharmacy = secure_channel(server.port), secure_channel(server.port, "pharmacy")
    try:
        code = Prescriptions(modules, prescriber).submit_signed(sign(content, work)).code
        Prescriptions(modules, pharmacy).dispense_lines(code, {1: 2})
        return code
    finally:
        prescriber.close()
        pharmacy.close()


def export(server, code: str, tmp_path, identity: str = "hospital-prescriber") -> dict:
    out = tmp_path / "bundle.json"
    result = rxctl(server.port, "export", code, "--fhir", "--out", str(out), identity=identity)
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text())


def resources(bundle: dict, kind: str) -> list[dict]:
    return [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


def export_rpc(server, modules, code: str, identity: str):
    channel = secure_channel(server.port, identity)
    try:
        return Prescriptions(modules, channel).export_code(code)
    finally:
        channel.close()


def validate_r4b(bundle: dict) -> None:
    fhir_r4b.Bundle.model_validate(bundle)
    for entry in bundle["entry"]:
        kind = entry["resource"]["resourceType"]
        model = getattr(importlib.import_module(f"fhir.resources.R4B.{kind.lower()}"), kind)
        model.model_validate(entry["resource"])


@pytest.fixture(scope="module")
def modules():
    return generate_stubs()


def test_bundle_and_every_resource_validate_as_r4b(server, dispensed, tmp_path):
    bundle = export(server, dispensed, tmp_path)
    validate_r4b(bundle)
    kinds = {entry["resource"]["resourceType"] for entry in bundle["entry"]}
    assert kinds == {"Organization", "Practitioner", "Patient", "Medication", "MedicationRequest",
                     "MedicationDispense", "Provenance"}


def test_identifiers_follow_the_guide(server, dispensed, tmp_path):
    bundle = export(server, dispensed, tmp_path)
    assert CODE_FORMAT.match(dispensed)
    assert bundle["identifier"] == {"system": PRESCRIPTION_CODE_NS, "value": dispensed}
    requests = resources(bundle, "MedicationRequest")
    assert requests and all(r["identifier"][0] == {"system": PRESCRIPTION_CODE_NS, "value": dispensed} for r in requests)
    assert all(OFFSET_TIME.match(r["authoredOn"]) for r in requests)
    organizations = {o["identifier"][0]["value"] for o in resources(bundle, "Organization")}
    assert organizations == {"79088", "48102"}  # the issuing hospital and the dispensing pharmacy
    assert all(o["identifier"][0]["system"] == FACILITY_NS for o in resources(bundle, "Organization"))
    dispenses = resources(bundle, "MedicationDispense")
    assert [d["quantity"]["value"] for d in dispenses] == [2]
    assert OFFSET_TIME.match(dispenses[0]["whenHandedOver"])
    provenance = resources(bundle, "Provenance")[0]
    signature = base64.b64decode(provenance["signature"][0]["data"])
    assert signature[:1] == b"\x30"  # DER SEQUENCE: the CMS SignedData as submitted
    assert provenance["signature"][0]["sigFormat"] == "application/pkcs7-signature"


def test_export_of_unknown_code_fails(server, tmp_path):
    result = rxctl(server.port, "export", "79088zzzzzzz-C", "--fhir", "--out", str(tmp_path / "x.json"))
    assert result.returncode != 0 and "NOT_FOUND" in result.stderr


@pytest.mark.parametrize("identity", ["hospital-prescriber", "pharmacy", "regulator"])
def test_rpc_bundle_validates_for_issuer_dispensing_pharmacy_and_regulator(server, modules, dispensed, identity):
    response = export_rpc(server, modules, dispensed, identity)
    assert response.code == dispensed
    bundle = json.loads(response.bundle_json)
    validate_r4b(bundle)
    assert bundle["identifier"] == {"system": PRESCRIPTION_CODE_NS, "value": dispensed}
    assert len(resources(bundle, "MedicationDispense")) == 1
    assert resources(bundle, "Provenance")[0]["signature"][0]["data"]


@pytest.mark.parametrize("identity", ["clinic-prescriber", "pharmacy-2", "norole"])
def test_rpc_refuses_other_prescriber_pharmacy_that_did_not_dispense_and_no_role(server, modules, dispensed, identity):
    error = rpc_error(lambda: export_rpc(server, modules, dispensed, identity))
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED, error.details()
    assert error.details()


def test_rpc_unknown_code_is_not_found_and_garbage_is_invalid(server, modules):
    assert rpc_error(lambda: export_rpc(server, modules, "79088zzzzzzz-C", "regulator")).code() == \
        grpc.StatusCode.NOT_FOUND
    assert rpc_error(lambda: export_rpc(server, modules, "not a code", "regulator")).code() == \
        grpc.StatusCode.INVALID_ARGUMENT


@pytest.mark.parametrize("sample", ["ordinary", "child", "narcotic", "traditional"])
def test_every_sample_scenario_exports_a_valid_bundle(server, modules, tmp_path, sample):
    """Each prescription of Examples/prescriptions, submitted and exported by the issuing hospital."""
    from prescription_helpers import example, prescription_from_readable

    content = prescription_from_readable(modules["rx/v1/prescription.proto"], example(sample))
    channel = secure_channel(server.port)
    try:
        code = Prescriptions(modules, channel).submit_signed(sign(content.SerializeToString(), tmp_path)).code
    finally:
        channel.close()
    bundle = json.loads(export_rpc(server, modules, code, "hospital-prescriber").bundle_json)
    validate_r4b(bundle)
    requests = resources(bundle, "MedicationRequest")
    assert len(requests) == len(content.lines)
    for request in requests:
        assert {"system": PRESCRIPTION_CODE_NS, "value": code}.items() <= request["identifier"][0].items()
