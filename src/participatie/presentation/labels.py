"""Every piece of Dutch text a reader sees that is shared across the book (not in the data or one theme).

Chart titles, axis labels and sentences that belong to one theme live in that theme's presentation and
prose modules; the words shared across the book (units, periods, hedges, table headers, source lines,
verdicts, series names) live here.
"""

LOCALE = "nl_NL"

PERIOD_TEXT = {
    "end_of_year": "eind {year}",
    "quarter": "{quarter}e kwartaal {year}",
    "open": "vanaf {start} (structureel)",
}

# How a value of each unit is written in a sentence or a table cell; {n} is the formatted number.
UNIT_TEXT = {
    "aantal": "{n}",
    "personen": "{n}",
    "banen": "{n}",
    "werkplekken": "{n}",
    "adviezen": "{n}",
    "beoordelingen": "{n}",
    "indicaties": "{n}",
    "gemeenten": "{n}",
    "arbeidsjaren": "{n} arbeidsjaren",
    "procent": "{n}%",
    "procentpunt": "{n} procentpunt",
    "euro": "€ {n}",
    "euro_mln": "€ {n} mln",
    "euro_mld": "€ {n} mld",
    "uren_per_week": "{n} uur per week",
    "maanden": "{n} maanden",
    "jaren": "{n} jaar",
}

# Axis titles for units (a chart shows one unit on its value axis).
UNIT_AXIS = {
    "aantal": "Aantal",
    "personen": "Personen",
    "banen": "Banen",
    "werkplekken": "Werkplekken",
    "adviezen": "Adviezen",
    "beoordelingen": "Beoordelingen",
    "indicaties": "Indicaties",
    "gemeenten": "Gemeenten",
    "arbeidsjaren": "Arbeidsjaren",
    "procent": "Procent",
    "procentpunt": "Procentpunt",
    "euro": "Euro",
    "euro_mln": "Miljoen euro",
    "euro_mld": "Miljard euro",
    "uren_per_week": "Uur per week",
    "maanden": "Maanden",
    "jaren": "Jaar",
}

# Field types of the data dictionary (Frictionless Table Schema types) as a reader says them.
TYPE_TEXT = {
    "string": "tekst",
    "number": "getal",
    "integer": "geheel getal",
    "boolean": "ja/nee",
    "date": "datum",
    "year": "jaartal",
    "yearmonth": "jaar en maand",
    "datetime": "datum en tijd",
    "any": "willekeurig",
}

# The numbers one to twenty in words (running text writes these in words, tables and charts in digits).
NUMBER_WORDS = (
    "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien", "twintig",
)  # fmt: skip

QUALIFIER_TEXT = {
    "circa": "circa",
    "bijna": "bijna",
    "ruim": "ruim",
    "meer_dan": "meer dan",
    "minder_dan": "minder dan",
    "ten_minste": "ten minste",
    "maximaal": "maximaal",
}

COLUMN_TEXT = {
    "label": "Indicator",
    "category": "Groep",
    "period_label": "Periode",
    "value": "Waarde",
    "value_text": "Waarde",
    "source": "Bron",
    "page": "Pagina",
    "section": "Paragraaf",
    "note": "Toelichting",
    "derived": "Berekend in de brief",
    "claim": "Bewering",
    "printed": "Gedrukt",
    "recomputed": "Herberekend",
    "tolerance": "Marge",
    "verdict": "Oordeel",
    "letter": "Brief",
    "difference": "Verschil",
    "kind": "Soort verschil",
    "formula": "Berekening",
}

VERDICT_TEXT = {
    "klopt": "klopt",
    "afwijking": "wijkt af",
    "aanname": "niet vergelijkbaar (berust op een aanname)",
    "afgerond": "klopt op afronding",
    "niet_te_berekenen": "niet te berekenen",
}

# The kind of a difference between letters (figures.revisions).
REVISION_KIND_TEXT = {
    "conflict": "tegenstrijdig",
    "forecast": "raming vervangen door uitkomst",
    "rounding": "afronding",
}

SOURCE_LINE = "Bron: {sources}."
EMPTY_TEXT = "Geen."
TABLE_LABEL = "Tabel (horizontaal te schuiven)"
SOURCE_ITEM = "{chamber}, {reference} ({date})"
TABLE_SUMMARY = "Gegevens bij deze grafiek"
DOWNLOAD_TEXT = "Download de gegevens:"
DERIVED_MARK = "berekend"
# Series names that set a figure printed in a letter apart from one the book computes.
PRINTED, COMPUTED = "gedrukt in de brief", "eigen berekening"
# A value from a letter newer than the text of its chapter (an edition on newer data): drawn apart.
NEWER_LETTER = "uit een nieuwere brief"
# A municipal edition: its figures are the municipality's own, printed in no letter.
MUNICIPAL_SOURCE_LINE = "Bron: cijfers per gemeente uit {files}; de brieven geven alleen landelijke cijfers."
MUNICIPAL_FIGURE = "cijfer van de gemeente (niet uit een brief)"
NATIONAL_ONLY = (
    "Geen: de rekencontrole en de revisies gaan over de landelijke cijfers die de brieven drukken; "
    "deze gemeentelijke editie toont ze niet."
)
INTERPOLATION_MARK = "interpolatie, geen brongegeven"

# The print edition (book.pdf): the link on every web page, the title page, contents and page references.
PRINT_LINK = "Printversie (PDF)"
PRINT_EDITION = "Editie van {date}"
PRINT_EDITION_NOTE = "de datum van de nieuwste brief in de gegevens van dit boek"
PRINT_VERSION = "Versie {version} van het pakket participatie"
PRINT_WEB_NOTE = "De webversie van dit boek heeft dezelfde inhoud, met uitklapbare code en de gegevens om te downloaden."
PRINT_CONTENTS = "Inhoud"
PRINT_SEE_PAGE = "zie p."
PRINT_PAGE = "p."
