"""Shared by the build tests: a build output as bytes, with the dates of writing blanked."""

from __future__ import annotations

import re
from pathlib import Path

# Dates of writing: GEXF's lastmodifieddate and the Neo4j bundle's import time.
WRITTEN_AT = re.compile(rb'lastmodifieddate="[0-9-]+"|"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z"')


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file under ``out`` by relative path, dates of writing blanked."""
    return {
        p.relative_to(out).as_posix(): WRITTEN_AT.sub(b"", p.read_bytes())
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }
