"""`python -m kzdecentral.datapackage check|write` (what `make data` runs).

The CSV files and datapackage.json are the source. `check` passes on the committed tree; on a
copy of data/ (KZDEC_DATA_DIR points there) with a stale derived thing it fails, naming the
file, the row, the rule and the command that fixes it; `write` fixes exactly that.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kzdecentral import __version__, datapackage, paths

REAL = paths.ROOT / "data"
FIX = "make data"


def run(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KZDEC_DATA_DIR"}
    if data_dir is not None:
        env["KZDEC_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "kzdecentral.datapackage", *args], env=env, capture_output=True, text=True, timeout=120
    )


def same_as_real(d: Path) -> None:
    for p in sorted(REAL.iterdir()):
        assert (d / p.name).read_bytes() == p.read_bytes(), p.name


def check_fails(d: Path, *expected: str) -> str:
    """`check` exits 1 and its report holds every expected piece; the report."""
    out = run("check", data_dir=d)
    assert out.returncode == 1, out.stdout + out.stderr
    for piece in expected:
        assert piece in out.stderr, (piece, out.stderr)
    return out.stderr


# ------------------------------------------------------------------ the committed tree


def test_check_passes_on_the_committed_tree():
    out = run("check")
    assert out.returncode == 0, out.stderr
    assert "valid, everything derived is current" in out.stdout


def test_write_changes_nothing_on_the_committed_tree(pkg):
    assert datapackage.write() == []
    same_as_real(pkg)


def test_the_package_version_is_the_code_version():
    desc = json.loads((REAL / "datapackage.json").read_text(encoding="utf-8"))
    assert desc["version"] == __version__


def test_verbatim_fields_are_marked_in_the_descriptor():
    desc = json.loads((REAL / "datapackage.json").read_text(encoding="utf-8"))
    marked = {f["name"] for r in desc["resources"] for f in r["schema"]["fields"] if f.get("verbatim")}
    assert {
        "title",
        "question",
        "answer_quote",
        "keyword",
        "cited_as",
        "date_printed",
        "value_printed",
        "url",
        "details",
    } <= marked
    assert not marked & {"section", "locator", "note", "answer_label"}


def test_usage():
    out = run("frobnicate")
    assert out.returncode == 2 and "check|write" in out.stderr


# ------------------------------------------------------------------ stale derived things


def test_stale_readme_table_list_fails_and_write_fixes_it(pkg):
    readme = pkg / "README.md"
    text = readme.read_text(encoding="utf-8")
    assert "| `survey_answers` | 4 |" in text
    readme.write_text(text.replace("| `survey_answers` | 4 |", "| `survey_answers` | 5 |"), encoding="utf-8")
    line = text[: text.index("| `survey_answers` | 4 |")].count("\n") + 1
    check_fails(
        pkg,
        f"stale: README.md: row {line}, rule 'table list'",
        "| `survey_answers` | 5 |",
        "| `survey_answers` | 4 |",
        FIX,
    )
    assert [w.split(" ")[0] for w in datapackage.write()] == ["README.md"]
    same_as_real(pkg)


def test_table_list_follows_a_new_description(pkg):
    desc_path = pkg / "datapackage.json"
    desc = json.loads(desc_path.read_text(encoding="utf-8"))
    desc["resources"][0]["description"] = "A new description."
    desc_path.write_text(json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (found,), problems = datapackage.stale()
    assert found.file == "README.md" and not problems
    datapackage.write()
    assert "| `article_titles` | 3 | A new description. |" in (pkg / "README.md").read_text(encoding="utf-8")


def test_stale_version_fails_and_write_fixes_only_that_line(pkg):
    path = pkg / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    assert text.count(f'  "version": "{__version__}"') == 1
    path.write_text(text.replace(f'  "version": "{__version__}"', '  "version": "0.9.0"'), encoding="utf-8")
    check_fails(pkg, "stale: datapackage.json: version is '0.9.0'", f"kzdecentral.__version__ is '{__version__}'", FIX)
    datapackage.write()
    same_as_real(pkg)


def test_stale_derived_column_fails_and_write_recomputes_it(pkg):
    path = pkg / "survey_answers.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert ",24,true," in lines[2]
    lines[2] = lines[2].replace(",24,true,", ",24,false,")
    path.write_text("\n".join(lines), encoding="utf-8")
    check_fails(
        pkg,
        "stale: survey_answers.csv: row 3, field 'reproduces_printed', rule 'derived'",
        "error: survey_answers.csv, row 3 (line 3 of the file, the 2nd data row), field 'reproduces_printed', "
        "rule 'reproduces printed'",
        FIX,
    )
    datapackage.write()
    same_as_real(pkg)


def test_unquoted_verbatim_cell_and_crlf_are_stale_layout(pkg):
    titles = pkg / "article_titles.csv"
    text = titles.read_text(encoding="utf-8")
    assert ',"Abstract",' in text
    titles.write_text(text.replace(',"Abstract",', ",Abstract,"), encoding="utf-8")
    risks = pkg / "risks.csv"
    risks.write_bytes(risks.read_bytes().replace(b"\n", b"\r\n"))
    found, _ = datapackage.stale()
    report = {s.file: str(s) for s in found}
    assert set(report) == {"article_titles.csv", "risks.csv"}
    assert "row 2, field 'abstract_heading', rule 'quoting'" in report["article_titles.csv"]
    assert "rule 'line endings'" in report["risks.csv"] and FIX in report["risks.csv"]
    datapackage.write()
    same_as_real(pkg)


def test_a_needless_quote_is_stale_layout(pkg):
    path = pkg / "risks.csv"
    header, first, rest = path.read_text(encoding="utf-8").split("\n", 2)
    cells = first.split(",")
    path.write_text("\n".join([header, ",".join([f'"{cells[0]}"', *cells[1:]]), rest]), encoding="utf-8")
    (found,), _ = datapackage.stale()
    assert "row 2, field 'risk_id', rule 'quoting'" in str(found) and "without quotes" in str(found)


# ------------------------------------------------------------------ errors


def test_a_broken_cell_is_named_by_file_row_field_and_rule(pkg):
    path = pkg / "survey_answers.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace(",13,", ",thirteen,")
    path.write_text("\n".join(lines), encoding="utf-8")
    problems = datapackage.check()
    assert any(
        p.startswith(
            "error: survey_answers.csv, row 2 (line 2 of the file, the 1st data row), field 'count', rule 'type'"
        )
        for p in problems
    ), problems
    assert datapackage.write() == []  # nothing derived can be computed from a broken count


def test_descriptor_rules_verbatim_and_one_list_of_sections(pkg):
    path = pkg / "datapackage.json"
    desc = json.loads(path.read_text(encoding="utf-8"))
    fields = desc["resources"][1]["schema"]["fields"]
    next(f for f in fields if f.get("verbatim"))["verbatim"] = "yes"
    section = next(f for f in desc["resources"][2]["schema"]["fields"] if f["name"] == "section")
    section["constraints"]["enum"].append("Appendix")
    path.write_text(json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    problems = datapackage.check()
    name1, name2 = desc["resources"][1]["name"], desc["resources"][2]["name"]
    assert any(f"field '{name1}." in p and "rule 'verbatim'" in p for p in problems), problems
    assert any(f"field '{name2}.section', rule 'sections'" in p for p in problems), problems


def test_a_broken_descriptor_stops_write_and_check(pkg):
    path = pkg / "datapackage.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"resources": [', '"resources": [,', 1), encoding="utf-8")
    for command in ("write", "check"):
        out = run(command, data_dir=pkg)
        assert out.returncode == 1, out.stdout
        assert "error: datapackage.json, row " in out.stderr and "rule 'JSON syntax'" in out.stderr, out.stderr
    assert (pkg / "README.md").read_bytes() == (REAL / "README.md").read_bytes()
