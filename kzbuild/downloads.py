"""Downloads offered by the book (a Sphinx extension, listed in ``_config.yml``).

* **Each chapter as a notebook.** The theme's download menu offers a page's MyST source
  (``.md``). This extension adds the chapter as a Jupyter notebook (``.ipynb``) to the same
  menu, with the outputs of the build: taken from the execution cache (or from myst-nb's
  ``_build/jupyter_execute`` copy in other execution modes), otherwise the MyST source
  converted by jupytext (no outputs).
  It is copied next to the page's source in ``_sources/`` and the theme shows it as
  ``.ipynb`` (sphinx-book-theme adds that entry whenever ``ipynb_source`` is set).
* **The data package as one archive.** ``_downloads/kazakhstan-decentralization-data.zip``
  holds ``datapackage.json``, every file its resources name, a README and the citation
  metadata. It is made at the end of every HTML build and never committed. The file dates
  inside are fixed (``SOURCE_DATE_EPOCH`` or 1980-01-01), so the same data give the same
  archive.
* On the "How to cite" page, a small style sheet wraps long citation lines on screen.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from kzdecentral import __version__, paths

from .archive import data_package_files, write_zip
from .chapters import chapters, read_chapter

logger = logging.getLogger(__name__)

DATA_ZIP = "kazakhstan-decentralization-data.zip"
#: Where the archive lands inside the HTML output.
DATA_ZIP_DIR = "_downloads"
NOTEBOOK_SUFFIXES = (".md", ".ipynb")
#: The "How to cite" page: its citation blocks wrap long lines on screen (copying them
#: still gives one line per citation, as generated).
CITE_PAGE = "book/cite"
CITE_CSS_DIR = "kzdec-cite"
CITE_CSS = ".cell_output div.highlight pre { white-space: pre-wrap; overflow-wrap: anywhere; }\n"


# --------------------------------------------------------------------------- notebooks


def _is_chapter_notebook(app: Sphinx, pagename: str) -> Path | None:
    """The source file of a page that is a notebook (MyST with a kernelspec, or .ipynb)."""
    if pagename not in app.env.found_docs:
        return None
    src = Path(app.env.doc2path(pagename))
    if src.suffix not in NOTEBOOK_SUFFIXES or not src.is_file():
        return None
    if src.suffix == ".md":
        head = src.read_text(encoding="utf-8")[:2000]
        if not (head.startswith("---") and "kernelspec" in head):
            return None
    return src


def _from_cache(app: Sphinx, src: Path) -> bytes | None:
    """The chapter with the outputs stored in the jupyter-cache (execution mode "cache")."""
    if getattr(app.config, "nb_execution_mode", "") != "cache":
        return None
    cache_dir = Path(app.config.nb_execution_cache_path or ".jupyter_cache")
    if not cache_dir.is_absolute():
        cache_dir = Path(app.srcdir) / cache_dir
    if not cache_dir.is_dir() or src.suffix != ".md":
        return None
    import nbformat
    from jupyter_cache import get_cache

    nb = read_chapter(src)  # exactly what myst-nb hashed: the chapter with its fingerprint cell
    try:
        _, merged = get_cache(str(cache_dir)).merge_match_into_notebook(nb)
    except KeyError:
        return None
    return nbformat.writes(merged).encode("utf-8")


def _has_outputs(data: bytes) -> bool:
    cells = json.loads(data).get("cells", [])
    return any(c.get("outputs") for c in cells if c.get("cell_type") == "code")


def notebook_for(app: Sphinx, pagename: str, src: Path) -> bytes:
    """The chapter as .ipynb bytes, with the build's outputs when they can be found.

    In order: the executed copy in the jupyter-cache (myst-nb's ``jupyter_execute`` copy of a
    chapter taken from the cache lacks the outputs), the ``jupyter_execute`` copy if it has
    outputs (other execution modes), and else the MyST source converted by jupytext.
    """
    cached = _from_cache(app, src)
    if cached is not None:
        return cached
    executed = Path(app.outdir).parent / "jupyter_execute" / f"{pagename}.ipynb"
    if executed.is_file():
        data = executed.read_bytes()
        if _has_outputs(data):
            return data
    import jupytext

    nb = jupytext.read(src)
    return jupytext.writes(nb, fmt="ipynb").encode("utf-8")


def _page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    if app.builder.format != "html" or not context.get("page_source_suffix"):
        return
    if pagename == CITE_PAGE:
        app.add_css_file(f"{CITE_CSS_DIR}/cite.css")
    src = _is_chapter_notebook(app, pagename)
    if src is None:
        return
    target = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(notebook_for(app, pagename, src))
    # sphinx-book-theme (add_header_buttons, priority 501) turns this into a ".ipynb" entry
    context["ipynb_source"] = f"{pagename}.ipynb"


# --------------------------------------------------------------------------- data archive


def _readme(data_dir: Path) -> str:
    own = data_dir / "README.md"
    if own.is_file():
        return own.read_text(encoding="utf-8")
    desc = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    lines = [
        f"# {desc.get('title') or desc.get('name', 'Data package')}",
        "",
        'The data package of the reproducible edition of the article "Decentralization of power in',
        'Kazakhstan: current state and development prospects" by B. Sheriyazdanov, T. Kalenova,',
        f"K. Kakimov and D. Omirzakova (edition version {__version__}).",
        "",
        "It is a Frictionless Data Package: `datapackage.json` describes every table (fields,",
        "types, keys). Validate it with `frictionless validate datapackage.json`.",
        "",
        "Tables:",
        "",
    ]
    for res in desc.get("resources", []):
        lines.append(f"- `{res.get('path')}`: {res.get('title') or res.get('description') or res['name']}")
    lines += [
        "",
        "Licence: CC BY 4.0 (Creative Commons Attribution 4.0 International).",
        "How to cite: see CITATION.cff in this archive.",
        "",
    ]
    return "\n".join(lines)


def build_data_zip(target: Path, data_dir: Path | None = None) -> Path:
    """Write the data package archive to ``target``; returns it."""
    data_dir = data_dir or paths.data_dir()
    members: list[tuple[str, bytes]] = []
    for rel in data_package_files(data_dir):
        path = data_dir / rel
        if not path.is_file():
            raise FileNotFoundError(f"data package names {rel}, which does not exist in {data_dir}")
        members.append((rel, path.read_bytes()))
    members.append(("README.md", _readme(data_dir).encode("utf-8")))
    for extra in ("CITATION.cff", "LICENSE-TEXT"):
        p = paths.ROOT / extra
        if p.is_file():
            members.append((extra, p.read_bytes()))
    return write_zip(target, members)


def _build_finished(app: Sphinx, exc) -> None:
    if exc is not None or app.builder.format != "html":
        return
    css = Path(app.outdir) / "_static" / CITE_CSS_DIR / "cite.css"
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text(CITE_CSS, encoding="utf-8")
    target = Path(app.outdir) / DATA_ZIP_DIR / DATA_ZIP
    try:
        build_data_zip(target)
    except (OSError, ValueError) as err:
        logger.warning(f"kzbuild.downloads: could not build {DATA_ZIP}: {err}")
        return
    logger.info(f"kzbuild.downloads: wrote {target.relative_to(app.outdir)}")
    _replication_zip(app)


def _replication_zip(app: Sphinx) -> None:
    """The replication package (:mod:`kzbuild.replication`), from the chapters' notebooks as the
    download menu offers them (``_sources/book/NAME.ipynb``, with the build's outputs)."""
    from . import replication
    from .build import SECONDS

    notebooks = {}
    for chapter in chapters(Path(app.srcdir)):
        page = chapter.relative_to(app.srcdir).with_suffix("").as_posix()
        built = Path(app.outdir) / "_sources" / f"{page}.ipynb"
        if built.is_file():
            notebooks[chapter.stem] = built.read_bytes()
    try:
        seconds = json.loads(SECONDS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        seconds = {}
    target = Path(app.outdir) / DATA_ZIP_DIR / replication.ZIP
    try:
        replication.build_replication_zip(target, notebooks, seconds)
    except (OSError, ValueError) as err:
        logger.warning(f"kzbuild.downloads: could not build {replication.ZIP}: {err}")
        return
    logger.info(f"kzbuild.downloads: wrote {target.relative_to(app.outdir)}")


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _page_context)  # default priority 500: before the theme's 501
    app.connect("build-finished", _build_finished)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
