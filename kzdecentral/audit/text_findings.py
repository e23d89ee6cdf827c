"""Inconsistencies in passages that the data package does not hold as fields.

Each entry has an ``id`` (the page's anchor is ``audit-<id>``), a category, the finding in
this edition's words, the evidence (short quotes as printed, located by section) and how the
book treats it.
"""

TEXT_FINDINGS = [
    {
        "id": "law-title-wording",
        "category": "titles",
        "finding": "The running text names the main law in three ways, none of them the title of reference 5.",
        "evidence": 'Research methods: "On Local Government and Self-Government"; Discussion, sentence on '
        'Article 2-1: "Self-government" with a small g; Discussion, sentence on Article 3: "the Law on '
        'Local Government and Self-Government in the Republic of Kazakhstan"; reference 5: "On local '
        'public administration and self-government in the Republic of Kazakhstan".',
        "treatment": "The legal acts table uses the reference's title and keeps the Research methods wording in "
        "title_in_text; the other wordings are recorded here.",
    },
    {
        "id": "fourth-level-budget",
        "category": "contradiction",
        "finding": "The results say settlements have no budget of their own at the fourth level; the "
        "conclusion says independent fourth-level budgets have been introduced.",
        "evidence": 'The results of the study: "there is no own budget"; Conclusion, item 3: independent budgets '
        'of "the fourth level have been introduced".',
        "treatment": "Recorded here with both sections; the edition does not decide between them.",
    },
    {
        "id": "akim-mayor",
        "category": "terms",
        "finding": "The head of a Kazakh local executive body is called akim, but in several places mayor, "
        "a word the article also uses for foreign offices.",
        "evidence": 'Discussion, paragraph on akimats: "headed by the akim" and, at its end, "a vote of no '
        'confidence in the mayor"; The results of the study: "their first mayoral elections"; '
        'Conclusion: "rural and district mayors" and, among the risks, "popularly elected akims".',
        "treatment": "The book reads mayor in these Kazakh passages as akim and says so where it quotes them.",
    },
    {
        "id": "undefined-abbreviations",
        "category": "terms",
        "finding": "Three abbreviations are used without ever being written out.",
        "evidence": 'Introduction: "the LSG bodies" (first use); The results of the study: "the activities of '
        'LEB" and "The IAS system in Kazakhstan".',
        "treatment": "The glossary's expansions of LSG and LEB are marked as this edition's readings; IAS is "
        "left as printed, unexplained.",
    },
    {
        "id": "powiat-control",
        "category": "contradiction",
        "finding": "The Polish powiat is said to be under the state's control and, in the next paragraph, "
        "under no other authority's control.",
        "evidence": 'The results of the study, paragraph on the powiat: the state "is also obliged to exercise '
        'control over their use"; next paragraph, on the county: it "is not under the control of '
        'other authorities".',
        "treatment": "The international chapter gives both statements; the edition does not choose.",
    },
    {
        "id": "unclosed-quotations",
        "category": "citations",
        "finding": "Quotations open and never close, so where the quoted words end is the edition's reading.",
        "evidence": 'Introduction: "At the same time, emphasis should be placed" and "We must pay maximum '
        'attention" (neither closed); The results of the study: "In order to successfully solve '
        'this global task" and "the problem of decentralization of functions", both credited to '
        "Burlakov, each with one closing mark fewer than it needs; reference 6 opens its title "
        "with a mark it never closes.",
        "treatment": "The chapters quote no more than the article marks; what the citations after the Burlakov "
        "passages cover is left open.",
    },
    {
        "id": "list-markers",
        "category": "numbered list",
        "finding": "In several dashed lists the dashes do not match the items, so the number of items depends "
        "on the reading; three lists end with a semicolon, as if an item were still to come.",
        "evidence": 'The results of the study: in the continental model "coexist; residents elect a council" '
        'shares one dash; the mixed model\'s first feature follows "the following features:" '
        'without a dash, and "at the discretion of the state - administrative-territorial unit" '
        "runs two features under one dash; the Kazakhstan model has one dash, then semicolons; "
        'among the LEB features "The relevant articles of the law" stands as a paragraph without '
        "a dash. Ending with \";\": the results' problems, the second direction, the Conclusion's "
        "risks.",
        "treatment": "Where punctuation leaves the count open, the book gives both readings and does not pick one.",
    },
    {
        "id": "lsg-territory-phrase",
        "category": "places",
        "finding": "The list of territories where self-government operates ends in a phrase that cannot be "
        "parsed as printed.",
        "evidence": 'Discussion: "rural district and village are not part of the rural district"; the akim '
        'list in the same paragraph: "village and villages outside the rural district".',
        "treatment": "The law unit lists table reads it, like the akim list, as villages outside rural "
        "districts, with a note.",
    },
    {
        "id": "minor-spellings",
        "category": "spellings",
        "finding": "A few names are capitalised differently in different places.",
        "evidence": 'The results of the study: "Anglo-saxon" (twice) in the paragraph on models, "The '
        'Anglo-Saxon model" in the conclusions; Discussion: "Self-government" and '
        '"Self-Government" in the title of the same law, in one paragraph.',
        "treatment": "Each form is quoted as printed.",
    },
    {
        "id": "abstract-powers-determined",
        "category": "contradiction",
        "finding": "The abstracts disagree on whether the powers were determined or only proposals about "
        "them were made.",
        "evidence": 'Abstract: the powers "were determined"; Аннотация: "определив" (having determined); '
        'Андатпа: "анықтау туралы ұсыныстар берілген" (proposals on determining them were '
        "given). The glosses in brackets are this edition's.",
        "treatment": "The abstracts chapter gives each language's claim with its own strength.",
    },
]
