"""The journeys, written once against tests/engines/driver.py and run in every engine."""

from __future__ import annotations
