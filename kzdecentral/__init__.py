"""Shared code of the reproducible edition of "Decentralization of power in Kazakhstan".

This is the content room: the code the chapters import. Modules: ``paths`` (where things are,
and which data files were read), ``data`` (loading and validating the data package),
``datapackage`` (``make data``: the package checked, what is derived rewritten), ``charts`` (a
package: ``charts.core`` holds the one chart look and the HTML of a chart, one module per subject
builds the charts), ``shaping`` (tables shaped for charts and chapters), ``stats`` (survey
statistics), ``explorer`` (the notebook's ipywidgets explorer), ``audit`` (a package: the
article's inconsistencies), ``prose`` (lists, dates, tables and Markdown for the chapters,
``glue_many``), ``cells`` (single table cells as integers or labels), ``coding``, ``lookup``,
``cite``. The build machinery is the sibling package ``kzbuild``, which chapters never import
and which this package never imports.
"""

__version__ = "1.0.0"
