"""Interaction checking over real mTLS with grpcio: rx.v1.Drugs/CheckInteractions (names, registration
numbers, patient identifiers, roles), and Submit-time screening end to end — blocking without an override,
accepted and recorded with one, and across prescriptions of the same patient from different facilities.
Also: a dispense records the declared index price beside the price charged.

Each test uses a fresh citizen ID, so the shared server's other prescriptions never reach its patient.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import grpc
import pytest

from harness import generate_stubs
from prescription_helpers import (
    CALL_TIMEOUT_S, VALIDITY_S, Drugs, Prescriptions, catalog_product, count_rows, drug_line, prescription_for, query,
    random_citizen_id, rpc_error, rxctl, sign,
)

OVERRIDE_REASON = "Chỉ định của bác sĩ tim mạch; aspirin liều thấp 81 mg, theo dõi INR hằng tuần"


@pytest.fixture(scope="module")
def modules():
    return generate_stubs()


@pytest.fixture(scope="module")
def work_dir():
    with tempfile.TemporaryDirectory(prefix="rx-interactions-") as directory:
        yield Path(directory)


@pytest.fixture
def prescriptions(server, modules, channel_for):
    """`prescriptions("pharmacy")`: Prescriptions callables on a fresh connection as that facility."""
    return lambda identity="hospital-prescriber": Prescriptions(modules, channel_for(identity))


@pytest.fixture
def drugs(server, modules, channel_for):
    """`drugs("pharmacy")`: CheckInteractions on a fresh connection as that facility."""
    return lambda identity="hospital-prescriber": Drugs(modules, channel_for(identity))


@pytest.fixture(scope="module")
def products():
    return {name: catalog_product(name) for name in
            ("warfarin", "acetylsalicylic acid", "simvastatin", "clarithromycin", "paracetamol")}


def severity(modules, alert) -> str:
    return modules["rx/v1/drugs.proto"].InteractionSeverity.Name(alert.severity)


def pair(alert) -> set[str]:
    return {alert.ingredient_a, alert.ingredient_b}


def submit(prescriptions, modules, work_dir, lines, citizen_id, *, clinic=False, overrides=None):
    content = prescription_for(modules["rx/v1/prescription.proto"], lines, citizen_id, clinic=clinic,
                               overrides=overrides)
    signer, identity = ("doctor-2", "clinic-prescriber") if clinic else ("doctor-1", "hospital-prescriber")
    return prescriptions(identity).submit_signed(sign(content.SerializeToString(), work_dir, signer))


def override(a="warfarin", b="aspirin"):
    return [{"ingredient_a": a, "ingredient_b": b, "reason": OVERRIDE_REASON}]


# --------------------------------------------------------------------------- CheckInteractions


@pytest.mark.parametrize("aspirin", ["aspirin", "acetylsalicylic acid", "Acid acetylsalicylic"])
def test_check_by_ingredient_names_finds_contraindicated_warfarin_aspirin(drugs, modules, aspirin):
    response = drugs().check_items(ingredients=["warfarin", aspirin])
    assert len(response.alerts) == 1, response
    alert = response.alerts[0]
    assert severity(modules, alert) == "INTERACTION_SEVERITY_CONTRAINDICATED"
    assert pair(alert) == {"warfarin", "acetylsalicylic acid"}
    assert {alert.drug_a, alert.drug_b} == {"warfarin", "acetylsalicylic acid"}
    assert alert.rule_id == "DDI-0313"
    assert "ANSM" in alert.source and alert.clinical_effect and alert.management
    assert alert.other_prescription_code == ""


def test_check_by_registration_numbers_names_the_products(drugs, modules, products):
    simvastatin, clarithromycin = products["simvastatin"], products["clarithromycin"]
    response = drugs("pharmacy").check_items(
        registration_numbers=[simvastatin["so_dang_ky"], clarithromycin["so_dang_ky"].lower()])
    contraindicated = [a for a in response.alerts if severity(modules, a) == "INTERACTION_SEVERITY_CONTRAINDICATED"]
    assert len(contraindicated) == 1, response
    alert = contraindicated[0]
    assert pair(alert) == {"simvastatin", "clarithromycin"}
    assert alert.rule_id == "DDI-0001" and alert.source
    names = alert.drug_a + " | " + alert.drug_b
    assert simvastatin["ten_thuoc"] in names and clarithromycin["ten_thuoc"] in names, names
    assert simvastatin["so_dang_ky"] in names, names


def test_check_mixes_names_and_registration_numbers_and_silent_pairs_stay_silent(drugs, modules, products):
    mixed = drugs().check_items(ingredients=["clarithromycin"], registration_numbers=[products["simvastatin"]["so_dang_ky"]])
    assert [pair(a) for a in mixed.alerts] == [{"simvastatin", "clarithromycin"}]
    assert drugs().check_items(ingredients=["paracetamol", "amoxicillin"]).alerts == []


@pytest.mark.parametrize("items, patient_id, expected", [
    ({"ingredients": ["warfarin", "no-such-drug-xyz"]}, "", grpc.StatusCode.NOT_FOUND),
    ({"registration_numbers": ["VD-99999-99"]}, "", grpc.StatusCode.NOT_FOUND),
    ({}, "", grpc.StatusCode.INVALID_ARGUMENT),
    ({"ingredients": ["warfarin"]}, "not-a-patient", grpc.StatusCode.INVALID_ARGUMENT),
], ids=["unknown ingredient", "unknown registration number", "empty items", "malformed patient id"])
def test_check_refuses_bad_drafts(drugs, items, patient_id, expected):
    error = rpc_error(lambda: drugs().check_items(patient_id=patient_id, **items))
    assert error.code() == expected, error.details()
    if expected == grpc.StatusCode.NOT_FOUND:
        assert "no-such-drug-xyz" in error.details() or "VD-99999-99" in error.details()


@pytest.mark.parametrize("identity", ["hospital-prescriber", "clinic-prescriber", "pharmacy", "regulator"])
def test_every_facility_role_may_check(drugs, identity):
    assert len(drugs(identity).check_items(ingredients=["warfarin", "aspirin"]).alerts) == 1


def test_certificate_without_role_may_not_check(drugs):
    error = rpc_error(lambda: drugs("norole").check_items(ingredients=["warfarin", "aspirin"]))
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED, error.details()


def test_rxctl_interactions_checks_names_and_registration_numbers(server, products):
    result = rxctl(server.port, "interactions", "warfarin", "aspirin", "--json")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "DDI-0313" in text and "warfarin" in text and "acetylsalicylic acid" in text, text
    assert "CONTRAINDICATED" in text.upper()
    table = rxctl(server.port, "interactions", products["simvastatin"]["so_dang_ky"],
                  products["clarithromycin"]["so_dang_ky"], identity="pharmacy")
    assert table.returncode == 0, table.stderr
    for product in (products["simvastatin"], products["clarithromycin"]):
        assert f'{product["ten_thuoc"]} ({product["so_dang_ky"]})' in table.stdout, table.stdout
    assert "CONTRAINDICATED" in table.stdout and "Rhabdomyolysis" in table.stdout, table.stdout
    unknown = rxctl(server.port, "interactions", "warfarin", "no-such-drug-xyz")
    assert unknown.returncode != 0 and "NOT_FOUND" in unknown.stderr, unknown.stderr
    denied = rxctl(server.port, "interactions", "warfarin", "aspirin", identity="norole")
    assert denied.returncode != 0 and "PERMISSION_DENIED" in denied.stderr, denied.stderr


# --------------------------------------------------------------------------- Submit-time screening


def test_contraindicated_pair_in_one_prescription_is_refused_and_nothing_stored(
        server, prescriptions, modules, work_dir, products):
    lines = [drug_line(products["warfarin"]), drug_line(products["acetylsalicylic acid"])]
    tables = ("prescriptions", "prescription_lines", "prescription_idempotency", "interaction_overrides")
    before = {table: count_rows(server.data_dir, table) for table in tables}
    error = rpc_error(lambda: submit(prescriptions, modules, work_dir, lines, random_citizen_id()))
    assert error.code() == grpc.StatusCode.FAILED_PRECONDITION, error.details()
    assert "warfarin" in error.details() and "acetylsalicylic acid" in error.details(), error.details()
    assert "CONTRAINDICATED" in error.details() and "override" in error.details()
    assert {table: count_rows(server.data_dir, table) for table in tables} == before


def test_override_accepts_the_pair_returns_the_alert_and_records_it(server, prescriptions, modules, work_dir, products):
    lines = [drug_line(products["warfarin"]), drug_line(products["acetylsalicylic acid"])]
    overrides_before = count_rows(server.data_dir, "interaction_overrides")
    submitted = submit(prescriptions, modules, work_dir, lines, random_citizen_id(),
                       overrides=override("Aspirin", "warfarin"))
    alerts = [a for a in submitted.alerts if pair(a) == {"warfarin", "acetylsalicylic acid"}]
    assert len(alerts) == 1, submitted.alerts
    assert alerts[0].severity == "contraindicated" and alerts[0].source and alerts[0].rule_id == "DDI-0313"
    assert "overridden" in alerts[0].message and alerts[0].other_prescription_code == ""
    assert alerts[0].override_reason == OVERRIDE_REASON
    assert all(a.override_reason == "" for a in submitted.alerts if a is not alerts[0])

    recorded = query(server.data_dir, "SELECT ingredient_a, ingredient_b, reason, severity, rule_id, other_prescription_code"
                                      " FROM interaction_overrides WHERE code = ?", (submitted.code,))
    assert recorded == [("Aspirin", "warfarin", OVERRIDE_REASON, "contraindicated", "DDI-0313", "")]
    assert count_rows(server.data_dir, "interaction_overrides") == overrides_before + 1

    signed = prescriptions("pharmacy").get_code(submitted.code).prescription
    assert [(o.ingredient_a, o.ingredient_b, o.reason) for o in signed.interaction_overrides] == [
        ("Aspirin", "warfarin", OVERRIDE_REASON)]


def test_cross_prescription_screening_sees_the_other_facility(server, prescriptions, drugs, modules, work_dir, products):
    patient = random_citizen_id()
    first = submit(prescriptions, modules, work_dir, [drug_line(products["warfarin"])], patient)
    aspirin = [drug_line(products["acetylsalicylic acid"])]

    refused = rpc_error(lambda: submit(prescriptions, modules, work_dir, aspirin, patient, clinic=True))
    assert refused.code() == grpc.StatusCode.FAILED_PRECONDITION, refused.details()
    assert first.code in refused.details() and "warfarin" in refused.details(), refused.details()

    checked = drugs("clinic-prescriber").check_items(ingredients=["aspirin"], patient_id=patient)
    assert [(pair(a), a.other_prescription_code) for a in checked.alerts] == [
        ({"warfarin", "acetylsalicylic acid"}, first.code)]
    assert severity(modules, checked.alerts[0]) == "INTERACTION_SEVERITY_CONTRAINDICATED"
    assert drugs().check_items(ingredients=["aspirin"], patient_id=random_citizen_id()).alerts == []

    accepted = submit(prescriptions, modules, work_dir, aspirin, patient, clinic=True, overrides=override())
    cross = [a for a in accepted.alerts if a.other_prescription_code == first.code]
    assert len(cross) == 1 and pair(cross[0]) == {"warfarin", "acetylsalicylic acid"}, accepted.alerts
    assert cross[0].severity == "contraindicated" and first.code in cross[0].message
    assert cross[0].override_reason == OVERRIDE_REASON
    assert query(server.data_dir, "SELECT other_prescription_code, reason FROM interaction_overrides WHERE code = ?",
                 (accepted.code,)) == [(first.code, OVERRIDE_REASON)]

    cancel = prescriptions().pb.CancelPrescriptionRequest(code=first.code, reason="ngừng warfarin")
    prescriptions().cancel(cancel, timeout=CALL_TIMEOUT_S)
    again = submit(prescriptions, modules, work_dir, aspirin, patient, clinic=True)
    assert all(a.other_prescription_code != first.code for a in again.alerts), again.alerts
    after = drugs().check_items(ingredients=["warfarin"], patient_id=patient)
    assert first.code not in {a.other_prescription_code for a in after.alerts}
    assert {a.other_prescription_code for a in after.alerts} <= {accepted.code, again.code}


def test_fully_dispensed_prescription_no_longer_triggers(server, prescriptions, modules, work_dir, products):
    patient = random_citizen_id()
    first = submit(prescriptions, modules, work_dir, [drug_line(products["warfarin"], quantity=10)], patient)
    prescriptions("pharmacy").dispense_lines(first.code, {1: 10})
    accepted = submit(prescriptions, modules, work_dir, [drug_line(products["acetylsalicylic acid"])], patient, clinic=True)
    assert all(a.other_prescription_code != first.code for a in accepted.alerts), accepted.alerts


def test_expired_prescription_no_longer_triggers(server, prescriptions, drugs, modules, work_dir, products):
    patient = random_citizen_id()
    content = prescription_for(modules["rx/v1/prescription.proto"], [drug_line(products["warfarin"])], patient)
    # Issued just inside the 5-day window, so Submit accepts it and it expires a few seconds later.
    content.issued_at_unix_seconds = int(time.time()) - VALIDITY_S + 4
    first = prescriptions().submit_signed(sign(content.SerializeToString(), work_dir))
    assert [a.other_prescription_code for a in drugs().check_items(ingredients=["aspirin"], patient_id=patient).alerts] == [
        first.code]
    time.sleep(max(0.0, first.valid_until_unix_seconds - time.time()) + 1.5)
    assert drugs().check_items(ingredients=["aspirin"], patient_id=patient).alerts == []
    accepted = submit(prescriptions, modules, work_dir, [drug_line(products["acetylsalicylic acid"])], patient, clinic=True)
    assert all(a.other_prescription_code != first.code for a in accepted.alerts), accepted.alerts


# --------------------------------------------------------------------------- index price on dispense


def test_dispense_records_the_index_price_beside_the_price_charged(
        server, prescriptions, modules, work_dir, products, channel_for):
    paracetamol = products["paracetamol"]
    submitted = submit(prescriptions, modules, work_dir, [drug_line(paracetamol, quantity=10, days=5)],
                       random_citizen_id())
    pharmacy = prescriptions("pharmacy")
    request = pharmacy.pb.DispensePrescriptionRequest(code=submitted.code, idempotency_key="index-price-"
                                                      + submitted.code)
    request.lines.add(line_number=1, quantity=10, unit_price_vnd=987_654)
    pharmacy.dispense(request, timeout=CALL_TIMEOUT_S)

    drugs_pb = modules["rx/v1/drugs.proto"]
    get_price = channel_for("pharmacy").unary_unary(
        "/rx.v1.Drugs/GetPrice", request_serializer=drugs_pb.GetPriceRequest.SerializeToString,
        response_deserializer=drugs_pb.GetPriceResponse.FromString)
    price = get_price(drugs_pb.GetPriceRequest(registration_number=paracetamol["so_dang_ky"]), timeout=CALL_TIMEOUT_S)
    index_price = price.price.unit_price_vnd
    assert index_price > 0

    record = prescriptions("regulator").get_code(submitted.code).dispenses
    assert [(l.quantity, l.unit_price_vnd, l.reference_unit_price_vnd) for d in record for l in d.lines] == [
        (10, 987_654, index_price)]
