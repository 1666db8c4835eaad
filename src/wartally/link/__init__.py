"""link stage: incident vs tally, cross-report events, reconciled counts,
claims, disagreements between claims and each source's tallies over time.

    >>> from wartally.link import classify, link_figures
    >>> result = link_figures(figures, documents)   # doctest: +SKIP
    >>> result.events, result.links, result.disagreements, result.kinds  # doctest: +SKIP
"""
from wartally.link.claims import Claim, make_claims
from wartally.link.comparison import candidates_sql, scored_pairs_sql, settings
from wartally.link.disagreement import find_disagreements
from wartally.link.kind import Kind, classify
from wartally.link.linker import LinkResult, link_figures
from wartally.link.reconcile import independent_reports, reconcile_counts
from wartally.link.series import Series, tally_series


def link_store(store, **kw):
    """Link the figures of a ``wartally.store.Store`` and write the result
    back (see wartally.link.storage)."""
    from wartally.link.storage import link_store as _link_store

    return _link_store(store, **kw)


__all__ = [
    "Claim",
    "Kind",
    "LinkResult",
    "Series",
    "candidates_sql",
    "classify",
    "find_disagreements",
    "independent_reports",
    "link_figures",
    "link_store",
    "make_claims",
    "reconcile_counts",
    "scored_pairs_sql",
    "settings",
    "tally_series",
]
