"""CSV of expenses -> plain typed rows, by a column mapping the user saves and reuses.

- Encoding: UTF-8 (with or without BOM) or GB18030 (what Chinese Excel writes), detected; the
  mapping may fix it.
- Delimiter: ``,`` ``;`` tab or ``|``, detected from the header line unless the mapping says.
- Amounts: decimal point (``1,234.50``) or decimal comma (``1.234,50``), as the mapping says;
  currency signs and spaces are ignored; floats never appear (``Decimal`` from the text).
- Dates: ``2026-04-01``, ``2026/4/1``, ``2026.4.1``, ``2026年4月1日``, ``20260401`` always read
  year first; month names are unambiguous (``01-Apr-2026`` as Excel writes it, ``1 April 2026``,
  ``April 1, 2026``); ``1/4/2026`` needs the mapping's explicit order (``dmy`` or ``mdy``).

:func:`read` never raises for bad input: problems come back by line and column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.messages import register
from lei_desktop.formats.problems import LineProblem

register(
    {
        "csv_empty": ("文件为空", "the file is empty"),
        "csv_encoding": (
            "无法识别文件编码（支持 UTF-8、带 BOM 的 UTF-8、GB18030）",
            "the encoding is not recognised (UTF-8, UTF-8 with BOM and GB18030 are read)",
        ),
        "csv_syntax": ("CSV 格式错误：{reason}", "the CSV is malformed: {reason}"),
        "csv_no_column": (
            "表头中没有映射所需的列 “{name}”（{target}）",
            "the header has no column '{name}' that the mapping names for {target}",
        ),
        "csv_column_index": (
            "映射的第 {number} 列不存在（该行只有 {count} 列）",
            "the mapping's column {number} does not exist (the line has {count})",
        ),
        "csv_amount": ("金额 “{value}” 无法识别（小数点：{decimal}）", "amount '{value}' is not a number (decimal mark '{decimal}')"),
        "csv_date": (
            "日期 “{value}” 无法识别（日期顺序：{order}）",
            "date '{value}' is not recognised (day order {order})",
        ),
        "csv_date_ambiguous": (
            "日期 “{value}” 不以年份开头，请在映射中指定 date_order（dmy 或 mdy）",
            "date '{value}' does not start with the year: set the mapping's date_order (dmy or mdy)",
        ),
        "csv_no_rows": ("文件中没有数据行", "the file holds no data lines"),
        "csv_mapping_field": ("映射中 “{name}” 不是可导入的字段", "'{name}' in the mapping is not a field that can be imported"),
        "csv_mapping_needs": ("映射必须给出 {name}", "the mapping must give {name}"),
        "csv_mapping_bad": ("映射 {name} 的值 “{value}” 无效", "the mapping's {name} '{value}' is not valid"),
    }
)

#: The fields a column can be mapped to.
FIELDS = (
    "ref", "category", "amount", "currency", "payee", "invoice_number", "invoice_date", "paid_on",
    "description_zh", "description_en", "utbms_code", "incurred_by_insured_staff", "service_date",
)  # fmt: skip
DATE_FIELDS = ("invoice_date", "paid_on", "service_date")
DATE_ORDERS = ("ymd", "dmy", "mdy")
DECIMAL_MARKS = (".", ",")
DELIMITERS = ("", ",", ";", "\t", "|")
ENCODINGS = ("auto", "utf-8", "gb18030")


@dataclass(frozen=True)
class CsvMapping:
    """Which column holds which field (a header name, or a 1-based column number) and how to read."""

    columns: tuple[tuple[str, str], ...]  # (field, header name or column number)
    decimal: str = "."
    date_order: str = "ymd"
    delimiter: str = ""  # "" = detect
    encoding: str = "auto"
    header: bool = True
    currency: str = ""  # default when no column gives one
    category: str = ""  # default when no column gives one

    def column(self, name: str) -> str | None:
        return dict(self.columns).get(name)

    def to_dict(self) -> dict:
        return {
            "columns": dict(self.columns),
            "decimal": self.decimal,
            "date_order": self.date_order,
            "delimiter": self.delimiter,
            "encoding": self.encoding,
            "header": self.header,
            "currency": self.currency,
            "category": self.category,
        }

    @classmethod
    def from_dict(cls, d: Mapping) -> CsvMapping:
        """A mapping from its JSON form; bad values raise ``ValidationError`` naming the key."""
        if not isinstance(d, Mapping):
            raise ValidationError("not_an_object", "mapping")
        cols = d.get("columns")
        if not isinstance(cols, Mapping) or not cols:
            raise ValidationError("csv_mapping_needs", "columns", name="columns")
        columns = []
        for key, value in cols.items():
            if key not in FIELDS:
                raise ValidationError("csv_mapping_field", f"columns.{key}", name=key)
            if isinstance(value, bool) or not isinstance(value, (str, int)) or str(value).strip() == "":
                raise ValidationError("csv_mapping_bad", f"columns.{key}", name=key, value=value)
            columns.append((str(key), str(value).strip()))
        if "amount" not in dict(columns):
            raise ValidationError("csv_mapping_needs", "columns.amount", name="columns.amount")

        def choice(name: str, choices: tuple, default: str) -> str:
            value = d.get(name, default)
            if value is None:
                value = default
            if value not in choices:
                raise ValidationError("csv_mapping_bad", name, name=name, value=value)
            return value

        header = d.get("header", True)
        if not isinstance(header, bool):
            raise ValidationError("not_a_bool", "header")
        for name in ("currency", "category"):
            if not isinstance(d.get(name, "") or "", str):
                raise ValidationError("not_a_string", name)
        return cls(
            columns=tuple(columns),
            decimal=choice("decimal", DECIMAL_MARKS, "."),
            date_order=choice("date_order", DATE_ORDERS, "ymd"),
            delimiter=choice("delimiter", DELIMITERS, ""),
            encoding=choice("encoding", ENCODINGS, "auto"),
            header=header,
            currency=(d.get("currency") or "").strip().upper(),
            category=(d.get("category") or "").strip(),
        )


@dataclass(frozen=True)
class CsvRow:
    """One data line: the mapped fields as text (amount and dates already typed)."""

    line: int
    values: tuple[tuple[str, object], ...]
    columns: tuple[tuple[str, str], ...]  # field -> the column's name for messages

    def get(self, name: str, default=None):
        return dict(self.values).get(name, default)

    def column_of(self, name: str) -> str:
        return dict(self.columns).get(name, name)


@dataclass(frozen=True)
class CsvFile:
    rows: tuple[CsvRow, ...] = ()
    errors: tuple[LineProblem, ...] = ()
    warnings: tuple[LineProblem, ...] = ()
    encoding: str = ""
    delimiter: str = ","
    header: tuple[str, ...] = ()


# --- text, numbers, dates ---------------------------------------------------------------------


def decode(data: bytes, encoding: str = "auto") -> tuple[str, str] | None:
    """``(text, encoding)``: UTF-8 with BOM, UTF-16 with BOM, UTF-8, then GB18030; None when none fits."""
    if encoding != "auto":
        try:
            return data.decode("utf-8-sig" if encoding == "utf-8" else encoding), encoding
        except UnicodeDecodeError:
            return None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" (UTF-16, tab-separated)
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None
    for name in ("utf-8", "gb18030"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    return None


_STRIP = re.compile(r"[\s\u00a0\u202f¥￥$€£₩]|CNY|RMB|USD|EUR|JPY|GBP|元")
_POINT = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$")
_COMMA = re.compile(r"^[+-]?(?:\d{1,3}(?:[.']\d{3})+|\d+)(?:,\d+)?$|^[+-]?,\d+$")


def parse_amount(value: str, decimal: str = ".") -> Decimal | None:
    """An exact amount from text with the given decimal mark; None when it is not one."""
    v = _STRIP.sub("", value or "")
    negative = v.startswith("(") and v.endswith(")")
    if negative:
        v = "-" + v[1:-1]
    if decimal == ",":
        if not _COMMA.match(v):
            return None
        v = v.replace(".", "").replace("'", "").replace(",", ".")
    else:
        if not _POINT.match(v):
            return None
        v = v.replace(",", "")
    try:
        return Decimal(v)
    except InvalidOperation:  # pragma: no cover - the patterns admit only valid literals
        return None


_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_OTHER = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$")


_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
    ("dec", "december")), 1) for m in names}
_DAY_MON_YEAR = re.compile(r"^(\d{1,2})[\s\-/.]*([A-Za-z]+)\.?[\s\-/.,]*(\d{4})$")  # 01-Apr-2026, 1 April 2026
_MON_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})$")  # April 1, 2026


class AmbiguousDate(ValueError):
    pass


def _named_month(v: str) -> date | None:
    m = _DAY_MON_YEAR.match(v)
    if m:
        day, month, year = m.group(1), m.group(2), m.group(3)
    else:
        m = _MON_DAY_YEAR.match(v)
        if not m:
            return None
        month, day, year = m.group(1), m.group(2), m.group(3)
    number = _MONTHS.get(month.lower())
    if number is None:
        return None
    try:
        return date(int(year), number, int(day))
    except ValueError:
        return None


def parse_date(value: str, order: str = "ymd") -> date | None:
    """A date from the common written forms; day/month order only as told (never guessed)."""
    v = (value or "").strip()
    if v[:1].isalpha() or (len(v) > 3 and any(c.isalpha() for c in v[:7]) and "年" not in v):
        return _named_month(v)  # month names say which is the month: 01-Apr-2026, April 1, 2026
    m = _YMD.match(v) or _COMPACT.match(v)
    try:
        if m:
            y, mo, d = (int(g) for g in m.groups())
            return date(y, mo, d)
        m = _OTHER.match(v)
        if m:
            a, b, y = (int(g) for g in m.groups())
            if order == "ymd":
                raise AmbiguousDate(v)
            return date(y, b, a) if order == "dmy" else date(y, a, b)
    except (ValueError, OverflowError) as exc:
        if isinstance(exc, AmbiguousDate):
            raise
        return None
    return None


def sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


# --- the reader -------------------------------------------------------------------------------


def _records(text: str, delimiter: str, errors: list) -> list[tuple[int, list[str]]]:
    out = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    start = 1
    try:
        for rec in reader:
            if any(cell.strip() for cell in rec):
                out.append((start, rec))
            start = reader.line_num + 1
    except csv.Error as exc:
        errors.append(LineProblem("csv_syntax", start, reason=str(exc)[:100]))
    return out


def read(data: bytes, mapping: CsvMapping) -> CsvFile:
    """Read ``data`` with ``mapping``; never raises for bad input (see ``errors``)."""
    errors: list[LineProblem] = []
    warnings: list[LineProblem] = []
    decoded = decode(data, mapping.encoding)
    if decoded is None:
        return CsvFile(errors=(LineProblem("csv_encoding", 0),))
    text, encoding = decoded
    text = text.replace("\x00", "")
    if not text.strip():
        return CsvFile(errors=(LineProblem("csv_empty", 0),), encoding=encoding)
    first_line = text.lstrip("\r\n").splitlines()[0] if text.strip() else ""
    delimiter = mapping.delimiter or sniff_delimiter(first_line)
    recs = _records(text, delimiter, errors)
    if errors:
        return CsvFile(errors=tuple(errors), encoding=encoding, delimiter=delimiter)
    header: list[str] = []
    if mapping.header and recs:
        header = [h.strip() for h in recs[0][1]]
        recs = recs[1:]
    # where each mapped field is: a header name, or a column number
    where: dict[str, int] = {}
    names: dict[str, str] = {}
    lowered = {h.lower(): i for i, h in reversed(list(enumerate(header)))}
    for fld, col in mapping.columns:
        if mapping.header and col.lower() in lowered:
            where[fld] = lowered[col.lower()]
            names[fld] = header[where[fld]]
        elif col.isdigit() and int(col) >= 1:
            where[fld] = int(col) - 1
            names[fld] = header[where[fld]] if where[fld] < len(header) else f"#{col}"
        else:
            errors.append(LineProblem("csv_no_column", 1, col, name=col, target=fld))
    if errors:
        return CsvFile(errors=tuple(errors), encoding=encoding, delimiter=delimiter, header=tuple(header))
    if not recs:
        return CsvFile(errors=(LineProblem("csv_no_rows", 0),), encoding=encoding, delimiter=delimiter,
                       header=tuple(header))
    rows: list[CsvRow] = []
    for line, rec in recs:
        values: list[tuple[str, object]] = []
        bad = False
        for fld, index in where.items():
            column = names[fld]
            if index >= len(rec):
                errors.append(LineProblem("csv_column_index", line, column, number=index + 1, count=len(rec)))
                bad = True
                continue
            raw = rec[index]
            if fld == "amount":
                if not raw.strip():
                    errors.append(LineProblem("required", line, column))
                    bad = True
                    continue
                amount = parse_amount(raw, mapping.decimal)
                if amount is None:
                    errors.append(LineProblem("csv_amount", line, column, value=raw.strip()[:40],
                                              decimal=mapping.decimal))
                    bad = True
                    continue
                values.append((fld, amount))
            elif fld in DATE_FIELDS:
                if not raw.strip():
                    continue
                try:
                    parsed = parse_date(raw, mapping.date_order)
                except AmbiguousDate:
                    errors.append(LineProblem("csv_date_ambiguous", line, column, value=raw.strip()[:40]))
                    bad = True
                    continue
                if parsed is None:
                    errors.append(LineProblem("csv_date", line, column, value=raw.strip()[:40],
                                              order=mapping.date_order))
                    bad = True
                    continue
                values.append((fld, parsed))
            elif fld in ("description_zh", "description_en"):
                values.append((fld, raw))
            else:
                values.append((fld, raw.strip()))
        if not bad:
            rows.append(CsvRow(line, tuple(values), tuple(names.items())))
    return CsvFile(tuple(rows), tuple(errors), tuple(warnings), encoding, delimiter, tuple(header))
