"""Writing files so that a crash never leaves a half-written one: the core's single way to do it.

Windows: a file that another program holds open (a PDF in Acrobat or WPS, a workbook in Excel)
cannot be replaced — ``os.replace`` raises ``PermissionError`` (WinError 5 or 32) — and an
antivirus scanner briefly holds every new file. :func:`replace_file` therefore tries again a few
times over about one second (:data:`RETRY_DELAYS`), which outlasts a scanner's hold, and then
raises :class:`FileInUse`: a refusal naming the file and asking the user to close it in the other
program. It is both a :class:`LeiError` (the CLI exits 1, the GUI shows a message box) and a
``PermissionError`` (callers that handle ``OSError`` still do).
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
import time
from pathlib import Path

from lei_desktop.domain.errors import LeiError, ValidationError
from lei_desktop.domain.messages import register

register(
    {
        "file_in_use": (
            "无法写入 {path}：该文件正被另一个程序打开（例如 PDF 阅读器、WPS 或 Excel）或为只读。"
            "请在该程序中关闭它后重试；原文件未改动",
            "cannot write {path}: the file is open in another program (a PDF viewer, WPS or Excel, say) "
            "or is read-only. Close it there and try again; the old file is unchanged",
        ),
    }
)

#: Pauses between attempts at a rename that Windows refused: 6 attempts over 1.05 s in all.
RETRY_DELAYS: tuple[float, ...] = (0.05, 0.1, 0.15, 0.25, 0.5)
_sleep = time.sleep  # tests record the pauses instead


class FileInUse(LeiError, PermissionError):
    """The target is held open by another program (Windows); the old file is untouched."""

    def __init__(self, path: Path | str, field: str = "out") -> None:
        LeiError.__init__(self, "file_in_use", field, path=str(path))
        self.errno, self.strerror, self.filename = errno.EACCES, self.en, str(path)

    def __str__(self) -> str:
        return self.en


def on_windows() -> bool:
    """True on Windows, where a file open in another process cannot be renamed over or deleted."""
    return sys.platform == "win32"


def replace_file(src: Path | str, dst: Path | str, *, field: str = "out", shown: Path | str | None = None,
                 sleep=None) -> None:
    """``os.replace(src, dst)``, tried again while Windows says the file is in use.

    Raises :class:`FileInUse` naming ``shown`` (default ``dst``; ``src`` left in place for the
    caller to remove) when every attempt was refused; any other ``OSError`` is raised at once."""
    pause = sleep or _sleep
    for delay in (*RETRY_DELAYS, None):
        try:
            os.replace(src, dst)
            return
        except PermissionError as exc:
            if not on_windows():  # elsewhere an open file never blocks a rename: a real permission problem
                raise
            if delay is None:
                raise FileInUse(dst if shown is None else shown, field) from exc
            pause(delay)


def atomic_write(path: Path, data: bytes, *, field: str = "out") -> None:
    """Write to a temporary file in the same folder, flush it to disk, then rename over ``path``.

    A reader sees the old file or the new one, never a part; on any failure the temporary file is
    removed and ``path`` is untouched. A target held open by another program raises
    :class:`FileInUse` after a short retry (see :func:`replace_file`)."""
    path = Path(path)
    if path.is_dir():  # os.replace would name the temporary file; name the one the user gave
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a part of the folder path is a file
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path)) from None
    fd, tmp = tempfile.mkstemp(prefix=f".{short_name(path.name)}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        replace_file(tmp, path, field=field)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def short_name(name: str, limit: int = 12) -> str:
    """A temporary file's prefix: the target's name cut short, its extension kept (``rotate`` finds
    a killed backup's leftovers as ``.*.leibak.*.tmp``), so that a long (Chinese) name plus the
    random part and suffix stays within the 255-byte limit of one path component, and the
    temporary file's path is at most about 40 characters longer than its folder's (Windows refuses
    paths past 260 characters unless long paths are enabled)."""
    if len(name) <= limit:
        return name
    stem, dot, ext = name.rpartition(".")
    ext = dot + ext if stem and len(ext) <= 10 else ""
    return name[: limit] + ext if not ext else stem[:limit] + ext


#: Characters Windows refuses in a file name (and the path separators of every system).
FORBIDDEN_CHARS = frozenset('<>:"/\\|?*')
#: Names Windows reserves for devices, with any extension (``CON.pdf`` is the console too).
RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
#: Longest generated name, in UTF-8 bytes: a Chinese name stays within Linux's 255-byte and
#: Windows' 255-character limit for one component and leaves room in a 260-character path.
MAX_NAME = 150


def _size(name: str) -> int:
    return len(name.encode("utf-8", "surrogatepass"))


def _trimmed(name: str) -> str:
    """Without white space at either end or dots and spaces at the end, until none is left
    (``"a. \xa0."`` -> ``"a"``), so that a safe name passed through again stays as it is."""
    while True:
        trimmed = name.strip().rstrip(". ")
        if trimmed == name:
            return trimmed
        name = trimmed


def safe_filename(name: str, suffix: str = "", *, fallback: str = "file", limit: int = MAX_NAME) -> str:
    """A file name built from user data (a claim reference, a title) that every Windows accepts.

    Forbidden characters (``<>:"/\\|?*``) and control characters become ``_``; trailing dots and
    spaces go (Windows drops them silently); a reserved device name (``CON``, ``COM1`` …, with any
    extension) gets a ``_`` appended; the name is cut to ``limit`` UTF-8 bytes (keeping a short extension) so that the whole path
    stays well within Windows' 260-character limit; an empty result becomes ``fallback``.
    ``suffix`` (``".pdf"``) is appended afterwards, unchanged."""
    cleaned = "".join("_" if ch in FORBIDDEN_CHARS or ord(ch) < 32 or ord(ch) == 127 else ch for ch in name)
    cleaned = _trimmed(cleaned)
    if _size(cleaned) > limit:  # cut the stem, keep a short extension (``.pdf``)
        stem, dot, ext = cleaned.rpartition(".")
        ext = dot + ext if stem and len(ext) <= 10 else ""
        stem = cleaned[: len(cleaned) - len(ext)]
        while stem and _size(stem + ext) > limit:
            stem = stem[:-1]
        cleaned = _trimmed(stem) + ext
    if not cleaned:
        cleaned = fallback
    head, dot, rest = cleaned.partition(".")
    if head.rstrip(" ").upper() in RESERVED_NAMES:
        cleaned = f"{head}_{dot}{rest}"
    return cleaned + suffix


# --- a failed read or write, told in the user's words -------------------------------------------------

_REASONS: dict[int, tuple[str, str]] = {
    errno.ENOENT: ("文件或文件夹不存在", "no such file or folder"),
    errno.EISDIR: ("这是一个文件夹，不是文件", "it is a folder, not a file"),
    errno.ENOTDIR: ("路径中有一段是文件而不是文件夹", "a part of the path is a file, not a folder"),
    errno.EACCES: ("没有访问权限", "permission denied"),
    errno.EPERM: ("没有访问权限", "permission denied"),
    errno.ENOSPC: ("磁盘空间不足", "the disk is full"),
    errno.EROFS: ("位于只读的磁盘或文件夹上", "it is on a read-only disk or folder"),
    errno.ENAMETOOLONG: ("文件名过长", "the file name is too long"),
    errno.EEXIST: ("路径中有一段是文件而不是文件夹", "a part of the path is a file, not a folder"),
    errno.EINVAL: ("文件名无效", "the file name is not valid"),
}

register(
    {
        "file_cannot_read": ("无法读取 “{path}”：{reason_zh}", "cannot read '{path}': {reason_en}"),
        "file_cannot_write": ("无法写入 “{path}”：{reason_zh}", "cannot write '{path}': {reason_en}"),
        "file_cannot_use": ("无法使用 “{path}”：{reason_zh}", "cannot use '{path}': {reason_en}"),
    }
)


def file_problem(exc: OSError, field: str, path: Path | str | None = None, *, writing: bool | None = False
                 ) -> ValidationError:
    """``exc`` as a refusal naming ``field`` and the path, its reason in Chinese and in English
    (the operating system's own ``strerror`` is English only)."""
    zh, en = _REASONS.get(exc.errno or 0, ("", ""))
    if not en:
        en = exc.strerror or type(exc).__name__
        zh = f"系统错误（{en}）"
    shown = path if path is not None else (exc.filename2 or exc.filename or "")
    code = "file_cannot_use" if writing is None else "file_cannot_write" if writing else "file_cannot_read"
    return ValidationError(code, field, path=str(shown),
                           reason_zh=zh, reason_en=en)
