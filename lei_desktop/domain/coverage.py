"""Coverage: is the dispute covered, and what is decided for each expense (settlement.md §3–§5).

Pure functions over domain objects. Every reason is a :class:`Reason` (a code plus parameters);
``reason_json`` turns it into ``{"code", "zh", "en"}`` through the message catalog.

Expense rules run in the order of settlement.md §4: the first failing rule decides, later rules
still add their reasons. Consent caps are consumed in order of payment date, then expense
reference, after what earlier claims of the dispute already used of each consent.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from lei_desktop.domain.categories import CATEGORY_CODES, category, label
from lei_desktop.domain.fx import RateTable, RateUsed, convert, plain
from lei_desktop.domain.messages import register, text
from lei_desktop.domain.model import CategoryTerms, ClaimLine, Consent, Dispute, Expense, Policy, Reason
from lei_desktop.domain.money import money_str

COVERED, EXCLUDED, NEEDS_CONSENT, BLOCKED = "covered", "excluded", "needs_consent", "blocked"
DECISIONS = (COVERED, EXCLUDED, NEEDS_CONSENT, BLOCKED)

#: EU member states (``EU`` in a policy's territories stands for all of them).
EU_MEMBERS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE HU".split()
)

DISPUTE_CODES = (
    "outside_period", "before_retroactive_date", "territory", "ip_type", "role", "product",
    "known_before_inception",
)
EXPENSE_CODES = (
    "category_not_covered", "before_dispute", "insured_staff", "already_claimed",
    "consent_missing", "consent_cap", "no_fx_rate",
)
_DECISION_OF = {
    "category_not_covered": EXCLUDED, "before_dispute": EXCLUDED, "insured_staff": EXCLUDED,
    "already_claimed": EXCLUDED, "consent_missing": NEEDS_CONSENT, "consent_cap": NEEDS_CONSENT,
    "no_fx_rate": BLOCKED, **{code: EXCLUDED for code in DISPUTE_CODES},
}

register(
    {
        # dispute checks (§3)
        "reason.outside_period": (
            "首次主张日 {first_asserted_on} 不在保险期间 {start} 至 {end} 内",
            "first asserted on {first_asserted_on}, outside the policy period {start} to {end}",
        ),
        "reason.before_retroactive_date": (
            "侵权开始日 {began} 早于追溯日 {retroactive}",
            "the infringement began on {began}, before the retroactive date {retroactive}",
        ),
        "reason.territory": (
            "审理地 {country} 不在承保区域（{territories}）内",
            "forum country {country} is outside the territories ({territories})",
        ),
        "reason.ip_type": (
            "知识产权类型 {ip_type} 不在承保范围内（承保：{covered}）",
            "IP type {ip_type} is not covered (covered: {covered})",
        ),
        "reason.role": (
            "被保险人的角色 {role} 不在承保范围内（承保：{covered}）",
            "the insured's role {role} is not covered (covered: {covered})",
        ),
        "reason.product": (
            "被控产品（{accused}）均不是保单列明的产品（{insured}）",
            "none of the accused products ({accused}) is named in the policy ({insured})",
        ),
        "reason.known_before_inception": (
            "该纠纷在保险期间开始前已知悉或已受威胁",
            "the dispute was known or threatened before the policy began",
        ),
        # expense rules (§4)
        "reason.category_not_covered": (
            "费用类别“{label_zh}”不在承保范围内",
            "the category '{label_en}' is not covered by the policy",
        ),
        "reason.before_dispute": (
            "发票日期 {invoice_date} 早于首次主张日 {first_asserted_on}",
            "invoiced on {invoice_date}, before the dispute was first asserted on {first_asserted_on}",
        ),
        "reason.insured_staff": (
            "支付给被保险人自己的董事、监事、高级管理人员或员工的专家或证人费用不予承保",
            "expert or witness fees paid to the insured's own directors, officers or employees are not covered",
        ),
        "reason.already_claimed": (
            "该费用已包含在索赔 {claim} 中",
            "the expense is already in claim {claim}",
        ),
        "reason.consent_missing": (
            "类别“{label_zh}”须经保险人事先书面同意；付款日 {paid_on} 当日或之前没有本纠纷涵盖该类别的同意书",
            "'{label_en}' needs the insurer's prior written consent; no consent of this dispute for it was granted on or before the payment date {paid_on}",
        ),
        "reason.consent_cap": (
            "同意书 {consents} 的上限剩余 {left} 元，本项 {cny} 元中超出的 {excess} 元需另行取得同意",
            "consent {consents} has {left} CNY of its cap left; {excess} of this line's {cny} CNY needs further consent",
        ),
        "reason.no_fx_rate": (
            "{currency} 在 {basis} 当日及之前没有汇率",
            "no {currency} rate on or before {basis}",
        ),
        "reason.no_fx_basis": (
            "没有{basis_zh}，无法确定 {currency} 的汇率",
            "no {basis_en} to find the {currency} rate for",
        ),
        # rate notes (§5)
        "rate_earlier": (
            "{basis} 无公布汇率，采用此前最近公布日 {rate_date} 的汇率",
            "no rate was published on {basis}; the last earlier rate, of {rate_date}, is used",
        ),
        "rate_user": ("用户输入的汇率（覆盖汇率表）", "rate typed by the user (overrides the table)"),
        # decisions
        "decision.covered": ("承保", "covered"),
        "decision.excluded": ("除外", "excluded"),
        "decision.needs_consent": ("需保险人同意", "needs consent"),
        "decision.blocked": ("待补汇率", "blocked"),
    }
)


def reason(code: str, **params: object) -> Reason:
    return Reason(code, tuple(sorted(params.items())))


def reason_json(r: Reason) -> dict:
    params = dict(r.params)
    key = "reason.no_fx_basis" if params.get("missing_basis") else f"reason.{r.code}"
    return {"code": r.code, "zh": text(key, "zh", **params), "en": text(key, "en", **params)}


def in_territory(country: str, territories: Iterable[str]) -> bool:
    terr = {t.upper() for t in territories}
    country = country.upper()
    return country in terr or ("EU" in terr and country in EU_MEMBERS)


def _fold(names: Iterable[str]) -> set[str]:
    return {n.strip().casefold() for n in names if n and n.strip()}


def dispute_reasons(policy: Policy, dispute: Dispute) -> list[Reason]:
    """Every failed check of settlement.md §3 for this dispute (empty list: the dispute is covered)."""
    out: list[Reason] = []
    if not (policy.period_start <= dispute.first_asserted_on <= policy.period_end):
        out.append(reason("outside_period", first_asserted_on=dispute.first_asserted_on.isoformat(),
                          start=policy.period_start.isoformat(), end=policy.period_end.isoformat()))
    if policy.retroactive_date is not None and dispute.infringement_began_on is not None:
        if dispute.infringement_began_on < policy.retroactive_date:
            out.append(reason("before_retroactive_date", began=dispute.infringement_began_on.isoformat(),
                              retroactive=policy.retroactive_date.isoformat()))
    if not in_territory(dispute.forum_country, policy.territories):
        out.append(reason("territory", country=dispute.forum_country, territories=", ".join(policy.territories)))
    if dispute.ip_type not in policy.ip_types:
        out.append(reason("ip_type", ip_type=dispute.ip_type, covered=", ".join(policy.ip_types)))
    if dispute.role not in policy.roles:
        out.append(reason("role", role=dispute.role, covered=", ".join(policy.roles)))
    if policy.insured_products and not (_fold(dispute.accused_products) & _fold(policy.insured_products)):
        out.append(reason("product", accused=", ".join(dispute.accused_products) or "-",
                          insured=", ".join(policy.insured_products)))
    if dispute.known_before_inception:
        out.append(reason("known_before_inception"))
    return out


@dataclass(frozen=True)
class LineResult:
    """One assessed expense: the line as it would be frozen, plus how it was reached."""

    line: ClaimLine
    basis_date: date | None = None
    rate_substituted: bool = False
    #: (consent ref, CNY of its cap this line used)
    consent_use: tuple[tuple[str, Decimal], ...] = ()

    @property
    def decision(self) -> str:
        return self.line.decision


def basis_date(policy: Policy, e: Expense) -> date | None:
    return e.invoice_date if policy.fx_basis == "invoice_date" else e.paid_on


def _pay_key(e: Expense) -> tuple:
    return (e.paid_on or date.max, natural_key(e.ref))


_RUNS = re.compile(r"\d+|\D+")


def natural_key(ref: str) -> tuple:
    """E2 before E10: digit runs compare as numbers."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in _RUNS.findall(ref))


def assess_lines(
    policy: Policy,
    dispute: Dispute,
    expenses: Sequence[Expense],
    consents: Sequence[Consent],
    rates: RateTable,
    already_claimed: Mapping[str, str] | None = None,
    consent_used_before: Mapping[str, Decimal] | None = None,
) -> list[LineResult]:
    """The decision for each expense of one claim (settlement.md §3–§5), in the order given.

    ``already_claimed`` maps an expense ref to the other submitted/under-review/settled claim that
    holds it; ``consent_used_before`` maps a consent ref to the CNY of its cap that earlier claims
    of the dispute used.
    """
    already_claimed = already_claimed or {}
    used = {c.ref: Decimal(consent_used_before.get(c.ref, 0)) if consent_used_before else Decimal(0)
            for c in consents}
    d_reasons = dispute_reasons(policy, dispute)
    first: dict[str, LineResult] = {}
    terms_of = dict(policy.cost_categories)
    no_terms = CategoryTerms()
    consents_for: dict[str, list[Consent]] = {}
    for c in sorted(consents, key=lambda c: (c.granted_on, natural_key(c.ref))):
        for cat in c.categories:
            consents_for.setdefault(cat, []).append(c)
    invoice_basis = policy.fx_basis == "invoice_date"

    # pass 1: everything but the consent cap, which depends on the order of payment
    pending: dict[str, tuple[list[Reason], RateUsed | None, Decimal | None, list[Consent]]] = {}
    for e in expenses:
        reasons: list[Reason] = list(d_reasons)
        terms = terms_of.get(e.category, no_terms)
        if not terms.covered:
            reasons.append(reason("category_not_covered", category=e.category, label_zh=label(e.category, "zh"),
                                  label_en=label(e.category, "en")))
        incurred = e.invoice_date or e.paid_on
        if incurred is not None and incurred < dispute.first_asserted_on:
            reasons.append(reason("before_dispute", invoice_date=incurred.isoformat(),
                                  first_asserted_on=dispute.first_asserted_on.isoformat()))
        if e.incurred_by_insured_staff and e.category in CATEGORY_CODES and category(e.category).staff_excluded:
            reasons.append(reason("insured_staff"))
        if e.ref in already_claimed:
            reasons.append(reason("already_claimed", claim=already_claimed[e.ref]))
        eligible: list[Consent] = []
        if terms.requires_consent:
            eligible = [c for c in consents_for.get(e.category, ())
                        if e.paid_on is not None and c.granted_on <= e.paid_on]
            if not eligible:
                reasons.append(reason("consent_missing", category=e.category, label_zh=label(e.category, "zh"),
                                      label_en=label(e.category, "en"),
                                      paid_on=e.paid_on.isoformat() if e.paid_on else "-"))
        basis = e.invoice_date if invoice_basis else e.paid_on
        used_rate = rates.rate_for(e.currency, basis, e.rate_override)
        cny = convert(e.amount, used_rate.rate, used_rate.per) if used_rate is not None else None
        if used_rate is None:
            if basis is None:
                is_invoice = policy.fx_basis == "invoice_date"
                reasons.append(reason("no_fx_rate", currency=e.currency, missing_basis=True,
                                      basis_zh="发票日期" if is_invoice else "付款日期",
                                      basis_en="invoice date" if is_invoice else "payment date"))
            else:
                reasons.append(reason("no_fx_rate", currency=e.currency, basis=basis.isoformat()))
        pending[e.ref] = (reasons, used_rate, cny, eligible)

    # pass 2: consent caps, consumed in order of payment date, then expense reference
    for e in sorted(expenses, key=_pay_key):
        reasons, used_rate, cny, eligible = pending[e.ref]
        decided = _decision(reasons)
        covered_cny = Decimal("0.00")
        use: list[tuple[str, Decimal]] = []
        if decided is None and eligible and cny is not None:
            need = cny
            for c in eligible:
                if need <= 0:
                    break
                left = need if c.cap is None else max(Decimal(0), c.cap - used[c.ref])
                take = min(need, left)
                if take > 0:
                    used[c.ref] += take
                    use.append((c.ref, take))
                    need -= take
            covered_cny = cny - need
            if need > 0:
                reasons.append(reason(
                    "consent_cap", consents=", ".join(c.ref for c in eligible), cny=money_str(cny),
                    left=money_str(covered_cny), excess=money_str(need)))
                decided = NEEDS_CONSENT
            else:
                decided = COVERED
        elif decided is None:
            decided = COVERED
            covered_cny = cny if cny is not None else Decimal("0.00")
        if decided != COVERED and not (decided == NEEDS_CONSENT and covered_cny > 0):
            covered_cny = Decimal("0.00")
        substituted = bool(used_rate and used_rate.substituted)
        line = ClaimLine(
            expense=e.ref, category=e.category, amount=e.amount, currency=e.currency,
            rate=plain(used_rate.rate) if used_rate else None, rate_per=used_rate.per if used_rate else 1,
            rate_date=used_rate.rate_date if used_rate else None,
            rate_source=used_rate.source if used_rate else "", rate_overridden=bool(used_rate and used_rate.overridden),
            cny=cny, covered_cny=covered_cny, decision=decided, reasons=tuple(reasons),
            payee=e.payee, invoice_number=e.invoice_number, invoice_date=e.invoice_date, paid_on=e.paid_on,
            description_zh=e.description_zh, description_en=e.description_en,
            attachment_hashes=tuple(a.sha256 for a in e.attachments),
        )
        first[e.ref] = LineResult(line, e.invoice_date if invoice_basis else e.paid_on, substituted, tuple(use))
    return [first[e.ref] for e in expenses]


def _decision(reasons: list[Reason]) -> str | None:
    """The decision of the first failing rule (None: nothing failed so far)."""
    for r in reasons:
        d = _DECISION_OF.get(r.code)
        if d is not None:
            return d
    return None


def with_decision(result: LineResult, decision: str, covered_cny: Decimal) -> LineResult:
    return replace(result, line=replace(result.line, decision=decision, covered_cny=covered_cny))


def rate_note(result: LineResult) -> dict | None:
    """The bilingual note that says where a line's rate came from, when it is not the basis date's."""
    line = result.line
    if line.rate_overridden:
        return {"code": "rate_user", "zh": text("rate_user", "zh"), "en": text("rate_user", "en")}
    if result.rate_substituted and result.basis_date and line.rate_date:
        p = {"basis": result.basis_date.isoformat(), "rate_date": line.rate_date.isoformat()}
        return {"code": "rate_earlier", "zh": text("rate_earlier", "zh", **p), "en": text("rate_earlier", "en", **p)}
    return None
