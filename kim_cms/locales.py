"""Wagtail locales for the site's content languages, and the pages a
language needs before kim-cms content can go in it."""

from django.conf import settings
from django.db import transaction
from wagtail.models import DraftStateMixin, Locale


def create_locales():
    """Create a ``Locale`` for every language of ``WAGTAIL_CONTENT_LANGUAGES``
    that has none. Returns the codes created (none the second time)."""
    created = []
    for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", []):
        _locale, new = Locale.objects.get_or_create(language_code=code)
        if new:
            created.append(code)
    return created


@transaction.atomic
def translation_of(page, locale, user=None):
    """The live translation of ``page`` into ``locale``, made (with its
    ancestors' translations) through wagtail-localize where it is missing: a
    published copy of the source that translators translate later.

    Returns ``(translation, created)`` where ``created`` lists the pages made.
    The tree root is the same in every language.
    """
    from wagtail_localize.models import Translation, TranslationSource

    page = page.specific
    if page.is_root():
        return page, []
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, []
    _parent, created = translation_of(page.get_parent(), locale, user)
    source, _new = TranslationSource.get_or_create_from_instance(page)
    translation, _new = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    translation.save_target(user=user, publish=False)
    translated = page.get_translation(locale).specific
    if isinstance(translated, DraftStateMixin) and not translated.live:
        translated.get_latest_revision().publish(user=user, log_action=False)
        translated.refresh_from_db()
    return translated, [*created, translated]
