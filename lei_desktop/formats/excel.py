"""Workbooks out (openpyxl): the expense ledger and claim schedules, headers in both languages.

Plain data in: :class:`LedgerRow` objects and claim assessment dicts (the shape of
``lei-cli claim assess --json``). Numbers are written as numbers (``Decimal``, exact), each with a
number format naming its currency; totals are in CNY. :func:`workbook_bytes` returns the file's
bytes so the caller writes them atomically.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from lei_desktop.domain import categories as cats
from lei_desktop.domain.money import MINOR_UNITS

HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
BOLD = Font(bold=True)
CNY_FORMAT = '"¥"#,##0.00;-"¥"#,##0.00'
RATE_FORMAT = "0.0000##"
DATE_FORMAT = "yyyy-mm-dd"


def money_format(currency: str) -> str:
    """``#,##0.00 "USD"`` with as many decimals as the currency has."""
    digits = MINOR_UNITS.get(currency, 2)
    body = "#,##0" + ("." + "0" * digits if digits else "")
    return f'{body} "{currency}";-{body} "{currency}"'


@dataclass(frozen=True)
class LedgerRow:
    ref: str
    dispute: str
    category: str
    payee: str
    invoice_number: str
    invoice_date: date | None
    paid_on: date | None
    amount: Decimal
    currency: str
    rate: Decimal | None
    rate_per: int | None
    rate_date: date | None
    cny: Decimal | None
    utbms_code: str = ""
    description_zh: str = ""
    description_en: str = ""
    source: str = ""
    service_date: date | None = None  # LEDES LINE_ITEM_DATE or a mapped CSV column


LEDGER_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("编号", "Ref", 10),
    ("纠纷", "Dispute", 9),
    ("费用类别", "Category", 26),
    ("收款方", "Payee", 24),
    ("发票号", "Invoice no.", 16),
    ("发票日期", "Invoice date", 12),
    ("付款日期", "Paid on", 12),
    ("金额", "Amount", 16),
    ("币种", "Currency", 8),
    ("汇率", "Rate", 10),
    ("单位", "Per", 6),
    ("汇率日期", "Rate date", 12),
    ("人民币金额", "CNY", 16),
    ("UTBMS", "UTBMS", 8),
    ("中文说明", "Description (zh)", 30),
    ("英文说明", "Description (en)", 40),
    ("来源", "Source", 24),
    ("服务日期", "Service date", 12),  # last, so the earlier columns keep their places
)


def _header(ws, columns: Sequence[tuple[str, str, int]], row: int = 1) -> None:
    for i, (zh, en, width) in enumerate(columns, 1):
        cell = ws.cell(row=row, column=i, value=f"{zh}\n{en}")
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.row_dimensions[row].height = 30


def _put(ws, row: int, col: int, value, fmt: str | None = None):
    cell = ws.cell(row=row, column=col, value=value)
    if fmt and value is not None:
        cell.number_format = fmt
    return cell


def write_ledger(wb: Workbook, rows: Iterable[LedgerRow], title: str = "Ledger 费用台账") -> dict:
    """The ledger sheet; returns ``{"rows": n, "cny_total": Decimal, "missing_rate": n}``."""
    ws = wb.create_sheet(title[:31])
    _header(ws, LEDGER_COLUMNS)
    ws.freeze_panes = "A2"
    total = Decimal("0.00")
    n = missing = 0
    r = 1
    for item in rows:
        r += 1
        n += 1
        values = [
            (item.ref, None), (item.dispute, None),
            (f"{cats.label(item.category, 'zh')} / {cats.label(item.category, 'en')}", None),
            (item.payee, None), (item.invoice_number, None),
            (item.invoice_date, DATE_FORMAT), (item.paid_on, DATE_FORMAT),
            (item.amount, money_format(item.currency)), (item.currency, None),
            (item.rate, RATE_FORMAT), (item.rate_per, "0"), (item.rate_date, DATE_FORMAT),
            (item.cny, CNY_FORMAT), (item.utbms_code or None, None),
            (item.description_zh or None, None), (item.description_en or None, None), (item.source or None, None),
            (item.service_date, DATE_FORMAT),
        ]  # fmt: skip
        for c, (value, fmt) in enumerate(values, 1):
            _put(ws, r, c, value, fmt)
        if item.cny is None:
            missing += 1
        else:
            total += item.cny
    r += 1
    _put(ws, r, 12, "合计 Total (CNY)").font = BOLD
    _put(ws, r, 13, total, CNY_FORMAT).font = BOLD
    if missing:
        _put(ws, r + 1, 12, f"无汇率 No rate: {missing}")
    ws.auto_filter.ref = f"A1:{get_column_letter(len(LEDGER_COLUMNS))}{max(r - 1, 1)}"
    return {"rows": n, "cny_total": total, "missing_rate": missing}


SCHEDULE_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("费用编号", "Expense", 10),
    ("费用类别", "Category", 26),
    ("金额", "Amount", 16),
    ("币种", "Currency", 8),
    ("汇率", "Rate", 10),
    ("单位", "Per", 6),
    ("汇率日期", "Rate date", 12),
    ("人民币金额", "CNY", 16),
    ("认可金额", "Covered CNY", 16),
    ("结论", "Decision", 14),
    ("原因", "Reasons", 50),
)

SUMMARY_KEYS: tuple[tuple[str, str, str], ...] = (
    ("gross", "费用合计", "Gross"),
    ("covered", "认可费用", "Covered"),
    ("deductible_applied", "免赔额", "Deductible applied"),
    ("coinsurance", "赔付比例", "Coinsurance"),
    ("insurer_share", "保险人承担", "Insurer share"),
    ("payable", "应付赔款", "Payable"),
)


def _dec(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def _date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def write_schedule(wb: Workbook, assessment: dict, title: str) -> None:
    """One claim's schedule from its assessment dict (``claim assess --json``)."""
    ws = wb.create_sheet(title[:31])
    ws.cell(row=1, column=1, value=f"理赔 Claim {assessment.get('claim', '')}").font = Font(bold=True, size=13)
    ws.cell(row=2, column=1, value=f"纠纷 Dispute: {assessment.get('dispute', '')}")
    ws.cell(row=2, column=4, value=f"状态 Status: {assessment.get('status', '')}")
    _header(ws, SCHEDULE_COLUMNS, row=4)
    ws.freeze_panes = "A5"
    r = 4
    for line in assessment.get("lines", []) or []:
        r += 1
        currency = str(line.get("currency", ""))
        reasons = "; ".join(f"{x.get('zh', '')} / {x.get('en', '')}" for x in line.get("reasons", []) or [])
        category = str(line.get("category", ""))
        values = [
            (line.get("expense"), None),
            (f"{cats.label(category, 'zh')} / {cats.label(category, 'en')}", None),
            (_dec(line.get("amount")), money_format(currency)), (currency, None),
            (_dec(line.get("rate")), RATE_FORMAT), (line.get("rate_per"), "0"),
            (_date(line.get("rate_date")), DATE_FORMAT),
            (_dec(line.get("cny")), CNY_FORMAT), (_dec(line.get("covered_cny")), CNY_FORMAT),
            (line.get("decision"), None), (reasons or None, None),
        ]  # fmt: skip
        for c, (value, fmt) in enumerate(values, 1):
            _put(ws, r, c, value, fmt)
    r += 2
    for key, zh, en in SUMMARY_KEYS:
        if key not in assessment:
            continue
        _put(ws, r, 7, f"{zh} {en}").font = BOLD
        value = _dec(assessment.get(key))
        _put(ws, r, 8, value, "0.00%" if key == "coinsurance" else CNY_FORMAT).font = BOLD
        r += 1
    if assessment.get("payable_in_words"):
        _put(ws, r, 7, "大写 In words").font = BOLD
        _put(ws, r, 8, assessment["payable_in_words"])


SUMMARY_COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("纠纷", "Dispute", 10),
    ("费用类别", "Category", 34),
    ("笔数", "Lines", 8),
    ("人民币金额", "CNY", 18),
    ("无汇率笔数", "Lines without a rate", 14),
)


def write_summary(wb: Workbook, rows: Sequence[LedgerRow], title: str = "Summary 汇总") -> None:
    """CNY by dispute and category, with a grand total (lines without a rate are counted apart)."""
    ws = wb.create_sheet(title[:31])
    _header(ws, SUMMARY_COLUMNS)
    groups: dict[tuple[str, str], list[LedgerRow]] = {}
    for item in rows:
        groups.setdefault((item.dispute, item.category), []).append(item)
    order = {c: i for i, c in enumerate(cats.CATEGORY_CODES)}
    r = 1
    grand = Decimal("0.00")
    for (dispute, category), items in sorted(groups.items(), key=lambda kv: (kv[0][0], order.get(kv[0][1], 99))):
        r += 1
        cny = sum((i.cny for i in items if i.cny is not None), Decimal("0.00"))
        grand += cny
        _put(ws, r, 1, dispute)
        _put(ws, r, 2, f"{cats.label(category, 'zh')} / {cats.label(category, 'en')}")
        _put(ws, r, 3, len(items), "0")
        _put(ws, r, 4, cny, CNY_FORMAT)
        _put(ws, r, 5, sum(1 for i in items if i.cny is None), "0")
    r += 1
    _put(ws, r, 2, "合计 Total (CNY)").font = BOLD
    _put(ws, r, 4, grand, CNY_FORMAT).font = BOLD


def workbook_bytes(ledger: Iterable[LedgerRow], schedules: Sequence[dict] = ()) -> tuple[bytes, list[str], dict]:
    """The workbook as bytes, its sheet names, and the ledger summary."""
    wb = Workbook()
    wb.remove(wb.active)
    ledger = list(ledger)
    summary = write_ledger(wb, ledger)
    write_summary(wb, ledger)
    used = {"Ledger 费用台账", "Summary 汇总"}
    for a in schedules:
        name = re.sub(r"[\[\]:*?/\\]", "_", f"Claim {a.get('claim', '')}")[:31]
        base, k = name, 2
        while name in used:
            name = f"{base[:28]}~{k}"
            k += 1
        used.add(name)
        write_schedule(wb, a, name)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue(), wb.sheetnames, summary
