"""The claim package PDF, read back: both languages, every amount, 大写, fonts, exhibits, safety."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader

from lei_desktop.domain.numerals import amount_in_words
from lei_desktop.reports import claim_package, fonts
from lei_desktop.reports.common import Cancelled
from lei_desktop.services import attachments, claim_export, claims
from lei_desktop.services.enrolment import get_company, save_company
from lei_desktop.services.expenses import get_expense, update_expense
from tests.reports.pdf_helpers import (
    embedded_fonts,
    flat,
    money,
    outline_titles,
    pages_text,
    sample_jpeg,
    sample_pdf,
)


@pytest.fixture
def claim_ref(loaded_store):
    return claims.create_claim(loaded_store, "D1")


def test_font_is_truetype_and_covers_rare_name_characters():
    path = fonts.font_path()
    assert path.is_file() and (path.parent / "OFL.txt").is_file()
    assert "SIL OPEN FONT LICENSE" in (path.parent / "OFL.txt").read_text("utf-8")
    fonts.register()
    tables = fonts._font.face.table
    assert "glyf" in tables and "CFF " not in tables  # TrueType outlines: ReportLab can subset them
    for ch in "堃昇珺𠮷¥￥0123456789AZaz北京":
        assert fonts.covers(ch), ch
    assert not fonts.covers("😀")


def test_example_claim_reads_back_in_both_languages_with_every_amount(loaded_store, claim_ref, tmp_path):
    out = tmp_path / "claim.pdf"
    result = claim_export.export_claim(loaded_store, claim_ref, out)
    doc = claims.assess(loaded_store, claim_ref)
    texts = pages_text(out)
    assert result["pages"] == len(texts)
    whole = flat("".join(texts))

    # both languages: section titles, company and dispute names
    for s in ("索赔申请书", "ClaimForm", "费用明细表", "Expenseschedule", "汇率说明", "Exchange-ratestatement",
              "材料清单", "Documentchecklist", "附件索引", "Attachmentindex", "声明", "Declaration",
              "北京星河智造科技有限公司", "BeijingXingheSmartManufacturingTechnologyCo.,Ltd.",
              "91110108MA01XH7K2R", "某美国公司诉我司智能锁专利侵权案", "2:26-cv-00123", "AcmeLockHoldingsLLC",
              "PICC-BJ-LEI-2026-0001", "公司盖章", "Companyseal"):
        assert flat(s) in whole, s

    # every line: original amount, rate, CNY, payee, descriptions in both languages
    assert len(doc["lines"]) == 4
    for line in doc["lines"]:
        digits = len(line["amount"].split(".")[1]) if "." in line["amount"] else 0
        assert money(line["amount"], digits) in whole, line["amount"]
        assert money(line["cny"]) in whole, line["cny"]
        assert line["rate"] in whole
        assert flat(line["payee"]) in whole
        assert flat(line["description_zh"]) in whole and flat(line["description_en"]) in whole

    # the settlement steps, each amount
    for step in doc["steps"]:
        assert money(step["amount"]) in whole, step

    # payable: figures and words, as the design doc's worked example gives them
    assert doc["payable"] == "95234.00"
    assert "95234.00" in whole
    assert "人民币玖万伍仟贰佰叁拾肆元整" in whole
    # claimed = the CNY of every line, in figures and in words
    claimed = sum(Decimal(line["cny"]) for line in doc["lines"])
    assert money(claimed) in whole
    assert amount_in_words(claimed) in whole

    # footer on every page: page x / y and the claim reference
    n = len(texts)
    for i, t in enumerate(texts, start=1):
        assert f"Page {i} / {n}" in t and f"第 {i} / {n} 页" in t and claim_ref in t

    # the font is embedded (TrueType subset with a ToUnicode map), no unembedded font used
    used = embedded_fonts(out)
    assert used and all(f["embedded"] and f["tounicode"] for f in used), used
    assert any("LeiSansSC" in f["name"] for f in used)

    # outline and metadata
    titles = outline_titles(out)
    for t in ("致保险人函 / Cover letter", "索赔申请书 / Claim form", "费用明细表 / Expense schedule",
              "理算过程 / Settlement calculation", "汇率说明 / Exchange-rate statement", "声明 / Declaration"):
        assert t in titles
    meta = PdfReader(str(out)).metadata
    from lei_desktop import __version__

    assert claim_ref in meta.title and "北京星河智造" in meta.author and "PICC-BJ-LEI-2026-0001" in meta.subject
    assert __version__ in meta.creator and meta.creation_date is not None


def _attach_exhibits(store):
    pdf = sample_pdf(2, "Smith Lee invoice")
    jpeg_rotated = sample_jpeg(orientation=6)  # stored landscape 400x300, shown portrait 300x400
    jpeg_plain = sample_jpeg(orientation=1, size=(300, 500))
    attachments.add_attachment(store, "expense", "E1", "smith-lee-invoice.pdf", pdf, "invoice")
    attachments.add_attachment(store, "expense", "E2", "hotel-receipt.jpg", jpeg_rotated, "invoice")
    attachments.add_attachment(store, "expense", "E3", "boarding-pass.jpg", jpeg_plain, "payment_proof")
    attachments.add_attachment(store, "expense", "E4", "damaged.pdf", b"%PDF-1.7\n garbage \x00\x01", "invoice")
    return pdf, jpeg_rotated, jpeg_plain


def test_exhibits_are_appended_stamped_indexed_and_bookmarked(loaded_store, claim_ref, tmp_path):
    pdf, jpeg_rotated, jpeg_plain = _attach_exhibits(loaded_store)
    out = tmp_path / "claim.pdf"
    result = claim_export.export_claim(loaded_store, claim_ref, out)
    reader = PdfReader(str(out))
    assert result["exhibits"] == 4
    report = result["report_pages"]
    assert len(reader.pages) == report + 2 + 1 + 1 + 1  # 2 PDF pages, 2 images, 1 placeholder
    texts = pages_text(out)
    ex = texts[report:]
    # exhibit 1: the merged PDF pages keep their own text and carry the stamp
    assert "Smith Lee invoice page 1" in ex[0] and "附件 1 / Exhibit 1" in ex[0]
    assert "Smith Lee invoice page 2" in ex[1] and "附件 1 / Exhibit 1" in ex[1]
    assert "附件 2 / Exhibit 2" in ex[2] and "附件 3 / Exhibit 3" in ex[3]
    # exhibit 4 is damaged: a placeholder page says so in both languages
    assert "附件 4 / Exhibit 4" in ex[4]
    assert "损坏" in ex[4] and "damaged" in ex[4] and "damaged.pdf" in ex[4]
    n = len(texts)
    for i, t in enumerate(texts, start=1):
        assert f"Page {i} / {n}" in t

    # the attachment index lists every file with its SHA-256
    whole = flat("".join(texts[:report]))
    for data in (pdf, jpeg_rotated, jpeg_plain):
        assert hashlib.sha256(data).hexdigest() in whole

    # EXIF orientation applied: the rotated receipt is placed portrait (300 x 400)
    def images(page):
        xo = page["/Resources"].get("/XObject") or {}
        return [o.get_object() for o in xo.values() if o.get_object().get("/Subtype") == "/Image"]

    rotated = images(reader.pages[report + 2])
    assert [(int(i["/Width"]), int(i["/Height"])) for i in rotated] == [(300, 400)]
    # an upright JPEG goes in unchanged (no re-encoding)
    plain = images(reader.pages[report + 3])
    assert plain[0].get("/Filter") in ("/DCTDecode", ["/DCTDecode"])
    assert plain[0]._data == jpeg_plain

    titles = outline_titles(out)
    assert "附件 / Exhibits" in titles
    assert any(t.startswith("附件 1 / Exhibit 1") and "smith-lee-invoice.pdf" in t for t in titles)
    assert any(t.startswith("附件 4 / Exhibit 4") for t in titles)
    # the schedule names the exhibit of each line
    assert "Exhibit" in texts[2]


def test_hostile_text_is_shown_safely(loaded_store, tmp_path):
    company = get_company(loaded_store)
    save_company(
        loaded_store,
        replace(company, name_zh="北京堃昇珺𠮷<b>科技</b>&amp;有限公司", name_en="Kun & Sheng <i>Tech</i> 😀 Ltd."),
        expected_version=company.version,
    )
    e1 = get_expense(loaded_store, "E1")
    long_word = "W" * 3000
    update_expense(
        loaded_store, "E1",
        replace(e1, payee="<script>alert('x')</script> & Co שלום", description_zh="",
                description_en=f"{long_word} <para>"),
        expected_version=e1.version,
    )
    e2 = get_expense(loaded_store, "E2")
    update_expense(loaded_store, "E2", replace(e2, description_en="   "), expected_version=e2.version)
    ref = claims.create_claim(loaded_store, "D1")

    missing = claim_export.missing_descriptions(loaded_store, ref)
    assert {"expense": "E1", "missing": ["description_zh"]} in missing
    assert {"expense": "E2", "missing": ["description_en"]} in missing
    msgs = claim_export.missing_description_messages(loaded_store, ref, "zh")
    assert any("E1" in m and "中文" in m for m in msgs)

    out = tmp_path / "hostile.pdf"
    claim_export.export_claim(loaded_store, ref, out)
    whole = flat("".join(pages_text(out)))
    # markup shown as typed; rare hanzi kept, also one beyond the BMP (U+20BB7) copies out right
    assert flat("北京堃昇珺𠮷<b>科技</b>&amp;有限公司") in whole
    assert flat("<script>alert('x')</script>&Co") in whole
    assert "Kun&Sheng<i>Tech</i>□Ltd." in whole  # the emoji is replaced visibly
    assert "□□□□" in whole  # right-to-left script the font lacks: replaced, not dropped
    assert "truncated" in whole and "W" * 250 in whole and "W" * 3000 not in whole
    assert "95234.00" in whole


def test_cancel_leaves_nothing_and_keeps_an_existing_file(loaded_store, claim_ref, tmp_path):
    _attach_exhibits(loaded_store)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "claim.pdf"
    out.write_bytes(b"previous export")
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        claim_export.export_claim(loaded_store, claim_ref, out, cancel=cancel)
    assert out.read_bytes() == b"previous export"
    assert sorted(p.name for p in folder.iterdir()) == ["claim.pdf"]


def test_failure_midway_leaves_no_partial_file(loaded_store, claim_ref, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(claim_package, "set_metadata", boom)
    with pytest.raises(RuntimeError):
        claim_export.export_claim(loaded_store, claim_ref, folder / "claim.pdf")
    assert list(folder.iterdir()) == []


def test_progress_is_reported_to_the_end(loaded_store, claim_ref, tmp_path):
    _attach_exhibits(loaded_store)
    seen = []
    claim_export.export_claim(loaded_store, claim_ref, tmp_path / "c.pdf", progress=lambda d, t, label: seen.append((d, t)))
    assert len(seen) > 5
    assert seen[-1][0] == seen[-1][1]
    assert all(0 <= d <= t for d, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_submitted_claim_package_is_reproducible_from_frozen_data(loaded_store, claim_ref, tmp_path):
    _attach_exhibits(loaded_store)
    claims.submit(loaded_store, claim_ref, override="documents follow by courier")
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    claim_export.export_claim(loaded_store, claim_ref, a)
    # the company renames itself after submission: the submitted package does not change
    company = get_company(loaded_store)
    save_company(loaded_store, replace(company, name_zh="改名后的公司"), expected_version=company.version)
    # a document attached to the dispute after submission is not in the submitted package
    attachments.add_attachment(loaded_store, "dispute", "D1", "later.pdf", sample_pdf(1, "Later"), "other")
    claim_export.export_claim(loaded_store, claim_ref, b)
    assert a.read_bytes() == b.read_bytes()
    text = "".join(pages_text(a))
    assert "已提交" in text and "Submitted" in text and "改名后的公司" not in text


def test_report_writes_from_plain_data_with_missing_keys(tmp_path):
    out = tmp_path / "bare.pdf"
    result = claim_package.write({"reference": "CL-X", "assessment": {"lines": [{"expense": "E9"}]}}, out)
    text = "".join(pages_text(out))
    assert result["pages"] >= 1 and "CL-X" in text and "—" in text


def test_images_of_other_formats_and_unsupported_files(tmp_path):
    from PIL import Image

    png = BytesIO()
    Image.new("RGBA", (50, 80), (0, 0, 255, 128)).save(png, "PNG")
    data = {
        "reference": "CL-Y",
        "assessment": {"lines": []},
        "exhibits": [
            {"sha256": "1" * 64, "filename": "scan.png", "kind": "other", "mime": "image/png", "data": png.getvalue()},
            {"sha256": "2" * 64, "filename": "notes.docx", "kind": "other", "mime": "application/msword", "data": b"PK.."},
        ],
    }
    out = tmp_path / "y.pdf"
    result = claim_package.write(data, out)
    texts = pages_text(out)
    assert result["pages"] == result["report_pages"] + 2
    assert "附件 1 / Exhibit 1" in texts[-2]
    assert "附件 2 / Exhibit 2" in texts[-1] and "cannot be embedded" in texts[-1]


def test_poppler_reads_the_package_too(loaded_store, claim_ref, tmp_path):
    """An independent reader (poppler, as in most Linux viewers): fonts embedded, Chinese extractable."""
    import subprocess

    out = tmp_path / "claim.pdf"
    claim_export.export_claim(loaded_store, claim_ref, out)
    fonts_table = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts_table.splitlines()[2:] if line.strip()]
    assert rows and all(r[0].split("+")[-1] == "LeiSansSC-Regular" for r in rows), fonts_table
    assert all(r[-5:-2] == ["yes", "yes", "yes"] for r in rows), fonts_table  # emb, sub, uni
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "人民币玖万伍仟贰佰叁拾肆元整" in text and "北京星河智造科技有限公司" in text and "Claim Form" in text


def test_dispute_and_consent_documents_are_exhibits_too(loaded_store, claim_ref, tmp_path):
    complaint = sample_pdf(1, "Complaint")
    consent = sample_pdf(1, "Consent letter")
    attachments.add_attachment(loaded_store, "dispute", "D1", "complaint.pdf", complaint, "complaint")
    attachments.add_attachment(loaded_store, "consent", "C1", "consent.pdf", consent, "consent_letter")
    data = claim_export.package_data(loaded_store, claim_ref)
    by_sha = {e["sha256"]: e for e in data["exhibits"]}
    assert by_sha[hashlib.sha256(complaint).hexdigest()]["expenses"] == ["D1"]
    assert by_sha[hashlib.sha256(consent).hexdigest()]["expenses"] == ["C1"]
    out = tmp_path / "claim.pdf"
    result = claim_export.export_claim(loaded_store, claim_ref, out)
    texts = pages_text(out)
    assert result["exhibits"] == 2
    assert "Complaint page 1" in texts[-2] and "附件 1 / Exhibit 1" in texts[-2]
    assert "Consent letter page 1" in texts[-1] and "附件 2 / Exhibit 2" in texts[-1]
    whole = flat("".join(texts))
    assert "PICC-BJ-CONSENT-2026-017" in whole  # the consent letter referred to


def test_rotated_pdf_pages_are_kept_and_stamped_upright(tmp_path):
    from pypdf import PdfWriter

    src = PdfReader(BytesIO(sample_pdf(1, "Rotated scan")))
    w = PdfWriter()
    w.add_page(src.pages[0]).rotate(90)
    buf = BytesIO()
    w.write(buf)
    data = {"reference": "CL-R", "assessment": {"lines": []},
            "exhibits": [{"sha256": "1" * 64, "filename": "rot.pdf", "kind": "other", "mime": "application/pdf",
                          "data": buf.getvalue()}]}
    out = tmp_path / "r.pdf"
    claim_package.write(data, out)
    last = PdfReader(str(out)).pages[-1]
    assert "Rotated scan page 1" in last.extract_text() and "附件 1 / Exhibit 1" in last.extract_text()
    assert int(last.get("/Rotate", 0)) == 0  # turned into the content: shown landscape, stamp upright
    assert float(last.mediabox.width) > float(last.mediabox.height)


def test_written_file_gets_ordinary_permissions(tmp_path):
    import os
    import stat

    out = tmp_path / "p.pdf"
    claim_package.write({"reference": "CL-P", "assessment": {"lines": []}}, out)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask


@pytest.mark.parametrize("stage", ["exhibit", "layout", "stamp", "writing"])
def test_cancel_at_every_stage(loaded_store, claim_ref, tmp_path, stage):
    _attach_exhibits(loaded_store)
    labels = []
    folder = tmp_path / "out"
    folder.mkdir()

    def progress(done, total, label):
        labels.append(label)

    def cancel():
        return any(label.startswith(stage) for label in labels)

    with pytest.raises(Cancelled):
        claim_export.export_claim(loaded_store, claim_ref, folder / "c.pdf", progress=progress, cancel=cancel)
    assert list(folder.iterdir()) == []
    assert any(label.startswith(stage) for label in labels)


def test_consent_use_is_traced_to_lines(tmp_path):
    data = {
        "reference": "CL-C",
        "assessment": {"lines": [
            {"expense": "E7", "category": "translation_notarization", "amount": "100.00", "currency": "CNY",
             "cny": "100.00", "covered_cny": "100.00", "decision": "covered",
             "consent_use": [{"consent": "C1", "cny": "100.00"}]},
            {"expense": "E8", "category": "translation_notarization", "amount": "50.50", "currency": "CNY",
             "cny": "50.50", "covered_cny": "50.50", "decision": "covered",
             "consent_use": [{"consent": "C1", "cny": "50.50"}]},
        ]},
        "consents": [{"ref": "C1", "letter_ref": "L-1", "categories": ["translation_notarization"], "cap": "200.00"}],
    }
    out = tmp_path / "c.pdf"
    claim_package.write(data, out)
    whole = flat("".join(pages_text(out)))
    assert "E7:100.00" in whole and "E8:50.50" in whole and "合计total150.50" in whole
