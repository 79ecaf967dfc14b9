"""LEDES 1998B and LEDES98BI V2 invoice files -> plain invoice objects (no store).

Reading is tolerant of what real files do: CRLF or LF (or CR) line ends, records ending in
``[]`` with or without a newline (several records on one physical line), spaces after ``[]``,
a UTF-8 byte-order mark, blank lines, several invoices in one file, empty optional fields.
Narratives (``LINE_ITEM_DESCRIPTION``) are kept exactly as written, non-ASCII and markup-like
text included; a ``[]`` inside a narrative is kept when the field count shows it is not a record
end.

What is checked:

- line 1 names the format (``LEDES1998B`` or ``LEDES98BI V2``) and line 2 is the header with
  exactly that format's field names (any order is accepted with a warning; missing, unknown or
  repeated names are errors, each named);
- every line item has as many fields as the header, a type ``F``/``E``/``IF``/``IE``, dates
  ``YYYYMMDD`` and plain decimal amounts; these are **errors** naming line and field;
- arithmetic is reported as **warnings**: units × unit cost + adjustment (+ line tax in 98BI)
  = line total; the line totals = ``INVOICE_TOTAL``; in 98BI the tax and net totals.

:func:`read` never raises for any input: it returns a :class:`LedesFile` whose ``errors`` say
why the file must be refused.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from lei_desktop.domain.messages import register
from lei_desktop.domain.money import MINOR_UNITS, round_half_up
from lei_desktop.formats.problems import LineProblem

FIELDS_1998B: tuple[str, ...] = (
    "INVOICE_DATE", "INVOICE_NUMBER", "CLIENT_ID", "LAW_FIRM_MATTER_ID", "INVOICE_TOTAL",
    "BILLING_START_DATE", "BILLING_END_DATE", "INVOICE_DESCRIPTION", "LINE_ITEM_NUMBER",
    "EXP/FEE/INV_ADJ_TYPE", "LINE_ITEM_NUMBER_OF_UNITS", "LINE_ITEM_ADJUSTMENT_AMOUNT",
    "LINE_ITEM_TOTAL", "LINE_ITEM_DATE", "LINE_ITEM_TASK_CODE", "LINE_ITEM_EXPENSE_CODE",
    "LINE_ITEM_ACTIVITY_CODE", "TIMEKEEPER_ID", "LINE_ITEM_DESCRIPTION", "LAW_FIRM_ID",
    "LINE_ITEM_UNIT_COST", "TIMEKEEPER_NAME", "TIMEKEEPER_CLASSIFICATION", "CLIENT_MATTER_ID",
)  # fmt: skip

FIELDS_98BI: tuple[str, ...] = FIELDS_1998B + (
    "PO_NUMBER", "CLIENT_TAX_ID", "MATTER_NAME", "INVOICE_TAX_TOTAL", "INVOICE_NET_TOTAL",
    "INVOICE_CURRENCY", "TIMEKEEPER_LAST_NAME", "TIMEKEEPER_FIRST_NAME", "ACCOUNT_TYPE",
    "LAW_FIRM_NAME", "LAW_FIRM_ADDRESS_1", "LAW_FIRM_ADDRESS_2", "LAW_FIRM_CITY",
    "LAW_FIRM_STATEorREGION", "LAW_FIRM_POSTCODE", "LAW_FIRM_COUNTRY", "CLIENT_NAME",
    "CLIENT_ADDRESS_1", "CLIENT_ADDRESS_2", "CLIENT_CITY", "CLIENT_STATEorREGION",
    "CLIENT_POSTCODE", "CLIENT_COUNTRY", "LINE_ITEM_TAX_RATE", "LINE_ITEM_TAX_TOTAL",
    "LINE_ITEM_TAX_TYPE", "INVOICE_REPORTED_TAX_TOTAL", "INVOICE_TAX_CURRENCY",
)  # fmt: skip

FORMATS = {"1998B": FIELDS_1998B, "98BI": FIELDS_98BI}
FORMAT_IDS = {"LEDES1998B": "1998B", "LEDES98BIV2": "98BI", "LEDES98BI": "98BI"}
LINE_TYPES = ("F", "E", "IF", "IE")
TYPE_FIELD = "EXP/FEE/INV_ADJ_TYPE"

register(
    {
        "ledes_empty": ("文件为空", "the file is empty"),
        "ledes_format_line": (
            "第一行应为 “LEDES1998B[]” 或 “LEDES98BI V2[]”，实际为 “{found}”",
            "the first line must be 'LEDES1998B[]' or 'LEDES98BI V2[]', found '{found}'",
        ),
        "ledes_no_header": ("缺少第二行的字段名表头", "the header line (line 2, the field names) is missing"),
        "ledes_header_missing": (
            "表头缺少 LEDES {format} 字段：{names}",
            "the header lacks the LEDES {format} field(s): {names}",
        ),
        "ledes_header_unknown": (
            "表头第 {position} 个字段 “{name}” 不是 LEDES {format} 字段",
            "header field {position} '{name}' is not a LEDES {format} field",
        ),
        "ledes_header_other_format": (
            "表头是 LEDES {other} 的 {count} 个字段，但第一行声明为 LEDES {format}",
            "the header has the {count} fields of LEDES {other}, but line 1 says LEDES {format}",
        ),
        "ledes_header_repeated": ("表头字段 “{name}” 出现了不止一次", "header field '{name}' appears more than once"),
        "ledes_header_order": (
            "表头字段顺序与 LEDES {format} 规范不同（按字段名读取）",
            "the header fields are not in the LEDES {format} order (read by name)",
        ),
        "ledes_no_lines": ("文件中没有明细行", "the file holds no line items"),
        "ledes_field_count": (
            "有 {found} 个字段，表头有 {expected} 个",
            "has {found} fields, the header has {expected}",
        ),
        "ledes_required": ("必填字段为空", "is required but empty"),
        "ledes_date": ("日期应为 YYYYMMDD，收到 “{value}”", "must be a date YYYYMMDD, got '{value}'"),
        "ledes_decimal": (
            "应为不带千位分隔符、以 “.” 为小数点的数字，收到 “{value}”",
            "must be a plain decimal number with '.' and no thousands separator, got '{value}'",
        ),
        "ledes_type": (
            "类型应为 F、E、IF 或 IE，收到 “{value}”",
            "the type must be F, E, IF or IE, got '{value}'",
        ),
        "ledes_currency": ("“{value}” 不是 ISO 4217 货币代码", "'{value}' is not an ISO 4217 currency code"),
        "ledes_currency_changes": (
            "同一发票 {invoice} 的币种不一致：{first} 与 {other}",
            "invoice {invoice} changes currency: {first} and {other}",
        ),
        "ledes_line_math": (
            "数量 × 单价 + 调整{tax} = {expected}，但明细合计为 {total}",
            "units × unit cost + adjustment{tax} = {expected}, but LINE_ITEM_TOTAL is {total}",
        ),
        "ledes_invoice_math": (
            "发票 {invoice} 各明细合计 {lines}，与 INVOICE_TOTAL {total} 不符",
            "invoice {invoice}: the line totals add up to {lines}, but INVOICE_TOTAL is {total}",
        ),
        "ledes_tax_math": (
            "发票 {invoice} 各明细税额合计 {lines}，与 INVOICE_TAX_TOTAL {total} 不符",
            "invoice {invoice}: the line taxes add up to {lines}, but INVOICE_TAX_TOTAL is {total}",
        ),
        "ledes_net_math": (
            "发票 {invoice}：INVOICE_TOTAL − INVOICE_TAX_TOTAL = {expected}，但 INVOICE_NET_TOTAL 为 {net}",
            "invoice {invoice}: INVOICE_TOTAL − INVOICE_TAX_TOTAL = {expected}, but INVOICE_NET_TOTAL is {net}",
        ),
        "ledes_invoice_field_changes": (
            "发票 {invoice} 的 {name} 与第一行不同（{first} / {other}），以第一行为准",
            "invoice {invoice}: {name} differs from its first line ({first} / {other}); the first counts",
        ),
        "ledes_line_number_repeated": (
            "发票 {invoice} 的明细编号 {number} 重复",
            "invoice {invoice}: line item number {number} is used twice",
        ),
        "ledes_decoded_as": (
            "文件不是 UTF-8 编码，已按 {encoding} 读取",
            "the file is not UTF-8; it was read as {encoding}",
        ),
        "ledes_nul_dropped": ("文件含有 NUL 字符，已删除", "the file holds NUL characters; they were dropped"),
        "ledes_missing_recommended": ("字段为空（规范要求填写）", "is empty (the format requires it)"),
    }
)

_DECIMAL = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_DATE8 = re.compile(r"^\d{8}$")
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(slots=True)
class LedesLine:
    """One line item: the typed fields the importer needs and every raw field by name.
    (Not frozen, for speed on 10,000-line files; treat it as read-only.)"""

    line_no: int  # the record's line in the file (1-based; the format line is 1)
    kind: str  # F | E | IF | IE
    line_item_number: str
    total: Decimal
    units: Decimal | None
    unit_cost: Decimal | None
    adjustment: Decimal | None
    line_date: date | None
    task_code: str
    expense_code: str
    activity_code: str
    description: str  # exactly as in the file
    timekeeper_id: str = ""
    timekeeper_name: str = ""
    timekeeper_classification: str = ""
    tax_total: Decimal | None = None  # 98BI
    tax_rate: Decimal | None = None  # 98BI
    raw: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def get(self, name: str) -> str:
        return self.raw.get(name, "")


@dataclass(frozen=True)
class LedesInvoice:
    """One invoice (law firm + invoice number); invoice-level fields come from its first line."""

    law_firm_id: str
    invoice_number: str
    invoice_date: date | None
    invoice_total: Decimal | None
    currency: str  # from INVOICE_CURRENCY (98BI), "" when the file does not say
    client_id: str = ""
    law_firm_matter_id: str = ""
    client_matter_id: str = ""
    billing_start: date | None = None
    billing_end: date | None = None
    description: str = ""
    law_firm_name: str = ""  # 98BI
    tax_total: Decimal | None = None  # 98BI
    net_total: Decimal | None = None  # 98BI
    first_line: int = 0
    lines: tuple[LedesLine, ...] = ()

    @property
    def lines_total(self) -> Decimal:
        return sum((ln.total for ln in self.lines), Decimal(0))


@dataclass(frozen=True)
class LedesFile:
    format: str  # "1998B" | "98BI" | "" when line 1 is unreadable
    invoices: tuple[LedesInvoice, ...] = ()
    errors: tuple[LineProblem, ...] = ()
    warnings: tuple[LineProblem, ...] = ()
    encoding: str = "utf-8"

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def line_count(self) -> int:
        return sum(len(i.lines) for i in self.invoices)


# --- decoding and records ---------------------------------------------------------------------


def decode(data: bytes | str) -> tuple[str, str]:
    """Text and the encoding used: UTF-8 (BOM dropped), else Windows-1252, else Latin-1."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # "Unicode" as Windows Notepad saves it
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding), "utf-8" if encoding == "utf-8-sig" else encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def records(text: str, width_after_header: bool = True) -> list[tuple[int, str]]:
    """``(line number, record text)`` for every non-blank record, ``[]`` ends removed.

    A physical line may hold several records (each ending ``[]``); once the header is known, a
    ``[]`` that would leave a record with too few fields is taken as part of a narrative.
    """
    out: list[tuple[int, str]] = []
    expected_pipes: int | None = None
    for line_no, physical in enumerate(_NEWLINE.split(text), 1):
        pieces = physical.split("[]")
        pending: str | None = None
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            current = piece if pending is None else f"{pending}[]{piece}"
            if last and pending is None and not piece.strip():
                break  # what follows the final "[]": nothing, or trailing spaces
            if (
                width_after_header
                and expected_pipes is not None
                and not last
                and current.count("|") < expected_pipes
            ):
                pending = current
                continue
            if last and pending is not None and not piece.strip():
                current = pending  # "...[]   " : the record ended at the "[]"
            pending = None
            if current.strip():
                out.append((line_no, current.rstrip(" \t") if current.count("|") else current.strip()))
                if len(out) == 2 and expected_pipes is None:
                    expected_pipes = current.count("|")
    return out


# --- field parsing ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def _decimal(value: str) -> Decimal | None:
    v = value.strip()
    if not _DECIMAL.match(v):
        return None
    try:
        return Decimal(v)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid literals
        return None


@functools.lru_cache(maxsize=8192)
def _date(value: str) -> date | None:
    v = value.strip()
    if not _DATE8.match(v):
        return None
    try:
        return date(int(v[:4]), int(v[4:6]), int(v[6:]))
    except ValueError:
        return None


class _Row:
    """Typed access to one record's fields, collecting problems."""

    def __init__(self, line_no: int, values: dict[str, str], errors: list[LineProblem]) -> None:
        self.line_no = line_no
        self.values = values
        self.errors = errors

    def text(self, name: str, required: bool = False) -> str:
        v = self.values.get(name, "").strip()
        if required and not v:
            self.errors.append(LineProblem("ledes_required", self.line_no, name))
        return v

    def decimal(self, name: str, required: bool = False) -> Decimal | None:
        raw = self.values.get(name, "")
        if not raw.strip():
            if required:
                self.errors.append(LineProblem("ledes_required", self.line_no, name))
            return None
        d = _decimal(raw)
        if d is None:
            self.errors.append(LineProblem("ledes_decimal", self.line_no, name, value=raw.strip()[:40]))
        return d

    def date(self, name: str, required: bool = False) -> date | None:
        raw = self.values.get(name, "")
        if not raw.strip():
            if required:
                self.errors.append(LineProblem("ledes_required", self.line_no, name))
            return None
        d = _date(raw)
        if d is None:
            self.errors.append(LineProblem("ledes_date", self.line_no, name, value=raw.strip()[:40]))
        return d


def _fmt(d: Decimal) -> str:
    return format(d, "f")


# --- the reader -------------------------------------------------------------------------------


def _check_header(fmt: str, line_no: int, names: list[str], errors: list, warnings: list) -> None:
    expected = FORMATS[fmt]
    other = "98BI" if fmt == "1998B" else "1998B"
    if tuple(names) == FORMATS[other]:
        errors.append(LineProblem("ledes_header_other_format", line_no, format=fmt, other=other,
                                  count=len(names)))
        return
    seen: set[str] = set()
    for position, name in enumerate(names, 1):
        if name in seen:
            errors.append(LineProblem("ledes_header_repeated", line_no, name=name))
        seen.add(name)
        if name not in expected:
            errors.append(LineProblem("ledes_header_unknown", line_no, position=position, name=name or "''",
                                      format=fmt))
    missing = [n for n in expected if n not in seen]
    if missing:
        errors.append(LineProblem("ledes_header_missing", line_no, format=fmt, names=", ".join(missing)))
    if not errors and tuple(names) != expected:
        warnings.append(LineProblem("ledes_header_order", line_no, format=fmt))


def read(data: bytes | str) -> LedesFile:
    """Read a LEDES 1998B or 98BI V2 file; never raises for bad input (see ``errors``)."""
    errors: list[LineProblem] = []
    warnings: list[LineProblem] = []
    text, encoding = decode(data)
    if "\x00" in text:  # NUL is no text character (and PostgreSQL refuses it): dropped, with a warning
        text = text.replace("\x00", "")
        warnings.append(LineProblem("ledes_nul_dropped", 0))
    if encoding != "utf-8":
        warnings.append(LineProblem("ledes_decoded_as", 0, encoding=encoding))
    recs = records(text)
    if not recs:
        return LedesFile("", errors=(LineProblem("ledes_empty", 0),), warnings=tuple(warnings), encoding=encoding)
    first_no, first = recs[0]
    fmt = FORMAT_IDS.get(re.sub(r"\s+", "", first).upper(), "")
    if not fmt:
        errors.append(LineProblem("ledes_format_line", first_no, found=first.strip()[:60]))
        return LedesFile("", errors=tuple(errors), warnings=tuple(warnings), encoding=encoding)
    if len(recs) < 2:
        errors.append(LineProblem("ledes_no_header", first_no + 1))
        return LedesFile(fmt, errors=tuple(errors), warnings=tuple(warnings), encoding=encoding)
    header_no, header = recs[1]
    names = [n.strip().upper() for n in header.split("|")]
    # the field names are upper case except the two "...STATEorREGION" of 98BI
    names = [n.replace("STATEORREGION", "STATEorREGION") for n in names]
    trailing_pipe = len(names) > 1 and names[-1] == ""  # "...|CLIENT_MATTER_ID|[]": some writers add one
    if trailing_pipe:
        names.pop()
    _check_header(fmt, header_no, names, errors, warnings)
    if errors:
        return LedesFile(fmt, errors=tuple(errors), warnings=tuple(warnings), encoding=encoding)
    if len(recs) < 3:
        errors.append(LineProblem("ledes_no_lines", header_no))
        return LedesFile(fmt, errors=tuple(errors), warnings=tuple(warnings), encoding=encoding)

    # group line items by (law firm, invoice number), in order of first appearance
    groups: dict[tuple[str, str], list[tuple[_Row, LedesLine]]] = {}
    checked: set[tuple] = set()
    for line_no, rec in recs[2:]:
        values = rec.split("|")
        if trailing_pipe and len(values) == len(names) + 1 and not values[-1].strip():
            values.pop()
        if len(values) != len(names):
            errors.append(LineProblem("ledes_field_count", line_no, found=len(values), expected=len(names)))
            continue
        row = _Row(line_no, dict(zip(names, values, strict=True)), errors)
        line = _fast_line(row, checked) if fmt == "1998B" else None
        if line is None:
            line = _read_line(row, fmt, checked)
        if line is None:
            continue
        key = (row.values["LAW_FIRM_ID"].strip(), row.values["INVOICE_NUMBER"].strip())
        groups.setdefault(key, []).append((row, line))
    invoices = tuple(_invoice(fmt, rows, errors, warnings) for rows in groups.values())
    return LedesFile(fmt, invoices=invoices, errors=tuple(errors), warnings=tuple(warnings), encoding=encoding)


_INVOICE_LEVEL = ("INVOICE_DATE", "INVOICE_NUMBER", "LAW_FIRM_ID", "INVOICE_TOTAL", "BILLING_START_DATE",
                  "BILLING_END_DATE")


def _read_line(row: _Row, fmt: str, checked: set | None = None) -> LedesLine | None:
    """One line item, or None after recording its errors. ``checked`` holds invoice-level values
    already found valid (they repeat on every line of an invoice)."""
    before = len(row.errors)
    v = row.values
    invoice_level = tuple(map(v.get, _INVOICE_LEVEL))
    if checked is None or invoice_level not in checked:
        row.date("INVOICE_DATE", required=True)
        row.text("INVOICE_NUMBER", required=True)
        row.text("LAW_FIRM_ID", required=True)
        row.decimal("INVOICE_TOTAL", required=True)
        row.date("BILLING_START_DATE")
        row.date("BILLING_END_DATE")
        if checked is not None and len(row.errors) == before:
            checked.add(invoice_level)
    kind = row.text(TYPE_FIELD).upper()
    if kind not in LINE_TYPES:
        row.errors.append(LineProblem("ledes_type", row.line_no, TYPE_FIELD, value=kind))
    total = row.decimal("LINE_ITEM_TOTAL", required=True)
    units = row.decimal("LINE_ITEM_NUMBER_OF_UNITS")
    adjustment = row.decimal("LINE_ITEM_ADJUSTMENT_AMOUNT")
    unit_cost = row.decimal("LINE_ITEM_UNIT_COST")
    line_date = row.date("LINE_ITEM_DATE")
    tax_total = tax_rate = None
    if fmt == "98BI":
        tax_total = row.decimal("LINE_ITEM_TAX_TOTAL")
        tax_rate = row.decimal("LINE_ITEM_TAX_RATE")
        row.decimal("INVOICE_TAX_TOTAL")
        row.decimal("INVOICE_NET_TOTAL")
        currency = row.text("INVOICE_CURRENCY").upper()
        if currency and currency not in MINOR_UNITS:
            row.errors.append(LineProblem("ledes_currency", row.line_no, "INVOICE_CURRENCY", value=currency[:10]))
    if len(row.errors) > before or total is None:
        return None
    return LedesLine(
        line_no=row.line_no,
        kind=kind,
        line_item_number=row.text("LINE_ITEM_NUMBER"),
        total=total,
        units=units,
        unit_cost=unit_cost,
        adjustment=adjustment,
        line_date=line_date,
        task_code=row.text("LINE_ITEM_TASK_CODE").upper(),
        expense_code=row.text("LINE_ITEM_EXPENSE_CODE").upper(),
        activity_code=row.text("LINE_ITEM_ACTIVITY_CODE").upper(),
        description=row.values.get("LINE_ITEM_DESCRIPTION", ""),
        timekeeper_id=row.text("TIMEKEEPER_ID"),
        timekeeper_name=row.text("TIMEKEEPER_NAME"),
        timekeeper_classification=row.text("TIMEKEEPER_CLASSIFICATION"),
        tax_total=tax_total,
        tax_rate=tax_rate,
        raw=row.values,
    )


def _opt(raw: str):
    """``(ok, value)`` of an optional decimal field (empty is ok and None)."""
    if not raw or raw.isspace():
        return True, None
    d = _decimal(raw)
    return d is not None, d


def _fast_line(row: _Row, checked: set) -> LedesLine | None:
    """A well-formed 1998B line item with few calls; None sends the line to :func:`_read_line`,
    which reads it again field by field and records every problem."""
    v = row.values
    get = v.get
    if tuple(map(get, _INVOICE_LEVEL)) not in checked:
        return None
    kind = get(TYPE_FIELD, "").strip().upper()
    total = _decimal(get("LINE_ITEM_TOTAL", ""))
    if kind not in LINE_TYPES or total is None:
        return None
    ok1, units = _opt(get("LINE_ITEM_NUMBER_OF_UNITS", ""))
    ok2, adjustment = _opt(get("LINE_ITEM_ADJUSTMENT_AMOUNT", ""))
    ok3, unit_cost = _opt(get("LINE_ITEM_UNIT_COST", ""))
    raw_date = get("LINE_ITEM_DATE", "")
    line_date = None
    if raw_date and not raw_date.isspace():
        line_date = _date(raw_date)
        if line_date is None:
            return None
    if not (ok1 and ok2 and ok3):
        return None
    return LedesLine(
        row.line_no, kind, get("LINE_ITEM_NUMBER", "").strip(), total, units, unit_cost, adjustment, line_date,
        get("LINE_ITEM_TASK_CODE", "").strip().upper(), get("LINE_ITEM_EXPENSE_CODE", "").strip().upper(),
        get("LINE_ITEM_ACTIVITY_CODE", "").strip().upper(), get("LINE_ITEM_DESCRIPTION", ""),
        get("TIMEKEEPER_ID", "").strip(), get("TIMEKEEPER_NAME", "").strip(),
        get("TIMEKEEPER_CLASSIFICATION", "").strip(), None, None, v,
    )


def _line_math(line: LedesLine, fmt: str, warnings: list[LineProblem]) -> None:
    tax = line.tax_total if fmt == "98BI" and line.tax_total is not None else None
    if line.kind in ("F", "E"):
        if line.units is None or line.unit_cost is None:
            return
        base = line.units * line.unit_cost + (line.adjustment or Decimal(0))
    else:  # IF / IE: units are ignored unless a flat fee gives units and a unit cost
        flat = line.units * line.unit_cost if line.units is not None and line.unit_cost is not None else None
        if flat is None and line.adjustment is None:
            return  # only a total: nothing to check it against
        base = (flat or Decimal(0)) + (line.adjustment or Decimal(0))
    expected = round_half_up(base + (tax or Decimal(0)))
    if expected != round_half_up(line.total):
        warnings.append(LineProblem("ledes_line_math", line.line_no, "LINE_ITEM_TOTAL",
                                    expected=_fmt(expected), total=_fmt(line.total),
                                    tax=" + tax" if tax is not None else ""))


def _invoice(fmt: str, rows: list[tuple[_Row, LedesLine]], errors: list, warnings: list) -> LedesInvoice:
    first_row, _ = rows[0]
    number = first_row.text("INVOICE_NUMBER")
    currency = first_row.text("INVOICE_CURRENCY").upper() if fmt == "98BI" else ""
    seen_numbers: set[str] = set()
    for row, line in rows:
        _line_math(line, fmt, warnings)
        for name in ("INVOICE_DATE", "INVOICE_TOTAL"):
            a, b = first_row.values.get(name, ""), row.values.get(name, "")
            if a == b:
                continue
            a, b = a.strip(), b.strip()
            if a != b and (name != "INVOICE_TOTAL" or _decimal(a) != _decimal(b)):
                warnings.append(LineProblem("ledes_invoice_field_changes", row.line_no, name, invoice=number,
                                            name=name, first=a, other=b))
        if fmt == "98BI" and row.values.get("INVOICE_CURRENCY") != first_row.values.get("INVOICE_CURRENCY"):
            other = row.text("INVOICE_CURRENCY").upper()
            if other != currency:
                errors.append(LineProblem("ledes_currency_changes", row.line_no, "INVOICE_CURRENCY",
                                          invoice=number, first=currency or "''", other=other or "''"))
        if line.line_item_number:
            if line.line_item_number in seen_numbers:
                warnings.append(LineProblem("ledes_line_number_repeated", row.line_no, "LINE_ITEM_NUMBER",
                                            invoice=number, number=line.line_item_number))
            seen_numbers.add(line.line_item_number)
    lines = tuple(line for _, line in rows)
    total = _decimal(first_row.values.get("INVOICE_TOTAL", ""))
    tax_total = _decimal(first_row.values.get("INVOICE_TAX_TOTAL", "")) if fmt == "98BI" else None
    net_total = _decimal(first_row.values.get("INVOICE_NET_TOTAL", "")) if fmt == "98BI" else None
    lines_total = sum((ln.total for ln in lines), Decimal(0))
    if total is not None and lines_total != total:
        warnings.append(LineProblem("ledes_invoice_math", first_row.line_no, "INVOICE_TOTAL", invoice=number,
                                    lines=_fmt(lines_total), total=_fmt(total)))
    if fmt == "98BI" and tax_total is not None and any(ln.tax_total is not None for ln in lines):
        line_tax = sum((ln.tax_total or Decimal(0) for ln in lines), Decimal(0))
        if line_tax != tax_total:
            warnings.append(LineProblem("ledes_tax_math", first_row.line_no, "INVOICE_TAX_TOTAL", invoice=number,
                                        lines=_fmt(line_tax), total=_fmt(tax_total)))
    if fmt == "98BI" and total is not None and tax_total is not None and net_total is not None:
        if total - tax_total != net_total:
            warnings.append(LineProblem("ledes_net_math", first_row.line_no, "INVOICE_NET_TOTAL", invoice=number,
                                        expected=_fmt(total - tax_total), net=_fmt(net_total)))
    for name in ("CLIENT_ID", "LAW_FIRM_MATTER_ID"):
        if not first_row.text(name):
            warnings.append(LineProblem("ledes_missing_recommended", first_row.line_no, name))
    return LedesInvoice(
        law_firm_id=first_row.text("LAW_FIRM_ID"),
        invoice_number=number,
        invoice_date=_date(first_row.values.get("INVOICE_DATE", "")),
        invoice_total=total,
        currency=currency,
        client_id=first_row.text("CLIENT_ID"),
        law_firm_matter_id=first_row.text("LAW_FIRM_MATTER_ID"),
        client_matter_id=first_row.text("CLIENT_MATTER_ID"),
        billing_start=_date(first_row.values.get("BILLING_START_DATE", "")),
        billing_end=_date(first_row.values.get("BILLING_END_DATE", "")),
        description=first_row.values.get("INVOICE_DESCRIPTION", ""),
        law_firm_name=first_row.text("LAW_FIRM_NAME") if fmt == "98BI" else "",
        tax_total=tax_total,
        net_total=net_total,
        first_line=first_row.line_no,
        lines=lines,
    )


@dataclass
class _Writer:
    """Builds LEDES text (for tests and the benchmark): ``add`` rows as dicts of field values."""

    fmt: str = "1998B"
    rows: list[dict] = field(default_factory=list)

    def add(self, **values: str) -> None:
        self.rows.append(values)

    def text(self, newline: str = "\r\n") -> str:
        names = FORMATS[self.fmt]
        head = "LEDES1998B[]" if self.fmt == "1998B" else "LEDES98BI V2[]"
        out = [head, "|".join(names) + "[]"]
        for r in self.rows:
            out.append("|".join(str(r.get(n, "")) for n in names) + "[]")
        return newline.join(out) + newline


def writer(fmt: str = "1998B") -> _Writer:
    return _Writer(fmt)
