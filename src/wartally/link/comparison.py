"""Blocking and scoring of report-unit pairs, as SQL that DuckDB and Spark
SQL both run.

The settings (levels, weights, prior, threshold, blocking window) live in
src/wartally/data/link/comparison.json; this module turns them into one
query over a table of units (see ``UNIT_COLUMNS``) that yields the candidate
pairs, the level each comparison took, and the score.  Scores are log2
odds: the prior plus one weight per comparison, Fellegi-Sunter style with
fixed m/u ratios instead of unsupervised training.
"""
from __future__ import annotations

from typing import Any

from wartally.link.lexicon import load

UNIT_COLUMNS = (
    "id", "doc_id", "day_start", "day_end", "place_key", "admin1", "admin2", "admin3",
    "lat", "lon", "weapon", "weapon_family", "actor_bits", "victims", "killed", "day_exact", "place_sure", "updates", "told_later", "capital",
    "actor_side", "big_city", "mention_key", "published_day", "named_keys", "weapon_generic", "recalled", "site_key",
    "earlier_counts",
)
LEVEL_COLUMNS = ("date", "place", "weapon", "actor", "victims", "killed")


def settings() -> dict[str, Any]:
    """The comparison settings (a copy of comparison.json)."""
    return load("comparison")


def _weight_case(column: str, levels: list[list]) -> str:
    parts = " ".join(f"WHEN {column} = '{name}' THEN {float(w)!r}" for name, w in levels)
    return f"(CASE {parts} ELSE 0.0 END)"


def _distance_km(a: str = "a", b: str = "b") -> str:
    return (
        f"(CASE WHEN {a}.lat IS NULL OR {b}.lat IS NULL OR {a}.lon IS NULL OR {b}.lon IS NULL "
        f"THEN NULL ELSE 12742.0 * asin(sqrt(pow(sin(radians({b}.lat - {a}.lat) / 2), 2) + "
        f"cos(radians({a}.lat)) * cos(radians({b}.lat)) * "
        f"pow(sin(radians({b}.lon - {a}.lon) / 2), 2))) END)"
    )


MAX_RANGE_DAYS = 16  # the longest vague date a unit may have ("last week"); longer ones block on their first days
COMMON_RANGE_DAYS = 8  # most units span at most this: only longer ones are repeated over the days beyond it


def candidates_sql(units: str, days: tuple[int, int] | None = None, *, prune: bool = False) -> str:
    """Candidate pairs (``a < b``, different documents) from the blocking
    rules, each a hash join on a key and a day: one side is repeated over
    its dates widened by the window (day_start - w .. day_end + w), so no
    range join is needed.  A unit whose dates span more than a day (a vague
    "earlier this week", or a report that states no date) is repeated over
    its whole range and may be either side of a pair.  Rules: same admin2;
    same admin1 where one side has no admin2 or bears the governorate's
    name; same place key; same place as mentioned; the same killed count
    (from ``same_count_from``: reports placed in two governorates may still
    be one incident, a candidate); the same start day where one side has no
    admin1.  ``days``: only pairs whose repeated side starts on a day in
    ``[days[0], days[1])`` (a pair may come from both sides' ranges).
    ``prune``: leave out the pairs ``hopeless_sql`` says no score can
    keep (inside each rule's join, before the rules' pairs are merged)."""
    w = int(settings()["blocking"]["max_days_apart"])
    told = int(settings()["dates"]["told_days_before"])
    min_killed = int(settings()["blocking"]["same_count_from"])
    shifts = " UNION ALL ".join(f"SELECT {k} AS k" for k in range(-w, w + COMMON_RANGE_DAYS + 1))
    # (the days past COMMON_RANGE_DAYS are crossed only with the few units that span more: the cross join of a
    # million units with every shift was most of the blocking's cost)
    long_shifts = " UNION ALL ".join(f"SELECT {k} AS k" for k in range(w + COMMON_RANGE_DAYS + 1, w + MAX_RANGE_DAYS + 1))
    # a toll told later (Unit.told_later) also reaches back told_days_before days: only those units
    back = " UNION ALL ".join(f"SELECT {k} AS k" for k in range(-w - told, -w))
    hopeless = hopeless_sql() if prune else None
    pair = "a.id <> b.id AND a.doc_id <> b.doc_id AND (a.id < b.id OR a.ranged)"
    if hopeless:
        pair += f" AND NOT {hopeless}"
    # the columns of the repeated side: its keys, and what the pruning condition reads
    carried = "u.id, u.doc_id, u.admin1, u.admin2, u.place_key, u.mention_key, u.capital, u.site_key" + (
        ", u.day_start, u.day_end, u.day_exact, u.told_later, u.weapon" if hopeless else "")
    within = (lambda t: f" AND {t}.day_start >= {int(days[0])} AND {t}.day_start < {int(days[1])}") if days else (
        lambda t: "")

    def rule(key: str, extra: str = "", b_key: str | None = None) -> str:
        return f"""
    SELECT least(a.id, b.id) AS a, greatest(a.id, b.id) AS b
      FROM shifted a JOIN {units} b ON {b_key or 'b.' + key} = a.{key} AND b.day_start = a.day
      WHERE {pair}{extra}"""

    return f"""
    WITH shifted AS (
      SELECT {carried},
             CASE WHEN u.killed >= {min_killed} THEN u.killed END AS killed_key, u.day_start + s.k AS day,
             (u.day_end - u.day_start > 1 OR u.told_later) AS ranged
      FROM {units} u CROSS JOIN ({shifts}) s
      WHERE u.day_start IS NOT NULL AND u.day_start + s.k <= greatest(u.day_start, u.day_end) + {w}{within('u')}
      UNION ALL
      SELECT {carried},
             CASE WHEN u.killed >= {min_killed} THEN u.killed END AS killed_key, u.day_start + s.k AS day,
             (u.day_end - u.day_start > 1 OR u.told_later) AS ranged
      FROM {units} u CROSS JOIN ({long_shifts}) s
      WHERE u.day_start IS NOT NULL AND u.day_end - u.day_start > {COMMON_RANGE_DAYS}
            AND u.day_start + s.k <= greatest(u.day_start, u.day_end) + {w}{within('u')}
      UNION ALL
      SELECT {carried},
             CASE WHEN u.killed >= {min_killed} THEN u.killed END AS killed_key, u.day_start + s.k AS day, TRUE
      FROM {units} u CROSS JOIN ({back}) s
      WHERE u.told_later AND u.day_start IS NOT NULL{within('u')}
    )""" + " UNION ".join([
        rule("admin2"),
        # (same admin1 where either side has no admin2 or is a capital: one join per side, each filtering its
        # own side before the join; one join with the condition after it matched every unit of a governorate
        # and day with every other, most of the blocking's time at a million figures)
        rule("admin1", " AND (a.admin2 IS NULL OR a.capital)"),
        rule("admin1", " AND (b.admin2 IS NULL OR b.capital)"),
        rule("place_key"),
        rule("mention_key"),
        rule("site_key"),
        # (one article's site is the other's place: "Pont-Sonde" placed / the site of a report placed nowhere)
        rule("site_key", b_key="b.place_key"),
        rule("place_key", b_key="b.site_key"),
        rule("killed_key", b_key="b.killed"),
        *(f"""
    SELECT a.id AS a, b.id AS b FROM {units} a JOIN {units} b ON b.day_start = a.day_start
      WHERE a.id < b.id AND a.doc_id <> b.doc_id AND {side}.admin1 IS NULL{within('a')}{f" AND NOT {hopeless}" if hopeless else ""}"""
          for side in "ab"),  # (the same day where either side has no admin1: again one join per side)
    ])


def _names_a_spot(a: str, b: str) -> str:
    """SQL: unit ``a``'s figures name a place inside its city that the
    geocoder did not take for the city ("Al-Maghazi" placed at Gaza), and
    unit ``b`` names neither that place nor it in its sentences."""
    return (f"({a}.mention_key IS NOT NULL AND {a}.mention_key <> {a}.place_key"
            f" AND coalesce({b}.mention_key, '') <> {a}.mention_key AND coalesce({b}.place_key, '') <> {a}.mention_key"
            f" AND coalesce(instr({b}.named_keys, '|' || {a}.mention_key || '|'), 0) = 0)")


def _names_its_place(a: str, b: str) -> str:
    """SQL: unit ``a`` has no place (the geocoder placed none of its figures
    and no mention was read: "151 people were killed in attacks on the
    Yelewata community"), but its figures' sentences name ``b``'s place, a
    settlement, not a governorate's name (``Unit.named_keys``)."""
    return (f"({a}.place_key IS NULL AND {a}.mention_key IS NULL AND length({b}.place_key) >= 3"
            f" AND NOT {b}.capital AND instr({a}.named_keys, '|' || {b}.place_key || '|') > 0)")


def level_sql() -> dict[str, str]:
    """The SQL of each comparison's level (``LEVEL_COLUMNS``) for a pair of
    units ``a`` and ``b``, made from the settings."""
    s = settings()
    km = s["distance_km"]
    ratio = s["count_ratio"]
    gap = "(greatest(a.day_start, b.day_start) - least(a.day_end, b.day_end))"
    dist = _distance_km()
    told = int(s["dates"]["told_days_before"])
    grow_days = int(s["count_ratio"]["grow_days"])
    count_ratio = ("(CAST(greatest(a.killed, b.killed) AS DOUBLE) / "
                   "CAST(least(a.killed, b.killed) AS DOUBLE))")
    # one name in two governorates is two places (Daraa and Rif Dimashq's Daraya share the key "dr")
    one_admin1 = "(a.admin1 IS NULL OR b.admin1 IS NULL OR a.admin1 = b.admin1)"
    # a blast or an explosion is any explosive weapon's (comparison.json generic_weapons)
    explosive = ", ".join(f"'{f}'" for f in s["generic_weapons"]["families"])
    levels = {
        "date": f"""CASE WHEN (a.told_later AND a.day_start > b.day_end AND a.day_start - b.day_end <= {told})
              OR (b.told_later AND b.day_start > a.day_end AND b.day_start - a.day_end <= {told}) THEN 'told_later'
            WHEN (a.recalled OR b.recalled) AND {gap} <= 0 THEN 'recalled'
            WHEN a.day_end - a.day_start > 1 AND b.day_end - b.day_start > 1
              THEN (CASE WHEN abs(a.day_end - b.day_end) <= 1 THEN 'vague_close' ELSE 'vague_apart' END)
            WHEN a.day_end - a.day_start > 1 OR b.day_end - b.day_start > 1
              THEN (CASE WHEN {gap} <= 0 THEN 'overlap' ELSE 'else' END)
            WHEN {gap} <= 0 THEN 'same_day'
            WHEN {gap} >= 1 AND a.day_exact AND b.day_exact THEN 'one_day_exact'
            WHEN {gap} = 1 THEN 'one_day'
            WHEN {gap} = 2 THEN 'two_days' ELSE 'else' END""",
        "place": f"""CASE
            WHEN a.place_key = b.place_key AND {one_admin1} AND a.site_key = b.site_key
              AND ((a.capital AND b.capital) OR (a.big_city AND b.big_city))
              THEN 'same_site'
            WHEN a.place_key = b.place_key AND {one_admin1}
              AND ((a.capital AND b.capital) OR (a.big_city AND b.big_city)) AND ({_names_a_spot('a', 'b')} OR {_names_a_spot('b', 'a')})
              THEN 'city_other_spot'
            WHEN a.place_key = b.place_key AND {one_admin1}
              AND ((a.capital AND b.capital) OR (a.big_city AND b.big_city))
              THEN 'same_city'
            WHEN (a.place_key = b.place_key AND {one_admin1}) OR {dist} < {km['same_place']}
              OR (length(a.place_key) >= 4 AND length(b.place_key) >= 4 AND {one_admin1}
                  AND (instr(a.place_key, b.place_key) > 0 OR instr(b.place_key, a.place_key) > 0))
              THEN 'same_place'
            WHEN {dist} < {km['near']} THEN 'near'
            WHEN a.mention_key = b.mention_key
              AND (a.admin1 IS NULL OR b.admin1 IS NULL OR a.admin1 = b.admin1) THEN 'same_mention'
            WHEN a.site_key = b.site_key THEN 'same_site'
            WHEN {one_admin1} AND (length(a.site_key) >= 3 AND a.site_key IN (b.place_key, b.mention_key)
                                   OR length(b.site_key) >= 3 AND b.site_key IN (a.place_key, a.mention_key))
              THEN 'site_place'
            WHEN {one_admin1} AND ({_names_its_place('a', 'b')} OR {_names_its_place('b', 'a')}) THEN 'named_place'
            WHEN a.place_key IS NOT NULL AND b.place_key IS NOT NULL AND (a.capital OR b.capital)
              AND a.admin1 = b.admin1 THEN 'same_admin1'
            WHEN a.place_key IS NOT NULL AND b.place_key IS NOT NULL
              AND a.place_sure AND b.place_sure THEN 'other_place'
            WHEN a.place_key IS NOT NULL AND b.place_key IS NOT NULL THEN 'other_name'
            WHEN a.mention_key IS NOT NULL AND b.mention_key IS NOT NULL THEN 'other_name'
            WHEN a.admin3 = b.admin3 THEN 'same_admin3'
            WHEN a.admin2 = b.admin2 THEN 'same_admin2'
            WHEN a.admin1 = b.admin1 THEN 'same_admin1'
            WHEN a.admin1 <> b.admin1 THEN 'other_admin1'
            ELSE 'else' END""",
        "weapon": f"""CASE
            WHEN a.weapon = 'chemical' AND b.weapon = 'chemical' THEN 'both_chemical'
            WHEN a.weapon = b.weapon THEN 'same_weapon'
            WHEN a.weapon_family = b.weapon_family THEN 'same_family'
            WHEN (a.weapon = 'chemical' AND b.weapon IS NOT NULL)
              OR (b.weapon = 'chemical' AND a.weapon IS NOT NULL) THEN 'one_chemical'
            WHEN (a.weapon_generic OR b.weapon_generic) AND a.weapon_family IN ({explosive})
              AND b.weapon_family IN ({explosive}) THEN 'generic_weapon'
            WHEN a.weapon_family IS NOT NULL AND b.weapon_family IS NOT NULL THEN 'other_family'
            ELSE 'else' END""",
        "actor": """CASE WHEN (a.actor_bits & b.actor_bits) <> 0 THEN 'shared_actor'
            WHEN a.actor_side IS NOT NULL AND b.actor_side IS NOT NULL AND a.actor_side <> b.actor_side
              THEN 'opposed_actor'
            WHEN a.actor_bits <> 0 AND b.actor_bits <> 0 THEN 'other_actor' ELSE 'else' END""",
        "victims": """CASE WHEN a.victims IS NOT NULL AND b.victims IS NOT NULL
            AND a.victims <> b.victims THEN 'other_victims' ELSE 'else' END""",
        "killed": f"""CASE WHEN a.killed IS NULL OR b.killed IS NULL OR least(a.killed, b.killed) <= 0
            THEN 'else'
            WHEN (a.earlier_counts IS NOT NULL OR b.earlier_counts IS NOT NULL)
              AND ((b.published_day <= a.published_day AND instr(a.earlier_counts, '|' || CAST(b.killed AS STRING) || '|') > 0)
                OR (a.published_day <= b.published_day AND instr(b.earlier_counts, '|' || CAST(a.killed AS STRING) || '|') > 0))
              THEN 'named_earlier'
            WHEN {count_ratio} <= {ratio['close']} THEN 'close'
            WHEN {count_ratio} <= {ratio['similar']} THEN 'similar'
            WHEN (a.updates OR b.updates) AND {count_ratio} <= {ratio['update']} THEN 'updated'
            WHEN {count_ratio} <= {ratio['grow']} AND abs(a.published_day - b.published_day) <= {grow_days}
              AND ((a.killed > b.killed AND a.published_day > b.published_day)
                   OR (b.killed > a.killed AND b.published_day > a.published_day)) THEN 'grown'
            WHEN {count_ratio} <= {ratio['apart']} THEN 'apart' ELSE 'far' END""",
    }
    # places that conflict, where one report's sentences also name the other's place (or, when it names none, the
    # site its article is about), are named_nearby
    conflict_levels = ", ".join(f"'{name}'" for name in s["candidate"]["place_levels"])
    levels["place"] = f"""CASE WHEN ({levels['place']}) IN ({conflict_levels})
              AND (instr(a.named_keys, '|' || coalesce(b.place_key, b.site_key) || '|') > 0
                   OR instr(b.named_keys, '|' || coalesce(a.place_key, a.site_key) || '|') > 0)
            THEN 'named_nearby' ELSE ({levels['place']}) END"""
    return levels


def hopeless_sql() -> str | None:
    """A condition on a pair of units ``a``, ``b`` under which no level of
    its other comparisons can lift it to the threshold or, for a pair whose
    places conflict, to the candidate bar (candidate.min_score_without_place):
    two single days the texts state (``day_exact``, neither a toll told
    later), a day or more apart, so date level one_day_exact, and weapons
    not both chemical.  It holds only where the settings make that level so
    weak that the prior, its weight and the best weight of each other
    comparison stay below both bars, the weapons counted at most at their
    best level short of both_chemical (the weapon level's first test, left
    out by the condition); None otherwise.  Blocking leaves these pairs out
    (``candidates_sql(prune=True)``): at a million figures they were four
    in five of the candidate pairs (consecutive days of one place or
    governorate), each given every level only to be dropped.  (Written on
    the columns, not as the date level's CASE: it is tested on every pair
    each blocking rule finds, before they are merged.)"""
    s = settings()
    lv = s["levels"]
    # the best weight of each comparison (0.0 too: a level missing from the table weighs 0.0)
    best = {name: max([0.0, *(float(w) for level, w in table if not (name == "weapon" and level == "both_chemical"))])
            for name, table in lv.items()}
    rest = float(s["prior"]) + sum(w for name, w in best.items() if name != "date")
    weight = dict(lv["date"]).get("one_day_exact")
    if weight is None or not (float(weight) + rest < float(s["threshold"]) and
                              float(weight) + rest - best["place"] < float(s["candidate"]["min_score_without_place"])):
        return None
    # (told_later: neither is a toll told later, so not level told_later; single days a day or more apart: not
    # recalled, vague, overlap or same_day; both stated exactly: one_day_exact)
    days = ("a.day_exact AND b.day_exact AND NOT a.told_later AND NOT b.told_later AND a.day_end = a.day_start "
            "AND b.day_end = b.day_start AND a.day_start <> b.day_start")
    chemical = "a.weapon = 'chemical' AND b.weapon = 'chemical'"
    return f"coalesce({days} AND NOT coalesce({chemical}, FALSE), FALSE)"


def scored_pairs_sql(units: str, *, all_pairs: bool = False, days: tuple[int, int] | None = None) -> str:
    """Scored candidate pairs: ``a, b``, one ``<name>_level`` column per
    comparison, ``dist_km``, ``score``; only pairs at or above the threshold
    (or candidates: the places conflict, the rest agrees) unless
    ``all_pairs``; ``days``: see ``candidates_sql``, whose pairs no score
    could keep are left out unless ``all_pairs``."""
    s = settings()
    lv = s["levels"]
    dist = _distance_km()
    levels = level_sql()
    level_cols = ",\n      ".join(f"{expr} AS {name}_level" for name, expr in levels.items())
    score = " + ".join(_weight_case(f"{name}_level", lv[name]) for name in LEVEL_COLUMNS)
    cand = s["candidate"]
    conflict = ", ".join(f"'{name}'" for name in cand["place_levels"])
    # pairs whose places conflict but where everything else agrees are kept as candidates (not linked)
    where = "" if all_pairs else (
        f"WHERE score >= {float(s['threshold'])!r} OR (place_level IN ({conflict}) "
        f"AND score - {_weight_case('place_level', lv['place'])} >= {float(cand['min_score_without_place'])!r})")
    return f"""
    WITH pairs AS (SELECT * FROM ({candidates_sql(units, days, prune=not all_pairs)})),
    levelled AS (
      SELECT p.a, p.b, {dist} AS dist_km,
      {level_cols}
      FROM pairs p JOIN {units} a ON a.id = p.a JOIN {units} b ON b.id = p.b
    ),
    scored AS (
      SELECT *, CAST({float(s['prior'])!r} + {score} AS DOUBLE) AS score FROM levelled
    )
    SELECT * FROM scored {where}
    """
