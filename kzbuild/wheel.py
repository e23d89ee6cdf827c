"""The content room (``kzdecentral``) as an installable wheel, built reproducibly and offline.

The replication package (:mod:`kzbuild.replication`) ships it so that the downloaded notebooks
can ``import kzdecentral`` anywhere. The wheel is written here rather than by a build backend:
a backend would fetch its own build requirements from the package index at build time, and the
files' dates and order would vary. Here the members are sorted, dated ``SOURCE_DATE_EPOCH``
(or 1980-01-01), and the metadata come from the package itself: its version
(``kzdecentral.__version__``), ``requires-python`` and licence from ``pyproject.toml``, and its
dependencies from what its modules import, each pinned to the version installed (the lock).
"""

from __future__ import annotations

import ast
import base64
import hashlib
import importlib.metadata as md
import sys
import tomllib
from pathlib import Path

from kzdecentral import __version__, paths

from .archive import write_zip

PACKAGE = "kzdecentral"
TAG = "py3-none-any"


def wheel_name(version: str = __version__) -> str:
    return f"{PACKAGE}-{version}-{TAG}.whl"


def package_files(root: Path = paths.ROOT) -> list[Path]:
    """The package's Python files, sorted (no caches)."""
    return sorted(p for p in (root / PACKAGE).rglob("*.py") if "__pycache__" not in p.parts)


def imported_distributions(files: list[Path]) -> dict[str, str]:
    """Distribution name -> installed version, for every third-party module the files import."""
    tops: set[str] = set()
    for f in files:
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                tops |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops.add(node.module.split(".")[0])
    tops -= set(sys.stdlib_module_names) | {PACKAGE, "kzbuild"}
    owners = md.packages_distributions()
    out = {}
    for top in sorted(tops):
        for dist in owners.get(top, []):
            out[dist] = md.version(dist)
    return out


def metadata(root: Path = paths.ROOT) -> str:
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {PACKAGE}",
        f"Version: {__version__}",
        f"Summary: {project.get('description', '')}",
        f"License: {project.get('license', '')}",
        f"Requires-Python: {project.get('requires-python', '>=3.11')}",
    ]
    lines += [f"Requires-Dist: {d}=={v}" for d, v in sorted(imported_distributions(package_files(root)).items())]
    return "\n".join(lines) + "\n"


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(out_dir: Path, root: Path = paths.ROOT) -> Path:
    """Write the wheel into ``out_dir``; returns its path. The same sources give the same bytes."""
    dist_info = f"{PACKAGE}-{__version__}.dist-info"
    members = [(p.relative_to(root).as_posix(), p.read_bytes()) for p in package_files(root)]
    members.append((f"{dist_info}/METADATA", metadata(root).encode("utf-8")))
    members.append(
        (
            f"{dist_info}/WHEEL",
            (f"Wheel-Version: 1.0\nGenerator: kzbuild.wheel\nRoot-Is-Purelib: true\nTag: {TAG}\n").encode(),
        )
    )
    members.append((f"{dist_info}/top_level.txt", f"{PACKAGE}\n".encode()))
    record = "\n".join([_record_line(n, d) for n, d in members] + [f"{dist_info}/RECORD,,"]) + "\n"
    members.append((f"{dist_info}/RECORD", record.encode("utf-8")))
    return write_zip(out_dir / wheel_name(), members)
