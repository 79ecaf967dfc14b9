"""The main window: a navigation list beside a stack of pages, menus and a status bar.

Pages are listed in ``PAGES`` and imported lazily; a page whose module is not there yet is skipped
with a logged note (so pages written on other branches plug in by existing).
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from lei_desktop.licences import licences_html
from lei_desktop.ui import i18n
from lei_desktop.ui.context import UiContext
from lei_desktop.version import __version__

log = logging.getLogger(__name__)

PAGES: list[tuple[str, str, str]] = [
    ("dashboard", "lei_desktop.ui.pages.dashboard", "DashboardPage"),
    ("company", "lei_desktop.ui.pages.company", "CompanyPage"),
    ("policies", "lei_desktop.ui.pages.policies", "PoliciesPage"),
    ("disputes", "lei_desktop.ui.pages.disputes", "DisputesPage"),
    ("expenses", "lei_desktop.ui.pages.expenses", "ExpensesPage"),
    ("claims", "lei_desktop.ui.pages.claims", "ClaimsPage"),
    ("rates", "lei_desktop.ui.pages.rates", "RatesPage"),
    ("settings", "lei_desktop.ui.pages.settings", "SettingsPage"),
]


def load_page_class(module_name: str, class_name: str):
    """The page class, or None if its module does not exist (yet)."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            log.info("page %s not available yet; skipped", module_name)
            return None
        raise
    return getattr(module, class_name, None)


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("MainWindow")
        self.pages: dict[str, QWidget] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(16, 16))
        self.nav.setMinimumWidth(140)
        self.stack = QStackedWidget()
        self.loading = QLabel()
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        self.nav.currentRowChanged.connect(self._on_nav)
        split = QSplitter()
        split.addWidget(self.nav)
        split.addWidget(self.stack)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setCollapsible(0, False)
        split.setSizes([180, 1020])
        self.split = split
        self.setCentralWidget(split)
        self.status_db = QLabel()
        self.status_company = QLabel()
        self.statusBar().addWidget(self.status_company, 1)
        self.statusBar().addPermanentWidget(self.status_db)
        self.view_actions: list[QAction] = []
        self._build_menus()
        ctx.data_changed.connect(self._on_data_changed)
        self.resize(1200, 780)
        if ctx.store is not None:
            self.build_pages()
        else:  # the store opens off the GUI thread; app.py calls build_pages() when it is ready
            self.retranslate()

    def build_pages(self) -> None:
        """Create every available page (needs ``ctx.store``)."""
        for page_id, module_name, class_name in PAGES:
            cls = load_page_class(module_name, class_name)
            if cls is None:
                continue
            page = cls(self.ctx, self)
            self.pages[page_id] = page
            self.stack.addWidget(page)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, page_id)
            self.nav.addItem(item)
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{len(self.view_actions) + 1}"))
            act.triggered.connect(lambda _=False, pid=page_id: self.show_page(pid))
            self.menu_view.addAction(act)
            self.view_actions.append(act)
        self.retranslate()
        if self.nav.count():
            self.nav.setCurrentRow(0)

    # -- navigation ------------------------------------------------------------------------------
    def page_ids(self) -> list[str]:
        return [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())]

    def show_page(self, page_id: str) -> QWidget:
        row = self.page_ids().index(page_id)
        self.nav.setCurrentRow(row)
        return self.pages[page_id]

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        page_id = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        page = self.pages[page_id]
        self.stack.setCurrentWidget(page)
        if getattr(page, "_stale", True):
            page._stale = False
            try:
                page.refresh()
            except Exception as exc:  # a page must not take the window down
                log.exception("refresh of %s failed", page_id)
                self.ctx.show_error(self, exc)

    def _on_data_changed(self, kind: str) -> None:
        current = self.current_page()
        for page in self.pages.values():
            if page is current:
                continue
            page._stale = True
        self.update_status()

    def page_title(self, page_id: str) -> str:
        titles = {
            "dashboard": self.tr("Dashboard"),
            "company": self.tr("Company & enrolment"),
            "policies": self.tr("Policies"),
            "disputes": self.tr("Disputes"),
            "expenses": self.tr("Expenses"),
            "claims": self.tr("Claims"),
            "rates": self.tr("Exchange rates"),
            "settings": self.tr("Settings"),
        }
        return titles.get(page_id, page_id)

    # -- menus -----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        mb = self.menuBar()
        self.menu_file = mb.addMenu("")
        self.act_enrol = QAction(self)
        self.act_enrol.triggered.connect(self.open_wizard)
        self.act_import = QAction(self)
        self.act_import.triggered.connect(self.import_scenario)
        self.act_export = QAction(self)
        self.act_export.triggered.connect(self.export_scenario)
        self.act_quit = QAction(self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        for a in (self.act_enrol, self.act_import, self.act_export):
            self.menu_file.addAction(a)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)

        self.menu_view = mb.addMenu("")

        self.menu_settings = mb.addMenu("")
        self.menu_lang = self.menu_settings.addMenu("")
        group = QActionGroup(self)
        self.act_zh = QAction("中文", self, checkable=True)
        self.act_en = QAction("English", self, checkable=True)
        for act, lang in ((self.act_zh, "zh"), (self.act_en, "en")):
            group.addAction(act)
            self.menu_lang.addAction(act)
            act.triggered.connect(lambda _=False, lang=lang: self.set_language(lang))
        self.act_prefs = QAction(self)
        self.act_prefs.triggered.connect(lambda: "settings" in self.pages and self.show_page("settings"))
        self.menu_settings.addAction(self.act_prefs)

        self.menu_help = mb.addMenu("")
        self.act_about = QAction(self)
        self.act_about.triggered.connect(self.about)
        self.act_about_qt = QAction(self)
        self.act_about_qt.triggered.connect(QApplication.aboutQt)
        self.menu_help.addAction(self.act_about)
        self.menu_help.addAction(self.act_about_qt)
        from lei_desktop.ui import safety  # File › Back up now…, History of the selected record…

        safety.install(self)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Overseas IP legal-expenses insurance — claims"))
        self.loading.setText(self.tr("Opening the database…"))
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            item.setText(self.page_title(item.data(Qt.ItemDataRole.UserRole)))
        for act, page_id in zip(self.view_actions, self.page_ids(), strict=False):
            act.setText(self.page_title(page_id))
        self.menu_file.setTitle(self.tr("&File"))
        self.act_enrol.setText(self.tr("Enrolment &wizard…"))
        self.act_import.setText(self.tr("&Import scenario JSON…"))
        self.act_export.setText(self.tr("&Export scenario JSON…"))
        self.act_quit.setText(self.tr("&Quit"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_settings.setTitle(self.tr("&Settings"))
        self.menu_lang.setTitle(self.tr("&Language"))
        self.act_prefs.setText(self.tr("&Preferences…"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_about.setText(self.tr("&About"))
        self.act_about_qt.setText(self.tr("About &Qt"))
        self.act_zh.setChecked(self.ctx.lang == "zh")
        self.act_en.setChecked(self.ctx.lang == "en")
        from lei_desktop.ui import safety

        safety.retranslate(self)
        self.update_status()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def update_status(self) -> None:
        if self.ctx.store is None:
            return
        from lei_desktop.services import enrolment

        try:
            company = enrolment.get_company(self.ctx.store)
        except Exception:  # status only
            company = None
        if company is None:
            self.status_company.setText(self.tr("No company enrolled yet — File › Enrolment wizard"))
        else:
            name = company.name_zh if self.ctx.lang == "zh" or not company.name_en else company.name_en
            self.status_company.setText(self.tr("Company: %1 (%2)").replace("%1", name).replace("%2", company.uscc))
        path = self.ctx.store.path
        self.status_db.setText(self.tr("Database: %1").replace("%1", str(path) if path else self.ctx.store.url))

    # -- actions ---------------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        if lang == self.ctx.lang:
            return
        self.ctx.lang = lang  # set first: pages read it while they retranslate
        i18n.install(lang)
        i18n.remember(self.ctx.settings, lang)
        self.ctx.language_changed.emit(lang)
        self.retranslate()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About lei_desktop"),
            self.tr(
                "<h3>lei_desktop %1</h3>"
                "<p>Claims for the Beijing overseas intellectual-property legal-expenses insurance pilot.</p>"
                "<p>Licences: this program is proprietary. It uses Qt for Python (PySide6, LGPL-3.0), "
                "SQLAlchemy and Alembic (MIT), ReportLab (BSD), pypdf (BSD), Pillow (MIT-CMU), "
                "openpyxl (MIT), cryptography (Apache-2.0/BSD) and the Noto Sans CJK fonts "
                "(SIL Open Font License 1.1).</p>"
            ).replace("%1", __version__)
            + licences_html(),
        )

    def open_wizard(self) -> None:
        from lei_desktop.ui.wizard import EnrolmentWizard

        wiz = EnrolmentWizard(self.ctx, self)
        if wiz.exec():
            self.ctx.notify("*")
            page = self.current_page()
            if page is not None:
                page.refresh()

    def import_scenario(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from lei_desktop.services import scenario

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import scenario"), "", self.tr("Scenario JSON (*.json)"))
        if not path:
            return
        from pathlib import Path

        def done(report) -> None:
            self.ctx.notify("*")
            page = self.current_page()
            if page is not None:
                page.refresh()
            self.statusBar().showMessage(self.tr("Imported %1").replace("%1", Path(path).name), 5000)

        self.ctx.run_in_thread(lambda: scenario.load(self.ctx.store, Path(path)), done,
                               lambda exc: self.ctx.show_error(self, exc))

    def export_scenario(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from lei_desktop.services import scenario

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export scenario"), "scenario.json",
                                              self.tr("Scenario JSON (*.json)"))
        if not path:
            return
        self.ctx.run_in_thread(
            lambda: scenario.export(self.ctx.store, Path(path)),
            lambda _: self.statusBar().showMessage(self.tr("Exported %1").replace("%1", Path(path).name), 5000),
            lambda exc: self.ctx.show_error(self, exc),
        )

    # -- safety ----------------------------------------------------------------------------------
    def unsaved_pages(self) -> list[str]:
        out = []
        for page_id, page in self.pages.items():
            check = getattr(page, "has_unsaved", None)
            if check is not None and check():
                out.append(page_id)
        return out

    def closeEvent(self, event) -> None:  # noqa: N802
        dirty = self.unsaved_pages()
        if dirty and not getattr(self, "_force_close", False):
            names = "、".join(self.page_title(p) for p in dirty) if self.ctx.lang == "zh" else ", ".join(
                self.page_title(p) for p in dirty)
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("There are unsaved changes on: %1.\nDiscard them and quit?").replace("%1", names),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.ctx.wait_idle(10000)
        event.accept()
