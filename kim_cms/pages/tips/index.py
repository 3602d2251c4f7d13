"""The tip index: tips of one language with filters, search, pages and feeds,
and the portal's "tips in season now"."""

from django import forms
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model

from kim_cms.pages.base import KimGroupSectionMixin, newest_first
from kim_cms.pages.indexes import AbstractKimIndexPage, introduction_field
from kim_cms.pages.sections import PortalSection, register_portal_section
from kim_cms.pages.tips import seasons
from kim_cms.pages.tips.seasons import SEASON_CHOICES, SEASON_SHORT_LABELS, in_season_q
from kim_cms.pages.tips.tip import (
    PROBLEM_TYPE_CHOICES,
    SUB_SECTOR_CHOICES,
    AbstractAgricultureTipPage,
    AgricultureTipPage,
)
from kim_cms.params import FilterForm, SearchQueryField
from kim_cms.queries import in_locale, public_q


def tips_queryset(model=None):
    """Tips with what a listing card shows, fetched in a constant number of
    queries."""
    model = model or AgricultureTipPage
    card_rendition = "fill-160x160|format-webp"
    images = get_image_model().objects.prefetch_renditions(card_rendition)
    return model.objects.select_related("commodity").prefetch_related(
        Prefetch("image", queryset=images)
    )


class TipFilterForm(FilterForm):
    """The filters of the tip listing. Invalid values are ignored, never an
    error page."""

    q = SearchQueryField(label=_("Search"))
    subsektor = forms.ChoiceField(
        label=_("Sub-sector"), required=False, choices=[("", _("All"))]
    )
    komoditas = forms.ChoiceField(
        label=_("Commodity"), required=False, choices=[("", _("All"))]
    )
    masalah = forms.ChoiceField(
        label=_("Problem"), required=False, choices=[("", _("All"))]
    )
    musim = forms.ChoiceField(
        label=_("Season"), required=False, choices=[("", _("All"))]
    )
    kecamatan = forms.ChoiceField(
        label=_("Sub-district"), required=False, choices=[("", _("All"))]
    )
    musim_ini = forms.BooleanField(label=_("In season now"), required=False)

    def __init__(self, data, *, commodities, kecamatan):
        super().__init__(data)
        all_ = [("", _("All"))]
        self.fields["subsektor"].choices = all_ + SUB_SECTOR_CHOICES
        self.fields["komoditas"].choices = all_ + [
            (c.slug, c.name) for c in commodities
        ]
        self.fields["masalah"].choices = all_ + PROBLEM_TYPE_CHOICES
        self.fields["musim"].choices = all_ + [
            (key, SEASON_SHORT_LABELS[key]) for key, _label in SEASON_CHOICES
        ]
        self.fields["kecamatan"].choices = all_ + [
            (str(k.pk), k.name) for k in kecamatan
        ]

    def valid_values(self):
        """The cleaned value of each field that is valid; invalid ones are
        dropped so that a mistyped link still lists tips."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in ("", None, False)
        }


class AbstractAgricultureTipIndexPage(
    RoutablePageMixin, KimGroupSectionMixin, AbstractKimIndexPage
):
    """The tips of one language, with filters, search, pagination and feeds.

    Extension contract: ``get_tips(request)`` returns the queryset listed
    (override to list tips from elsewhere); ``filter_tips(tips, values)``
    applies the filter values; the feeds are at ``feed/rss/`` and
    ``feed/atom/``. Renders with ``kim_cms/pages/agriculture_tip_index_page.html``
    unless your app ships its own template.
    """

    introduction = introduction_field(
        help_text=_("A few sentences on who these tips are for.")
    )

    kim_cms_template = "kim_cms/pages/agriculture_tip_index_page.html"
    listed_page_type = AbstractAgricultureTipPage

    class Meta:
        abstract = True

    def get_tips(self, request=None):
        """Live, public tips under this index, newest first."""
        return (
            self.in_section(tips_queryset())
            .live()
            .filter(public_q())
            .defer_streamfields()
            .order_by("-kim_first_published_at", "-pk")
        )

    def filter_tips(self, tips, values):
        """Narrow ``tips`` by the valid filter values of ``TipFilterForm``."""
        if "subsektor" in values:
            tips = tips.filter(sub_sector=values["subsektor"])
        if "komoditas" in values:
            tips = tips.filter(commodity__slug=values["komoditas"])
        if "masalah" in values:
            tips = tips.filter(problem_type=values["masalah"])
        if "musim" in values:
            tips = tips.filter(seasons__contains=f",{values['musim']},")
        if "kecamatan" in values:
            applies_there = tips.model.objects.filter(kecamatan=values["kecamatan"])
            tips = tips.filter(
                Q(pk__in=applies_there.values("pk")) | Q(kecamatan__isnull=True)
            ).distinct()
        if values.get("musim_ini"):
            tips = tips.filter(in_season_q(seasons.current_month()))
        if values.get("q"):
            hits = tips.model.objects.live().search(values["q"])
            tips = tips.filter(pk__in=[hit.pk for hit in hits])
        return tips

    def get_filter_form(self, request):
        from kim_cms.snippets import Commodity, Kecamatan

        commodities = Commodity.objects.filter(locale_id=self.locale_id)
        return TipFilterForm(
            request.GET, commodities=commodities, kecamatan=Kecamatan.objects.all()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.get_filter_form(request)
        values = form.valid_values()
        tips = self.filter_tips(self.get_tips(request), values)
        tips_page = self.paginate(request, tips)
        query_string = self.get_pagination_query(request)
        context.update(
            {
                "filter_form": form,
                "filters_active": bool(values),
                "tips": tips_page,
                "page_obj": tips_page,
                "paginator": tips_page.paginator,
                "query_string": query_string,
                "filter_query": query_string,
                "feed_urls": self.get_feed_urls(request),
            }
        )
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        """RSS 2.0 feed of the newest tips of this index's language."""
        from kim_cms.outputs.feeds import TipRssFeed

        return TipRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        """Atom 1.0 feed of the newest tips of this index's language."""
        from kim_cms.outputs.feeds import TipAtomFeed

        return TipAtomFeed(self)(request)

    def get_feed_urls(self, request=None):
        """``{"rss": url, "atom": url}``, absolute."""
        base = self.get_full_url(request=request) or ""
        return {
            "rss": base + self.reverse_subpage("rss").lstrip("/"),
            "atom": base + self.reverse_subpage("atom").lstrip("/"),
        }


class AgricultureTipIndexPage(AbstractAgricultureTipIndexPage):
    """The default index of agriculture and fisheries tips."""

    template = "kim_cms/pages/agriculture_tip_index_page.html"

    @classmethod
    def allowed_subpage_models(cls):
        """Tips: ``AgricultureTipPage`` and a site's own subclasses of
        ``AbstractAgricultureTipPage``."""
        return [
            model
            for model in super().allowed_subpage_models()
            if issubclass(model, cls.listed_page_type)
        ]

    class Meta:
        verbose_name = _("agriculture and fisheries tips index")
        verbose_name_plural = _("agriculture and fisheries tips indexes")


def _portal_tips_in_season(portal, request, count):
    # The portal fetches the card renditions of every section at once.
    tips = in_locale(
        AgricultureTipPage.objects.descendant_of(portal).live().filter(public_q()),
        portal.locale_id,
    )
    tips = tips.filter(in_season_q(seasons.current_month()))
    tips = tips.select_related("commodity", "image").defer_streamfields()
    return list(newest_first(tips)[:count])


register_portal_section(
    PortalSection(
        key="tips",
        title=_("Tips in season now"),
        items=_portal_tips_in_season,
        index_model="kim_cms.AgricultureTipIndexPage",
        order=30,
        # in season: kept apart for each month
        kept=lambda portal, request: seasons.current_month(),
    )
)
