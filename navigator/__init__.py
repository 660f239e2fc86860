"""The navigator: a single point of access to a place's early years mental health system (the
content says which place)."""

__version__ = "0.1.0"
