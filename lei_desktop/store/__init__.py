"""The local store: SQLAlchemy models, money column types, engine set-up and migrations."""
