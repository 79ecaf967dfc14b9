"""Plain dicts (forms, JSON objects) -> validated domain objects.

Each function raises ``ValidationError`` naming the field; the scenario reader prefixes the
JSON path (``expenses[3].amount``) and the GUI shows the message beside the field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal

from lei_desktop.domain import fields as f
from lei_desktop.domain.categories import CATEGORY_CODES
from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.fx import FxRate, RateOverride, check_per, check_rate
from lei_desktop.domain.messages import register
from lei_desktop.domain.model import (
    ELIGIBILITY_KEYS,
    FX_BASES,
    IP_TYPES,
    ROLES,
    CategoryTerms,
    Company,
    Consent,
    Dispute,
    Expense,
    Policy,
)
from lei_desktop.domain.money import Money, check_currency
from lei_desktop.domain.uscc import check as check_uscc

LEGAL_REP_MAX = 100  # company.legal_representative is String(100)

register({
    "legal_rep_one_line": ("法定代表人姓名应为一行文字，不能包含换行或控制字符",
                           "the legal representative's name must be one line, without line breaks or control characters"),
})


def _require_mapping(d: object, key: str = "") -> Mapping:
    if not isinstance(d, Mapping):
        raise ValidationError("not_an_object", key)
    return d


def company_from_dict(d: Mapping) -> Company:
    """A company profile; a USCC that fails its check needs ``uscc_override`` (a reason)."""
    _require_mapping(d)
    uscc_raw = f.text(d, "uscc", required=True, max_len=40)
    override = f.text(d, "uscc_override", max_len=500)
    result = check_uscc(uscc_raw)
    if not result.valid and not override:
        raise ValidationError("uscc_override_needed", "uscc", reason=result.message("en"))
    markets = tuple(f.country(m, f"export_markets[{i}]") for i, m in enumerate(f.str_list(d, "export_markets")))
    eligibility_raw = d.get("eligibility") or {}
    if not isinstance(eligibility_raw, Mapping):
        raise ValidationError("not_an_object", "eligibility")
    eligibility = []
    for key in ELIGIBILITY_KEYS:
        eligibility.append((key, f.a_bool(eligibility_raw, key)))
    for key, value in eligibility_raw.items():
        if key not in ELIGIBILITY_KEYS:
            if not isinstance(value, bool):
                raise ValidationError("not_a_bool", f"eligibility.{key}")
            eligibility.append((str(key), value))
    legal_rep = f.text(d, "legal_representative", max_len=LEGAL_REP_MAX)
    if any(unicodedata.category(ch).startswith("C") for ch in legal_rep):
        raise ValidationError("legal_rep_one_line", "legal_representative")
    email = f.text(d, "contact_email", max_len=200)
    if email and not re.fullmatch(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+", email):  # one @, a dotted domain
        raise ValidationError("bad_email", "contact_email")
    return Company(
        name_zh=f.text(d, "name_zh", required=True, max_len=200),
        name_en=f.text(d, "name_en", max_len=300),
        uscc=result.code,
        uscc_override=override if not result.valid else "",
        registered_address_zh=f.text(d, "registered_address_zh", max_len=500),
        registered_address_en=f.text(d, "registered_address_en", max_len=500),
        contact_name=f.text(d, "contact_name", max_len=100),
        contact_phone=f.text(d, "contact_phone", max_len=50),
        contact_email=email,
        legal_representative=legal_rep,
        overseas_revenue_share=f.ratio(d, "overseas_revenue_share"),
        export_markets=markets,
        eligibility=tuple(eligibility),
        products=f.str_list(d, "products"),
    )


def category_terms_from_dict(d: object, key: str) -> CategoryTerms:
    m = _require_mapping(d, key)
    try:
        return CategoryTerms(
            covered=f.a_bool(m, "covered"),
            requires_consent=f.a_bool(m, "requires_consent"),
            sub_limit=f.cny(m, "sub_limit"),
        )
    except ValidationError as exc:
        raise exc.at(key) from None


def policy_from_dict(d: Mapping) -> Policy:
    _require_mapping(d)
    start = f.a_date(d, "period_start", required=True)
    end = f.a_date(d, "period_end", required=True)
    if end < start:
        raise ValidationError("date_order", "period_end", later="period_end", earlier="period_start")
    territories = tuple(
        f.country(t, f"territories[{i}]", allow_eu=True) for i, t in enumerate(f.str_list(d, "territories"))
    )
    raw_categories = d.get("cost_categories") or {}
    if not isinstance(raw_categories, Mapping):
        raise ValidationError("not_an_object", "cost_categories")
    categories = []
    for code in raw_categories:
        if code not in CATEGORY_CODES:
            raise ValidationError("bad_choice", f"cost_categories.{code}", value=code, choices=", ".join(CATEGORY_CODES))
    for code in CATEGORY_CODES:
        if code in raw_categories:
            categories.append((code, category_terms_from_dict(raw_categories[code], f"cost_categories.{code}")))
    return Policy(
        ref=f.a_ref(d),
        policy_number=f.text(d, "policy_number", required=True, max_len=100),
        insurer_zh=f.text(d, "insurer_zh", max_len=200),
        insurer_en=f.text(d, "insurer_en", max_len=300),
        period_start=start,
        period_end=end,
        retroactive_date=f.a_date(d, "retroactive_date"),
        territories=territories,
        ip_types=f.str_list(d, "ip_types", choices=IP_TYPES),
        roles=f.str_list(d, "roles", choices=ROLES),
        insured_products=f.str_list(d, "insured_products"),
        cost_categories=tuple(categories),
        deductible=f.cny(d, "deductible") or Decimal("0.00"),
        coinsurance=f.ratio(d, "coinsurance", required=True),
        per_claim_limit=f.cny(d, "per_claim_limit", required=True),
        aggregate_limit=f.cny(d, "aggregate_limit", required=True),
        fx_basis=f.choice(d, "fx_basis", FX_BASES, required=False, default="payment_date"),
        premium=f.cny(d, "premium"),
        subsidy_ratio=f.ratio(d, "subsidy_ratio"),
        subsidy_cap=f.cny(d, "subsidy_cap"),
        notice_days=f.an_int(d, "notice_days", minimum=0),
    )


def dispute_from_dict(d: Mapping) -> Dispute:
    _require_mapping(d)
    return Dispute(
        ref=f.a_ref(d),
        policy=f.text(d, "policy", required=True, max_len=64),
        title_zh=f.text(d, "title_zh", max_len=500),
        title_en=f.text(d, "title_en", max_len=500),
        ip_type=f.choice(d, "ip_type", IP_TYPES),
        role=f.choice(d, "role", ROLES),
        forum_country=f.country(f.text(d, "forum_country", required=True), "forum_country"),
        forum=f.text(d, "forum", max_len=500),
        case_number=f.text(d, "case_number", max_len=100),
        opposing_party=f.text(d, "opposing_party", max_len=500),
        ip_rights=f.str_list(d, "ip_rights"),
        accused_products=f.str_list(d, "accused_products"),
        first_asserted_on=f.a_date(d, "first_asserted_on", required=True),
        infringement_began_on=f.a_date(d, "infringement_began_on"),
        known_before_inception=f.a_bool(d, "known_before_inception"),
        notified_on=f.a_date(d, "notified_on"),
    )


def consent_from_dict(d: Mapping) -> Consent:
    _require_mapping(d)
    categories = f.str_list(d, "categories", choices=CATEGORY_CODES)
    if not categories:
        raise ValidationError("required", "categories")
    return Consent(
        ref=f.a_ref(d),
        dispute=f.text(d, "dispute", required=True, max_len=64),
        letter_ref=f.text(d, "letter_ref", max_len=100),
        granted_on=f.a_date(d, "granted_on", required=True),
        categories=categories,
        cap=f.cny(d, "cap"),
        scope_zh=f.text(d, "scope_zh"),
        scope_en=f.text(d, "scope_en"),
    )


def fx_rate_from_dict(d: Mapping) -> FxRate:
    _require_mapping(d)
    on_date = f.a_date(d, "date", required=True)
    currency = check_currency(f.text(d, "currency", required=True))
    if currency == "CNY":
        raise ValidationError("bad_choice", "currency", value="CNY", choices="a foreign currency")
    if d.get("rate") is None:
        raise ValidationError("required", "rate")
    rate = check_rate(d.get("rate"), "rate")
    per = check_per(d.get("per", 1), "per")
    return FxRate(on_date, currency, rate, per, f.text(d, "source", max_len=200))


def rate_override_from_dict(d: object, key: str = "rate_override") -> RateOverride | None:
    if d is None:
        return None
    m = _require_mapping(d, key)
    try:
        if m.get("rate") is None:
            raise ValidationError("required", "rate")
        return RateOverride(check_rate(m.get("rate"), "rate"), check_per(m.get("per", 1), "per"), f.text(m, "note"))
    except ValidationError as exc:
        raise exc.at(key) from None


def expense_from_dict(d: Mapping) -> Expense:
    _require_mapping(d)
    currency = check_currency(f.text(d, "currency", required=True))
    if d.get("amount") is None or d.get("amount") == "":
        raise ValidationError("required", "amount")
    money = Money.of(d.get("amount"), currency, "amount")
    # a law-firm invoice may carry credits (LEDES IF/IE discounts, negative lines): those
    # imported from LEDES keep their sign so that the lines add up to the invoice
    credit_allowed = str(d.get("source") or "").startswith("ledes:")
    if money.amount == 0 or (money.amount < 0 and not credit_allowed):
        raise ValidationError("not_positive", "amount")
    invoice_date = f.a_date(d, "invoice_date")
    paid_on = f.a_date(d, "paid_on")
    return Expense(
        ref=f.a_ref(d),
        dispute=f.text(d, "dispute", required=True, max_len=64),
        category=f.choice(d, "category", CATEGORY_CODES),
        amount=money.amount,
        currency=currency,
        payee=f.text(d, "payee", max_len=500),
        invoice_number=f.text(d, "invoice_number", max_len=100),
        invoice_date=invoice_date,
        paid_on=paid_on,
        description_zh=f.text(d, "description_zh"),
        description_en=f.text(d, "description_en"),
        incurred_by_insured_staff=f.a_bool(d, "incurred_by_insured_staff"),
        rate_override=rate_override_from_dict(d.get("rate_override")),
        utbms_code=f.text(d, "utbms_code", max_len=10).upper(),
        source=f.text(d, "source", max_len=500),
        service_date=f.a_date(d, "service_date"),
    )
