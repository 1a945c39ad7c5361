"""Qt Linguist translations for the GUI.

Our source strings are Vietnamese. Vietnamese (the default) loads `kpi_desktop_qtbase_vi.qm`, our
own translation of Qt's standard texts (OK, Cancel, Yes, the wizard buttons…), because Qt ships no
`qtbase_vi.qm`. English loads `kpi_desktop_en.qm` (our strings in English); Qt's own texts are English.

Updating the English file after changing GUI strings (then translate the new entries in Qt Linguist,
`pyside6-linguist`, and compile):

    pyside6-lupdate kpi_desktop/app.py $(find kpi_desktop/ui -name '*.py') -no-obsolete \
        -source-language vi_VN -target-language en_US -ts kpi_desktop/resources/i18n/kpi_desktop_en.ts
    pyside6-lrelease kpi_desktop/resources/i18n/kpi_desktop_en.ts
    pyside6-lrelease kpi_desktop/resources/i18n/kpi_desktop_qtbase_vi.ts

Domain labels reach lupdate through `ui/label_strings.py` (`python -m kpi_desktop.ui.labels`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

import kpi_desktop.resources

I18N_DIR = Path(kpi_desktop.resources.__file__).resolve().parent / "i18n"
LANGUAGES = ("vi", "en")

_installed: list[QTranslator] = []


def qm_files(lang: str) -> list[Path]:
    if lang == "en":
        return [I18N_DIR / "kpi_desktop_en.qm"]
    return [I18N_DIR / "kpi_desktop_qtbase_vi.qm"]


def install_translators(app: QCoreApplication, lang: str) -> list[Path]:
    """Replace the translators installed by an earlier call; returns the .qm files loaded."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    loaded: list[Path] = []
    for path in qm_files(lang):
        translator = QTranslator(app)
        if path.exists() and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(path)
    locale = QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Vietnamese,
                     QLocale.Country.UnitedStates if lang == "en" else QLocale.Country.Vietnam)
    QLocale.setDefault(locale)
    return loaded
