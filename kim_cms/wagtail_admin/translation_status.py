"""Which languages each kim_cms page exists in, which are out of date, and
which still have untranslated text."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    Sum,
    Value,
    When,
)
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Page, get_page_models

STATUS_MISSING = "missing"
STATUS_DRAFT = "draft"
STATUS_OUT_OF_DATE = "out_of_date"
STATUS_INCOMPLETE = "incomplete"
STATUS_UP_TO_DATE = "up_to_date"
STATUS_LABELS = {
    STATUS_MISSING: _("Missing"),
    STATUS_DRAFT: _("Draft"),
    STATUS_OUT_OF_DATE: _("Out of date"),
    STATUS_INCOMPLETE: _("Incomplete"),
    STATUS_UP_TO_DATE: _("Up to date"),
}


@dataclass
class LanguageStatus:
    locale: Locale
    status: str
    page: Page | None
    untranslated: int = 0

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def detail(self):
        """How many text segments wait for a translation, when some do."""
        if not self.untranslated:
            return ""
        return ngettext(
            "%(count)s segment untranslated",
            "%(count)s segments untranslated",
            self.untranslated,
        ) % {"count": self.untranslated}

    def __str__(self):
        if self.detail:
            return f"{self.label} ({self.detail})"
        return str(self.label)


def kim_cms_page_models():
    from kim_cms.pages.base import KimPageMixin

    return [
        model
        for model in get_page_models()
        if issubclass(model, KimPageMixin) and not model._meta.abstract
    ]


def source_locale():
    return Locale.get_default()


def target_locales():
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    default = source_locale()
    return [
        locale
        for locale in Locale.objects.filter(language_code__in=codes).order_by("pk")
        if locale.pk != default.pk
    ]


def untranslated_segments(sources, locales):
    """``{(source id, locale id): number of text segments of the source with
    no translation into the locale}``, as wagtail-localize counts a
    translation's progress: one query per target language."""
    from wagtail_localize.models import StringSegment, StringTranslation

    counts = {}
    for locale in locales:
        translated = Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=locale.pk,
                has_error=False,
            )
        )
        rows = (
            StringSegment.objects.filter(source__in=sources)
            .annotate(
                done=Case(
                    When(translated, then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            )
            .values("source_id")
            .annotate(total=Count("pk"), done_count=Sum("done"))
        )
        for row in rows:
            counts[(row["source_id"], locale.pk)] = row["total"] - (
                row["done_count"] or 0
            )
    return counts


def annotate_parents(pages):
    """Set ``page.parent_page`` (the page above it: ten activity reports of
    the same title belong to different groups) on each page, in one query."""
    pages = list(pages)
    steplen = Page.steplen
    paths = {page.path[:-steplen] for page in pages if page.depth > 1}
    parents = {
        parent.path: parent
        for parent in Page.objects.filter(path__in=paths).only(
            "id", "path", "depth", "title", "draft_title", "locale_id"
        )
    }
    for page in pages:
        page.parent_page = parents.get(page.path[:-steplen])
    return pages


def annotate_translation_status(pages):
    """Set ``page.translation_statuses`` (a list of ``LanguageStatus``, one per
    target language) on each source page, in a constant number of queries.

    A translation is up to date only when it is live, no newer than its
    source, and every text segment of the source has a translation: a page
    whose translator skipped a line is "incomplete", with the number of
    segments left."""
    from wagtail_localize.models import (
        Translation,
        TranslationLog,
        TranslationSource,
    )

    pages = list(pages)
    keys = [page.translation_key for page in pages]
    locales = target_locales()
    translations = {
        (p.translation_key, p.locale_id): p
        for p in Page.objects.filter(translation_key__in=keys, locale__in=locales).only(
            "id", "translation_key", "locale_id", "live", "has_unpublished_changes"
        )
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale_id__in={p.locale_id for p in pages}
        )
    }
    logs = {
        (row["source_id"], row["locale_id"]): row["last"]
        for row in TranslationLog.objects.filter(source__in=sources.values())
        .values("source_id", "locale_id")
        .annotate(last=Max("created_at"))
    }
    translated_with_localize = set(
        Translation.objects.filter(
            source__in=sources.values(), target_locale__in=locales, enabled=True
        ).values_list("source_id", "target_locale_id")
    )
    untranslated = (
        untranslated_segments(list(sources.values()), locales)
        if translated_with_localize
        else {}
    )
    for page in pages:
        source = sources.get(page.translation_key)
        statuses = []
        for locale in locales:
            target = translations.get((page.translation_key, locale.pk))
            left = 0
            if (
                source is not None
                and (source.pk, locale.pk) in translated_with_localize
            ):
                left = untranslated.get((source.pk, locale.pk), 0)
            if target is None:
                status = STATUS_MISSING
            elif not target.live:
                status = STATUS_DRAFT
            elif source is not None and (
                (
                    page.latest_revision_created_at
                    and page.latest_revision_created_at > source.last_updated_at
                )
                or logs.get((source.pk, locale.pk), source.last_updated_at)
                < source.last_updated_at
            ):
                status = STATUS_OUT_OF_DATE
            elif left:
                status = STATUS_INCOMPLETE
            else:
                status = STATUS_UP_TO_DATE
            statuses.append(
                LanguageStatus(
                    locale, status, target, left if target is not None else 0
                )
            )
        page.translation_statuses = statuses
    return pages
