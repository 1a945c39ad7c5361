"""PDF (reportlab) and spreadsheet (openpyxl) output."""
