"""Layout read back as a claims handler reads it: attached pages not hidden by the stamp or the footer,
a category table that runs over a page names its category again, Chinese lines broken the Chinese way,
references broken at their hyphens, the exchange-rate statement in date order with four-decimal rates."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from lei_desktop.reports import claim_package
from lei_desktop.reports.common import CANNOT_START_ZH, MARGIN, PAGE_W, styles
from lei_desktop.services import claim_export, claims
from tests.reports.pdf_helpers import flat, pages_text


def _line(n: int, *, category: str = "attorney_fees", rate: str = "7.1234", rate_date: str = "2026-04-01",
          currency: str = "USD") -> dict:
    amount = Decimal("1000.00") + n
    cny = (amount * Decimal(rate)).quantize(Decimal("0.01"))
    return {"expense": f"E{n}", "category": category, "amount": str(amount), "currency": currency,
            "rate": rate, "rate_per": 1, "rate_date": rate_date, "rate_source": "CFETS central parity",
            "cny": str(cny), "covered_cny": str(cny), "decision": "covered", "date": rate_date,
            "payment_date": rate_date, "payee": f"Payee {n}", "invoice_no": f"INV-{n}",
            "description_zh": f"律师费第{n}笔", "description_en": f"Counsel fees item {n}"}


def _positions(page) -> list[tuple[str, float, float, float]]:
    """(text, x, y, font size) of every text run as painted, the page's own ``cm`` included."""
    seen = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            seen.append((text.strip(), x, y, size * tm[0] * cm[0]))

    page.extract_text(visitor_text=visit)
    return seen


def test_an_attached_pdf_page_is_not_covered_by_the_stamp_or_the_footer(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    w, h = 595.2756, 841.8898
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(w, h), invariant=1)
    c.setFont("Helvetica", 12)
    c.drawRightString(w - 5, h - 12, "INVOICE NO 2026-0042")  # where invoices print their number
    c.drawString(5, 5, "TOTAL DUE 915.48 EUR")  # at the very foot
    c.showPage()
    c.save()
    data = {"reference": "CL-S", "assessment": {"lines": []},
            "exhibits": [{"sha256": "1" * 64, "filename": "inv.pdf", "kind": "invoice", "mime": "application/pdf",
                          "data": buf.getvalue()}]}
    out = tmp_path / "s.pdf"
    claim_package.write(data, out)
    page = PdfReader(str(out)).pages[-1]
    runs = {t: (x, y, s) for t, x, y, s in _positions(page)}
    stamp_x, stamp_y, _ = runs["附件 1 / Exhibit 1"]
    inv_x, inv_y, inv_size = runs["INVOICE NO 2026-0042"]
    tot_x, tot_y, tot_size = runs["TOTAL DUE 915.48 EUR"]
    assert inv_size == pytest.approx(tot_size) and 0.85 < inv_size / 12 < 1  # scaled down, aspect kept
    # the stamp's box starts 5 pt below its text's baseline: the invoice number's line is below it
    assert inv_y + inv_size <= stamp_y - 5
    # the footer (its rule at 30 pt) stays under the page's lowest line
    assert tot_y >= 30
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert inv_x + stringWidth("INVOICE NO 2026-0042", "Helvetica", inv_size) <= w  # nothing cut at the right
    assert tot_x >= 0


def test_a_category_table_over_several_pages_names_its_category_on_each(tmp_path):
    lines = [_line(n) for n in range(1, 61)] + [_line(61, category="travel_lodging")]
    out = tmp_path / "long.pdf"
    claim_package.write({"reference": "CL-L", "assessment": {"lines": lines}}, out)
    texts = pages_text(out)
    schedule = [i for i, t in enumerate(texts) if re.search(r"\bE\d+\b", t) and "INV-" in t]
    assert len(schedule) >= 3, "60 lines of one category run over several pages"
    first, *rest = schedule
    assert "律师费 / Attorney fees" in texts[first] and "续" not in texts[first]
    for i in rest:
        page = flat(texts[i])
        if "E61" in texts[i] and "E60" not in texts[i]:
            continue  # the travel table's own page
        assert "律师费/Attorneyfees（续/continued）" in page, i
        assert "序号" in page and "Description" in page  # the column headers repeat too
    # every line is printed once, in order
    numbers = [int(m) for i in schedule for m in re.findall(r"\bE(\d+)\b", texts[i])]
    assert numbers == sorted(set(numbers)) == list(range(1, 62))
    assert "差旅及食宿费用 / Travel, board and lodging" in "".join(texts[i] for i in schedule)
    assert "差旅及食宿费用/Travel,boardandlodging（续" not in flat("".join(texts))


def _wrapped(text: str, style, width: float) -> list[str]:
    from reportlab.platypus import Paragraph

    p = Paragraph(text, style)
    p.wrap(width, 10_000)
    out = []
    for line in p.blPara.lines:
        out.append(" ".join(line[1]) if isinstance(line, tuple)
                   else "".join(str(getattr(w, "text", w)) for w in line.words))
    return out


def test_chinese_paragraphs_fill_their_lines_and_no_line_starts_with_punctuation():
    st = styles()
    width = PAGE_W - 2 * MARGIN
    fx = ("外币费用按保险合同约定以付款日的人民币汇率中间价折算为人民币（每 1 或 100 单位外币），"
          "折算结果四舍五入至分；人工调整的汇率已注明。")
    got = _wrapped(fx, st["body"], width)
    assert "".join(got).replace(" ", "") == fx.replace(" ", "")
    assert len(got) == 2 and got[0].endswith("分；")  # not broken at the last space, half a line early
    # every position of a punctuation mark at the end of a line: it hangs, it never opens the next line
    for n in range(0, 70):
        text = "条" * n + "人民币汇率中间价，折算结果；四舍五入：至分！是否？" * 3
        for line in _wrapped(text, st["body"], width)[1:]:
            assert line[0] not in CANNOT_START_ZH, (n, line)


def test_latin_names_inside_chinese_paragraphs_stay_whole_wherever_the_line_breaks():
    st = styles()
    width = PAGE_W - 2 * MARGIN
    for n in range(0, 60):
        text = "审" * n + "理机构：Landgericht Düsseldorf，案号：4a O 57/26，对方当事人 Schloss & Riegel GmbH。"
        words = " ".join(_wrapped(text.replace("&", "&amp;"), st["body"], width)).split()
        for name in ("Düsseldorf", "Schloss", "Riegel", "GmbH"):
            assert any(name in w for w in words), (n, words)
        assert any(w.endswith("Landgericht") for w in words), (n, words)


def test_a_reference_breaks_after_its_hyphens():
    st = styles()
    cell = claim_package.break_after("PICC-BJ-CONSENT-2026-017", 84, st["small"])
    lines = cell.split("\n") if isinstance(cell, str) else [
        x for x in re.split(r"<br/>", cell.text)]
    assert "".join(lines) == "PICC-BJ-CONSENT-2026-017"
    assert all(x.endswith("-") for x in lines[:-1]) and len(lines) >= 2
    assert claim_package.break_after("short-ref", 84, st["small"]) == "short-ref"


def test_the_consent_letter_number_is_not_cut_inside_a_number(loaded_store, tmp_path):
    ref = claims.create_claim(loaded_store, "D1")
    out = tmp_path / "c.pdf"
    claim_export.export_claim(loaded_store, ref, out)
    page = next(t for t in pages_text(out) if "Insurer's consent letters referred to" in t)
    # on one line, or broken right after a hyphen: never inside "2026"
    assert re.search(r"PICC-BJ-CONSENT-\n?2026-\n?017", page), page


def test_the_exchange_rate_statement_is_in_date_order_with_four_decimal_rates(tmp_path):
    lines = [_line(1, rate="7.954", rate_date="2026-06-23", currency="EUR"),
             _line(2, rate="7.8421", rate_date="2026-05-15", currency="EUR"),
             _line(3, rate="7.1234", rate_date="2026-04-01"),
             _line(4, rate="7.12345", rate_date="2026-03-01")]
    out = tmp_path / "fx.pdf"
    claim_package.write({"reference": "CL-F", "assessment": {"lines": lines}}, out)
    page = next(t for t in pages_text(out) if "Exchange-rate statement" in t)
    table = page[page.index("Expenses"):]
    order = re.findall(r"\b(EUR|USD)\s+(\d\.\d+)\s+1\s+(\d{4}-\d\d-\d\d)", table)
    assert order == [("EUR", "7.8421", "2026-05-15"), ("EUR", "7.9540", "2026-06-23"),
                     ("USD", "7.12345", "2026-03-01"), ("USD", "7.1234", "2026-04-01")]
    # the schedule shows the same rate digits
    assert "7.9540 / 1 EUR" in "".join(pages_text(out))
    assert claim_package.rate_text("7.954") == "7.9540" and claim_package.rate_text("4.61280") == "4.61280"


def test_the_english_cover_paragraph_quotes_with_latin_quotes(loaded_store, tmp_path):
    """The CJK font's curly quotes are full-width: in English they left a wide gap before the title."""
    ref = claims.create_claim(loaded_store, "D1")
    out = tmp_path / "c.pdf"
    claim_export.export_claim(loaded_store, ref, out)
    cover = pages_text(out)[0]
    english = cover[cover.index("We, "):]
    assert '"Patent infringement suit against our smart locks"' in " ".join(english.split())
    assert "\u201c" not in english and "\u201d" not in english
    assert "“某美国公司诉我司智能锁专利侵权案”" in flat(cover)  # Chinese keeps its own quotes


def test_enrolment_sections_name_themselves_again_when_they_run_over_a_page(loaded_store, tmp_path):
    from lei_desktop.reports import enrolment_form
    from lei_desktop.services.enrolment_form import enrolment_data

    data = enrolment_data(loaded_store)
    company = dict(data["company"]) if isinstance(data["company"], dict) else data["company"].__dict__.copy()
    company["products"] = [f"Smart lock model X{n} with a long bilingual product name 智能门锁型号{n}" for n in range(60)]
    data = {**data, "company": company}
    out = tmp_path / "enrol.pdf"
    enrolment_form.write(data, out)
    texts = pages_text(out)
    assert len(texts) >= 3
    assert "一、企业信息1.Companyprofile" in flat(texts[0]) and "续" not in texts[0]
    assert "一、企业信息1.Companyprofile（续/continued）" in flat(texts[1])
    # every product is printed, once
    whole = "".join(texts)
    assert all(whole.count(f"Smart lock model X{n} ") == 1 for n in range(60))
    cover = next(i for i, t in enumerate(texts) if "二、投保内容" in t)
    assert "二、投保内容2.Coverappliedfor" in flat(texts[cover])


def test_a_long_invoice_number_in_the_schedule_breaks_at_its_hyphens(tmp_path):
    line = _line(1)
    line["invoice_no"] = "SL-2026-031-SUPPLEMENTAL-AMENDED-0000000000001"
    line["payee"] = "Smith, Lee, Hernandez, Whitfield-Okonkwo & Partners International IP Litigation LLP"
    out = tmp_path / "inv.pdf"
    claim_package.write({"reference": "CL-I", "assessment": {"lines": [line]}}, out)
    page = next(t for t in pages_text(out) if "Expense schedule by category" in t)
    m = re.search(r"SL-[\s\S]*?0000000000001", page)
    assert m, page
    pieces = m.group(0).split("\n")
    assert len(pieces) >= 2 and all(p.endswith("-") for p in pieces[:-1]), pieces
    assert "".join(pieces) == line["invoice_no"]
    assert flat(line["payee"]) in flat(page)  # the payee, wrapped, is printed whole above it


HEADINGS = ("汇率说明", "Exchange-rate statement", "材料清单", "Document checklist", "引用的保险人书面同意函",
            "Insurer's consent letters referred to", "纠纷层面的结论 Dispute-level findings：")


@pytest.mark.parametrize("reasons", range(20, 42, 2))
def test_no_page_ends_with_a_heading(tmp_path, reasons):
    """However long the settlement page runs (dispute-level findings), the next section's heading
    goes over the page break with its text (keepWithNext), never alone at the foot of a page."""
    a = {"lines": [_line(1)],
         "dispute_reasons": [{"zh": f"理由{i}：" + "说明" * 20, "en": f"reason {i}: " + "text " * 20}
                             for i in range(reasons)]}
    out = tmp_path / "o.pdf"
    claim_package.write({"reference": "CL-O", "assessment": a,
                         "checklist": [{"zh": "材料", "en": "document", "ok": True}] * 3}, out)
    for k, t in enumerate(pages_text(out)):
        body = [x.strip() for x in t.split("\n") if x.strip() and "Page" not in x]
        assert body and body[-1] not in HEADINGS, (k, body[-3:])
