"""The list of warnings: those in force, most severe first, and past ones,
filterable by hazard and kecamatan, with RSS and Atom indexes linking to
each warning's CAP document."""

from django import forms
from django.db.models import Q
from django.http import HttpResponseBadRequest
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from kim_cms.conf import kim_settings
from kim_cms.outputs.warning_feeds import WarningAtomFeed, WarningRssFeed
from kim_cms.pages.indexes import AbstractKimIndexPage, introduction_field
from kim_cms.pages.warnings import levels
from kim_cms.pages.warnings.levels import get_warning_model
from kim_cms.pages.warnings.warning import AbstractWarningPage
from kim_cms.params import FilterForm, parse_id, parse_slug
from kim_cms.queries import (
    LazyRows,
    count_pages,
    in_locale,
    page_rows,
    public_q,
    query_key,
)


class WarningFilterForm(FilterForm):
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


class InForceFirst:
    """``warnings`` in the order of the list, for a paginator to slice:
    those in force (not cancelled, not expired) first, most severe and
    earliest first; then the others, the last to expire first. Each warning
    read has ``kim_in_force``.

    The two parts are read apart, each in an order an index on
    ``valid_until`` serves: a page of the list reads the few warnings in
    force and the page's share of the others, not every warning the list
    ever held. Only the total is counted (and kept, ``count_pages()``);
    the number in force is counted only for a page past all of them."""

    def __init__(self, warnings, moment=None):
        moment = moment or levels.now()
        in_force = Q(cancelled=False, valid_until__gt=moment)
        self.moment = moment
        self.warnings = warnings
        self.current = warnings.filter(in_force).order_by(
            "-level_rank", "valid_from", "pk"
        )
        self.past = warnings.filter(
            Q(cancelled=True) | Q(valid_until__lte=moment)
        ).order_by("-valid_until", "-pk")

    def count(self):
        return count_pages(self.warnings)

    def lazy_rows(self, start, stop):
        """``self[start:stop]`` read when first asked for
        (``kim_cms.queries.LazyRows``), under a key that holds the list's
        query, the slice and the next start or end of a warning
        (``banner.warning_clock()``): cards kept under it
        (``{% kim_kept_rows %}``) are not shown past that moment."""
        from kim_cms.pages.warnings.banner import warning_clock

        key = query_key(self.warnings)
        if key:
            key = (*key, warning_clock(self.moment), start, stop)
        return LazyRows(lambda: self[start:stop], key or None)

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("The warning list is read a slice at a time.")
        start, stop = key.start or 0, key.stop
        rows = list(self.current[start:stop])
        for warning in rows:
            warning.kim_in_force = True
        if stop is not None and len(rows) == stop - start:
            return rows
        # a short first part ends the warnings in force: no count needed
        in_force = start + len(rows) if rows or not start else self.current.count()
        past = list(
            self.past[
                start + len(rows) - in_force : None if stop is None else stop - in_force
            ]
        )
        for warning in past:
            warning.kim_in_force = False
        return rows + past


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

    def get_context(self, request, *args, kim_view=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if kim_view == "guides":  # the guides page lists no warning
            return context
        values = parse_warning_filters(request.GET) or {}
        # the cards show no body: its JSON is neither read nor parsed
        warnings = self.filter_warnings(
            self.get_warnings(request), values
        ).defer_streamfields()
        # One list, paged: the warnings in force first, most severe first,
        # then the past ones, newest first. Each page holds a share of it.
        page_obj = self.paginate(request, InForceFirst(warnings))
        items = page_obj.object_list
        first_page = not page_obj.has_previous()
        # The rows, the guides and their count are read when the cards are
        # rendered ({% kim_kept_rows %}), not when they are kept.
        guides_shown = []

        def shown():
            if not guides_shown:
                found = self.get_guides_shown(request) if first_page else ([], 0)
                guides_shown.extend(found)
            return guides_shown

        def guides_url():
            return self.url + self.reverse_subpage("guides") if shown()[1] else ""

        context.update(
            {
                "filter_form": self.get_filter_form(request),
                "filters_active": bool(values),
                "current_warnings": LazyRows(
                    lambda: [w for w in items if w.kim_in_force]
                ),
                "past_warnings": LazyRows(
                    lambda: [w for w in items if not w.kim_in_force]
                ),
                "first_page": first_page,
                "last_page": not page_obj.has_next(),
                "page_obj": page_obj,
                "query_string": self.get_pagination_query(request),
                "feed_urls": self.get_feed_urls(request),
                "guides": LazyRows(lambda: shown()[0]),
                # a template calls these when it reads them
                "more_guides": lambda: shown()[1],
                "guides_url": guides_url,
            }
        )
        return context

    def get_guides_queryset(self, request=None):
        """The live, public preparedness guides under this list, by title."""
        from kim_cms.pages.guides import PreparednessGuidePage

        return (
            PreparednessGuidePage.objects.child_of(self)
            .live()
            .filter(public_q())
            .select_related("hazard")
            .defer_streamfields()
            .order_by("title", "pk")
        )

    def get_guides(self, request=None):
        """The live, public preparedness guides under this list."""
        return list(self.get_guides_queryset(request))

    def get_guides_shown(self, request=None):
        """``(guides, more)``: the first ``KIM_CMS_PAGE_SIZE`` guides, shown
        on the list's first page, and how many more the guides page holds."""
        size = kim_settings.PAGE_SIZE
        guides = self.get_guides_queryset(request)
        shown = page_rows(guides, 0, size + 1)
        if len(shown) <= size:
            return shown, 0
        return shown[:size], count_pages(guides) - size

    @path("panduan/", name="guides")
    def guides_route(self, request):
        """Every preparedness guide of this list, a page at a time."""
        guides = self.paginate(request, self.get_guides_queryset(request))
        return self.render(
            request,
            kim_view="guides",
            template="kim_cms/pages/warning_guides_page.html",
            context_overrides={
                "guides": list(guides.object_list),
                "page_obj": guides,
                "query_string": "",
                "kim_subpage_title": _("Preparedness guides"),
                # its own address, not the list's, for search engines
                "kim_canonical_url": (self.get_full_url(request) or "")
                + self.reverse_subpage("guides"),
                # the language switcher leads to the guides in each language
                "kim_alternate_suffix": self.reverse_subpage("guides"),
            },
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
        # read through the index on valid_until: the few not yet expired,
        # not every warning of the language (in_locale())
        warnings = self.get_warnings(request).filter(valid_until__gt=levels.now())
        return list(
            in_locale(warnings, self.locale_id).order_by(
                "-level_rank", "-last_published_at", "-pk"
            )[:limit]
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
