"""The engine: a pure function from a pathway, a directory and answers to the next question or
a result. It imports nothing from the web, the database or the search index."""

from navigator.engine.navigate import navigate
from navigator.engine.outcome import Ask, Outcome, Result

__all__ = ["Ask", "Outcome", "Result", "navigate"]
