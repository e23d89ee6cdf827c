"""Shared code of the reproducible edition of "Decentralization of power in Kazakhstan".

Modules: ``paths`` (where things are), ``data`` (loading and validating the data package),
``theme`` and ``charts`` (one chart look, chart builders and their HTML), ``stats``
(survey statistics), ``sphinxext`` (build-time machinery of the book).
"""

__version__ = "1.0.0"
