"""Shared code of the reproducible edition of "Decentralization of power in Kazakhstan".

This is the content room: the code the chapters import. Modules: ``paths`` (where things
are, and which data files were read), ``data`` (loading and validating the data package),
``theme`` and ``charts`` (one chart look, chart builders and their HTML), ``stats`` (survey
statistics). The build machinery is the sibling package ``kzbuild``, which chapters never
import and which this package never imports.
"""

__version__ = "1.0.0"
