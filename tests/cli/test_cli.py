"""Every lei-cli command of the foundation, including its refusals, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "en_US.UTF-8", **(env or {})}
    return subprocess.run([sys.executable, "-m", "lei_desktop.cli", *args], capture_output=True, text=True,
                          env=full_env, timeout=120)


def test_init_creates_the_database(tmp_path):
    db = tmp_path / "x.sqlite3"
    r = cli("--db", str(db), "init")
    assert r.returncode == 0, r.stderr
    assert db.exists()


def test_load_and_export_round_trip(tmp_path, example_path):
    db1, db2 = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert cli("--db", str(db1), "load", str(example_path)).returncode == 0
    out1 = tmp_path / "1" / "s.json"
    out2 = tmp_path / "2" / "s.json"
    assert cli("export-json", str(out1), "--db", str(db1)).returncode == 0
    assert cli("--db", str(db2), "load", str(out1)).returncode == 0
    assert cli("--db", str(db2), "export-json", str(out2)).returncode == 0
    assert out1.read_bytes() == out2.read_bytes()  # the identical file, byte for byte
    exported = json.loads(out1.read_text("utf-8"))
    assert "audit" not in exported  # the store's own history only with --audit
    with_audit = tmp_path / "3" / "s.json"
    assert cli("--db", str(db2), "export-json", "--audit", str(with_audit)).returncode == 0
    assert json.loads(with_audit.read_text("utf-8"))["audit"]
    original = json.loads(example_path.read_text("utf-8"))
    e2 = next(e for e in exported["expenses"] if e["ref"] == "E2")
    assert e2["amount"] == "1000000" and e2["currency"] == "JPY"
    assert exported["company"]["uscc"] == original["company"]["uscc"]
    assert len(exported["expenses"]) == len(original["expenses"])


def test_load_of_a_bad_file_exits_1_names_the_path_and_changes_nothing(tmp_path, example_path):
    db = tmp_path / "a.sqlite3"
    assert cli("--db", str(db), "load", str(example_path)).returncode == 0
    before = tmp_path / "before.json"
    cli("--db", str(db), "export-json", str(before))
    doc = json.loads(example_path.read_text("utf-8"))
    doc["expenses"][1]["currency"] = "YEN"
    doc["policies"][0]["deductible"] = "1.00"  # an earlier section that would change first
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), "utf-8")
    r = cli("--db", str(db), "load", str(bad))
    assert r.returncode == 1
    assert "expenses[1].currency" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    after = tmp_path / "after.json"
    cli("--db", str(db), "export-json", str(after))
    assert before.read_text("utf-8") == after.read_text("utf-8")


@pytest.mark.parametrize("content, where", [
    ("{not json", "line 1"),
    ('{"format": "something-else"}', "format"),
    ('{"policies": {}}', "policies"),
    ('{"expenses": [{"ref": "E1"}]}', "expenses[0]"),
])
def test_broken_files_are_refused_clearly(tmp_path, content, where):
    bad = tmp_path / "bad.json"
    bad.write_text(content, "utf-8")
    r = cli("--db", str(tmp_path / "a.sqlite3"), "load", str(bad))
    assert r.returncode == 1 and where in r.stderr and "Traceback" not in r.stderr


def test_messages_in_chinese(tmp_path):
    r = cli("--db", str(tmp_path / "a.sqlite3"), "--lang", "zh", "load", str(tmp_path / "missing.json"))
    assert r.returncode == 1 and "找不到文件" in r.stderr


def test_uscc_valid_and_invalid():
    r = cli("uscc", "91110108551385082Q")
    assert r.returncode == 0 and r.stdout.strip() == "valid"
    r = cli("uscc", "91110108551385082A")
    assert r.returncode == 1 and "'Q'" in r.stdout + r.stderr
    r = cli("uscc", "91110108551385082A", "--json")
    doc = json.loads(r.stdout)
    assert r.returncode == 1 and doc["valid"] is False and doc["reason"] == "uscc_check" and doc["expected"] == "Q"
    r = cli("--lang", "zh", "uscc", "12345")
    assert r.returncode == 1 and "18 位" in r.stderr


def test_amount_in_words():
    r = cli("amount-in-words", "1409.50")
    assert r.returncode == 0 and r.stdout.strip() == "人民币壹仟肆佰零玖元伍角"
    r = cli("amount-in-words", "¥95,234.00", "--json")
    assert json.loads(r.stdout) == {"amount": "95234.00", "words": "人民币玖万伍仟贰佰叁拾肆元整"}
    r = cli("amount-in-words", "twelve")
    assert r.returncode == 1 and "amount" in r.stderr
    r = cli("amount-in-words", "--", "-5")
    assert r.returncode == 1


def test_demo_fills_an_empty_database_and_refuses_a_full_one(tmp_path):
    db = tmp_path / "demo.sqlite3"
    r = cli("--db", str(db), "demo", "--expenses", "30", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["demo"]["expenses"] == 30
    r = cli("--db", str(db), "demo")
    assert r.returncode == 1 and "empty" in r.stderr


def test_usage_errors_exit_2():
    assert cli("no-such-command").returncode == 2
    assert cli("load").returncode == 2
    assert cli("--lang", "fr", "init").returncode == 2


def test_a_console_that_cannot_show_chinese_gets_stand_ins_not_a_crash(tmp_path):
    r = cli("amount-in-words", "12.5", env={"PYTHONIOENCODING": "latin-1"})
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "\\u4eba\\u6c11\\u5e01\\u58f9\\u62fe\\u8d30\\u5143\\u4f0d\\u89d2"  # 人民币壹拾贰元伍角
    r = cli("--lang", "zh", "uscc", "91110108MA01XH7K2S", env={"PYTHONIOENCODING": "latin-1"})
    assert r.returncode == 1 and "\\u" in r.stderr  # the refusal still arrives, escaped


@pytest.mark.parametrize("lang,expected", [("zh", "找不到索赔“CL-NONE”"), ("en", "no claim 'CL-NONE'")])
def test_a_missing_record_is_named_in_the_users_language(tmp_path, example_path, lang, expected):
    db = tmp_path / "x.sqlite3"
    assert cli("--db", str(db), "load", str(example_path)).returncode == 0
    r = cli("--db", str(db), "--lang", lang, "claim", "assess", "CL-NONE")
    assert r.returncode == 1
    assert expected in r.stderr and len(r.stderr.strip().splitlines()) == 1
    if lang == "zh":
        assert " claim " not in r.stderr
