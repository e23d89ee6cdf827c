"""Findings about how the article is laid out and printed: section headings, hedged figures."""

from __future__ import annotations

import re

import pandas as pd

#: The article's sections after the abstracts, in printed order.
BODY_SECTIONS = (
    "Introduction",
    "Research methods",
    "Methodology of the expert survey",
    "Discussion",
    "The results of the study",
    "Conclusion",
    "REFERENCES",
)


def _style(row) -> str:
    words = str(row.first_words).strip()
    parts = ["run in" if "run in" in str(row.locator) else "own line"]
    if words.isupper():
        parts.append("capitals")
    end = words[-1] if words and words[-1] in ".:" else ""
    parts.append({".": "full stop", ":": "colon"}.get(end, "no end mark"))
    return ", ".join(parts)


def heading_styles(paragraphs: pd.DataFrame) -> dict:
    """How the body sections' headings are printed, and text blocks that have no heading.

    ``styles``: style -> headings printed that way; ``unheaded``: funding notes printed with no
    heading of their own (the row before them is not a heading).
    """
    p = paragraphs.sort_values("order").reset_index(drop=True)
    heads = p.loc[(p["kind"] == "heading") & p["section"].isin(BODY_SECTIONS)]
    styles: dict[str, list[str]] = {}
    for r in heads.itertuples():
        styles.setdefault(_style(r), []).append(str(r.first_words))
    unheaded = [
        p.loc[i, "para_id"] for i in p.index[p["kind"] == "funding note"] if i == 0 or p.loc[i - 1, "kind"] != "heading"
    ]
    return {"styles": styles, "unheaded": unheaded, "holds": len(styles) > 1 or bool(unheaded)}


_QUALIFIERS = ("about", "more than", "less than", "at least", "up to", "over", "around")


def hedged_figures(key_figures: pd.DataFrame) -> dict:
    """Figures printed with more than one qualifier ("about more than 250")."""
    rows = []
    for r in key_figures.itertuples():
        text = str(r.value_printed).lower()
        found = [q for q in _QUALIFIERS if re.search(rf"\b{q}\b", text)]
        if len(found) > 1:
            rows.append(
                {"figure_id": r.figure_id, "value_printed": r.value_printed, "qualifiers": found, "coded": r.qualifier}
            )
    table = pd.DataFrame(rows, columns=["figure_id", "value_printed", "qualifiers", "coded"])
    return {"table": table, "holds": len(table) > 0}
