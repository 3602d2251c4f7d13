"""RSS and Atom feeds of new tips, built on Django's syndication framework and
served by the tip index page (``feed/rss/`` and ``feed/atom/``)."""

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class TipRssFeed(Feed):
    """The newest live, public tips under one index page, in its language."""

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
        return _("New agriculture and fisheries tips") + f": {index.title}"

    def items(self, index):
        return (
            index.get_tips(self.request)
            .filter(locale_id=index.locale_id)
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(request=self.request)

    def item_guid(self, item):
        return item.get_full_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.expert_name or None

    def item_categories(self, item):
        categories = [str(item.get_sub_sector_display())]
        if item.commodity:
            categories.append(item.commodity.name)
        return categories

    def __call__(self, request, *args, **kwargs):
        # the feed's <language> is the active language: the index's language
        with translation.override(self.index_page.locale.language_code):
            return super().__call__(request, *args, **kwargs)


class TipAtomFeed(TipRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
