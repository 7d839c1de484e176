"""Every command is documented, with an Example:, like sqlite-utils."""

import subprocess
import sys

import pytest
import typer.main

from consilience.cli import app

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_there_are_commands():
    assert "analyze" in COMMANDS


@pytest.mark.parametrize("command", [[], *[[name] for name in COMMANDS]])
def test_help_has_an_example(command):
    result = subprocess.run([sys.executable, "-m", "consilience", *command, "--help"],
                            capture_output=True, text=True, timeout=120,
                            env={"COLUMNS": "120", "PATH": "", "TERM": "dumb"})
    assert result.returncode == 0, result.stderr
    assert "Example:" in result.stdout
    assert f"consilience {command[0] if command else 'analyze'}" in result.stdout
