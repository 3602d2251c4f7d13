"""Factories for the groups domain."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from kim_cms.pages import (
    KimActivityPage,
    KimGroupIndexPage,
    KimGroupOfficer,
    KimGroupPage,
)
from kim_cms.snippets import FocusArea


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Bidang {n}")
    slug = factory.Sequence(lambda n: f"bidang-{n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="id"))


class KimGroupIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = KimGroupIndexPage

    title = "Direktori KIM"
    slug = "direktori"


class KimGroupPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = KimGroupPage

    title = factory.Sequence(lambda n: f"KIM Maju {n:03d}")
    slug = factory.Sequence(lambda n: f"kim-maju-{n:03d}")
    status = "active"
    vision = "Masyarakat desa yang melek informasi."


class KimGroupOfficerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KimGroupOfficer

    name = factory.Sequence(lambda n: f"Pengurus {n}")
    role = "anggota"
    consent_to_publish = True


class KimActivityPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = KimActivityPage

    title = factory.Sequence(lambda n: f"Kegiatan {n}")
    slug = factory.Sequence(lambda n: f"kegiatan-{n}")
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(n))
    place = "Balai Desa"
    summary = "Sosialisasi literasi digital bagi warga desa."
