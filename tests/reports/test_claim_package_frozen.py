"""A submitted claim's package is reproduced from its frozen data, whatever is edited later."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pytest
from sqlalchemy import select

from lei_desktop.services import attachments, claim_export, claim_snapshot, claims
from lei_desktop.services.disputes import get_dispute, list_consents, update_consent, update_dispute
from lei_desktop.services.enrolment import get_company, save_company
from lei_desktop.store.models import ClaimRow
from tests.reports.pdf_helpers import flat, pages_text, sample_pdf

NEW_ADDRESS_ZH = "上海市浦东新区世纪大道100号"
NEW_ADDRESS_EN = "100 Century Avenue, Pudong, Shanghai"
NEW_NAME_ZH = "改名后的星河公司"
NEW_NAME_EN = "Renamed Xinghe Ltd."
NEW_OPPONENT = "Zenith Padlock Corp."
NEW_CONTACT = "李雷"
NEW_SCOPE_EN = "Widened scope after submission"


@pytest.fixture
def claim_ref(loaded_store):
    return claims.create_claim(loaded_store, "D1")


def _edit_everything(store) -> bytes:
    """Edit the company, the dispute and its consent, and attach a new dispute document."""
    company = get_company(store)
    save_company(
        store,
        replace(company, name_zh=NEW_NAME_ZH, name_en=NEW_NAME_EN, registered_address_zh=NEW_ADDRESS_ZH,
                registered_address_en=NEW_ADDRESS_EN, contact_name=NEW_CONTACT),
        expected_version=company.version,
    )
    d = get_dispute(store, "D1")
    update_dispute(store, "D1", replace(d, opposing_party=NEW_OPPONENT, forum_country="DE",
                                        case_number="NEW-CASE-9"), expected_version=d.version)
    (c,) = [c for c in list_consents(store, "D1") if c.ref == "C1"]
    update_consent(store, "C1", replace(c, scope_en=NEW_SCOPE_EN), expected_version=c.version)
    later = sample_pdf(1, "Filed later")
    attachments.add_attachment(store, "dispute", "D1", "later.pdf", later, "other")
    return later


def _edited_text_shown(text: str) -> list[str]:
    return [s for s in (NEW_NAME_ZH, NEW_NAME_EN, NEW_ADDRESS_EN, NEW_OPPONENT, NEW_CONTACT, "NEW-CASE-9",
                        NEW_SCOPE_EN, "Filed later") if flat(s) in text]


def test_submitted_package_ignores_later_edits(loaded_store, claim_ref, tmp_path):
    complaint = sample_pdf(1, "Complaint")
    attachments.add_attachment(loaded_store, "dispute", "D1", "complaint.pdf", complaint, "complaint")
    claims.submit(loaded_store, claim_ref, override="documents follow by courier")
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    claim_export.export_claim(loaded_store, claim_ref, a)
    _edit_everything(loaded_store)
    claim_export.export_claim(loaded_store, claim_ref, b)
    assert a.read_bytes() == b.read_bytes()
    text = flat("".join(pages_text(b)))
    # what was true at submission is printed, none of the later edits
    assert flat("Acme Lock Holdings LLC") in text and "北京星河智造科技有限公司" in text
    assert flat("No. 1 Zhongguancun Street") in text and "（US）" in text and "2:26-cv-00123" in text
    assert flat("Complaint page 1") in text
    assert _edited_text_shown(text) == []
    assert "（DE）" not in text


def test_draft_package_shows_the_edits(loaded_store, claim_ref, tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    claim_export.export_claim(loaded_store, claim_ref, a)
    before = flat("".join(pages_text(a)))
    assert _edited_text_shown(before) == []
    later = _edit_everything(loaded_store)
    claim_export.export_claim(loaded_store, claim_ref, b)
    after = flat("".join(pages_text(b)))
    assert sorted(_edited_text_shown(after)) == sorted(
        [NEW_NAME_ZH, NEW_NAME_EN, NEW_ADDRESS_EN, NEW_OPPONENT, NEW_CONTACT, "NEW-CASE-9", NEW_SCOPE_EN, "Filed later"])
    assert "（DE）" in after and flat("Acme Lock Holdings LLC") not in after
    data = claim_export.package_data(loaded_store, claim_ref)
    assert hashlib.sha256(later).hexdigest() in {e["sha256"] for e in data["exhibits"]}


def test_frozen_blocks_are_added_without_changing_existing_keys(loaded_store, claim_ref):
    draft = claims.assess(loaded_store, claim_ref)
    frozen = claims.submit(loaded_store, claim_ref, override="documents follow by courier")
    for key in claim_snapshot.FROZEN_KEYS:
        assert key in frozen
    assert frozen["company_detail"]["registered_address_zh"] == "北京市海淀区中关村大街1号"
    assert frozen["dispute_detail"]["opposing_party"] == "Acme Lock Holdings LLC"
    assert frozen["dispute_detail"]["forum_country"] == "US"
    assert frozen["policy_detail"]["policy_number"] == "PICC-BJ-LEI-2026-0001"
    assert [c["ref"] for c in frozen["consents_detail"]] == ["C1"]
    # every key the draft assessment had is still there, with the same figures
    changed_by_submission = {"status", "submitted_at", "override_reason", "frozen"}
    for key, value in draft.items():
        assert key in frozen
        if key not in changed_by_submission:
            assert frozen[key] == value, key
    # the frozen exhibit list is the one the draft package listed (without the bytes)
    with loaded_store.session() as s:
        stored = s.scalar(select(ClaimRow).where(ClaimRow.ref == claim_ref)).assessment
    assert stored["exhibit_files"] == frozen["exhibit_files"]


def test_claim_frozen_before_the_blocks_existed_falls_back_to_live(loaded_store, claim_ref, tmp_path):
    """An assessment frozen by an older version (no detail blocks) still exports: the frozen
    company name and dispute title win, the rest is read live."""
    claims.submit(loaded_store, claim_ref, override="documents follow by courier")
    with loaded_store.session() as s:
        row = s.scalar(select(ClaimRow).where(ClaimRow.ref == claim_ref))
        row.assessment = {k: v for k, v in row.assessment.items() if k not in claim_snapshot.FROZEN_KEYS}
    _edit_everything(loaded_store)
    data = claim_export.package_data(loaded_store, claim_ref)
    assert data["company"]["name_zh"] == "北京星河智造科技有限公司"  # frozen in the old "company" key
    assert data["company"]["registered_address_en"] == NEW_ADDRESS_EN  # not frozen then: live
    assert data["dispute"]["case_number"] == "2:26-cv-00123"  # frozen then
    assert data["dispute"]["opposing_party"] == NEW_OPPONENT  # live
    assert "later.pdf" not in [e["filename"] for e in data["exhibits"]]  # added after submission
    out = tmp_path / "old.pdf"
    assert claim_export.export_claim(loaded_store, claim_ref, out)["pages"] >= 1
