"""Editions: the metadata file, what changed between editions, and `make site` that builds them."""
