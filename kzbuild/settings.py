"""The build's settings, read from the one place they are kept: ``_config.yml``.

``execute.timeout`` (seconds a cell may run), ``execute.cache`` (the jupyter-cache store,
relative to the repository root) and ``sphinx.config.nb_kernel_rgx_aliases`` are Jupyter Book's
and myst-nb's own settings; the parallel execution step
(:mod:`kzbuild.build`) and the standalone runs (:mod:`kzbuild.run`) use the same values.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from kzdecentral import paths

CONFIG = paths.ROOT / "_config.yml"


def book_config(config: Path = CONFIG) -> dict:
    """The book's configuration."""
    return yaml.safe_load(config.read_text(encoding="utf-8")) or {}


def execute_config(config: Path = CONFIG) -> dict:
    """The ``execute:`` section of the book's configuration."""
    return book_config(config).get("execute") or {}


_EXECUTE = execute_config()
#: Seconds one cell may run before its chapter fails (``execute.timeout``).
TIMEOUT: int = int(_EXECUTE["timeout"])
#: The jupyter-cache store of executed chapters (``execute.cache``).
CACHE: Path = paths.ROOT / _EXECUTE["cache"]
#: Kernel-name aliases (``sphinx.config.nb_kernel_rgx_aliases``): myst-nb renames a chapter's
#: kernel by them before it looks the chapter up in the cache, so the execution step must too.
KERNEL_ALIASES: dict[str, str] = dict(
    ((book_config().get("sphinx") or {}).get("config") or {}).get("nb_kernel_rgx_aliases") or {}
)
