"""Files a user hands us or we hand back.

Atomic writes: an interrupted write never leaves a half file a later command trusts.
JSON reads: any bytes give a document or one ``SnapshotError`` line, never another exception.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from alembic_lockplane.errors import SnapshotError


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write ``text`` (or its pieces, in order) to ``path`` through a renamed temporary file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_json_file(path: Path, *, hint: str | None = None) -> Any:
    """The JSON document in ``path``, or a ``SnapshotError`` naming ``path:line:col``
    (``hint`` goes with the error for text that is not JSON at all).

    Accepts what editors and shells really write: UTF-8 with or without a BOM, and UTF-16/32
    with a BOM (Windows PowerShell 5's ``>`` writes UTF-16). Refuses, as one-line errors, what
    ``json.loads`` would turn into other exceptions: nesting deeper than Python's recursion
    limit, integers longer than ``sys.get_int_max_str_digits()``, and strings holding lone
    UTF-16 surrogates (``"\\ud800"``), which no later output could encode.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SnapshotError(f"{path}: no such file") from None
    except OSError as exc:
        raise SnapshotError(f"{path}: cannot read: {exc.strerror or exc}") from None
    text = _decode(data, path)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SnapshotError(
            f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}",
            hint=_NUL_HINT if "\x00" in text else hint,
        ) from None
    except RecursionError:
        raise SnapshotError(f"{path}: invalid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise SnapshotError(f"{path}: invalid JSON: {exc}") from None
    bad = _lone_surrogate(value, "$") if _SURROGATE_ESCAPE.search(text) else None
    if bad:
        raise SnapshotError(f"{path}: {bad}: invalid Unicode (a lone surrogate escape)")
    return value


_NUL_HINT = "the file holds NUL bytes: if it is UTF-16, save it as UTF-8"
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode(data: bytes, path: Path) -> str:
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), "utf-8")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            raise SnapshotError(f"{path}: not valid {encoding.upper()} text") from None
        prefix = data[: exc.start].decode("utf-8")
        line = prefix.count("\n") + 1
        column = len(prefix) - (prefix.rfind("\n") + 1) + 1
        raise SnapshotError(
            f"{path}:{line}:{column}: byte 0x{data[exc.start]:02x} is not valid UTF-8",
            hint="save the file as UTF-8",
        ) from None


def _lone_surrogate(value: Any, path: str) -> str | None:
    """The JSON path of the first string (key or value) with a lone surrogate, if any."""
    stack: list[tuple[Any, str]] = [(value, path)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, str):
            if not _encodable(node):
                return where
        elif isinstance(node, dict):
            for key, item in node.items():
                if not _encodable(key):
                    return where
                stack.append((item, f"{where}.{key}"))
        elif isinstance(node, list):
            stack.extend((item, f"{where}[{i}]") for i, item in enumerate(node))
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
