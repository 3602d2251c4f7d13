"""Demo: hazards, a karhutla Siaga warning for two kecamatan, an expired flood
warning, guides for karhutla and floods with contacts and evacuation points,
and two KIM disaster reports of the fires; in Indonesian with English
translations."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.text import slugify

HAZARDS = [
    ("karhutla", "Kebakaran hutan dan lahan", "Forest and land fires", "Fire"),
    ("kabut-asap", "Kabut asap", "Haze", "Env"),
    ("banjir", "Banjir", "Flood", "Met"),
    ("cuaca-ekstrem", "Cuaca ekstrem", "Extreme weather", "Met"),
]

INDEX_STRINGS = {
    "Peringatan Bencana": "Disaster Warnings",
    "peringatan-bencana": "disaster-warnings",
    "Peringatan dari BPBD Kabupaten Pulang Pisau. Dalam keadaan darurat hubungi 112.": (
        "Warnings from the Pulang Pisau District disaster management agency "
        "(BPBD). In an emergency call 112."
    ),
}

KARHUTLA = {
    "title": (
        "Siaga karhutla di Jabiren Raya dan Kahayan Hilir",
        "Forest fire watch in Jabiren Raya and Kahayan Hilir",
    ),
    "slug": ("siaga-karhutla-jabiren-kahayan-hilir", "forest-fire-watch"),
    "description": (
        "Satelit memantau 37 titik panas di lahan gambut. Angin kencang dapat "
        "menyebarkan api ke permukiman dan kabut asap menebal pada pagi hari.",
        "Satellites show 37 hotspots on peat land. Strong wind can carry the "
        "fire to houses, and the haze thickens in the morning.",
    ),
    "instructions": (
        "Jangan membakar lahan atau sampah.\n"
        "Pakai masker saat keluar rumah.\n"
        "Laporkan api kepada Damkar di 113.",
        "Do not burn land or rubbish.\n"
        "Wear a mask outdoors.\n"
        "Report fires to the fire brigade on 113.",
    ),
}

FLOOD = {
    "title": (
        "Waspada banjir di bantaran Sungai Kahayan",
        "Flood alert along the Kahayan river",
    ),
    "slug": ("waspada-banjir-kahayan", "flood-alert-kahayan"),
    "description": (
        "Muka air Sungai Kahayan naik setelah hujan lebat di hulu.",
        "The Kahayan river is rising after heavy rain upstream.",
    ),
    "instructions": (
        "Simpan dokumen penting di tempat tinggi.\nIkuti arahan aparat desa.",
        "Keep important papers up high.\nFollow the village officials.",
    ),
}


def _steps(pairs, strings):
    from wagtail.rich_text import RichText

    steps = []
    for title_id, title_en in pairs:
        strings[title_id] = title_en
        steps.append(("step", {"title": title_id, "text": RichText("")}))
    return steps


GUIDES = [
    {
        "hazard": "karhutla",
        "slug": ("panduan-karhutla", "forest-fire-guide"),
        "title": ("Panduan siaga karhutla", "Forest fire preparedness guide"),
        "summary": (
            "Apa yang dilakukan keluarga sebelum, saat, dan sesudah kebakaran "
            "hutan dan lahan.",
            "What a family does before, during and after forest and land fires.",
        ),
        "before": [
            ("Bersihkan pekarangan dari daun kering", "Clear dry leaves from the yard"),
            (
                "Siapkan masker N95 untuk setiap anggota keluarga",
                "Get an N95 mask for everyone",
            ),
        ],
        "during": [
            ("Tutup jendela dan pintu", "Close windows and doors"),
            (
                "Jauhkan anak dan lansia dari asap",
                "Keep children and the elderly away from smoke",
            ),
        ],
        "after": [
            ("Periksa kesehatan di Puskesmas", "See the health centre for a check-up")
        ],
        "contacts": [
            ("bpbd", "BPBD Kabupaten Pulang Pisau", "+62 513 61112", "24 jam"),
            ("damkar", "Damkar Pulang Pisau", "113", ""),
            (
                "manggala-agni",
                "Manggala Agni Daops Pulang Pisau",
                "+62 811 520 1122",
                "",
            ),
            ("puskesmas", "Puskesmas Jabiren", "+62 513 61230", ""),
        ],
        # the KIM of the area, whose number is on its profile
        "kim": ("kim-jabiren", ("Laporkan titik api", "Report a fire")),
        "poster": (
            "poster-karhutla",
            ("Poster: cegah karhutla", "Poster: prevent forest fires"),
            [
                "Jangan membakar lahan dan sampah.",
                "Laporkan titik api ke BPBD, Manggala Agni atau KIM desa.",
                "Pakai masker N95 saat kabut asap.",
            ],
        ),
        "points": [
            (
                "Balai Desa Jabiren",
                "Jabiren",
                "Jabiren Raya",
                200,
                "-2.497900",
                "114.170300",
            ),
        ],
    },
    {
        "hazard": "banjir",
        "slug": ("panduan-banjir", "flood-guide"),
        "title": ("Panduan siaga banjir", "Flood preparedness guide"),
        "summary": (
            "Bersiap menghadapi banjir di bantaran Sungai Kahayan dan Sebangau.",
            "Preparing for floods along the Kahayan and Sebangau rivers.",
        ),
        "before": [
            ("Simpan dokumen dalam kantong plastik", "Keep papers in plastic bags")
        ],
        "during": [("Matikan listrik di rumah", "Switch off the power at home")],
        "after": [
            ("Bersihkan rumah dengan air bersih", "Clean the house with clean water")
        ],
        "contacts": [
            ("bpbd", "BPBD Kabupaten Pulang Pisau", "+62 513 61112", "24 jam"),
            ("police", "Polres Pulang Pisau", "110", ""),
        ],
        "kim": (
            "kim-bahaur",
            ("Kabar banjir dari desa", "Flood news from the village"),
        ),
        "poster": (
            "poster-banjir",
            ("Poster: siaga banjir", "Poster: ready for floods"),
            [
                "Simpan dokumen penting di tempat tinggi.",
                "Matikan listrik sebelum air masuk rumah.",
                "Ikuti arahan aparat desa ke titik evakuasi.",
            ],
        ),
        "points": [
            ("SDN 1 Bahaur", "Bahaur", "Kahayan Kuala", 150, "-3.183300", "114.071900"),
        ],
    },
]

# What a translator writes for the offices of the guides and the warnings (a
# name such as Manggala Agni stays as it is).
NAMES_EN = {
    "BPBD Kabupaten Pulang Pisau": (
        "Pulang Pisau District disaster management agency (BPBD)"
    ),
    "Damkar Pulang Pisau": "Pulang Pisau fire brigade (Damkar)",
    "Puskesmas Jabiren": "Jabiren community health centre (Puskesmas)",
    "Polres Pulang Pisau": "Pulang Pisau police (Polres)",
}

# (group slug, desa, kecamatan, hours ago, title, summary, report)
REPORTS = [
    (
        "kim-jabiren",
        "Jabiren",
        "Jabiren Raya",
        5,
        (
            "Api di lahan gambut dekat kanal Jabiren",
            "Fire on the peat land by the Jabiren canal",
        ),
        (
            "Warga melihat asap dan api di lahan gambut sekitar 2 km dari jalan "
            "desa. Manggala Agni sudah dihubungi; warga diminta tidak mendekat.",
            "Residents saw smoke and flames on peat land about 2 km from the "
            "village road. Manggala Agni has been called; keep away from it.",
        ),
        (
            "Anggota KIM memantau dari menara pantau dan mengabarkan arah angin "
            "lewat grup WhatsApp desa setiap jam.",
            "KIM members watch from the fire tower and post the wind's direction "
            "in the village WhatsApp group every hour.",
        ),
    ),
    (
        "kim-pulang-pisau",
        "Pulang Pisau",
        "Kahayan Hilir",
        20,
        (
            "Kabut asap tebal pagi hari di Pulang Pisau",
            "Thick morning haze in Pulang Pisau",
        ),
        (
            "Jarak pandang di tepi Sungai Kahayan kurang dari 200 meter pukul "
            "06.00. Sekolah meminta murid memakai masker.",
            "Visibility on the Kahayan riverbank was under 200 metres at 6 am. "
            "Schools ask pupils to wear masks.",
        ),
        (
            "KIM membagikan masker di dermaga dan mengingatkan warga agar "
            "menutup jendela pada pagi hari.",
            "The KIM handed out masks at the jetty and reminded residents to "
            "keep windows shut in the morning.",
        ),
    ),
]


def _reports(ctx, hazard, now):
    """The karhutla disaster reports of two groups in the warning's area."""
    from wagtail.rich_text import RichText

    from kim_cms.conf import kim_settings
    from kim_cms.pages import KimActivityPage, KimGroupPage

    for slug, desa, kecamatan, hours, title, summary, text in REPORTS:
        group = ctx.find(KimGroupPage, slug=slug, locale=ctx.locale_id)
        if group is None:
            continue
        seen = now - datetime.timedelta(hours=hours)
        strings = {title[0]: title[1], summary[0]: summary[1], text[0]: text[1]}
        strings[desa] = desa  # a place name reads the same in English
        page = ctx.page(
            group,
            KimActivityPage,
            slugify(title[0]),
            title=title[0],
            date=seen.astimezone(ZoneInfo(kim_settings.TIME_ZONE)).date(),
            place=desa,
            summary=summary[0],
            cover_image=ctx.image(
                f"laporan-{slug}",
                f"Foto laporan KIM: {title[0]}",
                "peat-forest",
                title_en=f"KIM report photo: {title[1]}",
            ),
            body=[("paragraph", RichText(f"<p>{text[0]}</p>"))],
            hazard=hazard,
            hazard_desa=ctx.desa(desa, kecamatan),
            observed_at=seen,
        )
        ctx.translate(page, strings)


def _hazards(ctx):
    from kim_cms.snippets import Hazard

    found = {}
    for slug, name_id, name_en, category in HAZARDS:
        hazard = Hazard.objects.filter(slug=slug, locale=ctx.locale_id).first()
        if hazard is None:
            hazard = Hazard.objects.create(
                slug=slug, name=name_id, cap_category=category, locale=ctx.locale_id
            )
        if hazard.get_translation_or_none(ctx.locale_en) is None:
            english = hazard.copy_for_translation(ctx.locale_en)
            english.name = name_en
            english.save()
        found[slug] = hazard
    return found


def _warning(ctx, index, spec, hazard, level, kecamatan, start, end):
    from kim_cms.pages import WarningPage

    strings = {}
    fields = {}
    for name in ("title", "description", "instructions"):
        source, english = spec[name]
        fields[name] = source
        strings[source] = english
    slug_id, slug_en = spec["slug"]
    strings[slug_id] = slug_en
    area = ", ".join(k.name for k in kecamatan)
    strings[area] = area  # place names read the same in English
    page = ctx.page(
        index,
        WarningPage,
        slug_id,
        hazard=hazard,
        level=level,
        kecamatan=kecamatan,
        area_description=area,
        valid_from=start,
        valid_until=end,
        time_zone="Asia/Jakarta",
        issuing_agency="BPBD Kabupaten Pulang Pisau",
        source_url="https://bpbd.pulangpisaukab.go.id",
        **fields,
    )
    # the issuing agency is kept in step with the Indonesian page; a
    # translator overrides it with the English name
    agency = NAMES_EN["BPBD Kabupaten Pulang Pisau"]
    ctx.translate(page, strings, overrides={"issuing_agency": agency})
    return page


def _guide(ctx, index, spec, hazard):
    from kim_cms.pages import PreparednessGuidePage

    strings = {}
    title_id, title_en = spec["title"]
    summary_id, summary_en = spec["summary"]
    slug_id, slug_en = spec["slug"]
    strings.update({title_id: title_en, summary_id: summary_en, slug_id: slug_en})
    contacts = [
        ("contact", {"kind": kind, "name": name, "phone": phone, "note": note})
        for kind, name, phone, note in spec["contacts"]
    ]
    contacts += _kim_contact(ctx, spec, strings)
    strings.update({"24 jam": "24 hours"})
    # names of offices and phone numbers read the same in English
    for _kind, name, phone, _note in spec["contacts"]:
        strings.setdefault(name, NAMES_EN.get(name, name))
        strings.setdefault(phone, phone)
    points = []
    for name, desa, kecamatan, capacity, lat, lon in spec["points"]:
        points.append(
            (
                "point",
                {
                    "name": name,
                    "desa": ctx.desa(desa, kecamatan),
                    "capacity": capacity,
                    "latitude": lat,
                    "longitude": lon,
                },
            )
        )
    page = ctx.page(
        index,
        PreparednessGuidePage,
        slug_id,
        title=title_id,
        hazard=hazard,
        summary=summary_id,
        before=_steps(spec["before"], strings),
        during=_steps(spec["during"], strings),
        after=_steps(spec["after"], strings),
        contacts=contacts,
        evacuation_points=points,
        posters=_poster(ctx, spec, strings),
    )
    ctx.translate(page, strings)
    return page


def _kim_contact(ctx, spec, strings):
    """The KIM of the area as an emergency contact, with its own number."""
    from kim_cms.pages import KimGroupPage

    slug, (note_id, note_en) = spec["kim"]
    group = ctx.find(KimGroupPage, slug=slug, locale=ctx.locale_id)
    if group is None or not group.phone:
        return []
    strings.update({group.title: group.title, group.phone: group.phone})
    strings[note_id] = note_en
    value = {"kind": "kim", "name": group.title, "phone": group.phone, "note": note_id}
    return [("contact", value)]


def _poster(ctx, spec, strings):
    """A poster to print, as a small PDF made here."""
    key, (title_id, title_en), lines = spec["poster"]
    strings[title_id] = title_en
    document = ctx.document(key, title_id, lines=lines)
    return [("poster", {"document": document, "title": title_id, "description": ""})]


def load(ctx):
    from wagtail.rich_text import RichText

    from kim_cms.pages import WarningIndexPage

    hazards = _hazards(ctx)
    intro_id = next(
        text for text in INDEX_STRINGS if text.startswith("Peringatan dari")
    )
    index = ctx.page(
        ctx.portal,
        WarningIndexPage,
        "peringatan-bencana",
        title="Peringatan Bencana",
        introduction=RichText(f"<p>{intro_id}</p>").source,
    )
    ctx.translate(index, INDEX_STRINGS)
    now = timezone.now()
    day = datetime.timedelta(days=1)
    _warning(
        ctx,
        index,
        KARHUTLA,
        hazards["karhutla"],
        "siaga",
        [ctx.kecamatan("Jabiren Raya"), ctx.kecamatan("Kahayan Hilir")],
        now - day,
        now + 3 * day,
    )
    _warning(
        ctx,
        index,
        FLOOD,
        hazards["banjir"],
        "waspada",
        [ctx.kecamatan("Kahayan Kuala")],
        now - 20 * day,
        now - 17 * day,
    )
    for spec in GUIDES:
        _guide(ctx, index, spec, hazards[spec["hazard"]])
    _reports(ctx, hazards["karhutla"], now)
