"""Localisation: numerals, dates, session lines, number formats and the toolkit's own message catalogs."""
