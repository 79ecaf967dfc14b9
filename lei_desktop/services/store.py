"""The Store: one database, its sessions, and the unit of work every service call runs in."""

from __future__ import annotations

import errno
import getpass
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from lei_desktop.domain.errors import Conflict, ValidationError
from lei_desktop.domain.messages import register
from lei_desktop.fileio import file_problem
from lei_desktop.store import migrate
from lei_desktop.store.db import make_engine, sqlite_path, to_url
from lei_desktop.store.models import AuditEventRow

register(
    {
        "store_from_newer_app": (
            "该数据库由更新版本的程序创建（数据库版本 {revision}），请升级程序后再打开；本程序未做任何修改",
            "this database was written by a newer version of the app (schema {revision}); upgrade the app to "
            "open it — nothing was changed",
        ),
        "store_bad_url": ("“{url}” 不是可用的数据库地址（SQLite 文件路径或 SQLAlchemy URL）",
                          "'{url}' is not a usable database: give an SQLite file path or an SQLAlchemy URL"),
        "store_not_sqlite": ("“{path}” 已损坏或不是 SQLite 数据库文件（文件头不符），未做任何修改",
                             "'{path}' is damaged or not an SQLite database file (wrong header); nothing was changed"),
        "store_cannot_open": ("无法打开数据库文件 “{path}”（文件夹不存在或没有权限）",
                              "cannot open the database file '{path}' (no such folder, or no permission)"),
    }
)

def _open_url(db: str | Path | None) -> str:
    """The URL of ``db``; a path that cannot be a database file is refused with its reason."""
    if db is not None and "://" not in str(db) and str(db) and Path(str(db)).expanduser().is_dir():
        raise file_problem(IsADirectoryError(errno.EISDIR, "", str(db)), "--db", db)
    path = Path(str(db)).expanduser() if db is not None and "://" not in str(db) and str(db) else None
    if path is not None and path.is_file() and path.stat().st_size > 0:
        with open(path, "rb") as fh:
            head = fh.read(16)
        if head != b"SQLite format 3\x00":  # SQLite would take a short foreign file for a new database
            raise ValidationError("store_not_sqlite", "--db", path=str(db))
    try:
        return to_url(db)
    except ValueError:
        raise ValidationError("store_bad_url", "--db", url=str(db)) from None
    except OSError as exc:  # the folder for the file cannot be made
        raise file_problem(exc, "--db", db, writing=True) from None


def _needs_upgrade(engine: Engine, db) -> bool:
    try:
        return migrate.needs_upgrade(engine)
    except OperationalError as exc:
        if "unable to open database file" in str(exc):
            engine.dispose()
            raise ValidationError("store_cannot_open", "--db", path=str(db)) from None
        raise


#: Called with the Store before a migration changes an existing database (the automatic backup).
BeforeMigrate = Callable[["Store"], None]
_before_migrate_hooks: list[BeforeMigrate] = []


def on_before_migrate(hook: BeforeMigrate) -> None:
    if hook not in _before_migrate_hooks:
        _before_migrate_hooks.append(hook)


def current_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some service accounts
        return "unknown"


def now() -> datetime:
    return datetime.now(UTC)


class Store:
    """An open store. ``Store(None)`` opens the per-user default SQLite database."""

    def __init__(self, db: str | Path | None = None, *, upgrade: bool = True, actor: str | None = None) -> None:
        self.url = _open_url(db)
        try:
            self.engine: Engine = make_engine(self.url)
        except (ArgumentError, NoSuchModuleError, ImportError):
            raise ValidationError("store_bad_url", "--db", url=self.url) from None
        self.actor = actor or current_actor()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if upgrade and _needs_upgrade(self.engine, db):
            current = migrate.current_revision(self.engine)
            if current is not None and current not in migrate.known_revisions():
                self.engine.dispose()
                raise Conflict("store_from_newer_app", "db", revision=current)
            if current is not None:
                import lei_desktop.services.backup  # noqa: F401 - registers the automatic pre-migration backup

                for hook in _before_migrate_hooks:
                    hook(self)
            migrate.upgrade(self.engine)

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        return sqlite_path(self.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any exception."""
        with self._sessions() as s, s.begin():
            yield s

    def audit(self, s: Session, entity: str, ref: str, action: str, changes: dict | None = None) -> None:
        s.add(AuditEventRow(at=now(), actor=self.actor, entity=entity, ref=ref, action=action, changes=changes or {}))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
