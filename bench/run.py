"""Run every ``bench/bench_*.py`` and print one ratio table.

Each module exposes ``run() -> list[dict]`` with rows
``{"name", "baseline_s", "ours_s", "ratio", "target", "note"}``: ours against a baseline measured
in the same run (bare ReportLab, raw sqlite3, a bare Qt window...). Ratios, not seconds, are the
result; the absolute times are printed for context. ``python -m bench.run [name ...]``.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import time
from pathlib import Path


def timed(fn, repeat: int = 5) -> float:
    """Median wall time of ``fn()`` over ``repeat`` runs, in seconds."""
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def row(name: str, baseline_s: float, ours_s: float, target: float | None, note: str = "") -> dict:
    return {"name": name, "baseline_s": baseline_s, "ours_s": ours_s, "ratio": ours_s / baseline_s if baseline_s else float("inf"),
            "target": target, "note": note}


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = [p.stem for p in sorted(here.glob("bench_*.py"))]
    if argv:
        names = [n for n in names if any(a in n for a in argv)]
    rows = []
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"running {name} ...", file=sys.stderr)
        rows.extend(module.run())
    width = max([len(r["name"]) for r in rows] + [9])
    print(f"{'benchmark':<{width}}  {'baseline':>10}  {'ours':>10}  {'ratio':>7}  {'target':>7}  ok  note")
    failed = 0
    for r in rows:
        target = r.get("target")
        ok = "-" if target is None else ("yes" if r["ratio"] <= target else "NO")
        failed += ok == "NO"
        t = "" if target is None else f"≤{target:g}"
        print(f"{r['name']:<{width}}  {r['baseline_s'] * 1000:>8.1f}ms  {r['ours_s'] * 1000:>8.1f}ms  "
              f"{r['ratio']:>7.2f}  {t:>7}  {ok:>3}  {r.get('note', '')}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
