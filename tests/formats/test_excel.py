"""Excel export: numbers as numbers with currency formats, bilingual headers, totals in CNY."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import load_workbook

from lei_desktop.domain import categories as cats
from lei_desktop.formats import excel
from lei_desktop.services import exports


def test_ledger_converts_at_the_policy_basis(loaded_store):
    rows = {r.ref: r for r in exports.ledger_rows(loaded_store, "D1")}
    # example rates: USD 7.1234 per 1 on 2026-04-01, JPY 4.6128 per 100 on 2026-04-02
    assert rows["E1"].cny == (Decimal("12500.00") * Decimal("7.1234")).quantize(Decimal("0.01"))  # 89042.50
    assert rows["E2"].rate_per == 100
    assert rows["E2"].cny == (Decimal(1_000_000) * Decimal("4.6128") / 100).quantize(Decimal("0.01"))  # 46128.00


def test_workbook_cells(loaded_store, tmp_path):
    out = tmp_path / "b.xlsx"
    sheets = exports.export_xlsx(loaded_store, out)
    assert sheets[0].startswith("Ledger")
    ledger = exports.ledger_rows(loaded_store)
    ws = load_workbook(out)[sheets[0]]
    header = [c.value for c in ws[1]]
    assert "金额\nAmount" in header and "人民币金额\nCNY" in header
    amount_col = header.index("金额\nAmount") + 1
    cny_col = header.index("人民币金额\nCNY") + 1
    by_ref = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    r = by_ref["E2"]
    assert ws.cell(row=r, column=amount_col).value == 1_000_000
    assert '"JPY"' in ws.cell(row=r, column=amount_col).number_format
    assert ".00" not in ws.cell(row=r, column=amount_col).number_format.split(";")[0]  # JPY has no minor unit
    assert "¥" in ws.cell(row=r, column=cny_col).number_format
    total_row = next(i for i in range(2, ws.max_row + 1) if ws.cell(row=i, column=cny_col - 1).value == "合计 Total (CNY)")
    expected = sum((x.cny for x in ledger if x.cny is not None), Decimal("0.00"))
    assert Decimal(str(ws.cell(row=total_row, column=cny_col).value)) == expected


def test_schedule_sheet_from_an_assessment_dict():
    doc = {"claim": "CL-1", "dispute": "D1", "status": "draft",
           "lines": [{"expense": "E1", "category": "attorney_fees", "amount": "12500.00", "currency": "USD",
                      "rate": "7.1234", "rate_per": 1, "rate_date": "2026-04-01", "cny": "89042.50",
                      "covered_cny": "89042.50", "decision": "covered", "reasons": []}],
           "gross": "89042.50", "covered": "89042.50", "deductible_applied": "20000.00", "coinsurance": "0.80",
           "insurer_share": "55234.00", "payable": "55234.00", "payable_in_words": "人民币伍万伍仟贰佰叁拾肆元整"}
    data, names, _ = excel.workbook_bytes([], [doc, doc])
    assert names == ["Ledger 费用台账", "Summary 汇总", "Claim CL-1", "Claim CL-1~2"]
    import io

    wb = load_workbook(io.BytesIO(data))
    ws = wb["Claim CL-1"]
    values = [c.value for row in ws.iter_rows() for c in row]
    assert 12500 in values and 89042.5 in values and "人民币伍万伍仟贰佰叁拾肆元整" in values


def test_summary_sheet_adds_up_by_category(loaded_store, tmp_path):
    out = tmp_path / "b.xlsx"
    exports.export_xlsx(loaded_store, out)
    ws = load_workbook(out)["Summary 汇总"]
    ledger = exports.ledger_rows(loaded_store)
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    body, total = rows[:-1], rows[-1]
    for dispute, label, lines, cny, _missing in body:
        code = next(c for c in {r.category for r in ledger} if label.endswith(cats.label(c, "en")))
        mine = [r for r in ledger if r.dispute == dispute and r.category == code]
        assert lines == len(mine)
        assert Decimal(str(cny)) == sum((r.cny for r in mine if r.cny is not None), Decimal("0.00"))
    assert Decimal(str(total[3])) == sum((r.cny for r in ledger if r.cny is not None), Decimal("0.00"))
