"""Shared test helpers: databases, interchange folders, fakes."""
