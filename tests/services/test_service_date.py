"""expense.service_date: stored from LEDES LINE_ITEM_DATE and from a mapped CSV column, kept by
scenario files (byte-identical round trip), shown in the Excel ledger, kept when an expense is edited."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from openpyxl import load_workbook

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.validation import expense_from_dict
from lei_desktop.formats.csv_import import CsvMapping
from lei_desktop.formats.excel import LEDGER_COLUMNS
from lei_desktop.services import Store, expenses, exports, imports, scenario
from tests.services.test_imports import imported, ledes_bytes


def _ledes_dates(name: str) -> dict[str, date]:
    """LINE_ITEM_NUMBER -> LINE_ITEM_DATE of invoice SL-2026-031, read straight from the file."""
    lines = [ln.rstrip().removesuffix("[]") for ln in ledes_bytes(name).decode("utf-8").splitlines()[1:] if ln.strip()]
    header = lines[0].split("|")
    out = {}
    for ln in lines[1:]:
        row = dict(zip(header, ln.split("|"), strict=False))
        if row["INVOICE_NUMBER"] == "SL-2026-031" and row["LINE_ITEM_DATE"].strip():
            out[row["LINE_ITEM_NUMBER"]] = date.fromisoformat(
                f"{row['LINE_ITEM_DATE'][:4]}-{row['LINE_ITEM_DATE'][4:6]}-{row['LINE_ITEM_DATE'][6:8]}")
    return out


def test_ledes_line_item_date_is_stored(loaded_store):
    imports.commit(loaded_store, imports.preview_ledes(loaded_store, ledes_bytes("two_invoices.txt"), "D1",
                                                       currency="USD"))
    want = _ledes_dates("two_invoices.txt")
    assert want  # the sample has dated lines
    got = {e.source.split(":")[3]: e.service_date for e in imported(loaded_store, "SL-2026-031")}
    for number, day in want.items():
        assert got[number] == day, number
    # the full record (not only the table's) and the expense table's rows agree
    e = imported(loaded_store, "SL-2026-031")[0]
    assert expenses.get_expense(loaded_store, e.ref).service_date == e.service_date is not None


def test_csv_service_date_column(loaded_store):
    mapping = CsvMapping.from_dict({"columns": {"paid_on": "paid", "amount": "amount", "service_date": "worked"},
                                    "currency": "USD", "category": "attorney_fees"})
    text = "paid,amount,worked\n2026-04-10,100,2026-03-28\n2026-04-11,50,\n"
    p = imports.preview_csv(loaded_store, text.encode(), "D1", mapping, filename="w.csv")
    assert p.ok, [e.message() for e in p.errors]
    assert [r.expense.service_date for r in p.rows] == [date(2026, 3, 28), None]
    imports.commit(loaded_store, p)
    new = sorted((e.amount, e.service_date) for e in expenses.list_expenses(loaded_store, "D1")
                 if e.source.startswith("csv:w.csv:"))
    assert new == [(50, None), (100, date(2026, 3, 28))]
    bad = "paid,amount,worked\n2026-04-10,100,28 March\n"
    p = imports.preview_csv(loaded_store, bad.encode(), "D1", mapping, filename="x.csv")
    assert [(e.line, e.column, e.code) for e in p.errors] == [(2, "worked", "csv_date")]


def test_scenario_round_trip_keeps_it_byte_for_byte(loaded_store, tmp_path):
    imports.commit(loaded_store, imports.preview_ledes(loaded_store, ledes_bytes("two_invoices.txt"), "D1",
                                                       currency="USD"))
    first = tmp_path / "one" / "s.json"
    scenario.export(loaded_store, first)
    doc = json.loads(first.read_text("utf-8"))
    dated = [e for e in doc["expenses"] if "service_date" in e]
    assert dated and all(e["source"].startswith("ledes:") for e in dated)
    assert all("service_date" not in e for e in doc["expenses"] if e["ref"] in ("E1", "E2", "E3", "E4"))
    with Store(tmp_path / "b.sqlite3") as other:
        scenario.load(other, first)
        second = tmp_path / "two" / "s.json"
        scenario.export(other, second)
    assert first.read_bytes() == second.read_bytes()


def test_bad_service_date_in_a_scenario_names_the_path(tmp_path, example_path, store):
    doc = json.loads(example_path.read_text("utf-8"))
    doc["expenses"][1]["service_date"] = "2026-02-30"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    with pytest.raises(ValidationError) as exc:
        scenario.load(store, path)
    assert exc.value.field == "expenses[1].service_date"


def test_editing_an_expense_keeps_its_service_date(loaded_store):
    e = expenses.get_expense(loaded_store, "E1")
    dated = expenses.update_expense(loaded_store, "E1", replace(e, service_date=date(2026, 3, 1)),
                                    expected_version=e.version)
    d = {"ref": "E1", "dispute": "D1", "category": dated.category, "amount": "12500.00", "currency": "USD",
         "payee": "changed payee", "service_date": dated.service_date}  # as the expense editor sends it
    after = expenses.update_expense(loaded_store, "E1", expense_from_dict(d), expected_version=dated.version)
    assert after.payee == "changed payee" and after.service_date == date(2026, 3, 1)


def test_excel_ledger_shows_it(loaded_store, tmp_path):
    e = expenses.get_expense(loaded_store, "E2")
    expenses.update_expense(loaded_store, "E2", replace(e, service_date=date(2026, 2, 14)), expected_version=e.version)
    out = tmp_path / "ledger.xlsx"
    exports.export_xlsx(loaded_store, out)
    wb = load_workbook(out)
    ws = next(w for w in wb.worksheets if w.title.startswith("Ledger"))
    header = [c.value for c in ws[1]]
    col = header.index("服务日期\nService date") + 1
    assert col == len(LEDGER_COLUMNS)
    rows = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=col).value for r in range(2, ws.max_row + 1)}
    assert rows["E2"].date() == date(2026, 2, 14) and rows["E1"] is None
    assert ws.cell(row=next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == "E2"),
                   column=col).number_format != "General"
