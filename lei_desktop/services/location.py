"""Where the database lives: a folder another program syncs (OneDrive …) or a network share.

SQLite's own documentation warns against both: a sync client may upload (or replace) the file
between the app's writes and its ``-wal`` file, and a network file system may not honour locks.
:func:`location_warning` names the risk so that the GUI (status bar) and ``lei-cli check`` can
say it; nothing is refused — a user may have good reasons.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import PurePath, PurePosixPath, PureWindowsPath

from lei_desktop.domain.messages import register, text

register(
    {
        "db_in_synced_folder": (
            "数据库 {path} 位于同步文件夹（{service}）中：同步程序可能在写入过程中上传或替换它，导致数据损坏。"
            "建议将其移到本机文件夹（例如默认的数据文件夹），并用“备份”功能保存副本",
            "the database {path} is in a folder that {service} syncs: the sync client may upload or replace it "
            "while the app writes, and damage it. Move it to a folder on this computer (the default data folder, "
            "say) and use Back up for copies",
        ),
        "db_on_network": (
            "数据库 {path} 位于网络驱动器上：网络文件系统的文件锁可能不可靠，两台电脑同时打开会损坏数据。"
            "建议将其移到本机文件夹",
            "the database {path} is on a network drive: file locks over a network may not hold, and two "
            "computers opening it at once would damage it. Move it to a folder on this computer",
        ),
    }
)

#: Environment variables the OneDrive client sets to its folders (personal and work or school).
SYNC_ENV = ("OneDrive", "OneDriveConsumer", "OneDriveCommercial")
#: Folder names of sync clients common on Chinese and international desktops (compared case-folded).
SYNC_FOLDERS = {
    "onedrive": "OneDrive", "dropbox": "Dropbox", "icloud drive": "iCloud", "iclouddrive": "iCloud",
    "google drive": "Google Drive", "坚果云": "坚果云 Nutstore", "nutstore": "坚果云 Nutstore",
    "baidunetdisk": "百度网盘", "百度网盘": "百度网盘", "wps网盘": "WPS 云文档", "wps云文档": "WPS 云文档",
}
DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def location_warning(
    path: str | os.PathLike | None,
    *,
    windows: bool | None = None,
    environ: Mapping[str, str] | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> tuple[str, dict] | None:
    """``(message code, params)`` when ``path`` is in a synced folder or on a network share, else None.

    ``windows``/``environ``/``drive_type`` default to this machine (tests pass Windows values)."""
    if path is None:
        return None
    windows = sys.platform == "win32" if windows is None else windows
    environ = os.environ if environ is None else environ
    flavour: type[PurePath] = PureWindowsPath if windows else PurePosixPath
    p = flavour(str(path))
    shown = str(path)
    for var in SYNC_ENV:
        root = environ.get(var)
        if root and _is_under(p, flavour(root), windows):
            return "db_in_synced_folder", {"path": shown, "service": "OneDrive"}
    for part in p.parts[:-1]:
        key = part.casefold()
        for name, service in SYNC_FOLDERS.items():
            if key == name or key.startswith(name + " - ") or key.startswith(name + "-"):
                return "db_in_synced_folder", {"path": shown, "service": service}
    if windows:
        if shown.startswith(("\\\\", "//")) and not shown.startswith(("\\\\?\\", "\\\\.\\")):
            return "db_on_network", {"path": shown}
        if p.drive:
            try:
                kind = (drive_type or _windows_drive_type)(p.drive + "\\")
            except (OSError, AttributeError):
                kind = 0
            if kind == DRIVE_REMOTE:
                return "db_on_network", {"path": shown}
    return None


def _is_under(p: PurePath, root: PurePath, windows: bool) -> bool:
    if windows:
        p, root = PureWindowsPath(str(p).casefold()), PureWindowsPath(str(root).casefold())
    return p == root or root in p.parents


def location_text(path, lang: str, **kw) -> str | None:
    """The warning in ``lang``, or None."""
    found = location_warning(path, **kw)
    return None if found is None else text(found[0], lang, **found[1])
