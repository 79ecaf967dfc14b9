"""The smaller ICU data library of the Linux bundle: which items go, and that what stays works."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import icu_data  # noqa: E402


def test_locale_data_stays_for_root_chinese_and_english_only():
    items = ["root.res", "en.res", "en_US_POSIX.res", "zh.res", "zh_Hans_CN.res", "coll/zh.res",
             "curr/en_GB.res", "de.res", "ja_JP.res", "coll/fr.res", "zone/ar_EG.res", "yue_Hans.res"]
    drop = set(icu_data.items_to_drop(items))
    assert drop == {"de.res", "ja_JP.res", "coll/fr.res", "zone/ar_EG.res", "yue_Hans.res"}


def test_data_that_is_not_a_locale_always_stays():
    items = ["res_index.res", "supplementalData.res", "zoneinfo64.res", "pool.res", "coll/pool.res",
             "metaZones.res", "likelySubtags.res", "uts46.nrm", "nfkc.nrm", "unames.icu", "cnvalias.icu",
             "brkitr/char.brk", "brkitr/cjdict.dict", "rfc3491.spp", "confusables.cfu"]
    assert icu_data.items_to_drop(items) == []


def test_converters_stay_for_the_codecs_of_the_users_files_only():
    items = ["gb18030.cnv", "windows-936-2000.cnv", "ibm-5348_P100-1997.cnv", "ibm-37_P100-1995.cnv",
             "ebcdic-xml-us.cnv", "translit/root.res", "translit/el.res"]
    assert set(icu_data.items_to_drop(items)) == {"ibm-37_P100-1995.cnv", "ebcdic-xml-us.cnv",
                                                  "translit/root.res", "translit/el.res"}


def test_a_library_that_is_not_icu_data_is_left_alone(tmp_path):
    other = tmp_path / "libfoo.so.1"
    other.write_bytes(b"\x7fELF")
    entries = [("libfoo.so.1", str(other), "BINARY")]
    assert icu_data.replace_in(entries, tmp_path / "work") == entries
    with pytest.raises(icu_data.Skip):
        icu_data.trimmed_library(other, tmp_path / "work")


def qt_icu_library() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


LINUX_TOOLS = all(shutil.which(t) for t in ("icupkg", "nm", "readelf", "as", "ld"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt carries ICU on Linux only")
@pytest.mark.slow
def test_trimmed_library_is_smaller_and_serves_chinese_collation(tmp_path):
    lib = qt_icu_library()
    assert lib is not None, "PySide6's Linux wheel carries libicudata"
    assert LINUX_TOOLS, "icupkg (icu-devtools) and binutils are installed by ./dev"
    small = icu_data.trimmed_library(lib, tmp_path)
    assert small.name == lib.name
    assert small.stat().st_size < lib.stat().st_size / 2
    assert icu_data.trimmed_library(lib, tmp_path) == small  # made once, then reused
    # Qt started with the trimmed library in place of its own sorts Chinese in pinyin order
    code = ("from PySide6.QtCore import QCollator, QLocale, QStringDecoder;"
            "c = QCollator(QLocale('zh_CN'));"
            "print(''.join(sorted(['张三', '北京', '阿里', '王五'], key=c.sortKey)), QStringDecoder('GB18030').isValid())")
    env = dict(os.environ, LD_PRELOAD=str(small), LD_DEBUG="libs", LD_DEBUG_OUTPUT=str(tmp_path / "ld"))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.decode().split() == ["阿里北京王五张三", "True"]
    loaded = "".join(p.read_text(errors="replace") for p in tmp_path.glob("ld.*"))
    assert f"calling init: {small}" in loaded  # this library, not Qt's, was the one used
