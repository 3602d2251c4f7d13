"""Demo: eight KIM groups across Pulang Pisau's kecamatan, with officers (some
without consent to publish) and activity reports, in Indonesian with English
translations."""

import datetime
from decimal import Decimal

from kim_cms.demo.pictures import describe

FOCUS_AREAS = {
    "pertanian": ("Pertanian", "Agriculture"),
    "perikanan": ("Perikanan", "Fisheries"),
    "mitigasi-bencana": ("Mitigasi bencana", "Disaster mitigation"),
    "budaya": ("Budaya lokal", "Local culture"),
    "literasi-digital": ("Literasi digital", "Digital literacy"),
    "umkm": ("Produk desa (UMKM)", "Village products (small businesses)"),
}

STRINGS = {
    "Direktori KIM": "KIM Directory",
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

# How each group looks: its emblem (colour, shape, pictogram of its main
# focus) and the picture of its activities on its page.
LOOKS = {
    "kim-pulang-pisau": ((11, 110, 79), "circle", "signal", "class-signal"),
    "kim-bahaur": ((24, 90, 157), "shield", "fish", "river-fishing"),
    "kim-bereng": ((176, 84, 30), "circle", "rice", "market-day"),
    "kim-pandih-batu": ((112, 60, 140), "shield", "rice", "rice-field"),
    "kim-maliku-baru": ((40, 120, 130), "circle", "leaf", "rice-harvest"),
    "kim-garantung": ((160, 40, 60), "shield", "exclaim", "fire-watch"),
    "kim-jabiren": ((196, 120, 20), "circle", "diamond", "ritual"),
    "kim-sebangau-permai": ((0, 136, 200), "shield", "fish", "tarp-pond"),
    "kim-tumbang-nusa": ((90, 110, 40), "circle", "wave", "peat-forest"),
    "kim-banama-tingang": ((170, 50, 110), "shield", "diamond", "stage-day"),
}

# What each group is and does: (Indonesian, English) paragraphs.
DESCRIPTIONS = {
    "kim-pulang-pisau": (
        "Kami anggota muda di ibu kota kabupaten yang mengajari tetangga memakai "
        "ponsel dengan aman, mengelola grup WhatsApp kelurahan, dan meliput "
        "kegiatan seni di sanggar-sanggar.",
        "We are young members in the district capital who teach our neighbours "
        "to use their phones safely, run the neighbourhood WhatsApp group and "
        "report on the art groups' activities.",
    ),
    "kim-bahaur": (
        "Desa nelayan di muara Sungai Kahayan. Kami menyiarkan jadwal pasang "
        "surut, harga ikan di tempat pelelangan, dan peringatan cuaca dari BMKG "
        "untuk nelayan.",
        "A fishing village at the mouth of the Kahayan River. We pass on the "
        "tide tables, the fish prices at the auction and the weather warnings "
        "from the met office to fishers.",
    ),
    "kim-bereng": (
        "Kami mendampingi petani dan perajin desa menjual hasil panen dan "
        "kerajinan secara daring, dan menyebarkan jadwal penyuluhan dari BPP.",
        "We help the village's farmers and craft makers sell their harvest and "
        "handicrafts online, and pass on the extension office's schedule.",
    ),
    "kim-pandih-batu": (
        "Di desa transmigrasi ini sebagian besar warga menanam padi. Kami "
        "mencatat jadwal tanam, serangan hama, dan bantuan benih, lalu "
        "membagikannya di papan informasi dan grup desa.",
        "In this transmigration village most people grow rice. We record the "
        "planting calendar, pest outbreaks and seed aid, and share them on the "
        "notice board and in the village group.",
    ),
    "kim-maliku-baru": (
        "Kami membantu kelompok tani membaca informasi cuaca dan harga gabah di "
        "ponsel, dan mendokumentasikan panen raya desa.",
        "We help the farmers' groups read weather and grain-price information on "
        "their phones, and document the village's main harvest.",
    ),
    "kim-garantung": (
        "Kelompok ini dibentuk untuk menyebarkan informasi siaga kebakaran lahan. "
        "Saat ini tidak aktif; warga dapat menghubungi KIM Maliku Baru.",
        "This group was set up to spread land-fire alerts. It is not active at "
        "the moment; villagers can contact KIM Maliku Baru.",
    ),
    "kim-jabiren": (
        "Kami bekerja dengan Masyarakat Peduli Api dan dewan adat: menyiarkan "
        "peringatan kebakaran lahan dan mendokumentasikan ritual adat Dayak "
        "Ngaju di desa.",
        "We work with the fire-care volunteers and the customary council: we "
        "broadcast land-fire warnings and document the village's Dayak Ngaju "
        "rituals.",
    ),
    "kim-sebangau-permai": (
        "Banyak warga beternak ikan di kolam terpal dan beje. Kami berbagi "
        "cara budidaya, harga pakan, dan membantu pemasaran olahan ikan desa.",
        "Many villagers raise fish in tarpaulin ponds and beje pits. We share "
        "how to raise them and feed prices, and help market the village's fish "
        "products.",
    ),
    "kim-tumbang-nusa": (
        "Desa kami berbatasan dengan hutan rawa gambut. Kami memantau titik api "
        "bersama petugas dan menyiarkan informasi tinggi muka air kanal.",
        "Our village borders the peat swamp forest. We watch for fire spots with "
        "the officers and broadcast the water level of the canals.",
    ),
    "kim-banama-tingang": (
        "Kami merekam cerita, lagu karungut, dan tari dari para tetua desa di "
        "hulu Kahayan, dan membagikan jadwal musim tanam ladang.",
        "We record stories, karungut songs and dances from the village elders "
        "on the upper Kahayan, and share the field planting season.",
    ),
}

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

# (slug, title id, title en, summary id, summary en, cover scene,
#  report paragraphs [(id, en)], gallery [(scene, caption id, caption en)])
ACTIVITIES = [
    (
        "sosialisasi-hoaks",
        "Sosialisasi cek fakta untuk warga",
        "Fact-checking outreach for villagers",
        "Anggota KIM mengajak warga memeriksa kebenaran pesan berantai sebelum "
        "membagikannya.",
        "KIM members showed villagers how to check chain messages before sharing them.",
        "class-factcheck",
        [
            (
                "Sekitar empat puluh warga hadir. Anggota KIM menunjukkan tiga pesan "
                "berantai yang beredar bulan ini dan bersama-sama memeriksa "
                "sumbernya di situs cek fakta.",
                "About forty villagers came. KIM members showed three chain "
                "messages going round this month and checked their sources "
                "together on a fact-checking site.",
            ),
            (
                "Warga diminta bertanya dulu kepada KIM atau perangkat desa bila "
                "ragu, sebelum meneruskan pesan ke grup keluarga.",
                "Villagers were asked to check with the KIM or the village office "
                "when in doubt, before forwarding a message to family groups.",
            ),
        ],
        [
            (
                "phone-hoax",
                "Pesan berantai yang diperiksa bersama.",
                "A chain message checked together.",
            ),
            (
                "class-signal",
                "Warga mencoba sendiri di ponselnya.",
                "Villagers trying it on their own phones.",
            ),
        ],
    ),
    (
        "patroli-karhutla",
        "Sosialisasi pencegahan kebakaran lahan",
        "Outreach on preventing land fires",
        "Bersama BPBD, KIM membagikan informasi larangan membakar lahan gambut "
        "saat kemarau.",
        "With the disaster agency, the KIM shared the ban on burning peatland in "
        "the dry season.",
        "fire-watch",
        [
            (
                "Petugas BPBD menjelaskan bahwa api di gambut dapat menjalar di "
                "bawah tanah dan sulit dipadamkan. KIM membagikan nomor posko "
                "siaga kepada setiap RT.",
                "Disaster agency officers explained that fire in peat can spread "
                "underground and is hard to put out. The KIM gave every "
                "neighbourhood the number of the standby post.",
            ),
        ],
        [
            (
                "peat-forest",
                "Menara pantau api di tepi kanal.",
                "The fire watchtower by the canal.",
            ),
            (
                "class-fire",
                "Penjelasan dari petugas BPBD.",
                "The disaster agency officers' briefing.",
            ),
        ],
    ),
    (
        "pelatihan-foto-produk",
        "Pelatihan foto produk UMKM",
        "Product photography training for small businesses",
        "Pelaku UMKM desa belajar memotret produk dengan telepon pintar untuk "
        "dijual daring.",
        "Village producers learnt to photograph their products with a smartphone "
        "to sell online.",
        "product-photo",
        [
            (
                "Peserta membawa produknya sendiri: anyaman purun, kerupuk ikan, "
                "dan madu kelulut. Mereka belajar memakai cahaya jendela dan latar "
                "polos, lalu mengunggah foto ke lokapasar.",
                "Participants brought their own products: purun weaving, fish "
                "crackers and stingless-bee honey. They learnt to use window light "
                "and a plain background, then uploaded the photos to a "
                "marketplace.",
            ),
        ],
        [
            (
                "market-day",
                "Produk peserta di stan desa.",
                "The participants' products at the village stall.",
            ),
            (
                "class-news",
                "Menulis keterangan produk untuk lokapasar.",
                "Writing product descriptions for the marketplace.",
            ),
        ],
    ),
]

# Groups whose activity reports carry a photo gallery.
WITH_GALLERY = 2


def initials(title):
    """A group's initials for its emblem: the first letters of its name after
    "KIM" (at most three)."""
    words = [word for word in title.split() if word.upper() != "KIM"]
    return "".join(word[0] for word in words)[:3].upper()


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
    from wagtail.rich_text import RichText

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
        color, shape, motif, cover = LOOKS[slug]
        about_id, about_en = DESCRIPTIONS[slug]
        existing = KimGroupPage.objects.child_of(directory).filter(slug=slug).first()
        extra = {}
        if number % 3 == 0:
            extra["instagram"] = f"https://www.instagram.com/{slug.replace('-', '')}"
        if number % 4 == 1:
            extra["youtube"] = f"https://www.youtube.com/@{slug.replace('-', '')}"
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
            description=[("paragraph", RichText(f"<p>{about_id}</p>"))],
            logo=ctx.emblem(
                f"logo-{slug}",
                f"Logo {title}",
                initials(title),
                color,
                shape,
                motif,
                title_en=f"{title} logo",
            ),
            cover_image=ctx.image(
                f"sampul-{slug}",
                f"Kegiatan {title}",
                cover,
                title_en=f"{title} at work",
            ),
            email=f"{slug.replace('-', '.')}@example.org",
            phone=f"+62 513 6{number:04d}",
            whatsapp=f"+62 812 5000 {number:04d}",
            address=f"Balai Desa {desa}, Kecamatan {kecamatan}",
            facebook=f"https://www.facebook.com/{slug}",
            latitude=Decimal(lat),
            longitude=Decimal(lng),
            **extra,
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
        ctx.translate(
            group,
            {**STRINGS, title: title, slug: slug, about_id: about_en},
            # the address is kept in step with the Indonesian page; a
            # translator overrides it with the English words
            overrides={"address": f"{desa} village hall, {kecamatan} sub-district"},
        )
        for index in range(1 + number % 3):
            (
                a_slug,
                a_title,
                a_title_en,
                summary,
                summary_en,
                scene,
                report,
                gallery,
            ) = ACTIVITIES[index]
            strings = {
                a_title: a_title_en,
                summary: summary_en,
                f"Balai Desa {desa}": f"{desa} village hall",
                **dict(report),
            }
            photos = []
            if number < WITH_GALLERY:
                for position, (photo_scene, caption, caption_en) in enumerate(gallery):
                    alt_id, alt_en = describe(photo_scene)
                    photos.append(
                        (
                            "photo",
                            {
                                "image": ctx.image(
                                    f"{slug}-{a_slug}-{position + 1}",
                                    f"{a_title} ({title}), foto {position + 1}",
                                    photo_scene,
                                    english=False,
                                ),
                                "alt_text": alt_id,
                                "caption": caption,
                            },
                        )
                    )
                    strings.update({alt_id: alt_en, caption: caption_en})
            activity = ctx.page(
                group,
                KimActivityPage,
                a_slug,
                title=a_title,
                date=datetime.date(2024, 6 + index, 10 + number),
                place=f"Balai Desa {desa}",
                summary=summary,
                # the groups' reports of the same activity share a picture
                cover_image=ctx.image(
                    f"kegiatan-{a_slug}",
                    f"Foto kegiatan: {a_title}",
                    scene,
                    title_en=f"Activity photo: {a_title_en}",
                ),
                body=[
                    ("paragraph", RichText(f"<p>{text}</p>")) for text, _en in report
                ],
                gallery=photos,
            )
            ctx.translate(activity, strings)
