"""A real `consilience serve` process for tests: a free port, start, wait, request, stop."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest

CONSILIENCE = Path(sys.executable).parent / "consilience"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([str(CONSILIENCE), "serve", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def get(url: str) -> tuple[int, Message, bytes]:
    """Status, headers (names in any case) and body."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_until_serving(process: subprocess.Popen, url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"serve exited early: {process.communicate()[1]}")
        try:
            get(url)
            return
        except OSError:
            time.sleep(0.2)
    process.kill()
    pytest.fail(f"serve did not answer within {timeout} s")


def stop(process: subprocess.Popen, how: int) -> tuple[int, str]:
    process.send_signal(how)
    try:
        _, stderr = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("serve did not stop")
    return process.returncode, stderr
