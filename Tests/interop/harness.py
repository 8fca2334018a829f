"""Helpers for the rx-server interoperability suite.

Everything here waits with an explicit timeout: a server that hangs must make a test fail,
never make the suite hang.
"""

from __future__ import annotations

import atexit
import importlib.util
import json
import os
import shutil
import signal
import socket
import ssl
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterable

import grpc

REPO_ROOT = Path(__file__).resolve().parents[2]
CERTS_DIR = Path(os.environ.get("RX_CERTS_DIR", REPO_ROOT / "Certs" / "dev"))
PROTOS_DIR = Path(os.environ.get("RX_PROTOS_DIR", REPO_ROOT / "Protos"))

STARTUP_TIMEOUT_S = 60.0
SHUTDOWN_TIMEOUT_S = 30.0

HTTP2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"


# --------------------------------------------------------------------------- binaries and stubs


def server_binary() -> Path:
    """The rx-server under test: $RX_SERVER_BIN, else the debug build (built once if missing)."""
    configured = os.environ.get("RX_SERVER_BIN")
    if configured:
        path = Path(configured)
        if not path.is_file():
            raise RuntimeError(f"RX_SERVER_BIN={configured} does not exist")
        return path
    bin_dir = subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=REPO_ROOT, check=True, capture_output=True, text=True, timeout=120
    ).stdout.strip()
    path = Path(bin_dir) / "rx-server"
    if not path.is_file():
        subprocess.run(["swift", "build", "--product", "rx-server"], cwd=REPO_ROOT, check=True, timeout=1800)
    return path


def generate_stubs() -> dict[str, ModuleType]:
    """Compiles every proto under Protos/ with grpc_tools.protoc and loads the message modules.

    Modules are loaded from their file paths rather than imported by package name: the health
    proto lives in package `grpc.health.v1`, whose top-level name would collide with grpcio.
    Output goes to a private temporary directory so concurrent runs cannot trip over each other.
    """
    protos = sorted(str(p.relative_to(PROTOS_DIR)) for p in PROTOS_DIR.rglob("*.proto"))
    if not protos:
        raise RuntimeError(f"no .proto files under {PROTOS_DIR}")
    gen_dir = Path(tempfile.mkdtemp(prefix="rx-interop-gen-"))
    atexit.register(shutil.rmtree, gen_dir, True)
    result = subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", f"-I{PROTOS_DIR}", f"--python_out={gen_dir}", *protos],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise RuntimeError(f"protoc failed on {protos}:\n{result.stderr}")
    # Generated files import each other by package path (drugs.proto imports prescription.proto as
    # `from rx.v1 import prescription_pb2`); appended last, so the real grpcio package still wins.
    sys.path.append(str(gen_dir))
    modules = {}
    # Generated files import each other by package ("from rx.v1 import prescription_pb2"): make the rx
    # packages importable from gen_dir (appended last, so "grpc" still resolves to grpcio).
    sys.path.append(str(gen_dir))
    for relative in protos:
        if not relative.startswith("grpc/"):
            modules[relative] = importlib.import_module(relative[: -len(".proto")].replace("/", ".") + "_pb2")
            continue
        module_path = gen_dir / (relative[: -len(".proto")] + "_pb2.py")
        name = "rx_interop_gen_" + relative[: -len(".proto")].replace("/", "_")
        spec = importlib.util.spec_from_file_location(name, module_path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules[relative] = module
        _register_for_imports(relative, module, gen_dir)
    return modules


def _register_for_imports(relative: str, module: ModuleType, gen_dir: Path) -> None:
    """Makes `module` importable under its proto package path (e.g. `rx.v1.prescription_pb2`), so a
    generated module that imports another proto (`from rx.v1 import prescription_pb2`) finds the one
    already loaded. Packages under `grpc` are skipped: that name belongs to grpcio."""
    parts = relative[: -len(".proto")].split("/")
    if parts[0] == "grpc":
        return
    for depth in range(1, len(parts)):
        package = ".".join(parts[:depth])
        if package not in sys.modules:
            shell = ModuleType(package)
            shell.__path__ = [str(gen_dir.joinpath(*parts[:depth]))]
            sys.modules[package] = shell
    sys.modules[".".join(parts[:-1] + [parts[-1] + "_pb2"])] = module


# --------------------------------------------------------------------------- the server process


@dataclass
class LogLine:
    raw: str
    fields: dict | None  # None when the line is not a JSON object


class RxServer:
    """One rx-server process on a free port with its own data directory."""

    def __init__(self, extra_args: Iterable[str] = ()):
        self.binary = server_binary()
        self.data_dir = Path(tempfile.mkdtemp(prefix="rx-interop-"))
        self.args = [
            str(self.binary),
            "serve",
            "--host", "127.0.0.1",
            "--port", "0",
            "--data-dir", str(self.data_dir),
            "--certs", str(CERTS_DIR),
            "--enable-diagnostics",
            "--io-threads", "2",
            *extra_args,
        ]
        self.process: subprocess.Popen | None = None
        self.port: int | None = None
        self.lines: list[LogLine] = []
        self._lines_changed = threading.Condition()
        self._reader: threading.Thread | None = None
        self.returncode: int | None = None

    # -- lifecycle

    def start(self, timeout: float = STARTUP_TIMEOUT_S) -> "RxServer":
        self.process = subprocess.Popen(
            self.args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO_ROOT
        )
        self._reader = threading.Thread(target=self._read_stderr, name="rx-server-stderr", daemon=True)
        self._reader.start()
        started = self.wait_for_log(lambda f: f.get("msg") == "started", timeout=timeout)
        if started is None:
            self.kill()
            raise RuntimeError(
                f"rx-server did not log 'started' within {timeout}s (exit code {self.process.poll()});"
                f" stderr so far:\n{self.stderr_text()}"
            )
        port = started.get("port")
        if isinstance(port, str) and port.isdigit():
            port = int(port)
        if not isinstance(port, int) or not 0 < port < 65536:
            self.kill()
            raise RuntimeError(f"'started' log line has no usable port: {started}")
        self.port = port
        return self

    def _read_stderr(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        for raw in self.process.stderr:
            text = raw.decode("utf-8", errors="replace").rstrip("\n")
            try:
                parsed = json.loads(text)
                fields = parsed if isinstance(parsed, dict) else None
            except ValueError:
                fields = None
            with self._lines_changed:
                self.lines.append(LogLine(text, fields))
                self._lines_changed.notify_all()
        with self._lines_changed:
            self._lines_changed.notify_all()

    def send_signal(self, signum: int = signal.SIGTERM) -> None:
        assert self.process is not None
        self.process.send_signal(signum)

    def stop(self, signum: int = signal.SIGTERM, timeout: float = SHUTDOWN_TIMEOUT_S) -> int:
        """Signals the server and waits for it to exit; returns its exit code (kills it on timeout)."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(signum)
        return self.wait_exit(timeout)

    def wait_exit(self, timeout: float = SHUTDOWN_TIMEOUT_S) -> int:
        assert self.process is not None
        try:
            self.returncode = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(
                f"rx-server did not exit within {timeout}s of the signal; stderr tail:\n{self.stderr_text(40)}"
            ) from None
        if self._reader is not None:
            self._reader.join(timeout=5)
        return self.returncode

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def cleanup(self) -> None:
        self.kill()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    # -- logs

    def stderr_text(self, last: int | None = None) -> str:
        with self._lines_changed:
            lines = [line.raw for line in self.lines]
        return "\n".join(lines[-last:] if last else lines)

    def log_mark(self) -> int:
        """The current number of stderr lines, for `wait_for_log(since=…)`."""
        with self._lines_changed:
            return len(self.lines)

    def log_fields(self) -> list[dict]:
        with self._lines_changed:
            return [line.fields for line in self.lines if line.fields is not None]

    def wait_for_log(
        self, predicate: Callable[[dict], bool], timeout: float, since: int = 0
    ) -> dict | None:
        """The first JSON log line from index `since` on matching `predicate`, waiting up to `timeout` s."""
        deadline = time.monotonic() + timeout
        checked = since
        with self._lines_changed:
            while True:
                for line in self.lines[checked:]:
                    if line.fields is not None and predicate(line.fields):
                        return line.fields
                checked = len(self.lines)
                remaining = deadline - time.monotonic()
                exited = self.process is not None and self.process.poll() is not None
                if remaining <= 0 or (exited and not (self._reader and self._reader.is_alive())):
                    return None
                self._lines_changed.wait(timeout=min(remaining, 0.5))

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.port}"


# --------------------------------------------------------------------------- grpcio channels

_channel_counter = 0
_channel_counter_lock = threading.Lock()


def read_cert_file(name: str) -> bytes:
    return (CERTS_DIR / name).read_bytes()


def channel_credentials(identity: str | None, ca: str = "ca.crt") -> grpc.ChannelCredentials:
    """TLS credentials trusting `ca`, presenting `identity`.crt/.key (None: no client certificate)."""
    if identity is None:
        return grpc.ssl_channel_credentials(root_certificates=read_cert_file(ca))
    return grpc.ssl_channel_credentials(
        root_certificates=read_cert_file(ca),
        private_key=read_cert_file(f"{identity}.key"),
        certificate_chain=read_cert_file(f"{identity}.crt"),
    )


def secure_channel(
    port: int, identity: str | None = "hospital-prescriber", options: Iterable[tuple[str, object]] = ()
) -> grpc.Channel:
    """A channel on its own connection (local subchannel pool plus a unique argument)."""
    global _channel_counter
    with _channel_counter_lock:
        _channel_counter += 1
        unique = _channel_counter
    all_options = [
        ("grpc.ssl_target_name_override", "localhost"),
        ("grpc.use_local_subchannel_pool", 1),
        ("grpc.max_receive_message_length", 16 << 20),
        ("rx.interop.channel_id", unique),
        *options,
    ]
    return grpc.secure_channel(f"127.0.0.1:{port}", channel_credentials(identity), options=all_options)


class Stubs:
    """Typed callables for the services under test, built from generic multicallables."""

    def __init__(self, modules: dict[str, ModuleType]):
        self.health = modules["grpc/health/v1/health.proto"]
        self.diagnostics = modules["rx/v1/diagnostics.proto"]

    def check(self, channel: grpc.Channel):
        h = self.health
        return channel.unary_unary(
            "/grpc.health.v1.Health/Check",
            request_serializer=h.HealthCheckRequest.SerializeToString,
            response_deserializer=h.HealthCheckResponse.FromString,
        )

    def list(self, channel: grpc.Channel):
        h = self.health
        return channel.unary_unary(
            "/grpc.health.v1.Health/List",
            request_serializer=h.HealthListRequest.SerializeToString,
            response_deserializer=h.HealthListResponse.FromString,
        )

    def watch(self, channel: grpc.Channel):
        h = self.health
        return channel.unary_stream(
            "/grpc.health.v1.Health/Watch",
            request_serializer=h.HealthCheckRequest.SerializeToString,
            response_deserializer=h.HealthCheckResponse.FromString,
        )

    def echo(self, channel: grpc.Channel):
        d = self.diagnostics
        return channel.unary_unary(
            "/rx.v1.Diagnostics/Echo",
            request_serializer=d.EchoRequest.SerializeToString,
            response_deserializer=d.EchoResponse.FromString,
        )

    def echo_stream(self, channel: grpc.Channel):
        d = self.diagnostics
        return channel.unary_stream(
            "/rx.v1.Diagnostics/EchoStream",
            request_serializer=d.EchoRequest.SerializeToString,
            response_deserializer=d.EchoResponse.FromString,
        )

    def raw_unary(self, channel: grpc.Channel, path: str):
        """A unary call that sends and returns raw bytes (no protobuf on the client side)."""
        return channel.unary_unary(path, request_serializer=None, response_deserializer=None)

    def sample(self, label: str = "xin chào"):
        """A WireSample touching several field types, so an echo proves more than an empty message."""
        d = self.diagnostics
        sample = d.WireSample(
            int32_value=-42,
            sint64_value=-(1 << 40),
            fixed64_value=(1 << 64) - 1,
            double_value=3.25,
            bool_value=True,
            string_value=label,
            bytes_value=b"\x00\x01\xff",
            kind=d.SAMPLE_KIND_NEGATIVE,
            packed_int32=[1, -1, 300],
            tags=["a", "ệ"],
            max_field_number=7,
        )
        sample.counters["lần"] = 3
        sample.nested.label = "con"
        sample.nested.deltas.extend([-5, 5])
        return sample


def wait_ready(channel: grpc.Channel, timeout: float = 10.0) -> None:
    grpc.channel_ready_future(channel).result(timeout=timeout)


# --------------------------------------------------------------------------- raw TLS and HTTP/2


def tls_context(identity: str | None = "hospital-prescriber", alpn: list[str] | None = None) -> ssl.SSLContext:
    """A client context trusting the facility CA and checking the server name `localhost`."""
    context = ssl.create_default_context(cafile=str(CERTS_DIR / "ca.crt"))
    if identity is not None:
        context.load_cert_chain(str(CERTS_DIR / f"{identity}.crt"), str(CERTS_DIR / f"{identity}.key"))
    context.set_alpn_protocols(["h2"] if alpn is None else alpn)
    return context


@dataclass
class RefusalOutcome:
    """How a connection attempt that should be refused ended."""

    stage: str  # "handshake" or "after-handshake"
    detail: str
    application_bytes: bytes = b""


def attempt_tls(port: int, context: ssl.SSLContext, timeout: float = 5.0) -> RefusalOutcome:
    """Handshakes, then speaks HTTP/2 and reads until the server answers, closes, or `timeout`.

    With TLS 1.3 the client finishes its handshake before the server has checked the client's
    certificate, so a refusal can surface on the first read instead of in `do_handshake`.
    """
    deadline = time.monotonic() + timeout
    raw = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        try:
            tls = context.wrap_socket(raw, server_hostname="localhost")
        except (ssl.SSLError, ConnectionError, OSError) as error:
            return RefusalOutcome("handshake", f"{type(error).__name__}: {error}")
        received = b""
        try:
            tls.sendall(HTTP2_PREFACE + _settings_frame())
            while time.monotonic() < deadline:
                tls.settimeout(max(0.05, deadline - time.monotonic()))
                chunk = tls.recv(65536)
                if not chunk:
                    return RefusalOutcome("after-handshake", "EOF", received)
                received += chunk
            return RefusalOutcome("after-handshake", "still open at timeout", received)
        except socket.timeout:
            return RefusalOutcome("after-handshake", "still open at timeout", received)
        except (ssl.SSLError, ConnectionError, OSError) as error:
            return RefusalOutcome("after-handshake", f"{type(error).__name__}: {error}", received)
        finally:
            tls.close()
    finally:
        raw.close()


def _settings_frame() -> bytes:
    return b"\x00\x00\x00\x04\x00\x00\x00\x00\x00"


def grpc_frame(message: bytes, compressed: bool = False) -> bytes:
    return struct.pack(">BI", 1 if compressed else 0, len(message)) + message


def grpc_messages(data: bytes) -> list[bytes]:
    """Splits a response body into gRPC messages; raises on a trailing partial frame."""
    messages, offset = [], 0
    while offset < len(data):
        if len(data) - offset < 5:
            raise AssertionError(f"partial gRPC frame header at byte {offset} of {len(data)}")
        flag, length = struct.unpack_from(">BI", data, offset)
        if flag != 0:
            raise AssertionError(f"unexpected compressed flag {flag} in response")
        if offset + 5 + length > len(data):
            raise AssertionError(f"partial gRPC message at byte {offset}: need {length}, have {len(data) - offset - 5}")
        messages.append(data[offset + 5 : offset + 5 + length])
        offset += 5 + length
    return messages


@dataclass
class StreamResult:
    stream_id: int
    started: float
    headers: dict[str, str] = field(default_factory=dict)
    data: bytearray = field(default_factory=bytearray)
    trailers: dict[str, str] = field(default_factory=dict)
    ended: bool = False
    reset_code: int | None = None
    finished_at: float | None = None

    @property
    def done(self) -> bool:
        return self.ended or self.reset_code is not None

    @property
    def elapsed(self) -> float:
        return (self.finished_at or time.monotonic()) - self.started

    @property
    def grpc_status(self) -> str | None:
        """From the trailers, or from the headers of a trailers-only response."""
        return self.trailers.get("grpc-status", self.headers.get("grpc-status"))

    @property
    def grpc_message(self) -> str | None:
        return self.trailers.get("grpc-message", self.headers.get("grpc-message"))


class RawHTTP2Client:
    """A minimal HTTP/2 client over mTLS using the `h2` state machine, for what grpcio hides."""

    def __init__(self, port: int, identity: str = "hospital-prescriber", timeout: float = 10.0):
        import h2.config
        import h2.connection

        self.timeout = timeout
        raw = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.sock = tls_context(identity).wrap_socket(raw, server_hostname="localhost")
        if self.sock.selected_alpn_protocol() != "h2":
            raise AssertionError(f"server selected ALPN {self.sock.selected_alpn_protocol()!r}, expected 'h2'")
        self.conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
        self.conn.initiate_connection()
        self.streams: dict[int, StreamResult] = {}
        self.terminated: object | None = None
        self.flush()

    def close(self) -> None:
        try:
            self.conn.close_connection()
            self.flush()
        except Exception:
            pass
        self.sock.close()

    def __enter__(self) -> "RawHTTP2Client":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def flush(self) -> None:
        data = self.conn.data_to_send()
        if data:
            self.sock.sendall(data)

    def start_request(
        self,
        path: str,
        body: bytes | None,
        *,
        method: str = "POST",
        content_type: str | None = "application/grpc",
        extra_headers: Iterable[tuple[str, str]] = (),
        end_stream: bool = True,
    ) -> int:
        stream_id = self.conn.get_next_available_stream_id()
        headers = [(":method", method), (":scheme", "https"), (":path", path), (":authority", "localhost")]
        if content_type is not None:
            headers.append(("content-type", content_type))
        headers.append(("te", "trailers"))
        headers.extend(extra_headers)
        self.streams[stream_id] = StreamResult(stream_id, time.monotonic())
        no_body = body is None
        self.conn.send_headers(stream_id, headers, end_stream=no_body and end_stream)
        if not no_body:
            self._send_body(stream_id, body, end_stream)
        self.flush()
        return stream_id

    def _send_body(self, stream_id: int, body: bytes, end_stream: bool) -> None:
        offset = 0
        while True:
            window = min(self.conn.local_flow_control_window(stream_id), self.conn.max_outbound_frame_size)
            if offset < len(body) and window <= 0:
                self.flush()
                self.pump(lambda: self.conn.local_flow_control_window(stream_id) > 0, self.timeout)
                continue
            chunk = body[offset : offset + window]
            offset += len(chunk)
            last = offset >= len(body)
            self.conn.send_data(stream_id, chunk, end_stream=last and end_stream)
            if last:
                return

    def reset(self, stream_id: int, error_code: int = 8) -> None:
        self.conn.reset_stream(stream_id, error_code=error_code)
        self.streams[stream_id].reset_code = error_code
        self.streams[stream_id].finished_at = time.monotonic()
        self.flush()

    def pump(self, until: Callable[[], bool], timeout: float) -> bool:
        """Reads and handles frames until `until()` holds (True) or `timeout` passes (False)."""
        import h2.events

        deadline = time.monotonic() + timeout
        while not until():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self.sock.settimeout(remaining)
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                return until()
            if not chunk:
                raise ConnectionError("server closed the connection")
            for event in self.conn.receive_data(chunk):
                stream = self.streams.get(getattr(event, "stream_id", 0) or 0)
                if isinstance(event, h2.events.ResponseReceived) and stream:
                    stream.headers = dict(event.headers)
                elif isinstance(event, h2.events.DataReceived):
                    if stream:
                        stream.data.extend(event.data)
                    self.conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
                elif isinstance(event, h2.events.TrailersReceived) and stream:
                    stream.trailers = dict(event.headers)
                elif isinstance(event, h2.events.StreamEnded) and stream:
                    stream.ended = True
                    stream.finished_at = time.monotonic()
                elif isinstance(event, h2.events.StreamReset) and stream:
                    stream.reset_code = event.error_code
                    stream.finished_at = time.monotonic()
                elif isinstance(event, h2.events.ConnectionTerminated):
                    self.terminated = event
            self.flush()
        return True

    def wait(self, stream_id: int, timeout: float | None = None) -> StreamResult:
        stream = self.streams[stream_id]
        if not self.pump(lambda: stream.done, self.timeout if timeout is None else timeout):
            raise AssertionError(
                f"stream {stream_id} not finished after {timeout or self.timeout}s: headers={stream.headers}"
            )
        return stream

    def unary(self, path: str, message: bytes, *, timeout: float | None = None, **kwargs) -> StreamResult:
        return self.wait(self.start_request(path, grpc_frame(message), **kwargs), timeout)


def status_name(value: object) -> str:
    """A log line's status as a code name, whether the server logs names or numbers."""
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
        for code in grpc.StatusCode:
            if code.value[0] == int(value):
                return code.name
        return str(value)
    return str(value).upper()
