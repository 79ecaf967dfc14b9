"""Claim package PDF against bare ReportLab / plain pypdf doing the same core work in the same run.

1. A claim of 1,000 expense lines: the whole package (cover letter ... declaration, footer
   ``page x / y``, outline, metadata, atomic write) against bare ReportLab building the same
   expense table (same cells, same font, same column widths) into one file. Target ratio ≤ 1.5.
2. A claim with 100 attachments (50 PDFs, 50 JPEGs) on 100 lines: the package with every exhibit
   stamped and bookmarked against a plain pypdf merge of the same files (the JPEGs placed on A4
   pages with bare ReportLab, then everything appended with pypdf). Target ratio ≤ 2 for the
   exhibit stage (the package with the files minus the same package without them) and for the
   whole package against the bare table plus the plain merge; the whole package against the plain
   merge alone is printed for information.

Absolute times and output sizes are printed in the note column.
"""

from __future__ import annotations

import hashlib
import io
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from bench.run import row


def interleaved(fns, repeat: int) -> list[float]:
    """Median wall time of each function, the functions run in turn within each round, so that the
    load of a shared machine falls on baseline and ours alike."""
    samples: list[list[float]] = [[] for _ in fns]
    for fn in fns:  # warm-up (imports, font registration, caches)
        fn()
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            samples[i].append(time.perf_counter() - t0)
    return [statistics.median(s) for s in samples]

CATS = ("attorney_fees", "court_fees", "expert_witness", "witness_appearance", "travel_lodging",
        "translation_notarization", "investigation", "other")


def _lines(n: int, rng: random.Random, attachments: list[dict] | None = None) -> list[dict]:
    lines = []
    start = date(2026, 3, 1)
    for i in range(n):
        cur, rate, per = rng.choice((("USD", "7.1234", 1), ("EUR", "7.7810", 1), ("JPY", "4.6128", 100)))
        amount = Decimal(rng.randint(10_000, 2_000_000)) / (1 if cur == "JPY" else 100)
        cny = (amount * Decimal(rate) / per).quantize(Decimal("0.01"))
        day = (start + timedelta(days=i % 200)).isoformat()
        lines.append({
            "expense": f"E{i + 1}", "category": CATS[i % len(CATS)], "date": day, "payment_date": day,
            "payee": rng.choice(("Smith & Lee LLP", "Tokyo Grand Hotel", "Müller Rechtsanwälte", "北京堃昇翻译有限公司")),
            "invoice_no": f"INV-{2026_0000 + i}", "description_zh": "应诉律师服务费（证据开示阶段）",
            "description_en": "Defence counsel fees, discovery phase", "amount": f"{amount:f}", "currency": cur,
            "rate": rate, "rate_per": per, "rate_date": day, "rate_source": "CFETS central parity",
            "rate_overridden": False, "cny": f"{cny:f}", "covered_cny": f"{cny:f}", "decision": "covered",
            "reasons": [], "attachments": [attachments[i]] if attachments and i < len(attachments) else [],
        })
    return lines


def _package(lines: list[dict], exhibits: list[dict]) -> dict:
    total = sum((Decimal(x["cny"]) for x in lines), Decimal("0"))
    return {
        "reference": "CL-2026-0001", "status": "draft", "created": datetime(2026, 5, 1, tzinfo=UTC), "version": "bench",
        "company": {"name_zh": "北京星河智造科技有限公司", "name_en": "Beijing Xinghe Smart Manufacturing Co., Ltd.",
                    "uscc": "91110108MA01XH7K2R"},
        "policy": {"policy_number": "PICC-BJ-LEI-2026-0001", "insurer_zh": "中国人民财产保险股份有限公司北京市分公司",
                   "insurer_en": "PICC P&C Beijing Branch"},
        "dispute": {"ref": "D1", "title_zh": "专利侵权案", "title_en": "Patent suit", "case_number": "2:26-cv-00123"},
        "assessment": {"lines": lines, "covered": f"{total:f}", "payable": f"{total:f}"},
        "consents": [], "checklist": [], "exhibits": exhibits,
    }


def _bare_table(lines: list[dict], out: Path) -> None:
    """The same expense tables, straight ReportLab: one table per category, same cells, font, widths.

    Short cells are plain strings, payee and description wrap as Paragraphs when they do not fit,
    as in the package; no cover letter, form, settlement, index, footer, outline or atomic write.
    """
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from lei_desktop.reports import fonts
    from lei_desktop.reports.common import grid_style, styles

    fonts.register()
    st = styles()
    tiny = st["tiny"]
    widths = [22, 46, 86, 112, 64, 70, 58, 45, 28]

    def cell(parts, width):
        if all(stringWidth(x, fonts.FONT_NAME, 6.5) <= width - 6.5 for x in parts):
            return "\n".join(parts)
        return Paragraph("<br/>".join(escape(x) for x in parts), tiny)

    header = [Paragraph(h, tiny) for h in ("序号<br/>No.", "日期<br/>Date", "收款方 / 发票号<br/>Payee / invoice no.",
                                           "说明<br/>Description", "原币金额<br/>Amount", "汇率<br/>Rate",
                                           "人民币<br/>CNY", "结论<br/>Decision", "附件<br/>Exhibit")]
    story = []
    for cat in CATS:
        rows = [header]
        for i, x in enumerate(lines, start=1):
            if x["category"] != cat:
                continue
            rows.append([
                str(i), f"{x['date']}\n{x['expense']}", cell([x["payee"], x["invoice_no"]], 86),
                cell([x["description_zh"], x["description_en"]], 112), f"{x['amount']}\n{x['currency']}",
                f"{x['rate']} / {x['rate_per']} {x['currency']}\n{x['rate_date']}\n{x['rate_source']}",
                f"{x['cny']}", "赔付\nCovered", "—",
            ])
        t = Table(rows, colWidths=widths, repeatRows=1)
        t.setStyle(grid_style(1, 6.5))
        story.append(t)
    SimpleDocTemplate(str(out), pagesize=A4, leftMargin=42, rightMargin=42, topMargin=42, bottomMargin=48,
                      initialFontName=fonts.FONT_NAME).build(story)


def _files(rng: random.Random) -> list[dict]:
    from lei_desktop.domain.model import Expense
    from lei_desktop.services.demo import receipt_jpeg, receipt_pdf

    out = []
    for i in range(100):
        e = Expense(ref=f"E{i + 1}", dispute="D1", category="attorney_fees", amount=Decimal("1250.00"), currency="USD",
                    payee="Smith & Lee LLP", invoice_number=f"INV-{i}", invoice_date=date(2026, 4, 1),
                    paid_on=date(2026, 4, 2), description_en="Defence counsel fees")
        if i % 2 == 0:
            data, name, mime = receipt_pdf(e), f"invoice-{i}.pdf", "application/pdf"
        else:
            data, name, mime = receipt_jpeg(e, rng), f"receipt-{i}.jpg", "image/jpeg"
        out.append({"sha256": hashlib.sha256(data).hexdigest(), "filename": name, "kind": "invoice", "mime": mime,
                    "data": data, "expenses": [e.ref]})
    return out


def _write_files(files: list[dict], folder: Path) -> list[Path]:
    """The attachments as the files a plain merge starts from (written once, outside the timing)."""
    paths = []
    for k, f in enumerate(files):
        p = folder / f"file-{k}{'.jpg' if f['mime'] == 'image/jpeg' else '.pdf'}"
        p.write_bytes(f["data"])
        paths.append(p)
    return paths


def _plain_merge(paths: list[Path], out: Path) -> None:
    """pypdf appends the PDF files; the JPEG files go on A4 pages with bare ReportLab (file paths, so
    the JPEG bytes pass through; no ASCII85). No stamps, footers, outline, index or atomic write."""
    from pypdf import PdfReader, PdfWriter
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    rl_config.useA85 = 0
    writer = PdfWriter()
    images = io.BytesIO()
    canv = Canvas(images, pagesize=A4)
    for p in paths:
        if p.suffix == ".jpg":
            canv.drawImage(str(p), 42, 80, A4[0] - 84, A4[1] - 160, preserveAspectRatio=True)
            canv.showPage()
    canv.save()
    img_reader = PdfReader(io.BytesIO(images.getvalue()))
    k = 0
    for p in paths:
        if p.suffix == ".pdf":
            writer.append(PdfReader(str(p)))
        else:
            writer.add_page(img_reader.pages[k])
            k += 1
    with open(out, "wb") as fh:
        writer.write(fh)


def run() -> list[dict]:
    from lei_desktop.reports import claim_package, fonts

    fonts.register()
    rng = random.Random(7)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lines = _lines(1000, rng)
        base_out, ours_out = folder / "bare.pdf", folder / "ours.pdf"
        base, ours = interleaved([lambda: _bare_table(lines, base_out),
                                  lambda: claim_package.write(_package(lines, []), ours_out)], repeat=5)
        pages = claim_package.write(_package(lines, []), ours_out)["pages"]
        rows.append(row("pdf: 1,000-line claim package vs bare ReportLab table", base, ours, 1.5,
                        f"{base:.2f}s/{ours:.2f}s; {base_out.stat().st_size // 1024} KB vs "
                        f"{ours_out.stat().st_size // 1024} KB; {pages} pages"))

        files = _files(rng)
        lines = _lines(100, rng, attachments=files)
        merge_out, pkg_out, bare_out = folder / "merge.pdf", folder / "pkg.pdf", folder / "bare100.pdf"
        paths = _write_files(files, folder)
        merge, whole, without, table = interleaved([
            lambda: _plain_merge(paths, merge_out),
            lambda: claim_package.write(_package(lines, files), pkg_out),
            lambda: claim_package.write(_package(lines, []), folder / "nofiles.pdf"),
            lambda: _bare_table(lines, bare_out),
        ], repeat=9)
        pages = claim_package.write(_package(lines, files), pkg_out)["pages"]
        sizes = f"{merge_out.stat().st_size // 1024} KB merged vs {pkg_out.stat().st_size // 1024} KB package"
        rows.append(row("pdf: 100 attachments, exhibit stage (package with − without files) vs plain pypdf merge",
                        merge, whole - without, 2.0, f"{merge:.2f}s/{whole - without:.2f}s; {sizes}"))
        rows.append(row("pdf: 100 attachments, whole package vs bare 100-line table + plain pypdf merge",
                        merge + table, whole, 2.0, f"{merge + table:.2f}s/{whole:.2f}s; {pages} pages"))
        rows.append(row("pdf: 100 attachments, whole package vs plain pypdf merge alone", merge, whole, None,
                        "the package also lays out the schedule, settlement and index"))
    return rows
