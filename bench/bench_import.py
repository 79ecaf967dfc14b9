"""LEDES import: a 10,000-line LEDES 1998B file through preview + commit vs the same rows read
naively (split on ``[]`` and ``|``, no checks) and written with raw ``sqlite3`` ``executemany`` into
the same ``expense`` table (same schema and indexes, created untimed). Ours also checks every
field, the arithmetic, duplicates, and writes the ledes_invoice and audit rows."""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench.run import row

N = 10_000
INVOICES = 10
TARGET = 5.0


def _scenario() -> Path:
    """``shared/examples/scenario.json`` beside the checkout (LEI_SHARED_DIR overrides)."""
    env = os.environ.get("LEI_SHARED_DIR")
    if env:
        return Path(env) / "examples" / "scenario.json"
    for base in Path(__file__).resolve().parents:
        candidate = base / "shared" / "examples" / "scenario.json"
        if candidate.is_file():
            return candidate
    return Path("shared/examples/scenario.json")


def ledes_file() -> bytes:
    from lei_desktop.formats import ledes

    w = ledes.writer()
    per = N // INVOICES
    codes = ["E101", "E110", "E111", "E112", "E119", "E124"]
    for inv in range(INVOICES):
        total_cents = 0
        lines = []
        for i in range(per):
            if i % 3:
                units, cost = "1.5", "420.00"
                total = "630.00"
                kind, task, exp, act = "F", "L210", "", "A103"
            else:
                units, cost = "1", f"{10 + i % 90}.25"
                total = cost
                kind, task, exp, act = "E", "", codes[i % len(codes)], ""
            total_cents += int(total.replace(".", ""))
            lines.append(dict(LINE_ITEM_NUMBER=str(i + 1), LINE_ITEM_NUMBER_OF_UNITS=units,
                              LINE_ITEM_ADJUSTMENT_AMOUNT="0", LINE_ITEM_TOTAL=total, LINE_ITEM_DATE="20260310",
                              LINE_ITEM_TASK_CODE=task, LINE_ITEM_EXPENSE_CODE=exp, LINE_ITEM_ACTIVITY_CODE=act,
                              LINE_ITEM_DESCRIPTION=f"Work item {i} <b>draft</b> – 审阅", LINE_ITEM_UNIT_COST=cost,
                              **{"EXP/FEE/INV_ADJ_TYPE": kind}))
        invoice_total = f"{total_cents // 100}.{total_cents % 100:02d}"
        for line in lines:
            w.add(INVOICE_DATE="20260331", INVOICE_NUMBER=f"BENCH-{inv}", CLIENT_ID="C1", LAW_FIRM_MATTER_ID="M1",
                  INVOICE_TOTAL=invoice_total, LAW_FIRM_ID="95-0000000", CLIENT_MATTER_ID="CM1", **line)
    return w.text().encode("utf-8")


def raw_sqlite(path: Path, data: bytes) -> None:
    """The same rows, split naively, into the same ``expense`` table (schema made beforehand)."""
    text = data.decode("utf-8")
    recs = [r.strip() for r in text.split("[]") if r.strip()]
    names = recs[1].split("|")
    rows = []
    for i, rec in enumerate(recs[2:]):
        f = dict(zip(names, rec.split("|"), strict=True))
        rows.append((f"R{i}", 1, f["EXP/FEE/INV_ADJ_TYPE"], f["LAW_FIRM_ID"], f["INVOICE_NUMBER"], f["INVOICE_DATE"],
                     int(f["LINE_ITEM_TOTAL"].replace(".", "")), "USD", "", f["LINE_ITEM_DESCRIPTION"], False, "",
                     f["LINE_ITEM_EXPENSE_CODE"] or f["LINE_ITEM_TASK_CODE"], "ledes", 1))
    con = sqlite3.connect(path)
    with con:
        con.executemany(
            "insert into expense (ref, dispute_id, category, payee, invoice_number, invoice_date, amount_minor, "
            "currency, description_zh, description_en, incurred_by_insured_staff, rate_override_note, utbms_code, "
            "source, version) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    con.close()


def ours(store, data: bytes) -> int:
    from lei_desktop.services import imports

    preview = imports.preview_ledes(store, data, "D1", currency="USD", filename="bench.txt")
    assert preview.ok, preview.errors[:3]
    return len(imports.commit(store, preview).refs)


def run(repeat: int = 3) -> list[dict]:
    from lei_desktop.services import Store, scenario

    data = ledes_file()
    base, mine = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(repeat):
            raw_path = Path(tmp) / f"raw{k}.sqlite3"
            with Store(raw_path, actor="bench") as blank:  # the same schema and indexes, made untimed
                scenario.load(blank, _scenario())
            t0 = time.perf_counter()
            raw_sqlite(raw_path, data)
            base.append(time.perf_counter() - t0)
            store = Store(Path(tmp) / f"ours{k}.sqlite3", actor="bench")
            scenario.load(store, _scenario())
            t0 = time.perf_counter()
            count = ours(store, data)
            mine.append(time.perf_counter() - t0)
            store.close()
            assert count == N, count
    results = [row("import-ledes 10,000 lines (preview + commit)", statistics.median(base), statistics.median(mine),
                   TARGET, "vs naive split + sqlite3 executemany, same table")]
    results.append(_csv_row(repeat))
    return results


def csv_file() -> bytes:
    lines = ["日期,金额,币种,类别,收款方,说明"]
    for i in range(N):
        lines.append(f"2026/4/{1 + i % 28},\"{1 + i % 900},{i % 1000:03d}.{i % 100:02d}\",USD,律师费,Smith & Lee,第{i}笔")
    return ("\r\n".join(lines) + "\r\n").encode("gb18030")


def _csv_row(repeat: int) -> dict:
    """CSV (GB18030, thousands separators, Chinese dates and categories) through preview + commit, for
    context against the same baseline (no target)."""
    import csv
    import io

    from lei_desktop.formats.csv_import import CsvMapping
    from lei_desktop.services import Store, imports, scenario

    data = csv_file()
    mapping = CsvMapping.from_dict({"columns": {"paid_on": "日期", "amount": "金额", "currency": "币种",
                                                "category": "类别", "payee": "收款方", "description_zh": "说明"}})
    base, mine = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(repeat):
            raw_path = Path(tmp) / f"raw{k}.sqlite3"
            with Store(raw_path, actor="bench") as blank:
                scenario.load(blank, _scenario())
            t0 = time.perf_counter()
            rows = [(f"R{i}", 1, "attorney_fees", r[4], "", r[0], int(r[1].replace(",", "").replace(".", "")), r[2],
                     r[5], "", False, "", "", "csv", 1)
                    for i, r in enumerate(list(csv.reader(io.StringIO(data.decode("gb18030"))))[1:])]
            con = sqlite3.connect(raw_path)
            with con:
                con.executemany(
                    "insert into expense (ref, dispute_id, category, payee, invoice_number, paid_on, amount_minor, "
                    "currency, description_zh, description_en, incurred_by_insured_staff, rate_override_note, "
                    "utbms_code, source, version) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            con.close()
            base.append(time.perf_counter() - t0)
            store = Store(Path(tmp) / f"ours{k}.sqlite3", actor="bench")
            scenario.load(store, _scenario())
            t0 = time.perf_counter()
            preview = imports.preview_csv(store, data, "D1", mapping, filename="bench.csv")
            assert preview.ok, preview.errors[:3]
            imports.commit(store, preview)
            mine.append(time.perf_counter() - t0)
            store.close()
    return row("import-csv 10,000 lines (preview + commit)", statistics.median(base), statistics.median(mine), None,
               "context: GB18030, full validation per row")
