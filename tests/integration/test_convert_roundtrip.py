"""`convert --to sql` output loaded again gives an equal model, for every object kind we plan."""

from __future__ import annotations

from pathlib import Path

from alembic_lockplane.cli.commands import _schema_sql
from alembic_lockplane.engine import load_desired

SEEDS = Path(__file__).resolve().parents[1] / "fuzz" / "seeds"


def test_convert_to_sql_round_trips(tmp_path: Path, pg_server: str) -> None:
    source = SEEDS / "blog.lp.sql"
    first = load_desired(source, shadow_url=pg_server, cwd=tmp_path, env={})
    assert first.tables and first.enums and first.indexes
    (tmp_path / "again.lp.sql").write_text(_schema_sql(first), encoding="utf-8")
    again = load_desired(tmp_path / "again.lp.sql", shadow_url=pg_server, cwd=tmp_path, env={})
    assert again == first


MORE_KINDS = """\
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE TABLE rooms (id positive PRIMARY KEY, during tsrange,
    EXCLUDE USING gist (during WITH &&));
CREATE TABLE bookings (id int PRIMARY KEY, room int REFERENCES rooms DEFERRABLE INITIALLY DEFERRED);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER bookings_touch BEFORE UPDATE ON bookings FOR EACH ROW EXECUTE FUNCTION touch();
CREATE VIEW busy_rooms AS SELECT r.id FROM rooms r JOIN bookings b ON b.room = r.id;
CREATE MATERIALIZED VIEW room_counts AS SELECT room, count(*) AS n FROM bookings GROUP BY room;
CREATE INDEX room_counts_room ON room_counts (room);
COMMENT ON VIEW busy_rooms IS 'rooms with bookings';
"""


def test_convert_to_sql_round_trips_views_functions_triggers_domains(
    tmp_path: Path, pg_server: str
) -> None:
    (tmp_path / "more.lp.sql").write_text(MORE_KINDS, encoding="utf-8")
    first = load_desired(tmp_path / "more.lp.sql", shadow_url=pg_server, cwd=tmp_path, env={})
    assert first.views and first.functions and first.triggers and first.domains
    (tmp_path / "again.lp.sql").write_text(_schema_sql(first), encoding="utf-8")
    again = load_desired(tmp_path / "again.lp.sql", shadow_url=pg_server, cwd=tmp_path, env={})
    assert again == first
