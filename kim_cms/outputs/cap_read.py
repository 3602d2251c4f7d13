"""CAP 1.2 in: read a CAP alert, or an RSS or Atom list of CAP links, safely.

Documents are parsed with lxml without entities, DTDs or network access
(a document with a ``<!DOCTYPE>`` is refused), no larger than
``MAX_DOCUMENT_BYTES``, and validated against the OASIS CAP 1.2 XML schema
shipped in ``schemas/``. What is read becomes plain data (``CapAlert``);
turning it into warnings is the business of ``kim_cms.pages.warnings``.
Every failure is a ``CapReadError`` with a message for people.

Network access happens only in ``fetch()``, for an address someone gave on
purpose (the command's argument, ``KIM_CMS_CAP_IMPORT_URL``, or a link of a
list a moderator uploaded): http and https only, with a timeout and a size
limit, and never to an address of a private network (loopback, private,
link-local, reserved), before or after a redirect, so that an uploaded list
cannot make the server read its own services. The host of
``KIM_CMS_CAP_IMPORT_URL`` is trusted: an integrator may point it at a
mirror inside the district's network.
"""

import datetime
import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from django.utils.translation import gettext as _
from lxml import etree

from kim_cms.outputs.cap import CAP_NAMESPACE

MAX_DOCUMENT_BYTES = 1024 * 1024
FETCH_TIMEOUT_SECONDS = 15
# How many CAP documents one feed may list (BMKG's nowcast feed lists ~50).
MAX_FEED_LINKS = 200
ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
OTHER_CAP_NAMESPACES = (
    "urn:oasis:names:tc:emergency:cap:1.1",
    "urn:oasis:names:tc:emergency:cap:1.0",
    "http://www.incident.com/cap/1.0",
)
NS = {"cap": CAP_NAMESPACE}


class CapReadError(Exception):
    """A CAP document or feed that cannot be read, with a message for people
    (``str(error)``) and, where known, the details (``error.details``)."""

    def __init__(self, message, details=()):
        super().__init__(message)
        self.details = list(details)


@dataclass
class CapArea:
    """One ``<area>``: its description, shapes and geocodes."""

    description: str
    polygons: list = field(default_factory=list)
    circles: list = field(default_factory=list)
    geocodes: list = field(default_factory=list)  # (valueName, value)


@dataclass
class CapInfo:
    """One ``<info>`` block: the alert in one language."""

    position: int
    language: str
    categories: list
    event: str
    urgency: str
    severity: str
    certainty: str
    response_types: list = field(default_factory=list)
    effective: datetime.datetime | None = None
    onset: datetime.datetime | None = None
    expires: datetime.datetime | None = None
    sender_name: str = ""
    headline: str = ""
    description: str = ""
    instruction: str = ""
    web: str = ""
    areas: list = field(default_factory=list)


@dataclass
class CapAlert:
    """A CAP 1.2 alert message, as far as warnings need it."""

    identifier: str
    sender: str
    sent: datetime.datetime
    status: str
    msg_type: str
    scope: str
    references: list = field(default_factory=list)  # (sender, identifier, sent)
    infos: list = field(default_factory=list)
    location: str = ""


_schema = None


def cap_schema():
    """The OASIS CAP 1.2 schema (loaded once)."""
    global _schema
    if _schema is None:
        path = resources.files("kim_cms.outputs") / "schemas" / "CAP-v1.2.xsd"
        with resources.as_file(path) as xsd:
            _schema = etree.XMLSchema(etree.parse(str(xsd), safe_parser()))
    return _schema


def safe_parser():
    """An lxml parser that resolves no entities, loads no DTD, reaches no
    network and refuses huge trees."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_pis=True,
    )


def parse_xml(data):
    """The root element of the XML ``data`` (bytes), or ``CapReadError``."""
    if not isinstance(data, bytes):
        raise CapReadError(_("The document must be given as bytes."))
    if len(data) > MAX_DOCUMENT_BYTES:
        raise CapReadError(
            _("The document is larger than %(size)s KB.")
            % {"size": MAX_DOCUMENT_BYTES // 1024}
        )
    if not data.strip():
        raise CapReadError(_("The document is empty."))
    try:
        root = etree.fromstring(data, safe_parser())
    except (etree.XMLSyntaxError, ValueError) as error:
        raise CapReadError(
            _("The document is not well-formed XML: %(error)s")
            % {"error": str(error)[:300]}
        ) from error
    if root is None:
        raise CapReadError(_("The document is empty."))
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise CapReadError(
            _(
                "The document declares a DOCTYPE or entities; CAP documents "
                "have none, and they are refused for safety."
            )
        )
    return root


def kind_of(root):
    """``"cap"``, ``"rss"`` or ``"atom"``: what the document is, or
    ``CapReadError`` saying what was expected."""
    tag = etree.QName(root)
    if tag.localname == "alert" and tag.namespace == CAP_NAMESPACE:
        return "cap"
    if tag.localname == "rss" and tag.namespace is None:
        return "rss"
    if tag.localname == "feed" and tag.namespace == ATOM_NAMESPACE:
        return "atom"
    if tag.localname == "alert":
        found = tag.namespace or _("no namespace")
        message = _(
            "The <alert> is in the namespace %(found)s, not CAP 1.2's %(expected)s."
        ) % {"found": found, "expected": CAP_NAMESPACE}
        if tag.namespace in OTHER_CAP_NAMESPACES:
            message += " " + _("Only CAP 1.2 is read.")
        raise CapReadError(message)
    raise CapReadError(
        _(
            "The document is neither a CAP 1.2 alert nor an RSS or Atom list "
            "of CAP alerts (its root element is <%(tag)s>)."
        )
        % {"tag": tag.localname[:50]}
    )


def validate(root):
    """Raise ``CapReadError`` listing the schema's complaints (with line
    numbers) when ``root`` is not a valid CAP 1.2 alert."""
    schema = cap_schema()
    if schema.validate(root):
        return
    details = [
        _("line %(line)s: %(message)s")
        % {
            "line": entry.line,
            "message": entry.message.replace(f"{{{CAP_NAMESPACE}}}", ""),
        }
        for entry in list(schema.error_log)[:20]
    ]
    raise CapReadError(
        _("The document does not follow the CAP 1.2 schema (OASIS)."), details
    )


def _text(element, path):
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def _texts(element, path):
    return [(e.text or "").strip() for e in element.findall(path, NS)]


def _moment(element, path):
    text = _text(element, path)
    if not text:
        return None
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError as error:
        raise CapReadError(
            _("<%(element)s> holds %(value)s, which is not a moment in time.")
            % {"element": path.split(":")[-1], "value": text[:40]}
        ) from error


def _references(text):
    references = []
    for triple in text.split():
        parts = triple.split(",")
        if len(parts) == 3 and all(parts):
            references.append(tuple(parts))
    return references


def read_alert(root, location=""):
    """The ``CapAlert`` of a validated ``<alert>`` element."""
    alert = CapAlert(
        identifier=_text(root, "cap:identifier"),
        sender=_text(root, "cap:sender"),
        sent=_moment(root, "cap:sent"),
        status=_text(root, "cap:status"),
        msg_type=_text(root, "cap:msgType"),
        scope=_text(root, "cap:scope"),
        references=_references(_text(root, "cap:references")),
        location=location,
    )
    for position, info in enumerate(root.findall("cap:info", NS), start=1):
        areas = [
            CapArea(
                description=_text(area, "cap:areaDesc"),
                polygons=_texts(area, "cap:polygon"),
                circles=_texts(area, "cap:circle"),
                geocodes=[
                    (_text(code, "cap:valueName"), _text(code, "cap:value"))
                    for code in area.findall("cap:geocode", NS)
                ],
            )
            for area in info.findall("cap:area", NS)
        ]
        alert.infos.append(
            CapInfo(
                position=position,
                language=_text(info, "cap:language") or "en-US",
                categories=_texts(info, "cap:category"),
                event=_text(info, "cap:event"),
                urgency=_text(info, "cap:urgency"),
                severity=_text(info, "cap:severity"),
                certainty=_text(info, "cap:certainty"),
                response_types=_texts(info, "cap:responseType"),
                effective=_moment(info, "cap:effective"),
                onset=_moment(info, "cap:onset"),
                expires=_moment(info, "cap:expires"),
                sender_name=_text(info, "cap:senderName"),
                headline=_text(info, "cap:headline"),
                description=_text(info, "cap:description"),
                instruction=_text(info, "cap:instruction"),
                web=_text(info, "cap:web"),
                areas=areas,
            )
        )
    return alert


def parse_alert(data, location=""):
    """``data`` (bytes) as a ``CapAlert``: parsed safely and validated
    against the CAP 1.2 schema; anything else is a ``CapReadError``."""
    root = parse_xml(data)
    if kind_of(root) != "cap":
        raise CapReadError(
            _("This is a list of alerts (RSS or Atom), not one CAP alert.")
        )
    validate(root)
    alert = read_alert(root, location)
    check(alert)
    return alert


def check(alert):
    """What CAP 1.2 asks beyond its schema: an identifier and a sender
    without spaces, commas, ``<`` or ``&`` (section 3.2.1), and an event in
    every ``<info>``."""
    for name, value in (("identifier", alert.identifier), ("sender", alert.sender)):
        if not value or any(ch in value for ch in " \t\n\r,<&"):
            raise CapReadError(
                _(
                    "<%(element)s> must be filled in without spaces, commas, "
                    "< or &; it is %(value)s."
                )
                % {"element": name, "value": repr(value[:80])}
            )
    for info in alert.infos:
        if not info.event:
            raise CapReadError(
                _("<info> %(position)s has an empty <event>.")
                % {"position": info.position}
            )


def feed_links(root, base=""):
    """The addresses of the CAP documents an RSS or Atom ``root`` lists,
    resolved against ``base``, in the feed's order, without repeats."""
    kind = kind_of(root)
    links = []
    if kind == "rss":
        for item in root.iter("item"):
            link = item.findtext("link") or ""
            enclosure = item.find("enclosure")
            if not link.strip() and enclosure is not None:
                link = enclosure.get("url", "")
            links.append(link.strip())
    elif kind == "atom":
        atom = {"a": ATOM_NAMESPACE}
        for entry in root.iterfind("a:entry", atom):
            candidates = entry.findall("a:link", atom)
            chosen = next(
                (c for c in candidates if "cap" in (c.get("type") or "")), None
            )
            if chosen is None:
                chosen = next(
                    (c for c in candidates if c.get("rel", "alternate") == "alternate"),
                    None,
                )
            links.append((chosen.get("href", "") if chosen is not None else "").strip())
    else:
        raise CapReadError(_("This is one CAP alert, not a list of alerts."))
    resolved = []
    for link in links:
        if link:
            address = urllib.parse.urljoin(base, link) if base else link
            if address not in resolved:
                resolved.append(address)
    if len(resolved) > MAX_FEED_LINKS:
        raise CapReadError(
            _("The list holds more than %(count)s alerts.") % {"count": MAX_FEED_LINKS}
        )
    return resolved


def is_url(location):
    return urllib.parse.urlsplit(str(location)).scheme in ("http", "https")


def resolve(host):
    """The IP addresses ``host`` resolves to (empty when it does not)."""
    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        return []  # fetching it fails with its own, clearer, error
    return [info[4][0] for info in infos]


def _trusted_hosts():
    from django.conf import settings

    configured = getattr(settings, "KIM_CMS_CAP_IMPORT_URL", None)
    host = urllib.parse.urlsplit(str(configured)).hostname if configured else None
    return {host.lower()} if host else set()


def refuse_private_address(url):
    """``CapReadError`` when ``url``'s host is, or resolves to, an address
    of a private network (loopback, private, link-local, reserved,
    multicast), unless it is the configured feed's host."""
    host = urllib.parse.urlsplit(str(url)).hostname
    if not host or host.lower() in _trusted_hosts():
        return
    for address in resolve(host):
        try:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            continue
        if not ip.is_global:
            raise CapReadError(
                _(
                    "%(url)s is an address of a private network: kim-cms fetches "
                    "CAP alerts only from the public internet."
                )
                % {"url": str(url)[:200]}
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to a public address."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        refuse_private_address(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_CheckedRedirects)


def open_url(request, timeout):
    """Open ``request`` (the one place kim-cms reaches the network for CAP)."""
    return _opener.open(request, timeout=timeout)


def fetch(url, timeout=FETCH_TIMEOUT_SECONDS, limit=MAX_DOCUMENT_BYTES):
    """The bytes at ``url`` (http or https only), read with a timeout and at
    most ``limit`` bytes, or ``CapReadError``."""
    if not is_url(url):
        raise CapReadError(
            _("Only http and https addresses are fetched, not %(url)s.")
            % {"url": str(url)[:200]}
        )
    refuse_private_address(url)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": "kim-cms CAP import",
            "Accept": "application/cap+xml, application/rss+xml, "
            "application/atom+xml, application/xml;q=0.9, */*;q=0.1",
        },
    )
    try:
        with open_url(request, timeout=timeout) as response:
            data = response.read(limit + 1)
    except CapReadError:
        raise
    except urllib.error.HTTPError as error:
        raise CapReadError(
            _("%(url)s answered with the HTTP status %(status)s.")
            % {"url": url[:200], "status": error.code}
        ) from error
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise CapReadError(
            _("%(url)s could not be fetched: %(error)s")
            % {"url": url[:200], "error": str(getattr(error, "reason", error))[:200]}
        ) from error
    if len(data) > limit:
        raise CapReadError(
            _("%(url)s is larger than %(size)s KB.")
            % {"url": url[:200], "size": limit // 1024}
        )
    return data


def read_file(path, limit=MAX_DOCUMENT_BYTES):
    """The bytes of the file at ``path``, at most ``limit``, or
    ``CapReadError``."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise CapReadError(
            _("The file %(path)s cannot be read: %(error)s")
            % {"path": str(path)[:200], "error": error.strerror or error}
        ) from error
    if len(data) > limit:
        raise CapReadError(
            _("The file %(path)s is larger than %(size)s KB.")
            % {"path": str(path)[:200], "size": limit // 1024}
        )
    return data


def read_location(location, fetcher=None):
    """The bytes at ``location``: an http(s) address (through ``fetcher``,
    ``fetch()`` by default) or a file path."""
    if is_url(location):
        return (fetcher or fetch)(location)
    return read_file(location)


def local_link(feed_path, link):
    """The file a link of a feed read from a file points to: a relative
    link to a file in the feed's folder or below, else ``CapReadError``."""
    folder = Path(feed_path).resolve().parent
    if urllib.parse.urlsplit(link).scheme or link.startswith("/"):
        raise CapReadError(
            _(
                "A list read from a file may only point to files next to it, "
                "not to %(link)s."
            )
            % {"link": link[:200]}
        )
    target = (folder / urllib.parse.unquote(link)).resolve()
    if folder not in target.parents:
        raise CapReadError(
            _("The link %(link)s points outside the list's folder.")
            % {"link": link[:200]}
        )
    return str(target)


def expand(location, data, fetcher=None, uploaded=False):
    """``[(location, bytes or CapReadError)]``: the document itself when it
    is a CAP alert, else one entry per alert its RSS or Atom list links to
    (read next to the list when it came from a file, fetched when it came
    from an address or was ``uploaded``: an uploaded list never makes the
    server read its own files, and its links must be http or https
    addresses)."""
    root = parse_xml(data)
    if kind_of(root) == "cap":
        return [(location, data)]
    remote = is_url(location) or uploaded
    fetcher = fetcher or fetch
    entries = []
    for link in feed_links(root, base=location if is_url(location) else ""):
        try:
            if remote:
                entries.append((link, fetcher(link)))
            else:
                path = local_link(location, link)
                entries.append((path, read_file(path)))
        except CapReadError as error:
            entries.append((link, error))
    return entries
