"""Frozen start-up against running from source, in the same run.

Builds the bundle once with ``packaging/build.py`` (or uses ``LEI_FROZEN_BUNDLE=DIR/lei-desktop``),
then times fresh processes, median of ``repeat``:

- ``lei-cli --version``: the interpreter and the CLI's imports (source: ``python -m lei_desktop.cli``);
- ``lei-cli --selftest``: store, migrations, scenario, claim, PDF, translations, GUI modules;
- ``lei-desktop`` to its first window (offscreen, ``LEI_EXIT_ON_FIRST_WINDOW=shown``).

Baseline = from source, ours = frozen. Target ratio ≤ 1.5 for the selftest and the first window:
a one-folder bundle unpacks nothing, so real work starts about as fast as from the source tree.
``--version`` has no target: it is mostly the bootloader's fixed cost. The notes give the bundle's
size and how long the build took.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.run import row

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import build  # noqa: E402


def _timed(cmd: list[str], env: dict, repeat: int, ok=(0,)) -> float:
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - t0)
        if r.returncode not in ok:
            raise RuntimeError(f"{cmd} exited {r.returncode}")
    return statistics.median(samples)


def bundle_folder(work: Path) -> tuple[Path, float | None]:
    given = os.environ.get("LEI_FROZEN_BUNDLE")
    if given:
        return Path(given), None
    t0 = time.perf_counter()
    folder = build.build(work / "dist", work / "work", log_level="ERROR")
    return folder, time.perf_counter() - t0


def run(repeat: int = 5) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bundle, build_s = bundle_folder(folder)
        size = build.folder_size(bundle)
        note = f"bundle {size / 1e6:.1f} MB unpacked" + (f", built in {build_s:.0f} s" if build_s else "")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env.update(QT_QPA_PLATFORM="offscreen", LEI_DATA_DIR=str(folder / "data"))
        src_env = dict(env, PYTHONPATH=str(ROOT))
        cli, gui = str(build.executable(bundle, "lei-cli")), str(build.executable(bundle, "lei-desktop"))
        py = [sys.executable, "-m"]
        rows = [
            # no target: the bootloader's fixed cost (~80 ms) dominates a command this short
            row("frozen lei-cli --version", _timed(py + ["lei_desktop.cli", "--version"], src_env, repeat),
                _timed([cli, "--version"], env, repeat), None, note),
            row("frozen lei-cli --selftest", _timed(py + ["lei_desktop.cli", "--selftest"], src_env, 3, ok=(0, 1)),
                _timed([cli, "--selftest"], env, 3, ok=(0, 1)), 1.5, "median of 3"),
        ]
        db = folder / "gui.sqlite3"
        shown = ["--db", str(db)]
        first = dict(env, LEI_EXIT_ON_FIRST_WINDOW="shown")
        src_first = dict(src_env, LEI_EXIT_ON_FIRST_WINDOW="shown")
        rows.append(row("frozen lei-desktop first window", _timed(py + ["lei_desktop", *shown], src_first, repeat),
                        _timed([gui, *shown], first, repeat), 1.5, "offscreen"))
        return rows
