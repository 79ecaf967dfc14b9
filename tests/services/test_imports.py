"""LEDES and CSV imports into a store: amounts and categories to the cent, all-or-nothing."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lei_desktop.domain.errors import LeiError, NotFound
from lei_desktop.formats.csv_import import CsvMapping
from lei_desktop.services import expenses, imports, rates, scenario
from lei_desktop.store.models import AuditEventRow, ExpenseRow, LedesInvoiceRow

DATA = Path(__file__).resolve().parents[1] / "data" / "ledes"


def ledes_bytes(name: str) -> bytes:
    return (DATA / name).read_bytes()


def count(store, table=ExpenseRow) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(table))


def imported(store, invoice: str):
    return [e for e in expenses.list_expenses(store, "D1")
            if e.invoice_number == invoice and e.source.startswith("ledes:")]


def by_category(items) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for e in items:
        out[e.category] = out.get(e.category, Decimal(0)) + e.amount
    return out


def test_two_invoices_import_to_the_cent(loaded_store):
    before = count(loaded_store)
    p = imports.preview_ledes(loaded_store, ledes_bytes("two_invoices.txt"), "D1", currency="USD")
    assert p.ok and not p.errors
    assert count(loaded_store) == before  # a preview writes nothing
    result = imports.commit(loaded_store, p)
    assert count(loaded_store) == before + len(result.refs)
    first = imported(loaded_store, "SL-2026-031")
    second = imported(loaded_store, "SL-2026-044")
    assert all(e.currency == "USD" for e in first + second)
    # the lines add up to each invoice's INVOICE_TOTAL
    assert sum(e.amount for e in first) == Decimal("5310.00")
    assert sum(e.amount for e in second) == Decimal("2645.00")
    cats1 = by_category(first)
    # fees 4500 + 900 − 500 (IF); expenses E112 350, E111 80, IE −20 shared 350:80 half-up
    assert cats1["attorney_fees"] == Decimal("4900.00")
    ie_court = (Decimal(-20) * 350 / 430).quantize(Decimal("0.01"))  # −16.28
    assert cats1["court_fees"] == Decimal("350.00") + ie_court
    assert cats1["travel_lodging"] == Decimal("80.00") + (Decimal(-20) - ie_court)
    assert by_category(second) == {"attorney_fees": Decimal("2250.00"), "expert_witness": Decimal("395.00")}
    discount = next(e for e in first if e.description_en == "Courtesy discount 10%")
    assert discount.amount == Decimal("-500.00") and discount.category == "attorney_fees"
    meals = next(e for e in first if e.utbms_code == "E111")
    assert "餐费" in meals.description_zh and "Meals" in meals.description_zh
    assert meals.payee == "95-1234567" and meals.source == "ledes:95-1234567:SL-2026-031:5"
    assert any(e.description_en.startswith("Draft answer <b>&amp;</b>") for e in first)
    with loaded_store.session() as s:
        assert s.scalar(select(func.count()).select_from(LedesInvoiceRow)) == 2
        rows = s.scalars(select(ExpenseRow).where(ExpenseRow.source.like("ledes:%"))).all()
        assert all(r.ledes_invoice_id is not None for r in rows)
        events = s.scalars(select(AuditEventRow).where(AuditEventRow.entity == "ledes_invoice")).all()
        listed = [ref for ev in events for ref in ev.changes["expenses"][1]]
        assert sorted(listed) == sorted(result.refs)  # every created expense is named in the audit


def test_repeated_import_is_refused_and_writes_nothing(loaded_store):
    imports.commit(loaded_store, imports.preview_ledes(loaded_store, ledes_bytes("two_invoices.txt"), "D1",
                                                       currency="USD"))
    before = count(loaded_store)
    p = imports.preview_ledes(loaded_store, ledes_bytes("two_invoices.txt"), "D1", currency="USD")
    assert [e.code for e in p.errors] == ["imp_duplicate_invoice", "imp_duplicate_invoice"]
    with pytest.raises(LeiError) as exc:
        imports.commit(loaded_store, p)
    assert "SL-2026-031" in exc.value.message("en") and "95-1234567" in exc.value.message("en")
    assert count(loaded_store) == before


def test_a_stale_preview_of_the_same_invoice_is_refused_at_commit(loaded_store):
    p1 = imports.preview_ledes(loaded_store, ledes_bytes("canonical_1998b.txt"), "D1", currency="USD")
    p2 = imports.preview_ledes(loaded_store, ledes_bytes("canonical_1998b.txt"), "D1", currency="USD")
    imports.commit(loaded_store, p1)
    before = count(loaded_store)
    with pytest.raises(LeiError):
        imports.commit(loaded_store, p2)
    assert count(loaded_store) == before


def test_98bi_eur_takes_the_file_currency(loaded_store):
    p = imports.preview_ledes(loaded_store, ledes_bytes("ebi_eur.txt"), "D1", currency="USD")
    assert [w.code for w in p.warnings] == ["imp_currency_file_wins"]
    imports.commit(loaded_store, p)
    items = imported(loaded_store, "DE-2026-0007")
    assert {e.currency for e in items} == {"EUR"}
    assert {e.payee for e in items} == {"Müller & Schmidt Rechtsanwälte PartG mbB"}
    # fees 1428 − 119 (IF with VAT); E110 travel 250; E112 court 1000
    assert by_category(items) == {"attorney_fees": Decimal("1309.00"), "travel_lodging": Decimal("250.00"),
                                  "court_fees": Decimal("1000.00")}


def test_1998b_without_currency_uses_the_forum_currency_with_a_warning(loaded_store):
    p = imports.preview_ledes(loaded_store, ledes_bytes("canonical_1998b.txt"), "D1")
    assert p.ok and {r.expense.currency for r in p.rows} == {"USD"}  # D1 is in the US
    assert "imp_currency_guessed" in [w.code for w in p.warnings]


def test_amount_too_precise_for_the_currency_refuses_the_file(loaded_store):
    p = imports.preview_ledes(loaded_store, ledes_bytes("canonical_1998b.txt"), "D1", currency="JPY")
    assert not p.ok and {e.code for e in p.errors} == {"money_precision"}
    assert {(e.line, e.column) for e in p.errors} >= {(3, "INVOICE_TOTAL"), (6, "LINE_ITEM_TOTAL")}  # 1684.45, 24.95
    before = count(loaded_store)
    with pytest.raises(LeiError):
        imports.commit(loaded_store, p)
    assert count(loaded_store) == before


def test_broken_header_imports_nothing(loaded_store):
    before = count(loaded_store)
    p = imports.preview_ledes(loaded_store, ledes_bytes("broken_header.txt"), "D1", currency="USD")
    assert not p.ok and not p.rows
    with pytest.raises(LeiError):
        imports.commit(loaded_store, p)
    assert count(loaded_store) == before


def test_unknown_dispute(loaded_store):
    with pytest.raises(NotFound):
        imports.preview_ledes(loaded_store, ledes_bytes("canonical_1998b.txt"), "NOPE", currency="USD")


def test_credits_survive_export_and_load(loaded_store, tmp_path):
    from lei_desktop.services import Store

    imports.commit(loaded_store, imports.preview_ledes(loaded_store, ledes_bytes("two_invoices.txt"), "D1",
                                                       currency="USD"))
    out = tmp_path / "s.json"
    scenario.export(loaded_store, out)
    with Store(tmp_path / "b.sqlite3") as other:
        scenario.load(other, out)
        again = imported(other, "SL-2026-031")
        assert sum(e.amount for e in again) == Decimal("5310.00")


# --- CSV ----------------------------------------------------------------------------------------

MAPPING = CsvMapping.from_dict({
    "columns": {"paid_on": "日期", "amount": "金额", "currency": "币种", "category": "类别", "payee": "收款方",
                "description_zh": "说明"},
    "date_order": "dmy",
})  # fmt: skip

CSV_TEXT = (
    "日期,金额,币种,类别,收款方,说明\r\n"
    '2026年4月1日,"1,234.50",USD,律师费,Smith & Lee,四月律师费\r\n'
    "2026/4/3,300,EUR,E112,LG Düsseldorf,法院费\r\n"
    '03/04/2026,"¥2,000.00",CNY,travel_lodging,国航,机票\r\n'
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_import_in_each_encoding(loaded_store, encoding):
    before = count(loaded_store)
    p = imports.preview_csv(loaded_store, CSV_TEXT.encode(encoding), "D1", MAPPING, filename="bank.csv")
    assert p.ok, [e.message() for e in p.errors]
    imports.commit(loaded_store, p)
    assert count(loaded_store) == before + 3
    new = [e for e in expenses.list_expenses(loaded_store, "D1") if e.source.startswith("csv:bank.csv:")]
    got = sorted((e.paid_on.isoformat(), e.amount, e.currency, e.category, e.payee, e.description_zh) for e in new)
    assert got == [
        ("2026-04-01", Decimal("1234.50"), "USD", "attorney_fees", "Smith & Lee", "四月律师费"),
        ("2026-04-03", Decimal("300.00"), "EUR", "court_fees", "LG Düsseldorf", "法院费"),
        ("2026-04-03", Decimal("2000.00"), "CNY", "travel_lodging", "国航", "机票"),
    ]


def test_csv_decimal_comma_and_semicolons(loaded_store):
    mapping = CsvMapping.from_dict({"columns": {"paid_on": "Datum", "amount": "Betrag"}, "decimal": ",",
                                    "date_order": "dmy", "currency": "EUR", "category": "court_fees"})
    text = "Datum;Betrag\n01.04.2026;1.234,56\n02.04.2026;7,5\n"
    p = imports.preview_csv(loaded_store, text.encode(), "D1", mapping)
    assert p.ok
    assert [(r.expense.paid_on.isoformat(), r.expense.amount) for r in p.rows] == [
        ("2026-04-01", Decimal("1234.56")), ("2026-04-02", Decimal("7.5"))]


def test_csv_errors_name_line_and_column_and_import_nothing(loaded_store):
    text = CSV_TEXT + "2026-04-05,abc,USD,律师费,x,y\r\n2026-04-06,10,USD,咖啡,x,y\r\n"
    before = count(loaded_store)
    p = imports.preview_csv(loaded_store, text.encode("gb18030"), "D1", MAPPING)
    assert [(e.line, e.column, e.code) for e in p.errors] == [(5, "金额", "csv_amount"),
                                                             (6, "类别", "imp_category_unknown")]
    assert p.errors[0].message("zh").startswith("第 5 行，金额")
    with pytest.raises(LeiError):
        imports.commit(loaded_store, p)
    assert count(loaded_store) == before


def test_csv_ambiguous_date_needs_an_explicit_order(loaded_store):
    mapping = CsvMapping.from_dict({"columns": {"paid_on": "d", "amount": "a"}, "currency": "USD",
                                    "category": "attorney_fees"})
    p = imports.preview_csv(loaded_store, b"d,a\n03/04/2026,1\n", "D1", mapping)
    assert p.errors[0].code == "csv_date_ambiguous"
    for order, expected in (("dmy", "2026-04-03"), ("mdy", "2026-03-04")):
        m = CsvMapping.from_dict({**mapping.to_dict(), "date_order": order})
        p = imports.preview_csv(loaded_store, b"d,a\n03/04/2026,1\n", "D1", m)
        assert p.rows[0].expense.paid_on.isoformat() == expected


def test_mappings_are_saved_and_reused(loaded_store, tmp_path):
    imports.save_mapping(loaded_store, "bank", MAPPING)
    assert imports.list_mappings(loaded_store) == ["bank"]
    assert imports.resolve_mapping(loaded_store, "bank") == MAPPING
    f = tmp_path / "m.json"
    f.write_text(json.dumps(MAPPING.to_dict(), ensure_ascii=False), "utf-8")
    assert imports.resolve_mapping(loaded_store, str(f)) == MAPPING
    with pytest.raises(NotFound):
        imports.resolve_mapping(loaded_store, "nope")


# --- rates --------------------------------------------------------------------------------------


def test_rates_import_with_per_100(loaded_store):
    text = b"date,currency,rate,per,source\n2026-05-06,USD,7.1015,1,CFETS\n2026-05-06,JPY,4.6321,100,CFETS\n"
    parsed = imports.preview_rates(text)
    assert not parsed.errors
    added, changed = imports.commit_rates(loaded_store, parsed)
    assert (added, changed) == (2, 0)
    jpy = [r for r in rates.list_rates(loaded_store, "JPY") if r.on_date.isoformat() == "2026-05-06"]
    assert jpy[0].rate == Decimal("4.6321") and jpy[0].per == 100


def test_bad_rates_file_writes_nothing(loaded_store):
    before = len(rates.list_rates(loaded_store))
    parsed = imports.preview_rates(b"2026-05-06,USD,7.1,1\n2026-05-07,USD,-1,1\n")
    assert parsed.errors[0].line == 2 and parsed.errors[0].column == "rate"
    with pytest.raises(LeiError):
        imports.commit_rates(loaded_store, parsed)
    assert len(rates.list_rates(loaded_store)) == before


def test_repeat_is_refused_after_a_scenario_round_trip(loaded_store, tmp_path):
    from lei_desktop.services import Store

    imports.commit(loaded_store, imports.preview_ledes(loaded_store, ledes_bytes("canonical_1998b.txt"), "D1",
                                                       currency="USD"))
    out = tmp_path / "s.json"
    scenario.export(loaded_store, out)
    with Store(tmp_path / "b.sqlite3") as other:
        scenario.load(other, out)
        p = imports.preview_ledes(other, ledes_bytes("canonical_1998b.txt"), "D1", currency="USD")
        assert [e.code for e in p.errors] == ["imp_duplicate_invoice"]


def test_invoice_total_too_precise_is_refused_in_the_preview(loaded_store):
    raw = ledes_bytes("canonical_1998b.txt").replace(b"|1684.45|", b"|1684.455|")
    p = imports.preview_ledes(loaded_store, raw, "D1", currency="USD")
    assert not p.ok and p.errors[0].column == "INVOICE_TOTAL" and p.errors[0].code == "money_precision"


def test_unknown_expense_code_and_a_bare_discount_total(loaded_store):
    raw = ledes_bytes("canonical_1998b.txt").decode()
    raw = raw.replace("|E111|", "|E999|")  # not an ABA expense code
    raw = raw.replace("|3|F|0.20|0|40|", "|3|IF|||40|")  # an adjustment line that gives only its total
    p = imports.preview_ledes(loaded_store, raw.encode(), "D1", currency="USD")
    assert p.ok, [e.message() for e in p.errors]
    warning = next(w for w in p.warnings if w.code == "imp_unknown_expense_code")
    assert "E999" in warning.message("en") and "其他" in warning.message("zh")
    meals = next(r.expense for r in p.rows if r.expense.utbms_code == "E999")
    assert meals.category == "other" and meals.amount == Decimal("24.95")


def test_fee_line_of_an_expert_stays_attorney_fees_with_a_warning(loaded_store):
    raw = ledes_bytes("canonical_1998b.txt").decode().replace("|Arroyo, Ed|PT|", "|Arroyo, Ed|EXPERT|", 1)
    p = imports.preview_ledes(loaded_store, raw.encode(), "D1", currency="USD")
    assert p.ok and p.rows[0].expense.category == "attorney_fees"
    assert [(w.line, w.code) for w in p.warnings] == [(3, "imp_fee_by_expert")]


def test_payee_and_paid_on_options(loaded_store):
    from datetime import date

    p = imports.preview_ledes(loaded_store, ledes_bytes("canonical_1998b.txt"), "D1", currency="USD",
                              payee="Smith & Lee LLP", paid_on=date(2026, 4, 1))
    assert {(r.expense.payee, r.expense.paid_on) for r in p.rows} == {("Smith & Lee LLP", date(2026, 4, 1))}


def test_a_collision_during_commit_is_a_conflict_and_writes_nothing(loaded_store, monkeypatch):
    p = imports.preview_ledes(loaded_store, ledes_bytes("canonical_1998b.txt"), "D1", currency="USD")
    real = imports._next_numbers
    monkeypatch.setattr(imports, "_next_numbers", lambda s, prefix, n: ["E1"] * n)  # refs already in use
    before = count(loaded_store)
    with pytest.raises(LeiError) as exc:
        imports.commit(loaded_store, p)
    assert exc.value.code == "imp_concurrent" and count(loaded_store) == before
    monkeypatch.setattr(imports, "_next_numbers", real)
    assert len(imports.commit(loaded_store, p).refs) == 5


def test_nul_characters_are_dropped_so_every_database_takes_the_text(loaded_store):
    raw = ledes_bytes("canonical_1998b.txt").replace(b"Airfare", b"Air\x00fare")
    p = imports.preview_ledes(loaded_store, raw, "D1", currency="USD")
    assert "ledes_nul_dropped" in [w.code for w in p.warnings]
    imports.commit(loaded_store, p)
    assert any(e.description_en == "Airfare" for e in expenses.list_expenses(loaded_store, "D1"))


def test_an_overlong_invoice_number_is_refused_not_truncated(loaded_store):
    raw = ledes_bytes("canonical_1998b.txt").replace(b"|96542|", b"|" + b"9" * 101 + b"|")
    p = imports.preview_ledes(loaded_store, raw, "D1", currency="USD")
    assert [(e.line, e.column, e.code) for e in p.errors] == [(3, "INVOICE_NUMBER", "too_long")]


def test_an_absurd_amount_is_refused(loaded_store):
    raw = ledes_bytes("canonical_1998b.txt").replace(b"|289.5|19990116|", b"|99999999999999999999.5|19990116|")
    p = imports.preview_ledes(loaded_store, raw, "D1", currency="USD")
    assert [(e.line, e.column, e.code) for e in p.errors] == [(7, "LINE_ITEM_TOTAL", "out_of_range")]


def test_an_absurd_csv_amount_is_refused(loaded_store):
    p = imports.preview_csv(loaded_store, "日期,金额,币种,类别,收款方,说明\n2026-04-01,1e30,USD,律师费,x,y\n"
                            "2026-04-01,\"123,456,789,012,345,678\",USD,律师费,x,y\n".encode(), "D1", MAPPING)
    assert [(e.line, e.column, e.code) for e in p.errors] == [(2, "金额", "csv_amount"), (3, "金额", "out_of_range")]


def test_lines_of_one_invoice_are_not_each_others_duplicates(loaded_store):
    from lei_desktop.domain.model import Expense
    from lei_desktop.services.expense_table import duplicates

    result = imports.commit(loaded_store, imports.preview_ledes(loaded_store, ledes_bytes("canonical_1998b.txt"),
                                                                "D1", currency="USD"))
    first = result.refs[0]
    assert duplicates(loaded_store, "24-6437381", "96542", exclude_ref=first) == []
    expenses.create_expense(loaded_store, Expense(ref="TYPED", dispute="D1", category="attorney_fees",
                                                  amount=Decimal("630.00"), currency="USD", payee="24-6437381",
                                                  invoice_number="96542"))
    assert [d.ref for d in duplicates(loaded_store, "24-6437381", "96542", exclude_ref=first)] == ["TYPED"]
    assert len(duplicates(loaded_store, "24-6437381", "96542", exclude_ref="TYPED")) == 5
