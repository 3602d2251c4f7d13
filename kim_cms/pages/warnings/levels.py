"""Warning levels as Indonesian agencies use them (Normal, Waspada, Siaga,
Awas), what each is in CAP 1.2, the time zones a warning is given in, and
``now()``: the clock every warning module reads (tests replace it here)."""

import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kim_cms.conf import kim_settings

LEVEL_NORMAL = "normal"
LEVEL_WASPADA = "waspada"
LEVEL_SIAGA = "siaga"
LEVEL_AWAS = "awas"
LEVEL_CHOICES = [
    (LEVEL_NORMAL, pgettext_lazy("warning level", "Normal")),
    (LEVEL_WASPADA, pgettext_lazy("warning level", "Waspada (be alert)")),
    (LEVEL_SIAGA, pgettext_lazy("warning level", "Siaga (be ready)")),
    (LEVEL_AWAS, pgettext_lazy("warning level", "Awas (act now)")),
]
LEVEL_SHORT_LABELS = {
    LEVEL_NORMAL: pgettext_lazy("warning level", "NORMAL"),
    LEVEL_WASPADA: pgettext_lazy("warning level", "WASPADA"),
    LEVEL_SIAGA: pgettext_lazy("warning level", "SIAGA"),
    LEVEL_AWAS: pgettext_lazy("warning level", "AWAS"),
}

TIME_ZONE_CHOICES = [
    ("Asia/Jakarta", _("WIB: Western Indonesia (Asia/Jakarta)")),
    ("Asia/Makassar", _("WITA: Central Indonesia (Asia/Makassar)")),
    ("Asia/Jayapura", _("WIT: Eastern Indonesia (Asia/Jayapura)")),
]

STATUS_ACTIVE = "active"
STATUS_UPCOMING = "upcoming"
STATUS_EXPIRED = "expired"
STATUS_CANCELLED = "cancelled"
STATUS_LABELS = {
    STATUS_ACTIVE: _("In force"),
    STATUS_UPCOMING: _("Not yet in force"),
    STATUS_EXPIRED: _("Expired"),
    STATUS_CANCELLED: _("Cancelled"),
}


@dataclass(frozen=True)
class CapLevel:
    """What a status level is in CAP 1.2, and its rank (higher is more severe)."""

    severity: str
    urgency: str
    certainty: str
    rank: int


CAP_LEVELS = {
    LEVEL_NORMAL: CapLevel("Minor", "Future", "Unlikely", 0),
    LEVEL_WASPADA: CapLevel("Moderate", "Future", "Possible", 1),
    LEVEL_SIAGA: CapLevel("Severe", "Expected", "Likely", 2),
    LEVEL_AWAS: CapLevel("Extreme", "Immediate", "Observed", 3),
}

# Levels shown in the banner: Normal is the all-clear, not a warning to show.
BANNER_LEVELS = (LEVEL_WASPADA, LEVEL_SIAGA, LEVEL_AWAS)

_POINT = r"-?\d{1,2}(?:\.\d+)?,-?\d{1,3}(?:\.\d+)?"
POLYGON_RE = re.compile(rf"{_POINT}(?: {_POINT}){{3,}}")
CIRCLE_RE = re.compile(rf"{_POINT} \d+(?:\.\d+)?")


def cap_level(level):
    """The ``CapLevel`` of a status level (``LEVEL_*``)."""
    return CAP_LEVELS[level]


def now():
    """The current moment (a seam for tests)."""
    return timezone.now()


def default_warning_time_zone():
    """``KIM_CMS_TIME_ZONE`` when it is an Indonesian zone, else WIB (a
    callable default: the setting never ends up in a migration)."""
    configured = kim_settings.TIME_ZONE
    return configured if configured in dict(TIME_ZONE_CHOICES) else "Asia/Jakarta"


def get_warning_model():
    """The concrete warning page type the banner and the feeds read."""
    from django.apps import apps

    return apps.get_model("kim_cms", "WarningPage")
