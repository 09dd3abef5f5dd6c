"""Output piped into a reader that stops early (``| head``) ends quietly with exit code 0."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).parent.parent / "examples" / "daily-papers-sep-11.txt"


def test_broken_pipe_is_not_an_error() -> None:
    kg = subprocess.Popen(
        [sys.executable, "-c", "from kg.cli import main; main()", "ingest", str(EXAMPLE), "-o", "-"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert kg.stdout is not None and kg.stderr is not None
    first = kg.stdout.readline()
    kg.stdout.close()  # the reader goes away with ~120 kB still to write
    stderr = kg.stderr.read().decode()
    assert kg.wait(timeout=60) == 0, stderr
    assert first.startswith(b'{"id":')
    assert "Error" not in stderr and "Traceback" not in stderr
