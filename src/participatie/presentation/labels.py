"""The words the whole book shares, read once from `labels.yml` beside this module.

Units, periods, hedges, column headers, verdicts, source lines, marks and the print edition's words live in
`labels.yml` (an editor changes them there); the words of one chapter live in `chapters/<name>.labels.yml`.
This module gives them the names the code uses.
"""

from __future__ import annotations

from pathlib import Path

import yaml

_WORDS = yaml.safe_load((Path(__file__).with_name("labels.yml")).read_text(encoding="utf-8"))

LOCALE = _WORDS["locale"]
PERIOD_TEXT = _WORDS["period_text"]
UNIT_TEXT = _WORDS["unit_text"]
UNIT_AXIS = _WORDS["unit_axis"]
TYPE_TEXT = _WORDS["type_text"]
NUMBER_WORDS = tuple(_WORDS["number_words"])
QUALIFIER_TEXT = _WORDS["qualifier_text"]
COLUMN_TEXT = _WORDS["column_text"]
VERDICT_TEXT = _WORDS["verdict_text"]
REVISION_KIND_TEXT = _WORDS["revision_kind_text"]
SOURCE_LINE = _WORDS["source_line"]
SOURCE_ITEM = _WORDS["source_item"]
EMPTY_TEXT = _WORDS["empty_text"]
TABLE_LABEL = _WORDS["table_label"]
TABLE_SUMMARY = _WORDS["table_summary"]
DOWNLOAD_TEXT = _WORDS["download_text"]
CHART_DOWNLOAD = _WORDS["chart_download"]
PRINTED = _WORDS["printed"]
COMPUTED = _WORDS["computed"]
NEWER_LETTER = _WORDS["newer_letter"]
MUNICIPAL_SOURCE_LINE = _WORDS["municipal_source_line"]
MUNICIPAL_FIGURE = _WORDS["municipal_figure"]
NATIONAL_ONLY = _WORDS["national_only"]
PRINT_LINK = _WORDS["print_link"]
PRINT_EDITION_NOTE = _WORDS["print_edition_note"]
PRINT_WEB_NOTE = _WORDS["print_web_note"]
PRINT_COLOPHON = _WORDS["print_colophon"]
LICENCES = _WORDS["licences"]
PRINT_CONTENTS = _WORDS["print_contents"]
PRINT_SEE_PAGE = _WORDS["print_see_page"]
WEB_EDITION = _WORDS["web_edition"]
WEB_PUBLISHED = _WORDS["web_published"]
WEB_VERSION = _WORDS["web_version"]
BOOK_DESCRIPTION = _WORDS["book_description"]
APPENDIX = _WORDS["appendix"]
CHROME_TEXT = _WORDS["chrome_text"]
TOC_CAPTIONS = _WORDS["toc_captions"]
QUARTER_WORDS = tuple(_WORDS["quarter_words"])
