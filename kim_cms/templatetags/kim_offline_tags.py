"""The offline copies (``kim_cms.offline``) in templates.

``{% kim_offline_script %}`` registers the service worker (``kim_cms/base.html``
does it on every kim_cms page); ``{% kim_offline_note %}`` marks a page that
the worker keeps and holds its hidden "offline copy from ..." note. Both
print nothing when ``KIM_CMS_OFFLINE`` is ``False``, in previews, and the
script nothing when ``kim_cms.urls`` is not installed.
"""

from urllib.parse import urlsplit

from django import template
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from kim_cms import offline
from kim_cms.conf import kim_settings
from kim_cms.stylesheets import inline_text

#: The script that registers the worker: inline in the page (small, and
#: ``KIM_CMS_INLINE_SCRIPTS``), else loaded from its file.
SCRIPT = "kim_cms/js/kim_offline.js"

register = template.Library()


def _enabled(request):
    return (
        kim_settings.OFFLINE
        and request is not None
        and not getattr(request, "is_preview", False)
    )


def offline_portal(page, request):
    """``(scope, portal)``: the address of the portal ``page`` belongs to (the
    worker's scope for it), or ``/``, and the portal page or ``None``."""
    from kim_cms.pages.navigation import find_portal

    portal = find_portal(page, request)
    url = portal.get_url(request) if portal is not None else None
    return (urlsplit(url).path if url else "/"), portal


def offline_scope(page, request):
    """The address of the portal ``page`` belongs to (the worker's scope for
    it), or ``/``."""
    return offline_portal(page, request)[0]


@register.simple_tag(takes_context=True)
def kim_offline_script(context):
    """The script that registers the offline service worker: inline, or a
    ``<script src>`` with ``KIM_CMS_INLINE_SCRIPTS = False``."""
    request = context.get("request")
    if not _enabled(request):
        return ""
    try:
        worker = reverse("kim_cms_offline:worker")
    except NoReverseMatch:
        return ""
    scope, portal = offline_portal(context.get("page"), request)
    if portal is not None:
        worker += f"?portal={portal.pk}"
    text = inline_text(SCRIPT, "script") if kim_settings.INLINE_SCRIPTS else None
    if text is None:
        return format_html(
            '<script src="{}" data-kim-offline-worker="{}" '
            'data-kim-offline-scope="{}" defer></script>',
            static(SCRIPT),
            worker,
            scope,
        )
    # inline_text() refuses any text that could end the element.
    return format_html(
        '<script data-kim-script="{}" data-kim-offline-worker="{}" '
        'data-kim-offline-scope="{}">{}</script>',
        static(SCRIPT),
        worker,
        scope,
        mark_safe(text),
    )


@register.simple_tag(takes_context=True)
def kim_offline_note(context):
    """Marks the page as one to keep offline, with the note the worker
    reveals when it serves the kept copy."""
    if not _enabled(context.get("request")):
        return ""
    return format_html(
        '<p class="kim-offline-note" role="status" {}>{} {}. {}</p>',
        mark_safe(offline.NOTE_MARKER),
        _("Offline copy from"),
        mark_safe(offline.TIME_MARKER),
        _("It may be out of date: look again once you are online."),
    )
