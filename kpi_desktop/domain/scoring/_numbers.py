"""Exact arithmetic for the engine.

Every intermediate value is a `Fraction` (exact, so 1/3 stays 1/3); a figure is rounded only when it
is reported, half-up to 2 decimals, and a level is decided on that rounded figure.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

HUNDRED = Fraction(100)
CENT = Decimal("0.01")


def to_fraction(value: Decimal | int | str | Fraction) -> Fraction:
    if isinstance(value, Fraction):
        return value
    if isinstance(value, Decimal):
        return Fraction(value)
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(Decimal(value))


def round2(value: Fraction) -> Decimal:
    """Half-up to 2 decimals, exactly (no binary float on the way)."""
    scaled = value * 100
    sign = -1 if scaled < 0 else 1
    magnitude = abs(scaled)
    whole, rest = divmod(magnitude.numerator, magnitude.denominator)
    if 2 * rest >= magnitude.denominator:
        whole += 1
    return (Decimal(sign * whole) / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def fmt2(value: Fraction | None) -> str | None:
    """The reported form of a figure: a string with exactly 2 decimals (or None), rounded half-up."""
    if value is None:
        return None
    num, den = value.numerator, value.denominator
    sign = "-" if num < 0 else ""
    cents, rest = divmod(abs(num) * 100, den)
    if 2 * rest >= den:
        cents += 1
    if cents == 0:
        sign = ""
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def fmt_plain(value: Fraction) -> str:
    """A human form for explanations: up to 4 decimals, trailing zeros removed, comma decimal mark."""
    dec = Decimal(value.numerator) / Decimal(value.denominator)
    text = format(dec.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP).normalize(), "f")
    return text.replace(".", ",")


def fmt_vi(value: Fraction | Decimal) -> str:
    """A reported figure in Vietnamese notation (comma decimal mark), 2 decimals."""
    dec = round2(value) if isinstance(value, Fraction) else value.quantize(CENT, rounding=ROUND_HALF_UP)
    return str(dec).replace(".", ",")
