"""The one error type of the build: every step raises it, with a message that says what to do."""

from __future__ import annotations


class BuildError(Exception):
    """The site cannot be built as it stands; the message says why and what to change.

    The hooks turn it into MkDocs' ``PluginError``; ``make site`` and the other commands print
    it and exit 1.
    """
