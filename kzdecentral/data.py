"""Loading the data package (placeholder: the validating loader replaces this)."""

from __future__ import annotations

import json

import pandas as pd

from . import deps, paths


def load(name: str) -> pd.DataFrame:
    d = paths.data_dir()
    desc_path = d / "datapackage.json"
    deps.record(desc_path)
    desc = json.loads(desc_path.read_text(encoding="utf-8"))
    res = next(r for r in desc["resources"] if r["name"] == name)
    path = d / res["path"]
    deps.record(path)
    return pd.read_csv(path)
