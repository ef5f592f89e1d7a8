"""Alembic environment for a project whose schema is planned by alembic-lockplane."""

from logging.config import fileConfig

from alembic import context
from sqlalchemy import engine_from_config, pool

from alembic_lockplane.integration.env import connect, refresh_snapshot, use_database_url

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

# DATABASE_URL, when set, replaces sqlalchemy.url; without either, a clear error.
use_database_url(config, required=True)

# No SQLAlchemy models: the desired schema is schema.lp.sql.
target_metadata = None


def run_migrations_offline() -> None:
    """Write the SQL to stdout (``alembic upgrade --sql``)."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Connect and migrate."""
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connect(connectable) as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()
        # Writes the committed schema to snapshot_path (alembic.ini [lockplane]) when set.
        refresh_snapshot(config, connection)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
