"""Compiled reads: a query operation made only of table columns, references and connections
becomes one SQL statement per root field that builds the field's JSON inside PostgreSQL.

`metadata.py` says what each GraphQL type and relation maps to (the loaders' own models, keys
and visibility predicates), `plan.py` turns a selection into a cached plan, `sql.py` turns a
plan into a statement, `execute.py` runs it and hooks it into execution. Anything the planner
does not know makes the whole operation run on the DataLoader path, the reference.
"""
