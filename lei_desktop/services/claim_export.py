"""Export a claim as its bilingual claim-package PDF (and name what is missing before export).

:func:`package_data` gathers what the report needs from the store: the assessment (the frozen
copy for a submitted claim), the company, policy and dispute, the consents, the document
checklist and every attachment's bytes, numbered as exhibits in schedule order (expense
receipts first, then the dispute's and the consents' documents). For a claim that is no longer
a draft everything printed comes from what submission froze (the assessment figures plus the
company, dispute, policy, consent and exhibit blocks of :mod:`lei_desktop.services.claim_snapshot`)
and the creation date is ``submitted_at``, so exporting it again gives the same bytes whatever
was edited since. Claims frozen before those blocks existed fall back to live values.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from lei_desktop import __version__
from lei_desktop.domain.messages import register
from lei_desktop.reports import claim_package
from lei_desktop.services import claim_snapshot, claims
from lei_desktop.services.disputes import get_dispute, list_consents
from lei_desktop.services.enrolment import get_company
from lei_desktop.services.policies import get_policy
from lei_desktop.services.store import Store
from lei_desktop.store.models import BlobRow

register(
    {
        "export_missing_description": (
            "费用 {expense} 缺少{which}说明",
            "expense {expense} has no {which_en} description",
        ),
        "export_written": ("已写出 {path}：{pages} 页，附件 {exhibits} 份", "wrote {path}: {pages} pages, {exhibits} exhibit(s)"),
    }
)

_FROZEN_DISPUTE_KEYS = {
    "dispute_title_zh": "title_zh",
    "dispute_title_en": "title_en",
    "case_number": "case_number",
    "forum": "forum",
    "first_asserted_on": "first_asserted_on",
}


_plain = claim_snapshot.plain


def missing_descriptions(store: Store, ref: str) -> list[dict]:
    """Lines of the claim whose Chinese or English description is empty: ``[{"expense", "missing"}]``."""
    doc = claims.assess(store, ref)
    out = []
    for line in doc.get("lines") or []:
        missing = [k for k in ("description_zh", "description_en") if not str(line.get(k) or "").strip()]
        if missing:
            out.append({"expense": line.get("expense"), "missing": missing})
    return out


def missing_description_messages(store: Store, ref: str, lang: str) -> list[str]:
    from lei_desktop.domain.messages import text

    out = []
    for item in missing_descriptions(store, ref):
        for key in item["missing"]:
            zh = key.endswith("_zh")
            out.append(
                text(
                    "export_missing_description", lang, expense=item["expense"],
                    which="中文" if zh else "英文", which_en="Chinese" if zh else "English",
                )
            )
    return out


def _with_bytes(store: Store, listed: list[dict]) -> list[dict]:
    """The exhibit list with each file's bytes (found by SHA-256: blobs are content-addressed)."""
    out = [dict(e, expenses=list(e.get("expenses") or [])) for e in listed]
    shas = [e["sha256"] for e in out if e.get("sha256")]
    if shas:
        with store.session() as s:
            data = {b.sha256: bytes(b.data) for b in s.scalars(select(BlobRow).where(BlobRow.sha256.in_(shas)))}
        for e in out:
            if e.get("sha256") in data:
                e["data"] = data[e["sha256"]]
    return out


def _exhibits(store: Store, doc: dict, dispute_ref: str, consent_refs: list[str],
              cutoff: datetime | None = None) -> list[dict]:
    """Every attachment once (by SHA-256), in exhibit order, with its bytes and who uses it.

    ``cutoff`` (a submitted claim's ``submitted_at``) leaves out dispute and consent documents
    attached later (used for claims frozen before ``exhibit_files`` was recorded).
    """
    with store.session() as s:
        listed = claim_snapshot.exhibit_list_in(s, doc, dispute_ref, consent_refs, cutoff)
    return _with_bytes(store, listed)


def package_data(store: Store, ref: str) -> dict:
    """Everything :func:`lei_desktop.reports.claim_package.write` needs, as plain data.

    A draft shows the store as it is now. A submitted (under review, settled, rejected ...) claim
    shows only what was frozen at submission (:mod:`lei_desktop.services.claim_snapshot`); a
    claim frozen before those blocks were recorded falls back, block by block, to live values
    overlaid with whatever its assessment did freeze.
    """
    claim = claims.get_claim(store, ref)
    doc = claims.assess(store, ref)
    items = claims.checklist(store, ref)
    frozen = claim.status != "draft" and bool(claim.assessment)
    snap = claim.assessment if frozen else {}

    def live_or_frozen(key: str, live):
        return dict(snap[key]) if isinstance(snap.get(key), dict) else _plain(live())

    policy_ref = (doc.get("policy") or {}).get("ref")
    company = live_or_frozen("company_detail", lambda: get_company(store))
    policy = live_or_frozen("policy_detail", lambda: get_policy(store, policy_ref) if policy_ref else None)
    dispute = live_or_frozen("dispute_detail", lambda: get_dispute(store, claim.dispute))
    if frozen and "company_detail" not in snap:
        company.update({k: v for k, v in (doc.get("company") or {}).items() if v is not None})
    if frozen and "policy_detail" not in snap:
        policy.update({k: v for k, v in (doc.get("policy") or {}).items() if v is not None})
    if frozen and "dispute_detail" not in snap:
        for key, target in _FROZEN_DISPUTE_KEYS.items():
            if doc.get(key) is not None:
                dispute[target] = doc[key]
    if isinstance(snap.get("consents_detail"), list):
        consents = [dict(c) for c in snap["consents_detail"]]
    else:
        consents = [_plain(c) for c in list_consents(store, claim.dispute)]
        if frozen:  # only consents that existed when the claim was submitted
            cutoff = claim.submitted_at.date() if claim.submitted_at else None
            consents = [c for c in consents if cutoff is None or str(c.get("granted_on")) <= cutoff.isoformat()]
    if isinstance(snap.get("exhibit_files"), list):
        exhibits = _with_bytes(store, snap["exhibit_files"])
    else:
        exhibits = _exhibits(store, doc, claim.dispute, [c["ref"] for c in consents],
                             claim.submitted_at if frozen else None)
    if frozen and claim.submitted_at is not None:
        created = claim.submitted_at
        status = "submitted"
    else:
        created = datetime.now(UTC).replace(microsecond=0)
        status = claim.status
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return {
        "reference": claim.ref,
        "status": status,
        "created": created,
        "version": str(snap.get("app_version") or __version__),
        "company": company,
        "policy": policy,
        "dispute": dispute,
        "assessment": doc,
        "consents": consents,
        "checklist": items,
        "exhibits": exhibits,
    }


def export_claim(store: Store, ref: str, out_path: Path | str, progress=None, cancel=None) -> dict:
    """Write the claim package of ``ref`` to ``out_path`` (atomically). Returns pages/exhibits/bytes."""
    data = package_data(store, ref)
    result = claim_package.write(data, Path(out_path), progress=progress, cancel=cancel)
    return {"claim": ref, "path": str(out_path), **result}
