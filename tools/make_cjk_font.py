"""Build resources/fonts/LeiSansSC-Regular.ttf from Noto Sans CJK SC (dev-only, run once).

ReportLab's ``TTFont`` embeds TrueType (glyf) outlines only; Noto Sans CJK ships CFF outlines.
This script takes the SC face out of the Debian ``fonts-noto-cjk`` collection, keeps whole Unicode
blocks (Latin, punctuation, currency incl. ¥, kana, Hangul, every CJK ideograph block the font
covers -- never "only the characters we use": company and personal names are arbitrary), drops
OpenType layout and hinting (ReportLab uses neither), converts the cubic outlines to quadratic
ones with cu2qu and renames the family (an OFL "Modified Version"; see OFL.txt).

    python tools/make_cjk_font.py [/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc]
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

SRC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "LeiSansSC-Regular.ttf"
FAMILY = "Lei Sans SC"
PS_NAME = "LeiSansSC-Regular"

RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x024F),  # Basic Latin, Latin-1 (¥ U+00A5), Latin Extended A/B
    (0x02B0, 0x02FF), (0x0370, 0x03FF), (0x0400, 0x04FF),  # modifiers, Greek, Cyrillic
    (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20CF),  # Latin ext. additional, punctuation, currency
    (0x2100, 0x21FF), (0x2200, 0x23FF), (0x2460, 0x27BF),  # letterlike, number forms, arrows, math,
    (0x2E80, 0x2FDF), (0x3000, 0x31FF), (0x3200, 0x33FF),  # enclosed, boxes, shapes; radicals; CJK punct,
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA960, 0xA97F),  # kana, bopomofo; Ext A; URO; Hangul Jamo ext
    (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFE10, 0xFE1F),  # Hangul; compatibility ideographs; vert. forms
    (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x1100, 0x11FF),  # CJK compat forms; full/halfwidth; Hangul Jamo
    (0x20000, 0x3134F),  # Ext B..G: the few the font has
]


def _to_truetype(font) -> None:
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    font.sfntVersion = "\x00\x01\x00\x00"
    font["head"].glyphDataFormat = 0


def _rename(font) -> None:
    name = font["name"]
    for rec in list(name.names):
        if rec.nameID in (1, 4, 16):
            rec.string = FAMILY if rec.nameID != 4 else f"{FAMILY} Regular"
        elif rec.nameID == 6:
            rec.string = PS_NAME
        elif rec.nameID == 3:
            rec.string = f"{PS_NAME};lei_desktop conversion of Noto Sans CJK SC"


def main(src: str = SRC) -> None:
    coll = TTCollection(src)
    font = next(f for f in coll.fonts if f["name"].getDebugName(4) == "Noto Sans CJK SC")
    unicodes = [cp for lo, hi in RANGES for cp in range(lo, hi + 1)]
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    _to_truetype(font)
    _rename(font)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(OUT))
    print(OUT, OUT.stat().st_size, "bytes", font["maxp"].numGlyphs, "glyphs")


if __name__ == "__main__":
    main(*sys.argv[1:])
