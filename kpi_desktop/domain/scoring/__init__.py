"""The scoring engine: every score the application shows, prints or exports comes from here.

Inputs and outputs are the JSON documents of the scoring contract (docs/scoring.md). The engine is
plain Python with exact arithmetic (fractions inside, figures reported half-up to 2 decimals); it
imports nothing of ours but `errors`, and bad input raises `InputError` naming the field.
"""

from kpi_desktop.domain.scoring._params import LOCAL_KEYS, scoring_local
from kpi_desktop.domain.scoring.annual import compute_annual, explain_annual, score_annual
from kpi_desktop.domain.scoring.flags import consequence_flags
from kpi_desktop.domain.scoring.period import compute_period, explain_period, score_period
from kpi_desktop.domain.scoring.quota import explain_quota, score_quota
from kpi_desktop.domain.scoring.rulesets import (
    RuleSet,
    list_rulesets,
    load_ruleset,
    ruleset_from_bytes,
    ruleset_ids,
    ruleset_in_force,
)
from kpi_desktop.domain.scoring.scorecard import explain_scorecard, score_scorecard
from kpi_desktop.domain.scoring.version import ENGINE_VERSION

__all__ = [
    "ENGINE_VERSION",
    "LOCAL_KEYS",
    "RuleSet",
    "compute_annual",
    "compute_period",
    "consequence_flags",
    "explain_annual",
    "explain_period",
    "explain_quota",
    "explain_scorecard",
    "list_rulesets",
    "load_ruleset",
    "ruleset_from_bytes",
    "ruleset_ids",
    "ruleset_in_force",
    "score_annual",
    "score_period",
    "score_quota",
    "score_scorecard",
    "scoring_local",
]
