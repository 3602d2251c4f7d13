"""The in-process half of the benchmark: each page type of the demo rendered
by Django's test client (DEBUG off, warm), with its median time, SQL
queries and size (raw and gzip).

    python bench/measure.py [--reps 30] [--paths] [--profile PATH]
                            [--only NAMES] [--urls name=/path,...]

``--paths`` prints ``name path`` lines for the load test and stops;
``--profile PATH`` prints a cProfile of one page (30 renders) instead;
``--urls`` measures the paths given instead of the kim-cms page types (the
bare Wagtail floor). Output: one JSON object per line, ``{"page", "path",
"ms", "queries", "bytes", "gzip"}``; ``ms`` is the median CPU time of the
process per request (steadier than wall time on a shared machine).
"""

import argparse
import gzip
import json
import os
import statistics
import sys
import time

import django


def page_paths():
    """``[(name, path)]``: one URL per page type, in Indonesian."""
    from wagtail.models import Page

    from kim_cms import pages as kim

    def first(model, **filters):
        page = (
            model.objects.live()
            .filter(locale__language_code="id", **filters)
            .order_by("path")
            .first()
        )
        return page.url if page is not None else None

    paths = [
        ("landing", first(kim.KimPortalPage)),
        ("group directory", first(kim.KimGroupIndexPage)),
        ("group profile", first(kim.KimGroupPage)),
        ("tip index", first(kim.AgricultureTipIndexPage)),
        ("tip detail", first(kim.AgricultureTipPage)),
        ("training index", first(kim.TrainingIndexPage)),
        ("training detail", first(kim.TrainingMaterialPage)),
        ("event index", first(kim.CulturalEventIndexPage)),
        ("event detail", first(kim.CulturalEventPage)),
        ("warning index", first(kim.WarningIndexPage)),
        ("warning detail", first(kim.WarningPage)),
        ("guide detail", first(kim.PreparednessGuidePage)),
        ("clarification", first(kim.HoaxClarificationPage)),
    ]
    if Page.objects.exists():
        # the sitemap (an index of files on a large site) and its first file
        paths.append(("sitemap", "/sitemap.xml"))
        paths.append(("sitemap file", "/sitemap.xml?p=1"))
    return [(name, path) for name, path in paths if path]


def measure(client, path, reps):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):  # warm: templates, renditions, caches
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    query_count = len(queries)  # the log empties at the next request
    times = []
    for _ in range(reps):
        start = time.process_time()
        response = client.get(path)
        body = b"".join(response) if response.streaming else response.content
        times.append((time.process_time() - start) * 1000)
    return {
        "path": path,
        "ms": round(statistics.median(times), 2),
        "queries": query_count,
        "bytes": len(body),
        "gzip": len(gzip.compress(body, 6)),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--paths", action="store_true")
    parser.add_argument("--profile")
    parser.add_argument("--only", help="comma-separated page names")
    parser.add_argument("--urls", help="name=/path,... instead of the demo's")
    options = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client(HTTP_HOST="127.0.0.1")
    if options.profile:
        import cProfile
        import pstats

        for _ in range(3):
            client.get(options.profile)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(30):
            client.get(options.profile)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(
            60
        )
        return
    if options.urls:
        paths = [tuple(item.split("=", 1)) for item in options.urls.split(",")]
    else:
        paths = page_paths()
    if options.only:
        wanted = set(options.only.split(","))
        paths = [(name, path) for name, path in paths if name in wanted]
    for name, path in paths:
        if options.paths:
            print(name.replace(" ", "_"), path)
            continue
        print(json.dumps({"page": name, **measure(client, path, options.reps)}))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
