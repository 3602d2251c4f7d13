"""Factories for agriculture and fisheries tips."""

import factory

from kim_cms.snippets import Commodity


class CommodityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commodity
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Komoditas {n}")
    slug = factory.Sequence(lambda n: f"komoditas-{n}")


def make_tip_index(parent, title="Tips Pertanian dan Perikanan", slug="tips", **kw):
    from kim_cms.pages import AgricultureTipIndexPage

    index = AgricultureTipIndexPage(title=title, slug=slug, **kw)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_tip(
    index,
    title="Padi di lahan gambut",
    *,
    steps=3,
    image=None,
    kecamatan=(),
    publish=True,
    **fields,
):
    """A tip under ``index`` with ``steps`` steps (each with ``image`` if given)."""
    import datetime

    from django.utils.text import slugify

    from kim_cms.pages import AgricultureTipPage

    if "commodity" not in fields:
        fields["commodity"] = CommodityFactory(
            name="Padi", slug="padi", locale=index.locale
        )
    fields.setdefault("sub_sector", "food-crops")
    fields.setdefault("summary", "Cara menanam padi di lahan gambut tanpa membakar.")
    fields.setdefault("expert_name", "Siti Rahmah")
    fields.setdefault("expert_institution", "BPP Kecamatan Maliku")
    fields.setdefault("reviewed_on", datetime.date(2026, 1, 10))
    fields.setdefault("slug", slugify(title))
    tip = AgricultureTipPage(
        title=title,
        live=publish,
        steps=[
            (
                "step",
                {
                    "title": f"Langkah {n}",
                    "text": f"<p>Kerjakan langkah {n}.</p>",
                    "image": image,
                },
            )
            for n in range(1, steps + 1)
        ],
        supplies=[
            ("supply", {"kind": "supply", "name": "Dolomit", "dose": "1 ton/ha"}),
            ("supply", {"kind": "tool", "name": "Cangkul", "dose": ""}),
        ],
        **fields,
    )
    index.add_child(instance=tip)
    if kecamatan:
        tip.kecamatan.set(kecamatan)
    revision = tip.save_revision()
    if publish:
        revision.publish()
        tip.refresh_from_db()
    return tip
