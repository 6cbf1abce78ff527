"""Helpers shared by the tests: browsers, Markdown rendering, the guidance text, editions."""
