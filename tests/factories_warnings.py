"""Factories for hazards and disaster warnings."""

import datetime

import factory
from django.utils import timezone
from wagtail.models import Locale

from kim_cms.snippets import Hazard
from tests.factories import KecamatanFactory


class HazardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hazard
        django_get_or_create = ("slug", "locale")

    name = "Kebakaran hutan dan lahan"
    slug = "karhutla"
    cap_category = "Fire"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="id"))


def make_warning_index(parent, title="Peringatan Bencana", slug="peringatan", **kw):
    from kim_cms.pages import WarningIndexPage

    index = WarningIndexPage(title=title, slug=slug, **kw)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_warning(
    index,
    title="Siaga karhutla di Jabiren Raya",
    *,
    hazard=None,
    level="siaga",
    kecamatan=None,
    valid_from=None,
    valid_until=None,
    publish=True,
    **fields,
):
    """A warning under ``index``, in force from an hour ago for a day unless
    told otherwise."""
    from django.utils.text import slugify

    from kim_cms.pages import WarningPage

    moment = timezone.now()
    if kecamatan is None:
        kecamatan = [KecamatanFactory(name="Jabiren Raya")]
    fields.setdefault("description", "Titik api terpantau di lahan gambut.")
    fields.setdefault("instructions", "Jangan membakar lahan.\nSiapkan masker.")
    fields.setdefault("issuing_agency", "BPBD Kabupaten Pulang Pisau")
    page = WarningPage(
        title=title,
        slug=fields.pop("slug", slugify(title)),
        hazard=hazard or HazardFactory(),
        level=level,
        valid_from=valid_from or moment - datetime.timedelta(hours=1),
        valid_until=valid_until or moment + datetime.timedelta(days=1),
        kecamatan=kecamatan,
        **fields,
    )
    index.add_child(instance=page)
    page.full_clean()  # the area is filled in from the kecamatan
    page.save()
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.unpublish()
    return WarningPage.objects.get(pk=page.pk)


def make_guide(index, title="Panduan siaga karhutla", *, hazard=None, **fields):
    """A live preparedness guide under ``index`` with a step in each phase,
    two contacts and an evacuation point."""
    from django.utils.text import slugify

    from kim_cms.pages import PreparednessGuidePage

    def steps(*titles):
        return [("step", {"title": t, "text": f"<p>{t}.</p>"}) for t in titles]

    fields.setdefault("summary", "Apa yang disiapkan keluarga saat musim kemarau.")
    fields.setdefault("before", steps("Bersihkan pekarangan dari daun kering"))
    fields.setdefault("during", steps("Pakai masker N95", "Tutup jendela"))
    fields.setdefault("after", steps("Periksa kesehatan di Puskesmas"))
    fields.setdefault(
        "contacts",
        [
            (
                "contact",
                {
                    "kind": "bpbd",
                    "name": "BPBD Pulang Pisau",
                    "phone": "+62 513 61112",
                    "note": "24 jam",
                },
            ),
            (
                "contact",
                {"kind": "damkar", "name": "Damkar", "phone": "113", "note": ""},
            ),
        ],
    )
    fields.setdefault(
        "evacuation_points",
        [
            (
                "point",
                {
                    "name": "Balai Desa Garung",
                    "desa": None,
                    "capacity": 150,
                    "latitude": "-2.951234",
                    "longitude": "114.052345",
                },
            )
        ],
    )
    page = PreparednessGuidePage(
        title=title,
        slug=fields.pop("slug", slugify(title)),
        hazard=hazard or HazardFactory(),
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return PreparednessGuidePage.objects.get(pk=page.pk)
