"""The build room of the edition: the machinery that turns the chapters into the book.

Chapters never import this package; it imports the content room (:mod:`kzdecentral`), never
the reverse.

Modules: ``build`` (``python -m kzbuild.build``, what ``make book`` runs: executes the stale
chapters in parallel into the cache, then runs Jupyter Book), ``chapters`` (the chapters of
``_toc.yml`` and the notebooks myst-nb makes of them), ``fingerprint`` (the execution
fingerprint: the data files a chapter reads and the whole content room), ``settings`` (the
execution settings, read from ``_config.yml``), ``run`` (``python -m kzbuild.run book/x.md``:
a chapter on its own), the Sphinx extensions ``sphinxext`` (page assets and post-processing),
``downloads`` (notebook and data downloads) and ``bibstyle`` (the bibliography style), with
their static files in ``static/``; ``repo_copy`` and ``browse`` (copies of the repository built
in a temporary folder, and the pages of a built book, for the tests and the benchmark).
"""
