"""The app and data safety: a damaged store on start, the file lock, the backup on exit."""

from __future__ import annotations

import sqlite3

import pytest


def _damaged_with_backup(db_path, example_path):
    from lei_desktop.services import backup, scenario
    from lei_desktop.services.store import Store

    with Store(db_path, actor="tester") as s:
        scenario.load(s, example_path)
        good = backup.auto_backup(s)
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    with open(db_path, "r+b") as fh:
        fh.write(b"this is no longer an sqlite file")
    return good


def test_a_damaged_store_offers_the_latest_good_backup_and_restores_it(qapp, db_path, example_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from lei_desktop import app
    from lei_desktop.services import expenses, integrity
    from lei_desktop.services.store import Store

    good = _damaged_with_backup(db_path, example_path)
    asked = []

    def question(parent, title, msg, buttons):
        asked.append(msg)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    assert app.check_on_start(db_path, "en") is True
    assert asked and "damaged" in asked[0] and str(good) in asked[0]
    assert integrity.quick_check(db_path) is None
    with Store(db_path) as s:
        assert expenses.get_expense(s, "E2").currency == "JPY"


def test_declining_the_offer_or_having_no_backup_stops_the_app_cleanly(qapp, db_path, example_path, monkeypatch,
                                                                      capsys):
    from PySide6.QtWidgets import QMessageBox

    from lei_desktop import app

    good = _damaged_with_backup(db_path, example_path)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    assert app.check_on_start(db_path, "zh") is False
    good.unlink()
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a))
    assert app.main(["--db", str(db_path), "--lang", "zh"]) == 1
    assert shown and "数据库已损坏" in shown[0][2]
    assert "数据库已损坏" in capsys.readouterr().err


def test_the_app_holds_the_file_lock_so_a_restore_waits(qapp, loaded_store, tmp_path, monkeypatch):
    """While the app runs, lei-cli restore into its database is refused (the lock beside the file)."""
    from lei_desktop import app
    from lei_desktop.domain.errors import Conflict
    from lei_desktop.services import backup, restore

    if loaded_store.path is None:
        pytest.skip("the file lock is for SQLite")
    archive = tmp_path / "a.leibak"
    backup.create_backup(loaded_store, archive)
    seen = []

    from lei_desktop.services import lock as lock_module

    original = lock_module.acquire_instance_lock

    def spy(target):
        held = original(target)
        with pytest.raises(Conflict):
            restore.restore(archive, loaded_store.path)
        seen.append(held)
        return held

    monkeypatch.setattr(lock_module, "acquire_instance_lock", spy)
    monkeypatch.setenv("LEI_EXIT_ON_FIRST_WINDOW", "ready")
    assert app.main(["--db", str(loaded_store.path), "--lang", "en"]) == 0
    assert seen and not seen[0].held  # released when the app ended


def test_backup_on_exit_writes_a_rotated_automatic_backup(loaded_store):
    from lei_desktop import app
    from lei_desktop.services import backup

    backup.set_keep_count(loaded_store, 2)
    for _ in range(3):
        app.backup_on_exit(loaded_store)
    found = backup.list_backups(loaded_store)
    assert len(found) == 2 and all(p.name.endswith("-exit.leibak") for p in found)


def test_file_menu_backs_up_and_shows_the_history_of_the_selected_expense_and_claim(qtbot, window, tmp_path,
                                                                                    monkeypatch):
    from dataclasses import replace
    from decimal import Decimal

    from PySide6.QtWidgets import QMessageBox

    from lei_desktop.services import claims, expenses, restore
    from lei_desktop.ui import safety

    store = window.ctx.store
    texts = [a.text() for a in window.menu_file.actions()]
    assert "&Back up now…" in texts and "&History of the selected record…" in texts

    # backup through the menu's function (no dialogs: path and empty password given)
    out = tmp_path / "menu.leibak"
    safety.backup_now(window, out, ask=False)
    window.ctx.wait_idle()
    assert restore.verify(out, None, tmp_path).manifest["format"] == "lei-backup"

    # history of the selected expense
    e1 = expenses.get_expense(store, "E1")
    expenses.update_expense(store, "E1", replace(e1, amount=Decimal("12600.00")), e1.version)
    page = window.show_page("expenses")
    page.editor.load_ref("E1")
    assert safety.selected_record(window) == ("expense", "E1")
    dialog = safety.show_history(window)
    qtbot.addWidget(dialog)
    cells = [[dialog.table.item(r, c).text() for c in range(6)] for r in range(dialog.table.rowCount())]
    assert ["tester", "changed", "amount", "12500.00", "12600.00"] == cells[0][1:]  # newest first
    assert cells[-1][2] == "created"
    assert "E1" in dialog.windowTitle()

    # history of the selected claim, in Chinese
    ref = claims.create_claim(store, "D1")
    claims.submit(store, ref, override="test")
    window.set_language("zh")
    assert "立即备份(&B)…" in [a.text() for a in window.menu_file.actions()]
    cpage = window.show_page("claims")
    cpage.refresh()
    cpage.select_claim(ref)
    assert safety.selected_record(window) == ("claim", ref)
    dialog = safety.show_history(window)
    qtbot.addWidget(dialog)
    assert "理赔" in dialog.windowTitle()
    actions = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert {"新建", "提交"} <= actions
    fields = {(dialog.table.item(r, 3).text(), dialog.table.item(r, 5).text()) for r in range(dialog.table.rowCount())}
    assert ("状态", "submitted") in fields

    # nothing selected: a hint, no dialog
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a))
    window.show_page("rates")
    assert safety.show_history(window) is None and shown


def test_file_menu_restores_a_backup_into_the_running_app(qtbot, window, tmp_path, monkeypatch):
    from dataclasses import replace
    from decimal import Decimal

    from PySide6.QtWidgets import QMessageBox

    from lei_desktop.services import backup, expenses
    from lei_desktop.ui import safety

    ctx = window.ctx
    assert "&Restore from a backup…" in [a.text() for a in window.menu_file.actions()]
    archive = tmp_path / "before.leibak"
    backup.create_backup(ctx.store, archive, b"pw")
    e1 = expenses.get_expense(ctx.store, "E1")
    expenses.update_expense(ctx.store, "E1", replace(e1, amount=Decimal("1.00")), e1.version)
    window.show_page("expenses")

    # a hostile archive is refused before the store is touched
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a))
    hostile = tmp_path / "hostile.leibak"
    hostile.write_bytes(b"PK\x03\x04 not really a zip")
    old_store = ctx.store
    assert safety.restore_from_backup(window, hostile, confirm=False) is False
    assert warnings and ctx.store is old_store
    assert safety.restore_from_backup(window, archive, b"wrong", confirm=False) is False
    assert ctx.store is old_store and expenses.get_expense(ctx.store, "E1").amount == Decimal("1.00")

    assert safety.restore_from_backup(window, archive, b"pw", confirm=False) is True
    assert ctx.store is not old_store
    assert expenses.get_expense(ctx.store, "E1").amount == e1.amount
    ctx.store.close()
