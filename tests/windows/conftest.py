"""Windows behaviour simulated on Linux: a file held open by another program, msvcrt locks."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest


def sharing_violation(path) -> PermissionError:
    """What ``os.replace`` raises on Windows when ``path`` is open in another process (WinError 32)."""
    return PermissionError(errno.EACCES, "The process cannot access the file because it is being used "
                                         "by another process", str(path))


class HeldOpen:
    """``os.replace`` as Windows does it while another program holds some files open.

    Any replace whose source or target is one of ``held`` raises ``PermissionError``, ``times``
    times (None: for ever); every other call, and every call after that, is the real one."""

    def __init__(self, monkeypatch, *held: Path, times: int | None = None) -> None:
        self.held = {os.path.abspath(p) for p in held}
        self.times = times
        self.refused: list[tuple[str, str]] = []
        self.real = os.replace
        monkeypatch.setattr(os, "replace", self)
        from lei_desktop import fileio

        monkeypatch.setattr(fileio, "on_windows", lambda: True)

    def __call__(self, src, dst, **kw):
        hit = {os.path.abspath(src), os.path.abspath(dst)} & self.held
        if hit and (self.times is None or len(self.refused) < self.times):
            self.refused.append((str(src), str(dst)))
            raise sharing_violation(next(iter(hit)))
        return self.real(src, dst, **kw)


@pytest.fixture
def sleeps(monkeypatch) -> list[float]:
    """The pauses of the retry loop, recorded instead of slept."""
    from lei_desktop import fileio

    record: list[float] = []
    monkeypatch.setattr(fileio, "_sleep", record.append)
    return record


@pytest.fixture
def win_store(tmp_path, example_path):
    """The example scenario in a store under a Chinese folder name with spaces."""
    from lei_desktop.services import Store, scenario

    folder = tmp_path / "张三 的文档" / "理赔 数据"
    store = Store(folder / "账本 2026.sqlite3", actor="张三")
    scenario.load(store, example_path)
    yield store
    store.close()


def open_handles(*paths) -> list[str]:
    """Which of ``paths`` (and their ``-wal``/``-shm``) this process has open (Linux /proc)."""
    wanted = {os.path.abspath(p) for p in paths}
    wanted |= {w + s for w in list(wanted) for s in ("-wal", "-shm")}
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target in wanted:
            found.append(target)
    return found


class WindowsRenameRules:
    """``os.replace`` refuses, as Windows does, to move or overwrite a file this process still has
    open (an undisposed engine, a pooled connection, a forgotten handle): PermissionError."""

    def __init__(self, monkeypatch) -> None:
        self.real = os.replace
        self.calls: list[tuple[str, str]] = []
        monkeypatch.setattr(os, "replace", self)
        from lei_desktop import fileio

        monkeypatch.setattr(fileio, "on_windows", lambda: True)

    def __call__(self, src, dst, **kw):
        self.calls.append((str(src), str(dst)))
        held = open_handles(src, dst)
        if held:
            raise sharing_violation(held[0])
        return self.real(src, dst, **kw)


@pytest.fixture
def qt_loop(qapp):
    """An event loop run once first: an earlier test's ``app.exit()`` would otherwise leave the
    application quitting, and worker results would never be delivered (as tests/ui/gui2_support)."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, qapp.quit)
    qapp.exec()
    return qapp
