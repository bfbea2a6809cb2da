"""Passwords, tokens, and the Viewer every request acts as."""
