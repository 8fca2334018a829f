#!/usr/bin/env python3
"""Hostile-client attacks against rx-server, with a well-behaved grpcio client measuring service.

For each attack: a good client (health checks + prescription lookups on its own connection) runs
at rest, then during the attack; we report its p99 both times, failed calls, the server's RSS
(VmRSS/VmHWM) before and after, whether the server survived and whether the violating connection
was closed (with GOAWAY where HTTP/2 applies). Exit code 1 when the server died, the good client
had failures, or RSS grew past --rss-bound-mib.

    python3 tools/attack/attack.py                      # starts its own server, every attack
    python3 tools/attack/attack.py --quick --idle 300   # the CI-sized run
    python3 tools/attack/attack.py --server 127.0.0.1:50051 --server-pid 1234 --only rapid_reset
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import ssl
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import grpc

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT / "Tests" / "interop"))

import harness  # noqa: E402

# HTTP/2 frame types and flags (RFC 9113 §6).
DATA, HEADERS, RST_STREAM, SETTINGS, PING, GOAWAY, WINDOW_UPDATE, CONTINUATION = 0, 1, 3, 4, 6, 7, 8, 9
END_STREAM, END_HEADERS, ACK = 0x1, 0x4, 0x1

# Options the tool's own server runs with: short handshake timeout so slow-loris is visible, no
# per-facility call rate and room for thousands of idle connections from one facility.
SERVER_ARGS = [
    "--calls-per-second-per-facility", "0",
    "--handshake-timeout-ms", "2000",
    "--max-connections", "20000",
    "--max-connections-per-facility", "20000",
]  # plus --idle-timeout-ms from --idle-timeout-s


def frame(kind: int, flags: int, stream_id: int, payload: bytes = b"") -> bytes:
    return struct.pack(">I", len(payload))[1:] + bytes([kind, flags]) + struct.pack(">I", stream_id & 0x7FFFFFFF) + payload


def settings(pairs: dict[int, int] | None = None) -> bytes:
    return frame(SETTINGS, 0, 0, b"".join(struct.pack(">HI", k, v) for k, v in (pairs or {}).items()))


def request_headers(path: str = "/rx.v1.Diagnostics/Echo") -> bytes:
    """An HPACK block for a gRPC request; literal-without-indexing only, so no encoder state."""
    import hpack

    encoder = hpack.Encoder()
    encoder.header_table_size = 0
    headers = [(":method", "POST"), (":scheme", "https"), (":path", path), (":authority", "localhost"),
               ("content-type", "application/grpc"), ("te", "trailers")]
    return encoder.encode([hpack.NeverIndexedHeaderTuple(k, v) for k, v in headers])


# --------------------------------------------------------------------------- connections


class RawConnection:
    """An mTLS connection speaking hand-written HTTP/2 frames (so rule-breaking is possible)."""

    def __init__(self, port: int, identity: str = "hospital-prescriber", preface: bool = True, timeout: float = 10.0):
        raw = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.sock = harness.tls_context(identity).wrap_socket(raw, server_hostname="localhost")
        self.buffer = b""
        self.goaway: int | None = None  # error code of a received GOAWAY
        self.resets: list[int] = []  # error codes of received RST_STREAM frames
        self.answered: set[int] = set()  # streams the server sent HEADERS on
        self.closed = False
        if preface:
            self.sock.sendall(harness.HTTP2_PREFACE + settings())

    def send(self, data: bytes, timeout: float = 2.0) -> bool:
        """Sends, giving up after `timeout` (a server that stopped reading); False when closed/blocked."""
        self.sock.settimeout(timeout)
        try:
            self.sock.sendall(data)
            return True
        except (socket.timeout, ssl.SSLError, OSError):
            return False

    def drain(self, timeout: float, until_closed: bool = True) -> None:
        """Reads frames (discarding them) until EOF/GOAWAY+EOF or `timeout`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.sock.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                if not until_closed:
                    return
                continue
            except (ssl.SSLError, OSError):
                self.closed = True
                return
            if not chunk:
                self.closed = True
                return
            self.buffer += chunk
            self._parse()

    def _parse(self) -> None:
        while len(self.buffer) >= 9:
            length = int.from_bytes(self.buffer[:3], "big")
            if len(self.buffer) < 9 + length:
                return
            kind = self.buffer[3]
            payload = self.buffer[9 : 9 + length]
            if kind == GOAWAY and len(payload) >= 8:
                self.goaway = struct.unpack(">I", payload[4:8])[0]
            elif kind == RST_STREAM and len(payload) == 4:
                self.resets.append(struct.unpack(">I", payload)[0])
            elif kind == HEADERS:
                self.answered.add(int.from_bytes(self.buffer[5:9], "big") & 0x7FFFFFFF)
            self.buffer = self.buffer[9 + length :]

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass


# --------------------------------------------------------------------------- the good client


@dataclass
class Phase:
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def p99_ms(self) -> float | None:
        if not self.latencies:
            return None
        ordered = sorted(self.latencies)
        return 1000.0 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]


class LocalGoodClient:
    """Health checks and prescription lookups in a loop on one connection; a lookup of an unknown
    code answered NOT_FOUND/INVALID_ARGUMENT counts as served (the database was asked)."""

    ANSWERED = {grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INVALID_ARGUMENT}

    def __init__(self, port: int, modules):
        self.channel = harness.secure_channel(port, "pharmacy")
        harness.wait_ready(self.channel)
        health = modules["grpc/health/v1/health.proto"]
        self.check = self.channel.unary_unary("/grpc.health.v1.Health/Check",
                                              request_serializer=health.HealthCheckRequest.SerializeToString,
                                              response_deserializer=health.HealthCheckResponse.FromString)
        self.health_request = health.HealthCheckRequest()
        pb = modules.get("rx/v1/prescriptions.proto")
        self.lookup = None
        if pb is not None:
            self.lookup = self.channel.unary_unary("/rx.v1.Prescriptions/Get",
                                                   request_serializer=pb.GetPrescriptionRequest.SerializeToString,
                                                   response_deserializer=pb.GetPrescriptionResponse.FromString)
            self.lookup_request = pb.GetPrescriptionRequest(code="ABCDEFGHJK")
        self.phase = Phase()
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None

    def _call(self, fn, request) -> None:
        started = time.monotonic()
        try:
            fn(request, timeout=5.0)
        except grpc.RpcError as error:
            if error.code() not in self.ANSWERED:
                self.phase.failures.append(f"{error.code().name}: {error.details()}")
                return
        self.phase.latencies.append(time.monotonic() - started)

    def _run(self) -> None:
        while not self.stop.is_set():
            self._call(self.check, self.health_request)
            if self.lookup is not None:
                self._call(self.lookup, self.lookup_request)
            time.sleep(0.005)

    def measure(self, seconds: float) -> Phase:
        self.phase = Phase()
        self.stop.clear()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        time.sleep(seconds)
        return self.finish()

    def start(self) -> None:
        self.phase = Phase()
        self.stop.clear()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def finish(self) -> Phase:
        self.stop.set()
        if self.thread is not None:
            self.thread.join(timeout=10)
        return self.phase


class GoodClient:
    """The good client in its own process (`attack.py --good-client PORT`), so the attacker's tight
    loops cannot starve it of Python's GIL; driven by lines on its stdin, phases come back as JSON."""

    def __init__(self, port: int, modules=None):
        self.process = subprocess.Popen([sys.executable, __file__, "--good-client", str(port)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        if self._line() != "ready":
            raise RuntimeError("good client did not start")

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def _say(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def start(self) -> None:
        self._say("start")

    def finish(self) -> Phase:
        self._say("stop")
        data = json.loads(self._line())
        return Phase(data["latencies"], data["failures"])

    def measure(self, seconds: float) -> Phase:
        self.start()
        time.sleep(seconds)
        return self.finish()

    def close(self) -> None:
        try:
            self._say("quit")
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()


def serve_good_client(port: int) -> int:
    client = LocalGoodClient(port, harness.generate_stubs())
    print("ready", flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "start":
            client.start()
        elif command == "stop":
            phase = client.finish()
            print(json.dumps({"latencies": phase.latencies, "failures": phase.failures}), flush=True)
        elif command == "quit":
            break
    client.channel.close()
    return 0


# --------------------------------------------------------------------------- attacks
# Each attack runs for about `seconds` and returns {"closed": bool|None, "goaway": int|None, ...}.


def _until(seconds: float):
    deadline = time.monotonic() + seconds
    return lambda: time.monotonic() < deadline


def _finish(conn: RawConnection, extra: dict | None = None, wait: float = 3.0) -> dict:
    conn.drain(wait)
    conn.close()
    return {"closed": conn.closed, "goaway": conn.goaway, **(extra or {})}


# Attacks that trip the server's reset budget get their facility a cool-down (--abuse-cool-down-ms):
# they use certificates of their own, so the attacks after them are not refused on that account.
RAPID_RESET_IDENTITY = "clinic-prescriber"
HPACK_BOMB_IDENTITY = "pharmacy-2"


def attack_rapid_reset(port: int, seconds: float, opts) -> dict:
    conn, block, stream, sent = RawConnection(port, identity=RAPID_RESET_IDENTITY), request_headers(), 1, 0
    running = _until(seconds)
    while running() and stream < 0x7FFFFFFF:
        batch = b"".join(frame(HEADERS, END_HEADERS, s, block) + frame(RST_STREAM, 0, s, struct.pack(">I", 8))
                         for s in range(stream, stream + 200, 2))
        if not conn.send(batch):
            break
        stream, sent = stream + 200, sent + 100
        conn.drain(0.0, until_closed=False)
        if conn.closed:
            break
    return _finish(conn, {"streams": sent})


def attack_continuation_flood(port: int, seconds: float, opts) -> dict:
    conn = RawConnection(port)
    conn.send(frame(HEADERS, 0, 1, request_headers()))
    # A literal header "foo" whose value claims 16 KiB, then value bytes in endless CONTINUATIONs.
    chunk = (b"\x00\x03foo\x7f\x81\x7f" + b"x" * 16384)[:16384]
    sent = 0
    running = _until(seconds)
    while running():
        if not conn.send(frame(CONTINUATION, 0, 1, chunk)):
            break
        sent += len(chunk)
    return _finish(conn, {"bytes": sent})


def _flood(port: int, seconds: float, payload: bytes) -> dict:
    conn, sent = RawConnection(port), 0
    running = _until(seconds)
    while running():
        if not conn.send(payload * 100, timeout=1.0):
            break  # the server stopped reading (or closed): we never read its ACKs
        sent += 100
    return _finish(conn, {"frames": sent})


def attack_settings_flood(port: int, seconds: float, opts) -> dict:
    return _flood(port, seconds, settings({4: 65535}))


def attack_ping_flood(port: int, seconds: float, opts) -> dict:
    return _flood(port, seconds, frame(PING, 0, 0, b"12345678"))


def attack_data_beyond_window(port: int, seconds: float, opts) -> dict:
    """Two parts. (1) One burst of DATA frames (20 streams x 16 KiB) sent without reading any
    WINDOW_UPDATE; reported as burst_closed/burst_goaway (the server advertises large windows and
    refills them as it reads, so a burst this size is within its window). (2) A gRPC message prefix
    announcing 16 MiB (over the message limit) followed by endless DATA ignoring flow control: the
    server must reset the stream (oversized_message_reset) and discard, not buffer, what follows."""
    conn = RawConnection(port)
    burst = b"".join(frame(HEADERS, END_HEADERS, s, request_headers()) + frame(DATA, 0, s, b"\x00" * 16384)
                     for s in range(1, 41, 2))  # 20 streams x 16 KiB = 320 KiB against a 64 KiB window
    conn.send(burst)
    result = _finish(conn)
    big = RawConnection(port)
    big.send(frame(HEADERS, END_HEADERS, 1, request_headers()) + frame(DATA, 0, 1, struct.pack(">BI", 0, 16 << 20)))
    sent, running = 0, _until(seconds)
    while running() and not big.closed:
        if not big.send(frame(DATA, 0, 1, b"\x00" * 16384)):
            break
        sent += 16384
        big.drain(0.0, until_closed=False)
    big.drain(0.5, until_closed=False)
    big.close()
    reset = big.resets[:1] or big.goaway
    return {"closed": big.closed, "goaway": big.goaway, "burst_closed": result["closed"],
            "burst_goaway": result["goaway"], "oversized_message_reset": reset, "bytes_after_prefix": sent,
            "ok": bool(reset)}


def attack_closed_idle_streams(port: int, seconds: float, opts) -> dict:
    """DATA on an idle stream (never opened) must end the connection with PROTOCOL_ERROR; repeated
    on fresh connections for the duration. Also: a frame on a closed stream (after END_STREAM)."""
    running, connections, goaways, closed = _until(seconds), 0, 0, 0
    while running():
        conn = RawConnection(port)
        if connections % 2 == 0:
            conn.send(frame(DATA, END_STREAM, 101, b"\x00" * 5))
        else:
            conn.send(frame(HEADERS, END_HEADERS | END_STREAM, 1, request_headers("/grpc.health.v1.Health/Check")))
            conn.drain(0.3, until_closed=False)
            conn.send(frame(DATA, 0, 1, b"\x00" * 5) + frame(HEADERS, END_HEADERS, 1, request_headers()))
        conn.drain(2.0)
        connections += 1
        goaways += conn.goaway is not None
        closed += conn.closed
        conn.close()
    return {"closed": closed == connections, "goaway": goaways, "connections": connections}


def hpack_integer(value: int, prefix_bits: int, first_byte_flags: int) -> bytes:
    """An HPACK integer (RFC 7541 §5.1) with its prefix in the low `prefix_bits` of the first byte."""
    limit = (1 << prefix_bits) - 1
    if value < limit:
        return bytes([first_byte_flags | value])
    out, value = [first_byte_flags | limit], value - limit
    while value >= 128:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(out + [value])


def hpack_literal(name: bytes, value: bytes, indexed: bool) -> bytes:
    """A literal header with a literal name (no Huffman): `indexed` adds it to the decoder's dynamic
    table (§6.2.1), otherwise never-indexed (§6.2.3), which leaves the table alone."""
    flags = 0x40 if indexed else 0x10
    return (bytes([flags]) + hpack_integer(len(name), 7, 0) + name + hpack_integer(len(value), 7, 0) + value)


# The bomb: one ~4 KB header in the server's 4 KiB dynamic table, then a 1-byte reference to it
# (index 62, the newest dynamic entry) repeated to fill a 16 KiB frame (the default maximum frame
# size): 16 KB on the wire decode to about 64 MB of headers.
HPACK_BOMB_VALUE_BYTES = 4000
MAX_FRAME_BYTES = 16384


def attack_hpack_bomb(port: int, seconds: float, opts) -> dict:
    """HEADERS blocks that are small on the wire but decode far past the header-list limit: the first
    block inserts one 4 KB header into the dynamic table, every block (one per new stream, all on one
    connection) then references it about 16,000 times (1 byte each), filling a 16 KiB frame. The server must refuse each such stream
    (RST_STREAM, or GOAWAY) without answering it or buffering the decoded list."""
    conn = RawConnection(port, identity=HPACK_BOMB_IDENTITY)
    request = b"".join(hpack_literal(k, v, indexed=False) for k, v in (
        (b":method", b"POST"), (b":scheme", b"https"), (b":path", b"/grpc.health.v1.Health/Check"),
        (b":authority", b"localhost"), (b"content-type", b"application/grpc"), (b"te", b"trailers")))
    insert = hpack_literal(b"x-bomb", b"b" * HPACK_BOMB_VALUE_BYTES, indexed=True)
    stream, streams, wire_bytes, references = 1, 0, 0, 0
    running = _until(seconds)
    while running() and not conn.closed:
        head = request + (insert if streams == 0 else b"")
        count = MAX_FRAME_BYTES - len(head)
        if not conn.send(frame(HEADERS, END_HEADERS | END_STREAM, stream, head + bytes([0x80 | 62]) * count)):
            break
        stream, streams, wire_bytes, references = stream + 2, streams + 1, wire_bytes + MAX_FRAME_BYTES, references + count
        conn.drain(0.0 if streams % 10 else 0.05, until_closed=False)
    conn.drain(1.0, until_closed=False)
    conn.close()
    decoded_mib = references * (HPACK_BOMB_VALUE_BYTES + len(b"x-bomb") + 32) / 2**20
    refused = len(conn.resets) + (1 if conn.goaway is not None else 0)
    return {"closed": conn.closed, "goaway": conn.goaway, "streams": streams, "wire_kib": round(wire_bytes / 1024),
            "decoded_mib_claimed": round(decoded_mib), "resets": len(conn.resets),
            "reset_codes": sorted(set(conn.resets)), "answered": len(conn.answered),
            # A connection the server closed (after GOAWAY, or right after the handshake while this
            # facility cools down after earlier bombs) counts as refused too; answering never does.
            "ok": not conn.answered and (refused > 0 or conn.closed)}


def attack_past_concurrency_limit(port: int, seconds: float, opts) -> dict:
    conn, block = RawConnection(port), request_headers("/rx.v1.Diagnostics/EchoStream")
    count = opts.streams_over_limit
    conn.send(b"".join(frame(HEADERS, END_HEADERS, 1 + 2 * i, block) for i in range(count)))
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not conn.closed:
        conn.drain(0.2, until_closed=False)
    conn.close()
    refused = conn.resets.count(7)  # REFUSED_STREAM
    return {"closed": conn.closed, "goaway": conn.goaway, "streams": count, "refused_streams": refused,
            "other_resets": len(conn.resets) - refused}


def attack_never_reads(port: int, seconds: float, opts) -> dict:
    """Zero window (SETTINGS_INITIAL_WINDOW_SIZE=0) and no reads while EchoStream has lots to send."""
    raw = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock = harness.tls_context().wrap_socket(raw, server_hostname="localhost")
    sock.sendall(harness.HTTP2_PREFACE + settings({4: 0}))
    modules = opts.modules
    diag = modules["rx/v1/diagnostics.proto"]
    body = diag.EchoRequest(sample=diag.WireSample(bytes_value=b"x" * 2000), repeat=10000).SerializeToString()
    blocks = b""
    for i in range(opts.never_read_streams):
        s = 1 + 2 * i
        blocks += frame(HEADERS, END_HEADERS, s, request_headers("/rx.v1.Diagnostics/EchoStream"))
        blocks += frame(DATA, END_STREAM, s, harness.grpc_frame(body))
    sock.sendall(blocks)
    time.sleep(seconds)
    sock.close()
    return {"closed": None, "goaway": None, "streams": opts.never_read_streams}


def _tcp_connections(port: int, count: int, send: Callable[[socket.socket], None]) -> list[socket.socket]:
    sockets = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        send(sock)
        sockets.append(sock)
    return sockets


def _closed_within(sockets: list, seconds: float) -> int:
    """How many of `sockets` the server closed within `seconds`."""
    deadline, closed = time.monotonic() + seconds, 0
    for sock in sockets:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            while sock.recv(65536):
                pass
            closed += 1
        except socket.timeout:
            pass
        except (ssl.SSLError, OSError):
            closed += 1
        sock.close()
    return closed


CLIENT_HELLO_PREFIX = bytes.fromhex("160301020001")  # record header + handshake type, then nothing


def attack_slowloris_tls(port: int, seconds: float, opts) -> dict:
    sockets = _tcp_connections(port, opts.slowloris, lambda s: s.sendall(CLIENT_HELLO_PREFIX))
    sockets += _tcp_connections(port, opts.slowloris, lambda s: None)
    started = time.monotonic()
    closed = _closed_within(sockets, max(seconds, opts.handshake_timeout_s + 3))
    return {"closed": closed == len(sockets), "goaway": None, "connections": len(sockets),
            "closed_count": closed, "closed_after_s": round(time.monotonic() - started, 2)}


def attack_slowloris_preface(port: int, seconds: float, opts) -> dict:
    conns = []
    for _ in range(opts.slowloris):
        conn = RawConnection(port, preface=False)
        conn.send(harness.HTTP2_PREFACE[:8])
        conns.append(conn)
    wait = max(seconds, opts.idle_timeout_s + 3)
    closed = _closed_within([c.sock for c in conns], wait)
    return {"closed": closed == len(conns), "goaway": None, "connections": len(conns), "closed_count": closed}


def attack_idle_connections(port: int, seconds: float, opts) -> dict:
    conns, errors = [], 0
    for _ in range(opts.idle):
        try:
            conns.append(RawConnection(port, identity="hospital-prescriber"))
        except (OSError, ssl.SSLError):
            errors += 1
    opened = len(conns)
    time.sleep(seconds)
    for conn in conns:
        conn.close()
    return {"closed": None, "goaway": None, "connections": opened, "connect_errors": errors}


def attack_open_close(port: int, seconds: float, opts) -> dict:
    running, count, errors = _until(seconds), 0, 0
    context = harness.tls_context()
    while running():
        try:
            raw = socket.create_connection(("127.0.0.1", port), timeout=5)
            if count % 2:
                sock = context.wrap_socket(raw, server_hostname="localhost")
                sock.sendall(harness.HTTP2_PREFACE + settings())
                sock.close()
            else:
                raw.close()
            count += 1
        except (OSError, ssl.SSLError):
            errors += 1
    return {"closed": None, "goaway": None, "connections": count, "connect_errors": errors}


def _s_client(port: int, *args: str) -> bool:
    """True when openssl s_client completed a handshake with these options."""
    certs = harness.CERTS_DIR
    command = ["openssl", "s_client", "-connect", f"127.0.0.1:{port}", "-servername", "localhost",
               "-CAfile", str(certs / "ca.crt"), "-cert", str(certs / "hospital-prescriber.crt"),
               "-key", str(certs / "hospital-prescriber.key"), "-alpn", "h2", *args]
    result = subprocess.run(command, input=b"", capture_output=True, timeout=15)
    out = result.stdout.decode(errors="replace")
    return result.returncode == 0 and "Cipher is (NONE)" not in out and "New, (NONE)" not in out


def attack_tls_versions(port: int, seconds: float, opts) -> dict:
    outcomes = {
        "tls1": _s_client(port, "-tls1"),
        "tls1_1": _s_client(port, "-tls1_1"),
        "AES128-SHA": _s_client(port, "-tls1_2", "-cipher", "AES128-SHA"),
        "RC4/3DES": _s_client(port, "-tls1_2", "-cipher", "DES-CBC3-SHA:RC4-SHA"),
        "tls1_3 (control)": _s_client(port, "-tls1_3"),
    }
    refused = not any(v for k, v in outcomes.items() if "control" not in k)
    return {"closed": refused, "goaway": None, "accepted": [k for k, v in outcomes.items() if v],
            "ok": refused and outcomes["tls1_3 (control)"]}


def sustained(one_connection: Callable) -> Callable:
    """Repeats a one-connection attack on fresh connections until the duration is over: the server
    closes a flooding connection within a fraction of a second, and the attack must last."""

    def run(port: int, seconds: float, opts) -> dict:
        deadline, rounds = time.monotonic() + seconds, []
        while True:
            rounds.append(one_connection(port, max(0.1, deadline - time.monotonic()), opts))
            if time.monotonic() >= deadline:
                break
        goaways = sorted({r["goaway"] for r in rounds if r["goaway"] is not None})
        totals = {key: sum(r[key] for r in rounds) for key in ("streams", "resets", "answered", "decoded_mib_claimed")
                  if all(key in r for r in rounds)}
        outcome = {"closed": all(r["closed"] for r in rounds), "goaway": goaways[0] if len(goaways) == 1 else goaways or None,
                   "connections": len(rounds), "closed_connections": sum(bool(r["closed"]) for r in rounds), **totals}
        if any("ok" in r for r in rounds):
            outcome["ok"] = all(r.get("ok", True) for r in rounds)
        return outcome

    run.__doc__ = one_connection.__doc__
    return run


ATTACKS: dict[str, tuple[Callable, bool]] = {  # name -> (function, expects the attacking connection closed)
    "rapid_reset": (sustained(attack_rapid_reset), False),
    "continuation_flood": (sustained(attack_continuation_flood), True),
    "settings_flood": (sustained(attack_settings_flood), False),
    "ping_flood": (sustained(attack_ping_flood), False),
    "data_beyond_window": (attack_data_beyond_window, False),
    "closed_idle_streams": (attack_closed_idle_streams, True),
    "hpack_bomb": (sustained(attack_hpack_bomb), False),
    "past_concurrency_limit": (attack_past_concurrency_limit, False),
    "never_reads": (attack_never_reads, False),
    "slowloris_tls": (attack_slowloris_tls, True),
    "slowloris_preface": (attack_slowloris_preface, True),
    "idle_connections": (attack_idle_connections, False),
    "open_close": (attack_open_close, False),
    "tls_versions": (attack_tls_versions, True),
}


# --------------------------------------------------------------------------- running


def rss_kib(pid: int) -> dict[str, int]:
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1][0] not in "ZX"
    except (OSError, IndexError):
        return False


def run_attack(name: str, port: int, pid: int, good: GoodClient, opts) -> dict:
    function, expect_closed = ATTACKS[name]
    rest = good.measure(opts.rest_seconds)
    before = rss_kib(pid)
    good.start()
    try:
        outcome = function(port, opts.seconds, opts)
    except Exception as error:  # noqa: BLE001 - an attack that cannot even run is reported, not fatal
        outcome = {"closed": None, "goaway": None, "error": f"{type(error).__name__}: {error}"}
    during = good.finish()
    is_alive = alive(pid)
    after = rss_kib(pid) if is_alive else {}
    rest_p99, attack_p99 = rest.p99_ms(), during.p99_ms()
    grew_mib = (after.get("VmRSS", 0) - before.get("VmRSS", 0)) / 1024 if after else None
    problems = []
    if not is_alive:
        problems.append("server died")
    if rest.failures or during.failures:
        problems.append(f"good client failed {len(rest.failures) + len(during.failures)} calls: "
                        f"{(rest.failures + during.failures)[:3]}")
    if not during.latencies:
        problems.append("good client got no answers during the attack")
    if grew_mib is not None and grew_mib > opts.rss_bound_mib:
        problems.append(f"RSS grew {grew_mib:.0f} MiB")
    if expect_closed and outcome.get("closed") is False:
        problems.append("violating connection not closed")
    if outcome.get("ok") is False:
        problems.append(f"outcome not as expected: {outcome}")
    return {
        "attack": name,
        "rest_p99_ms": rest_p99 and round(rest_p99, 2),
        "attack_p99_ms": attack_p99 and round(attack_p99, 2),
        "ratio": round(attack_p99 / rest_p99, 2) if rest_p99 and attack_p99 else None,
        "good_calls": len(during.latencies),
        "good_failures": len(rest.failures) + len(during.failures),
        "rss_before_mib": round(before.get("VmRSS", 0) / 1024, 1),
        "rss_after_mib": round(after.get("VmRSS", 0) / 1024, 1) if after else None,
        "hwm_after_mib": round(after.get("VmHWM", 0) / 1024, 1) if after else None,
        "server_alive": is_alive,
        **{k: v for k, v in outcome.items() if k != "ok"},
        "problems": problems,
    }


def print_table(results: list[dict]) -> None:
    header = f"{'attack':24} {'rest p99':>9} {'atk p99':>9} {'ratio':>6} {'RSS MiB before→after':>22} {'alive':>5} {'closed':>6} {'GOAWAY':>6}  problems"
    print(header)
    print("-" * len(header))
    for r in results:
        rss = f"{r['rss_before_mib']}→{r['rss_after_mib']}"
        print(f"{r['attack']:24} {str(r['rest_p99_ms']):>9} {str(r['attack_p99_ms']):>9} {str(r['ratio']):>6} "
              f"{rss:>22} {str(r['server_alive']):>5} {str(r.get('closed')):>6} {str(r.get('goaway')):>6}  "
              f"{'; '.join(r['problems']) or 'ok'}")


def parse_args(argv: list[str] | None = None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", help="host:port of a running server (default: start one)")
    parser.add_argument("--server-pid", type=int, help="pid of that server (for RSS and liveness)")
    parser.add_argument("--only", action="append", choices=list(ATTACKS), help="run only these attacks")
    parser.add_argument("--seconds", type=float, default=10.0, help="duration of each attack")
    parser.add_argument("--rest-seconds", type=float, default=3.0, help="good-client measurement at rest")
    parser.add_argument("--idle", type=int, default=5000, help="idle mTLS connections to hold")
    parser.add_argument("--slowloris", type=int, default=50, help="slow-loris connections per kind")
    parser.add_argument("--streams-over-limit", type=int, default=400, help="streams opened at once")
    parser.add_argument("--never-read-streams", type=int, default=20)
    parser.add_argument("--handshake-timeout-s", type=float, default=2.0)
    parser.add_argument("--idle-timeout-s", type=float, default=15.0,
                        help="idle timeout of the server this tool starts (slow-loris preface waits for it)")
    parser.add_argument("--rss-bound-mib", type=float, default=200.0)
    parser.add_argument("--quick", action="store_true", help="CI sizes: 2 s attacks, 1 s rest, 300 idle")
    parser.add_argument("--json", action="store_true", help="print only the JSON lines")
    opts = parser.parse_args(argv)
    if opts.quick:
        opts.seconds, opts.rest_seconds = 2.0, 1.0
        opts.idle = min(opts.idle, 300)
        opts.slowloris = min(opts.slowloris, 20)
        opts.idle_timeout_s = min(opts.idle_timeout_s, 3.0)
    return opts


def main(argv: list[str] | None = None) -> int:
    opts = parse_args(argv)
    opts.modules = harness.generate_stubs()
    server = None
    if opts.server:
        if opts.server_pid is None:
            print("--server needs --server-pid", file=sys.stderr)
            return 2
        port, pid = int(opts.server.rsplit(":", 1)[1]), opts.server_pid
    else:
        server = harness.RxServer([*SERVER_ARGS, "--idle-timeout-ms", str(int(opts.idle_timeout_s * 1000))]).start()
        port, pid = server.port, server.process.pid
    results = []
    try:
        good = GoodClient(port, opts.modules)
        for name in opts.only or list(ATTACKS):
            result = run_attack(name, port, pid, good, opts)
            results.append(result)
            if opts.json:
                print(json.dumps(result), flush=True)
            if not result["server_alive"]:
                break
        good.close()
    finally:
        if server is not None:
            code = server.stop()
            if code != 0:
                results.append({"attack": "shutdown", "problems": [f"server exited {code}"]})
            server.cleanup()
    if not opts.json:
        print_table(results)
        for r in results:
            print(json.dumps(r))
    return 1 if any(r["problems"] for r in results) else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--good-client":
        sys.exit(serve_good_client(int(sys.argv[2])))
    sys.exit(main())
