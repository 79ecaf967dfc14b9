"""Restore a backup archive: verify everything first, then swap the store in atomically.

Verification (nothing on disk is touched before all of it passes):

1. the file is ours: a zip starting ``PK\\x03\\x04`` or an encrypted archive starting ``LEIBAKE1``
   (which needs the right password: AES-GCM refuses a wrong one or any damage);
2. every zip member name is safe: no absolute path, no drive letter, no ``..``, no backslash, no
   link, no directory, no duplicate, nothing but ``manifest.json`` and ``db.sqlite3``;
3. the manifest is ours (format, version) and each member's size in the zip equals the size the
   manifest declares; a member is read in chunks and refused as soon as it grows past that size
   (a compression bomb never fills the disk); its SHA-256 must match;
4. the database is a SQLite file whose ``integrity_check`` and ``foreign_key_check`` pass, whose
   schema revision this app knows, and whose every attachment re-hashes to the manifest's list.

Then: SQLite target — the verified file (migrated if it is from an older schema) is written next to
the target, the current store is backed up (``pre-restore``), the old file and its ``-wal``/``-shm``
are moved aside and ``os.replace`` swaps the new file in (any refusal — on Windows, a file another
program holds open — puts the old files back: see :func:`_swap_in`). PostgreSQL target — every table is emptied and
refilled in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path, PurePosixPath

from cryptography.exceptions import InvalidTag
from sqlalchemy import create_engine

from lei_desktop.domain.errors import LeiError, ValidationError
from lei_desktop.domain.messages import register
from lei_desktop.fileio import replace_file
from lei_desktop.services import backup as bk
from lei_desktop.services.backup import ro_uri
from lei_desktop.store import migrate
from lei_desktop.store.db import make_engine, sqlite_path, sqlite_url, to_url

register(
    {
        "restore_missing": ("找不到备份文件 {path}", "the backup file {path} does not exist"),
        "restore_foreign": (
            "{path} 不是本程序的备份文件",
            "{path} is not a backup made by this app",
        ),
        "restore_needs_password": (
            "该备份已加密，请用 --password-file 提供密码",
            "this backup is encrypted; give its password with --password-file",
        ),
        "restore_bad_password": (
            "密码错误，或加密备份已损坏",
            "wrong password, or the encrypted backup is damaged",
        ),
        "restore_damaged_zip": ("备份文件已损坏：{error}", "the backup file is damaged: {error}"),
        "restore_unsafe_name": (
            "备份中的成员 “{name}” 不安全（{why_zh}），已拒绝",
            "the backup member '{name}' is unsafe ({why_en}); refused",
        ),
        "restore_link": ("备份中的成员 “{name}” 是链接，已拒绝", "the backup member '{name}' is a link; refused"),
        "restore_unexpected_member": (
            "备份中有不应存在的成员 “{name}”",
            "the backup holds an unexpected member '{name}'",
        ),
        "restore_duplicate_member": ("备份中成员 “{name}” 出现多次", "the backup holds '{name}' more than once"),
        "restore_missing_member": ("备份中缺少 “{name}”", "the backup lacks '{name}'"),
        "restore_bad_manifest": ("备份清单无效：{error}", "the backup manifest is invalid: {error}"),
        "restore_newer_format": (
            "备份格式版本 {version} 比本程序新，请升级程序",
            "the backup format version {version} is newer than this app; please upgrade",
        ),
        "restore_size_mismatch": (
            "成员 “{name}” 的大小为 {actual} 字节，而清单声明 {declared} 字节",
            "member '{name}' is {actual} bytes but the manifest declares {declared}",
        ),
        "restore_too_large": (
            "成员 “{name}” 超过清单声明的 {declared} 字节，已拒绝（可能是压缩炸弹）",
            "member '{name}' grows past the {declared} bytes its manifest declares; refused (a compression bomb?)",
        ),
        "restore_hash_mismatch": (
            "成员 “{name}” 的 SHA-256 与清单不符（文件已损坏或被篡改）",
            "member '{name}' does not match its SHA-256 in the manifest (damaged or altered)",
        ),
        "restore_not_sqlite": ("备份中的数据库不是 SQLite 文件", "the database in the backup is not an SQLite file"),
        "restore_db_damaged": ("备份中的数据库已损坏：{error}", "the database in the backup is damaged: {error}"),
        "restore_attachment_bad": (
            "备份中的附件 {sha256} 已损坏或缺失",
            "attachment {sha256} in the backup is damaged or missing",
        ),
        "restore_unknown_schema": (
            "备份来自更新版本的程序（数据库版本 {revision}），请升级程序",
            "the backup comes from a newer version of the app (schema {revision}); please upgrade",
        ),
    }
)

ALLOWED = (bk.MANIFEST, bk.DB_MEMBER)
MAX_MANIFEST = 16 * 1024 * 1024
CHUNK = 1 << 20


@dataclass
class Verified:
    """A verified archive: the manifest and the database extracted into a temporary folder."""

    manifest: dict
    db_file: Path
    encrypted: bool
    schema_revision: str | None
    migrated_from: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RestoreResult:
    target: str
    manifest: dict
    migrated_from: str | None
    safety_copy: Path | None


#: an encrypted archive is decrypted in memory; anything larger is not one of ours
MAX_ENCRYPTED = 8 * 1024**3


def read_archive(path: Path, password: bytes | None) -> tuple[BytesIO | Path, bool]:
    """What to open as a zip (the file itself, or the decrypted bytes) and whether it was encrypted.

    Only the first bytes are read to recognise the file, so a huge foreign file costs nothing."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError("restore_missing", "file", path=str(path))
    with open(path, "rb") as fh:
        head = fh.read(len(bk.MAGIC))
    if head == bk.MAGIC:
        if not password:
            raise ValidationError("restore_needs_password", "--password-file")
        size = path.stat().st_size
        if size < bk.HEADER_BYTES + 16:
            raise ValidationError("restore_bad_password", "--password-file")
        if size > MAX_ENCRYPTED:
            raise ValidationError("restore_foreign", "file", path=str(path))
        try:
            return BytesIO(bk.unseal(path.read_bytes(), password)), True
        except InvalidTag:
            raise ValidationError("restore_bad_password", "--password-file") from None
    if head.startswith(bk.ZIP_MAGIC):
        return path, False
    raise ValidationError("restore_foreign", "file", path=str(path))


def check_member_name(info: zipfile.ZipInfo) -> None:
    name = info.filename
    if "\\" in name:
        raise ValidationError("restore_unsafe_name", "file", name=name, why_zh="含反斜杠", why_en="backslash")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise ValidationError("restore_unsafe_name", "file", name=name, why_zh="绝对路径", why_en="absolute path")
    parts = PurePosixPath(name).parts
    if any(p == ".." for p in parts):
        raise ValidationError("restore_unsafe_name", "file", name=name, why_zh="路径穿越 “..”",
                              why_en="path traversal '..'")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise ValidationError("restore_link", "file", name=name)
    if info.is_dir():
        raise ValidationError("restore_unexpected_member", "file", name=name)
    if name not in ALLOWED:
        raise ValidationError("restore_unexpected_member", "file", name=name)


def _read_bounded(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, out) -> str:
    """Stream a member into ``out`` refusing more than ``limit`` bytes; returns its SHA-256."""
    h = hashlib.sha256()
    total = 0
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(CHUNK):
                total += len(chunk)
                if total > limit:
                    raise ValidationError("restore_too_large", "file", name=info.filename, declared=limit)
                h.update(chunk)
                out.write(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError) as exc:
        raise ValidationError("restore_damaged_zip", "file", error=str(exc)) from exc
    except Exception as exc:  # zlib.error and friends: the compressed stream is damaged
        if isinstance(exc, LeiError):
            raise
        raise ValidationError("restore_damaged_zip", "file", error=str(exc)) from exc
    if total != limit:
        raise ValidationError("restore_size_mismatch", "file", name=info.filename, actual=total, declared=limit)
    return h.hexdigest()


def _manifest(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> dict:
    if info.file_size > MAX_MANIFEST:
        raise ValidationError("restore_too_large", "file", name=info.filename, declared=MAX_MANIFEST)
    buf = BytesIO()
    _read_bounded(zf, info, info.file_size, buf)
    try:
        doc = json.loads(buf.getvalue().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError("restore_bad_manifest", "manifest.json", error=str(exc)) from exc
    if not isinstance(doc, dict) or doc.get("format") != bk.FORMAT:
        raise ValidationError("restore_bad_manifest", "manifest.json", error="format is not lei-backup")
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValidationError("restore_bad_manifest", "manifest.json", error="format_version")
    if version > bk.FORMAT_VERSION:
        raise ValidationError("restore_newer_format", "manifest.json", version=version)
    members = doc.get("members")
    if not isinstance(members, dict) or bk.DB_MEMBER not in members:
        raise ValidationError("restore_bad_manifest", "manifest.json", error="members")
    for name, entry in members.items():
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("size"), int)
            or isinstance(entry.get("size"), bool)
            or entry["size"] < 0
            or not isinstance(entry.get("sha256"), str)
        ):
            raise ValidationError("restore_bad_manifest", "manifest.json", error=f"members.{name}")
    attachments = doc.get("attachments", [])
    if not isinstance(attachments, list) or not all(
        isinstance(a, dict) and isinstance(a.get("sha256"), str) and isinstance(a.get("size"), int) for a in attachments
    ):
        raise ValidationError("restore_bad_manifest", "manifest.json", error="attachments")
    return doc


def check_sqlite_file(db_file: Path) -> str | None:
    """A problem with an SQLite file (header, integrity, foreign keys), or None when it is sound."""
    with open(db_file, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            return "not an SQLite file"
    try:
        con = sqlite3.connect(ro_uri(db_file), uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            return "; ".join(rows[:5])
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            return f"{len(fk)} broken references, first in table {fk[0][0]}"
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        con.close()
    return None


def bad_blobs(db_file: Path, expected: list[dict] | None = None) -> list[str]:
    """Attachments whose content does not hash to its key or size (and, given the manifest's list,
    any listed attachment that is missing)."""
    con = sqlite3.connect(ro_uri(db_file), uri=True)
    bad: list[str] = []
    seen: dict[str, int] = {}
    try:
        try:
            cur = con.execute("SELECT sha256, size, data FROM blob")
        except sqlite3.OperationalError:
            cur = iter(())
        for digest, size, data in cur:
            data = bytes(data or b"")
            if hashlib.sha256(data).hexdigest() != digest or len(data) != size:
                bad.append(digest)
            seen[digest] = size
    finally:
        con.close()
    for entry in expected or []:
        if seen.get(entry["sha256"]) != entry["size"] and entry["sha256"] not in bad:
            bad.append(entry["sha256"])
    return bad


def verify(path: Path | str, password: bytes | None = None, workdir: Path | None = None) -> Verified:
    """Check an archive completely and extract its database into ``workdir`` (a temporary folder)."""
    source, encrypted = read_archive(Path(path), password)
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ValidationError("restore_damaged_zip", "file", error=str(exc)) from exc
    with zf:
        infos = zf.infolist()
        seen: set[str] = set()
        for info in infos:
            check_member_name(info)
            if info.filename in seen:
                raise ValidationError("restore_duplicate_member", "file", name=info.filename)
            seen.add(info.filename)
        for name in ALLOWED:
            if name not in seen:
                raise ValidationError("restore_missing_member", "file", name=name)
        by_name = {i.filename: i for i in infos}
        manifest = _manifest(zf, by_name[bk.MANIFEST])
        declared = manifest["members"][bk.DB_MEMBER]
        info = by_name[bk.DB_MEMBER]
        if info.file_size != declared["size"]:
            raise ValidationError(
                "restore_size_mismatch", "file", name=bk.DB_MEMBER, actual=info.file_size, declared=declared["size"]
            )
        workdir = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="lei-restore-"))
        db_file = workdir / bk.DB_MEMBER
        with open(db_file, "wb") as out:
            digest = _read_bounded(zf, info, declared["size"], out)
    if digest != declared["sha256"]:
        raise ValidationError("restore_hash_mismatch", "file", name=bk.DB_MEMBER)
    with open(db_file, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise ValidationError("restore_not_sqlite", "file")
    problem = check_sqlite_file(db_file)
    if problem:
        raise ValidationError("restore_db_damaged", "file", error=problem)
    bad = bad_blobs(db_file, manifest.get("attachments", []))
    if bad:
        raise ValidationError("restore_attachment_bad", "file", sha256=bad[0])
    revision = bk.schema_revision(db_file)
    if revision is not None and revision not in migrate.known_revisions():
        raise ValidationError("restore_unknown_schema", "file", revision=revision)
    return Verified(manifest, db_file, encrypted, revision)


def upgrade_file(db_file: Path) -> str | None:
    """Bring a verified database to the newest schema; returns the revision it came from, or None."""
    engine = create_engine(sqlite_url(db_file))
    try:
        before = migrate.current_revision(engine)
        if before == migrate.head_revision():
            return None
        migrate.upgrade(engine)
        return before or "empty"
    finally:
        engine.dispose()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def _safety_copy(target: Path) -> Path | None:
    """Keep the store being replaced: a backup archive, or the raw file when it is too damaged."""
    if not target.exists() or target.stat().st_size == 0:
        return None
    folder = bk.backup_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", target.stem) or "store"
    out = folder / f"{stem}--{stamp}-pre-restore{bk.SUFFIX}"
    with tempfile.TemporaryDirectory(prefix="lei-pre-restore-") as tmp:
        snap = Path(tmp) / bk.DB_MEMBER
        try:
            bk.snapshot_sqlite(target, snap)
            if check_sqlite_file(snap) is not None:
                raise sqlite3.DatabaseError("damaged")
            bk.atomic_write(out, bk.build_archive(snap, "sqlite"))
            return out
        except sqlite3.Error:
            raw = folder / f"{stem}--{stamp}-damaged.sqlite3"
            shutil.copy2(target, raw)
            for suffix in ("-wal", "-shm"):
                side = target.with_name(target.name + suffix)
                if side.exists():
                    shutil.copy2(side, raw.with_name(raw.name + suffix))
            return raw


def _swap_in(new: Path, target: Path, stage: Path) -> None:
    """Make ``new`` the database at ``target``, all or nothing.

    The old file and its ``-wal``/``-shm``/``-journal`` are first moved aside into ``stage`` (which
    the caller removes). On Windows a file that another program holds open cannot be moved: that
    raises :class:`FileInUse` naming ``target``, and whatever was already moved is put back, so the
    old store stays exactly as it was."""
    aside = stage / "old"
    aside.mkdir(exist_ok=True)
    moved: list[Path] = []
    try:
        for path in (target, *(target.with_name(target.name + s) for s in ("-wal", "-shm", "-journal"))):
            if path.exists():
                replace_file(path, aside / path.name, field="db", shown=target)
                moved.append(path)
        replace_file(new, target, field="db")
    except BaseException:
        for path in reversed(moved):
            os.replace(aside / path.name, path)
        raise


def restore(archive: Path | str, db: str | Path | None = None, password: bytes | None = None,
            *, lock_held: bool = False) -> RestoreResult:
    """Verify ``archive`` and make it the store at ``db`` (a path, an SQLAlchemy URL, None = default).

    ``lock_held``: the caller (the running app, its own store closed) already holds the instance lock."""
    url = to_url(db)
    target = sqlite_path(url)
    if target is None and url.startswith("sqlite"):
        raise LeiError("backup_memory_db", "db")
    if target is not None:
        return _restore_sqlite(Path(archive), target, password, lock_held)
    return _restore_server(Path(archive), url, password)


def _restore_sqlite(archive: Path, target: Path, password: bytes | None, lock_held: bool = False) -> RestoreResult:
    from contextlib import nullcontext

    from lei_desktop.services.lock import acquire_instance_lock

    target.parent.mkdir(parents=True, exist_ok=True)
    with nullcontext() if lock_held else acquire_instance_lock(target):
        for stale in target.parent.glob(f".{target.name}.restore-*"):  # left by a killed restore
            shutil.rmtree(stale, ignore_errors=True)
        # stage in the target's folder, so that the final rename never crosses file systems
        stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.restore-", dir=target.parent))
        try:
            verified = verify(archive, password, stage)
            migrated_from = upgrade_file(verified.db_file)
            _fsync_file(verified.db_file)
            safety = _safety_copy(target)
            _swap_in(verified.db_file, target, stage)
            _fsync_dir(target.parent)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    return RestoreResult(str(target), verified.manifest, migrated_from, safety)


def _restore_server(archive: Path, url: str, password: bytes | None) -> RestoreResult:
    from lei_desktop.services.store import Store

    with tempfile.TemporaryDirectory(prefix="lei-restore-") as tmp:
        verified = verify(archive, password, Path(tmp))
        migrated_from = upgrade_file(verified.db_file)
        with Store(url) as store:  # creates or migrates the server schema to the newest revision
            safety = bk.auto_backup(store, reason="pre-restore")
        src = create_engine(sqlite_url(verified.db_file))
        dst = make_engine(url)
        try:
            bk.copy_rows(src, dst, replace=True)
        finally:
            src.dispose()
            dst.dispose()
    return RestoreResult(url, verified.manifest, migrated_from, safety)
