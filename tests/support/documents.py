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


# What every mutation payload answers besides its object: the typed user errors.
ERRORS = "errors { field code message }"


def mutation_document(field: str, payload: str) -> str:
    """The document of mutation `field` (`environmentCreate` takes an EnvironmentCreateInput)
    sent with its input as `$input`, answering `payload` (the payload's other fields) and
    ERRORS."""
    input_type = field[0].upper() + field[1:] + "Input"
    return (
        f"mutation ($input: {input_type}!) {{\n"
        f"  {field}(input: $input) {{ {payload} {ERRORS} }}\n}}\n"
    )


def _table_entries(table: str) -> list[tuple[str, str]]:
    """The (field, selection) of every `field: selection` line of a document table; a line not
    starting `field:` continues the selection above it."""
    entries: list[tuple[str, str]] = []
    for line in table.strip().splitlines():
        field, colon, selection = line.strip().partition(":")
        if colon and field.isidentifier():
            entries.append((field, selection.strip()))
        else:
            entries[-1] = (entries[-1][0], f"{entries[-1][1]} {line.strip()}")
    return entries


def mutation_documents(table: str) -> list[str]:
    """mutation_document of every `field: payload` line of `table`, in order, so a module
    declares the mutations it sends as one table (see _table_entries)."""
    return [mutation_document(field, payload) for field, payload in _table_entries(table)]


def connection_queries(table: str) -> list[str]:
    """connection_query of every `field: rows` line of `table`, in order, so a module declares
    the root connections it pages through as one table (see _table_entries)."""
    return [connection_query(field, rows) for field, rows in _table_entries(table)]


def node_query(*fragments: str) -> str:
    """A query of `node(id: $id)` answering its `id` and, per fragment (`AlertRule { rowId }`),
    the fields of that type."""
    on_types = " ".join(f"... on {fragment}" for fragment in fragments)
    return f"query ($id: ID!) {{ node(id: $id) {{ id {on_types} }} }}\n"


def child_page_query(type_name: str, child: str, rows: str = "nodes { rowId }") -> str:
    """A query of child connection `child` of the `type_name` node `$id`, taking every paging
    argument as a variable and answering PAGE_INFO and `rows`."""
    return (
        "query ($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n"
        f"  node(id: $id) {{ ... on {type_name} {{\n"
        f"    {child}(first: $first, after: $after, last: $last, before: $before) {{\n"
        f"      {PAGE_INFO}\n      {rows}\n    }}\n  }} }}\n}}\n"
    )
