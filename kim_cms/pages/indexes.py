"""What every kim_cms index page shares: the introduction above the list and
the pages of the list.

An index page lists pages of one kind (KIM groups, tips, events, training) with
filters read from the query string. ``AbstractKimIndexPage`` declares the
``introduction`` once, with its panel, search field, API field and translation
setting, and pages the listing through ``kim_cms.params``: a malformed or
hostile ``?page=`` is a 404, never a server error. A new domain's index page
subclasses it::

    class AbstractWarningIndexPage(AbstractKimIndexPage):
        introduction = introduction_field(
            help_text=_("A few sentences shown above the list of warnings.")
        )

        class Meta:
            abstract = True

        def get_context(self, request, *args, **kwargs):
            context = super().get_context(request, *args, **kwargs)
            context["page_obj"] = self.paginate(request, self.get_warnings())
            context["query_string"] = self.get_pagination_query(request)
            return context

and its template shows the links with
``{% include "kim_cms/includes/pagination.html" with items=page_obj %}``.
"""

import html

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from kim_cms.conf import kim_settings
from kim_cms.pages.base import KimIndexPageMixin
from kim_cms.params import paginate

# Bold, italic and links: a few sentences above a list need no more.
INTRODUCTION_FEATURES = ["bold", "italic", "link"]


def introduction_field(**options):
    """The ``introduction`` of an index page: optional rich text. ``options``
    are ``RichTextField``'s (``help_text``, ``features``)."""
    options.setdefault("blank", True)
    options.setdefault("features", INTRODUCTION_FEATURES)
    return RichTextField(_("introduction"), **options)


class AbstractKimIndexPage(KimIndexPageMixin, Page):
    """An index page: an introduction above a list of pages.

    Extension contract: redeclare ``introduction`` (with
    ``introduction_field()``, or another field of that name) to change its
    help text or editor; extend ``content_panels``, ``search_fields`` and
    ``api_fields`` from this class's. ``paginate(request, items)`` returns
    the page of ``items`` that ``?page=`` asks for, ``KIM_CMS_PAGE_SIZE``
    items long; ``get_pagination_query(request)`` the query string the
    links to the previous and next page keep.
    """

    introduction = introduction_field()

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]
    override_translatable_fields = [TranslatableField("introduction")]

    class Meta:
        abstract = True

    def get_social_description(self):
        """The search description, else the introduction's first 200
        characters as plain text, else a sentence naming the list: every
        index page has a meta description for search engines and link
        previews."""
        if self.search_description:
            return self.search_description
        text = " ".join(html.unescape(strip_tags(self.introduction or "")).split())
        if text:
            return Truncator(text).chars(200)
        return _("%(title)s: the list on the KIM portal.") % {"title": self.title}

    def paginate(self, request, items):
        """The page of ``items`` asked for; ``Http404`` when ``?page=`` is
        malformed or past the last page."""
        return paginate(request, items, kim_settings.PAGE_SIZE)

    def get_pagination_query(self, request):
        """The request's query string without ``page``: the filters that the
        links to the previous and next page keep."""
        query = request.GET.copy()
        query.pop("page", None)
        return query.urlencode()


__all__ = ["AbstractKimIndexPage", "introduction_field"]
