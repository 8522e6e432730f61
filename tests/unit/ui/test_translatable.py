"""Every text the app shows goes through the catalogue: a scan of cramplog/ui's source.

A string literal or f-string with letters in it, handed straight to a call that puts text on
the screen (a label, a button, a title, a tooltip, a status message, an undo step's name…),
is a message no translator can reach. It must go through `_()` (or `n_()`, or be a constant
marked `N_()` and translated where shown). The few texts that must stay as written are listed
in ALLOWED, each with its reason.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from string import Formatter

import cramplog.ui

UI = Path(cramplog.ui.__file__).parent

# Qt's own calls that put their arguments on the screen.
QT_SETTERS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setWhatsThis",
    "addAction",
    "addMenu",
    "addTab",
    "insertTab",
    "setTabText",
    "setTabToolTip",
    "addItem",
    "addItems",
    "insertItem",
    "setItemText",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels",
    "showMessage",
    "setTitle",
    "setLabelText",
    "setCancelButtonText",
    "setInformativeText",
    "setDetailedText",
    "addButton",
    "addRow",
    "setSuffix",
    "setPrefix",
    "setSpecialValueText",
    "createUndoAction",
    "createRedoAction",
}
QT_CONSTRUCTORS = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QToolButton",
    "QToolBar",
    "QCommandLinkButton",
    "QListWidgetItem",
    "QTableWidgetItem",
    "QTreeWidgetItem",
    "QStandardItem",
    "QProgressDialog",
    "QUndoCommand",
}
# QMessageBox.information(...), QInputDialog.getText(...), QFileDialog.getSaveFileName(...).
QT_STATIC = {
    "QMessageBox": {"information", "warning", "critical", "question", "about"},
    "QInputDialog": {"getText", "getItem", "getInt", "getDouble", "getMultiLineText"},
    "QFileDialog": {"getOpenFileName", "getSaveFileName", "getExistingDirectory"},
}
# The project's own helpers whose arguments end up on the screen (found by reading ui/: the
# label and message builders, the prompts, the undo steps' names, the form rows' captions).
PROJECT_HELPERS = {
    # labels and captions
    "plain_label",
    "MutedLabel",
    "WrappedLabel",
    "ErrorLabel",
    "ChoiceButton",
    "RadioRow",
    "ChecklistTree",
    "ScalePicker",
    "label",
    "_label",
    "_plain",
    "_plain_label",
    "_caption",
    "caption",
    "_big_button",
    "_group",
    "_row",
    "form_row",
    "_with_error",
    "_class_item",
    "_date_edit",
    "date_edit",
    "set_options",
    "plain_tooltip",
    # messages and prompts
    "tell",
    "ask",
    "confirm",
    "show_error",
    "_show_error",
    "show_message",
    "_show_message",
    "_show_problem",
    "show_details",
    "remind_in_window",
    "notify",
    "note",
    "saved",
    "confirm_discard",
    "ask_text",
    "choose_path",
    "emit",
    # the undo steps' names ("Undo delete a cramp") and the window's actions
    "_push",
    "_day_change",
    "_spans_change",
    "_action",
}
# Errors raised in ui/ reach the person through show_error(str(exc)).
SHOWN_ERRORS = {
    "CramplogError",
    "DiaryLockedError",
    "ImportRejectedError",
    "NotFoundError",
    "StorageError",
    "ValidationError",
}

# Texts that are the same in every language, and why.
ALLOWED = {
    "cramplog",  # the app's name
    "Fusion",  # Qt's style name, not a text
}
KEYS = re.compile(r"^(Ctrl|Alt|Shift|Meta)\+\S*$|^F\d{1,2}$")  # key sequences: "Ctrl+Shift+N"
# Arguments of the project's helpers that name a thing rather than show it: an object name
# (`plain_label(text, name="periodLabel")`), the field an error goes under
# (`show_error("muscle", message)`, `_with_error("fluids", ...)`), a kind of file.
NOT_TEXT_KEYWORDS = {"name", "field"}
NOT_TEXT_POSITIONS = {"_with_error": 0, "_show_error": 0, "choose_path": 1}
FORM_FIELDS = {"show_error"}  # a form's show_error(field, message); the window's takes a title


def literal_text(node: ast.expr) -> str | None:
    """The letters-bearing literal part of `node` if it is written text, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
    else:
        return None
    if not any(character.isalpha() for character in text):
        return None
    if text.strip() in ALLOWED or KEYS.match(text.strip()):
        return None
    return text


def untranslated(node: ast.expr) -> Iterator[ast.expr]:
    """The written texts inside an argument that reach the screen as they are."""
    if literal_text(node) is not None:
        yield node
    elif isinstance(node, ast.BinOp):  # "Saved " + name, "%s" % x
        yield from untranslated(node.left)
        yield from untranslated(node.right)
    elif isinstance(node, ast.IfExp):
        yield from untranslated(node.body)
        yield from untranslated(node.orelse)
    elif isinstance(node, ast.List | ast.Tuple | ast.Set):
        for element in node.elts:
            yield from untranslated(element)
    elif isinstance(node, ast.Dict):
        for value in node.values:
            yield from untranslated(value)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        # "Saved {n}".format(n=n) or ", ".join(...): the text the method is called on.
        if node.func.attr == "format":
            yield from untranslated(node.func.value)
    elif isinstance(node, ast.ListComp | ast.GeneratorExp):
        yield from untranslated(node.elt)


def callee(call: ast.Call) -> tuple[str | None, str | None]:
    """(the name called, the class it is called on for Class.method) of a call."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id, None
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        return func.attr, owner
    return None, None


def shows_text(call: ast.Call) -> bool:
    name, owner = callee(call)
    if name is None:
        return False
    if owner in QT_STATIC:
        return name in QT_STATIC[owner]
    return name in QT_SETTERS or name in QT_CONSTRUCTORS or name in PROJECT_HELPERS


def text_arguments(call: ast.Call) -> list[ast.expr]:
    """The arguments of a text-showing call that may be shown (not names, fields or kinds)."""
    name, owner = callee(call)
    skip = NOT_TEXT_POSITIONS.get(name or "")
    if name in FORM_FIELDS and owner == "self" and len(call.args) == 2:
        skip = 0
    positional = [arg for index, arg in enumerate(call.args) if index != skip]
    named = [kw.value for kw in call.keywords if kw.arg not in NOT_TEXT_KEYWORDS]
    return [*positional, *named]


def findings(source: str, where: str) -> list[str]:
    """Each place in `source` where written text reaches the screen without the catalogue."""
    found = []
    for node in ast.walk(ast.parse(source)):
        arguments: list[ast.expr] = []
        if isinstance(node, ast.Call) and shows_text(node):
            arguments = text_arguments(node)
        elif (
            isinstance(node, ast.Raise)
            and isinstance(node.exc, ast.Call)
            and callee(node.exc)[0] in SHOWN_ERRORS
        ):
            arguments = list(node.exc.args)
        for argument in arguments:
            for text in untranslated(argument):
                found.append(f"{where}:{text.lineno}: {ast.unparse(text)[:70]}")
    return found


def test_every_text_the_app_shows_goes_through_the_catalogue() -> None:
    modules = sorted(UI.rglob("*.py"))
    assert len(modules) > 60  # the whole of ui/, not an empty folder
    found = [
        line
        for path in modules
        for line in findings(path.read_text(encoding="utf-8"), str(path.relative_to(UI)))
    ]
    assert found == []


def test_the_scan_finds_text_that_bypasses_the_catalogue() -> None:
    source = """
label = QLabel("Night of")
box.setWindowTitle(f"Review {night}")
self.statusBar().showMessage("Saved " + name, 5000)
combo.addItems(["Yes", "No"])
QMessageBox.warning(self, "Careful", text)
widgets.plain_label("Which muscle", wrap=False)
self._push("delete " + what, EPISODES)
button.setToolTip("Shown {n} times".format(n=3))
raise ValidationError("That is not a time.")
"""
    lines = [int(line.split(":")[1]) for line in findings(source, "x.py")]
    assert sorted(set(lines)) == list(range(2, 11))
    assert len(lines) == 10  # both of ["Yes", "No"]


def test_the_scan_passes_translated_allowed_and_non_text_arguments() -> None:
    source = """
label = QLabel(_("Night of"))
box.setWindowTitle(_("Review {night}").format(night=night))
self.statusBar().showMessage(n_("{n} cramp", "{n} cramps", n).format(n=n), 5000)
combo.addItems([_(text) for text in CHOICES])
show_error(self, "cramplog", message)
self._action(_("&Log cramp"), self.log, "Ctrl+N")
self.setObjectName("mainWindow")
label.setText(f"{when} — {where}")
raise RuntimeError("the window has no diary yet")
"""
    assert findings(source, "x.py") == []


def placeholder_problems(source: str, where: str) -> Iterator[str]:
    """`_("…{name}…").format(...)` calls whose names and values do not match."""
    for node in ast.walk(ast.parse(source)):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
            and isinstance(node.func.value, ast.Call)
            and callee(node.func.value)[0] in ("_", "n_")
        ):
            continue
        messages = [
            arg.value
            for arg in node.func.value.args
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        ]
        given = {keyword.arg for keyword in node.keywords}
        for message in messages:
            wanted = {name for _text, name, _spec, _conv in Formatter().parse(message) if name}
            if node.args or not wanted <= given:
                yield f"{where}:{node.lineno}: {message[:50]!r} needs {sorted(wanted)}"


def test_every_placeholder_of_a_message_is_named_and_given() -> None:
    # A message's {names} are what a translator sees and may move; a positional {} or a name
    # with no value would fail only when the message is shown.
    found = [
        line
        for path in sorted(UI.rglob("*.py"))
        for line in placeholder_problems(path.read_text(encoding="utf-8"), path.name)
    ]
    assert found == []
    assert list(placeholder_problems('_("Saved {name}").format(path=p)', "x.py")) != []
