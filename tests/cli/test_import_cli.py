"""import-ledes, import-csv, fx import and export-xlsx run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LEDES = ROOT / "tests" / "data" / "ledes"


def cli(*args: str, lang: str = "en", **extra_env: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8", **extra_env}
    return subprocess.run([sys.executable, "-m", "lei_desktop.cli", "--lang", lang, *args], capture_output=True,
                          encoding=extra_env.get("PYTHONIOENCODING", "utf-8"), env=env, timeout=120)


@pytest.fixture
def db(tmp_path, example_path) -> str:
    path = tmp_path / "t.sqlite3"
    assert cli("--db", str(path), "load", str(example_path)).returncode == 0
    return str(path)


def expense_doc(db: str, tmp_path: Path) -> list[dict]:
    out = tmp_path / "dump.json"
    assert cli("--db", db, "export-json", str(out)).returncode == 0
    return json.loads(out.read_text("utf-8"))["expenses"]


def test_dry_run_prints_json_and_writes_nothing(db, tmp_path):
    before = expense_doc(db, tmp_path)
    r = cli("--db", db, "import-ledes", str(LEDES / "two_invoices.txt"), "--dispute", "D1", "--currency", "USD",
            "--dry-run", "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["dry_run"] is True and doc["imported"] == []
    assert doc["totals"] == {"USD": "7955.00"}  # 5310.00 + 2645.00
    assert [i["invoice_total"] for i in doc["invoices"]] == ["5310.00", "2645.00"]
    assert expense_doc(db, tmp_path) == before


def test_import_then_repeat_is_refused(db, tmp_path):
    r = cli("--db", db, "import-ledes", str(LEDES / "two_invoices.txt"), "--dispute", "D1", "--currency", "USD",
            "--json")
    assert r.returncode == 0, r.stderr
    refs = json.loads(r.stdout)["imported"]
    rows = [e for e in expense_doc(db, tmp_path) if e["ref"] in refs]
    assert sum(Decimal(e["amount"]) for e in rows) == Decimal("7955.00")
    before = expense_doc(db, tmp_path)
    r = cli("--db", db, "import-ledes", str(LEDES / "two_invoices.txt"), "--dispute", "D1", "--currency", "USD")
    assert r.returncode == 1
    assert len(r.stderr.strip().splitlines()) == 1 and "SL-2026-031" in r.stderr and "Traceback" not in r.stderr
    assert expense_doc(db, tmp_path) == before
    r = cli("--db", db, "import-ledes", str(LEDES / "two_invoices.txt"), "--dispute", "D1", "--currency", "USD",
            lang="zh")
    assert r.returncode == 1 and "不能重复导入" in r.stderr and "第 3 行" in r.stderr


def test_98bi_eur(db, tmp_path):
    r = cli("--db", db, "import-ledes", str(LEDES / "ebi_eur.txt"), "--dispute", "D1", "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["totals"] == {"EUR": "2559.00"} and doc["format"] == "98BI"
    assert doc["by_category"] == {"attorney_fees": {"EUR": "1309.00"}, "court_fees": {"EUR": "1000.00"},
                                  "travel_lodging": {"EUR": "250.00"}}


def test_broken_header_exit_1_names_the_field(db, tmp_path):
    before = expense_doc(db, tmp_path)
    r = cli("--db", db, "import-ledes", str(LEDES / "broken_header.txt"), "--dispute", "D1", "--currency", "USD")
    assert r.returncode == 1 and "INVOICE_TOTL" in r.stderr and "line 2" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert expense_doc(db, tmp_path) == before


def test_missing_file_and_unknown_dispute_exit_1(db, tmp_path):
    assert cli("--db", db, "import-ledes", str(tmp_path / "none.txt"), "--dispute", "D1").returncode == 1
    r = cli("--db", db, "import-ledes", str(LEDES / "canonical_1998b.txt"), "--dispute", "NOPE")
    assert r.returncode == 1 and "NOPE" in r.stderr


def test_import_csv_with_a_mapping_file_then_by_name(db, tmp_path):
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"columns": {"paid_on": "日期", "amount": "金额", "category": "类别"},
                                   "currency": "CNY"}, ensure_ascii=False), "utf-8")
    data = tmp_path / "x.csv"
    data.write_bytes("日期,金额,类别\n2026年5月1日,\"1,000.10\",翻译及公证认证费用\n".encode("gb18030"))
    r = cli("--db", db, "import-csv", str(data), "--dispute", "D1", "--mapping", str(mapping), "--save-mapping",
            "cn", "--json")
    assert r.returncode == 0, r.stderr
    new = [e for e in expense_doc(db, tmp_path) if e["ref"] in json.loads(r.stdout)["imported"]]
    assert [(e["amount"], e["category"], e["paid_on"]) for e in new] == [
        ("1000.10", "translation_notarization", "2026-05-01")]
    r = cli("--db", db, "import-csv", str(data), "--dispute", "D1", "--mapping", "cn", "--dry-run")
    assert r.returncode == 0 and "imported before" in r.stderr  # a warning, not a refusal
    r = cli("--db", db, "csv-mappings", "--json")
    assert json.loads(r.stdout)["mappings"]["cn"]["columns"]["amount"] == "金额"


def test_fx_import(db, tmp_path):
    f = tmp_path / "fx.csv"
    f.write_text("date,currency,rate,per,source\n2026-06-01,100JPY,4.5,,CFETS\n2026-06-01,EUR,7.8,1,CFETS\n")
    r = cli("--db", db, "fx", "import", str(f), "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["added"] == 2
    r = cli("--db", db, "fx", "list", "--currency", "JPY", "--json")
    assert {"date": "2026-06-01", "currency": "JPY", "rate": "4.5", "per": 100, "source": "CFETS"} in \
        json.loads(r.stdout)["rates"]
    f.write_text("2026-06-02,EUR,abc,1\n")
    r = cli("--db", db, "fx", "import", str(f))
    assert r.returncode == 1 and "line 1" in r.stderr and "rate" in r.stderr


def test_export_xlsx(db, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "book.xlsx"
    r = cli("--db", db, "export-xlsx", "--out", str(out), "--dispute", "D1")
    assert r.returncode == 0, r.stderr
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    assert "Ref" in ws["A1"].value and "编号" in ws["A1"].value
    amounts = [ws.cell(row=i, column=8).value for i in range(2, ws.max_row)]
    assert all(isinstance(a, (int, float)) for a in amounts if a is not None)


def test_export_xlsx_to_an_unwritable_place_exits_1(db, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = cli("--db", db, "export-xlsx", "--out", str(blocker / "sub" / "book.xlsx"))
    assert r.returncode == 1 and "Traceback" not in r.stderr and "book.xlsx" in r.stderr


def test_a_latin1_console_gets_stand_ins_not_a_crash(db):
    r = cli("--db", db, "import-ledes", str(LEDES / "two_invoices.txt"), "--dispute", "D1", "--currency", "USD",
            "--dry-run", lang="zh", PYTHONIOENCODING="latin-1")
    assert r.returncode == 0, r.stderr
    assert "\\u5f8b\\u5e08\\u8d39" in r.stdout  # 律师费, escaped
