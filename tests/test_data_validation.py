"""The validating loader: the real package loads, and each kind of damage is caught and named.

Every corruption is made on a copy of data/ in a temporary folder (KZDEC_DATA_DIR points the
loader there) and must raise a DataError naming the file, the row, the field and the rule.
Rows are counted as in the file: the header is row 1, the first data row is row 2.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from kzbuild import fingerprint
from kzdecentral import data, paths

REAL = paths.ROOT / "data"
ANSWERS = "survey_answers.csv"


def descriptor(d: Path) -> dict:
    return json.loads((d / "datapackage.json").read_text(encoding="utf-8"))


def save_descriptor(d: Path, desc: dict) -> None:
    (d / "datapackage.json").write_text(json.dumps(desc, indent=2), encoding="utf-8")


def rows_of(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def set_cell(path: Path, i: int, field: str, value: str) -> int:
    """Set data row i (0-based) of a CSV in field; return that row's number in the file."""
    rows = rows_of(path)
    rows[i + 1][rows[0].index(field)] = value
    write_rows(path, rows)
    return i + 2


def cell(path: Path, i: int, field: str) -> str:
    rows = rows_of(path)
    return rows[i + 1][rows[0].index(field)]


def fails(name: str, file: str, row: int | None, field: str | None, rule: str) -> data.DataError:
    """Loading name raises a DataError with exactly this file, row, field and rule."""
    with pytest.raises(data.DataError) as info:
        data.load(name)
    e = info.value
    assert (e.file, e.row, e.field, e.rule) == (file, row, field, rule), str(e)
    text = str(e)
    assert file in text and f"rule '{rule}'" in text
    assert (f"row {row}" if row is not None else "row -") in text
    assert (f"field {field!r}" if field else "field -") in text
    return e


def resource_with_foreign_key(desc: dict) -> tuple[dict, dict]:
    """A table with a one-column foreign key whose field has no enum (so only the key can fail)."""
    for res in sorted(desc["resources"], key=lambda r: r["name"] != "survey_answers"):
        fields = {f["name"]: f for f in res["schema"]["fields"]}
        for fk in res["schema"].get("foreignKeys", []):
            names = [fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"]
            if len(names) == 1 and "enum" not in fields[names[0]].get("constraints", {}):
                return res, fk
    raise AssertionError("the package declares no foreign key to test")


# ------------------------------------------------------------------ the real package


@pytest.fixture(scope="module")
def real_tables() -> dict[str, pd.DataFrame]:
    return data.load_all()


def test_real_package_loads_with_every_row(real_tables):
    tables = real_tables
    desc = descriptor(REAL)
    assert list(tables) == [r["name"] for r in desc["resources"]] == data.resources()
    for res in desc["resources"]:
        records = rows_of(REAL / res["path"])
        assert records[0] == [f["name"] for f in res["schema"]["fields"]], res["name"]
        assert len(tables[res["name"]]) == len(records) - 1 > 0, res["name"]


def test_types_come_back_as_pandas_dtypes(real_tables):
    expected = {
        "integer": "Int64",
        "year": "Int64",
        "number": "float64",
        "boolean": "bool",
        "string": "str",
        "yearmonth": "period[M]",
    }
    for res in descriptor(REAL)["resources"]:
        df = real_tables[res["name"]]
        for f in res["schema"]["fields"]:
            dtype, kind = df[f["name"]].dtype, f.get("type", "string")
            if kind in ("date", "datetime"):
                assert pd.api.types.is_datetime64_any_dtype(dtype), (res["name"], f["name"])
            elif kind == "boolean":
                assert str(dtype) in ("bool", "boolean"), (res["name"], f["name"])
            elif kind in expected:
                assert str(dtype) == expected[kind], (res["name"], f["name"], dtype)


def test_survey_shares_as_printed_pass_though_they_sum_to_99_6():
    answers = data.load("survey_answers")
    assert answers["share_printed"].sum() == pytest.approx(99.6)


def test_every_file_opened_is_recorded():
    paths.READS.clear()
    data.load("survey_answers")
    names = {p.name for p in paths.READS}
    assert {"datapackage.json", ANSWERS} <= names


def test_reads_match_what_the_build_expects():
    """Each table reads only files that kzbuild.fingerprint names for a chapter loading it."""
    for name in data.resources():
        chapter = f'```{{code-cell}} ipython3\nfrom kzdecentral import data\ndata.load("{name}")\n```\n'
        paths.READS.clear()
        data.load(name)
        assert set(paths.READS) <= set(fingerprint.files_read(chapter)), name


def test_a_changed_file_is_read_again(pkg):
    assert data.load("survey_answers")["answer_label"].iloc[0] != "Changed"
    set_cell(pkg / ANSWERS, 0, "answer_label", "Changed")
    assert data.load("survey_answers")["answer_label"].iloc[0] == "Changed"


# ------------------------------------------------------------------ files and descriptor


def test_missing_csv_file(pkg):
    (pkg / ANSWERS).unlink()
    fails("survey_answers", ANSWERS, None, None, "missing file")


def test_missing_foreign_key_target_file(pkg):
    res, fk = resource_with_foreign_key(descriptor(pkg))
    target = next(r for r in descriptor(pkg)["resources"] if r["name"] == fk["reference"]["resource"])
    (pkg / target["path"]).unlink()
    fails(res["name"], target["path"], None, None, "missing file")


def test_empty_file(pkg):
    (pkg / ANSWERS).write_bytes(b"")
    fails("survey_answers", ANSWERS, None, None, "empty file")


def test_header_only_is_refused(pkg):
    # every table holds facts printed in the article: a table with no rows is a truncated file
    rows = rows_of(pkg / ANSWERS)
    write_rows(pkg / ANSWERS, rows[:1])
    fails("survey_answers", ANSWERS, 2, None, "no rows")


def test_latin1_bytes(pkg):
    path = pkg / ANSWERS
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[2] = lines[2].replace(",", ",Caf\u00e9 ", 1)
    path.write_bytes("\n".join(lines).encode("latin-1"))
    fails("survey_answers", ANSWERS, 3, None, "encoding")


def test_stray_bom(pkg):
    path = pkg / ANSWERS
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    fails("survey_answers", ANSWERS, 1, None, "encoding")


def test_descriptor_missing(pkg):
    (pkg / "datapackage.json").unlink()
    fails("survey_answers", "datapackage.json", None, None, "missing file")


def test_descriptor_invalid_json(pkg):
    path = pkg / "datapackage.json"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[3] = lines[3] + ",,"
    path.write_text("\n".join(lines), encoding="utf-8")
    fails("survey_answers", "datapackage.json", 4, None, "JSON syntax")


def test_descriptor_unknown_field_type(pkg):
    desc = descriptor(pkg)
    res = next(r for r in desc["resources"] if r["name"] == "survey_answers")
    res["schema"]["fields"][0]["type"] = "integr"
    save_descriptor(pkg, desc)
    e = fails("survey_answers", "datapackage.json", None, None, "descriptor")
    assert "integr" in str(e)


def test_descriptor_path_outside_the_folder(pkg):
    desc = descriptor(pkg)
    res = next(r for r in desc["resources"] if r["name"] == "survey_answers")
    res["path"] = "https://example.org/survey_answers.csv"
    save_descriptor(pkg, desc)
    fails("survey_answers", "datapackage.json", None, "survey_answers", "descriptor")


def test_unknown_table_name(pkg):
    e = fails("no_such_table", "datapackage.json", None, None, "unknown table")
    assert "survey_answers" in str(e)  # the message lists the tables that exist


# ------------------------------------------------------------------ header


def test_missing_column(pkg):
    rows = rows_of(pkg / ANSWERS)
    k = rows[0].index("locator")
    write_rows(pkg / ANSWERS, [r[:k] + r[k + 1 :] for r in rows])
    fails("survey_answers", ANSWERS, 1, "locator", "missing column")


def test_renamed_column(pkg):
    rows = rows_of(pkg / ANSWERS)
    rows[0][rows[0].index("count")] = "n"
    write_rows(pkg / ANSWERS, rows)
    e = fails("survey_answers", ANSWERS, 1, "count", "column name")
    assert "'n' stands where" in str(e)


def test_extra_column(pkg):
    rows = rows_of(pkg / ANSWERS)
    write_rows(pkg / ANSWERS, [r + (["comment"] if i == 0 else ["x"]) for i, r in enumerate(rows)])
    fails("survey_answers", ANSWERS, 1, "comment", "extra column")


def test_duplicate_header(pkg):
    rows = rows_of(pkg / ANSWERS)
    rows[0][rows[0].index("locator")] = "section"
    write_rows(pkg / ANSWERS, rows)
    fails("survey_answers", ANSWERS, 1, "section", "duplicate header")


def test_columns_out_of_order(pkg):
    rows = rows_of(pkg / ANSWERS)
    a, b = rows[0].index("answer_label"), rows[0].index("share_printed")
    write_rows(pkg / ANSWERS, [r[:a] + [r[b]] + r[a + 1 : b] + [r[a]] + r[b + 1 :] for r in rows])
    fails("survey_answers", ANSWERS, 1, "answer_label", "column order")


def test_blank_header(pkg):
    rows = rows_of(pkg / ANSWERS)
    rows[0][rows[0].index("answer_quote")] = ""
    write_rows(pkg / ANSWERS, rows)
    fails("survey_answers", ANSWERS, 1, "answer_quote", "blank header")


def test_semicolon_separated_file(pkg):
    rows = rows_of(pkg / ANSWERS)
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\n").writerows(rows)
    (pkg / ANSWERS).write_text(buf.getvalue(), encoding="utf-8")
    e = fails("survey_answers", ANSWERS, 1, "answer_id", "missing column")
    assert "answer_id;" in str(e)  # the message shows the header as read


# ------------------------------------------------------------------ rows and cells


def test_ragged_row_too_long(pkg):
    path = pkg / ANSWERS
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[2] += ",surplus"
    path.write_text("\n".join(lines), encoding="utf-8")
    fails("survey_answers", ANSWERS, 3, None, "ragged row")


def test_ragged_row_too_short(pkg):
    rows = rows_of(pkg / ANSWERS)
    rows[3] = rows[3][:-1]
    write_rows(pkg / ANSWERS, rows)
    fails("survey_answers", ANSWERS, 4, rows[0][-1], "ragged row")


def test_blank_row(pkg):
    rows = rows_of(pkg / ANSWERS)
    rows.insert(2, [""] * len(rows[0]))
    write_rows(pkg / ANSWERS, rows)
    fails("survey_answers", ANSWERS, 3, None, "blank row")


def test_wrong_type(pkg):
    row = set_cell(pkg / ANSWERS, 1, "share_printed", "34,8")
    fails("survey_answers", ANSWERS, row, "share_printed", "type")


def test_wrong_boolean(pkg):
    row = set_cell(pkg / ANSWERS, 0, "reproduces_printed", "yes")
    fails("survey_answers", ANSWERS, row, "reproduces_printed", "type")


def test_missing_required_value(pkg):
    row = set_cell(pkg / ANSWERS, 2, "section", "")
    fails("survey_answers", ANSWERS, row, "section", "required")


def test_duplicate_primary_key(pkg):
    first = cell(pkg / ANSWERS, 0, "answer_id")
    row = set_cell(pkg / ANSWERS, 2, "answer_id", first)
    fails("survey_answers", ANSWERS, row, "answer_id", "primary key")


def test_unique_value_repeated(pkg):
    desc = descriptor(pkg)
    res = next(r for r in desc["resources"] if r["name"] == "survey_answers")
    field = next(f for f in res["schema"]["fields"] if f["name"] == "answer_label")
    field.setdefault("constraints", {})["unique"] = True
    save_descriptor(pkg, desc)
    data.load("survey_answers")  # the labels are distinct as they stand
    row = set_cell(pkg / ANSWERS, 2, "answer_label", cell(pkg / ANSWERS, 0, "answer_label"))
    fails("survey_answers", ANSWERS, row, "answer_label", "unique")


def test_broken_foreign_key(pkg):
    res, fk = resource_with_foreign_key(descriptor(pkg))
    field = fk["fields"][0] if isinstance(fk["fields"], list) else fk["fields"]
    row = set_cell(pkg / res["path"], 0, field, "no_such_key_999")
    fails(res["name"], res["path"], row, field, "foreign key")


def test_share_above_100(pkg):
    row = set_cell(pkg / ANSWERS, 1, "share_printed", "134.8")
    fails("survey_answers", ANSWERS, row, "share_printed", "maximum")


def test_negative_count(pkg):
    row = set_cell(pkg / ANSWERS, 2, "count", "-17")
    fails("survey_answers", ANSWERS, row, "count", "minimum")


def test_enum_violation(pkg):
    desc = descriptor(pkg)
    res = next(r for r in desc["resources"] if r["name"] == "survey_answers")
    field = next(f for f in res["schema"]["fields"] if f["name"] == "section")
    if "enum" not in field.get("constraints", {}):  # give the field an enum its values meet
        rows = rows_of(pkg / ANSWERS)
        field.setdefault("constraints", {})["enum"] = sorted({r[rows[0].index("section")] for r in rows[1:]})
        save_descriptor(pkg, desc)
    data.load("survey_answers")  # the enum alone is met by the data
    row = set_cell(pkg / ANSWERS, 0, "section", "Not one of the article's headings")
    fails("survey_answers", ANSWERS, row, "section", "enum")


def test_malformed_date(pkg):
    row = set_cell(pkg / "survey.csv", 0, "period_start", "2024-13")
    fails("survey", "survey.csv", row, "period_start", "type")


def test_impossible_iso_date(pkg):
    res, field, i = next(
        (r, f["name"], i)
        for r in descriptor(pkg)["resources"]
        for f in r["schema"]["fields"]
        if f.get("type") == "date"
        for i in range(len(rows_of(pkg / r["path"])) - 1)
        if cell(pkg / r["path"], i, f["name"])
    )
    row = set_cell(pkg / res["path"], i, field, "1995-02-30")
    fails(res["name"], res["path"], row, field, "type")


def test_script_in_a_label(pkg):
    row = set_cell(pkg / ANSWERS, 3, "answer_label", "Hard to say<script>alert(1)</script>")
    e = fails("survey_answers", ANSWERS, row, "answer_label", "markup")
    assert "plain text" in str(e)


def test_html_tag_in_a_provenance_cell(pkg):
    row = set_cell(pkg / ANSWERS, 0, "locator", "<b>survey</b> paragraph")
    fails("survey_answers", ANSWERS, row, "locator", "markup")


def test_less_than_sign_alone_is_text(pkg):
    set_cell(pkg / ANSWERS, 0, "locator", "share < 20 and a < b, survey paragraph")
    assert data.load("survey_answers")["locator"].iloc[0].startswith("share < 20")


# ------------------------------------------------------------------ the survey's arithmetic


def test_shares_not_summing_to_100(pkg):
    set_cell(pkg / ANSWERS, 3, "share_printed", "23.4")  # 99.6 becomes 101.6
    fails("survey_answers", ANSWERS, None, "share_printed", "shares sum")


def test_count_above_the_sample_size(pkg):
    # the survey table says how many experts there were: make it fewer than the largest count
    counts = [int(cell(pkg / ANSWERS, i, "count")) for i in range(len(rows_of(pkg / ANSWERS)) - 1)]
    set_cell(pkg / "survey.csv", 0, "sample_size", str(max(counts) - 1))
    fails("survey_answers", ANSWERS, counts.index(max(counts)) + 2, "count", "sample size")


def test_counts_not_summing_to_the_sample_size(pkg):
    k = int(cell(pkg / ANSWERS, 3, "count"))
    set_cell(pkg / ANSWERS, 3, "count", str(k - 1))
    fails("survey_answers", ANSWERS, None, "count", "sample size")


def test_reproduces_printed_flag_contradicts_the_arithmetic(pkg):
    flag = cell(pkg / ANSWERS, 0, "reproduces_printed")
    row = set_cell(pkg / ANSWERS, 0, "reproduces_printed", "false" if flag == "true" else "true")
    fails("survey_answers", ANSWERS, row, "reproduces_printed", "reproduces printed")
