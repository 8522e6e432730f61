"""The "Your own words" dialog: add, rename, hide and show custom muscles, triggers and reliefs."""

from __future__ import annotations

from dataclasses import dataclass

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
from cramplog.core.translation import N_, _
from cramplog.ui import editor as editing
from cramplog.ui.editor import DiaryEditor
from cramplog.ui.widgets.theme import ErrorLabel, WrappedLabel


@dataclass(frozen=True)
class _Texts:
    """What the list of one kind of word says, each a whole sentence (marked N_)."""

    tab: str
    intro: str
    new_name: str
    new_hint: str
    new_label: str
    list_name: str
    none_yet: str
    type_first: str
    taken_hidden: str
    taken: str
    built_in: str
    rename_title: str


_TEXTS = {
    VocabularyKind.MUSCLE: _Texts(
        tab=N_("&Muscles"),
        intro=N_(
            "Your own muscles, offered beside the built-in ones. Renaming changes the "
            "word on past cramps too; hiding keeps it on past cramps but stops "
            "offering it in forms."
        ),
        new_name=N_("New muscle"),
        new_hint=N_("A new muscle"),
        new_label=N_("&New muscle:"),
        list_name=N_("Your own muscles"),
        none_yet=N_("No muscles of your own yet."),
        type_first=N_("Type the muscle first."),
        taken_hidden=N_(
            "“{label}” is already in your muscles, hidden. Choose it in the list and "
            "press Show to offer it again."
        ),
        taken=N_("“{label}” is already in your muscles."),
        built_in=N_("“{label}” is already one of the built-in muscles."),
        rename_title=N_("Rename a muscle"),
    ),
    VocabularyKind.TRIGGER: _Texts(
        tab=N_("&Triggers"),
        intro=N_(
            "Your own triggers, offered beside the built-in ones. Renaming changes the "
            "word on past cramps too; hiding keeps it on past cramps but stops "
            "offering it in forms."
        ),
        new_name=N_("New trigger"),
        new_hint=N_("A new trigger"),
        new_label=N_("&New trigger:"),
        list_name=N_("Your own triggers"),
        none_yet=N_("No triggers of your own yet."),
        type_first=N_("Type the trigger first."),
        taken_hidden=N_(
            "“{label}” is already in your triggers, hidden. Choose it in the list and "
            "press Show to offer it again."
        ),
        taken=N_("“{label}” is already in your triggers."),
        built_in=N_("“{label}” is already one of the built-in triggers."),
        rename_title=N_("Rename a trigger"),
    ),
    VocabularyKind.RELIEF: _Texts(
        tab=N_("&Reliefs"),
        intro=N_(
            "Your own relief methods, offered beside the built-in ones. Renaming "
            "changes the word on past cramps too; hiding keeps it on past cramps but "
            "stops offering it in forms."
        ),
        new_name=N_("New relief method"),
        new_hint=N_("A new relief method"),
        new_label=N_("&New relief method:"),
        list_name=N_("Your own relief methods"),
        none_yet=N_("No relief methods of your own yet."),
        type_first=N_("Type the relief method first."),
        taken_hidden=N_(
            "“{label}” is already in your relief methods, hidden. Choose it in the "
            "list and press Show to offer it again."
        ),
        taken=N_("“{label}” is already in your relief methods."),
        built_in=N_("“{label}” is already one of the built-in relief methods."),
        rename_title=N_("Rename a relief method"),
    ),
}
CODE_ROLE = Qt.ItemDataRole.UserRole
# Translators: added after a hidden word's name in the list.
HIDDEN_SUFFIX = N_("  (hidden)")


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
        self.texts = texts = _TEXTS[kind]
        self.setObjectName(f"ownWords_{kind.value}")

        intro = WrappedLabel(_(texts.intro))

        self.new_edit = QLineEdit()
        self.new_edit.setAccessibleName(_(texts.new_name))
        self.new_edit.setPlaceholderText(_(texts.new_hint))
        self.new_edit.returnPressed.connect(self.add_word)
        self.new_edit.textEdited.connect(self._clear_messages)
        self.add_button = QPushButton(_("&Add"))
        self.add_button.clicked.connect(self.add_word)
        new_label = QLabel(_(texts.new_label))
        new_label.setBuddy(self.new_edit)
        add_row = QHBoxLayout()
        add_row.addWidget(new_label)
        add_row.addWidget(self.new_edit, 1)
        add_row.addWidget(self.add_button)

        self.list = QListWidget()
        self.list.setAccessibleName(_(texts.list_name))
        self.list.currentItemChanged.connect(self._selection_changed)
        self.list.itemActivated.connect(self.rename_word)

        self.rename_button = QPushButton(_("R&ename…"))
        self.rename_button.clicked.connect(self.rename_word)
        self.hide_button = QPushButton(_("&Hide"))
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
            item = QListWidgetItem(word.label + (_(HIDDEN_SUFFIX) if word.hidden else ""))
            item.setData(CODE_ROLE, word.code)
            if word.hidden:
                font = item.font()
                font.setItalic(True)
                item.setFont(font)
                item.setToolTip(_("Hidden: kept on past cramps, not offered in forms"))
            self.list.addItem(item)
            if word.code == select:
                self.list.setCurrentItem(item)
        if not words:
            placeholder = QListWidgetItem(_(self.texts.none_yet))
            # Enabled but not selectable: a disabled item is drawn in the faint disabled
            # colour (3.7:1), and this line is news to read, not a control to use.
            placeholder.setFlags(Qt.ItemFlag.ItemIsEnabled)
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
        self.hide_button.setText(_("S&how") if word is not None and word.hidden else _("&Hide"))

    def _clear_messages(self) -> None:
        self.error.clear_message()
        self.status.clear()

    # -- changing -------------------------------------------------------------------------

    def _refusal(self, label: str, *, except_code: str | None = None) -> str | None:
        """Why `label` cannot be used (empty or already taken), or None if it can."""
        folded = _fold(label)
        if not folded:
            return _(self.texts.type_first)
        for word in self.words():
            if word.code != except_code and _fold(word.label) == folded:
                if word.hidden:
                    return _(self.texts.taken_hidden).format(label=word.label)
                return _(self.texts.taken).format(label=word.label)
        for item in self.editor.diary.checklist.of_kind(self.kind.value):
            if _fold(item.label) == folded:
                return _(self.texts.built_in).format(label=item.label)
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
        self.status.setText(_("Added “{label}”.").format(label=word.label))

    def rename_word(self) -> None:
        word = self.current_word()
        if word is None:
            return
        self._clear_messages()
        answer = ask_text(
            self,
            _(self.texts.rename_title),
            _("New name for “{label}”:").format(label=word.label),
            word.label,
        )
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
            _("Renamed “{old}” to “{new}”. Past cramps show the new name.").format(
                old=word.label, new=renamed.label
            )
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
            _("“{label}” is hidden: past cramps keep it, forms no longer offer it.").format(
                label=changed.label
            )
            if changed.hidden
            else _("“{label}” is offered in forms again.").format(label=changed.label)
        )


class OwnWordsDialog(QDialog):
    """One tab per kind of word a person can add: muscles, triggers and relief methods."""

    def __init__(self, editor: DiaryEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.setWindowTitle(_("Your own words"))
        self.setObjectName("ownWordsDialog")
        self.tabs = QTabWidget()
        self.lists: dict[VocabularyKind, WordList] = {}
        for kind in (VocabularyKind.MUSCLE, VocabularyKind.TRIGGER, VocabularyKind.RELIEF):
            word_list = WordList(editor, kind)
            self.lists[kind] = word_list
            self.tabs.addTab(word_list, _(_TEXTS[kind].tab))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        # Enter in a "new word" box adds that word; it must not also press some other button.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.resize(560, 440)
