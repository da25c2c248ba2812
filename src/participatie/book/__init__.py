"""The book layer: chapters and the whole book on validated data, the appendices, the Sphinx extension."""

from .book import Book, open_book
from .chapter import Chapter, open_chapter

__all__ = ["Book", "Chapter", "open_book", "open_chapter"]
