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


FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


def cache_dir() -> Path:
    """Files the app can make again from the bundle (an unpacked font): ``<user data>/cache``."""
    return user_data_dir() / "cache"


def font_files() -> list[Path]:
    """Every bundled font, as a file a font engine can open, in name order.

    From source: ``resources/fonts/*.ttf``. The packaged build carries each font gzip-compressed as
    ``<stem>.<sha256 prefix>.ttf.gz`` (the CJK font shrinks from 12.8 MB to 7.3 MB; xz would make
    it 5.6 MB but takes 0.45 s instead of 0.08 s to unpack); the first call
    unpacks it into :func:`cache_dir` under that name, once, and later calls and later runs use the
    unpacked file (an upgrade with another font has another name)."""
    folder = resource("fonts")
    if not folder.is_dir():
        return []
    found = {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in FONT_SUFFIXES:
            found.setdefault(path.name, path)
        elif path.suffix == ".gz" and Path(path.stem).suffix.lower() in FONT_SUFFIXES:
            unpacked = _unpacked(path)
            found.setdefault(_plain_name(unpacked.name), unpacked)
    return [found[name] for name in sorted(found)]


def font_file(name: str) -> Path:
    """The bundled font ``name`` (``LeiSansSC-Regular.ttf``), unpacked if need be; the path under
    ``resources/fonts`` when there is no such font, so that opening it names what is missing."""
    for path in font_files():
        if _plain_name(path.name) == name:
            return path
    return resource("fonts", name)


def _plain_name(name: str) -> str:
    """``LeiSansSC-Regular.0a1b2c3d4e5f6a7b.ttf`` -> ``LeiSansSC-Regular.ttf``."""
    parts = name.split(".")
    if len(parts) == 3 and len(parts[1]) == 16:
        return f"{parts[0]}.{parts[2]}"
    return name


def _unpacked(packed: Path) -> Path:
    import gzip
    import tempfile

    from lei_desktop.fileio import atomic_write

    name = packed.name[: -len(".gz")]
    for folder in (cache_dir() / "fonts", Path(tempfile.gettempdir()) / f"{APP_DIR_NAME}-fonts"):
        target = folder / name
        if target.is_file():
            return target
        try:
            atomic_write(target, gzip.decompress(packed.read_bytes()))  # its CRC-32 is checked
            return target
        except OSError:  # a read-only or full data folder: the temporary folder will do
            continue
    raise OSError(f"cannot unpack {packed}")
