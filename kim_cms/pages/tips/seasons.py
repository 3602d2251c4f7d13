"""The farming calendar of the tips: the planting seasons (KATAM) and months
a tip applies in, and what "now" is in the portal's time zone.

``today()`` and ``current_month()`` are the seams tests set: callers look
them up on this module (``seasons.today()``) at each call.
"""

from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kim_cms.conf import kim_settings

SEASON_CHOICES = [
    ("mh", _("MH (wet season, October to March)")),
    ("mk1", _("MK I (first dry season, April to July)")),
    ("mk2", _("MK II (second dry season, August to September)")),
]
SEASON_SHORT_LABELS = {
    "mh": pgettext_lazy("season", "MH"),
    "mk1": pgettext_lazy("season", "MK I"),
    "mk2": pgettext_lazy("season", "MK II"),
}
# The months of each season of the planting calendar (KATAM); used when an
# editor ticks seasons but no months.
SEASON_MONTHS = {
    "mh": [10, 11, 12, 1, 2, 3],
    "mk1": [4, 5, 6, 7],
    "mk2": [8, 9],
}
MONTH_CHOICES = [
    (1, _("January")),
    (2, _("February")),
    (3, _("March")),
    (4, _("April")),
    (5, _("May")),
    (6, _("June")),
    (7, _("July")),
    (8, _("August")),
    (9, _("September")),
    (10, _("October")),
    (11, _("November")),
    (12, _("December")),
]


def current_month():
    """The month now in the portal's time zone (``KIM_CMS_TIME_ZONE``)."""
    return timezone.now().astimezone(ZoneInfo(kim_settings.TIME_ZONE)).month


def today():
    """Today's date in the portal's time zone."""
    return timezone.now().astimezone(ZoneInfo(kim_settings.TIME_ZONE)).date()


def months_between(first, last):
    """The months from ``first`` to ``last`` inclusive, across the new year:
    ``months_between(11, 2) == [11, 12, 1, 2]``."""
    months = [first]
    while months[-1] != last:
        months.append(months[-1] % 12 + 1)
    return months


def in_season_q(month):
    """A filter for tips in season in ``month``: the month is ticked, or no
    month is (advice for the whole year)."""
    return Q(months="") | Q(months__contains=f",{int(month)},")
