"""The list of warnings: those in force, most severe first, and past ones,
filterable by hazard and kecamatan, with RSS and Atom indexes linking to
each warning's CAP document."""

from django import forms
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from kim_cms.outputs.warning_feeds import WarningAtomFeed, WarningRssFeed
from kim_cms.pages.indexes import AbstractKimIndexPage, introduction_field
from kim_cms.pages.warnings import levels
from kim_cms.pages.warnings.levels import get_warning_model
from kim_cms.pages.warnings.warning import AbstractWarningPage
from kim_cms.params import parse_id, parse_slug
from kim_cms.queries import public_q


class WarningFilterForm(forms.Form):
    """The filters of the warning list: hazard (slug) and kecamatan (id).
    A value that cannot be a slug or an id makes the request a bad one (400);
    a well-formed value that names nothing lists no warning."""

    bahaya = forms.ChoiceField(label=_("Hazard"), required=False)
    kecamatan = forms.ChoiceField(label=_("Sub-district"), required=False)

    def __init__(self, data, *, hazards, kecamatan):
        super().__init__(data)
        all_ = [("", _("All"))]
        self.fields["bahaya"].choices = all_ + [(h.slug, h.name) for h in hazards]
        self.fields["kecamatan"].choices = all_ + [
            (str(k.pk), k.name) for k in kecamatan
        ]


def parse_warning_filters(params):
    """``{"bahaya": slug, "kecamatan": id}`` of the values given, or ``None``
    when one of them is malformed."""
    values = {}
    hazard = params.get("bahaya", "")
    if hazard.strip():
        values["bahaya"] = parse_slug(hazard, max_length=100)
        if values["bahaya"] is None:
            return None
    kecamatan = params.get("kecamatan", "")
    if kecamatan.strip():
        values["kecamatan"] = parse_id(kecamatan)
        if values["kecamatan"] is None:
            return None
    return values


class AbstractWarningIndexPage(RoutablePageMixin, AbstractKimIndexPage):
    """The warnings of one language: those in force (most severe first) and
    past ones, filterable by hazard and kecamatan, with RSS and Atom feeds
    of the warnings in force.

    Extension contract: ``get_warnings(request)`` returns the queryset listed;
    ``filter_warnings(warnings, values)`` applies the filters;
    ``get_feed_warnings(request)`` what the feeds list. Renders with
    ``kim_cms/pages/warning_index_page.html`` unless your app ships its own.
    """

    introduction = introduction_field(
        help_text=_("Who issues these warnings and where to call in an emergency.")
    )

    kim_cms_template = "kim_cms/pages/warning_index_page.html"

    class Meta:
        abstract = True

    def get_warnings(self, request=None):
        """Live, public warnings under this index."""
        return (
            get_warning_model()
            .objects.descendant_of(self)
            .live()
            .filter(public_q())
            .select_related("hazard")
        )

    def filter_warnings(self, warnings, values):
        if values.get("bahaya"):
            warnings = warnings.filter(hazard__slug=values["bahaya"])
        if values.get("kecamatan"):
            tagged = warnings.model.objects.filter(kecamatan=values["kecamatan"])
            warnings = warnings.filter(pk__in=tagged.values("pk"))
        return warnings

    def get_filter_form(self, request):
        from kim_cms.snippets import Hazard, Kecamatan

        return WarningFilterForm(
            request.GET,
            hazards=Hazard.objects.filter(locale_id=self.locale_id),
            kecamatan=Kecamatan.objects.all(),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        values = parse_warning_filters(request.GET) or {}
        moment = levels.now()
        # the cards show no body: its JSON is neither read nor parsed
        warnings = self.filter_warnings(
            self.get_warnings(request), values
        ).defer_streamfields()
        current = list(
            warnings.filter(cancelled=False, valid_until__gt=moment).order_by(
                "-level_rank", "valid_from", "pk"
            )
        )
        past = warnings.exclude(pk__in=[w.pk for w in current]).order_by(
            "-valid_until", "-pk"
        )
        past_page = self.paginate(request, past)
        context.update(
            {
                "filter_form": self.get_filter_form(request),
                "filters_active": bool(values),
                "current_warnings": current,
                "past_warnings": past_page,
                "page_obj": past_page,
                "query_string": self.get_pagination_query(request),
                "feed_urls": self.get_feed_urls(request),
                "guides": self.get_guides(request),
            }
        )
        return context

    def get_guides(self, request=None):
        """The live, public preparedness guides under this list."""
        from kim_cms.pages.guides import PreparednessGuidePage

        return list(
            PreparednessGuidePage.objects.child_of(self)
            .live()
            .filter(public_q())
            .select_related("hazard")
            .defer_streamfields()
            .order_by("title")
        )

    @path("")
    def index_route(self, request, *args, **kwargs):
        if parse_warning_filters(request.GET) is None:
            return HttpResponseBadRequest(
                _("The hazard, kecamatan or page number in this address is malformed."),
                content_type="text/plain; charset=utf-8",
            )
        return super().index_route(request, *args, **kwargs)

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        """RSS 2.0 index of the warnings not yet expired, linking to CAP."""
        return WarningRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        """Atom 1.0 index of the warnings not yet expired, linking to CAP."""
        return WarningAtomFeed(self)(request)

    def get_feed_warnings(self, request, limit):
        """The warnings not yet expired, most severe and newest first: what
        the feeds list (a cancelled one stays until its ``valid_until``)."""
        return list(
            self.get_warnings(request)
            .filter(locale_id=self.locale_id, valid_until__gt=levels.now())
            .order_by("-level_rank", "-last_published_at", "-pk")[:limit]
        )

    def get_feed_urls(self, request=None):
        """``{"rss": url, "atom": url}``, absolute."""
        base = self.get_full_url(request=request) or ""
        return {
            "rss": base + self.reverse_subpage("rss").lstrip("/"),
            "atom": base + self.reverse_subpage("atom").lstrip("/"),
        }


class WarningIndexPage(AbstractWarningIndexPage):
    """The default list of disaster warnings."""

    template = "kim_cms/pages/warning_index_page.html"

    @classmethod
    def allowed_subpage_models(cls):
        """Warnings and preparedness guides, and a site's own subclasses."""
        from kim_cms.pages.guides import AbstractPreparednessGuidePage

        kinds = (AbstractWarningPage, AbstractPreparednessGuidePage)
        return [
            model
            for model in super().allowed_subpage_models()
            if issubclass(model, kinds)
        ]

    class Meta:
        verbose_name = _("warning list")
        verbose_name_plural = _("warning lists")
