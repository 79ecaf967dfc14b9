"""The scenario JSON interchange format (``lei-desktop/scenario@1``), read and written.

Reading is strict about values and names the JSON path of the first problem
(``expenses[3].amount``); unknown keys are reported as warnings, not refused, so that files from
newer versions still load. Attachment paths are relative to the JSON file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from lei_desktop.domain import validation as v
from lei_desktop.domain.errors import LeiError, ValidationError
from lei_desktop.domain.fx import FxRate
from lei_desktop.domain.messages import register
from lei_desktop.domain.model import ATTACHMENT_KINDS, Company, Consent, Dispute, Expense, Policy
from lei_desktop.domain.money import minor_units, money_str
from lei_desktop.fileio import file_problem

register(
    {
        "json_too_deep": ("JSON 嵌套层数过多，不是情景文件", "the JSON is nested far too deep to be a scenario file"),
        "scenario_unknown_field": ("未知字段，已忽略", "unknown field ignored"),
        "json_key_twice": ("同一对象中字段 “{key}” 出现了两次，无法确定取哪一个",
                           "the key '{key}' appears twice in one object; which one is meant is unclear"),
        "scenario_unknown_section": ("未知部分，已忽略", "unknown section ignored"),
    }
)


class Notice(str):
    """A warning that reads as its English text (JSON output, logs, ``==`` with a string) and can
    say itself in Chinese: ``notice.message("zh")``."""

    error: LeiError

    def __new__(cls, code: str, field: str = "", **params: object) -> Notice:
        error = LeiError(code, field, **params)
        obj = super().__new__(cls, error.message("en"))
        obj.error = error
        return obj

    def message(self, lang: str = "en") -> str:
        return self.error.message(lang)

FORMAT = "lei-desktop/scenario@1"

KNOWN_KEYS = {
    "company": {
        "name_zh", "name_en", "uscc", "uscc_override", "registered_address_zh", "registered_address_en",
        "contact_name", "contact_phone", "contact_email", "overseas_revenue_share", "export_markets",
        "eligibility", "products", "legal_representative",
    },
    "policies": {
        "ref", "policy_number", "insurer_zh", "insurer_en", "period_start", "period_end", "retroactive_date",
        "territories", "ip_types", "roles", "insured_products", "cost_categories", "deductible", "coinsurance",
        "per_claim_limit", "aggregate_limit", "fx_basis", "premium", "subsidy_ratio", "subsidy_cap", "notice_days",
    },
    "disputes": {
        "ref", "policy", "title_zh", "title_en", "ip_type", "role", "forum_country", "forum", "case_number",
        "opposing_party", "ip_rights", "accused_products", "first_asserted_on", "infringement_began_on",
        "known_before_inception", "notified_on", "attachments",
    },
    "consents": {
        "ref", "dispute", "letter_ref", "granted_on", "categories", "cap", "scope_zh", "scope_en", "attachments",
    },
    "fx_rates": {"date", "currency", "rate", "per", "source"},
    "expenses": {
        "ref", "dispute", "category", "payee", "invoice_number", "invoice_date", "paid_on", "amount", "currency",
        "description_zh", "description_en", "incurred_by_insured_staff", "rate_override", "utbms_code", "source",
        "attachments", "service_date",
    },
}
SECTIONS = ("policies", "disputes", "consents", "fx_rates", "expenses")


@dataclass(frozen=True)
class AttachmentSpec:
    """A file named by a scenario: where it is, what kind, and (on export) its hash."""

    path: Path
    kind: str
    json_path: str
    sha256: str = ""


@dataclass
class Scenario:
    company: Company | None = None
    policies: list[Policy] = field(default_factory=list)
    disputes: list[Dispute] = field(default_factory=list)
    consents: list[Consent] = field(default_factory=list)
    fx_rates: list[FxRate] = field(default_factory=list)
    expenses: list[Expense] = field(default_factory=list)
    #: (owner kind, ref) -> files to attach
    attachments: dict[tuple[str, str], list[AttachmentSpec]] = field(default_factory=dict)
    #: sections added by later modules (e.g. "claims"), kept as raw JSON for their own readers
    extra: dict[str, object] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


#: Readers for extra sections: name -> function(raw, path, scenario) that checks the raw JSON.
EXTRA_SECTIONS: dict[str, Callable[[object, str], None]] = {}


def _unknown(obj: Mapping, section: str, path: str, warnings: list[str]) -> None:
    for key in obj:
        if key not in KNOWN_KEYS[section]:
            warnings.append(Notice("scenario_unknown_field", f"{path}.{key}"))


def _attachments(obj: Mapping, path: str, base: Path) -> list[AttachmentSpec]:
    raw = obj.get("attachments") or []
    if not isinstance(raw, list):
        raise ValidationError("not_a_list", f"{path}.attachments")
    out = []
    for i, item in enumerate(raw):
        where = f"{path}.attachments[{i}]"
        if not isinstance(item, Mapping):
            raise ValidationError("not_an_object", where)
        rel = item.get("path")
        if not isinstance(rel, str) or not rel.strip():
            raise ValidationError("required", f"{where}.path")
        kind = item.get("kind", "other")
        if kind not in ATTACHMENT_KINDS:
            raise ValidationError("attachment_kind", f"{where}.kind", value=kind, choices=", ".join(ATTACHMENT_KINDS))
        full = (base / rel).resolve() if not Path(rel).is_absolute() else Path(rel)
        if not full.is_file():
            raise ValidationError("file_missing", f"{where}.path", path=rel)
        out.append(AttachmentSpec(full, kind, where, str(item.get("sha256") or "")))
    return out


def parse(doc: object, base: Path) -> Scenario:
    """A parsed scenario from a JSON document; raises ``LeiError`` naming the JSON path."""
    if not isinstance(doc, Mapping):
        raise ValidationError("not_an_object", "$")
    tag = doc.get("format", FORMAT)
    if tag != FORMAT:
        raise ValidationError("bad_format_tag", "format", expected=FORMAT, value=tag)
    sc = Scenario()
    for key in doc:
        if key not in {"format", "company", *SECTIONS} and key not in EXTRA_SECTIONS:
            sc.warnings.append(Notice("scenario_unknown_section", key))
    if doc.get("company") is not None:
        _unknown(doc["company"] if isinstance(doc["company"], Mapping) else {}, "company", "company", sc.warnings)
        try:
            sc.company = v.company_from_dict(doc["company"])
        except LeiError as exc:
            raise exc.at("company") from None
    readers = {
        "policies": v.policy_from_dict,
        "disputes": v.dispute_from_dict,
        "consents": v.consent_from_dict,
        "fx_rates": v.fx_rate_from_dict,
        "expenses": v.expense_from_dict,
    }
    owners = {"disputes": "dispute", "consents": "consent", "expenses": "expense"}
    for section, reader in readers.items():
        raw = doc.get(section)
        if raw is None:
            continue
        if not isinstance(raw, list):
            raise ValidationError("not_a_list", section)
        seen: set = set()
        target = getattr(sc, section)
        for i, obj in enumerate(raw):
            path = f"{section}[{i}]"
            if not isinstance(obj, Mapping):
                raise ValidationError("not_an_object", path)
            _unknown(obj, section, path, sc.warnings)
            try:
                item = reader(obj)
            except LeiError as exc:
                raise exc.at(path) from None
            key = (item.currency, item.on_date) if section == "fx_rates" else item.ref
            if key in seen:
                raise ValidationError("duplicate_ref", f"{path}.ref" if section != "fx_rates" else path,
                                      kind=section, ref=key if isinstance(key, str) else f"{key[0]}@{key[1]}")
            seen.add(key)
            target.append(item)
            if section in owners:
                specs = _attachments(obj, path, base)
                if specs:
                    sc.attachments[(owners[section], item.ref)] = specs
    for name, check in EXTRA_SECTIONS.items():
        if doc.get(name) is not None:
            check(doc[name], name)
            sc.extra[name] = doc[name]
    return sc


def _no_twice(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object; a key given twice is refused (json alone keeps the last one silently)."""
    doc: dict = {}
    for key, value in pairs:
        if key in doc:
            raise ValidationError("json_key_twice", "file", key=key)
        doc[key] = value
    return doc


def read(path: Path) -> Scenario:
    """Read a scenario file; JSON syntax errors name the line and column."""
    try:
        text = path.read_text("utf-8-sig")
    except FileNotFoundError:
        raise ValidationError("file_missing", "file", path=str(path)) from None
    except UnicodeDecodeError as exc:
        raise ValidationError("file_unreadable", "file", path=str(path), detail=str(exc)) from None
    except OSError as exc:
        raise file_problem(exc, "file", path) from None
    try:
        doc = json.loads(text, parse_float=Decimal, object_pairs_hook=_no_twice)  # numbers exact, never float
    except json.JSONDecodeError as exc:
        raise ValidationError("bad_json", "file", line=exc.lineno, column=exc.colno, detail=exc.msg) from None
    except RecursionError:  # brackets nested thousands deep: no scenario looks like that
        raise ValidationError("json_too_deep", "file") from None
    return parse(doc, path.parent)


# --- writing ---------------------------------------------------------------------------------------

def _d(value) -> str | None:
    return value.isoformat() if value is not None else None


def _cny(value) -> str | None:
    return money_str(value) if value is not None else None


def _ratio(value) -> str | None:
    return format(value, "f") if value is not None else None


def company_json(c: Company) -> dict:
    out = {
        "name_zh": c.name_zh, "name_en": c.name_en, "uscc": c.uscc,
        "registered_address_zh": c.registered_address_zh, "registered_address_en": c.registered_address_en,
        "contact_name": c.contact_name, "contact_phone": c.contact_phone, "contact_email": c.contact_email,
        "overseas_revenue_share": _ratio(c.overseas_revenue_share),
        "export_markets": list(c.export_markets),
        "eligibility": dict(c.eligibility),
        "products": list(c.products),
    }
    if c.uscc_override:
        out["uscc_override"] = c.uscc_override
    if c.legal_representative:  # optional: files without it export as before
        out["legal_representative"] = c.legal_representative
    return out


def policy_json(p: Policy) -> dict:
    categories = {}
    for code, t in p.cost_categories:
        entry: dict = {"covered": t.covered}
        if t.requires_consent:
            entry["requires_consent"] = True
        if t.sub_limit is not None:
            entry["sub_limit"] = _cny(t.sub_limit)
        categories[code] = entry
    return {
        "ref": p.ref, "policy_number": p.policy_number, "insurer_zh": p.insurer_zh, "insurer_en": p.insurer_en,
        "period_start": _d(p.period_start), "period_end": _d(p.period_end),
        "retroactive_date": _d(p.retroactive_date),
        "territories": list(p.territories), "ip_types": list(p.ip_types), "roles": list(p.roles),
        "insured_products": list(p.insured_products), "cost_categories": categories,
        "deductible": _cny(p.deductible), "coinsurance": _ratio(p.coinsurance),
        "per_claim_limit": _cny(p.per_claim_limit), "aggregate_limit": _cny(p.aggregate_limit),
        "fx_basis": p.fx_basis, "premium": _cny(p.premium), "subsidy_ratio": _ratio(p.subsidy_ratio),
        "subsidy_cap": _cny(p.subsidy_cap), "notice_days": p.notice_days,
    }


def dispute_json(d: Dispute) -> dict:
    return {
        "ref": d.ref, "policy": d.policy, "title_zh": d.title_zh, "title_en": d.title_en, "ip_type": d.ip_type,
        "role": d.role, "forum_country": d.forum_country, "forum": d.forum, "case_number": d.case_number,
        "opposing_party": d.opposing_party, "ip_rights": list(d.ip_rights),
        "accused_products": list(d.accused_products), "first_asserted_on": _d(d.first_asserted_on),
        "infringement_began_on": _d(d.infringement_began_on),
        "known_before_inception": d.known_before_inception, "notified_on": _d(d.notified_on),
    }


def consent_json(c: Consent) -> dict:
    return {
        "ref": c.ref, "dispute": c.dispute, "letter_ref": c.letter_ref, "granted_on": _d(c.granted_on),
        "categories": list(c.categories), "cap": _cny(c.cap), "scope_zh": c.scope_zh, "scope_en": c.scope_en,
    }


def fx_rate_json(r: FxRate) -> dict:
    return {"date": _d(r.on_date), "currency": r.currency, "rate": format(r.rate, "f"), "per": r.per,
            "source": r.source}


def expense_json(e: Expense) -> dict:
    out = {
        "ref": e.ref, "dispute": e.dispute, "category": e.category, "payee": e.payee,
        "invoice_number": e.invoice_number, "invoice_date": _d(e.invoice_date), "paid_on": _d(e.paid_on),
        "amount": money_str(e.amount, minor_units(e.currency)), "currency": e.currency,
        "description_zh": e.description_zh, "description_en": e.description_en,
        "incurred_by_insured_staff": e.incurred_by_insured_staff,
    }
    if e.rate_override is not None:
        o = e.rate_override
        out["rate_override"] = {"rate": format(o.rate, "f"), "per": o.per, "note": o.note}
    if e.utbms_code:
        out["utbms_code"] = e.utbms_code
    if e.source:
        out["source"] = e.source
    if e.service_date is not None:  # optional: files without it export as before
        out["service_date"] = _d(e.service_date)
    return out


def dumps(doc: dict) -> str:
    """Stable text: the same data always gives the same bytes."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
