"""RSS and Atom feeds of new tips, built on Django's syndication framework and
served by the tip index page (``feed/rss/`` and ``feed/atom/``).

A tip's summary is plain text. Feed readers render RSS ``<description>`` and
Atom ``<summary type="html">`` as HTML, so the RSS description is escaped for
HTML before the XML writer escapes it again, and the Atom summary is marked
``type="text"``: an editor's ``<img onerror=...>`` stays text in every reader.
"""

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from kim_cms.queries import in_locale

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
        # newest first, as get_tips() orders them
        return in_locale(index.get_tips(self.request), index.locale_id)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS descriptions are HTML: plain text goes in escaped as HTML.
        return escape(item.summary) if item.summary else None

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


class PlainTextAtom1Feed(Atom1Feed):
    """Atom whose ``<summary>`` is ``type="text"``: the item description is
    plain text, never HTML."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class TipAtomFeed(TipRssFeed):
    feed_type = PlainTextAtom1Feed

    def item_description(self, item):
        # Atom says the summary is text (PlainTextAtom1Feed): no escaping.
        return item.summary or None

    def subtitle(self, index):
        return self.description(index)
