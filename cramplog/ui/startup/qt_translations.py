"""Qt's own words (OK, Cancel, Close, the date picker's) in the language cramplog speaks."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from cramplog.core import translation


def install(app: QApplication) -> str | None:
    """Load Qt's catalogue for cramplog's language; the language loaded, or None.

    Only when cramplog itself speaks a language other than English: Qt's words alone in
    German beside cramplog's in English would read worse than English throughout. Qt's
    catalogues come with PySide6 (its `translations` folder).
    """
    wanted = translation.language()
    if wanted is None:
        return None
    from PySide6.QtCore import QLibraryInfo, QTranslator

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    for name in dict.fromkeys((wanted, wanted.split("_")[0])):
        if translator.load(f"qtbase_{name}", folder):
            app.installTranslator(translator)
            return name
    return None
