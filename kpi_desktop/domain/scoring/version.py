"""The scoring engine's version. Bump it whenever a formula or a rounding step changes, so that a
stored result says which engine produced it and `kpi recompute` can tell a rule change from a bug."""

ENGINE_VERSION = "1.0.0"
