"""The bundled CJK font, registered with ReportLab once per process.

``resources/fonts/LeiSansSC-Regular.ttf`` is Noto Sans CJK SC converted to TrueType outlines
(see ``tools/make_cjk_font.py`` and ``OFL.txt``): ReportLab embeds it as a subset, writes a
ToUnicode map (so Chinese text can be copied out of the PDF) and it covers Latin, digits, ¥, kana,
Hangul and every CJK ideograph block the font has, including rare name characters such as 堃 昇 珺.
"""

from __future__ import annotations

import threading
from pathlib import Path

from lei_desktop.paths import resource

FONT_NAME = "LeiSansSC"
FONT_FILE = "LeiSansSC-Regular.ttf"

_lock = threading.Lock()
_font = None


def font_path() -> Path:
    return resource("fonts", FONT_FILE)


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
            # JPEG receipts go into the PDF byte for byte (ASCII85 makes them 25 % larger and slower)
            rl_config.useA85 = 0
            _font = font
    return FONT_NAME


def covers(ch: str) -> bool:
    """True if the bundled font has a glyph for the character ``ch``."""
    register()
    return ord(ch) in _font.face.charToGlyph
