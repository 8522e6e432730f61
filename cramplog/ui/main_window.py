"""The main window: the diary's places, its menus and the status bar naming the diary file."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView, QWidget

from cramplog.diary import Diary
from cramplog.ui.about import AboutDialog
from cramplog.ui.episode_model import EpisodeTableModel


class MainWindow(QMainWindow):
    def __init__(
        self, diary: Diary, *, sample: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.diary = diary
        self.sample = sample
        self.setWindowTitle("cramplog — sample diary" if sample else "cramplog")
        self.episode_model = EpisodeTableModel(
            label=diary.label, night_of=diary.night_of, parent=self
        )
        self.table = QTableView(self)
        self.table.setObjectName("episodeTable")
        self.table.setAccessibleName("Cramps in the diary")
        self.table.setModel(self.episode_model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setCentralWidget(self.table)

        self.path_label = QLabel(str(diary.path))
        self.path_label.setObjectName("diaryPathLabel")
        self.statusBar().addPermanentWidget(self.path_label)

        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.menuBar().addMenu("&File").addAction(quit_action)
        about = QAction("&About cramplog", self)
        about.triggered.connect(self.show_about)
        self.menuBar().addMenu("&Help").addAction(about)

        self.refresh()
        self.resize(1100, 680)

    def refresh(self) -> None:
        episodes = self.diary.list_episodes()
        # Newest first: the last few nights are what a person looks for.
        self.episode_model.set_episodes(list(reversed(episodes)))
        self.statusBar().showMessage(f"{len(episodes)} cramps recorded")
        self.table.resizeColumnsToContents()

    def show_about(self) -> None:
        AboutDialog(self.diary.path, self).exec()
