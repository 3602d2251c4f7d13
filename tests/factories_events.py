"""Factories for cultural events."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from kim_cms.pages import CulturalEventIndexPage, CulturalEventPage
from kim_cms.snippets import EventCategory


class EventCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventCategory

    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="id"))


class CulturalEventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CulturalEventIndexPage

    title = "Agenda budaya"
    slug = "agenda"


class CulturalEventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CulturalEventPage

    title = factory.Sequence(lambda n: f"Acara budaya {n}")
    slug = factory.Sequence(lambda n: f"acara-{n}")
    start_date = factory.LazyFunction(
        lambda: datetime.date.today() + datetime.timedelta(days=30)
    )
    start_time = datetime.time(19, 0)
    time_zone = "Asia/Jakarta"
