"""No patient's name, ID number or address in the server's logs: a private server at the most verbose
log level runs the prescription flows for every sample in Examples/prescriptions (submit, get, dispense,
cancel, refusals that carry patient data, an interaction check by patient ID, rxctl), and its whole
stderr is searched for each sample patient's identifying values, as written, JSON-escaped and folded
to unaccented lower case."""

from __future__ import annotations

import json
import tempfile
import unicodedata
import uuid
from pathlib import Path

import grpc

from harness import generate_stubs, secure_channel
from prescription_helpers import EXAMPLES_DIR, Prescriptions, prescription_from_readable, rxctl, sign

IDENTIFYING = ("full_name", "guardian_name", "citizen_id", "health_insurance_number", "address")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()


def needles(samples: dict[str, dict]) -> dict[str, str]:
    """Each identifying value of each sample patient, keyed by where it came from."""
    found = {}
    for name, readable in samples.items():
        patient = readable.get("patient", {})
        for key in IDENTIFYING:
            value = patient.get(key)
            if isinstance(value, str) and len(value) >= 6:
                found[f"{name}.{key}"] = value
    return found


def leaks(log_text: str, values: dict[str, str]) -> list[str]:
    escaped_log, folded_log = log_text, fold(log_text)
    hits = []
    for where, value in values.items():
        forms = {value, json.dumps(value)[1:-1]}
        if any(form in escaped_log for form in forms) or fold(value) in folded_log:
            hits.append(f"{where} = {value!r}")
    return hits


def test_the_matcher_finds_a_planted_value():
    values = {"x.full_name": "Trần Văn Bình", "x.citizen_id": "079078001234"}
    assert leaks('{"msg":"call","note":"Tr\\u1ea7n V\\u0103n B\\u00ecnh"}', values) == ["x.full_name = 'Trần Văn Bình'"]
    assert leaks('{"msg":"tran van binh"}', values) == ["x.full_name = 'Trần Văn Bình'"]
    assert leaks('{"id":"079078001234"}', values) == ["x.citizen_id = '079078001234'"]
    assert leaks('{"msg":"call","facility":"79088"}', values) == []


def test_no_patient_identity_in_logs_of_a_full_run(make_server):
    server = make_server("--log-level", "trace")
    modules = generate_stubs()
    content, pb = modules["rx/v1/prescription.proto"], modules["rx/v1/prescriptions.proto"]
    drugs = modules["rx/v1/drugs.proto"]
    samples = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES_DIR.glob("*.json"))}
    values = needles(samples)
    assert len(values) >= 4 * 3, values
    work_dir = Path(tempfile.mkdtemp(prefix="rx-log-privacy-"))
    prescriber = Prescriptions(modules, secure_channel(server.port, "hospital-prescriber"))
    pharmacy = Prescriptions(modules, secure_channel(server.port, "pharmacy"))
    outcomes = {}
    for name, readable in samples.items():
        message = prescription_from_readable(content, readable)
        try:
            code = prescriber.submit_signed(sign(message.SerializeToString(), work_dir)).code
            prescriber.get_code(code, include_signed=True)
            pharmacy.get_code(code)
            pharmacy.dispense_lines(code, {1: 1})
            prescriber.cancel(pb.CancelPrescriptionRequest(code=code, reason=f"nhầm bệnh nhân {name}"), timeout=30)
            outcomes[name] = "flow done"
        except grpc.RpcError as error:
            outcomes[name] = f"{error.code().name}: {error.details()}"
        # Refusals that carry the patient's data: a malformed ID, a clinic submitting it, a bad key reuse.
        broken = prescription_from_readable(content, readable)
        broken.patient.citizen_id = (readable["patient"].get("citizen_id") or "079000000000") + "X"
        for caller, signed in ((prescriber, sign(broken.SerializeToString(), work_dir)),
                               (Prescriptions(modules, secure_channel(server.port, "clinic-prescriber")),
                                sign(message.SerializeToString(), work_dir))):
            try:
                caller.submit_signed(signed)
            except grpc.RpcError:
                pass
        patient_id = readable["patient"].get("citizen_id") or readable["patient"].get("health_insurance_number", "")
        check = secure_channel(server.port, "pharmacy").unary_unary(
            "/rx.v1.Drugs/CheckInteractions", request_serializer=drugs.CheckInteractionsRequest.SerializeToString,
            response_deserializer=drugs.CheckInteractionsResponse.FromString)
        try:
            check(drugs.CheckInteractionsRequest(items=[drugs.InteractionItem(ingredient="warfarin")],
                                                 patient_id=patient_id), timeout=30)
        except grpc.RpcError:
            pass
    assert outcomes.get("ordinary") == "flow done", outcomes
    print(outcomes)
    assert rxctl(server.port, "submit", "Examples/prescriptions/ordinary.json", "--idempotency-key",
                 uuid.uuid4().hex).returncode == 0
    assert server.stop() == 0
    log_text = server.stderr_text()
    assert '"79088"' in log_text or "79088" in log_text, "the call log lines are missing: the search would be empty"
    assert len(server.lines) > 25, server.stderr_text(20)
    hits = leaks(log_text, values)
    assert not hits, f"patient data in the server log: {hits}"
