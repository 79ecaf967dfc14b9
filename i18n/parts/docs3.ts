<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CompanyForm</name>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Service date</source>
        <translation>服务日期</translation>
    </message>
</context>
</TS>
