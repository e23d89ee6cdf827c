#!/usr/bin/env python3
"""Write the edition's data package: every table of data/ and data/datapackage.json.

This script is the single place where the rows and their Table Schemas are kept.
Run it from the repository root (``python tools/build_data.py``) after an edit;
it rewrites data/*.csv (UTF-8, no BOM, LF) and data/datapackage.json.

Conventions
- Every row carries ``section`` (the heading of the article under which the fact is
  printed) and ``locator`` (a short pointer inside that section), and most tables a
  ``note`` for ambiguities and contradictions of the printed text.
- Labels and item texts are this edition's own short paraphrases. Columns that hold
  text exactly as printed (titles, the survey question and answers, names, printed
  dates and numbers) are listed in VERBATIM; they are always written in CSV double
  quotes, which marks them as quotations.
- Numbers are as printed; where a word stands for a number ("one fifth", "half")
  the printed words are kept in ``value_printed``.
"""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

# ---------------------------------------------------------------------------
# shared field definitions
SECTIONS = [
    "Front matter", "Abstract", "Андатпа", "Аннотация", "Introduction", "Research methods",
    "Methodology of the expert survey", "Discussion", "The results of the study", "Conclusion",
    "REFERENCES",
]

VERBATIM = {
    "answer_quote", "question", "question_figure", "title", "label_as_printed", "names_printed",
    "date_printed", "access_date_printed", "pages_printed", "value_printed", "keyword", "name",
    "name_kk", "name_ru", "affiliation", "degree", "orcid_printed", "email", "authors",
    "publisher", "url", "details", "programme", "funder", "number", "author_printed",
    "article_title", "abstract_heading", "keywords_heading", "year_printed", "place_printed",
    "head_printed", "cited_as", "caption",
}


def F(name, type_="string", desc="", *, required=False, unique=False, enum=None, minimum=None,
      maximum=None, unit=None, fmt=None, pattern=None, **extra):
    f = {"name": name, "type": type_, "description": desc}
    if fmt:
        f["format"] = fmt
    if unit:
        f["unit"] = unit
    c = {}
    if required:
        c["required"] = True
    if unique:
        c["unique"] = True
    if enum is not None:
        c["enum"] = enum
    if minimum is not None:
        c["minimum"] = minimum
    if maximum is not None:
        c["maximum"] = maximum
    if pattern:
        c["pattern"] = pattern
    if c:
        f["constraints"] = c
    f.update(extra)
    return f


def SECTION():
    return F("section", desc="Heading of the article under which the fact is printed "
             "('Front matter' = the author block and title before the abstract, which has no heading).",
             required=True, enum=SECTIONS)


def LOCATOR():
    return F("locator", desc="Short pointer to the place inside the section where the fact is printed.",
             required=True)


def NOTE():
    return F("note", desc="This edition's remark on an ambiguity, inconsistency or garbling of the "
             "printed text; empty when there is none.")


PROV = [SECTION, LOCATOR, NOTE]

RESOURCES: list[dict] = []


def table(name, title, description, fields, rows, primary_key, foreign_keys=None, prov=True):
    fields = list(fields)
    if prov:
        present = {f["name"] for f in fields}
        fields += [mk() for mk in PROV if mk()["name"] not in present]
    names = [f["name"] for f in fields]
    for r in rows:
        extra = set(r) - set(names)
        assert not extra, (name, extra)
    schema = {"fields": fields, "primaryKey": primary_key}
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    RESOURCES.append({
        "name": name, "path": f"{name}.csv", "title": title, "description": description,
        "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
        "encoding": "utf-8", "schema": schema, "_rows": rows,
    })


def fk(fields, resource, ref_fields):
    return {"fields": fields, "reference": {"resource": resource, "fields": ref_fields}}


def cell(col, v):
    if v is None:
        s = ""
    elif isinstance(v, bool):
        s = "true" if v else "false"
    else:
        s = str(v)
    if s and (col in VERBATIM or any(ch in s for ch in ',"\n\r')):
        return '"' + s.replace('"', '""') + '"'
    return s


def write_csv(res):
    cols = [f["name"] for f in res["schema"]["fields"]]
    lines = [",".join(cols)]
    for r in res["_rows"]:
        lines.append(",".join(cell(c, r.get(c)) for c in cols))
    (DATA / res["path"]).write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


# ---------------------------------------------------------------------------
# 1. the article itself: titles, authors, keywords, funding
R = "The results of the study"
D = "Discussion"
C = "Conclusion"

table("article_titles", "Titles of the article",
      "The article's title in its three language versions, with the headings used for the abstract "
      "and the keywords in each.",
      [F("lang", desc="Language of the version (ISO 639-1).", required=True, unique=True,
         enum=["en", "kk", "ru"]),
       F("article_title", desc="Title exactly as printed (capital letters as printed).", required=True),
       F("abstract_heading", desc="Word that opens the abstract in this language, as printed."),
       F("keywords_heading", desc="Word that opens the keyword line in this language, as printed.")],
      [
          {"lang": "en", "article_title": "DECENTRALIZATION OF POWER IN KAZAKHSTAN: CURRENT STATE AND "
           "DEVELOPMENT PROSPECTS", "abstract_heading": "Abstract", "keywords_heading": "Keywords",
           "section": "Front matter", "locator": "title line after the author block"},
          {"lang": "kk", "article_title": "ҚАЗАҚСТАНДАҒЫ БИЛІКТІ ОРТАЛЫҚСЫЗДАНДЫРУ: ҚАЗІРГІ ЖАҒДАЙЫ "
           "ЖӘНЕ ДАМУ ПЕРСПЕКТИВАЛАРЫ", "abstract_heading": "Андатпа", "keywords_heading": "Түйін сөздер",
           "section": "Андатпа", "locator": "Kazakh title above the Kazakh abstract"},
          {"lang": "ru", "article_title": "ДЕЦЕНТРАЛИЗАЦИЯ ВЛАСТИ В КАЗАХСТАНЕ: СОВРЕМЕННОЕ СОСТОЯНИЕ И "
           "ПЕРСПЕКТИВЫ РАЗВИТИЯ", "abstract_heading": "Аннотация", "keywords_heading": "Ключевые слова",
           "section": "Аннотация", "locator": "Russian title above the Russian abstract"},
      ], ["lang"])

AUTH_NOTE_ORCID1 = ("ORCID printed with three groups of digits (0009-4168-8333); a valid ORCID "
                    "has four, so this one is incomplete as printed.")
table("authors", "Authors",
      "The four authors as printed in the author block (English), with the Kazakh and Russian "
      "spellings of their names from the abstracts.",
      [F("author_no", "integer", "Position in the author list (the superscript number).",
         required=True, unique=True, minimum=1, maximum=4),
       F("name", desc="Name as printed in the English author block.", required=True),
       F("name_kk", desc="Name as printed above the Kazakh abstract."),
       F("name_ru", desc="Name as printed above the Russian abstract."),
       F("affiliation", desc="Position and institution, as printed."),
       F("degree", desc="Academic degree or title, as printed; empty if none is printed."),
       F("place_printed", desc="City or country printed with the affiliation, as printed."),
       F("orcid_printed", desc="ORCID iD exactly as printed (not corrected)."),
       F("corresponding", "boolean", "True for the author marked as corresponding author.",
         required=True),
       F("email", desc="E-mail as printed (only the corresponding author has one).")],
      [
          {"author_no": 1, "name": "Baurzhan Sheriyazdanov", "name_kk": "Бауыржан Шериязданов",
           "name_ru": "Бауржан Шериязданов",
           "affiliation": "Leading researcher at the Institute of State History of the Science Committee "
           "of the Ministry of Science and Higher Education of the Republic of Kazakhstan",
           "degree": "PhD in Political Science", "orcid_printed": "0009-4168-8333", "corresponding": False,
           "section": "Front matter", "locator": "author block, note 1", "note": AUTH_NOTE_ORCID1},
          {"author_no": 2, "name": "Tengesh Kalenova", "name_kk": "Теңгеш Қаленова", "name_ru": "Теңгеш Каленова",
           "affiliation": "Associate Professor of Department of Political science of L.N. Gumilyov Eurasian "
           "National University", "degree": "candidate of Historical Sciences",
           "orcid_printed": "0000-0002-4767-5537", "corresponding": True, "email": "kalenovats@mail.ru",
           "section": "Front matter", "locator": "author block, note 2 (asterisk: corresponding author)"},
          {"author_no": 3, "name": "Kuandyk Kakimov", "name_kk": "Қуандық Какимов", "name_ru": "Қуандық Какимов",
           "affiliation": "Researcher at the Institute of State History", "place_printed": "Astana, Kazakhstan",
           "orcid_printed": "0009-0003-3976-1894", "corresponding": False,
           "section": "Front matter", "locator": "author block, note 3",
           "note": "The Russian abstract spells the first name with the Kazakh letter Қ, as printed."},
          {"author_no": 4, "name": "Dinara Omirzakova", "name_kk": "Динара Өмірзақова", "name_ru": "Динара Омирзақова",
           "affiliation": "senior lecturer at the Department of Special and Social Pedagogy M.H. Dulati "
           "Taraz University", "degree": "Master of Political Science", "place_printed": "Taraz city, Kazakhstan",
           "orcid_printed": "0000-0002-4715-8433", "corresponding": False,
           "section": "Front matter", "locator": "author block, note 4"},
      ], ["author_no"])

EN_KW = ["decentralization", "public administration", "local self-government", "efficiency", "Maslikhats",
         "Akimats", "regional policy", "local community", "stages of decentralization",
         "interbudgetary relations"]
KK_KW = ["орталықсыздану", "мемлекеттік басқару", "жергілікті өзін-өзі басқару", "Мәслихаттар", "әкімдіктер",
         "аймақтық саясат", "жергілікті қоғамдастық", "орталықсызданудың кезеңдері", "бюджетаралық қатынас"]
RU_KW = ["децентрализация", "государственное управление", "местное самоуправление", "Маслихаты", "Акиматы",
         "региональная политика", "местное сообщество", "этапы децентрализации", "межбюджетные отношения"]
KW_NOTE = ("The English list has 10 keywords; the Kazakh and Russian lists have 9 and lack an "
           "equivalent of 'efficiency'.")
kw_rows = []
for lang, kws, sec, loc in [("en", EN_KW, "Abstract", "keyword line after the English abstract"),
                            ("kk", KK_KW, "Андатпа", "keyword line after the Kazakh abstract"),
                            ("ru", RU_KW, "Аннотация", "keyword line after the Russian abstract")]:
    for i, k in enumerate(kws, 1):
        # position of the English equivalent: the kk/ru lists skip 'efficiency' (en 4)
        en_pos = i if lang == "en" else (i if i < 4 else i + 1)
        kw_rows.append({"lang": lang, "position": i, "keyword": k, "en_position": en_pos,
                        "section": sec, "locator": f"{loc}, item {i}",
                        "note": KW_NOTE if (lang == "en" and i == 4) or (lang != "en" and i == 1) else None})
table("keywords", "Keywords",
      "The keywords in the three language versions, in printed order.",
      [F("lang", desc="Language of the keyword line (ISO 639-1).", required=True, enum=["en", "kk", "ru"]),
       F("position", "integer", "Order in the printed keyword line.", required=True, minimum=1),
       F("keyword", desc="Keyword as printed (case kept).", required=True),
       F("en_position", "integer", "This edition's alignment: position of the matching English keyword.",
         minimum=1, maximum=10)],
      kw_rows, ["lang", "position"], [fk(["lang"], "article_titles", ["lang"])])

table("funding", "Funding",
      "The programme-targeted funding under which the article was prepared.",
      [F("funding_id", desc="Identifier.", required=True, unique=True),
       F("programme", desc="Programme title, as printed.", required=True),
       F("funder", desc="Funding body, as printed."),
       F("number", desc="Programme registration number (IPN), as printed.", required=True),
       F("period_covered", desc="Historical period the programme studies (centuries), as printed.")],
      [{"funding_id": "BR21882308",
        "programme": "Evolution of political institutions and structures in the history of Kazakhstan "
        "(XIX–XXI centuries)", "funder": "Ministry of Science and Higher Education of the Republic of Kazakhstan",
        "number": "BR21882308", "period_covered": "XIX–XXI centuries", "section": C,
        "locator": "funding statement after the last recommendation, before REFERENCES",
        "note": "Printed without a heading of its own; printed as 'IPN No. BR21882308'."}],
      ["funding_id"])

# ---------------------------------------------------------------------------
# 2. the expert survey
SURV = "Methodology of the expert survey"
table("survey", "The expert survey",
      "The one expert survey reported in the article.",
      [F("survey_id", desc="Identifier.", required=True, unique=True),
       F("sample_size", "integer", "Number of experts surveyed, as printed.", required=True, minimum=1,
         unit="experts"),
       F("n_regions", "integer", "Number of regions covered, as printed.", minimum=1, unit="regions"),
       F("period_start", "yearmonth", "First month of fieldwork (February 2024).", required=True),
       F("period_end", "yearmonth", "Last month of fieldwork (April 2024).", required=True),
       F("question", desc="Survey question as printed in the results paragraph (verbatim, lower case).",
         required=True),
       F("question_figure", desc="Survey question as printed in the caption of Figure 1 (verbatim)."),
       F("n_answers", "integer", "Number of answer options reported.", minimum=1),
       F("shares_sum_printed", "number", "Sum of the four printed shares (this edition's arithmetic).",
         unit="percent"),
       F("mode", desc="Kind of survey, in this edition's words.")],
      [{"survey_id": "expert-2024", "sample_size": 69, "n_regions": 3, "period_start": "2024-02",
        "period_end": "2024-04", "question": "how do you assess the process of decentralization of power in the country",
        "question_figure": "How do you evaluate the process of decentralization of power in the country?",
        "n_answers": 4, "shares_sum_printed": 99.6, "mode": "expert survey (questionnaire of specialists)",
        "section": SURV,
        "locator": "first paragraph (n, months, regions); question in 'The results of the study', survey "
        "paragraph and Figure 1 caption",
        "note": "The wording differs between text ('assess') and Figure 1 ('evaluate'); the printed shares "
        "add up to 99.6, not 100; the results paragraph says 'The author' conducted it although four "
        "authors are listed."}],
      ["survey_id"])

table("survey_regions", "Regions of the survey",
      "Regions whose experts were surveyed; the article names them twice in different orders.",
      [F("region_id", desc="Identifier.", required=True, unique=True),
       F("region", desc="Region as named in the article.", required=True),
       F("order_methodology", "integer", "Position in the list of the survey methodology.", minimum=1, maximum=3),
       F("order_results", "integer", "Position in the list of the results paragraph.", minimum=1, maximum=3),
       F("survey_id", desc="Survey (FK to survey).", required=True)],
      [{"region_id": "astana", "region": "Astana", "order_methodology": 1, "order_results": 1,
        "survey_id": "expert-2024", "section": SURV, "locator": "first paragraph, list of regions",
        "note": "Astana is the capital (a city of republican rank in admin_units) but is listed among the "
        "'regions'; kept as printed."},
       {"region_id": "north_kazakhstan", "region": "North Kazakhstan", "order_methodology": 2, "order_results": 3,
        "survey_id": "expert-2024", "section": SURV, "locator": "first paragraph, list of regions",
        "note": "Printed third in the results paragraph."},
       {"region_id": "pavlodar", "region": "Pavlodar", "order_methodology": 3, "order_results": 2,
        "survey_id": "expert-2024", "section": SURV, "locator": "first paragraph, list of regions",
        "note": "Printed second in the results paragraph."}],
      ["region_id"], [fk(["survey_id"], "survey", ["survey_id"])])

GROUPS_NOTE = ("The article describes the respondents twice with different groups: the methodology "
               "names NGOs but not akims, the results paragraph names akims but not NGOs.")
g_rows = []
for i, (gid, g) in enumerate([("civil_servants", "civil servants"),
                              ("maslikhat_deputies", "deputies of regional, city and district maslikhats"),
                              ("ngo", "representatives of non-governmental organisations"),
                              ("academics", "scientists and experts of academic and analytical communities")], 1):
    g_rows.append({"group_id": f"m{i}", "group": g, "group_key": gid, "listed_in": "methodology",
                   "position": i, "survey_id": "expert-2024", "section": SURV,
                   "locator": f"first paragraph, respondent list item {i}",
                   "note": GROUPS_NOTE if i == 1 else None})
for i, (gid, g) in enumerate([("maslikhat_deputies", "maslikhat deputies"), ("akims", "akims"),
                              ("academics", "scientific experts"),
                              ("civil_servants", "staff of local authorities")], 1):
    g_rows.append({"group_id": f"r{i}", "group": g, "group_key": gid, "listed_in": "results",
                   "position": i, "survey_id": "expert-2024", "section": R,
                   "locator": f"survey paragraph, bracketed respondent list item {i}",
                   "note": GROUPS_NOTE if i == 1 else None})
table("survey_groups", "Respondent groups of the survey",
      "Professional groups of the experts, as listed in the methodology and again in the results.",
      [F("group_id", desc="Identifier: m = methodology list, r = results list, then position.",
         required=True, unique=True, pattern="[mr][1-9]"),
       F("group", desc="Group, in this edition's words.", required=True),
       F("group_key", desc="This edition's coding that matches groups across the two lists "
         "(staff of local authorities counted as civil servants).",
         enum=["civil_servants", "maslikhat_deputies", "ngo", "academics", "akims"]),
       F("listed_in", desc="Which of the two printed lists.", required=True, enum=["methodology", "results"]),
       F("position", "integer", "Order in that list.", required=True, minimum=1),
       F("survey_id", desc="Survey (FK to survey).", required=True)],
      g_rows, ["group_id"], [fk(["survey_id"], "survey", ["survey_id"])])

ANS = [
    (1, "Effective", "The process of decentralization of public authorities is carried out effectively", 18.8, 13, True,
     "survey paragraph, first answer (18.8%)",
     "Printed as 'only 18.8 answered ...' with the percent sign placed after the quoted answer."),
    (2, "Important steps taken; should go further",
     "Important steps have been taken to decentralize power, but there is a need to expand it", 34.8, 24, True,
     "survey paragraph, second answer (34.8%)", None),
    (3, "Unsatisfactory; needs a systematic approach",
     "the current state of the process of decentralization of power is unsatisfactory, it requires a systematic approach",
     24.6, 17, True, "survey paragraph, third answer (24.6%)",
     "The article calls this the negative answer."),
    (4, "Hard to say", "found it difficult to answer", 21.4, 15, False, "survey paragraph, fourth answer (21.4%)",
     "No whole number of the 69 experts gives 21.4% (14/69 = 20.3, 15/69 = 21.7). Count 15 is the remainder "
     "69-13-24-17 (this edition's derivation); the printed shares sum to 99.6."),
]
table("survey_answers", "Answers to the survey question",
      "The four answers with the shares printed in the text, and this edition's derived counts.",
      [F("answer_id", "integer", "Order of the answer in the text.", required=True, unique=True, minimum=1),
       F("answer_label", desc="Short label, in this edition's words.", required=True),
       F("answer_quote", desc="Answer wording as printed (verbatim)."),
       F("share_printed", "number", "Share of respondents as printed.", required=True, minimum=0, maximum=100,
         unit="percent"),
       F("count", "integer", "This edition's analysis: number k of the 69 experts with round(100*k/69, 1) "
         "equal to the printed share; for 21.4 no such k exists and the remainder 15 is used.",
         required=True, minimum=0, maximum=69, unit="experts"),
       F("reproduces_printed", "boolean", "This edition's analysis: whether round(100*count/69, 1) equals "
         "share_printed.", required=True),
       F("section", desc=SECTION()["description"], required=True, enum=SECTIONS),
       F("locator", desc=LOCATOR()["description"], required=True),
       F("survey_id", desc="Survey (FK to survey).", required=True),
       NOTE()],
      [{"answer_id": a, "answer_label": lab, "answer_quote": q, "share_printed": s, "count": k,
        "reproduces_printed": ok, "section": R, "locator": loc, "survey_id": "expert-2024", "note": n}
       for a, lab, q, s, k, ok, loc, n in ANS],
      ["answer_id"], [fk(["survey_id"], "survey", ["survey_id"])])

table("figures", "Figures of the article",
      "The article's one figure; its image is not part of the text source, only its caption.",
      [F("figure_no", "integer", "Figure number as printed.", required=True, unique=True, minimum=1),
       F("caption", desc="Caption as printed (verbatim).", required=True),
       F("shows_table", desc="Table of this package that holds the figure's data.", required=True),
       F("survey_id", desc="Survey the figure reports (FK to survey).")],
      [{"figure_no": 1, "caption": "How do you evaluate the process of decentralization of power in the country?",
        "shows_table": "survey_answers", "survey_id": "expert-2024", "section": R,
        "locator": "after the survey paragraph, before the list of problems",
        "note": "Only the caption is in the text; the four shares are taken from the paragraph above it."}],
      ["figure_no"], [fk(["survey_id"], "survey", ["survey_id"])])

# ---------------------------------------------------------------------------
# 3. administrative units and levels of government
ADM_LOC = "paragraph on the number of administrative-territorial units"
table("admin_units", "Administrative-territorial units by level",
      "Counts of the units in which local government and self-government are organised, by level, as printed.",
      [F("unit_id", desc="Identifier.", required=True, unique=True),
       F("level", "integer", "Level as printed (1 = first, 2 = second, 3 = third).", required=True,
         minimum=1, maximum=3),
       F("unit_type", desc="Kind of unit, in this edition's words (printed wording kept where ambiguous).",
         required=True),
       F("count", "integer", "Number of units, as printed.", required=True, minimum=0, unit="units"),
       F("label_as_printed", desc="The printed words for the unit and its count.", required=True),
       F("names_printed", desc="Units named in the article, as printed (semicolon separated).")],
      [
          {"unit_id": "regions", "level": 1, "unit_type": "region (oblast)", "count": 17,
           "label_as_printed": "Regions of the first level (17)", "section": D, "locator": ADM_LOC},
          {"unit_id": "cities_republican", "level": 1, "unit_type": "city of republican significance", "count": 2,
           "label_as_printed": "cities of republican significance (2, Almaty, Shymkent)",
           "names_printed": "Almaty; Shymkent", "section": D, "locator": ADM_LOC},
          {"unit_id": "capital", "level": 1, "unit_type": "capital", "count": 1,
           "label_as_printed": "the capital (Astana) (1)", "names_printed": "Astana", "section": D, "locator": ADM_LOC},
          {"unit_id": "districts_level2", "level": 2, "unit_type": "rural district (as printed; probably district)",
           "count": 166, "label_as_printed": "rural districts of the second level (166)", "section": D,
           "locator": ADM_LOC,
           "note": "Printed as 'rural districts' at the second level, while the third level also lists 'rural "
           "districts (2283)'; the second-level unit is probably the district (audan). Kept as printed."},
          {"unit_id": "cities_regional", "level": 2, "unit_type": "city of regional significance", "count": 38,
           "label_as_printed": "cities of regional significance (38)", "section": D, "locator": ADM_LOC},
          {"unit_id": "urban_districts", "level": 2, "unit_type": "district within a city", "count": 20,
           "label_as_printed": "urban districts (20)", "section": D, "locator": ADM_LOC},
          {"unit_id": "rural_districts", "level": 3, "unit_type": "rural district", "count": 2283,
           "label_as_printed": "rural districts (2283)", "section": D, "locator": ADM_LOC,
           "note": "Same printed name as the second-level unit counted 166; see districts_level2."},
          {"unit_id": "villages", "level": 3, "unit_type": "village or settlement", "count": 82,
           "label_as_printed": "villages, villages (82)", "section": D, "locator": ADM_LOC,
           "note": "The word 'villages' is printed twice (probably two kinds of settlement in the original "
           "language); one count is given for both."},
          {"unit_id": "cities_level3", "level": 3, "unit_type": "city (third level; probably of district significance)",
           "count": 26, "label_as_printed": "cities (26)", "section": D, "locator": ADM_LOC},
      ], ["unit_id"])

table("law_unit_lists", "Units named in the laws",
      "Lists of unit kinds as the article reports them from the laws: the units of the law on "
      "administrative-territorial structure, the units whose akims act under Article 2-1, and the "
      "territories of local self-government.",
      [F("list_id", desc="Which list.", required=True, enum=["atu_law", "akim_article_2_1", "lsg_territory"]),
       F("position", "integer", "Order in the printed list.", required=True, minimum=1),
       F("unit", desc="Unit kind, in this edition's words.", required=True),
       F("act_id", desc="Legal act the list is reported from (FK to legal_acts).", required=True)],
      [{"list_id": "atu_law", "position": i, "unit": u, "act_id": "law_atu_1993", "section": D,
        "locator": "sentence citing [6], list of units"} for i, u in enumerate(
          ["village", "rural district", "urban district", "city", "district", "region"], 1)]
      + [{"list_id": "akim_article_2_1", "position": i, "unit": u, "act_id": "law_148_ii", "section": D,
          "locator": "sentence on Article 2-1 of the Law"} for i, u in enumerate(
          ["region", "district", "city", "district in a city", "rural district",
           "village (and villages outside a rural district)"], 1)]
      + [{"list_id": "lsg_territory", "position": i, "unit": u, "act_id": "law_148_ii", "section": D,
          "locator": "sentence citing [5] on where self-government operates",
          "note": "Printed phrase is garbled ('rural district and village are not part of the rural district'); "
          "read as villages outside rural districts." if i == 6 else None}
         for i, u in enumerate(["region", "district", "city", "district within a city", "rural district",
                                "village outside a rural district"], 1)],
      ["list_id", "position"], [fk(["act_id"], "legal_acts", ["act_id"])])

table("gov_levels", "Levels of the local government system and their bodies",
      "The three levels of the local government system and the bodies named at each, as printed.",
      [F("level", "integer", "Level as printed.", required=True, minimum=1, maximum=3),
       F("body_id", desc="Identifier.", required=True, unique=True),
       F("body", desc="Body, in this edition's words.", required=True),
       F("body_kind", desc="Executive (akim), representative (maslikhat) or community body.", required=True,
         enum=["executive", "representative", "community"])],
      [
          {"level": 1, "body_id": "akim_region", "body": "akim of the region", "body_kind": "executive",
           "section": D, "locator": "sentence on the levels of the local government system"},
          {"level": 1, "body_id": "maslikhat_region", "body": "regional maslikhat", "body_kind": "representative",
           "section": D, "locator": "sentence on the levels of the local government system"},
          {"level": 2, "body_id": "akim_district", "body": "akim of the district", "body_kind": "executive",
           "section": D, "locator": "sentence on the levels of the local government system"},
          {"level": 2, "body_id": "maslikhat_district", "body": "district maslikhat", "body_kind": "representative",
           "section": D, "locator": "sentence on the levels of the local government system"},
          {"level": 2, "body_id": "akim_village", "body": "akim of the village", "body_kind": "executive",
           "section": D, "locator": "sentence on the levels of the local government system",
           "note": "Printed at the second level together with the district bodies."},
          {"level": 3, "body_id": "community_assembly", "body": "assembly of the local community",
           "body_kind": "community", "section": D, "locator": "sentence on the levels of the local government system",
           "note": "Printed as 'the assembly (assembly) of the local community'."},
      ], ["body_id"])

# ---------------------------------------------------------------------------
# 4. concepts: types of decentralization, models
table("decentralization_types", "Types of decentralization",
      "Kinds and aspects of decentralization the article defines.",
      [F("type_id", desc="Identifier.", required=True, unique=True),
       F("type", desc="Name of the type, in this edition's words.", required=True),
       F("description", desc="What the type means, paraphrased.", required=True),
       F("in_standard_list", "boolean", "True if among the three 'generally accepted' types named first.",
         required=True)],
      [
          {"type_id": "administrative", "type": "administrative", "in_standard_list": True,
           "description": "central government hands some of its duties to local authorities",
           "section": D, "locator": "Discussion paragraph citing [4] and the definitions after it"},
          {"type_id": "fiscal", "type": "fiscal", "in_standard_list": True,
           "description": "local authorities may levy and spend tax revenue and raise money from other sources",
           "section": D, "locator": "Discussion paragraph citing [4] and the definitions after it"},
          {"type_id": "political_democratic", "type": "politico-democratic", "in_standard_list": True,
           "description": "local authorities are elected and receive executive and legislative power locally",
           "section": D, "locator": "Discussion paragraph citing [4] and the definitions after it",
           "note": "Named 'politico-democratic' in the list and 'political/democratic' in the definition."},
          {"type_id": "political", "type": "political", "in_standard_list": False,
           "description": "strongly affects how accountable local authorities are",
           "section": D, "locator": "paragraph opening 'There is also political decentralization'",
           "note": "Named as a further type although the standard list already has a politico-democratic type."},
          {"type_id": "financial", "type": "financial", "in_standard_list": False,
           "description": "each level has its own revenue, decides its spending and keeps extra income from "
           "higher budgets", "section": D, "locator": "same paragraph, sentences on financial decentralization"},
          {"type_id": "economic", "type": "economic aspect", "in_standard_list": False,
           "description": "basis for solving regional problems in economy, society, demography and environment",
           "section": D, "locator": "same paragraph, sentence on the economic aspect"},
      ], ["type_id"])

table("gov_models", "Models of local government",
      "The three models of local government organisation the article describes, and Kazakhstan's own model "
      "with its placement relative to them.",
      [F("model_id", desc="Identifier.", required=True, unique=True,
         enum=["anglo_saxon", "continental", "mixed", "kazakhstan"]),
       F("model", desc="Name of the model.", required=True),
       F("summary", desc="One-line characterisation, in this edition's words.", required=True),
       F("closest_model", desc="For Kazakhstan: the model it is said to resemble most (FK to gov_models)."),
       F("fits_fully", "boolean", "For Kazakhstan: whether the article says it fully matches a model.")],
      [
          {"model_id": "anglo_saxon", "model": "Anglo-Saxon", "summary": "high decentralization; autonomous local "
           "self-government with wide powers", "section": R, "locator": "paragraph on models citing [9]; numbered conclusion 1 after Turkey"},
          {"model_id": "continental", "model": "continental", "summary": "centralised; local bodies have limited "
           "powers and answer to the centre", "section": R, "locator": "paragraph on models citing [9]; numbered conclusion 1 after Turkey"},
          {"model_id": "mixed", "model": "mixed", "summary": "combines the other two: wide local powers within "
           "rules set centrally", "section": R, "locator": "paragraph on models citing [9]; numbered conclusion 1 after Turkey"},
          {"model_id": "kazakhstan", "model": "Kazakhstan", "summary": "own national model; like the continental "
           "one in state presence at every level, but matching none fully", "closest_model": "continental",
           "fits_fully": False, "section": R,
           "locator": "paragraph on Kazakhstan's own model; sentence 'Research shows'; numbered conclusion 1 after Turkey"},
      ], ["model_id"], [fk(["closest_model"], "", ["model_id"])])

MF = [
    ("anglo_saxon", "feature", "state and municipal functions are kept apart", "models paragraph [9]"),
    ("anglo_saxon", "feature", "property rights need municipal approval", "models paragraph [9]"),
    ("anglo_saxon", "feature", "the basic unit is the community", "models paragraph [9]"),
    ("anglo_saxon", "feature", "councils are chosen in direct elections", "models paragraph [9]"),
    ("anglo_saxon", "feature", "the council appoints the executive", "models paragraph [9]"),
    ("anglo_saxon", "feature", "service centres on socio-cultural life and protecting residents", "models paragraph [9]"),
    ("anglo_saxon", "characterisation", "high degree of decentralization and autonomy; broad powers over the territory",
     "numbered conclusion 1 (after the paragraph on Turkey)"),
    ("continental", "feature", "the state strongly influences municipalities", "models paragraph [9]"),
    ("continental", "feature", "tight control of how municipal property is used", "models paragraph [9]"),
    ("continental", "feature", "the commune is the main unit", "models paragraph [9]"),
    ("continental", "feature", "municipal and state authorities exist side by side", "models paragraph [9]"),
    ("continental", "feature", "residents elect a council, which elects the mayor", "models paragraph [9]"),
    ("continental", "feature", "council decisions bind only after approval by a state representative",
     "models paragraph [9]"),
    ("continental", "characterisation", "centralised; local bodies have limited powers and are subordinate",
     "numbered conclusion 1 (after the paragraph on Turkey)"),
    ("mixed", "feature", "local self-government varies in structure and function", "models paragraph [9]"),
    ("mixed", "feature", "the state decides how municipal property is distributed", "models paragraph [9]"),
    ("mixed", "feature", "the unit is the district or a city with district status", "models paragraph [9]"),
    ("mixed", "feature", "the federation lets territories choose their form of self-government", "models paragraph [9]"),
    ("mixed", "characterisation", "blends the two other models: wide powers bounded by central rules",
     "numbered conclusion 1 (after the paragraph on Turkey)"),
    ("kazakhstan", "feature", "budget and financial decentralization proceeds step by step",
     "paragraph on Kazakhstan's own model"),
    ("kazakhstan", "feature", "self-government bodies have narrow competence, state bodies wide competence",
     "paragraph on Kazakhstan's own model"),
    ("kazakhstan", "feature", "the same bodies and structures carry both state and self-government functions",
     "paragraph on Kazakhstan's own model"),
    ("kazakhstan", "feature", "builds on international documents, notably the European Charter on Local Self-Government",
     "paragraph on Kazakhstan's own model"),
    ("kazakhstan", "placement", "does not fully match any of the three models", "sentence opening 'Research shows'"),
    ("kazakhstan", "placement", "close to the continental model because the state takes part at every level",
     "numbered conclusion 1 (after the paragraph on Turkey)"),
]
table("model_features", "Features of the models of local government",
      "Features of each model as listed, the characterisations in the conclusions, and Kazakhstan's placement.",
      [F("feature_id", desc="Identifier: model and position.", required=True, unique=True),
       F("model_id", desc="Model (FK to gov_models).", required=True,
         enum=["anglo_saxon", "continental", "mixed", "kazakhstan"]),
       F("position", "integer", "Order within the model.", required=True, minimum=1),
       F("kind", desc="feature = item of the printed list; characterisation = summary in the conclusions; "
         "placement = where Kazakhstan stands.", required=True, enum=["feature", "characterisation", "placement"]),
       F("feature", desc="The feature, in this edition's words.", required=True)],
      [], ["feature_id"], [fk(["model_id"], "gov_models", ["model_id"])])
_pos: dict[str, int] = {}
for m, kind, text, loc in MF:
    _pos[m] = _pos.get(m, 0) + 1
    RESOURCES[-1]["_rows"].append({
        "feature_id": f"{m}-{_pos[m]}", "model_id": m, "position": _pos[m], "kind": kind, "feature": text,
        "section": R, "locator": loc,
        "note": ("In the printed list the council-elects-mayor item shares a dash with the previous one."
                 if text.startswith("residents elect") else None)})

# ---------------------------------------------------------------------------
# 5. legal framework
table("legal_acts", "Legal and policy acts",
      "Constitution, laws, resolutions, presidential addresses, strategies and concepts the article names.",
      [F("act_id", desc="Identifier.", required=True, unique=True),
       F("kind", desc="Kind of act.", required=True,
         enum=["constitution", "constitutional amendment", "law", "government resolution", "presidential address",
               "strategy", "concept", "international charter"]),
       F("title", desc="Title as printed (verbatim; the text and the reference list may word it differently, "
         "see note).", required=True),
       F("number", desc="Official number, as printed."),
       F("date_printed", desc="Date as printed."),
       F("date", "date", "Date in ISO 8601, only when day, month and year are printed."),
       F("year", "integer", "Year (of adoption, issue or start), when printed.", minimum=1990, maximum=2030),
       F("end_year", "integer", "Last year, for acts covering a period.", minimum=1990, maximum=2030),
       F("articles", desc="Articles of the act the article refers to (semicolon separated)."),
       F("ref_no", "integer", "Number of the matching entry in the reference list (FK to references).",
         minimum=1, maximum=17),
       F("role", desc="What the article uses the act for, in this edition's words.")],
      [
          {"act_id": "constitution", "kind": "constitution", "title": "The Constitution of the Republic of Kazakhstan",
           "articles": "85; 86; 87", "ref_no": 7, "role": "basis of local government and self-government",
           "section": "Research methods", "locator": "theoretical basis; Discussion, paragraph on Articles 85-87"},
          {"act_id": "constitution_amendment_2022", "kind": "constitutional amendment",
           "title": "amendment introduced by the Head of State in 2022 to the Constitution", "date_printed": "2022",
           "year": 2022, "role": "regional akims appointed with the consent of regional maslikhats, with alternatives",
           "section": D, "locator": "paragraph on akimats, sentence on the innovation",
           "note": "No title or number printed; the title field holds the descriptive phrase the article uses."},
          {"act_id": "law_148_ii", "kind": "law",
           "title": "On local public administration and self-government in the Republic of Kazakhstan",
           "number": "148-II", "date_printed": "January 23, 2001", "date": "2001-01-23", "year": 2001,
           "articles": "2-1; 3", "ref_no": 5, "role": "main law on local government; Article 2-1 akims, Article 3 "
           "economic basis", "section": "Research methods", "locator": "theoretical basis ('the Law'); reference 5",
           "note": "The text calls it 'On Local Government and Self-Government'; number and date only in "
           "reference 5, which adds 'with amendments and additions as of 01/10/2020'."},
          {"act_id": "law_atu_1993", "kind": "law",
           "title": "On Administrative and Territorial Construction of the Republic of Kazakhstan",
           "number": "2572-XII", "date_printed": "December 8, 1993", "date": "1993-12-08", "year": 1993,
           "ref_no": 6, "role": "lists the kinds of administrative-territorial units", "section": D,
           "locator": "sentence citing [6]; reference 6",
           "note": "The text words the title 'On Administrative-territorial construction'; number and date only "
           "in reference 6, whose opening quote mark is not closed."},
          {"act_id": "law_budget_system", "kind": "law", "title": "On the Budget System",
           "role": "needs significant amendment for financial decentralization", "section": D,
           "locator": "paragraph on financial decentralization, last sentences"},
          {"act_id": "law_tax_code", "kind": "law", "title": "On the Tax Code",
           "role": "needs significant amendment for financial decentralization", "section": D,
           "locator": "paragraph on financial decentralization, last sentences",
           "note": "Printed as a law named 'On the Tax Code'."},
          {"act_id": "resolution_147", "kind": "government resolution",
           "title": "On the concept of separation of powers between levels of Government and improvement of "
           "inter-budgetary relations", "number": "147", "date_printed": "February 10, 2003", "date": "2003-02-10",
           "year": 2003, "role": "concept of dividing functions between levels; reform centre moved downwards",
           "section": R, "locator": "second paragraph"},
          {"act_id": "kazakhstan_2030", "kind": "strategy",
           "title": "Kazakhstan – 2030: Prosperity, security and improvement of the well-being of all Kazakhstanis",
           "date_printed": "1997", "year": 1997, "ref_no": 8,
           "role": "strategy that called for decentralization and transfer of powers downwards",
           "section": R, "locator": "first paragraph citing [8]",
           "note": "The year 1997 is printed only in reference 8 (presidential message of 1997)."},
          {"act_id": "address_2019", "kind": "presidential address",
           "title": "Constructive public dialogue is the basis for stability and prosperity of Kazakhstan",
           "date_printed": "02.09. 2019", "date": "2019-09-02", "year": 2019,
           "role": "grounds the relevance of the study", "section": "Research methods", "locator": "last sentence"},
          {"act_id": "address_2020", "kind": "presidential address",
           "title": "Kazakhstan in a new reality: time in action", "date_printed": "01.09. 2020",
           "date": "2020-09-01", "year": 2020, "ref_no": 3, "role": "grounds the relevance of the study",
           "section": "Research methods", "locator": "last sentence; reference 3",
           "note": "Reference 3 titles it 'Kazakhstan in the new situation: a period of action' and prints the "
           "date 01.09.2022 (its URL contains 01092020). The match to reference 3 is this edition's."},
          {"act_id": "address_just_state", "kind": "presidential address",
           "title": "A just state. A united nation. Prosperous Society", "ref_no": 2,
           "role": "source of the quoted remarks on reforming the Prime Minister's office",
           "section": "REFERENCES", "locator": "reference 2",
           "note": "Date not printed."},
          {"act_id": "concept_2021_2025", "kind": "concept", "title": "the new Concept for 2021-2025",
           "date_printed": "2021-2025", "year": 2021, "end_year": 2025,
           "role": "concept for improving local government and self-government", "section": R,
           "locator": "paragraph after the LEB features list, first sentence",
           "note": "Full title not printed."},
          {"act_id": "european_charter", "kind": "international charter",
           "title": "European Charter on Local Self-Government",
           "role": "international basis of Kazakhstan's own model", "section": R,
           "locator": "paragraph on international experience"},
      ], ["act_id"], [fk(["ref_no"], "references", ["ref_no"])])

table("constitution_articles", "Articles of the Constitution on local government",
      "The three articles of the Constitution the article summarises.",
      [F("article", "integer", "Article number.", required=True, unique=True, minimum=1),
       F("subject", desc="What the article provides, in this edition's words.", required=True),
       F("act_id", desc="The Constitution (FK to legal_acts).", required=True)],
      [
          {"article": 85, "subject": "local representative and executive bodies carry out local government and "
           "self-government and answer for their territory", "act_id": "constitution", "section": D,
           "locator": "paragraph on Article 85"},
          {"article": 86, "subject": "maslikhats express the people's will in their unit, set measures with "
           "national interests in mind and monitor them", "act_id": "constitution", "section": D,
           "locator": "same paragraph, sentence on Article 86"},
          {"article": 87, "subject": "local executive bodies belong to the single executive system and carry out "
           "state policy while serving local development", "act_id": "constitution", "section": D,
           "locator": "same paragraph, sentence on Article 87"},
      ], ["article"], [fk(["act_id"], "legal_acts", ["act_id"])])

table("law_provisions", "Provisions of the Law on local government cited",
      "Provisions of Law No. 148-II the article reports: Article 2-1 on akims and Article 3 on the economic "
      "and financial basis, plus the self-government provisions.",
      [F("provision_id", desc="Identifier.", required=True, unique=True),
       F("act_id", desc="Legal act (FK to legal_acts).", required=True),
       F("article", desc="Article number as printed.", required=True),
       F("item", "integer", "Item number within the article as printed; empty when none.", minimum=1),
       F("provision", desc="Content, in this edition's words.", required=True)],
      [
          {"provision_id": "art2-1", "act_id": "law_148_ii", "article": "2-1",
           "provision": "akims at every level from region to village do both local government and state "
           "administration work", "section": D, "locator": "sentence on Article 2-1"},
          {"provision_id": "art3-1", "act_id": "law_148_ii", "article": "3", "item": 1,
           "provision": "local budget", "section": D, "locator": "list under Article 3, item 1)"},
          {"provision_id": "art3-2", "act_id": "law_148_ii", "article": "3", "item": 2,
           "provision": "property assigned to communal legal entities", "section": D,
           "locator": "list under Article 3, item 2)"},
          {"provision_id": "art3-3", "act_id": "law_148_ii", "article": "3", "item": 3,
           "provision": "other property in communal ownership under the law", "section": D,
           "locator": "list under Article 3, item 3)"},
          {"provision_id": "lsg-actors", "act_id": "law_148_ii", "article": "not printed",
           "provision": "community members run self-government directly and through maslikhats and other "
           "local bodies", "section": D, "locator": "sentence citing [5]"},
          {"provision_id": "lsg-core", "act_id": "law_148_ii", "article": "not printed",
           "provision": "maslikhats, the only representative bodies, are the core of self-government",
           "section": D, "locator": "paragraph after the Article 3 list"},
      ], ["provision_id"], [fk(["act_id"], "legal_acts", ["act_id"])])

table("akimat_powers", "Powers of local executive bodies (akimats)",
      "The numbered list of akimat powers; the printed numbering skips 3).",
      [F("power_id", desc="Identifier.", required=True, unique=True),
       F("number_printed", "integer", "Item number as printed; empty for the lead-in item.", minimum=1),
       F("power", desc="The power, in this edition's words.", required=True)],
      [
          {"power_id": "communal_property", "power": "manage communal property", "section": D,
           "locator": "paragraph on akimats, lead-in of the powers list"},
          {"power_id": "plans_budget", "number_printed": 1, "power": "draw up and carry out development plans, "
           "socio-economic programmes and the local budget", "section": D, "locator": "powers list, item 1)"},
          {"power_id": "heads", "number_printed": 2, "power": "appoint and dismiss heads of local executive "
           "bodies and organise their work", "section": D, "locator": "powers list, item 2)"},
          {"power_id": "other", "number_printed": 4, "power": "use other powers given by laws for local public "
           "administration", "section": D, "locator": "powers list, item 4)",
           "note": "The printed list runs 1), 2), 4): there is no item 3)."},
      ], ["power_id"])

table("akim_rules", "Appointment, election and dismissal of akims",
      "How akims are appointed or elected and how a no-confidence vote may be raised.",
      [F("rule_id", desc="Identifier.", required=True, unique=True),
       F("rule", desc="The rule, in this edition's words.", required=True)],
      [
          {"rule_id": "akim_heads", "rule": "the akim heads the executive body and represents the President "
           "and the Government", "section": D, "locator": "paragraph on akimats"},
          {"rule_id": "regional_akims", "rule": "the President appoints akims of regions, republican cities and "
           "the capital with consent of the regional maslikhat, choosing among alternatives", "section": D,
           "locator": "paragraph on akimats; innovation of the 2022 constitutional amendment"},
          {"rule_id": "other_akims", "rule": "other akims are appointed or elected and dismissed as the law "
           "sets", "section": D, "locator": "paragraph on akimats"},
          {"rule_id": "no_confidence", "rule": "a fifth of the maslikhat deputies or more can raise a "
           "no-confidence vote in the akim", "section": D, "locator": "last sentence before [7]"},
      ], ["rule_id"])

# ---------------------------------------------------------------------------
# 6. timeline and key figures
TL = [
    ("1993-law-atu", "December 8, 1993", 1993, 12, 8, "day", None, None, "Kazakhstan",
     "Law No. 2572-XII on administrative-territorial structure adopted", "law_atu_1993", "REFERENCES", "reference 6", None),
    ("1997-kaz2030", "1997", 1997, None, None, "year", None, None, "Kazakhstan",
     "Kazakhstan-2030 strategy message", "kazakhstan_2030", "REFERENCES", "reference 8; quoted in The results of "
     "the study, first paragraph", None),
    ("1999-poland", "1999", 1999, None, None, "year", None, None, "Poland",
     "Poland's staged local government reform culminates in the three-tier system", None, R,
     "paragraph on Poland", None),
    ("2001-law-148", "January 23, 2001", 2001, 1, 23, "day", None, None, "Kazakhstan",
     "Law No. 148-II on local government and self-government adopted", "law_148_ii", "REFERENCES", "reference 5",
     None),
    ("2003-res-147", "February 10, 2003", 2003, 2, 10, "day", None, None, "Kazakhstan",
     "Government Resolution No. 147 on dividing powers between levels adopted", "resolution_147", R,
     "second paragraph", None),
    ("2019-address", "02.09. 2019", 2019, 9, 2, "day", None, None, "Kazakhstan",
     "Presidential address on constructive public dialogue", "address_2019", "Research methods", "last sentence",
     None),
    ("2020-address", "01.09. 2020", 2020, 9, 1, "day", None, None, "Kazakhstan",
     "Presidential address on Kazakhstan in a new reality", "address_2020", "Research methods", "last sentence",
     "Reference 3 prints 01.09.2022 for the same address."),
    ("2020-law-148-amended", "01/10/2020", 2020, None, None, "year", None, None, "Kazakhstan",
     "Law No. 148-II as amended (version cited)", "law_148_ii", "REFERENCES", "reference 5",
     "Day and month order of 01/10/2020 is ambiguous (1 October or 10 January), so only the year is coded."),
    ("2021-rural-elections", "2021", 2021, None, None, "year", None, None, "Kazakhstan",
     "first elections of akims of villages and rural districts", None, R,
     "paragraph after the LEB features list (Concept 2021-2025, elections)",
     "The recommendations (Conclusion, item 2) instead date direct akim elections in districts and villages "
     "to 2022 and 2023."),
    ("2021-2025-concept", "2021-2025", 2021, None, None, "period", 2025, None, "Kazakhstan",
     "Concept for developing local government, 2021-2025", "concept_2021_2025", R,
     "paragraph after the LEB features list (Concept 2021-2025, elections)", None),
    ("2022-amendment", "2022", 2022, None, None, "year", None, None, "Kazakhstan",
     "constitutional amendment: regional akims appointed with maslikhat consent", "constitution_amendment_2022",
     D, "paragraph on akimats", None),
    ("2022-2024-speeches", "2022-2024", 2022, None, None, "period", 2024, None, "Kazakhstan",
     "further policy speeches of the Head of State", None, "Research methods", "last sentence", None),
    ("2022-2023-elections-rec", "2022 and 2023", 2022, None, None, "period", 2023, None, "Kazakhstan",
     "direct akim elections in districts and villages (as dated in the recommendations)", None, C,
     "recommendation 2, last sentence",
     "Contradicts 'The results of the study', which dates the first rural elections to 2021 and the first "
     "district ones to 2023."),
    ("2023-district-elections", "2023", 2023, None, None, "year", None, None, "Kazakhstan",
     "first elections of district akims", None, R, "paragraph after the LEB features list (Concept 2021-2025, elections)", None),
    ("2024-survey", "February to April 2024", 2024, 2, None, "period", 2024, 4, "Kazakhstan",
     "expert survey fieldwork", None, SURV, "first paragraph", None),
]
table("timeline", "Timeline",
      "Dated events of the article, with the date as printed and its parts.",
      [F("event_id", desc="Identifier.", required=True, unique=True),
       F("date_printed", desc="Date as printed.", required=True),
       F("year", "integer", "Year (start year for periods).", required=True, minimum=1990, maximum=2030),
       F("month", "integer", "Month (start month for periods); empty when not printed.", minimum=1, maximum=12),
       F("day", "integer", "Day; empty when not printed.", minimum=1, maximum=31),
       F("precision", desc="How precise the printed date is.", required=True,
         enum=["year", "month", "day", "period"]),
       F("end_year", "integer", "Last year, for periods.", minimum=1990, maximum=2030),
       F("end_month", "integer", "Last month, for periods given in months.", minimum=1, maximum=12),
       F("country", desc="Country of the event.", required=True, enum=["Kazakhstan", "Poland"]),
       F("event", desc="What happened, in this edition's words.", required=True),
       F("act_id", desc="Related legal act (FK to legal_acts), if any.")],
      [dict(zip(["event_id", "date_printed", "year", "month", "day", "precision", "end_year", "end_month",
                 "country", "event", "act_id", "section", "locator", "note"], t)) for t in TL],
      ["event_id"], [fk(["act_id"], "legal_acts", ["act_id"])])

table("key_figures", "Key figures of the reform",
      "Counts the article gives for the scope of the reform and for the no-confidence rule.",
      [F("figure_id", desc="Identifier.", required=True, unique=True),
       F("value", "number", "Number as printed (fractions written in words are given as decimals).",
         required=True, minimum=0),
       F("value_printed", desc="The number as printed, with its words.", required=True),
       F("qualifier", desc="Qualifier printed with the number.", enum=["about", "over", "up to", "more than",
                                                                    "at least"]),
       F("unit", desc="What is counted.", required=True),
       F("what", desc="What the figure describes, in this edition's words.", required=True)],
      [
          {"figure_id": "acts_to_analyse", "value": 250, "value_printed": "about more than 250",
           "qualifier": "more than", "unit": "legislative acts", "what": "acts to be analysed to improve local government",
           "section": R, "locator": "paragraph after the LEB features list, sentence on 250 acts",
           "note": "Printed with both 'about' and 'more than'; 'more than' coded."},
          {"figure_id": "functions_to_analyse", "value": 8500, "value_printed": "more than 8,500",
           "qualifier": "more than", "unit": "functions", "what": "functions to be analysed",
           "section": R, "locator": "same sentence"},
          {"figure_id": "acts_to_amend", "value": 50, "value_printed": "more than 50", "qualifier": "more than",
           "unit": "legislative and regulatory acts", "what": "acts that would need amendments and additions",
           "section": R, "locator": "same sentence"},
          {"figure_id": "no_confidence_share", "value": 0.2, "value_printed": "at least one fifth",
           "qualifier": "at least", "unit": "share of all maslikhat deputies",
           "what": "deputies needed to raise a no-confidence vote in the akim", "section": D,
           "locator": "paragraph on akimats, last sentence [7]",
           "note": "Printed in words; 0.2 is this edition's decimal."},
      ], ["figure_id"])

# ---------------------------------------------------------------------------
# 7. international experience
table("intl_tiers", "Tiers of local government abroad",
      "Tiers of local government in the countries reviewed, with their Kazakh equivalents and heads.",
      [F("tier_id", desc="Identifier.", required=True, unique=True),
       F("country", desc="Country.", required=True, enum=["Poland", "Finland", "Turkey", "Kazakhstan"]),
       F("tier_no", "integer", "Tier number (1 = lowest); empty when the article does not say.", minimum=1,
         maximum=4),
       F("tier", desc="Name of the tier (English gloss, local term in brackets).", required=True),
       F("kazakh_equivalent", desc="Unit of Kazakhstan the article likens it to, if given."),
       F("head", desc="Who heads the tier and how chosen, in this edition's words."),
       F("head_printed", desc="Titles of the head as printed.")],
      [
          {"tier_id": "pl-1", "country": "Poland", "tier_no": 1, "tier": "commune (gmina)",
           "kazakh_equivalent": "rural district", "head": "head elected by direct vote; title depends on the "
           "kind of gmina", "head_printed": "burmistrz (mixed); prezydent miasta (larger urban); wojt (rural)",
           "section": R, "locator": "paragraph on Poland citing [12]"},
          {"tier_id": "pl-2", "country": "Poland", "tier_no": 2, "tier": "district (powiat)",
           "kazakh_equivalent": "district", "head": "starost, elected by the powiat council",
           "head_printed": "starost", "section": R, "locator": "paragraphs on the powiat and the county",
           "note": "Spelled 'poviats' once and 'powiat' elsewhere; also called 'county'. The sentence on who "
           "the council elects (head, administration, chairman of the board, starost) is garbled."},
          {"tier_id": "pl-3", "country": "Poland", "tier_no": 3, "tier": "province (voivodeship)",
           "kazakh_equivalent": "region", "head": "voivode appointed by the Polish government; "
           "representative and supervisory role only", "head_printed": "voivode", "section": R,
           "locator": "paragraph on the voivodeship",
           "note": "Also called 'governor' in the same paragraph."},
          {"tier_id": "tr-municipality", "country": "Turkey", "tier": "municipality (belediye)",
           "head": "head or mayor elected by residents", "head_printed": "head or mayor", "section": R,
           "locator": "paragraph on Turkey citing [14]",
           "note": "The structure is printed as four-tier, but the tiers are not named."},
      ], ["tier_id"])

IF = [
    ("pl_reform_year", "Poland", "staged reform culminated in a major restructuring", 1999, "1999", None, "year",
     "paragraph on Poland", None),
    ("pl_tiers", "Poland", "tiers of local government after the reform", 3, "three-tier", None, "tiers",
     "paragraph on Poland", None),
    ("pl_gmina_pop_min", "Poland", "population of the smallest (rural) gminas", 2000, "around 2,000", "about",
     "inhabitants", "paragraph on Poland", None),
    ("pl_gmina_pop_max", "Poland", "population of the largest (city) gminas", 2000000, "over 2 million", "over",
     "inhabitants", "paragraph on Poland", None),
    ("pl_powiat_pop", "Poland", "population a municipality generally needs for powiat status", 100000,
     "exceeding 100,000", "over", "inhabitants", "paragraph on the powiat", None),
    ("pl_budget_local", "Poland", "share of the state budget directed to the local level", 40, "up to 40%",
     "up to", "percent", "paragraph on the powiat, citing [12, p. 132]", None),
    ("pl_investment_local", "Poland", "share of investment in local facilities paid from local budgets", 60,
     "up to 60%", "up to", "percent", "paragraph on the powiat, citing [12, p. 132]", None),
    ("pl_gmina_bodies", "Poland", "each gmina has an elected council (control, budget approval) and an executive "
     "board led by the gmina head", None, None, None, None, "paragraph on Poland", None),
    ("pl_gmina_taxes", "Poland", "financially strong gminas may drop or add local taxes and fees", None, None, None,
     None, "paragraph on gmina responsibilities", None),
    ("pl_powiat_bodies", "Poland", "powiat residents vote in elections and referendums; council and administration "
     "run it; it is independent and links its gminas", None, None, None, None, "paragraph on the county", None),
    ("fi_experiment", "Finland", "municipalities taking part in the experiment widening municipal freedom", 50,
     "more than half", "more than", "percent of municipalities", "paragraph on Finland citing [13]",
     "Printed in words; 50 percent is this edition's coding of 'half'."),
    ("fi_procedure", "Finland", "municipalities join voluntarily via the Ministry of the Interior and then run "
     "their affairs under a special temporary law", None, None, None, None, "paragraph on Finland citing [13]",
     None),
    ("fi_digital", "Finland", "new technology and digital tools raised efficiency and service quality", None, None,
     None, None, "paragraph on Finland citing [13]", None),
    ("fi_outcome", "Finland", "high level of local self-government, aiding regional development and living "
     "standards", None, None, None, None, "paragraph after Finland", None),
    ("tr_tiers", "Turkey", "tiers of the municipal structure", 4, "four-tier", None, "tiers",
     "paragraph on Turkey citing [14]", None),
    ("tr_context", "Turkey", "Asian, multinational and multi-faith country with authoritarian traditions that "
     "embraces decentralization", None, None, None, None, "paragraph on Turkey citing [14]", None),
]
table("intl_facts", "Facts on local government abroad",
      "Numbers and other facts on Poland, Finland and Turkey.",
      [F("fact_id", desc="Identifier.", required=True, unique=True),
       F("country", desc="Country.", required=True, enum=["Poland", "Finland", "Turkey", "Kazakhstan"]),
       F("fact", desc="The fact, in this edition's words.", required=True),
       F("value", "number", "Number as printed (in full, e.g. 2 million = 2000000); empty for facts without one.",
         minimum=0),
       F("value_printed", desc="The number as printed with its words."),
       F("qualifier", desc="Qualifier printed with the number.", enum=["about", "over", "up to", "more than",
                                                                    "at least"]),
       F("unit", desc="Unit of value.")],
      [dict(zip(["fact_id", "country", "fact", "value", "value_printed", "qualifier", "unit", "locator", "note"], t),
            section=R) for t in IF],
      ["fact_id"])

IFUN = [("gmina", f) for f in ["secondary education", "health care services", "museums and other cultural "
                                "institutions", "local police", "land management", "building and upkeep of roads",
                                "environmental protection", "social protection services"]] + \
       [("powiat", f) for f in ["secondary vocational education", "health care in large hospitals",
                                "social assistance", "orphanages", "homes for disabled and elderly people",
                                "public transport and roads crossing several communes", "large employment centre",
                                "geodetic services", "registration"]]
_fpos: dict[str, int] = {}
_frows = []
for u, f in IFUN:
    _fpos[u] = _fpos.get(u, 0) + 1
    _frows.append({"function_id": f"pl-{u}-{_fpos[u]}", "country": "Poland", "unit": u, "position": _fpos[u],
                   "function": f, "section": R,
                   "locator": "paragraph on gmina responsibilities" if u == "gmina" else "paragraph on the powiat",
                   "note": "Listed for the gmina as printed, although the powiat list has vocational "
                   "secondary education." if f == "secondary education" else None})
table("intl_functions", "Tasks of Polish local government units",
      "Tasks listed for the Polish gmina and powiat.",
      [F("function_id", desc="Identifier.", required=True, unique=True),
       F("country", desc="Country.", required=True, enum=["Poland"]),
       F("unit", desc="Unit of local government.", required=True, enum=["gmina", "powiat"]),
       F("position", "integer", "Order in the printed list.", required=True, minimum=1),
       F("function", desc="The task, in this edition's words.", required=True)],
      _frows, ["function_id"])

table("intl_achievements", "Achievements of Poland's reform",
      "The three measures the authors credit for Poland's success.",
      [F("achievement_id", "integer", "Number as printed.", required=True, unique=True, minimum=1, maximum=3),
       F("country", desc="Country.", required=True, enum=["Poland"]),
       F("achievement", desc="Measure, in this edition's words.", required=True),
       F("outcome", desc="Result the article attributes to it, in this edition's words.")],
      [{"achievement_id": 1, "country": "Poland", "achievement": "decentralization of power",
        "outcome": "municipalities took on more powers and responsibility", "section": R,
        "locator": "list of Poland's achievements, item 1"},
       {"achievement_id": 2, "country": "Poland", "achievement": "financial independence",
        "outcome": "more own revenue; more efficient and accountable local government", "section": R,
        "locator": "list of Poland's achievements, item 2"},
       {"achievement_id": 3, "country": "Poland", "achievement": "citizen participation",
        "outcome": "more local democracy and accountability to residents", "section": R,
        "locator": "list of Poland's achievements, item 3"}],
      ["achievement_id"])

# ---------------------------------------------------------------------------
# 8. problems, risks, recommendations, directions
PROB = [
    ("r1", "results", 1, "decentralization incomplete; local authorities lack legal power over community problems", "c1"),
    ("r2", "results", 2, "self-government depends on state executive bodies and regional akimats, so adds little", "c2"),
    ("r3", "results", 3, "weak economy of most settlements; low fourth-level budget income, no own budget", "c3"),
    ("r4", "results", 4, "chaotic migration and urbanisation destabilise villages, closing them and leaving gaps in "
     "infrastructure", None),
    ("c1", "conclusion", 1, "decentralization incomplete; local authorities lack full power over regional problems", "r1"),
    ("c2", "conclusion", 2, "self-government depends on state executive bodies and local akimats, so adds little", "r2"),
    ("c3", "conclusion", 3, "weak economy of most settlements; low fourth-level budget income", "r3"),
    ("c4", "conclusion", 4, "residents rarely join local assemblies: ignorance of the mechanisms, scant information, "
     "scepticism and paternalism", None),
]
PROB_NOTE = ("The problems are listed twice with different content: the results list has migration and "
             "urbanisation, the conclusion list has low participation instead; shared items are worded differently.")
table("problems", "Problems of decentralization",
      "Problems the article identifies, from its two lists.",
      [F("problem_id", desc="Identifier: r = list in the results, c = list in the conclusion.", required=True,
         unique=True, pattern="[rc][1-9]"),
       F("listed_in", desc="Which of the two printed lists.", required=True, enum=["results", "conclusion"]),
       F("position", "integer", "Order in that list.", required=True, minimum=1),
       F("problem", desc="The problem, in this edition's words.", required=True),
       F("counterpart", desc="This edition's matching: the corresponding item of the other list (FK to "
         "problems), empty when there is none.")],
      [{"problem_id": p, "listed_in": l, "position": n, "problem": t, "counterpart": cp,
        "section": R if l == "results" else C,
        "locator": (f"list after Figure 1, item {n}" if l == "results" else f"list of problems in the conclusion, item {n}"),
        "note": PROB_NOTE if n in (1, 4) else None} for p, l, n, t, cp in PROB],
      ["problem_id"], [fk(["counterpart"], "", ["problem_id"])])

table("risks", "Risks",
      "Risks to the development of local government named in the article.",
      [F("risk_id", desc="Identifier.", required=True, unique=True),
       F("listed_in", desc="results = caution in the results section; conclusion = list of risks.",
         required=True, enum=["results", "conclusion"]),
       F("risk", desc="The risk, in this edition's words.", required=True)],
      [{"risk_id": "c1", "listed_in": "conclusion", "risk": "local problems go unsolved while state and "
        "self-government functions stay mixed", "section": C, "locator": "list of risks, item 1"},
       {"risk_id": "c2", "listed_in": "conclusion", "risk": "friction between representative bodies and elected "
        "akims due to flawed legal norms", "section": C, "locator": "list of risks, item 2"},
       {"risk_id": "c3", "listed_in": "conclusion", "risk": "local authorities, elected akims included, lack the "
        "money to exercise their powers", "section": C, "locator": "list of risks, item 3"},
       {"risk_id": "r1", "listed_in": "results", "risk": "redistributing powers may weaken state power and "
        "governance", "section": R, "locator": "paragraph citing [15, 18 p.]"},
       {"risk_id": "r2", "listed_in": "results", "risk": "redistributing powers may feed separatism",
        "section": R, "locator": "paragraph citing [15, 18 p.]"},
       {"risk_id": "r3", "listed_in": "results", "risk": "handing over functions without local readiness may cause "
        "poor management and conflicts between levels and maslikhats", "section": R,
        "locator": "paragraph citing [17]"}],
      ["risk_id"])

table("recommendations", "Recommendations",
      "The numbered recommendations of the conclusion.",
      [F("rec_id", "integer", "Number as printed.", required=True, unique=True, minimum=1),
       F("recommendation", desc="The recommendation, in this edition's words.", required=True)],
      [{"rec_id": 1, "recommendation": "set in law the division of competence between akimats, maslikhats of all "
        "levels and central bodies; separate local powers from state administration", "section": C,
        "locator": "recommendations, item 1"},
       {"rec_id": 2, "recommendation": "widen the responsibilities of district, rural, township and city "
        "governments and make them answer to residents, with less central paternalism", "section": C,
        "locator": "recommendations, item 2",
        "note": "Ends by dating direct akim elections in districts and villages to 2022 and 2023, unlike the "
        "2021/2023 of the results section."},
       {"rec_id": 3, "recommendation": "group the functions of self-government bodies into three main groups",
        "section": C, "locator": "recommendations, item 3"}],
      ["rec_id"])

table("function_groups", "Three groups of functions of local self-government",
      "The three groups into which recommendation 3 sorts the functions of self-government bodies.",
      [F("group_id", "integer", "Order as printed (firstly, secondly, thirdly).", required=True, unique=True,
         minimum=1, maximum=3),
       F("group", desc="The group, in this edition's words.", required=True),
       F("examples", desc="Examples given, semicolon separated, in this edition's words."),
       F("rec_id", "integer", "Recommendation it belongs to (FK to recommendations).", required=True)],
      [{"group_id": 1, "group": "everyday needs of residents", "examples": "water supply; land use; roads; "
        "ecology; landscaping", "rec_id": 3, "section": C, "locator": "recommendation 3, 'Firstly'"},
       {"group_id": 2, "group": "social sphere", "examples": "education; health; culture; support for low-income "
        "people; employment", "rec_id": 3, "section": C, "locator": "recommendation 3, 'Secondly'"},
       {"group_id": 3, "group": "territorial development programmes and budgets", "examples": "local use of own "
        "resources; regulation of organisational, legal, inter-budgetary and financial matters; new powers",
        "rec_id": 3, "section": C, "locator": "recommendation 3, 'Thirdly'"}],
      ["group_id"], [fk(["rec_id"], "recommendations", ["rec_id"])])

table("directions", "Directions of the decentralization process",
      "The five directions the authors propose.",
      [F("direction_id", "integer", "Number as printed.", required=True, unique=True, minimum=1, maximum=5),
       F("direction", desc="The direction, in this edition's words.", required=True),
       F("detail", desc="Its parts, in this edition's words (semicolon separated).")],
      [{"direction_id": 1, "direction": "separate central and local powers in law",
        "section": R, "locator": "list of directions, item 1"},
       {"direction_id": 2, "direction": "differentiate political power", "detail": "central bodies (ministries and "
        "their territorial units); local government bodies funded from regional and district budgets; local "
        "self-government (local communities)", "section": R, "locator": "list of directions, item 2"},
       {"direction_id": 3, "direction": "divide the state budget into levels", "detail": "see budget_levels",
        "section": R, "locator": "list of directions, item 3"},
       {"direction_id": 4, "direction": "fix the levels to which state functions pass, and delegate some state "
        "powers to self-government", "detail": "see transfer_levels", "section": R,
        "locator": "list of directions, item 4"},
       {"direction_id": 5, "direction": "define the powers and functions of self-government bodies in law",
        "section": R, "locator": "list of directions, item 5"}],
      ["direction_id"])

table("budget_levels", "Levels of the state budget",
      "The budget levels of direction 3.",
      [F("budget_id", "integer", "Order as printed.", required=True, unique=True, minimum=1, maximum=4),
       F("budget", desc="Budget level.", required=True),
       F("composition", desc="What it consists of, in this edition's words, where given."),
       F("direction_id", "integer", "Direction it belongs to (FK to directions).", required=True)],
      [{"budget_id": 1, "budget": "republican", "direction_id": 3, "section": R, "locator": "direction 3, item 1"},
       {"budget_id": 2, "budget": "regional", "direction_id": 3, "section": R, "locator": "direction 3, item 2"},
       {"budget_id": 3, "budget": "district", "direction_id": 3, "section": R, "locator": "direction 3, item 3"},
       {"budget_id": 4, "budget": "local self-government", "composition": "a programme financed from the district "
        "budget and run by self-government bodies, plus community development funds they set up",
        "direction_id": 3, "section": R, "locator": "direction 3, item 4",
        "note": "This edition reads the 'fourth-level budget' named in the problems and the conclusion as this level."}],
      ["budget_id"], [fk(["direction_id"], "directions", ["direction_id"])])

table("transfer_levels", "Levels for transferring state functions",
      "The pairs of levels between which functions pass (direction 4).",
      [F("transfer_id", "integer", "Order as printed.", required=True, unique=True, minimum=1, maximum=3),
       F("from_level", desc="Level handing functions down.", required=True, enum=["center", "region", "district"]),
       F("to_level", desc="Level receiving them.", required=True, enum=["region", "district", "local community"]),
       F("direction_id", "integer", "Direction it belongs to (FK to directions).", required=True)],
      [{"transfer_id": i, "from_level": a, "to_level": b, "direction_id": 4, "section": R,
        "locator": f"direction 4, pair {i}"} for i, (a, b) in enumerate(
          [("center", "region"), ("region", "district"), ("district", "local community")], 1)],
      ["transfer_id"], [fk(["direction_id"], "directions", ["direction_id"])])

table("leb_features", "Features of the activity of local executive bodies (LEB)",
      "Features of how local executive bodies work, as listed near the end of the results.",
      [F("feature_id", "integer", "Order in the printed list.", required=True, unique=True, minimum=1),
       F("feature", desc="The feature, in this edition's words.", required=True)],
      [{"feature_id": 1, "feature": "powers concentrated at regional level, some of them unsuited to it and better "
        "passed to city, district and village", "section": R, "locator": "list of LEB features, item 1"},
       {"feature_id": 2, "feature": "main functions set in the law, others in by-laws, lowering transparency",
        "section": R, "locator": "list of LEB features, item 2"},
       {"feature_id": 3, "feature": "the law words the same functions differently, hiding the real workload",
        "section": R, "locator": "paragraph after item 2, citing [16, p. 58]",
        "note": "Printed as a separate paragraph without a dash, between items 2 and 4."},
       {"feature_id": 4, "feature": "powers duplicated across levels; too few trained managers, especially "
        "regionally and locally", "section": R, "locator": "list of LEB features, item after the [16, p. 58] paragraph"},
       {"feature_id": 5, "feature": "political and corporate culture of staff lags behind the times", "section": R,
        "locator": "list of LEB features, next item"},
       {"feature_id": 6, "feature": "staff rotation and age-related obstacles are hard to resolve", "section": R,
        "locator": "list of LEB features, last item"}],
      ["feature_id"])

# ---------------------------------------------------------------------------
# 9. other lists of the article
LISTS = [
    ("decentralization_means", "ways to decentralize power", "Introduction", "second paragraph",
     ["further democratization", "modernising state governance", "diversifying authority",
      "widening citizens' political rights and freedoms", "strengthening private property"]),
    ("prerequisite_domains", "fields in which prerequisites for decentralization exist", "Introduction",
     "second paragraph, last sentence", ["political", "economic", "social", "cultural"]),
    ("regional_agenda", "regional matters the President lists before [3]", "Introduction", "paragraph before [3]",
     ["local government reform", "public councils", "cooperatives of apartment owners",
      "associations of apartment owners", "planning and siting of housing and urban infrastructure"]),
    ("abstract_aims", "what the abstract says the article does", "Abstract", "English abstract",
     ["sets out principles and types of decentralization, models and foreign experience",
      "outlines historical stages of decentralization in Kazakhstan and views on its effects",
      "analyses laws on local government and self-government, their strengths and weaknesses",
      "proposes how to divide powers between levels of executive and representative bodies",
      "proposes inter-budgetary relations at local level, new local revenue sources and stronger communal property"]),
    ("president_instructions", "instructions of President Tokayev reported in the introduction", "Introduction",
     "paragraphs citing [1], [2] and [3]",
     ["decentralize public administration and widen the powers of local authorities",
      "turn the Prime Minister's office into a compact apparatus for cross-sectoral issues",
      "make individual ministers, not the cabinet, answer for sectoral policy",
      "pass some government powers to ministries",
      "trim the central vertical and widen the powers of local executive bodies"]),
    ("study_design", "method and sources of the study", "Research methods", "first paragraph",
     ["comparative method", "the Constitution", "the Law on local government and self-government",
      "works of Kazakhstani authors (see method_authors)", "presidential addresses of 2019 and 2020 and later speeches"]),
    ("government_reform_aims", "aims for central government set by the Head of State", R,
     "paragraph after the LEB features list, after the elections",
     ["a compact, professional Government focused on key functions",
      "ministries shed functions that are not theirs, passing them to regions or to the private sector",
      "further improve the local government system and its legal and financial basis"]),
    ("election_effects", "what the akim elections change, according to the article", R,
     "paragraph after the LEB features list, after the elections",
     ["citizens shape the development of their communities directly",
      "new long-term principles in relations between state and society",
      "elected akims receive a mandate and must keep voters' trust"]),
    ("redistribution_needs", "what the redistribution of powers requires", R,
     "paragraph after the LEB features list, dashed items",
     ["remove conflicts of interest between state and self-government bodies",
      "fix responsibility: ministries for transferred functions, local executive bodies for carrying them out",
      "consider moving functions to a competitive market; ensure bodies are ready for new powers"]),
    ("eu_shared_values", "ideas shared by EU members behind decentralization", R, "paragraph citing [11]",
     ["self-government", "civic participation", "closeness of power to the people"]),
    ("post_soviet_and_eu", "observations on decentralization in other post-socialist and EU states", R,
     "paragraphs before and citing [11]",
     ["decentralization models are anchored in nearly all CIS constitutions but differ by country",
      "in Eastern Europe ties between regional, local and central authorities are growing stronger",
      "that movement is neither uniform nor linear",
      "in the EU decentralization takes various forms"]),
    ("readiness_factors", "factors of a country's readiness to decentralize", R, "paragraph citing [10]",
     ["territory size", "population", "degree of urbanisation", "ethnic composition",
      "large countries such as Kazakhstan have a strong need to decentralize state functions",
      "decentralization may answer demands in ethnically diverse countries"]),
    ("results_conclusions", "conclusions drawn after the country review", R, "numbered conclusions 1-2",
     ["each country's system depends on its territorial structure and democratic maturity",
      "Kazakhstan needs its own model; Poland's budget experience and a Finnish-style rural district "
      "project could be used"]),
    ("reform_success_factors", "what makes local reforms effective, from Poland and Finland", R, "conclusion 2",
     ["optimal decentralization", "financial autonomy", "active participation of residents",
      "better qualified local officials", "digitalisation", "innovation in management"]),
    ("decentralization_aspects", "aspects and prerequisites of decentralization", R, "paragraph citing [15, 18 p.]",
     ["political", "economic", "legal", "administrative"]),
    ("regional_independence_gains", "what growing regional independence brings", R,
     "paragraph citing [16, p. 44-46]",
     ["protection from the dictates of the centre", "democratization", "regions run their own affairs",
      "decentralization neither brings self-government automatically nor removes a rigid vertical"]),
    ("priority_local_units", "units where effective local management is the reform priority", R,
     "paragraph after [16, p. 44-46]",
     ["districts", "rural districts", "towns", "cities of regional significance", "urban areas"]),
    ("burlakov_tasks", "tasks listed with reference to Burlakov", R, "paragraphs citing [16, p. 58]",
     ["end duplication of functions between central and local bodies",
      "delineate competence and powers between levels of local government",
      "divide communal property among levels of local government",
      "build full management mechanisms at rural, village and urban level"]),
    ("region_district_problems", "problems of the region-district level reported with Burlakov", R,
     "paragraphs citing [16, p. 58] and [17]",
     ["division of powers between region and district is unstable, differs by region and shifts with a new akim",
      "in some regional centres city services are merged into regional bodies",
      "finance is centralised at regional level, or powers go down without money",
      "districts answer for services while the region funds and controls them: double subordination",
      "proposal: cut territorial units of central bodies and leave them rule-making and inspection",
      "functions without vertical duplication are harder to decentralize for lack of regional resources"]),
    ("kazakhstan_specifics", "Kazakh particularities a new structure must respect", C, "conclusion feature 2",
     ["unitary state", "low territorial economic potential", "insufficient local budgets", "low civic activity"]),
    ("conclusion_features", "features found in the conclusion", C, "numbered features 1-3",
     ["akimats and maslikhats act both as state bodies and as self-government bodies",
      "reform must fit Kazakhstan's particularities",
      "a framework has partly formed since independence: elections of rural and district akims, community "
      "meetings, fourth-level budgets"]),
]
NOTES_LISTS = {
    ("regional_agenda", 5): "The last item is printed as a separate paragraph after the quoted list.",
    ("regional_independence_gains", 1): "The paragraph speaks of 'the IAS system in Kazakhstan', an "
    "abbreviation the article does not explain.",
    ("president_instructions", 3): "The quotation these remarks come from (before [2]) opens but is never closed.",
    ("regional_agenda", 1): "The quotation that lists these items opens but is never closed.",
}
_lrows = []
for lid, title, sec, loc, items in LISTS:
    for i, it in enumerate(items, 1):
        _lrows.append({"list_id": lid, "list_title": title, "position": i, "item": it, "section": sec,
                       "locator": f"{loc}, item {i}",
                       "note": NOTES_LISTS.get((lid, i))})
table("lists", "Other lists of the article",
      "Smaller enumerations of the article (ways, factors, tasks, aspects), one row per item.",
      [F("list_id", desc="Identifier of the list (closed set; list_title says what each is).", required=True,
         enum=[lid for lid, *_ in LISTS]),
       F("list_title", desc="What the list is, in this edition's words.", required=True),
       F("position", "integer", "Order in the printed list.", required=True, minimum=1),
       F("item", desc="The item, in this edition's words.", required=True)],
      _lrows, ["list_id", "position"])

# ---------------------------------------------------------------------------
# 10. sources: authors cited in Research methods, references, citations
MA = [
    (1, "Baimakhanov D.M., Zhatkanbaev A.E.", 2013, "p. 5", None),
    (2, "L.T. Zhanuzakova", 2014, "p. 68", None),
    (3, "S.L. Midelsky", 2014, "p.1-8", "A Midelsky S. L. is reference 14 (undated web page), which may or may not "
     "be this work."),
    (4, "Chebotarev A.E.", 2001, "p.34-43", None),
    (5, "Kopobaeva O.K.", 1999, "p.160", "Followed by '[5].', which points to the Law, not to this author."),
    (6, "Burlakova L. N.", 2002, "p.14, 44", "Reference 16 spells the name 'Burlakov L.N.' (2002)."),
]
table("method_authors", "Authors named as the theoretical basis",
      "Kazakhstani authors the Research methods section names, with year and pages as printed; most are not in "
      "the reference list.",
      [F("author_id", "integer", "Order as printed.", required=True, unique=True, minimum=1),
       F("author_printed", desc="Name(s) as printed.", required=True),
       F("year", "integer", "Year as printed.", minimum=1990, maximum=2030),
       F("pages_printed", desc="Pages as printed.")],
      [{"author_id": a, "author_printed": n, "year": y, "pages_printed": p, "note": note,
        "section": "Research methods", "locator": "sentence on the theoretical basis, name " + str(a)}
       for a, n, y, p, note in MA],
      ["author_id"])

REFS = [
    dict(ref_no=1, authors=None,
         title="Decentralization of the public administration system will allow the formation of a compact "
         "Government apparatus – A. Kuanyrov on the execution of instructions from the Head of State",
         year=None, publisher=None,
         url="https://primeminister.kz/ru/news/decentralizaciya-sistemy-gosupravleniya-pozvolit-sformirovat-"
         "kompaktnyy-apparat-pravitelstva-a-kuanyrov-ob-ispolnenii-porucheniya-glavy-gosudarstva-38045",
         access_date_printed="09. 12. 2023", access_date="2023-12-09", kind="web page",
         details="Electronic resource", note="No author printed; A. Kuanyrov is named in the title."),
    dict(ref_no=2, authors="Kassym-Jomart Tokayev",
         title="The message of the Head of State Kassym-Jomart Tokayev to the people of Kazakhstan “A just state. "
         "A united nation. Prosperous Society”", year=None, publisher=None,
         url="https://www.akorda.kz/ru/poslanie-glavy-gosudarstva-kasym-zhomarta-tokaeva-narodu-kazahstana-181130",
         access_date_printed="07. 05. 2024 r", access_date="2024-05-07", kind="presidential address",
         details="Electronic resource",
         note="Author taken from the title by this edition. Trailing 'r' after the access date (for the "
         "Cyrillic abbreviation of 'year') kept as printed."),
    dict(ref_no=3, authors="K.K. Tokayev",
         title="Kazakhstan in the new situation: a period of action: Address to the people of Kazakhstan",
         year=2022, publisher=None, url="https://ortalyq.kz/010920200015-2/", access_date_printed="10.07.2024 r",
         access_date="2024-07-10", kind="presidential address", details="Electronic resource; 01.09.2022",
         note="Printed date 01.09.2022 contradicts the 01.09. 2020 of Research methods (and the 01092020 in the "
         "URL). Initials 'K.K.' here, 'K.J.' in Research methods."),
    dict(ref_no=4, authors="Umarov A.",
         title="“Modny trend” of the past: how was the decentralization reform in Kazakhstan?", year=None,
         publisher=None,
         url="https://cabar.asia/ru/modnyj-trend-proshlogo-kak-prohodila-reforma-detsentralizatsii-v-kazahstane",
         kind="web article", details="Electronic resource", note="No access date printed."),
    dict(ref_no=5, authors=None,
         title="On local public administration and self-government in the Republic of Kazakhstan", year=2001,
         publisher="Information system “Lawyer”", url="https://online.zakon.kz/Document/?doc_id=1021546",
         kind="law", details="Law of the Republic of Kazakhstan dated January 23, 2001 No. 148-II; with amendments "
         "and additions as of 01/10/2020",
         note="Day/month order of 01/10/2020 is ambiguous."),
    dict(ref_no=6, authors=None,
         title="On Administrative and Territorial Construction of the Republic of Kazakhstan", year=1993,
         publisher=None, url="https://adilet.zan.kz/eng/index/docs/dt=1993-", kind="law",
         details="dated December 8, 1993 No. 2572-XII",
         note="The URL is cut off after 'dt=1993-' and the opening quote mark of the title is never closed."),
    dict(ref_no=7, authors=None, title="The Constitution of the Republic of Kazakhstan", year=None,
         publisher="Information and legal system of normative legal acts of the Republic of Kazakhstan",
         url="http://adilet.zan.kz/rus/docs/K950001000", access_date_printed="02/23/2024", access_date="2024-02-23",
         kind="constitution", details="56 p. p. 47.",
         note="'56 p. p. 47.' is garbled: perhaps 56 pages in all, page 47 cited. Access date in month/day order."),
    dict(ref_no=8, authors=None,
         title="Kazakhstan - 2030 Prosperity, security and improvement of the well-being of all Kazakhstanis",
         year=1997, publisher=None, url="https://adilet.zan.kz/rus/docs/K970002030_", kind="strategy",
         details="The Message of the President of the country to the people of Kazakhstan in 1997",
         note="Trailing underscore in the URL kept as printed."),
    dict(ref_no=9, authors="Emelyanov N.A.", title="Local self-government: problems, searches, solutions: monograph",
         year=1997, publisher="M.; Tula: Tigimus", url=None, kind="book", details="233 p."),
    dict(ref_no=10, authors="E. Adasbayev, A. Kantarbayeva",
         title="Decentralization of public administration in Kazakhstan: problems and solutions", year=2000,
         publisher="AIPari", url=None, kind="journal article",
         details="Doctor of Economics (Kyoto University) 28 AIPari No. 3-4 2000.",
         note="Details garbled: a degree and affiliation run into the journal name; '28' may be a page."),
    dict(ref_no=11, authors="Bogatyreva O.N.", title="Decentralization processes in European countries", year=2018,
         publisher="Electronic supplement to the “Russian Law Journal”", url="https://electronic.ruzh.org/?q=ru/node/1146",
         kind="journal article", details="No. 2, 2018 p. 18. P. 5.",
         note="'No. 2, 2018' is printed both before and after the URL; 'p. 18. P. 5.' is unclear (perhaps 18 pages, page 5 cited)."),
    dict(ref_no=12, authors=None,
         title="The Polish Way of Decentralization. Local Self-Government in 1990-2006", year=2006,
         publisher="Bolechovice", url=None, kind="edited book", details="ed. R. Stannik; 306 p.",
         note="Cited in the text as [12] and [12, p. 132]."),
    dict(ref_no=13, authors="Zhumagulov E., Evdokimov N.",
         title="Models of local self-government organization: international experience", year=2021,
         publisher="Қоғам және дәуір", url=None, kind="journal article", details="№2(70). – Б. 6-18.",
         note="'Б.' is the Kazakh abbreviation for pages."),
    dict(ref_no=14, authors="Midelsky S. L.", title="Local self-government in Turkey and its importance for Kazakhstan",
         year=None, publisher=None,
         url="https://www.regionacadem.org/index.php?option=com_content&view=article&id=887&Itemid=12&lang=ru",
         access_date_printed="27.02.2024r,", access_date="2024-02-27", kind="web article", details=None,
         note="No space between the title and 'URL:'; the date 27.02.2024 is read as the access date."),
    dict(ref_no=15, authors="Komarov O.E.",
         title="Problems and prospects of institutionalization of local self-government in the Republic of Kazakhstan",
         year=2016, publisher="Pavlodar: PGPI", url=None, kind="book", details="Monograph; 160 p.",
         note="Cited in the text as [15, 18 p.], which is ambiguous (page 18 or 18 pages)."),
    dict(ref_no=16, authors="Burlakov L.N.", title="Local government and self-government", year=2002,
         publisher="Astana: Academy of State Services under the President of the Republic of Kazakhstan", url=None,
         kind="book", details="94 p. 91, pp. 44-46.",
         note="'94 p. 91, pp. 44-46.' is garbled; the text also cites p. 58 and spells the name 'Burlakova'."),
    dict(ref_no=17, authors="Kaliev D.E.", title="Problems of accountability of executive bodies in Kazakhstan",
         year=2014, publisher="Kazakhstan-Spectrum", url=None, kind="journal article",
         details="2014/3 (p. 69). From 48.", note="'(p. 69). From 48.' is garbled (perhaps pages 48-69)."),
]
for r in REFS:
    r.update(section="REFERENCES", locator=f"reference list, item {r['ref_no']}")
table("references", "References",
      "The 17 entries of the reference list, split into fields, kept as printed.",
      [F("ref_no", "integer", "Number in the reference list.", required=True, unique=True, minimum=1, maximum=17),
       F("kind", desc="Kind of source, this edition's classification.", required=True,
         enum=["web page", "web article", "presidential address", "law", "constitution", "strategy", "book",
               "edited book", "journal article"]),
       F("authors", desc="Authors as printed (empty when none is printed)."),
       F("title", desc="Title as printed.", required=True),
       F("year", "integer", "Year of publication or adoption as printed.", minimum=1990, maximum=2030),
       F("publisher", desc="Publisher, place, journal or database, as printed."),
       F("url", desc="Web address as printed (may be truncated; see note)."),
       F("access_date_printed", desc="Date of access as printed."),
       F("access_date", "date", "Date of access in ISO 8601 (this edition's reading)."),
       F("details", desc="Other bibliographic details as printed (pages, issue, edition)."),
       ],
      REFS, ["ref_no"])

CIT = [
    ("Introduction", "President orders decentralization and a compact government apparatus", 1, None),
    ("Introduction", "quoted remarks on sectoral ministers and reforming the PM's office", 2, None),
    ("Introduction", "quoted remark on housing and urban infrastructure", 3, None),
    ("Research methods", "after the authors of the theoretical basis (Kopobaeva)", 5, None),
    (D, "three generally accepted types of decentralization", 4, None),
    (D, "self-government by the community and through maslikhats", 5, None),
    (D, "units of the law on administrative-territorial structure", 6, None),
    (D, "akimats carry out national policy while serving local development", 5, "p. 3"),
    (D, "appointment of akims and the one-fifth no-confidence rule", 7, None),
    (R, "Kazakhstan-2030 on decentralization", 8, None),
    (R, "three models of local government and their features", 9, None),
    (R, "factors of readiness to decentralize", 10, None),
    (R, "forms of decentralization in the EU", 11, None),
    (R, "Poland's three-tier system and gmina heads", 12, None),
    (R, "Poland: 40% of the state budget and 60% of investment", 12, "p. 132"),
    (R, "Finland's municipal freedom experiment", 13, None),
    (R, "Turkey's four-tier municipal structure", 14, None),
    (R, "decentralization must be gradual and adjusted", 15, "18 p."),
    (R, "regional level as an intermediate link", 16, "p. 44-46"),
    (R, "Burlakov's tasks for local management", 16, "p. 58"),
    (R, "need for a balanced, conservative approach", 17, None),
    (R, "identical functions worded differently in the law", 16, "p. 58"),
]
_crows = []
_cnt: dict[str, int] = {}
for i, (sec, ctx, ref, pages) in enumerate(CIT, 1):
    _cnt[sec] = _cnt.get(sec, 0) + 1
    ps = pe = None
    if pages:
        digits = pages.replace("p.", "").strip().split()[0]
        a, _, b = digits.partition("-")
        ps, pe = int(a), int(b or a)
    note = None
    if pages == "18 p.":
        note = ("Ambiguous: in the reference style '18 p.' means a length of 18 pages, but reference 15 has "
                "160 pages; read here as page 18.")
    if ref == 5 and sec == "Research methods":
        note = "Printed as '[5].' after Kopobaeva; reference 5 is the Law, so the pointer is doubtful."
    printed = f"[{ref}, {pages}]" if pages else f"[{ref}]"
    _crows.append({"citation_id": i, "ref_no": ref, "cited_as": printed, "pages": pages, "page_start": ps,
                   "page_end": pe, "pages_ambiguous": pages == "18 p.", "context": ctx, "section": sec,
                   "locator": f"citation {_cnt[sec]} of the section", "note": note})
table("citations", "In-text citations",
      "Every bracketed citation in the text, in reading order. ref_no is as printed and is deliberately not a "
      "foreign key, since a cited number need not exist in the list.",
      [F("citation_id", "integer", "Order of the citation in the text.", required=True, unique=True, minimum=1),
       F("ref_no", "integer", "Reference number as printed.", required=True, minimum=1),
       F("cited_as", desc="The citation as printed, brackets included.", required=True),
       F("pages", desc="Page part of the citation as printed; empty when none."),
       F("page_start", "integer", "First page cited (this edition's reading).", minimum=1),
       F("page_end", "integer", "Last page cited (this edition's reading).", minimum=1),
       F("pages_ambiguous", "boolean", "True when the printed page part can be read in more than one way.",
         required=True),
       F("context", desc="What the cited passage says, in this edition's words.", required=True)],
      _crows, ["citation_id"])

# ---------------------------------------------------------------------------
PACKAGE = {
    "profile": "tabular-data-package",
    "name": "kazakhstan-decentralization-2024",
    "title": "Decentralization of power in Kazakhstan: the article's facts as data",
    "description": (
        "Every fact, figure, list and reference of the article 'Decentralization of power in Kazakhstan: current "
        "state and development prospects' (Sheriyazdanov, Kalenova, Kakimov, Omirzakova), as tidy tables. "
        "Numbers are as printed; each row names the article's section and a locator; contradictions of the "
        "printed text are kept and explained in note columns. Texts are this edition's short paraphrases, "
        "except columns documented as verbatim. Survey counts are this edition's derivation (see README.md)."),
    "version": "1.0.0",
    "homepage": "",
    "keywords": ["Kazakhstan", "decentralization", "local self-government", "akimat", "maslikhat",
                 "expert survey"],
    "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                  "title": "Creative Commons Attribution 4.0"}],
    "sources": [{"title": "Decentralization of power in Kazakhstan: current state and development prospects",
                 "authors": "Baurzhan Sheriyazdanov, Tengesh Kalenova, Kuandyk Kakimov, Dinara Omirzakova",
                 "description": "The source article (English text with Kazakh and Russian abstracts); the only "
                 "source of every fact in this package."}],
    "contributors": [
        {"title": "Baurzhan Sheriyazdanov", "role": "author"},
        {"title": "Tengesh Kalenova", "role": "author", "email": "kalenovats@mail.ru"},
        {"title": "Kuandyk Kakimov", "role": "author"},
        {"title": "Dinara Omirzakova", "role": "author"},
        {"title": "Open edition team (data tables)", "role": "wrangler"},
    ],
}
PACKAGE.pop("homepage")


def update_readme(rows_by_table):
    """Rewrite the table list of data/README.md between its two marker comments."""
    path = DATA / "README.md"
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    start, end = "<!-- tables:start -->", "<!-- tables:end -->"
    if start not in text or end not in text:
        return
    lines = [start, "", "| table | rows | what it holds |", "|---|---:|---|"]
    lines += [f"| `{name}` | {n} | {desc} |" for name, n, desc in rows_by_table]
    lines += ["", end]
    head, rest = text.split(start, 1)
    tail = rest.split(end, 1)[1]
    path.write_text(head + "\n".join(lines) + tail, encoding="utf-8", newline="\n")


def main():
    resources = []
    for res in RESOURCES:
        write_csv(res)
        r = {k: v for k, v in res.items() if k != "_rows"}
        resources.append(r)
    PACKAGE["resources"] = resources
    (DATA / "datapackage.json").write_text(json.dumps(PACKAGE, ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8", newline="\n")
    update_readme([(r["name"], len(r["_rows"]), r["description"]) for r in RESOURCES])
    print(f"wrote {len(resources)} tables: " + ", ".join(f"{r['name']}({len(r['_rows'])})" for r in RESOURCES))


if __name__ == "__main__":
    main()
