"""Cost categories of the policy, their labels, and the UTBMS expense codes that map onto them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    code: str
    zh: str
    en: str
    #: true for the categories the brief lists as costs of the insured's own people's kind,
    #: where a payment to the insured's own staff is excluded
    staff_excluded: bool = False


CATEGORIES: tuple[Category, ...] = (
    Category("attorney_fees", "律师费", "Attorney fees"),
    Category("court_fees", "诉讼及法院费用", "Court and filing fees"),
    Category("expert_witness", "外部专家证人费用", "Expert witness fees", staff_excluded=True),
    Category("witness_appearance", "证人出庭费用", "Witness appearance costs", staff_excluded=True),
    Category("travel_lodging", "差旅及食宿费用", "Travel, board and lodging"),
    Category("translation_notarization", "翻译及公证认证费用", "Translation and notarisation"),
    Category("investigation", "调查取证费用", "Investigation"),
    Category("other", "其他经书面同意的法律费用", "Other legal costs agreed in writing"),
)

CATEGORY_CODES: tuple[str, ...] = tuple(c.code for c in CATEGORIES)
_BY_CODE = {c.code: c for c in CATEGORIES}


def category(code: str) -> Category:
    return _BY_CODE[code]


def label(code: str, lang: str = "en") -> str:
    c = _BY_CODE.get(code)
    if c is None:
        return code
    return c.zh if lang == "zh" else c.en


@dataclass(frozen=True)
class UtbmsCode:
    code: str
    zh: str
    en: str
    category: str


#: ABA UTBMS expense codes E101-E124 and where each falls in the policy's categories.
UTBMS_EXPENSE_CODES: tuple[UtbmsCode, ...] = (
    UtbmsCode("E101", "复印费", "Copying", "attorney_fees"),
    UtbmsCode("E102", "外部印刷费", "Outside printing", "attorney_fees"),
    UtbmsCode("E103", "文字处理费", "Word processing", "attorney_fees"),
    UtbmsCode("E104", "传真费", "Facsimile", "attorney_fees"),
    UtbmsCode("E105", "电话费", "Telephone", "attorney_fees"),
    UtbmsCode("E106", "在线检索费", "Online research", "attorney_fees"),
    UtbmsCode("E107", "快递及递送费", "Delivery services/messengers", "attorney_fees"),
    UtbmsCode("E108", "邮费", "Postage", "attorney_fees"),
    UtbmsCode("E109", "本地交通费", "Local travel", "travel_lodging"),
    UtbmsCode("E110", "外地差旅费", "Out-of-town travel", "travel_lodging"),
    UtbmsCode("E111", "餐费", "Meals", "travel_lodging"),
    UtbmsCode("E112", "法院费用", "Court fees", "court_fees"),
    UtbmsCode("E113", "传票费", "Subpoena fees", "court_fees"),
    UtbmsCode("E114", "证人费", "Witness fees", "witness_appearance"),
    UtbmsCode("E115", "证言笔录费", "Deposition transcripts", "court_fees"),
    UtbmsCode("E116", "庭审笔录费", "Trial transcripts", "court_fees"),
    UtbmsCode("E117", "庭审证物费", "Trial exhibits", "court_fees"),
    UtbmsCode("E118", "诉讼支持服务费", "Litigation support vendors", "other"),
    UtbmsCode("E119", "专家费", "Experts", "expert_witness"),
    UtbmsCode("E120", "私家调查费", "Private investigators", "investigation"),
    UtbmsCode("E121", "仲裁员及调解员费用", "Arbitrators/mediators", "court_fees"),
    UtbmsCode("E122", "当地律师费", "Local counsel", "attorney_fees"),
    UtbmsCode("E123", "其他专业人员费用", "Other professionals", "other"),
    UtbmsCode("E124", "其他", "Other", "other"),
)

_UTBMS = {u.code: u for u in UTBMS_EXPENSE_CODES}


def utbms(code: str) -> UtbmsCode | None:
    return _UTBMS.get(code.strip().upper()) if code else None


def category_for_utbms(code: str, default: str = "other") -> str:
    """The policy category of a UTBMS expense code (unknown codes fall to ``default``)."""
    found = utbms(code)
    return found.category if found else default


#: Fee lines (LEDES type F / IF) are attorney fees whatever their task code.
FEE_CATEGORY = "attorney_fees"
