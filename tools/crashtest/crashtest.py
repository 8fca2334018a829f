#!/usr/bin/env python3
"""Crash test: mixed Submit/Dispense/Cancel load from several clients while the server is killed with
SIGKILL at random moments and restarted on the same data directory; then checks that nothing an OK
acknowledged was lost and that no half-done operation is visible.

Usage: tools/crashtest/crashtest.py [--crashes 20] [--clients 4] [--seed N] [--data-dir D]
(rx-server from $RX_SERVER_BIN, else the debug build). Prints a summary and exits 1 on any violation.

Each client keeps a ledger of what the server acknowledged (codes, line quantities, dispense
idempotency keys, cancels). A call that failed without a definitive answer is retried with the same
idempotency key on the restarted server, so a write applied just before a crash is resolved by the
server's stored answer; whatever is still unresolved at the end counts as "uncertain" and bounds the
checks from above only.
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "Tests" / "interop"))

import grpc  # noqa: E402

from harness import RxServer, generate_stubs, secure_channel  # noqa: E402
from prescription_helpers import Prescriptions, ordinary, sign  # noqa: E402

CALL_TIMEOUT_S = 5.0
# Prescription lines keyed by their prescription's code (the table itself hangs off the prescription's rowid).
LINES_BY_CODE = ("(SELECT p.code AS code, l.line_number, l.quantity, l.dispensed FROM prescription_lines l"
                 " JOIN prescriptions p ON p.id = l.prescription_id)")
# Statuses that say nothing about whether a write happened: retry with the same key.
UNCERTAIN = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.CANCELLED,
             grpc.StatusCode.UNKNOWN, grpc.StatusCode.RESOURCE_EXHAUSTED, grpc.StatusCode.INTERNAL}


@dataclass
class Ledger:
    """What the server acknowledged, and what it may or may not have applied."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    submits: dict[str, list[int]] = field(default_factory=dict)  # code -> line quantities
    dispenses: list[tuple[str, str, dict[int, int]]] = field(default_factory=list)  # (code, key, lines)
    cancels: set[str] = field(default_factory=set)
    uncertain_dispenses: list[tuple[str, str, dict[int, int]]] = field(default_factory=list)
    refused: defaultdict[str, int] = field(default_factory=lambda: defaultdict(int))
    retries: int = 0

    @property
    def acknowledged(self) -> int:
        return len(self.submits) + len(self.dispenses) + len(self.cancels)


class ServerControl:
    """The current server process; clients wait here for a fresh port after each crash."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.generation = 0
        self.port = 0
        self.server: RxServer | None = None
        self.changed = threading.Condition()
        self.stderr_tails: list[str] = []

    def start(self) -> None:
        server = RxServer()
        server.data_dir.rmdir()
        server.data_dir = self.data_dir
        server.args[server.args.index("--data-dir") + 1] = str(self.data_dir)
        server.start()
        with self.changed:
            self.server = server
            self.port = server.port or 0
            self.generation += 1
            self.changed.notify_all()

    def kill(self) -> None:
        assert self.server is not None and self.server.process is not None
        with self.changed:
            self.port = 0
        self.server.process.send_signal(signal.SIGKILL)
        self.server.process.wait(timeout=30)

    def stop(self) -> int:
        assert self.server is not None
        return self.server.stop()

    def current(self, timeout: float = 90.0) -> tuple[int, int]:
        """(generation, port) of a running server, waiting while one restarts."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while self.port == 0:
                if not self.changed.wait(timeout=max(0.0, deadline - time.monotonic())):
                    raise RuntimeError("no server came back")
            return self.generation, self.port


class Client(threading.Thread):
    def __init__(self, index: int, modules, control: ServerControl, ledger: Ledger, signed: list[bytes],
                 stop: threading.Event, seed: int):
        super().__init__(name=f"crashtest-client-{index}", daemon=True)
        self.modules, self.control, self.ledger, self.signed, self.stop = modules, control, ledger, signed, stop
        self.random = random.Random(seed)
        self.generation = -1
        self.channels: list[grpc.Channel] = []
        self.prescriber: Prescriptions | None = None
        self.pharmacy: Prescriptions | None = None
        self.error: BaseException | None = None

    def connect(self) -> None:
        generation, port = self.control.current()
        if generation == self.generation:
            return
        for channel in self.channels:
            channel.close()
        self.channels = [secure_channel(port, "hospital-prescriber"), secure_channel(port, "pharmacy")]
        self.prescriber = Prescriptions(self.modules, self.channels[0])
        self.pharmacy = Prescriptions(self.modules, self.channels[1])
        self.generation = generation

    def call(self, make_call, retry_until: float):
        """Runs `make_call` until a definitive answer: (response, None) or (None, status code).
        Returns (None, None) when still uncertain at `retry_until`."""
        while True:
            try:
                self.connect()
                return make_call(), None
            except grpc.RpcError as error:
                code = error.code()
                if code not in UNCERTAIN:
                    return None, code
                if code == grpc.StatusCode.INTERNAL:
                    with self.ledger.lock:
                        self.ledger.refused["INTERNAL (retried)"] += 1
            except RuntimeError:
                pass
            if time.monotonic() > retry_until:
                return None, None
            with self.ledger.lock:
                self.ledger.retries += 1
            time.sleep(0.05)

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                choice = self.random.random()
                if choice < 0.4 or not self.ledger.submits:
                    self.submit()
                elif choice < 0.85:
                    self.dispense()
                else:
                    self.cancel()
        except BaseException as error:  # reported by the main thread
            self.error = error
        finally:
            for channel in self.channels:
                channel.close()

    def retry_deadline(self) -> float:
        # Keep retrying an unresolved write through crashes while the run goes on, and a few
        # seconds after it ends (the final server is up then).
        return time.monotonic() + 60.0

    def submit(self) -> None:
        key = uuid.uuid4().hex
        signed = self.random.choice(self.signed)
        response, refusal = self.call(lambda: self.prescriber.submit_signed(signed, key), self.retry_deadline())
        with self.ledger.lock:
            if response is not None:
                self.ledger.submits[response.code] = [4, 2]
            elif refusal is not None:
                self.ledger.refused[f"Submit {refusal.name}"] += 1

    def pick_code(self) -> str:
        with self.ledger.lock:
            codes = list(self.ledger.submits)
        return self.random.choice(codes[-20:])

    def dispense(self) -> None:
        code, key = self.pick_code(), uuid.uuid4().hex
        lines = {1: self.random.randint(1, 3)} if self.random.random() < 0.6 else {1: 1, 2: 1}
        response, refusal = self.call(lambda: self.pharmacy.dispense_lines(code, lines, key), self.retry_deadline())
        with self.ledger.lock:
            if response is not None:
                self.ledger.dispenses.append((code, key, lines))
            elif refusal is not None:
                self.ledger.refused[f"Dispense {refusal.name}"] += 1
            else:
                self.ledger.uncertain_dispenses.append((code, key, lines))

    def cancel(self) -> None:
        code = self.pick_code()
        pb = self.modules["rx/v1/prescriptions.proto"]

        def make_call():
            return self.prescriber.cancel(pb.CancelPrescriptionRequest(code=code, reason="crash test"),
                                          timeout=CALL_TIMEOUT_S)

        response, refusal = self.call(make_call, self.retry_deadline())
        with self.ledger.lock:
            if response is not None:
                self.ledger.cancels.add(code)
            elif refusal is not None:
                self.ledger.refused[f"Cancel {refusal.name}"] += 1


def check(data_dir: Path, ledger: Ledger, server_binary: Path) -> list[str]:
    """Every invariant, as a list of violations (empty when all hold)."""
    violations: list[str] = []
    db = sqlite3.connect(f"file:{data_dir / 'rx.sqlite3'}?mode=ro", uri=True, timeout=10)
    try:
        q = lambda sql, *p: db.execute(sql, p).fetchall()  # noqa: E731
        integrity = q("PRAGMA integrity_check")
        if integrity != [("ok",)]:
            violations.append(f"integrity_check: {integrity[:5]}")
        lines = {(c, n): (qty, d) for c, n, qty, d in
                 q(f"SELECT code, line_number, quantity, dispensed FROM {LINES_BY_CODE}")}
        status = dict(q("SELECT code, status FROM prescriptions"))
        # Acknowledged submits are present with their lines.
        for code, quantities in ledger.submits.items():
            if code not in status:
                violations.append(f"acknowledged submit {code} missing")
                continue
            stored = [lines.get((code, n), (None, None))[0] for n in range(1, len(quantities) + 1)]
            if stored != quantities:
                violations.append(f"submit {code}: lines {stored}, acknowledged {quantities}")
        # Acknowledged dispenses are present with their lines.
        stored_dispenses = {(c, k): i for i, c, k in q("SELECT id, code, idempotency_key FROM dispenses")}
        dispense_lines = defaultdict(dict)
        for dispense_id, number, quantity in q("SELECT dispense_id, line_number, quantity FROM dispense_lines"):
            dispense_lines[dispense_id][number] = quantity
        acked_per_line: defaultdict[tuple[str, int], int] = defaultdict(int)
        for code, key, wanted in ledger.dispenses:
            dispense_id = stored_dispenses.get((code, key))
            if dispense_id is None:
                violations.append(f"acknowledged dispense {key} of {code} missing")
            elif dispense_lines.get(dispense_id) != wanted:
                violations.append(f"dispense {key}: lines {dispense_lines.get(dispense_id)}, acknowledged {wanted}")
            for number, quantity in wanted.items():
                acked_per_line[(code, number)] += quantity
        uncertain_per_line: defaultdict[tuple[str, int], int] = defaultdict(int)
        for code, _, wanted in ledger.uncertain_dispenses:
            for number, quantity in wanted.items():
                uncertain_per_line[(code, number)] += quantity
        for code in ledger.cancels:
            if status.get(code) != "cancelled":
                violations.append(f"acknowledged cancel of {code}: status {status.get(code)}")
        # Database-wide consistency: no half operation.
        for (code, number, dispensed, summed) in q(
                f"SELECT l.code, l.line_number, l.dispensed, coalesce(sum(dl.quantity), 0) FROM {LINES_BY_CODE} l"
                " LEFT JOIN dispenses d ON d.code = l.code"
                " LEFT JOIN dispense_lines dl ON dl.dispense_id = d.id AND dl.line_number = l.line_number"
                " GROUP BY l.code, l.line_number"):
            if dispensed != summed:
                violations.append(f"{code} line {number}: dispensed {dispensed} but dispense rows sum to {summed}")
        for (code, number), (quantity, dispensed) in lines.items():
            if dispensed > quantity:
                violations.append(f"{code} line {number} over-dispensed: {dispensed} of {quantity}")
            acked = acked_per_line.get((code, number), 0)
            if dispensed < acked or dispensed > acked + uncertain_per_line.get((code, number), 0):
                violations.append(f"{code} line {number}: dispensed {dispensed}, acknowledged {acked}, "
                                  f"uncertain {uncertain_per_line.get((code, number), 0)}")
        for (dispense_id,) in q("SELECT id FROM dispenses WHERE id NOT IN (SELECT dispense_id FROM dispense_lines)"):
            violations.append(f"dispense {dispense_id} has no lines")
        for (code,) in q("SELECT code FROM prescriptions WHERE id NOT IN (SELECT prescription_id FROM prescription_lines)"):
            violations.append(f"prescription {code} has no lines")
        for code, state in status.items():
            rows = [v for (c, _), v in lines.items() if c == code]
            total = sum(d for _, d in rows)
            complete = all(d == qty for qty, d in rows)
            expected = {"active": total == 0, "partly_dispensed": 0 < total and not complete,
                        "completed": complete}.get(state, True)
            if not expected:
                violations.append(f"{code}: status {state} but lines {rows}")
        # Every acknowledged write left its audit entry in the same transaction.
        audited = defaultdict(int)
        for method, code in q("SELECT method, code FROM audit_log WHERE result = 'OK'"):
            audited[(method, code)] += 1
        for code in ledger.submits:
            if not audited.get(("Submit", code)):
                violations.append(f"acknowledged submit {code} has no audit entry")
        per_code = defaultdict(int)
        for code, _, _ in ledger.dispenses:
            per_code[code] += 1
        for code, count in per_code.items():
            if audited.get(("Dispense", code), 0) < count:
                violations.append(f"{code}: {count} acknowledged dispenses, {audited.get(('Dispense', code), 0)} audited")
    finally:
        db.close()
    verify = subprocess.run([str(server_binary), "audit", "verify", "--data-dir", str(data_dir)],
                            capture_output=True, text=True, timeout=120)
    if verify.returncode != 0:
        violations.append(f"audit verify: {verify.stdout.strip()} {verify.stderr.strip()}")
    return violations


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crashes", type=int, default=20, help="SIGKILLs of the server (default 20)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client threads (default 4)")
    parser.add_argument("--min-uptime", type=float, default=0.5, help="least seconds between restart and kill")
    parser.add_argument("--max-uptime", type=float, default=2.0, help="most seconds between restart and kill")
    parser.add_argument("--seed", type=int, default=None, help="random seed (printed; default: time)")
    parser.add_argument("--data-dir", type=Path, default=None, help="data directory (default: a fresh temp dir)")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="rx-crashtest-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    print(f"crashtest: seed {seed}, {args.crashes} crashes, {args.clients} clients, data dir {data_dir}", flush=True)

    modules = generate_stubs()
    content = modules["rx/v1/prescription.proto"]
    sign_dir = Path(tempfile.mkdtemp(prefix="rx-crashtest-sign-"))
    signed = [sign(ordinary(content, quantities=[4, 2]).SerializeToString(), sign_dir) for _ in range(4)]
    shutil.rmtree(sign_dir, ignore_errors=True)

    control = ServerControl(data_dir)
    control.start()
    binary = control.server.binary
    ledger, stop = Ledger(), threading.Event()
    clients = [Client(i, modules, control, ledger, signed, stop, rng.randrange(1 << 30)) for i in range(args.clients)]
    started = time.monotonic()
    for client in clients:
        client.start()
    crashes = 0
    try:
        for _ in range(args.crashes):
            time.sleep(rng.uniform(args.min_uptime, args.max_uptime))
            control.kill()
            crashes += 1
            control.start()
        time.sleep(1.0)
        stop.set()
        for client in clients:
            client.join(timeout=90)
        stuck = [c.name for c in clients if c.is_alive()]
        errors = [f"{c.name}: {c.error!r}" for c in clients if c.error is not None]
        exit_code = control.stop()
    finally:
        if control.server is not None:
            control.server.kill()
    violations = check(data_dir, ledger, binary)
    violations += [f"client thread did not finish: {name}" for name in stuck]
    violations += [f"client failed: {error}" for error in errors]
    if ledger.refused.get("INTERNAL (retried)"):
        violations.append(f"{ledger.refused['INTERNAL (retried)']} calls answered INTERNAL")
    if exit_code != 0:
        violations.append(f"final server exited with {exit_code} on SIGTERM")
    elapsed = time.monotonic() - started
    print(f"acknowledged operations: {ledger.acknowledged} (submits {len(ledger.submits)}, "
          f"dispenses {len(ledger.dispenses)}, cancels {len(ledger.cancels)})")
    print(f"definitive refusals: {dict(ledger.refused) or 0}; retried calls: {ledger.retries}; "
          f"unresolved dispenses: {len(ledger.uncertain_dispenses)}")
    print(f"crashes: {crashes} in {elapsed:.1f} s")
    print(f"violations: {len(violations)}")
    for violation in violations[:50]:
        print(f"  VIOLATION: {violation}")
    return 1 if violations or crashes < args.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
