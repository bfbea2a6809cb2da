"""GraphQL documents more than one test file sends."""

from __future__ import annotations

# The reported attack: depth 12, 30 aliases, under 2,000 tokens, so within every other
# limit; 100^4 environments per alias. It took 18 s and answered 19 MB.
_NESTED = (
    "environments(first: 100) { nodes { owner { "
    "environments(first: 100) { nodes { owner { "
    "environments(first: 100) { nodes { owner { "
    "environments(first: 100) { nodes { name } } } } } } } } } } }"
)
ATTACK = "{ " + " ".join(f"a{i}: {_NESTED}" for i in range(30)) + " }"

# What every page of a root connection answers besides its rows: the count and where it is.
PAGE_INFO = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"


def connection_query(field: str, rows: str, *, default_order: str = "") -> str:
    """A query of root connection `field` (a plural: `alertRules` filters by AlertRuleWhere
    and sorts by AlertRuleOrder) taking every paging argument, its where and its orderBy as
    variables, and answering PAGE_INFO and `rows` (`nodes { ... }` or `edges { ... }`). With
    `default_order` the order variable is non-null with that default, as the connections
    whose order argument has a default declare it."""
    type_name = field[0].upper() + field[1:-1]
    order = f"{type_name}Order! = {default_order}" if default_order else f"{type_name}Order"
    return (
        "query ($first: Int, $after: String, $last: Int, $before: String,"
        f" $where: {type_name}Where, $orderBy: {order}) {{\n"
        f"  {field}(first: $first, after: $after, last: $last, before: $before,"
        " where: $where, orderBy: $orderBy) {\n"
        f"    {PAGE_INFO}\n    {rows}\n  }}\n}}\n"
    )

