"""Opening a store: URL or path, SQLite pragmas, migrations applied on open."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from lei_desktop.paths import default_db_path


def to_url(db: str | Path | None) -> str:
    """A path or an SQLAlchemy URL -> an SQLAlchemy URL (``None`` -> the per-user default database)."""
    if db is None or str(db) == "":
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite_url(path)
    text = str(db)
    if "://" in text:
        try:
            make_url(text)
        except ArgumentError as exc:
            raise ValueError(f"not a database URL: {text}") from exc
        return text
    path = Path(text).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return sqlite_url(path)


def sqlite_url(path: Path | str) -> str:
    """The URL of the SQLite file ``path``. SQLAlchemy decodes ``%xx`` in a URL's database part and
    ends it at ``?``: a folder named ``100% 项目`` (legal on Windows) must be quoted, or the app
    would open another file than the one named."""
    return "sqlite:///" + str(path).replace("%", "%25").replace("?", "%3F")


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def sqlite_path(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    if is_sqlite(url):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)
