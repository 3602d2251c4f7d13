"""What every kim_cms page shares: template fallback, sharing metadata and the
index-page creation rule."""

from django.apps import apps
from django.utils.text import Truncator

from kim_cms.conf import kim_settings


class KimPageMixin:
    """Mixed into every kim_cms page type.

    Extension contract:

    - ``kim_cms_template``: the template kim_cms ships for this page type. Wagtail
      resets ``template`` on every subclass to ``<app>/<model>.html``; a site's
      subclass renders with its own template when it exists and falls back to
      ``kim_cms_template`` otherwise.
    - ``get_social_image()``: the image shown in WhatsApp / Open Graph previews.
    - ``get_social_description()``: the text shown under the preview title.
    """

    kim_cms_template = None

    def get_template(self, request, *args, **kwargs):
        own = super().get_template(request, *args, **kwargs)
        if self.kim_cms_template and own != self.kim_cms_template:
            return [own, self.kim_cms_template]
        return own

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["kim_cms_base_template"] = kim_settings.BASE_TEMPLATE
        # One query serves the breadcrumbs and the home link of the header.
        ancestors = list(
            self.get_ancestors()
            .filter(depth__gt=1)
            .only("id", "path", "depth", "title", "url_path", "locale_id")
        )
        context["kim_ancestors"] = ancestors
        context["kim_home"] = ancestors[0] if ancestors else self
        return context

    def get_structured_data(self):
        """Return a dict printed as JSON-LD, or ``None``."""
        return None

    def get_card_image(self):
        """Return the image shown beside this page in listings, or ``None``."""
        return self.get_social_image()

    def get_card_meta(self):
        """Return one short line shown under the title in listings."""
        return ""

    def get_social_image(self):
        """Return an image for link previews, or ``None``."""
        return None

    def get_social_description(self):
        """Return the description shown in link previews."""
        if self.search_description:
            return self.search_description
        summary = getattr(self, "summary", "") or ""
        return Truncator(summary).chars(200)


class KimIndexPageMixin(KimPageMixin):
    """Index pages may be created under any page unless the site lists the
    allowed parents in ``KIM_CMS_INDEX_PARENT_PAGE_TYPES``."""

    @classmethod
    def can_create_at(cls, parent):
        if not super().can_create_at(parent):
            return False
        allowed = kim_settings.INDEX_PARENT_PAGE_TYPES
        if allowed is None:
            return True
        allowed_models = tuple(apps.get_model(dotted) for dotted in allowed)
        return isinstance(parent.specific, allowed_models)


class KimGroupAuthoredMixin:
    """Marks page types that a KIM group can author (tips, events, training).

    Contract: the concrete model has a nullable ``kim_group`` foreign key to
    ``wagtailcore.Page`` (chosen with ``PageChooserPanel(page_type=
    "kim_cms.KimGroupPage")``, ``related_name="+"``). A group's profile lists,
    for each such page type, the live pages whose ``kim_group`` is the group.
    """

    kim_group_section_title = None  # a lazy translated string, e.g. _("Tips")


__all__ = [
    "KimGroupAuthoredMixin",
    "KimIndexPageMixin",
    "KimPageMixin",
]
