"""Where things are: the project, docs-folder and built-site paths the build, the developer tools
and the tests name, in one place.

``ROOT`` is the project folder. The other project paths are relative to a project folder (join
them to ``ROOT``, or to a copy of the project in the tests); the names under "inside a docs
folder" and "inside a built site" are joined to whichever edition or site is being built. A file
that sits beside the one module that reads it (``run_cases.mjs``, ``service_worker.mjs``,
``stdlib-keep.txt``) is named in that module.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Inside a project folder.
DOCS = Path("docs")
MKDOCS_YML = Path("mkdocs.yml")
EDITIONS = Path("editions")  # the metadata file and the frozen editions' folders
EDITIONS_FILE = EDITIONS / "editions.toml"
SITE = Path("site")  # make site's output
CALCULATORS = Path("calculators")
PYODIDE_NPM = Path("node_modules") / "pyodide"
BUNDLE_CACHE = Path("build") / "pyodide-cache"
NGINX = Path("build") / "hosting" / "nginx.conf"
REPORT = Path("reports") / "editorial-report.md"

# Inside a docs folder.
DATA = "_data"
LINK_REGISTRY = f"{DATA}/links.toml"
EDITORIAL_NOTES = f"{DATA}/editorial.toml"
GLOSSARY = f"{DATA}/glossary.toml"
SEARCH_TERMS = f"{DATA}/search_terms.toml"  # the site's search names (IIOC) beside the glossary's

# Inside a built site (relative to an edition's folder or to the site's root).
HEADERS_FILE = "_headers"
SERVICE_WORKER = "sw.js"
APP_MANIFEST = "manifest.json"  # beside the worker, with its icons in icons/
NOT_FOUND = "404.html"
SEARCH_INDEX = "search/search_index.json"
SEARCH_WORKERS = "assets/javascripts/workers"
PYTHON_RUNTIME_MODULE = "assets/js/python-runtime.js"  # names the bundle's folder: the build's key
PYODIDE_ASSETS = "assets/pyodide"
LATEST = "latest"
SHORT_LINKS = "p"
