"""lei-desktop: start the GUI (``lei-desktop [--db PATH] [--demo] [--lang zh|en] [--screenshots DIR]``).

Only this module and ``lei_desktop.ui`` import Qt. Start-up order: parse the arguments, create the
QApplication, take the single-instance lock on the database, register the bundled CJK font, install
the translators, open the store, show the main window (or the enrolment wizard on first run).
"""

from __future__ import annotations

import argparse
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
    warm_up_orm()
    return store


def warm_up_orm() -> None:
    """Configure the SQLAlchemy mappers here, on the start-up worker: done lazily, the first query
    of a page would pay for it on the GUI thread (about 60 ms)."""
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


def settle_heap() -> None:
    """Once the pages are built: move every object alive so far (modules, ORM, widgets) out of the
    garbage collector's reach (``gc.freeze``). A full collection then walks only what was made since,
    so it no longer stalls a page opening or a keystroke for ~70 ms at random."""
    import gc

    gc.freeze()


def acquire_lock(target):
    """The instance lock on the database (``services.lock``: an OS lock on ``<db>.lock``, shared with
    ``lei-cli restore``); raises ``Conflict("already_open")`` naming the file and the holder."""
    from lei_desktop.services.lock import acquire_instance_lock

    return acquire_instance_lock(target)


def open_locked(args: argparse.Namespace):
    """Lock, then open: ``(store, lock)``. Runs on a worker thread in the app."""
    lock = acquire_lock(db_target(args))
    try:
        return open_store(args), lock
    except BaseException:
        lock.release()
        raise


def refusal_text(exc: BaseException, lang: str) -> str:
    from PySide6.QtCore import QCoreApplication

    from lei_desktop.domain.errors import LeiError

    body = exc.zh if isinstance(exc, LeiError) and lang == "zh" else (exc.en if isinstance(exc, LeiError) else str(exc))
    return body + "\n" + QCoreApplication.translate("App", "Switch to the window that has it open, or close it first.")


def ask_restore(problem: str, candidate, lang: str) -> bool:
    """Tell the user the store is damaged; offer the latest good backup (None: nothing to offer)."""
    from PySide6.QtWidgets import QMessageBox

    from lei_desktop.domain.messages import text

    title = text("start_damaged_title", lang)
    if candidate is None:
        msg = text("start_damaged_no_backup", lang, problem=problem)
        print(msg, file=sys.stderr)
        QMessageBox.critical(None, title, msg)
        return False
    msg = text("start_damaged_offer", lang, problem=problem, backup=candidate)
    answer = QMessageBox.question(None, title, msg, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def check_on_start(target, lang: str) -> bool:
    """A damaged SQLite store is not opened: offer the latest good backup instead of crashing."""
    from lei_desktop.services import integrity

    return integrity.on_start(target, lambda problem, candidate: ask_restore(problem, candidate, lang))


def damage_probe(target):
    """``(path, problem, latest good backup)`` when the SQLite file fails its quick check, else None.
    Runs on the worker (the check reads the whole file)."""
    from lei_desktop.services import integrity
    from lei_desktop.store.db import sqlite_path, to_url

    path = sqlite_path(to_url(target))
    if path is None or not path.is_file():
        return None
    problem = integrity.quick_check(path)
    if problem is None:
        return None
    return path, problem, integrity.latest_good_backup(path)


def restore_and_check(candidate, path):
    """Restore the backup over the damaged file; the quick check's verdict afterwards (None = sound)."""
    from lei_desktop.services import integrity
    from lei_desktop.services.restore import restore

    restore(candidate, path)
    return integrity.quick_check(path)


def backup_on_exit(store) -> None:
    """The automatic backup when the app closes (rotated: the last N are kept)."""
    from lei_desktop.services import backup

    try:
        backup.auto_backup(store, reason="exit")
    except Exception:  # never lose the user's exit over a backup; the log says why
        log.exception("automatic backup on exit failed")


def set_icon(app) -> None:
    from PySide6.QtGui import QIcon

    from lei_desktop.paths import resource

    for name in ("lei.png", "lei.ico"):
        path = resource("icons", name)
        if path.is_file():
            app.setWindowIcon(QIcon(str(path)))
            return


def register_fonts(app) -> str | None:
    """Register bundled fonts from resources/fonts; make a CJK family the app font. Returns its family."""
    from PySide6.QtGui import QFont, QFontDatabase

    from lei_desktop.paths import font_files

    family = None
    try:
        files = font_files()
    except OSError as why:  # a packed font that cannot be unpacked: an installed CJK face below
        log.warning("bundled fonts not available: %s", why)
        files = []
    for f in files:
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
    set_icon(app)

    target = db_target(args)
    from lei_desktop.domain.errors import Conflict

    if args.screenshots:
        if not check_on_start(target, lang):
            return 1
        try:
            store, lock = open_locked(args)
        except Conflict as exc:
            print(refusal_text(exc, lang), file=sys.stderr)
            return 1
        try:
            from lei_desktop.ui.screenshots import take_screenshots

            take_screenshots(UiContext(store, lang, settings), Path(args.screenshots))
        finally:
            store.close()
            lock.release()
        return 0
    held: list = []
    try:
        from lei_desktop.ui.main_window import MainWindow

        ctx = UiContext(None, lang, settings)
        window = MainWindow(ctx)
        window.show()
        bench = os.environ.get("LEI_EXIT_ON_FIRST_WINDOW")
        if bench == "shown":  # start-up benchmark: the window is on screen
            app.processEvents()
            return 0

        def ready(result) -> None:
            store, lock = result
            held.append(lock)
            ctx.store = store
            window.build_pages()
            settle_heap()
            from lei_desktop.services.location import location_text

            warning = location_text(store.path, ctx.lang)  # OneDrive / network drive: risky for SQLite
            if warning:
                window.statusBar().showMessage(warning, 60000)
            if bench:
                app.quit()
                return
            from lei_desktop.services import enrolment

            if enrolment.get_company(store) is None:
                QTimer.singleShot(0, window.open_wizard)

        def failed(exc: BaseException) -> None:
            window.hide()
            if isinstance(exc, Conflict) and exc.code == "already_open":
                msg = refusal_text(exc, ctx.lang)
                print(msg, file=sys.stderr)
                QMessageBox.critical(None, QCoreApplication.translate("App", "Already open"), msg)
            else:
                QMessageBox.critical(None, QCoreApplication.translate("App", "Cannot open the database"),
                                     f"{target}\n\n{ctx.error_text(exc)}")
            app.exit(1)

        def open_now() -> None:
            ctx.run_in_thread(lambda: open_locked(args), ready, failed)

        def restored(problem) -> None:
            if problem is None:
                window.show()
                open_now()
            else:
                ask_restore(problem, None, ctx.lang)
                app.exit(1)

        def checked(found) -> None:
            """A damaged store is not opened: the latest good backup is offered instead."""
            if found is None:
                open_now()
                return
            path, problem, candidate = found
            window.hide()
            if not ask_restore(problem, candidate, ctx.lang):
                app.exit(1)
                return
            ctx.run_in_thread(lambda: restore_and_check(candidate, path), restored, failed)

        ctx.run_in_thread(lambda: damage_probe(target), checked, failed)
        code = app.exec()
        ctx.wait_idle()
        if ctx.store is not None:
            if not bench:
                backup_on_exit(ctx.store)
            ctx.store.close()
        return code
    finally:
        for lock in held:
            lock.release()
        import gc

        gc.unfreeze()  # the app is done: its objects may be collected again (tests run main() in-process)
