"""Reusable widgets: tables, charts, form fields with messages next to them."""
