"""法定代表人 on the company: validation, saving with audit, scenario files, the enrolment form and the
claim package's declaration (frozen at submission)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.validation import LEGAL_REP_MAX, company_from_dict
from lei_desktop.reports.common import FILL_IN
from lei_desktop.services import Store, audit, claim_export, claims, enrolment_form, scenario
from lei_desktop.services.enrolment import get_company, save_company
from tests.reports.pdf_helpers import flat, pages_text

BASE = {"name_zh": "北京星河智造科技有限公司", "uscc": "91110108MA01XH7K2R"}


def test_validation_trims_limits_and_refuses_line_breaks():
    assert company_from_dict({**BASE, "legal_representative": "  张三\u3000 "}).legal_representative == "张三"
    assert company_from_dict(BASE).legal_representative == ""
    assert company_from_dict({**BASE, "legal_representative": None}).legal_representative == ""
    assert company_from_dict({**BASE, "legal_representative": "欧" * LEGAL_REP_MAX}).legal_representative
    for bad, code in (("欧" * (LEGAL_REP_MAX + 1), "too_long"), ("张\n三", "legal_rep_one_line"),
                      ("张\x00三", "legal_rep_one_line"), (42, "not_a_string")):
        with pytest.raises(ValidationError) as exc:
            company_from_dict({**BASE, "legal_representative": bad})
        assert exc.value.code == code and exc.value.field == "legal_representative"
    with pytest.raises(ValidationError) as exc:
        company_from_dict({**BASE, "legal_representative": "张\n三"})
    assert "法定代表人" in exc.value.message("zh") and "legal representative" in exc.value.message("en")


def test_saved_and_audited(loaded_store):
    c = get_company(loaded_store)
    assert c.legal_representative == ""  # the shared example has no such key
    saved = save_company(loaded_store, replace(c, legal_representative="张三"), expected_version=c.version)
    assert get_company(loaded_store).legal_representative == "张三" and saved.version == c.version + 1
    last = [e for e in audit.all_events(loaded_store) if e.entity == "company"][-1]
    assert last.action == "update" and last.changes["legal_representative"] == ["", "张三"]


def _with_rep(example_path, tmp_path, name="张三"):
    doc = json.loads(example_path.read_text("utf-8"))
    doc["company"]["legal_representative"] = name
    path = tmp_path / "with_rep.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), "utf-8")
    return path


def test_scenario_round_trip_is_byte_identical(tmp_path, example_path):
    a = Store(tmp_path / "a.sqlite3")
    scenario.load(a, _with_rep(example_path, tmp_path))
    first = tmp_path / "one" / "export.json"
    scenario.export(a, first)
    assert json.loads(first.read_text("utf-8"))["company"]["legal_representative"] == "张三"
    b = Store(tmp_path / "b.sqlite3")
    scenario.load(b, first)
    second = tmp_path / "two" / "export.json"
    scenario.export(b, second)
    assert first.read_bytes() == second.read_bytes()
    a.close()
    b.close()


def test_example_without_the_key_exports_without_it(loaded_store, tmp_path):
    out = tmp_path / "x.json"
    scenario.export(loaded_store, out)
    assert "legal_representative" not in json.loads(out.read_text("utf-8"))["company"]


def test_bad_value_in_a_scenario_names_the_path(tmp_path, example_path, store):
    path = _with_rep(example_path, tmp_path, "张\n三")
    with pytest.raises(ValidationError) as exc:
        scenario.load(store, path)
    assert "company" in exc.value.field and "legal_representative" in exc.value.field
    assert get_company(store) is None  # all or nothing


def test_enrolment_form_shows_it(loaded_store, tmp_path):
    out = tmp_path / "enrol.pdf"
    enrolment_form.export_enrolment(loaded_store, out)
    assert flat(f"法定代表人 / Legal representative：{FILL_IN}") in flat("".join(pages_text(out)))
    c = get_company(loaded_store)
    save_company(loaded_store, replace(c, legal_representative="欧阳娜娜"), expected_version=c.version)
    enrolment_form.export_enrolment(loaded_store, out)
    texts = [flat(t) for t in pages_text(out)]
    assert "法定代表人Legalrepresentative欧阳娜娜" in texts[0]  # the profile table row
    assert flat("法定代表人 / Legal representative：欧阳娜娜") in texts[-1]  # above the signature boxes


def test_declaration_shows_the_frozen_name(loaded_store, tmp_path):
    c = get_company(loaded_store)
    save_company(loaded_store, replace(c, legal_representative="张三"), expected_version=c.version)
    ref = claims.create_claim(loaded_store, "D1")
    draft = tmp_path / "draft.pdf"
    claim_export.export_claim(loaded_store, ref, draft)
    assert flat("法定代表人 / Legal representative：张三") in flat(pages_text(draft)[-1])
    claims.submit(loaded_store, ref, override="documents follow by courier")
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    claim_export.export_claim(loaded_store, ref, a)
    c = get_company(loaded_store)
    save_company(loaded_store, replace(c, legal_representative="李四"), expected_version=c.version)
    claim_export.export_claim(loaded_store, ref, b)
    assert a.read_bytes() == b.read_bytes()
    last = flat(pages_text(b)[-1])
    assert flat("法定代表人 / Legal representative：张三") in last and "李四" not in last
