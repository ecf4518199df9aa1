"""Comptoir's core: the counter's rules and its local store. Imports no Qt."""

__version__ = "0.1.0"
