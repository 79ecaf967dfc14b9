"""Rows <-> domain objects. The only place that knows both shapes."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from decimal import Decimal

from lei_desktop.domain.fx import FxRate, RateOverride, plain
from lei_desktop.domain.model import (
    AttachmentInfo,
    CategoryTerms,
    Company,
    Consent,
    Dispute,
    Expense,
    Policy,
)
from lei_desktop.domain.money import Money, minor_units
from lei_desktop.store.models import (
    AttachmentRow,
    CompanyRow,
    ConsentRow,
    DisputeRow,
    ExpenseRow,
    FxRateRow,
    PolicyCategoryRow,
    PolicyRow,
)


def ratio(value: Decimal | None) -> Decimal | None:
    """A stored ratio without noise: 0.8000 -> 0.80, 0.8125 stays."""
    if value is None:
        return None
    p = plain(value)
    return p if -p.as_tuple().exponent >= 2 else p.quantize(Decimal("0.01"))


def company(row: CompanyRow) -> Company:
    return Company(
        name_zh=row.name_zh,
        name_en=row.name_en,
        uscc=row.uscc,
        uscc_override=row.uscc_override,
        registered_address_zh=row.registered_address_zh,
        registered_address_en=row.registered_address_en,
        contact_name=row.contact_name,
        contact_phone=row.contact_phone,
        contact_email=row.contact_email,
        legal_representative=row.legal_representative or "",
        overseas_revenue_share=ratio(row.overseas_revenue_share),
        export_markets=tuple(row.export_markets or ()),
        eligibility=tuple((k, bool(v)) for k, v in (row.eligibility or {}).items()),
        products=tuple(row.products or ()),
        version=row.version,
    )


def company_values(c: Company) -> dict:
    return dict(
        name_zh=c.name_zh,
        name_en=c.name_en,
        uscc=c.uscc,
        uscc_override=c.uscc_override,
        registered_address_zh=c.registered_address_zh,
        registered_address_en=c.registered_address_en,
        contact_name=c.contact_name,
        contact_phone=c.contact_phone,
        contact_email=c.contact_email,
        legal_representative=c.legal_representative,
        overseas_revenue_share=c.overseas_revenue_share,
        export_markets=list(c.export_markets),
        eligibility=dict(c.eligibility),
        products=list(c.products),
    )


def policy(row: PolicyRow) -> Policy:
    return Policy(
        ref=row.ref,
        policy_number=row.policy_number,
        insurer_zh=row.insurer_zh,
        insurer_en=row.insurer_en,
        period_start=row.period_start,
        period_end=row.period_end,
        retroactive_date=row.retroactive_date,
        territories=tuple(row.territories or ()),
        ip_types=tuple(row.ip_types or ()),
        roles=tuple(row.roles or ()),
        insured_products=tuple(row.insured_products or ()),
        cost_categories=tuple(
            (c.category, CategoryTerms(c.covered, c.requires_consent, c.sub_limit)) for c in row.categories
        ),
        deductible=row.deductible,
        coinsurance=ratio(row.coinsurance),
        per_claim_limit=row.per_claim_limit,
        aggregate_limit=row.aggregate_limit,
        fx_basis=row.fx_basis,
        premium=row.premium,
        subsidy_ratio=ratio(row.subsidy_ratio),
        subsidy_cap=row.subsidy_cap,
        notice_days=row.notice_days,
        version=row.version,
    )


def policy_values(p: Policy) -> dict:
    return dict(
        ref=p.ref,
        policy_number=p.policy_number,
        insurer_zh=p.insurer_zh,
        insurer_en=p.insurer_en,
        period_start=p.period_start,
        period_end=p.period_end,
        retroactive_date=p.retroactive_date,
        territories=list(p.territories),
        ip_types=list(p.ip_types),
        roles=list(p.roles),
        insured_products=list(p.insured_products),
        deductible=p.deductible,
        coinsurance=p.coinsurance,
        per_claim_limit=p.per_claim_limit,
        aggregate_limit=p.aggregate_limit,
        fx_basis=p.fx_basis,
        premium=p.premium,
        subsidy_ratio=p.subsidy_ratio,
        subsidy_cap=p.subsidy_cap,
        notice_days=p.notice_days,
    )


def policy_category_rows(p: Policy) -> list[PolicyCategoryRow]:
    return [
        PolicyCategoryRow(
            position=i, category=code, covered=t.covered, requires_consent=t.requires_consent, sub_limit=t.sub_limit
        )
        for i, (code, t) in enumerate(p.cost_categories)
    ]


def dispute(row: DisputeRow) -> Dispute:
    return Dispute(
        ref=row.ref,
        policy=row.policy.ref,
        title_zh=row.title_zh,
        title_en=row.title_en,
        ip_type=row.ip_type,
        role=row.role,
        forum_country=row.forum_country,
        forum=row.forum,
        case_number=row.case_number,
        opposing_party=row.opposing_party,
        ip_rights=tuple(row.ip_rights or ()),
        accused_products=tuple(row.accused_products or ()),
        first_asserted_on=row.first_asserted_on,
        infringement_began_on=row.infringement_began_on,
        known_before_inception=row.known_before_inception,
        notified_on=row.notified_on,
        version=row.version,
    )


def dispute_values(d: Dispute) -> dict:
    values = {k: getattr(d, k) for k in (
        "ref", "title_zh", "title_en", "ip_type", "role", "forum_country", "forum", "case_number",
        "opposing_party", "first_asserted_on", "infringement_began_on", "known_before_inception", "notified_on",
    )}
    values["ip_rights"] = list(d.ip_rights)
    values["accused_products"] = list(d.accused_products)
    return values


def consent(row: ConsentRow) -> Consent:
    return Consent(
        ref=row.ref,
        dispute=row.dispute.ref,
        letter_ref=row.letter_ref,
        granted_on=row.granted_on,
        categories=tuple(row.categories or ()),
        cap=row.cap,
        scope_zh=row.scope_zh,
        scope_en=row.scope_en,
        version=row.version,
    )


def consent_values(c: Consent) -> dict:
    return dict(
        ref=c.ref,
        letter_ref=c.letter_ref,
        granted_on=c.granted_on,
        categories=list(c.categories),
        cap=c.cap,
        scope_zh=c.scope_zh,
        scope_en=c.scope_en,
    )


def fx_rate(row: FxRateRow) -> FxRate:
    return FxRate(row.on_date, row.currency, plain(row.rate), row.per, row.source)


def attachment(row: AttachmentRow) -> AttachmentInfo:
    return AttachmentInfo(row.sha256, row.filename, row.kind, row.size, row.mime, row.id)


def expense(row: ExpenseRow, with_attachments: bool = True) -> Expense:
    override = None
    if row.rate_override is not None:
        override = RateOverride(plain(row.rate_override), row.rate_override_per or 1, row.rate_override_note)
    return Expense(
        ref=row.ref,
        dispute=row.dispute.ref,
        category=row.category,
        amount=Money.from_minor(row.amount_minor, row.currency).amount,
        currency=row.currency,
        payee=row.payee,
        invoice_number=row.invoice_number,
        invoice_date=row.invoice_date,
        paid_on=row.paid_on,
        description_zh=row.description_zh,
        description_en=row.description_en,
        incurred_by_insured_staff=row.incurred_by_insured_staff,
        rate_override=override,
        utbms_code=row.utbms_code,
        source=row.source,
        service_date=row.service_date,
        attachments=tuple(attachment(a) for a in row.attachments) if with_attachments else (),
        version=row.version,
    )


def expense_values(e: Expense) -> dict:
    o = e.rate_override
    return dict(
        ref=e.ref,
        category=e.category,
        payee=e.payee,
        invoice_number=e.invoice_number,
        invoice_date=e.invoice_date,
        paid_on=e.paid_on,
        amount_minor=int(e.amount.scaleb(minor_units(e.currency))),
        currency=e.currency,
        description_zh=e.description_zh,
        description_en=e.description_en,
        incurred_by_insured_staff=e.incurred_by_insured_staff,
        rate_override=o.rate if o else None,
        rate_override_per=o.per if o else None,
        rate_override_note=o.note if o else "",
        utbms_code=e.utbms_code,
        source=e.source,
        service_date=e.service_date,
    )


def jsonable(value):
    """Audit and JSON friendly form of a domain value."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


def diff(before, after, skip=("version", "attachments")) -> dict:
    """``{field: [before, after]}`` for the fields that changed (None before = created)."""
    a = jsonable(after) if after is not None else {}
    b = jsonable(before) if before is not None else {}
    out = {}
    for key in sorted(set(a) | set(b)):
        if key in skip:
            continue
        if a.get(key) != b.get(key):
            out[key] = [b.get(key), a.get(key)]
    return out
