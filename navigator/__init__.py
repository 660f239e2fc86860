"""The navigator: a single point of access to Bradford's early years mental health system."""

__version__ = "0.1.0"
