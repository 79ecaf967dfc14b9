"""``lei-cli claim export REF --out FILE.pdf`` and ``lei-cli enrolment-form --out FILE.pdf``."""

from __future__ import annotations

import sys
from pathlib import Path

from lei_desktop.cli.claim_cmds import add_claim_subcommand


def register(sub, common) -> None:
    def configure(p):
        p.add_argument("ref", help="claim reference, e.g. CL-2026-0001")
        p.add_argument("--out", required=True, help="the PDF to write")
        p.add_argument("--progress", action="store_true", help="report progress on stderr")
        p.set_defaults(func=cmd_claim_export)

    add_claim_subcommand("export", configure, help="the bilingual claim package PDF")

    p = sub.add_parser("enrolment-form", parents=[common], help="the bilingual enrolment application PDF (投保申请)")
    p.add_argument("--out", required=True, help="the PDF to write")
    p.add_argument("--policy", default=None, help="policy reference to apply for (default: the latest policy)")
    p.set_defaults(func=cmd_enrolment_form)


def _progress(enabled: bool):
    if not enabled:
        return None

    def report(done: int, total: int, label: str) -> None:
        print(f"{done}/{total} {label}", file=sys.stderr)

    return report


def cmd_claim_export(ctx) -> int:
    from lei_desktop.services import claim_export

    for line in claim_export.missing_description_messages(ctx.store, ctx.args.ref, ctx.lang):
        ctx.warn(line)
    result = claim_export.export_claim(ctx.store, ctx.args.ref, Path(ctx.args.out), progress=_progress(ctx.args.progress))
    if ctx.json:
        ctx.emit_json(result)
    else:
        ctx.out(ctx.t("export_written", path=ctx.args.out, pages=result["pages"], exhibits=result["exhibits"]))
    return 0


def cmd_enrolment_form(ctx) -> int:
    from lei_desktop.services import enrolment_form

    result = enrolment_form.export_enrolment(ctx.store, Path(ctx.args.out), policy_ref=ctx.args.policy)
    if ctx.json:
        ctx.emit_json(result)
    else:
        ctx.out(ctx.t("export_written", path=ctx.args.out, pages=result["pages"], exhibits=0))
    return 0
