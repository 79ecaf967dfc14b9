"""Deadlines: notice to the insurer, the two-year limitation, policy expiry."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from lei_desktop.domain.deadlines import SubmittedClaim, add_years, deadlines
from tests.domain.test_settlement import DISPUTE, POLICY


def by_kind(items):
    return {d.kind: d for d in items}


def test_notice_deadline_from_the_policy_setting():
    policy = replace(POLICY, notice_days=30)
    items = by_kind(deadlines([policy], [DISPUTE], {}, today=date(2026, 3, 20)))
    notice = items["notice"]
    assert notice.due == date(2026, 4, 1) and notice.status == "due_soon" and notice.days_left == 12
    assert by_kind(deadlines([policy], [DISPUTE], {}, today=date(2026, 4, 2)))["notice"].status == "overdue"
    notified = replace(DISPUTE, notified_on=date(2026, 3, 25))
    assert by_kind(deadlines([policy], [notified], {}, today=date(2026, 6, 1)))["notice"].status == "done"
    late = replace(DISPUTE, notified_on=date(2026, 4, 5))
    assert by_kind(deadlines([policy], [late], {}, today=date(2026, 6, 1)))["notice"].status == "late"
    assert "notice" not in by_kind(deadlines([POLICY], [DISPUTE], {}, today=date(2026, 3, 20)))  # no setting


def test_two_year_limitation_and_policy_expiry():
    items = by_kind(deadlines([POLICY], [DISPUTE], {}, today=date(2026, 3, 20)))
    assert items["limitation"].due == date(2028, 3, 2) and items["limitation"].status == "upcoming"
    assert items["policy_expiry"].due == date(2026, 12, 31)
    items = by_kind(deadlines([POLICY], [DISPUTE], {"D1": date(2026, 5, 1)}, today=date(2028, 6, 1)))
    assert items["limitation"].status == "done" and items["policy_expiry"].status == "expired"
    items = by_kind(deadlines([POLICY], [DISPUTE], {}, today=date(2028, 3, 3)))
    assert items["limitation"].status == "overdue"
    assert add_years(date(2028, 2, 29), 2) == date(2030, 2, 28)


def test_insurer_decision_thirty_days_after_submission():
    open_claim = SubmittedClaim("CL-1", "D1", "P1", date(2026, 5, 1))
    (d,) = [x for x in deadlines([POLICY], [DISPUTE], {}, date(2026, 6, 5), claims=[open_claim])
            if x.kind == "insurer_decision"]
    assert (d.due, d.status, d.to_json()["dispute"]) == (date(2026, 5, 31), "overdue", "D1")
    decided = SubmittedClaim("CL-1", "D1", "P1", date(2026, 5, 1), decided_on=date(2026, 5, 20))
    (d,) = [x for x in deadlines([POLICY], [DISPUTE], {}, date(2026, 6, 5), claims=[decided])
            if x.kind == "insurer_decision"]
    assert d.status == "done"
