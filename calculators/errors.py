"""The one error type of the calculators: what was wrong, where, and what was expected."""

from __future__ import annotations


class ChecklistError(ValueError):
    """Bad input to a checklist: an unknown checklist, item or answer, or a payload of the wrong
    shape. ``field`` names where (e.g. ``answers.images-of-own-children``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}
