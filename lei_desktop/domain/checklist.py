"""The document checklist of a claim: what the insurer needs before a claim can go out.

Items (one per kind of document, each with the expenses or consents still missing it):
the complaint or warning letter and the engagement letter (on the dispute), the consent letters
for the consent categories the claim uses, an invoice and a payment proof per expense, and the
exchange-rate statement (the app writes it from the rates; complete when every line has a rate).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lei_desktop.domain.categories import label
from lei_desktop.domain.coverage import LineResult
from lei_desktop.domain.messages import register, text
from lei_desktop.domain.model import AttachmentInfo, Consent, Expense, Policy

ITEM_CODES = ("complaint", "engagement_letter", "consent_letters", "invoices", "payment_proofs", "fx_statement")

register(
    {
        "check.complaint": ("起诉状、传票或警告函", "complaint, summons or warning letter"),
        "check.engagement_letter": ("委托代理合同（律师聘用函）", "engagement letter with counsel"),
        "check.consent_letters": ("保险人书面同意函（需同意的费用类别）", "insurer's consent letters (consent categories)"),
        "check.invoices": ("每笔费用的发票", "an invoice for every expense"),
        "check.payment_proofs": ("每笔费用的付款凭证", "a payment proof for every expense"),
        "check.fx_statement": ("汇率说明（每笔外币费用的汇率、日期及来源）", "exchange-rate statement (rate, date and source per line)"),
        "check.missing": ("缺少：{refs}", "missing: {refs}"),
        "check.ok": ("齐全", "complete"),
        "check.not_attached": ("纠纷 {dispute} 尚未附上此文件", "not attached to dispute {dispute}"),
        "check.not_needed": ("本索赔无需", "not needed for this claim"),
        "check.no_consent_for": ("没有同意书涵盖：{categories}", "no consent covers: {categories}"),
    }
)


def _item(code: str, ok: bool, missing: Sequence[str] = (), detail_code: str | None = None, **params) -> dict:
    if detail_code is None:
        detail_code = "check.ok" if ok else "check.missing"
        params = {"refs": ", ".join(missing)}
    return {
        "code": code,
        "zh": text(f"check.{code}", "zh"),
        "en": text(f"check.{code}", "en"),
        "ok": ok,
        "missing": list(missing),
        "detail": text(detail_code, "en", **params),
        "detail_zh": text(detail_code, "zh", **params),
        "detail_en": text(detail_code, "en", **params),
    }


def claim_checklist(
    policy: Policy,
    dispute_attachments: Sequence[AttachmentInfo],
    consents: Sequence[Consent],
    consent_attachments: Mapping[str, Sequence[AttachmentInfo]],
    expenses: Sequence[Expense],
    lines: Sequence[LineResult],
    dispute_ref: str | None = None,
) -> list[dict]:
    """The checklist items, in a fixed order; ``ok`` False names what is missing."""
    dispute_kinds = {a.kind for a in dispute_attachments}
    expense_kinds = {e.ref: {a.kind for a in e.attachments} for e in expenses}
    def on_dispute(code: str, ok: bool) -> dict:
        if ok:
            return _item(code, True)
        return _item(code, False, [dispute_ref], detail_code="check.not_attached", dispute=dispute_ref)

    dispute_ref = dispute_ref or (expenses[0].dispute if expenses else "-")
    items = [on_dispute("complaint", "complaint" in dispute_kinds)]
    engaged = "engagement_letter" in dispute_kinds or any("engagement_letter" in k for k in expense_kinds.values())
    items.append(on_dispute("engagement_letter", engaged))

    needed = sorted({e.category for e in expenses if policy.terms(e.category).requires_consent})
    if not needed:
        items.append(_item("consent_letters", True, detail_code="check.not_needed"))
    else:
        missing: list[str] = []
        uncovered: list[str] = []
        for cat in needed:
            relevant = [c for c in consents if cat in c.categories]
            if not relevant:
                uncovered.append(cat)
            for c in relevant:
                kinds = {a.kind for a in consent_attachments.get(c.ref, ())}
                if "consent_letter" not in kinds and "consent_letter" not in dispute_kinds and c.ref not in missing:
                    missing.append(c.ref)
        if uncovered and not missing:
            names_zh = "、".join(label(c, "zh") for c in uncovered)
            names_en = ", ".join(label(c, "en") for c in uncovered)
            item = _item("consent_letters", False, uncovered)
            item["detail_zh"] = text("check.no_consent_for", "zh", categories=names_zh)
            item["detail_en"] = item["detail"] = text("check.no_consent_for", "en", categories=names_en)
            items.append(item)
        elif uncovered:
            item = _item("consent_letters", False, missing + uncovered)
            for lang, sep in (("zh", "；"), ("en", "; ")):
                names = ("、" if lang == "zh" else ", ").join(label(c, lang) for c in uncovered)
                item[f"detail_{lang}"] = sep.join((text("check.missing", lang, refs=", ".join(missing)),
                                                   text("check.no_consent_for", lang, categories=names)))
            item["detail"] = item["detail_en"]
            items.append(item)
        else:
            items.append(_item("consent_letters", not missing, missing))

    items.append(_item("invoices", all("invoice" in k for k in expense_kinds.values()),
                       [e.ref for e in expenses if "invoice" not in expense_kinds[e.ref]]))
    items.append(_item("payment_proofs", all("payment_proof" in k for k in expense_kinds.values()),
                       [e.ref for e in expenses if "payment_proof" not in expense_kinds[e.ref]]))
    no_rate = [r.line.expense for r in lines if r.line.rate is None]
    items.append(_item("fx_statement", not no_rate, no_rate))
    return items


def is_complete(items: Sequence[dict]) -> bool:
    return all(i["ok"] for i in items)
