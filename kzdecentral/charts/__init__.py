"""The charts of the book: a small core and one module per subject.

``charts.core`` holds the one look of every chart (the theme) and :func:`show`, which wraps
an Altair chart into the HTML the book shows (static SVG, live Vega view, text description,
CSV download, cite line). The subject modules build the charts the chapters show:

* ``charts.survey``: ``shares`` (Figure 1 rebuilt), ``differences``, ``intervals_at``;
* ``charts.timeline``: ``stages`` (the history chapter's timeline);
* ``charts.tiers``: ``side_by_side`` (tiers of local government of several countries);
* ``charts.models``: ``feature_matrix`` (features of the models of local government);
* ``charts.units``: ``by_level`` (administrative-territorial units);
* ``charts.coding``: ``matrix`` (which problem each recommendation answers).

A chapter writes ``from kzdecentral import charts`` and calls ``charts.survey.shares(...)``.
The tables the charts are drawn from are shaped in :mod:`kzdecentral.shaping`.
"""

from . import coding, core, models, survey, tiers, timeline, units
from .core import ChartHTML, show

__all__ = ["ChartHTML", "coding", "core", "models", "show", "survey", "tiers", "timeline", "units"]
