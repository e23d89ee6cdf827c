"""Reproducible zip archives: the downloads' data package and replication package.

Members are written in the order given, each dated ``SOURCE_DATE_EPOCH`` (or 1980-01-01), so
the same files give the same archive.
"""

from __future__ import annotations

import json
import os
import time
import zipfile
from pathlib import Path


def fixed_time() -> tuple[int, int, int, int, int, int]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        t = time.gmtime(max(int(epoch), 315532800))  # zip cannot store dates before 1980
        return t[:6]
    return (1980, 1, 1, 0, 0, 0)


def data_package_files(data_dir: Path) -> list[str]:
    """``datapackage.json`` and every file its resources (and schemas given by path) name."""
    desc = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    names = ["datapackage.json"]
    for res in desc.get("resources", []):
        p = res.get("path")
        names += [p] if isinstance(p, str) else list(p or [])
        for key in ("schema", "dialect"):
            if isinstance(res.get(key), str):
                names.append(res[key])
    seen: list[str] = []
    for n in names:
        if n not in seen:
            seen.append(n)
    return seen


def write_zip(target: Path, members: list[tuple[str, bytes]]) -> Path:
    """Write ``members`` (name, bytes) to the archive ``target`` (atomically); returns it."""
    stamp = fixed_time()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    tmp.replace(target)
    return target
