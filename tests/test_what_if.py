"""What-if edits build the book (issue 13, item 4).

A researcher edits the data as the loader allows: corrects a printed share, moves a count,
adds a timeline event. Each edit, followed by ``make data`` (what rewrites the derived
``reproduces_printed``), must still build the book strictly, and the page must show the new
value: sentences that state a finding are generated from the data, so none of them assumes
today's outcome.

One copy of the repository (with its execution cache) takes the three edits in turn and is
built strictly after each, so every build re-executes only the chapters that read the edited
table. The sentence builders are also checked directly, for outcomes the data do not hold today.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from kzbuild.repo_copy import copy_repo, run_build
from kzdecentral import coding, stats, survey_text


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
    return list(reader.fieldnames or []), list(reader)


def _write(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def _edit_answers(repo: Path, **changes: dict[str, str]) -> None:
    """Change cells of survey_answers.csv: ``_edit_answers(repo, **{"4": {"share_printed": "21.7"}})``."""
    path = repo / "data" / "survey_answers.csv"
    fields, rows = _rows(path)
    for row in rows:
        row.update(changes.get(row["answer_id"], {}))
    _write(path, fields, rows)


def _make_data(repo: Path) -> None:
    """What ``make data`` runs, in the copy: rewrite what is derived, then check the package."""
    env = {"PYTHONPATH": str(repo), "PATH": str(Path(sys.executable).parent)}
    for args in (
        ["kzbuild.paragraphs", "write"],
        ["kzdecentral.datapackage", "write"],
        ["kzdecentral.datapackage", "check"],
    ):
        out = subprocess.run([sys.executable, "-m", *args], cwd=repo, env=env, capture_output=True, text=True)
        assert out.returncode == 0, f"{' '.join(args)} failed:\n{out.stdout}\n{out.stderr}"


def _build(repo: Path) -> None:
    out = run_build(repo)
    log = out.stdout + out.stderr
    assert out.returncode == 0, "the strict build failed after a valid data edit:\n" + log[-4000:]


def _text(repo: Path, page: str) -> str:
    html = (repo / "_build" / "html" / "book" / f"{page}.html").read_text(encoding="utf-8")
    main = BeautifulSoup(html, "html.parser").select_one("article.bd-article")
    return " ".join(main.get_text(" ").split())


@pytest.fixture(scope="module")
def repo(tmp_path_factory, built_book):
    return copy_repo(tmp_path_factory.mktemp("what_if") / "repo", with_build=True)


def test_a_corrected_share_builds_and_shows(repo):
    """21.4 -> 21.7 (15 of 69): every share now reproduces; the prose says so."""
    _edit_answers(repo, **{"4": {"share_printed": "21.7"}})
    _make_data(repo)
    assert _rows(repo / "data" / "survey_answers.csv")[1][3]["reproduces_printed"] == "true"
    _build(repo)
    text = _text(repo, "survey")
    assert "All 4 printed shares are reproduced exactly" in text
    assert "21.7 % is 15" in text
    assert "cannot be produced by any whole number" not in text
    assert "The printed shares add up to 99.9 % rather than 100 %" in text
    assert "All 4 percentages correspond to a whole number of respondents" in text


def test_a_changed_count_builds_and_shows(repo):
    """One expert moved from the second answer to the fourth (counts still add up to 69)."""
    _edit_answers(repo, **{"2": {"count": "23"}, "4": {"count": "16"}})
    _make_data(repo)
    _build(repo)
    text = _text(repo, "survey")
    assert "2 of the 4 printed shares are reproduced exactly" in text
    assert "would be 24 experts, but the data package records 23 (33.3 %)" in text
    assert "would be 15 experts, but the data package records 16 (23.2 %)" in text
    assert "the remaining 2 do not" in text


def test_an_added_timeline_event_builds_and_shows(repo):
    path = repo / "data" / "timeline.csv"
    fields, rows = _rows(path)
    event = "expert survey of the article conducted (what-if test)"
    rows.append(
        {
            **{f: "" for f in fields},
            "event_id": "2024-what-if-survey",
            "date_printed": "February to April 2024",
            "year": "2024",
            "month": "2",
            "precision": "period",
            "end_year": "2024",
            "end_month": "4",
            "country": "Kazakhstan",
            "event": event,
            "section": "Methodology of the expert survey",
            "locator": "first sentence",
        }
    )
    _write(path, fields, rows)
    _make_data(repo)
    _build(repo)
    html = (repo / "_build" / "html" / "book" / "history.html").read_text(encoding="utf-8")
    assert event in html


# ---------------------------------------------------------------- the sentence builders, every outcome


def _rec(shares, counts, n=69):
    answers = pd.DataFrame(
        {
            "answer_id": range(1, len(shares) + 1),
            "answer_label": [f"A{i}" for i in range(1, len(shares) + 1)],
            "share_printed": shares,
            "count": counts,
        }
    )
    return stats.reconstruction(answers, n)


def test_counts_paragraph_as_printed_today():
    text = survey_text.counts_paragraph(_rec([18.8, 34.8, 24.6, 21.4], [13, 24, 17, 15]), 69)
    assert text.startswith(
        "3 of the 4 printed shares are reproduced exactly: 18.8 % is 13 experts, "
        "34.8 % is 24 and 24.6 % is 17. However, one printed share, 21.4 % for \u201cA4\u201d, "
        "cannot be produced by any whole number of experts out of 69: 14 experts would print "
        "as 20.3 % and 15 as 21.7 %. The nearest possible share, 15 experts,"
    )
    assert text.endswith(
        "The printed shares add up to 99.6 % rather than 100 %; the counts add up to 69, the whole sample."
    )


def test_counts_paragraph_with_two_unattainable_shares():
    text = survey_text.counts_paragraph(_rec([18.8, 34.7, 24.6, 21.4], [13, 24, 17, 15]), 69)
    assert "2 printed shares cannot be produced" in text and "34.7 %" in text
    assert "None of" not in text
    assert survey_text.counts_key_point(_rec([18.8, 34.7, 24.6, 21.4], [13, 24, 17, 15])).startswith(
        "2 of the 4 percentages"
    )


def test_groups_compared_both_ways():
    same = survey_text.groups_compared({"methodology": ["a", "b"], "results": ["b", "a"]})
    assert "name the same 2 groups" in same and "audit" not in same
    differ = survey_text.groups_compared({"methodology": ["a", "b"], "results": ["a", "c", "d"]})
    assert "do not match (2 groups in the methodology, 3 in the results section)" in differ


def test_unanswered_sentence_every_outcome():
    none = pd.DataFrame(columns=["problem_id", "listed_in", "problem", "counterpart"])
    assert coding.unanswered_sentence(none) == "Every problem finds at least one recommendation that speaks to it."
    new = pd.DataFrame([{"problem_id": "r5", "listed_in": "results", "problem": "a new problem", "counterpart": None}])
    assert "r5 (\u201ca new problem\u201d" in coding.unanswered_sentence(new)
