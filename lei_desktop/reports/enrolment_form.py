"""The bilingual enrolment application (投保申请书 / Application for Cover) as an A4 PDF.

:func:`write` takes plain data: ``company`` (the enrolment profile's fields), ``policy`` (the
cover applied for; optional), ``created`` (datetime) and ``version``.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from lei_desktop.domain import categories
from lei_desktop.reports import fonts
from lei_desktop.reports.claim_package import IP_TYPE, ROLE, _g, _kv_table, _pair
from lei_desktop.reports.common import (
    DASH,
    MARGIN,
    P,
    amount,
    atomic_output,
    checker,
    clean,
    day,
    dec,
    esc,
    fixed_ids,
    grid_style,
    legal_rep_line,
    numbered_canvas,
    outline_mark,
    set_metadata,
    styles,
)

ELIGIBILITY = (
    ("registered_in_beijing", "依法设立，注册地址在北京市", "Lawfully established with its registered address in Beijing"),
    ("no_violations_2y", "依法经营，近两年无违法记录", "Operates lawfully with no record of violations in the last two years"),
    ("not_on_credit_china_list", "未被“信用中国”列为失信惩戒对象", "Not listed for credit-related sanctions on Credit China"),
    ("sells_overseas", "投保产品为保险期间内在境外销售的产品，且非已知存在潜在诉讼的产品",
     "The products to insure are sold overseas during the policy period and have no known potential litigation"),
)


def _share(value: object) -> str:
    d = dec(value)
    if d is None:
        return DASH
    return f"{(d * 100).normalize():f} %"


def write(data: dict, out_path: Path | str, progress: Callable[[int, int, str], None] | None = None,
          cancel: Callable[[], bool] | None = None) -> dict:
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import CondPageBreak, SimpleDocTemplate, Spacer, Table

    check = checker(progress, cancel)
    check(0, 3, "start")
    fonts.register()
    st = styles()
    company = data.get("company") or {}
    policy = data.get("policy") or {}
    created = data.get("created") or datetime.now().astimezone()
    reference = f"投保申请 Application — {clean(_g(company, 'uscc'), 30)}"

    markets = _g(company, "export_markets", ()) or ()
    products = list(_g(company, "products", ()) or ()) or list(_g(policy, "insured_products", ()) or ())
    rows = [
        ("企业名称（中文）", "Company name (Chinese)", esc(_g(company, "name_zh"))),
        ("企业名称（英文）", "Company name (English)", esc(_g(company, "name_en"))),
        ("统一社会信用代码", "Unified social credit code (USCC)", esc(_g(company, "uscc"))),
        ("注册地址", "Registered address",
         f"{esc(_g(company, 'registered_address_zh'))}<br/>{esc(_g(company, 'registered_address_en'))}"),
        ("法定代表人", "Legal representative", esc(_g(company, "legal_representative"), 100)),
        ("联系人", "Contact person", esc(_g(company, "contact_name"))),
        ("电话 / 邮箱", "Telephone / e-mail", f"{esc(_g(company, 'contact_phone'))} / {esc(_g(company, 'contact_email'))}"),
        ("境外收入占比", "Share of overseas revenue", esc(_share(_g(company, "overseas_revenue_share")))),
        ("出口市场", "Export markets", esc(", ".join(str(m) for m in markets) or None)),
        ("拟投保产品", "Products to insure", "<br/>".join(esc(x, 300) for x in products) or DASH),
    ]
    story: list = [
        outline_mark("application", "投保申请书 / Application for cover"),
        P("知识产权海外纠纷法律费用保险 投保申请书", st["title"]),
        P("Application for Cover — Overseas IP Dispute Legal-Expenses Insurance (Beijing pilot)", st["subtitle"]),
        P(f"致：{esc(_g(policy, 'insurer_zh', '中国人民财产保险股份有限公司北京市分公司'))}", st["body"]),
        P(f"To: {esc(_g(policy, 'insurer_en', 'PICC Property and Casualty Co., Ltd., Beijing Branch'))}", st["en"]),
        outline_mark("profile", "企业信息 / Company profile", 1),
        _kv_table(rows, st, title="一、企业信息　1. Company profile"),
    ]
    if policy:
        cats = _g(policy, "cost_categories", {}) or {}
        if isinstance(cats, list | tuple):
            cats = {k: v for k, v in cats}
        covered = [c for c, terms in cats.items() if _g(terms if isinstance(terms, dict) else {}, "covered", False)]
        ip = [_pair(IP_TYPE, x) for x in _g(policy, "ip_types", ()) or ()]
        roles = [_pair(ROLE, x) for x in _g(policy, "roles", ()) or ()]
        prow = [
            ("保险期间", "Policy period", f"{esc(day(_g(policy, 'period_start')))} — {esc(day(_g(policy, 'period_end')))}"),
            ("承保区域", "Territories", esc(", ".join(str(t) for t in _g(policy, "territories", ()) or ()) or None)),
            ("知识产权类型", "IP types", "<br/>".join(f"{esc(a)} / {esc(b)}" for a, b in ip) or DASH),
            ("角色", "Roles", "<br/>".join(f"{esc(a)} / {esc(b)}" for a, b in roles) or DASH),
            ("承保费用类别", "Cost categories covered",
             "<br/>".join(f"{esc(categories.label(c, 'zh'))} / {esc(categories.label(c, 'en'))}" for c in covered) or DASH),
            ("免赔额", "Deductible (CNY)", amount(_g(policy, "deductible"))),
            ("赔付比例", "Co-insurance", esc(_g(policy, "coinsurance"))),
            ("每次赔偿限额", "Per-claim limit (CNY)", amount(_g(policy, "per_claim_limit"))),
            ("累计赔偿限额", "Aggregate limit (CNY)", amount(_g(policy, "aggregate_limit"))),
            ("保险费", "Premium (CNY)", amount(_g(policy, "premium"))),
            ("保费补贴比例 / 上限", "Premium subsidy ratio / cap (CNY)",
             f"{esc(_g(policy, 'subsidy_ratio'))} / {amount(_g(policy, 'subsidy_cap'))}"),
        ]
        story += [
            outline_mark("cover", "投保内容 / Cover applied for", 1),
            _kv_table(prow, st, title="二、投保内容　2. Cover applied for"),
        ]
    check(1, 3, "layout")
    elig = dict(_g(company, "eligibility", {}) or {})
    if isinstance(_g(company, "eligibility"), list | tuple):
        elig = {k: v for k, v in _g(company, "eligibility")}
    erows = [[P("声明事项<br/>Declaration", st["small"]), P("是否符合<br/>Confirmed", st["small"])]]
    for key, zh, en in ELIGIBILITY:
        value = elig.get(key)
        mark = "是 Yes" if value is True else ("否 No" if value is False else "未填 not stated")
        erows.append([P(f"{esc(zh)}<br/>{esc(en)}", st["small"]), P(mark, st["small"])])
    et = Table(erows, colWidths=[A4[0] - 2 * MARGIN - 90, 90], repeatRows=1, splitInRow=1)
    et.setStyle(grid_style())
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    boxes = Table(
        [[P("法定代表人或授权代表签字<br/>Signature of legal representative or authorised signatory", st["small"]),
          P("日期<br/>Date", st["small"]), P("公司盖章<br/>Company seal", st["small"])], ["", "", ""]],
        colWidths=[200, 110, A4[0] - 2 * MARGIN - 310], rowHeights=[None, 110],
    )
    boxes.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fonts.FONT_NAME, 8),
                               ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
                               ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [
        CondPageBreak(260),
        outline_mark("eligibility", "试点资格声明 / Eligibility declarations", 1),
        P("三、试点资格声明　3. Pilot eligibility declarations", st["h2"]),
        et,
        Spacer(1, 8),
        P("本企业承诺以上信息真实、准确、完整，并按要求提交企业问询表及相关材料；如有不实，愿承担相应责任。", st["body"]),
        P("We confirm that the above is true, accurate and complete, and will provide the enterprise questionnaire and "
          "the documents required; we accept responsibility for any misstatement.", st["en"]),
        CondPageBreak(170),
        outline_mark("signature", "签字盖章 / Signature and seal", 1),
        P(legal_rep_line(company), st["body"]),
        Spacer(1, 4),
        boxes,
    ]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN + 6, invariant=1, initialFontName=fonts.FONT_NAME)
    doc.build(story, canvasmaker=numbered_canvas(reference, on_page=lambda n: check(1, 3, "layout")))
    check(2, 3, "writing")
    with atomic_output(Path(out_path)) as tmp:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buf.getvalue())))
        set_metadata(
            writer,
            title="投保申请书 Application for cover",
            author=f"{_g(company, 'name_zh', '')} {_g(company, 'name_en', '')}".strip() or DASH,
            subject="知识产权海外纠纷法律费用保险投保申请 / Application for overseas IP legal-expenses insurance",
            created=created,
            version=str(data.get("version") or ""),
            keywords=str(_g(company, "uscc", "")),
        )
        writer.page_mode = "/UseOutlines"
        fixed_ids(writer, f"enrolment|{_g(company, 'uscc', '')}|{created.isoformat()}")
        with open(tmp, "wb") as fh:
            writer.write(fh)
        size = tmp.stat().st_size
        pages = len(writer.pages)
    check(3, 3, "done")
    return {"pages": pages, "bytes": size}
