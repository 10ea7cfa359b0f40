"""The `newsarchive` command line.

Each module of this package defines commands on `cli` (from `.base`); they are
imported here so that adding a command is adding a module.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

from .base import cli, run_cli

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "base":
        importlib.import_module(f"{__name__}.{_module.name}")


def main() -> None:
    sys.exit(run_cli(cli))


__all__ = ["cli", "main"]
