"""Storage: SQLAlchemy models, engine set-up, migrations and queries. No Qt.

Functions here take a Session and never commit: the caller owns the transaction, one per user action.
"""
