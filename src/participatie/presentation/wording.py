"""Transitional: the names the theme modules still import; the words live in `presentation.vocabulary`."""

from .vocabulary import change, comparison, higher_lower  # noqa: F401 - re-exported


def joined(items: list[str], last: str = "en") -> str:
    """Return Markdown items as a Dutch enumeration: a, b en c (the items are not escaped again)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"
