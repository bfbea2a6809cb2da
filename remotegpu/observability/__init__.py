"""Operations: request ids, JSON logs, Prometheus metrics, optional tracing.

This package sits beside `app.py` in the import order: it may import `db` and `settings`, and
nothing imports it but `app.py`, `api.py` (the GraphQL extension) and `cli.py`.
"""
