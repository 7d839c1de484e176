"""`consilience serve` as a user runs it: a real server process on a free port, stopped with
Ctrl+C (SIGINT) or SIGTERM; a port in use and a missing database are one-line errors."""

from __future__ import annotations

import json
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from consilience.cli.serve import is_loopback, site_url

from ..serving import free_port, get, start, stop, wait_until_serving
from ..web.conftest import build

CONSILIENCE = Path(sys.executable).parent / "consilience"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("serve")).path


def assert_one_line_error(result: subprocess.CompletedProcess, code: str) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and code in lines[0], result.stderr
    return lines[0]


def test_serve_answers_then_stops_cleanly_on_ctrl_c(db):
    port = free_port()
    process = start("--db", str(db), "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(process, f"{base}/api/stories")
        status, headers, body = get(f"{base}/api/stories")
        assert status == 200 and len(json.loads(body)) == 4
        assert headers["X-Frame-Options"] == "DENY"
        status, headers, body = get(f"{base}/")
        assert status == 200 and body.startswith(b"<!doctype html>")
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert get(f"{base}/stories/999")[0] == 404
    finally:
        code, stderr = stop(process, signal.SIGINT)
    assert code == 0, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines == [f"Serving 4 stories from {db} at {base}/ (Ctrl+C to stop)"]


def loaded_modules(pid: int) -> set[str]:
    """The shared objects a process has mapped: every compiled module it imported."""
    maps = Path(f"/proc/{pid}/maps")
    return {line.split()[-1] for line in maps.read_text().splitlines() if ".so" in line}


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux's /proc")
def test_serve_never_loads_the_language_pipeline(db):
    port = free_port()
    process = start("--db", str(db), "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(process, f"{base}/api/stories")
        stories = json.loads(get(f"{base}/api/stories")[2])
        assert len(stories) == 4
        for story in stories:
            assert get(f"{base}/stories/{story['id']}")[0] == 200
            assert get(f"{base}/api/stories/{story['id']}")[0] in (200, 404)  # 404: never analysed
        modules = loaded_modules(process.pid)
        assert any("/pydantic_core/" in path for path in modules)  # the check sees imports
        assert not [path for path in modules if "/spacy/" in path or "/thinc/" in path]
    finally:
        code, stderr = stop(process, signal.SIGINT)
    assert code == 0, stderr


def test_serve_on_every_address_warns_and_stops_on_sigterm(db):
    port = free_port()
    process = start("--db", str(db), "--port", str(port), "--host", "0.0.0.0")
    try:
        wait_until_serving(process, f"http://127.0.0.1:{port}/api/stories")
    finally:
        code, stderr = stop(process, signal.SIGTERM)
    assert code == 0, stderr
    assert "anyone on the network can read the stories" in stderr
    assert f"at http://0.0.0.0:{port}/" in stderr and "Traceback" not in stderr


def test_a_port_in_use_is_one_line(db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([str(CONSILIENCE), "serve", "--db", str(db), "--port",
                                 str(port)], capture_output=True, text=True, timeout=120)
    line = assert_one_line_error(result, "E701")
    assert f"127.0.0.1:{port}" in line


def test_a_missing_database_is_one_line_and_is_not_created(tmp_path):
    path = tmp_path / "missing.db"
    result = subprocess.run([str(CONSILIENCE), "serve", "--db", str(path), "--port",
                             str(free_port())], capture_output=True, text=True, timeout=120)
    line = assert_one_line_error(result, "E508")
    assert str(path) in line and "consilience ingest" in line
    assert not path.exists()


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True),
    ("0.0.0.0", False), ("::", False), ("", False), ("192.0.2.1", False),
    ("no-such-host.invalid", False)])
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


def test_site_url_brackets_ipv6():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        assert site_url(sock) == f"http://127.0.0.1:{sock.getsockname()[1]}/"
    try:
        sock6 = socket.socket(socket.AF_INET6)
        sock6.bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback here")
    with sock6:
        assert site_url(sock6) == f"http://[::1]:{sock6.getsockname()[1]}/"
