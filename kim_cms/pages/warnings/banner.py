"""The banner of the warnings in force, on every kim_cms page: one query,
cached until the next warning starts or ends, forgotten on publish,
unpublish and delete."""

import datetime
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import translation

from kim_cms.conf import kim_settings
from kim_cms.pages.warnings import levels
from kim_cms.pages.warnings.levels import (
    BANNER_LEVELS,
    LEVEL_SHORT_LABELS,
    get_warning_model,
)
from kim_cms.pages.warnings.warning import AbstractWarningPage
from kim_cms.queries import public_q

BANNER_CACHE_KEY = "kim_cms:warning_banner:{version}:{language}"
SHOWN_BANNER_CACHE_KEY = "kim_cms:warning_banner:shown:{version}:{language}:{limit}"
BANNER_VERSION_KEY = "kim_cms:warning_banner:version"


@dataclass(frozen=True)
class BannerWarning:
    """What the banner shows of one warning: plain values, cached."""

    headline: str
    level: str
    level_label: str
    hazard: str
    area: str
    valid_until: str
    url: str
    rank: int


def _banner_version():
    """What the kept banners belong to: their own version (renewed when a
    warning or a hazard changes) and the page cache's generation (renewed
    by any change a visitor could see: the address of a warning list, its
    translation)."""
    from kim_cms import page_cache

    version = cache.get(BANNER_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(BANNER_VERSION_KEY, version, None)
    return f"{version}:{page_cache.generation()}"


def invalidate_banner():
    """Forget every cached banner (on publish, unpublish, delete)."""
    cache.set(BANNER_VERSION_KEY, uuid.uuid4().hex, None)


def _pick_language(pages, language):
    """One page per warning (translation key): the one in ``language``, else
    the one in the default content language, else any."""
    from kim_cms.i18n import default_content_language

    default = default_content_language()
    chosen = {}
    for page in pages:
        code = page.locale.language_code
        current = chosen.get(page.translation_key)
        if current is None:
            chosen[page.translation_key] = page
            continue
        current_code = current.locale.language_code
        if current_code != language and (
            code == language or (code == default and current_code != default)
        ):
            chosen[page.translation_key] = page
    return list(chosen.values())


def _banner_pages(moment, language):
    """``(pages, until)``: the warnings in force at ``moment``, one per
    warning in ``language`` where it is translated, most severe first, and
    the timestamp until which that stays so (the next start or end of a
    warning). One query."""
    pages = list(
        get_warning_model()
        .objects.live()
        .filter(public_q())
        .filter(cancelled=False, valid_until__gt=moment, level__in=BANNER_LEVELS)
        .select_related("hazard", "locale")
        .only(
            "title",
            "url_path",
            "path",
            "depth",
            "translation_key",
            "level",
            "level_rank",
            "area_description",
            "valid_from",
            "valid_until",
            "time_zone",
            "hazard__name",
            "locale__language_code",
        )
    )
    until = moment + datetime.timedelta(
        seconds=kim_settings.WARNING_BANNER_CACHE_SECONDS
    )
    shown = []
    for page in pages:
        if page.valid_from > moment:
            until = min(until, page.valid_from)
            continue
        until = min(until, page.valid_until)
        shown.append(page)
    shown = sorted(
        _pick_language(shown, language),
        key=lambda p: (-p.level_rank, p.valid_from, p.pk),
    )
    return shown, until


def _banner_warning(page):
    return BannerWarning(
        headline=page.title,
        level=page.level,
        level_label=str(LEVEL_SHORT_LABELS[page.level]),
        hazard=page.hazard.name,
        area=page.area_description,
        valid_until=page.get_valid_until_display(),
        url=page.get_url() or "",
        rank=page.level_rank,
    )


def _list_url(shown, language):
    """The address of the list of the most severe warning shown, in
    ``language`` where that list is translated and live (a warning not yet
    translated shows in its own language, but the reader's list holds the
    others)."""
    from wagtail.models import Page

    parent = shown[0].get_parent()
    if parent is None:
        return ""
    translated = (
        Page.objects.live()
        .filter(translation_key=parent.translation_key, locale__language_code=language)
        .filter(public_q())
        .first()
    )
    return (translated or parent).get_url() or ""


def load_banner(moment, language):
    """``(warnings, until, list_url)``: the banner at ``moment`` in
    ``language``, most severe first; the timestamp until which it stays the
    same (the next start or end of a warning); and the address of the list
    of the most severe warning (``""`` when the banner shows every warning).
    One query, two when there are more warnings than the banner shows."""
    shown, until = _banner_pages(moment, language)
    warnings = [_banner_warning(page) for page in shown]
    list_url = ""
    if len(shown) > kim_settings.WARNING_BANNER_LIMIT:
        list_url = _list_url(shown, language)
    return warnings, until.timestamp(), list_url


def get_banner(moment=None, language=None):
    """``(warnings, list_url)``: the warnings in force now, for the banner,
    in the active language, and the address of their list (``""`` when the
    banner shows them all): from the cache, which never keeps them past the
    next start or end of a warning, else from the database (one query, two
    when there are more than ``KIM_CMS_WARNING_BANNER_LIMIT``)."""
    moment = moment or levels.now()
    language = (language or translation.get_language() or "id").split("-")[0]
    key = BANNER_CACHE_KEY.format(version=_banner_version(), language=language)

    def load():
        warnings, until, list_url = load_banner(moment, language)
        return (warnings, list_url), until

    return _cached(key, moment, load)


def _cached(key, moment, load):
    """What ``load()`` returns first (its second value: the timestamp until
    which it holds), kept in the cache under ``key`` until then."""
    found = cache.get(key)
    if found is not None and len(found) == 2 and found[1] > moment.timestamp():
        return found[0]
    value, until = load()
    cache.set(key, (value, until), max(1, int(until - moment.timestamp())))
    return value


@dataclass(frozen=True)
class Banner:
    """What the banner shows: its first warnings, how many more are in
    force, and the address of their list (``""`` when there are none)."""

    warnings: list
    more: int
    list_url: str


def get_shown_banner(moment=None, language=None):
    """The banner as a page shows it (``Banner``): the first
    ``KIM_CMS_WARNING_BANNER_LIMIT`` warnings in force now, most severe
    first, the number of the others and the address of their list. Cached
    like ``get_banner()`` but holding only what is shown, so that reading it
    costs the same with 3 warnings in force or 3,000."""
    moment = moment or levels.now()
    language = (language or translation.get_language() or "id").split("-")[0]
    limit = kim_settings.WARNING_BANNER_LIMIT
    key = SHOWN_BANNER_CACHE_KEY.format(
        version=_banner_version(), language=language, limit=limit
    )

    def load():
        shown, until = _banner_pages(moment, language)
        banner = Banner(
            warnings=[_banner_warning(page) for page in shown[:limit]],
            more=max(0, len(shown) - limit),
            list_url=_list_url(shown, language) if len(shown) > limit else "",
        )
        return banner, until.timestamp()

    return _cached(key, moment, load)


def get_banner_warnings(moment=None, language=None):
    """Every warning in force now, most severe first (see ``get_banner()``)."""
    return get_banner(moment, language)[0]


def next_warning_change(moment=None):
    """The timestamp of the next moment any live warning starts or ends
    after ``moment`` (what the warning banner, the warning lists and their
    feeds show changes then), or ``None``. One query; the page cache keeps
    no page past it."""
    from django.db.models import Min, Q

    moment = moment or levels.now()
    found = (
        get_warning_model()
        .objects.live()
        .aggregate(
            start=Min("valid_from", filter=Q(valid_from__gt=moment)),
            end=Min("valid_until", filter=Q(valid_until__gt=moment)),
        )
    )
    moments = [value for value in found.values() if value is not None]
    return min(moments).timestamp() if moments else None


def warning_clock(moment=None):
    """The next start or end of a warning after ``moment`` (a datetime, or
    ``None``), kept with the page cache's generation (a publish or a
    cancellation starts a new one) until that moment
    (``kim_cms.page_cache.kept_while()``): what the warning lists show stays
    the same in between."""
    import datetime

    from kim_cms import page_cache

    def load():
        found = next_warning_change(moment)
        if found is None:
            return None, None
        return None, datetime.datetime.fromtimestamp(found, datetime.UTC)

    moment = moment or levels.now()
    return page_cache.kept_while("warning-clock", (), moment, load)[1]


def _warning_changed(sender=None, instance=None, **kwargs):
    if isinstance(instance, AbstractWarningPage):
        invalidate_banner()


def _hazard_changed(sender=None, instance=None, **kwargs):
    invalidate_banner()


def connect():
    """Forget the banner when a warning is published, unpublished or
    deleted, or a hazard renamed."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished

    from kim_cms.snippets import Hazard

    page_published.connect(_warning_changed, dispatch_uid="kim_cms_warning_published")
    page_unpublished.connect(
        _warning_changed, dispatch_uid="kim_cms_warning_unpublished"
    )
    post_delete.connect(_warning_changed, dispatch_uid="kim_cms_warning_deleted")
    post_save.connect(
        _hazard_changed, sender=Hazard, dispatch_uid="kim_cms_hazard_saved"
    )
