"""CAP 1.2 (OASIS Common Alerting Protocol) documents of disaster warnings.

One document per warning, with an ``<info>`` for each language the warning
is published in. ``msgType`` is Alert when first published, Update once
republished (``references`` names the first message) and Cancel when the
warning is cancelled. Times are written in the warning's zone with their
offset and no fraction of a second, as CAP's ``dateTime`` pattern asks.
"""

import datetime
from xml.etree import ElementTree

from django.conf import settings
from django.utils.text import Truncator

CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2"
CAP_CONTENT_TYPE = "application/cap+xml"
# The <valueName> of a geocode that is a Kemendagri region code.
GEOCODE_NAME = "KEMENDAGRI"
HEADLINE_LENGTH = 160


def cap_datetime(value, zone):
    """``2030-09-01T18:00:00+07:00``: CAP's dateTime (no fraction, no Z)."""
    return value.astimezone(zone).replace(microsecond=0).isoformat()


def cap_sender(page, request=None):
    """The sender of our CAP messages: ``KIM_CMS_CAP_SENDER`` when set, else
    the host name of the warning's site."""
    configured = getattr(settings, "KIM_CMS_CAP_SENDER", "")
    if configured:
        return configured
    site = page.get_site()
    if site is not None:
        return site.hostname
    return request.get_host() if request is not None else "localhost"


def _clean_token(text):
    """CAP forbids spaces, commas, ``<`` and ``&`` in identifiers and senders."""
    return "".join("-" if ch in " ,<&" else ch for ch in text)


def message_identifier(sender, translation_key, moment):
    """A message's identifier: the sender, the warning and the moment it was
    published, so that each publication is a message of its own."""
    stamp = moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return _clean_token(f"{sender}.peringatan.{translation_key}.{stamp}")


def _sub(parent, tag, text=None):
    element = ElementTree.SubElement(parent, f"{{{CAP_NAMESPACE}}}{tag}")
    if text is not None:
        element.text = str(text)
    return element


def build_cap(pages, request=None):
    """The CAP 1.2 document (bytes) of one warning, given its live
    translations (``pages``, the default-language one first)."""
    primary = pages[0]
    zone = primary.zone
    sender = _clean_token(cap_sender(primary, request))
    first = min(p.first_published_at for p in pages if p.first_published_at)
    last = max(p.last_published_at for p in pages if p.last_published_at)
    message_type = primary.get_cap_message_type()
    ElementTree.register_namespace("", CAP_NAMESPACE)
    alert = ElementTree.Element(f"{{{CAP_NAMESPACE}}}alert")
    identifier = message_identifier(sender, primary.translation_key, last)
    _sub(alert, "identifier", identifier)
    _sub(alert, "sender", sender)
    _sub(alert, "sent", cap_datetime(last, zone))
    _sub(alert, "status", "Actual")
    _sub(alert, "msgType", message_type)
    _sub(alert, "scope", "Public")
    if message_type != "Alert":
        original = message_identifier(sender, primary.translation_key, first)
        _sub(alert, "references", f"{sender},{original},{cap_datetime(first, zone)}")
    kecamatan = list(primary.kecamatan.all())
    desa = list(primary.desa.all())
    for page in pages:
        level = page.get_cap_level()
        info = _sub(alert, "info")
        _sub(info, "language", page.locale.language_code)
        _sub(info, "category", page.hazard.cap_category)
        _sub(info, "event", page.hazard.name)
        all_clear = page.cancelled or page.level == "normal"
        _sub(info, "responseType", "AllClear" if all_clear else "Prepare")
        _sub(info, "urgency", level.urgency)
        _sub(info, "severity", level.severity)
        _sub(info, "certainty", level.certainty)
        _sub(info, "effective", cap_datetime(page.valid_from, zone))
        _sub(info, "expires", cap_datetime(page.valid_until, zone))
        _sub(info, "senderName", page.issuing_agency)
        _sub(info, "headline", Truncator(page.title).chars(HEADLINE_LENGTH))
        _sub(info, "description", page.description)
        steps = page.get_instruction_steps()
        if steps:
            _sub(info, "instruction", "\n".join(steps))
        url = page.get_full_url(request=request)
        if url:
            _sub(info, "web", url)
        area = _sub(info, "area")
        _sub(area, "areaDesc", page.area_description or page.describe_area())
        if page.polygon:
            _sub(area, "polygon", page.polygon)
        if page.circle:
            _sub(area, "circle", page.circle)
        for region in [*kecamatan, *desa]:
            if region.code:
                geocode = _sub(area, "geocode")
                _sub(geocode, "valueName", GEOCODE_NAME)
                _sub(geocode, "value", region.code)
    ElementTree.indent(alert)
    return ElementTree.tostring(alert, encoding="utf-8", xml_declaration=True)
