"""Errors that reach a user carry a Vietnamese message saying what is wrong and what to do."""

from __future__ import annotations


class KpiError(Exception):
    """A problem the user can fix. `message` is Vietnamese (NFC); `field` names the bad input, if any."""

    exit_code = 2

    def __init__(self, message: str, *, field: str | None = None, hint: str | None = None) -> None:
        self.message = message
        self.field = field
        self.hint = hint
        super().__init__(message)

    def user_text(self) -> str:
        parts = []
        if self.field:
            parts.append(f"[{self.field}] ")
        parts.append(self.message)
        if self.hint:
            parts.append(f" — {self.hint}")
        return "".join(parts)


class InputError(KpiError):
    """Malformed or out-of-range input (a file, a form field, a JSON document)."""


class NotFoundError(KpiError):
    """A referenced object does not exist."""


class PermissionDenied(KpiError):
    """The current account's role does not allow the action."""

    exit_code = 3


class StateError(KpiError):
    """The action is not allowed in the object's current state (e.g. a locked period)."""
