"""Keep an open episode form's unsaved content in its draft file, and offer it back after a crash.

A form works with the keeper if it has `draft_state() -> dict`, `restore_draft(dict)`, an
`edited` signal, and (as a QDialog) `accepted`/`rejected`. The hooks for the app:

- `keep_drafts(form, data_dir)`: attach a keeper to one form;
- `DraftKeeperInstaller(data_dir)`: while it lives, every such form gets a keeper the moment
  it takes the focus, so no window code has to remember to;
- `pending_draft(data_dir)` / `DraftStore.delete()`: what app start-up offers back.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol, cast

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from cramplog.core.errors import DraftError
from cramplog.diary.drafts import DraftStore

# Typing pauses shorter than this are one burst of typing; the draft is kept at its end.
SAVE_DELAY_MS = 1500
_KEEPER_PROPERTY = "cramplogDraftKeeper"


class DraftForm(Protocol):
    """What a form offers the keeper."""

    edited: SignalInstance

    def draft_state(self) -> dict[str, object]: ...

    def restore_draft(self, state: Mapping[str, object]) -> None: ...


def is_draft_form(widget: object) -> bool:
    return (
        isinstance(widget, QWidget)
        and callable(getattr(widget, "draft_state", None))
        and callable(getattr(widget, "restore_draft", None))
        and isinstance(getattr(widget, "edited", None), SignalInstance)
    )


class DraftKeeper(QObject):
    """Saves a form's draft ~1.5 s after typing stops and when the focus leaves a field.

    The draft is deleted only once the entry is committed (the dialog is accepted, which the
    form does after the diary stored the entry) or the person chose to discard it. A draft
    that cannot be written (disk full) is reported through `failed`; the form is untouched.
    """

    saved = Signal()
    failed = Signal(str)

    def __init__(
        self,
        form: QWidget,
        store: DraftStore,
        *,
        delay_ms: int = SAVE_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or form)
        if not is_draft_form(form):
            raise TypeError("The form must offer draft_state(), restore_draft() and edited.")
        self.form = form
        self.store = store
        self._dirty = False
        self._finished = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)
        cast(DraftForm, form).edited.connect(self._edited)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        if isinstance(form, QDialog):
            form.accepted.connect(self.entry_committed)
            form.rejected.connect(self.entry_discarded)
        form.destroyed.connect(self._form_gone)

    def _edited(self) -> None:
        if self._finished:
            return
        self._dirty = True
        self._timer.start()

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self._finished or not self._dirty or old is None:
            return
        try:
            inside = old is self.form or self.form.isAncestorOf(old)
        except RuntimeError:  # the form's C++ object is already gone
            return
        if inside:
            self.save_now()

    def save_now(self) -> None:
        """Write the draft now (if anything changed since the last one)."""
        if self._finished:
            return
        self._timer.stop()
        if not self._dirty:
            return
        changed = getattr(self.form, "is_changed", None)
        try:
            if callable(changed) and not changed():
                # Back to what the form held when it opened: there is nothing to keep.
                self.store.delete()
            else:
                self.store.save(cast(DraftForm, self.form).draft_state())
        except DraftError as exc:
            self.failed.emit(str(exc))
            return
        self._dirty = False
        self.saved.emit()

    def entry_committed(self) -> None:
        """The entry is in the diary: the draft has done its job."""
        self._finish()

    def entry_discarded(self) -> None:
        """The person closed the form and confirmed discarding what it held."""
        self._finish()

    def _finish(self) -> None:
        self._finished = True
        self._timer.stop()
        try:
            self.store.delete()
        except DraftError as exc:
            self.failed.emit(str(exc))

    def _form_gone(self) -> None:
        self._finished = True
        self._timer.stop()


def keep_drafts(form: QWidget, data_dir: Path) -> DraftKeeper:
    """Attach a draft keeper to `form` (once); the hook for code that opens episode forms."""
    existing = form.property(_KEEPER_PROPERTY)
    if isinstance(existing, DraftKeeper):
        return existing
    keeper = DraftKeeper(form, DraftStore.for_episode_form(data_dir))
    form.setProperty(_KEEPER_PROPERTY, keeper)
    return keeper


class DraftKeeperInstaller(QObject):
    """Attaches a draft keeper to every draft-capable form as soon as it takes the focus.

    It listens to the application's focusChanged signal rather than filtering every event,
    so it costs nothing while the person is not moving between fields.
    """

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        form = new.window()
        if is_draft_form(form) and self._owns(form):
            keep_drafts(form, self.data_dir)

    def _owns(self, form: QWidget) -> bool:
        """Whether `form` belongs to this installer's window (every form is opened with the
        main window as its parent). An installer that outlives its window, or one of another
        diary's window, must not give a form a keeper writing to the wrong data folder."""
        owner = self.parent()
        if not isinstance(owner, QWidget):
            return True
        widget = form.parentWidget()
        while widget is not None:
            if widget is owner:
                return True
            widget = widget.parentWidget()
        return False


def pending_draft(data_dir: Path) -> dict[str, object] | None:
    """A draft left by a run that ended before its entry was saved, or None."""
    return DraftStore.for_episode_form(data_dir).load()
