"""CAP 1.2 in: a CAP alert (or every alert an RSS or Atom list links to)
becomes a *draft* warning under a warning list, never published: a moderator
reviews and publishes it as any other warning.

- The kecamatan and desa come from the ``<area>``: a ``<geocode>`` whose
  value is a Kemendagri code of the region snippets, or a name in
  ``<areaDesc>`` (separated by commas, semicolons or brackets).
- The hazard is the hazard snippet whose name, in either language, is the
  ``<event>``; else the only hazard of the ``<category>``.
- The level follows ``<severity>`` (Extreme Awas, Severe Siaga, Moderate
  Waspada, Minor Normal); when severity is Unknown, the level nearest in
  urgency and certainty.
- The ``<info>`` in the warning list's language fills the warning; an
  ``<info>`` in another language of the site becomes its translation.
- Each message is remembered (``ImportedCapMessage``): importing it again
  writes nothing. An Update (``references``, any earlier message of the
  warning) changes the draft of the warning it refers to, and adds the
  languages it gained; a Cancel ticks *cancelled* in a new draft. A live
  warning keeps what was published until a moderator publishes the draft.

Each document is imported in one transaction: any error and nothing of it is
written. ``import_cap()`` returns a ``CapImportReport`` of what happened.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.utils import translation
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from kim_cms.outputs.cap_read import CapReadError, expand, parse_alert, read_location
from kim_cms.pages.warnings.levels import (
    CAP_LEVELS,
    CIRCLE_RE,
    LEVEL_AWAS,
    LEVEL_NORMAL,
    LEVEL_SIAGA,
    LEVEL_WASPADA,
    POLYGON_RE,
    default_warning_time_zone,
    get_warning_model,
)

SEVERITY_LEVELS = {
    "Extreme": LEVEL_AWAS,
    "Severe": LEVEL_SIAGA,
    "Moderate": LEVEL_WASPADA,
    "Minor": LEVEL_NORMAL,
}
URGENCY_SCALE = ("Future", "Expected", "Immediate")
CERTAINTY_SCALE = ("Unlikely", "Possible", "Likely", "Observed")
ZONES_BY_OFFSET = {
    datetime.timedelta(hours=7): "Asia/Jakarta",
    datetime.timedelta(hours=8): "Asia/Makassar",
    datetime.timedelta(hours=9): "Asia/Jayapura",
}
DEFAULT_VALIDITY = datetime.timedelta(hours=24)
AREA_SEPARATORS = re.compile(r"[,;:/()\n]|\s+(?:dan|and|&)\s+", re.IGNORECASE)
AREA_PREFIXES = re.compile(
    r"^(?:kecamatan|kec\.?|desa|kelurahan|kel\.?)\s+", re.IGNORECASE
)

CREATED = "created"
UPDATED = "updated"
CANCELLED = "cancelled"
UNCHANGED = "unchanged"
SKIPPED = "skipped"
FAILED = "failed"
OUTCOME_LABELS = {
    CREATED: gettext_lazy("created as a draft"),
    UPDATED: gettext_lazy("draft updated"),
    CANCELLED: gettext_lazy("cancelled in a draft"),
    UNCHANGED: gettext_lazy("already imported, nothing changed"),
    SKIPPED: gettext_lazy("skipped"),
    FAILED: gettext_lazy("not imported"),
}


class ImportedCapMessage(models.Model):
    """A CAP message that was imported, and the warning (all its languages,
    by ``translation_key``) it created or changed."""

    sender = models.CharField(gettext_lazy("sender"), max_length=255)
    identifier = models.CharField(gettext_lazy("identifier"), max_length=255)
    sent = models.DateTimeField(gettext_lazy("sent"))
    msg_type = models.CharField(gettext_lazy("message type"), max_length=10)
    translation_key = models.UUIDField(db_index=True)
    imported_at = models.DateTimeField(gettext_lazy("imported"), auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("imported CAP message")
        verbose_name_plural = gettext_lazy("imported CAP messages")
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "identifier"],
                name="kim_cms_importedcapmessage_unique",
            )
        ]

    def __str__(self):
        return f"{self.sender} {self.identifier}"


@dataclass
class DocumentReport:
    """What became of one CAP document: its outcome (``CREATED``, ...), the
    errors that stopped it, notes on what was matched or left out, and the
    warning pages written."""

    location: str = ""
    identifier: str = ""
    outcome: str = ""
    errors: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    pages: list = field(default_factory=list)

    @property
    def outcome_label(self):
        return OUTCOME_LABELS.get(self.outcome, self.outcome)


@dataclass
class CapImportReport:
    """The reports of every document of one import."""

    documents: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self):
        return all(d.outcome != FAILED for d in self.documents)

    def count(self, outcome):
        return sum(1 for d in self.documents if d.outcome == outcome)


class _Refused(Exception):
    """Stops one document; nothing of it is written."""

    def __init__(self, message, outcome=FAILED, not_for_district=False):
        super().__init__(message)
        self.outcome = outcome
        # an alert for other districts, skipped quietly when read from a list
        self.not_for_district = not_for_district


# -- matching -------------------------------------------------------------------


def level_for(severity, urgency, certainty):
    """The status level (``LEVEL_*``) nearest to CAP's severity, urgency and
    certainty. Severity decides; when it is Unknown, the level whose urgency
    and certainty are nearest (the more severe on a tie); Waspada when all
    three are Unknown."""
    if severity in SEVERITY_LEVELS:
        return SEVERITY_LEVELS[severity]
    scores = []
    for level, cap in CAP_LEVELS.items():
        distance = 0
        known = False
        if urgency in URGENCY_SCALE:
            known = True
            distance += abs(
                URGENCY_SCALE.index(urgency) - URGENCY_SCALE.index(cap.urgency)
            )
        if certainty in CERTAINTY_SCALE:
            known = True
            distance += abs(
                CERTAINTY_SCALE.index(certainty) - CERTAINTY_SCALE.index(cap.certainty)
            )
        if not known:
            return LEVEL_WASPADA
        scores.append((distance, -cap.rank, level))
    return min(scores)[2]


def language_code(tag):
    """``id`` for ``id``, ``id-ID`` or the old ``in-ID``; ``en`` for
    ``en-US``: the primary language of a CAP ``<language>``."""
    primary = re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0]
    return "id" if primary == "in" else primary


def locale_for(tag):
    code = language_code(tag)
    return Locale.objects.filter(language_code__iexact=code).first()


def zone_for(moment):
    """The Indonesian zone of ``moment``'s offset, else the default one."""
    return ZONES_BY_OFFSET.get(moment.utcoffset(), default_warning_time_zone())


def match_hazard(alert, locale, report):
    """The hazard (in ``locale`` where translated) of the alert's events in
    any language, else the only hazard of its categories."""
    from kim_cms.snippets import Hazard

    hazards = list(Hazard.objects.all())
    events = {info.event.casefold() for info in alert.infos}
    slugs = {slugify(info.event) for info in alert.infos}
    keys = {
        h.translation_key
        for h in hazards
        if h.name.strip().casefold() in events or h.slug in slugs
    }
    how = _("by name")
    if not keys:
        categories = {c for info in alert.infos for c in info.categories}
        keys = {h.translation_key for h in hazards if h.cap_category in categories}
        how = _("by CAP category")
        if len(keys) != 1:
            known = sorted({h.name for h in hazards}) or ["-"]
            raise _Refused(
                _(
                    "No hazard is named %(event)s and no single hazard has the "
                    "category %(category)s. Add the hazard (KIM → Hazards) or "
                    "rename one; known hazards: %(known)s."
                )
                % {
                    "event": " / ".join(sorted({i.event for i in alert.infos})),
                    "category": ", ".join(sorted(categories)),
                    "known": ", ".join(known)[:300],
                }
            )
    if len(keys) > 1:
        raise _Refused(
            _("Several hazards are named %(event)s: rename one of them.")
            % {"event": alert.infos[0].event}
        )
    key = keys.pop()
    chosen = [h for h in hazards if h.translation_key == key]
    hazard = next((h for h in chosen if h.locale_id == locale.pk), chosen[0])
    report.notes.append(
        _("Hazard: %(hazard)s (matched %(how)s).") % {"hazard": hazard.name, "how": how}
    )
    return hazard


def area_names(description):
    """The place names in an ``<areaDesc>``, without "Kecamatan"/"Desa"."""
    names = []
    for part in AREA_SEPARATORS.split(description):
        name = AREA_PREFIXES.sub("", " ".join(part.split()))
        if name and name not in names:
            names.append(name)
    return names


def match_areas(info, report):
    """``(kecamatan, desa)`` of the district named by the areas of ``info``,
    by Kemendagri geocode or by name. Names that are no region of the
    district are noted and left out; none at all is an error."""
    from kim_cms.snippets import Desa, Kecamatan

    all_kecamatan = list(Kecamatan.objects.all())
    all_desa = list(Desa.objects.select_related("kecamatan"))
    kecamatan_codes = {k.code: k for k in all_kecamatan if k.code}
    desa_codes = {d.code: d for d in all_desa if d.code}
    kecamatan_names = {k.name.casefold(): k for k in all_kecamatan}
    kecamatan, desa, unknown = {}, {}, []
    for position, area in enumerate(info.areas, start=1):
        for _name, value in area.geocodes:
            value = value.strip()
            if value in kecamatan_codes:
                kecamatan[kecamatan_codes[value].pk] = kecamatan_codes[value]
            elif value in desa_codes:
                found = desa_codes[value]
                desa[found.pk] = found
                kecamatan[found.kecamatan_id] = found.kecamatan
        for name in area_names(area.description):
            key = name.casefold()
            if key in kecamatan_names:
                kecamatan[kecamatan_names[key].pk] = kecamatan_names[key]
                continue
            candidates = [d for d in all_desa if d.name.casefold() == key]
            inside = [d for d in candidates if d.kecamatan_id in kecamatan]
            chosen = inside or candidates
            if len(chosen) == 1:
                desa[chosen[0].pk] = chosen[0]
                kecamatan[chosen[0].kecamatan_id] = chosen[0].kecamatan
            elif chosen:
                report.notes.append(
                    _(
                        "Area %(position)s: several desa are named %(name)s; "
                        "choose the right one in the draft."
                    )
                    % {"position": position, "name": name}
                )
            else:
                unknown.append(name)
    if not kecamatan:
        described = "; ".join(a.description for a in info.areas) or "-"
        raise _Refused(
            _(
                "None of the areas (%(areas)s) is a kecamatan or desa of this "
                "district, by name or by Kemendagri code. Add it under KIM → "
                "Kecamatan, or import alerts for this district only."
            )
            % {"areas": Truncator(described).chars(300)},
            not_for_district=True,
        )
    names = ", ".join(k.name for k in sorted(kecamatan.values(), key=str))
    report.notes.append(_("Kecamatan: %(names)s.") % {"names": names})
    if unknown:
        report.notes.append(
            _("Not regions of this district, left out: %(names)s.")
            % {"names": Truncator(", ".join(unknown)).chars(300)}
        )
    return list(kecamatan.values()), list(desa.values())


# -- filling a warning ---------------------------------------------------------------


def _shape(values, pattern, closed=False):
    for value in values:
        value = " ".join(value.split())
        points = value.split(" ")
        if pattern.fullmatch(value) and (not closed or points[0] == points[-1]):
            return value
    return ""


def _url(value):
    if not value or len(value) > 200:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value


def shared_values(alert, info, report):
    """The values every language of the warning shares (synchronized)."""
    start = info.effective or info.onset or alert.sent
    end = info.expires
    if end is None:
        end = start + DEFAULT_VALIDITY
        report.notes.append(
            _("The alert has no <expires>: the draft is valid for 24 hours; check it.")
        )
    polygons = [p for area in info.areas for p in area.polygons]
    circles = [c for area in info.areas for c in area.circles]
    values = {
        "level": level_for(info.severity, info.urgency, info.certainty),
        "valid_from": start,
        "valid_until": end,
        "time_zone": zone_for(start),
        "polygon": _shape(polygons, POLYGON_RE, closed=True),
        "circle": _shape(circles, CIRCLE_RE),
        "issuing_agency": Truncator(info.sender_name or alert.sender).chars(200),
        "source_url": _url(info.web),
    }
    if (polygons and not values["polygon"]) or (circles and not values["circle"]):
        report.notes.append(_("A polygon or circle that is not usable was left out."))
    return values


def text_values(info, language):
    """The values translated per language, from one ``<info>``."""
    with translation.override(language):
        fallback = _("Follow the instructions of the local authorities.")
    headline = info.headline or info.event
    return {
        "title": Truncator(headline).chars(255),
        "description": Truncator(info.description or headline).chars(2000),
        "instructions": Truncator(info.instruction or fallback).chars(2000),
        "area_description": Truncator(
            "; ".join(a.description for a in info.areas)
        ).chars(500),
    }


def _apply(page, values, kecamatan=None, desa=None):
    for name, value in values.items():
        setattr(page, name, value)
    if kecamatan is not None:
        page.kecamatan = kecamatan
        page.desa = desa


def _free_slug(parent, title, exclude=None):
    base = slugify(title)[:70] or "peringatan"
    taken = set(parent.get_children().values_list("slug", flat=True))
    if exclude is not None:
        taken.discard(exclude.slug)
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def _save_draft(page, user):
    """A new draft revision of ``page``; a page never published keeps its
    row in step with the draft, a live one keeps serving what was published."""
    if not page.live:
        page.save()
    page.save_revision(user=user, log_action=True)


def _errors_of(error):
    if hasattr(error, "message_dict"):
        return [
            f"{field}: {' '.join(messages)}"
            for field, messages in error.message_dict.items()
        ]
    return [" ".join(error.messages)]


# -- importing ---------------------------------------------------------------------


def _infos_by_language(alert, report):
    found = {}
    for info in alert.infos:
        code = language_code(info.language)
        if code in found:
            report.notes.append(
                _("<info> %(position)s repeats the language %(language)s: left out.")
                % {"position": info.position, "language": code}
            )
            continue
        found[code] = info
    return found


def _write_translations(source, infos, shared, hazard, index, user, report):
    """Create or update the translations of ``source`` for every ``<info>``
    in another language of the site."""
    model = type(source)
    for code, info in infos.items():
        if code == source.locale.language_code:
            continue
        locale = Locale.objects.filter(language_code__iexact=code).first()
        if locale is None:
            report.notes.append(
                _("The site has no language %(language)s: that <info> was left out.")
                % {"language": code}
            )
            continue
        page = model.objects.filter(
            translation_key=source.translation_key, locale=locale
        ).first()
        if page is None:
            if index.get_translation_or_none(locale) is None:
                report.notes.append(
                    _(
                        "The warning list has no %(language)s translation: the "
                        "%(language)s text was left out."
                    )
                    % {"language": code}
                )
                continue
            page = source.copy_for_translation(locale)
        else:
            page = page.get_latest_revision_as_object()
        _apply(page, {**shared, **text_values(info, code)})
        page.hazard = hazard.get_translation_or_none(locale) or hazard
        _save_draft(page, user)
        report.pages.append(page)


def _create(alert, infos, index, user, report):
    info = infos.get(index.locale.language_code) or alert.infos[0]
    language = language_code(info.language)
    hazard = match_hazard(alert, index.locale, report)
    kecamatan, desa = match_areas(info, report)
    shared = shared_values(alert, info, report)
    texts = text_values(info, index.locale.language_code)
    if language != index.locale.language_code:
        report.notes.append(
            _(
                "No <info> in the warning list's language: the %(language)s text "
                "fills the draft; translate it."
            )
            % {"language": language}
        )
    page = get_warning_model()(
        slug=_free_slug(index, texts["title"]),
        hazard=hazard,
        cap_identifier=alert.identifier,
        live=False,
    )
    _apply(page, {**shared, **texts}, kecamatan, desa)
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    report.pages.append(page)
    _write_translations(page, infos, shared, hazard, index, user, report)
    return page


def _change(alert, infos, pages, user, report):
    """Apply an Update or a Cancel to the drafts of ``pages`` (the languages
    of one warning); an Update in a language the warning lacks adds that
    translation as a draft."""
    default = next(iter(infos.values()))
    drafts = []
    for page in pages:
        draft = page.get_latest_revision_as_object()
        if alert.msg_type == "Cancel":
            draft.cancelled = True
        else:
            info = infos.get(page.locale.language_code, default)
            kecamatan, desa = match_areas(info, DocumentReport())
            values = shared_values(alert, info, DocumentReport())
            if page.locale.language_code in infos:
                values.update(text_values(info, page.locale.language_code))
            _apply(draft, values, kecamatan, desa)
            draft.cancelled = False
        _save_draft(draft, user)
        drafts.append(draft)
        report.pages.append(draft)
    known = {page.locale.language_code for page in pages}
    missing = {code: info for code, info in infos.items() if code not in known}
    if alert.msg_type == "Update" and missing:
        source = drafts[0]
        info = infos.get(source.locale.language_code, default)
        _write_translations(
            source,
            missing,
            shared_values(alert, info, DocumentReport()),
            source.hazard,
            source.get_parent().specific,
            user,
            report,
        )


def _import_alert(alert, index, user, report):
    report.identifier = alert.identifier
    if len(alert.identifier) > 255 or len(alert.sender) > 255:
        raise _Refused(_("The identifier or sender is longer than 255 characters."))
    if ImportedCapMessage.objects.filter(
        sender=alert.sender, identifier=alert.identifier
    ).exists():
        report.outcome = UNCHANGED
        return
    if alert.status != "Actual" or alert.scope != "Public":
        raise _Refused(
            _(
                "Only public, actual alerts become warnings (this one is "
                "%(status)s, %(scope)s)."
            )
            % {"status": alert.status, "scope": alert.scope},
            SKIPPED,
        )
    if alert.msg_type not in ("Alert", "Update", "Cancel"):
        raise _Refused(
            _("A %(type)s message carries no warning.") % {"type": alert.msg_type},
            SKIPPED,
        )
    if not alert.infos:
        raise _Refused(_("The alert has no <info>: there is no warning to import."))
    infos = _infos_by_language(alert, report)
    model = get_warning_model()
    pages = []
    if alert.msg_type in ("Update", "Cancel"):
        query = models.Q()
        for sender, identifier, _sent in alert.references:
            query |= models.Q(sender=sender, identifier=identifier)
        earlier = (
            ImportedCapMessage.objects.filter(query).order_by("-sent").first()
            if alert.references
            else None
        )
        if earlier is not None:
            pages = list(
                model.objects.filter(translation_key=earlier.translation_key)
                .select_related("locale")
                .order_by("pk")
            )
        if not pages and alert.msg_type == "Cancel":
            raise _Refused(
                _(
                    "This cancellation refers to no warning imported here "
                    "(references: %(references)s)."
                )
                % {"references": " ".join(i for _s, i, _t in alert.references) or "-"}
            )
        if not pages:
            report.notes.append(
                _("The alert it updates was not imported here: a new draft is made.")
            )
    if pages:
        _change(alert, infos, pages, user, report)
        report.outcome = CANCELLED if alert.msg_type == "Cancel" else UPDATED
        translation_key = pages[0].translation_key
    else:
        page = _create(alert, infos, index, user, report)
        report.outcome = CREATED
        translation_key = page.translation_key
    ImportedCapMessage.objects.create(
        sender=alert.sender,
        identifier=alert.identifier,
        sent=alert.sent,
        msg_type=alert.msg_type,
        translation_key=translation_key,
    )


def import_document(
    data, index, *, user=None, dry_run=False, location="", in_feed=False
):
    """Import one CAP document (bytes) as drafts under the warning list
    ``index``, all or nothing; return its ``DocumentReport``. Nothing is
    written when ``dry_run`` is set."""
    report = DocumentReport(location=location)
    try:
        alert = parse_alert(data, location)
    except CapReadError as error:
        report.outcome = FAILED
        report.errors = [str(error), *error.details]
        return report
    try:
        with transaction.atomic():
            _import_alert(alert, index, user, report)
            if dry_run:
                transaction.set_rollback(True)
    except _Refused as refused:
        skip = in_feed and refused.not_for_district
        report.outcome = SKIPPED if skip else refused.outcome
        report.notes, report.pages = [], []
        (report.notes if report.outcome == SKIPPED else report.errors).append(
            str(refused)
        )
    except ValidationError as error:
        report.outcome = FAILED
        report.errors = _errors_of(error)
        report.notes, report.pages = [], []
    if dry_run:
        report.pages = []
    return report


def import_cap(
    data,
    index,
    *,
    user=None,
    dry_run=False,
    location="",
    fetcher=None,
    uploaded=False,
):
    """Import a CAP document, or every alert of an RSS or Atom list, from
    ``data`` (bytes read from ``location``). Links of a list read from a
    file are read next to it; those of a fetched or ``uploaded`` list are
    fetched through ``fetcher`` (``kim_cms.outputs.cap_read.fetch`` by
    default; http and https only). Returns a ``CapImportReport``; each
    document is all or nothing."""
    report = CapImportReport(dry_run=dry_run)
    try:
        entries = expand(location, data, fetcher, uploaded=uploaded)
    except CapReadError as error:
        report.documents.append(
            DocumentReport(
                location=location,
                outcome=FAILED,
                errors=[str(error), *error.details],
            )
        )
        return report
    # a list, rather than the alert itself: alerts for other districts are skipped
    in_feed = any(content is not data for _where, content in entries)
    for where, content in entries:
        if isinstance(content, CapReadError):
            report.documents.append(
                DocumentReport(
                    location=where,
                    outcome=FAILED,
                    errors=[str(content), *content.details],
                )
            )
            continue
        report.documents.append(
            import_document(
                content,
                index,
                user=user,
                dry_run=dry_run,
                location=where,
                in_feed=in_feed,
            )
        )
    return report


def import_location(location, index, *, user=None, dry_run=False, fetcher=None):
    """Read ``location`` (a file, or an http or https address fetched
    through ``fetcher``) and import it as ``import_cap()`` does: what the
    command and the admin's "configured feed" button run. A location that
    cannot be read is a failed document, and nothing is written."""
    location = str(location)
    try:
        data = read_location(location, fetcher)
    except CapReadError as error:
        report = CapImportReport(dry_run=dry_run)
        report.documents.append(
            DocumentReport(
                location=location,
                outcome=FAILED,
                errors=[str(error), *error.details],
            )
        )
        return report
    return import_cap(
        data, index, user=user, dry_run=dry_run, location=location, fetcher=fetcher
    )
