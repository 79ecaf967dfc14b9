"""Deadlines of the store: notice, limitation and policy expiry (rules in ``domain/deadlines.py``)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from lei_desktop.domain.deadlines import OPEN, Deadline, SubmittedClaim, deadlines
from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.model import ACTIVE_CLAIM_STATUSES
from lei_desktop.services import convert
from lei_desktop.services.store import Store
from lei_desktop.store.models import ClaimRow, DisputeRow, PolicyRow


def list_deadlines(store: Store, today: date | None = None, soon: int = 30, include_done: bool = False) -> list[Deadline]:
    """What is due and overdue (``include_done`` adds those met and the expired policies)."""
    today = today or date.today()
    if not 0 <= soon <= 3660:
        raise ValidationError("out_of_range", "soon", low=0, high=3660)
    with store.session() as s:
        policies = [convert.policy(r) for r in s.scalars(select(PolicyRow).order_by(PolicyRow.ref))]
        disputes = [convert.dispute(r) for r in s.scalars(select(DisputeRow).order_by(DisputeRow.ref))]
        submitted: dict[str, date] = {}
        claims: list[SubmittedClaim] = []
        q = select(ClaimRow).join(DisputeRow, ClaimRow.dispute_id == DisputeRow.id).where(
            ClaimRow.submitted_at.is_not(None),
            ClaimRow.status.in_((*ACTIVE_CLAIM_STATUSES, "rejected", "withdrawn")),
        ).order_by(ClaimRow.id)
        for row in s.scalars(q):
            ref, day = row.dispute.ref, row.submitted_at.date()
            if ref not in submitted or day < submitted[ref]:
                submitted[ref] = day
            if row.status != "withdrawn":
                decided = row.decided_at.date() if row.decided_at and row.status in ("settled", "rejected") else None
                claims.append(SubmittedClaim(row.ref, ref, row.dispute.policy.ref, day, decided))
    items = deadlines(policies, disputes, submitted, today, soon, claims)
    return items if include_done else [d for d in items if d.status in OPEN]
