"""How values look on screen: dates dd/mm/yyyy, scores with two decimals and a Vietnamese comma."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from PySide6.QtCore import QLocale


def _decimal_point() -> str:
    return QLocale().decimalPoint()


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


def fmt_number(value: Any, places: int = 2) -> str:
    """Exact decimal text, rounded half-up, with the locale's decimal sign (never via float)."""
    if value is None or value == "":
        return ""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    quantum = Decimal(1).scaleb(-places)
    text = f"{number.quantize(quantum, rounding=ROUND_HALF_UP):f}"
    return text.replace(".", _decimal_point()) if places > 0 else text


def fmt_quantity(value: Any) -> str:
    """A quantity without trailing zeros: 10 → "10", 2.5 → "2,5"."""
    if value is None or value == "":
        return ""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    text = f"{number.normalize():f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", _decimal_point())


def parse_decimal(text: str) -> Decimal | None:
    """Accept "9", "9,5" or "9.5"; None for an empty field; raise ValueError for anything else."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    number = Decimal(text)
    if not number.is_finite():
        raise ValueError(text)
    return number


def fold(text: str) -> str:
    """Search form: lower case, no diacritics, đ → d ("Nguyễn Đức" → "nguyen duc")."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
