"""Cramp now: a stopwatch that times a cramp while it happens, then opens the form to log it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from cramplog.core import wording
from cramplog.core.records import Episode, EpisodeInput
from cramplog.core.translation import _
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.forms.episode_form import EpisodeDialog
from cramplog.ui.preferences import Preferences
from cramplog.ui.widgets import common as widgets

# Past this, cancelling asks first: a long cramp timed by mistake is still worth keeping.
ASK_BEFORE_DISCARD_S = 10
TICK_MS = 250


def format_elapsed(seconds: float) -> str:
    """'01:35', or '1:02:09' past an hour."""
    whole = int(seconds)
    minutes, secs = divmod(whole, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class StopwatchDialog(QDialog):
    """Times from the moment it opens; "It's over" hands start and duration to the form.

    `clock` gives the start and, when injected (tests), the elapsed time too; otherwise the
    elapsed time comes from a monotonic QElapsedTimer, immune to the wall clock moving.
    """

    # Over 60 lines: it lays out the widgets top to bottom in their tab order, one block
    # per row; splitting it would scatter one layout across methods.
    def __init__(
        self,
        editor: DiaryEditor,
        preferences: Preferences,
        *,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.preferences = preferences
        self._clock = clock or editor.diary.now
        self._clock_given = clock is not None
        self.started_at = self._clock()
        self._monotonic = QElapsedTimer()
        self._monotonic.start()
        self._stopped_at_s: float | None = None
        self.form: EpisodeDialog | None = None
        self.saved_episode: Episode | None = None

        self.setWindowTitle(_("Cramp now"))
        self.setObjectName("stopwatchDialog")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(10)
        title = widgets.plain_label(_("Timing your cramp"), wrap=False)
        title.setFont(widgets.scaled_font(self.font(), 1.3, bold=True))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        self.started_label = widgets.MutedLabel(
            _("Started at {clock}").format(clock=wording.clock(self.started_at)), parent=self
        )
        self.started_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.started_label)

        self.elapsed_label = widgets.plain_label("00:00", wrap=False)
        self.elapsed_label.setObjectName("elapsedLabel")
        self.elapsed_label.setAccessibleName(_("Time so far"))
        self.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.elapsed_label.setFont(widgets.scaled_font(self.font(), 5.0, bold=False))
        self.elapsed_label.setMinimumWidth(
            self.elapsed_label.fontMetrics().horizontalAdvance("0:00:00") + 24
        )
        layout.addWidget(self.elapsed_label, 1)

        hint = widgets.MutedLabel(
            _("Stretch gently if you can. Press “It's over” when it eases."), parent=self
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hint)

        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setMinimumHeight(44)
        self.cancel_button.clicked.connect(self.reject)
        self.over_button = QPushButton(_("It's over"))
        self.over_button.setDefault(True)
        self.over_button.setMinimumHeight(52)
        self.over_button.setMinimumWidth(180)
        self.over_button.setFont(widgets.scaled_font(self.font(), 1.3, bold=True))
        self.over_button.clicked.connect(self.stop)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.over_button)
        layout.addLayout(buttons)
        self._dim_digits()

        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        self.over_button.setFocus()
        self.resize(460, 360)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._dim_digits()

    def _dim_digits(self) -> None:
        # On a dark palette, full-white digits this large glare at night; soften them.
        palette = self.palette()
        wanted = (
            widgets.muted_color(palette)
            if widgets.is_dark(palette)
            else palette.color(QPalette.ColorRole.WindowText)
        )
        label_palette = self.elapsed_label.palette()
        if label_palette.color(QPalette.ColorRole.WindowText) != wanted:
            label_palette.setColor(QPalette.ColorRole.WindowText, wanted)
            self.elapsed_label.setPalette(label_palette)

    def elapsed_s(self) -> float:
        if self._stopped_at_s is not None:
            return self._stopped_at_s
        if self._clock_given:
            return max(0.0, (self._clock() - self.started_at).total_seconds())
        return self._monotonic.elapsed() / 1000

    def tick(self) -> None:
        self.elapsed_label.setText(format_elapsed(self.elapsed_s()))

    def is_running(self) -> bool:
        return self._stopped_at_s is None

    def stop(self) -> None:
        """Stop timing and open the episode form with start and duration filled in."""
        if not self.is_running():
            return
        self._stopped_at_s = self.elapsed_s()
        self._timer.stop()
        self.tick()
        seconds = max(1, round(self._stopped_at_s))
        side = self.preferences.last_side or self.preferences.default_side
        form = EpisodeDialog(
            self.editor,
            self.preferences,
            initial=EpisodeInput(
                start=self.started_at,
                muscle=self.preferences.last_muscle or "",
                side=side,
                duration_s=seconds,
                activity=self.preferences.default_activity,
            ),
            parent=self.parentWidget(),
        )
        self.form = form
        form.finished.connect(self._form_finished)
        self.hide()
        form.open()

    def _form_finished(self, result: int) -> None:
        form = self.form
        if form is not None and result == QDialog.DialogCode.Accepted.value:
            self.saved_episode = form.saved_episode
            self.accept()
        else:
            super().reject()

    def reject(self) -> None:
        if (
            self.is_running()
            and self.elapsed_s() > ASK_BEFORE_DISCARD_S
            and not widgets.confirm_discard(
                self, _("Stop timing and discard this cramp? Nothing will be logged.")
            )
        ):
            return
        self._timer.stop()
        super().reject()
