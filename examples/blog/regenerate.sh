#!/usr/bin/env bash
# Rebuild migrations/versions/ from steps/*.lp.sql: one `alembic revision --lockplane` per step,
# each upgraded before the next is planned, against the EMPTY database in DATABASE_URL.
# A step's first lines name its revision (`-- revision: ...`) and the codes it accepts
# (`-- allow: CODE ...`). Ends with `alembic downgrade base`, so every downgrade runs too.
set -euo pipefail
cd "$(dirname "$0")"
: "${DATABASE_URL:?set DATABASE_URL to an empty database}"
rm -f migrations/versions/*.py
for step in steps/*.lp.sql; do
  n=$(basename "$step" .lp.sql)
  message=$(sed -n 's/^-- revision: //p' "$step")
  allow=()
  for code in $(sed -n 's/^-- allow: //p' "$step"); do allow+=(--allow "$code"); done
  cp "$step" schema.lp.sql
  alembic revision --lockplane -m "$message" --rev-id "blog_$n" "${allow[@]}"
  alembic upgrade head
done
alembic downgrade base
