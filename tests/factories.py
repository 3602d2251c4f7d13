"""Factories for kim_cms pages, snippets and StreamField content."""

import factory
import wagtail_factories
from wagtail.images import get_image_model

from kim_cms.pages import KimPortalPage
from kim_cms.snippets import Desa, Kecamatan


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Foto {n}")


class KecamatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kecamatan
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Kecamatan {n}")


class DesaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Desa

    name = factory.Sequence(lambda n: f"Desa {n}")
    kecamatan = factory.SubFactory(KecamatanFactory)


class KimPortalPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = KimPortalPage

    title = "Portal KIM"
    district_name = "Kabupaten Pulang Pisau"
    office_name = "Diskominfo Kabupaten Pulang Pisau"
    office_phone = "+62 513 61000"
    office_email = "diskominfo@example.go.id"
