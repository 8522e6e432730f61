"""The GP summary's pages as paper on screen, and the "Saved to …" note above the controls."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final

from PySide6.QtCore import QRect, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cramplog.analysis import report as reports
from cramplog.core.translation import _, n_
from cramplog.render import report_document

PAGE_GAP: Final = 12


def label(text: str = "", *, name: str | None = None) -> QLabel:
    """A plain-text, word-wrapped label (user text never reads as markup)."""
    made = QLabel(text)
    made.setTextFormat(Qt.TextFormat.PlainText)
    made.setWordWrap(True)
    if name:
        made.setObjectName(name)
    return made


def caption(document: report_document.ReportDocument) -> str:
    """The line over the preview: the period, the pages, the cramps in the appendix."""
    built = document.report
    pages = document.page_count
    cramps = len(built.appendix)
    parts = [
        reports.format_period(built.header.period),
        n_("{n} page", "{n} pages", pages).format(n=pages),
    ]
    if built.shows(reports.Section.APPENDIX):
        parts.append(
            n_("{n} cramp in the appendix", "{n} cramps in the appendix", cramps).format(n=cramps)
        )
    return " · ".join(parts)


class PagePreview(QWidget):
    """The report's pages as paper on screen, drawn lazily: only pages in view are rendered,
    so a 200-page appendix costs nothing until someone scrolls to it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPreviewPages")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document: report_document.ReportDocument | None = None
        self._cache: dict[int, QImage] = {}
        self._page_width = 400

    def set_document(self, document: report_document.ReportDocument | None) -> None:
        self.document = document
        self._cache.clear()
        self._relayout()
        self.update()

    def set_page_width(self, width: int) -> None:
        width = max(200, min(width, 900))
        if width != self._page_width:
            self._page_width = width
            self._cache.clear()
            self._relayout()
            self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # The pages fill the width the scroll area gives them, up to a comfortable size.
        self.set_page_width(event.size().width() - 2 * PAGE_GAP)

    def page_size(self) -> QSize:
        if self.document is None:
            return QSize(self._page_width, round(self._page_width * 1.414))
        page = self.document.page
        return QSize(self._page_width, round(self._page_width * page.height() / page.width()))

    def page_rect(self, index: int) -> QRect:
        size = self.page_size()
        x = max(PAGE_GAP, (self.width() - size.width()) // 2)
        return QRect(x, PAGE_GAP + index * (size.height() + PAGE_GAP), size.width(), size.height())

    def _relayout(self) -> None:
        pages = 0 if self.document is None else self.document.page_count
        height = PAGE_GAP + pages * (self.page_size().height() + PAGE_GAP)
        self.setFixedHeight(max(height, PAGE_GAP * 2))

    def page_image(self, index: int) -> QImage:
        """Page `index` rendered at the preview's size (and the screen's pixel ratio)."""
        assert self.document is not None
        image = self._cache.get(index)
        if image is None:
            ratio = self.devicePixelRatioF()
            image = self.document.render_page(index, round(self._page_width * ratio))
            image.setDevicePixelRatio(ratio)
            self._cache[index] = image
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.document is None:
            return
        painter = QPainter(self)
        try:
            for index in range(self.document.page_count):
                rect = self.page_rect(index)
                if rect.top() > event.rect().bottom():
                    break
                if not rect.intersects(event.rect()):
                    continue
                painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 60))
                painter.drawImage(rect, self.page_image(index))
        finally:
            painter.end()


class SavedBanner(QFrame):
    """A "Saved to … — Open / Show in folder" note in the page, not a dialog in the way.

    `open_url` is asked at each click, so the page's seam (which tests replace) is the one used.
    """

    def __init__(self, open_url: Callable[[QUrl], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open_url = open_url
        self.setObjectName("summarySaved")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = label(name="summarySavedMessage")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(_("Open"))
        self.open_button.setObjectName("summaryOpen")
        self.folder_button = QPushButton(_("Show in folder"))
        self.folder_button.setObjectName("summaryShowFolder")
        close = QPushButton(_("Dismiss"))
        close.setObjectName("summaryDismiss")
        close.clicked.connect(self.hide)
        self.open_button.clicked.connect(self._open)
        self.folder_button.clicked.connect(self._show_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.path: Path | None = None
        self.hide()

    def saved(self, message: str, path: Path) -> None:
        self.path = path
        self.message.setText(message)
        self.open_button.setVisible(True)
        self.folder_button.setVisible(True)
        self.show()

    def note(self, message: str) -> None:
        self.path = None
        self.message.setText(message)
        self.open_button.setVisible(False)
        self.folder_button.setVisible(False)
        self.show()

    def _open(self) -> None:
        if self.path is not None:
            self._open_url(QUrl.fromLocalFile(str(self.path)))

    def _show_folder(self) -> None:
        if self.path is not None:
            folder = self.path if self.path.is_dir() else self.path.parent
            self._open_url(QUrl.fromLocalFile(str(folder)))
