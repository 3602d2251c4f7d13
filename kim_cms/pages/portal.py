"""The portal landing page: the root of a district's KIM portal."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kim_cms import page_cache
from kim_cms.blocks import BodyStreamBlock
from kim_cms.conf import kim_settings
from kim_cms.pages.base import KimPageMixin
from kim_cms.pages.search import KimPortalSearchMixin
from kim_cms.pages.sections import find_index_pages, get_portal_sections
from kim_cms.queries import prefetch_renditions, read_restrictions_once

# The rendition of card images (kim_cms/includes/card.html).
CARD_IMAGE_SPEC = "fill-160x160|format-webp"


class AbstractKimPortalPage(KimPortalSearchMixin, KimPageMixin, Page):
    """The root of a KIM portal: a whole site's home, or a section of an
    existing district site (e.g. ``/kim/``).

    Extension contract: subclass it in your own app to add fields; the page
    renders with ``kim_cms/pages/kim_portal_page.html`` unless your app ships
    ``<app>/<model>.html``. Override ``get_sections(request)`` to change which
    sections the landing page shows (see ``kim_cms.pages.sections``). The
    portal search is its route ``cari/`` (see ``kim_cms.pages.search``).
    """

    district_name = models.CharField(
        _("district name"),
        max_length=120,
        help_text=_("The kabupaten, e.g. Kabupaten Pulang Pisau."),
    )
    introduction = StreamField(
        BodyStreamBlock(),
        verbose_name=_("introduction"),
        blank=True,
        help_text=_("What the KIM portal is for, shown at the top of the page."),
    )
    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo shown at the top and in link previews."),
    )
    office_name = models.CharField(
        _("office name"),
        max_length=200,
        blank=True,
        help_text=_("The communications office (Diskominfo) that runs the portal."),
    )
    office_address = models.TextField(_("office address"), blank=True)
    office_phone = models.CharField(_("office phone"), max_length=40, blank=True)
    office_email = models.EmailField(_("office e-mail"), blank=True)
    office_website = models.URLField(_("office website"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("district_name"),
        FieldPanel("hero_image"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("office_name"),
                FieldPanel("office_address"),
                FieldPanel("office_phone"),
                FieldPanel("office_email"),
                FieldPanel("office_website"),
            ],
            heading=_("Diskominfo contact"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("district_name"),
        index.SearchField("introduction"),
    ]
    api_fields = [
        APIField("district_name"),
        APIField("introduction"),
        APIField("hero_image"),
        APIField("office_name"),
        APIField("office_address"),
        APIField("office_phone"),
        APIField("office_email"),
        APIField("office_website"),
    ]
    override_translatable_fields = [
        SynchronizedField("district_name"),
        TranslatableField("introduction"),
        SynchronizedField("hero_image"),
        TranslatableField("office_name"),
        SynchronizedField("office_address"),
        SynchronizedField("office_phone"),
        SynchronizedField("office_email"),
        SynchronizedField("office_website"),
    ]

    kim_cms_template = "kim_cms/pages/kim_portal_page.html"

    class Meta:
        abstract = True

    @classmethod
    def get_serve_queryset(cls):
        """A served portal comes with its hero image."""
        return super().get_serve_queryset().select_related("hero_image")

    def get_social_image(self):
        return self.hero_image

    def get_sections(self, request):
        """The sections shown on the landing page, each with its latest items
        and its index page (the indexes of all sections in one query, the
        renditions of every card image in one more).

        A ``kept`` section whose HTML is kept for this generation comes as
        ``{"section", "html", "items", "index"}``: its ``items`` and
        ``index`` are read only if a template asks for them."""
        count = kim_settings.PORTAL_LATEST_COUNT
        sections = []
        # one read of the view restrictions for every section's query
        with read_restrictions_once():
            for section in get_portal_sections():
                keep, current = self.get_section_key(request, section), None
                if keep is not None:
                    found, html, current = page_cache.find_kept(*keep)
                    if found:
                        if html:
                            sections.append(self._kept_section(request, section, html))
                        continue
                items = section.items(self, request, count)
                if items:
                    sections.append(
                        {
                            "section": section,
                            "items": items,
                            "index": None,
                            # kept for the generation read before the items
                            "keep": keep and (*keep, current),
                        }
                    )
                elif keep is not None:
                    page_cache.keep(*keep, "", current)  # nothing until a change
            computed = [entry for entry in sections if "html" not in entry]
            indexes = find_index_pages(
                self, {e["section"].index_model for e in computed} - {None}
            )
        for entry in computed:
            self._add_index(entry, indexes.get(entry["section"].index_model))
        prefetch_renditions(
            [
                item.get_card_image()
                for entry in computed
                for item in entry["items"]
                if hasattr(item, "get_card_image")
            ],
            CARD_IMAGE_SPEC,
        )
        return sections

    def get_section_key(self, request, section):
        """``(name, parts)`` the HTML of ``section`` is kept under on this
        landing page (``kim_cms.page_cache.keep()``), or ``None`` when it is
        not kept: a section not ``kept``, a preview."""
        if not section.kept or self.pk is None or getattr(request, "is_preview", False):
            return None
        extra = section.kept(self, request) if callable(section.kept) else None
        parts = (
            self.pk,
            section.key,
            section.template,
            kim_settings.PORTAL_LATEST_COUNT,
            *page_cache.request_parts(request),
            extra,
        )
        return "portal-section", parts

    def _add_index(self, entry, index):
        section = entry["section"]
        entry["index"] = index if section.index_model else None
        if not section.index_model and section.index is not None:
            entry["index"] = section.index(self)
        if section.links is not None and entry["index"] is not None:
            entry["links"] = section.links(entry["index"])

    def _kept_section(self, request, section, html):
        """A kept section: its HTML, and its items and index read only when
        a site's template asks for them."""
        entry = {"section": section, "html": html}

        def items():
            return section.items(self, request, kim_settings.PORTAL_LATEST_COUNT)

        def index():
            found = find_index_pages(self, {section.index_model} - {None})
            self._add_index(entry, found.get(section.index_model))
            return entry["index"]

        entry["items"] = SimpleLazyObject(items)
        entry["index"] = SimpleLazyObject(index)
        return entry

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_sections(request)
        return context


class KimPortalPage(AbstractKimPortalPage):
    """The default portal landing page."""

    template = "kim_cms/pages/kim_portal_page.html"

    class Meta:
        verbose_name = _("KIM portal")
        verbose_name_plural = _("KIM portals")
