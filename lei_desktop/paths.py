"""Where things live: the per-user data folder and bundled resources (from source or frozen)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "lei_desktop"


def resource_root() -> Path:
    """The folder holding ``resources/`` and ``i18n/``: the checkout, or PyInstaller's bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    """A bundled file, e.g. ``resource("fonts", "NotoSansSC-Regular.ttf")``."""
    return resource_root().joinpath("resources", *parts)


def i18n_dir() -> Path:
    return resource_root() / "i18n"


def user_data_dir() -> Path:
    """Per-user data folder; ``LEI_DATA_DIR`` overrides it (tests, portable installs)."""
    override = os.environ.get("LEI_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def default_db_path() -> Path:
    return user_data_dir() / "lei_desktop.sqlite3"


def backup_dir() -> Path:
    return user_data_dir() / "backups"
