"""RSS and Atom indexes of the warnings in force, served by the warning list
(``feed/rss/`` and ``feed/atom/``): each item links to the warning's CAP 1.2
document, as CAP readers (and BMKG's own feeds) expect. A cancelled warning
stays in the index until its ``valid_until``, so that readers learn of the
cancellation."""

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from kim_cms.outputs.feeds import PlainTextAtom1Feed

FEED_LENGTH = 50


class WarningRssFeed(Feed):
    """The warnings of one warning list that have not yet expired."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, index):
        return index.title

    def link(self, index):
        return index.get_full_url(request=self.request)

    def feed_url(self, index):
        return self.request.build_absolute_uri()

    def description(self, index):
        return _("Disaster warnings") + f": {index.title}"

    def items(self, index):
        warnings = index.get_feed_warnings(self.request, FEED_LENGTH)
        if warnings:
            type(warnings[0]).load_cap_messages(warnings, self.request)
        return warnings

    def item_title(self, item):
        return f"{item.get_level_label()}: {item.title}"

    def item_description(self, item):
        return escape(item.description)

    def item_link(self, item):
        return item.get_cap_url(request=self.request)

    def item_guid(self, item):
        return item.get_cap_identifier(request=self.request)

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.last_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.issuing_agency

    def item_categories(self, item):
        return [item.hazard.name]

    def __call__(self, request, *args, **kwargs):
        with translation.override(self.index_page.locale.language_code):
            return super().__call__(request, *args, **kwargs)


class WarningAtomFeed(WarningRssFeed):
    feed_type = PlainTextAtom1Feed

    def item_description(self, item):
        return item.description

    def subtitle(self, index):
        return self.description(index)
