"""The Patterns place: headline numbers, warning signs, charts and the trigger checklist.

It reads only plain statistics (`cramplog.analysis.stats`,
`cramplog.analysis.warning_signs`) and redraws when the diary changed and the page is on
screen. Its charts are made after its first paint, by `patterns_charts.PageCharts`, which
imports matplotlib then, never at start-up. On a start on Patterns the page is built before
the diary is open, on the figures start-up read from the file
(`patterns_read_ahead.OpeningFigures`), and given the diary by `attach` once it is open.
"""
# Over 400 lines because the page owns when to refresh and redraw (periods, debounce, visible
# charts); its tiles, warning boxes, trigger checklist and charts live in the patterns_* modules.

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cramplog.analysis import stats, warning_signs
from cramplog.core import conventions, wording
from cramplog.core.errors import CramplogError
from cramplog.core.translation import N_, _
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.pages import patterns_checklist, patterns_tiles, patterns_warnings
from cramplog.ui.pages.patterns_charts import PageCharts
from cramplog.ui.pages.patterns_checklist import TRIGGER_CODE_ROLE
from cramplog.ui.pages.patterns_read_ahead import OpeningFigures
from cramplog.ui.pages.patterns_tiles import HEADLINES, Tile, plain_label
from cramplog.ui.widgets.period_choice import (
    BASELINE,
    CUSTOM,
    NO_COMPARISON,
    PREVIOUS,
    chosen_comparison,
    chosen_period,
    fill_comparison_box,
    fill_period_box,
)

if TYPE_CHECKING:
    from cramplog.diary.view import DiaryView
    from cramplog.render.chart_view import ChartView
    from cramplog.render.charts import ChartStyle

MAX_LISTED_EPISODES: Final = 100
# Shown under the period line when some cramps fell on unrecorded nights (which the period
# line counts): how to count those nights, calmly.
UNRECORDED_HINT: Final = N_(
    "To count those nights, review them (Entry › Review any night…, Ctrl+Shift+R), or, if "
    "you log every cramp, say so in Settings."
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PatternsPage(QWidget):
    """What the cramps have in common, beside the documents' trigger checklist.

    Emits `trigger_selected(code)` when a trigger of the checklist is chosen, and lists the
    period's cramps that named it.

    Built with `editor`, it computes its own figures. Built with `opening` instead (start-up,
    before the diary is open), it shows those figures, and what needs the diary (another
    period, a trigger's cramps) waits for `attach`.
    """

    trigger_selected = Signal(str)
    settings_requested = Signal()

    def __init__(
        self,
        editor: DiaryEditor | None,
        parent: QWidget | None = None,
        *,
        opening: OpeningFigures | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor: DiaryEditor | None = None
        self.setObjectName("patternsPage")
        self.stats: stats.PatternStats | None = None
        self.warnings: tuple[warning_signs.WarningSign, ...] = ()
        self._dirty = True
        self._refresh_pending = False

        if editor is not None:
            last_night, today = editor.diary.last_night(), editor.diary.now().date()
        elif opening is not None:
            last_night, today = opening.last_night, opening.today
        else:
            raise ValueError("the Patterns page needs its diary or its opening figures")
        self._build_controls(last_night, today)
        self._build_body()
        # Shown when the page is first shown, where it would compute its own.
        self._opening = opening
        if editor is not None:
            self.attach(editor)

    @property
    def editor(self) -> DiaryEditor:
        if self._editor is None:
            raise RuntimeError("the Patterns page has no diary yet")
        return self._editor

    @property
    def diary(self) -> DiaryView:
        return self.editor.diary

    @property
    def attached(self) -> bool:
        return self._editor is not None

    def attach(self, editor: DiaryEditor) -> None:
        """Give the page its open diary. Figures shown before (`opening`) stay if the diary
        gives the same period: they were read from the same file by the same functions."""
        self._editor = editor
        editor.changed.connect(self._diary_changed)
        self._opening = None  # not shown yet: the page computes its own when it is
        shown = self.stats
        if shown is None or self._dirty or not self._shows_current_period(shown):
            self._dirty = True
            if self.isVisible():
                self._schedule_refresh()
            return
        selected = self.selected_trigger()
        if selected is not None:  # chosen while the diary was opening
            self._show_trigger(selected)

    def _shows_current_period(self, shown: stats.PatternStats) -> bool:
        """Whether `shown` is of the period and comparison the controls choose now (last
        night may have moved on while the diary opened)."""
        try:
            period = self.current_period()
            comparison = self.current_comparison(period)
        except ValueError:
            return False
        shown_comparison = None if shown.comparison is None else shown.comparison.period
        return (period, comparison) == (shown.period, shown_comparison)

    # -- layout ----------------------------------------------------------------------------

    def _build_controls(self, last_night: date, today: date) -> None:
        self.period_box = QComboBox()
        self.period_box.setObjectName("periodBox")
        self.period_box.setAccessibleName(_("Period"))
        fill_period_box(self.period_box)
        self.first_edit = self._date_edit(_("First night of the period"), today)
        self.last_edit = self._date_edit(_("Last night of the period"), today)

        self.compare_box = QComboBox()
        self.compare_box.setObjectName("compareBox")
        self.compare_box.setAccessibleName(_("Compare with"))
        fill_comparison_box(self.compare_box, (NO_COMPARISON, PREVIOUS, BASELINE))
        self.compare_box.setCurrentIndex(1)
        self.base_first_edit = self._date_edit(_("First night of the comparison"), today)
        self.base_last_edit = self._date_edit(_("Last night of the comparison"), today)

        last = last_night
        self.last_edit.setDate(_qdate(last))
        self.first_edit.setDate(_qdate(last - timedelta(days=27)))
        self.base_last_edit.setDate(_qdate(last - timedelta(days=28)))
        self.base_first_edit.setDate(_qdate(last - timedelta(days=55)))

        self.period_box.currentIndexChanged.connect(self._controls_changed)
        self.compare_box.currentIndexChanged.connect(self._controls_changed)
        for edit in (self.first_edit, self.last_edit, self.base_first_edit, self.base_last_edit):
            edit.dateChanged.connect(self._controls_changed)

        row = QHBoxLayout()
        row.addWidget(plain_label(_("Period:"), wrap=False))
        row.addWidget(self.period_box)
        row.addWidget(self.first_edit)
        row.addWidget(self.last_edit)
        row.addSpacing(16)
        row.addWidget(plain_label(_("Compare with:"), wrap=False))
        row.addWidget(self.compare_box)
        row.addWidget(self.base_first_edit)
        row.addWidget(self.base_last_edit)
        row.addStretch(1)
        self.controls = row
        self.period_label = plain_label(name="periodLabel")
        # At the top of the height it may hold while the diary opens (`_show_waiting`).
        self.period_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.problem_label = plain_label(name="periodProblem")
        self.problem_label.setVisible(False)
        self.unrecorded_hint = QWidget()
        self.unrecorded_hint.setObjectName("unrecordedHint")
        hint_row = QHBoxLayout(self.unrecorded_hint)
        hint_row.setContentsMargins(0, 0, 0, 0)
        self.unrecorded_text = plain_label(_(UNRECORDED_HINT), name="unrecordedText")
        self.settings_button = QPushButton(_("Open Settings…"))
        self.settings_button.setObjectName("openSettings")
        self.settings_button.setAccessibleDescription(_("Say that you log every cramp"))
        self.settings_button.clicked.connect(self.settings_requested)
        hint_row.addWidget(self.unrecorded_text, 1)
        hint_row.addWidget(self.settings_button)
        self.unrecorded_hint.setVisible(False)
        self._sync_date_edits()

    @staticmethod
    def _date_edit(name: str, today: date) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(conventions.current().plain_date_pattern)
        edit.setAccessibleName(name)
        edit.setMinimumDate(QDate(1900, 1, 1))
        edit.setMaximumDate(_qdate(today))
        return edit

    def _build_body(self) -> None:
        self.warning_panel = QFrame()
        self.warning_panel.setObjectName("warningSigns")
        self.warning_panel.setVisible(False)
        self.warning_layout = QVBoxLayout(self.warning_panel)
        self.warning_layout.setContentsMargins(0, 0, 0, 8)

        self.tiles = [Tile(h) for h in HEADLINES]
        tiles = QGridLayout()
        tiles.setSpacing(8)
        for index, tile in enumerate(self.tiles):
            tiles.addWidget(tile, index // 3, index % 3)
        self.treatments_label = plain_label(name="treatments")
        self.empty_label = plain_label(name="emptyPeriod")
        self.empty_label.setVisible(False)

        self.content = QWidget()
        self.content.setObjectName("patternsContent")
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.addWidget(self.warning_panel)
        self.content_layout.addWidget(self.empty_label)
        self.content_layout.addLayout(tiles)
        self.content_layout.addWidget(self.treatments_label)
        self.charts_layout = QVBoxLayout()
        self.content_layout.addLayout(self.charts_layout)
        self.content_layout.addStretch(1)

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("patternsScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.content)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.charts = PageCharts(self, self.content, self.charts_layout, self.scroll_area)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.scroll_area)
        checklist = patterns_checklist.TriggerChecklistPanel()
        self.trigger_tree = checklist.trigger_tree
        self.trigger_details = checklist.trigger_details
        self.episodes_heading = checklist.episodes_heading
        self.trigger_episodes = checklist.trigger_episodes
        self.trigger_tree.currentItemChanged.connect(self._trigger_changed)
        splitter.addWidget(checklist)
        self.checklist = checklist
        self._checklist_widened = False
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.addLayout(self.controls)
        layout.addWidget(self.period_label)
        layout.addWidget(self.unrecorded_hint)
        layout.addWidget(self.problem_label)
        layout.addWidget(splitter, 1)

    # -- periods ---------------------------------------------------------------------------

    def _sync_date_edits(self) -> None:
        custom = self.period_box.currentData() == CUSTOM
        self.first_edit.setVisible(custom)
        self.last_edit.setVisible(custom)
        baseline = self.compare_box.currentData() == BASELINE
        self.base_first_edit.setVisible(baseline)
        self.base_last_edit.setVisible(baseline)

    def select_period(self, key: str) -> None:
        """Choose a preset period (a `stats.PeriodPreset` value) or CUSTOM."""
        self.period_box.setCurrentIndex(self.period_box.findData(key))

    def select_comparison(self, key: str) -> None:
        """Choose NO_COMPARISON, PREVIOUS or BASELINE."""
        self.compare_box.setCurrentIndex(self.compare_box.findData(key))

    def current_period(self) -> stats.Period:
        """The chosen period; ValueError if chosen dates make no sense."""
        return chosen_period(self.diary, self.period_box, self.first_edit, self.last_edit)

    def current_comparison(self, period: stats.Period) -> stats.Period | None:
        return chosen_comparison(
            period, self.compare_box, self.base_first_edit, self.base_last_edit
        )

    def _controls_changed(self) -> None:
        self._sync_date_edits()
        self._schedule_refresh()

    # -- refreshing ------------------------------------------------------------------------

    def _diary_changed(self, _what: str) -> None:
        self._dirty = True
        if self.isVisible():
            self._schedule_refresh()

    def _schedule_refresh(self) -> None:
        """Refresh once the current burst of changes is over (several signals, one redraw)."""
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self._run_scheduled_refresh)

    def _run_scheduled_refresh(self) -> None:
        self._refresh_pending = False
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def refresh(self) -> None:
        """Recompute the numbers and warning signs, then redraw the charts on screen."""
        if not self.attached:
            self._dirty = True  # recomputed on `attach`
            self._show_waiting()
            return
        self._dirty = False
        self._mark_stale(False)
        try:
            period = self.current_period()
            comparison = self.current_comparison(period)
        except ValueError as exc:
            self._show_problem(str(exc))
            return
        try:
            computed = stats.compute(self.diary, period, comparison=comparison)
            warnings = warning_signs.check(self.diary, period)
        except CramplogError as exc:
            self._show_problem(str(exc))
            return
        self._show_figures(computed, warnings)

    def _show_figures(
        self, computed: stats.PatternStats, warnings: tuple[warning_signs.WarningSign, ...]
    ) -> None:
        """Show a period's numbers, warning signs and checklist; its charts follow."""
        self.warnings = warnings
        self.problem_label.setVisible(False)
        self.stats = computed
        self._show_period(computed)
        for tile in self.tiles:
            tile.show_stats(computed)
        self._show_treatments(computed)
        self._show_warnings()
        self._show_checklist(computed)
        if self.isVisible():
            self.charts.make_soon()
        self.charts.show(computed)
        # After the event loop has laid the page out, so "on screen" means what it says.
        QTimer.singleShot(0, self.charts.draw_visible)

    def _show_waiting(self) -> None:
        """Another period was chosen before the diary is open: the numbers shown are of the
        one before, so the period line says why they wait and they are marked stale."""
        # The line keeps the height of what it replaces (the period's two lines, often, and
        # the hint under them), so nothing below moves under the reader's eyes.
        held = self.period_label.height()
        if self.unrecorded_hint.isVisible():
            layout = self.layout()
            held += self.unrecorded_hint.height() + (0 if layout is None else layout.spacing())
        self.period_label.setMinimumHeight(held)
        self.period_label.setText(_("Opening your diary…"))
        self.unrecorded_hint.setVisible(False)
        self._mark_stale(True)

    def _mark_stale(self, stale: bool) -> None:
        # Dimmed to the placeholder colour, not disabled: disabled text is below 4.5:1.
        # The warning signs and the checklist's counts are the old period's too.
        shown = (*self.tiles, self.treatments_label, self.empty_label, self.warning_panel)
        for widget in (*shown, self.trigger_tree):
            patterns_tiles.dim(widget, stale)
        if not stale:
            self.period_label.setMinimumHeight(0)

    def _show_problem(self, message: str) -> None:
        self.problem_label.setText(message)
        self.problem_label.setVisible(True)
        self.unrecorded_hint.setVisible(False)

    def _show_period(self, s: stats.PatternStats) -> None:
        text = f"{s.period.describe()} · {s.recorded_note()}"
        if s.comparison is not None:
            c = s.comparison
            withheld = s.comparison_withheld()
            text += _("\nCompared with {span}: ").format(
                span=wording.span(c.period.first, c.period.last)
            ) + (c.completeness_note() if withheld is None else withheld)
        self.period_label.setText(text)
        self.unrecorded_hint.setVisible(s.cramps_on_unrecorded_nights > 0)
        self.empty_label.setVisible(s.empty)
        self.empty_label.setText(
            _("Nothing is recorded in this period yet: no cramps and no reviewed nights.")
            if s.empty
            else ""
        )

    def _show_treatments(self, s: stats.PatternStats) -> None:
        text = patterns_tiles.treatments_text(s)
        self.treatments_label.setText(text)
        self.treatments_label.setVisible(bool(text))

    def _show_warnings(self) -> None:
        while self.warning_layout.count():
            item = self.warning_layout.takeAt(0)
            widget = None if item is None else item.widget()
            if widget is not None:
                widget.deleteLater()
        self.warning_panel.setVisible(bool(self.warnings))
        if not self.warnings:
            return
        heading = plain_label(
            _("Warning signs in this period — reasons to seek medical advice, not a diagnosis"),
            name="warningHeading",
        )
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.warning_layout.addWidget(heading)
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        calm = self.palette().color(QPalette.ColorRole.Highlight).name()
        for sign in self.warnings:
            self.warning_layout.addWidget(patterns_warnings.warning_box(sign, dark=dark, calm=calm))

    # -- the checklist ---------------------------------------------------------------------

    def _widen_checklist_once(self) -> None:
        """On first showing the names, give the checklist the width they need (up to 45% of
        the page), so no name is cut short; after that the person's splitter stays put."""
        total = sum(self.splitter.sizes())
        if self._checklist_widened or total <= 0:
            return
        self._checklist_widened = True
        panel = min(max(self.checklist.wanted_width(), self.splitter.sizes()[1]), total * 45 // 100)
        self.splitter.setSizes([total - panel, panel])

    def _show_checklist(self, s: stats.PatternStats) -> None:
        tree = self.trigger_tree
        selected = self.selected_trigger()
        tree.blockSignals(True)
        tree.clear()
        keep = patterns_checklist.fill_tree(tree, s, selected)
        tree.expandAll()
        tree.blockSignals(False)
        self._widen_checklist_once()
        if keep is not None and selected is not None:
            tree.setCurrentItem(keep)
            self._show_trigger(selected)
        else:
            self.checklist.show_details("")
            self.trigger_episodes.clear()
            self.episodes_heading.setText(_("Choose a trigger to see the cramps that named it."))

    def selected_trigger(self) -> str | None:
        item = self.trigger_tree.currentItem()
        code = None if item is None else item.data(0, TRIGGER_CODE_ROLE)
        return code if isinstance(code, str) else None

    def select_trigger(self, code: str) -> None:
        """Choose a trigger of the checklist, as a click on it would."""
        for index in range(self.trigger_tree.topLevelItemCount()):
            group = self.trigger_tree.topLevelItem(index)
            for child in range(0 if group is None else group.childCount()):
                item = None if group is None else group.child(child)
                if item is not None and item.data(0, TRIGGER_CODE_ROLE) == code:
                    self.trigger_tree.setCurrentItem(item)
                    return
        raise KeyError(code)

    def _trigger_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        code = None if current is None else current.data(0, TRIGGER_CODE_ROLE)
        if not isinstance(code, str):
            return
        self._show_trigger(code)
        self.trigger_selected.emit(code)

    def _show_trigger(self, code: str) -> None:
        s = self.stats
        trigger = None if s is None else s.trigger(code)
        if s is None or trigger is None:
            return
        if not self.attached:  # shown on `attach`
            self.trigger_episodes.clear()
            self.episodes_heading.setText(_("Opening your diary…"))
            return
        item = self.diary.checklist.get(code)
        self.checklist.show_details(patterns_checklist.trigger_text(s, trigger, item))
        total, episodes = stats.episodes_with_trigger(
            self.diary, s.period, code, limit=MAX_LISTED_EPISODES
        )
        self.trigger_episodes.clear()
        for episode in episodes:
            entry = QListWidgetItem(patterns_checklist.episode_line(episode))
            entry.setData(Qt.ItemDataRole.UserRole, episode.id)
            self.trigger_episodes.addItem(entry)
        more = (
            _(" (the newest {episodes} listed)").format(episodes=len(episodes))
            if total > len(episodes)
            else ""
        )
        self.episodes_heading.setText(
            _("Cramps that named “{label}”: {total}{more}").format(
                label=trigger.label, total=total, more=more
            )
        )

    # -- charts (their making and drawing is patterns_charts.PageCharts's) ---------------

    @property
    def chart_views(self) -> list[ChartView]:
        return self.charts.views

    @property
    def charts_made(self) -> bool:
        """Whether every chart view is on the page (drawn or waiting to be)."""
        return self.charts.made

    def chart_style(self) -> ChartStyle:
        """The chart look for this widget's palette: dark or light, in its own colours."""
        return self.charts.style()

    def visible_chart_keys(self) -> list[str]:
        """The charts at least partly on screen now."""
        return self.charts.visible_keys()

    # -- Qt events -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._opening is not None:
            opening, self._opening = self._opening, None
            self._dirty = False
            self._show_figures(opening.stats, opening.warnings)
        elif self._dirty or self.stats is None:
            self.refresh()
        else:
            self.charts.make_soon()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.charts.page_painted()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.charts.draw_visible)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.charts.forget_style()
            if self.stats is not None:
                self.charts.show(self.stats)
                self._show_warnings()
                self.charts.draw_visible()
