"""Template tags of kim_cms: translations, structured data, sharing and
stylesheets."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from kim_cms.conf import kim_settings
from kim_cms.i18n import default_content_language
from kim_cms.stylesheets import icon_url, inline_text

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
def kim_page_alternates(context, page=None, suffix=""):
    """The page in every content language: a list of dicts with ``code``,
    ``name``, ``url``, ``is_current`` and ``exact`` (False when the page has no
    live translation and the nearest translated ancestor is linked instead).
    ``suffix`` (a route of the page and its query, e.g. ``cari/?q=padi``) is
    added to the ``url`` of the page itself in each language."""
    from wagtail.models import Page

    request = context.get("request")
    page = page or context.get("page")
    if not isinstance(page, Page) or not settings.WAGTAIL_I18N_ENABLED:
        return []
    # The head (hreflang links) and the toolbar (language switcher) both ask:
    # compute once per request.
    memo = getattr(request, "_kim_page_alternates", None)
    if memo is None:
        memo = {}
        if request is not None:
            request._kim_page_alternates = memo
    if page.pk not in memo:
        memo[page.pk] = _kept_alternates(request, page)
    if suffix:
        return [
            {**alt, "url": alt["url"] + str(suffix)} if alt["exact"] else alt
            for alt in memo[page.pk]
        ]
    return memo[page.pk]


def _kept_alternates(request, page):
    """``_page_alternates()``, kept with the page cache's generation: the
    translations, their addresses and privacy change only with a change the
    generation follows (a publish, a move, a view restriction, a site)."""
    from kim_cms import page_cache

    if request is None or page.pk is None or getattr(request, "is_preview", False):
        return _page_alternates(request, page)
    parts = (page.pk, page.locale_id, *page_cache.request_parts(request))
    return page_cache.kept("alternates", parts, lambda: _page_alternates(request, page))


def _page_alternates(request, page):
    """One query for the page's live, public translations; one more when a
    language lacks one, for the nearest translated ancestor."""
    from wagtail.models import Page

    from kim_cms.queries import public_q

    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    fields = ("id", "locale_id", "url_path", "path", "depth", "title")

    def live_public(queryset):
        return (
            queryset.live()
            .filter(public_q())
            .select_related("locale")
            .only(*fields, "translation_key", "locale__language_code")
        )

    targets = {
        p.locale.language_code: p
        for p in live_public(Page.objects.filter(translation_key=page.translation_key))
    }
    exact = set(targets)
    missing = [code for code in codes if code not in targets]
    if missing:
        # The nearest ancestor (below the tree root) with a live translation.
        keys = [ancestor.translation_key for ancestor in _ancestors(page)]
        found = {
            (p.locale.language_code, p.translation_key): p
            for p in live_public(
                Page.objects.filter(
                    translation_key__in=keys, locale__language_code__in=missing
                )
            )
        }
        for code in missing:
            target = next((found[code, k] for k in keys if (code, k) in found), None)
            if target is not None:
                targets[code] = target
    default = default_content_language()
    alternates = []
    for code in codes:
        target = targets.get(code)
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
                "is_current": target.locale_id == page.locale_id,
                "exact": code in exact,
                "is_default": code == default,
            }
        )
    return alternates


def _ancestors(page):
    """The ancestors of ``page`` below the tree root, nearest first."""
    get_ancestors = getattr(page, "get_kim_ancestors", None)
    if get_ancestors is not None:  # a kim_cms page: loaded with the routing
        return list(reversed(get_ancestors()))
    return list(page.get_ancestors().filter(depth__gt=1).order_by("-depth"))


@register.filter
def kim_unlocalize(value):
    """Render a number for machines (``-6.2088``), whatever the language."""
    if value is None:
        return ""
    return str(value)


@register.filter
def kim_tel_href(value):
    """``tel:+62513...`` for a phone number as people write it."""
    from kim_cms.blocks.mitigation import tel_href

    return tel_href(value)


@register.simple_tag
def kim_icon(path="kim_cms/favicon.svg"):
    """``{% kim_icon %}``: the page's icon, a small static SVG, as a
    ``data:`` URL in the page (no request of its own before the first paint,
    no 404 for ``/favicon.ico``); a ``<link>`` to the file when it is larger
    than 1 KB or cannot be read."""
    url = icon_url(path) or static(path)
    return format_html('<link rel="icon" href="{}" type="image/svg+xml">', url)


@register.simple_tag
def kim_stylesheet(path):
    """``{% kim_stylesheet "kim_cms/css/kim_cms.css" %}``: the static
    stylesheet ``path`` inline in a ``<style>`` element when it is small
    (``kim_cms.stylesheets``), its address in ``data-kim-stylesheet``; else,
    or with ``KIM_CMS_INLINE_STYLESHEETS = False``, a ``<link>`` to it."""
    url = static(path)
    text = inline_text(path) if kim_settings.INLINE_STYLESHEETS else None
    if text is None:
        return format_html('<link rel="stylesheet" href="{}">', url)
    # inline_text() refuses any text that could end the element.
    return format_html(
        '<style data-kim-stylesheet="{}">{}</style>', url, mark_safe(text)
    )


@register.simple_tag(takes_context=True)
def kim_portal_section(context, entry):
    """``{% kim_portal_section entry %}``: a section of the landing page
    (``AbstractKimPortalPage.get_sections()``), rendered with its template,
    or its kept HTML; a section that may be kept is kept once rendered."""
    from kim_cms import page_cache

    if "html" in entry:
        return mark_safe(entry["html"])  # rendered, escaped, by its template
    template = context.template.engine.get_template(entry["section"].template)
    with context.push(entry=entry):
        html = template.render(context)
    if entry.get("keep") is not None:
        name, parts, current = entry["keep"]
        page_cache.keep(name, parts, str(html), current)
    return html


class KeptNode(template.Node):
    """A block rendered once per generation of the page cache for what
    ``parts()`` names, then replayed (``kim_cms.page_cache.kept()``)."""

    name = "block-html"

    def __init__(self, target, nodelist, origin, lineno):
        self.target = target
        self.nodelist = nodelist
        self.origin = origin
        self.lineno = lineno

    def parts(self, target):
        """What the block shows depends on, besides the request's host,
        port and language; ``None``: render it every time."""
        pk = getattr(target, "pk", None)
        return None if pk is None else (pk,)

    def render(self, context):
        from kim_cms import page_cache

        request = context.get("request")
        parts = None
        if request is not None and not getattr(request, "is_preview", False):
            parts = self.parts(self.target.resolve(context))
        if parts is None:
            return self.nodelist.render(context)
        parts = (*parts, self.origin, self.lineno, *page_cache.request_parts(request))
        found, html, current = page_cache.find_kept(self.name, parts)
        if found:
            return mark_safe(html)  # rendered, escaped, by the block
        html = self.nodelist.render(context)
        page_cache.keep(self.name, parts, str(html), current)
        return html


class KeptRowsNode(KeptNode):
    name = "rows-html"

    def parts(self, page_obj):
        from kim_cms.queries import LazyRows

        rows = getattr(page_obj, "object_list", None)
        if not isinstance(rows, LazyRows) or not rows.key:
            return None
        return (rows.key,)


def _kept_node(node_class, parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument")
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    origin = getattr(parser, "origin", None)
    return node_class(
        parser.compile_filter(bits[1]),
        nodelist,
        getattr(origin, "template_name", None) or getattr(origin, "name", ""),
        getattr(token, "lineno", 0),
    )


@register.tag
def kim_kept(parser, token):
    """``{% kim_kept page %}...{% endkim_kept %}``: the block, rendered once
    per generation of the page cache for ``page`` (what a publish, a move
    or any change a visitor could see renews), language and host, then
    replayed: what it reads is not read again. The block may show only what
    follows the page's published content and the pages around it, the same
    for every visitor and at every moment (a warning's guides, the KIM
    reports of a hazard), never the clock (an event's "happening now") or
    the visitor. Previews are rendered every time."""
    return _kept_node(KeptNode, parser, token)


@register.tag
def kim_kept_rows(parser, token):
    """``{% kim_kept_rows page_obj %}...{% endkim_kept_rows %}``: the block,
    rendered once per generation for this page of the list (its rows' key,
    ``kim_cms.queries.LazyRows``), language and host, then replayed: the
    page's rows are not read again, nor their cards rendered. The block may
    show only its rows and what every visitor sees the same (its cards, a
    "none found" line): the filters, the counts and the pagination stay
    outside."""
    return _kept_node(KeptRowsNode, parser, token)
