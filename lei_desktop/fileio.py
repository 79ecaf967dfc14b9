"""Writing files so that a crash never leaves a half-written one: the core's single way to do it."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.messages import register


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, flush it to disk, then rename over ``path``.

    A reader sees the old file or the new one, never a part; on any failure the temporary file is
    removed and ``path`` is untouched."""
    path = Path(path)
    if path.is_dir():  # os.replace would name the temporary file; name the one the user gave
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a part of the folder path is a file
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path)) from None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


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
