"""Regenerate and fill ``i18n/parts/gui2_zh_CN.ts`` (the GUI-2 pages' Chinese).

    python i18n/parts/gui2_fill.py

Runs ``pyside6-lupdate`` over the GUI-2 modules, then writes the Chinese below into every entry
(plural entries get the same text for their one Chinese form) and fails if one is left without.
``i18n/build.py`` then takes these into the app catalogue.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "i18n" / "parts" / "gui2_zh_CN.ts"
SOURCES = [
    "lei_desktop/ui/expense_editor.py",
    "lei_desktop/ui/models/expense_model.py",
    "lei_desktop/ui/pages/expenses.py",
    "lei_desktop/ui/pages/claims.py",
    "lei_desktop/ui/pages/dashboard.py",
]

ZH = {
    "Insurer's decision on {expense}": "保险人对 {expense} 的审核结论",
    "Paid to the company's own staff": "支付给本公司员工",
    "The insurer's reason:": "保险人给出的理由：",
    " (not saved yet)": "（尚未保存）",
    "%n expense(s) without a rate are not included": "%n 笔无汇率的费用未计入",
    "%n expense(s)": "%n 笔费用",
    "&Amount": "金额(&A)",
    "&Category": "类别(&C)",
    "&Dispute": "纠纷(&D)",
    "&Invoice date": "发票日期(&I)",
    "&New": "新建(&N)",
    "&Paid on": "付款日期(&P)",
    "&Reference": "编号(&R)",
    "&Save": "保存(&S)",
    "(typed)": "（手工录入）",
    "Add &file…": "添加文件(&F)…",
    "Add a dispute first (Disputes page).": "请先在“纠纷”页添加纠纷。",
    "Add receipts": "添加票据",
    "Aggregate limit {limit}: used {used}, left {left}": "累计赔偿限额 {limit}：已用 {used}，剩余 {left}",
    "All categories": "全部类别",
    "All currencies": "全部币种",
    "All disputes": "全部纠纷",
    "Amount (CNY)": "金额（人民币）",
    "Amount paid (CNY)": "赔付金额（人民币）",
    "Amount": "金额",
    "Approved amount (CNY)": "核定金额（人民币）",
    "Approved": "核准",
    "Bank reference": "银行流水号",
    "Build claim from unclaimed expenses": "用未索赔的费用生成索赔",
    "CNY per": "人民币 / 每",
    "CNY": "人民币",
    "CNY: enter an amount and a currency": "人民币：请输入金额和币种",
    "CNY: enter the payment date to find the rate": "人民币：请输入付款日期以查找汇率",
    "CNY: —": "人民币：—",
    "Cancel": "取消",
    "Cannot read {file}: {error}": "无法读取 {file}：{error}",
    "Category": "类别",
    "Choose a dispute and build a claim from its unclaimed expenses.": "请选择纠纷，并用其尚未索赔的费用生成索赔。",
    "Claim package written": "索赔材料已生成",
    "Claim rejected": "索赔被拒",
    "Claim {ref} · {status}": "索赔 {ref} · {status}",
    "Claim": "索赔",
    "Claimed": "已索赔",
    "Claims: {counts}": "索赔：{counts}",
    "Complaint or warning letter": "起诉状或警告函",
    "Consent letter": "保险人同意函",
    "Covered": "承保",
    "Currency": "币种",
    "Dashboard": "概览",
    "Date paid (YYYY-MM-DD)": "赔付日期（YYYY-MM-DD）",
    "Date": "日期",
    "Decision": "结论",
    "Delete expense {ref}": "删除费用 {ref}",
    "Delete expense {ref}? You can undo this.": "删除费用 {ref}？此操作可以撤销。",
    "Delete expense": "删除费用",
    "Delete the selected expense (Ctrl+Del)": "删除选中的费用（Ctrl+Del）",
    "Delete": "删除",
    "Description (Chinese)": "说明（中文）",
    "Description (English)": "说明（英文）",
    "Dispute not covered: {reasons}": "纠纷不在保障范围内：{reasons}",
    "Dispute {ref}: {title}": "纠纷 {ref}：{title}",
    "Dispute": "纠纷",
    "Dispute:": "纠纷：",
    "Document checklist": "单证清单",
    "Documents missing": "单证不齐",
    "Draft": "草稿",
    "Drop files here, or add them with the button.": "将文件拖放到此处，或用按钮添加。",
    "Engagement letter": "委托代理合同",
    "Expense {ref}": "费用 {ref}",
    "Expense": "费用",
    "Expenses": "费用笔数",
    "Export PDF…": "导出 PDF…",
    "Export cancelled": "已取消导出",
    "Export claim package": "导出索赔材料",
    "Export claim {ref}": "导出索赔 {ref}",
    "Files": "附件",
    "Freeze the claim and submit it; its expenses can no longer change": "冻结并提交索赔；其中的费用将不能再修改",
    "Import a LEDES invoice or a CSV file, with a preview": "导入 LEDES 账单或 CSV 文件（先预览）",
    "Import": "导入",
    "Importing is not available in this build.": "此版本不支持导入。",
    "Import…": "导入…",
    "In CNY: {cny}": "人民币：{cny}",
    "Initial": "首次索赔",
    "Insurer": "保险人审核",
    "Invoice &no.": "发票号(&N)",
    "Invoice date": "发票日期",
    "Invoice no.": "发票号",
    "Invoice": "发票",
    "Judgment": "判决书",
    "Kind": "类型",
    "Kind: {kind}": "类型：{kind}",
    "Left": "剩余",
    "Limit (per claim / aggregate)": "限额（每次 / 累计）",
    "Line decision…": "逐项审核…",
    "Lines and decisions": "明细与结论",
    "Loading figures…": "正在计算…",
    "New expense (Ctrl+N)": "新建费用（Ctrl+N）",
    "New expense": "新建费用",
    "No claim selected": "未选择索赔",
    "No exchange rate for this currency and date": "该币种在此日期没有汇率",
    "No file selected": "未选择文件",
    "No policy yet: record the company and its policy first.": "尚无保单：请先录入企业信息和保单。",
    "No {currency} rate on or before {date}: enter a rate override": "{date} 当日及之前没有 {currency} 汇率：请手工输入汇率",
    "Not saved.": "未保存。",
    "Not saved: please correct the marked fields.": "未保存：请更正标出的字段。",
    "Nothing to redo": "没有可重做的操作",
    "Nothing to undo": "没有可撤销的操作",
    "Open folder": "打开所在文件夹",
    "Other": "其他",
    "PDF (cannot be read)": "PDF（无法读取）",
    "PDF files (*.pdf)": "PDF 文件 (*.pdf)",
    "PDF, {n} page(s)": "PDF，共 {n} 页",
    "Pa&yee": "收款方(&Y)",
    "Paid on": "付款日期",
    "Paid": "已赔付",
    "Paid: {amount}": "已赔付：{amount}",
    "Payable": "应赔金额",
    "Payable: {amount} ({words})": "应赔金额：{amount}（{words}）",
    "Payee": "收款方",
    "Payment for claim {ref}": "索赔 {ref} 的赔款",
    "Payments": "赔款",
    "Policy {ref} · {insurer} · No. {number}": "保单 {ref} · {insurer} · 保单号 {number}",
    "Possible duplicate": "可能重复",
    "Possible duplicate: {list}": "可能重复：{list}",
    "Preparing the claim package…": "正在准备索赔材料…",
    "Proof of payment": "付款凭证",
    "Rate override": "手工汇率",
    "Rate": "汇率",
    "Reason": "理由",
    "Reasons": "原因",
    "Receipts (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)": "票据 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)",
    "Receipts and documents": "票据与文件",
    "Record payment…": "登记赔款…",
    "Redo": "重做",
    "Redo: {what}": "重做：{what}",
    "Reduced": "核减",
    "Ref": "编号",
    "Reference": "编号",
    "Rejected": "拒赔",
    "Record rejection…": "登记拒赔…",
    "Rejection reason: {reason}": "拒赔理由：{reason}",
    "Remove file": "移除文件",
    "Remove {file} from this expense?": "从此费用中移除 {file}？",
    "Revert": "还原",
    "Save (Enter)": "保存（回车）",
    "Save anyway?": "仍然保存？",
    "Save expense {ref}": "保存费用 {ref}",
    "Saved {ref}.": "已保存 {ref}。",
    "Search reference, payee, invoice no., description…": "搜索编号、收款方、发票号、说明…",
    "Settle claim {ref}": "索赔 {ref} 结案",
    "Settled": "已结案",
    "Settlement steps": "理算步骤",
    "Settle…": "结案…",
    "Spent": "已支出",
    "Spent: every expense in CNY at its rate. Covered: what the claims count as covered. Claimed: payable of "
    "submitted claims. Paid: what the insurer paid. Limits used: settled claims at the amount paid, open claims at "
    "their payable.": "已支出：全部费用按其汇率折合人民币。承保：索赔中计为承保的部分。已索赔：已提交索赔的应赔金额。"
    "已赔付：保险人实际支付的金额。限额占用：已结案索赔按实付计，未结索赔按应赔金额计。",
    "Status": "状态",
    "Step": "步骤",
    "Submit claim {ref}? Its figures and expenses are frozen from then on.": "提交索赔 {ref}？提交后金额和费用将被冻结。",
    "Submit claim": "提交索赔",
    "Submitted with incomplete documents: {reason}": "单证不齐仍提交，理由：{reason}",
    "Submitted": "已提交",
    "Submit…": "提交…",
    "Supplementary": "补充索赔",
    "The claims engine is not part of this build yet.": "此版本尚未包含索赔引擎。",
    "The claims engine is not part of this build: claim figures are zero.": "此版本未包含索赔引擎：索赔数字为零。",
    "The expense you are editing has unsaved changes. Save them?": "正在编辑的费用有未保存的修改。是否保存？",
    "The export was cancelled; nothing was written.": "导出已取消，未写出任何文件。",
    "These documents are missing:\n{list}\n\nTo submit anyway, give the reason (it is recorded):":
        "以下单证缺失：\n{list}\n\n如仍要提交，请填写理由（将被记录）：",
    "Total": "合计",
    "Under review": "审核中",
    "Undo": "撤销",
    "Undo: {what} (Ctrl+Z)": "撤销：{what}（Ctrl+Z）",
    "Unsaved changes": "未保存的修改",
    "Used": "已用",
    "Withdraw claim {ref}?": "撤回索赔 {ref}？",
    "Withdraw claim": "撤回索赔",
    "Withdraw": "撤回",
    "Withdrawn": "已撤回",
    "approved CNY (blank: as claimed, {cny})": "核定人民币金额（留空：按申请金额 {cny}）",
    "blank: the published rate": "留空：使用公布汇率",
    "draft": "草稿",
    "e.g. 12500.00": "例如 12500.00",
    "rate of {date} (no fixing on {basis})": "{date} 的汇率（{basis} 无中间价）",
    "rate of {date}": "{date} 的汇率",
    "rate typed for this expense": "此笔费用的手工汇率",
    "rejected": "已拒赔",
    "settled": "已结案",
    "submitted": "已提交",
    "supplementary to {ref}": "为 {ref} 的补充索赔",
    "under review": "审核中",
    "withdrawn": "已撤回",
    "{file} ({pages} pages) is ready.": "{file}（共 {pages} 页）已生成。",
    "{file} is too large": "{file} 太大",
    "{per} {currency} = {rate} CNY ({how}) → {cny}": "{per} {currency} = {rate} 人民币（{how}）→ {cny}",
    "{rate} CNY per {per} {currency}, rate of {date}": "每 {per} {currency} = {rate} 人民币，{date} 的汇率",
    "{ref} already holds the file {file}": "{ref} 已有同一文件 {file}",
    "{ref} has the same payee and invoice number": "{ref} 的收款方和发票号相同",
    "Import expenses": "导入费用",
    "File": "文件",
    "Format": "格式",
    "Currency (if the file has none)": "币种（文件未注明时）",
    "Category (if the file has none)": "类别（文件未注明时）",
    "CSV columns": "CSV 列对应",
    "Browse…": "浏览…",
    "Preview": "预览",
    "LEDES 1998B / 98BI invoice": "LEDES 1998B / 98BI 账单",
    "CSV (UTF-8 or GB18030)": "CSV（UTF-8 或 GB18030）",
    "Columns named like the fields": "按列名对应字段",
    "Line": "行",
    "Description": "说明",
    "Choose a file to import": "选择要导入的文件",
    "LEDES or CSV (*.txt *.ledes *.csv);;All files (*)": "LEDES 或 CSV (*.txt *.ledes *.csv);;所有文件 (*)",
    "Cannot read the file: {error}": "无法读取文件：{error}",
    "Reading the file…": "正在读取文件…",
    "Choose a file and press Preview. Nothing is written before Import.": "请选择文件并点击“预览”。点击“导入”之前不会写入任何数据。",
    "The file is refused: {n} problem(s). Nothing will be imported.": "文件被拒绝：{n} 个问题，不会导入任何数据。",
    "{n} expense(s) to import, total {totals}; {w} warning(s).": "将导入 {n} 笔费用，合计 {totals}；{w} 条提示。",
    "Import {n} expense(s)": "导入 {n} 笔费用",
    "Locked: this expense is part of the submitted claim {claim}.": "已锁定：此费用属于已提交的索赔 {claim}。",
    "counting…": "正在计数…",
    "The figures could not be computed: {error}": "无法计算数据：{error}",
    "Deadlines": "期限",
    "Due": "到期日",
    "What": "事项",
    "In draft claim {claim}": "在草稿索赔 {claim} 中",
    "Locked: in claim {claim} ({status})": "已锁定：在索赔 {claim} 中（{status}）",
    "Build claim…": "生成索赔…",
    "Choose which of the dispute's unclaimed expenses go into a new claim": "选择纠纷中哪些未索赔的费用纳入新的索赔",
    "Build a claim": "生成索赔",
    "%n unclaimed expense(s) of this dispute.": "本纠纷有 %n 笔未索赔的费用。",
    "All": "全选",
    "None": "全不选",
}


def main() -> int:
    sources = [s for s in SOURCES if (ROOT / s).exists()]
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-no-obsolete", "-locations", "none", "-target-language", "zh_CN",
                    "-ts", str(TS.relative_to(ROOT))], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    tree = ET.parse(TS)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        zh = ZH.get(source)
        tr = message.find("translation")
        if zh is None:
            missing.append(source)
            continue
        tr.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for child in list(tr):
                tr.remove(child)
            form = ET.SubElement(tr, "numerusform")
            form.text = zh
            tr.text = None
        else:
            tr.text = zh
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    for m in missing:
        print(f"no Chinese for: {m!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
