<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import expenses</source>
            <translation>导入费用</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <source>Dispute:</source>
            <translation>争议：</translation>
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
            <source>Preview</source>
            <translation>预览</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
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
            <translation>按文件或争议所在国</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
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
        <message>
            <source>Type</source>
            <translation>类型</translation>
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
            <source>UTBMS</source>
            <translation>UTBMS</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>说明</translation>
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
        <name>RatesPage</name>
        <message>
            <source>Import CSV…</source>
            <translation>导入 CSV…</translation>
        </message>
        <message>
            <source>Import rates from date,currency,rate,per[,source] with a preview</source>
            <translation>从 date,currency,rate,per[,source] 格式导入汇率（先预览）</translation>
        </message>
    </context>
</TS>
