"""The bundled fonts go into the build gzip-compressed (the CJK font: 12.8 MB -> 7.3 MB).

``lei_desktop.paths.font_files`` unpacks ``<stem>.<sha256 prefix><suffix>.gz`` into the per-user
cache on first use; the hash in the name means a new font never meets an old unpacked copy.
Compressing takes a second or two, so the result is kept in PyInstaller's work folder.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path


def packed_font(font: Path, work: Path) -> Path:
    """``font`` compressed with gzip under ``work/fonts`` (made once per font content)."""
    data = font.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    if "." in font.stem:
        raise ValueError(f"{font.name}: a bundled font's name must have one dot (name.ttf)")
    out = work / "fonts" / f"{font.stem}.{digest}{font.suffix}.gz"
    if out.is_file():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # same bytes every build
    os.replace(tmp, out)
    return out
