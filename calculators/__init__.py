"""Checklists for the guidance: definitions as data, one strict evaluator, plain-text records.

Standard library only: this package runs unchanged in CPython (tests) and in Pyodide (browser).
"""

from calculators.errors import ChecklistError
from calculators.evaluator import evaluate
from calculators.model import Checklist, checklist_ids, load_checklist

__all__ = ["Checklist", "ChecklistError", "checklist_ids", "evaluate", "load_checklist"]
