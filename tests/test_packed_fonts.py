"""Fonts packed with gzip (as the packaged build carries them) are unpacked once into the cache."""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

import pytest

from lei_desktop import paths
from lei_desktop.reports import fonts

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
from packed_fonts import packed_font  # noqa: E402


@pytest.fixture
def packed_root(tmp_path, monkeypatch) -> Path:
    """A bundle-like resource root holding the real font only as packaging/packed_fonts makes it."""
    root = tmp_path / "bundle"
    (root / "resources" / "fonts").mkdir(parents=True)
    packed = packed_font(ROOT / "resources" / "fonts" / fonts.FONT_FILE, tmp_path / "work")
    (root / "resources" / "fonts" / packed.name).write_bytes(packed.read_bytes())
    monkeypatch.setattr(sys, "_MEIPASS", str(root), raising=False)
    monkeypatch.setenv("LEI_DATA_DIR", str(tmp_path / "data"))
    return root


def test_packed_font_is_smaller_and_named_by_its_content(tmp_path):
    source = ROOT / "resources" / "fonts" / fonts.FONT_FILE
    packed = packed_font(source, tmp_path)
    assert packed.name.startswith("LeiSansSC-Regular.") and packed.name.endswith(".ttf.gz")
    assert packed.stat().st_size < source.stat().st_size * 0.7
    assert gzip.decompress(packed.read_bytes()) == source.read_bytes()


def test_packed_font_is_unpacked_once_into_the_cache(packed_root, tmp_path):
    source = ROOT / "resources" / "fonts" / fonts.FONT_FILE
    found = paths.font_files()
    assert len(found) == 1
    unpacked = found[0]
    assert unpacked.parent == tmp_path / "data" / "cache" / "fonts"
    assert unpacked.read_bytes() == source.read_bytes()
    stamp = unpacked.stat().st_mtime_ns
    os.utime(unpacked, ns=(stamp - 10**9, stamp - 10**9))
    assert paths.font_file(fonts.FONT_FILE) == unpacked  # the second call finds it and does not rewrite it
    assert unpacked.stat().st_mtime_ns == stamp - 10**9
    assert not [p for p in unpacked.parent.iterdir() if p.name.endswith(".tmp")]


def test_reportlab_and_the_selftest_use_the_unpacked_font(packed_root, tmp_path):
    from lei_desktop import selftest

    assert fonts.font_path().parent == tmp_path / "data" / "cache" / "fonts"
    assert selftest.font_postscript_name(selftest.bundled_fonts()[0]) == "LeiSansSC-Regular"


def test_unwritable_cache_falls_back_to_the_temporary_folder(packed_root, tmp_path, monkeypatch):
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")  # any write beneath it fails
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    found = paths.font_files()
    assert found and found[0].is_relative_to(tmp_path / "tmp")


def test_a_missing_font_names_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.font_files() == []
    assert paths.font_file("LeiSansSC-Regular.ttf") == tmp_path / "resources" / "fonts" / "LeiSansSC-Regular.ttf"
