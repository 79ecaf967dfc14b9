"""The company's enrolment profile (one per store)."""

from __future__ import annotations

from sqlalchemy import select

from lei_desktop.domain.model import Company
from lei_desktop.services import convert
from lei_desktop.services.common import check_version
from lei_desktop.services.store import Store
from lei_desktop.store.models import CompanyRow


def get_company(store: Store) -> Company | None:
    with store.session() as s:
        row = s.scalar(select(CompanyRow).limit(1))
        return convert.company(row) if row else None


def save_company(store: Store, company: Company, expected_version: int | None = None) -> Company:
    """Create or update the profile; validation happened in ``company_from_dict``."""
    with store.session() as s:
        row = s.scalar(select(CompanyRow).limit(1))
        before = convert.company(row) if row else None
        if row is None:
            row = CompanyRow(**convert.company_values(company))
            s.add(row)
            action = "create"
        else:
            check_version(row, expected_version, "company")
            for key, value in convert.company_values(company).items():
                setattr(row, key, value)
            action = "update"
        s.flush()
        after = convert.company(row)
        changes = convert.diff(before, after)
        if changes or action == "create":
            store.audit(s, "company", after.uscc, action, changes)
        return after


def upsert_company(s, store: Store, company: Company) -> str:
    row = s.scalar(select(CompanyRow).limit(1))
    before = convert.company(row) if row else None
    if row is None:
        row = CompanyRow()
        s.add(row)
    for key, value in convert.company_values(company).items():
        setattr(row, key, value)
    s.flush()
    changes = convert.diff(before, convert.company(row))
    action = "create" if before is None else ("update" if changes else "same")
    if action != "same":
        store.audit(s, "company", company.uscc, action, changes)
    return action
