"""Shared fixtures. Qt runs offscreen; every test gets its own data folder and database."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

def _find_shared() -> Path:
    """``../shared`` beside the checkout; LEI_SHARED_DIR overrides (worktrees elsewhere)."""
    env = os.environ.get("LEI_SHARED_DIR")
    if env:
        return Path(env)
    root = Path(__file__).resolve().parents[1]
    for base in (root, *root.parents):
        candidate = base.parent / "shared"
        if (candidate / "examples" / "scenario.json").is_file():
            return candidate
    return root.parent / "shared"


SHARED = _find_shared()
EXAMPLE = SHARED / "examples" / "scenario.json"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    data = tmp_path_factory.mktemp("lei-data")
    monkeypatch.setenv("LEI_DATA_DIR", str(data))
    return data


@pytest.fixture
def example_path() -> Path:
    if not EXAMPLE.is_file():
        pytest.fail(f"the shared example scenario is missing at {EXAMPLE}")
    return EXAMPLE


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "store.sqlite3"


PG_URL_VAR = "LEI_TEST_PG_URL"


def reset_pg(url: str) -> None:
    """Empty the PostgreSQL test database: truncate every table when the schema is at the newest
    revision (fast), else drop and recreate the public schema (the next Store migrates it)."""
    from sqlalchemy import create_engine, inspect, text

    from lei_desktop.store import migrate

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("SET LOCAL lock_timeout = '20s'"))
            tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
            at_head = "alembic_version" in inspect(conn).get_table_names() and conn.execute(
                text("SELECT version_num FROM alembic_version")
            ).scalar() == migrate.head_revision()
            if at_head and tables:
                conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
            else:
                conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture
def pg_url():
    """A clean PostgreSQL database (LEI_TEST_PG_URL, which .ci/run sets); skipped when unset."""
    url = os.environ.get(PG_URL_VAR)
    if not url:
        pytest.skip(f"PostgreSQL not configured: set {PG_URL_VAR} (CI sets it)")
    reset_pg(url)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, db_path):
    """Where the ``store`` fixture lives: an SQLite file, and PostgreSQL when LEI_TEST_PG_URL is set.

    Tests marked ``sqlite_only`` (they look at the SQLite file itself) skip the PostgreSQL run.
    """
    if request.param == "sqlite":
        return str(db_path)
    if request.node.get_closest_marker("sqlite_only"):
        pytest.skip("looks at the SQLite file itself")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url):
    from lei_desktop.services import Store

    s = Store(db_url, actor="tester")
    yield s
    s.close()


@pytest.fixture
def loaded_store(store, example_path):
    from lei_desktop.services import scenario

    scenario.load(store, example_path)
    return store
