"""Deadlines: notice to the insurer, the two-year limitation, policy expiry.

- ``notice``: the insurer must be told within the policy's ``notice_days`` after the dispute's
  ``first_asserted_on`` (no deadline when the policy sets none); done when ``notified_on`` is set.
- ``limitation``: two years from ``first_asserted_on`` (PRC Insurance Law: two years from when
  the insured knew of the insured event); done once a claim of the dispute was submitted.
- ``policy_expiry``: the policy's ``period_end``; a suit first brought after it is not covered.
- ``insurer_decision``: the insurer decides within 30 days of a submitted claim (PRC Insurance
  Law art. 23, for complex cases); done when the claim is settled or rejected.

Statuses: ``overdue`` (open, due date passed), ``due_soon`` (open, due within ``soon`` days),
``upcoming`` (open, later), ``done`` (met in time), ``late`` (met after the due date),
``expired`` (a policy whose period has ended).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from lei_desktop.domain.messages import register, text
from lei_desktop.domain.model import Dispute, Policy

KINDS = ("notice", "limitation", "policy_expiry", "insurer_decision")
DECISION_DAYS = 30
OPEN = ("overdue", "due_soon", "upcoming")
LIMITATION_YEARS = 2

register(
    {
        "deadline.notice": ("通知保险人", "notice to the insurer"),
        "deadline.limitation": ("两年索赔时效", "two-year limitation"),
        "deadline.policy_expiry": ("保险期间届满", "policy expiry"),
        "deadline.insurer_decision": ("保险人核定期限", "insurer's decision"),
        "deadline_status.overdue": ("已逾期", "overdue"),
        "deadline_status.due_soon": ("即将到期", "due soon"),
        "deadline_status.upcoming": ("未到期", "upcoming"),
        "deadline_status.done": ("已完成", "done"),
        "deadline_status.late": ("逾期完成", "done late"),
        "deadline_status.expired": ("已届满", "expired"),
        "deadline_text.notice": (
            "纠纷 {ref}：应于 {due} 前（首次主张日后 {days} 天内）通知保险人",
            "dispute {ref}: notify the insurer by {due} ({days} days after first assertion)",
        ),
        "deadline_text.limitation": (
            "纠纷 {ref}：索赔时效于 {due} 届满（首次主张日起两年）",
            "dispute {ref}: the two-year limitation ends on {due}",
        ),
        "deadline_text.insurer_decision": (
            "索赔 {ref}：保险人应于 {due} 前作出核定（提交后 {days} 天）",
            "claim {ref}: the insurer should decide by {due} ({days} days after submission)",
        ),
        "deadline_text.policy_expiry": (
            "保单 {ref}：保险期间于 {due} 届满",
            "policy {ref}: the policy period ends on {due}",
        ),
    }
)


@dataclass(frozen=True)
class SubmittedClaim:
    ref: str
    dispute: str
    policy: str
    submitted_on: date
    decided_on: date | None = None


@dataclass(frozen=True)
class Deadline:
    kind: str
    ref: str  # the dispute (notice, limitation) or the policy (policy_expiry)
    policy: str
    due: date
    status: str
    days_left: int
    done_on: date | None = None
    days: int | None = None  # notice period, for the text
    dispute: str | None = None

    def to_json(self) -> dict:
        params = {"ref": self.ref, "due": self.due.isoformat(), "days": self.days}
        return {
            "kind": self.kind,
            "kind_zh": text(f"deadline.{self.kind}", "zh"),
            "kind_en": text(f"deadline.{self.kind}", "en"),
            "ref": self.ref,
            "dispute": self.dispute or (self.ref if self.kind in ("notice", "limitation") else None),
            "policy": self.policy,
            "due": self.due.isoformat(),
            "days_left": self.days_left,
            "status": self.status,
            "status_zh": text(f"deadline_status.{self.status}", "zh"),
            "status_en": text(f"deadline_status.{self.status}", "en"),
            "done_on": self.done_on.isoformat() if self.done_on else None,
            "zh": text(f"deadline_text.{self.kind}", "zh", **params),
            "en": text(f"deadline_text.{self.kind}", "en", **params),
        }


def add_years(d: date, years: int) -> date:
    """The same day ``years`` later; 29 February falls to 28 February."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def _status(due: date, today: date, done_on: date | None, soon: int) -> str:
    if done_on is not None:
        return "done" if done_on <= due else "late"
    if today > due:
        return "overdue"
    if (due - today).days <= soon:
        return "due_soon"
    return "upcoming"


def deadlines(
    policies: Sequence[Policy],
    disputes: Sequence[Dispute],
    submitted_on: Mapping[str, date],
    today: date,
    soon: int = 30,
    claims: Sequence[SubmittedClaim] = (),
) -> list[Deadline]:
    """Every deadline, sorted by due date. ``submitted_on`` maps a dispute to the date of its
    first submitted claim; ``claims`` are the submitted claims (for the insurer's decision)."""
    by_ref = {p.ref: p for p in policies}
    out: list[Deadline] = []
    for d in disputes:
        p = by_ref.get(d.policy)
        if p is not None and p.notice_days is not None:
            due = d.first_asserted_on + timedelta(days=p.notice_days)
            out.append(Deadline("notice", d.ref, p.ref, due, _status(due, today, d.notified_on, soon),
                                (due - today).days, d.notified_on, p.notice_days))
        due = add_years(d.first_asserted_on, LIMITATION_YEARS)
        done = submitted_on.get(d.ref)
        out.append(Deadline("limitation", d.ref, d.policy, due, _status(due, today, done, soon), (due - today).days, done))
    for p in policies:
        due = p.period_end
        status = "expired" if today > due else _status(due, today, None, soon)
        out.append(Deadline("policy_expiry", p.ref, p.ref, due, status, (due - today).days))
    for c in claims:
        due = c.submitted_on + timedelta(days=DECISION_DAYS)
        out.append(Deadline("insurer_decision", c.ref, c.policy, due, _status(due, today, c.decided_on, soon),
                            (due - today).days, c.decided_on, DECISION_DAYS, c.dispute))
    return sorted(out, key=lambda x: (x.due, KINDS.index(x.kind), x.ref))
