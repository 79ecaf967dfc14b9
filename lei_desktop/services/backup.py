"""Backups: one archive holding a consistent snapshot of the store, its attachments and a manifest.

Archive layout (a zip file, suffix ``.leibak``)::

    manifest.json   {"format": "lei-backup", "format_version": 1, "app_version", "schema_revision",
                     "created_at", "source", "members": {name: {"sha256", "size"}},
                     "attachments": [{"sha256", "size"}, ...]}
    db.sqlite3      the database: SQLite's online backup API for a SQLite store, a row-by-row copy
                    into a fresh SQLite file for a PostgreSQL store

Attachments live in the ``blob`` table, so the snapshot holds them; the manifest also lists each
attachment's SHA-256 and size so that a restore (and ``lei-cli check``) can re-hash them.

Encryption (``password=``): the whole zip is sealed with AES-256-GCM, the key derived with scrypt::

    MAGIC (8 bytes "LEIBAKE1") | salt (16) | log2 n (1) | r (1) | p (1) | nonce (12) | ciphertext+tag

The header is the associated data, so a tampered header fails like a wrong password. Without the
password the file shows nothing but that header.

API for the GUI: :func:`auto_backup` (call on exit; also runs before every migration through
``services.store.on_before_migrate``), :func:`create_backup`, :func:`list_backups`.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import MetaData, create_engine, insert, select, text

from lei_desktop import __version__
from lei_desktop.domain.errors import LeiError, ValidationError
from lei_desktop.domain.messages import register
from lei_desktop.fileio import FileInUse, atomic_write, file_problem  # noqa: F401 - also used by callers of this module
from lei_desktop.paths import backup_dir
from lei_desktop.services import store as store_module
from lei_desktop.services.store import Store
from lei_desktop.store import migrate
from lei_desktop.store.db import sqlite_url
from lei_desktop.store.models import SettingRow

register(
    {
        "backup_no_password": ("密码文件为空", "the password file is empty"),
        "backup_password_unreadable": ("无法读取密码文件：{error}", "cannot read the password file: {error}"),
        "backup_write_failed": ("无法写入备份文件：{error}", "cannot write the backup file: {error}"),
        "backup_memory_db": ("内存数据库无法备份", "an in-memory database cannot be backed up"),
    }
)

FORMAT = "lei-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DB_MEMBER = "db.sqlite3"
SUFFIX = ".leibak"
MAGIC = b"LEIBAKE1"
ZIP_MAGIC = b"PK\x03\x04"
SALT_BYTES, NONCE_BYTES = 16, 12
SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 15, 8, 1
HEADER_BYTES = len(MAGIC) + SALT_BYTES + 3 + NONCE_BYTES
KEEP_SETTING = "backup.keep"
DEFAULT_KEEP = 10


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    encrypted: bool
    size: int
    manifest: dict


# --- keys and sealing ------------------------------------------------------------------------------


def read_password_file(path: Path | str) -> bytes:
    """The password: the file's content without the trailing newline."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise file_problem(exc, "--password-file", path) from None
    data = data.rstrip(b"\r\n")
    if not data:
        raise ValidationError("backup_no_password", "--password-file")
    return data


def derive_key(password: bytes, salt: bytes, log2_n: int = SCRYPT_LOG2_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**log2_n, r=r, p=p).derive(password)


def seal(plain: bytes, password: bytes) -> bytes:
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    header = MAGIC + salt + bytes([SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P]) + nonce
    key = derive_key(password, salt)
    return header + AESGCM(key).encrypt(nonce, plain, header)


def unseal(sealed: bytes, password: bytes) -> bytes:
    """The zip inside an encrypted archive; raises InvalidTag on a wrong password or damage."""
    header = sealed[:HEADER_BYTES]
    salt = header[len(MAGIC) : len(MAGIC) + SALT_BYTES]
    log2_n, r, p = header[len(MAGIC) + SALT_BYTES : len(MAGIC) + SALT_BYTES + 3]
    if not (10 <= log2_n <= 20 and 1 <= r <= 16 and 1 <= p <= 4):  # refuse a header built to exhaust memory
        raise InvalidTag()
    nonce = header[-NONCE_BYTES:]
    key = derive_key(password, salt, log2_n, r, p)
    return AESGCM(key).decrypt(nonce, sealed[HEADER_BYTES:], header)


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


# --- snapshot --------------------------------------------------------------------------------------


def ro_uri(path: Path) -> str:
    """An SQLite URI opening ``path`` read-only (any characters in the path are escaped)."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def snapshot_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database through SQLite's online backup API."""
    src = sqlite3.connect(source)
    try:
        src.execute("PRAGMA busy_timeout=5000")
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            dst.close()
    finally:
        src.close()


def copy_rows(src_engine, dst_engine, replace: bool = False) -> None:
    """Copy every table's rows from one database to another of the same schema revision.

    Both sides are reflected, so raw column values travel unchanged (integers stay integers).
    The target must be empty, or ``replace=True`` (PostgreSQL) empties it first in the same
    transaction; foreign keys are satisfied by copying parents first.
    """
    src_meta, dst_meta = MetaData(), MetaData()
    src_meta.reflect(src_engine)
    dst_meta.reflect(dst_engine)
    with src_engine.connect() as src, dst_engine.begin() as dst:
        # SQLite keeps UTC wall time without a zone: make PostgreSQL read and write UTC too
        for conn in (src, dst):
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SET TIME ZONE 'UTC'")
        if replace:
            names = ", ".join(f'"{t.name}"' for t in dst_meta.sorted_tables if t.name != "alembic_version")
            dst.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        for table in dst_meta.sorted_tables:
            if table.name == "alembic_version" or table.name not in src_meta.tables:
                continue
            source_table = src_meta.tables[table.name]
            names = [c.name for c in table.columns if c.name in source_table.c]
            order = list(source_table.primary_key.columns) or [source_table.c[names[0]]]
            result = src.execute(select(*[source_table.c[n] for n in names]).order_by(*order))
            while batch := result.fetchmany(500):
                dst.execute(insert(table), [dict(zip(names, row, strict=True)) for row in batch])
        if dst_engine.dialect.name == "postgresql":
            reset_sequences(dst, dst_meta)


def reset_sequences(conn, meta: MetaData) -> None:
    """After explicit ids were inserted, move each serial sequence past the highest id."""
    for table in meta.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or pk[0].name != "id":
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 0) + 1, false)"
            )
        )


def snapshot_server(store: Store, target: Path) -> None:
    """A PostgreSQL store copied into a fresh SQLite file at the same schema revision."""
    revision = migrate.current_revision(store.engine)
    engine = create_engine(sqlite_url(target))
    try:
        if revision is not None:
            from alembic import command

            command.upgrade(migrate.alembic_config(engine), revision)
        # REPEATABLE READ: every table is read from the same moment
        src = store.engine.execution_options(isolation_level="REPEATABLE READ")
        copy_rows(src, engine)
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
    finally:
        engine.dispose()


def attachment_list(db_file: Path) -> list[dict]:
    con = sqlite3.connect(ro_uri(db_file), uri=True)
    try:
        try:
            rows = con.execute("SELECT sha256, size FROM blob ORDER BY sha256").fetchall()
        except sqlite3.OperationalError:  # a store without the blob table yet
            rows = []
        return [{"sha256": h, "size": n} for h, n in rows]
    finally:
        con.close()


def schema_revision(db_file: Path) -> str | None:
    con = sqlite3.connect(ro_uri(db_file), uri=True)
    try:
        try:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
        return row[0] if row else None
    finally:
        con.close()


def build_archive(db_file: Path, source: str) -> bytes:
    """The zip (manifest + database) for a snapshot file, in memory."""
    data = db_file.read_bytes()
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "schema_revision": schema_revision(db_file),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "source": source,
        "members": {DB_MEMBER: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}},
        "attachments": attachment_list(db_file),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        zf.writestr(DB_MEMBER, data)
    return buf.getvalue()


def create_backup(store: Store, out: Path | str, password: bytes | None = None) -> BackupInfo:
    """Write one backup archive of ``store`` to ``out`` (atomically); encrypted when a password is given."""
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="lei-backup-") as tmp:
        snap = Path(tmp) / DB_MEMBER
        if store.dialect == "sqlite":
            if store.path is None:
                raise LeiError("backup_memory_db", "db")
            snapshot_sqlite(store.path, snap)
            source = "sqlite"
        else:
            snapshot_server(store, snap)
            source = store.dialect
        archive = build_archive(snap, source)
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(archive)).read(MANIFEST))
    payload = seal(archive, password) if password else archive
    try:
        atomic_write(out, payload, field="--out")
    except FileInUse:
        raise  # its own message: the file is open in another program
    except OSError as exc:
        raise file_problem(exc, "--out", out, writing=True) from None
    return BackupInfo(out, bool(password), len(payload), manifest)


# --- automatic backups and rotation ----------------------------------------------------------------


def _stem(store: Store) -> str:
    if store.path is not None:
        name = store.path.stem
    else:
        from sqlalchemy.engine import make_url

        u = make_url(store.url)
        name = f"{u.get_backend_name()}-{u.host or 'local'}-{u.database or ''}"
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name) or "store"


def keep_count(store: Store) -> int:
    try:
        with store.session() as s:
            row = s.get(SettingRow, KEEP_SETTING)
            value = row.value if row is not None else None
    except Exception:  # before the first migration there is no setting table
        value = None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return DEFAULT_KEEP


def set_keep_count(store: Store, n: int) -> None:
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 1000:
        raise ValidationError("out_of_range", KEEP_SETTING, low=1, high=1000)
    with store.session() as s:
        row = s.get(SettingRow, KEEP_SETTING)
        if row is None:
            s.add(SettingRow(key=KEEP_SETTING, value=n))
        else:
            row.value = n
        store.audit(s, "setting", KEEP_SETTING, "update", {"value": [None if row is None else row.value, n]})


def list_backups(store_or_stem: Store | str, folder: Path | None = None) -> list[Path]:
    """Automatic backups of one store, newest first."""
    folder = folder or backup_dir()
    stem = store_or_stem if isinstance(store_or_stem, str) else _stem(store_or_stem)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{stem}--*{SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def rotate(store: Store, folder: Path | None = None, keep: int | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups of this store; returns the deleted ones."""
    keep = keep or keep_count(store)
    removed = []
    folder = folder or backup_dir()
    if folder.is_dir():  # half-written temporaries of a backup killed an hour or more ago
        cutoff = datetime.now(UTC).timestamp() - 3600
        for stale in folder.glob(f".*{SUFFIX}.*.tmp"):
            try:
                if stale.stat().st_mtime < cutoff:
                    stale.unlink()
            except FileNotFoundError:
                pass
    for old in list_backups(store, folder)[keep:]:
        try:
            old.unlink()
            removed.append(old)
        except FileNotFoundError:
            pass
    return removed


def auto_backup(store: Store, reason: str = "exit", folder: Path | None = None) -> Path | None:
    """An automatic backup into the per-user backup folder, then rotation (keep the last N).

    Returns the archive, or None when there is nothing to back up (an empty or in-memory store).
    """
    if store.dialect == "sqlite" and (store.path is None or not store.path.exists()):
        return None
    folder = folder or backup_dir()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    out = folder / f"{_stem(store)}--{stamp}-{re.sub(r'[^a-z0-9-]', '', reason)}{SUFFIX}"
    create_backup(store, out)
    rotate(store, folder)
    return out


def _before_migrate(store: Store) -> None:
    auto_backup(store, reason="pre-migrate")


store_module.on_before_migrate(_before_migrate)


__all__ = [
    "BackupInfo",
    "InvalidTag",
    "auto_backup",
    "create_backup",
    "list_backups",
    "read_password_file",
    "rotate",
    "set_keep_count",
]
