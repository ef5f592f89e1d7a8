"""Character offsets -> 1-based line and column.

A column is the 1-based *character* index within its line (a tab counts as one character, as does
each character of a multi-byte UTF-8 sequence), because PostgreSQL reports error positions in
characters and editors jump to character columns. ``\\r\\n``, ``\\n`` and a lone ``\\r`` each end a
line, so a file saved with Windows line endings gets the same line numbers as with Unix ones.
"""

from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\n|\r")


class LineIndex:
    """Maps a 0-based character offset in one text to its (line, column)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def advance(line: int, column: int, text: str) -> tuple[int, int]:
    """The position reached after reading ``text`` starting at (line, column)."""
    breaks = list(_LINE_BREAK.finditer(text))
    if not breaks:
        return line, column + len(text)
    return line + len(breaks), len(text) - breaks[-1].end() + 1
