"""Plain-Python domain: entities, rule sets and the scoring engine (no Qt, no SQLAlchemy)."""
