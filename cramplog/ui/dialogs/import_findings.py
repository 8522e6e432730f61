"""The import preview's findings: row problems with their lines, notes on the reading, new words."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QListWidget, QVBoxLayout, QWidget

from cramplog import exchange
from cramplog.core.translation import N_, _, n_
from cramplog.core.wording import number
from cramplog.exchange import dry_run
from cramplog.exchange.csv_format.spreadsheet_words import KIND_PLURALS, listed_words
from cramplog.ui.widgets.labels import plain_label

ADD_WORDS = N_("Add these as my own words")
WORDS_WAITING = N_(
    "Nothing can be imported until you agree to add them, or change those cells in the file."
)
WORDS_AGREED = N_("They will be added with the import, and you can rename or hide them later.")


class FindingsPanel(QWidget):
    """What the dry run found beyond the rows: problems, notes on the reading, new words.

    `words_agreed` changes when the person ticks or unticks the new words; the dialog runs
    the dry run again with `ImportOptions.new_words` set to match.
    """

    words_agreed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors_label = plain_label()
        self.errors = QListWidget()
        self.errors.setObjectName("rowErrors")
        self.errors.setAccessibleName(_("Rows with errors"))
        self.errors.setWordWrap(True)
        self.reading = plain_label()
        self.reading.setObjectName("importReading")
        self.reading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_words()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.errors_label)
        layout.addWidget(self.errors)
        layout.addWidget(self.reading)
        layout.addWidget(self.words_box)
        layout.addStretch(1)

    def _build_words(self) -> None:
        self.words_box = QGroupBox(_("Words that match nothing in the diary"))
        self.words_box.setObjectName("newWordsBox")
        self.words_list = plain_label()
        self.words_list.setObjectName("newWords")
        self.add_words = QCheckBox(_(ADD_WORDS))
        self.add_words.setObjectName("addNewWords")
        self.add_words.toggled.connect(self.words_agreed)
        self.add_words.toggled.connect(self._show_words_state)
        self.words_state = plain_label(_(WORDS_WAITING))
        self.words_state.setObjectName("newWordsState")
        column = QVBoxLayout(self.words_box)
        column.addWidget(self.words_list)
        column.addWidget(self.add_words)
        column.addWidget(self.words_state)
        self.words_box.hide()

    def _show_words_state(self, agreed: bool) -> None:
        self.words_state.setText(_(WORDS_AGREED if agreed else WORDS_WAITING))

    def reset(self) -> None:
        """A new file or sheet: its words are not agreed to yet."""
        self.add_words.blockSignals(True)
        self.add_words.setChecked(False)
        self.add_words.blockSignals(False)
        self._show_words_state(False)

    def show_nothing(self) -> None:
        self.errors.clear()
        for widget in (self.errors_label, self.errors, self.reading, self.words_box):
            widget.hide()

    def show_plan(self, plan: exchange.ImportPlan) -> None:
        batch = plan.batch
        self.errors.clear()
        if plan.errors:
            self.errors_label.setText(
                n_(
                    "{n} row with errors, each with its line — fix them in the file, or skip them:",
                    "{n} rows with errors, each with its line — fix them in the file, or skip "
                    "them:",
                    plan.error_count,
                ).format(n=number(plan.error_count))
            )
            for error in plan.errors:
                self.errors.addItem(str(error))
            # Up to six lines; more scroll.
            shown = min(len(plan.errors), 6)
            self.errors.setFixedHeight(self.fontMetrics().lineSpacing() * (shown + 1) + 8)
        self.errors_label.setVisible(bool(plan.errors))
        self.errors.setVisible(bool(plan.errors))
        # The file's own notes (its encoding, its sheet) are in the summary above.
        lines = dry_run.reading_lines(batch)
        if not (lines or plan.errors or batch.new_words):
            lines = [_("Every row of the file can be read.")]
        self.reading.setText("\n".join(lines))
        self.reading.setVisible(bool(lines))
        if batch.new_words:
            self.words_list.setText(
                "\n".join(
                    # Translators: a kind of word, then the words ("Triggers: “long walk”").
                    _("{kind}: {words}").format(
                        kind=_(KIND_PLURALS[kind]).capitalize(), words=listed_words(words)
                    )
                    for kind, words in batch.new_words.items()
                )
            )
        self.words_box.setVisible(bool(batch.new_words))
