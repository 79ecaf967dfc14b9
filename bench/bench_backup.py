"""Backup, restore and check against what they are made of, measured in the same run.

- backup (plain): our archive vs. sqlite3's online backup API alone into a file (the snapshot);
- backup (encrypted): vs. the plain backup (the cost of scrypt + AES-GCM);
- restore: full verification + swap vs. copying the archive's database file;
- check: integrity check + every attachment re-hashed vs. ``PRAGMA integrity_check`` alone.

The store holds the demo data with generated receipts (a few MB of attachments).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from bench.run import row, timed


def run() -> list[dict]:
    from lei_desktop.services import backup, demo, integrity, restore
    from lei_desktop.services.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="lei-bench-backup-"))
    os.environ["LEI_DATA_DIR"] = str(tmp / "data")
    try:
        db = tmp / "store.sqlite3"
        with Store(db, actor="bench") as store:
            demo.build(store, seed=3, n_expenses=300)

            def raw_snapshot():
                src, dst = sqlite3.connect(db), sqlite3.connect(tmp / "raw.sqlite3")
                src.backup(dst)
                dst.close()
                src.close()

            plain = timed(lambda: backup.create_backup(store, tmp / "plain.leibak"), 3)
            raw = timed(raw_snapshot, 3)
            size = (tmp / "raw.sqlite3").stat().st_size
            enc = timed(lambda: backup.create_backup(store, tmp / "enc.leibak", b"bench password"), 3)
        rows = [
            row("backup: archive vs sqlite3 backup API", raw, plain, 6.0, f"store {size / 1e6:.1f} MB"),
            row("backup: encrypted vs plain", plain, enc, 4.0, "scrypt n=2^15 + AES-GCM"),
        ]
        target = tmp / "restored.sqlite3"
        restored = timed(lambda: restore.restore(tmp / "plain.leibak", target), 3)
        copied = timed(lambda: shutil.copyfile(tmp / "raw.sqlite3", tmp / "copy.sqlite3"), 3)
        rows.append(row("restore: verified swap vs file copy", copied, restored, None,
                        "integrity check, hashes, staging, fsync"))

        def pragma_only():
            con = sqlite3.connect(db)
            con.execute("PRAGMA integrity_check").fetchall()
            con.close()

        checked = timed(lambda: integrity.check(db), 3)
        pragma = timed(pragma_only, 3)
        rows.append(row("check: full vs PRAGMA integrity_check", pragma, checked, 3.0, "+ foreign keys, re-hash"))
        return rows
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
