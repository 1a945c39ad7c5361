"""Shipped data: catalogues, rule sets, fonts, translations."""
