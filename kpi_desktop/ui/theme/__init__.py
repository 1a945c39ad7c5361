"""Look of the application: bundled fonts, palette tweaks and the application icon."""
