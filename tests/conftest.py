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


@pytest.fixture
def store(db_path):
    from lei_desktop.services import Store

    s = Store(db_path, actor="tester")
    yield s
    s.close()


@pytest.fixture
def loaded_store(store, example_path):
    from lei_desktop.services import scenario

    scenario.load(store, example_path)
    return store
