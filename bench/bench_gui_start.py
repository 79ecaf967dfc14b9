"""Start to first window: ``lei-desktop`` on the example data vs a bare PySide6 QMainWindow.

Both run as fresh ``python`` processes, offscreen, timed from spawn until the process has shown its
window and exited (``LEI_EXIT_ON_FIRST_WINDOW=shown``). The app shows its window before the store is
open (that happens on a worker thread), so a second row times the whole way to pages filled with
data (``=ready``), with no target, for honesty. Target ratio ≤ 2.5 (median of 5).
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
BARE = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow, QLabel\n"
    "app = QApplication(sys.argv[:1])\n"
    "w = QMainWindow(); w.setCentralWidget(QLabel('hello')); w.resize(1200, 780); w.show()\n"
    "app.processEvents()\n"
)


def _spawn(args: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def prepare(folder: Path) -> Path:
    """A database with the shared example scenario (or the demo data when the example is absent)."""
    from lei_desktop.services import Store, demo, scenario

    db = folder / "bench.sqlite3"
    example = ROOT.parent / "shared" / "examples" / "scenario.json"
    env_shared = os.environ.get("LEI_SHARED_DIR")
    if env_shared:
        example = Path(env_shared) / "examples" / "scenario.json"
    with Store(db) as store:
        if example.is_file():
            scenario.load(store, example)
        else:
            demo.build(store, n_expenses=300, receipts=False)
    return db


def run(repeat: int = 5) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = prepare(folder)
        base = dict(os.environ, QT_QPA_PLATFORM="offscreen", LEI_DATA_DIR=str(folder), PYTHONPATH=str(ROOT))
        shown = dict(base, LEI_EXIT_ON_FIRST_WINDOW="shown")
        ready = dict(base, LEI_EXIT_ON_FIRST_WINDOW="ready")
        app = ["-m", "lei_desktop", "--db", str(db), "--lang", "zh"]
        _spawn(["-c", BARE], base)  # warm the file cache for both
        _spawn(app, ready)
        bare, ours_shown, ours_ready = [], [], []
        for _ in range(repeat):
            bare.append(_spawn(["-c", BARE], base))
            ours_shown.append(_spawn(app, shown))
            ours_ready.append(_spawn(app, ready))
    b = statistics.median(bare)
    return [
        row("gui start → first window (vs bare PySide6 window)", b, statistics.median(ours_shown), 2.5,
            f"median of {repeat} process starts, offscreen; window shown, store still opening"),
        row("gui start → pages ready with data (vs bare window)", b, statistics.median(ours_ready), None,
            "store opened on a worker, every page built, first page filled"),
    ]


if __name__ == "__main__":
    for r in run():
        print(f"{r['name']}: bare {r['baseline_s'] * 1000:.0f} ms, ours {r['ours_s'] * 1000:.0f} ms, "
              f"ratio {r['ratio']:.2f} (target {r['target']})")
