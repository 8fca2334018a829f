"""rxctl get CODE --qr / --qr-png: the QR code decodes back to the prescription code (zbarimg)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from harness import generate_stubs
from prescription_helpers import Prescriptions, ordinary, rxctl, sign

pytestmark = pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (Debian zbar-tools) not installed")


def zbar_decode(image: Path) -> list[str]:
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, f"zbarimg found no code: {result.stderr}"
    return result.stdout.splitlines()


def terminal_to_pgm(text: str, path: Path, scale: int = 6, inverted: bool = False) -> None:
    """Turns the half-block text back into modules and writes them as a binary PGM image."""
    lines = [line for line in text.splitlines() if line and set(line) <= set(" ▀▄█")]
    width = max(len(line) for line in lines)
    rows: list[list[bool]] = []
    for line in lines:
        line = line.ljust(width)
        rows.append([ch in "█▀" for ch in line])
        rows.append([ch in "█▄" for ch in line])
    if inverted:
        rows = [[not dark for dark in row] for row in rows]
    pixels = bytearray()
    for row in rows:
        line = bytearray()
        for dark in row:
            line += bytes([0 if dark else 255]) * scale
        pixels += bytes(line) * scale
    path.write_bytes(f"P5 {width * scale} {len(rows) * scale} 255\n".encode() + bytes(pixels))


@pytest.fixture(scope="module")
def code(server, tmp_path_factory) -> str:
    from harness import secure_channel

    modules = generate_stubs()
    work = tmp_path_factory.mktemp("qr-sign")
    content = ordinary(modules["rx/v1/prescription.proto"]).SerializeToString()
    channel = secure_channel(server.port)
    try:
        return Prescriptions(modules, channel).submit_signed(sign(content, work)).code
    finally:
        channel.close()


def test_qr_png_decodes_to_the_code(server, code, tmp_path):
    image = tmp_path / "code.png"
    result = rxctl(server.port, "get", code, "--qr-png", str(image))
    assert result.returncode == 0, result.stderr
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert zbar_decode(image) == [code]


@pytest.mark.parametrize("inverted", [False, True])
def test_terminal_qr_decodes_to_the_code(server, code, tmp_path, inverted):
    args = ["get", code, "--qr"] + (["--qr-invert"] if inverted else [])
    result = rxctl(server.port, *args)
    assert result.returncode == 0, result.stderr
    assert "█" in result.stdout
    image = tmp_path / "terminal.pgm"
    terminal_to_pgm(result.stdout, image, inverted=inverted)
    assert zbar_decode(image) == [code]


def test_qr_for_an_unknown_code_is_not_printed(server, tmp_path):
    image = tmp_path / "missing.png"
    result = rxctl(server.port, "get", "79088zzzzzzz-C", "--qr-png", str(image))
    assert result.returncode != 0 and "NOT_FOUND" in result.stderr
    assert not image.exists()
