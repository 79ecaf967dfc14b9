"""Shared pieces of the printed documents: safe text, styles, footer, outline, metadata, safe writing.

Every piece of user text goes through :func:`clean` and :func:`esc` before it reaches a
ReportLab ``Paragraph``: markup-looking text (``<b>``, ``&amp;``) is shown as typed, never
interpreted; control characters are dropped; characters the bundled font cannot draw (emoji,
right-to-left scripts, ...) are replaced visibly by ``□``; overlong text is cut with a visible
mark; empty values are shown as ``—``.
"""

from __future__ import annotations

import errno
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.sax.saxutils import escape

from lei_desktop.domain.errors import LeiError
from lei_desktop.domain.messages import register
from lei_desktop.fileio import file_problem, replace_file, short_name
from lei_desktop.reports import fonts

register(
    {
        "export_cancelled": ("导出已取消，未写入任何文件", "export cancelled; nothing was written"),
        "export_no_folder": ("无法写入 {path}：文件夹不存在", "cannot write {path}: the folder does not exist"),
        "exhibit_damaged": (
            "附件文件已损坏或无法读取，未能嵌入：{name}",
            "the attached file is damaged or unreadable and could not be embedded: {name}",
        ),
        "exhibit_unsupported": (
            "此类文件无法嵌入 PDF，请见附件索引中的 SHA-256：{name}",
            "this kind of file cannot be embedded in a PDF; see its SHA-256 in the attachment index: {name}",
        ),
    }
)

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

DASH = "—"
MISSING_GLYPH = "□"
TRUNCATED = "…［已截断 truncated］"
PAGE_W, PAGE_H = 595.2756, 841.8898  # A4 in points
MARGIN = 42.0  # ~15 mm


class Cancelled(LeiError):
    """The user cancelled an export; nothing was written."""

    def __init__(self) -> None:
        super().__init__("export_cancelled")


# --------------------------------------------------------------------------- text


def clean(value: object, limit: int | None = 600) -> str:
    """User text made printable: '—' for empty, no control characters, □ for what the font lacks."""
    if value is None:
        return DASH
    text = value if isinstance(value, str) else str(value)
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for ch in text:
        if ch in "\r\n\t":
            out.append(" ")
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            # controls, bidi/format marks, lone surrogates, private use, unassigned
            if cat == "Cf" or cat == "Cc":
                continue
            out.append(MISSING_GLYPH)
            continue
        if ch == " " or fonts.covers(ch):
            out.append(ch)
        elif cat.startswith("M"):
            continue  # a combining mark on a character already replaced
        else:
            out.append(MISSING_GLYPH)
    text = " ".join("".join(out).split())
    if not text:
        return DASH
    if limit is not None and len(text) > limit:
        text = text[:limit] + TRUNCATED
    return text


def esc(value: object, limit: int | None = 600) -> str:
    """:func:`clean`, then escaped for a ReportLab Paragraph (markup is shown, never interpreted)."""
    return escape(clean(value, limit))


FILL_IN = "＿" * 12  # a line to write on by hand


def legal_rep_line(company: object) -> str:
    """``法定代表人 / Legal representative：张三`` (Paragraph markup); a line to fill in when none is recorded."""
    name = company.get("legal_representative") if isinstance(company, dict) else getattr(
        company, "legal_representative", None)
    shown = esc(name, 100) if isinstance(name, str) and name.strip() else FILL_IN
    return f"法定代表人 / Legal representative：{shown}"


def dec(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):  # never expected: amounts are Decimal or strings
        raise TypeError("float amount")
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def amount(value: object, digits: int | None = 2) -> str:
    """``12345.67`` -- the very digits of the assessment JSON and the CLI, without grouping, so a
    figure can be found again from the receipt to the total; '—' when unknown. ``digits=None``
    keeps the value's own places (``1000000`` JPY, ``12500.00`` USD)."""
    d = dec(value)
    if d is None:
        return DASH if value in (None, "") else clean(value, 40)
    if digits is None:
        places = max(0, -d.as_tuple().exponent) if isinstance(d.as_tuple().exponent, int) else 2
        return f"{d:.{places}f}"
    return f"{d:.{digits}f}"


def day(value: object) -> str:
    if value is None or value == "":
        return DASH
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return clean(value, 40)


# --------------------------------------------------------------------------- styles


#: Chinese punctuation that must not begin a line (GB/T 15834 line-breaking rules), missing from
#: ReportLab's list, which follows the Japanese rules: with it a line may start with "；" or "，".
CANNOT_START_ZH = "，；：！？”’》〉】〗』」）］｝"


def chinese_line_breaking() -> None:
    """Teach ReportLab's CJK wrapping the Chinese punctuation that cannot start a line (once)."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (paragraph, textsplit):  # mixed text is wrapped by the first, a single run by the second
        missing = "".join(ch for ch in CANNOT_START_ZH if ch not in module.ALL_CANNOT_START)
        if missing:
            module.ALL_CANNOT_START += missing


def styles() -> dict:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    f = fonts.register()
    chinese_line_breaking()
    base = ParagraphStyle("base", fontName=f, fontSize=9.5, leading=13.5, splitLongWords=1)
    # Full-width text that may be Chinese wraps the Chinese way: a break between any two Chinese
    # characters (without it a sentence breaks only at spaces and leaves half-empty lines). ReportLab
    # keeps a Latin word whole only if it is shorter than half the line, so table cells (narrow)
    # keep the default wrapping and English paragraphs ("en") too.
    cjk = {"wordWrap": "CJK"}
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "tiny": ParagraphStyle("tiny", parent=base, fontSize=6.5, leading=8.2),
        "right": ParagraphStyle("right", parent=base, fontSize=7.5, leading=9.5, alignment=TA_RIGHT),
        "tinyright": ParagraphStyle("tinyright", parent=base, fontSize=6.5, leading=8.2, alignment=TA_RIGHT),
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=22, alignment=TA_CENTER, spaceAfter=2, **cjk),
        "subtitle": ParagraphStyle(
            "subtitle", parent=base, fontSize=11, leading=15, alignment=TA_CENTER, spaceAfter=10,
            textColor=colors.HexColor("#333333"),
        ),
        "h2": ParagraphStyle("h2", parent=base, fontSize=12, leading=17, spaceBefore=8, spaceAfter=4, keepWithNext=1,
                             **cjk),
        "h3": ParagraphStyle("h3", parent=base, fontSize=10, leading=14, spaceBefore=6, spaceAfter=2, keepWithNext=1,
                             **cjk),
        "body": ParagraphStyle("body", parent=base, spaceAfter=6, **cjk),
        "en": ParagraphStyle("en", parent=base, spaceAfter=6, textColor=colors.HexColor("#222222")),
        "big": ParagraphStyle("big", parent=base, fontSize=11, leading=15, **cjk),
    }


def P(text_markup: str, style):  # noqa: N802 - reads like ReportLab's own names
    from reportlab.platypus import Paragraph

    return Paragraph(text_markup, style)


def fit(lines: list[str], width: float, style):
    """A table cell from already-cleaned lines: plain text when every line fits ``width`` (fast, and
    never interpreted as markup), otherwise a wrapping Paragraph of the escaped lines."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = width - 6.5
    if all(stringWidth(x, style.fontName, style.fontSize) <= room for x in lines):
        return "\n".join(lines)
    return P("<br/>".join(escape(x) for x in lines), style)


def bi(zh: object, en: object, limit: int | None = 600) -> str:
    """Chinese above English in one cell (both escaped)."""
    return f"{esc(zh, limit)}<br/>{esc(en, limit)}"


def grid_style(header_rows: int = 1, font_size: float = 7.5, grid_from: int = 0):
    """The tables' look; ``grid_from`` > 0 leaves the first rows without lines (a heading row)."""
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    cmds = [
        ("FONT", (0, 0), (-1, -1), fonts.register(), font_size),
        ("GRID", (0, grid_from), (-1, -1), 0.4, colors.HexColor("#777777")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#E8EEF4")))
    return TableStyle(cmds)


# --------------------------------------------------------------------------- outline and footer


def outline_mark(key: str, title: str, level: int = 0):
    """A zero-size flowable that bookmarks its page and adds an outline entry."""
    from reportlab.platypus.flowables import Flowable

    class _Mark(Flowable):
        def wrap(self, aw, ah):
            return 0, 0

        def draw(self):
            defer = getattr(self.canv, "defer_mark", None)
            if defer is not None:  # a NumberedCanvas draws pages at the end: mark them then
                defer(key, clean(title, 200), level)
            else:
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(clean(title, 200), key, level=level, closed=level > 0)

    return _Mark()


def footer_text(page: int, total: int, reference: str) -> str:
    ref = clean(reference, 80)
    return f"第 {page} / {total} 页   Page {page} / {total}   {ref}"


def draw_footer(canv, page: int, total: int, reference: str, width: float, heading: str = "") -> None:
    from reportlab.lib import colors

    canv.saveState()
    canv.setFont(fonts.register(), 7.5)
    canv.setFillColor(colors.HexColor("#444444"))
    canv.setStrokeColor(colors.HexColor("#999999"))
    canv.setLineWidth(0.4)
    canv.line(MARGIN, 30, width - MARGIN, 30)
    canv.drawRightString(width - MARGIN, 20, footer_text(page, total, reference))
    if heading:
        canv.drawString(MARGIN, 20, clean(heading, 90))
    canv.restoreState()


def numbered_canvas(reference: str, extra_pages: int = 0, heading: str = "",
                    on_page: Callable[[int], None] | None = None,
                    after: Callable[[object, int, int], None] | None = None,
                    marks_out: list | None = None):
    """A canvas class that writes ``page x / y`` once it knows y (its own pages + ``extra_pages``).

    ``after(canvas, next_page_number, total)`` draws further pages (the exhibits) at the end of the
    same document. With ``marks_out`` the outline marks are handed back as ``(title, level, page
    index)`` for pypdf instead of becoming ReportLab outline entries.
    """
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []
            self._marks: list[tuple[str, str, int]] = []
            self._passthrough = False

        def defer_mark(self, key: str, title: str, level: int) -> None:
            self._marks.append((key, title, level))

        def showPage(self):  # noqa: N802 - ReportLab API
            if self._passthrough:
                return Canvas.showPage(self)
            self._saved.append(dict(self.__dict__))
            self._marks = []
            if on_page is not None:
                on_page(len(self._saved))
            self._startPage()

        def save(self):
            total = len(self._saved) + extra_pages
            for index, state in enumerate(self._saved):
                self.__dict__.update(state)
                for key, title, level in state["_marks"]:
                    if marks_out is not None:
                        marks_out.append((title, level, index))
                    else:
                        self.bookmarkPage(key)
                        self.addOutlineEntry(title, key, level=level, closed=level > 0)
                draw_footer(self, self._pageNumber, total, reference, self._pagesize[0], heading)
                Canvas.showPage(self)
            if after is not None:
                self._passthrough = True
                after(self, len(self._saved) + 1, total)
            super().save()

    return NumberedCanvas


def pdf_date(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def set_metadata(writer, *, title: str, author: str, subject: str, created: datetime, version: str,
                 keywords: str = "") -> None:
    writer.add_metadata(
        {
            "/Title": clean(title, 300),
            "/Author": clean(author, 300),
            "/Subject": clean(subject, 300),
            "/Keywords": clean(keywords, 300) if keywords else "",
            "/Creator": f"lei_desktop {version}",
            "/Producer": f"lei_desktop {version} (ReportLab, pypdf)",
            "/CreationDate": pdf_date(created),
            "/ModDate": pdf_date(created),
        }
    )


def fixed_ids(writer, seed: str) -> None:
    """Deterministic trailer /ID (same input, same bytes)."""
    import hashlib

    from pypdf.generic import ArrayObject, ByteStringObject

    digest = hashlib.md5(seed.encode("utf-8"), usedforsecurity=False).digest()
    writer._ID = ArrayObject([ByteStringObject(digest), ByteStringObject(digest)])


# --------------------------------------------------------------------------- safe writing


def _file_mode(target: Path) -> int:
    """The mode the target would get from a plain ``open``: its current one, else 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


@contextmanager
def atomic_output(out_path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``out_path``; on success rename it over ``out_path``.

    On any error (or :class:`Cancelled`) the temporary file is removed and ``out_path`` is left as
    it was: a failure never leaves a broken PDF behind.
    """
    out_path = Path(out_path)
    folder = out_path.parent if str(out_path.parent) else Path(".")
    if not folder.is_dir():
        raise LeiError("export_no_folder", "out", path=str(out_path))
    if out_path.is_dir():
        raise file_problem(IsADirectoryError(errno.EISDIR, "", str(out_path)), "out", out_path, writing=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{short_name(out_path.name)}.", suffix=".part", dir=folder)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        with open(tmp_path, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp_path, _file_mode(out_path))  # mkstemp makes 0600; a PDF is shared like any file
        replace_file(tmp_path, out_path)  # a PDF open in Acrobat / WPS on Windows: FileInUse
    except BaseException:
        try:
            tmp_path.unlink()
        except FileNotFoundError:
            pass
        raise


def checker(progress: Progress | None, cancel: Cancel | None):
    """One callable ``step(done, total, label)``: reports progress, raises Cancelled when asked."""

    def step(done: int, total: int, label: str) -> None:
        if cancel is not None and cancel():
            raise Cancelled()
        if progress is not None:
            progress(done, total, label)

    return step
