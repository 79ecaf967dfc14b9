"""The bilingual claim package (索赔材料) as one print-ready A4 PDF.

:func:`write` takes plain data (no store, no ORM) -- the shape ``services.claim_export`` builds:

``reference``            the claim reference (footer of every page)
``status``               claim status (``draft``, ``submitted`` ...)
``created``              ``datetime`` written as the creation date (submitted_at for submitted claims)
``version``              app version for the metadata
``company``/``policy``/``dispute``  dicts with the fields of the domain objects (missing keys show '—')
``assessment``           the engine's assessment dict (lines, steps, covered ... payable_in_words)
``consents``             list of consent dicts (ref, letter_ref, granted_on, categories, cap, scope_zh/en)
``checklist``            list of ``{"code", "zh", "en", "ok"}``
``exhibits``             list of ``{"sha256", "filename", "kind", "mime", "data": bytes, "expenses": [refs]}``
                         in exhibit order (附件 1, 2, ...)

The document: cover letter, claim form (amounts in figures and 大写), expense schedule by category,
settlement steps, exchange-rate statement, document checklist, consent letters, attachment index
with SHA-256, declaration with signature/date/seal boxes, then every attachment as an exhibit
(PDF pages merged, images placed on A4 after their EXIF orientation), each exhibit page stamped
``附件 n / Exhibit n``. Every page carries ``page x / y`` and the claim reference; the outline has
an entry per section and per exhibit.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from lei_desktop.domain import categories
from lei_desktop.domain.messages import register, text
from lei_desktop.domain.numerals import amount_in_words, amount_in_words_en
from lei_desktop.reports import fonts
from lei_desktop.reports.common import (
    DASH,
    MARGIN,
    PAGE_H,
    PAGE_W,
    P,
    amount,
    atomic_output,
    bi,
    checker,
    clean,
    day,
    dec,
    draw_footer,
    esc,
    fit,
    fixed_ids,
    grid_style,
    legal_rep_line,
    numbered_canvas,
    outline_mark,
    set_metadata,
    styles,
)

register(
    {
        "decision_covered": ("赔付", "Covered"),
        "decision_excluded": ("除外", "Excluded"),
        "decision_needs_consent": ("待同意", "Needs consent"),
        "decision_blocked": ("不予受理", "Blocked"),
    }
)

DECISIONS = ("covered", "excluded", "needs_consent", "blocked")
STATUS = {
    "draft": ("草稿", "Draft"),
    "submitted": ("已提交", "Submitted"),
    "under_review": ("审核中", "Under review"),
    "settled": ("已结案", "Settled"),
    "rejected": ("已拒赔", "Rejected"),
    "withdrawn": ("已撤回", "Withdrawn"),
}
IP_TYPE = {
    "patent": ("专利", "Patent"),
    "trademark": ("商标", "Trademark"),
    "copyright": ("著作权", "Copyright"),
    "trade_secret": ("商业秘密", "Trade secret"),
}
ROLE = {"defendant": ("被告（应诉）", "Defendant"), "plaintiff": ("原告（维权）", "Plaintiff")}
KIND = {
    "invoice": ("发票", "Invoice"),
    "payment_proof": ("付款凭证", "Payment proof"),
    "engagement_letter": ("委托协议", "Engagement letter"),
    "consent_letter": ("保险人同意函", "Consent letter"),
    "complaint": ("起诉状", "Complaint"),
    "judgment": ("判决/裁定", "Judgment"),
    "other": ("其他", "Other"),
}
STEP_KEYS = (
    ("covered", "认可的费用（保险责任范围内）", "Covered expenses"),
    ("gross", "适用分项限额后", "After sub-limits"),
    ("deductible_applied", "扣除免赔额", "Deductible applied"),
    ("insurer_share", "按赔付比例计算的保险人份额", "Insurer's share after co-payment"),
    ("payable", "适用赔偿限额后的应赔金额", "Payable after limits"),
)


@dataclass
class _ExhibitPage:
    exhibit: int
    index: int  # 1-based within the exhibit
    count: int
    width: float
    height: float
    source: object = None  # a pypdf page to merge onto, or None (drawn here)
    image: object = None  # JPEG bytes to pass through unchanged, or a PIL image (RGB/L) to embed losslessly
    image_size: tuple[int, int] | None = None
    note: tuple[str, str] | None = None  # placeholder text (zh, en)


@dataclass
class _Exhibit:
    n: int
    info: dict
    pages: list[_ExhibitPage] = field(default_factory=list)


def _g(d: dict | None, key: str, default: object = None) -> object:
    if not isinstance(d, dict):
        return default
    value = d.get(key, default)
    return default if value is None else value


def _pair(table: dict, key: object) -> tuple[str, str]:
    return table.get(key, (clean(key), clean(key)))


def _words(value: object, english: bool = False) -> str:
    d = dec(value)
    if d is None or d < 0:
        return DASH
    try:
        return amount_in_words_en(d) if english else amount_in_words(d)
    except Exception:  # out of range: show the figure only
        return DASH


# --------------------------------------------------------------------------- exhibits


def _prepare_exhibits(exhibits: list[dict], step) -> list[_Exhibit]:
    """Read every attachment; a damaged one gets a placeholder page (and no pypdf log noise)."""
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        return _read_exhibits(exhibits, step)
    finally:
        log.setLevel(level)


def _read_exhibits(exhibits: list[dict], step) -> list[_Exhibit]:
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4, landscape

    out: list[_Exhibit] = []
    total = len(exhibits)
    for i, info in enumerate(exhibits, start=1):
        step(i - 1, total, f"exhibit {i}")
        ex = _Exhibit(i, info)
        data = info.get("data") or b""
        name = clean(info.get("filename"), 120)
        mime = str(info.get("mime") or "")
        is_pdf = data[:5] == b"%PDF-" or mime == "application/pdf" or name.lower().endswith(".pdf")
        pages: list[_ExhibitPage] = []
        if is_pdf:
            try:
                reader = PdfReader(io.BytesIO(data), strict=False)
                if reader.is_encrypted and not reader.decrypt(""):
                    raise ValueError("encrypted")
                count = len(reader.pages)
                if count == 0:
                    raise ValueError("no pages")
                for k, page in enumerate(reader.pages, start=1):
                    if int(page.get("/Rotate", 0) or 0) % 360:
                        # pypdf rewrites content only on a writer's page: turn it upright there, so
                        # the stamp and footer stand upright on the page as it is shown
                        scratch = PdfWriter()
                        page = scratch.add_page(page)
                        page.transfer_rotation_to_content()
                    box = page.cropbox
                    w, h = float(box.width), float(box.height)
                    if not (w > 0 and h > 0):
                        raise ValueError("empty page box")
                    pages.append(_ExhibitPage(i, k, count, w, h, source=page))
            except Exception:
                pages = [_placeholder(i, "exhibit_damaged", name)]
        else:
            try:
                pages = [_image_page(i, data, A4, landscape)]
            except Exception:
                kind = "exhibit_damaged" if mime.startswith("image/") or _looks_like_image(name) else "exhibit_unsupported"
                pages = [_placeholder(i, kind, name)]
        ex.pages = pages
        out.append(ex)
    step(total, total, "exhibits")
    return out


def _looks_like_image(name: str) -> bool:
    return name.lower().rsplit(".", 1)[-1] in ("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "heic")


def _placeholder(n: int, code: str, name: str) -> _ExhibitPage:
    return _ExhibitPage(n, 1, 1, PAGE_W, PAGE_H, note=(text(code, "zh", name=name), text(code, "en", name=name)))


def _image_page(n: int, data: bytes, a4, landscape) -> _ExhibitPage:
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as im:
        orientation = im.getexif().get(0x0112, 1)
        fmt = im.format
        if fmt == "JPEG" and orientation in (None, 1) and im.mode in ("RGB", "L", "CMYK"):
            source: object = data  # unchanged bytes: the JPEG goes into the PDF as it is (DCTDecode)
            size = im.size
        else:
            im.load()
            img = ImageOps.exif_transpose(im)
            if img.mode in ("RGBA", "LA", "P", "PA") or "transparency" in img.info:
                rgba = img.convert("RGBA")
                bg = Image.new("RGB", rgba.size, (255, 255, 255))
                bg.paste(rgba, mask=rgba.getchannel("A"))
                img = bg
            elif img.mode not in ("RGB", "L"):
                img = img.convert("RGB")
            size = img.size
            if fmt == "JPEG":  # turned upright: encode again as JPEG, not as a raw bitmap
                buf = io.BytesIO()
                img.save(buf, "JPEG", quality=90)
                source = buf.getvalue()
            else:
                source = img
    w, h = a4 if size[1] >= size[0] else landscape(a4)
    return _ExhibitPage(n, 1, 1, float(w), float(h), image=source, image_size=size)


def _place_image(canv, name: str, source: object, x: float, y: float, w: float, h: float) -> None:
    """Draw an image XObject named ``name`` (from the content hash, so the output is reproducible).

    ``Canvas.drawImage`` names an image by its file path (or decodes it to hash the pixels); this
    registers the XObject under our own name the way ``drawImage`` does and paints it with ``doForm``.
    JPEG bytes pass through unchanged via ``ImageReader``'s JPEG file handle.
    """
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfdoc

    reg = canv._doc.getXObjectName(name)
    if canv._doc.idToObject.get(reg) is None:
        reader = ImageReader(io.BytesIO(source)) if isinstance(source, bytes) else ImageReader(source)
        obj = pdfdoc.PDFImageXObject(name, reader)
        obj.name = name
        canv._setXObjects(obj)
        canv._doc.Reference(obj, reg)
        canv._doc.addForm(name, obj)
    canv.saveState()
    canv.translate(x, y)
    canv.scale(w, h)
    canv.doForm(name)
    canv.restoreState()


#: room kept free on an attached PDF page for the stamp (top) and the footer (bottom), in points
EXHIBIT_TOP = 48.0
EXHIBIT_BOTTOM = 34.0


def shrunk_frame(width: float, height: float) -> tuple[float, float, float]:
    """Where an attached PDF page's own content goes on its exhibit page: ``(scale, x, y)`` from the
    page box's lower-left corner. The content is scaled down (aspect kept, centred) into the band
    between the footer and the stamp, so neither covers any of it -- an invoice number printed in
    the top right corner or a total at the foot of the page stays readable."""
    room = height - EXHIBIT_TOP - EXHIBIT_BOTTOM
    scale = min(1.0, room / height) if room > 0 else 1.0
    x = (width - scale * width) / 2
    return round(scale, 6), round(x, 4), EXHIBIT_BOTTOM if scale < 1.0 else 0.0


def _stamp(canv, page: _ExhibitPage, page_no: int, total: int, reference: str) -> None:
    from reportlab.lib import colors

    if page.source is not None:  # the original page, drawn smaller inside this hairline frame
        scale, fx, fy = shrunk_frame(page.width, page.height)
        canv.saveState()
        canv.setStrokeColor(colors.HexColor("#BBBBBB"))
        canv.setLineWidth(0.4)
        canv.rect(fx, fy, page.width * scale, page.height * scale, stroke=1, fill=0)
        canv.restoreState()

    f = fonts.register()
    label = f"附件 {page.exhibit} / Exhibit {page.exhibit}"
    if page.count > 1:
        label += f"  ({page.index}/{page.count})"
    canv.saveState()
    size = 11
    width = canv.stringWidth(label, f, size) + 14
    x = page.width - MARGIN * 0.6 - width
    y = page.height - MARGIN * 0.6 - size - 8
    canv.setFillColor(colors.white)
    canv.setStrokeColor(colors.HexColor("#B00000"))
    canv.setLineWidth(1.2)
    canv.rect(x, y, width, size + 9, stroke=1, fill=1)
    canv.setFillColor(colors.HexColor("#B00000"))
    canv.setFont(f, size)
    canv.drawString(x + 7, y + 5, label)
    canv.restoreState()
    if page.source is not None:  # white band so the footer stays readable on a scanned page
        canv.saveState()
        canv.setFillColor(colors.white)
        canv.rect(MARGIN - 2, 14, page.width - 2 * MARGIN + 4, 12, stroke=0, fill=1)
        canv.restoreState()
    draw_footer(canv, page_no, total, reference, page.width)


def _draw_exhibit_pages(canv, exhibits: list[_Exhibit], first_page: int, total: int, reference: str,
                        step) -> None:
    """The exhibit pages at the end of the report's own canvas: images and placeholders drawn in
    full, pages of attached PDFs as stamp-and-footer overlays (painted onto the PDF pages later)."""
    from reportlab.lib import colors

    f = fonts.register()
    st = styles()
    page_no = first_page
    for ex in exhibits:
        step(ex.n - 1, len(exhibits), f"stamp {ex.n}")
        for page in ex.pages:
            canv.setPageSize((page.width, page.height))
            if page.image is not None:
                iw, ih = page.image_size
                box_w = page.width - 2 * MARGIN
                box_h = page.height - 2 * MARGIN - 40
                scale = min(box_w / iw, box_h / ih)
                dw, dh = iw * scale, ih * scale
                x = (page.width - dw) / 2
                y = MARGIN + 10 + (box_h - dh) / 2
                key = "".join(ch for ch in str(ex.info.get("sha256") or "")[:16] if ch.isalnum())
                _place_image(canv, f"LeiImg{ex.n}x{key}", page.image, x, y, dw, dh)
                canv.setFont(f, 7.5)
                canv.setFillColor(colors.HexColor("#444444"))
                canv.drawString(MARGIN, page.height - MARGIN * 0.6 - 14,
                                clean(ex.info.get("filename"), 70))
            elif page.note is not None:
                frame_w = page.width - 2 * MARGIN
                zh, en = page.note
                y = page.height - 160
                for line, style in ((zh, st["big"]), (en, st["big"])):
                    para = P(esc(line, 400), style)
                    _, h = para.wrap(frame_w, page.height)
                    para.drawOn(canv, MARGIN, y - h)
                    y -= h + 8
                sha = clean(ex.info.get("sha256"), 80)
                para = P(f"SHA-256: {sha}", st["small"])
                _, h = para.wrap(frame_w, 100)
                para.drawOn(canv, MARGIN, y - h - 6)
            _stamp(canv, page, page_no, total, reference)
            canv.showPage()
            page_no += 1


def _stamp_onto(writer, page, overlay, dx: float, dy: float, key: int, shared: dict) -> None:
    """Draw ``overlay`` over ``page`` as a Form XObject (no parsing of either content stream).

    pypdf's ``merge_page`` parses and rewrites both content streams; wrapping the page's own
    content in ``q … Q`` and painting the stamp as a form is equivalent and several times faster.
    The page's own content is scaled into :func:`shrunk_frame` (a ``cm`` inside that ``q``), so the
    stamp and the footer sit in margins of their own.
    """
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject

    form = DecodedStreamObject()
    form.set_data(overlay.get_contents().get_data())
    w, h = float(overlay.mediabox.width), float(overlay.mediabox.height)
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(w), FloatObject(h)]),
            NameObject("/Resources"): overlay["/Resources"].get_object().clone(writer),
        }
    )
    form_ref = writer._add_object(form)
    resources = page.get("/Resources")
    if resources is None:
        resources = DictionaryObject()
        page[NameObject("/Resources")] = resources
    resources = resources.get_object()
    xobjects = resources.get("/XObject")
    if xobjects is None:
        xobjects = DictionaryObject()
        resources[NameObject("/XObject")] = xobjects
    xobjects = xobjects.get_object()
    name = f"/LeiStamp{key}"
    xobjects[NameObject(name)] = form_ref
    box = page.cropbox
    width, height = float(box.width), float(box.height)
    scale, fx, fy = shrunk_frame(width, height)
    tx = dx + fx - scale * dx
    ty = dy + fy - scale * dy
    head = f"q {scale:g} 0 0 {scale:g} {tx:.4f} {ty:.4f} cm\n" if scale < 1.0 else "q\n"
    if head not in shared:
        q = DecodedStreamObject()
        q.set_data(head.encode("ascii"))
        shared[head] = writer._add_object(q)
    tail = DecodedStreamObject()
    tail.set_data(f"\nQ\nq 1 0 0 1 {dx:g} {dy:g} cm {name} Do Q\n".encode("ascii"))
    contents = page.get("/Contents")
    items: list = [shared[head]]
    if contents is not None:
        obj = contents.get_object()
        if isinstance(obj, ArrayObject):
            items += list(obj)
        else:
            items.append(contents if hasattr(contents, "idnum") else writer._add_object(obj))
    items.append(writer._add_object(tail))
    page[NameObject("/Contents")] = ArrayObject(items)


# --------------------------------------------------------------------------- the report pages


def _cover_letter(d: dict, st: dict, n_exhibits: int, claimed: object, payable: object, words: str,
                  words_en: str) -> list:
    from reportlab.platypus import Spacer

    company, policy, dispute = d.get("company") or {}, d.get("policy") or {}, d.get("dispute") or {}
    ref = d.get("reference")
    story = [
        outline_mark("cover", "致保险人函 / Cover letter"),
        P("致保险人函", st["title"]),
        P("Cover Letter to the Insurer", st["subtitle"]),
        P(f"致：{esc(_g(policy, 'insurer_zh'))}", st["body"]),
        P(f"To: {esc(_g(policy, 'insurer_en'))}", st["en"]),
        P(f"日期 Date：{esc(day(d.get('created')))}　　索赔编号 Claim reference：{esc(ref)}", st["body"]),
        Spacer(1, 6),
        P(
            f"事由：保险单 {esc(_g(policy, 'policy_number'))} 项下海外知识产权纠纷法律费用损失索赔", st["h3"]
        ),
        P(
            f"Re: claim for legal expenses under policy {esc(_g(policy, 'policy_number'))} "
            "(overseas IP legal-expenses insurance)", st["h3"],
        ),
        P(
            f"我司{esc(_g(company, 'name_zh'))}（统一社会信用代码：{esc(_g(company, 'uscc'))}）为上述保险单的被保险人。"
            f"现就“{esc(_g(dispute, 'title_zh'))}”（案号：{esc(_g(dispute, 'case_number'))}；"
            f"审理机构：{esc(_g(dispute, 'forum'))}）发生的法律费用提出索赔，"
            f"申请金额人民币 {amount(claimed)} 元，按保险合同约定计算的应赔金额为人民币 {amount(payable)} 元"
            f"（{esc(words)}）。随函附上索赔申请书、费用明细表、理算过程、汇率说明、材料清单、"
            f"附件索引、声明及附件 {n_exhibits} 份，敬请审核。",
            st["body"],
        ),
        P(
            f"We, {esc(_g(company, 'name_en'))} (unified social credit code {esc(_g(company, 'uscc'))}), "
            f"the insured under the above policy, hereby claim the legal expenses incurred in "
            f"&quot;{esc(_g(dispute, 'title_en'))}&quot; (case number {esc(_g(dispute, 'case_number'))}; "
            f"forum: {esc(_g(dispute, 'forum'))}). The amount claimed is CNY {amount(claimed)}; the amount "
            f"payable under the policy terms is CNY {amount(payable)} ({esc(words_en)}). Enclosed are the claim "
            f"form, the expense schedule, the settlement calculation, the exchange-rate statement, the "
            f"document checklist, the attachment index, the declaration and {n_exhibits} exhibit(s).",
            st["en"],
        ),
        Spacer(1, 10),
        P(f"联系人 Contact：{esc(_g(company, 'contact_name'))}　电话 Tel：{esc(_g(company, 'contact_phone'))}"
          f"　邮箱 E-mail：{esc(_g(company, 'contact_email'))}", st["body"]),
        Spacer(1, 14),
        P(f"{esc(_g(company, 'name_zh'))}（盖章）", st["body"]),
        P(f"{esc(_g(company, 'name_en'))} (company seal)", st["en"]),
    ]
    return story


def _kv_table(rows: list[tuple[str, str, str]], st: dict, widths=(150, None), title: str | None = None):
    """Label / value rows. With ``title`` (markup) the section heading is the table's first row, so
    it cannot be left alone at the foot of a page and is repeated, ``（续 / continued）``, over the
    rows that run onto the next page."""
    from reportlab.platypus import Table

    total = PAGE_W - 2 * MARGIN
    w0 = widths[0]
    data = [[P(f"{esc(zh)}<br/>{esc(en)}", st["small"]), P(value, st["base"])] for zh, en, value in rows]
    if title is None:
        t = Table(data, colWidths=[w0, total - w0], splitInRow=1)
        t.setStyle(grid_style(header_rows=0, font_size=8))
        return t
    t = _continued_table_class()([[P(title, st["h2"]), ""]] + data, colWidths=[w0, total - w0], repeatRows=1,
                                 splitInRow=1)
    t.continued = P(f"{title}（续 / continued）", st["h2"])
    style = grid_style(header_rows=0, font_size=8, grid_from=1)
    style.add("SPAN", (0, 0), (-1, 0))
    style.add("LEFTPADDING", (0, 0), (-1, 0), 0)
    style.add("TOPPADDING", (0, 0), (-1, 0), 8)  # the heading's space above
    t.setStyle(style)
    return t


def _claim_kind(a: dict) -> str:
    zh, en = a.get("claim_kind_zh"), a.get("claim_kind_en")
    if not zh and not en:
        return DASH
    text_ = bi(zh, en)
    if a.get("supplementary_to"):
        ref = esc(a.get("supplementary_to"), 60)
        text_ += f"<br/>补充于 {ref} / supplementary to {ref}"
    return text_


def _claim_form(d: dict, st: dict, claimed: object, payable: object, words: str, words_en: str) -> list:
    company, policy, dispute = d.get("company") or {}, d.get("policy") or {}, d.get("dispute") or {}
    status = _pair(STATUS, d.get("status"))
    ip = _pair(IP_TYPE, _g(dispute, "ip_type"))
    role = _pair(ROLE, _g(dispute, "role"))
    markets = _g(company, "export_markets", ()) or ()
    rows = [
        ("索赔编号", "Claim reference", f"{esc(d.get('reference'))}（{esc(status[0])} / {esc(status[1])}）"),
        ("索赔类型", "Claim kind", _claim_kind(d.get("assessment") or {})),
        ("被保险人", "Insured", bi(_g(company, "name_zh"), _g(company, "name_en"))),
        ("统一社会信用代码", "Unified social credit code (USCC)", esc(_g(company, "uscc"))),
        ("注册地址", "Registered address", bi(_g(company, "registered_address_zh"), _g(company, "registered_address_en"))),
        ("出口市场", "Export markets", esc(", ".join(str(m) for m in markets)) if markets else DASH),
        ("保险人", "Insurer", bi(_g(policy, "insurer_zh"), _g(policy, "insurer_en"))),
        ("保险单号", "Policy number", esc(_g(policy, "policy_number"))),
        ("保险期间", "Policy period", f"{esc(day(_g(policy, 'period_start')))} — {esc(day(_g(policy, 'period_end')))}"),
        ("纠纷", "Dispute", f"{esc(_g(dispute, 'ref'))}：" + bi(_g(dispute, "title_zh"), _g(dispute, "title_en"))),
        ("知识产权类型 / 角色", "IP type / role", f"{esc(ip[0])} / {esc(role[0])}<br/>{esc(ip[1])} / {esc(role[1])}"),
        ("审理机构（国家）", "Forum (country)", f"{esc(_g(dispute, 'forum'))}（{esc(_g(dispute, 'forum_country'))}）"),
        ("案号", "Case number", esc(_g(dispute, "case_number"))),
        ("对方当事人", "Opposing party", esc(_g(dispute, "opposing_party"))),
        ("首次主张日", "First asserted on", esc(day(_g(dispute, "first_asserted_on")))),
        ("涉案权利", "IP rights", esc("; ".join(str(x) for x in _g(dispute, "ip_rights", ()) or ()) or None)),
        ("申请金额（小写）", "Amount claimed (figures)", f"CNY ¥{amount(claimed)}"),
        ("申请金额（大写）", "Amount claimed (in words)", f"{esc(_words(claimed))}<br/>{esc(_words(claimed, True))}"),
        ("应赔金额（小写）", "Amount payable (figures)", f"CNY ¥{amount(payable)}"),
        ("应赔金额（大写）", "Amount payable (in words)", f"{esc(words)}<br/>{esc(words_en)}"),
    ]
    return [
        outline_mark("form", "索赔申请书 / Claim form"),
        P("索赔申请书", st["title"]),
        P("Claim Form", st["subtitle"]),
        _kv_table(rows, st),
    ]


def _decision_lines(line: dict) -> list[str]:
    dcs = str(line.get("decision") or "")
    if dcs in DECISIONS:
        return [text(f"decision_{dcs}", "zh"), text(f"decision_{dcs}", "en")]
    return [clean(dcs, 40)]


def rate_text(value: object) -> str:
    """A rate as the central-parity tables publish it: at least four decimals (``7.9540``, not
    ``7.954``), more only where the stored rate has them; anything else is shown as it is."""
    d = dec(value)
    if d is None or not d.is_finite():
        return clean(value, 20)
    exponent = d.as_tuple().exponent
    return f"{d:.{max(4, -exponent)}f}" if isinstance(exponent, int) else clean(value, 20)


def reference_lines(text_: str, width: float, style) -> list[str]:
    """A reference such as ``PICC-BJ-CONSENT-2026-017`` cut into lines that fit ``width`` after its
    ``-`` / ``/`` / ``_`` rather than in the middle of a number (a part wider than the cell alone is
    left to the cell's own wrapping)."""
    import re

    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = width - 6.5
    lines: list[str] = []
    for part in (p for p in re.split(r"(?<=[-/_])", text_) if p):
        if lines and stringWidth(lines[-1] + part, style.fontName, style.fontSize) <= room:
            lines[-1] += part
        else:
            lines.append(part)
    return lines or [text_]


def break_after(value: object, width: float, style, limit: int = 80):
    """A table cell holding a reference, broken at its separators (:func:`reference_lines`)."""
    return fit(reference_lines(clean(value, limit), width, style), width, style)


def _continued_table_class():
    from reportlab.platypus import Table

    class ContinuedTable(Table):
        """A table whose first row is its title; the parts after a page break repeat the title with
        ``（续 / continued）`` (the column headers repeat as usual), so a handler on any page of the
        schedule sees which category the lines belong to."""

        continued = None  # the cell shown as the title of the parts after the first
        is_continuation = False  # a part after a page break

        def _mid_frame(self) -> bool:
            """True when the frame being filled already holds something (known while laid out)."""
            doc = getattr(getattr(self, "canv", None), "_doctemplate", None)
            frame = getattr(doc, "frame", None)
            return frame is not None and not getattr(frame, "_atTop", 1)

        def split(self, availWidth, availHeight):  # noqa: N803 - ReportLab's names
            if self.is_continuation and self._mid_frame():
                # the rest of a table split at a row boundary is not split again into the space left
                # under its first part (its "continued" title would stand in the middle of the page):
                # it starts the next page
                return []
            parts = super().split(availWidth, availHeight)
            if self.continued is not None:
                for part in parts[1:]:
                    # a new first row (the row list itself is shared with the part before)
                    part._cellvalues[0] = [self.continued] + list(part._cellvalues[0][1:])
                    part.continued = self.continued
                    part.is_continuation = True
            return parts

    return ContinuedTable


def _schedule(lines: list[dict], st: dict, exhibit_of: dict[str, int], step) -> list:
    from reportlab.lib import colors
    from reportlab.platypus import CondPageBreak, Spacer

    ContinuedTable = _continued_table_class()  # noqa: N806 - a class

    story: list = [
        outline_mark("schedule", "费用明细表 / Expense schedule"),
        P("费用明细表（按费用类别）", st["h2"]),
        P("Expense schedule by category", st["h3"]),
    ]
    header = [
        P(h, st["tiny"])
        for h in (
            "序号<br/>No.", "发票日<br/>付款日<br/>Invoice /<br/>paid", "收款方 / 发票号<br/>Payee / invoice no.", "说明<br/>Description",
            "原币金额<br/>Amount", "汇率（日期、来源）<br/>Rate (date, source)", "人民币<br/>CNY",
            "结论<br/>Decision", "附件<br/>Exhibit",
        )
    ]
    widths = [22, 46, 86, 112, 64, 70, 58, 45, 28]
    order = list(categories.CATEGORY_CODES)
    groups: dict[str, list[dict]] = {}
    for line in lines:
        groups.setdefault(str(line.get("category") or "other"), []).append(line)
    cats = [c for c in order if c in groups] + [c for c in groups if c not in order]
    total_cny = Decimal("0")
    total_cov = Decimal("0")
    number = 0
    for ci, cat in enumerate(cats):
        step(ci, len(cats), "schedule")
        title = f"{esc(categories.label(cat, 'zh'))} / {esc(categories.label(cat, 'en'))}"
        rows = [[P(title, st["h3"])] + [""] * (len(widths) - 1), header]
        sub_cny = Decimal("0")
        sub_cov = Decimal("0")
        for line in groups[cat]:
            number += 1
            cny, cov = dec(line.get("cny")), dec(line.get("covered_cny"))
            sub_cny += cny or 0
            sub_cov += cov or 0
            currency = clean(line.get("currency"), 8)
            if currency == "CNY" or line.get("rate") in (None, ""):
                rate = [DASH] if currency == "CNY" else ["无汇率", "no rate"]
            else:
                per = clean(line.get("rate_per") or 1, 6)
                rate = [f"{rate_text(line.get('rate'))} / {per} {currency}", day(line.get("rate_date")),
                        clean(line.get("rate_source"), 60)]
                if line.get("rate_overridden"):
                    rate.append("（人工 manual）")
            cny_cell = [amount(cny) if cny is not None else DASH]
            if cov is not None and cov != cny:
                cny_cell += ["计入 counted", amount(cov)]
            reasons = [r for r in (line.get("reasons") or []) if isinstance(r, dict)]
            show_reasons = reasons and (str(line.get("decision")) != "covered" or (cov is not None and cov != cny))
            desc_lines = [clean(line.get("description_zh"), 300), clean(line.get("description_en"), 300)]
            if show_reasons:
                desc = P("<br/>".join(escape(x) for x in desc_lines) + "<br/><font size=6.5>" + "<br/>".join(
                    f"{esc(r.get('zh'), 200)} / {esc(r.get('en'), 200)}" for r in reasons) + "</font>", st["tiny"])
            else:
                desc = fit(desc_lines, widths[3], st["tiny"])
            exhibits = sorted({exhibit_of[a["sha256"]] for a in (line.get("attachments") or [])
                               if isinstance(a, dict) and a.get("sha256") in exhibit_of})
            rows.append(
                [
                    str(number),
                    fit([day(line.get("date")), day(line.get("payment_date")), clean(line.get("expense"), 20)],
                        widths[1], st["tiny"]),
                    fit([clean(line.get("payee"), 200),
                         *reference_lines(clean(line.get("invoice_no"), 60), widths[2], st["tiny"])],
                        widths[2], st["tiny"]),
                    desc,
                    fit([amount(line.get("amount"), None), currency], widths[4], st["tinyright"]),
                    fit(rate, widths[5], st["tiny"]),
                    fit(cny_cell, widths[6], st["tinyright"]),
                    fit(_decision_lines(line), widths[7], st["tiny"]),
                    fit([", ".join(str(n) for n in exhibits) or DASH], widths[8], st["tiny"]),
                ]
            )
        rows.append(["", "", P("小计 Subtotal", st["tiny"]), "", "", "", P(f"{amount(sub_cny)}<br/>计入 counted<br/>{amount(sub_cov)}", st["tinyright"]), "", ""])
        total_cny += sub_cny
        total_cov += sub_cov
        table = ContinuedTable(rows, colWidths=widths, repeatRows=2, splitInRow=1)
        table.continued = P(f"{title}（续 / continued）", st["h3"])
        style = grid_style(header_rows=2, font_size=6.5)
        style.add("SPAN", (0, 0), (-1, 0))
        style.add("BACKGROUND", (0, 0), (-1, 0), colors.white)
        style.add("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#555555"))
        style.add("ALIGN", (4, 2), (4, -1), "RIGHT")
        style.add("ALIGN", (6, 2), (6, -1), "RIGHT")
        table.setStyle(style)
        story += [
            CondPageBreak(90),  # a category heading never stands alone at the foot of a page
            outline_mark(f"cat-{ci}", f"{categories.label(cat, 'zh')} / {categories.label(cat, 'en')}", level=1),
            table,
        ]
    story.append(Spacer(1, 4))
    story.append(
        P(
            f"合计 Total：人民币 CNY {amount(total_cny)}；计入理算 counted towards settlement：CNY {amount(total_cov)}",
            st["h3"],
        )
    )
    return story


def _steps(d: dict, st: dict) -> list:
    from reportlab.platypus import Spacer, Table

    a = d.get("assessment") or {}
    steps = a.get("steps") or [
        {"code": k, "zh": zh, "en": en, "amount": a.get(k)} for k, zh, en in STEP_KEYS if k in a
    ]
    rows = [[P("步骤<br/>Step", st["small"]), P("说明<br/>Description", st["small"]), P("金额（人民币）<br/>Amount (CNY)", st["small"])]]
    for i, s in enumerate(steps, start=1):
        if not isinstance(s, dict):
            continue
        value = s.get("amount")
        shown = amount(value)
        rows.append([str(i), P(bi(s.get("zh"), s.get("en"), 300), st["small"]), P(shown, st["right"])])
    t = Table(rows, colWidths=[40, 340, PAGE_W - 2 * MARGIN - 380], repeatRows=1, splitInRow=1)
    t.setStyle(grid_style())
    story = [
        outline_mark("settlement", "理算过程 / Settlement calculation"),
        P("理算过程（认可费用 → 分项限额 → 免赔额 → 赔付比例 → 赔偿限额 → 应赔金额）", st["h2"]),
        P("Settlement calculation (covered → sub-limits → deductible → co-payment → limits → payable)", st["h3"]),
        t,
        Spacer(1, 4),
        P(
            f"赔付比例 Co-insurance：{esc(a.get('coinsurance'), 20)}　　应赔金额 Payable：CNY {amount(a.get('payable'))}"
            f"　　{esc(a.get('payable_in_words') or _words(a.get('payable')))}",
            st["body"],
        ),
    ]
    reasons = a.get("dispute_reasons") or []
    if reasons:
        story.append(P("纠纷层面的结论 Dispute-level findings：", st["h3"]))
        for r in reasons:
            if isinstance(r, dict):
                story.append(P(f"• {esc(r.get('zh'), 300)} / {esc(r.get('en'), 300)}", st["small"]))
    return story


def _fx_statement(d: dict, st: dict) -> list:
    from reportlab.platypus import Table

    lines = (d.get("assessment") or {}).get("lines") or []
    policy = d.get("policy") or {}
    basis = _g(policy, "fx_basis", "payment_date")
    basis_zh, basis_en = {"payment_date": ("付款日", "payment date"), "invoice_date": ("发票日", "invoice date")}.get(
        basis, (clean(basis), clean(basis))
    )
    seen: dict[tuple, list[str]] = {}
    for line in lines:
        if str(line.get("currency")) == "CNY" or line.get("rate") in (None, ""):
            continue
        key = (str(line.get("currency")), str(line.get("rate")), str(line.get("rate_per") or 1),
               day(line.get("rate_date")), str(line.get("rate_source") or ""), bool(line.get("rate_overridden")))
        seen.setdefault(key, []).append(str(line.get("expense")))
    rows = [[P(h, st["small"]) for h in ("币种<br/>Currency", "汇率<br/>Rate", "单位<br/>Per", "日期<br/>Date",
                                         "来源<br/>Source", "费用<br/>Expenses")]]
    for key in sorted(seen, key=lambda k: (k[0], k[3], k[2], k[1], k[4], k[5])):  # by currency, then date
        cur, rate, per, rdate, source, manual = key
        src = esc(source, 120) + ("<br/>（人工调整 manual override）" if manual else "")
        refs = seen[key]
        shown = ", ".join(refs[:12]) + (f" … (+{len(refs) - 12})" if len(refs) > 12 else "")
        rows.append([clean(cur, 8), rate_text(rate), clean(per, 6), rdate, P(src, st["small"]), P(esc(shown, 400), st["small"])])
    story = [
        outline_mark("fx", "汇率说明 / Exchange-rate statement"),
        P("汇率说明", st["h2"]),
        P("Exchange-rate statement", st["h3"]),
        P(
            f"外币费用按保险合同约定以{esc(basis_zh)}的人民币汇率中间价折算为人民币（每 1 或 100 单位外币），"
            "折算结果四舍五入至分；人工调整的汇率已注明。",
            st["body"],
        ),
        P(
            f"Foreign-currency expenses are converted to CNY at the central parity rate of the {esc(basis_en)} as the "
            "policy provides (per 1 or per 100 units), rounded half-up to the fen; manually overridden rates are marked.",
            st["en"],
        ),
    ]
    if len(rows) > 1:
        t = Table(rows, colWidths=[46, 56, 34, 60, 150, PAGE_W - 2 * MARGIN - 346], repeatRows=1, splitInRow=1)
        t.setStyle(grid_style())
        story.append(t)
    else:
        story.append(P("本索赔无外币费用。 No foreign-currency expenses in this claim.", st["body"]))
    return story


def _checklist(d: dict, st: dict) -> list:
    from reportlab.platypus import Table

    items = d.get("checklist") or []
    rows = [[P("材料<br/>Document", st["small"]), P("状态<br/>Status", st["small"])]]
    for it in items:
        if not isinstance(it, dict):
            continue
        ok = it.get("ok")
        status = "已备 Provided" if ok else ("缺少 Missing" if ok is False else DASH)
        detail = ""
        if it.get("detail_zh") or it.get("detail_en"):
            detail = f"<br/><font size=6.5>{bi(it.get('detail_zh'), it.get('detail_en'), 300)}</font>"
        rows.append([P(bi(it.get("zh"), it.get("en"), 300) + detail, st["small"]), P(status, st["small"])])
    story = [
        outline_mark("checklist", "材料清单 / Document checklist"),
        P("材料清单", st["h2"]),
        P("Document checklist", st["h3"]),
    ]
    if len(rows) > 1:
        t = Table(rows, colWidths=[PAGE_W - 2 * MARGIN - 90, 90], repeatRows=1, splitInRow=1)
        t.setStyle(grid_style())
        story.append(t)
    else:
        story.append(P(f"{DASH}", st["body"]))
    return story


def _consent_use(uses: list[tuple[str, Decimal]], st: dict):
    if not uses:
        return DASH
    shown = [f"{clean(ref, 20)}: {amount(cny)}" for ref, cny in uses[:12]]
    if len(uses) > 12:
        shown.append(f"… (+{len(uses) - 12})")
    shown.append(f"合计 total {amount(sum((c for _, c in uses), Decimal('0')))}")
    return fit(shown, 70, st["small"])


def _consents(d: dict, st: dict) -> list:
    from reportlab.platypus import Table

    consents = d.get("consents") or []
    story = [
        outline_mark("consents", "保险人同意函 / Consent letters"),
        P("引用的保险人书面同意函", st["h2"]),
        P("Insurer's consent letters referred to", st["h3"]),
    ]
    if not consents:
        story.append(P("无。 None.", st["body"]))
        return story
    rows = [[P(h, st["small"]) for h in ("编号<br/>Ref", "函号<br/>Letter", "日期<br/>Granted on",
                                         "费用类别<br/>Categories", "上限<br/>Cap (CNY)", "范围<br/>Scope",
                                         "本次使用<br/>Used here (CNY)")]]
    letter_w = 84
    used: dict[str, list[tuple[str, Decimal]]] = {}
    for line in (d.get("assessment") or {}).get("lines") or []:
        for use in line.get("consent_use") or []:
            if isinstance(use, dict) and dec(use.get("cny")) is not None:
                used.setdefault(str(use.get("consent")), []).append((str(line.get("expense")), dec(use.get("cny"))))
    for c in consents:
        cats = c.get("categories") or ()
        cat_text = "<br/>".join(f"{esc(categories.label(x, 'zh'), 80)} / {esc(categories.label(x, 'en'), 80)}" for x in cats) or DASH
        cap = c.get("cap")
        rows.append(
            [
                P(esc(c.get("ref"), 30), st["small"]),
                break_after(c.get("letter_ref"), letter_w, st["small"]),
                day(c.get("granted_on")),
                P(cat_text, st["small"]),
                P(amount(cap) if cap not in (None, "") else "不设上限 no cap", st["small"]),
                P(bi(c.get("scope_zh"), c.get("scope_en"), 300), st["small"]),
                _consent_use(used.get(str(c.get("ref")), []), st),
            ]
        )
    t = Table(rows, colWidths=[34, letter_w, 52, 90, 52, PAGE_W - 2 * MARGIN - 382, 70], repeatRows=1,
              splitInRow=1)
    t.setStyle(grid_style())
    story.append(t)
    return story


def _attachment_index(exhibits: list[_Exhibit], st: dict) -> list:
    from reportlab.platypus import Table

    rows = [[P(h, st["small"]) for h in ("附件<br/>Exhibit", "文件名 / 类型<br/>File / kind", "费用<br/>Expenses",
                                         "页数<br/>Pages", "SHA-256")]]
    for ex in exhibits:
        info = ex.info
        kind = _pair(KIND, info.get("kind"))
        refs = [str(r) for r in (info.get("expenses") or [])]
        shown = ", ".join(refs[:10]) + (f" … (+{len(refs) - 10})" if len(refs) > 10 else "")
        note = "" if ex.pages[0].note is None else "<br/>未能嵌入 not embedded"
        sha = clean(info.get("sha256"), 80)
        rows.append(
            [
                str(ex.n),
                fit([clean(info.get("filename"), 160), f"{kind[0]} / {kind[1]}"] + (["未能嵌入 not embedded"] if note else []),
                    170, st["small"]),
                fit([clean(shown or None, 200)], 70, st["small"]),
                str(len(ex.pages)),
                f"{sha[:32]}\n{sha[32:]}" if len(sha) > 32 else sha,
            ]
        )
    story = [
        outline_mark("index", "附件索引 / Attachment index"),
        P("附件索引", st["h2"]),
        P("Attachment index (SHA-256 of each file as stored)", st["h3"]),
    ]
    if len(rows) > 1:
        t = Table(rows, colWidths=[36, 170, 70, 32, PAGE_W - 2 * MARGIN - 308], repeatRows=1, splitInRow=1)
        style = grid_style()
        style.add("FONT", (4, 1), (4, -1), fonts.register(), 7)
        t.setStyle(style)
        story.append(t)
    else:
        story.append(P("无附件。 No attachments.", st["body"]))
    return story


def _declaration(d: dict, st: dict) -> list:
    from reportlab.lib import colors
    from reportlab.platypus import Spacer, Table, TableStyle

    company = d.get("company") or {}
    boxes = Table(
        [
            [P("法定代表人或授权代表签字<br/>Signature of legal representative or authorised signatory", st["small"]),
             P("日期<br/>Date", st["small"]),
             P("公司盖章<br/>Company seal", st["small"])],
            ["", "", ""],
        ],
        colWidths=[200, 110, PAGE_W - 2 * MARGIN - 310],
        rowHeights=[None, 110],
    )
    boxes.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.register(), 8),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return [
        outline_mark("declaration", "声明 / Declaration"),
        P("声明", st["h2"]),
        P("Declaration", st["h3"]),
        P(
            f"本公司{esc(_g(company, 'name_zh'))}声明：本索赔申请及所附材料真实、完整、准确，所列费用均为处理上述纠纷实际发生且已支付的费用，"
            "未曾就同一费用向其他保险人或任何第三方重复索赔。如有隐瞒或虚报，本公司愿承担相应法律责任。",
            st["body"],
        ),
        P(
            f"We, {esc(_g(company, 'name_en'))}, declare that this claim and its enclosures are true, complete and "
            "accurate, that the expenses listed were actually incurred and paid for the dispute named above, and that "
            "they have not been claimed from any other insurer or third party. We accept legal responsibility for any "
            "concealment or misstatement.",
            st["en"],
        ),
        Spacer(1, 12),
        P(legal_rep_line(company), st["body"]),
        Spacer(1, 4),
        boxes,
    ]


# --------------------------------------------------------------------------- write


def claimed_amount(assessment: dict) -> Decimal | None:
    """What the claim asks for: the CNY of every line (as the schedule's total shows it)."""
    if assessment.get("claimed") not in (None, ""):
        return dec(assessment.get("claimed"))
    total = Decimal("0.00")
    for line in assessment.get("lines") or []:
        total += dec(line.get("cny")) or 0
    return total


def write(package_data: dict, out_path: Path | str, progress: Callable[[int, int, str], None] | None = None,
          cancel: Callable[[], bool] | None = None) -> dict:
    """Write the claim package to ``out_path`` atomically; return ``{"pages", "exhibits", "bytes"}``.

    ``progress(done, total, label)`` is called as work proceeds; when ``cancel()`` returns true the
    export stops with :class:`~lei_desktop.reports.common.Cancelled` and nothing is written.
    """
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import CondPageBreak, PageBreak, SimpleDocTemplate, Spacer

    fonts.register()
    st = styles()
    d = package_data
    a = d.get("assessment") or {}
    reference = clean(d.get("reference"), 60)
    created = d.get("created") or datetime.now().astimezone()
    invariant = 1
    exhibits_in = list(d.get("exhibits") or [])
    n_ex = len(exhibits_in)
    total_steps = 4 + 2 * n_ex
    done = [0]

    def step_base(label: str) -> None:
        check(done[0], total_steps, label)

    check = checker(progress, cancel)

    def sub(offset: int):
        def f(i: int, _n: int, label: str) -> None:
            done[0] = offset + i
            step_base(label)
        return f

    check(0, total_steps, "start")
    with atomic_output(Path(out_path)) as tmp_out:
        exhibits = _prepare_exhibits(exhibits_in, sub(1))
        exhibit_of = {str(ex.info.get("sha256")): ex.n for ex in exhibits}
        exhibit_pages = sum(len(ex.pages) for ex in exhibits)

        lines = list(a.get("lines") or [])
        claimed = claimed_amount(a)
        payable = a.get("payable")
        words = a.get("payable_in_words") or _words(payable)
        words_en = a.get("payable_in_words_en") or _words(payable, True)  # claims frozen before it existed

        story: list = []
        story += _cover_letter(d, st, n_ex, claimed, payable, words, words_en)
        story.append(PageBreak())
        story += _claim_form(d, st, claimed, payable, words, words_en)
        story.append(PageBreak())
        story += _schedule(lines, st, exhibit_of, lambda i, n, label: check(done[0], total_steps, label))
        story.append(PageBreak())
        story += _steps(d, st)
        story.append(Spacer(1, 8))
        story += _fx_statement(d, st)
        story.append(CondPageBreak(200))
        story += _checklist(d, st)
        story.append(CondPageBreak(160))
        story += _consents(d, st)
        story.append(PageBreak())
        story += _attachment_index(exhibits, st)
        story.append(CondPageBreak(330))
        story += _declaration(d, st)

        main_buf = io.BytesIO()
        doc = SimpleDocTemplate(
            main_buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + 6,
            title=clean(f"索赔材料 Claim package {reference}", 200), author=clean(_g(d.get("company"), "name_en"), 200),
            invariant=invariant, initialFontName=fonts.FONT_NAME,
        )
        base = 1 + n_ex

        def on_page(_n: int) -> None:
            done[0] = base
            check(done[0], total_steps, "layout")

        def after(canv, first: int, total: int) -> None:
            _draw_exhibit_pages(canv, exhibits, first, total, reference, sub(base + 1))

        marks: list[tuple[str, int, int]] = []
        doc.build(story, canvasmaker=numbered_canvas(reference, extra_pages=exhibit_pages, on_page=on_page,
                                                     after=after if exhibits else None, marks_out=marks))
        done[0] = base + 1 + n_ex
        check(done[0], total_steps, "report")

        main = PdfReader(io.BytesIO(main_buf.getvalue()))
        total_pages = len(main.pages)
        report_pages = total_pages - exhibit_pages
        writer = PdfWriter()
        for i in range(report_pages):
            writer.add_page(main.pages[i])
        k = report_pages
        wrap: dict = {}
        firsts = []
        for ex in exhibits:
            firsts.append(len(writer.pages))
            for page in ex.pages:
                overlay = main.pages[k]
                k += 1
                if page.source is not None:
                    added = writer.add_page(page.source)
                    box = added.cropbox
                    _stamp_onto(writer, added, overlay, float(box.left), float(box.bottom), k, wrap)
                else:
                    writer.add_page(overlay)
        section = None
        for title, level, index in marks:
            if level == 0 or section is None:
                section = writer.add_outline_item(title=title, page_number=index)
            else:
                writer.add_outline_item(title=title, page_number=index, parent=section, is_open=False)
        if exhibits:
            parent = writer.add_outline_item(title="附件 / Exhibits", page_number=report_pages)
            for ex, first in zip(exhibits, firsts, strict=True):
                title = f"附件 {ex.n} / Exhibit {ex.n} — {clean(ex.info.get('filename'), 80)}"
                writer.add_outline_item(title=title, page_number=first, parent=parent)
        done[0] = total_steps - 1
        check(done[0], total_steps, "writing")
        company = d.get("company") or {}
        policy = d.get("policy") or {}
        set_metadata(
            writer,
            title=f"索赔材料 Claim package {reference}",
            author=f"{_g(company, 'name_zh', '')} {_g(company, 'name_en', '')}".strip() or DASH,
            subject=f"海外知识产权法律费用保险索赔 / Overseas IP legal-expenses insurance claim — "
            f"{_g(policy, 'policy_number', DASH)}",
            created=created,
            version=str(d.get("version") or ""),
            keywords=f"{reference}, {_g(policy, 'policy_number', '')}",
        )
        writer.page_mode = "/UseOutlines"
        fixed_ids(writer, f"{reference}|{created.isoformat()}|{total_pages}")
        with open(tmp_out, "wb") as fh:
            writer.write(fh)
        size = tmp_out.stat().st_size
        check(total_steps, total_steps, "done")
    return {"pages": total_pages, "report_pages": report_pages, "exhibits": n_ex, "bytes": size}
