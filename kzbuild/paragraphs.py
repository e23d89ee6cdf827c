"""Pointers from the chapters to the article's paragraphs, and the map of the article (a Sphinx
extension, listed in ``_config.yml``; also a command, see the end).

* The ``{para}`` role. An author ends a paragraph of a chapter with ``{para}`discussion-7``` (or
  several ids, space-separated: ``{para}`discussion-7 discussion-8```). It renders as a small
  superscript "¶" that links to the paragraph's entry on the map page; the element carries the
  ids in ``data-article-para``, in its ``title`` and in its accessible name. An id that
  ``data/article_paragraphs.csv`` does not hold is a build warning naming the document, the line
  and the id (the strict build fails on it).
* The environment keeps, for every id, where it is pointed to: (document, section title, section
  anchor, line); purged per document, merged for parallel reads.
* The ``{article-map}`` directive (used by ``book/article_map.md``): one section per part of the
  article in printed order, a table row per paragraph with its id as the row's anchor, its kind
  and first words, and the chapter sections that retell it as links, filled in when the page is
  resolved, from the pointers of the whole book (or the reason the edition leaves it out). Text
  from the data is always a docutils Text node, never markup.

Command: ``python -m kzbuild.paragraphs write`` rewrites the derived ``chapters`` column of the
table from the pointers in ``book/*.md``; ``check`` exits non-zero, naming each stale row, when the
column is out of date or a pointer names an unknown id.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import paragraph_table as table

logger = logging.getLogger(__name__)
ENV_KEY = "kz_article_paras"
CSS_DIR = "kzbuild"
CSS = Path(__file__).parent / "static" / "paragraphs.css"
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


# ------------------------------------------------------------------ the table, once per build


def _csv_path(app: Sphinx) -> Path:
    return (Path(app.srcdir) / app.config.article_paragraphs_csv).resolve()


def _rows(app: Sphinx) -> list[dict[str, str]]:
    """The table's rows, read once per build (and again when the file changes)."""
    path = _csv_path(app)
    stamp = (str(path), path.stat().st_mtime_ns if path.is_file() else None)
    cache = getattr(app, "_kz_paragraphs", None)
    if cache is None or cache[0] != stamp:
        rows = table.read(path)[1] if path.is_file() else []
        app._kz_paragraphs = cache = (stamp, rows)
    return cache[1]


def _langs(app: Sphinx) -> dict[str, str]:
    """Section as printed → language, from the abstract headings of ``article_titles.csv``."""
    path = _csv_path(app).with_name("article_titles.csv")
    if not path.is_file():
        return {}
    return {r["abstract_heading"]: r["lang"] for r in table.read(path)[1] if r.get("abstract_heading")}


# ------------------------------------------------------------------ the {para} role


class article_para(nodes.Inline, nodes.Element):
    """A pointer to article paragraphs (``ids``); ``refuri`` is set when the page is resolved."""


class edition_own(nodes.Inline, nodes.Element):
    """The mark of a paragraph that is this edition's own, not a retelling of the article."""


class article_map_uses(nodes.General, nodes.Element):
    """Placeholder in a map row: replaced by the links to the chapters that retell ``para_id``."""


class lang_text(nodes.Inline, nodes.TextElement):
    """Text in another language (``lang``), so that it is read out in that language."""


def para_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    env = inliner.document.settings.env
    app = env.app
    ids = text.split()
    if ids == [table.EDITION]:
        node = edition_own(rawtext)
        node.line = lineno
        return [node], []
    env.note_dependency(str(_csv_path(app)))
    known = {r["para_id"] for r in _rows(app)}
    for pid in ids or ["(no id)"]:
        if pid not in known:
            logger.warning(
                f"{{para}} in {env.docname}, line {lineno}: unknown article paragraph id "
                f"{pid!r} (the ids are the para_id column of {app.config.article_paragraphs_csv})",
                location=(env.docname, lineno),
                type="kzbuild",
                subtype="para",
            )
    node = article_para(rawtext, ids=ids)
    node.line = lineno
    return [node], []


def _label(ids: list[str]) -> str:
    return ("Article paragraph " if len(ids) == 1 else "Article paragraphs ") + ", ".join(ids)


def visit_article_para_html(self, node: article_para) -> None:
    ids = " ".join(node["ids"])
    label = html.escape(_label(node["ids"]), quote=True)
    self.body.append(
        f'<sup class="article-para" data-article-para="{html.escape(ids, quote=True)}">'
        f'<a class="article-para-link" href="{html.escape(node.get("refuri", ""), quote=True)}" '
        f'title="{label}" aria-label="{label}">¶</a></sup>'
    )
    raise nodes.SkipNode


EDITION_LABEL = "This edition's own text, not a retelling of the article"


def visit_edition_own_html(self, node: edition_own) -> None:
    self.body.append(
        f'<sup class="article-para article-para-edition" data-edition-own="">'
        f'<span title="{EDITION_LABEL}" aria-label="{EDITION_LABEL}" role="note">ed.</span></sup>'
    )
    raise nodes.SkipNode


def skip_node(self, node) -> None:
    raise nodes.SkipNode


def visit_lang_text_html(self, node: lang_text) -> None:
    self.body.append(f'<span lang="{html.escape(node["lang"], quote=True)}">')


def depart_lang_text_html(self, node: lang_text) -> None:
    self.body.append("</span>")


def _pass(self, node) -> None:
    pass


# ------------------------------------------------------------------ where each id is used


def _uses(env) -> dict[str, list[dict]]:
    if not hasattr(env, ENV_KEY):
        setattr(env, ENV_KEY, {})
    return getattr(env, ENV_KEY)


def _collect(app: Sphinx, doctree: nodes.document) -> None:
    """Record, for each id pointed to in this document, its section (title, anchor) and line."""
    docname, uses = app.env.docname, _uses(app.env)
    for node in doctree.findall(article_para):
        section = next((a for a in _ancestors(node) if isinstance(a, nodes.section)), None)
        title = section[0].astext() if section is not None and isinstance(section[0], nodes.title) else ""
        anchor = section["ids"][0] if section is not None and section["ids"] else ""
        for pid in node["ids"]:
            uses.setdefault(pid, []).append({"docname": docname, "title": title, "anchor": anchor, "line": node.line})


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def _purge(app: Sphinx, env, docname: str) -> None:
    uses = _uses(env)
    for pid in list(uses):
        uses[pid] = [u for u in uses[pid] if u["docname"] != docname]
        if not uses[pid]:
            del uses[pid]


def _merge(app: Sphinx, env, docnames, other) -> None:
    uses = _uses(env)
    for pid, found in _uses(other).items():
        uses.setdefault(pid, []).extend(u for u in found if u["docname"] in docnames)


def _map_outdated(app: Sphinx, env, added, changed, removed) -> list[str]:
    """The map shows every document's pointers: read it again whenever a document changes."""
    doc = app.config.article_map_docname
    return [doc] if (added or changed or removed) and doc in env.found_docs else []


# ------------------------------------------------------------------ the map of the article


def _groups(rows: list[dict[str, str]]) -> list[tuple[str, str, list[dict[str, str]]]]:
    """(slug, title, rows) per part of the article, in printed order. A part is the rows whose
    ids share a slug; its title is the section as printed, or, for a part that the table files
    under the same section as the part before it (the funding note, printed without a heading),
    the kind of its first row."""
    out: list[tuple[str, str, list[dict[str, str]]]] = []
    for row in rows:
        slug = row["para_id"].rsplit("-", 1)[0]
        if out and out[-1][0] == slug:
            out[-1][2].append(row)
            continue
        title = row["section"]
        if any(t == title for _, t, _ in out):
            title = row["kind"][:1].upper() + row["kind"][1:]
        out.append((slug, title, [row]))
    return out


def _entry(*children) -> nodes.entry:
    entry = nodes.entry()
    entry += nodes.paragraph("", "", *children)
    return entry


class ArticleMap(SphinxDirective):
    """``{article-map}``: the map of the article, from ``article_paragraphs.csv``."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        app = self.env.app
        path = _csv_path(app)
        self.env.note_dependency(str(path))
        self.env.note_dependency(str(path.with_name("article_titles.csv")))
        rows, langs = _rows(app), _langs(app)
        if not rows:
            return [self.state.document.reporter.error(f"article-map: no rows in {path}", line=self.lineno)]
        out = []
        for slug, title, part in _groups(rows):
            section = nodes.section(ids=[f"map-{slug}"], names=[nodes.fully_normalize_name(f"map {slug}")])
            section += nodes.title("", title)
            if title != part[0]["section"]:
                section += nodes.paragraph(
                    "",
                    f"Printed without a heading of its own; the table files it "
                    f"under the section “{part[0]['section']}”.",
                )
            section += self._table(part, langs)
            out.append(section)
        return out

    def _table(self, part: list[dict[str, str]], langs: dict[str, str]) -> nodes.table:
        tbl = nodes.table(classes=["article-map"])
        group = nodes.tgroup(cols=4)
        tbl += group
        for width in (16, 12, 42, 30):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        head += nodes.row("", *(_entry(nodes.Text(t)) for t in ("Id", "Kind", "First words, as printed", "Retold in")))
        body = nodes.tbody()
        for row in part:
            body += self._row(row, langs)
        group += head
        group += body
        return tbl

    def _row(self, row: dict[str, str], langs: dict[str, str]) -> nodes.row:
        pid = row["para_id"]
        tr = nodes.row(ids=[pid])
        self.state.document.ids[pid] = tr
        link = nodes.reference("", "", nodes.literal("", pid), refid=pid, internal=True)
        words: nodes.Node = nodes.Text(row["first_words"])
        lang = langs.get(row["section"])
        if lang and _CYRILLIC.search(row["first_words"]):
            words = lang_text("", row["first_words"], lang=lang)
        quote = nodes.inline("", "", nodes.Text("“"), words, nodes.Text("”"), classes=["article-map-quote"])
        cell = _entry(quote, nodes.Text(f" (line {row['line']})"))
        if row.get("note"):
            cell[0] += nodes.inline("", "", nodes.Text(row["note"]), classes=["article-map-note"])
        uses = article_map_uses(para_id=pid, left_out=row.get("left_out", ""))
        tr += [_entry(link), _entry(nodes.Text(row["kind"])), cell, _entry(uses)]
        tr[2]["classes"].append("article-map-words")
        return tr


def _doc_order(env) -> list[str]:
    """Documents in the order of the table of contents (depth first from the root)."""
    seen: list[str] = []

    def walk(doc):
        if doc in seen:
            return
        seen.append(doc)
        for child in env.toctree_includes.get(doc, []):
            walk(child)

    walk(env.config.root_doc)
    return seen + sorted(d for d in env.found_docs if d not in seen)


def _resolve(app: Sphinx, doctree: nodes.document, fromdocname: str) -> None:
    """Give every pointer its link to the map, and fill the map's "Retold in" cells."""
    builder, env = app.builder, app.env
    map_doc = app.config.article_map_docname
    for node in doctree.findall(article_para):
        try:
            uri = builder.get_relative_uri(fromdocname, map_doc)
        except Exception:  # a builder without pages (e.g. linkcheck): no link
            uri = ""
        node["refuri"] = f"{uri}#{node['ids'][0]}" if node["ids"] else uri
    cells = list(doctree.findall(article_map_uses))
    if not cells:
        return
    rank = {d: i for i, d in enumerate(_doc_order(env))}
    uses = _uses(env)
    for cell in cells:
        cell.replace_self(_retold(builder, env, fromdocname, cell, uses.get(cell["para_id"], []), rank))


def _retold(builder, env, fromdocname, cell, found, rank) -> list[nodes.Node]:
    if cell["left_out"]:
        return [nodes.emphasis("", "Left out: "), nodes.Text(cell["left_out"])]
    places: dict[tuple[str, str], str] = {}
    for u in sorted(found, key=lambda u: (rank.get(u["docname"], len(rank)), u["line"] or 0)):
        chapter = env.titles[u["docname"]].astext() if u["docname"] in env.titles else u["docname"]
        text = chapter if not u["title"] or u["title"] == chapter else f"{chapter} › {u['title']}"
        places.setdefault((u["docname"], u["anchor"]), text)
    if not places:
        return [nodes.Text("–")]
    out: list[nodes.Node] = []
    for i, ((docname, anchor), text) in enumerate(places.items()):
        if i:
            out.append(nodes.Text("; "))
        uri = builder.get_relative_uri(fromdocname, docname)
        top = env.titles.get(docname) is not None and text == env.titles[docname].astext()
        out.append(
            nodes.reference(
                "", "", nodes.Text(text), internal=True, refuri=uri if top or not anchor else f"{uri}#{anchor}"
            )
        )
    return out


def _write_css(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    target = Path(app.outdir) / "_static" / CSS_DIR / "paragraphs.css"
    target.parent.mkdir(parents=True, exist_ok=True)
    css = CSS.read_text(encoding="utf-8")
    if not target.is_file() or target.read_text(encoding="utf-8") != css:
        target.write_text(css, encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.add_config_value("article_paragraphs_csv", "data/article_paragraphs.csv", "env")
    app.add_config_value("article_map_docname", "book/article_map", "env")
    app.add_node(
        article_para,
        html=(visit_article_para_html, None),
        latex=(skip_node, None),
        text=(skip_node, None),
        man=(skip_node, None),
        texinfo=(skip_node, None),
    )
    app.add_node(
        edition_own,
        html=(visit_edition_own_html, None),
        latex=(skip_node, None),
        text=(skip_node, None),
        man=(skip_node, None),
        texinfo=(skip_node, None),
    )
    app.add_node(
        lang_text,
        html=(visit_lang_text_html, depart_lang_text_html),
        latex=(_pass, _pass),
        text=(_pass, _pass),
        man=(_pass, _pass),
        texinfo=(_pass, _pass),
    )
    app.add_node(article_map_uses)
    app.add_role("para", para_role)
    app.add_directive("article-map", ArticleMap)
    app.add_css_file(f"{CSS_DIR}/paragraphs.css")
    app.connect("builder-inited", _write_css)
    app.connect("doctree-read", _collect)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _map_outdated)
    app.connect("doctree-resolved", _resolve)
    return {"version": "1", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":  # python -m kzbuild.paragraphs write|check (see paragraph_table.main)
    raise SystemExit(table.main())
