"""The two rooms: the content room (``kzdecentral``, what chapters import) never imports the
build room (``kzbuild``), the build room has no import cycle, and the execution fingerprint
covers the content room as a whole (any file, any subpackage) but not the build room."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from kzbuild import fingerprint
from kzdecentral import paths

ROOMS = {"kzdecentral": paths.ROOT / "kzdecentral", "kzbuild": paths.ROOT / "kzbuild"}


def _module_name(path: Path) -> str:
    rel = path.relative_to(paths.ROOT).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _imports(path: Path, name: str | None = None) -> set[str]:
    """The modules a file imports (relative imports resolved), at any depth of the code."""
    name = name or _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # from pkg import module
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for root in ROOMS.values() for p in sorted(root.rglob("*.py"))}
    return {m: {i for i in _imports(p) if i in modules and i != m} for m, p in modules.items()}


def test_the_content_room_never_imports_the_build_room():
    offenders = {}
    for path in sorted(ROOMS["kzdecentral"].rglob("*.py")):
        bad = sorted(i for i in _imports(path) if i == "kzbuild" or i.startswith("kzbuild."))
        if bad:
            offenders[path.relative_to(paths.ROOT).as_posix()] = bad
    assert offenders == {}, f"the content room imports the build room: {offenders}"


def test_the_import_checker_sees_a_crossing(tmp_path):
    """The check above can fail: it finds absolute, relative and nested imports."""
    probe = tmp_path / "probe.py"
    for code in (
        "import kzbuild.build\n",
        "from kzbuild import fingerprint\n",
        "def f():\n    from kzbuild.chapters import chapters\n",
    ):
        probe.write_text(code, encoding="utf-8")
        assert any(i.startswith("kzbuild") for i in _imports(probe, "kzdecentral.probe")), code
    probe.write_text("from .. import fingerprint\n", encoding="utf-8")
    assert "kzbuild.fingerprint" in _imports(probe, "kzbuild.sub.probe")
    assert {"kzbuild.settings", "kzbuild.chapters", "kzdecentral.paths"} <= _imports(ROOMS["kzbuild"] / "build.py")


def test_the_rooms_have_no_import_cycle_between_them_and_the_build_room_none_inside():
    graph = _graph()
    room = {m: m.split(".")[0] for m in graph}
    crossings = {(room[a], room[b]) for a, deps in graph.items() for b in deps if room[a] != room[b]}
    assert crossings <= {("kzbuild", "kzdecentral")}, crossings  # one way only: no cycle of rooms
    build = {m: {d for d in deps if room[d] == "kzbuild"} for m, deps in graph.items() if room[m] == "kzbuild"}
    state: dict[str, int] = {}

    def visit(m: str, trail: list[str]) -> None:
        state[m] = 1
        for d in sorted(build[m]):
            assert state.get(d) != 1, "import cycle: " + " -> ".join(trail + [m, d])
            if d not in state:
                visit(d, trail + [m])
        state[m] = 2

    for m in sorted(build):
        if m not in state:
            visit(m, [])


@pytest.fixture()
def rooms(tmp_path, monkeypatch):
    """Copies of both rooms for the fingerprint to hash (the real ones stay untouched)."""
    content, build = tmp_path / "kzdecentral", tmp_path / "kzbuild"
    shutil.copytree(ROOMS["kzdecentral"], content, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOMS["kzbuild"], build, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "CONTENT_ROOM", content)
    monkeypatch.setattr(fingerprint, "BUILD_ROOM", build)
    return content, build


def test_fingerprint_covers_the_whole_content_room(rooms):
    content, _ = rooms
    chapter = "```{code-cell} ipython3\nfrom kzdecentral import data\n```\n"
    before = fingerprint.content_fingerprint()
    cell_before = fingerprint.with_fingerprint(chapter)[0]

    sub = content / "newsub"
    sub.mkdir()
    (sub / "__init__.py").write_text('"""A new subpackage."""\n', encoding="utf-8")
    (sub / "shapes.py").write_text("WIDTH = 1\n", encoding="utf-8")
    added = fingerprint.content_fingerprint()
    assert added != before
    assert {sub / "__init__.py", sub / "shapes.py"} <= set(fingerprint.content_files())
    assert fingerprint.with_fingerprint(chapter)[0] != cell_before  # a new cache key

    (sub / "shapes.py").write_text("WIDTH = 2\n", encoding="utf-8")
    assert fingerprint.content_fingerprint() not in {before, added}

    # bytecode and hidden files are not code that chapters run
    changed = fingerprint.content_fingerprint()
    (sub / "__pycache__").mkdir()
    (sub / "__pycache__" / "shapes.cpython-311.pyc").write_bytes(b"\0")
    (content / ".ipynb_checkpoints").mkdir()
    (content / ".ipynb_checkpoints" / "data-checkpoint.py").write_text("x = 1\n", encoding="utf-8")
    assert fingerprint.content_fingerprint() == changed


def test_fingerprint_leaves_out_the_build_room(rooms):
    _, build = rooms
    before = fingerprint.content_fingerprint()
    with (build / "sphinxext.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# a change of the build room\n")
    (build / "extra").mkdir()
    (build / "extra" / "__init__.py").write_text('"""A new build module."""\n', encoding="utf-8")
    assert fingerprint.content_fingerprint() == before
    assert not [p for p in fingerprint.content_files() if build in p.parents]
    # the build room's files are Sphinx dependencies instead: pages re-render, nothing re-runs
    assert build / "extra" / "__init__.py" in fingerprint.build_files()
    assert build / "static" / "charts.js" in fingerprint.build_files()
