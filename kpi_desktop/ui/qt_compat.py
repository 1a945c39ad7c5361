"""Work-arounds for bugs in the Qt binding, each with the reason and how to tell it is still needed."""

from __future__ import annotations

import ctypes
import sys

# Far more lost references than an application could ever cause in one run (one per QVariant).
_NONE_MARGIN = 1 << 40
_protected = False


def protect_none() -> None:
    """Give `None` a huge reference count so that PySide6's lost references can never free it.

    Reproduce: a QAbstractTableModel whose data() returns None; `sys.getrefcount(None)` drops by one
    per `index.data(role)` call made through C++ (checked with PySide6 6.12.0, Python 3.11.7).
    """
    global _protected
    if _protected or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    ctypes.c_ssize_t.from_address(id(None)).value += _NONE_MARGIN
    _protected = True
