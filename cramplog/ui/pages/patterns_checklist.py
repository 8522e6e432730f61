"""The Patterns place's trigger checklist: counts per trigger, the chosen one in words."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QListWidget,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cramplog.analysis import stats
from cramplog.core import nights, wording
from cramplog.core.checklist import ChecklistItem
from cramplog.core.translation import _, n_
from cramplog.core.wording import count
from cramplog.ui.pages.patterns_tiles import duration, plain_label

STANDS_OUT_MARK: Final = "▲"
TRIGGER_CODE_ROLE: Final = Qt.ItemDataRole.UserRole


class TriggerChecklistPanel(QWidget):
    """The checklist's triggers with their counts, the chosen one explained, and its cramps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("triggerChecklist")
        heading = plain_label(_("Trigger checklist"), name="checklistHeading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        note = plain_label(
            _(
                "How many cramps in the period named each trigger. {mark} marks a day "
                "factor present on clearly more cramp nights than cramp-free nights: a "
                "comparison, not a cause."
            ).format(mark=STANDS_OUT_MARK)
        )
        self.trigger_tree = QTreeWidget()
        self.trigger_tree.setObjectName("triggerTree")
        self.trigger_tree.setAccessibleName(_("Triggers from the checklist"))
        self.trigger_tree.setColumnCount(3)
        self.trigger_tree.setHeaderLabels([_("Trigger"), _("Cramps"), _("Compared")])
        self.trigger_tree.setRootIsDecorated(True)
        self.trigger_tree.setUniformRowHeights(True)
        self.trigger_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.trigger_tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

        self.trigger_details = plain_label(name="triggerDetails")
        self.trigger_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trigger_details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.trigger_details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.details_area = details = QScrollArea()
        details.setWidgetResizable(True)
        details.setWidget(self.trigger_details)
        details.setFrameShape(QFrame.Shape.NoFrame)
        details.hide()  # until a trigger is chosen: the tree takes the room, not a blank area
        self.episodes_heading = plain_label(_("Choose a trigger to see the cramps that named it."))
        self.trigger_episodes = QListWidget()
        self.trigger_episodes.setObjectName("triggerEpisodes")
        self.trigger_episodes.setAccessibleName(_("Cramps that named the chosen trigger"))

        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(self.trigger_tree)
        vertical.addWidget(details)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.episodes_heading)
        lower_layout.addWidget(self.trigger_episodes)
        vertical.addWidget(lower)
        vertical.setStretchFactor(0, 5)
        vertical.setStretchFactor(1, 3)
        vertical.setStretchFactor(2, 2)
        vertical.setSizes([500, 300, 200])

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(vertical, 1)

    def show_details(self, text: str) -> None:
        """Explain the chosen trigger; with none chosen the explanation's area goes away."""
        self.trigger_details.setText(text)
        self.details_area.setVisible(bool(text))

    def wanted_width(self) -> int:
        """The width that shows every trigger's name in full beside its two counts."""
        tree = self.trigger_tree
        header = tree.header()
        columns = sum(
            max(tree.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(tree.columnCount())
        )
        margins = self._layout.contentsMargins()
        chrome = 2 * tree.frameWidth() + tree.verticalScrollBar().sizeHint().width()
        return columns + chrome + margins.left() + margins.right() + 4


def fill_tree(
    tree: QTreeWidget, s: stats.PatternStats, selected: str | None
) -> QTreeWidgetItem | None:
    """The period's triggers under their groups; returns the item of `selected` if still listed."""
    groups: dict[str, QTreeWidgetItem] = {}
    keep: QTreeWidgetItem | None = None
    for trigger in s.triggers:
        group = groups.get(trigger.group)
        if group is None:
            group = QTreeWidgetItem(tree, [trigger.group_label, "", ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            groups[trigger.group] = group
        mark = ""
        if trigger.comparison is not None:
            mark = (
                STANDS_OUT_MARK
                if trigger.stands_out
                else ("" if trigger.comparison.enough_data else _("too few nights"))
            )
        item = QTreeWidgetItem(group, [trigger.label, str(trigger.episodes), mark])
        item.setData(0, TRIGGER_CODE_ROLE, trigger.code)
        # On a narrow window the name is cut short ("Unaccustomed hard acti…"): in full here.
        item.setToolTip(0, trigger.label)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if trigger.stands_out:
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            item.setFont(2, font)
        if trigger.code == selected:
            keep = item
    return keep


def trigger_text(
    s: stats.PatternStats, trigger: stats.TriggerStat, item: ChecklistItem | None
) -> str:
    """What the diary says about one trigger: how often named, compared, and the guidance."""
    parts = [f"{trigger.label} ({trigger.group_label})"]
    parts.append(
        n_(
            "Named as a suspected trigger on {episodes} of {n} cramp in this period.",
            "Named as a suspected trigger on {episodes} of {n} cramps in this period.",
            s.episodes,
        ).format(episodes=wording.number(trigger.episodes), n=wording.number(s.episodes))
    )
    c = trigger.comparison
    if c is None:
        parts.append(
            _("It can only be noted on a cramp, so it cannot be compared with cramp-free nights.")
        )
    elif not c.enough_data:
        parts.append(
            _(
                "Day records ({description}): not enough data to compare — it needs at least "
                "{MIN_NIGHTS_EACH_SIDE} cramp nights and {MIN_NIGHTS_EACH_SIDE} cramp-free "
                "nights with it recorded (now {cramp_nights_recorded} and "
                "{cramp_free_nights_recorded})."
            ).format(
                description=c.description,
                MIN_NIGHTS_EACH_SIDE=stats.MIN_NIGHTS_EACH_SIDE,
                cramp_nights_recorded=wording.number(c.cramp_nights_recorded),
                cramp_free_nights_recorded=wording.number(c.cramp_free_nights_recorded),
            )
        )
    else:
        standing = _(" It stands out.") if c.stands_out else ""
        parts.append(
            _(
                "Day records ({description}): present on {percent} of {count} vs {percent2} of "
                "{count2}.{standing} A comparison, not a cause."
            ).format(
                description=c.description,
                percent=wording.percent(c.share_of_cramp_nights),
                count=count(c.cramp_nights_recorded, "{n} cramp night", "{n} cramp nights"),
                percent2=wording.percent(c.share_of_cramp_free_nights),
                count2=count(
                    c.cramp_free_nights_recorded, "{n} cramp-free night", "{n} cramp-free nights"
                ),
                standing=standing,
            )
        )
    if item is not None:
        if item.explanation:  # the checklist's words, in its translation (never _(""))
            parts.append(_(item.explanation))
        if item.advice:
            parts.append(_("What may help: {advice}").format(advice=_(item.advice)))
    return "\n\n".join(parts)


def episode_line(episode: stats.EpisodeRef) -> str:
    """One cramp that named the trigger: when, where, how bad, how long."""
    bits = [
        nights.cited(episode.night, episode.start_local, capital=True),
        episode.muscle_label,
    ]
    if episode.side.value in ("left", "right", "both"):
        bits[-1] += f" ({episode.side.label.lower()})"
    if episode.intensity is not None:
        bits.append(_("intensity {score}").format(score=episode.intensity))
    if episode.duration_s is not None:
        bits.append(duration(episode.duration_s))
    return " · ".join(bits)
