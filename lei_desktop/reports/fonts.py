"""The bundled CJK font, registered with ReportLab once per process.

``resources/fonts/LeiSansSC-Regular.ttf`` is Noto Sans CJK SC converted to TrueType outlines
(see ``tools/make_cjk_font.py`` and ``OFL.txt``): ReportLab embeds it as a subset, writes a
ToUnicode map (so Chinese text can be copied out of the PDF) and it covers Latin, digits, ¥, kana,
Hangul and every CJK ideograph block the font has, including rare name characters such as 堃 昇 珺.
"""

from __future__ import annotations

import threading
from pathlib import Path

from lei_desktop.paths import font_file

FONT_NAME = "LeiSansSC"
FONT_FILE = "LeiSansSC-Regular.ttf"

_lock = threading.Lock()
_font = None


def font_path() -> Path:
    """The font file (from source, or unpacked from the packaged build's ``.ttf.gz``)."""
    return font_file(FONT_FILE)


def register() -> str:
    """Register the font (first call only) and return its ReportLab name."""
    global _font
    if _font is not None:
        return FONT_NAME
    with _lock:
        if _font is None:
            from reportlab import rl_config
            from reportlab.lib.fonts import addMapping
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            font = TTFont(FONT_NAME, str(font_path()))
            pdfmetrics.registerFont(font)
            # one face only: bold/italic markup falls back to the same face instead of failing
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
            _fix_to_unicode()
            # JPEG receipts go into the PDF byte for byte (ASCII85 makes them 25 % larger and slower)
            rl_config.useA85 = 0
            _font = font
    return FONT_NAME


def _to_unicode_cmap(fontname, subset):
    """ReportLab's ToUnicode CMap, but with UTF-16BE destinations.

    ReportLab writes ``<%04X>`` of the code point, so a character beyond the BMP (𠮷 U+20BB7, in
    some names) comes out as a five-digit code that readers take for another character (₻): the
    PDF shows the right glyph but copy and paste gives the wrong text. Surrogate pairs fix that.
    """
    text = _original_cmap(fontname, subset)
    if all(v <= 0xFFFF for v in subset):
        return text
    for i, v in enumerate(subset):
        if v > 0xFFFF:
            units = chr(v).encode("utf-16-be").hex().upper()
            text = text.replace(f"<{i:02X}> <{v:04X}>", f"<{i:02X}> <{units}>", 1)
    return text


_original_cmap = None


def _fix_to_unicode() -> None:
    global _original_cmap
    from reportlab.pdfbase import ttfonts

    if _original_cmap is None:
        _original_cmap = ttfonts.makeToUnicodeCMap
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def covers(ch: str) -> bool:
    """True if the bundled font has a glyph for the character ``ch``."""
    register()
    return ord(ch) in _font.face.charToGlyph
