"""Helpers for the PDF tests: sample attachments and reading a PDF back."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

from PIL import Image
from pypdf import PdfReader


def sample_pdf(pages: int = 2, label: str = "Invoice") -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    for i in range(pages):
        c.drawString(100, 700, f"{label} page {i + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def sample_jpeg(orientation: int = 1, size: tuple[int, int] = (400, 300)) -> bytes:
    im = Image.new("RGB", size, (200, 220, 240))
    for x in range(60):
        im.putpixel((x, 5), (255, 0, 0))
    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation
    buf = io.BytesIO()
    im.save(buf, "JPEG", exif=exif.tobytes())
    return buf.getvalue()


def pages_text(path: Path) -> list[str]:
    reader = PdfReader(str(path))
    return [p.extract_text() or "" for p in reader.pages]


def flat(text: str) -> str:
    """Text with all whitespace removed (extraction splits lines where the layout wraps)."""
    return re.sub(r"\s+", "", text)


def money(value: str | Decimal, places: int = 2) -> str:
    """An amount as the PDF prints it: the JSON's digits, no grouping."""
    return f"{Decimal(str(value)):.{places}f}"


def embedded_fonts(path: Path) -> list[dict]:
    """Every font of every page: base name, subtype and whether a TrueType program is embedded."""
    reader = PdfReader(str(path))
    seen: dict[str, dict] = {}
    for page in reader.pages:
        res = page.get("/Resources")
        if res is None:
            continue
        fonts = res.get_object().get("/Font")
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            f = ref.get_object()
            name = str(f.get("/BaseFont"))
            desc = f.get("/FontDescriptor")
            if desc is None and f.get("/DescendantFonts"):
                desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            seen[name] = {"name": name, "subtype": str(f.get("/Subtype")), "embedded": "/FontFile2" in desc,
                          "tounicode": "/ToUnicode" in f}
    return list(seen.values())


def outline_titles(path: Path) -> list[str]:
    reader = PdfReader(str(path))
    out: list[str] = []

    def walk(items):
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                out.append(str(it.title))

    walk(reader.outline)
    return out
