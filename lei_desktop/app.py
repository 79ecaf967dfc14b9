"""lei-desktop: start the GUI (``lei-desktop [--db PATH] [--demo] [--lang zh|en] [--screenshots DIR]``).

Only this module and ``lei_desktop.ui`` import Qt. Start-up order: parse the arguments, create the
QApplication, take the single-instance lock on the database, register the bundled CJK font, install
the translators, open the store, show the main window (or the enrolment wizard on first run).
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="lei-desktop", description="lei_desktop: overseas-IP legal-expenses claims")
    p.add_argument("--db", help="SQLite file or SQLAlchemy URL (default: the per-user database)")
    p.add_argument("--demo", action="store_true", help="open realistic sample data (a separate demo database)")
    p.add_argument("--lang", choices=("zh", "en"), help="interface language (default: remembered, else the system's)")
    p.add_argument("--screenshots", metavar="DIR", help="save a PNG of every page in both languages, then exit")
    return p.parse_args(argv)


def demo_db_path() -> Path:
    from lei_desktop.paths import user_data_dir

    return user_data_dir() / "demo.sqlite3"


def db_target(args: argparse.Namespace):
    """What the store will open: --db, the demo database, or the per-user default."""
    from lei_desktop.paths import default_db_path

    if args.db:
        return args.db
    if args.demo:
        return demo_db_path()
    return default_db_path()


def open_store(args: argparse.Namespace):
    """The store the app works on; ``--demo`` builds the demo database on first use."""
    from lei_desktop.services import Store, demo

    target = db_target(args)
    if isinstance(target, Path):
        target.parent.mkdir(parents=True, exist_ok=True)
    store = Store(target)
    if args.demo and demo.is_empty(store):
        demo.build(store)
    return store


def lock_path_for(target) -> Path:
    """One lock file per database (by its resolved path or URL) in the user's data folder."""
    from lei_desktop.paths import user_data_dir

    key = str(Path(target).resolve()) if isinstance(target, Path) or "://" not in str(target) else str(target)
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    folder = user_data_dir() / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"db-{digest}.lock"


def acquire_lock(target):
    """A held QLockFile, or None when another running instance has this database open."""
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(lock_path_for(target)))
    lock.setStaleLockTime(0)  # a crashed instance's lock is detected by its dead pid, not by age
    if lock.tryLock(100):
        return lock
    return None


def register_fonts(app) -> str | None:
    """Register bundled fonts from resources/fonts; make a CJK family the app font. Returns its family."""
    from PySide6.QtGui import QFont, QFontDatabase

    from lei_desktop.paths import resource

    family = None
    folder = resource("fonts")
    if folder.is_dir():
        for f in sorted(folder.iterdir()):
            if f.suffix.lower() not in (".ttf", ".otf", ".ttc"):
                continue
            fid = QFontDatabase.addApplicationFont(str(f))
            if fid < 0:
                log.warning("font not loaded: %s", f)
                continue
            fams = QFontDatabase.applicationFontFamilies(fid)
            if fams and family is None and any(k in fams[0] for k in ("CJK", "SC", "Hei", "Song")):
                family = fams[0]
    if family is None:  # fall back to an installed CJK face, if any
        for cand in ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "SimHei",
                     "PingFang SC", "WenQuanYi Micro Hei", "Noto Serif CJK SC"):
            if cand in QFontDatabase.families():
                family = cand
                break
    if family:
        font = QFont(app.font())
        font.setFamilies([family, *font.families()])
        app.setFont(font)
    return family


def set_window_icon(app) -> None:
    """The bundled icon on every window (Windows takes the task-bar icon from the .exe; Linux needs this)."""
    from PySide6.QtGui import QIcon

    from lei_desktop.paths import resource

    icon = resource("icons", "lei.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def main(argv: list[str] | None = None) -> int:
    """Show the window at once; open the store (imports, migration, demo data) on a worker thread."""
    args = parse_args(argv)
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from lei_desktop.ui import i18n
    from lei_desktop.ui.context import UiContext, make_settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("lei_desktop")
    app.setApplicationName("lei_desktop")
    set_window_icon(app)
    settings = make_settings()
    lang = i18n.initial_lang(settings, args.lang)
    i18n.install(lang)
    register_fonts(app)

    target = db_target(args)
    lock = acquire_lock(target)
    if lock is None:
        msg = QCoreApplication.translate(
            "App", "This database is already open in another lei_desktop window:\n%1\n"
            "Switch to that window, or close it first.").replace("%1", str(target))
        print(msg, file=sys.stderr)
        if not args.screenshots:
            QMessageBox.critical(None, QCoreApplication.translate("App", "Already open"), msg)
        return 1
    try:
        if args.screenshots:
            store = open_store(args)
            from lei_desktop.ui.screenshots import take_screenshots

            take_screenshots(UiContext(store, lang, settings), Path(args.screenshots))
            store.close()
            return 0
        from lei_desktop.ui.main_window import MainWindow

        ctx = UiContext(None, lang, settings)
        window = MainWindow(ctx)
        window.show()
        bench = os.environ.get("LEI_EXIT_ON_FIRST_WINDOW")
        if bench == "shown":  # start-up benchmark: the window is on screen
            app.processEvents()
            return 0

        def ready(store) -> None:
            ctx.store = store
            window.build_pages()
            if bench:
                app.quit()
                return
            from lei_desktop.services import enrolment

            if enrolment.get_company(store) is None:
                QTimer.singleShot(0, window.open_wizard)

        def failed(exc: BaseException) -> None:
            QMessageBox.critical(window, QCoreApplication.translate("App", "Cannot open the database"),
                                 f"{target}\n\n{ctx.error_text(exc)}")
            app.exit(1)

        ctx.run_in_thread(lambda: open_store(args), ready, failed)
        code = app.exec()
        ctx.wait_idle()
        if ctx.store is not None:
            ctx.store.close()
        return code
    finally:
        lock.unlock()
