"""The execution fingerprint: what ties a chapter's cache entry to the files it depends on.

jupyter-cache keys a notebook on its code cells only, so a changed CSV would re-execute
nothing. The book therefore adds to each chapter, at build time, one hidden code cell that
holds a hash of exactly the data files the chapter reads, and of the whole content room
(every file of the ``kzdecentral`` package and ``CITATION.cff``, which chapters import and
read): change one of them and the chapters that depend on it (and only those) get a new cache
key and are executed again. The build room's own files (``kzbuild/``) are not in it: they are
Sphinx dependencies of every page, so a change re-renders the pages without executing them.

A chapter reads a table by naming it: ``data.load("survey_answers")``. Any string literal in
its code equal to a resource name of ``data/datapackage.json`` counts as a read of that table
(and of the tables its foreign keys point to, which the loader checks); a call of
``load_all()`` counts as a read of every table. The loader records every file it really
opens (:func:`kzdecentral.paths.record_read`), and a test checks those reads against this
static answer.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from pathlib import Path

from kzdecentral import paths

FINGERPRINT_MARK = "# data fingerprint (added at build time by kzbuild.fingerprint)"
_CODE_CELL = re.compile(r"^(`{3,}|~{3,})\{code-cell\}[^\n]*\n(.*?)^\1\s*$", re.S | re.M)
#: The content room (what chapters import) and the build room (this package).
CONTENT_ROOM = Path(paths.__file__).resolve().parent
BUILD_ROOM = Path(__file__).resolve().parent


def _descriptor(data_dir: Path) -> dict:
    path = data_dir / "datapackage.json"
    if not path.is_file():
        return {"resources": []}
    return json.loads(path.read_text(encoding="utf-8"))


def code_of(myst_text: str) -> str:
    """The code of a MyST notebook's code cells, with directive options stripped."""
    chunks = []
    for m in _CODE_CELL.finditer(myst_text):
        body = m.group(2)
        lines = body.splitlines()
        if lines and lines[0].strip() == "---":  # YAML option block
            end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
            lines = lines[end + 1 :]
        lines = [line for line in lines if not line.startswith(":")]
        chunks.append("\n".join(lines))
    return "\n".join(chunks)


def _literals_and_calls(code: str) -> tuple[set[str], set[str]]:
    strings: set[str] = set()
    calls: set[str] = set()
    try:
        tree = ast.parse(code)
    except SyntaxError:
        # magics or partial code: fall back to a regex over quoted words
        return set(re.findall(r"[\"']([A-Za-z0-9_\-]+)[\"']", code)), set(re.findall(r"(\w+)\s*\(", code))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            strings.add(node.value)
        elif isinstance(node, ast.Call):
            f = node.func
            calls.add(f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", ""))
    return strings, calls


def tables_read(myst_text: str, data_dir: Path | None = None) -> list[str]:
    """Names of the tables a chapter reads (directly or through foreign keys), sorted."""
    data_dir = data_dir or paths.data_dir()
    desc = _descriptor(data_dir)
    resources = {r["name"]: r for r in desc.get("resources", [])}
    strings, calls = _literals_and_calls(code_of(myst_text))
    if "load_all" in calls:
        wanted = set(resources)
    else:
        wanted = {s for s in strings if s in resources}
    # follow foreign keys: the loader reads the referenced tables to check them
    todo = list(wanted)
    while todo:
        res = resources[todo.pop()]
        for fk in res.get("schema", {}).get("foreignKeys", []) if isinstance(res.get("schema"), dict) else []:
            ref = fk.get("reference", {}).get("resource", "")
            if ref and ref in resources and ref not in wanted:
                wanted.add(ref)
                todo.append(ref)
    return sorted(wanted)


def files_read(myst_text: str, data_dir: Path | None = None) -> list[Path]:
    """The data files a chapter depends on: its tables' files and the package descriptor."""
    data_dir = data_dir or paths.data_dir()
    tables = tables_read(myst_text, data_dir)
    if not tables:
        return []
    resources = {r["name"]: r for r in _descriptor(data_dir).get("resources", [])}
    files = [data_dir / "datapackage.json"]
    for t in tables:
        p = resources[t].get("path")
        for rel in [p] if isinstance(p, str) else list(p or []):
            files.append(data_dir / rel)
        schema = resources[t].get("schema")
        if isinstance(schema, str):
            files.append(data_dir / schema)
    return sorted(set(f.resolve() for f in files))


def fingerprint(files: list[Path], data_dir: Path | None = None) -> str:
    """A line naming each file with the SHA-256 of its bytes."""
    data_dir = (data_dir or paths.data_dir()).resolve()
    parts = []
    for f in files:
        digest = hashlib.sha256(f.read_bytes()).hexdigest()[:16] if f.is_file() else "missing"
        try:
            rel = f.relative_to(data_dir).as_posix()
        except ValueError:
            rel = f.name
        parts.append(f"{rel}={digest}")
    return ", ".join(parts)


def _room_files(room: Path) -> list[Path]:
    """Every file under ``room``, subpackages included, sorted. Left out: bytecode caches and
    hidden files and folders (``.ipynb_checkpoints``, editor files), which nothing imports."""

    def kept(p: Path) -> bool:
        parts = p.relative_to(room).parts
        return (
            p.is_file()
            and "__pycache__" not in parts
            and p.suffix not in {".pyc", ".pyo"}
            and not any(part.startswith(".") for part in parts)
        )

    return sorted(p for p in room.rglob("*") if kept(p))


def content_files() -> list[Path]:
    """The content room as a whole: every file of the ``kzdecentral`` package, and
    CITATION.cff, which ``kzdecentral.cite`` reads for the citations and chart cite lines."""
    cff = paths.ROOT / "CITATION.cff"
    return _room_files(CONTENT_ROOM) + ([cff] if cff.is_file() else [])


def build_files() -> list[Path]:
    """The build room (Sphinx extensions, their static files, the build commands): a change
    re-renders every page, without executing anything."""
    return _room_files(BUILD_ROOM)


def content_fingerprint() -> str:
    """One hash of the content room that chapters run: a change re-executes the chapters."""
    h = hashlib.sha256()
    for p in content_files():
        name = p.relative_to(CONTENT_ROOM).as_posix() if CONTENT_ROOM in p.parents else p.name
        h.update(name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def with_fingerprint(myst_text: str, data_dir: Path | None = None) -> tuple[str, list[Path]]:
    """The chapter's text with the hidden fingerprint cell appended, and the files it names.

    The cell names the hash of every data file the chapter reads and of the package code it
    imports; chapters that use neither are left as they are.
    """
    files = files_read(myst_text, data_dir)
    uses_package = "kzdecentral" in code_of(myst_text)
    if FINGERPRINT_MARK in myst_text or not (files or uses_package):
        return myst_text, files
    lines = [FINGERPRINT_MARK]
    if files:
        lines.append(f"# data: {fingerprint(files, data_dir)}")
    if uses_package:
        lines.append(f"# package: kzdecentral={content_fingerprint()}")
        files = files + content_files()
    cell = "\n\n+++\n\n```{code-cell} ipython3\n:tags: [remove-cell]\n\n" + "\n".join(lines) + "\n```\n"
    return myst_text.rstrip("\n") + cell, files
