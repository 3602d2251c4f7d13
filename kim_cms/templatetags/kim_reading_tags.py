"""Template tags that help citizens read: abbreviations explained, places as
map links, times in the reader's language."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext_lazy

from kim_cms.datetimes import format_time

register = template.Library()

#: The abbreviations of the domain that readers meet on kim_cms pages, with
#: what they stand for (docs/glossary.md). Longest first: "MK II" before
#: "MK I".
ABBREVIATIONS = {
    "MK II": pgettext_lazy(
        "abbreviation", "musim kemarau II: the second dry season, August to September"
    ),
    "MK I": pgettext_lazy(
        "abbreviation", "musim kemarau I: the first dry season, April to July"
    ),
    "MH": pgettext_lazy(
        "abbreviation", "musim hujan: the wet season, October to March"
    ),
    "SK": pgettext_lazy(
        "abbreviation", "surat keputusan: the decree that recognises the group"
    ),
    "OPT": pgettext_lazy(
        "abbreviation", "organisme pengganggu tumbuhan: pests, diseases and weeds"
    ),
    "bimtek": pgettext_lazy(
        "abbreviation", "bimbingan teknis: hands-on training in a technical skill"
    ),
    "KATAM": pgettext_lazy(
        "abbreviation", "kalender tanam: the planting calendar of the ministry"
    ),
    "BPP": pgettext_lazy(
        "abbreviation", "Balai Penyuluhan Pertanian: the agricultural extension centre"
    ),
    "e-RDKK": pgettext_lazy(
        "abbreviation",
        "Rencana Definitif Kebutuhan Kelompok elektronik: the list of farmers "
        "entitled to subsidised fertiliser",
    ),
}
_PATTERN = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(word) for word in ABBREVIATIONS)
    + r")(?![\w-])",
    re.IGNORECASE,
)
_CANONICAL = {word.lower(): word for word in ABBREVIATIONS}


@register.filter
def kim_explain(text):
    """``text`` escaped, with the domain's abbreviations (SK, MH, MK I, MK
    II, OPT, bimtek, KATAM, BPP, e-RDKK) in ``<abbr title="...">``, the title in the
    active language."""

    def explain(match):
        word = match.group(1)
        title = ABBREVIATIONS[_CANONICAL[word.lower()]]
        return f'<abbr title="{escape(str(title))}">{word}</abbr>'

    return mark_safe(_PATTERN.sub(explain, escape(str(text or ""))))  # escaped


@register.simple_tag
def kim_map_url(latitude, longitude, zoom=15):
    """An OpenStreetMap link to a point (numbers never localized): on a
    phone it opens the map app or the map site."""
    if latitude is None or longitude is None:
        return ""
    lat, lon = str(latitude), str(longitude)
    return (
        f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map={zoom}/{lat}/{lon}"
    )


@register.filter(expects_localtime=True)
def kim_time(value, language=None):
    """A time of day as the reader's language writes it: ``19.00`` in
    Indonesian, ``7:00 PM`` in English (``kim_cms.datetimes``)."""
    if value is None or value == "":
        return ""
    return format_time(value, language or None)
