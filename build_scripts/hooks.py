"""MkDocs hooks of the guidance site: event handlers that hand each build to ``pipeline``.

- on_startup: ``mkdocs serve`` or a build;
- on_config: with ``GUIDANCE_SEARCH_AS_SHIPPED=1`` (``make bench`` only: the theme's search as it
  ships, to measure ours against), the search plugin's separator and pipeline are the theme's
  defaults and the pipeline leaves search alone (``pipeline.EditionBuild.search_as_shipped``);
  unless ``make site`` (``publish.py``) says which edition this build is, it
  is the latest edition of ``editions/editions.toml``; the latest's renumbering is what every
  checklist loaded in this build follows (``calculators.model.follow_renumbering``; none for an
  older edition's build, and none again after the build);
- on_page_content: the pipeline reads each page (search entries, editorial items, change marks);
- on_post_build (after the search plugin): the pipeline's edition steps, then, for a plain
  ``mkdocs build`` (not served, not one edition of ``make site``), its site steps.

The state of the build in progress lives on one ``Hooks`` object.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from build_scripts import pipeline
from build_scripts.editions.model import edition_extra, load_editions
from build_scripts.lib.errors import BuildError
from build_scripts.lib.paths import CALCULATORS, EDITIONS_FILE
from build_scripts.offline.service_worker import search_langs
from calculators.model import follow_renumbering

# make bench's comparison build: the theme's search as it ships (never for a published site).
SEARCH_AS_SHIPPED = os.environ.get("GUIDANCE_SEARCH_AS_SHIPPED") == "1"


class Hooks:
    """The hooks' state: whether this is ``mkdocs serve``, and the edition being built."""

    def __init__(self) -> None:
        self.serving = False
        self.build: pipeline.EditionBuild | None = None

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @event_priority(100)  # before the search plugin fills in its defaults
    def on_config(self, config):
        if SEARCH_AS_SHIPPED:
            search = config["plugins"]["material/search"].config
            search.separator = search.pipeline = None
        if "edition_id" not in config["extra"]:  # not one edition of ``make site``
            root = _root(config)
            editions = load_editions(root / EDITIONS_FILE, root)
            config["extra"].update(edition_extra(editions, len(editions) - 1, published=False))
        latest = config["extra"]["edition_is_latest"]  # the checklists cite the renumbered ids
        follow_renumbering(config["extra"]["edition_renumbered"] if latest else {})
        return config

    def on_pre_build(self, config) -> None:
        extra = config["extra"]
        self.build = pipeline.EditionBuild(
            site=Path(config["site_dir"]),
            docs=Path(config["docs_dir"]),
            root=_root(config),
            edition=extra["edition"],
            latest=extra["edition_is_latest"],
            serving=self.serving,
            marks=extra["edition_marks"],
            removed=tuple(extra["edition_removed"]),
            renumbered=dict(extra["edition_renumbered"]),
            search_as_shipped=SEARCH_AS_SHIPPED,
        )

    def on_shutdown(self) -> None:
        follow_renumbering(None)

    def on_page_content(self, html: str, page, config, files) -> str:
        return self.build.read_page(html, page.url, get_relative_url("what-changed/", page.url))

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, config) -> None:
        try:
            pipeline.run_edition(self.build)
            if not self.serving and not config["extra"]["edition_published"]:
                pipeline.run_site(
                    pipeline.Site(self.build.site, self.build.root, search_langs(config))
                )
        except BuildError as error:
            raise PluginError(str(error)) from error

    def on_serve(self, server, config, builder):
        """Live reload also when a checklist definition or the calculators change."""
        server.watch(str(_root(config) / CALCULATORS))
        return server


def _root(config) -> Path:
    return Path(config["config_file_path"]).resolve().parent


_hooks = Hooks()
on_startup = _hooks.on_startup
on_config = _hooks.on_config
on_pre_build = _hooks.on_pre_build
on_page_content = _hooks.on_page_content
on_post_build = _hooks.on_post_build
on_serve = _hooks.on_serve
on_shutdown = _hooks.on_shutdown
