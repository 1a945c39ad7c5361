"""PySide6 user interface.

Importing this package applies `qt_compat.protect_none()`: PySide6 6.12 on CPython 3.11 loses one
reference to `None` each time an invalid QVariant crosses to or from Python (a model's `data()`
returning None, `index.data()` with no value). After a few thousand such calls the interpreter aborts
with "none_dealloc"; each `Signal.emit()` from Python loses one reference to `True` the same way
("bool_dealloc"). CPython 3.12+ makes None, True and False immortal, so there it does nothing.
"""

from kpi_desktop.ui.qt_compat import protect_none

protect_none()
