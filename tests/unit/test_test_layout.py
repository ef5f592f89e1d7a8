"""Test modules share one namespace (rootdir imports): one basename twice breaks collection."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_test_module_basenames_are_unique() -> None:
    names = Counter(p.name for p in TESTS.rglob("test_*.py") if "cases" not in p.parts)
    assert [n for n, count in names.items() if count > 1] == []
