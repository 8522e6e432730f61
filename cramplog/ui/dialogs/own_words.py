"""The "Your own words" dialog: add, rename, hide and show custom muscles, triggers and reliefs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cramplog.core.errors import CramplogError
from cramplog.core.records import VocabularyItem, VocabularyKind
from cramplog.ui import editor as editing
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.widgets.theme import ErrorLabel, WrappedLabel

# (tab title, one word, a few words) for each kind.
_NAMES = {
    VocabularyKind.MUSCLE: ("&Muscles", "muscle", "muscles"),
    VocabularyKind.TRIGGER: ("&Triggers", "trigger", "triggers"),
    VocabularyKind.RELIEF: ("&Reliefs", "relief method", "relief methods"),
}
CODE_ROLE = Qt.ItemDataRole.UserRole
HIDDEN_SUFFIX = "  (hidden)"


def ask_text(parent: QWidget, title: str, label: str, text: str) -> str | None:
    """Ask for one line of text; None when cancelled. The one seam tests replace."""
    answer, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
    return answer if ok else None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


class WordList(QWidget):
    """The person's own words of one kind, with add, rename and hide/show."""

    def __init__(self, editor: DiaryEditor, kind: VocabularyKind, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.kind = kind
        _title, self.one, self.many = _NAMES[kind]
        self.setObjectName(f"ownWords_{kind.value}")

        intro = WrappedLabel(
            f"Your own {self.many}, offered beside the built-in ones. Renaming changes the word "
            f"on past cramps too; hiding keeps it on past cramps but stops offering it in forms."
        )

        self.new_edit = QLineEdit()
        self.new_edit.setAccessibleName(f"New {self.one}")
        self.new_edit.setPlaceholderText(f"A new {self.one}")
        self.new_edit.returnPressed.connect(self.add_word)
        self.new_edit.textEdited.connect(self._clear_messages)
        self.add_button = QPushButton("&Add")
        self.add_button.clicked.connect(self.add_word)
        new_label = QLabel(f"&New {self.one}:")
        new_label.setBuddy(self.new_edit)
        add_row = QHBoxLayout()
        add_row.addWidget(new_label)
        add_row.addWidget(self.new_edit, 1)
        add_row.addWidget(self.add_button)

        self.list = QListWidget()
        self.list.setAccessibleName(f"Your own {self.many}")
        self.list.currentItemChanged.connect(self._selection_changed)
        self.list.itemActivated.connect(self.rename_word)

        self.rename_button = QPushButton("R&ename…")
        self.rename_button.clicked.connect(self.rename_word)
        self.hide_button = QPushButton("&Hide")
        self.hide_button.clicked.connect(self.toggle_hidden)
        side = QVBoxLayout()
        side.addWidget(self.rename_button)
        side.addWidget(self.hide_button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(side)

        self.error = ErrorLabel()
        self.error.setObjectName("ownWordsError")
        self.status = WrappedLabel()
        self.status.setObjectName("ownWordsStatus")

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(add_row)
        layout.addWidget(self.error)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        self.refresh()
        # Undo and redo change the words from outside this list.
        editor.changed.connect(self._diary_changed)

    # -- showing --------------------------------------------------------------------------

    def words(self) -> list[VocabularyItem]:
        return self.editor.diary.custom_items(self.kind)

    def refresh(self, select: str | None = None) -> None:
        current = self.current_word()
        select = select or (current.code if current else None)
        self.list.clear()
        words = self.words()
        for word in words:
            item = QListWidgetItem(word.label + (HIDDEN_SUFFIX if word.hidden else ""))
            item.setData(CODE_ROLE, word.code)
            if word.hidden:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                item.setToolTip("Hidden: kept on past cramps, not offered in forms")
            self.list.addItem(item)
            if word.code == select:
                self.list.setCurrentItem(item)
        if not words:
            placeholder = QListWidgetItem(f"No {self.many} of your own yet.")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
        self._selection_changed()

    def _diary_changed(self, what: str) -> None:
        if what == editing.VOCABULARY:
            # An undo makes "Added …" untrue; this list's own changes set their line after.
            self._clear_messages()
            self.refresh()

    def current_word(self) -> VocabularyItem | None:
        item = self.list.currentItem()
        code = None if item is None else item.data(CODE_ROLE)
        if not isinstance(code, str):
            return None
        return next((word for word in self.words() if word.code == code), None)

    def _selection_changed(self) -> None:
        word = self.current_word()
        self.rename_button.setEnabled(word is not None)
        self.hide_button.setEnabled(word is not None)
        self.hide_button.setText("S&how" if word is not None and word.hidden else "&Hide")

    def _clear_messages(self) -> None:
        self.error.clear_message()
        self.status.clear()

    # -- changing -------------------------------------------------------------------------

    def _refusal(self, label: str, *, except_code: str | None = None) -> str | None:
        """Why `label` cannot be used (empty or already taken), or None if it can."""
        folded = _fold(label)
        if not folded:
            return f"Type the {self.one} first."
        for word in self.words():
            if word.code != except_code and _fold(word.label) == folded:
                if word.hidden:
                    return (
                        f"“{word.label}” is already in your {self.many}, hidden. "
                        "Choose it in the list and press Show to offer it again."
                    )
                return f"“{word.label}” is already in your {self.many}."
        for item in self.editor.diary.checklist.of_kind(self.kind.value):
            if _fold(item.label) == folded:
                return f"“{item.label}” is already one of the built-in {self.many}."
        return None

    def add_word(self) -> None:
        self._clear_messages()
        label = self.new_edit.text()
        refusal = self._refusal(label)
        if refusal is not None:
            self.error.show_message(refusal)
            self.new_edit.setFocus()
            return
        try:
            word = self.editor.add_own_word(self.kind, label)
        except CramplogError as exc:
            self.error.show_message(str(exc))
            self.new_edit.setFocus()
            return
        self.new_edit.clear()
        self.refresh(select=word.code)
        self.status.setText(f"Added “{word.label}”.")

    def rename_word(self) -> None:
        word = self.current_word()
        if word is None:
            return
        self._clear_messages()
        answer = ask_text(self, f"Rename a {self.one}", f"New name for “{word.label}”:", word.label)
        if answer is None or " ".join(answer.split()) == word.label:
            return
        # A change of case only ("calf" → "Calf") is a rename, not a duplicate.
        refusal = self._refusal(answer, except_code=word.code)
        if refusal is not None:
            self.error.show_message(refusal)
            return
        try:
            renamed = self.editor.rename_own_word(word.code, answer)
        except CramplogError as exc:
            self.error.show_message(str(exc))
            return
        self.refresh(select=renamed.code)
        self.status.setText(
            f"Renamed “{word.label}” to “{renamed.label}”. Past cramps show the new name."
        )

    def toggle_hidden(self) -> None:
        word = self.current_word()
        if word is None:
            return
        self._clear_messages()
        try:
            changed = self.editor.set_own_word_hidden(word.code, not word.hidden)
        except CramplogError as exc:
            self.error.show_message(str(exc))
            return
        self.refresh(select=changed.code)
        self.status.setText(
            f"“{changed.label}” is hidden: past cramps keep it, forms no longer offer it."
            if changed.hidden
            else f"“{changed.label}” is offered in forms again."
        )


class OwnWordsDialog(QDialog):
    """One tab per kind of word a person can add: muscles, triggers and relief methods."""

    def __init__(self, editor: DiaryEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setWindowTitle("Your own words")
        self.setObjectName("ownWordsDialog")
        self.tabs = QTabWidget()
        self.lists: dict[VocabularyKind, WordList] = {}
        for kind in (VocabularyKind.MUSCLE, VocabularyKind.TRIGGER, VocabularyKind.RELIEF):
            word_list = WordList(editor, kind)
            self.lists[kind] = word_list
            self.tabs.addTab(word_list, _NAMES[kind][0])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        # Enter in a "new word" box adds that word; it must not also press some other button.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.resize(560, 440)
