"""lei-cli claim export and enrolment-form, run as a user runs them."""

from __future__ import annotations

import json

from tests.cli.test_cli import cli
from tests.reports.pdf_helpers import embedded_fonts, flat, pages_text


def _loaded(tmp_path, example_path):
    db = tmp_path / "a.sqlite3"
    assert cli("--db", str(db), "load", str(example_path)).returncode == 0
    r = cli("--db", str(db), "claim", "create", "--dispute", "D1")
    assert r.returncode == 0, r.stderr
    return db, r.stdout.strip().split()[-1]


def test_claim_export_writes_the_package(tmp_path, example_path):
    db, ref = _loaded(tmp_path, example_path)
    out = tmp_path / "pkg.pdf"
    r = cli("--db", str(db), "--json", "claim", "export", ref, "--out", str(out))
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["claim"] == ref and doc["pages"] == len(pages_text(out)) and doc["exhibits"] == 0
    whole = flat("".join(pages_text(out)))
    assert "人民币玖万伍仟贰佰叁拾肆元整" in whole and "95234.00" in whole
    assert "索赔申请书" in whole and "ClaimForm" in whole
    assert all(f["embedded"] for f in embedded_fonts(out))


def test_claim_export_refusals(tmp_path, example_path):
    db, ref = _loaded(tmp_path, example_path)
    r = cli("--db", str(db), "--lang", "en", "claim", "export", "CL-NOPE", "--out", str(tmp_path / "x.pdf"))
    assert r.returncode == 1 and "CL-NOPE" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = cli("--db", str(db), "--lang", "zh", "claim", "export", ref, "--out", str(tmp_path / "no" / "x.pdf"))
    assert r.returncode == 1 and "文件夹不存在" in r.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_claim_export_warns_about_missing_descriptions(tmp_path, example_path):
    scenario = json.loads(example_path.read_text("utf-8"))
    scenario["expenses"][0]["description_en"] = ""
    path = tmp_path / "s.json"
    path.write_text(json.dumps(scenario, ensure_ascii=False), "utf-8")
    db = tmp_path / "b.sqlite3"
    assert cli("--db", str(db), "load", str(path)).returncode == 0
    ref = cli("--db", str(db), "claim", "create", "--dispute", "D1").stdout.strip().split()[-1]
    r = cli("--db", str(db), "--lang", "en", "claim", "export", ref, "--out", str(tmp_path / "p.pdf"))
    assert r.returncode == 0, r.stderr
    assert "E1" in r.stderr and "English description" in r.stderr


def test_enrolment_form(tmp_path, example_path):
    db, _ = _loaded(tmp_path, example_path)
    out = tmp_path / "apply.pdf"
    r = cli("--db", str(db), "enrolment-form", "--out", str(out))
    assert r.returncode == 0, r.stderr
    whole = flat("".join(pages_text(out)))
    scenario = json.loads(example_path.read_text("utf-8"))
    c = scenario["company"]
    for s in (c["name_zh"], c["name_en"], c["uscc"], c["registered_address_zh"], c["registered_address_en"],
              "投保申请书", "ApplicationforCover", "注册地址在北京市", "registeredaddressinBeijing",
              "信用中国", "CreditChina", "公司盖章", "Companyseal", "45%", "US,DE,JP", "SmartlockX1"):
        assert flat(s) in whole, s
    assert all(f["embedded"] for f in embedded_fonts(out))


def test_enrolment_form_without_company_is_refused(tmp_path):
    db = tmp_path / "empty.sqlite3"
    assert cli("--db", str(db), "init").returncode == 0
    r = cli("--db", str(db), "--lang", "en", "enrolment-form", "--out", str(tmp_path / "a.pdf"))
    assert r.returncode == 1 and "company" in r.stderr
    assert not (tmp_path / "a.pdf").exists()
