"""Financiering van bijstand en re-integratie: the theme's record (see `themes.record.Theme`)."""

from ..record import Theme
from .checks import CHECKS
from .facts import facts

THEME = Theme(name="bijstand_financiering", facts=facts, prefix="bf", checks=CHECKS)
