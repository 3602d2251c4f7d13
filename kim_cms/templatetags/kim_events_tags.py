"""Template tags of cultural events: times for readers and for machines."""

from django import template
from django.utils import translation

from kim_cms.datetimes import format_occurrence

register = template.Library()


@register.simple_tag(takes_context=True)
def kim_event_when(context, occurrence):
    """``{% kim_event_when occurrence %}``: "Senin, 5 Januari 2026, 19.00 WIB"
    in the language of the page being shown."""
    if occurrence is None:
        return ""
    page = context.get("page")
    language = getattr(getattr(page, "locale", None), "language_code", None)
    return format_occurrence(occurrence, language or translation.get_language())


@register.filter
def kim_event_datetime(occurrence):
    """The ``datetime`` attribute of ``<time>``: ISO 8601, never localized
    (``2026-01-05T19:00:00+07:00``, or ``2026-01-05`` for all-day events)."""
    if occurrence is None:
        return ""
    if occurrence.all_day:
        return occurrence.start_date.isoformat()
    return occurrence.start.isoformat()
