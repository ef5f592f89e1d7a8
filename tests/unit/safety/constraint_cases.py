"""Constraints of every kind, for the add_* constraint rule tests."""

from alembic_lockplane.model.objects import Constraint, ConstraintKind, ForeignKeyTarget

CHECK = Constraint("positive_id", ConstraintKind.CHECK, "CHECK ((id > 0))")
FOREIGN_KEY = Constraint(
    "users_org_fk",
    ConstraintKind.FOREIGN_KEY,
    "FOREIGN KEY (org_id) REFERENCES public.orgs(id)",
    columns=("org_id",),
    references=ForeignKeyTarget("public", "orgs", ("id",)),
)
UNIQUE = Constraint("users_email_key", ConstraintKind.UNIQUE, "UNIQUE (email)", columns=("email",))
PRIMARY_KEY = Constraint(
    "users_pkey", ConstraintKind.PRIMARY_KEY, "PRIMARY KEY (id)", columns=("id",)
)
EXCLUSION = Constraint(
    "no_overlap", ConstraintKind.EXCLUSION, "EXCLUDE USING gist (during WITH &&)"
)
ALL = (CHECK, FOREIGN_KEY, UNIQUE, PRIMARY_KEY, EXCLUSION)
