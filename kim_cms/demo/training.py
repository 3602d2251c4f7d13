"""Demo: training material (pelatihan, bimtek, sosialisasi) with PDF documents,
in Indonesian with English translations."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

DISKOMINFO = "Dinas Komunikasi dan Informatika Kabupaten Pulang Pisau"
BPBD = "Badan Penanggulangan Bencana Daerah Kabupaten Pulang Pisau"
DISKOP = "Dinas Koperasi, UKM dan Perdagangan Kabupaten Pulang Pisau"

TOPICS = {
    "literasi-digital": ("Literasi digital", "Digital literacy"),
    "jurnalistik-warga": ("Jurnalistik warga", "Citizen journalism"),
    "mitigasi-bencana": ("Mitigasi bencana", "Disaster mitigation"),
    "pertanian": ("Pertanian", "Agriculture"),
    "umkm": ("UMKM", "Small businesses"),
}

STRINGS = {
    "Materi Pelatihan": "Training Material",
    "materi-pelatihan": "training-material",
    DISKOMINFO: "Communications and Informatics Office of Pulang Pisau District",
    BPBD: "Disaster Management Agency of Pulang Pisau District",
    DISKOP: "Cooperatives, Small Business and Trade Office of Pulang Pisau District",
    "Bahan, modul, dan latihan dari pelatihan, bimbingan teknis (bimtek), dan "
    "sosialisasi untuk anggota KIM dan warga.": (
        "Material, modules and exercises from training, technical guidance and "
        "outreach sessions for KIM members and citizens."
    ),
    "Bahan tayang": "Slides",
    "Lembar latihan": "Exercise sheet",
    "Kerjakan latihan ini bersama kelompok KIM Anda.": (
        "Do this exercise with your KIM group."
    ),
    "Bawa telepon pintar dengan baterai penuh dan kuota data.": (
        "Bring a smartphone with a full battery and mobile data."
    ),
    "Aula Kantor Camat Kahayan Hilir": "Kahayan Hilir sub-district office hall",
}

# slug: (type, audience, level, minutes, topics, title, summary, objectives,
#        modules [(title, text)], english {id: en})
MATERIALS = [
    {
        "slug": "literasi-digital-anggota-kim",
        "scene": "class-digital",
        "type": "pelatihan",
        "audience": "kim",
        "level": "dasar",
        "minutes": 240,
        "topics": ["literasi-digital"],
        "organiser": DISKOMINFO,
        "title": "Literasi digital untuk anggota KIM",
        "en_title": "Digital literacy for KIM members",
        "summary": "Dasar-dasar memakai internet dengan aman dan bijak bagi "
        "anggota KIM.",
        "en_summary": "The basics of using the internet safely and wisely for "
        "KIM members.",
        "objectives": [
            ("Membuat kata sandi yang kuat", "Make a strong password"),
            ("Mengenali pesan penipuan", "Recognise scam messages"),
        ],
        "modules": [
            (
                "Keamanan akun",
                "Account security",
                "Gunakan kata sandi berbeda untuk setiap akun.",
                "Use a different password for every account.",
            ),
            (
                "Penipuan daring",
                "Online scams",
                "Jangan pernah membagikan kode OTP kepada siapa pun.",
                "Never share an OTP code with anyone.",
            ),
        ],
        "session": True,
    },
    {
        "slug": "jurnalistik-warga-dengan-ponsel",
        "scene": "phone-camera",
        "type": "bimtek",
        "audience": "kim",
        "level": "menengah",
        "minutes": 360,
        "topics": ["jurnalistik-warga"],
        "organiser": DISKOMINFO,
        "title": "Jurnalistik warga dengan ponsel",
        "en_title": "Citizen journalism with a phone",
        "summary": "Menulis berita desa, memotret, dan merekam video dengan ponsel.",
        "en_summary": "Writing village news, taking photos and recording video "
        "with a phone.",
        "objectives": [
            ("Menulis berita dengan rumus 5W+1H", "Write news with the 5W+1H rule"),
            (
                "Memotret kegiatan dengan cahaya yang baik",
                "Photograph an activity in good light",
            ),
        ],
        "modules": [
            (
                "Menulis berita",
                "Writing news",
                "Berita yang baik menjawab apa, siapa, kapan, di mana, mengapa, dan "
                "bagaimana.",
                "Good news answers what, who, when, where, why and how.",
            ),
            (
                "Foto dan video",
                "Photos and video",
                "Pegang ponsel mendatar dan membelakangi sumber cahaya.",
                "Hold the phone horizontally with the light behind you.",
            ),
        ],
    },
    {
        "slug": "mitigasi-karhutla-gambut",
        "scene": "class-fire",
        "type": "sosialisasi",
        "audience": "masyarakat",
        "level": "dasar",
        "minutes": 120,
        "topics": ["mitigasi-bencana", "pertanian"],
        "organiser": BPBD,
        "title": "Mitigasi kebakaran hutan dan lahan gambut",
        "en_title": "Peat and forest fire mitigation",
        "summary": "Mencegah dan melaporkan kebakaran lahan gambut saat kemarau.",
        "en_summary": "Preventing and reporting peatland fires in the dry season.",
        "objectives": [
            (
                "Menjelaskan bahaya membakar lahan gambut",
                "Explain the danger of burning peatland",
            ),
            ("Melaporkan titik api kepada petugas", "Report a fire to the officers"),
        ],
        "modules": [
            (
                "Mengenal gambut",
                "Understanding peat",
                "Api di lahan gambut dapat menjalar di bawah permukaan tanah.",
                "Fire in peatland can spread under the surface.",
            ),
            (
                "Melapor dengan cepat",
                "Reporting fast",
                "Catat lokasi, ambil foto, lalu hubungi posko BPBD.",
                "Note the location, take a photo, then call the BPBD post.",
            ),
        ],
        "session": True,
    },
    {
        "slug": "mengelola-laman-kim",
        "scene": "laptop-web",
        "type": "bimtek",
        "audience": "kim",
        "level": "lanjut",
        "minutes": 480,
        "topics": ["literasi-digital", "jurnalistik-warga"],
        "organiser": DISKOMINFO,
        "title": "Mengelola laman web KIM",
        "en_title": "Running a KIM web page",
        "summary": "Memperbarui profil, berita, dan agenda KIM di portal.",
        "en_summary": "Keeping a KIM's profile, news and agenda up to date on "
        "the portal.",
        "objectives": [
            ("Menerbitkan berita kegiatan KIM", "Publish news of KIM activities"),
            (
                "Memperbarui profil dan pengurus KIM",
                "Update the KIM's profile and officers",
            ),
        ],
        "modules": [
            (
                "Masuk ke portal",
                "Signing in to the portal",
                "Setiap pengurus memakai akun sendiri, bukan akun bersama.",
                "Each officer uses their own account, not a shared one.",
            ),
            (
                "Menulis laporan kegiatan",
                "Writing an activity report",
                "Sertakan tanggal, tempat, peserta, dan foto kegiatan.",
                "Include the date, place, participants and photos.",
            ),
        ],
    },
    {
        "slug": "melawan-hoaks",
        "scene": "phone-hoax",
        "type": "sosialisasi",
        "audience": "masyarakat",
        "level": "dasar",
        "minutes": 90,
        "topics": ["literasi-digital"],
        "organiser": DISKOMINFO,
        "title": "Melawan hoaks di grup WhatsApp",
        "en_title": "Fighting hoaxes in WhatsApp groups",
        "summary": "Cara memeriksa pesan berantai sebelum membagikannya.",
        "en_summary": "How to check a chain message before sharing it.",
        "objectives": [
            ("Memeriksa sumber sebuah pesan", "Check the source of a message"),
            ("Menanggapi hoaks dengan sopan", "Answer a hoax politely"),
        ],
        "modules": [
            (
                "Ciri-ciri hoaks",
                "Signs of a hoax",
                "Hoaks sering memakai judul heboh dan meminta pesan disebarkan.",
                "Hoaxes often use sensational titles and ask to be forwarded.",
            ),
        ],
    },
    {
        "slug": "foto-produk-umkm",
        "scene": "product-photo",
        "type": "pelatihan",
        "audience": "umkm",
        "level": "dasar",
        "minutes": 180,
        "topics": ["umkm"],
        "organiser": DISKOP,
        "title": "Foto produk UMKM dengan ponsel",
        "en_title": "Product photos for small businesses with a phone",
        "summary": "Memotret produk desa agar menarik di media sosial dan lokapasar.",
        "en_summary": "Photographing village products so they sell on social "
        "media and marketplaces.",
        "objectives": [
            (
                "Menata produk di depan latar polos",
                "Arrange a product against a plain background",
            ),
        ],
        "modules": [
            (
                "Cahaya alami",
                "Natural light",
                "Potret produk di dekat jendela pada pagi hari.",
                "Photograph products near a window in the morning.",
            ),
        ],
    },
]


def load(ctx):
    from wagtail.rich_text import RichText

    from kim_cms.pages import TrainingIndexPage, TrainingMaterialPage
    from kim_cms.snippets import TrainingTopic

    topics = {}
    for slug, (name, english) in TOPICS.items():
        topic = TrainingTopic.objects.filter(
            slug=slug, locale=ctx.portal.locale
        ).first()
        if topic is None:
            topic = TrainingTopic.objects.create(
                name=name, slug=slug, locale=ctx.portal.locale
            )
        # ctx.translate saves drafts; topics have no draft state, so copy them.
        if topic.get_translation_or_none(ctx.locale_en) is None:
            translated = topic.copy_for_translation(ctx.locale_en)
            translated.name = english
            translated.save()
        topics[slug] = topic

    intro = (
        "Bahan, modul, dan latihan dari pelatihan, bimbingan teknis (bimtek), dan "
        "sosialisasi untuk anggota KIM dan warga."
    )
    index = ctx.page(
        ctx.portal,
        TrainingIndexPage,
        "materi-pelatihan",
        title="Materi Pelatihan",
        introduction=f"<p>{intro}</p>",
    )
    ctx.translate(index, STRINGS)

    wib = ZoneInfo("Asia/Jakarta")
    soon = datetime.now(wib).replace(hour=9, minute=0, second=0, microsecond=0)
    for number, item in enumerate(MATERIALS, start=1):
        strings = dict(STRINGS)
        strings.update(
            {
                item["title"]: item["en_title"],
                item["summary"]: item["en_summary"],
            }
        )
        slides = ctx.document(
            f"pelatihan-{item['slug']}",
            f"Bahan tayang: {item['title']}",
            lines=[item["summary"]] + [o for o, _en in item["objectives"]],
            title_en=f"Slides: {item['en_title']}",
            lines_en=[item["en_summary"]] + [en for _o, en in item["objectives"]],
        )
        modules = []
        for title, en_title, text, en_text in item["modules"]:
            sheet = ctx.document(
                f"latihan-{item['slug']}-{len(modules) + 1}",
                f"Lembar latihan: {title}",
                lines=[text, "Kerjakan latihan ini bersama kelompok KIM Anda."],
                title_en=f"Exercise sheet: {en_title}",
                lines_en=[en_text, "Do this exercise with your KIM group."],
            )
            modules.append(
                (
                    "module",
                    {
                        "title": title,
                        "text": RichText(f"<p>{text}</p>"),
                        "video": "",
                        "documents": [sheet],
                        "exercise": RichText(
                            "<p>Kerjakan latihan ini bersama kelompok KIM Anda.</p>"
                        ),
                    },
                )
            )
            strings.update({title: en_title, text: en_text})
        for objective, english in item["objectives"]:
            strings[objective] = english
        sessions = []
        if item.get("session"):
            sessions.append(
                (
                    "schedule",
                    {
                        "start": soon + timedelta(days=14 * number),
                        "end": soon + timedelta(days=14 * number, hours=3),
                        "place": "Aula Kantor Camat Kahayan Hilir",
                        "mode": "onsite",
                        "note": "",
                    },
                )
            )
        page = ctx.page(
            index,
            TrainingMaterialPage,
            item["slug"],
            title=item["title"],
            summary=item["summary"],
            image=ctx.image(
                f"pelatihan-{item['slug']}",
                item["title"],
                item["scene"],
                title_en=item["en_title"],
            ),
            material_type=item["type"],
            audience=item["audience"],
            level=item["level"],
            duration_minutes=item["minutes"],
            organiser_name=item["organiser"],
            topics=[topics[slug] for slug in item["topics"]],
            learning_objectives=[("objective", o) for o, _en in item["objectives"]],
            prerequisites=(
                "<p>Bawa telepon pintar dengan baterai penuh dan kuota data.</p>"
            ),
            modules=modules,
            documents=[
                ("document", {"document": slides, "description": "Bahan tayang"})
            ],
            sessions=sessions,
        )
        strings[f"Bahan tayang: {item['title']}"] = f"Slides: {item['en_title']}"
        ctx.translate(page, strings)
