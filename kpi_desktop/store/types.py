"""Column types shared by the models (and imported by migrations, so keep them stable).

`Dec` keeps exact decimals: scores, quantities, coefficients and money never pass through a binary
float. SQLite has no decimal type, so the value is stored as its canonical text ("95.33"); PostgreSQL
gets a real NUMERIC. Python code always sees `decimal.Decimal`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Dialect, Numeric, String
from sqlalchemy.types import TypeDecorator, TypeEngine


class Dec(TypeDecorator[Decimal]):
    """An exact decimal with `scale` fractional digits (default 2), stored losslessly on every back end."""

    impl = String(40)
    cache_ok = True

    def __init__(self, scale: int = 2, precision: int = 18) -> None:
        super().__init__()
        self.scale = scale
        self.precision = precision
        self._quantum = Decimal(1).scaleb(-scale)

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(Numeric(self.precision, self.scale, asdecimal=True))
        return dialect.type_descriptor(String(40))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("Dec columns refuse floats; pass a Decimal, int or string")
        try:
            number = Decimal(str(value)).quantize(self._quantum)
        except InvalidOperation as exc:
            raise ValueError(f"not a decimal number: {value!r}") from exc
        if dialect.name == "postgresql":
            return number
        return format(number, "f")

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(str(value)).quantize(self._quantum)

    def __repr__(self) -> str:  # how Alembic renders the type in a migration
        return f"Dec(scale={self.scale}, precision={self.precision})"

    @property
    def python_type(self) -> type[Decimal]:
        return Decimal


def utcnow() -> datetime:
    """Naive UTC timestamps (portable between SQLite and PostgreSQL `timestamp without time zone`)."""
    return datetime.now(UTC).replace(tzinfo=None)
