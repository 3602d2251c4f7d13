"""CAP 1.2 (OASIS Common Alerting Protocol) documents of disaster warnings.

One document per warning, with an ``<info>`` for each language the warning
is published in. Each publication of the warning, in any of its languages,
is a message of its own: ``msgType`` is Alert for the first, Update for the
later ones and Cancel when the warning is cancelled; an Update or Cancel
names every earlier message in ``references``. Times are written in the warning's zone with their
offset and no fraction of a second, as CAP's ``dateTime`` pattern asks.
"""

import datetime
from dataclasses import dataclass
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


@dataclass(frozen=True)
class CapMessage:
    """One publication of a warning as a CAP message."""

    sender: str
    identifier: str
    sent: datetime.datetime

    def reference(self, zone):
        """``sender,identifier,sent``: how a later message refers to this one."""
        return f"{self.sender},{self.identifier},{cap_datetime(self.sent, zone)}"


def cap_messages(sender, translation_key, moments):
    """The ``CapMessage`` of each publication ``moment`` of a warning, oldest
    first: the last is the current message."""
    sender = _clean_token(sender)
    return [
        CapMessage(sender, message_identifier(sender, translation_key, moment), moment)
        for moment in sorted(set(moments))
    ]


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
    messages = primary.get_cap_messages(request, pages=pages)
    current, earlier = messages[-1], messages[:-1]
    message_type = primary.get_cap_message_type(messages)
    ElementTree.register_namespace("", CAP_NAMESPACE)
    alert = ElementTree.Element(f"{{{CAP_NAMESPACE}}}alert")
    _sub(alert, "identifier", current.identifier)
    _sub(alert, "sender", current.sender)
    _sub(alert, "sent", cap_datetime(current.sent, zone))
    _sub(alert, "status", "Actual")
    _sub(alert, "msgType", message_type)
    _sub(alert, "scope", "Public")
    if message_type != "Alert" and earlier:
        _sub(alert, "references", " ".join(m.reference(zone) for m in earlier))
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
