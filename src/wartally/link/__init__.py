"""link stage: incident vs tally, cross-report events, reconciled counts,
disagreements between tallies.

    >>> from wartally.link import classify, link_figures
    >>> result = link_figures(figures, documents)   # doctest: +SKIP
    >>> result.events, result.links, result.disagreements, result.kinds  # doctest: +SKIP
"""
from wartally.link.comparison import candidates_sql, scored_pairs_sql, settings
from wartally.link.disagreement import find_disagreements
from wartally.link.kind import Kind, classify
from wartally.link.linker import LinkResult, link_figures
from wartally.link.reconcile import independent_reports, reconcile_counts
from wartally.link.storage import link_store


__all__ = [
    "Kind",
    "LinkResult",
    "candidates_sql",
    "classify",
    "find_disagreements",
    "independent_reports",
    "link_figures",
    "link_store",
    "reconcile_counts",
    "scored_pairs_sql",
    "settings",
]
