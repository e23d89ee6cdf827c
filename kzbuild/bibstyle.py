"""The bibliography style of the book (a pybtex style, registered by a small Sphinx extension).

sphinxcontrib-bibtex formats ``book/references.bib`` with a pybtex style. This one is
pybtex's ``unsrt`` with four changes that suit an edition of an article:

* labels follow the article's own numbering: ``ref05`` is shown as ``[5]``, as in the
  article's text; the article itself is labelled by its first author (``Sheriyazdanov et al.``);
* entries are listed in that order: the article first, then its references 1 to 17;
* titles keep the capitalisation printed in the article (``unsrt`` would lower-case them);
* fields ``unsrt`` requires but the article does not print (a book's publisher, an
  article's volume) are optional, and an issue number is shown as ``No. 2``.

The extension also gives the bibliography's entries the ARIA role ``listitem``.

Listed in ``_config.yml`` (``sphinx.extra_extensions``); ``bibtex_default_style: kzdec``.
"""

from __future__ import annotations

import re

import pybtex.plugin
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as UnsrtStyle
from pybtex.style.formatting.unsrt import date, pages
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.names.plain import NameStyle as PlainNameStyle
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import field, join, optional, optional_field, sentence, tag, words

from kzdecentral import __version__

STYLE_NAME = "kzdec"
_REF_KEY = re.compile(r"^ref(\d+)$")


def ref_number(key: str) -> int | None:
    """The article's number of a reference key (``ref05`` -> 5), or None for other keys."""
    m = _REF_KEY.match(key)
    return int(m.group(1)) if m else None


class LabelStyle(BaseLabelStyle):
    """``refNN`` -> ``NN`` (the article's number); other entries -> first author et al."""

    def format_labels(self, sorted_entries):
        for entry in sorted_entries:
            number = ref_number(entry.key)
            if number is not None:
                yield str(number)
                continue
            people = entry.persons.get("author") or entry.persons.get("editor") or []
            if not people:
                yield entry.key
            elif len(people) == 1:
                yield " ".join(people[0].last_names)
            else:
                yield " ".join(people[0].last_names) + " et al."


class SortingStyle(BaseSortingStyle):
    """Other entries (the article) first, then the references by their number."""

    def sort(self, entries):
        entries = list(entries)
        return sorted(entries, key=lambda e: (ref_number(e.key) is not None, ref_number(e.key) or 0, e.key))


class Style(UnsrtStyle):
    # pybtex's default name style, given as the class: looked up by name it scans every
    # installed package's entry points, once per citation resolved (about 0.3 s a build)
    default_name_style = PlainNameStyle
    default_label_style = LabelStyle
    default_sorting_style = SortingStyle

    def format_title(self, e, which_field, as_sentence=True):
        title = field(which_field)
        return sentence[title] if as_sentence else title

    def get_article_template(self, e):
        issue = join(sep=", ")[
            optional[field("volume")],
            optional[words["No.", field("number")]],
            optional[words["pp.", pages]],
        ]
        return toplevel[
            self.format_names("author"),
            self.format_title(e, "title"),
            sentence[tag("em")[field("journal")], optional[issue], date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_misc_template(self, e):
        # a year printed inside ``howpublished`` (reference 10) is not repeated
        year = e.fields.get("year", "")
        show_date = not (year and year in e.fields.get("howpublished", ""))
        return toplevel[
            optional[sentence[self.format_names("author")]],
            optional[self.format_title(e, "title")],
            sentence[optional[field("howpublished")], optional[date] if show_date else ""],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_book_template(self, e):
        return toplevel[
            self.format_author_or_editor(e),
            self.format_btitle(e, "title"),
            sentence[
                optional_field("address"),
                optional_field("publisher"),
                date,
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def format_web_refs(self, e):
        return sentence[
            optional[self.format_url(e), optional[" (accessed ", field("urldate"), ")"]],
            optional[self.format_doi(e)],
        ]


def register() -> None:
    """Make the style known to pybtex under the name ``kzdec`` (idempotent)."""
    try:
        pybtex.plugin.register_plugin("pybtex.style.formatting", STYLE_NAME, Style)
    except pybtex.plugin.PluginNameClashError:
        pass


def _accessible_citation_list(app, pagename, templatename, context, doctree) -> None:
    """docutils writes the bibliography as ``role="list"`` holding ``role="doc-biblioentry"``
    items; ARIA requires a list's children to be list items (axe: aria-required-children),
    and DPUB-ARIA 1.1 deprecates ``doc-biblioentry`` in favour of ``listitem``."""
    body = context.get("body", "")
    if 'class="citation-list"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app) -> dict:
    register()
    app.connect("html-page-context", _accessible_citation_list)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
