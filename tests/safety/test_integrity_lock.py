"""Integrity check of a store, a damaged store on start, one instance per file, stale edits."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from lei_desktop.domain.errors import Conflict
from lei_desktop.services import attachments, backup, expenses, integrity, restore
from lei_desktop.services.lock import acquire_instance_lock
from lei_desktop.services.store import Store

DATA = b"invoice body " * 500


@pytest.fixture
def closed_store(db_path, example_path):
    from lei_desktop.services import scenario

    loaded_store = Store(db_path, actor="tester")
    scenario.load(loaded_store, example_path)
    attachments.add_attachment(loaded_store, "expense", "E1", "inv.pdf", DATA, "invoice")
    loaded_store.close()
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return db_path


def damage_pages(path, first_page=2, pages=3):
    page = 4096
    with open(path, "r+b") as fh:
        size = fh.seek(0, 2)
        assert size > page * (first_page + pages), size
        fh.seek(page * first_page)
        fh.write(bytes((i * 37) % 251 for i in range(page * pages)))


def test_a_sound_store_passes_and_every_attachment_is_rehashed(closed_store):
    report = integrity.check(closed_store)
    assert report.ok, report.problems
    assert report.checks == ["integrity_check", "foreign_key_check", "attachments"]
    assert report.blobs_checked == 1
    assert integrity.quick_check(closed_store) is None


def test_an_altered_attachment_is_reported(closed_store):
    digest = hashlib.sha256(DATA).hexdigest()
    con = sqlite3.connect(closed_store)
    con.execute("UPDATE blob SET data = ? WHERE sha256 = ?", (DATA[:-1] + b"!", digest))
    con.commit()
    con.close()
    report = integrity.check(closed_store)
    assert not report.ok
    assert [p["code"] for p in report.problems] == ["check_blob_hash"]
    assert digest in report.problems[0]["en"] and digest in report.problems[0]["zh"]


def test_damaged_pages_are_detected(closed_store):
    damage_pages(closed_store)
    report = integrity.check(closed_store)
    assert not report.ok
    assert {p["code"] for p in report.problems} <= {"check_integrity", "check_cannot_open"}
    assert integrity.quick_check(closed_store) is not None


def test_a_damaged_header_is_detected(closed_store):
    with open(closed_store, "r+b") as fh:
        fh.write(b"garbage garbage!")
    report = integrity.check(closed_store)
    assert [p["code"] for p in report.problems] == ["check_not_sqlite"]
    assert "not an SQLite" in integrity.quick_check(closed_store)


def test_a_missing_store_is_not_damaged_but_check_says_it_is_missing(tmp_path):
    assert integrity.quick_check(tmp_path / "new.sqlite3") is None
    assert [p["code"] for p in integrity.check(tmp_path / "new.sqlite3").problems] == ["check_missing"]


def test_the_latest_good_backup_is_offered_and_restores_a_damaged_store(closed_store, tmp_path):
    with Store(closed_store) as s:
        good = backup.auto_backup(s)
        later = backup.auto_backup(s)
    # the newest backup is damaged on disk: the offer skips it
    raw = bytearray(later.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    later.write_bytes(bytes(raw))
    damage_pages(closed_store)
    assert integrity.quick_check(closed_store) is not None
    assert integrity.latest_good_backup(closed_store) == good
    result = restore.restore(good, closed_store)
    assert result.safety_copy is not None and result.safety_copy.name.endswith("-damaged.sqlite3")
    assert integrity.check(closed_store).ok
    with Store(closed_store) as s:
        assert attachments.blob(s, hashlib.sha256(DATA).hexdigest()) == DATA


def test_a_second_instance_on_the_same_file_is_refused(db_path, tmp_path):
    first = acquire_instance_lock(db_path)
    assert first.held
    with pytest.raises(Conflict) as info:
        acquire_instance_lock(db_path)
    assert info.value.code == "already_open" and str(db_path) in info.value.en and str(db_path) in info.value.zh
    assert "pid" in info.value.en
    other = acquire_instance_lock(tmp_path / "other.sqlite3")  # another file is fine
    other.release()
    first.release()
    acquire_instance_lock(db_path).release()  # released: free again


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_second_process_is_refused_and_a_killed_holder_frees_the_lock(db_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    code = (
        "import sys, time\n"
        "from lei_desktop.services.lock import acquire_instance_lock\n"
        f"lock = acquire_instance_lock({str(db_path)!r})\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(Conflict):
            acquire_instance_lock(db_path)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.monotonic() + 5
        while True:
            try:
                acquire_instance_lock(db_path).release()
                break
            except Conflict:
                assert time.monotonic() < deadline
                time.sleep(0.05)
    finally:
        proc.kill()
        proc.wait()


def test_restore_is_refused_while_the_store_is_open_in_the_app(closed_store, tmp_path):
    archive = tmp_path / "a.leibak"
    with Store(closed_store) as s:
        backup.create_backup(s, archive)
    with acquire_instance_lock(closed_store), pytest.raises(Conflict) as info:
        restore.restore(archive, closed_store)
    assert info.value.code == "already_open"


def test_a_stale_edit_from_a_second_store_object_is_refused(loaded_store):
    """Two officers (two Store objects on one database) edit the same expense: the later save loses."""
    other = Store(loaded_store.url, actor="officer-2")
    try:
        mine = expenses.get_expense(loaded_store, "E1")
        theirs = expenses.get_expense(other, "E1")
        assert mine.version == theirs.version
        saved = expenses.update_expense(other, "E1", replace(theirs, amount=Decimal("13000.00")), theirs.version)
        with pytest.raises(Conflict) as info:
            expenses.update_expense(loaded_store, "E1", replace(mine, amount=Decimal("1.00")), mine.version)
        assert info.value.code == "stale"
        with pytest.raises(Conflict):
            expenses.delete_expense(loaded_store, "E1", mine.version)
        now = expenses.get_expense(loaded_store, "E1")
        assert now.amount == Decimal("13000.00") and now.version == saved.version
        # after re-reading, the edit goes through
        expenses.update_expense(loaded_store, "E1", replace(now, amount=Decimal("1.00")), now.version)
    finally:
        other.close()


def test_the_orm_version_column_refuses_a_lost_update_without_expected_version(loaded_store):
    """Even a service that forgets expected_version cannot overwrite a row changed underneath it."""
    from sqlalchemy import select
    from sqlalchemy.orm.exc import StaleDataError

    from lei_desktop.store.models import ExpenseRow

    other = Store(loaded_store.url, actor="officer-2")
    try:
        with pytest.raises(StaleDataError):
            with loaded_store.session() as s:
                row = s.scalar(select(ExpenseRow).where(ExpenseRow.ref == "E1"))
                with other.session() as s2:
                    s2.scalar(select(ExpenseRow).where(ExpenseRow.ref == "E1")).payee = "theirs"
                row.payee = "mine"
        assert expenses.get_expense(loaded_store, "E1").payee == "theirs"
    finally:
        other.close()


def test_a_store_from_a_newer_app_is_refused_untouched(db_path, tmp_path):
    Store(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '0099_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = db_path.read_bytes()
    with pytest.raises(Conflict) as info:
        Store(db_path)
    assert info.value.code == "store_from_newer_app" and "0099_future" in info.value.en
    assert db_path.read_bytes() == before
    assert not backup.list_backups(db_path.stem)  # no automatic backup either: nothing was migrated
