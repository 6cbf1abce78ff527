"""Python-Markdown extensions of the guidance site, one per module."""
