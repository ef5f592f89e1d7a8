"""``lockplane init DIR``: a ready Alembic project through Alembic's own ``init``.

Alembic finds init templates via ``Config.get_template_directory()``, which is documented
to be overridable; a ``Config`` subclass pointing at our templates folder lets
``alembic.command.init`` lay out the project exactly as ``alembic init`` would.
"""

from __future__ import annotations

import contextlib
import os
import sys
from argparse import Namespace
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.util import CommandError

from alembic_lockplane.errors import ConfigError
from alembic_lockplane.integration.templates import templates_dir

TEMPLATE = "lockplane"
SCHEMA_FILE = "schema.lp.sql"


class _LockplaneTemplates(Config):
    def get_template_directory(self) -> str:
        return str(templates_dir())


def init_project(
    directory: Path, *, script_location: str = "migrations", quiet: bool = True
) -> Path:
    """Create ``directory/alembic.ini``, ``directory/<script_location>/`` and
    ``directory/schema.lp.sql``; return the path of ``alembic.ini``.

    Refuses (``ConfigError``) when ``alembic.ini`` or the script folder already exists.
    """
    directory = Path(directory).absolute()
    ini = directory / "alembic.ini"
    scripts = directory / script_location
    for existing in (ini, scripts, directory / SCHEMA_FILE):
        if existing.exists():
            raise ConfigError(f"{existing} already exists; not overwriting an existing project")
    directory.mkdir(parents=True, exist_ok=True)
    config = _LockplaneTemplates(file_=str(ini), cmd_opts=Namespace(quiet=quiet))
    out = open(os.devnull, "w") if quiet else sys.stderr  # noqa: SIM115
    try:
        # A relative path makes Alembic write script_location as %(here)s/<folder>; it is
        # taken relative to the working directory, hence the chdir.
        with contextlib.redirect_stdout(out), contextlib.chdir(directory):
            command.init(config, script_location, template=TEMPLATE)
    except CommandError as exc:
        raise ConfigError(f"alembic init failed: {exc}") from None
    finally:
        if out is not sys.stderr:
            out.close()
    (scripts / SCHEMA_FILE).replace(directory / SCHEMA_FILE)
    return ini
