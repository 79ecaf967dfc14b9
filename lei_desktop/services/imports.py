"""Imports: LEDES invoices and CSV expenses, previewed first, then committed all-or-nothing.

The API the CLI and the GUI share::

    preview = preview_ledes(store, data, dispute="D1", currency=None, filename="inv.txt")
    preview.rows       # PreviewRow: the expense that would be created, its line, UTBMS code/name
    preview.errors     # LineProblem: the file is refused (commit raises the first)
    preview.warnings   # LineProblem: arithmetic that does not add up, guesses made
    preview.totals     # {currency: Decimal}; preview.by_category {category: {currency: Decimal}}
    result = commit(store, preview)   # one transaction; -> ImportResult(refs, invoices)

    preview = preview_csv(store, data, dispute="D1", mapping=CsvMapping(...), filename="x.csv")
    commit(store, preview)

    rates = preview_rates(data); commit_rates(store, rates)      # date,currency,rate,per[,source]
    save_mapping(store, "bank", mapping); resolve_mapping(store, "bank" or "mapping.json")

A preview writes nothing. ``commit`` re-checks what could have changed since (a repeated
invoice, the dispute) inside its transaction; either every row is written or none. The audit
gets one ``import`` event per LEDES invoice (or per CSV file) naming every expense it created.
See ``docs/imports.md`` for the mapping rules (categories, IF/IE, currency, credits).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from lei_desktop.domain import categories as cats
from lei_desktop.domain.errors import Conflict, LeiError, NotFound, ValidationError
from lei_desktop.domain.messages import register
from lei_desktop.domain.model import Expense
from lei_desktop.domain.money import MINOR_UNITS, Money, round_half_up
from lei_desktop.fileio import file_problem
from lei_desktop.formats import csv_import, fx_csv, ledes
from lei_desktop.formats.problems import LineProblem
from lei_desktop.services import convert
from lei_desktop.services.store import Store, now
from lei_desktop.store.models import (
    DisputeRow,
    ExpenseRow,
    LedesInvoiceRow,
    PolicyRow,
    SettingRow,
)

register(
    {
        "imp_duplicate_invoice": (
            "律师事务所 {firm} 的发票 {invoice} 已于 {when} 导入，不能重复导入",
            "invoice {invoice} of law firm {firm} was already imported on {when}; it is not imported twice",
        ),
        "imp_currency_needed": (
            "LEDES 1998B 文件不含币种，请指定币种（--currency）",
            "a LEDES 1998B file carries no currency: choose one (--currency)",
        ),
        "imp_currency_guessed": (
            "文件未注明币种，按纠纷所在国 {country} 采用 {currency}",
            "the file names no currency; {currency} of the dispute's country {country} is used",
        ),
        "imp_currency_file_wins": (
            "发票 {invoice} 注明币种 {file}，所选币种 {chosen} 未采用",
            "invoice {invoice} states {file}; the chosen {chosen} is not used",
        ),
        "imp_fee_by_expert": (
            "专家（EXPERT 或 L420 专家证人任务）的收费行已归入律师费；如保单将其视为外部专家证人费用，请修改类别",
            "a fee line of an expert (EXPERT or task L420 Expert Witnesses) is filed under attorney fees; "
            "change it to expert witness fees if the policy treats it so",
        ),
        "imp_concurrent": (
            "导入期间数据库被同时修改（同一编号或发票已被占用），未写入任何内容；请重新预览后再导入",
            "the store changed during the import (the same refs or invoice were taken); nothing was written: "
            "preview again and import",
        ),
        "imp_zero_line": ("金额为零，未导入", "amount is zero; not imported"),
        "imp_unknown_expense_code": (
            "UTBMS 费用代码 “{utbms}” 未知，归入“{category_zh}”",
            "UTBMS expense code '{utbms}' is unknown; filed under '{category_en}'",
        ),
        "imp_ie_split": (
            "发票级费用调整 {amount} 按各类费用金额比例分摊到：{categories_zh}",
            "the invoice-level expense adjustment {amount} is shared pro rata over: {categories_en}",
        ),
        "imp_not_covered": (
            "保单未承保“{category_zh}”类费用（仍导入，理赔时将被排除）",
            "the policy does not cover '{category_en}' (imported; the claim will exclude it)",
        ),
        "imp_nothing": ("文件中没有可导入的费用", "the file holds nothing to import"),
    }
)

#: The currency of the forum when a 1998B file does not say and the user does not choose.
COUNTRY_CURRENCY = {
    "US": "USD", "GB": "GBP", "JP": "JPY", "KR": "KRW", "CH": "CHF", "CA": "CAD", "AU": "AUD",
    "HK": "HKD", "SG": "SGD", "IN": "INR", "BR": "BRL", "MX": "MXN", "SE": "SEK", "NO": "NOK",
    "DK": "DKK", "PL": "PLN", "TR": "TRY", "AE": "AED", "SA": "SAR", "ZA": "ZAR", "NZ": "NZD",
    "TW": "TWD", "TH": "THB", "MY": "MYR", "ID": "IDR", "VN": "VND", "PH": "PHP", "RU": "RUB",
    **{c: "EUR" for c in "AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK".split()},
}  # fmt: skip


@dataclass(slots=True)
class PreviewRow:
    """One expense the import would create (its ``ref`` is provisional until commit); read-only
    by convention (not frozen, for speed on big files)."""

    line: int
    expense: Expense
    kind: str = ""  # LEDES F/E/IF/IE; "" for CSV
    utbms_name_zh: str = ""
    utbms_name_en: str = ""
    invoice: tuple[str, str] | None = None  # (law firm id, invoice number) for LEDES
    fixed_ref: bool = False  # the file gave the ref (CSV with a ref column)


@dataclass(frozen=True)
class InvoiceSummary:
    law_firm_id: str
    invoice_number: str
    invoice_date: date | None
    currency: str
    invoice_total: Decimal | None
    lines_total: Decimal
    line_count: int
    first_line: int
    format: str


@dataclass(frozen=True)
class ImportPreview:
    kind: str  # "ledes" | "csv"
    dispute: str
    filename: str = ""
    format: str = ""
    rows: tuple[PreviewRow, ...] = ()
    invoices: tuple[InvoiceSummary, ...] = ()
    errors: tuple[LineProblem, ...] = ()
    warnings: tuple[LineProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    @property
    def totals(self) -> dict[str, Decimal]:
        out: dict[str, Decimal] = defaultdict(Decimal)
        for r in self.rows:
            out[r.expense.currency] += r.expense.amount
        return dict(out)

    @property
    def by_category(self) -> dict[str, dict[str, Decimal]]:
        out: dict[str, dict[str, Decimal]] = {}
        for r in self.rows:
            cur = out.setdefault(r.expense.category, {})
            cur[r.expense.currency] = cur.get(r.expense.currency, Decimal(0)) + r.expense.amount
        return out

    def refusal(self) -> LeiError | None:
        """The error to raise when the preview may not be committed (None when it may)."""
        if self.errors:
            return first_refusal(self.errors)
        if not self.rows:
            return LineProblem("imp_nothing", 0)
        return None

    def as_dict(self) -> dict:
        """A JSON-ready document (amounts as strings, dates ISO)."""
        return {
            "kind": self.kind,
            "dispute": self.dispute,
            "file": self.filename,
            "format": self.format,
            "ok": self.ok,
            "invoices": [
                {
                    "law_firm_id": i.law_firm_id, "invoice_number": i.invoice_number,
                    "invoice_date": i.invoice_date.isoformat() if i.invoice_date else None,
                    "currency": i.currency,
                    "invoice_total": _s(i.invoice_total), "lines_total": _s(i.lines_total),
                    "lines": i.line_count, "line": i.first_line,
                }
                for i in self.invoices
            ],
            "rows": [
                {
                    "line": r.line, "kind": r.kind, "ref": r.expense.ref, "category": r.expense.category,
                    "amount": _s(r.expense.amount), "currency": r.expense.currency,
                    "utbms_code": r.expense.utbms_code, "utbms_name_zh": r.utbms_name_zh,
                    "utbms_name_en": r.utbms_name_en, "payee": r.expense.payee,
                    "invoice_number": r.expense.invoice_number,
                    "invoice_date": r.expense.invoice_date.isoformat() if r.expense.invoice_date else None,
                    "paid_on": r.expense.paid_on.isoformat() if r.expense.paid_on else None,
                    "description_en": r.expense.description_en, "description_zh": r.expense.description_zh,
                    "source": r.expense.source,
                }
                for r in self.rows
            ],
            "totals": {c: _s(v) for c, v in sorted(self.totals.items())},
            "by_category": {k: {c: _s(v) for c, v in sorted(d.items())} for k, d in sorted(self.by_category.items())},
            "errors": [e.as_dict() for e in self.errors],
            "warnings": [w.as_dict() for w in self.warnings],
        }


class _Refused(LineProblem):
    """The first of several errors, saying how many there are."""

    def __init__(self, first: LineProblem, count: int) -> None:
        super().__init__(first.code, first.line, first.column, **first.params)
        self.count = count

    def message(self, lang: str = "en") -> str:
        extra = f"（共 {self.count} 处错误）" if lang == "zh" else f" ({self.count} errors in all)"
        return super().message(lang) + extra


@dataclass(frozen=True)
class ImportResult:
    refs: tuple[str, ...] = ()
    invoices: tuple[tuple[str, str], ...] = ()
    totals: dict[str, Decimal] = field(default_factory=dict)


def _labels(*codes: str, key: str = "category") -> dict[str, str]:
    """``{key}_zh`` and ``{key}_en`` parameters naming categories in each language."""
    return {f"{key}_{lang}": ("、" if lang == "zh" else ", ").join(cats.label(c, lang) for c in codes)
            for lang in ("zh", "en")}


def _s(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


# --- helpers ----------------------------------------------------------------------------------


def _dispute_row(s, ref: str) -> DisputeRow:
    row = s.scalar(select(DisputeRow).where(DisputeRow.ref == ref))
    if row is None:
        raise NotFound("not_found", "dispute", kind="dispute", ref=ref)
    return row


def _covered_categories(s, dispute: DisputeRow) -> set[str] | None:
    policy = s.get(PolicyRow, dispute.policy_id)
    if policy is None:
        return None
    terms = convert.policy(policy).cost_categories
    return {code for code, t in terms if t.covered} if terms else None


def _highest(s, prefix: str) -> int:
    highest = 0
    for ref in s.scalars(select(ExpenseRow.ref).where(ExpenseRow.ref.like(f"{prefix}%"))):
        tail = ref[len(prefix):]
        if tail.isdigit():
            highest = max(highest, int(tail))
    return highest


def _next_numbers(s, prefix: str, count: int) -> list[str]:
    """``count`` fresh expense refs ``<prefix><n>`` above every such ref in use."""
    highest = _highest(s, prefix)
    return [f"{prefix}{highest + i}" for i in range(1, count + 1)]


def _ref_stream(s, prefix: str):
    """Provisional refs for a preview (commit assigns the final ones)."""
    return (f"{prefix}{n}" for n in itertools.count(_highest(s, prefix) + 1))


def _fit(amount: Decimal, currency: str, line: int, column: str) -> tuple[Decimal | None, LineProblem | None]:
    """The amount at the currency's minor units, or the problem (never rounded)."""
    if abs(amount) >= _LIMIT:  # beyond any invoice, and beyond a 64-bit count of minor units
        return None, LineProblem("out_of_range", line, column, low=f"-{_LIMIT:,}", high=f"{_LIMIT:,}")
    digits = MINOR_UNITS.get(currency)
    if digits is not None:
        quantum = _QUANTA[digits]
        try:
            q = amount.quantize(quantum)
        except ArithmeticError:
            q = None
        if q is not None and q == amount:
            return q, None
    try:
        return Money(amount, currency).amount, None
    except ValidationError as exc:
        return None, LineProblem(exc.code, line, column, **exc.params)


_QUANTA = {d: Decimal(1).scaleb(-d) for d in range(5)}
_LIMIT = Decimal(10) ** 14


def _bulk_insert(s, table, rows: list[dict]) -> None:
    """Insert many rows with one DBAPI ``executemany`` inside the session's transaction.

    Values go through each column's own bind processor (exact money types, dates, JSON), so what
    is stored is what the ORM would store; only SQLAlchemy's per-row statement bookkeeping is
    skipped (10,000 LEDES lines: see bench/bench_import.py). Other drivers take the Core path.
    """
    conn = s.connection()
    dialect = conn.dialect
    if dialect.paramstyle not in ("qmark", "format", "pyformat"):
        conn.execute(table.insert(), rows)
        return
    names = list(rows[0])
    columns = [table.c[n] for n in names]
    processors = [c.type._cached_bind_processor(dialect) for c in columns]
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    preparer = dialect.identifier_preparer
    sql = (f"INSERT INTO {preparer.format_table(table)} ({', '.join(preparer.quote(n) for n in names)}) "
           f"VALUES ({', '.join([mark] * len(names))})")
    convert_at = [(i, p) for i, p in enumerate(processors) if p is not None]
    params = []
    for r in rows:
        values = [r[n] for n in names]
        for i, p in convert_at:
            if values[i] is not None:
                values[i] = p(values[i])
        params.append(tuple(values))
    conn.exec_driver_sql(sql, params)


# --- LEDES ------------------------------------------------------------------------------------


def preview_ledes(
    store: Store,
    data: bytes | str,
    dispute: str,
    currency: str | None = None,
    filename: str = "",
    paid_on: date | None = None,
    payee: str | None = None,
) -> ImportPreview:
    """What importing this LEDES file into ``dispute`` would create; writes nothing.

    ``payee`` replaces the law firm's name (98BI LAW_FIRM_NAME, else its LAW_FIRM_ID)."""
    parsed = ledes.read(data)
    with store.session() as s:
        d = _dispute_row(s, dispute)
        covered = _covered_categories(s, d)
        existing = {
            (r.law_firm_id, r.invoice_number): r.imported_at
            for r in s.scalars(
                select(LedesInvoiceRow).where(
                    LedesInvoiceRow.invoice_number.in_([i.invoice_number for i in parsed.invoices] or [""])
                )
            )
        }
        for inv in parsed.invoices:  # also invoices that came back through a scenario file
            key = (inv.law_firm_id, inv.invoice_number)
            if key not in existing:
                when = _imported_before(s, *key)
                if when is not None:
                    existing[key] = when
        refs = _ref_stream(s, "E")
        forum = d.forum_country
    preview = _build_ledes(parsed, dispute, currency, filename, paid_on, covered, existing, refs, forum)
    if payee and payee.strip():
        for row in preview.rows:
            row.expense = replace(row.expense, payee=payee.strip()[:500])
    return preview


def _imported_before(s, firm: str, invoice: str):
    """When expenses of this invoice were created (``_NO_DATE`` if unknown), None if there are none.
    Their ``source`` names the invoice, so this holds after a scenario export and load too."""
    prefix = f"ledes:{firm}:{invoice}:"
    found = s.execute(select(ExpenseRow.id, ExpenseRow.created_at)
                      .where(ExpenseRow.source.startswith(prefix, autoescape=True)).limit(1)).first()
    return None if found is None else (found.created_at or _NO_DATE)


_NO_DATE = object()


def _build_ledes(parsed, dispute, currency, filename, paid_on, covered, existing, refs, forum) -> ImportPreview:
    errors = list(parsed.errors)
    warnings = list(parsed.warnings)
    rows: list[PreviewRow] = []
    summaries: list[InvoiceSummary] = []
    chosen = (currency or "").strip().upper()
    if chosen and chosen not in MINOR_UNITS:
        errors.append(LineProblem("unknown_currency", 0, "currency", value=currency))
        chosen = ""
    ref_iter = iter(refs)
    warned_guess = False
    for inv in parsed.invoices:
        key = (inv.law_firm_id, inv.invoice_number)
        too_long = [(name, value) for name, value in (("LAW_FIRM_ID", inv.law_firm_id),
                                                      ("INVOICE_NUMBER", inv.invoice_number)) if len(value) > 100]
        if too_long:  # the spec says 20 characters; the store keeps up to 100
            errors.extend(LineProblem("too_long", inv.first_line, name, max=100) for name, _ in too_long)
            continue
        if key in existing:
            when = existing[key]
            errors.append(LineProblem("imp_duplicate_invoice", inv.first_line, "INVOICE_NUMBER",
                                      firm=inv.law_firm_id, invoice=inv.invoice_number,
                                      when=when.date().isoformat() if hasattr(when, "date") else "?"))
            continue
        cur = inv.currency
        if cur and chosen and chosen != cur:
            warnings.append(LineProblem("imp_currency_file_wins", inv.first_line, "INVOICE_CURRENCY",
                                        invoice=inv.invoice_number, file=cur, chosen=chosen))
        if not cur:
            cur = chosen
        if not cur:
            cur = COUNTRY_CURRENCY.get(forum or "", "")
            if not cur:
                errors.append(LineProblem("imp_currency_needed", inv.first_line, "currency"))
                continue
            if not warned_guess:
                warnings.append(LineProblem("imp_currency_guessed", 0, "currency", currency=cur, country=forum))
                warned_guess = True
        if inv.invoice_total is not None:
            _, problem = _fit(inv.invoice_total, cur, inv.first_line, "INVOICE_TOTAL")
            if problem:
                errors.append(problem)
        summaries.append(InvoiceSummary(inv.law_firm_id, inv.invoice_number, inv.invoice_date, cur,
                                        inv.invoice_total, inv.lines_total, len(inv.lines), inv.first_line,
                                        parsed.format))
        rows.extend(_invoice_rows(inv, cur, dispute, paid_on, covered, ref_iter, errors, warnings))
    return ImportPreview("ledes", dispute, filename, parsed.format, tuple(rows), tuple(summaries),
                         tuple(errors), tuple(warnings))


def _expense_category(line: ledes.LedesLine, warnings: list) -> str:
    if line.kind in ("F", "IF"):
        if line.kind == "F" and (line.timekeeper_classification.upper() == "EXPERT" or line.task_code == "L420"):
            warnings.append(LineProblem("imp_fee_by_expert", line.line_no, "TIMEKEEPER_CLASSIFICATION"))
        return cats.FEE_CATEGORY
    found = cats.utbms(line.expense_code)
    if found is None:
        warnings.append(LineProblem("imp_unknown_expense_code", line.line_no, "LINE_ITEM_EXPENSE_CODE",
                                    utbms=line.expense_code or "''", **_labels("other")))
        return "other"
    return found.category


def _invoice_rows(inv, cur, dispute, paid_on, covered, ref_iter, errors, warnings) -> list[PreviewRow]:
    out: list[PreviewRow] = []
    payee = inv.law_firm_name or inv.law_firm_id
    e_totals: dict[str, Decimal] = defaultdict(Decimal)  # expense lines per category, for IE
    pending_ie: list[tuple[ledes.LedesLine, Decimal]] = []
    warned_categories: set[str] = set()

    def make(line, amount, category, code, suffix=""):
        number = line.line_item_number or str(line.line_no)
        found = cats.utbms(code) if code and code.startswith("E") else None
        zh = f"UTBMS {code} {found.zh} / {found.en}" if found else ""
        if covered is not None and category not in covered and category not in warned_categories:
            warned_categories.add(category)
            warnings.append(LineProblem("imp_not_covered", line.line_no, **_labels(category)))
        e = Expense(
            ref=next(ref_iter), dispute=dispute, category=category, amount=amount, currency=cur, payee=payee,
            invoice_number=inv.invoice_number, invoice_date=inv.invoice_date, paid_on=paid_on,
            description_zh=zh, description_en=line.description, utbms_code=code[:10],
            source=f"ledes:{inv.law_firm_id}:{inv.invoice_number}:{number}{suffix}", service_date=line.line_date,
        )
        return PreviewRow(line.line_no, e, line.kind, found.zh if found else "", found.en if found else "",
                          (inv.law_firm_id, inv.invoice_number))

    for line in inv.lines:
        amount, problem = _fit(line.total, cur, line.line_no, "LINE_ITEM_TOTAL")
        if problem:
            errors.append(problem)
            continue
        if amount == 0:
            warnings.append(LineProblem("imp_zero_line", line.line_no, "LINE_ITEM_TOTAL"))
            continue
        if line.kind == "IE":
            pending_ie.append((line, amount))
            continue
        category = _expense_category(line, warnings)
        code = line.expense_code if line.kind == "E" else line.task_code
        if line.kind == "E":
            e_totals[category] += amount
        out.append(make(line, amount, category, code))
    for line, amount in pending_ie:
        shares = _share(amount, e_totals, cur)
        if len(shares) > 1:
            warnings.append(LineProblem("imp_ie_split", line.line_no, "LINE_ITEM_TOTAL", amount=format(amount, "f"),
                                        **_labels(*shares, key="categories")))
        for category, part in shares.items():
            if part:
                suffix = f":{category}" if len(shares) > 1 else ""
                out.append(make(line, part, category, line.expense_code, suffix))
    return out


def _share(amount: Decimal, by_category: dict[str, Decimal], currency: str) -> dict[str, Decimal]:
    """``amount`` shared over the categories pro rata, half-up; the rest to the largest share."""
    positive = {c: v for c, v in by_category.items() if v > 0}
    if not positive:
        return {"other": amount}
    if len(positive) == 1:
        return {next(iter(positive)): amount}
    quantum = Decimal(1).scaleb(-MINOR_UNITS[currency])
    base = sum(positive.values())
    parts = {c: round_half_up(amount * v / base, quantum) for c, v in positive.items()}
    largest = max(positive, key=lambda c: (positive[c], c))
    parts[largest] += amount - sum(parts.values())
    return parts


# --- commit -----------------------------------------------------------------------------------


def commit(store: Store, preview: ImportPreview) -> ImportResult:
    """Write every row of an error-free preview in one transaction (none if anything fails)."""
    refused = preview.refusal()
    if refused is not None:
        raise refused
    try:
        return _commit(store, preview)
    except IntegrityError:  # another import took the same refs or invoice meanwhile: nothing was written
        raise Conflict("imp_concurrent", "file") from None


def _commit(store: Store, preview: ImportPreview) -> ImportResult:
    with store.session() as s:
        d = _dispute_row(s, preview.dispute)
        fresh = iter(_next_numbers(s, "E", sum(1 for r in preview.rows if not r.fixed_ref)))
        refs = [r.expense.ref if r.fixed_ref else next(fresh) for r in preview.rows]
        fixed = [r.expense.ref for r in preview.rows if r.fixed_ref]
        if fixed:
            taken = set(s.scalars(select(ExpenseRow.ref).where(ExpenseRow.ref.in_(fixed))))
            for r in preview.rows:
                if r.fixed_ref and r.expense.ref in taken:
                    raise LineProblem("duplicate_ref", r.line, "ref", kind="expense", ref=r.expense.ref)
        invoice_ids: dict[tuple[str, str], int] = {}
        stamp = now()
        for inv in preview.invoices:
            key = (inv.law_firm_id, inv.invoice_number)
            taken = s.scalar(select(LedesInvoiceRow).where(LedesInvoiceRow.law_firm_id == inv.law_firm_id,
                                                          LedesInvoiceRow.invoice_number == inv.invoice_number))
            if taken is not None:
                raise LineProblem("imp_duplicate_invoice", inv.first_line, "INVOICE_NUMBER", firm=inv.law_firm_id,
                                  invoice=inv.invoice_number, when=taken.imported_at.date().isoformat())
            total = inv.invoice_total if inv.invoice_total is not None else inv.lines_total
            amount, problem = _fit(total, inv.currency, inv.first_line, "INVOICE_TOTAL")
            if problem:
                raise problem
            row = LedesInvoiceRow(law_firm_id=inv.law_firm_id, invoice_number=inv.invoice_number,
                                  invoice_date=inv.invoice_date, currency=inv.currency,
                                  total_minor=Money(amount, inv.currency).minor, format=inv.format,
                                  imported_at=stamp, dispute_id=d.id)
            s.add(row)
            s.flush()
            invoice_ids[key] = row.id
        values = []
        created: dict[object, list[str]] = defaultdict(list)
        for prow, ref in zip(preview.rows, refs, strict=True):
            v = convert.expense_values(prow.expense)
            v.update(ref=ref, dispute_id=d.id, created_at=stamp, version=1,
                     ledes_invoice_id=invoice_ids.get(prow.invoice) if prow.invoice else None)
            values.append(v)
            created[prow.invoice].append(ref)
        if values:
            _bulk_insert(s, ExpenseRow.__table__, values)
        # the audit: one "import" event per invoice (or per CSV file) listing the expenses it
        # created; each expense's own ``source`` and ``created_at`` say where and when it came from
        for inv in preview.invoices:
            key = (inv.law_firm_id, inv.invoice_number)
            total = inv.invoice_total if inv.invoice_total is not None else inv.lines_total
            store.audit(s, "ledes_invoice", f"{inv.law_firm_id}:{inv.invoice_number}"[:64], "import",
                        {"total": [None, format(total, "f")], "currency": [None, inv.currency],
                         "file": [None, preview.filename], "expenses": [None, created.get(key, [])]})
        if created.get(None):
            store.audit(s, "import", f"{preview.kind}:{preview.filename}"[:64], "import",
                        {"file": [None, preview.filename], "expenses": [None, created[None]]})
        rows = [(ref, r.expense.currency, r.expense.amount) for r, ref in zip(preview.rows, refs, strict=True)]
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for _, currency, amount in rows:
        totals[currency] += amount
    return ImportResult(tuple(ref for ref, _, _ in rows), tuple(invoice_ids), dict(totals))





# --- CSV --------------------------------------------------------------------------------------

MAPPING_PREFIX = "csv_mapping."

register(
    {
        "imp_category_unknown": (
            "费用类别 “{value}” 无法识别（可用代码、中文或英文名称、UTBMS 费用代码）",
            "category '{value}' is not recognised (use a code, the Chinese or English name, or a UTBMS E-code)",
        ),
        "imp_csv_seen_before": (
            "同名文件 {file} 曾导入过（{count} 笔费用）；请确认不是重复导入",
            "a file named {file} was imported before ({count} expenses); make sure this is not a repeat",
        ),
        "imp_ref_repeated": ("编号 “{ref}” 在文件中已于第 {first} 行使用", "ref '{ref}' is already used on line {first}"),
        "imp_mapping_file": ("映射文件 {path} 不是有效的 JSON：{reason}", "mapping file {path} is not valid JSON: {reason}"),
    }
)

_TRUE = {"1", "true", "yes", "y", "是", "t", "x", "✓"}
_FALSE = {"", "0", "false", "no", "n", "否", "f"}


def category_code(value: str) -> str | None:
    """A category code from its code, Chinese or English name, or a UTBMS expense code."""
    v = (value or "").strip()
    if not v:
        return None
    low = v.lower()
    for c in cats.CATEGORIES:
        if low in (c.code, c.en.lower()) or v == c.zh:
            return c.code
    found = cats.utbms(v)
    return found.category if found else None


def resolve_mapping(store: Store, name_or_file: str) -> csv_import.CsvMapping:
    """A saved mapping by name, or a JSON mapping file by path."""
    import json
    from pathlib import Path

    path = Path(name_or_file)
    if path.suffix.lower() == ".json" or path.is_file():
        try:
            doc = json.loads(path.read_text("utf-8-sig"))
        except OSError as exc:
            raise file_problem(exc, "mapping", path) from None
        except ValueError as exc:
            raise ValidationError("imp_mapping_file", "mapping", path=str(path), reason=str(exc)[:100]) from None
        return csv_import.CsvMapping.from_dict(doc)
    mapping = load_mapping(store, name_or_file)
    if mapping is None:
        raise NotFound("not_found", "mapping", kind="mapping", ref=name_or_file)
    return mapping


def load_mapping(store: Store, name: str) -> csv_import.CsvMapping | None:
    with store.session() as s:
        row = s.get(SettingRow, MAPPING_PREFIX + name)
        return None if row is None or row.value is None else csv_import.CsvMapping.from_dict(row.value)


def list_mappings(store: Store) -> list[str]:
    with store.session() as s:
        keys = s.scalars(select(SettingRow.key).where(SettingRow.key.like(MAPPING_PREFIX + "%")).order_by(SettingRow.key))
        return [k[len(MAPPING_PREFIX):] for k in keys]


def save_mapping(store: Store, name: str, mapping: csv_import.CsvMapping) -> None:
    """Save (or replace) a named mapping in the store's settings."""
    name = (name or "").strip()
    if not name or len(MAPPING_PREFIX + name) > 100:
        raise ValidationError("required" if not name else "too_long", "name", max=100 - len(MAPPING_PREFIX))
    with store.session() as s:
        row = s.get(SettingRow, MAPPING_PREFIX + name)
        before = row.value if row is not None else None
        if row is None:
            row = SettingRow(key=MAPPING_PREFIX + name)
            s.add(row)
        row.value = mapping.to_dict()
        store.audit(s, "setting", MAPPING_PREFIX + name, "update" if before else "create", {"value": [before, row.value]})


def preview_csv(
    store: Store, data: bytes, dispute: str, mapping: csv_import.CsvMapping, filename: str = ""
) -> ImportPreview:
    """What importing this CSV into ``dispute`` would create; writes nothing."""
    parsed = csv_import.read(data, mapping)
    with store.session() as s:
        d = _dispute_row(s, dispute)
        covered = _covered_categories(s, d)
        refs = _ref_stream(s, "E")
        given = [r.get("ref") for r in parsed.rows if r.get("ref")]
        taken = set(s.scalars(select(ExpenseRow.ref).where(ExpenseRow.ref.in_(given)))) if given else set()
        seen_before = 0
        if filename:
            seen_before = len(list(s.scalars(select(ExpenseRow.id).where(ExpenseRow.source.like(f"csv:{filename}:%")))))
    errors = list(parsed.errors)
    warnings = list(parsed.warnings)
    if seen_before:
        warnings.append(LineProblem("imp_csv_seen_before", 0, file=filename, count=seen_before))
    rows: list[PreviewRow] = []
    first_use: dict[str, int] = {}
    warned: set[str] = set()
    for r in parsed.rows:
        raw_category = r.get("category") or ""
        category = category_code(raw_category) if raw_category else category_code(mapping.category)
        if category is None:
            errors.append(LineProblem("imp_category_unknown" if raw_category or mapping.category else "required",
                                      r.line, r.column_of("category"), value=raw_category or mapping.category))
            continue
        if abs(r.get("amount")) >= _LIMIT:
            errors.append(LineProblem("out_of_range", r.line, r.column_of("amount"), low=f"-{_LIMIT:,}",
                                      high=f"{_LIMIT:,}"))
            continue
        staff_raw = str(r.get("incurred_by_insured_staff") or "").strip().lower()
        if staff_raw not in _TRUE | _FALSE:
            errors.append(LineProblem("not_a_bool", r.line, r.column_of("incurred_by_insured_staff")))
            continue
        code = (r.get("utbms_code") or "").upper()
        ref = r.get("ref") or ""
        d_values = {
            "ref": ref or "TMP", "dispute": dispute, "category": category, "amount": r.get("amount"),
            "currency": (r.get("currency") or mapping.currency or "").upper(),
            "payee": r.get("payee") or "", "invoice_number": r.get("invoice_number") or "",
            "invoice_date": r.get("invoice_date"), "paid_on": r.get("paid_on"),
            "description_zh": r.get("description_zh") or "", "description_en": r.get("description_en") or "",
            "incurred_by_insured_staff": staff_raw in _TRUE, "utbms_code": code,
            "source": f"csv:{filename}:{r.line}", "service_date": r.get("service_date"),
        }
        try:
            e = _expense_from_values(d_values)
        except ValidationError as exc:
            errors.append(LineProblem(exc.code, r.line, r.column_of(exc.field), **exc.params))
            continue
        if ref:
            if ref in taken:
                errors.append(LineProblem("duplicate_ref", r.line, r.column_of("ref"), kind="expense", ref=ref))
                continue
            if ref in first_use:
                errors.append(LineProblem("imp_ref_repeated", r.line, r.column_of("ref"), ref=ref,
                                          first=first_use[ref]))
                continue
            first_use[ref] = r.line
        else:
            e = replace(e, ref=next(refs))
        if covered is not None and category not in covered and category not in warned:
            warned.add(category)
            warnings.append(LineProblem("imp_not_covered", r.line, **_labels(category)))
        found = cats.utbms(code) if code else None
        rows.append(PreviewRow(r.line, e, "", found.zh if found else "", found.en if found else "", None, bool(ref)))
    return ImportPreview("csv", dispute, filename, "csv", tuple(rows), (), tuple(errors), tuple(warnings))


def _expense_from_values(values: dict) -> Expense:
    from lei_desktop.domain.validation import expense_from_dict

    d = dict(values)
    for key in ("invoice_date", "paid_on", "service_date"):
        if d.get(key) is not None:
            d[key] = d[key].isoformat()
    return expense_from_dict(d)


# --- exchange rates ---------------------------------------------------------------------------


def preview_rates(data: bytes) -> fx_csv.FxFile:
    """The rates a ``date,currency,rate,per[,source]`` file holds (nothing written)."""
    return fx_csv.read(data)


def commit_rates(store: Store, parsed: fx_csv.FxFile) -> tuple[int, int]:
    """Insert or replace the rates in one transaction: ``(added, changed)``."""
    if parsed.errors:
        raise first_refusal(parsed.errors)
    from lei_desktop.services.rates import upsert_rates

    with store.session() as s:
        return upsert_rates(s, store, parsed.rates)


def first_refusal(errors) -> LeiError:
    errors = list(errors)
    return errors[0] if len(errors) == 1 else _Refused(errors[0], len(errors))
