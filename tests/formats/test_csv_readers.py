"""CSV of expenses and of rates: numbers, dates, encodings, mappings; problems by line and column."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from lei_desktop.domain.errors import ValidationError
from lei_desktop.formats import csv_import, fx_csv
from lei_desktop.formats.csv_import import CsvMapping, parse_amount, parse_date


@pytest.mark.parametrize("text,mark,expected", [
    ("1234.5", ".", "1234.5"), ("1,234.50", ".", "1234.50"), ("¥2,000.00", ".", "2000.00"),
    ("-12.30", ".", "-12.30"), ("(12.30)", ".", "-12.30"), ("1.234,56", ",", "1234.56"), ("7,5", ",", "7.5"),
    ("1 234,56", ",", "1234.56"), ("USD 10", ".", "10"),
])  # fmt: skip
def test_amounts(text, mark, expected):
    assert parse_amount(text, mark) == Decimal(expected)


@pytest.mark.parametrize("text,mark", [("1.234,56", "."), ("1,23,4", "."), ("abc", "."), ("1e5", "."), ("", "."),
                                       ("1,234.56", ",")])
def test_bad_amounts(text, mark):
    assert parse_amount(text, mark) is None


@pytest.mark.parametrize("text", ["2026-04-01", "2026/4/1", "2026.04.01", "2026年4月1日", "2026 年 4 月 1 日",
                                  "20260401"])
def test_year_first_dates(text):
    assert parse_date(text) == date(2026, 4, 1)


def test_day_month_order_is_never_guessed():
    with pytest.raises(csv_import.AmbiguousDate):
        parse_date("01/04/2026")
    assert parse_date("01/04/2026", "dmy") == date(2026, 4, 1)
    assert parse_date("01/04/2026", "mdy") == date(2026, 1, 4)
    assert parse_date("2026-02-30") is None and parse_date("31/31/2026", "dmy") is None


def test_mapping_round_trip_and_refusals():
    m = CsvMapping.from_dict({"columns": {"amount": 3, "paid_on": "Date"}, "decimal": ",", "date_order": "mdy"})
    assert CsvMapping.from_dict(m.to_dict()) == m
    assert m.column("amount") == "3"
    for bad, field in (({"columns": {}}, "columns"), ({"columns": {"paid_on": "d"}}, "columns.amount"),
                       ({"columns": {"amount": "a", "price": "b"}}, "columns.price"),
                       ({"columns": {"amount": "a"}, "decimal": ";"}, "decimal"),
                       ({"columns": {"amount": "a"}, "date_order": "ydm"}, "date_order")):
        with pytest.raises(ValidationError) as exc:
            CsvMapping.from_dict(bad)
        assert exc.value.field == field


def test_encodings_and_columns_by_number():
    m = CsvMapping.from_dict({"columns": {"amount": "2", "payee": "1"}, "header": False})
    text = "北京律所,100\n东京事务所,200\n"
    for enc in ("utf-8", "utf-8-sig", "gb18030"):
        f = csv_import.read(text.encode(enc), m)
        assert not f.errors
        assert [(r.get("payee"), r.get("amount")) for r in f.rows] == [("北京律所", Decimal(100)),
                                                                       ("东京事务所", Decimal(200))]


def test_quoted_multiline_field_keeps_line_numbers():
    m = CsvMapping.from_dict({"columns": {"amount": "a", "description_en": "d"}})
    f = csv_import.read(b'a,d\n1,"two\nlines"\nx,y\n', m)
    assert f.rows[0].get("description_en") == "two\nlines"
    assert [(e.line, e.column, e.code) for e in f.errors] == [(4, "a", "csv_amount")]


def test_missing_column_names_it():
    m = CsvMapping.from_dict({"columns": {"amount": "金额"}})
    f = csv_import.read("日期,数额\n2026-01-01,1\n".encode("gb18030"), m)
    assert f.errors[0].code == "csv_no_column" and "金额" in f.errors[0].message("zh")


def test_undecodable_bytes():
    f = csv_import.read(b"\x81\x30\xff\xfe\x00", CsvMapping.from_dict({"columns": {"amount": "1"}}))
    assert f.errors and f.errors[0].code in ("csv_encoding", "csv_no_rows", "csv_empty", "csv_no_column")


def test_rates_file():
    f = fx_csv.read(b"date,currency,rate,per,source\n2026-04-01,USD/CNY,7.1234,1,CFETS\n"
                    b"2026-04-02,100JPY/CNY,4.6128,100,CFETS\n2026/4/3,jpy,4.6,100,\n")
    assert not f.errors
    assert [(r.currency, r.rate, r.per) for r in f.rates] == [("USD", Decimal("7.1234"), 1),
                                                              ("JPY", Decimal("4.6128"), 100),
                                                              ("JPY", Decimal("4.6"), 100)]
    assert f.lines == (2, 3, 4)


@pytest.mark.parametrize("line,code,column", [
    ("2026-04-01,USD,7.1,2", "rate_per", "per"), ("2026-04-01,100JPY,4.6,1", "fx_per_conflict", "per"),
    ("2026-04-01,XYZ,1,1", "unknown_currency", "currency"), ("04/01/2026,USD,7.1,1", "csv_date", "date"),
    ("2026-04-01,USD,0,1", "not_positive", "rate"), ("2026-04-01,USD,7.1", "fx_columns", ""),
    ("2026-04-01,USD,7.1,", "required", "per"),
])  # fmt: skip
def test_rate_errors(line, code, column):
    f = fx_csv.read(f"date,currency,rate,per\n{line}\n".encode())
    assert [(e.line, e.code, e.column) for e in f.errors] == [(2, code, column)]


def test_repeated_rate_and_per_100_warning():
    f = fx_csv.read(b"2026-04-01,USD,7.1,1\n2026-04-01,USD,7.2,1\n2026-04-01,USD,7.1,1\n2026-04-01,JPY,4.6,1\n")
    assert [(e.line, e.code) for e in f.errors] == [(2, "fx_repeated")]
    assert [(w.line, w.code) for w in f.warnings] == [(4, "fx_looks_per_100")]


@pytest.mark.parametrize("text", ["01-Apr-2026", "1 April 2026", "April 1, 2026", "Apr. 1 2026", "1-apr-2026",
                                  "April 1st, 2026"])
def test_month_names_need_no_order(text):
    for order in ("ymd", "dmy", "mdy"):
        assert parse_date(text, order) == date(2026, 4, 1)


def test_bad_month_names():
    assert parse_date("31-Feb-2026") is None and parse_date("1-Foo-2026") is None and parse_date("Apr") is None


def test_absurd_rate_is_refused():
    f = fx_csv.read(b"2026-04-01,USD,12345678901234567890,1\n")
    assert [(e.line, e.column, e.code) for e in f.errors] == [(1, "rate", "out_of_range")]
