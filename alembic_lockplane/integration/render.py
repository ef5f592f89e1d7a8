"""A plan as the Python body of an Alembic revision.

One ``lp.execute(...)`` per statement, grouped by step, each step preceded by a comment with
its safety level, description and findings; steps PostgreSQL refuses inside a transaction
sit in ``op.get_context().autocommit_block()``. The output is ruff-clean at 100 columns and
byte-identical for the same plan: non-ASCII characters are escaped (ruff flags look-alike
characters), long statements are split into implicitly concatenated literals whose
concatenation is exactly the statement.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from alembic_lockplane.plan.model import Plan, Step, lock_summary
from alembic_lockplane.render.quote import quote_literal
from alembic_lockplane.render.transactions import step_runs_in_transaction

LINE = 100
INDENT = "    "


@dataclass(frozen=True)
class RevisionBody:
    """What ``templates/script.py.mako`` needs besides Alembic's own variables."""

    source_hash: str
    target_hash: str
    schemas: tuple[str, ...] | None
    safety: str
    upgrade: str
    downgrade: str
    summary: tuple[str, ...]
    uses_op: bool
    statements: tuple[str, ...] = ()
    #: extra ``lp.guard`` arguments: what the hashes cover when it is not the default
    guard_options: tuple[str, ...] = ()

    def title(self, message: str | None) -> str:
        """The revision message, safe inside the module docstring's first line."""
        text = " ".join((message or "empty message").split())
        return _ascii(text.replace("\\", "/").replace('"""', "'''"))

    def guard(self, hash_name: str, planned_at: str) -> str:
        """The ``lp.guard(...)`` call of ``upgrade``/``downgrade`` (one level indented)."""
        args = (hash_name, "schemas=schemas", f"planned_at={planned_at}", *self.guard_options)
        one_line = f"lp.guard({', '.join(args)})"
        if len(INDENT) + len(one_line) <= LINE:
            return one_line
        inner = "".join(f"\n{INDENT * 2}{arg}," for arg in args)
        return f"lp.guard({inner}\n{INDENT})"

    def revises(self, down_revision: str | tuple[str, ...] | None) -> str:
        """`` a, b`` for the docstring's ``Revises:`` line, or nothing for the first one."""
        if not down_revision:
            return ""
        heads = (down_revision,) if isinstance(down_revision, str) else down_revision
        return " " + ", ".join(heads)


def render_body(
    plan: Plan,
    *,
    schemas: Sequence[str] | None = None,
    source: str | None = None,
    lock_timeout: str | None = None,
    owners: bool = False,
    privileges: bool = True,
) -> RevisionBody:
    """The revision body for ``plan`` (``source`` names the desired schema in the docstring).

    ``lock_timeout`` (e.g. ``5s``): every step starts with ``SET LOCAL lock_timeout`` (it
    lasts until the migration's transaction ends), or, in an ``autocommit_block``, with a
    session ``SET`` that is ``RESET`` after the step, so a step waiting for its lock behind
    a long transaction fails instead of queueing every query on the table behind it.
    ``owners``/``privileges``: the ``manage_*`` settings the plan was made with; the guard
    reads the live schema the same way (written only when not the default, so revisions
    of projects that do not use them stay as they were).
    """
    total = len(plan.steps)
    up: list[str] = []
    for number, step in enumerate(plan.steps, 1):
        up.append("")
        up.extend(_step_block(step, f"Step {number}/{total}", step.sql, lock_timeout))
    down = _downgrade(plan, lock_timeout)
    summary = [f"Planned by alembic-lockplane: {total} step(s), highest level {plan.safety}."]
    if source:
        summary.append(f"Desired schema: {source}")
    return RevisionBody(
        source_hash=plan.source_hash,
        target_hash=plan.target_hash,
        schemas=tuple(schemas) if schemas else None,
        safety=str(plan.safety),
        upgrade="\n".join(up),
        downgrade="\n".join(down),
        summary=tuple(_ascii(line) for line in summary),
        uses_op="op.get_context()" in "\n".join(up + down),
        statements=tuple(sql for step in plan.steps for sql in step.sql),
        guard_options=(("owners=True",) if owners else ())
        + (() if privileges else ("privileges=False",)),
    )


def _downgrade(plan: Plan, lock_timeout: str | None = None) -> list[str]:
    irreversible = [s for s in plan.steps if s.rollback is None]
    lines: list[str] = []
    if irreversible:
        lines.append("")
        for step in irreversible:
            lines.extend(_comment(f"No reverse: {step.description}", INDENT))
            for finding in step.findings:
                lines.extend(
                    _comment(f"{finding.level} {finding.code}: {finding.message}", INDENT, "  ")
                )
        first = irreversible[0]
        reason = "; ".join(f.message for f in first.findings) or "its effect cannot be undone"
        lines.append(f"{INDENT}lp.irreversible(")
        for text in (first.description, reason):
            chunks = _literal_lines(text, INDENT * 2)
            chunks[-1] += ","
            lines.extend(chunks)
        lines.append(f"{INDENT})")
        return lines
    total = len(plan.steps)
    for number, reverse in downgrade_steps(plan) or []:
        lines.append("")
        lines.extend(_step_block(reverse, f"Undo step {number}/{total}", reverse.sql, lock_timeout))
    return lines


def downgrade_steps(plan: Plan) -> list[tuple[int, Step]] | None:
    """The downgrade in execution order, each with the number of the step it undoes;
    ``None`` when a step has no reverse. Steps with an empty reverse are left out."""
    if any(step.rollback is None for step in plan.steps):
        return None
    return [
        (
            number,
            Step(
                description=f"Rollback: {step.description}",
                sql=step.rollback,
                transactional=step_runs_in_transaction(step.rollback),
            ),
        )
        for number, step in reversed(list(enumerate(plan.steps, 1)))
        if step.rollback
    ]


def _step_block(
    step: Step, label: str, statements: Sequence[str], lock_timeout: str | None = None
) -> list[str]:
    lines = _comment(f"{label} [{step.safety}] {step.description}", INDENT)
    for finding in step.findings:
        lines += _comment(f"{finding.level} {finding.code}: {finding.message}", INDENT, "  ")
        if finding.hint:
            lines += _comment(f"hint: {finding.hint}", INDENT, "    ")
    if step.lock:
        lines += _comment(f"lock: {lock_summary(step)}", INDENT, "  ")
    indent = INDENT
    if not step.transactional:
        lines += _comment("Runs outside the migration's transaction (autocommit).", INDENT)
        lines.append(f"{INDENT}with op.get_context().autocommit_block():")
        indent = INDENT * 2
    if lock_timeout:
        scope = "LOCAL " if step.transactional else ""
        lines.extend(
            execute_call(f"SET {scope}lock_timeout = {quote_literal(lock_timeout)}", indent)
        )
    for sql in statements:
        lines.extend(execute_call(sql, indent))
    if lock_timeout and not step.transactional:
        lines.extend(execute_call("RESET lock_timeout", indent))
    return lines


def execute_call(sql: str, indent: str) -> list[str]:
    """``lp.execute(<literal>)`` lines, on one line when it fits."""
    one = f"{indent}lp.execute({_quote(sql)})"
    if len(one) <= LINE and "\n" not in sql:
        return [one]
    return [f"{indent}lp.execute(", *_literal_lines(sql, indent + INDENT), f"{indent})"]


def _literal_lines(text: str, indent: str) -> list[str]:
    """Implicitly concatenated literals, each line within ``LINE`` columns."""
    room = LINE - len(indent) - 3  # quotes and a trailing comma
    chunks: list[str] = []
    for piece in text.splitlines(keepends=True) or [""]:
        current = ""
        for token in _tokens(piece):
            if current and len(_quote(current + token)) - 2 > room:
                chunks.append(current)
                current = ""
            while len(_quote(token)) - 2 > room:
                cut = _fit(token, room)
                chunks.append(token[:cut])
                token = token[cut:]
            current += token
        if current:
            chunks.append(current)
    return [f"{indent}{_quote(chunk)}" for chunk in chunks]


def _tokens(piece: str) -> list[str]:
    """Words with their trailing spaces, so splits fall after a space."""
    tokens: list[str] = []
    word = ""
    for ch in piece:
        if word and ch != " " and word.endswith(" "):
            tokens.append(word)
            word = ""
        word += ch
    if word:
        tokens.append(word)
    return tokens


def _fit(token: str, room: int) -> int:
    cut = max(1, room // 6)
    while cut < len(token) and len(_quote(token[: cut + 1])) - 2 <= room:
        cut += 1
    return cut


def _quote(text: str) -> str:
    """A double-quoted Python literal; everything outside printable ASCII is escaped."""
    out = ['"']
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif " " <= ch <= "~":
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    out.append('"')
    return "".join(out)


def _ascii(text: str) -> str:
    return " ".join(text.encode("ascii", "backslashreplace").decode("ascii").split())


def _comment(text: str, indent: str, hang: str = "") -> list[str]:
    """``# text`` lines; ``hang`` indents inside the comment (findings under their step)."""
    width = LINE - len(indent) - 2 - len(hang)
    wrapped = textwrap.wrap(_ascii(text), width=width, break_long_words=True) or [""]
    return [f"{indent}# {hang}{line}".rstrip() for line in wrapped]
