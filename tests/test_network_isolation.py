"""`analyze` and `serve` open no network connection: each runs as a real process whose audit
hook ends it (exit 97) on the first socket connection or name lookup beyond loopback."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

from .no_network import NETWORK_USED
from .serving import free_port, get, stop, wait_until_serving

GUARD = Path(__file__).with_name("no_network.py")


def guarded(*args: str) -> list[str]:
    return [sys.executable, str(GUARD), *args]


def test_the_guard_really_stops_a_process_that_connects():
    probe = subprocess.run([sys.executable, "-c", (
        "import runpy, socket, sys; sys.argv = ['x']; "
        f"ns = runpy.run_path({str(GUARD)!r}); sys.addaudithook(ns['_hook']); "
        "socket.create_connection(('192.0.2.1', 80), timeout=1)")],
        capture_output=True, text=True, timeout=60)
    assert probe.returncode == NETWORK_USED, probe.stderr
    assert "192.0.2.1" in probe.stderr


def test_analyze_in_every_format_stays_offline(example_dir, tmp_path):
    for fmt in ("json", "md", "html"):
        output = tmp_path / f"story.{fmt}"
        result = subprocess.run(guarded("analyze", str(example_dir), "--format", fmt, "-o",
                                        str(output), "--quiet"),
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert output.stat().st_size > 1000


def test_serve_answers_every_route_and_stays_offline(example_dir, tmp_path):
    db = tmp_path / "stories.db"
    ingested = subprocess.run(guarded("ingest", str(example_dir), "--db", str(db), "--quiet"),
                              capture_output=True, text=True, timeout=600)
    assert ingested.returncode == 0, ingested.stderr
    port = free_port()
    process = subprocess.Popen(guarded("serve", "--db", str(db), "--port", str(port)),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(process, f"{base}/api/stories")
        stories = json.loads(get(f"{base}/api/stories")[2])
        story, article = stories[0]["id"], stories[0]["articles"][0]["id"]
        for path in ("/", "/?q=japan", f"/stories/{story}", f"/articles/{article}",
                     f"/articles/{article}/text", f"/api/stories/{story}",
                     f"/api/articles/{article}", "/api/openapi.json", "/stories/999"):
            status = get(base + path)[0]
            assert status in (200, 404), (path, status)
        assert process.poll() is None
    finally:
        code, stderr = stop(process, signal.SIGINT)
    assert code == 0, stderr
