"""KIM groups: the directory, group profiles and activity reports.

(First cut: the page types exist so that other domains can link to groups.)
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from kim_cms.pages.base import KimIndexPageMixin, KimPageMixin


class AbstractKimGroupIndexPage(KimIndexPageMixin, Page):
    """The directory of KIM groups."""

    kim_cms_template = "kim_cms/pages/kim_group_index_page.html"

    class Meta:
        abstract = True


class KimGroupIndexPage(AbstractKimGroupIndexPage):
    template = "kim_cms/pages/kim_group_index_page.html"
    subpage_types = ["kim_cms.KimGroupPage"]

    class Meta:
        verbose_name = _("KIM group directory")
        verbose_name_plural = _("KIM group directories")


class AbstractKimGroupPage(KimPageMixin, Page):
    """A KIM group's profile."""

    kecamatan = models.ForeignKey(
        "kim_cms.Kecamatan",
        verbose_name=_("kecamatan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    desa = models.ForeignKey(
        "kim_cms.Desa",
        verbose_name=_("desa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("kecamatan"),
        FieldPanel("desa"),
    ]
    override_translatable_fields = [
        SynchronizedField("kecamatan"),
        SynchronizedField("desa"),
    ]
    kim_cms_template = "kim_cms/pages/kim_group_page.html"

    class Meta:
        abstract = True


class KimGroupPage(AbstractKimGroupPage):
    template = "kim_cms/pages/kim_group_page.html"
    parent_page_types = ["kim_cms.KimGroupIndexPage"]

    class Meta:
        verbose_name = _("KIM group")
        verbose_name_plural = _("KIM groups")
