"""The period chooser shared by the pages that work on one evaluation period."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox

from kpi_desktop.ui.labels import period_state_label


def fill_period_combo(combo: QComboBox, periods: Sequence[Any], current: str | None) -> None:
    """List `periods` (objects with `code` and `state`) in `combo` without emitting change signals, keep
    `current` selected when it is still there, else select the latest period that is not locked (the
    one being worked on), else the latest one. The caller reacts to the new selection itself."""
    combo.blockSignals(True)
    combo.clear()
    for p in periods:
        combo.addItem(f"{p.code} — {period_state_label(p.state)}", p.code)
    index = combo.findData(current) if current else -1
    if index < 0 and periods:
        open_ones = [i for i, p in enumerate(periods) if p.state != "locked"]
        index = open_ones[-1] if open_ones else len(periods) - 1
    combo.setCurrentIndex(index)
    combo.blockSignals(False)
