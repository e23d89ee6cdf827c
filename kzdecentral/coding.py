"""This edition's coding of which problems each recommendation of the article answers.

The article lists problems (twice: in the results and in the conclusion, table ``problems``)
and, in its conclusion, three recommendations (table ``recommendations``), but it does not say
which recommendation is meant to solve which problem. The pairing below is THIS EDITION'S
CODING, not a finding of the article. It carries no quantities.

Rule (applied to the wording of each recommendation in the article's conclusion):
a recommendation is coded as answering a problem when its wording explicitly names the subject
of that problem:

* powers, competences or responsibilities of local bodies -> problems r1 / c1
  (decentralization incomplete, local authorities lack powers);
* the division between self-government and state executive bodies or akimats -> r2 / c2
  (dependence of self-government on executive bodies);
* funding, budgets or local resources -> r3 / c3 (weak economy, low fourth-level budget income);
* accountability to residents or paternalism -> c4 (residents' low participation);
* migration or urbanisation -> r4.

Links the wording does not state (for example that social-sphere functions might ease the
effects of migration) are not coded. ``basis`` gives the words of the recommendation that the
coding rests on, paraphrased, with at most a few words quoted.
"""

from __future__ import annotations

import pandas as pd

RULE = (
    "A recommendation is coded as answering a problem when its wording in the conclusion "
    "explicitly names the subject of that problem: powers or competences (problems r1, c1), the "
    "split between self-government and state executive bodies or akimats (r2, c2), funding, "
    "budgets or local resources (r3, c3), accountability to residents or paternalism (c4), "
    "migration or urbanisation (r4). Implied links are not coded."
)

#: (rec_id, problem_id, basis) for every pair coded as answered.
_PAIRS: list[tuple[int, str, str]] = [
    (1, "r1", "competences of local bodies to be fixed by law"),
    (1, "c1", "competences of local bodies to be fixed by law"),
    (
        1,
        "r2",
        "akimats, maslikhats and central bodies to be delineated; local powers set apart from state administration",
    ),
    (
        1,
        "c2",
        "akimats, maslikhats and central bodies to be delineated; local powers set apart from state administration",
    ),
    (2, "r1", "wider responsibilities for district, rural, township and urban governments"),
    (2, "c1", "wider responsibilities for district, rural, township and urban governments"),
    (2, "r3", "better funding mechanisms and use of resources"),
    (2, "c3", "better funding mechanisms and use of resources"),
    (
        2,
        "c4",
        'more accountability to the people and less "paternalistic approach" (of the centre; the problem '
        "speaks of residents' paternalistic expectations)",
    ),
    (3, "r1", "new powers and responsibilities to be defined and assigned"),
    (3, "c1", "new powers and responsibilities to be defined and assigned"),
    (3, "r3", "development programmes and budgets built on communities' own resources; inter-budgetary rules"),
    (3, "c3", "development programmes and budgets built on communities' own resources; inter-budgetary rules"),
]


def rec_problem_coding() -> pd.DataFrame:
    """The coding as a table: rec_id, problem_id, basis, coded_by."""
    df = pd.DataFrame(_PAIRS, columns=["rec_id", "problem_id", "basis"])
    df["coded_by"] = "this edition"
    return df


def check_refs(coding: pd.DataFrame, recommendations: pd.DataFrame, problems: pd.DataFrame) -> None:
    """Fail if the coding names a recommendation or problem the data do not hold."""
    bad_r = set(coding["rec_id"]) - set(recommendations["rec_id"])
    bad_p = set(coding["problem_id"]) - set(problems["problem_id"])
    if bad_r or bad_p:
        raise ValueError(f"coding refers to unknown recommendations {bad_r} or problems {bad_p}")


#: The subject of each problem as the rule above names it, for sentences about the coding.
SUBJECTS = {
    "r1": "powers",
    "c1": "powers",
    "r2": "dependence",
    "c2": "dependence",
    "r3": "funding",
    "c3": "funding",
    "c4": "participation",
    "r4": "migration and urbanisation",
}


def _unanswered_one(row) -> str:
    counterpart = row["counterpart"] if isinstance(row.get("counterpart"), str) else ""
    where = (
        f"that appears only in the {row['listed_in']} list"
        if not counterpart.strip()
        else f"of the {row['listed_in']} list"
    )
    if row["problem_id"] not in SUBJECTS:
        return f"{row['problem_id']} (\u201c{row['problem']}\u201d, which this coding does not yet cover), {where}"
    return f"{row['problem_id']}, the {SUBJECTS[row['problem_id']]} problem {where}"


def unanswered_sentence(unanswered: pd.DataFrame) -> str:
    """Which problems no recommendation answers under the coding, as a sentence (MyST)."""
    if unanswered.empty:
        return "Every problem finds at least one recommendation that speaks to it."
    parts = [_unanswered_one(r) for _, r in unanswered.iterrows()]
    them = "it" if len(parts) == 1 else "them"
    return (
        "Every problem finds at least one recommendation that speaks to it except "
        + "; ".join(parts)
        + f": none of the recommendations mentions {them} in so many words."
    )


def unanswered_key_point(unanswered: pd.DataFrame) -> str:
    """The key point on the coding: every problem answered, or which are not (MyST)."""
    if unanswered.empty:
        return "In this edition's coding, the recommendations answer every problem."
    subjects = [SUBJECTS.get(p, "a problem not yet coded") for p in unanswered["problem_id"]]
    return (
        "In this edition's coding, the recommendations answer every problem except "
        + ", ".join(dict.fromkeys(subjects))
        + f" ({', '.join(unanswered['problem_id'])})."
    )
