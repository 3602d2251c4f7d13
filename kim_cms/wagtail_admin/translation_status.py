"""Which languages each kim_cms page exists in, and which are out of date."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, get_page_models

STATUS_MISSING = "missing"
STATUS_DRAFT = "draft"
STATUS_OUT_OF_DATE = "out_of_date"
STATUS_UP_TO_DATE = "up_to_date"
STATUS_LABELS = {
    STATUS_MISSING: _("Missing"),
    STATUS_DRAFT: _("Draft"),
    STATUS_OUT_OF_DATE: _("Out of date"),
    STATUS_UP_TO_DATE: _("Up to date"),
}


@dataclass
class LanguageStatus:
    locale: Locale
    status: str
    page: Page | None

    @property
    def label(self):
        return STATUS_LABELS[self.status]


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


def annotate_translation_status(pages):
    """Set ``page.translation_statuses`` (a list of ``LanguageStatus``, one per
    target language) on each source page, in a constant number of queries."""
    from wagtail_localize.models import TranslationLog, TranslationSource

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
    for page in pages:
        source = sources.get(page.translation_key)
        statuses = []
        for locale in locales:
            target = translations.get((page.translation_key, locale.pk))
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
            else:
                status = STATUS_UP_TO_DATE
            statuses.append(LanguageStatus(locale, status, target))
        page.translation_statuses = statuses
    return pages
