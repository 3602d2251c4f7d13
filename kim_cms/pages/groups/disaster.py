"""Disaster reports (Laporan KIM): the live, public activity reports that tell
of a hazard, as the warnings and preparedness guides of that hazard list
them, newest first, in a fixed number of queries however many there are."""

from django.db.models import Q
from wagtail.models import Page

from kim_cms.conf import kim_settings
from kim_cms.pages.groups.activities import KimActivityPage
from kim_cms.pages.groups.profile import CARD_IMAGE_SPEC, with_renditions
from kim_cms.queries import in_locale, page_rows, public_q


def disaster_reports(
    hazard,
    locale_id,
    *,
    kecamatan_ids=None,
    desa_ids=None,
    since=None,
    until=None,
    count=None,
):
    """The ``count`` newest live, public disaster reports of ``hazard`` (in
    any language of it) in the language ``locale_id``, by the moment they
    were seen.

    ``kecamatan_ids`` and ``desa_ids`` keep the reports from a desa of those
    kecamatan or one of those desa; ``since`` and ``until`` those seen in
    that window (``until`` excluded). Each report comes with its desa and
    kecamatan, its main photo's card rendition and, as ``reporting_group``, the
    group page it was filed under: three queries in all."""
    if hazard is None:
        return []
    count = kim_settings.DISASTER_REPORT_COUNT if count is None else count
    reports = in_locale(
        KimActivityPage.objects.live().filter(public_q()), locale_id
    ).filter(
        hazard__translation_key=hazard.translation_key,
        hazard_desa__isnull=False,
        observed_at__isnull=False,
    )
    if kecamatan_ids is not None or desa_ids is not None:
        reports = reports.filter(
            Q(hazard_desa__kecamatan_id__in=list(kecamatan_ids or []))
            | Q(hazard_desa_id__in=list(desa_ids or []))
        )
    if since is not None:
        reports = reports.filter(observed_at__gte=since)
    if until is not None:
        reports = reports.filter(observed_at__lt=until)
    reports = with_renditions(
        reports.select_related("hazard_desa__kecamatan"),
        "cover_image",
        CARD_IMAGE_SPEC,
    ).order_by("-observed_at", "-pk")
    # the newest, read by their kept rows (not every report sorted again)
    found = page_rows(reports, 0, count)
    if found:
        step = Page.steplen
        parents = {
            page.path: page
            for page in Page.objects.filter(
                path__in={report.path[:-step] for report in found}
            )
        }
        for report in found:
            report.reporting_group = parents.get(report.path[:-step])
    return found
