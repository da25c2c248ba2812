"""Putting computed Dutch text into a notebook's prose (MyST-NB glue) and notes at the top of a page."""

from __future__ import annotations


def glue_texts(texts: dict[str, str]) -> None:
    """Make each Dutch text available to the prose as {glue:md}`name` (texts are Markdown made by the package)."""
    from IPython.display import Markdown
    from myst_nb import glue

    for name, text in texts.items():
        glue(name, Markdown(text), display=False)


def note(parts: list[str]):
    """Return paragraphs as one Markdown block quote (None when there are none, so nothing shows)."""
    from IPython.display import Markdown

    return Markdown("\n>\n".join(f"> {part}" for part in parts)) if parts else None
