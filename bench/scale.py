"""Grow the demo to N published pages of each listed type (in Indonesian),
by copying the demo's own pages: the benchmark measures a portal of a
district's size, not the demo's dozen items.

    python bench/scale.py N

Copies get their own slug and title; an event copy moves by a few days for
each copy, so that upcoming, past and yearly events spread over the year;
a warning copy moves a day further into the past for each copy, as a
district's warnings pile up: a few in force, the rest expired.
Running it again with the same N changes nothing. The copies are not added
to the search index, and copied KIM groups get no editors' role.
"""

import datetime
import os
import sys

import django


def scaled_types():
    from kim_cms.pages import (
        AgricultureTipPage,
        CulturalEventPage,
        KimActivityPage,
        KimGroupPage,
        PreparednessGuidePage,
        TrainingMaterialPage,
        WarningPage,
    )

    return [
        CulturalEventPage,
        AgricultureTipPage,
        TrainingMaterialPage,
        KimGroupPage,
        KimActivityPage,
        PreparednessGuidePage,
        WarningPage,
    ]


def grow(model, count, stdout):
    from django.db import transaction

    pages = list(
        model.objects.live()
        .filter(locale__language_code="id")
        .order_by("path")
        .specific()
    )
    if not pages or len(pages) >= count:
        return 0
    made = 0
    with transaction.atomic():
        for number in range(len(pages), count):
            source = pages[number % len(pages)]
            attrs = {
                "slug": f"{source.slug}-{number}",
                "title": f"{source.title} ({number})",
            }
            if hasattr(source, "start_date") and hasattr(source, "end_date"):
                shift = datetime.timedelta(days=(number * 7) % 400 - 200)
                attrs["start_date"] = source.start_date + shift
                if source.end_date:
                    attrs["end_date"] = source.end_date + shift
            if hasattr(source, "valid_from") and hasattr(source, "valid_until"):
                shift = datetime.timedelta(days=number)
                attrs["valid_from"] = source.valid_from - shift
                attrs["valid_until"] = source.valid_until - shift
            source.copy(
                recursive=False,
                update_attrs=attrs,
                copy_revisions=False,
                keep_live=True,
                log_action=None,
                reset_translation_key=True,
            )
            made += 1
    stdout.write(f"{model.__name__}: {made} copies, {count} in all\n")
    return made


def main(count):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
    django.setup()
    from django.conf import settings

    # The copies stay out of the search index: the benchmark measures no
    # search, and SQLite's index grows in time with every page added.
    for params in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).values():
        params["AUTO_UPDATE"] = False
    # Nor do the copied KIM groups get editor roles: no page shows them.
    settings.KIM_CMS_MANAGE_ROLES = False
    for model in scaled_types():
        grow(model, count, sys.stdout)


if __name__ == "__main__":
    main(int(sys.argv[1]))
