"""A hostile tester's audit of every lei-cli command: bad input gets exit 1 (or 2 for wrong usage),
one line on stderr in the requested language naming the field, line or path, never a traceback,
and the store is left exactly as it was (export-json --audit before and after are identical).

Each case is a row: the command line (``{db}``, ``{tmp}`` and ``{f}`` filled in per test), the file
``{f}`` it reads (made by a small function), the exit code wanted and what the message must name.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lei_desktop.cli import main

from ..conftest import EXAMPLE

CJK = tuple(chr(c) for c in range(0x4E00, 0x9FA6))


# ---------------------------------------------------------------------------------------------
# a loaded store, made once and copied for every case


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    old = os.environ.get("LEI_DATA_DIR")
    os.environ["LEI_DATA_DIR"] = str(folder / "data")
    try:
        db = folder / "store.sqlite3"
        assert main(["--db", str(db), "--lang", "en", "load", str(EXAMPLE)]) == 0
        # a submitted claim too, so that frozen expenses are part of the picture
        assert main(["--db", str(db), "--lang", "en", "claim", "create", "--dispute", "D1", "--expenses", "E1",
                     "--ref", "CL-X"]) == 0
        assert main(["--db", str(db), "--lang", "en", "claim", "submit", "CL-X", "--override", "audit"]) == 0
    finally:
        if old is None:
            os.environ.pop("LEI_DATA_DIR", None)
        else:
            os.environ["LEI_DATA_DIR"] = old
    return db


@pytest.fixture(scope="module")
def backup_file(template, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bk") / "good.leibak"
    assert main(["--db", str(template), "--lang", "en", "backup", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def sealed_backup(template, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bk")
    pw = folder / "pw.txt"
    pw.write_text("right password 密码\n", "utf-8")
    out = folder / "sealed.leibak"
    assert main(["--db", str(template), "--lang", "en", "backup", "--out", str(out), "--password-file", str(pw)]) == 0
    return out


def run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: wrong usage
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(db: Path, tmp: Path, capsys) -> bytes:
    out = tmp / "snapshot.json"
    code, _, err = run(["--db", str(db), "--lang", "en", "export-json", "--audit", str(out)], capsys)
    assert code == 0, err
    data = out.read_bytes()
    out.unlink()
    return data


# ---------------------------------------------------------------------------------------------
# hostile files


def w(name: str, data: bytes | str) -> Callable[[Path, dict], Path]:
    def make(tmp: Path, ctx: dict) -> Path:
        p = tmp / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return p

    return make


def a_dir(tmp: Path, ctx: dict) -> Path:
    p = tmp / "a folder 文件夹"
    p.mkdir()
    return p


def missing(tmp: Path, ctx: dict) -> Path:
    return tmp / "没有 这个文件.json"


def under_a_file(tmp: Path, ctx: dict) -> Path:
    f = tmp / "plain.txt"
    f.write_text("x")
    return f / "child.json"


GARBAGE = bytes(range(256)) * 4 + b"\x00\xff\xfe" * 100

EXAMPLE_DOC = json.loads(EXAMPLE.read_text("utf-8"))


def scenario(mutate: Callable[[dict], None]) -> Callable[[Path, dict], Path]:
    def make(tmp: Path, ctx: dict) -> Path:
        doc = json.loads(json.dumps(EXAMPLE_DOC))
        mutate(doc)
        p = tmp / "情景 scenario.json"
        p.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
        return p

    return make


def _set(path: list, value) -> Callable[[dict], None]:
    def mutate(doc: dict) -> None:
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return mutate


def _dup_expense(doc: dict) -> None:
    doc["expenses"].append(dict(doc["expenses"][1]))


def _only(section: str, mutate: Callable[[dict], None] | None = None) -> Callable[[dict], None]:
    def m(doc: dict) -> None:
        if mutate:
            mutate(doc)
        for key in list(doc):
            if key not in ("format", section):
                del doc[key]

    return m


LEDES_OK = (Path(__file__).resolve().parents[1] / "data" / "ledes" / "one_line.txt").read_text("utf-8")
LEDES_HEADER = LEDES_OK.split("[]")[0] + "[]" + LEDES_OK.split("[]")[1] + "[]"


def ledes_line(total: str = "630", date: str = "20260415", kind: str = "F") -> str:
    return (f"20260430|96542|00711|0528|{total}|20260401|20260430|Services|1|{kind}|2.00|0|{total}|{date}|L510||A102|"
            f"22547|Research|24-6437381|315|Arroyo, Ed|PT|423-987[]")


CSV_MAPPING = json.dumps({"columns": {"paid_on": "date", "amount": "amount", "currency": "currency", "payee": "payee",
                                      "category": "category", "description_en": "text"}})


def csv_rows(*rows: str) -> str:
    return "date,amount,currency,payee,category,text\n" + "".join(r + "\n" for r in rows)


def backup_mutant(kind: str) -> Callable[[Path, dict], Path]:
    def make(tmp: Path, ctx: dict) -> Path:
        good: Path = ctx["backup"]
        data = good.read_bytes()
        p = tmp / "坏 备份.leibak"
        if kind == "truncated":
            p.write_bytes(data[: len(data) // 2])
        elif kind in ("manifest", "member", "members", "extra"):
            src = zipfile.ZipFile(io.BytesIO(data))
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for info in src.infolist():
                    body = src.read(info)
                    if kind == "manifest" and info.filename == "manifest.json":
                        m = json.loads(body)
                        m["format_version"] = "one"
                        body = json.dumps(m).encode()
                    if kind == "member" and info.filename != "manifest.json":
                        body = body[:-100] + b"\x00" * 100
                    zf.writestr(info.filename, body)
                if kind == "members":
                    for i in range(5000):
                        zf.writestr(f"m{i}", b"")
                if kind == "extra":
                    zf.writestr("../../evil.txt", b"x")
            p.write_bytes(buf.getvalue())
        elif kind == "sealed":
            p.write_bytes(ctx["sealed"].read_bytes())
        return p

    return make


def not_sqlite(tmp: Path, ctx: dict) -> Path:
    p = tmp / "store.sqlite3"
    p.write_bytes(b"this is not a database, just a note\n" * 200)
    return p


def newer_schema(tmp: Path, ctx: dict) -> Path:
    p = tmp / "store.sqlite3"
    con = sqlite3.connect(p)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    return p


# ---------------------------------------------------------------------------------------------
# the table


@dataclass
class Case:
    id: str
    argv: list[str]
    names: tuple[str, ...] = ()  # the message names one of these (field, line, path, value)
    code: int = 1
    make: Callable[[Path, dict], Path] | None = None
    store: Callable[[Path, dict], Path] | None = None  # replaces the store with something hostile
    lang_free: bool = False  # argparse usage errors are in argparse's own words
    report: bool = False  # lei-cli check: a report of several lines is its answer
    extra: dict = field(default_factory=dict)


AMOUNTS = ["1,5", "1e3", "NaN", "-0", "12345678901234567890", "", "Infinity", "-5", "12.345", "abc", "1.2.3", "0x10"]
DATES = ["2026-02-30", "26/11/2026", "", "2026-13-01", "tomorrow"]

CASES: list[Case] = []
for i, a in enumerate(AMOUNTS):
    CASES.append(Case(f"settle-paid-{i}", ["claim", "settle", "CL-X", "--paid", a, "--date", "2026-06-01"],
                      ("paid", a.strip() or "paid")))
for i, a in enumerate([x for x in AMOUNTS if x != "-0"]):
    CASES.append(Case(f"amount-in-words-{i}", ["amount-in-words", a], ("amount", a.strip() or "amount")))
for i, d in enumerate(DATES):
    CASES.append(Case(f"settle-date-{i}", ["claim", "settle", "CL-X", "--paid", "100.00", "--date", d],
                      ("date", d or "date")))
    CASES.append(Case(f"deadlines-today-{i}", ["deadlines", "--today", d], ("today", d or "today")))
    CASES.append(Case(f"ledes-paid-on-{i}", ["import-ledes", "{f}", "--dispute", "D1", "--paid-on", d],
                      ("paid-on", "paid_on", d or "paid"), make=w("inv.txt", LEDES_HEADER + ledes_line())))
for cur in ("RMB", "XXX", "", "US D", "US$"):
    CASES.append(Case(f"ledes-currency-{cur or 'empty'}", ["import-ledes", "{f}", "--dispute", "D1", "--currency", cur],
                      ("currency", cur or "currency"), make=w("inv.txt", LEDES_HEADER + ledes_line())))
for i, code in enumerate(["", "abc", "91110108MA01XH7K2X", "９１110108MA01XH7K2R",
                          "91110108MA01XH7K2R9", "91110108IA01XH7K2R"]):
    CASES.append(Case(f"uscc-{i}", ["uscc", code], ("uscc", "18", "位", "character", "字符", "check", "校验")))

# references that do not exist
for cmd in (["claim", "create", "--dispute", "NOPE"], ["claim", "create", "--dispute", "D1", "--expenses", "E1,NOPE"],
            ["claim", "create", "--dispute", "D1", "--expenses", ",,"],
            ["claim", "assess", "NOPE"], ["claim", "submit", "NOPE"],
            ["claim", "settle", "NOPE", "--paid", "1.00", "--date", "2026-06-01"], ["claim", "reject", "NOPE", "--reason", "x"],
            ["claim", "export", "NOPE", "--out", "{tmp}/x.pdf"], ["claim", "list", "--dispute", "NOPE"],
            ["claim", "list", "--policy", "NOPE"],
            ["history", "expense", "NOPE"], ["history", "claim", "NOPE"], ["export-xlsx", "--out", "{tmp}/x.xlsx", "--dispute", "NOPE"],
            ["enrolment-form", "--out", "{tmp}/x.pdf", "--policy", "NOPE"]):
    CASES.append(Case("ref-" + "-".join(c for c in cmd if not c.startswith("{")), cmd, ("NOPE", ",,", "expenses")))
CASES += [
    Case("ledes-unknown-dispute", ["import-ledes", "{f}", "--dispute", "NOPE"], ("NOPE",),
         make=w("inv.txt", LEDES_HEADER + ledes_line())),
    Case("csv-unknown-dispute", ["import-csv", "{f}", "--dispute", "NOPE", "--mapping", "{tmp}/m.json"], ("NOPE",),
         make=w("x.csv", csv_rows("2026-04-01,100.00,USD,Firm,attorney_fees,fees"))),
    Case("csv-unknown-mapping", ["import-csv", "{f}", "--dispute", "D1", "--mapping", "nosuchmapping"], ("nosuchmapping",),
         make=w("x.csv", csv_rows("2026-04-01,100.00,USD,Firm,attorney_fees,fees"))),
    Case("claim-create-twice-ref", ["claim", "create", "--dispute", "D1", "--ref", "CL-X"], ("CL-X",)),
    Case("claim-submit-submitted", ["claim", "submit", "CL-X"], ("CL-X", "submitted", "已提交")),
    Case("claim-reject-empty-reason", ["claim", "reject", "CL-X", "--reason", ""], ("reason", "原因", "理由")),
    Case("claim-submit-empty-override", ["claim", "create", "--dispute", "D1", "--ref", "bad ref"], ("bad ref", "ref")),
    Case("decide-unknown-expense", ["claim", "decide", "CL-X", "--expense", "NOPE", "--decision", "approved"], ("NOPE",)),
    Case("decide-reduced-no-amount", ["claim", "decide", "CL-X", "--expense", "E1", "--decision", "reduced"],
         ("amount", "金额")),
    Case("decide-amount-exponent", ["claim", "decide", "CL-X", "--expense", "E1", "--decision", "reduced",
                                    "--amount", "1e3"], ("amount", "1e3")),
    Case("decide-amount-huge", ["claim", "decide", "CL-X", "--expense", "E1", "--decision", "reduced",
                                "--amount", "12345678901234567890"], ("amount",)),
    Case("decide-bad-date", ["claim", "decide", "CL-X", "--expense", "E1", "--decision", "approved",
                             "--date", "2026-02-30"], ("date", "2026-02-30")),
    Case("pay-nan", ["claim", "pay", "CL-X", "--amount", "NaN", "--date", "2026-06-01"], ("amount", "NaN")),
    Case("pay-huge", ["claim", "pay", "CL-X", "--amount", "12345678901234567890", "--date", "2026-06-01"],
         ("amount", "paid")),
    Case("pay-bad-date", ["claim", "pay", "CL-X", "--amount", "1.00", "--date", "26/11/2026"], ("date", "26/11/2026")),
    Case("review-unknown", ["claim", "review", "NOPE"], ("NOPE",)),
    Case("withdraw-unknown", ["claim", "withdraw", "NOPE"], ("NOPE",)),
    Case("reconcile-unknown-dispute", ["claim", "reconcile", "--dispute", "NOPE"], ("NOPE",)),
    Case("reconcile-unknown-policy", ["claim", "reconcile", "--policy", "NOPE"], ("NOPE",)),
    Case("fx-list-currency", ["fx", "list", "--currency", "RMB"], ("RMB",)),
    Case("enrolment-unknown-policy", ["enrolment-form", "--out", "{tmp}/e.pdf", "--policy", "P 9"], ("P 9",)),
    Case("export-xlsx-dispute-empty", ["export-xlsx", "--out", "{tmp}/x.xlsx", "--dispute", ""], ("dispute",)),
    # numbers given to options
    Case("demo-seed", ["demo", "--seed", "abc"], code=2, lang_free=True),
    Case("demo-expenses-negative", ["demo", "--expenses", "-5"], ("expenses",)),
    Case("backups-keep-negative", ["backups", "--keep", "-1"], ("keep",)),
    Case("backups-keep-huge", ["backups", "--keep", "5000"], ("keep",)),
    Case("backups-keep-zero", ["backups", "--keep", "0"], ("keep",)),
    Case("backups-keep-text", ["backups", "--keep", "many"], code=2, lang_free=True),
    Case("deadlines-soon-negative", ["deadlines", "--soon", "-3"], ("soon",)),
    Case("history-kind", ["history", "invoice", "E1"], code=2, lang_free=True),
    Case("no-such-command", ["frobnicate"], code=2, lang_free=True),
    Case("missing-option", ["claim", "settle", "CL-X"], code=2, lang_free=True),
]

# paths
READERS = {
    "load": ["load", "{f}"],
    "ledes": ["import-ledes", "{f}", "--dispute", "D1"],
    "csv": ["import-csv", "{f}", "--dispute", "D1", "--mapping", "{tmp}/m.json"],
    "fx": ["fx", "import", "{f}"],
    "restore": ["restore", "{f}"],
    "csv-mapping": ["import-csv", "{tmp}/ok.csv", "--dispute", "D1", "--mapping", "{f}"],
    "password": ["restore", "{tmp}/bk.leibak", "--password-file", "{f}"],
    "backup-password": ["backup", "--out", "{tmp}/o.leibak", "--password-file", "{f}"],
}
for rname, argv in READERS.items():
    for pname, maker in (("missing", missing), ("directory", a_dir), ("under-a-file", under_a_file),
                         ("empty", w("空 empty.txt", b"")), ("garbage", w("garbage 乱码.bin", GARBAGE))):
        if rname in ("backup-password", "password") and pname == "garbage":
            continue  # any bytes make a password
        CASES.append(Case(f"read-{rname}-{pname}", argv, ("{fname}", "file:", "文件", "line 1", "第 1 行"), make=maker))
WRITERS = {
    "export-json": ["export-json", "{f}"],
    "export-xlsx": ["export-xlsx", "--out", "{f}"],
    "backup": ["backup", "--out", "{f}"],
    "enrolment-form": ["enrolment-form", "--out", "{f}"],
    "claim-export": ["claim", "export", "CL-X", "--out", "{f}"],
}
for wname, argv in WRITERS.items():
    for pname, maker in (("directory", a_dir), ("under-a-file", under_a_file)):
        CASES.append(Case(f"write-{wname}-{pname}", argv, ("{fname}",), make=maker))

# scenario JSON
CASES += [
    Case("json-not-json", ["load", "{f}"], ("line", "行"), make=w("s.json", '{"format": "lei-desktop/scenario@1",')),
    Case("json-array", ["load", "{f}"], ("$", "object", "对象", "format"), make=w("s.json", "[1, 2]")),
    Case("json-utf16", ["load", "{f}"], ("UTF-8", "utf-8", "编码"),
         make=w("s.json", json.dumps(EXAMPLE_DOC, ensure_ascii=False).encode("utf-16"))),
    Case("json-amount-number", ["load", "{f}"], ("expenses[1].amount",),
         make=scenario(_set(["expenses", 1, "amount"], 12500.5))),
    Case("json-amount-huge", ["load", "{f}"], ("expenses[1].amount",),
         make=scenario(_set(["expenses", 1, "amount"], "1" + "0" * 30))),
    Case("json-amount-comma", ["load", "{f}"], ("expenses[1].amount",),
         make=scenario(_set(["expenses", 1, "amount"], "1,5"))),
    Case("json-amount-nan", ["load", "{f}"], ("expenses[1].amount",),
         make=scenario(_set(["expenses", 1, "amount"], "NaN"))),
    Case("json-amount-exponent", ["load", "{f}"], ("expenses[1].amount",),
         make=scenario(_set(["expenses", 1, "amount"], "1e6"))),
    Case("json-amount-list", ["load", "{f}"], ("expenses[1].amount",),
         make=scenario(_set(["expenses", 1, "amount"], ["1"]))),
    Case("json-date", ["load", "{f}"], ("expenses[1].paid_on",),
         make=scenario(_set(["expenses", 1, "paid_on"], "2026-02-30"))),
    Case("json-date-int", ["load", "{f}"], ("expenses[1].paid_on",),
         make=scenario(_set(["expenses", 1, "paid_on"], 20260401))),
    Case("json-currency", ["load", "{f}"], ("expenses[1].currency",),
         make=scenario(_set(["expenses", 1, "currency"], "XXX"))),
    Case("json-currency-rmb", ["load", "{f}"], ("expenses[1].currency",),
         make=scenario(_set(["expenses", 1, "currency"], "RMB"))),
    Case("json-uscc", ["load", "{f}"], ("company.uscc",), make=scenario(_set(["company", "uscc"], "91110108MA01XH7K2X"))),
    Case("json-company-list", ["load", "{f}"], ("company",), make=scenario(_set(["company"], []))),
    Case("json-expenses-object", ["load", "{f}"], ("expenses",), make=scenario(_set(["expenses"], {"E1": {}}))),
    Case("json-expense-string", ["load", "{f}"], ("expenses[0]",), make=scenario(_set(["expenses", 0], "E1"))),
    Case("json-dup-expense", ["load", "{f}"], ("expenses[", "E2"), make=scenario(_dup_expense)),
    Case("json-unknown-dispute", ["load", "{f}"], ("expenses[1].dispute",),
         make=scenario(_set(["expenses", 1, "dispute"], "NOPE"))),
    Case("json-rate-per", ["load", "{f}"], ("fx_rates[0].per",), make=scenario(_set(["fx_rates", 0, "per"], 7))),
    Case("json-rate-huge", ["load", "{f}"], ("fx_rates[0].rate",),
         make=scenario(_set(["fx_rates", 0, "rate"], "9" * 40))),
    Case("json-rate-zero", ["load", "{f}"], ("fx_rates[0].rate",),
         make=scenario(_set(["fx_rates", 0, "rate"], "0"))),
    Case("json-per-bool", ["load", "{f}"], ("fx_rates[0].per",), make=scenario(_set(["fx_rates", 0, "per"], True))),
    Case("json-per-huge", ["load", "{f}"], ("fx_rates[0].per",), make=scenario(_set(["fx_rates", 0, "per"], 10**40))),
    Case("json-bool-string", ["load", "{f}"], ("incurred_by_insured_staff",),
         make=scenario(_set(["expenses", 0, "incurred_by_insured_staff"], "no"))),
    Case("json-share-huge", ["load", "{f}"], ("company.overseas_revenue_share",),
         make=scenario(_set(["company", "overseas_revenue_share"], "1e400"))),
    Case("json-frozen-change", ["load", "{f}"], ("expenses[0]", "E1"),
         make=scenario(_set(["expenses", 0, "amount"], "12600.00"))),
    Case("json-format", ["load", "{f}"], ("format",), make=scenario(_set(["format"], "something-else@9"))),
    Case("json-deep", ["load", "{f}"], ("JSON", "json", "line", "行", "deep", "嵌套"),
         make=w("deep.json", "[" * 100000 + "]" * 100000)),
    Case("json-category", ["load", "{f}"], ("expenses[0].category",),
         make=scenario(_only("expenses", _set(["expenses", 0, "category"], "bribes")))),
    Case("json-amount-huge-int", ["load", "{f}"], ("expenses[1].amount",),
         make=scenario(_set(["expenses", 1, "amount"], 10**30))),
    Case("json-name-number", ["load", "{f}"], ("company.name_zh",), make=scenario(_set(["company", "name_zh"], 42))),
    Case("json-period-list", ["load", "{f}"], ("policies[0].period_start",),
         make=scenario(_set(["policies", 0, "period_start"], ["2026-01-01"]))),
    Case("json-period-order", ["load", "{f}"], ("policies[0]", "period"),
         make=scenario(_set(["policies", 0, "period_end"], "2025-01-01"))),
    Case("json-cap-nan", ["load", "{f}"], ("consents[0].cap",), make=scenario(_set(["consents", 0, "cap"], "NaN"))),
    Case("json-attachment-missing", ["load", "{f}"], ("expenses[1].attachments[0].path",),
         make=scenario(_set(["expenses", 1, "attachments"], [{"path": "没有/收据 1.pdf", "kind": "invoice"}]))),
    Case("json-attachment-dir", ["load", "{f}"], ("expenses[1].attachments[0].path",),
         make=scenario(_set(["expenses", 1, "attachments"], [{"path": ".", "kind": "invoice"}]))),
    Case("json-attachment-kind", ["load", "{f}"], ("expenses[1].attachments[0].kind",),
         make=scenario(_set(["expenses", 1, "attachments"], [{"path": "x.pdf", "kind": "selfie"}]))),
    Case("json-consent-unknown-dispute", ["load", "{f}"], ("consents[0].dispute",),
         make=scenario(_set(["consents", 0, "dispute"], "NOPE"))),
    Case("json-policy-unknown-territory", ["load", "{f}"], ("policies[0].territories",),
         make=scenario(_set(["policies", 0, "territories"], ["Mars"]))),
    Case("json-forum-country", ["load", "{f}"], ("disputes[0].forum_country",),
         make=scenario(_set(["disputes", 0, "forum_country"], "USA"))),
    Case("json-duplicate-key", ["load", "{f}"], ("amount", "line", "行"),
         make=w("dup.json", '{"format": "lei-desktop/scenario@1", "expenses": [{"ref": "E2", "amount": "1", '
                            '"amount": "2"}]}')),
    Case("json-dup-policy", ["load", "{f}"], ("policies[", "P1"),
         make=scenario(lambda d: d["policies"].append(dict(d["policies"][0])))),
]

# LEDES
CASES += [
    Case("ledes-bad-header", ["import-ledes", "{f}", "--dispute", "D1"], ("line 1", "第 1 行"),
         make=w("inv.txt", "LEDES2000[]" + LEDES_HEADER.split("[]", 1)[1] + ledes_line())),
    Case("ledes-bad-total", ["import-ledes", "{f}", "--dispute", "D1"], ("line", "行"),
         make=w("inv.txt", LEDES_HEADER + ledes_line(total="1,5"))),
    Case("ledes-bad-date", ["import-ledes", "{f}", "--dispute", "D1"], ("line", "行"),
         make=w("inv.txt", LEDES_HEADER + ledes_line(date="20260230"))),
    Case("ledes-only-header", ["import-ledes", "{f}", "--dispute", "D1"], ("line", "行", "invoice", "发票"),
         make=w("inv.txt", LEDES_HEADER)),
    Case("ledes-truncated", ["import-ledes", "{f}", "--dispute", "D1"], ("line", "行"),
         make=w("inv.txt", (LEDES_HEADER + ledes_line())[:-60])),
    Case("ledes-huge-total", ["import-ledes", "{f}", "--dispute", "D1"], ("line", "行"),
         make=w("inv.txt", LEDES_HEADER + ledes_line(total="9" * 25))),
]

# CSV
CASES += [
    Case("csv-bad-amount", ["import-csv", "{f}", "--dispute", "D1", "--mapping", "{tmp}/m.json"], ("2", "amount"),
         make=w("x.csv", csv_rows("2026-04-01,NaN,USD,Firm,attorney_fees,fees"))),
    Case("csv-bad-date", ["import-csv", "{f}", "--dispute", "D1", "--mapping", "{tmp}/m.json"], ("2", "date"),
         make=w("x.csv", csv_rows("2026-02-30,100.00,USD,Firm,attorney_fees,fees"))),
    Case("csv-bad-currency", ["import-csv", "{f}", "--dispute", "D1", "--mapping", "{tmp}/m.json"], ("2", "currency"),
         make=w("x.csv", csv_rows("2026-04-01,100.00,RMB,Firm,attorney_fees,fees"))),
    Case("csv-huge-amount", ["import-csv", "{f}", "--dispute", "D1", "--mapping", "{tmp}/m.json"], ("2", "amount"),
         make=w("x.csv", csv_rows("2026-04-01,12345678901234567890,USD,Firm,attorney_fees,fees"))),
    Case("csv-mapping-wrong-types", ["import-csv", "{tmp}/ok.csv", "--dispute", "D1", "--mapping", "{f}"],
         ("columns", "mapping", "映射"), make=w("bad map.json", '{"columns": ["date"]}')),
    Case("csv-mapping-unknown-field", ["import-csv", "{tmp}/ok.csv", "--dispute", "D1", "--mapping", "{f}"],
         ("wage", "columns"), make=w("bad map.json", '{"columns": {"wage": "date"}}')),
    Case("csv-save-mapping-bad", ["import-csv", "{tmp}/ok.csv", "--dispute", "D1", "--mapping", "{tmp}/m.json",
                                  "--save-mapping", ""], ("save-mapping", "name", "名称")),
]

# FX
CASES += [
    Case("fx-bad-rate", ["fx", "import", "{f}"], ("2", "rate"), make=w("fx.csv", "date,currency,rate,per\n2026-05-01,USD,abc,1\n")),
    Case("fx-bad-per", ["fx", "import", "{f}"], ("2", "per"), make=w("fx.csv", "date,currency,rate,per\n2026-05-01,USD,7.1,7\n")),
    Case("fx-bad-currency", ["fx", "import", "{f}"], ("2", "currency", "RMB"),
         make=w("fx.csv", "date,currency,rate,per\n2026-05-01,RMB,7.1,1\n")),
    Case("fx-bad-date", ["fx", "import", "{f}"], ("2", "date"), make=w("fx.csv", "date,currency,rate,per\n2026-02-30,USD,7.1,1\n")),
    Case("fx-huge", ["fx", "import", "{f}"], ("2", "rate"),
         make=w("fx.csv", "date,currency,rate,per\n2026-05-01,USD,12345678901234567890,1\n")),
    Case("fx-conflict", ["fx", "import", "{f}"], ("3", "USD"),
         make=w("fx.csv", "date,currency,rate,per\n2026-05-01,USD,7.1,1\n2026-05-01,USD,7.2,1\n")),
]

# backups
CASES += [
    Case("restore-truncated", ["restore", "{f}"], ("{fname}", "zip", "损坏", "damaged"), make=backup_mutant("truncated")),
    Case("restore-manifest", ["restore", "{f}"], ("manifest",), make=backup_mutant("manifest")),
    Case("restore-member", ["restore", "{f}"], ("db.sqlite3", "SHA"), make=backup_mutant("member")),
    Case("restore-many-members", ["restore", "{f}"], ("m0", "member", "成员"), make=backup_mutant("members")),
    Case("restore-unsafe-member", ["restore", "{f}"], ("../../evil.txt",), make=backup_mutant("extra")),
    Case("restore-no-password", ["restore", "{f}"], ("--password-file",), make=backup_mutant("sealed")),
    Case("restore-wrong-password", ["restore", "{f}", "--password-file", "{tmp}/wrong.txt"], ("password", "密码"),
         make=backup_mutant("sealed")),
]

# hostile stores
def truncated_store(tmp: Path, ctx: dict) -> Path:
    p = tmp / "store.sqlite3"
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])
    return p


for sname, smaker in (("not-sqlite", not_sqlite), ("newer-schema", newer_schema), ("truncated", truncated_store)):
    for cmd in (["claim", "list"], ["load", str(EXAMPLE)], ["export-json", "{tmp}/o.json"], ["check"], ["init"],
                ["backup", "--out", "{tmp}/o.leibak"], ["history", "expense", "E1"], ["deadlines"]):
        CASES.append(Case(f"store-{sname}-{cmd[0]}", cmd, ("database", "数据库", "store", "9999"), store=smaker,
                          # check reports (a newer schema is no damage: its data is sound)
                          code=0 if (sname, cmd[0]) == ("newer-schema", "check") else 1,
                          report=cmd[0] == "check"))
CASES += [
    Case("store-is-directory", ["claim", "list"], ("{dbname}",), store=lambda tmp, ctx: a_dir(tmp, ctx)),
    Case("store-under-a-file", ["claim", "list"], ("{dbname}",), store=under_a_file),
    Case("store-bad-url", ["claim", "list"], ("nosuchdialect",), store=lambda tmp, ctx: "nosuchdialect://x"),
]


def fill(argv: list[str], tmp: Path, db: str, f: str) -> list[str]:
    return [a.replace("{tmp}", str(tmp)).replace("{f}", f).replace("{db}", db) for a in argv]


def prepare(tmp: Path, template: Path, ctx: dict) -> Path:
    db = tmp / "store.sqlite3"
    shutil.copyfile(template, db)
    (tmp / "m.json").write_text(CSV_MAPPING, "utf-8")
    (tmp / "ok.csv").write_text(csv_rows("2026-04-01,100.00,USD,Firm,attorney_fees,fees"), "utf-8")
    (tmp / "wrong.txt").write_text("not the password\n", "utf-8")
    shutil.copyfile(ctx["backup"], tmp / "bk.leibak")
    return db


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input_is_refused_cleanly(case: Case, lang, template, backup_file, sealed_backup, tmp_path, capsys):
    ctx = {"backup": backup_file, "sealed": sealed_backup}
    db = prepare(tmp_path, template, ctx)
    db_arg: str = str(db)
    if case.store is not None:
        db_arg = str(case.store(tmp_path, ctx))
    before = snapshot(db, tmp_path, capsys) if case.store is None else Path(db_arg).read_bytes() \
        if Path(db_arg).is_file() else None
    f = case.make(tmp_path, ctx) if case.make else None
    argv = ["--db", db_arg, "--lang", lang, *fill(case.argv, tmp_path, db_arg, str(f) if f else "")]
    code, out, err = run(argv, capsys)
    assert "Traceback" not in err and "Traceback" not in out
    assert code == case.code, f"exit {code}, stderr: {err!r}"
    if code == 1 and case.report:
        assert err.startswith(("检查发现", "check found")) if lang == "zh" else err.startswith("check found"), err
    elif code == 1:
        assert err.endswith("\n") and err.count("\n") == 1, f"not one line: {err!r}"
        prefix = "错误" if lang == "zh" else "error"
        assert err.startswith(prefix + ":"), err
        body = err.split(":", 1)[1]
        if lang == "zh":
            assert any(ch in CJK for ch in body), f"no Chinese in {err!r}"
        names = [n.replace("{fname}", f.name if f else "").replace("{dbname}", Path(db_arg).name) for n in case.names]
        assert any(n in err for n in names), f"{err!r} names none of {names}"
    if case.store is None:
        assert snapshot(db, tmp_path, capsys) == before, "the store changed"
    elif before is not None:
        assert Path(db_arg).read_bytes() == before, "the hostile store file was changed"


# ---------------------------------------------------------------------------------------------
# random bytes as a file: never a bug


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), kind=st.sampled_from(["ledes", "csv", "fx", "restore", "load"]))
def test_random_bytes_never_make_a_bug(data, kind, template, backup_file, tmp_path_factory, capsys):
    tmp = tmp_path_factory.mktemp("fuzz")
    db = prepare(tmp, template, {"backup": backup_file})
    f = tmp / "随机 input"
    f.write_bytes(data)
    argv = ["--db", str(db), "--lang", "zh", *fill(READERS[kind], tmp, str(db), str(f))]
    code, out, err = run(argv, capsys)
    assert code in (0, 1), f"exit {code}: {err!r}"
    assert "Traceback" not in err
    if code == 1:
        assert err.count("\n") == 1 and err.startswith("错误:")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=3000), keep_header=st.booleans())
def test_random_bytes_as_the_store_never_make_a_bug(data, keep_header, tmp_path_factory, capsys):
    tmp = tmp_path_factory.mktemp("fuzzdb")
    db = tmp / "店 store.sqlite3"
    db.write_bytes((b"SQLite format 3\x00" if keep_header else b"") + data)
    before = db.read_bytes()
    for argv in (["claim", "list"], ["check"]):
        code, out, err = run(["--db", str(db), "--lang", "zh", *argv], capsys)
        assert code in (0, 1), f"{argv}: exit {code}: {err!r}"
        assert "Traceback" not in err
    assert db.read_bytes() == before or not before  # a damaged file is never "repaired" in place


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=25))
def test_random_text_as_an_amount_never_makes_a_bug(value, capsys):
    code, out, err = run(["--lang", "en", "amount-in-words", "--", value], capsys)
    assert code in (0, 1), f"exit {code}: {err!r}"
    assert "Traceback" not in err


# ---------------------------------------------------------------------------------------------
# what looks odd but is taken on purpose, read as the plain form would be


def test_unknown_fields_are_ignored_with_a_warning_in_the_users_language(template, tmp_path, capsys):
    db = tmp_path / "s.sqlite3"
    shutil.copyfile(template, db)
    f = scenario(_set(["expenses", 1, "amout"], "1.00"))(tmp_path, {})
    before = snapshot(db, tmp_path, capsys)
    for lang, words in (("zh", "未知字段，已忽略"), ("en", "unknown field ignored")):
        code, out, err = run(["--db", str(db), "--lang", lang, "load", str(f)], capsys)
        assert code == 0 and err.strip().endswith(f"expenses[1].amout: {words}"), err
    code, out, _ = run(["--db", str(db), "--lang", "en", "load", str(f), "--json"], capsys)
    assert json.loads(out)["warnings"] == ["expenses[1].amout: unknown field ignored"]
    assert snapshot(db, tmp_path, capsys) == before  # the rest of the file is what the store holds


@pytest.mark.parametrize("typed, plain", [("１２３", "123"), (" 12 ", "12"), ("1,234.50", "1234.50"), ("¥95,234.00", "95234")])
def test_amounts_typed_with_full_width_digits_spaces_or_separators_mean_the_plain_number(typed, plain, capsys):
    code, out, err = run(["--lang", "en", "amount-in-words", typed], capsys)
    code2, out2, _ = run(["--lang", "en", "amount-in-words", plain], capsys)
    assert code == code2 == 0, err
    assert out == out2


def test_a_settlement_typed_in_full_width_digits_is_that_amount(template, tmp_path, capsys):
    db = tmp_path / "s.sqlite3"
    shutil.copyfile(template, db)
    code, _, err = run(["--db", str(db), "--lang", "zh", "claim", "settle", "CL-X", "--paid", "１２３", "--date",
                        "2026-06-01"], capsys)
    assert code == 0, err
    code, out, _ = run(["--db", str(db), "--lang", "en", "claim", "list", "--json"], capsys)
    claim = next(c for c in json.loads(out)["claims"] if c["claim"] == "CL-X")
    assert (claim["status"], claim["paid"]) == ("settled", "123.00")


def test_lowercase_codes_are_read_as_their_capitals(template, tmp_path, capsys):
    assert run(["--lang", "en", "uscc", "91110108ma01xh7k2r"], capsys)[:2] == (0, "valid\n")
    db = tmp_path / "s.sqlite3"
    shutil.copyfile(template, db)
    inv = w("inv.txt", LEDES_HEADER + ledes_line())(tmp_path, {})
    code, out, err = run(["--db", str(db), "--lang", "en", "import-ledes", str(inv), "--dispute", "D1",
                          "--currency", "usd", "--dry-run", "--json"], capsys)
    assert code == 0, err
    assert {r["currency"] for r in json.loads(out)["rows"]} == {"USD"}


def test_a_ledes_file_with_bom_crlf_and_no_terminators_reads_like_the_canonical_one(template, tmp_path, capsys):
    db = tmp_path / "s.sqlite3"
    shutil.copyfile(template, db)
    canonical = LEDES_HEADER + ledes_line()
    variants = {
        "canonical.txt": canonical.encode(),
        "bom crlf 账单.txt": b"\xef\xbb\xbf" + canonical.replace("[]", "[]\r\n").encode(),
        "no terminators.txt": canonical.replace("[]", "\n").encode(),
    }
    seen = []
    for name, data in variants.items():
        f = w(name, data)(tmp_path, {})
        code, out, err = run(["--db", str(db), "--lang", "en", "import-ledes", str(f), "--dispute", "D1",
                              "--currency", "USD", "--dry-run", "--json"], capsys)
        assert code == 0, (name, err)
        seen.append([(r["amount"], r["currency"], r["category"]) for r in json.loads(out)["rows"]])
    assert seen[0] and seen[0] == seen[1] == seen[2]


def test_paths_with_chinese_names_and_spaces_work_both_ways(template, tmp_path, capsys):
    db = tmp_path / "数据 库" / "我的 账本.sqlite3"
    db.parent.mkdir()
    shutil.copyfile(template, db)
    out1 = tmp_path / "导出 文件夹" / "情景 导出.json"
    code, _, err = run(["--db", str(db), "--lang", "zh", "export-json", str(out1)], capsys)
    assert code == 0, err
    fresh = tmp_path / "新 账本.sqlite3"
    code, _, err = run(["--db", str(fresh), "--lang", "zh", "load", str(out1)], capsys)
    assert code == 0, err
    out2 = tmp_path / "再次 导出.json"
    assert run(["--db", str(fresh), "--lang", "zh", "export-json", str(out2)], capsys)[0] == 0
    assert out1.read_bytes() == out2.read_bytes()


def test_not_found_names_the_kind_in_the_users_language(template, tmp_path, capsys):
    db = tmp_path / "s.sqlite3"
    shutil.copyfile(template, db)
    code, _, err = run(["--db", str(db), "--lang", "zh", "claim", "create", "--dispute", "D9"], capsys)
    assert code == 1 and "纠纷" in err and "D9" in err and "dispute “" not in err, err
    code, _, err = run(["--db", str(db), "--lang", "en", "claim", "create", "--dispute", "D9"], capsys)
    assert code == 1 and err == "error: dispute: no dispute 'D9'\n", err


def test_loading_an_empty_scenario_says_nothing_in_chinese(tmp_path, capsys):
    f = tmp_path / "空.json"
    f.write_text(json.dumps({"format": EXAMPLE_DOC["format"]}), "utf-8")
    code, out, err = run(["--db", str(tmp_path / "s.sqlite3"), "--lang", "zh", "load", str(f)], capsys)
    assert code == 0 and out.strip().endswith("没有内容"), out


def test_utf16_csv_and_rates_read_like_utf8(template, tmp_path, capsys):
    """Excel's "Unicode text" is UTF-16 with a BOM: taken, and read as the UTF-8 file is."""
    db = tmp_path / "s.sqlite3"
    shutil.copyfile(template, db)
    (tmp_path / "m.json").write_text(CSV_MAPPING, "utf-8")
    rows = csv_rows("2026-04-01,100.00,USD,Firm,attorney_fees,fees")
    rates = "date,currency,rate,per\n2026-05-01,USD,7.1,1\n"
    docs = []
    for enc in ("utf-8", "utf-16"):
        c = w(f"x-{enc}.csv", rows.encode(enc))(tmp_path, {})
        r = w(f"fx-{enc}.csv", rates.encode(enc))(tmp_path, {})
        code, out, err = run(["--db", str(db), "--lang", "en", "import-csv", str(c), "--dispute", "D1", "--mapping",
                              str(tmp_path / "m.json"), "--dry-run", "--json"], capsys)
        assert code == 0, err
        code2, out2, err2 = run(["--db", str(db), "--lang", "en", "fx", "import", str(r), "--dry-run", "--json"], capsys)
        assert code2 == 0, err2
        docs.append(([(x["amount"], x["currency"]) for x in json.loads(out)["rows"]], json.loads(out2)["rates"]))
    assert docs[0] == docs[1] and docs[0][0] == [("100.00", "USD")]
