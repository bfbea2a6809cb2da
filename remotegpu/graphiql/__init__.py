"""GraphiQL served by the API itself: the page, its example documents and its pinned files.

Kept free of web imports so that `python -m remotegpu.graphiql.vendor` runs in a build stage
before the project's dependencies are installed.
"""
