"""Citation, archive and download checks.

* CITATION.cff validates against the official CFF 1.2.0 JSON schema, and .zenodo.json,
  the package and the built footer carry the same version;
* book/references.bib parses, holds the article and its 17 references, and every citation
  key used in the chapters exists in it (and every reference is cited somewhere);
* kzdecentral.cite makes BibTeX, APA and GOST citations that invent nothing;
* after a build: every chapter offers .ipynb and .md downloads, the cite page's citation
  blocks have copy buttons, and the data archive holds the whole data package and validates.

The CFF schema is the one cffconvert 2.0.0 ships (cffconvert itself cannot be installed next
to frictionless: their jsonschema pins clash). The test downloads that wheel with pip
(no dependencies, nothing installed), checks the schema's SHA-256 and keeps a copy in
``_build/.cff-schema/``; with no network it skips on a developer machine and fails under CI.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from sphinxcontrib.bibtex.citation_target import parse_citation_targets

from kzbuild import downloads
from kzbuild.bibstyle import Style
from kzbuild.browse import HTML
from kzdecentral import __version__, cite

from conftest import ROOT, need

BIB = ROOT / "book" / "references.bib"
BOOK = ROOT / "book"
REF_KEYS = {f"ref{n:02d}" for n in range(1, 18)}
ARTICLE_KEY = "sheriyazdanov2024"
CFFCONVERT = "cffconvert==2.0.0"
SCHEMA_MEMBER = "cffconvert/schemas/1.2.0/schema.json"
SCHEMA_SHA256 = "0b8d22140da702d766df318dcff3a91af2f39521298dcf36d76315fd99cc169b"
SCHEMA_CACHE = ROOT / "_build" / ".cff-schema" / "schema-1.2.0.json"
#: MyST citation roles: {cite}`a`, {cite:p}`a,b`, {cite:t}`a`, {cite:ps}`a` ...
CITE_ROLE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


# --------------------------------------------------------------------------- CITATION.cff


def _schema_bytes() -> bytes | None:
    if SCHEMA_CACHE.is_file():
        data = SCHEMA_CACHE.read_bytes()
        if hashlib.sha256(data).hexdigest() == SCHEMA_SHA256:
            return data
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                CFFCONVERT,
                "--no-deps",
                "--only-binary=:all:",
                "--disable-pip-version-check",
                "--quiet",
                "-d",
                tmp,
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        wheels = list(Path(tmp).glob("cffconvert-*.whl"))
        if proc.returncode != 0 or not wheels:
            return None
        data = zipfile.ZipFile(wheels[0]).read(SCHEMA_MEMBER)
    SCHEMA_CACHE.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA_CACHE.write_bytes(data)
    return data


@pytest.fixture(scope="module")
def cff_schema() -> dict:
    data = _schema_bytes()
    need(data is not None, f"could not download {CFFCONVERT} from PyPI for the CFF 1.2.0 schema")
    assert hashlib.sha256(data).hexdigest() == SCHEMA_SHA256, "the CFF schema is not the pinned one"
    return json.loads(data)


@pytest.fixture(scope="module")
def cff() -> dict:
    return cite.load_cff()


def test_cff_validates_against_schema(cff_schema, cff):
    import jsonschema

    assert cff_schema["$id"] == "https://citation-file-format.github.io/1.2.0/schema.json"
    validator = jsonschema.Draft7Validator(cff_schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(cff), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_cff_content(cff):
    assert cff["cff-version"] == "1.2.0"
    assert cff["version"] == __version__
    assert cff["date-released"] == "2026-11-26"
    assert cff["license"] == "MIT" and "CC-BY-4.0" in cff["message"]
    assert "repository-code" not in cff, "no repository address is known: do not invent one"
    art = cite.article(cff)
    assert [p.family for p in art.authors] == ["Sheriyazdanov", "Kalenova", "Kakimov", "Omirzakova"]
    assert art.title == "Decentralization of power in Kazakhstan: current state and development prospects"
    ref = next(r for r in cff["references"] if r["type"] == "article")
    assert not {"year", "journal", "volume", "doi", "start", "end"} & set(ref), "the article's venue is unknown"
    for person in ref["authors"]:
        if "orcid" in person:
            assert _orcid_ok(person["orcid"].rsplit("/", 1)[-1]), person


def _orcid_ok(orcid: str) -> bool:
    digits = orcid.replace("-", "")
    total = 0
    for c in digits[:-1]:
        total = (total + int(c)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


def test_zenodo_json_made_from_cff(cff):
    path = ROOT / ".zenodo.json"
    assert path.read_text(encoding="utf-8") == cite.zenodo_text(cff), (
        ".zenodo.json is out of date: run `python -m kzdecentral.cite zenodo`"
    )
    z = json.loads(path.read_text(encoding="utf-8"))
    assert z["version"] == cff["version"] == __version__
    assert z["title"] == cff["title"] and z["license"] == cff["license"]
    assert z["publication_date"] == cff["date-released"]
    assert z["creators"] and z["description"] and z["keywords"]
    assert "related_identifiers" not in z


def test_version_single_source():
    text = (ROOT / "kzdecentral" / "__init__.py").read_text(encoding="utf-8")
    assert len(re.findall(r"__version__\s*=", text)) == 1
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'version = {attr = "kzdecentral.__version__"}' in pyproject


def test_version_in_built_footer():
    need((HTML / "index.html").is_file(), "the book is not built: run `make book` first")
    for page in ("book/index.html", "book/cite.html"):
        text = (HTML / page).read_text(encoding="utf-8")
        footer = text[text.find("bd-footer-content") :]
        assert f"version {__version__}" in footer, page


# --------------------------------------------------------------------------- references.bib


@pytest.fixture(scope="module")
def bib():
    from pybtex.database import parse_file

    return parse_file(str(BIB))


def test_bib_has_article_and_17_references(bib):
    assert set(bib.entries) == REF_KEYS | {ARTICLE_KEY}
    for key in REF_KEYS:
        entry = bib.entries[key]
        assert entry.fields.get("title"), key


def test_bib_article_agrees_with_cff(bib, cff):
    entry = bib.entries[ARTICLE_KEY]
    art = cite.article(cff)
    assert [" ".join(p.last_names) for p in entry.persons["author"]] == [p.family for p in art.authors]
    assert [" ".join(p.first_names) for p in entry.persons["author"]] == [p.given for p in art.authors]
    assert entry.fields["title"].replace("{", "").replace("}", "") == art.title
    assert not {"year", "journal", "volume", "pages", "doi"} & set(entry.fields.keys()), (
        "the article's venue and year are not in the source: the entry must not state them"
    )


def test_garbled_references_explain_gaps(bib):
    notes = {k: bib.entries[k].fields.get("note", "") for k in ("ref06", "ref10", "ref16", "ref17")}
    assert "dt=1993-" in bib.entries["ref06"].fields["url"] and "breaks off" in notes["ref06"]
    assert "28 AIPari No. 3-4 2000" in notes["ref10"]
    assert "94 p. 91, pp. 44-46" in notes["ref16"]
    assert "(p. 69). From 48." in notes["ref17"]


def test_bib_formats_with_book_style(bib):
    entries = list(Style().format_entries(bib.entries.values()))
    labels = [e.label for e in entries]
    assert labels == ["Sheriyazdanov et al."] + [str(n) for n in range(1, 18)]
    for e in entries:
        assert e.text.render_as("text").strip()


def _cited_keys() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for md in sorted(BOOK.rglob("*.md")):
        for m in CITE_ROLE.finditer(md.read_text(encoding="utf-8")):
            for target in parse_citation_targets(m.group(1)):  # keys with {pre}/{post} text
                found.setdefault(target.key, []).append(md.name)
    return found


def test_every_cited_key_exists(bib):
    missing = {k: v for k, v in _cited_keys().items() if k not in bib.entries}
    assert not missing, f"cited but not in references.bib: {missing}"


def test_every_reference_is_cited():
    cited = _cited_keys()
    assert not (REF_KEYS | {ARTICLE_KEY}) - set(cited), sorted((REF_KEYS | {ARTICLE_KEY}) - set(cited))


def test_references_table_matches_bib(bib):
    """If the data package lists the article's references, they are the bib's ref01..ref17."""
    desc = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    res = next((r for r in desc["resources"] if r["name"] == "references"), None)
    need(res is not None, "the data package has no references table yet")
    import csv

    with open(ROOT / "data" / res["path"], encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {f"ref{int(r['ref_no']):02d}" for r in rows} == REF_KEYS
    # the bib and the table agree on the printed URL, access date and year
    for row in rows:
        fields = bib.entries[f"ref{int(row['ref_no']):02d}"].fields
        for column, field in (("url", "url"), ("access_date", "urldate"), ("year", "year")):
            if column in row:
                assert (row[column] or "") == fields.get(field, ""), (row["ref_no"], column)


# --------------------------------------------------------------------------- kzdecentral.cite


def test_citations_invent_nothing(cff):
    out = cite.all_citations(cff)
    assert set(out) == {(w, s) for w in ("article", "edition") for s in cite.STYLES}
    for (which, style), text in out.items():
        if which == "article":
            assert not re.search(r"\b(19|20)\d\d\b", text), f"a year in the article's {style} citation"
        else:
            assert __version__ in text and "2026" in text
    assert "(n.d.)" in out["article", "apa"]
    assert out["article", "apa"].startswith("Sheriyazdanov, B., Kalenova, T., Kakimov, K., & Omirzakova, D.")
    # GOST: with four authors the reference opens with the title
    assert out["article", "gost"].startswith("Decentralization of power in Kazakhstan:")
    assert out["article", "gost"].endswith("/ B. Sheriyazdanov, T. Kalenova, K. Kakimov, D. Omirzakova.")
    assert "[Electronic resource]" in out["edition", "gost"]


def test_bibtex_citations_parse(cff):
    from pybtex.database import parse_string

    art = parse_string(cite.citation("article", "bibtex", cff), "bibtex")
    assert list(art.entries) == [ARTICLE_KEY]
    ed = parse_string(cite.citation("edition", "bibtex", cff), "bibtex")
    (entry,) = ed.entries.values()
    assert entry.fields["version"] == __version__ and entry.fields["year"] == "2026"


def test_figure_citation_and_charts_default(cff):
    line = cite.figure_citation("survey-shares", cff)
    assert "\n" not in line and "'survey-shares'" in line and f"version {__version__}" in line
    import altair as alt
    import pandas as pd

    from kzdecentral import charts

    df = pd.DataFrame({"x": [1, 2]})
    shown = charts.show(alt.Chart(df).mark_point().encode(x="x:Q"), name="test-chart", description="Two points.")
    assert shown.cite == cite.figure_citation("test-chart")


def test_citation_file_is_read_once_per_process(monkeypatch, tmp_path):
    """Every chart's cite line comes from CITATION.cff, parsed once and again only when it changes."""
    import yaml

    parses = []
    real = yaml.safe_load
    monkeypatch.setattr(cite.yaml, "safe_load", lambda fh: parses.append(1) or real(fh))
    cite._parsed_cff.cache_clear()
    lines = {cite.figure_citation(name) for name in ("survey-shares", "units-by-level", "intl-tiers")}
    assert len(lines) == 3 and len(parses) == 1
    # each call gets its own copy: changing one does not change the next
    first = cite.load_cff()
    first["version"] = "changed"
    assert cite.load_cff()["version"] == __version__ and len(parses) == 1
    # a changed file is read again
    copy = tmp_path / "CITATION.cff"
    copy.write_text(cite.CFF_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    assert cite.load_cff(copy)["version"] == __version__ and len(parses) == 2
    copy.write_text(
        copy.read_text(encoding="utf-8").replace(f"version: {__version__}", "version: 9.9.9"), encoding="utf-8"
    )
    assert cite.load_cff(copy)["version"] == "9.9.9" and len(parses) == 3


def test_licence_files():
    mit = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert mit.startswith("MIT License") and "Permission is hereby granted" in mit
    text = (ROOT / "LICENSE-TEXT").read_text(encoding="utf-8")
    assert "CC BY 4.0" in text and "creativecommons.org/licenses/by/4.0" in text


# --------------------------------------------------------------------------- data archive


def _expected_members() -> set[str]:
    return set(downloads.data_package_files(ROOT / "data"))


def test_data_zip_is_reproducible(tmp_path):
    a = downloads.build_data_zip(tmp_path / "a" / downloads.DATA_ZIP, ROOT / "data")
    b = downloads.build_data_zip(tmp_path / "b" / downloads.DATA_ZIP, ROOT / "data")
    assert a.read_bytes() == b.read_bytes()
    names = set(zipfile.ZipFile(a).namelist())
    assert _expected_members() | {"README.md"} <= names


def test_built_data_zip_holds_and_validates_the_package(built_book, tmp_path):
    import frictionless

    archive = built_book / downloads.DATA_ZIP_DIR / downloads.DATA_ZIP
    assert archive.is_file(), "the build did not write the data archive"
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
        desc = json.loads(zf.read("datapackage.json"))
        zf.extractall(tmp_path)
    resources = {r["path"] for r in desc["resources"]}
    assert {"datapackage.json", "README.md"} | resources <= names
    assert desc == json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_cite_page_links_data_zip(built_book):
    text = (built_book / "book" / "cite.html").read_text(encoding="utf-8")
    assert f'href="../_downloads/{downloads.DATA_ZIP}"' in text


# --------------------------------------------------------------------------- chapter downloads


def _chapters() -> list[str]:
    from kzbuild.chapters import chapters

    return [p.relative_to(ROOT).with_suffix("").as_posix() for p in chapters(ROOT)]


def test_every_chapter_offers_ipynb_and_md(built_book):
    import nbformat

    for page in _chapters():
        html = (built_book / f"{page}.html").read_text(encoding="utf-8")
        depth = "../" * page.count("/")
        for suffix in (".ipynb", ".md"):
            assert f'href="{depth}_sources/{page}{suffix}"' in html, f"{page}: no {suffix} download"
            assert (built_book / "_sources" / f"{page}{suffix}").is_file()
        nb = nbformat.read(built_book / "_sources" / f"{page}.ipynb", as_version=4)
        nbformat.validate(nb)
        assert nb.cells, page
        # stable cell ids, not random ones: rebuilding gives the same download, byte for byte
        stem = page.rsplit("/", 1)[-1]
        assert [c.id for c in nb.cells] == [f"{stem}-{i}" for i in range(len(nb.cells))], page
    # the notebooks carry the build's outputs: the cite chapter's citations are in its .ipynb
    nb = nbformat.read(built_book / "_sources" / "book" / "cite.ipynb", as_version=4)
    outputs = json.dumps([c.get("outputs", []) for c in nb.cells])
    assert "sheriyazdanov2024" in outputs and f"version {__version__}" in outputs


def test_cite_page_blocks_have_copy_buttons(page, server):
    page.goto(f"{server}/book/cite.html", wait_until="load")
    blocks = page.locator(".cell_output div.highlight pre")
    n = blocks.count()
    assert n >= 7  # article and edition in three styles, and the figure line
    page.wait_for_function(
        f"document.querySelectorAll('.cell_output div.highlight button.copybtn').length >= {n}", timeout=10000
    )


def test_readme_version_is_current():
    """A version typed in the README (its citation of the edition) is the package's."""
    readme = ROOT / "README.md"
    need(readme.is_file(), "no README.md")
    for version in re.findall(r"\(Version (\d+\.\d+\.\d+)\)", readme.read_text(encoding="utf-8")):
        assert version == __version__, "README.md cites an old version of the edition"


def test_citation_metadata_is_a_notebook_dependency():
    """The cite page and the charts' cite lines are computed from CITATION.cff in the
    notebooks, so the file is part of the package fingerprint that keys the execution cache."""
    from kzbuild import fingerprint

    assert ROOT / "CITATION.cff" in fingerprint.content_files()
    assert not {"downloads.py", "bibstyle.py", "sphinxext.py"} & {p.name for p in fingerprint.content_files()}
    assert not [p for p in fingerprint.content_files() if fingerprint.BUILD_ROOM in p.parents]
