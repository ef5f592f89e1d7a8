"""Collations (``CREATE COLLATION``), a schema object of their own (docs/objects.md).

Kept apart from ``objects.py``, which imports ``Collation`` at its end so that the
``Schema`` field naming it resolves. Columns, index keys, domains and types already
record the collation they use by its (schema-qualified) name.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from alembic_lockplane.model.objects import Origin


@dataclass(frozen=True)
class Collation:
    """``CREATE COLLATION schema.name (provider = ..., locale = ..., ...)``.

    ``provider`` is ``libc``, ``icu`` or ``builtin`` (PostgreSQL 17+). ``locale`` is the
    ICU or builtin locale; a libc collation keeps ``lc_collate`` and ``lc_ctype``
    instead. ``rules`` are ICU tailoring rules (PostgreSQL 16+). The collation's version
    (``collversion``) is not part of the model: it depends on the ICU or C library of
    each server, so it would differ between the target and the shadow for the same
    declaration. ``CREATE COLLATION ... FROM other`` is read as the properties it copied.
    """

    schema: str
    name: str
    provider: str = "libc"
    locale: str | None = None
    lc_collate: str | None = None
    lc_ctype: str | None = None
    deterministic: bool = True
    rules: str | None = None
    comment: str | None = None
    origin: Origin | None = field(default=None, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str, str]:
        return ("collation", self.schema, self.name)

    def same_definition(self, other: Collation) -> bool:
        """Whether ``other`` is this collation with at most another comment."""
        return self.key == other.key and self.definition == other.definition

    @property
    def definition(self) -> tuple[object, ...]:
        return (
            self.provider,
            self.locale,
            self.lc_collate,
            self.lc_ctype,
            self.deterministic,
            self.rules,
        )
