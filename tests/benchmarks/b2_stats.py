"""B2 rows of 党内统计年报 (org_party_stats): the queries of the yearly tables at N=100 and
N=10,000 members (the same ±2), and their time at the full size beside a plain ``read_group``
of the members by organization. Self-contained: bench.py calls ``queries`` after each B2 stage,
``timing`` at the full size and ``report`` with the other B2 rows."""

import views


def _report(bench):
    officer = bench.zone._officer()
    Stats = bench.env["org.party.stats"].with_user(officer)
    year = Stats.default_year()
    return lambda: Stats.get_report(year)


def _plain(bench):
    Member = bench.env["org.party.member"].with_user(bench.zone._officer())
    return lambda: Member._read_group([], ["organization_id"], ["__count"])


def queries(bench, stage):
    """The report's queries as an officer over the whole zone, cold record cache."""
    if "org.party.stats" not in bench.env.registry:
        return
    members = bench.env["org.party.member"].search_count([])
    count = views.count_queries(bench.env, _report(bench))
    bench.stats_counts = getattr(bench, "stats_counts", {})
    bench.stats_counts[stage] = (count, members)


def timing(bench):
    if "org.party.stats" not in bench.env.registry:
        return
    members = bench.env["org.party.member"].search_count([])
    report, plain = views.median_times(bench.env, [_report(bench), _plain(bench)], repeat=3)
    bench.stats_time = (report, plain, members)


def report(bench, ms):
    counts = getattr(bench, "stats_counts", {})
    small, small_n = counts.get("N=100", ("?", 0))
    large, large_n = counts.get("N=10,000", ("?", 0))
    if isinstance(small, int) and isinstance(large, int):
        bench.table.add(
            "B2 党内统计年报 (officer, whole zone)",
            f"{small_n:,} → {large_n:,} members",
            f"{large} queries",
            f"{small} queries",
            f"{large - small:+d}",
            "same ±2",
            abs(large - small) <= 2 and small_n < large_n,
        )
    timed = getattr(bench, "stats_time", None)
    if timed:
        seconds, plain, members = timed
        bench.table.add(
            "B2 党内统计年报 time (beside: read_group of members by organization)",
            f"{members:,} members",
            ms(seconds),
            ms(plain),
            f"{seconds / plain:.1f}×" if plain else "",
            "-",
            None,
        )
