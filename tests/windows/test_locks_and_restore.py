"""The instance lock under msvcrt semantics, and restore's swap when Windows refuses to move an open file."""

from __future__ import annotations

import hashlib
import io
import os
import sys
import types

import pytest

from lei_desktop.domain.errors import Conflict
from lei_desktop.fileio import RETRY_DELAYS, FileInUse
from lei_desktop.services import lock as lock_module
from tests.windows.conftest import HeldOpen, sharing_violation


class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as Windows does it: a byte-range lock per file, refused to any other handle.

    A handle here stands for a process (each ``open`` of the lock file is a new one)."""

    LK_UNLCK, LK_LOCK, LK_NBLCK = 0, 1, 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.owner: dict[int, int] = {}  # inode -> the fd holding byte 0
        self.freed_after: int | None = None  # a dead holder's lock, freed by the OS after so many refusals

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert nbytes == 1 and os.lseek(fd, 0, os.SEEK_CUR) == 0  # byte 0, as the module locks it
        ino = os.fstat(fd).st_ino
        if mode == self.LK_NBLCK:
            if self.owner.get(ino, fd) != fd:
                if self.freed_after is not None:
                    self.freed_after -= 1
                    if self.freed_after < 0:
                        del self.owner[ino]
                if ino in self.owner:
                    raise PermissionError(13, "Permission denied")  # what msvcrt raises (EACCES)
            self.owner[ino] = fd
        elif mode == self.LK_UNLCK:
            self.owner.pop(ino, None)

    def locked_by_other(self, fh) -> bool:
        return self.owner.get(os.fstat(fh.fileno()).st_ino, fh.fileno()) != fh.fileno()


class LockedRead(io.BufferedRandom):
    """A file whose locked byte 0 another handle cannot read (Windows: WinError 33, lock violation)."""

    msvcrt: FakeMsvcrt

    def read(self, size=-1):
        if self.tell() == 0 and self.msvcrt.locked_by_other(self):
            raise PermissionError(13, "The process cannot access the file because another process has locked "
                                      "a portion of the file")
        return super().read(size)


@pytest.fixture
def windows_locks(monkeypatch):
    fake = FakeMsvcrt()
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(sys, "platform", "win32")
    LockedRead.msvcrt = fake

    def open_(path, mode="r", *a, **k):
        assert mode == "a+b"
        return LockedRead(io.FileIO(path, "a+"))

    monkeypatch.setattr(lock_module, "open", open_, raising=False)
    return fake


def test_second_instance_is_refused_naming_the_holder(tmp_path, windows_locks, sleeps):
    db = tmp_path / "张三 的文档" / "账本.sqlite3"
    first = lock_module.acquire_instance_lock(db)
    assert first.held
    with pytest.raises(Conflict) as info:  # before: the holder's locked byte could not be read -> a bug
        lock_module.acquire_instance_lock(db)
    assert info.value.code == "already_open"
    assert info.value.params["holder"] == f"pid {os.getpid()} on {__import__('socket').gethostname()}"
    assert str(db) in info.value.message("zh")
    assert sleeps == list(RETRY_DELAYS)  # about a second of patience first
    first.release()


def test_a_lock_windows_frees_late_after_a_crash_is_waited_for(tmp_path, windows_locks, sleeps):
    db = tmp_path / "账本.sqlite3"
    crashed = lock_module.acquire_instance_lock(db)
    windows_locks.freed_after = 2  # still held for the first tries after the crash
    again = lock_module.acquire_instance_lock(db)
    assert again.held and sleeps == list(RETRY_DELAYS[:2])
    crashed._fh.close()
    again.release()


def test_the_lock_of_a_crashed_instance_does_not_block(tmp_path, windows_locks):
    db = tmp_path / "账本.sqlite3"
    crashed = lock_module.acquire_instance_lock(db)
    # the OS drops a dead process's locks; the lock file and its text stay behind
    windows_locks.owner.clear()
    crashed._fh.close()
    assert lock_module.lock_path(db).read_bytes().strip().startswith(b"pid ")
    again = lock_module.acquire_instance_lock(db)
    assert again.held
    again.release()
    assert windows_locks.owner == {}


# --- restore ----------------------------------------------------------------------------------------


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def restore_case(win_store, tmp_path):
    """A backup of the example store, which is then closed (as the app closes it before a restore)."""
    from lei_desktop.services import backup, disputes

    archive = tmp_path / "备份 1.leibak"
    backup.create_backup(win_store, archive)
    before = {d.ref for d in disputes.list_disputes(win_store)}
    db = win_store.path
    win_store.close()
    return archive, db, before


def _dispute_refs(db):
    from lei_desktop.services import Store, disputes

    with Store(db) as st:
        return {d.ref for d in disputes.list_disputes(st)}


def test_restore_over_a_database_held_open_leaves_it_in_place(restore_case, monkeypatch, sleeps):
    from lei_desktop.services import restore

    archive, db, before = restore_case
    digest = _digest(db)
    held = HeldOpen(monkeypatch, db)  # e.g. a DB browser (or a second window) still has the store open
    with pytest.raises(FileInUse) as info:
        restore.restore(archive, db)
    assert str(db) in info.value.message("zh") and info.value.field == "db"
    assert held.refused and sleeps  # retried, then refused
    assert _digest(db) == digest and _dispute_refs(db) == before
    assert not list(db.parent.glob(f".{db.name}.restore-*"))


def test_restore_whose_final_rename_fails_puts_the_old_store_back(restore_case, monkeypatch, sleeps):
    from lei_desktop.services import restore

    archive, db, _ = restore_case
    digest = _digest(db)
    real = os.replace
    calls = []

    def refuse_the_swap(src, dst):
        calls.append((str(src), str(dst)))
        if os.path.abspath(dst) == os.path.abspath(db) and ".restore-" in str(src) and "old" not in str(src):
            raise sharing_violation(dst)
        return real(src, dst)

    monkeypatch.setattr(os, "replace", refuse_the_swap)
    monkeypatch.setattr("lei_desktop.fileio.on_windows", lambda: True)
    with pytest.raises(FileInUse):
        restore.restore(archive, db)
    assert _digest(db) == digest
    assert any(dst == str(db) and "old" in src for src, dst in calls)  # it was moved back


def test_restore_succeeds_under_a_chinese_path(restore_case):
    from lei_desktop.services import restore

    archive, db, before = restore_case
    assert _dispute_refs(db) == before
    result = restore.restore(archive, db)
    assert result.safety_copy is not None and _dispute_refs(db) == before
    assert not list(db.parent.glob(f".{db.name}.restore-*"))


def test_restore_closes_every_connection_before_the_swap(restore_case, monkeypatch, sleeps):
    from lei_desktop.services import restore
    from tests.windows.conftest import WindowsRenameRules

    archive, db, before = restore_case
    rules = WindowsRenameRules(monkeypatch)
    restore.restore(archive, db)
    assert any(dst == str(db) for _src, dst in rules.calls) and sleeps == []
    assert _dispute_refs(db) == before


def test_gui_restore_disposes_the_open_store_before_the_swap(qtbot, qt_loop, win_store, tmp_path, monkeypatch, sleeps):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from lei_desktop.services import backup, disputes
    from lei_desktop.ui import safety
    from lei_desktop.ui.context import UiContext
    from lei_desktop.ui.main_window import MainWindow
    from tests.windows.conftest import WindowsRenameRules, open_handles

    archive = tmp_path / "备份 GUI.leibak"
    backup.create_backup(win_store, archive)
    ctx = UiContext(win_store, "zh", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window._force_close = True
    window.build_pages()
    assert disputes.list_disputes(ctx.store)  # the pages hold connections from the pool
    assert open_handles(win_store.path)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a))
    rules = WindowsRenameRules(monkeypatch)
    assert safety.restore_from_backup(window, archive, confirm=False) is True, shown
    assert any(dst == str(win_store.path) for _src, dst in rules.calls) and sleeps == []
    assert ctx.store is not win_store and disputes.list_disputes(ctx.store)
    ctx.wait_idle()
    ctx.store.close()
