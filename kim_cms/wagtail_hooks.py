"""Admin integration: the "KIM" menu group with regions, taxonomies and the
list of groups."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from kim_cms.admin_views import KimGroupReportViewSet
from kim_cms.snippets import Desa, FocusArea, Kecamatan


class KecamatanViewSet(SnippetViewSet):
    model = Kecamatan
    icon = "site"
    menu_label = _("Kecamatan")
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    ordering = ["name"]


class DesaViewSet(SnippetViewSet):
    model = Desa
    icon = "home"
    menu_label = _("Desa")
    list_display = ["name", "kecamatan", "kind", "code"]
    list_filter = ["kecamatan", "kind"]
    search_fields = ["name", "code"]
    ordering = ["kecamatan__name", "name"]


class FocusAreaViewSet(SnippetViewSet):
    model = FocusArea
    icon = "tag"
    menu_label = _("Focus areas")
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


class KimViewSetGroup(SnippetViewSetGroup):
    """The "KIM" admin menu: regions, taxonomies and the group list."""

    menu_label = _("KIM")
    menu_icon = "group"
    menu_order = 250
    items = (KecamatanViewSet, DesaViewSet, FocusAreaViewSet, KimGroupReportViewSet)


register_snippet(KimViewSetGroup)
