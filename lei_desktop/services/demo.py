"""Realistic demo data: a Beijing exporter, its PICC policy, disputes in the US, Germany and
Japan, a few hundred expenses in four currencies with generated receipts, and rates for every
business day. Deterministic for a given seed."""

from __future__ import annotations

import io
import random
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from lei_desktop.domain.errors import ValidationError
from lei_desktop.domain.fx import FxRate
from lei_desktop.domain.model import CategoryTerms, Company, Consent, Dispute, Expense, Policy
from lei_desktop.domain.money import minor_units
from lei_desktop.services import attachments, disputes, enrolment, expenses, policies, rates
from lei_desktop.services.store import Store
from lei_desktop.store.models import CompanyRow, ExpenseRow, PolicyRow

COMPANY = Company(
    name_zh="北京星河智造科技有限公司",
    name_en="Beijing Xinghe Smart Manufacturing Technology Co., Ltd.",
    uscc="91110108MA01XH7K2R",
    registered_address_zh="北京市海淀区中关村大街1号",
    registered_address_en="No. 1 Zhongguancun Street, Haidian District, Beijing",
    contact_name="王堃",
    contact_phone="+86 10 6000 0000",
    contact_email="legal@xinghe.example.cn",
    legal_representative="李建华",
    overseas_revenue_share=Decimal("0.45"),
    export_markets=("US", "DE", "JP"),
    eligibility=(("registered_in_beijing", True), ("no_violations_2y", True),
                 ("not_on_credit_china_list", True), ("sells_overseas", True)),
    products=("Smart lock X1", "Smart lock X2", "Smart doorbell D3"),
)

POLICY = Policy(
    ref="P1",
    policy_number="PICC-BJ-LEI-2026-0001",
    insurer_zh="中国人民财产保险股份有限公司北京市分公司",
    insurer_en="PICC Property and Casualty Co., Ltd., Beijing Branch",
    period_start=date(2026, 1, 1),
    period_end=date(2026, 12, 31),
    territories=("US", "EU", "JP"),
    ip_types=("patent", "trademark"),
    roles=("defendant",),
    insured_products=("Smart lock X1", "Smart lock X2", "Smart doorbell D3"),
    cost_categories=(
        ("attorney_fees", CategoryTerms(True)),
        ("court_fees", CategoryTerms(True)),
        ("expert_witness", CategoryTerms(True)),
        ("witness_appearance", CategoryTerms(True)),
        ("travel_lodging", CategoryTerms(True, sub_limit=Decimal("50000.00"))),
        ("translation_notarization", CategoryTerms(True, requires_consent=True)),
        ("investigation", CategoryTerms(False)),
        ("other", CategoryTerms(True, requires_consent=True)),
    ),
    deductible=Decimal("20000.00"),
    coinsurance=Decimal("0.80"),
    per_claim_limit=Decimal("1000000.00"),
    aggregate_limit=Decimal("2000000.00"),
    premium=Decimal("60000.00"),
    subsidy_ratio=Decimal("0.80"),
    subsidy_cap=Decimal("800000.00"),
    notice_days=30,
)

DISPUTES = (
    Dispute("D1", "P1", "某美国公司诉我司智能锁专利侵权案", "Patent infringement suit against our smart locks",
            "patent", "defendant", "US", date(2026, 3, 2), "U.S. District Court for the Eastern District of Texas",
            "2:26-cv-00123", "Acme Lock Holdings LLC", ("US 10,123,456 B2",), ("Smart lock X1",),
            notified_on=date(2026, 3, 10)),
    Dispute("D2", "P1", "德国杜塞尔多夫地区法院商标侵权案", "Trademark infringement action in Düsseldorf",
            "trademark", "defendant", "DE", date(2026, 5, 11), "Landgericht Düsseldorf", "4a O 57/26",
            "Schloss & Riegel GmbH", ("EUTM 018 234 567",), ("Smart lock X2",), notified_on=date(2026, 5, 20)),
    Dispute("D3", "P1", "日本东京地方法院门铃专利侵权案", "Doorbell patent suit before the Tokyo District Court",
            "patent", "defendant", "JP", date(2026, 7, 6), "Tokyo District Court", "令和8年(ワ)第10234号",
            "Sakura Denki K.K.", ("JP 7,123,456",), ("Smart doorbell D3",)),
)

CONSENTS = (
    Consent("C1", "D1", date(2026, 3, 20), ("translation_notarization",), "PICC-BJ-CONSENT-2026-017",
            Decimal("30000.00"), "同意承担证据材料的翻译及公证认证费用", "Translation, notarisation and legalisation of evidence"),
    Consent("C2", "D2", date(2026, 5, 25), ("translation_notarization", "other"), "PICC-BJ-CONSENT-2026-031",
            Decimal("40000.00"), "同意承担德文翻译及电子取证费用", "German translation and e-discovery"),
)

# (currency, CNY per `per` units at the start of the year, per)
#: more than a demonstration needs (the benchmark asks for tens of thousands)
DEMO_MAX_EXPENSES = 1_000_000

BASE_RATES = {"USD": (Decimal("7.1234"), 1), "EUR": (Decimal("7.7850"), 1), "JPY": (Decimal("4.6128"), 100)}

PAYEES = {
    "D1": {"attorney_fees": ("Smith & Lee LLP", "USD", 4000, 30000), "court_fees": ("Clerk, E.D. Tex.", "USD", 100, 800),
           "expert_witness": ("Dr. Helen Park (Lockwise Consulting)", "USD", 3000, 15000),
           "travel_lodging": ("United Airlines", "USD", 600, 2500),
           "translation_notarization": ("北京信达翻译有限公司", "CNY", 2000, 9000),
           "other": ("Lone Star Docs Inc.", "USD", 500, 3000)},
    "D2": {"attorney_fees": ("Hoffmann Rechtsanwälte PartGmbB", "EUR", 3000, 20000),
           "court_fees": ("Landgericht Düsseldorf Gerichtskasse", "EUR", 500, 4000),
           "witness_appearance": ("Zeugenentschädigung (witness)", "EUR", 200, 900),
           "travel_lodging": ("Lufthansa", "EUR", 400, 1800),
           "translation_notarization": ("Übersetzungsbüro Rhein", "EUR", 300, 2000),
           "investigation": ("Detektei Köln", "EUR", 800, 3000)},
    "D3": {"attorney_fees": ("Nishimura Patent Law Office", "JPY", 400000, 3000000),
           "court_fees": ("Tokyo District Court", "JPY", 13000, 80000),
           "expert_witness": ("Prof. Tanaka Hiroshi", "JPY", 200000, 900000),
           "travel_lodging": ("Tokyo Grand Hotel", "JPY", 40000, 250000),
           "translation_notarization": ("东京华文翻译社", "CNY", 1500, 8000)},
}
DESCRIPTIONS = {
    "attorney_fees": ("应诉律师服务费", "Defence counsel fees"),
    "court_fees": ("法院诉讼费用", "Court filing fees"),
    "expert_witness": ("外部技术专家意见费", "External technical expert report"),
    "witness_appearance": ("证人出庭补偿", "Witness appearance allowance"),
    "travel_lodging": ("应诉差旅及住宿", "Travel and lodging for the defence"),
    "translation_notarization": ("证据翻译及公证认证", "Translation and notarisation of evidence"),
    "investigation": ("市场调查取证", "Market investigation"),
    "other": ("电子取证托管", "E-discovery hosting"),
}


def is_empty(store: Store) -> bool:
    with store.session() as s:
        return not (s.scalar(select(func.count(CompanyRow.id))) or s.scalar(select(func.count(PolicyRow.id)))
                    or s.scalar(select(func.count(ExpenseRow.id))))


def business_days(start: date, end: date):
    d = start
    while d <= end:
        if d.weekday() < 5:
            yield d
        d += timedelta(days=1)


def demo_rates(rng: random.Random, start: date, end: date) -> list[FxRate]:
    out = []
    for currency, (rate, per) in BASE_RATES.items():
        value = rate
        for d in business_days(start, end):
            value = (value * (Decimal(1) + Decimal(rng.randint(-30, 30)) / Decimal(10000))).quantize(Decimal("0.0001"))
            out.append(FxRate(d, currency, value, per, "CFETS central parity (demo)"))
    return out


def receipt_pdf(e: Expense) -> bytes:
    """A small, plausible invoice PDF for the demo (Latin text; the real font is the report's)."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A5, invariant=1)
    c.setTitle(f"Invoice {e.invoice_number}")
    c.setFont("Helvetica-Bold", 16)
    c.drawString(40, 540, "INVOICE")
    c.setFont("Helvetica", 10)
    lines = [f"Payee: {e.payee.encode('latin-1', 'replace').decode('latin-1')}", f"Invoice no.: {e.invoice_number}",
             f"Invoice date: {e.invoice_date}", f"Paid on: {e.paid_on}",
             f"Amount: {e.amount:,.{minor_units(e.currency)}f} {e.currency}", f"For: {e.description_en}"]
    for i, line in enumerate(lines):
        c.drawString(40, 500 - 18 * i, line)
    c.rect(30, 360, 360, 200)
    c.showPage()
    c.save()
    return buf.getvalue()


def receipt_jpeg(e: Expense, rng: random.Random) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (600, 800), (250, 248, 240))
    draw = ImageDraw.Draw(img)
    draw.rectangle((20, 20, 580, 780), outline=(90, 90, 90), width=3)
    for i, line in enumerate(["RECEIPT", e.invoice_number, str(e.paid_on), f"{e.amount} {e.currency}"]):
        draw.text((50, 60 + 40 * i), line, fill=(20, 20, 20))
    for _ in range(12):
        y = rng.randint(260, 740)
        draw.line((50, y, 550, y), fill=(200, 200, 200))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=70)
    return buf.getvalue()


def build(store: Store, seed: int = 2026, n_expenses: int = 300, receipts: bool = True) -> dict[str, int]:
    if not 0 <= n_expenses <= DEMO_MAX_EXPENSES:
        raise ValidationError("out_of_range", "expenses", low=0, high=DEMO_MAX_EXPENSES)
    """Fill an empty store; returns counts per kind."""
    rng = random.Random(seed)
    enrolment.save_company(store, COMPANY)
    policies.create_policy(store, POLICY)
    for d in DISPUTES:
        disputes.create_dispute(store, d)
    for c in CONSENTS:
        disputes.create_consent(store, c)
    fx = demo_rates(rng, date(2026, 1, 1), date(2026, 11, 30))
    rates.save_rates(store, fx)
    counts = {"disputes": len(DISPUTES), "consents": len(CONSENTS), "fx_rates": len(fx), "expenses": 0,
              "attachments": 0}
    last_day = date(2026, 11, 20)
    with store.session() as s:
        for i in range(n_expenses):
            dispute = DISPUTES[i % len(DISPUTES)]
            category = rng.choice(list(PAYEES[dispute.ref]))
            payee, currency, low, high = PAYEES[dispute.ref][category]
            span = (last_day - dispute.first_asserted_on).days
            invoice_date = dispute.first_asserted_on + timedelta(days=rng.randint(1, max(1, span - 10)))
            paid_on = invoice_date + timedelta(days=rng.randint(0, 10))
            digits = minor_units(currency)
            amount = Decimal(rng.randint(low * 10**digits, high * 10**digits)).scaleb(-digits)
            zh, en = DESCRIPTIONS[category]
            e = Expense(
                ref=f"E{i + 1:04d}", dispute=dispute.ref, category=category, amount=amount, currency=currency,
                payee=payee, invoice_number=f"{payee.split()[0][:4].upper()}-{2026}-{i + 1:04d}",
                invoice_date=invoice_date, paid_on=paid_on,
                description_zh=f"{zh}（{invoice_date.month}月）", description_en=f"{en}, {invoice_date:%B %Y}",
                incurred_by_insured_staff=False,
            )
            expenses.add_expense(store, s, e)
            counts["expenses"] += 1
            if receipts:
                attachments.attach(s, store, "expense", e.ref, f"invoice-{e.ref}.pdf", receipt_pdf(e), "invoice")
                counts["attachments"] += 1
                if i % 10 == 0:
                    attachments.attach(s, store, "expense", e.ref, f"payment-{e.ref}.jpg", receipt_jpeg(e, rng),
                                       "payment_proof")
                    counts["attachments"] += 1
    counts.update(demo_claims(store, receipts))
    return counts


def letter_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page letter (complaint, engagement letter, consent letter) for the demo."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, 780, title)
    c.setFont("Helvetica", 11)
    for i, line in enumerate(lines):
        c.drawString(60, 740 - 18 * i, line.encode("latin-1", "replace").decode("latin-1"))
    c.showPage()
    c.save()
    return buf.getvalue()


def demo_claims(store: Store, documents: bool = True) -> dict[str, int]:
    """The claims of the demo: D2 settled, D1 submitted, D3 a draft (all through the services)."""
    from lei_desktop.services import claims

    if documents:
        for d in DISPUTES[:2]:
            attachments.add_attachment(store, "dispute", d.ref, f"complaint-{d.ref}.pdf", letter_pdf(
                "Complaint", [d.title_en, f"Case {d.case_number}", d.forum, f"Filed {d.first_asserted_on}"]), "complaint")
            attachments.add_attachment(store, "dispute", d.ref, f"engagement-{d.ref}.pdf", letter_pdf(
                "Engagement letter", [d.title_en, "Defence counsel engagement"]), "engagement_letter")
        for c in CONSENTS:
            attachments.add_attachment(store, "consent", c.ref, f"consent-{c.ref}.pdf", letter_pdf(
                "Consent letter", [c.letter_ref, c.scope_en, f"Cap CNY {c.cap:,.2f}"]), "consent_letter")
    override = "付款凭证原件随后邮寄 / original payment proofs follow by post"
    by_dispute: dict[str, list[str]] = {}
    for e in expenses.list_expenses(store):
        by_dispute.setdefault(e.dispute, []).append((e.paid_on, e.ref))
    first_d2 = [ref for paid, ref in sorted(by_dispute.get("D2", [])) if paid and paid < date(2026, 8, 1)]
    first_d1 = [ref for paid, ref in sorted(by_dispute.get("D1", [])) if paid and paid < date(2026, 9, 1)]
    made = 0
    if first_d2:
        ref = claims.create_claim(store, "D2", first_d2)
        doc = claims.submit(store, ref, override=override)
        claims.start_review(store, ref)
        claims.settle(store, ref, doc["payable"], date(2026, 9, 15), "PICC-BJ-PAY-2026-0088")
        made += 1
    if first_d1:
        ref = claims.create_claim(store, "D1", first_d1)
        claims.submit(store, ref, override=override)
        made += 1
    if by_dispute.get("D3"):
        claims.create_claim(store, "D3")
        made += 1
    return {"claims": made}
