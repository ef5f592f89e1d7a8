"""Every Alembic internal alembic-lockplane relies on, pinned by behaviour.

When a new Alembic release changes one of these, the failing test names what broke.
"""

from __future__ import annotations

import inspect
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest
from alembic import command
from alembic.config import CommandLine, Config
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from alembic_lockplane.integration import cli


def test_plugin_entry_point_is_loaded_while_alembic_imports() -> None:
    """``alembic.plugins`` entry points run at ``import alembic``, before alembic.config."""
    code = (
        "import sys, alembic\n"
        "from alembic.runtime.plugins import _all_plugins\n"
        "print('lockplane' in _all_plugins, 'alembic.config' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"], out.stderr


def test_command_line_is_extended_once_alembic_config_has_loaded() -> None:
    code = (
        "import alembic.config as c\nprint(getattr(c.CommandLine, '_lockplane_extended', False))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True", out.stderr


def test_kwargs_opts_is_a_table_of_option_flags_and_argparse_kwargs() -> None:
    opts = CommandLine._KWARGS_OPTS
    message = opts["message"]
    assert message[:-1] == ("-m", "--message")
    assert isinstance(message[-1], dict)
    assert "lockplane" in opts and "allow" in opts


def test_register_command_builds_options_from_the_signature() -> None:
    def demo(config: Config, message: str | None = None, lockplane: bool = False) -> None:
        """Demo command."""

    line = CommandLine(prog="alembic")
    line.register_command(demo)
    options = line.parser.parse_args(["demo", "-m", "hi", "--lockplane"])
    fn, positional, kwarg = options.cmd
    assert fn is demo and positional == [] and kwarg == ["message", "lockplane"]
    assert options.message == "hi" and options.lockplane is True


def test_cli_builds_revision_from_our_command_with_every_alembic_option() -> None:
    line = CommandLine(prog="alembic")
    argv = [
        "revision", "--lockplane", "--allow", "drop_table", "--allow", "drop_column",
        "-m", "msg", "--rev-id", "abc", "--head", "base", "--splice",
        "--branch-label", "b", "--version-path", "v", "--depends-on", "d1",
    ]  # fmt: skip
    options = line.parser.parse_args(argv)
    assert options.cmd[0] is cli.revision
    assert options.lockplane is True
    assert options.allow == ["drop_table", "drop_column"]
    assert (options.rev_id, options.head, options.splice) == ("abc", "base", True)
    assert (options.branch_label, options.version_path, options.depends_on) == ("b", "v", ["d1"])


def test_our_revision_signature_extends_alembics_exactly() -> None:
    """Our CLI ``revision`` forwards every parameter; a new one in Alembic must be added."""
    theirs = list(inspect.signature(command.revision).parameters)
    ours = list(inspect.signature(cli.revision).parameters)
    assert ours == [*theirs, "lockplane", "allow"]
    for name in theirs[1:]:
        assert (
            inspect.signature(cli.revision).parameters[name].default
            == inspect.signature(command.revision).parameters[name].default
        ), name


def test_revision_environment_option_is_read_from_the_in_memory_ini(tmp_path: Path) -> None:
    config = Config(str(tmp_path / "alembic.ini"))
    config.set_main_option("revision_environment", "true")
    assert config.get_alembic_option("revision_environment") == "true"
    config.remove_main_option("revision_environment")
    assert config.get_alembic_option("revision_environment") is None


def test_generate_revision_renders_script_py_mako_through_generate_template(
    tmp_path: Path,
) -> None:
    config = Config(str(tmp_path / "alembic.ini"), cmd_opts=Namespace(quiet=True))
    command.init(config, str(tmp_path / "mig"), template="generic")
    config.set_main_option("script_location", str(tmp_path / "mig"))
    script = ScriptDirectory.from_config(config)
    seen: dict[str, object] = {}
    original = script._generate_template

    def spy(src: Path, dest: Path, **kw: object) -> None:
        seen["src"] = Path(src)
        seen["kw"] = sorted(kw)
        original(src, dest, **kw)

    script._generate_template = spy  # type: ignore[method-assign]
    made = script.generate_revision("abc123", "hello", refresh=True)
    assert made is not None and made.revision == "abc123"
    assert seen["src"] == Path(script.dir, "script.py.mako")
    assert {"up_revision", "down_revision", "branch_labels", "depends_on", "create_date",
            "message", "comma"} <= set(seen["kw"])  # type: ignore[arg-type]  # fmt: skip


def test_migration_context_offers_what_our_ops_use() -> None:
    names = {"script", "connection", "version_table", "config", "as_sql", "impl"}
    ctx = MigrationContext.configure(dialect_name="postgresql", opts={"as_sql": True})
    for name in names:
        assert hasattr(ctx, name), name
    assert ctx.impl.command_terminator == ";"
    assert callable(ctx.impl.static_output)


def test_config_template_directory_is_overridable_for_init(tmp_path: Path) -> None:
    from alembic_lockplane.integration.templates import templates_dir

    class Ours(Config):
        def get_template_directory(self) -> str:
            return str(templates_dir())

    config = Ours(str(tmp_path / "alembic.ini"), cmd_opts=Namespace(quiet=True))
    assert config._get_template_path() == templates_dir()


@pytest.mark.parametrize("attribute", ["environment_context", "script"])
def test_migration_context_attributes_exist_on_instances(attribute: str) -> None:
    ctx = MigrationContext.configure(dialect_name="postgresql", opts={"as_sql": True})
    assert attribute in vars(ctx)


def test_script_directory_steps_used_by_replay(tmp_path: Path) -> None:
    """Replay runs the chain like ``command.upgrade``/``downgrade`` through these two."""
    config = Config(str(tmp_path / "alembic.ini"), cmd_opts=Namespace(quiet=True))
    command.init(config, str(tmp_path / "mig"), template="generic")
    config.set_main_option("script_location", str(tmp_path / "mig"))
    script = ScriptDirectory.from_config(config)
    script.generate_revision("r1", "one", refresh=True)
    script.generate_revision("r2", "two", refresh=True)
    up = script._upgrade_revs("heads", ())
    assert [step.revision.revision for step in up] == ["r1", "r2"]
    down = script._downgrade_revs("base", ("r2",))
    assert [step.revision.revision for step in down] == ["r2", "r1"]


def test_environment_context_takes_the_chain_function_and_destination(tmp_path: Path) -> None:
    config = Config(str(tmp_path / "alembic.ini"), cmd_opts=Namespace(quiet=True))
    command.init(config, str(tmp_path / "mig"), template="generic")
    config.set_main_option("script_location", str(tmp_path / "mig"))
    script = ScriptDirectory.from_config(config)

    def fn(rev: object, context: object) -> list[object]:
        return []

    env = EnvironmentContext(config, script, fn=fn, destination_rev="heads")
    assert env.context_opts["fn"] is fn
    assert env.context_opts["destination_rev"] == "heads"
    assert {"connection", "target_metadata"} <= set(
        inspect.signature(EnvironmentContext.configure).parameters
    )


def test_config_attributes_is_a_plain_dict(tmp_path: Path) -> None:
    config = Config(str(tmp_path / "alembic.ini"))
    config.attributes["lockplane_guard"] = "off"
    assert Config(str(tmp_path / "alembic.ini")).attributes == {}
    assert config.attributes == {"lockplane_guard": "off"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"allow": ["drop_table"]}, "--allow only applies together with --lockplane"),
        ({"lockplane": True, "autogenerate": True}, "cannot be combined"),
        ({"lockplane": True, "sql": True}, "needs a database connection"),
    ],
)
def test_cli_revision_refuses_meaningless_combinations(
    tmp_path: Path, kwargs: dict[str, object], message: str
) -> None:
    from alembic.util import CommandError

    config = Config(str(tmp_path / "alembic.ini"))
    with pytest.raises(CommandError, match=message):
        cli.revision(config, message="x", **kwargs)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
