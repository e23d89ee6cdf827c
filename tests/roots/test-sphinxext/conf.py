# A tiny project for the unit tests of kzbuild.sphinxext (tests/test_sphinx_extensions.py).
project = "kzbuild sphinxext fixture"
extensions = ["kzbuild.sphinxext"]
html_theme = "sphinx_book_theme"
