"""Any text a user can type is printed safely: never interpreted as markup, never a crash."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lei_desktop.reports import claim_package, enrolment_form, fonts
from lei_desktop.reports.common import DASH, MISSING_GLYPH, P, clean, esc, styles
from tests.reports.pdf_helpers import flat, pages_text

HOSTILE = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["<b>", "</para>", "&amp;", "&#x41;", "<font size=90>x</font>", "<img src='x'/>", "]]>",
                     "😀👨‍👩‍👧", "مرحبا بالعالم", "שלום", "\u202eevil\u202c", "\x00\x07\x1b", "", "   ", "W" * 3000,
                     "堃昇珺𠮷", "A\u0301e\u0308"]),
)


@given(HOSTILE)
@settings(max_examples=300, deadline=None)
def test_clean_text_only_holds_what_the_font_can_draw(text):
    out = clean(text)
    assert out
    assert all(ch == " " or fonts.covers(ch) for ch in out)
    if not text.strip():
        assert out == DASH


@given(HOSTILE)
@settings(max_examples=150, deadline=None)
def test_escaped_text_lays_out_and_draws(text):
    from reportlab.pdfgen.canvas import Canvas

    para = P(esc(text), styles()["small"])
    _, h = para.wrap(120, 10_000)
    assert h > 0
    c = Canvas(io.BytesIO())
    para.drawOn(c, 10, 10)
    c.save()


@given(name=HOSTILE, desc=HOSTILE, payee=HOSTILE)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_whole_package_survives_hostile_fields(tmp_path_factory, name, desc, payee):
    out = tmp_path_factory.mktemp("h") / "h.pdf"
    data = {
        "reference": "CL-H", "company": {"name_zh": name, "name_en": name, "uscc": name, "legal_representative": payee},
        "dispute": {"title_zh": desc, "title_en": desc, "opposing_party": payee, "case_number": name},
        "assessment": {"lines": [{"expense": name, "category": desc, "payee": payee, "description_zh": desc,
                                  "description_en": desc, "amount": "1.00", "currency": "USD", "rate": "7.1",
                                  "rate_per": 1, "rate_source": payee, "cny": "7.10", "covered_cny": "7.10",
                                  "decision": desc, "reasons": [{"zh": desc, "en": payee}]}],
                       "payable": "7.10", "steps": [{"code": "x", "zh": desc, "en": name, "amount": "7.10"}]},
        "consents": [{"ref": name, "letter_ref": payee, "scope_zh": desc, "categories": [desc]}],
        "checklist": [{"zh": desc, "en": name, "ok": False, "detail_zh": payee}],
    }
    result = claim_package.write(data, out)
    text = flat("".join(pages_text(out)))
    assert "7.10" in text and "人民币柒元壹角" in text and flat("SAY RENMINBI SEVEN YUAN AND TEN FEN ONLY") in text
    assert flat("法定代表人 / Legal representative：") in text
    assert result["pages"] >= 5


def test_enrolment_form_with_hostile_company(tmp_path):
    out = tmp_path / "e.pdf"
    company = {"name_zh": "北京堃昇珺<b>科技</b>&有限公司", "name_en": "<script>x</script> 😀", "uscc": "",
               "registered_address_zh": "W" * 3000, "legal_representative": "<b>张三</b>\u202e",
               "export_markets": ["US", "<DE>"], "eligibility": {"sells_overseas": True}}
    enrolment_form.write({"company": company, "policy": {}}, out)
    text = flat("".join(pages_text(out)))
    assert flat("北京堃昇珺<b>科技</b>&有限公司") in text
    assert "<script>x</script>" + MISSING_GLYPH in text
    assert "truncated" in text and "US,<DE>" in text
    assert flat("法定代表人 / Legal representative：<b>张三</b>") in text
