"""The replication package: ``_downloads/kazakhstan-decentralization-replication-<version>.zip``.

Made at the end of every HTML build (:mod:`kzbuild.downloads`), in the form the Social Science
Data Editors' template README asks for. It holds, under one folder:

* ``notebooks/``: every chapter as a notebook with the build's outputs, its first cell saying
  what it needs, its kernelspec the plain ``python3`` (no project kernel is needed);
* ``data/``: the data package (``datapackage.json``, every CSV, its README);
* ``kzdecentral-<version>-py3-none-any.whl``: the content room the notebooks import
  (:mod:`kzbuild.wheel`);
* ``requirements.txt``: the lock the book is built with;
* ``README.md``: data availability and provenance, computational requirements (with the run
  time measured by the build), instructions, and the list of outputs by notebook, all
  generated from the package metadata, the data package and the executed notebooks;
* ``CITATION.cff``, ``LICENSE``, ``LICENSE-TEXT``.
"""

from __future__ import annotations

import json
import os
import platform
import re
import tomllib
from pathlib import Path

from kzdecentral import __version__, paths

from . import wheel
from .archive import data_package_files, write_zip
from .fingerprint import FINGERPRINT_MARK

NAME = f"kazakhstan-decentralization-replication-{__version__}"
ZIP = f"{NAME}.zip"
LABEL = re.compile(r"^:name:\s*(\S+)", re.M)


def _python() -> str:
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project.get("requires-python", ">=3.11").lstrip(">=~ ")


def first_cell(stem: str) -> str:
    """The markdown cell that opens every downloaded notebook: what it needs."""
    return (
        f"**What this notebook needs.** Python {_python()} and the packages of the replication "
        f"package, installed once from its folder:\n\n"
        f"```bash\npython -m pip install -r requirements.txt\n"
        f"python -m pip install --no-deps {wheel.wheel_name()}\n```\n\n"
        f"and the folder `data/` of the replication package beside `notebooks/` (the notebooks "
        f"find it from their working directory). Run it in `notebooks/` (`{stem}.ipynb`); the "
        f"outputs shown are those of the build of version {__version__}. The notebook is one "
        f"chapter of the reproducible edition of *Decentralization of power in Kazakhstan: "
        f"current state and development prospects*; see README.md."
    )


def prepare(data: bytes, stem: str):
    """The chapter's notebook as shipped: the first cell added, the build's fingerprint cell
    dropped, the kernelspec the environment's own ``python3``."""
    import nbformat

    nb = nbformat.reads(data.decode("utf-8"), as_version=4)
    nb.cells = [c for c in nb.cells if not (c.cell_type == "code" and FINGERPRINT_MARK in c.source)]
    cell = nbformat.v4.new_markdown_cell(first_cell(stem))
    cell.id = f"{stem}-needs"
    nb.cells.insert(0, cell)
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nb.metadata.pop("jupytext", None)
    return nb


def outputs_of(nb) -> tuple[str, list[str], list[str]]:
    """(title, figure labels, glued names) of a notebook."""
    title, figures, glued = "", [], []
    for c in nb.cells:
        if c.cell_type == "markdown":
            if not title:
                m = re.search(r"^#\s+(.+)$", c.source, re.M)
                title = m.group(1).strip() if m else ""
            figures += LABEL.findall(c.source)
        for out in c.get("outputs", []):
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                glued.append(name)
        figures += [m for m in LABEL.findall(c.source)] if c.cell_type == "code" else []
    return title, sorted(set(figures)), sorted(set(glued))


def readme(notebooks: dict[str, object], seconds: dict[str, float]) -> str:
    desc = json.loads((paths.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    locked = [
        ln
        for ln in (paths.ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    total = sum(seconds.values())
    lic = ", ".join(x.get("title") or x.get("name", "") for x in desc.get("licenses", [])) or "see LICENSE-TEXT"
    lines = [
        f"# Replication package: {desc.get('title', 'the reproducible edition')} (version {__version__})",
        "",
        "Structured after the Social Science Data Editors' template README "
        "(https://social-science-data-editors.github.io/template_README/).",
        "",
        "## Overview",
        "",
        f"{len(notebooks)} notebooks (`notebooks/`) recompute every chart, table and number of the reproducible "
        "edition from one data package (`data/`) with the edition's code (the `kzdecentral` wheel); "
        "the run time measured by the build is given below.",
        "",
        "## Data availability and provenance",
        "",
        f"All data are in `data/`, a Frictionless Data Package ({len(desc.get('resources', []))} tables, "
        f"described in `data/datapackage.json` and `data/README.md`); licence: {lic}. "
        "Every value is taken from the article this edition reproduces (every row names the section "
        "of the article where it is printed: columns `section`, `locator`); where the edition adds "
        "a value (a coding, a derived count) the data package says so. No data are restricted; "
        "nothing needs to be requested or downloaded.",
        "",
        "Tables:",
        "",
    ]
    lines += [f"- `data/{r.get('path')}`: {r.get('title') or r['name']}" for r in desc.get("resources", [])]
    lines += [
        "",
        "## Computational requirements",
        "",
        f"- Python {_python()} (the book is built with Python {platform.python_version()}).",
        f"- The packages of `requirements.txt` ({len(locked)} packages, every one pinned), then the wheel "
        f"`{wheel.wheel_name()}` (installed with `--no-deps`: its dependencies are in the lock).",
        f"- Run time measured by the build: {total:.0f} s of notebook execution in all "
        f"(on {os.cpu_count()} cores, {platform.system()} {platform.machine()}); per notebook below.",
        "- No network is needed once the packages are installed.",
        "",
        "## Instructions to replicators",
        "",
        "```bash",
        "python3.11 -m venv .venv && . .venv/bin/activate",
        "python -m pip install -r requirements.txt",
        f"python -m pip install --no-deps {wheel.wheel_name()}",
        "cd notebooks",
        'for nb in *.ipynb; do jupyter execute --inplace "$nb"; done   # or open them in Jupyter',
        "```",
        "",
        "Each notebook runs on its own, in any order, with `notebooks/` as its working directory.",
        "",
        "## List of outputs",
        "",
        "| Notebook | Chapter | Figures | Numbers (glued values) | Run time |",
        "|---|---|---|---|---|",
    ]
    for stem, nb in notebooks.items():
        title, figures, glued = outputs_of(nb)
        t = seconds.get(f"book/{stem}.md")
        lines.append(
            f"| `notebooks/{stem}.ipynb` | {title} | {', '.join(f'`{f}`' for f in figures) or '-'} | "
            f"{', '.join(f'`{g}`' for g in glued) or '-'} | {'-' if t is None else f'{t:.1f} s'} |"
        )
    lines += [
        "",
        "## Licences and citation",
        "",
        "Code (the wheel, the notebooks' code): MIT (`LICENSE`); text and data: CC BY 4.0 (`LICENSE-TEXT`). "
        "Cite the article and this edition: `CITATION.cff`.",
        "",
    ]
    return "\n".join(lines)


def build_replication_zip(target: Path, notebooks: dict[str, bytes], seconds: dict[str, float]) -> Path:
    """Write the replication package to ``target`` from the chapters' built notebooks
    (``stem -> .ipynb bytes``) and the build's execution times."""
    import tempfile

    import nbformat

    prepared = {stem: prepare(data, stem) for stem, data in notebooks.items()}
    data_dir = paths.data_dir()
    members = [(f"notebooks/{stem}.ipynb", nbformat.writes(nb).encode("utf-8")) for stem, nb in prepared.items()]
    members += [(f"data/{rel}", (data_dir / rel).read_bytes()) for rel in data_package_files(data_dir)]
    if (data_dir / "README.md").is_file():
        members.append(("data/README.md", (data_dir / "README.md").read_bytes()))
    for extra in ("requirements.txt", "CITATION.cff", "LICENSE", "LICENSE-TEXT"):
        if (paths.ROOT / extra).is_file():
            members.append((extra, (paths.ROOT / extra).read_bytes()))
    with tempfile.TemporaryDirectory() as tmp:
        whl = wheel.build_wheel(Path(tmp))
        members.append((whl.name, whl.read_bytes()))
    members.append(("README.md", readme(prepared, seconds).encode("utf-8")))
    return write_zip(target, [(f"{NAME}/{name}", data) for name, data in sorted(members)])
