"""What tests share: database helpers (db.py), GraphQL documents built one way (documents.py),
paging round-trips (paging.py), reading payloads and errors (results.py), world builders
(worlds.py, fleet.py and the area worlds). Tests import helpers from here, never from another
test module."""
