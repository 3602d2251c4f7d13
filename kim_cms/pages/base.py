"""What every kim_cms page shares: template fallback, sharing metadata and the
index-page creation rule."""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

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


class KimGroupAuthoredForm(WagtailAdminPageForm):
    """Credits a page created under a KIM group's profile to that group."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        group = self.parent_kim_group()
        if (
            group is not None
            and "kim_group" in self.fields
            and not self.instance.pk
            and not self.initial.get("kim_group")
        ):
            self.initial["kim_group"] = group.pk

    def parent_kim_group(self):
        from kim_cms.pages.groups import AbstractKimGroupPage

        parent = self.parent_page
        if parent is not None and issubclass(
            parent.specific_class, AbstractKimGroupPage
        ):
            return parent
        return None

    def clean(self):
        cleaned_data = super().clean()
        group = self.parent_kim_group()
        if (
            group is not None
            and "kim_group" in self.fields
            and not cleaned_data.get("kim_group")
        ):
            cleaned_data["kim_group"] = group
        return cleaned_data


class KimGroupAuthoredMixin:
    """Marks page types that a KIM group can author (tips, events, training).

    Contract: the concrete model has a nullable ``kim_group`` foreign key to
    ``wagtailcore.Page`` (chosen with ``PageChooserPanel(page_type=
    "kim_cms.KimGroupPage")``, ``related_name="+"``). A group's profile lists,
    for each such page type, the live pages whose ``kim_group`` is the group.
    """

    kim_group_section_title = None  # a lazy translated string, e.g. _("Tips")
    base_form_class = KimGroupAuthoredForm

    def get_section_index(self, index_class):
        """The index page listing this page: its parent when that is an
        ``index_class`` page, else (for a page a KIM group publishes under its
        profile) the live, public ``index_class`` page of its language whose
        section holds it, or ``None``."""
        parent = self.get_parent()
        if parent is not None and issubclass(parent.specific_class, index_class):
            return parent
        candidates = [
            page
            for page in Page.objects.live()
            .public()
            .type(index_class)
            .filter(locale_id=self.locale_id, depth__lt=self.depth)
            .order_by("-depth", "path")
            if self.path.startswith(page.path[: -page.steplen])
        ]
        return candidates[0] if candidates else None


VERIFICATION_FIELDS = ("kim_verified_at", "kim_verified_by", "kim_verified_by_name")


class KimVerifiedPageMixin(models.Model):
    """Who verified a page and when, shown to readers ("Verified by ...").

    Filled when a moderator approves the page in the "KIM review" workflow
    (see ``kim_cms.roles``). The values live on the page row, not in its
    revisions: publishing an older revision, copying the page or creating a
    translation never carries a verification over. Put this mixin before
    ``Page`` in the bases of a page model.
    """

    kim_verified_at = models.DateTimeField(
        _("verified at"), null=True, blank=True, editable=False
    )
    kim_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by (user)"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kim_verified_by_name = models.CharField(
        _("verified by (office)"), max_length=200, blank=True, editable=False
    )

    exclude_fields_in_copy = list(VERIFICATION_FIELDS)

    class Meta:
        abstract = True

    def with_content_json(self, content):
        page = super().with_content_json(content)
        for field in VERIFICATION_FIELDS:
            setattr(page, field, getattr(self, field))
        return page


class KimGroupSectionMixin:
    """For the index pages of the sections KIM groups can publish in (tips,
    events, training): such an index lists its own children and the pages of
    its type that KIM groups publish under their profile, i.e. every page of
    its type in its language below the index's parent page (usually the
    portal)."""

    def in_section(self, queryset):
        if self.depth <= 2:
            return queryset.descendant_of(self)
        parent_path = self.path[: -self.steplen]
        return queryset.filter(path__startswith=parent_path, locale_id=self.locale_id)


__all__ = [
    "KimGroupAuthoredMixin",
    "KimGroupSectionMixin",
    "KimVerifiedPageMixin",
    "KimIndexPageMixin",
    "KimPageMixin",
]
