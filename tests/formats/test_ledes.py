"""The LEDES reader over hand-written invoices (tests/data/ledes) and edge cases."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from lei_desktop.formats import ledes

DATA = Path(__file__).resolve().parents[1] / "data" / "ledes"


def read(name: str) -> ledes.LedesFile:
    return ledes.read((DATA / name).read_bytes())


def test_canonical_sample_adds_up_as_the_brief_says():
    f = read("canonical_1998b.txt")
    assert f.ok and f.format == "1998B" and not f.warnings
    (inv,) = f.invoices
    assert (inv.law_firm_id, inv.invoice_number, inv.client_matter_id) == ("24-6437381", "96542", "423-987")
    # 630 + 700 + 40 + 24.95 + 289.5 = 1684.45 (brief 3.1)
    assert [ln.total for ln in inv.lines] == [Decimal(x) for x in ("630", "700", "40", "24.95", "289.5")]
    assert inv.invoice_total == inv.lines_total == Decimal("1684.45")
    assert [ln.kind for ln in inv.lines] == ["F", "F", "F", "E", "E"]
    assert (inv.lines[0].task_code, inv.lines[0].activity_code) == ("L510", "A102")
    assert inv.lines[3].expense_code == "E111"


def test_crlf_lf_and_records_on_one_line_read_the_same():
    crlf = read("canonical_1998b.txt")
    raw = (DATA / "canonical_1998b.txt").read_bytes()
    assert b"\r\n" in raw
    lf = ledes.read(raw.replace(b"\r\n", b"\n"))
    cr = ledes.read(raw.replace(b"\r\n", b"\r"))
    one = read("one_line.txt")
    assert b"\n" not in (DATA / "one_line.txt").read_bytes()
    for other in (lf, cr, one):
        assert other.ok
        assert [ln.total for ln in other.invoices[0].lines] == [ln.total for ln in crlf.invoices[0].lines]


def test_two_invoices_trailing_spaces_and_no_final_newline():
    raw = (DATA / "two_invoices.txt").read_bytes()
    assert not raw.endswith(b"\n") and b"[]   \n" in raw
    f = ledes.read(raw)
    assert f.ok and not f.warnings
    assert [i.invoice_number for i in f.invoices] == ["SL-2026-031", "SL-2026-044"]
    first = f.invoices[0]
    assert [ln.kind for ln in first.lines] == ["F", "F", "IF", "E", "E", "IE"]
    # 4500 + 900 − 500 + 350 + 80 − 20 = 5310.00
    assert first.lines_total == first.invoice_total == Decimal("5310.00")


def test_narratives_are_kept_exactly():
    f = read("two_invoices.txt")
    texts = [ln.description for i in f.invoices for ln in i.lines]
    assert "Draft answer <b>&amp;</b> counterclaim; reviewed “claim chart” – 审阅权利要求对照表 [sic]" in texts
    assert "Review <i>prior art</i> & Ü-Patent DE 10 2019" in texts
    assert "Expert report <draft v2>" in texts


def test_brackets_inside_a_narrative_are_not_a_record_end():
    w = ledes.writer()
    w.add(INVOICE_DATE="20260101", INVOICE_NUMBER="1", LAW_FIRM_ID="F", INVOICE_TOTAL="10", CLIENT_ID="C",
          LAW_FIRM_MATTER_ID="M", LINE_ITEM_NUMBER="1", **{"EXP/FEE/INV_ADJ_TYPE": "F"}, LINE_ITEM_TOTAL="10",
          LINE_ITEM_DESCRIPTION="array a[] := [] done")
    f = ledes.read(w.text("\n"))
    assert f.ok, [e.message() for e in f.errors]
    assert f.invoices[0].lines[0].description == "array a[] := [] done"


def test_98bi_in_eur_with_tax():
    f = read("ebi_eur.txt")
    assert f.ok and f.format == "98BI" and not f.warnings
    (inv,) = f.invoices
    assert inv.currency == "EUR"
    assert inv.law_firm_name.startswith("Müller & Schmidt")
    # 1428 + 250 + 1000 − 119 = 2559; tax 228 − 19 = 209; net 2559 − 209 = 2350
    assert inv.lines_total == inv.invoice_total == Decimal("2559.00")
    assert inv.tax_total == Decimal("209.00") and inv.net_total == Decimal("2350.00")


def test_broken_header_names_the_field():
    f = read("broken_header.txt")
    assert not f.ok and not f.invoices
    msgs = [e.message("en") for e in f.errors]
    assert any("INVOICE_TOTL" in m and "line 2" in m for m in msgs)
    assert any("INVOICE_TOTAL" in m and "lacks" in m for m in msgs)
    assert "第 2 行" in f.errors[0].message("zh")


def test_broken_format_line():
    f = read("broken_format_line.txt")
    assert not f.ok
    assert f.errors[0].line == 1 and "LEDES1998" in f.errors[0].message()


def test_98bi_header_under_a_1998b_first_line_is_refused():
    text = (DATA / "ebi_eur.txt").read_bytes().decode("utf-8").replace("LEDES98BI V2[]", "LEDES1998B[]")
    f = ledes.read(text)
    assert not f.ok and [e.code for e in f.errors] == ["ledes_header_other_format"]
    assert "52 fields of LEDES 98BI" in f.errors[0].message("en") and "第一行" in f.errors[0].message("zh")


def _line(**over) -> str:
    w = ledes.writer()
    values = dict(INVOICE_DATE="20260101", INVOICE_NUMBER="7", LAW_FIRM_ID="F", INVOICE_TOTAL="100.00",
                  CLIENT_ID="C", LAW_FIRM_MATTER_ID="M", LINE_ITEM_NUMBER="1", LINE_ITEM_NUMBER_OF_UNITS="2",
                  LINE_ITEM_UNIT_COST="50", LINE_ITEM_ADJUSTMENT_AMOUNT="0", LINE_ITEM_TOTAL="100.00")
    values["EXP/FEE/INV_ADJ_TYPE"] = "F"
    values.update(over)
    w.add(**values)
    return w.text()


def test_bad_values_are_errors_naming_line_and_field():
    f = ledes.read(_line(LINE_ITEM_TOTAL="1,000.00"))
    (e,) = f.errors
    assert (e.line, e.column, e.code) == (3, "LINE_ITEM_TOTAL", "ledes_decimal")
    assert e.message("en").startswith("line 3, LINE_ITEM_TOTAL:")
    f = ledes.read(_line(INVOICE_DATE="2026-01-01"))
    assert f.errors[0].column == "INVOICE_DATE" and f.errors[0].code == "ledes_date"
    f = ledes.read(_line(**{"EXP/FEE/INV_ADJ_TYPE": "X"}))
    assert f.errors[0].column == "EXP/FEE/INV_ADJ_TYPE"
    f = ledes.read(_line(INVOICE_NUMBER=""))
    assert f.errors[0].code == "ledes_required" and f.errors[0].column == "INVOICE_NUMBER"


def test_field_count_error():
    text = _line().rstrip().removesuffix("[]") + "|extra[]\r\n"
    f = ledes.read(text)
    assert f.errors and f.errors[-1].code == "ledes_field_count"


def test_arithmetic_is_a_warning_not_an_error():
    f = ledes.read(_line(LINE_ITEM_TOTAL="90.00"))  # 2 × 50 + 0 = 100, not 90; and lines 90 ≠ invoice 100
    assert f.ok
    codes = sorted(w.code for w in f.warnings)
    assert codes == ["ledes_invoice_math", "ledes_line_math"]
    line_w = next(w for w in f.warnings if w.code == "ledes_line_math")
    assert line_w.params["expected"] == "100.00" and line_w.line == 3


def test_empty_and_garbage_input_never_raise():
    for data in (b"", b"   \n\n", b"\xff\xfe\x00garbage", "LEDES1998B[]", b"LEDES98BI V2[]\n[]\n"):
        f = ledes.read(data)
        assert not f.ok


def test_98bi_tax_and_net_mismatches_are_warnings():
    text = (DATA / "ebi_eur.txt").read_bytes().decode("utf-8")
    f = ledes.read(text.replace("|209.00|2350.00|EUR|", "|200.00|2350.00|EUR|"))
    assert f.ok
    assert {w.code for w in f.warnings} == {"ledes_tax_math", "ledes_net_math"}


def test_98bi_bad_or_changing_currency_is_an_error():
    text = (DATA / "ebi_eur.txt").read_bytes().decode("utf-8")
    f = ledes.read(text.replace("|EUR|Müller|Jörg|", "|EUX|Müller|Jörg|"))
    assert not f.ok and f.errors[0].column == "INVOICE_CURRENCY" and f.errors[0].line == 3
    lines = text.split("\r\n")
    lines[4] = lines[4].replace("|2350.00|EUR|", "|2350.00|GBP|")
    f = ledes.read("\r\n".join(lines))
    assert [e.code for e in f.errors] == ["ledes_currency_changes"]


def test_windows_1252_narrative_is_read_with_a_warning():
    raw = (DATA / "canonical_1998b.txt").read_bytes().replace(b"Meals", "Déjeuner – client".encode("cp1252"))
    f = ledes.read(raw)
    assert f.ok and [w.code for w in f.warnings] == ["ledes_decoded_as"]
    assert f.invoices[0].lines[3].description == "Déjeuner – client"


def test_lowercase_types_and_header_in_another_order():
    text = (DATA / "canonical_1998b.txt").read_bytes().decode("utf-8").replace("|F|", "|f|")
    f = ledes.read(text)
    assert f.ok and {ln.kind for ln in f.invoices[0].lines} == {"F", "E"}
    names = list(ledes.FIELDS_1998B)
    names[0], names[1] = names[1], names[0]
    lines = text.split("\r\n")
    lines[1] = "|".join(names) + "[]"
    for i in range(2, len(lines)):
        if lines[i]:
            cells = lines[i].removesuffix("[]").split("|")
            cells[0], cells[1] = cells[1], cells[0]
            lines[i] = "|".join(cells) + "[]"
    f = ledes.read("\r\n".join(lines))
    assert f.ok and [w.code for w in f.warnings] == ["ledes_header_order"]
    assert f.invoices[0].invoice_number == "96542"


def test_utf16_and_a_trailing_pipe_on_every_line():
    text = (DATA / "canonical_1998b.txt").read_bytes().decode("utf-8")
    f = ledes.read(text.encode("utf-16"))
    assert f.ok and f.invoices[0].lines_total == Decimal("1684.45")
    piped = text.replace("[]\r\n", "|[]\r\n").replace("LEDES1998B|[]", "LEDES1998B[]")
    f = ledes.read(piped)
    assert f.ok and f.invoices[0].lines_total == Decimal("1684.45")
