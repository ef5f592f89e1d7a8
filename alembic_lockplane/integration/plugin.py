"""The ``alembic.plugins`` entry point: adds ``--lockplane`` to the stock ``alembic revision``.

Alembic (>= 1.18) imports this module and calls ``setup()`` while ``alembic`` itself is still
importing (``alembic/__init__.py`` loads its plugin registry), so ``alembic.config`` is not
loaded yet and importing it here would be circular. We therefore wait for ``alembic.config``
to finish loading (a one-shot import hook) and only then extend ``CommandLine``:

* ``CommandLine`` builds each subcommand's options from the function's own signature and
  ``CommandLine._KWARGS_OPTS``; we add ``lockplane`` and ``allow`` to that table, and
* register our ``revision`` (same signature as ``alembic.command.revision`` plus
  ``lockplane`` and ``allow``) in place of Alembic's when the CLI is built.

``alembic.command.revision`` itself is left untouched. Every Alembic internal used here is
pinned by ``tests/unit/test_alembic_internals.py``.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

CONFIG_MODULE = "alembic.config"

LOCKPLANE_OPTS: dict[str, tuple[Any, ...]] = {
    "lockplane": (
        "--lockplane",
        dict(
            action="store_true",
            help="Plan the revision from the desired schema (schema.lp.sql) with "
            "alembic-lockplane: safety-checked, validated up and down on a shadow database.",
        ),
    ),
    "allow": (
        "--allow",
        dict(
            action="append",
            metavar="CODE",
            help="With --lockplane: accept findings with this code although their safety "
            "level would block the revision (repeatable).",
        ),
    ),
}


def setup(plugin: Any) -> None:
    """Called by Alembic's plugin loader with our ``Plugin`` object."""
    when_loaded(CONFIG_MODULE, extend_command_line)


def when_loaded(name: str, callback: Callable[[ModuleType], None]) -> None:
    """Run ``callback(module)`` once module ``name`` has finished executing."""
    module = sys.modules.get(name)
    if module is not None and not _initializing(module):
        callback(module)
        return
    if any(isinstance(f, _AfterImport) and f.name == name for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _AfterImport(name, callback))


def extend_command_line(config_module: ModuleType) -> None:
    """Teach ``alembic.config.CommandLine`` our options and our ``revision`` command."""
    command_line = config_module.CommandLine
    if getattr(command_line, "_lockplane_extended", False):
        return
    for key, opt in LOCKPLANE_OPTS.items():
        command_line._KWARGS_OPTS.setdefault(key, opt)
    original = command_line.register_command

    def register_command(self: Any, fn: Any) -> None:
        if getattr(fn, "__module__", None) == "alembic.command" and fn.__name__ == "revision":
            from alembic_lockplane.integration.cli import revision

            fn = revision
        original(self, fn)

    register_command.__doc__ = original.__doc__
    command_line.register_command = register_command
    command_line._lockplane_extended = True


def _initializing(module: ModuleType) -> bool:
    spec = getattr(module, "__spec__", None)
    return bool(getattr(spec, "_initializing", False))


class _AfterImport(importlib.abc.MetaPathFinder):
    """Finds ``name`` with the remaining finders and wraps its loader; then steps aside."""

    def __init__(self, name: str, callback: Callable[[ModuleType], None]):
        self.name = name
        self.callback = callback

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.name:
            return None
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if find is None:
                continue
            spec: importlib.machinery.ModuleSpec | None = find(fullname, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _CallbackLoader(spec.loader, self.callback)
                return spec
        return None


class _CallbackLoader(importlib.abc.Loader):
    """Delegates to the real loader and calls back once the module has executed."""

    def __init__(self, inner: Any, callback: Callable[[ModuleType], None]):
        self._inner = inner
        self._callback = callback

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        module: ModuleType | None = self._inner.create_module(spec)
        return module

    def exec_module(self, module: ModuleType) -> None:
        # Keep the real loader visible to inspect/linecache and friends.
        module.__loader__ = self._inner
        if module.__spec__ is not None:
            module.__spec__.loader = self._inner
        self._inner.exec_module(module)
        self._callback(module)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)
