"""rx.v1.Prescriptions over real mTLS with grpcio: the lifecycle, signature checks (signatures made by
the `openssl cms` command-line tool), idempotency, concurrent dispensing, roles, rxctl, and durability
across `kill -9`.
"""

from __future__ import annotations

import json
import signal
import subprocess
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import grpc
import pytest

from harness import CERTS_DIR, RxServer, generate_stubs, secure_channel
from prescription_helpers import (
    CALL_TIMEOUT_S, DOCTOR_1_CCHN, VALIDITY_S, Prescriptions, count_rows, doctor_subject, example,
    issue_signing_certificate, ordinary, prescription_from_readable, query, rpc_error, rxctl, sign, unknown_ca,
)


@pytest.fixture(scope="module")
def modules():
    return generate_stubs()


@pytest.fixture(scope="module")
def work_dir():
    with tempfile.TemporaryDirectory(prefix="rx-prescriptions-") as directory:
        yield Path(directory)


@pytest.fixture
def client(server, modules, channel_for):
    """`client("pharmacy")`: Prescriptions callables on a fresh connection as that facility."""
    return lambda identity="hospital-prescriber": Prescriptions(modules, channel_for(identity))


def status_name(modules, number: int) -> str:
    return modules["rx/v1/prescriptions.proto"].PrescriptionStatus.Name(number)


def submit(client, modules, work_dir, prescription=None, signer="doctor-1", identity="hospital-prescriber", **kwargs):
    content = prescription if prescription is not None else ordinary(modules["rx/v1/prescription.proto"], **kwargs)
    return client(identity).submit_signed(sign(content.SerializeToString(), work_dir, signer))


# --------------------------------------------------------------------------- lifecycle


def test_submit_get_partial_dispense_then_rest_completes(client, modules, work_dir):
    submitted = submit(client, modules, work_dir, quantities=[10, 4])
    assert len(submitted.code) == 14 and submitted.code.startswith("79088") and submitted.code.endswith("-C")
    assert status_name(modules, submitted.status) == "PRESCRIPTION_STATUS_ACTIVE"

    pharmacy = client("pharmacy")
    got = pharmacy.get_code(submitted.code)
    assert got.prescription.prescriber.practising_certificate_number == DOCTOR_1_CCHN
    assert [(l.line_number, l.remaining_quantity) for l in got.lines] == [(1, 10), (2, 4)]

    partial = pharmacy.dispense_lines(submitted.code, {1: 6})
    assert status_name(modules, partial.status) == "PRESCRIPTION_STATUS_PARTLY_DISPENSED"
    assert [(l.line_number, l.dispensed_quantity, l.remaining_quantity) for l in partial.lines] == [(1, 6, 4), (2, 0, 4)]

    rest = client("pharmacy-2").dispense_lines(submitted.code, {1: 4, 2: 4})
    assert status_name(modules, rest.status) == "PRESCRIPTION_STATUS_COMPLETED"
    assert all(l.remaining_quantity == 0 for l in rest.lines)

    final = client("regulator").get_code(submitted.code)
    assert status_name(modules, final.status) == "PRESCRIPTION_STATUS_COMPLETED"
    assert sorted(d.pharmacy_facility_code for d in final.dispenses) == ["48102", "92031"]
    more = rpc_error(lambda: pharmacy.dispense_lines(submitted.code, {1: 1}))
    assert more.code() == grpc.StatusCode.FAILED_PRECONDITION, more.details()


def test_openssl_signed_bytes_come_back_unchanged_and_verify(client, modules, work_dir):
    content = ordinary(modules["rx/v1/prescription.proto"]).SerializeToString()
    signed = sign(content, work_dir)
    code = client().submit_signed(signed).code
    got = client("regulator").get_code(code, include_signed=True)
    assert got.signed_prescription == signed, "the stored signed bytes must be the original ones"
    stored, out = work_dir / f"{code}.p7s", work_dir / f"{code}.out"
    stored.write_bytes(got.signed_prescription)
    subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", str(stored),
                    "-CAfile", str(CERTS_DIR / "signing-ca.crt"), "-out", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == content


@pytest.mark.parametrize("sample", ["ordinary", "child", "narcotic", "traditional"])
def test_every_sample_prescription_is_accepted(client, modules, work_dir, sample):
    content = prescription_from_readable(modules["rx/v1/prescription.proto"], example(sample))
    submitted = client().submit_signed(sign(content.SerializeToString(), work_dir))
    letter = {"ordinary": "C", "child": "C", "narcotic": "N"}.get(sample)
    if letter:
        assert submitted.code.upper().endswith("-" + letter)


# --------------------------------------------------------------------------- refusals


def _refusal_cases(modules, work_dir):
    content_module = modules["rx/v1/prescription.proto"]
    content = ordinary(content_module).SerializeToString()

    def altered():
        signed = bytearray(sign(content, work_dir))
        needle = "Trần Văn Bình".encode()
        offset = bytes(signed).find(needle)
        assert offset > 0
        signed[offset] ^= 0x01
        return bytes(signed)

    def unknown_signer():
        ca_cert, ca_key = unknown_ca(work_dir / "unknown")
        cert, key = issue_signing_certificate(work_dir, "impostor", doctor_subject(), ca_cert=ca_cert, ca_key=ca_key)
        return sign(content, work_dir, cert=cert, key=key)

    def expired_signer():
        cert, key = issue_signing_certificate(
            work_dir, "expired-doctor", doctor_subject(), ca_cert=CERTS_DIR / "signing-ca.crt",
            ca_key=CERTS_DIR / "signing-ca.key", start="20200101000000Z", end="20201231235959Z")
        return sign(content, work_dir, cert=cert, key=key)

    def other_cchn():
        cert, key = issue_signing_certificate(
            work_dir, "colleague", doctor_subject(cchn="000999/HCM-CCHN", name="Lê Văn Khác"),
            ca_cert=CERTS_DIR / "signing-ca.crt", ca_key=CERTS_DIR / "signing-ca.key")
        return sign(content, work_dir, cert=cert, key=key)

    return {
        # name: (identity, signed bytes factory, expected status, word the message must contain)
        "altered content": ("hospital-prescriber", altered, grpc.StatusCode.INVALID_ARGUMENT, "signature"),
        "unknown CA": ("hospital-prescriber", unknown_signer, grpc.StatusCode.PERMISSION_DENIED, "trusted"),
        "expired signing certificate": ("hospital-prescriber", expired_signer, grpc.StatusCode.PERMISSION_DENIED, "expired"),
        "doctor-2 signs doctor-1's prescription": (
            "hospital-prescriber", lambda: sign(content, work_dir, "doctor-2"), grpc.StatusCode.PERMISSION_DENIED, "facility"),
        "same facility, other practising certificate": (
            "hospital-prescriber", other_cchn, grpc.StatusCode.PERMISSION_DENIED, "practising"),
        "clinic submits a 79088 prescription": (
            "clinic-prescriber", lambda: sign(content, work_dir), grpc.StatusCode.PERMISSION_DENIED, "facility"),
        "facility TLS key instead of a doctor's": (
            "hospital-prescriber", lambda: sign(content, work_dir, "hospital-prescriber"),
            grpc.StatusCode.PERMISSION_DENIED, "trusted"),
        "garbage instead of CMS": (
            "hospital-prescriber", lambda: b"\x30\x82garbage, not CMS", grpc.StatusCode.INVALID_ARGUMENT, "malformed"),
        "detached signature": (
            "hospital-prescriber", lambda: sign(content, work_dir, detached=True), grpc.StatusCode.INVALID_ARGUMENT,
            "not attached"),
    }


REFUSALS = [
    "altered content", "unknown CA", "expired signing certificate", "doctor-2 signs doctor-1's prescription",
    "same facility, other practising certificate", "clinic submits a 79088 prescription",
    "facility TLS key instead of a doctor's", "garbage instead of CMS", "detached signature",
]


@pytest.mark.parametrize("case", REFUSALS)
def test_refused_submission_stores_nothing(server, client, modules, work_dir, case):
    identity, make_signed, expected, word = _refusal_cases(modules, work_dir)[case]
    signed = make_signed()
    before = {table: count_rows(server.data_dir, table)
              for table in ("prescriptions", "prescription_lines", "prescription_idempotency")}
    error = rpc_error(lambda: client(identity).submit_signed(signed))
    assert error.code() == expected, f"{case}: {error.code()} {error.details()}"
    assert word.lower() in (error.details() or "").lower(), f"{case}: unclear message {error.details()!r}"
    after = {table: count_rows(server.data_dir, table) for table in before}
    assert after == before, f"{case}: rows changed {before} -> {after}"


def test_get_unknown_code_and_non_code(client):
    pharmacy = client("pharmacy")
    assert rpc_error(lambda: pharmacy.get_code("79088zzzzzzz-C")).code() == grpc.StatusCode.NOT_FOUND
    assert rpc_error(lambda: pharmacy.get_code("not a code")).code() == grpc.StatusCode.INVALID_ARGUMENT


# --------------------------------------------------------------------------- idempotency


def test_idempotent_submit_and_dispense(server, client, modules, work_dir):
    content_module = modules["rx/v1/prescription.proto"]
    signed = sign(ordinary(content_module, quantities=[5]).SerializeToString(), work_dir)
    key = uuid.uuid4().hex
    before = count_rows(server.data_dir, "prescriptions")
    first = client().submit_signed(signed, key=key)
    again = client().submit_signed(signed, key=key)
    assert again.code == first.code
    assert count_rows(server.data_dir, "prescriptions") == before + 1

    other = sign(ordinary(content_module, quantities=[6]).SerializeToString(), work_dir)
    conflict = rpc_error(lambda: client().submit_signed(other, key=key))
    assert conflict.code() == grpc.StatusCode.ALREADY_EXISTS, conflict.details()

    pharmacy = client("pharmacy")
    dispense_key = uuid.uuid4().hex
    one = pharmacy.dispense_lines(first.code, {1: 2}, key=dispense_key)
    two = pharmacy.dispense_lines(first.code, {1: 2}, key=dispense_key)
    assert two.dispense_id == one.dispense_id
    assert [l.dispensed_quantity for l in pharmacy.get_code(first.code).lines] == [2]


# --------------------------------------------------------------------------- concurrency


def test_fifty_concurrent_dispenses_from_two_pharmacies_never_over_dispense(server, modules, work_dir, client):
    prescribed = 30
    code = submit(client, modules, work_dir, quantities=[prescribed]).code
    pharmacies = {name: Prescriptions(modules, secure_channel(server.port, name)) for name in ("pharmacy", "pharmacy-2")}
    start = threading.Barrier(50)

    def attempt(index: int):
        name = "pharmacy" if index % 2 else "pharmacy-2"
        start.wait(timeout=30)
        try:
            pharmacies[name].dispense_lines(code, {1: 1})
            return name, "ok"
        except grpc.RpcError as error:
            return name, error.code()

    with ThreadPoolExecutor(max_workers=50) as pool:
        outcomes = list(pool.map(attempt, range(50)))
    granted = [name for name, outcome in outcomes if outcome == "ok"]
    refused = [outcome for _, outcome in outcomes if outcome != "ok"]
    assert len(granted) == prescribed, outcomes
    assert set(refused) == {grpc.StatusCode.FAILED_PRECONDITION}, outcomes
    final = client("regulator").get_code(code)
    assert final.lines[0].dispensed_quantity == prescribed and final.lines[0].remaining_quantity == 0
    handed_out = sum(line.quantity for record in final.dispenses for line in record.lines)
    assert handed_out == prescribed
    assert status_name(modules, final.status) == "PRESCRIPTION_STATUS_COMPLETED"


# --------------------------------------------------------------------------- cancel, expiry, replace


def test_cancelled_prescription_cannot_be_dispensed(client, modules, work_dir):
    code = submit(client, modules, work_dir).code
    other = rpc_error(lambda: client("clinic-prescriber").cancel(
        client().pb.CancelPrescriptionRequest(code=code, reason="not ours"), timeout=CALL_TIMEOUT_S))
    assert other.code() == grpc.StatusCode.PERMISSION_DENIED, other.details()
    hospital = client()
    cancelled = hospital.cancel(hospital.pb.CancelPrescriptionRequest(code=code, reason="kê nhầm bệnh nhân"),
                                timeout=CALL_TIMEOUT_S)
    assert status_name(modules, cancelled.status) == "PRESCRIPTION_STATUS_CANCELLED"
    refused = rpc_error(lambda: client("pharmacy").dispense_lines(code, {1: 1}))
    assert refused.code() == grpc.StatusCode.FAILED_PRECONDITION, refused.details()
    history = client("pharmacy").get_code(code).status_history
    assert any(change.reason == "kê nhầm bệnh nhân" for change in history)


def test_expired_prescription_cannot_be_dispensed(client, modules, work_dir):
    # Issued just inside the 5-day window, so Submit accepts it and it expires a few seconds later.
    issued_at = int(time.time()) - VALIDITY_S + 4
    submitted = submit(client, modules, work_dir, issued_at=issued_at)
    assert submitted.valid_until_unix_seconds == issued_at + VALIDITY_S
    time.sleep(max(0.0, submitted.valid_until_unix_seconds - time.time()) + 1.5)
    refused = rpc_error(lambda: client("pharmacy").dispense_lines(submitted.code, {1: 1}))
    assert refused.code() == grpc.StatusCode.FAILED_PRECONDITION, refused.details()
    assert "expire" in refused.details().lower()
    got = client("pharmacy").get_code(submitted.code)
    assert status_name(modules, got.status) == "PRESCRIPTION_STATUS_EXPIRED"


def test_replace_supersedes_and_old_code_is_not_dispensable(client, modules, work_dir):
    content_module = modules["rx/v1/prescription.proto"]
    old = submit(client, modules, work_dir).code
    correction = ordinary(content_module, quantities=[14], replaces_code=old)
    hospital = client()
    signed = sign(correction.SerializeToString(), work_dir)
    new = hospital.replace(hospital.pb.ReplacePrescriptionRequest(signed_prescription=signed,
                                                                  idempotency_key=uuid.uuid4().hex),
                           timeout=CALL_TIMEOUT_S).code
    assert new != old
    got = client("pharmacy").get_code(old)
    assert status_name(modules, got.status) == "PRESCRIPTION_STATUS_REPLACED"
    assert got.replaced_by_code == new
    assert rpc_error(lambda: client("pharmacy").dispense_lines(old, {1: 1})).code() == grpc.StatusCode.FAILED_PRECONDITION
    client("pharmacy").dispense_lines(new, {1: 1})
    late = ordinary(content_module, quantities=[7], replaces_code=new)
    refused = rpc_error(lambda: hospital.replace(hospital.pb.ReplacePrescriptionRequest(
        signed_prescription=sign(late.SerializeToString(), work_dir), idempotency_key=uuid.uuid4().hex),
        timeout=CALL_TIMEOUT_S))
    assert refused.code() == grpc.StatusCode.FAILED_PRECONDITION, refused.details()


# --------------------------------------------------------------------------- roles


def test_every_role_sees_only_what_it_may(client, modules, work_dir):
    code = submit(client, modules, work_dir).code
    for identity in ("hospital-prescriber", "pharmacy", "pharmacy-2", "regulator"):
        assert client(identity).get_code(code).code == code, identity
    for identity in ("clinic-prescriber", "norole"):
        error = rpc_error(lambda: client(identity).get_code(code))
        assert error.code() == grpc.StatusCode.PERMISSION_DENIED, (identity, error.details())

    signed = sign(ordinary(modules["rx/v1/prescription.proto"]).SerializeToString(), work_dir)
    for identity in ("pharmacy", "regulator", "norole"):
        error = rpc_error(lambda: client(identity).submit_signed(signed))
        assert error.code() == grpc.StatusCode.PERMISSION_DENIED, (identity, "Submit", error.details())
    for identity in ("hospital-prescriber", "regulator", "norole"):
        error = rpc_error(lambda: client(identity).dispense_lines(code, {1: 1}))
        assert error.code() == grpc.StatusCode.PERMISSION_DENIED, (identity, "Dispense", error.details())
    for identity in ("pharmacy", "regulator"):
        pb = client().pb
        error = rpc_error(lambda: client(identity).cancel(pb.CancelPrescriptionRequest(code=code, reason="x"),
                                                          timeout=CALL_TIMEOUT_S))
        assert error.code() == grpc.StatusCode.PERMISSION_DENIED, (identity, "Cancel", error.details())
    for identity in ("hospital-prescriber", "pharmacy"):
        pb = client().pb
        error = rpc_error(lambda: client(identity).audit_verify(pb.AuditVerifyRequest(), timeout=CALL_TIMEOUT_S))
        assert error.code() == grpc.StatusCode.PERMISSION_DENIED, (identity, "AuditVerify", error.details())
    pb = client().pb
    verdict = client("regulator").audit_verify(pb.AuditVerifyRequest(), timeout=CALL_TIMEOUT_S)
    assert verdict.intact and verdict.entries_checked > 0, verdict


# --------------------------------------------------------------------------- rxctl


def test_rxctl_submit_get_dispense_cancel_audit(server):
    submitted = rxctl(server.port, "submit", "Examples/prescriptions/ordinary.json", "--json")
    assert submitted.returncode == 0, submitted.stderr
    code = json.loads(submitted.stdout)["code"]

    table = rxctl(server.port, "get", code, identity="pharmacy")
    assert table.returncode == 0 and code in table.stdout and "REMAINING" in table.stdout, table.stderr

    dispensed = rxctl(server.port, "dispense", code, "--line", "1=5", "--price", "1=1500", "--json", identity="pharmacy")
    assert dispensed.returncode == 0, dispensed.stderr
    answer = json.loads(dispensed.stdout)
    assert answer["status"] == "PARTLY_DISPENSED" and answer["lines"][0]["dispensed_quantity"] == 5

    got = json.loads(rxctl(server.port, "get", code, "--json", identity="regulator").stdout)
    assert got["prescription"]["prescriber"]["practising_certificate_number"] == DOCTOR_1_CCHN
    assert got["lines"][0]["remaining_quantity"] == got["lines"][0]["prescribed_quantity"] - 5

    cancelled = rxctl(server.port, "cancel", code, "--reason", "bệnh nhân đổi ý", "--json")
    assert cancelled.returncode == 0 and json.loads(cancelled.stdout)["status"] == "CANCELLED", cancelled.stderr

    refused = rxctl(server.port, "dispense", code, "--line", "1=1", identity="pharmacy")
    assert refused.returncode != 0 and "FAILED_PRECONDITION" in refused.stderr, refused.stderr
    missing = rxctl(server.port, "get", "79088zzzzzzz-C", identity="pharmacy")
    assert missing.returncode != 0 and "NOT_FOUND" in missing.stderr, missing.stderr

    audit = rxctl(server.port, "audit", "verify", "--json", identity="regulator")
    assert audit.returncode == 0 and json.loads(audit.stdout)["intact"] is True, audit.stdout + audit.stderr


def test_rxctl_reports_unknown_json_key_before_sending(server, work_dir):
    broken = example("ordinary")
    broken["lines"][0]["quantiy"] = 3
    path = work_dir / "typo.json"
    path.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    result = rxctl(server.port, "submit", str(path))
    assert result.returncode != 0 and "quantiy" in result.stderr, result.stderr


# --------------------------------------------------------------------------- durability


def test_acknowledged_operations_survive_kill_9(modules, work_dir):
    first = RxServer().start()
    try:
        data_dir = first.data_dir
        content_module = modules["rx/v1/prescription.proto"]
        signed = [sign(ordinary(content_module, quantities=[8, 4]).SerializeToString(), work_dir) for _ in range(6)]
        acknowledged_codes: list[str] = []
        acknowledged_dispenses: dict[str, int] = {}
        lock = threading.Lock()
        stop = threading.Event()

        def prescriber():
            calls = Prescriptions(modules, secure_channel(first.port, "hospital-prescriber"))
            index = 0
            while not stop.is_set():
                try:
                    code = calls.submit_signed(signed[index % len(signed)]).code
                except grpc.RpcError:
                    return
                with lock:
                    acknowledged_codes.append(code)
                index += 1

        def pharmacist(name: str):
            calls = Prescriptions(modules, secure_channel(first.port, name))
            seen = 0
            while not stop.is_set():
                with lock:
                    codes = list(acknowledged_codes)
                if seen >= len(codes):
                    time.sleep(0.01)
                    continue
                code = codes[seen]
                seen += 1
                try:
                    calls.dispense_lines(code, {1: 1})
                except grpc.RpcError as error:
                    if error.code() == grpc.StatusCode.UNAVAILABLE:
                        return
                    continue
                with lock:
                    acknowledged_dispenses[code] = acknowledged_dispenses.get(code, 0) + 1

        workers = [threading.Thread(target=prescriber), threading.Thread(target=prescriber),
                   threading.Thread(target=pharmacist, args=("pharmacy",)),
                   threading.Thread(target=pharmacist, args=("pharmacy-2",))]
        for worker in workers:
            worker.start()
        time.sleep(4)
        first.send_signal(signal.SIGKILL)
        first.wait_exit()
        stop.set()
        for worker in workers:
            worker.join(timeout=CALL_TIMEOUT_S + 5)
        assert acknowledged_codes, "no submission was acknowledged before the kill"
        assert acknowledged_dispenses, "no dispense was acknowledged before the kill"
        print(f"acknowledged before kill -9: {len(acknowledged_codes)} submissions, "
              f"{sum(acknowledged_dispenses.values())} dispenses")

        second = RxServer()
        second.data_dir.rmdir()
        second.data_dir = data_dir
        second.args[second.args.index("--data-dir") + 1] = str(data_dir)
        second.start()
        try:
            regulator = Prescriptions(modules, secure_channel(second.port, "regulator"))
            for code in set(acknowledged_codes):
                got = regulator.get_code(code)
                assert got.lines[0].dispensed_quantity >= acknowledged_dispenses.get(code, 0), code
                assert all(l.dispensed_quantity <= l.prescribed_quantity for l in got.lines), code
            verdict = regulator.audit_verify(regulator.pb.AuditVerifyRequest(), timeout=CALL_TIMEOUT_S)
            assert verdict.intact, verdict
        finally:
            assert second.stop() == 0
        over = query(data_dir, """
            SELECT l.code, l.line_number, l.quantity, l.dispensed, COALESCE(SUM(d.quantity), 0)
            FROM (SELECT p.code AS code, l.line_number, l.quantity, l.dispensed FROM prescription_lines l
                  JOIN prescriptions p ON p.id = l.prescription_id) l
            LEFT JOIN dispenses s ON s.code = l.code
            LEFT JOIN dispense_lines d ON d.dispense_id = s.id AND d.line_number = l.line_number
            GROUP BY l.code, l.line_number
            HAVING l.dispensed > l.quantity OR l.dispensed != COALESCE(SUM(d.quantity), 0)""")
        assert over == [], over
        audit = subprocess.run([str(second.binary), "audit", "verify", "--data-dir", str(data_dir)],
                               capture_output=True, text=True, timeout=120)
        assert audit.returncode == 0, audit.stdout + audit.stderr
    finally:
        first.cleanup()
