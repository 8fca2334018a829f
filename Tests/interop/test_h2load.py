"""nghttp2's own load tool, speaking cleartext HTTP/2, must not get a single response."""

import re
import shutil
import subprocess

import pytest


def test_h2load_cleartext_is_refused(server):
    h2load = shutil.which("h2load")
    if h2load is None:
        pytest.skip("h2load not installed (apt-get install nghttp2-client); tools/test.sh installs it")
    result = subprocess.run(
        [h2load, "-n", "4", "-c", "2", "-t", "1", f"http://127.0.0.1:{server.port}/rx.v1.Diagnostics/Echo"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    output = result.stdout + result.stderr
    match = re.search(r"requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded", output)
    assert match, f"unexpected h2load output:\n{output}"
    assert match.group(4) == "0", f"cleartext HTTP/2 got answers:\n{output}"
