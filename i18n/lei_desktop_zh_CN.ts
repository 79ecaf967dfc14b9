<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>App</name>
        <message>
            <source>Switch to the window that has it open, or close it first.</source>
            <translation>请切换到已打开它的窗口，或先将其关闭。</translation>
        </message>
        <message>
            <source>Already open</source>
            <translation>已被打开</translation>
        </message>
        <message>
            <source>Cannot open the database</source>
            <translation>无法打开数据库</translation>
        </message>
    </context>
    <context>
        <name>BuildClaimDialog</name>
        <message>
            <source>Build a claim</source>
            <translation>生成索赔</translation>
        </message>
        <message numerus="yes">
            <source>%n unclaimed expense(s) of this dispute.</source>
            <translation>
                <numerusform>本纠纷有 %n 笔未索赔的费用。</numerusform>
            </translation>
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
        <name>CategoryTable</name>
        <message>
            <source>Cost category</source>
            <translation>费用类别</translation>
        </message>
        <message>
            <source>Covered</source>
            <translation>承保</translation>
        </message>
        <message>
            <source>Needs consent</source>
            <translation>需书面同意</translation>
        </message>
        <message>
            <source>Sub-limit (CNY)</source>
            <translation>分项限额（人民币）</translation>
        </message>
    </context>
    <context>
        <name>ClaimsPage</name>
        <message>
            <source>The claims engine is not part of this build yet.</source>
            <extracomment>the assessment of this claim is shown (emitted after a load on the worker; "" when it failed)</extracomment>
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
            <translation>保险人</translation>
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
            <source>Claim {ref}</source>
            <translation>索赔 {ref}</translation>
        </message>
        <message>
            <source>Working out the settlement…</source>
            <translation>正在计算理算结果…</translation>
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
        <name>CompanyForm</name>
        <message>
            <source>Name (Chinese)</source>
            <translation>名称（中文）</translation>
        </message>
        <message>
            <source>Name (English)</source>
            <translation>名称（英文）</translation>
        </message>
        <message>
            <source>Unified social credit code</source>
            <translation>统一社会信用代码</translation>
        </message>
        <message>
            <source>Reason to accept a non-conforming code</source>
            <translation>接受不合规代码的理由</translation>
        </message>
        <message>
            <source>Registered address (Chinese)</source>
            <translation>注册地址（中文）</translation>
        </message>
        <message>
            <source>Registered address (English)</source>
            <translation>注册地址（英文）</translation>
        </message>
        <message>
            <source>Legal representative</source>
            <translation>法定代表人</translation>
        </message>
        <message>
            <source>Contact person</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Contact phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Contact e-mail</source>
            <translation>联系邮箱</translation>
        </message>
        <message>
            <source>Overseas share of revenue (0–1)</source>
            <translation>海外收入占比（0–1）</translation>
        </message>
        <message>
            <source>Export markets (country codes)</source>
            <translation>出口市场（国家代码）</translation>
        </message>
        <message>
            <source>Products sold overseas</source>
            <translation>海外销售产品</translation>
        </message>
    </context>
    <context>
        <name>CompanyPage</name>
        <message>
            <source>Company &amp; enrolment</source>
            <translation>企业与投保</translation>
        </message>
        <message>
            <source>The insured enterprise's profile as filed with the pilot. The unified social credit code is checked as you type; a code that fails its check can only be kept with a reason.</source>
            <translation>向试点登记的被保险企业信息。统一社会信用代码在输入时即时校验；未通过校验的代码须填写理由方可保存。</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>还原(&amp;R)</translation>
        </message>
        <message>
            <source>Enrolment &amp;PDF…</source>
            <translation>投保申请 PDF(&amp;P)…</translation>
        </message>
        <message>
            <source>&lt;i&gt;Not enrolled yet.&lt;/i&gt; Fill in the profile and save, or use File › Enrolment wizard.</source>
            <translation>&lt;i&gt;尚未投保登记。&lt;/i&gt;请填写企业信息并保存，或使用“文件 › 投保向导”。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Enrolled&lt;/b&gt; — record version %1</source>
            <translation>&lt;b&gt;已登记&lt;/b&gt; — 记录版本 %1</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
    </context>
    <context>
        <name>CompanyWizardPage</name>
        <message>
            <source>The company</source>
            <translation>企业信息</translation>
        </message>
        <message>
            <source>The insured enterprise as registered. The unified social credit code is checked as you type.</source>
            <translation>按工商登记填写被保险企业。统一社会信用代码在输入时即时校验。</translation>
        </message>
    </context>
    <context>
        <name>ConsentsPanel</name>
        <message>
            <source>Insurer's prior written consents</source>
            <translation>保险人事先书面同意</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Granted on</source>
            <translation>同意日期</translation>
        </message>
        <message>
            <source>Letter reference</source>
            <translation>函件编号</translation>
        </message>
        <message>
            <source>Cost categories</source>
            <translation>费用类别</translation>
        </message>
        <message>
            <source>Cap (CNY)</source>
            <translation>上限（人民币）</translation>
        </message>
        <message>
            <source>Scope (Chinese)</source>
            <translation>范围（中文）</translation>
        </message>
        <message>
            <source>Scope (English)</source>
            <translation>范围（英文）</translation>
        </message>
        <message>
            <source>Categories</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Cap</source>
            <translation>上限</translation>
        </message>
        <message>
            <source>no cap</source>
            <translation>无上限</translation>
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
            <translation>
                <numerusform>%n 笔无汇率的费用未计入</numerusform>
            </translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
    </context>
    <context>
        <name>DateEdit</name>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>No date</source>
            <translation>不填日期</translation>
        </message>
        <message>
            <source>Choose from a calendar (Alt+↓)</source>
            <translation>从日历中选择（Alt+↓）</translation>
        </message>
    </context>
    <context>
        <name>DisputesPage</name>
        <message>
            <source>Disputes</source>
            <translation>纠纷</translation>
        </message>
        <message>
            <source>Deadlines</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Policy</source>
            <translation>保单</translation>
        </message>
        <message>
            <source>Title (Chinese)</source>
            <translation>案件名称（中文）</translation>
        </message>
        <message>
            <source>Title (English)</source>
            <translation>案件名称（英文）</translation>
        </message>
        <message>
            <source>Our role</source>
            <translation>我方身份</translation>
        </message>
        <message>
            <source>Forum country (code)</source>
            <translation>审理国家（代码）</translation>
        </message>
        <message>
            <source>Court or forum</source>
            <translation>法院或审理机构</translation>
        </message>
        <message>
            <source>Case number</source>
            <translation>案号</translation>
        </message>
        <message>
            <source>Opposing party</source>
            <translation>对方当事人</translation>
        </message>
        <message>
            <source>IP rights in suit</source>
            <translation>涉案知识产权</translation>
        </message>
        <message>
            <source>Accused products</source>
            <translation>被诉产品</translation>
        </message>
        <message>
            <source>Infringement began on</source>
            <translation>侵权开始日期</translation>
        </message>
        <message>
            <source>Known before the policy began</source>
            <translation>保单生效前已知</translation>
        </message>
        <message>
            <source>Insurer notified on</source>
            <translation>通知保险人日期</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>案件名称</translation>
        </message>
        <message>
            <source>No deadline recorded.</source>
            <translation>暂无期限。</translation>
        </message>
        <message>
            <source>IP type</source>
            <translation>知识产权类型</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>身份</translation>
        </message>
        <message>
            <source>Forum</source>
            <translation>审理机构</translation>
        </message>
        <message>
            <source>First asserted on</source>
            <translation>首次主张日期</translation>
        </message>
    </context>
    <context>
        <name>DoneWizardPage</name>
        <message>
            <source>Enrolled</source>
            <translation>投保完成</translation>
        </message>
        <message>
            <source>Save the enrolment &amp;PDF…</source>
            <translation>保存投保申请 PDF(&amp;P)…</translation>
        </message>
        <message>
            <source>Nothing saved yet.</source>
            <translation>尚未保存任何内容。</translation>
        </message>
        <message>
            <source>%1 is enrolled with policy %2 (%3 to %4). You can now record its disputes and expenses.</source>
            <translation>%1 已以保单 %2（%3 至 %4）完成投保登记。现在可以录入纠纷和费用。</translation>
        </message>
    </context>
    <context>
        <name>EligibilityBox</name>
        <message>
            <source>Eligibility for the Beijing pilot</source>
            <translation>北京试点投保条件</translation>
        </message>
        <message>
            <source>All conditions are met: the company can enrol.</source>
            <translation>全部条件均已满足：企业可以投保。</translation>
        </message>
        <message numerus="yes">
            <source>%n condition(s) not confirmed yet.</source>
            <translation>
                <numerusform>尚有 %n 项条件未确认。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EligibilityWizardPage</name>
        <message>
            <source>Eligibility</source>
            <translation>投保条件</translation>
        </message>
        <message>
            <source>The pilot insures Beijing enterprises that meet every condition below.</source>
            <translation>试点承保满足以下全部条件的北京企业。</translation>
        </message>
        <message>
            <source>Tick each condition the company meets. Enrolment needs all of them; the products with a known potential suit are not insured.</source>
            <translation>请勾选企业满足的各项条件。投保须全部满足；已知存在潜在诉讼的产品不予承保。</translation>
        </message>
    </context>
    <context>
        <name>EnrolmentPdf</name>
        <message>
            <source>Enrolment PDF</source>
            <translation>投保申请 PDF</translation>
        </message>
        <message>
            <source>The enrolment PDF is not part of this build yet. The enrolment itself is saved; the form can be produced later from Company &amp; enrolment.</source>
            <translation>当前版本尚不包含投保申请 PDF。投保信息已保存，可稍后在“企业与投保”页面生成申请表。</translation>
        </message>
        <message>
            <source>Save the company profile first.</source>
            <translation>请先保存企业信息。</translation>
        </message>
        <message>
            <source>Save the enrolment PDF</source>
            <translation>保存投保申请 PDF</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Saved %1.
Open its folder?</source>
            <translation>已保存 %1。
打开所在文件夹？</translation>
        </message>
    </context>
    <context>
        <name>EnrolmentWizard</name>
        <message>
            <source>Enrolment wizard</source>
            <translation>投保向导</translation>
        </message>
        <message>
            <source>Leave the wizard?</source>
            <translation>退出向导？</translation>
        </message>
        <message>
            <source>What you typed in the wizard has not been saved. Discard it?</source>
            <translation>向导中填写的内容尚未保存。要放弃吗？</translation>
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
            <source>Ser&amp;vice date</source>
            <translation>服务日期(&amp;V)</translation>
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
            <source>Reading the PDF…</source>
            <translation>正在读取 PDF…</translation>
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
            <extracomment>(column key, the ExpenseQuery sort key or None when the column cannot be sorted in SQL) the roles data() answers; the view asks for a dozen per cell on every paint, the rest get None at once</extracomment>
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
            <source>Paid from</source>
            <translation>付款日期自</translation>
        </message>
        <message>
            <source>Paid to</source>
            <translation>付款日期至</translation>
        </message>
        <message>
            <source>Only expenses paid on or after this date (YYYY-MM-DD, or pick it)</source>
            <translation>只显示该日期当天或之后付款的费用（输入 YYYY-MM-DD，或从日历选择）</translation>
        </message>
        <message>
            <source>Only expenses paid on or before this date (YYYY-MM-DD, or pick it)</source>
            <translation>只显示该日期当天或之前付款的费用（输入 YYYY-MM-DD，或从日历选择）</translation>
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
            <translation>
                <numerusform>%n 笔费用</numerusform>
            </translation>
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
        <name>ImportDialog</name>
        <message>
            <source>Import expenses</source>
            <extracomment>Rows listed in the preview table (the totals and the problems always cover the whole file). a preview finished and is shown (True: it may be imported)</extracomment>
            <translation>导入费用</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>行</translation>
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
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <source>Dispute:</source>
            <translation>纠纷：</translation>
        </message>
        <message>
            <source>Currency (LEDES 1998B):</source>
            <translation>币种（LEDES 1998B）：</translation>
        </message>
        <message>
            <source>Column mapping (CSV):</source>
            <translation>列映射（CSV）：</translation>
        </message>
        <message>
            <source>Mapping file…</source>
            <translation>映射文件…</translation>
        </message>
        <message>
            <source>Edit mapping…</source>
            <translation>编辑映射…</translation>
        </message>
        <message>
            <source>LEDES invoice</source>
            <translation>LEDES 律师发票</translation>
        </message>
        <message>
            <source>CSV of expenses</source>
            <translation>费用 CSV 文件</translation>
        </message>
        <message>
            <source>Exchange rates (date,currency,rate,per[,source])</source>
            <translation>汇率（date,currency,rate,per[,source]）</translation>
        </message>
        <message>
            <source>From the file or the dispute's country</source>
            <translation>按文件或纠纷所在国家</translation>
        </message>
        <message>
            <source>Rate (CNY)</source>
            <translation>汇率（人民币）</translation>
        </message>
        <message>
            <source>Per</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>UTBMS</source>
            <translation>UTBMS</translation>
        </message>
        <message>
            <source>Choose a file</source>
            <translation>选择文件</translation>
        </message>
        <message>
            <source>LEDES or CSV (*.txt *.ledes *.csv *.tsv);;All files (*)</source>
            <translation>LEDES 或 CSV (*.txt *.ledes *.csv *.tsv);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Choose a mapping file</source>
            <translation>选择映射文件</translation>
        </message>
        <message>
            <source>JSON (*.json);;All files (*)</source>
            <translation>JSON (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Cannot read the file: %1</source>
            <translation>无法读取文件：%1</translation>
        </message>
        <message>
            <source>The file could not be read: %1</source>
            <translation>无法读取该文件：%1</translation>
        </message>
        <message>
            <source>Reading %1…</source>
            <translation>正在读取 %1…</translation>
        </message>
        <message>
            <source>%1 expense(s) would be imported.</source>
            <translation>将导入 %1 笔费用。</translation>
        </message>
        <message>
            <source>Refused: %1 error(s); nothing will be imported.</source>
            <translation>已拒绝：%1 处错误；不会导入任何内容。</translation>
        </message>
        <message>
            <source>%1 rate(s) would be imported.</source>
            <translation>将导入 %1 条汇率。</translation>
        </message>
        <message>
            <source>Paid on (LEDES, optional):</source>
            <translation>付款日期（LEDES，可选）：</translation>
        </message>
        <message>
            <source>(the first %1 are shown)</source>
            <translation>（仅显示前 %1 笔）</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>Patent</source>
            <translation>专利</translation>
        </message>
        <message>
            <source>Trademark</source>
            <translation>商标</translation>
        </message>
        <message>
            <source>Copyright</source>
            <translation>著作权</translation>
        </message>
        <message>
            <source>Trade secret</source>
            <translation>商业秘密</translation>
        </message>
        <message>
            <source>Defendant</source>
            <translation>被告</translation>
        </message>
        <message>
            <source>Plaintiff</source>
            <translation>原告</translation>
        </message>
        <message>
            <source>Rate on the payment date</source>
            <translation>按付款日汇率</translation>
        </message>
        <message>
            <source>Rate on the invoice date</source>
            <translation>按发票日汇率</translation>
        </message>
        <message>
            <source>Registered address in Beijing</source>
            <translation>注册地址在北京</translation>
        </message>
        <message>
            <source>No record of violations in the last 2 years</source>
            <translation>近两年无违法违规记录</translation>
        </message>
        <message>
            <source>Not listed for dishonesty on Credit China (信用中国)</source>
            <translation>未被“信用中国”列为失信惩戒对象</translation>
        </message>
        <message>
            <source>Sells the insured products overseas during the policy period</source>
            <translation>保险期间内在海外销售投保产品</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
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
            <translation>审核日期</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Dashboard</source>
            <translation>概览</translation>
        </message>
        <message>
            <source>Company &amp; enrolment</source>
            <translation>企业与投保</translation>
        </message>
        <message>
            <source>Policies</source>
            <translation>保单</translation>
        </message>
        <message>
            <source>Disputes</source>
            <translation>纠纷</translation>
        </message>
        <message>
            <source>Expenses</source>
            <translation>费用</translation>
        </message>
        <message>
            <source>Claims</source>
            <translation>索赔</translation>
        </message>
        <message>
            <source>Exchange rates</source>
            <translation>汇率</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Overseas IP legal-expenses insurance — claims</source>
            <translation>知识产权海外纠纷法律费用保险 — 索赔</translation>
        </message>
        <message>
            <source>Opening the database…</source>
            <translation>正在打开数据库…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>Enrolment &amp;wizard…</source>
            <translation>投保向导(&amp;W)…</translation>
        </message>
        <message>
            <source>&amp;Import scenario JSON…</source>
            <translation>导入场景 JSON(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Export scenario JSON…</source>
            <translation>导出场景 JSON(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>设置(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Preferences…</source>
            <translation>首选项(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About</source>
            <translation>关于(&amp;A)</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>关于 &amp;Qt</translation>
        </message>
        <message>
            <source>No company enrolled yet — File › Enrolment wizard</source>
            <translation>尚无投保企业 — 文件 › 投保向导</translation>
        </message>
        <message>
            <source>Company: %1 (%2)</source>
            <translation>企业：%1（%2）</translation>
        </message>
        <message>
            <source>Database: %1</source>
            <translation>数据库：%1</translation>
        </message>
        <message>
            <source>About lei_desktop</source>
            <translation>关于 lei_desktop</translation>
        </message>
        <message>
            <source>&lt;h3&gt;lei_desktop %1&lt;/h3&gt;&lt;p&gt;Claims for the Beijing overseas intellectual-property legal-expenses insurance pilot.&lt;/p&gt;&lt;p&gt;Licences: this program is proprietary. It uses Qt for Python (PySide6, LGPL-3.0), SQLAlchemy and Alembic (MIT), ReportLab (BSD), pypdf (BSD), Pillow (MIT-CMU), openpyxl (MIT), cryptography (Apache-2.0/BSD) and the Noto Sans CJK fonts (SIL Open Font License 1.1).&lt;/p&gt;</source>
            <translation>&lt;h3&gt;lei_desktop %1&lt;/h3&gt;&lt;p&gt;北京市知识产权海外纠纷法律费用保险试点的索赔工具。&lt;/p&gt;&lt;p&gt;许可：本程序为专有软件。使用了 Qt for Python（PySide6，LGPL-3.0）、SQLAlchemy 与 Alembic（MIT）、ReportLab（BSD）、pypdf（BSD）、Pillow（MIT-CMU）、openpyxl（MIT）、cryptography（Apache-2.0/BSD）以及思源黑体 / Noto Sans CJK 字体（SIL 开源字体许可 1.1）。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Import scenario</source>
            <translation>导入场景</translation>
        </message>
        <message>
            <source>Scenario JSON (*.json)</source>
            <translation>场景 JSON (*.json)</translation>
        </message>
        <message>
            <source>Imported %1</source>
            <translation>已导入 %1</translation>
        </message>
        <message>
            <source>Export scenario</source>
            <translation>导出场景</translation>
        </message>
        <message>
            <source>Exported %1</source>
            <translation>已导出 %1</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>未保存的修改</translation>
        </message>
        <message>
            <source>There are unsaved changes on: %1.
Discard them and quit?</source>
            <translation>以下页面有未保存的修改：%1。
放弃修改并退出？</translation>
        </message>
    </context>
    <context>
        <name>MappingDialog</name>
        <message>
            <source>CSV column mapping</source>
            <translation>CSV 列映射</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>编号</translation>
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
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Payee</source>
            <translation>收款方</translation>
        </message>
        <message>
            <source>Invoice number</source>
            <translation>发票号</translation>
        </message>
        <message>
            <source>Invoice date</source>
            <translation>发票日期</translation>
        </message>
        <message>
            <source>Paid on</source>
            <translation>付款日期</translation>
        </message>
        <message>
            <source>Description (Chinese)</source>
            <translation>中文说明</translation>
        </message>
        <message>
            <source>Description (English)</source>
            <translation>英文说明</translation>
        </message>
        <message>
            <source>UTBMS code</source>
            <translation>UTBMS 代码</translation>
        </message>
        <message>
            <source>Insured's own staff</source>
            <translation>被保险人自有员工</translation>
        </message>
        <message>
            <source>Service date</source>
            <translation>服务日期</translation>
        </message>
        <message>
            <source>Decimal mark:</source>
            <translation>小数点：</translation>
        </message>
        <message>
            <source>Date order:</source>
            <translation>日期顺序：</translation>
        </message>
        <message>
            <source>Default currency:</source>
            <translation>默认币种：</translation>
        </message>
        <message>
            <source>Default category:</source>
            <translation>默认类别：</translation>
        </message>
        <message>
            <source>First line is a header:</source>
            <translation>第一行为表头：</translation>
        </message>
        <message>
            <source>Save as (name):</source>
            <translation>保存为（名称）：</translation>
        </message>
        <message>
            <source>Year first (2026-04-01)</source>
            <translation>年在前（2026-04-01）</translation>
        </message>
        <message>
            <source>Day/month/year (01/04/2026)</source>
            <translation>日/月/年（01/04/2026）</translation>
        </message>
        <message>
            <source>Month/day/year (04/01/2026)</source>
            <translation>月/日/年（04/01/2026）</translation>
        </message>
    </context>
    <context>
        <name>PaymentDialog</name>
        <message>
            <source>Amount paid (CNY)</source>
            <translation>赔付金额（人民币）</translation>
        </message>
        <message>
            <source>Date paid</source>
            <translation>付款日期</translation>
        </message>
        <message>
            <source>Bank reference</source>
            <translation>银行流水号</translation>
        </message>
    </context>
    <context>
        <name>PoliciesPage</name>
        <message>
            <source>Policies</source>
            <translation>保单</translation>
        </message>
        <message>
            <source>Cost categories</source>
            <translation>费用类别</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Policy number</source>
            <translation>保单号</translation>
        </message>
        <message>
            <source>Insurer</source>
            <translation>保险人</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>保险期间</translation>
        </message>
        <message>
            <source>Limit per claim</source>
            <translation>每次索赔限额</translation>
        </message>
        <message>
            <source>Aggregate limit</source>
            <translation>累计限额</translation>
        </message>
        <message>
            <source>Deductible</source>
            <translation>免赔额</translation>
        </message>
        <message>
            <source>Premium subsidy: %1</source>
            <translation>保费补贴：%1</translation>
        </message>
    </context>
    <context>
        <name>PolicyForm</name>
        <message>
            <source>Reference</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Policy number</source>
            <translation>保单号</translation>
        </message>
        <message>
            <source>Insurer (Chinese)</source>
            <translation>保险人（中文）</translation>
        </message>
        <message>
            <source>Insurer (English)</source>
            <translation>保险人（英文）</translation>
        </message>
        <message>
            <source>Period start</source>
            <translation>保险期间起</translation>
        </message>
        <message>
            <source>Period end</source>
            <translation>保险期间止</translation>
        </message>
        <message>
            <source>Retroactive date</source>
            <translation>追溯日期</translation>
        </message>
        <message>
            <source>Covered territories</source>
            <translation>承保区域</translation>
        </message>
        <message>
            <source>IP types</source>
            <translation>知识产权类型</translation>
        </message>
        <message>
            <source>Roles</source>
            <translation>身份</translation>
        </message>
        <message>
            <source>Insured products</source>
            <translation>投保产品</translation>
        </message>
        <message>
            <source>Deductible (CNY)</source>
            <translation>免赔额（人民币）</translation>
        </message>
        <message>
            <source>Insurer's share (0–1)</source>
            <translation>保险人赔付比例（0–1）</translation>
        </message>
        <message>
            <source>Limit per claim (CNY)</source>
            <translation>每次索赔限额（人民币）</translation>
        </message>
        <message>
            <source>Aggregate limit (CNY)</source>
            <translation>累计限额（人民币）</translation>
        </message>
        <message>
            <source>Exchange-rate basis</source>
            <translation>汇率基准</translation>
        </message>
        <message>
            <source>Premium (CNY)</source>
            <translation>保费（人民币）</translation>
        </message>
        <message>
            <source>Subsidy ratio (0–1)</source>
            <translation>补贴比例（0–1）</translation>
        </message>
        <message>
            <source>Subsidy cap (CNY)</source>
            <translation>补贴上限（人民币）</translation>
        </message>
        <message>
            <source>Days to notify the insurer</source>
            <translation>通知保险人期限（天）</translation>
        </message>
    </context>
    <context>
        <name>PolicyWizardPage</name>
        <message>
            <source>The policy's terms</source>
            <translation>保单条件</translation>
        </message>
        <message>
            <source>As printed on the policy schedule: period, limits, deductible, the insurer's share and the cost categories covered.</source>
            <translation>按保险单明细表填写：保险期间、限额、免赔额、保险人赔付比例及承保的费用类别。</translation>
        </message>
    </context>
    <context>
        <name>RatesPage</name>
        <message>
            <source>Exchange rates</source>
            <translation>汇率</translation>
        </message>
        <message>
            <source>Currency:</source>
            <translation>币种：</translation>
        </message>
        <message>
            <source>All currencies</source>
            <translation>全部币种</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Currency (ISO code)</source>
            <translation>币种（ISO 代码）</translation>
        </message>
        <message>
            <source>CNY per unit(s)</source>
            <translation>折合人民币</translation>
        </message>
        <message>
            <source>Units (1 or 100)</source>
            <translation>外币单位（1 或 100）</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Rate (CNY)</source>
            <translation>汇率（人民币）</translation>
        </message>
        <message>
            <source>Per</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message numerus="yes">
            <source>%n rate(s)</source>
            <translation>
                <numerusform>共 %n 条汇率</numerusform>
            </translation>
        </message>
        <message>
            <source>Import CSV…</source>
            <translation>导入 CSV…</translation>
        </message>
        <message>
            <source>Import rates from date,currency,rate,per[,source] with a preview</source>
            <translation>从 date,currency,rate,per[,source] 格式导入汇率（先预览）</translation>
        </message>
    </context>
    <context>
        <name>RecordsPage</name>
        <message>
            <source>&amp;New</source>
            <translation>新建(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>删除(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation>还原(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>New record</source>
            <translation>新记录</translation>
        </message>
        <message>
            <source>Editing %1</source>
            <translation>正在编辑 %1</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>未保存的修改</translation>
        </message>
        <message>
            <source>Discard the changes you have not saved?</source>
            <translation>放弃尚未保存的修改？</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>已保存 %1。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Delete %1? This cannot be undone.</source>
            <translation>删除 %1？此操作无法撤销。</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Interface &amp;language</source>
            <translation>界面语言(&amp;L)</translation>
        </message>
        <message>
            <source>The language changes at once and is remembered. Without a saved choice the app follows the system's locale (%1).</source>
            <translation>语言立即切换并会被记住。未作选择时，程序跟随系统区域设置（%1）。</translation>
        </message>
        <message>
            <source>Formats</source>
            <translation>格式</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>数据</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>数据库</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>数据文件夹</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Open the enrolment &amp;wizard…</source>
            <translation>打开投保向导(&amp;W)…</translation>
        </message>
        <message>
            <source>&amp;Back up now…</source>
            <translation>立即备份(&amp;B)…</translation>
        </message>
        <message>
            <source>Back up the database</source>
            <translation>备份数据库</translation>
        </message>
        <message>
            <source>Backups (*.leibak);;All files (*)</source>
            <translation>备份文件 (*.leibak);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>正在备份…</translation>
        </message>
        <message>
            <source>Backup written: %1 (%2 KB)</source>
            <translation>备份已写入：%1（%2 KB）</translation>
        </message>
    </context>
    <context>
        <name>UiContext</name>
        <message>
            <source>Cannot do that</source>
            <translation>无法执行</translation>
        </message>
        <message>
            <source>Unexpected error</source>
            <translation>意外错误</translation>
        </message>
    </context>
</TS>
