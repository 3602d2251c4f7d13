"""Demo: a year of cultural events in Kabupaten Pulang Pisau, with English
translations. Dates are relative to the day the demo is loaded, so the events
are upcoming; the annual festivals repeat every year."""

import datetime
from decimal import Decimal

CATEGORIES = [
    ("festival", "Festival", "Festival"),
    ("ritual-adat", "Ritual adat", "Customary ritual"),
    ("seni-pertunjukan", "Seni pertunjukan", "Performing arts"),
    ("kuliner", "Kuliner", "Food"),
    ("olahraga-tradisional", "Olahraga tradisional", "Traditional sports"),
    ("pameran", "Pameran", "Exhibition"),
]

INDEX_STRINGS = {
    "Agenda Budaya": "Cultural Events",
    "agenda-budaya": "cultural-events",
    "Festival, ritual adat, seni pertunjukan, kuliner, dan olahraga tradisional "
    "di Kabupaten Pulang Pisau. Tambahkan acara ke kalender ponsel Anda dengan "
    "tombol .ics.": "Festivals, customary rituals, performing arts, food and "
    "traditional sports in Pulang Pisau District. Add events to your phone's "
    "calendar with the .ics button.",
}

FREE = ("Gratis", "Free")

# (slug, category, days from today, length in days, start, end, extra fields,
#  {Indonesian: English} strings, paragraphs [(id, en)])
EVENTS = [
    {
        "slug": "festival-budaya-pulang-pisau",
        "scene": "stage-day",
        "category": "festival",
        "days": 45,
        "length": 4,
        "start": (8, 0),
        "end": (22, 0),
        "fields": {
            "organiser_name": (
                "Dinas Kebudayaan dan Pariwisata Kabupaten Pulang Pisau",
                "Culture and Tourism Office of Pulang Pisau District",
            ),
            "recurrence": "yearly",
            "venue": (
                "Lapangan Upacara Kantor Bupati",
                "Regent's office parade ground",
            ),
            "kecamatan": "Kahayan Hilir",
            "desa": "Mintin",
            "latitude": Decimal("-2.760500"),
            "longitude": Decimal("114.262300"),
            "address": "Jl. Tjilik Riwut, Pulang Pisau",
            "entry_fee": FREE,
            "registration": (
                "Pendaftaran peserta lomba melalui KIM desa masing-masing "
                "paling lambat satu minggu sebelum festival.",
                "Contestants register through their village KIM at least one "
                "week before the festival.",
            ),
        },
        "title": ("Festival Budaya Pulang Pisau", "Pulang Pisau Culture Festival"),
        "summary": (
            "Festival tahunan seni dan budaya Dayak: tari, karungut, lomba "
            "sumpit, dan bazar kuliner khas.",
            "The annual festival of Dayak arts and culture: dances, karungut "
            "singing, blowpipe contests and a local food bazaar.",
        ),
        "body": [
            (
                "Festival Budaya Pulang Pisau diselenggarakan setiap tahun dan "
                "diikuti sanggar seni serta KIM dari seluruh kecamatan.",
                "The Pulang Pisau Culture Festival is held every year with art "
                "groups and KIM from every kecamatan.",
            )
        ],
    },
    {
        "slug": "pesta-panen-raya-pilang",
        "scene": "harvest-festival",
        "category": "festival",
        "days": 100,
        "length": 1,
        "all_day": True,
        "fields": {
            "recurrence": "yearly",
            "venue": ("Balai Desa Pilang", "Pilang village hall"),
            "kecamatan": "Jabiren Raya",
            "desa": "Pilang",
            "latitude": Decimal("-2.431200"),
            "longitude": Decimal("114.160800"),
            "entry_fee": FREE,
        },
        "title": ("Pesta Panen Raya Desa Pilang", "Pilang Village Harvest Festival"),
        "summary": (
            "Syukuran panen padi bersama warga, dengan doa adat dan makan bersama.",
            "A thanksgiving for the rice harvest with the villagers, with a "
            "customary prayer and a shared meal.",
        ),
        "body": [
            (
                "Warga Desa Pilang mengundang masyarakat sekitar untuk bersyukur atas panen padi. Acara dimulai dengan doa adat, dilanjutkan makan bersama hidangan dari beras baru.",
                "The villagers of Pilang invite their neighbours to give thanks for the rice harvest. It begins with a customary prayer, followed by a shared meal of the new rice.",
            )
        ],
    },
    {
        "slug": "ritual-manyanggar-bukit-rawi",
        "scene": "ritual",
        "category": "ritual-adat",
        "days": 20,
        "length": 1,
        "start": (7, 30),
        "end": (12, 0),
        "fields": {
            "venue": ("Tepian Sungai Kahayan", "Kahayan riverbank"),
            "kecamatan": "Kahayan Tengah",
            "desa": "Bukit Rawi",
            "organiser_name": (
                "Dewan Adat Dayak Kecamatan Kahayan Tengah",
                "Dayak Customary Council of Kahayan Tengah",
            ),
        },
        "title": ("Ritual Adat Manyanggar", "Manyanggar Customary Ritual"),
        "summary": (
            "Ritual adat Dayak Ngaju untuk memohon keselamatan kampung. Warga "
            "diminta menjaga ketertiban selama prosesi.",
            "A Dayak Ngaju ritual asking for the village's safety. Visitors are "
            "asked to stay respectful during the procession.",
        ),
        "body": [
            (
                "Manyanggar dipimpin oleh pemuka adat di tepian sungai. Pengunjung boleh menyaksikan dari jarak yang ditentukan panitia dan diminta tidak memotret saat doa berlangsung.",
                "Manyanggar is led by the customary elders on the riverbank. Visitors may watch from where the organisers indicate and are asked not to take photos during the prayers.",
            )
        ],
    },
    {
        "slug": "lomba-dayung-tradisional-kahayan",
        "scene": "boat-race",
        "category": "olahraga-tradisional",
        "days": 75,
        "length": 2,
        "start": (8, 0),
        "end": (17, 0),
        "fields": {
            "status": "cancelled",
            "status_note": (
                "Dibatalkan karena debit air Sungai Kahayan terlalu tinggi.",
                "Cancelled because the Kahayan River is running too high.",
            ),
            "venue": ("Dermaga Pulang Pisau", "Pulang Pisau jetty"),
            "kecamatan": "Kahayan Hilir",
            "entry_fee": FREE,
        },
        "title": ("Lomba Dayung Tradisional Sungai Kahayan", "Kahayan River Boat Race"),
        "summary": (
            "Lomba perahu dayung antardesa di Sungai Kahayan.",
            "A rowing race between villages on the Kahayan River.",
        ),
        "body": [
            (
                "Setiap desa mengirim satu regu berisi sebelas pendayung. Lomba dibatalkan tahun ini demi keselamatan peserta; pemenang tahun lalu tetap memegang piala bergilir.",
                "Each village sends a crew of eleven rowers. The race is cancelled this year for the rowers' safety; last year's winners keep the challenge cup.",
            )
        ],
    },
    {
        "slug": "malam-kesenian-dayak",
        "scene": "stage-night",
        "category": "seni-pertunjukan",
        "days": 12,
        "length": 1,
        "start": (19, 0),
        "end": (22, 30),
        "fields": {
            "organiser_name": "Sanggar Seni Bahalap",
            "venue": ("Gedung Pertemuan Umum", "Public meeting hall"),
            "kecamatan": "Kahayan Hilir",
            "entry_fee": FREE,
        },
        "title": ("Malam Kesenian Dayak", "Dayak Arts Night"),
        "summary": (
            "Pentas tari Manasai, musik kecapi, dan karungut oleh sanggar seni desa.",
            "Manasai dance, kecapi music and karungut singing by village art groups.",
        ),
        "body": [
            (
                "Sanggar seni dari lima kecamatan tampil bergantian. Penonton diajak ikut menari Manasai bersama di akhir acara.",
                "Art groups from five kecamatan take turns on stage. At the end the audience is invited to join in the Manasai dance.",
            )
        ],
    },
    {
        "slug": "festival-kuliner-khas-kalteng",
        "scene": "food-stalls",
        "category": "kuliner",
        "days": 130,
        "length": 3,
        "start": (16, 0),
        "end": (22, 0),
        "fields": {
            "venue": ("Taman Kota Pulang Pisau", "Pulang Pisau town park"),
            "kecamatan": "Kahayan Hilir",
            "entry_fee": FREE,
            "registration": (
                "Pelaku UMKM yang ingin membuka stan menghubungi Diskominfo.",
                "Small businesses who want a stall contact Diskominfo.",
            ),
        },
        "title": (
            "Festival Kuliner Khas Kalimantan Tengah",
            "Central Kalimantan Food Festival",
        ),
        "summary": (
            "Juhu singkah, wadi, dan kue tradisional dari desa-desa Pulang Pisau.",
            "Juhu singkah, wadi and traditional cakes from the villages of Pulang "
            "Pisau.",
        ),
        "body": [
            (
                "Lebih dari tiga puluh stan UMKM menyajikan masakan khas Kalimantan Tengah. Pengunjung diimbau membawa wadah sendiri untuk mengurangi sampah plastik.",
                "More than thirty small-business stalls serve Central Kalimantan dishes. Visitors are encouraged to bring their own containers to cut plastic waste.",
            )
        ],
    },
    {
        "slug": "pameran-anyaman-purun",
        "scene": "weaving",
        "category": "pameran",
        "days": 160,
        "length": 5,
        "all_day": True,
        "fields": {
            "venue": ("Balai Desa Belanti Siam", "Belanti Siam village hall"),
            "kecamatan": "Pandih Batu",
            "desa": "Belanti Siam",
            "entry_fee": FREE,
        },
        "title": ("Pameran Kerajinan Anyaman Purun", "Purun Weaving Exhibition"),
        "summary": (
            "Tikar, tas, dan topi dari purun karya kelompok perajin desa.",
            "Mats, bags and hats woven from purun grass by village craft groups.",
        ),
        "body": [
            (
                "Perajin menunjukkan cara menganyam purun dari rawa, dari menjemur hingga mewarnai. Hasil anyaman dapat dibeli langsung dari kelompok perajin.",
                "Weavers show how purun grass from the swamp is worked, from drying to dyeing. The pieces can be bought straight from the craft groups.",
            )
        ],
    },
    {
        "slug": "lomba-sumpit-maliku",
        "scene": "blowpipe",
        "category": "olahraga-tradisional",
        "days": 200,
        "length": 1,
        "start": (8, 30),
        "end": (15, 0),
        "fields": {
            "venue": ("Lapangan Maliku Baru", "Maliku Baru sports field"),
            "kecamatan": "Maliku",
            "desa": "Maliku Baru",
            "entry_fee": ("Rp 10.000 per peserta", "Rp 10,000 per contestant"),
            "registration": (
                "Daftar di kantor kecamatan paling lambat tiga hari sebelum lomba.",
                "Register at the kecamatan office at least three days before.",
            ),
        },
        "title": ("Lomba Sumpit Tradisional", "Traditional Blowpipe Contest"),
        "summary": (
            "Lomba menyumpit untuk remaja dan dewasa.",
            "A blowpipe contest for young people and adults.",
        ),
        "body": [
            (
                "Peserta menyumpit sasaran pada jarak 10 dan 20 meter. Sumpit disediakan panitia; peserta boleh membawa sumpit sendiri.",
                "Contestants shoot at targets 10 and 20 metres away. Blowpipes are provided; contestants may bring their own.",
            )
        ],
    },
    {
        "slug": "pelatihan-karungut",
        "scene": "karungut",
        "category": "seni-pertunjukan",
        "days": 35,
        "length": 1,
        "start": (14, 0),
        "end": (17, 0),
        "fields": {
            "status": "postponed",
            "status_note": (
                "Ditunda; tanggal baru diumumkan di halaman ini.",
                "Postponed; the new date will be announced on this page.",
            ),
            "venue": (
                "Aula Kecamatan Sebangau Kuala",
                "Sebangau Kuala sub-district hall",
            ),
            "kecamatan": "Sebangau Kuala",
            "entry_fee": FREE,
        },
        "title": (
            "Pelatihan Seni Karungut untuk Pemuda",
            "Karungut Singing Workshop for Youth",
        ),
        "summary": (
            "Belajar melantunkan karungut, sastra lisan Dayak, bersama seniman senior.",
            "Learn karungut, the sung poetry of the Dayak, with senior artists.",
        ),
        "body": [
            (
                "Peserta belajar pantun dan lagu karungut serta cara mengiringinya dengan kecapi. Terbuka untuk pemuda usia 15 sampai 25 tahun.",
                "Participants learn karungut verses and melodies and how to accompany them on the kecapi. Open to young people aged 15 to 25.",
            )
        ],
    },
    {
        "slug": "pentas-kim-pasar-terapung-banjarmasin",
        "scene": "floating-market",
        "category": "seni-pertunjukan",
        "days": 90,
        "length": 1,
        "start": (6, 0),
        "end": (9, 0),
        "fields": {
            "time_zone": "Asia/Makassar",
            "venue": (
                "Pasar Terapung Siring Sungai Martapura, Banjarmasin",
                "Martapura riverside floating market, Banjarmasin",
            ),
            "latitude": Decimal("-3.318600"),
            "longitude": Decimal("114.594400"),
            "entry_fee": FREE,
        },
        "title": (
            "Pentas Seni KIM Pulang Pisau di Banjarmasin",
            "Pulang Pisau KIM Performance in Banjarmasin",
        ),
        "summary": (
            "Duta seni Pulang Pisau tampil di Pasar Terapung, Kalimantan Selatan "
            "(waktu setempat WITA).",
            "Pulang Pisau's art envoys perform at the Floating Market in South "
            "Kalimantan (local time WITA).",
        ),
        "body": [
            (
                "Rombongan KIM membawakan tari dan karungut di dermaga pasar terapung, sebagai promosi wisata budaya Kabupaten Pulang Pisau.",
                "The KIM troupe performs dances and karungut on the floating market's jetty to promote Pulang Pisau District's cultural tourism.",
            )
        ],
    },
    {
        "slug": "pawai-budaya-hari-jadi-kabupaten",
        "scene": "parade",
        "category": "festival",
        "days": 250,
        "length": 1,
        "start": (7, 0),
        "end": (11, 0),
        "fields": {
            "recurrence": "yearly",
            "venue": "Jalan Tjilik Riwut",
            "kecamatan": "Kahayan Hilir",
            "entry_fee": FREE,
        },
        "title": (
            "Pawai Budaya Hari Jadi Kabupaten",
            "District Anniversary Culture Parade",
        ),
        "summary": (
            "Pawai pakaian adat dan kendaraan hias dari seluruh kecamatan.",
            "A parade of traditional dress and decorated floats from every kecamatan.",
        ),
        "body": [
            (
                "Pawai berangkat dari Bundaran Pulang Pisau menuju Kantor Bupati. Jalan Tjilik Riwut ditutup untuk kendaraan selama pawai.",
                "The parade sets off from the Pulang Pisau roundabout to the district head's office. Jalan Tjilik Riwut is closed to traffic during the parade.",
            )
        ],
    },
]

DESA = {
    "Mintin": "Kahayan Hilir",
    "Pilang": "Jabiren Raya",
    "Bukit Rawi": "Kahayan Tengah",
    "Belanti Siam": "Pandih Batu",
    "Maliku Baru": "Maliku",
}


def _categories(ctx):
    from kim_cms.snippets import EventCategory

    found = {}
    for slug, name_id, name_en in CATEGORIES:
        category = EventCategory.objects.filter(slug=slug, locale=ctx.locale_id).first()
        if category is None:
            category = EventCategory.objects.create(
                slug=slug, name=name_id, locale=ctx.locale_id
            )
        # ctx.translate publishes through revisions, which plain snippets lack
        if category.get_translation_or_none(ctx.locale_en) is None:
            english = category.copy_for_translation(ctx.locale_en)
            english.name = name_en
            english.save()
        found[slug] = category
    return found


def _split(value):
    """``(Indonesian, English)`` or a single value used in both."""
    if isinstance(value, tuple):
        return value
    return value, None


def load(ctx):
    from wagtail.rich_text import RichText

    from kim_cms.pages import CulturalEventIndexPage, CulturalEventPage, KimGroupPage

    categories = _categories(ctx)
    intro_id = next(iter(INDEX_STRINGS.keys() - {"Agenda Budaya", "agenda-budaya"}))
    index = ctx.page(
        ctx.portal,
        CulturalEventIndexPage,
        "agenda-budaya",
        title="Agenda Budaya",
        introduction=[("paragraph", RichText(f"<p>{intro_id}</p>"))],
    )
    ctx.translate(index, INDEX_STRINGS)
    group = (
        KimGroupPage.objects.live()
        .filter(locale=ctx.locale_id)
        .order_by("path")
        .first()
    )
    today = datetime.date.today()
    for number, spec in enumerate(EVENTS):
        strings = {}
        fields = {}
        for name, value in spec["fields"].items():
            source, english = _split(value)
            if name == "kecamatan":
                source = ctx.kecamatan(source)
            elif name == "desa":
                source = ctx.desa(source, DESA[source])
            if english:
                strings[source] = english
            elif isinstance(source, str):
                strings[source] = source  # a place's name reads the same in English
            fields[name] = source
        title_id, title_en = spec["title"]
        summary_id, summary_en = spec["summary"]
        strings.update({title_id: title_en, summary_id: summary_en})
        start = today + datetime.timedelta(days=spec["days"])
        if spec.get("all_day"):
            fields.update(all_day=True)
        else:
            fields.update(
                start_time=datetime.time(*spec["start"]),
                end_time=datetime.time(*spec["end"]),
            )
        paragraphs = []
        for text_id, text_en in spec["body"]:
            paragraphs.append(("paragraph", RichText(f"<p>{text_id}</p>")))
            strings[text_id] = text_en
        if group is not None and number == 0:
            fields["kim_group"] = group
        page = ctx.page(
            index,
            CulturalEventPage,
            spec["slug"],
            title=title_id,
            summary=summary_id,
            category=categories[spec["category"]],
            start_date=start,
            end_date=start + datetime.timedelta(days=spec["length"] - 1),
            image=ctx.image(
                f"event-{spec['slug']}", title_id, spec["scene"], title_en=title_en
            ),
            body=paragraphs,
            **fields,
        )
        ctx.translate(page, strings)
