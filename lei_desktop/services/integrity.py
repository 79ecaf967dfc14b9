"""Integrity of a store: SQLite's own checks and a re-hash of every attachment.

API (used by ``lei-cli check`` and by the GUI on start):

- ``check(db) -> Report`` — ``db`` is a Store, a path or a URL. SQLite: ``PRAGMA integrity_check``,
  ``PRAGMA foreign_key_check`` and every blob re-hashed; PostgreSQL: every blob re-hashed. Never
  migrates or writes (SQLite itself may fold a committed ``-wal`` into the file when it closes). ``report.ok`` / ``report.problems`` (bilingual ``{"code","zh","en"}`` dicts).
- ``quick_check(path) -> str | None`` — fast start-up test of an SQLite file (header and
  ``PRAGMA quick_check``); None when sound or when the file does not exist yet (a new store).
- ``latest_good_backup(db_path, password=None) -> Path | None`` — the newest automatic backup of
  that store that passes full verification, for the GUI's "restore the latest good backup?" offer.
  The GUI then calls ``services.restore.restore(path, db_path)``.
- ``on_start(db, ask) -> bool`` — both of the above in the order the app needs them (used by app.py).
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from lei_desktop.domain.errors import LeiError
from lei_desktop.domain.messages import both, register
from lei_desktop.services.backup import list_backups, ro_uri
from lei_desktop.store.db import make_engine, sqlite_path, to_url

register(
    {
        "check_missing": ("数据库文件 {path} 不存在", "the database file {path} does not exist"),
        "check_not_sqlite": ("{path} 不是 SQLite 数据库文件（文件头已损坏）", "{path} is not an SQLite database (damaged header)"),
        "check_cannot_open": ("无法打开数据库：{error}", "cannot open the database: {error}"),
        "check_integrity": ("SQLite 完整性检查失败：{detail}", "SQLite integrity check failed: {detail}"),
        "check_foreign_key": (
            "表 {table} 第 {rowid} 行引用了不存在的 {parent} 记录",
            "table {table} row {rowid} refers to a missing {parent} row",
        ),
        "check_blob_hash": (
            "附件 {sha256} 的内容与其 SHA-256 不符（已损坏）",
            "attachment {sha256}: content does not match its SHA-256 (damaged)",
        ),
        "check_blob_size": (
            "附件 {sha256} 的大小为 {actual} 字节，记录为 {declared} 字节",
            "attachment {sha256} is {actual} bytes, recorded as {declared}",
        ),
        "start_damaged_offer": (
            "数据库已损坏：{problem}\n\n是否用最近一次完好的备份恢复？\n{backup}\n\n（损坏的文件会另存一份。）",
            "The database is damaged: {problem}\n\nRestore the latest good backup?\n{backup}\n\n"
            "(A copy of the damaged file is kept.)",
        ),
        "start_damaged_no_backup": (
            "数据库已损坏：{problem}\n\n没有可用的备份。请运行 lei-cli check 查看详情，或联系技术支持。",
            "The database is damaged: {problem}\n\nNo good backup was found. Run lei-cli check for details, "
            "or contact support.",
        ),
        "start_damaged_title": ("数据库已损坏", "Damaged database"),
        "check_ok": ("检查通过：{blobs} 个附件已重新计算哈希", "all checks passed: {blobs} attachments re-hashed"),
    }
)


@dataclass
class Report:
    target: str
    problems: list[dict] = field(default_factory=list)
    blobs_checked: int = 0
    checks: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, code: str, **params) -> None:
        self.problems.append(both(code, **params))

    def as_json(self) -> dict:
        return {
            "target": self.target,
            "ok": self.ok,
            "checks": self.checks,
            "blobs_checked": self.blobs_checked,
            "problems": self.problems,
        }


SQLITE_HEADER = b"SQLite format 3\x00"


def quick_check(path: Path | str) -> str | None:
    """A one-line problem with the SQLite file at ``path``, or None (sound, or not created yet)."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return None
    with open(path, "rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            return "not an SQLite database (damaged header)"
    try:
        con = sqlite3.connect(path)
        try:
            rows = [r[0] for r in con.execute("PRAGMA quick_check").fetchall()]
        finally:
            con.close()
    except sqlite3.Error as exc:
        return str(exc)
    return None if rows == ["ok"] else "; ".join(rows[:3])


def _rehash(report: Report, rows) -> None:
    for digest, size, data in rows:
        data = bytes(data or b"")
        report.blobs_checked += 1
        if hashlib.sha256(data).hexdigest() != digest:
            report.add("check_blob_hash", sha256=digest)
        elif len(data) != size:
            report.add("check_blob_size", sha256=digest, actual=len(data), declared=size)


def check_sqlite(path: Path) -> Report:
    report = Report(str(path))
    if not path.exists():
        report.add("check_missing", path=str(path))
        return report
    with open(path, "rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            report.add("check_not_sqlite", path=str(path))
            return report
    try:
        con = sqlite3.connect(path)  # read/write so that a committed -wal is honoured
    except sqlite3.Error as exc:
        report.add("check_cannot_open", error=str(exc))
        return report
    try:
        report.checks.append("integrity_check")
        rows = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            for detail in rows[:20]:
                report.add("check_integrity", detail=detail)
            return report  # a damaged b-tree makes further reads meaningless
        report.checks.append("foreign_key_check")
        for table, rowid, parent, _fk in con.execute("PRAGMA foreign_key_check").fetchall()[:50]:
            report.add("check_foreign_key", table=table, rowid=rowid, parent=parent)
        report.checks.append("attachments")
        try:
            _rehash(report, con.execute("SELECT sha256, size, data FROM blob"))
        except sqlite3.OperationalError:
            pass  # an empty file without tables yet
    except sqlite3.DatabaseError as exc:
        report.add("check_integrity", detail=str(exc))
    finally:
        con.close()
    return report


def check_server(url: str) -> Report:
    from lei_desktop.store.models import BlobRow

    report = Report(url)
    engine = make_engine(url)
    try:
        report.checks.append("attachments")
        with engine.connect() as conn:
            result = conn.execution_options(yield_per=50).execute(select(BlobRow.sha256, BlobRow.size, BlobRow.data))
            _rehash(report, result)
    except Exception as exc:  # cannot connect, no schema: a problem to report, not a crash
        report.add("check_cannot_open", error=str(exc).splitlines()[0])
    finally:
        engine.dispose()
    return report


def check(db) -> Report:
    """Check a Store, a path or a URL; never migrates, never writes data."""
    url = db.url if hasattr(db, "url") else to_url(db)
    path = sqlite_path(url)
    if path is not None:
        return check_sqlite(path)
    if url.startswith("sqlite"):
        raise LeiError("backup_memory_db", "db")
    return check_server(url)


def on_start(db, ask) -> bool:
    """What the app does before opening an SQLite store: when it is damaged, offer the latest good
    backup. ``ask(problem, backup_path) -> bool`` is the GUI's question (None as backup: nothing to
    offer, just tell). Returns True when the app can go on (sound, or restored)."""
    from lei_desktop.services.restore import restore

    path = sqlite_path(to_url(db))
    if path is None:
        return True
    problem = quick_check(path)
    if problem is None:
        return True
    candidate = latest_good_backup(path)
    if not ask(problem, candidate) or candidate is None:
        return False
    restore(candidate, path)
    return quick_check(path) is None


def latest_good_backup(db: Path | str | None = None, password: bytes | None = None, folder: Path | None = None) -> Path | None:
    """The newest automatic backup of the store at ``db`` that verifies completely, or None."""
    import re
    import tempfile

    from lei_desktop.services.restore import verify

    path = sqlite_path(to_url(db))
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", path.stem if path else "") or "store"
    for candidate in list_backups(stem, folder):
        with tempfile.TemporaryDirectory(prefix="lei-verify-") as tmp:
            try:
                verify(candidate, password, Path(tmp))
            except LeiError:
                continue
            return candidate
    return None


__all__ = ["Report", "check", "latest_good_backup", "quick_check", "ro_uri"]
