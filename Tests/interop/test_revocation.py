"""Facility certificate revocation: with `facility-crl.pem` in the certificates directory every
handshake is checked against the facility CA's CRL, and SIGHUP re-reads the file, so a facility
revoked while the server runs loses its live connections and is refused at its next handshake."""

from __future__ import annotations

import shutil
import signal
import subprocess
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import grpc
import pytest

from harness import CERTS_DIR, RxServer, Stubs, generate_stubs, secure_channel
from prescription_helpers import (
    Prescriptions, doctor_subject, issue_signing_certificate, ordinary, rpc_error, sign,
)

CALL_TIMEOUT_S = 10


def openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=30, cwd=cwd)


class FacilityCA:
    """An `openssl ca` state for a development CA (`ca` or `signing-ca`) in a scratch certificates
    directory, publishing its CRL as `crl_name`."""

    def __init__(self, certs: Path, ca: str = "ca", crl_name: str = "facility-crl.pem"):
        self.certs, self.ca, self.crl_name = certs, ca, crl_name
        state = certs / f"{ca}-state"
        state.mkdir()
        (state / "index.txt").write_text("")
        (state / "crlnumber").write_text("01\n")
        self.config = state / "ca.cnf"
        self.config.write_text(f"""
[ca]
default_ca = facility
[facility]
database = {state}/index.txt
crlnumber = {state}/crlnumber
default_md = sha256
default_crl_days = 30
""")

    def revoke(self, name: str) -> None:
        openssl("ca", "-config", str(self.config), "-keyfile", f"{self.ca}.key", "-cert", f"{self.ca}.crt",
                "-revoke", f"{name}.crt", cwd=self.certs)

    def publish(self, hours_ago: int) -> None:
        """Writes the CRL with lastUpdate `hours_ago` hours back (a later CRL must be newer)."""
        last = (datetime.now(timezone.utc) - timedelta(hours=hours_ago)).strftime("%Y%m%d%H%M%SZ")
        openssl("ca", "-config", str(self.config), "-keyfile", f"{self.ca}.key", "-cert", f"{self.ca}.crt",
                "-gencrl", "-crl_lastupdate", last, "-out", self.crl_name, cwd=self.certs)


@pytest.fixture
def certs():
    directory = Path(tempfile.mkdtemp(prefix="rx-revocation-"))
    for path in CERTS_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, directory / path.name)
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def open_channel(port: int, certs: Path, identity: str) -> grpc.Channel:
    credentials = grpc.ssl_channel_credentials(
        root_certificates=(certs / "ca.crt").read_bytes(),
        private_key=(certs / f"{identity}.key").read_bytes(),
        certificate_chain=(certs / f"{identity}.crt").read_bytes())
    return grpc.secure_channel(f"127.0.0.1:{port}", credentials, options=[
        ("grpc.ssl_target_name_override", "localhost"), ("grpc.use_local_subchannel_pool", 1)])


def health(stubs: Stubs, port: int, certs: Path, identity: str):
    """A health check on a brand-new connection as `identity` (certificates from `certs`)."""
    channel = open_channel(port, certs, identity)
    try:
        return stubs.check(channel)(stubs.health.HealthCheckRequest(), timeout=CALL_TIMEOUT_S)
    finally:
        channel.close()


def test_revoked_facility_is_refused_at_its_next_handshake_after_sighup(certs):
    stubs = Stubs(generate_stubs())
    ca = FacilityCA(certs)
    ca.publish(hours_ago=2)
    server = RxServer(["--certs", str(certs)]).start()
    try:
        assert server.wait_for_log(lambda f: f.get("msg") == "started" and f.get("facility_crl") == "true",
                                   timeout=5) is not None
        assert health(stubs, server.port, certs, "pharmacy-2").status == stubs.health.HealthCheckResponse.SERVING
        live = open_channel(server.port, certs, "pharmacy-2")
        check_live = stubs.check(live)
        assert check_live(stubs.health.HealthCheckRequest(), timeout=CALL_TIMEOUT_S).status == \
            stubs.health.HealthCheckResponse.SERVING

        ca.revoke("pharmacy-2")
        ca.publish(hours_ago=1)
        mark = server.log_mark()
        server.send_signal(signal.SIGHUP)
        reloaded = server.wait_for_log(lambda f: f.get("msg") == "revocation lists reloaded", 10, since=mark)
        assert reloaded is not None, server.stderr_text(10)
        assert str(reloaded.get("connections_closed")) == "1", reloaded
        assert server.wait_for_log(lambda f: f.get("msg") == "connection closed: client certificate revoked"
                                   and str(f.get("facility")) == "92031", 5, since=mark), server.stderr_text(10)
        # The live connection is gone, and the channel cannot get a new one.
        with pytest.raises(grpc.RpcError) as cut:
            check_live(stubs.health.HealthCheckRequest(), timeout=CALL_TIMEOUT_S)
        assert cut.value.code() == grpc.StatusCode.UNAVAILABLE, cut.value.details()
        live.close()

        with pytest.raises(grpc.RpcError) as refused:
            health(stubs, server.port, certs, "pharmacy-2")
        assert refused.value.code() == grpc.StatusCode.UNAVAILABLE, refused.value.details()
        # Others are unaffected.
        for identity in ("pharmacy", "hospital-prescriber", "regulator"):
            assert health(stubs, server.port, certs, identity).status == stubs.health.HealthCheckResponse.SERVING
        assert server.stop() == 0
    finally:
        server.cleanup()


def test_certificate_revoked_before_start_never_connects(certs):
    stubs = Stubs(generate_stubs())
    ca = FacilityCA(certs)
    ca.revoke("clinic-prescriber")
    ca.publish(hours_ago=1)
    server = RxServer(["--certs", str(certs)]).start()
    try:
        with pytest.raises(grpc.RpcError) as refused:
            health(stubs, server.port, certs, "clinic-prescriber")
        assert refused.value.code() == grpc.StatusCode.UNAVAILABLE
        assert health(stubs, server.port, certs, "hospital-prescriber").status == stubs.health.HealthCheckResponse.SERVING
    finally:
        server.cleanup()


def test_revoked_signing_certificate_refuses_later_signatures_and_earlier_ones_stay_valid(certs):
    modules = generate_stubs()
    content = modules["rx/v1/prescription.proto"]
    signing_ca = FacilityCA(certs, ca="signing-ca", crl_name="signing-crl.pem")
    signing_ca.publish(hours_ago=2)
    server = RxServer(["--certs", str(certs)]).start()
    try:
        hospital = Prescriptions(modules, secure_channel(server.port, "hospital-prescriber"))
        pharmacy = Prescriptions(modules, secure_channel(server.port, "pharmacy"))
        before = hospital.submit_signed(sign(content_bytes(content), certs)).code
        signed_before_revocation = sign(content_bytes(content), certs)
        # The same doctor's renewed certificate (another serial), which the revocation must not touch.
        renewed_cert, renewed_key = issue_signing_certificate(
            certs, "doctor-1-renewed", doctor_subject(), ca_cert=certs / "signing-ca.crt", ca_key=certs / "signing-ca.key")
        assert hospital.submit_signed(sign(content_bytes(content), certs, cert=renewed_cert, key=renewed_key)).code

        # Signing times have one-second resolution and a signature in the second of the revocation
        # counts as made after it.
        time.sleep(1.1)
        signing_ca.revoke("doctor-1")
        signing_ca.publish(hours_ago=1)
        mark = server.log_mark()
        server.send_signal(signal.SIGHUP)
        assert server.wait_for_log(lambda f: f.get("msg") == "signing revocation list reloaded", 10, since=mark), \
            server.stderr_text(10)

        refused = rpc_error(lambda: hospital.submit_signed(sign(content_bytes(content), certs)))
        assert refused.code() == grpc.StatusCode.PERMISSION_DENIED, refused.details()
        assert "revoked" in refused.details() and "signed at" in refused.details(), refused.details()
        # Signed before the revocation, submitted after it: still valid.
        assert hospital.submit_signed(signed_before_revocation).code
        # The renewed certificate still signs; the prescription accepted before the revocation is dispensed.
        assert hospital.submit_signed(sign(content_bytes(content), certs, cert=renewed_cert, key=renewed_key)).code
        assert pharmacy.dispense_lines(before, {1: 1}).code == before
        assert server.stop() == 0
    finally:
        server.cleanup()


def content_bytes(module) -> bytes:
    return ordinary(module).SerializeToString()
