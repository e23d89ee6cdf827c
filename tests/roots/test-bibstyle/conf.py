# A tiny project for the unit tests of kzbuild.bibstyle (tests/test_sphinx_extensions.py).
project = "kzbuild bibstyle fixture"
extensions = ["sphinxcontrib.bibtex", "kzbuild.bibstyle"]
bibtex_bibfiles = ["refs.bib"]
bibtex_default_style = "kzdec"
bibtex_reference_style = "label"
