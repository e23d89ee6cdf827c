"""Shared code of the reproducible edition of "Decentralization of power in Kazakhstan".

Modules: ``paths`` (where things are), ``data`` (loading and validating the data package),
``charts`` (a package: ``charts.core`` holds the one chart look and the HTML of a chart, one
module per subject builds the charts), ``shaping`` (tables shaped for charts and chapters),
``stats`` (survey statistics), ``explorer`` (the notebook's ipywidgets explorer), ``audit``
(a package: the article's inconsistencies), ``prose`` (lists, dates, tables and Markdown for
the chapters, ``glue_many``), ``cells`` (single table cells as integers or labels),
``sphinxext`` (build-time machinery of the book).
"""

__version__ = "1.0.0"
