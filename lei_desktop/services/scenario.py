"""Loading a scenario file into the store (all-or-nothing) and exporting the store as one."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from lei_desktop.domain.errors import ValidationError
from lei_desktop.fileio import atomic_write, file_problem, safe_filename  # noqa: F401 - atomic_write also used by callers
from lei_desktop.formats import scenario as fmt
from lei_desktop.services import attachments, convert, disputes, enrolment, expenses, policies, rates
from lei_desktop.services.store import Store
from lei_desktop.store.models import (
    AttachmentRow,
    BlobRow,
    CompanyRow,
    ConsentRow,
    DisputeRow,
    ExpenseRow,
    PolicyRow,
)


@dataclass
class LoadReport:
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def count(self, section: str, action: str) -> None:
        self.counts.setdefault(section, {}).setdefault(action, 0)
        self.counts[section][action] += 1


#: Loaders for extra sections (e.g. claims): name -> function(session, store, raw, scenario, report).
ExtraLoader = Callable[[Session, Store, object, fmt.Scenario, LoadReport], None]
EXTRA_LOADERS: dict[str, ExtraLoader] = {}
#: Exporters for extra sections: name -> function(session) -> JSON value (or None to omit).
EXTRA_EXPORTERS: dict[str, Callable[[Session, Path, Path], object]] = {}
#: sections written only when asked for (``export(..., optional=...)``, ``export-json --audit``):
#: the audit trail is the history of this store, not data — a load records its own events, so a
#: file carrying it could never round-trip to the identical file.
OPTIONAL_SECTIONS: set[str] = set()


def load(store: Store, path: Path) -> LoadReport:
    """Load ``path`` into the store in one transaction: a bad file changes nothing."""
    sc = fmt.read(path)
    return load_scenario(store, sc)


def load_scenario(store: Store, sc: fmt.Scenario) -> LoadReport:
    report = LoadReport(warnings=list(sc.warnings))
    with store.session() as s:
        if sc.company is not None:
            report.count("company", enrolment.upsert_company(s, store, sc.company))
        _each(s, store, report, "policies", sc.policies, policies.upsert_policy)
        _each(s, store, report, "disputes", sc.disputes, disputes.upsert_dispute)
        _each(s, store, report, "consents", sc.consents, disputes.upsert_consent)
        if sc.fx_rates:
            added, changed = rates.upsert_rates(s, store, sc.fx_rates)
            report.counts["fx_rates"] = {"create": added, "update": changed,
                                         "same": len(sc.fx_rates) - added - changed}
        _each(s, store, report, "expenses", sc.expenses, expenses.upsert_expense)
        for (owner, ref), specs in sc.attachments.items():
            _attach_all(s, store, owner, ref, specs, report)
        for name, loader in EXTRA_LOADERS.items():
            if name in sc.extra:
                loader(s, store, sc.extra[name], sc, report)
    return report


def _each(s, store, report, section, items, upsert) -> None:
    for i, item in enumerate(items):
        try:
            report.count(section, upsert(s, store, item))
        except ValidationError as exc:
            raise exc.at(f"{section}[{i}]") from None
        except Exception as exc:
            from lei_desktop.domain.errors import LeiError

            if isinstance(exc, LeiError):
                raise exc.at(f"{section}[{i}]") from None
            raise


def _attach_all(s, store: Store, owner: str, ref: str, specs, report: LoadReport) -> None:
    row_type = attachments.OWNERS[owner]
    target = s.scalar(select(row_type).where(row_type.ref == ref))
    column = getattr(AttachmentRow, f"{owner}_id")
    have = {(a.sha256, a.kind) for a in s.scalars(select(AttachmentRow).where(column == target.id))}
    for spec in specs:
        try:
            data = spec.path.read_bytes()
        except OSError as exc:
            raise file_problem(exc, f"{spec.json_path}.path", spec.path) from None
        digest = hashlib.sha256(data).hexdigest()
        if spec.sha256 and spec.sha256 != digest:
            raise ValidationError("hash_mismatch", f"{spec.json_path}.sha256", path=spec.path.name)
        if (digest, spec.kind) in have:
            continue
        filename = re.sub(r"^[0-9a-f]{12}-", "", spec.path.name)
        attachments.attach(s, store, owner, ref, filename, data, spec.kind)
        have.add((digest, spec.kind))
        report.count("attachments", "create")


# --- export ----------------------------------------------------------------------------------------

def export(store: Store, path: Path, optional: Iterable[str] = ()) -> dict:
    """Write everything as a scenario file; attachment files go to ``<name>.files/`` beside it.

    ``optional`` names the :data:`OPTIONAL_SECTIONS` to include as well (e.g. ``{"audit"}``)."""
    wanted = set(optional)
    files_dir_name = path.stem + ".files"
    files_dir = path.parent / files_dir_name
    written: dict[str, bytes] = {}
    with store.session() as s:
        doc: dict = {"format": fmt.FORMAT}
        company = s.scalar(select(CompanyRow).limit(1))
        if company is not None:
            doc["company"] = fmt.company_json(convert.company(company))
        doc["policies"] = [fmt.policy_json(convert.policy(r)) for r in s.scalars(select(PolicyRow).order_by(PolicyRow.ref))]

        def files(owner_rows_attachments) -> list[dict]:
            out = []
            for a in owner_rows_attachments:
                name = f"{a.sha256[:12]}-{safe_filename(a.filename)}"  # '/', ':' … never reach the disk
                rel = f"{files_dir_name}/{name}"
                if rel not in written:
                    written[rel] = s.get(BlobRow, a.sha256).data
                out.append({"path": rel, "kind": a.kind, "sha256": a.sha256})
            return out

        def owned(owner: str, row_id: int) -> list:
            column = getattr(AttachmentRow, f"{owner}_id")
            return list(s.scalars(select(AttachmentRow).where(column == row_id).order_by(AttachmentRow.id)))

        doc["disputes"] = []
        for r in s.scalars(select(DisputeRow).order_by(DisputeRow.ref)):
            item = fmt.dispute_json(convert.dispute(r))
            item["attachments"] = files(owned("dispute", r.id))
            doc["disputes"].append(item)
        doc["consents"] = []
        for r in s.scalars(select(ConsentRow).order_by(ConsentRow.ref)):
            item = fmt.consent_json(convert.consent(r))
            item["attachments"] = files(owned("consent", r.id))
            doc["consents"].append(item)
        doc["fx_rates"] = [fmt.fx_rate_json(r) for r in rates_sorted(s)]
        doc["expenses"] = []
        q = select(ExpenseRow).options(selectinload(ExpenseRow.attachments)).order_by(ExpenseRow.ref)
        for r in s.scalars(q):
            item = fmt.expense_json(convert.expense(r, with_attachments=False))
            item["attachments"] = files(r.attachments)
            doc["expenses"].append(item)
        for name, exporter in EXTRA_EXPORTERS.items():
            if name in OPTIONAL_SECTIONS and name not in wanted:
                continue
            value = exporter(s, path, files_dir)
            if value is not None:
                doc[name] = value
    if written:
        files_dir.mkdir(parents=True, exist_ok=True)
        for rel, data in written.items():
            target = path.parent / rel
            if not target.exists() or target.read_bytes() != data:
                atomic_write(target, data)
    atomic_write(path, fmt.dumps(doc).encode("utf-8"))
    return doc


def rates_sorted(s):
    from lei_desktop.store.models import FxRateRow

    return [convert.fx_rate(r) for r in s.scalars(select(FxRateRow).order_by(FxRateRow.currency, FxRateRow.on_date))]


# sections added by later modules register themselves on import
from lei_desktop.services import audit, claims_scenario  # noqa: E402,F401
