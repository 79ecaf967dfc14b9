"""Property-based tests: the LEDES, CSV and rate readers never fail on any input, and a file
that is refused imports nothing."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from lei_desktop.domain.errors import LeiError
from lei_desktop.formats import csv_import, fx_csv, ledes
from lei_desktop.formats.problems import LineProblem

DATA = Path(__file__).resolve().parents[1] / "data" / "ledes"
SAMPLES = [(DATA / n).read_bytes() for n in ("canonical_1998b.txt", "two_invoices.txt", "ebi_eur.txt")]
ALPHABET = "|[]\r\n 0123456789.-,EFI ÜLEDS98B年月日\t\"'<>&"


@st.composite
def mutated(draw) -> bytes:
    """A real LEDES file with a few random cuts, insertions and replacements."""
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 6))):
        pos = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        chunk = draw(st.text(ALPHABET, min_size=1, max_size=6)).encode("utf-8")
        if op == "insert":
            data[pos:pos] = chunk
        elif op == "delete":
            del data[pos:pos + len(chunk)]
        else:
            data[pos:pos + len(chunk)] = chunk
    return bytes(data)


def _check(result) -> None:
    for p in (*result.errors, *result.warnings):
        assert isinstance(p, LineProblem)
        assert p.message("en") and p.message("zh")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_ledes_reader_survives_any_bytes(data):
    _check(ledes.read(data))


@settings(max_examples=300, deadline=None)
@given(mutated())
def test_ledes_reader_survives_damaged_files(data):
    f = ledes.read(data)
    _check(f)
    if f.ok:
        assert all(isinstance(ln.total, type(f.invoices[0].lines[0].total)) for i in f.invoices for ln in i.lines)


@settings(max_examples=200, deadline=None)
@given(st.text(ALPHABET, max_size=300))
def test_ledes_reader_survives_any_text(text):
    _check(ledes.read("LEDES1998B[]\n" + "|".join(ledes.FIELDS_1998B) + "[]\n" + text))


MAPPING = csv_import.CsvMapping.from_dict({
    "columns": {"paid_on": "date", "amount": "amount", "currency": "cur", "category": "cat", "ref": "ref"},
    "date_order": "dmy",
})  # fmt: skip
CSV_ALPHABET = ',;"\r\n 0123456789.-/年月日USDCNYE112律师费ab'


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([".", ","]), st.sampled_from(["ymd", "dmy", "mdy"]))
def test_csv_reader_survives_any_bytes(data, decimal, order):
    mapping = csv_import.CsvMapping.from_dict({**MAPPING.to_dict(), "decimal": decimal, "date_order": order})
    _check(csv_import.read(data, mapping))


@settings(max_examples=300, deadline=None)
@given(st.text(CSV_ALPHABET, max_size=300))
def test_csv_reader_survives_any_text(text):
    for encoding in ("utf-8", "gb18030"):
        _check(csv_import.read(("date,amount,cur,cat,ref\n" + text).encode(encoding), MAPPING))


@settings(max_examples=300, deadline=None)
@given(st.text(CSV_ALPHABET + "JPY100", max_size=200))
def test_rates_reader_survives_any_text(text):
    _check(fx_csv.read(text.encode("utf-8")))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=mutated())
def test_a_refused_ledes_file_imports_nothing(loaded_store, data):
    from lei_desktop.services import imports
    from lei_desktop.store.models import ExpenseRow, LedesInvoiceRow

    def counts():
        with loaded_store.session() as s:
            return (s.scalar(select(func.count()).select_from(ExpenseRow)),
                    s.scalar(select(func.count()).select_from(LedesInvoiceRow)))

    before = counts()
    p = imports.preview_ledes(loaded_store, data, "D1", currency="USD")
    try:
        result = imports.commit(loaded_store, p)
    except LeiError:
        assert counts() == before
    else:
        assert p.ok
        assert counts()[0] == before[0] + len(result.refs)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(CSV_ALPHABET, max_size=200))
def test_a_refused_csv_file_imports_nothing(loaded_store, text):
    from lei_desktop.services import imports
    from lei_desktop.store.models import ExpenseRow

    def n():
        with loaded_store.session() as s:
            return s.scalar(select(func.count()).select_from(ExpenseRow))

    before = n()
    p = imports.preview_csv(loaded_store, ("date,amount,cur,cat,ref\n" + text).encode(), "D1", MAPPING)
    try:
        result = imports.commit(loaded_store, p)
    except LeiError:
        assert n() == before
    else:
        assert p.ok and n() == before + len(result.refs)


NARRATIVE = st.text(st.characters(blacklist_characters="|\r\n\x85\u2028\u2029\x00", blacklist_categories=("Cs",)),
                    max_size=40)  # NUL is dropped on reading (with a warning), so it never reads back
CENTS = st.integers(-10**9, 10**9)


@st.composite
def invoices(draw):
    """A well-formed 1998B file: a few invoices with random lines, narratives and line ends."""
    from decimal import Decimal

    w = ledes.writer()
    expected = []
    for inv in range(draw(st.integers(1, 3))):
        lines = []
        for n in range(draw(st.integers(1, 6))):
            kind = draw(st.sampled_from(["F", "E", "IF", "IE"]))
            total = Decimal(draw(CENTS)).scaleb(-2)
            lines.append((n + 1, kind, total, draw(NARRATIVE)))
        invoice_total = sum((t for _, _, t, _ in lines), Decimal(0))
        for number, kind, total, text in lines:
            w.add(INVOICE_DATE="20260131", INVOICE_NUMBER=f"INV-{inv}", CLIENT_ID="C", LAW_FIRM_MATTER_ID="M",
                  INVOICE_TOTAL=str(invoice_total), LINE_ITEM_NUMBER=str(number), LINE_ITEM_TOTAL=str(total),
                  LINE_ITEM_EXPENSE_CODE="E112" if kind == "E" else "", LINE_ITEM_DESCRIPTION=text,
                  LAW_FIRM_ID="FIRM", **{"EXP/FEE/INV_ADJ_TYPE": kind})
        expected.append((f"INV-{inv}", invoice_total, [(k, t, d) for _, k, t, d in lines]))
    newline = draw(st.sampled_from(["\r\n", "\n", "\r", "", "  \n"]))
    return w.text(newline), expected


@settings(max_examples=150, deadline=None)
@given(invoices())
def test_well_formed_files_read_back_exactly(case):
    text, expected = case
    f = ledes.read(text.encode("utf-8"))
    assert f.ok, [e.message() for e in f.errors]
    assert [w.code for w in f.warnings] == []
    got = [(i.invoice_number, i.invoice_total, [(ln.kind, ln.total, ln.description) for ln in i.lines])
           for i in f.invoices]
    assert got == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.dates(), CENTS, NARRATIVE), min_size=1, max_size=8),
       st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]), st.sampled_from([",", ";", "\t"]),
       st.sampled_from([".", ","]), st.sampled_from(["ymd", "dmy", "mdy"]))
def test_written_csv_reads_back_exactly(rows, encoding, delimiter, decimal, order):
    import csv
    import io
    from decimal import Decimal

    out = io.StringIO()
    w = csv.writer(out, delimiter=delimiter)
    w.writerow(["date", "amount", "memo"])
    for day, cents, memo in rows:
        amount = format(Decimal(cents).scaleb(-2), "f")
        if decimal == ",":
            amount = amount.replace(".", ",")
        written = {"ymd": day.strftime("%Y-%m-%d"), "dmy": day.strftime("%d/%m/%Y"),
                   "mdy": day.strftime("%m/%d/%Y")}[order]
        if day.year < 1000:
            written = day.isoformat() if order == "ymd" else written
        w.writerow([written, amount, memo])
    mapping = csv_import.CsvMapping.from_dict({"columns": {"paid_on": "date", "amount": "amount",
                                                           "description_en": "memo"},
                                               "decimal": decimal, "date_order": order, "delimiter": delimiter})
    try:
        data = out.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return  # GB18030 covers all of Unicode, but lone surrogates cannot be written at all
    f = csv_import.read(data, mapping)
    if any(day.year < 1000 for day, _, _ in rows):
        return  # 4-digit years only
    assert not f.errors, [e.message() for e in f.errors]
    got = [(r.get("paid_on"), r.get("amount"), r.get("description_en") or "") for r in f.rows]
    assert got == [(d, Decimal(c).scaleb(-2), m) for d, c, m in rows]  # NUL bytes are dropped, so none here


_INVOICE_NUMBERS = __import__("itertools").count(1)


@st.composite
def mixed_invoice(draw):
    """One invoice with fee, expense (several UTBMS codes) and adjustment lines."""
    from decimal import Decimal

    w = ledes.writer()
    firm = "FIRM"  # the test gives each example its own invoice number
    lines = []
    for n in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["F", "E", "E", "IF", "IE"]))
        cents = draw(st.integers(-10**7, 10**7).filter(lambda c: c != 0))
        code = draw(st.sampled_from(["E101", "E110", "E112", "E119", "E124", "E999", ""])) if kind == "E" else ""
        lines.append((n + 1, kind, Decimal(cents).scaleb(-2), code))
    total = sum((t for _, _, t, _ in lines), Decimal(0))
    for number, kind, amount, code in lines:
        w.add(INVOICE_DATE="20260131", INVOICE_NUMBER="INV", CLIENT_ID="C", LAW_FIRM_MATTER_ID="M",
              INVOICE_TOTAL=str(total), LINE_ITEM_NUMBER=str(number), LINE_ITEM_TOTAL=str(amount),
              LINE_ITEM_EXPENSE_CODE=code, LAW_FIRM_ID=firm, **{"EXP/FEE/INV_ADJ_TYPE": kind})
    return w.text(), total, lines


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=mixed_invoice())
def test_imported_expenses_add_up_to_the_invoice(loaded_store, case):
    from decimal import Decimal

    from lei_desktop.services import expenses, imports

    text, total, lines = case
    text = text.replace("|INV|", f"|INV-{next(_INVOICE_NUMBERS)}|")
    p = imports.preview_ledes(loaded_store, text.encode(), "D1", currency="USD")
    assert not p.errors, [e.message() for e in p.errors]
    result = imports.commit(loaded_store, p)
    created = [e for e in expenses.list_expenses(loaded_store, "D1") if e.ref in set(result.refs)]
    assert sum((e.amount for e in created), Decimal(0)) == total
    fees = sum((t for _, k, t, _ in lines if k in ("F", "IF")), Decimal(0))
    assert sum((r.expense.amount for r in p.rows if r.kind in ("F", "IF")), Decimal(0)) == fees
    assert all(r.expense.category == "attorney_fees" for r in p.rows if r.kind in ("F", "IF"))
    expense_lines = sum((t for _, k, t, _ in lines if k in ("E", "IE")), Decimal(0))
    assert sum((r.expense.amount for r in p.rows if r.kind in ("E", "IE")), Decimal(0)) == expense_lines


FIELD_VALUES = st.one_of(
    st.sampled_from(["", " ", "0", "1", "-1", "12.50", "-4000", "1e3", "1,000.00", "99999999999999.99", "0.001",
                     "20260131", "20261331", "2026-01-31", "F", "E", "IF", "IE", "f", "X", "E112", "E999", "e119",
                     "L210", "A102", "USD", "EUR", "JPY", "eur", "XXX", "[]", "<b>", "Ü", "审", "NaN", "Infinity",
                     "9" * 25, "-" + "9" * 25 + ".5", "a\x00b", "x" * 120]),
    st.text(st.characters(blacklist_characters="|\r\n", blacklist_categories=("Cs",)), max_size=8),
)


@st.composite
def odd_files(draw):
    fmt = draw(st.sampled_from(["1998B", "98BI"]))
    w = ledes.writer(fmt)
    names = ledes.FORMATS[fmt]
    for _ in range(draw(st.integers(1, 5))):
        row = {n: draw(FIELD_VALUES) for n in draw(st.lists(st.sampled_from(names), max_size=12))}
        base = {"INVOICE_DATE": "20260131", "INVOICE_NUMBER": f"N{draw(st.integers(0, 3))}", "LAW_FIRM_ID": "F",
                "INVOICE_TOTAL": "100", "LINE_ITEM_TOTAL": draw(st.sampled_from(["100", "-5", "0", "3.333"])),
                "EXP/FEE/INV_ADJ_TYPE": draw(st.sampled_from(["F", "E", "IF", "IE"])),
                "LINE_ITEM_EXPENSE_CODE": draw(st.sampled_from(["E112", "E999", "", "E110"]))}
        w.add(**{**base, **row})
    return w.text(draw(st.sampled_from(["\r\n", "\n", ""])))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=odd_files(), currency=st.sampled_from([None, "USD", "JPY", "KWD", "usd", "XYZ", ""]))
def test_any_field_values_are_refused_or_imported_never_crash(loaded_store, text, currency):
    from lei_desktop.services import imports
    from lei_desktop.store.models import ExpenseRow

    def n():
        with loaded_store.session() as s:
            return s.scalar(select(func.count()).select_from(ExpenseRow))

    before = n()
    p = imports.preview_ledes(loaded_store, text.encode("utf-8"), "D1", currency=currency)
    _check(p)
    p.as_dict()
    try:
        result = imports.commit(loaded_store, p)
    except LeiError as exc:
        assert exc.message("zh") and exc.message("en")
        assert n() == before
    else:
        assert n() == before + len(result.refs)


ALL_FIELDS_MAPPING = csv_import.CsvMapping.from_dict({"columns": {f: f for f in csv_import.FIELDS},
                                                      "date_order": "dmy"})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.fixed_dictionaries({f: FIELD_VALUES for f in csv_import.FIELDS}), min_size=1, max_size=4),
       encoding=st.sampled_from(["utf-8", "gb18030"]))
def test_any_csv_cells_are_refused_or_imported_never_crash(loaded_store, rows, encoding):
    import csv
    import io

    from lei_desktop.services import imports
    from lei_desktop.store.models import ExpenseRow

    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(csv_import.FIELDS))
    w.writeheader()
    w.writerows(rows)

    def n():
        with loaded_store.session() as s:
            return s.scalar(select(func.count()).select_from(ExpenseRow))

    before = n()
    try:
        data = out.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return
    p = imports.preview_csv(loaded_store, data, "D1", ALL_FIELDS_MAPPING, filename="odd.csv")
    _check(p)
    p.as_dict()
    try:
        result = imports.commit(loaded_store, p)
    except LeiError as exc:
        assert exc.message("zh") and exc.message("en")
        assert n() == before
    else:
        assert n() == before + len(result.refs)
