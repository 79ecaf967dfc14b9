<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BuildClaimDialog</name>
    <message>
        <source>Build a claim</source>
        <translation>生成索赔</translation>
    </message>
    <message numerus="yes">
        <source>%n unclaimed expense(s) of this dispute.</source>
        <translation><numerusform>本纠纷有 %n 笔未索赔的费用。</numerusform></translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
</context>
<context>
    <name>ClaimsPage</name>
    <message>
        <source>The claims engine is not part of this build yet.</source>
        <translation>此版本尚未包含索赔引擎。</translation>
    </message>
    <message>
        <source>Dispute:</source>
        <translation>纠纷：</translation>
    </message>
    <message>
        <source>Build claim…</source>
        <translation>生成索赔…</translation>
    </message>
    <message>
        <source>Choose which of the dispute's unclaimed expenses go into a new claim</source>
        <translation>选择纠纷中哪些未索赔的费用纳入新的索赔</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>索赔</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Payable</source>
        <translation>应赔金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已赔付</translation>
    </message>
    <message>
        <source>Submit…</source>
        <translation>提交…</translation>
    </message>
    <message>
        <source>Freeze the claim and submit it; its expenses can no longer change</source>
        <translation>冻结并提交索赔；其中的费用将不能再修改</translation>
    </message>
    <message>
        <source>Line decision…</source>
        <translation>逐项审核…</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>登记赔款…</translation>
    </message>
    <message>
        <source>Settle…</source>
        <translation>结案…</translation>
    </message>
    <message>
        <source>Record rejection…</source>
        <translation>登记拒赔…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Settlement steps</source>
        <translation>理算步骤</translation>
    </message>
    <message>
        <source>Lines and decisions</source>
        <translation>明细与结论</translation>
    </message>
    <message>
        <source>Document checklist</source>
        <translation>单证清单</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>赔款</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Amount (CNY)</source>
        <translation>金额（人民币）</translation>
    </message>
    <message>
        <source>Expense</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>汇率</translation>
    </message>
    <message>
        <source>CNY</source>
        <translation>人民币</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>承保</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>保险人审核</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒赔</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Initial</source>
        <translation>首次索赔</translation>
    </message>
    <message>
        <source>Supplementary</source>
        <translation>补充索赔</translation>
    </message>
    <message>
        <source>No claim selected</source>
        <translation>未选择索赔</translation>
    </message>
    <message>
        <source>Choose a dispute and build a claim from its unclaimed expenses.</source>
        <translation>请选择纠纷，并用其尚未索赔的费用生成索赔。</translation>
    </message>
    <message>
        <source>Claim {ref} · {status}</source>
        <translation>索赔 {ref} · {status}</translation>
    </message>
    <message>
        <source>Dispute {ref}: {title}</source>
        <translation>纠纷 {ref}：{title}</translation>
    </message>
    <message>
        <source>Kind: {kind}</source>
        <translation>类型：{kind}</translation>
    </message>
    <message>
        <source>supplementary to {ref}</source>
        <translation>为 {ref} 的补充索赔</translation>
    </message>
    <message>
        <source>Payable: {amount} ({words})</source>
        <translation>应赔金额：{amount}（{words}）</translation>
    </message>
    <message>
        <source>Paid: {amount}</source>
        <translation>已赔付：{amount}</translation>
    </message>
    <message>
        <source>Submitted with incomplete documents: {reason}</source>
        <translation>单证不齐仍提交，理由：{reason}</translation>
    </message>
    <message>
        <source>Rejection reason: {reason}</source>
        <translation>拒赔理由：{reason}</translation>
    </message>
    <message>
        <source>Dispute not covered: {reasons}</source>
        <translation>纠纷不在保障范围内：{reasons}</translation>
    </message>
    <message>
        <source>(typed)</source>
        <translation>（手工录入）</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>核准</translation>
    </message>
    <message>
        <source>Reduced</source>
        <translation>核减</translation>
    </message>
    <message>
        <source>Documents missing</source>
        <translation>单证不齐</translation>
    </message>
    <message>
        <source>These documents are missing:
{list}

To submit anyway, give the reason (it is recorded):</source>
        <translation>以下单证缺失：
{list}

如仍要提交，请填写理由（将被记录）：</translation>
    </message>
    <message>
        <source>Submit claim</source>
        <translation>提交索赔</translation>
    </message>
    <message>
        <source>Submit claim {ref}? Its figures and expenses are frozen from then on.</source>
        <translation>提交索赔 {ref}？提交后金额和费用将被冻结。</translation>
    </message>
    <message>
        <source>Settle claim {ref}</source>
        <translation>索赔 {ref} 结案</translation>
    </message>
    <message>
        <source>Payment for claim {ref}</source>
        <translation>索赔 {ref} 的赔款</translation>
    </message>
    <message>
        <source>Claim rejected</source>
        <translation>索赔被拒</translation>
    </message>
    <message>
        <source>The insurer's reason:</source>
        <translation>保险人给出的理由：</translation>
    </message>
    <message>
        <source>Withdraw claim</source>
        <translation>撤回索赔</translation>
    </message>
    <message>
        <source>Withdraw claim {ref}?</source>
        <translation>撤回索赔 {ref}？</translation>
    </message>
    <message>
        <source>Export claim package</source>
        <translation>导出索赔材料</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Preparing the claim package…</source>
        <translation>正在准备索赔材料…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export claim {ref}</source>
        <translation>导出索赔 {ref}</translation>
    </message>
    <message>
        <source>Claim package written</source>
        <translation>索赔材料已生成</translation>
    </message>
    <message>
        <source>{file} ({pages} pages) is ready.</source>
        <translation>{file}（共 {pages} 页）已生成。</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>已取消导出</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>导出已取消，未写出任何文件。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>The figures could not be computed: {error}</source>
        <translation>无法计算数据：{error}</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>已支出</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>承保</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>已索赔</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已赔付</translation>
    </message>
    <message>
        <source>Loading figures…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Spent: every expense in CNY at its rate. Covered: what the claims count as covered. Claimed: payable of submitted claims. Paid: what the insurer paid. Limits used: settled claims at the amount paid, open claims at their payable.</source>
        <translation>已支出：全部费用按其汇率折合人民币。承保：索赔中计为承保的部分。已索赔：已提交索赔的应赔金额。已赔付：保险人实际支付的金额。限额占用：已结案索赔按实付计，未结索赔按应赔金额计。</translation>
    </message>
    <message>
        <source>The claims engine is not part of this build: claim figures are zero.</source>
        <translation>此版本未包含索赔引擎：索赔数字为零。</translation>
    </message>
    <message>
        <source>Claims: {counts}</source>
        <translation>索赔：{counts}</translation>
    </message>
    <message>
        <source>No policy yet: record the company and its policy first.</source>
        <translation>尚无保单：请先录入企业信息和保单。</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒赔</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Policy {ref} · {insurer} · No. {number}</source>
        <translation>保单 {ref} · {insurer} · 保单号 {number}</translation>
    </message>
    <message>
        <source>Aggregate limit {limit}: used {used}, left {left}</source>
        <translation>累计赔偿限额 {limit}：已用 {used}，剩余 {left}</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>费用笔数</translation>
    </message>
    <message>
        <source>Limit (per claim / aggregate)</source>
        <translation>限额（每次 / 累计）</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s) without a rate are not included</source>
        <translation><numerusform>%n 笔无汇率的费用未计入</numerusform></translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>ExpenseEditor</name>
    <message>
        <source>Save expense {ref}</source>
        <translation>保存费用 {ref}</translation>
    </message>
    <message>
        <source>Delete expense {ref}</source>
        <translation>删除费用 {ref}</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <extracomment>asked before saving a likely duplicate; tests replace it</extracomment>
        <translation>编号(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Dispute</source>
        <translation>纠纷(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Paid on</source>
        <translation>付款日期(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Invoice date</source>
        <translation>发票日期(&amp;I)</translation>
    </message>
    <message>
        <source>Pa&amp;yee</source>
        <translation>收款方(&amp;Y)</translation>
    </message>
    <message>
        <source>Invoice &amp;no.</source>
        <translation>发票号(&amp;N)</translation>
    </message>
    <message>
        <source>Description (Chinese)</source>
        <translation>说明（中文）</translation>
    </message>
    <message>
        <source>Description (English)</source>
        <translation>说明（英文）</translation>
    </message>
    <message>
        <source>Rate override</source>
        <translation>手工汇率</translation>
    </message>
    <message>
        <source>e.g. 12500.00</source>
        <translation>例如 12500.00</translation>
    </message>
    <message>
        <source>blank: the published rate</source>
        <translation>留空：使用公布汇率</translation>
    </message>
    <message>
        <source>CNY per</source>
        <translation>人民币 / 每</translation>
    </message>
    <message>
        <source>Paid to the company's own staff</source>
        <translation>支付给本公司员工</translation>
    </message>
    <message>
        <source>Receipts and documents</source>
        <translation>票据与文件</translation>
    </message>
    <message>
        <source>Drop files here, or add them with the button.</source>
        <translation>将文件拖放到此处，或用按钮添加。</translation>
    </message>
    <message>
        <source>Add &amp;file…</source>
        <translation>添加文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Proof of payment</source>
        <translation>付款凭证</translation>
    </message>
    <message>
        <source>Engagement letter</source>
        <translation>委托代理合同</translation>
    </message>
    <message>
        <source>Consent letter</source>
        <translation>保险人同意函</translation>
    </message>
    <message>
        <source>Complaint or warning letter</source>
        <translation>起诉状或警告函</translation>
    </message>
    <message>
        <source>Judgment</source>
        <translation>判决书</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Locked: this expense is part of the submitted claim {claim}.</source>
        <translation>已锁定：此费用属于已提交的索赔 {claim}。</translation>
    </message>
    <message>
        <source>New expense</source>
        <translation>新建费用</translation>
    </message>
    <message>
        <source>Expense {ref}</source>
        <translation>费用 {ref}</translation>
    </message>
    <message>
        <source>CNY: enter an amount and a currency</source>
        <extracomment>where the rates come from; the expenses page shares its table model's (read once per refresh)</extracomment>
        <translation>人民币：请输入金额和币种</translation>
    </message>
    <message>
        <source>CNY: —</source>
        <translation>人民币：—</translation>
    </message>
    <message>
        <source>CNY: enter the payment date to find the rate</source>
        <translation>人民币：请输入付款日期以查找汇率</translation>
    </message>
    <message>
        <source>No {currency} rate on or before {date}: enter a rate override</source>
        <translation>{date} 当日及之前没有 {currency} 汇率：请手工输入汇率</translation>
    </message>
    <message>
        <source>In CNY: {cny}</source>
        <translation>人民币：{cny}</translation>
    </message>
    <message>
        <source>rate typed for this expense</source>
        <translation>此笔费用的手工汇率</translation>
    </message>
    <message>
        <source>rate of {date} (no fixing on {basis})</source>
        <translation>{date} 的汇率（{basis} 无中间价）</translation>
    </message>
    <message>
        <source>rate of {date}</source>
        <translation>{date} 的汇率</translation>
    </message>
    <message>
        <source>{per} {currency} = {rate} CNY ({how}) → {cny}</source>
        <translation>{per} {currency} = {rate} 人民币（{how}）→ {cny}</translation>
    </message>
    <message>
        <source>{ref} has the same payee and invoice number</source>
        <translation>{ref} 的收款方和发票号相同</translation>
    </message>
    <message>
        <source>{ref} already holds the file {file}</source>
        <translation>{ref} 已有同一文件 {file}</translation>
    </message>
    <message>
        <source>Possible duplicate: {list}</source>
        <translation>可能重复：{list}</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>仍然保存？</translation>
    </message>
    <message>
        <source>Add receipts</source>
        <translation>添加票据</translation>
    </message>
    <message>
        <source>Receipts (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</source>
        <translation>票据 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read {file}: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <source>{file} is too large</source>
        <translation>{file} 太大</translation>
    </message>
    <message>
        <source>Remove {file} from this expense?</source>
        <translation>从此费用中移除 {file}？</translation>
    </message>
    <message>
        <source> (not saved yet)</source>
        <translation>（尚未保存）</translation>
    </message>
    <message>
        <source>No file selected</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>PDF, {n} page(s)</source>
        <translation>PDF，共 {n} 页</translation>
    </message>
    <message>
        <source>PDF (cannot be read)</source>
        <translation>PDF（无法读取）</translation>
    </message>
    <message>
        <source>Add a dispute first (Disputes page).</source>
        <translation>请先在“纠纷”页添加纠纷。</translation>
    </message>
    <message>
        <source>Not saved: please correct the marked fields.</source>
        <translation>未保存：请更正标出的字段。</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>未保存。</translation>
    </message>
    <message>
        <source>Saved {ref}.</source>
        <translation>已保存 {ref}。</translation>
    </message>
</context>
<context>
    <name>ExpenseTableModel</name>
    <message>
        <source>No exchange rate for this currency and date</source>
        <extracomment>(column key, the ExpenseQuery sort key or None when the column cannot be sorted in SQL)</extracomment>
        <translation>该币种在此日期没有汇率</translation>
    </message>
    <message>
        <source>{rate} CNY per {per} {currency}, rate of {date}</source>
        <translation>每 {per} {currency} = {rate} 人民币，{date} 的汇率</translation>
    </message>
    <message>
        <source>In draft claim {claim}</source>
        <translation>在草稿索赔 {claim} 中</translation>
    </message>
    <message>
        <source>Locked: in claim {claim} ({status})</source>
        <translation>已锁定：在索赔 {claim} 中（{status}）</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>纠纷</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation>发票日期</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>收款方</translation>
    </message>
    <message>
        <source>Invoice no.</source>
        <translation>发票号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>CNY</source>
        <translation>人民币</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>索赔</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>under review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>已结案</translation>
    </message>
</context>
<context>
    <name>ExpensesPage</name>
    <message>
        <source>Search reference, payee, invoice no., description…</source>
        <extracomment>how many pages the table may load to bring a just-saved row into view</extracomment>
        <translation>搜索编号、收款方、发票号、说明…</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>New expense (Ctrl+N)</source>
        <translation>新建费用（Ctrl+N）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected expense (Ctrl+Del)</source>
        <translation>删除选中的费用（Ctrl+Del）</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import a LEDES invoice or a CSV file, with a preview</source>
        <translation>导入 LEDES 账单或 CSV 文件（先预览）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo: {what} (Ctrl+Z)</source>
        <translation>撤销：{what}（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo: {what}</source>
        <translation>重做：{what}</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>没有可重做的操作</translation>
    </message>
    <message>
        <source>All disputes</source>
        <translation>全部纠纷</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All currencies</source>
        <translation>全部币种</translation>
    </message>
    <message numerus="yes">
        <source>%n expense(s)</source>
        <translation><numerusform>%n 笔费用</numerusform></translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>The expense you are editing has unsaved changes. Save them?</source>
        <translation>正在编辑的费用有未保存的修改。是否保存？</translation>
    </message>
    <message>
        <source>Delete expense</source>
        <translation>删除费用</translation>
    </message>
    <message>
        <source>Delete expense {ref}? You can undo this.</source>
        <translation>删除费用 {ref}？此操作可以撤销。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Importing is not available in this build.</source>
        <translation>此版本不支持导入。</translation>
    </message>
</context>
<context>
    <name>LineDecisionDialog</name>
    <message>
        <source>Insurer's decision on {expense}</source>
        <translation>保险人对 {expense} 的审核结论</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>核准</translation>
    </message>
    <message>
        <source>Reduced</source>
        <translation>核减</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒赔</translation>
    </message>
    <message>
        <source>approved CNY (blank: as claimed, {cny})</source>
        <translation>核定人民币金额（留空：按申请金额 {cny}）</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Approved amount (CNY)</source>
        <translation>核定金额（人民币）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Amount paid (CNY)</source>
        <translation>赔付金额（人民币）</translation>
    </message>
    <message>
        <source>Date paid (YYYY-MM-DD)</source>
        <translation>赔付日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Bank reference</source>
        <translation>银行流水号</translation>
    </message>
</context>
</TS>