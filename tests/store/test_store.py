import sqlite3
from datetime import date
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from lei_desktop.domain.errors import ValidationError
from lei_desktop.services import Store
from lei_desktop.store import migrate
from lei_desktop.store.models import Base, FxRateRow, PolicyRow
from lei_desktop.store.types import Scaled


def test_migrations_build_an_empty_database_that_matches_the_models(db_path):
    store = Store(db_path)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    store.close()


@pytest.mark.sqlite_only
def test_sqlite_runs_in_wal_with_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_reopening_does_not_migrate_again(db_path):
    Store(db_path).close()
    store = Store(db_path)
    assert not migrate.needs_upgrade(store.engine)
    store.close()


@pytest.mark.sqlite_only
def test_money_is_stored_as_integer_minor_units(loaded_store, db_path):
    raw = sqlite3.connect(db_path)
    deductible, coinsurance = raw.execute("select deductible, coinsurance from policy").fetchone()
    amounts = dict(raw.execute("select ref, amount_minor from expense").fetchall())
    raw.close()
    assert deductible == 2000000 and isinstance(deductible, int)  # 20,000.00 CNY in fen
    assert coinsurance == 8000
    assert amounts == {"E1": 1250000, "E2": 1000000, "E3": 200000, "E4": 300000}  # JPY has no minor unit


def test_scaled_column_round_trips_big_values_exactly(store):
    big = Decimal("90071992547409.93")  # beyond float precision
    with store.session() as s:
        s.add(PolicyRow(ref="PX", policy_number="X", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
                        deductible=big, coinsurance=Decimal("0.8"), per_claim_limit=big, aggregate_limit=big))
    with store.session() as s:
        row = s.query(PolicyRow).filter_by(ref="PX").one()
        assert row.deductible == big and isinstance(row.deductible, Decimal)


def test_scaled_refuses_floats_and_extra_decimals():
    t = Scaled(2)
    with pytest.raises(TypeError):
        t.process_bind_param(1.5, None)
    with pytest.raises(ValidationError):
        t.process_bind_param(Decimal("1.005"), None)
    assert t.process_bind_param(Decimal("1.50"), None) == 150


def test_rates_keep_six_places(store):
    with store.session() as s:
        s.add(FxRateRow(on_date=date(2026, 4, 1), currency="USD", rate=Decimal("7.123456"), per=1, source="x"))
    with store.session() as s:
        assert s.query(FxRateRow).one().rate == Decimal("7.123456")


def test_a_path_or_an_sqlalchemy_url_opens_a_store(tmp_path):
    a = Store(tmp_path / "a.sqlite3")
    b = Store(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    assert a.path == tmp_path / "a.sqlite3" and b.path == tmp_path / "b.sqlite3"
    a.close(), b.close()


def test_default_database_lives_in_the_per_user_folder(_isolated_data_dir):
    store = Store(None)
    assert store.path == _isolated_data_dir / "lei_desktop.sqlite3" and store.path.exists()
    store.close()
