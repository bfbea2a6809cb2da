"""What tests share: database helpers (db.py), paging round-trips (paging.py), world builders
(worlds.py). Tests import helpers from here, never from another test module."""
