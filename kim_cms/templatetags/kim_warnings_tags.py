"""The disaster-warning banner, for kim_cms pages and the site's own pages.

In a site's base template::

    {% load kim_warnings_tags %}
    {% kim_warning_banner %}

The banner renders once per request: where the site's base template shows
it, kim_cms pages do not show it a second time.
"""

from django import template

register = template.Library()


@register.inclusion_tag("kim_cms/tags/warning_banner.html", takes_context=True)
def kim_warning_banner(context):
    """The warnings in force, most severe first (nothing when there is none):
    the first ``KIM_CMS_WARNING_BANNER_LIMIT``, and a link to the list of
    them all when there are more."""
    from kim_cms.pages.warnings import get_shown_banner

    request = context.get("request")
    if request is not None:
        if getattr(request, "_kim_warning_banner_shown", False):
            return {"warnings": []}
        request._kim_warning_banner_shown = True
    banner = get_shown_banner()
    return {
        "warnings": banner.warnings,
        "more": banner.more,
        "list_url": banner.list_url,
    }
