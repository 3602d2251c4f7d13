"""The directory of KIM groups, and the portal's newest groups."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kim_cms.pages.base import newest_first
from kim_cms.pages.groups.profile import (
    AbstractKimGroupPage,
    KimGroupPage,
    with_card_images,
)
from kim_cms.pages.indexes import AbstractKimIndexPage, introduction_field
from kim_cms.pages.sections import PortalSection, register_portal_section
from kim_cms.params import (
    clean_search_query,
    parse_choice,
    parse_id,
    parse_slug,
)
from kim_cms.queries import in_locale, prepare_rows, public_q
from kim_cms.snippets import (
    Desa,
    FocusArea,
    Kecamatan,
    localized_terms,
)


class AbstractKimGroupIndexPage(AbstractKimIndexPage):
    """The directory of KIM groups: the live groups under it, in its language,
    filterable by kecamatan, desa, focus area and status, with a text search.

    Extension contract: override ``get_groups(request)`` to change the base
    queryset, ``filter_groups(groups, filters)`` to add filters, and
    ``get_group_model()`` when your site lists its own group page type.
    """

    introduction = introduction_field(
        help_text=_("A few sentences shown above the list of groups.")
    )

    kim_cms_template = "kim_cms/pages/kim_group_index_page.html"

    class Meta:
        abstract = True

    def get_group_model(self):
        """The page model the directory lists."""
        return KimGroupPage

    def get_groups(self, request=None):
        """Live, public groups under this directory, in its language."""
        groups = (
            self.get_group_model()
            .objects.descendant_of(self)
            .live()
            .filter(public_q())
            .defer_streamfields()
        )
        return in_locale(groups, self.locale_id)

    def get_filters(self, request):
        """The valid filters of the request; malformed values are dropped."""
        params = request.GET
        return {
            "kecamatan": parse_id(params.get("kecamatan"), Kecamatan),
            "desa": parse_id(params.get("desa"), Desa),
            "fokus": parse_slug(params.get("fokus")),
            "status": parse_choice(
                params.get("status"), AbstractKimGroupPage.STATUS_CHOICES
            ),
            "q": clean_search_query(params.get("q")),
        }

    def filter_groups(self, groups, filters):
        """Apply ``filters`` (from ``get_filters``) to ``groups``."""
        if filters["kecamatan"]:
            groups = groups.filter(kecamatan_id=filters["kecamatan"])
        if filters["desa"]:
            groups = groups.filter(desa_id=filters["desa"])
        if filters["fokus"]:
            groups = groups.filter(focus_areas__slug=filters["fokus"]).distinct()
        if filters["status"]:
            groups = groups.filter(status=filters["status"])
        for word in filters["q"].split():
            groups = groups.filter(
                Q(title__icontains=word)
                | Q(desa__name__icontains=word)
                | Q(kecamatan__name__icontains=word)
                | Q(search_description__icontains=word)
            )
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.get_filters(request)
        groups = self.filter_groups(self.get_groups(request), filters)
        groups = with_card_images(
            groups.select_related("kecamatan", "desa").prefetch_related("focus_areas")
        ).order_by("title", "pk")
        page_obj = self.paginate(request, groups)
        # when the cards are rendered (not when their HTML is kept)
        prepare_rows(
            page_obj, lambda rows: attach_localized_focus_areas(rows, self.locale_id)
        )
        kecamatan_list = list(Kecamatan.objects.all())
        desa_list = []
        if filters["kecamatan"]:
            desa_list = list(
                Desa.objects.filter(kecamatan_id=filters["kecamatan"]).select_related(
                    "kecamatan"
                )
            )
        context.update(
            {
                "groups": page_obj,
                "page_obj": page_obj,
                "filters": filters,
                "filtering": any(filters.values()),
                "kecamatan_list": kecamatan_list,
                "desa_list": desa_list,
                "focus_area_list": FocusArea.objects.filter(locale_id=self.locale_id),
                "status_choices": AbstractKimGroupPage.STATUS_CHOICES,
                "query_string": self.get_pagination_query(request),
            }
        )
        return context


class KimGroupIndexPage(AbstractKimGroupIndexPage):
    """The default directory of KIM groups."""

    template = "kim_cms/pages/kim_group_index_page.html"
    subpage_types = ["kim_cms.KimGroupPage"]

    class Meta:
        verbose_name = _("KIM group directory")
        verbose_name_plural = _("KIM group directories")


def attach_localized_focus_areas(groups, locale):
    """Set ``localized_focus_areas`` on each group (prefetched
    ``focus_areas``) in one query for the whole list."""
    groups = list(groups)
    terms = {t.pk: t for g in groups for t in g.focus_areas.all()}
    localized = dict(zip(terms, localized_terms(terms.values(), locale), strict=True))
    for group in groups:
        group.localized_focus_areas = [localized[t.pk] for t in group.focus_areas.all()]
    return groups


def latest_groups(portal, request, count):
    """The portal's newest live groups in its language (the portal fetches
    the card renditions of every section at once)."""
    groups = in_locale(
        KimGroupPage.objects.descendant_of(portal).live().filter(public_q()),
        portal.locale_id,
    )
    groups = groups.select_related("kecamatan", "desa", "logo", "cover_image")
    return list(newest_first(groups.defer_streamfields())[:count])


register_portal_section(
    PortalSection(
        key="groups",
        title=_("KIM groups"),
        items=latest_groups,
        index_model="kim_cms.KimGroupIndexPage",
        order=10,
        kept=True,
    )
)
