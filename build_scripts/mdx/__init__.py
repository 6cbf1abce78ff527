"""The site's Python-Markdown extensions, one per module; shared helpers in ``_html``."""
