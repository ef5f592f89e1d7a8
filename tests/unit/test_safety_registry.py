"""Every rule is complete: code, level, message, hint, a docs page that agrees, a test file."""

from __future__ import annotations

import pkgutil
import re
from pathlib import Path

import pytest

import alembic_lockplane.safety.rules as rules_package
from alembic_lockplane.plan.model import Finding, Safety
from alembic_lockplane.safety import RULES, RULES_BY_CODE, level_of

ROOT = Path(__file__).resolve().parents[2]
CODES = [rule.code for rule in RULES]


def test_levels_are_ordered_as_designed() -> None:
    assert [s.value for s in sorted(Safety, key=lambda s: s.rank)] == [
        "safe",
        "review",
        "lossy",
        "dangerous",
    ]


def test_codes_are_unique_snake_case_and_match_their_module() -> None:
    assert len(set(CODES)) == len(CODES)
    modules = {m.name for m in pkgutil.iter_modules(rules_package.__path__)}
    assert modules == set(CODES), "every rules/ module is registered, and only those"
    for code in CODES:
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", code), code


@pytest.mark.parametrize("code", CODES)
def test_rule_has_message_hint_and_allow_instruction(code: str) -> None:
    rule = RULES_BY_CODE[code]
    assert rule.title and rule.message and rule.hint
    assert f"--allow {code}" in rule.hint
    assert rule.level is not Safety.SAFE, "a finding is only worth reporting above safe"
    if rule.blocking:
        assert rule.level is Safety.DANGEROUS, "only data loss or a certain failure blocks"


@pytest.mark.parametrize("code", CODES)
def test_rule_has_a_docs_page_that_agrees_with_it(code: str) -> None:
    rule = RULES_BY_CODE[code]
    page = ROOT / "docs" / "rules" / f"{code}.md"
    assert page.is_file(), page
    text = page.read_text()
    assert text.startswith(f"# `{code}`")
    assert f"**Level:** {rule.level.value}" in text
    assert f"**Blocking:** {'yes' if rule.blocking else 'no'}" in text
    if rule.lock:
        assert f"**Lock:** {rule.lock}" in text
    assert text.count("```sql") >= 2, "before and after SQL"
    assert f"--allow {code}" in text


@pytest.mark.parametrize("code", CODES)
def test_rule_has_its_own_test_file(code: str) -> None:
    assert (ROOT / "tests" / "unit" / "safety" / f"test_{code}.py").is_file()


def test_safety_page_links_every_rule_and_no_page_is_orphaned() -> None:
    index = (ROOT / "docs" / "safety.md").read_text()
    for code in CODES:
        assert f"(rules/{code}.md)" in index, code
    pages = {p.stem for p in (ROOT / "docs" / "rules").glob("*.md")}
    assert pages == set(CODES)


def test_a_step_level_is_its_highest_finding() -> None:
    def finding(level: Safety) -> Finding:
        return Finding("x", level, "m", "h")

    assert level_of([]) is Safety.SAFE
    assert level_of([finding(Safety.REVIEW), finding(Safety.LOSSY)]) is Safety.LOSSY
    assert level_of([finding(Safety.DANGEROUS), finding(Safety.REVIEW)]) is Safety.DANGEROUS
