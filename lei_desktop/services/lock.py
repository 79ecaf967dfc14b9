"""One app instance per SQLite file: an OS-level lock on ``<database>.lock`` beside it.

``acquire_instance_lock(db_path)`` returns an :class:`InstanceLock` (keep it for the life of the
app, ``release()`` on exit) or raises ``Conflict("already_open")`` naming the holder. The OS
drops the lock when the process ends, even after a crash, so a stale lock file never blocks.
A server database (PostgreSQL) needs no lock: ``acquire_instance_lock`` returns a no-op lock.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

from lei_desktop.domain.errors import Conflict
from lei_desktop.domain.messages import register

register(
    {
        "already_open": (
            "数据库 {path} 已被另一个程序实例打开（{holder}）；请先关闭它",
            "the database {path} is already open in another instance of the app ({holder}); close it first",
        ),
    }
)


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class InstanceLock:
    def __init__(self, path: Path | None, fh=None) -> None:
        self.path = path
        self._fh = fh

    @property
    def held(self) -> bool:
        return self._fh is not None

    def release(self) -> None:
        fh, self._fh = self._fh, None
        if fh is None:
            return
        try:
            if sys.platform == "win32":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        finally:
            fh.close()

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def _try_lock(fh) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _try_lock_patiently(fh) -> bool:
    """Windows frees a crashed (or just closed) instance's lock "after a time that depends on system
    resources" (the LockFileEx documentation), so a restart right after a crash may find it still
    held: there, try again over about a second (:data:`lei_desktop.fileio.RETRY_DELAYS`)."""
    from lei_desktop import fileio

    if _try_lock(fh):
        return True
    if not fileio.on_windows():
        return False
    for delay in fileio.RETRY_DELAYS:
        fileio._sleep(delay)
        if _try_lock(fh):
            return True
    return False


def _holder(fh) -> str:
    """Who holds the lock, as the holder wrote it. On Windows the holder's locked byte cannot be
    read by another process (``PermissionError``, WinError 33): then the text after it, else "?"."""
    try:
        fh.seek(0)
        return fh.read(200).decode("utf-8", "replace").strip() or "?"
    except OSError:
        pass
    try:
        fh.seek(1)
        return fh.read(200).decode("utf-8", "replace").strip() or "?"
    except OSError:
        return "?"


def acquire_instance_lock(db: Path | str | None) -> InstanceLock:
    """Lock the SQLite file ``db`` (a path or an SQLAlchemy URL) for this process."""
    from lei_desktop.store.db import sqlite_path, to_url

    path = sqlite_path(to_url(db))
    if path is None:
        return InstanceLock(None)
    target = lock_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fh = open(target, "a+b")  # noqa: SIM115 - held open for the life of the lock
    if not _try_lock_patiently(fh):
        holder = _holder(fh)
        fh.close()
        raise Conflict("already_open", "db", path=str(path), holder=holder)
    fh.seek(0)
    fh.truncate()
    # byte 0 (the one locked) is a space: on Windows another process can read the rest
    fh.write(f" pid {os.getpid()} on {socket.gethostname()}".encode())
    fh.flush()
    return InstanceLock(target, fh)
