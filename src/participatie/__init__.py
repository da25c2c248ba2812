"""Helper package of the book on work and income policy for people with an occupational disability."""

__version__ = "0.3.0"
