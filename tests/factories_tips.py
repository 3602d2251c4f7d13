"""Factories for agriculture and fisheries tips."""

import factory

from kim_cms.snippets import Commodity


class CommodityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commodity
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Komoditas {n}")
    slug = factory.Sequence(lambda n: f"komoditas-{n}")
