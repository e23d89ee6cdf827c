"""The validating loader of the data package (``data/datapackage.json`` and its CSV files).

Every call of :func:`load` reads the files again and checks them, so a changed file can never
hide behind a cache. The rules of each table live in one place, the Table Schema inside
``datapackage.json``; the Frictionless library applies them (types, required values,
minimum/maximum, enum, unique values, primary and foreign keys, the header). This module adds
only what a schema cannot say; those checks are listed in :data:`CHECKS`.

A broken file raises :class:`DataError`, which names the file, the row (as counted in the
file, the header being row 1, and said in words: "row 6 (line 6 of the file, the 5th data
row)"), the field and the rule that failed.

Types come back as pandas dtypes: ``integer`` and ``year`` as ``Int64``, ``number`` as
``float64``, ``boolean`` as ``bool``, ``date``/``datetime`` as ``datetime64``, ``yearmonth``
as a monthly ``Period``, ``string`` as ``str``.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pandas as pd
from frictionless import Dialect, FrictionlessException, Package, formats

from . import paths

DESCRIPTOR = "datapackage.json"
#: Text that looks like an HTML/XML tag or comment: ``<b>``, ``</i>``, ``<script``, ``<!--``.
MARKUP = re.compile(r"<(?:[/!?]?[A-Za-z]|!--)")
#: How far the printed survey shares may miss 100 (the article's four add up to 99.6).
SHARES_TOLERANCE = 1.0

#: Frictionless error types, as the rule a reader of the message understands.
_RULES = {
    "type-error": "type",
    "extra-cell": "ragged row",
    "missing-cell": "ragged row",
    "blank-row": "blank row",
    "primary-key": "primary key",
    "unique-error": "unique",
    "foreign-key": "foreign key",
    "source-error": "readable file",
    "scheme-error": "readable file",
    "encoding-error": "encoding",
    "format-error": "format",
}

#: The checks made beyond the schema, in the words the data chapter prints.
CHECKS = {
    "encoding": "every file is UTF-8 text without a byte order mark",
    "no rows": "every table has at least one data row",
    "markup": "no text cell holds HTML or script markup such as <b> or <script> (labels must show as plain text)",
    "shares sum": "the printed survey shares add up to 100 within "
    f"{SHARES_TOLERANCE:g} point (as printed they need not add up exactly)",
    "sample size": "no answer count exceeds the survey's sample size, and the counts add up to it",
    "reproduces printed": "reproduces_printed is true exactly when the count out of the sample "
    "size, as a percentage rounded to one decimal, equals the printed share",
}


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _line_of(file: str, row: int) -> str:
    """Row ``row`` in words a reader checks in an editor: "(line 6 of the file, the 5th data
    row)"; the header is line 1 of a CSV file."""
    if not str(file).endswith(".csv"):
        return f" (line {row} of the file)"
    return (
        " (line 1 of the file, the header)"
        if row == 1
        else f" (line {row} of the file, the {_ordinal(row - 1)} data row)"
    )


class DataError(Exception):
    """A data file breaks a rule: names the file, row, field and rule."""

    def __init__(self, file: str, row: int | None, field: str | None, rule: str, detail: str):
        self.file, self.row, self.field, self.rule, self.detail = file, row, field, rule, detail
        where = f"row {row}{_line_of(file, row)}" if row is not None else "row -"
        what = f"field {field!r}" if field else "field -"
        super().__init__(f"{file}, {where}, {what}, rule '{rule}': {detail}")


# ---------------------------------------------------------------- the descriptor

#: SHA-256 of descriptor texts that passed Frictionless's check (the check is slow).
_VALID_DESCRIPTORS: set[str] = set()


def names(fields) -> str:
    """A key's field names (a Table Schema key is one name or a list of names)."""
    return fields if isinstance(fields, str) else ", ".join(fields or [])


def package() -> dict:
    """The package descriptor, read from disk and checked (no table is read)."""
    path = paths.data_dir() / DESCRIPTOR
    paths.record_read(path)
    if not path.is_file():
        raise DataError(DESCRIPTOR, None, None, "missing file", f"no file {path}")
    text = _text(path, DESCRIPTOR)
    try:
        desc = json.loads(text)
    except json.JSONDecodeError as e:
        raise DataError(DESCRIPTOR, e.lineno, None, "JSON syntax", e.msg) from None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest not in _VALID_DESCRIPTORS:  # keyed on the content: an edit is always checked
        report = Package.validate_descriptor(desc)
        if not report.valid:
            raise DataError(DESCRIPTOR, None, None, "descriptor", report.errors[0].message)
    for res in desc["resources"]:
        if not isinstance(res.get("schema"), dict):
            raise DataError(DESCRIPTOR, None, res["name"], "descriptor", "the schema must be written inline")
        p = res.get("path")
        if not isinstance(p, str) or not re.fullmatch(r"[A-Za-z0-9_.-]+\.csv", p):
            raise DataError(
                DESCRIPTOR,
                None,
                res["name"],
                "descriptor",
                f"path {p!r} must be the name of one .csv file in the data folder",
            )
    _VALID_DESCRIPTORS.add(digest)
    return desc


def resources() -> list[str]:
    """The table names, in the order of the descriptor."""
    return [r["name"] for r in package()["resources"]]


def _resource(desc: dict, name: str) -> dict:
    for res in desc["resources"]:
        if res["name"] == name:
            return res
    known = ", ".join(r["name"] for r in desc["resources"])
    raise DataError(DESCRIPTOR, None, None, "unknown table", f"no table {name!r} (tables: {known})")


# ---------------------------------------------------------------- files


def _text(path: Path, file: str) -> str:
    """The file's text, if it is UTF-8 without a byte order mark."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataError(
            file, 1, None, "encoding", "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DataError(
            file, line, None, "encoding", f"byte {raw[e.start]:#04x} at offset {e.start} is not UTF-8 (line {line})"
        ) from None


def _check_file(res: dict) -> Path:
    """Record and check one table's file: present, not empty, UTF-8 without BOM."""
    path = paths.data_dir() / res["path"]
    paths.record_read(path)
    if not path.is_file():
        raise DataError(res["path"], None, None, "missing file", f"table {res['name']!r} has no file {path}")
    if not _text(path, res["path"]).strip():
        raise DataError(res["path"], None, None, "empty file", "the file holds no header and no rows")
    return path


# ---------------------------------------------------------------- loading


def load(name: str) -> pd.DataFrame:
    """One table, checked against its schema and the checks of :data:`CHECKS`."""
    desc = package()
    res = _resource(desc, name)
    df, rows = _read(desc, res)
    _check_markup(res, df, rows)
    if name in _TABLE_CHECKS:
        _TABLE_CHECKS[name](desc, res, df, rows)
    return df


def load_all() -> dict[str, pd.DataFrame]:
    """Every table of the package, each checked as :func:`load` does, by name."""
    return {name: load(name) for name in resources()}


def _read(desc: dict, res: dict) -> tuple[pd.DataFrame, list[int]]:
    """Validate one table with Frictionless and read it: (DataFrame, each row's number in the file)."""
    _check_file(res)
    # the table and the tables its foreign keys point to, which Frictionless opens to look keys up
    needed = [res]
    for fk in res["schema"].get("foreignKeys", []):
        target = _resource(desc, fk.get("reference", {}).get("resource") or res["name"])
        if target not in needed:
            _check_file(target)
            needed.append(target)
    file = res["path"]
    try:
        sub = Package({"resources": needed}, basepath=str(paths.data_dir()))
        resource = sub.get_resource(res["name"])
        resource.format, resource.encoding = "csv", "utf-8"
        resource.dialect = Dialect(header_rows=[1], controls=[formats.CsvControl(delimiter=",")])
        report = resource.validate()
        errors = [e for task in report.tasks for e in task.errors] + list(report.errors)
        if errors:
            raise _schema_error(res, errors)
        rows = resource.read_rows()
    except FrictionlessException as e:
        raise DataError(file, None, None, "readable file", e.error.message) from None
    if not rows:
        raise DataError(file, 2, None, "no rows", "the file has a header but no data rows")
    fields = res["schema"]["fields"]
    df = pd.DataFrame({f["name"]: _column(f, [r[f["name"]] for r in rows]) for f in fields})
    return df, [r.row_number for r in rows]


def _schema_error(res: dict, errors: list) -> DataError:
    """The first error of a Frictionless report as a DataError (file, row, field, rule)."""
    # by row; within a row a broken header or a ragged row first (it explains the cell
    # errors of its row), then a duplicated primary key, then the rest
    structural = ("label", "extra-cell", "missing-cell", "blank-row")
    e = min(
        errors,
        key=lambda e: (
            getattr(e, "row_number", None) or 0,
            0 if any(s in e.type for s in structural) else 1 if e.type == "primary-key" else 2,
        ),
    )
    more = f" ({len(errors) - 1} more problem(s) in this file)" if len(errors) > 1 else ""
    if "label" in e.type:
        return _header_error(res, list(e.labels), more)
    rule = _RULES.get(e.type, e.type)
    if e.type == "constraint-error":
        m = re.match(r'constraint "(\w+)"', e.note or "")
        rule = m.group(1) if m else "constraint"
    if e.type == "primary-key":
        field = names(res["schema"].get("primaryKey"))
    elif e.type == "foreign-key":
        field = ", ".join(e.field_names)
    else:
        field = getattr(e, "field_name", None) or None
    return DataError(res["path"], getattr(e, "row_number", None), field, rule, e.message + more)


def _header_error(res: dict, labels: list[str], more: str) -> DataError:
    """What is wrong with a header, told by comparing it with the schema's field names."""
    names = [f["name"] for f in res["schema"]["fields"]]
    missing = [n for n in names if n not in labels]
    extra = [label for label in labels if label not in names]
    dups = [label for i, label in enumerate(labels) if label in labels[:i]]
    seen = f"the header is {', '.join(labels)}; the schema names {', '.join(names)}{more}"
    if "" in labels:
        i = labels.index("")
        return DataError(
            res["path"], 1, names[i] if i < len(names) else None, "blank header", f"column {i + 1} has no name; {seen}"
        )
    if dups:
        return DataError(res["path"], 1, dups[0], "duplicate header", f"{dups[0]!r} appears twice; {seen}")
    if len(labels) == len(names) and missing:
        return DataError(
            res["path"],
            1,
            missing[0],
            "column name",
            f"{extra[0]!r} stands where the schema names {missing[0]!r}; {seen}",
        )
    if missing:
        return DataError(res["path"], 1, missing[0], "missing column", f"no column {missing[0]!r}; {seen}")
    if extra:
        return DataError(res["path"], 1, extra[0], "extra column", f"column {extra[0]!r} is not in the schema; {seen}")
    i = next(i for i, (a, b) in enumerate(zip(labels, names, strict=False)) if a != b)
    return DataError(
        res["path"], 1, names[i], "column order", f"column {i + 1} should be {names[i]!r}, not {labels[i]!r}; {seen}"
    )


def _column(field: dict, values: list) -> pd.Series:
    """One column's typed Python values (from Frictionless) as a pandas Series."""
    kind = field.get("type", "string")
    if kind in ("integer", "year"):
        return pd.Series(values, dtype="Int64")
    if kind == "number":
        return pd.Series([None if v is None else float(v) for v in values], dtype="float64")
    if kind == "boolean":
        return pd.Series(values, dtype="boolean" if None in values else "bool")
    if kind in ("date", "datetime"):
        return pd.to_datetime(pd.Series(values, dtype="object"))
    if kind == "yearmonth":
        return pd.Series(
            [None if v is None else pd.Period(year=v.year, month=v.month, freq="M") for v in values], dtype="period[M]"
        )
    if kind == "string":
        return pd.Series(values, dtype="str")
    return pd.Series(values, dtype="object")


# ---------------------------------------------------------------- checks beyond the schema


def _check_markup(res: dict, df: pd.DataFrame, rows: list[int]) -> None:
    for f in res["schema"]["fields"]:
        if f.get("type", "string") != "string":
            continue
        for i, v in enumerate(df[f["name"]]):
            if isinstance(v, str) and MARKUP.search(v):
                raise DataError(
                    res["path"],
                    rows[i],
                    f["name"],
                    "markup",
                    f"{v[:60]!r} holds HTML/script markup; write labels as plain text",
                )


def _sample_size(desc: dict) -> int | None:
    """The survey's sample size, from the ``survey`` table when the package has one."""
    if "survey" not in [r["name"] for r in desc["resources"]]:
        return None
    sizes = load("survey")["sample_size"]
    return int(sizes.iloc[0]) if len(sizes) == 1 else None


def _check_survey_answers(desc: dict, res: dict, df: pd.DataFrame, rows: list[int]) -> None:
    file = res["path"]
    total = float(df["share_printed"].sum())
    if abs(total - 100) > SHARES_TOLERANCE:
        raise DataError(
            file,
            None,
            "share_printed",
            "shares sum",
            f"the shares add up to {total:g}, not 100 within {SHARES_TOLERANCE:g}",
        )
    n = _sample_size(desc)
    if n is None:
        return
    for i, k in enumerate(df["count"]):
        if k > n:
            raise DataError(file, rows[i], "count", "sample size", f"count {k} exceeds the sample size {n}")
    if int(df["count"].sum()) != n:
        raise DataError(
            file,
            None,
            "count",
            "sample size",
            f"the counts add up to {int(df['count'].sum())}, not the sample size {n}",
        )
    for i, (k, share, flag) in enumerate(zip(df["count"], df["share_printed"], df["reproduces_printed"], strict=True)):
        if (round(100 * k / n, 1) == share) != bool(flag):
            raise DataError(
                file,
                rows[i],
                "reproduces_printed",
                "reproduces printed",
                f"{k} of {n} is {100 * k / n:.1f}%, printed {share:g}, so reproduces_printed must be {not bool(flag)}",
            )


#: Checks of single tables, by table name.
_TABLE_CHECKS = {"survey_answers": _check_survey_answers}


if __name__ == "__main__":  # python -m kzdecentral.data: check the whole package
    import sys

    try:
        counts = {name: len(df) for name, df in load_all().items()}
    except DataError as e:
        sys.exit(f"data package: {e}")
    print(f"data package OK: {len(counts)} tables, {sum(counts.values())} rows")
