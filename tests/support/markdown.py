"""Render Markdown with the site's own extensions, as mkdocs.yml configures them."""

from __future__ import annotations

import markdown
import yaml

from build_scripts.lib.paths import ROOT


def site_extensions() -> tuple[list[str], dict]:
    """The markdown_extensions of mkdocs.yml, as (names, configs)."""

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses MkDocs' own !ENV tag; it does not matter here.
    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            ((name, options),) = entry.items()
            names.append(name)
            configs[name] = {
                k: str(ROOT / v) if k in {"registry", "terms"} else v
                for k, v in (options or {}).items()
            }
        else:
            names.append(entry)
    return names, configs


def render(text: str, only: list[str] | None = None) -> str:
    """HTML of ``text`` with the site's extensions (or just those named in ``only``)."""
    names, configs = site_extensions()
    if only is not None:
        names = [n for n in names if n in only or n.rsplit(".", 1)[-1] in only]
    md = markdown.Markdown(
        extensions=names, extension_configs={k: v for k, v in configs.items() if k in names}
    )
    return md.convert(text)
