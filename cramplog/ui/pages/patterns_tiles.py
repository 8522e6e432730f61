"""The Patterns place's headline tiles: each figure, its change and its denominator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QVBoxLayout, QWidget

from cramplog.analysis import stats
from cramplog.core import nights, wording
from cramplog.core.translation import N_, _, n_

# A tile's change line when the comparison period has too few recorded nights.
NO_COMPARISON_TILE: Final = N_("no comparison")


def plain_label(text: str = "", *, wrap: bool = True, name: str | None = None) -> QLabel:
    """A label that shows its text literally (user text is never read as HTML)."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if name is not None:
        label.setObjectName(name)
    return label


def dim(widget: QWidget, dimmed: bool) -> None:
    """Show a label, every label in `widget`, or an item view's items, in the theme's
    placeholder colour (figures out of date), or back in their own. Not disabled: disabled
    text is dimmer than 4.5:1."""
    if isinstance(widget, QAbstractItemView):
        # Items are drawn in the palette's Text colour, not the widget's foreground role.
        palette = QPalette()  # nothing set of its own: the view's inherited palette again
        if dimmed:
            palette = QPalette(widget.palette())
            palette.setColor(
                QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.PlaceholderText)
            )
        widget.setPalette(palette)
        return
    role = QPalette.ColorRole.PlaceholderText if dimmed else QPalette.ColorRole.NoRole
    labels = [widget] if isinstance(widget, QLabel) else widget.findChildren(QLabel)
    for label in labels:
        label.setForegroundRole(role)


def number(value: float | None, kind: wording.Figure = wording.Figure.SCORE) -> str:
    """A figure rounded by the one rule `stats` and the PDF use (a mean "4.0", never "4")."""
    return wording.figure(value, kind, missing="–")


def whole(value: float | None) -> str:
    """A count and its change: "down 21 from 41", never "21.0"."""
    return "–" if value is None else wording.number(round(value))


def rate(value: float | None) -> str:
    return wording.figure(value, wording.Figure.RATE, missing="–")


def duration(seconds: float | None) -> str:
    return wording.duration(seconds, missing="–")


def change(
    before: float | None,
    now: float | None,
    show: Callable[[float | None], str],
    as_shown: Callable[[float], float],
) -> str:
    """E.g. "down 1.2 from 4.5", against the comparison period: worked from the two
    figures as `show` shows them (`as_shown`), so "4.0" against "4.0" is never "up 0.1"."""
    if before is None or now is None:
        return _("no comparison figure")
    # Rounded once more to a tenth: 6.0 - 5.9 is 0.10000000000000053 in binary.
    difference = wording.shown(as_shown(now) - as_shown(before), 1)
    if difference == 0:
        return _("about the same as before ({show})").format(show=show(before))
    if difference > 0:
        return _("up {change} from {before}").format(change=show(difference), before=show(before))
    return _("down {change} from {before}").format(change=show(-difference), before=show(before))


def tally_before(before: int, recorded: int) -> str:
    """A count of the comparison period beside one over another number of recorded nights:
    shown with its nights, never as a change ("up 78 from 12" on 71 nights against 18)."""
    return n_(
        "{before} before, on {n} recorded night",
        "{before} before, on {n} recorded nights",
        recorded,
    ).format(before=wording.number(before), n=wording.number(recorded))


def one_decimal(value: float) -> float:
    return wording.shown(value, 1)


def whole_number(value: float) -> float:
    return wording.shown(value, 0)


@dataclass(frozen=True)
class Headline:
    """One headline tile: what it shows and how to read its value from the statistics."""

    key: str
    title: str
    value: Callable[[stats.PatternStats], str]
    note: Callable[[stats.PatternStats], str]
    change_field: str | None = None
    show: Callable[[float | None], str] = number
    # A figure as `show` rounds it (one decimal; a count's whole; a duration's as worded).
    as_shown: Callable[[float], float] = one_decimal
    # A count: compared only over as many recorded nights.
    tally: bool = False


def completeness(s: stats.PatternStats) -> str:
    return s.completeness_note()


def rate_note(s: stats.PatternStats) -> str:
    """The completeness, after the reason when the rate is withheld for too few nights."""
    withheld = s.rate_withheld()
    return completeness(s) if withheld is None else f"{withheld} · {completeness(s)}"


def sleep_note(s: stats.PatternStats) -> str:
    """The nights the sleep score was given on, then minutes awake a week with the nights
    they were noted on (or why they give no figure)."""
    rated = n_("from {n} night rated", "from {n} nights rated", s.sleep_disturbance_nights).format(
        n=wording.number(s.sleep_disturbance_nights)
    )
    if not s.minutes_awake_nights:
        return rated
    withheld = s.minutes_awake_withheld()
    awake = (
        n_(
            "no minutes awake a week (noted on {n} night: {reason})",
            "no minutes awake a week (noted on {n} nights: {reason})",
            s.minutes_awake_nights,
        ).format(n=wording.number(s.minutes_awake_nights), reason=withheld)
        if withheld is not None
        else n_(
            "{number} minutes awake a week, noted on {n} night",
            "{number} minutes awake a week, noted on {n} nights",
            s.minutes_awake_nights,
        ).format(
            number=number(s.minutes_awake_per_week, wording.Figure.MINUTES),
            n=wording.number(s.minutes_awake_nights),
        )
    )
    return f"{rated} · {awake}"


HEADLINES: Final = (
    Headline(
        "cramps_per_week",
        N_("Cramps per week"),
        lambda s: rate(s.cramps_per_week),
        rate_note,
        "cramps_per_week",
        rate,
    ),
    Headline(
        "cramp_nights_per_week",
        N_("Nights with cramps per week"),
        lambda s: rate(s.cramp_nights_per_week),
        lambda s: (
            _("{percent} of recorded nights had a cramp · ").format(
                percent=wording.percent(s.share_of_reviewed_nights_with_cramps)
            )
            + rate_note(s)
            if s.share_of_reviewed_nights_with_cramps is not None
            else rate_note(s)
        ),
        "cramp_nights_per_week",
        rate,
    ),
    Headline(
        "episodes",
        N_("Cramps in the period"),
        lambda s: str(s.episodes),
        lambda s: s.timing_note(),
        "episodes",
        whole,
        as_shown=whole_number,
        tally=True,
    ),
    Headline(
        "intensity",
        N_("Intensity, median (0–10)"),
        lambda s: number(s.intensity_median),
        lambda s: _("worst {number} · from {intensity_rated} rated cramps").format(
            number=number(s.intensity_worst), intensity_rated=s.intensity_rated
        ),
        "intensity_median",
    ),
    Headline(
        "duration",
        N_("Duration, median"),
        lambda s: duration(s.duration_median_s),
        lambda s: _(
            "longest {duration} · {cramps_over_10_min} over 10 minutes · from "
            "{duration_timed} timed"
        ).format(
            duration=duration(s.longest_duration_s),
            cramps_over_10_min=s.cramps_over_10_min,
            duration_timed=s.duration_timed,
        ),
        "duration_median_s",
        duration,
        as_shown=wording.shown_seconds,
    ),
    Headline(
        "sleep",
        N_("Sleep disturbance (0–10)"),
        lambda s: number(s.sleep_disturbance_mean),
        lambda s: sleep_note(s),
        "sleep_disturbance_mean",
    ),
)


class Tile(QFrame):
    """A headline number: title, value, change against the comparison, and a note."""

    def __init__(self, headline: Headline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = headline
        self.setObjectName(f"headline-{headline.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = plain_label(_(headline.title), name="headlineTitle")
        self.value = plain_label(name="headlineValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.value.setFont(font)
        self.change = plain_label(name="headlineChange")
        self.note = plain_label(name="headlineNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        for label in (self.title, self.value, self.change, self.note):
            layout.addWidget(label)
        layout.addStretch(1)

    def show_stats(self, s: stats.PatternStats) -> None:
        h = self.headline
        self.value.setText(h.value(s))
        self.note.setText(h.note(s))
        withheld = s.comparison_withheld()
        if s.comparison is None or h.change_field is None:
            self.change.setVisible(False)
            self.change.setText("")
        elif withheld is not None:
            # The reason in full is on the period line above the tiles.
            self.change.setText(_(NO_COMPARISON_TILE))
            self.change.setVisible(True)
        elif h.tally and s.comparison.recorded_nights != s.recorded_nights:
            before = getattr(s.comparison, h.change_field)
            self.change.setText(tally_before(before, s.comparison.recorded_nights))
            self.change.setVisible(True)
        else:
            field = h.change_field
            self.change.setText(
                change(getattr(s.comparison, field), getattr(s, field), h.show, h.as_shown)
            )
            self.change.setVisible(True)
        self.setAccessibleName(f"{_(h.title)}: {self.value.text()}")
        self.setAccessibleDescription(f"{self.change.text()} {self.note.text()}".strip())


def treatments_text(s: stats.PatternStats) -> str:
    """Each treatment started near the period: cramps a week before and after its start."""
    lines = []
    for t in s.treatments:
        started = (
            _("{name} (for cramps), started {day}") if t.for_cramps else _("{name}, started {day}")
        ).format(name=t.name, day=nights.day_text(t.started_on, weekday=False))
        if t.enough_data:
            # Each rate with its denominator, as on paper: a rate from 9 recorded nights
            # should not read like one from 28.
            lines.append(
                _(
                    "{started}: {rate} cramps a week in the 4 weeks before ({count}), "
                    "{rate2} in the 4 weeks after ({count2})."
                ).format(
                    started=started,
                    rate=rate(t.before_per_week),
                    count=wording.count(
                        t.before_recorded_nights, "{n} recorded night", "{n} recorded nights"
                    ),
                    rate2=rate(t.after_per_week),
                    count2=wording.count(
                        t.after_recorded_nights, "{n} recorded night", "{n} recorded nights"
                    ),
                )
            )
        else:
            lines.append(
                _("{started}: not enough recorded nights around the start to compare.").format(
                    started=started
                )
            )
    if lines:
        lines.append(_("Before and after describe the diary; they do not prove an effect."))
    return "\n".join(lines)
