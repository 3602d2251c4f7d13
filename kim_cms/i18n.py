"""Language prefixes that every language code reaches, regional ones too.

Django's ``i18n_patterns`` puts the *active* language's code in front of a URL
(``/en-us/...``) and leaves it out only when that code is exactly
``LANGUAGE_CODE``. Wagtail builds a page's URL with the active language when
it is a variant of the page's language, and the admin makes the user's chosen
language active: a user whose admin language is "Bahasa Indonesia"
(``id-id``) or "English (US)" (``en-us``) gets "view live" links, moderation
e-mails and preview links to ``/id-id/...`` or ``/en-us/...``. A request for
such a path is matched to the language listed in ``LANGUAGES`` (``id``,
``en``), whose prefix it does not carry, and gets a 404.

``kim_cms.i18n.i18n_patterns`` is Django's ``i18n_patterns`` with one
difference: the prefix is made from the language in ``LANGUAGES`` that the
active language stands for (the one ``LocaleMiddleware`` would choose), and
it is left out when that is the default language. Every URL it builds is one
that it serves::

    from kim_cms.i18n import i18n_patterns

    urlpatterns += i18n_patterns(
        path("", include(wagtail_urls)),
        prefix_default_language=False,
    )
"""

from django.conf import settings
from django.urls import LocalePrefixPattern, URLResolver
from django.utils.translation import get_language, get_supported_language_variant


def listed_language(code):
    """The code in ``LANGUAGES`` that ``code`` stands for (``id-id`` ->
    ``id``, ``en`` -> ``en-us`` where only ``en-us`` is listed); ``code``
    itself when no listed language matches."""
    try:
        return get_supported_language_variant(code)
    except LookupError:
        return code


class KimLocalePrefixPattern(LocalePrefixPattern):
    """A ``LocalePrefixPattern`` that prefixes the listed language the active
    one stands for."""

    @property
    def language_prefix(self):
        language = listed_language(get_language() or settings.LANGUAGE_CODE)
        if (
            language == listed_language(settings.LANGUAGE_CODE)
            and not self.prefix_default_language
        ):
            return ""
        return f"{language}/"


def i18n_patterns(*urls, prefix_default_language=True):
    """Django's ``i18n_patterns``, with prefixes every language code reaches."""
    if not settings.USE_I18N:
        return list(urls)
    return [
        URLResolver(
            KimLocalePrefixPattern(prefix_default_language=prefix_default_language),
            list(urls),
        )
    ]


def default_content_language():
    """The content language of ``LANGUAGE_CODE``: the one served without a
    prefix, and the ``x-default`` of hreflang alternates."""
    from wagtail.coreutils import get_supported_content_language_variant

    try:
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE
