"""Settlement: what the insurer owes for one claim (settlement.md §6), with every step shown.

``settle`` takes the assessed lines of claim *k* and the prior claims of the same policy
(submitted, under review or settled; settled ones count at the amount paid) and returns a
:class:`Settlement`. ``assessment_json`` turns lines and settlement into the assessment
document of cli.md (amounts as strings), the one that is frozen when a claim is submitted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from lei_desktop.domain.categories import CATEGORY_CODES, label
from lei_desktop.domain.coverage import LineResult, natural_key, rate_note, reason_json
from lei_desktop.domain.messages import register, text
from lei_desktop.domain.model import AttachmentInfo, ClaimLine, Policy, Reason
from lei_desktop.domain.money import minor_units, money_str, round_half_up
from lei_desktop.domain.numerals import amount_in_words, amount_in_words_en

ZERO = Decimal("0.00")

register(
    {
        "step.covered": ("承保费用合计（各项承保部分之和）", "covered: the sum of the covered part of every line"),
        "step.sub_limit": (
            "分项限额（{label_zh}）：承保 {covered}，限额 {sub_limit}，此前索赔已用 {prior_used}，本次可计 {allowed}",
            "sub-limit ({label_en}): covered {covered}, sub-limit {sub_limit}, used by prior claims {prior_used}, allowed {allowed}",
        ),
        "step.gross": ("适用分项限额后合计", "gross: after sub-limits"),
        "step.deductible": (
            "免赔额 {deductible}，本纠纷此前索赔已用 {prior}，本次扣除",
            "deductible {deductible}, used by prior claims of this dispute {prior}; applied now",
        ),
        "step.after_deductible": ("扣除免赔额后", "after the deductible"),
        "step.co_payment": (
            "保险人承担比例 {coinsurance}（四舍五入到分）",
            "insurer's share at {coinsurance} (rounded half-up to 0.01)",
        ),
        "step.per_claim_limit": (
            "每次事故赔偿限额 {limit}，本纠纷此前索赔已计 {prior}，剩余",
            "per-claim limit {limit}, counted for prior claims of this dispute {prior}; room left",
        ),
        "step.aggregate_limit": (
            "累计赔偿限额 {limit}，本保单此前索赔已计 {prior}，剩余",
            "aggregate limit {limit}, counted for prior claims of this policy {prior}; room left",
        ),
        "step.payable": ("应赔金额（取以上最小值，不低于零）", "payable: the least of the above, not below zero"),
        "claim_kind.initial": ("首次索赔", "initial claim"),
        "claim_kind.supplementary": ("补充索赔", "supplementary claim"),
    }
)


@dataclass(frozen=True)
class PriorClaim:
    """A submitted, under-review or settled claim of the same policy, as its assessment froze it."""

    ref: str
    dispute: str
    status: str
    payable: Decimal
    paid: Decimal = ZERO
    #: what its assessment allowed per category (what it "used" of each sub-limit)
    allowed: tuple[tuple[str, Decimal], ...] = ()
    deductible_applied: Decimal = ZERO

    @property
    def counted(self) -> Decimal:
        """Settled claims count at the amount paid, the others at their payable."""
        return self.paid if self.status == "settled" else self.payable


@dataclass(frozen=True)
class CategoryAmount:
    category: str
    covered: Decimal
    sub_limit: Decimal | None
    prior_used: Decimal
    allowed: Decimal


@dataclass(frozen=True)
class Settlement:
    covered: Decimal
    categories: tuple[CategoryAmount, ...]
    gross: Decimal
    deductible: Decimal
    deductible_prior: Decimal
    deductible_applied: Decimal
    after_deductible: Decimal
    coinsurance: Decimal
    insurer_share: Decimal
    per_claim_limit: Decimal
    per_claim_prior: Decimal
    per_claim_room: Decimal
    aggregate_limit: Decimal
    aggregate_prior: Decimal
    aggregate_room: Decimal
    payable: Decimal
    priors: tuple[PriorClaim, ...] = ()

    @property
    def payable_in_words(self) -> str:
        return amount_in_words(self.payable)

    @property
    def payable_in_words_en(self) -> str:
        return amount_in_words_en(self.payable)


def _category_order(code: str) -> tuple:
    return (CATEGORY_CODES.index(code), "") if code in CATEGORY_CODES else (len(CATEGORY_CODES), code)


def settle(policy: Policy, dispute: str, lines: Iterable[ClaimLine], priors: Iterable[PriorClaim] = ()) -> Settlement:
    """settlement.md §6 for one claim of ``dispute`` under ``policy``."""
    priors = tuple(priors)
    same = [p for p in priors if p.dispute == dispute]
    by_cat: dict[str, Decimal] = {}
    for line in lines:
        by_cat[line.category] = by_cat.get(line.category, ZERO) + line.covered_cny
    covered = sum(by_cat.values(), ZERO)

    cats = []
    for code in sorted(by_cat, key=_category_order):
        amount = by_cat[code]
        sub_limit = policy.terms(code).sub_limit
        prior_used = sum((dict(p.allowed).get(code, ZERO) for p in same), ZERO)
        allowed = amount if sub_limit is None else min(amount, max(ZERO, sub_limit - prior_used))
        cats.append(CategoryAmount(code, amount, sub_limit, prior_used, allowed))
    gross = sum((c.allowed for c in cats), ZERO)

    deductible_prior = sum((p.deductible_applied for p in same), ZERO)
    deductible_applied = max(ZERO, min(gross, policy.deductible - deductible_prior))
    after = gross - deductible_applied
    insurer_share = round_half_up(after * policy.coinsurance)

    per_claim_prior = sum((p.counted for p in same), ZERO)
    aggregate_prior = sum((p.counted for p in priors), ZERO)
    per_claim_room = policy.per_claim_limit - per_claim_prior
    aggregate_room = policy.aggregate_limit - aggregate_prior
    payable = max(ZERO, min(insurer_share, per_claim_room, aggregate_room))
    return Settlement(
        covered=covered, categories=tuple(cats), gross=gross, deductible=policy.deductible,
        deductible_prior=deductible_prior, deductible_applied=deductible_applied, after_deductible=after,
        coinsurance=policy.coinsurance, insurer_share=insurer_share,
        per_claim_limit=policy.per_claim_limit, per_claim_prior=per_claim_prior, per_claim_room=per_claim_room,
        aggregate_limit=policy.aggregate_limit, aggregate_prior=aggregate_prior, aggregate_room=aggregate_room,
        payable=payable, priors=priors,
    )


def _step(code: str, amount: Decimal, **params: object) -> dict:
    key = f"step.{code}"
    return {"code": code, "zh": text(key, "zh", **params), "en": text(key, "en", **params), "amount": money_str(amount)}


def steps(st: Settlement) -> list[dict]:
    """Covered → sub-limits → deductible → co-payment → limits → payable, each with its amount."""
    out = [_step("covered", st.covered)]
    for c in st.categories:
        if c.sub_limit is not None:
            step = _step("sub_limit", c.allowed, label_zh=label(c.category, "zh"), label_en=label(c.category, "en"),
                         covered=money_str(c.covered), sub_limit=money_str(c.sub_limit),
                         prior_used=money_str(c.prior_used), allowed=money_str(c.allowed))
            step["category"] = c.category
            out.append(step)
    out.append(_step("gross", st.gross))
    out.append(_step("deductible", st.deductible_applied, deductible=money_str(st.deductible),
                     prior=money_str(st.deductible_prior)))
    out.append(_step("after_deductible", st.after_deductible))
    out.append(_step("co_payment", st.insurer_share, coinsurance=format(st.coinsurance, "f")))
    out.append(_step("per_claim_limit", st.per_claim_room, limit=money_str(st.per_claim_limit),
                     prior=money_str(st.per_claim_prior)))
    out.append(_step("aggregate_limit", st.aggregate_room, limit=money_str(st.aggregate_limit),
                     prior=money_str(st.aggregate_prior)))
    out.append(_step("payable", st.payable))
    return out


def _opt(value: Decimal | None) -> str | None:
    return money_str(value) if value is not None else None


def line_json(result: LineResult, attachments: Sequence[AttachmentInfo] = ()) -> dict:
    line = result.line
    return {
        "expense": line.expense,
        "category": line.category,
        "category_zh": label(line.category, "zh"),
        "category_en": label(line.category, "en"),
        "date": line.invoice_date.isoformat() if line.invoice_date else None,
        "payment_date": line.paid_on.isoformat() if line.paid_on else None,
        "payee": line.payee,
        "invoice_no": line.invoice_number,
        "description_zh": line.description_zh,
        "description_en": line.description_en,
        "amount": money_str(line.amount, minor_units(line.currency)),
        "currency": line.currency,
        "rate": format(line.rate, "f") if line.rate is not None else None,
        "rate_per": line.rate_per,
        "rate_date": line.rate_date.isoformat() if line.rate_date else None,
        "rate_basis_date": result.basis_date.isoformat() if result.basis_date else None,
        "rate_source": line.rate_source,
        "rate_overridden": line.rate_overridden,
        "rate_note": rate_note(result),
        "cny": _opt(line.cny),
        "covered_cny": money_str(line.covered_cny),
        "decision": line.decision,
        "decision_zh": text(f"decision.{line.decision}", "zh"),
        "decision_en": text(f"decision.{line.decision}", "en"),
        "reasons": [reason_json(r) for r in line.reasons],
        "consent_use": [{"consent": ref, "cny": money_str(amount)} for ref, amount in result.consent_use],
        "attachments": [{"sha256": a.sha256, "filename": a.filename, "kind": a.kind} for a in attachments]
        or [{"sha256": h, "filename": "", "kind": ""} for h in line.attachment_hashes],
    }


def assessment_json(
    *,
    claim: str,
    status: str,
    claim_kind: str,
    supplementary_to: str | None,
    policy: Policy,
    company: Mapping | None,
    dispute: str,
    dispute_reasons: Sequence[Reason],
    lines: Sequence[LineResult],
    settlement: Settlement,
    attachments: Mapping[str, Sequence[AttachmentInfo]] | None = None,
    assessed_on: str | None = None,
) -> dict:
    """The assessment document (cli.md keys plus everything needed to follow every figure)."""
    attachments = attachments or {}
    st = settlement
    totals: dict[str, dict[str, Decimal]] = {}
    for r in lines:
        t = totals.setdefault(r.decision, {"count": Decimal(0), "cny": ZERO, "covered_cny": ZERO})
        t["count"] += 1
        t["cny"] += r.line.cny or ZERO
        t["covered_cny"] += r.line.covered_cny
    return {
        "claim": claim,
        "dispute": dispute,
        "status": status,
        "claim_kind": claim_kind,
        "claim_kind_zh": text(f"claim_kind.{claim_kind}", "zh"),
        "claim_kind_en": text(f"claim_kind.{claim_kind}", "en"),
        "supplementary_to": supplementary_to,
        "assessed_on": assessed_on,
        "currency": "CNY",
        "policy": {
            "ref": policy.ref, "policy_number": policy.policy_number, "insurer_zh": policy.insurer_zh,
            "insurer_en": policy.insurer_en, "period_start": policy.period_start.isoformat(),
            "period_end": policy.period_end.isoformat(), "fx_basis": policy.fx_basis,
            "deductible": money_str(policy.deductible), "coinsurance": format(policy.coinsurance, "f"),
            "per_claim_limit": money_str(policy.per_claim_limit), "aggregate_limit": money_str(policy.aggregate_limit),
        },
        "company": dict(company) if company else None,
        "dispute_covered": not dispute_reasons,
        "dispute_reasons": [reason_json(r) for r in dispute_reasons],
        "lines": [line_json(r, attachments.get(r.line.expense, ())) for r in lines],
        "decision_totals": {
            k: {"count": int(v["count"]), "cny": money_str(v["cny"]), "covered_cny": money_str(v["covered_cny"])}
            for k, v in totals.items()
        },
        "categories": [
            {"category": c.category, "category_zh": label(c.category, "zh"), "category_en": label(c.category, "en"),
             "covered": money_str(c.covered), "sub_limit": _opt(c.sub_limit), "prior_used": money_str(c.prior_used),
             "allowed": money_str(c.allowed)}
            for c in st.categories
        ],
        "covered": money_str(st.covered),
        "gross": money_str(st.gross),
        "deductible": money_str(st.deductible),
        "deductible_prior": money_str(st.deductible_prior),
        "deductible_applied": money_str(st.deductible_applied),
        "after_deductible": money_str(st.after_deductible),
        "coinsurance": format(st.coinsurance, "f"),
        "insurer_share": money_str(st.insurer_share),
        "per_claim_limit": money_str(st.per_claim_limit),
        "per_claim_prior": money_str(st.per_claim_prior),
        "per_claim_room": money_str(st.per_claim_room),
        "aggregate_limit": money_str(st.aggregate_limit),
        "aggregate_prior": money_str(st.aggregate_prior),
        "aggregate_room": money_str(st.aggregate_room),
        "prior_claims": [
            {"claim": p.ref, "dispute": p.dispute, "status": p.status, "payable": money_str(p.payable),
             "paid": money_str(p.paid), "counted": money_str(p.counted),
             "deductible_applied": money_str(p.deductible_applied)}
            for p in sorted(st.priors, key=lambda p: natural_key(p.ref))
        ],
        "payable": money_str(st.payable),
        "payable_in_words": st.payable_in_words,
        "payable_in_words_en": st.payable_in_words_en,
        "steps": steps(st),
    }


def prior_from_assessment(doc: Mapping, status: str, paid: Decimal) -> PriorClaim:
    """A prior claim as its frozen assessment recorded it."""
    return PriorClaim(
        ref=str(doc["claim"]),
        dispute=str(doc["dispute"]),
        status=status,
        payable=Decimal(doc["payable"]),
        paid=paid,
        allowed=tuple((c["category"], Decimal(c["allowed"])) for c in doc.get("categories", ())),
        deductible_applied=Decimal(doc.get("deductible_applied", "0")),
    )


def consent_use_of(doc: Mapping) -> dict[str, Decimal]:
    """How much of each consent's cap a frozen assessment's lines used."""
    out: dict[str, Decimal] = {}
    for line in doc.get("lines", ()):
        for use in line.get("consent_use", ()) or ():
            out[use["consent"]] = out.get(use["consent"], ZERO) + Decimal(use["cny"])
    return out
