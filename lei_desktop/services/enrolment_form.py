"""Export the enrolment application (投保申请书) from the company profile and a policy."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from lei_desktop import __version__
from lei_desktop.domain.errors import NotFound
from lei_desktop.domain.messages import register
from lei_desktop.reports import enrolment_form
from lei_desktop.services.claim_export import _plain
from lei_desktop.services.enrolment import get_company
from lei_desktop.services.policies import get_policy, list_policies
from lei_desktop.services.store import Store

register({"export_no_company": ("尚未填写企业信息，无法生成投保申请书", "no company profile yet: fill it in before the application")})


def enrolment_data(store: Store, policy_ref: str | None = None) -> dict:
    company = get_company(store)
    if company is None:
        raise NotFound("export_no_company", "company")
    if policy_ref:
        policy = get_policy(store, policy_ref)
    else:
        policies = list_policies(store)
        policy = max(policies, key=lambda p: (p.period_start, p.ref)) if policies else None
    pol = _plain(policy) if policy is not None else {}
    if policy is not None:
        pol["cost_categories"] = {code: {"covered": t.covered} for code, t in policy.cost_categories}
    return {
        "company": _plain(company),
        "policy": pol,
        "created": datetime.now(UTC).replace(microsecond=0),
        "version": __version__,
    }


def export_enrolment(store: Store, out_path: Path | str, policy_ref: str | None = None, progress=None,
                     cancel=None) -> dict:
    result = enrolment_form.write(enrolment_data(store, policy_ref), Path(out_path), progress=progress, cancel=cancel)
    return {"path": str(out_path), **result}
