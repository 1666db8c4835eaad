"""Lexicons, gazetteer tables and other data shipped with wartally."""
