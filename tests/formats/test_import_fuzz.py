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
