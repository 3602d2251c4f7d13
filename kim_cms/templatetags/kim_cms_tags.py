"""Template tags of kim_cms: translations, structured data and sharing."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from kim_cms.conf import kim_settings

register = template.Library()

# The characters that could close a <script> element or open a comment,
# escaped as JSON unicode escapes (what Django's json_script does).
_JSON_SCRIPT_ESCAPES = {
    ord(">"): "\\u003E",
    ord("<"): "\\u003C",
    ord("&"): "\\u0026",
}


def json_ld_dumps(data):
    """Serialize ``data`` for a ``<script type="application/ld+json">`` element.

    Numbers are never localized (``json.dumps`` ignores the active language),
    and ``<``, ``>`` and ``&`` are escaped so that text cannot end the script.
    """
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _JSON_SCRIPT_ESCAPES
    )


@register.simple_tag
def kim_json_ld(data):
    """``{% kim_json_ld page.get_structured_data %}``: a JSON-LD script element."""
    if not data or not kim_settings.STRUCTURED_DATA:
        return ""
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(json_ld_dumps(data)),  # escaped by json_ld_dumps
    )


def _language_name(code):
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


@register.simple_tag(takes_context=True)
def kim_page_alternates(context, page=None):
    """The page in every content language: a list of dicts with ``code``,
    ``name``, ``url``, ``is_current`` and ``exact`` (False when the page has no
    live translation and the nearest translated ancestor is linked instead)."""
    from wagtail.models import Page

    request = context.get("request")
    page = page or context.get("page")
    if not isinstance(page, Page) or not settings.WAGTAIL_I18N_ENABLED:
        return []
    # meta.html and toolbar.html both ask: work it out once per request.
    memo = getattr(request, "_kim_page_alternates", None) if request else None
    if memo is not None and page.pk in memo:
        return memo[page.pk]
    alternates = _page_alternates(request, page)
    if request is not None:
        if memo is None:
            memo = request._kim_page_alternates = {}
        memo[page.pk] = alternates
    return alternates


def _page_alternates(request, page):
    from wagtail.models import Locale, Page

    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    translations = {
        p.locale_id: p
        for p in Page.objects.filter(translation_key=page.translation_key)
        .live()
        .public()
        .only("id", "locale_id", "url_path", "path", "depth", "title")
    }
    alternates = []
    for code in codes:
        locale = locales.get(code)
        if locale is None:
            continue
        target = translations.get(locale.pk)
        exact = target is not None
        if target is None:
            ancestors = page.get_ancestors().filter(depth__gt=1).order_by("-depth")
            keys = list(ancestors.values_list("translation_key", flat=True))
            found = {
                p.translation_key: p
                for p in Page.objects.filter(translation_key__in=keys, locale=locale)
                .live()
                .public()
            }
            target = next((found[k] for k in keys if k in found), None)
        if target is None:
            continue
        url = target.get_url(request=request)
        if not url:
            continue
        alternates.append(
            {
                "code": code,
                "name": _language_name(code),
                "url": url,
                "full_url": target.get_full_url(request=request),
                "is_current": locale.pk == page.locale_id,
                "exact": exact,
            }
        )
    return alternates


@register.filter
def kim_unlocalize(value):
    """Render a number for machines (``-6.2088``), whatever the language."""
    if value is None:
        return ""
    return str(value)
