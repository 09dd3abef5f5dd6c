"""Opening an input: files or stdin, checks for empty and binary files, decoded lines and chunks
that report undecodable bytes by line and suggest ``--encoding``."""

from __future__ import annotations

import codecs
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError

HEAD_BYTES = 1 << 16
STDIN = "-"
_MAGIC = {
    b"%PDF-": "a PDF document",
    b"\x1f\x8b": "a gzip-compressed file (decompress it first)",
    b"PK\x03\x04": "a zip archive (extract it first)",
    b"BZh": "a bzip2-compressed file (decompress it first)",
    b"\xfd7zXZ\x00": "an xz-compressed file (decompress it first)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
}
_WIDE_BOMS = {
    codecs.BOM_UTF32_LE: "utf-32",
    codecs.BOM_UTF32_BE: "utf-32",
    codecs.BOM_UTF16_LE: "utf-16",
    codecs.BOM_UTF16_BE: "utf-16",
}


@dataclass(frozen=True, slots=True)
class Input:
    """An opened input: its name for messages, the binary stream, and its first bytes."""

    label: str
    stream: BinaryIO
    head: bytes
    encoding: str

    @property
    def wide(self) -> bool:
        """True for UTF-16/32, which cannot be split into lines byte-wise."""
        return codecs.lookup(self.encoding).name.startswith(("utf-16", "utf-32"))


@contextmanager
def open_input(path: str | Path, encoding: str = "utf-8") -> Iterator[Input]:
    """Open ``path`` (``-`` for stdin) and check it holds text; raise InputError naming it if not."""
    label = "<stdin>" if str(path) == STDIN else str(path)
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} (try utf-8, latin-1, cp1252 or utf-16)", path=label) from None
    if str(path) == STDIN:
        stream = io.BufferedReader(sys.stdin.buffer, HEAD_BYTES) if not isinstance(sys.stdin.buffer, io.BufferedReader) else sys.stdin.buffer
        yield _checked(label, stream, encoding)
        return
    if os.path.isdir(path):
        raise InputError("is a directory, not a file (pass the files in it)", path=label)
    try:
        handle = open(path, "rb", buffering=HEAD_BYTES)  # noqa: SIM115 - closed below
    except FileNotFoundError:
        raise InputError("file not found", path=label) from None
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror or exc}", path=label) from None
    with handle:
        yield _checked(label, handle, encoding)


def _checked(label: str, stream: BinaryIO, encoding: str) -> Input:
    head = stream.peek(HEAD_BYTES)[:HEAD_BYTES]  # type: ignore[attr-defined]
    source = Input(label, stream, head, encoding)
    if not head.strip():
        raise InputError("file is empty" if not head else "file is empty (only whitespace)", path=label)
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise InputError(f"this is {what}, not text; kg reads text, JSON, CSV, BibTeX or arXiv Atom", path=label)
    if not source.wide:
        for bom, wide in _WIDE_BOMS.items():
            if head.startswith(bom):
                raise InputError(f"file is {wide.upper()} text; pass --encoding {wide}", path=label)
        if b"\x00" in head:
            raise InputError("binary file, not text (it contains NUL bytes)", path=label)
    return source


def _decode_error(label: str, line: int, exc: UnicodeDecodeError, raw: bytes, encoding: str) -> InputError:
    bad = raw[exc.start : exc.start + 1].hex()
    column = len(raw[: exc.start].decode(encoding, "replace")) + 1
    return InputError(
        f"not valid {encoding} text (byte 0x{bad} at column {column}); pass --encoding "
        "with the file's encoding, e.g. --encoding latin-1 or --encoding cp1252",
        path=label,
        line=line,
    )


def iter_lines(source: Input) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` for each line, without its line ending (LF, CRLF or CR)."""
    if source.wide:
        text = io.TextIOWrapper(source.stream, encoding=source.encoding, newline=None)  # type: ignore[arg-type]
        try:
            for number, line in enumerate(text, 1):
                yield number, line.rstrip("\n").lstrip("\ufeff") if number == 1 else line.rstrip("\n")
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {source.encoding} text: {exc.reason}; pass --encoding", path=source.label) from None
        finally:
            text.detach()
        return
    encoding = source.encoding
    bom = codecs.BOM_UTF8 if codecs.lookup(encoding).name == "utf-8" else b""
    number = 0
    for raw in source.stream:
        number += 1
        if number == 1 and bom and raw.startswith(bom):
            raw = raw[len(bom) :]
        try:
            line = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            raise _decode_error(source.label, number, exc, raw, encoding) from None
        if "\r" in line:
            # old Mac line endings: one "line" may hold several
            parts = line.rstrip("\r\n").split("\r")
            for offset, part in enumerate(parts):
                yield number + offset, part
            number += len(parts) - 1
        else:
            yield number, line.rstrip("\n")


def iter_chunks(source: Input, size: int = HEAD_BYTES) -> Iterator[str]:
    """The decoded text in chunks of about ``size`` bytes (constant memory for any file size)."""
    decoder = codecs.getincrementaldecoder(source.encoding)()
    lines_before = 0
    first = True
    while True:
        raw = source.stream.read(size)
        try:
            text = decoder.decode(raw, final=not raw)
        except UnicodeDecodeError as exc:
            line = lines_before + raw[: max(exc.start, 0)].count(b"\n") + 1
            start = raw.rfind(b"\n", 0, max(exc.start, 0)) + 1
            end = raw.find(b"\n", exc.start)
            line_bytes = raw[start : end if end >= 0 else len(raw)]
            exc.start -= start
            raise _decode_error(source.label, line, exc, line_bytes, source.encoding) from None
        if first:
            text = text.lstrip("\ufeff")
            first = False
        if text:
            yield text
        if not raw:
            return
        lines_before += raw.count(b"\n")


def input_from_bytes(label: str, data: bytes, encoding: str = "utf-8") -> Input:
    """An Input over bytes already in memory (a fetched response), checked like a file."""
    return _checked(label, io.BufferedReader(io.BytesIO(data), HEAD_BYTES), encoding)  # type: ignore[arg-type]
