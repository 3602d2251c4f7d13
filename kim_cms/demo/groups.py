"""Demo: eight KIM groups across Pulang Pisau's kecamatan, with officers (some
without consent to publish) and activity reports, in Indonesian with English
translations."""

import datetime
from decimal import Decimal

FOCUS_AREAS = {
    "pertanian": ("Pertanian", "Agriculture"),
    "perikanan": ("Perikanan", "Fisheries"),
    "mitigasi-bencana": ("Mitigasi bencana", "Disaster mitigation"),
    "budaya": ("Budaya lokal", "Local culture"),
    "literasi-digital": ("Literasi digital", "Digital literacy"),
    "umkm": ("Produk desa (UMKM)", "Village products (small businesses)"),
}

STRINGS = {
    "Direktori KIM": "KIM directory",
    "direktori-kim": "kim-directory",
    "Temukan kelompok informasi masyarakat di desa Anda.": (
        "Find the community information group of your village."
    ),
    "Menjadi jembatan informasi yang terpercaya antara pemerintah dan warga desa.": (
        "To be a trusted bridge of information between the government and "
        "the villagers."
    ),
    # the mission, line by line
    "Menyebarkan informasi pembangunan desa": "Spread news of village development",
    "Melawan hoaks di media sosial": "Counter hoaxes on social media",
    "Mendokumentasikan kegiatan warga": "Document the villagers' activities",
    "Balai Desa": "Village hall",
}

# (slug, title, kecamatan, desa, focus areas, lat, lng, active)
GROUPS = [
    (
        "kim-pulang-pisau",
        "KIM Pulang Pisau Bersinar",
        "Kahayan Hilir",
        "Pulang Pisau",
        ["literasi-digital", "budaya"],
        "-2.7476",
        "114.2616",
        True,
    ),
    (
        "kim-bahaur",
        "KIM Bahaur Bersatu",
        "Kahayan Kuala",
        "Bahaur",
        ["perikanan", "mitigasi-bencana"],
        "-3.2166",
        "114.0833",
        True,
    ),
    (
        "kim-bereng",
        "KIM Bereng Informatif",
        "Kahayan Tengah",
        "Bereng",
        ["pertanian", "umkm"],
        "-2.5203",
        "114.0706",
        True,
    ),
    (
        "kim-pandih-batu",
        "KIM Pandih Batu Mandiri",
        "Pandih Batu",
        "Pantik",
        ["pertanian"],
        "-2.8812",
        "114.1201",
        True,
    ),
    (
        "kim-maliku-baru",
        "KIM Maliku Baru",
        "Maliku",
        "Maliku Baru",
        ["pertanian", "literasi-digital"],
        "-2.9410",
        "114.0233",
        True,
    ),
    (
        "kim-garantung",
        "KIM Garantung Cerdas",
        "Maliku",
        "Garantung",
        ["mitigasi-bencana"],
        "-2.9735",
        "114.0511",
        False,
    ),
    (
        "kim-jabiren",
        "KIM Jabiren Peduli",
        "Jabiren Raya",
        "Jabiren",
        ["mitigasi-bencana", "budaya"],
        "-2.5066",
        "114.1733",
        True,
    ),
    (
        "kim-sebangau-permai",
        "KIM Sebangau Permai",
        "Sebangau Kuala",
        "Sebangau Permai",
        ["perikanan", "umkm"],
        "-3.0622",
        "114.3018",
        True,
    ),
    (
        "kim-tumbang-nusa",
        "KIM Tumbang Nusa Tanggap",
        "Jabiren Raya",
        "Tumbang Nusa",
        ["mitigasi-bencana"],
        "-2.3392",
        "114.0306",
        True,
    ),
    (
        "kim-banama-tingang",
        "KIM Banama Tingang",
        "Banama Tingang",
        "Pangi",
        ["budaya", "pertanian"],
        "-1.9871",
        "113.8811",
        True,
    ),
]

OFFICERS = [
    ("ketua", True),
    ("sekretaris", True),
    ("bendahara", False),
    ("pengumpulan", True),
    ("penyebaran", False),
]
NAMES = [
    "Yuliana",
    "Rahmat Hidayat",
    "Siti Aisyah",
    "Agus Salim",
    "Dewi Lestari",
    "Hendra Saputra",
    "Nurhayati",
    "Rudi Hartono",
    "Marlina",
    "Yohanes Dian",
]

# (slug, title id, title en, summary id, summary en)
ACTIVITIES = [
    (
        "sosialisasi-hoaks",
        "Sosialisasi cek fakta untuk warga",
        "Fact-checking outreach for villagers",
        "Anggota KIM mengajak warga memeriksa kebenaran pesan berantai sebelum "
        "membagikannya.",
        "KIM members showed villagers how to check chain messages before sharing them.",
    ),
    (
        "patroli-karhutla",
        "Sosialisasi pencegahan kebakaran lahan",
        "Outreach on preventing land fires",
        "Bersama BPBD, KIM membagikan informasi larangan membakar lahan gambut "
        "saat kemarau.",
        "With the disaster agency, the KIM shared the ban on burning peatland in "
        "the dry season.",
    ),
    (
        "pelatihan-foto-produk",
        "Pelatihan foto produk UMKM",
        "Product photography training for small businesses",
        "Pelaku UMKM desa belajar memotret produk dengan telepon pintar untuk "
        "dijual daring.",
        "Village producers learnt to photograph their products with a smartphone "
        "to sell online.",
    ),
]


def _focus_areas(ctx):
    from kim_cms.snippets import FocusArea

    areas = {}
    for slug, (name, english) in FOCUS_AREAS.items():
        area = FocusArea.objects.filter(slug=slug, locale=ctx.portal.locale).first()
        if area is None:
            area = FocusArea.objects.create(
                name=name, slug=slug, locale=ctx.portal.locale
            )
        if area.get_translation_or_none(ctx.locale_en) is None:
            translated = area.copy_for_translation(ctx.locale_en)
            translated.name = english
            translated.save()
        areas[slug] = area
    return areas


def load(ctx):
    from kim_cms.pages import (
        KimActivityPage,
        KimGroupIndexPage,
        KimGroupOfficer,
        KimGroupPage,
    )

    areas = _focus_areas(ctx)
    directory = ctx.page(
        ctx.portal,
        KimGroupIndexPage,
        "direktori-kim",
        title="Direktori KIM",
        introduction="<p>Temukan kelompok informasi masyarakat di desa Anda.</p>",
    )
    ctx.translate(directory, STRINGS)
    vision = (
        "Menjadi jembatan informasi yang terpercaya antara pemerintah dan warga desa."
    )
    mission = (
        "Menyebarkan informasi pembangunan desa\nMelawan hoaks di media sosial\n"
        "Mendokumentasikan kegiatan warga"
    )
    for number, (slug, title, kecamatan, desa, focus, lat, lng, active) in enumerate(
        GROUPS
    ):
        existing = KimGroupPage.objects.child_of(directory).filter(slug=slug).first()
        group = ctx.page(
            directory,
            KimGroupPage,
            slug,
            title=title,
            kecamatan=ctx.kecamatan(kecamatan),
            desa=ctx.desa(desa, kecamatan),
            status="active" if active else "inactive",
            sk_number=f"141/{number + 1:02d}/PEM/2023",
            sk_date=datetime.date(2023, 3, 1 + number),
            founding_date=datetime.date(2023, 2, 1 + number),
            vision=vision,
            mission=mission,
            logo=ctx.image(f"logo-{slug}", f"Logo {title}", size=(400, 400)),
            cover_image=ctx.image(f"sampul-{slug}", f"Kegiatan {title}", text=title),
            email=f"{slug.replace('-', '.')}@example.org",
            whatsapp=f"+62 812 5000 {number:04d}",
            address=f"Balai Desa {desa}, Kecamatan {kecamatan}",
            facebook=f"https://www.facebook.com/{slug}",
            latitude=Decimal(lat),
            longitude=Decimal(lng),
        )
        if existing is None:
            group.focus_areas.set([areas[s] for s in focus])
            for position, (role, consent) in enumerate(OFFICERS):
                KimGroupOfficer.objects.create(
                    page=group,
                    sort_order=position,
                    name=NAMES[(number + position) % len(NAMES)],
                    role=role,
                    term_start=datetime.date(2023, 3, 1),
                    term_end=datetime.date(2026, 2, 28),
                    consent_to_publish=consent,
                )
            group.save_revision(user=ctx.user, log_action=False).publish(
                user=ctx.user, log_action=False
            )
        ctx.translate(group, {**STRINGS, title: title, slug: slug})
        for index in range(1 + number % 3):
            a_slug, a_title, a_title_en, summary, summary_en = ACTIVITIES[index]
            activity = ctx.page(
                group,
                KimActivityPage,
                a_slug,
                title=a_title,
                date=datetime.date(2024, 6 + index, 10 + number),
                place=f"Balai Desa {desa}",
                summary=summary,
                cover_image=ctx.image(
                    f"{slug}-{a_slug}", f"{a_title} ({title})", text=a_title
                ),
            )
            ctx.translate(
                activity,
                {
                    a_title: a_title_en,
                    a_slug: a_slug,
                    summary: summary_en,
                    f"Balai Desa {desa}": f"{desa} village hall",
                },
            )
