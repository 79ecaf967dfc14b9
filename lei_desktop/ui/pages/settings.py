"""Settings: the interface language (switches live, remembered), where the data lives, the wizard."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from lei_desktop.paths import user_data_dir
from lei_desktop.ui import i18n
from lei_desktop.ui.pages.base import BasePage
from lei_desktop.version import __version__


class SettingsPage(BasePage):
    page_id = "settings"

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        v = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        v.addWidget(self.heading)
        self.lang_box = QGroupBox()
        f = QFormLayout(self.lang_box)
        self.lang_label = QLabel()
        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("language")
        self.lang_combo.addItem("中文（简体）", "zh")
        self.lang_combo.addItem("English", "en")
        self.lang_label.setBuddy(self.lang_combo)
        f.addRow(self.lang_label, self.lang_combo)
        self.lang_note = QLabel()
        self.lang_note.setWordWrap(True)
        f.addRow(self.lang_note)
        self.sample_label = QLabel()
        self.sample = QLabel()
        self.sample.setObjectName("format_sample")
        f.addRow(self.sample_label, self.sample)
        v.addWidget(self.lang_box)
        self.data_box = QGroupBox()
        g = QFormLayout(self.data_box)
        self.db_label = QLabel()
        self.db_value = QLabel()
        self.db_value.setWordWrap(True)
        self.dir_label = QLabel()
        self.dir_value = QLabel()
        self.ver_label = QLabel()
        self.ver_value = QLabel(__version__)
        for w, name in ((self.db_value, "db_path"), (self.dir_value, "data_dir"), (self.ver_value, "version")):
            w.setObjectName(name)
        g.addRow(self.db_label, self.db_value)
        g.addRow(self.dir_label, self.dir_value)
        g.addRow(self.ver_label, self.ver_value)
        v.addWidget(self.data_box)
        self.backup_btn = QPushButton()
        self.backup_btn.setObjectName("backup")
        self.backup_btn.clicked.connect(self.backup_now)
        self.backup_status = QLabel()
        self.backup_status.setWordWrap(True)
        g.addRow(self.backup_btn, self.backup_status)
        self.wizard_btn = QPushButton()
        self.wizard_btn.clicked.connect(self.open_wizard)
        row = QHBoxLayout()
        row.addWidget(self.wizard_btn)
        row.addStretch(1)
        v.addLayout(row)
        v.addStretch(1)
        self.lang_combo.currentIndexChanged.connect(self._lang_chosen)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Settings"))
        self.lang_box.setTitle(self.tr("Language"))
        self.lang_label.setText(self.tr("Interface &language"))
        self.lang_note.setText(self.tr(
            "The language changes at once and is remembered. Without a saved choice the app follows the "
            "system's locale (%1).").replace("%1", QLocale.system().name()))
        self.sample_label.setText(self.tr("Formats"))
        from datetime import date
        from decimal import Decimal

        self.sample.setText(f"{self.ctx.fmt_date(date(2026, 3, 5))} · {self.ctx.fmt_money(Decimal('1234567.89'))}"
                            f" · {self.ctx.fmt_money(Decimal('12500.00'), 'USD')}")
        self.data_box.setTitle(self.tr("Data"))
        self.db_label.setText(self.tr("Database"))
        self.dir_label.setText(self.tr("Data folder"))
        self.ver_label.setText(self.tr("Version"))
        self.wizard_btn.setText(self.tr("Open the enrolment &wizard…"))
        self.backup_btn.setText(self.tr("&Back up now…"))
        self._sync_combo()

    def _sync_combo(self) -> None:
        i = self.lang_combo.findData(self.ctx.lang)
        if i != self.lang_combo.currentIndex():
            self.lang_combo.blockSignals(True)
            self.lang_combo.setCurrentIndex(i)
            self.lang_combo.blockSignals(False)

    def refresh(self) -> None:
        path = self.ctx.store.path
        self.db_value.setText(str(path) if path else str(self.ctx.store.url))
        self.dir_value.setText(str(user_data_dir()))
        self._sync_combo()

    def _lang_chosen(self, _i: int) -> None:
        lang = self.lang_combo.currentData()
        self.set_language(lang)

    def set_language(self, lang: str) -> None:
        win = self.window()
        if hasattr(win, "set_language"):
            win.set_language(lang)
        else:
            self.ctx.lang = lang
            i18n.install(lang)
            i18n.remember(self.ctx.settings, lang)

    def backup_now(self, path: str | None = None):
        """Write a backup archive of the whole database (attachments included) on a worker thread."""
        from datetime import datetime
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from lei_desktop.paths import backup_dir

        if path is None:
            suggested = backup_dir() / f"lei_desktop-{datetime.now():%Y%m%d-%H%M%S}.leibak"
            suggested.parent.mkdir(parents=True, exist_ok=True)
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Back up the database"), str(suggested),
                                                  self.tr("Backups (*.leibak);;All files (*)"))
            if not path:
                return None
        from lei_desktop.services import backup

        self.backup_btn.setEnabled(False)
        self.backup_status.setText(self.tr("Backing up…"))

        def done(info) -> None:
            self.backup_btn.setEnabled(True)
            self.backup_status.setText(self.tr("Backup written: %1 (%2 KB)").replace("%1", str(info.path)).replace(
                "%2", self.ctx.fmt_number(info.size // 1024)))

        def failed(exc) -> None:
            self.backup_btn.setEnabled(True)
            self.backup_status.setText(self.ctx.error_text(exc))

        store = self.ctx.store
        return self.ctx.run_in_thread(lambda: backup.create_backup(store, Path(path)), done, failed)

    def open_wizard(self) -> None:
        win = self.window()
        if hasattr(win, "open_wizard"):
            win.open_wizard()
