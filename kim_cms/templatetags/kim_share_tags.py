"""Template tags of the share kit."""

from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def kim_poster_url(page):
    """The address of the page's A4 poster, or ``""`` when the site has not
    included ``kim_cms.sharing.urls`` or the page type has no poster."""
    from kim_cms.sharing.views import has_poster

    if page is None or not has_poster(page):
        return ""
    try:
        return reverse("kim_cms_sharing:poster", args=[page.pk])
    except NoReverseMatch:
        return ""
