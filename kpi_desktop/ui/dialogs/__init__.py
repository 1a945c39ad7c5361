"""Dialogs: login, first-run wizard and the forms pages open."""
