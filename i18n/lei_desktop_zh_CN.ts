<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>App</name>
        <message>
            <source>This database is already open in another lei_desktop window:
%1
Switch to that window, or close it first.</source>
            <translation>此数据库已在另一个 lei_desktop 窗口中打开：
%1
请切换到那个窗口，或先将其关闭。</translation>
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
        <name>DisputesPage</name>
        <message>
            <source>Disputes</source>
            <translation>纠纷</translation>
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
