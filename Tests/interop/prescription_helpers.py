"""Helpers for the prescription tests: building and signing prescriptions, the Prescriptions stubs,
throwaway signing certificates, and reading the server's database.

Signatures are made with the `openssl cms` command-line tool, an implementation independent of the
server's, so an accepted submission proves interoperability rather than agreement with ourselves.
Sample content comes from Examples/prescriptions/*.json (the readable format rxctl reads), so the
registration numbers live in one place.
"""

from __future__ import annotations

import copy
import json
import sqlite3
import subprocess
import time
import uuid
from pathlib import Path
from types import ModuleType

import grpc
from google.protobuf import json_format

from harness import CERTS_DIR, REPO_ROOT, server_binary

EXAMPLES_DIR = REPO_ROOT / "Examples" / "prescriptions"
CALL_TIMEOUT_S = 30
VALIDITY_S = 5 * 86_400

DOCTOR_1_CCHN = "000123/HCM-CCHN"
DOCTOR_2_CCHN = "004567/HNO-CCHN"


# --------------------------------------------------------------------------- content


def example(name: str) -> dict:
    """The readable JSON of Examples/prescriptions/NAME.json."""
    return json.loads((EXAMPLES_DIR / f"{name}.json").read_text(encoding="utf-8"))


def _date(text: str) -> dict:
    year, month, day = (int(part) for part in text.split("-"))
    return {"year": year, "month": month, "day": day}


def prescription_from_readable(module: ModuleType, readable: dict, issued_at: int | None = None):
    """Converts rxctl's readable JSON to an rx.v1.Prescription (the same rules as docs/rxctl.md)."""
    data = copy.deepcopy(readable)
    data["type"] = "PRESCRIPTION_TYPE_" + data.get("type", "UNSPECIFIED").upper()
    seconds = data.pop("issued_at_unix_seconds", None)
    if "issued_at" in data:
        from datetime import datetime

        seconds = int(datetime.fromisoformat(data.pop("issued_at").replace("Z", "+00:00")).timestamp())
    data["issued_at_unix_seconds"] = str(issued_at if issued_at is not None else (seconds or int(time.time())))
    patient = data.get("patient", {})
    if "date_of_birth" in patient:
        patient["date_of_birth"] = _date(patient["date_of_birth"])
    if "sex" in patient:
        patient["sex"] = "SEX_" + patient["sex"].upper()
    if "follow_up_date" in data:
        data["follow_up_date"] = _date(data["follow_up_date"])
    for index, line in enumerate(data.get("lines", []), start=1):
        line.setdefault("line_number", index)
    return json_format.ParseDict(data, module.Prescription())


def ordinary(module: ModuleType, quantities: list[int] | None = None, issued_at: int | None = None, **overrides):
    """The ordinary sample (facility 79088, doctor-1), optionally with other line quantities."""
    readable = example("ordinary")
    readable.update(overrides)
    if quantities is not None:
        readable["lines"] = readable["lines"][: len(quantities)]
        for line, quantity in zip(readable["lines"], quantities):
            line["quantity"] = quantity
    return prescription_from_readable(module, readable, issued_at=issued_at)


# --------------------------------------------------------------------------- signing


def sign(content: bytes, work_dir: Path, signer: str = "doctor-1", cert: Path | None = None, key: Path | None = None,
         detached: bool = False) -> bytes:
    """CMS SignedData (DER, content attached) made by `openssl cms -sign`."""
    cert = cert or CERTS_DIR / f"{signer}.crt"
    key = key or CERTS_DIR / f"{signer}.key"
    name = uuid.uuid4().hex
    source, output = work_dir / f"{name}.bin", work_dir / f"{name}.p7s"
    source.write_bytes(content)
    command = ["openssl", "cms", "-sign", "-binary", "-outform", "DER", "-signer", str(cert), "-inkey", str(key),
               "-in", str(source), "-out", str(output)]
    if not detached:
        command.append("-nodetach")
    subprocess.run(command, check=True, capture_output=True, timeout=30)
    return output.read_bytes()


def openssl(*args: str, cwd: Path | None = None) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=30, cwd=cwd)


def issue_signing_certificate(work_dir: Path, name: str, subject: list[str], *, ca_cert: Path, ca_key: Path,
                              start: str | None = None, end: str | None = None) -> tuple[Path, Path]:
    """A doctor's signing certificate issued by `ca_cert` through `openssl ca` in a scratch CA state.

    `start`/`end` (YYYYMMDDHHMMSSZ) give explicit validity, e.g. an expired certificate.
    """
    state = work_dir / f"ca-{name}-{uuid.uuid4().hex[:8]}"
    (state / "new").mkdir(parents=True)
    (state / "index.txt").write_text("")
    (state / "serial").write_text("1" + uuid.uuid4().hex[:15] + "\n")
    (state / "ca.cnf").write_text(f"""
[ca]
default_ca = scratch
[scratch]
dir = {state}
database = $dir/index.txt
new_certs_dir = $dir/new
serial = $dir/serial
default_md = sha256
policy = anything
unique_subject = no
string_mask = utf8only
preserve = yes
email_in_dn = no
[anything]
countryName = optional
organizationName = optional
organizationIdentifier = optional
serialNumber = optional
commonName = optional
[signer_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
""", encoding="utf-8")
    key, request, cert = state / f"{name}.key", state / f"{name}.csr", state / f"{name}.crt"
    request_config = state / f"{name}.req.cnf"
    request_config.write_text(
        "[req]\nprompt = no\nutf8 = yes\nstring_mask = utf8only\ndistinguished_name = dn\n[dn]\n"
        + "\n".join(subject) + "\n", encoding="utf-8")
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", str(key))
    openssl("req", "-new", "-utf8", "-config", str(request_config), "-key", str(key), "-out", str(request))
    validity = ["-startdate", start, "-enddate", end] if start and end else ["-days", "30"]
    openssl("ca", "-batch", "-utf8", "-notext", "-config", str(state / "ca.cnf"), "-cert", str(ca_cert),
            "-keyfile", str(ca_key), "-extensions", "signer_ext", "-in", str(request), "-out", str(cert), *validity)
    return cert, key


def unknown_ca(work_dir: Path) -> tuple[Path, Path]:
    """A fresh self-signed CA that the server does not trust."""
    work_dir.mkdir(parents=True, exist_ok=True)
    key, cert = work_dir / "unknown-ca.key", work_dir / "unknown-ca.crt"
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", str(key))
    openssl("req", "-new", "-x509", "-key", str(key), "-days", "30", "-subj", "/C=VN/O=Unknown/CN=Unknown Signing CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            "-out", str(cert))
    return cert, key


def doctor_subject(cchn: str = DOCTOR_1_CCHN, facility: str = "79088", name: str = "Nguyễn Thị Lan") -> list[str]:
    return ["C = VN", "O = Bệnh viện Đa khoa Thử nghiệm Sài Gòn", f"organizationIdentifier = {facility}",
            f"serialNumber = {cchn}", f"CN = {name}"]


# --------------------------------------------------------------------------- calls


class Prescriptions:
    """Callables for rx.v1.Prescriptions on one channel."""

    def __init__(self, modules: dict[str, ModuleType], channel: grpc.Channel):
        self.pb = modules["rx/v1/prescriptions.proto"]
        self.content = modules["rx/v1/prescription.proto"]
        pb = self.pb

        def method(name: str, request, response):
            return channel.unary_unary(f"/rx.v1.Prescriptions/{name}", request_serializer=request.SerializeToString,
                                       response_deserializer=response.FromString)

        self.submit = method("Submit", pb.SubmitPrescriptionRequest, pb.SubmitPrescriptionResponse)
        self.get = method("Get", pb.GetPrescriptionRequest, pb.GetPrescriptionResponse)
        self.dispense = method("Dispense", pb.DispensePrescriptionRequest, pb.DispensePrescriptionResponse)
        self.cancel = method("Cancel", pb.CancelPrescriptionRequest, pb.CancelPrescriptionResponse)
        self.replace = method("Replace", pb.ReplacePrescriptionRequest, pb.SubmitPrescriptionResponse)
        self.audit_verify = method("AuditVerify", pb.AuditVerifyRequest, pb.AuditVerifyResponse)
        self.export_fhir = method("ExportFhir", pb.ExportFhirRequest, pb.ExportFhirResponse)

    def submit_signed(self, signed: bytes, key: str | None = None):
        request = self.pb.SubmitPrescriptionRequest(signed_prescription=signed, idempotency_key=key or uuid.uuid4().hex)
        return self.submit(request, timeout=CALL_TIMEOUT_S)

    def get_code(self, code: str, include_signed: bool = False):
        request = self.pb.GetPrescriptionRequest(code=code, include_signed_prescription=include_signed)
        return self.get(request, timeout=CALL_TIMEOUT_S)

    def export_code(self, code: str):
        return self.export_fhir(self.pb.ExportFhirRequest(code=code), timeout=CALL_TIMEOUT_S)

    def dispense_lines(self, code: str, lines: dict[int, int], key: str | None = None, substitutes: dict | None = None):
        request = self.pb.DispensePrescriptionRequest(code=code, idempotency_key=key or uuid.uuid4().hex)
        for number, quantity in sorted(lines.items()):
            request.lines.add(line_number=number, quantity=quantity,
                              registration_number=(substitutes or {}).get(number, ""))
        return self.dispense(request, timeout=CALL_TIMEOUT_S)


def rpc_error(call) -> grpc.RpcError:
    """Runs `call` and returns the RpcError it must raise."""
    try:
        result = call()
    except grpc.RpcError as error:
        return error
    raise AssertionError(f"expected an RPC error, got {result!r}")


# --------------------------------------------------------------------------- database


def database_file(data_dir: Path) -> Path:
    candidates = [p for p in data_dir.iterdir() if p.is_file() and p.suffix in (".sqlite", ".sqlite3", ".db")]
    if len(candidates) != 1:
        raise AssertionError(f"expected one database file in {data_dir}, found {[p.name for p in data_dir.iterdir()]}")
    return candidates[0]


def count_rows(data_dir: Path, table: str) -> int:
    """Rows of `table`, read through a read-only connection (WAL lets it run beside the server)."""
    connection = sqlite3.connect(f"file:{database_file(data_dir)}?mode=ro", uri=True, timeout=10)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def query(data_dir: Path, sql: str, params: tuple = ()) -> list[tuple]:
    connection = sqlite3.connect(f"file:{database_file(data_dir)}?mode=ro", uri=True, timeout=10)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


# --------------------------------------------------------------------------- rxctl


def rxctl_binary() -> Path:
    path = server_binary().parent / "rxctl"
    if not path.is_file():
        subprocess.run(["swift", "build", "--product", "rxctl"], cwd=REPO_ROOT, check=True, timeout=1800)
    return path


def rxctl(port: int, *args: str, identity: str = "hospital-prescriber") -> subprocess.CompletedProcess:
    """Runs rxctl against the server as `identity`; returns the completed process (not checked)."""
    connection = ["--server", f"localhost:{port}", "--cert", str(CERTS_DIR / f"{identity}.crt"),
                  "--key", str(CERTS_DIR / f"{identity}.key"), "--ca", str(CERTS_DIR / "ca.crt")]
    return subprocess.run([str(rxctl_binary()), *args, *connection], capture_output=True, text=True, timeout=60,
                          cwd=REPO_ROOT)


# --------------------------------------------------------------------------- catalog lines and patients

CATALOG_FILE = REPO_ROOT / "tools" / "sample-data" / "catalog.csv"

CLINIC = {"facility_code": "01215", "prescriber": {"full_name": "Trần Văn Minh",
                                                   "practising_certificate_number": DOCTOR_2_CCHN}}


def catalog_products() -> dict[str, dict]:
    """The sample catalog's products by registration number (first declaration row of each)."""
    import csv

    products: dict[str, dict] = {}
    with CATALOG_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            products.setdefault(row["so_dang_ky"], row)
    return products


def catalog_product(ingredient: str, prescription_only: bool | None = None) -> dict:
    """The first uncontrolled single-ingredient oral product of `ingredient` in the sample catalog."""
    for row in catalog_products().values():
        if row["hoat_chat"] == ingredient and row["nhom_kiem_soat"] in ("", "khong") and row["duong_dung"] == "uống":
            if prescription_only is None or (row["ke_don"] == "co") == prescription_only:
                return row
    raise AssertionError(f"the sample catalog has no oral uncontrolled {ingredient} product")


def drug_line(row: dict, quantity: int = 10, days: int = 10) -> dict:
    """A readable drug line (rxctl's JSON) for a sample-catalog row."""
    return {
        "registration_number": row["so_dang_ky"], "brand_name": row["ten_thuoc"],
        "active_ingredients": [{"inn": inn, "strength": strength}
                               for inn, strength in zip(row["hoat_chat"].split(";"), row["ham_luong"].split(";"))],
        "dosage_form": row["dang_bao_che"], "quantity": quantity, "unit": row["don_vi_tinh"],
        "directions": {"dose": "1 " + row["don_vi_tinh"], "times_per_day": 1, "route": row["duong_dung"]},
        "days_of_supply": days,
    }


def random_citizen_id() -> str:
    """A fresh 12-digit citizen ID, so a test's patient has no other prescriptions on a shared server."""
    return "079" + str(uuid.uuid4().int % 10**9).zfill(9)


def prescription_for(module: ModuleType, lines: list[dict], citizen_id: str, *, clinic: bool = False,
                     overrides: list[dict] | None = None):
    """The ordinary sample for patient `citizen_id` with `lines`, from the hospital (doctor-1) or, with
    `clinic`, from clinic 01215 (doctor-2); `overrides` are interaction_overrides entries."""
    readable = example("ordinary")
    readable["patient"]["citizen_id"] = citizen_id
    readable["patient"].pop("health_insurance_number", None)
    readable["lines"] = copy.deepcopy(lines)
    if clinic:
        readable.update(copy.deepcopy(CLINIC))
    if overrides:
        readable["interaction_overrides"] = overrides
    return prescription_from_readable(module, readable)


class Drugs:
    """Callables for rx.v1.Drugs/CheckInteractions on one channel."""

    def __init__(self, modules: dict[str, ModuleType], channel: grpc.Channel):
        self.pb = modules["rx/v1/drugs.proto"]
        self.check = channel.unary_unary(
            "/rx.v1.Drugs/CheckInteractions", request_serializer=self.pb.CheckInteractionsRequest.SerializeToString,
            response_deserializer=self.pb.CheckInteractionsResponse.FromString)

    def check_items(self, ingredients: list[str] = (), registration_numbers: list[str] = (), patient_id: str = ""):
        request = self.pb.CheckInteractionsRequest(patient_id=patient_id)
        for name in ingredients:
            request.items.add(ingredient=name)
        for number in registration_numbers:
            request.items.add(registration_number=number)
        return self.check(request, timeout=CALL_TIMEOUT_S)
