"""lei-desktop: start the GUI. The page-by-page main window lives in ``lei_desktop.ui``."""

from __future__ import annotations

import argparse
import sys


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="lei-desktop", description="lei_desktop: overseas-IP legal-expenses claims")
    p.add_argument("--db", help="SQLite file or SQLAlchemy URL (default: the per-user database)")
    p.add_argument("--demo", action="store_true", help="open realistic sample data (a separate demo database)")
    p.add_argument("--lang", choices=("zh", "en"), help="interface language (default: remembered, else the system's)")
    p.add_argument("--screenshots", metavar="DIR", help="save a PNG of every page in both languages, then exit")
    return p.parse_args(argv)


def demo_db_path():
    from lei_desktop.paths import user_data_dir

    return user_data_dir() / "demo.sqlite3"


def open_store(args: argparse.Namespace):
    """The store the app works on; ``--demo`` builds the demo database on first use."""
    from lei_desktop.services import Store, demo

    if args.demo:
        path = demo_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        store = Store(args.db or path)
        if demo.is_empty(store):
            demo.build(store)
        return store
    return Store(args.db)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from lei_desktop.services import enrolment, expenses

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = open_store(args)
    company = enrolment.get_company(store)
    window = QMainWindow()
    window.setWindowTitle("lei_desktop")
    name = company.name_zh if company else "—"
    window.setCentralWidget(QLabel(f"{name}\n{expenses.count_expenses(store)} expenses / 笔费用"))
    window.resize(900, 600)
    window.show()
    code = app.exec()
    store.close()
    return code
