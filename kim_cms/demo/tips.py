"""Demo: agriculture and fisheries tips for Pulang Pisau, in Indonesian with
English translations, steps illustrated with locally generated pictures."""

import datetime

from kim_cms.demo.pictures import describe

COMMODITIES = [
    ("padi", "Padi", "Rice"),
    ("karet", "Karet", "Rubber"),
    ("ikan-patin", "Ikan patin", "Patin catfish"),
    ("ikan-papuyu", "Ikan papuyu", "Climbing perch (papuyu)"),
    ("jagung", "Jagung", "Maize"),
    ("cabai", "Cabai", "Chili"),
    ("itik", "Itik", "Duck"),
    ("lahan", "Lahan pertanian", "Farm land"),
]

# Each tip: fields, then steps as (title_id, text_id, title_en, text_en),
# each illustrated by one of "scenes" (kim_cms.demo.pictures), supplies as
# (kind, name_id, dose_id, name_en, dose_en).
TIPS = [
    {
        "slug": "padi-di-lahan-gambut",
        "slug_en": "rice-on-peat-land",
        "title": ("Menanam padi di lahan gambut", "Growing rice on peat land"),
        "summary": (
            "Lahan gambut asam dan miskin hara. Dengan kapur dolomit, saluran air "
            "yang terjaga, dan varietas yang tahan, padi di gambut bisa panen 4 ton "
            "per hektare.",
            "Peat land is acidic and poor in nutrients. With dolomite lime, well-kept "
            "water channels and a tolerant variety, rice on peat can yield 4 tonnes "
            "per hectare.",
        ),
        "commodity": "padi",
        "sub_sector": "food-crops",
        "problem_type": "cultivation",
        "seasons": ",mh,",
        "months": ",10,11,12,1,",
        "kecamatan": ["Maliku", "Pandih Batu"],
        "difficulty": "medium",
        "time": ("4 bulan sampai panen", "4 months to harvest"),
        "cost": ("Rp 6 juta per hektare", "Rp 6 million per hectare"),
        "cover": "rice-field",
        "scenes": ["peat-canal", "dolomite", "seedlings", "rice-fertiliser"],
        "steps": [
            (
                "Atur tata air",
                "Jaga muka air saluran 20 sampai 30 cm di bawah permukaan tanah.",
                "Manage the water",
                "Keep the water in the channels 20 to 30 cm below the soil surface.",
            ),
            (
                "Tebar dolomit",
                "Tebar dolomit merata dua minggu sebelum tanam.",
                "Spread dolomite",
                "Spread dolomite evenly two weeks before planting.",
            ),
            (
                "Tanam bibit muda",
                "Tanam bibit umur 15 sampai 21 hari, 2 sampai 3 batang per lubang.",
                "Plant young seedlings",
                "Plant 15 to 21 day old seedlings, 2 to 3 per hole.",
            ),
            (
                "Pupuk berimbang",
                "Beri urea, SP-36 dan KCl sesuai dosis dalam tiga kali pemberian.",
                "Balanced fertiliser",
                "Give urea, SP-36 and KCl at the dose below in three applications.",
            ),
        ],
        "supplies": [
            (
                "supply",
                "Dolomit",
                "1 sampai 2 ton per hektare",
                "Dolomite",
                "1 to 2 tonnes per hectare",
            ),
            (
                "supply",
                "Benih padi Inpara",
                "25 kg per hektare",
                "Inpara rice seed",
                "25 kg per hectare",
            ),
            ("supply", "Urea", "200 kg per hektare", "Urea", "200 kg per hectare"),
        ],
        "safety": (
            "Jangan membakar jerami atau gambut untuk membuka lahan.",
            "Never burn straw or peat to clear the land.",
        ),
    },
    {
        "slug": "sadap-karet-yang-benar",
        "slug_en": "tapping-rubber-properly",
        "title": ("Menyadap karet dengan benar", "Tapping rubber properly"),
        "summary": (
            "Sadapan yang terlalu dalam merusak kulit pohon dan menurunkan hasil. "
            "Ikuti sudut, kedalaman dan waktu sadap yang dianjurkan.",
            "Tapping too deep damages the bark and lowers the yield. Follow the "
            "recommended angle, depth and time of tapping.",
        ),
        "commodity": "karet",
        "sub_sector": "estate-crops",
        "problem_type": "post-harvest",
        "seasons": "",
        "months": "",
        "kecamatan": ["Kahayan Tengah", "Banama Tingang"],
        "difficulty": "medium",
        "time": ("Setiap pagi, 2 hari sekali", "Every other morning"),
        "cost": ("", ""),
        "scenes": ["rubber-dawn", "rubber-tapping", "rubber-knife"],
        "steps": [
            (
                "Sadap pagi hari",
                "Mulai menyadap pukul 05.00 sampai 07.00 saat lateks mengalir paling deras.",
                "Tap in the early morning",
                "Start tapping at 5 to 7 am, when latex flows best.",
            ),
            (
                "Sudut 30 sampai 40 derajat",
                "Buat irisan miring dari kiri atas ke kanan bawah.",
                "Angle of 30 to 40 degrees",
                "Cut a sloping groove from upper left to lower right.",
            ),
            (
                "Jangan terlalu dalam",
                "Sisakan kulit 1 sampai 1,5 mm dari kambium.",
                "Not too deep",
                "Leave 1 to 1.5 mm of bark above the cambium.",
            ),
        ],
        "supplies": [
            ("tool", "Pisau sadap", "", "Tapping knife", ""),
            ("tool", "Mangkuk lateks", "1 per pohon", "Latex cup", "1 per tree"),
        ],
        "safety": ("", ""),
    },
    {
        "slug": "kolam-ikan-patin",
        "slug_en": "patin-catfish-ponds",
        "title": (
            "Budidaya ikan patin di kolam terpal",
            "Raising patin catfish in tarpaulin ponds",
        ),
        "summary": (
            "Kolam terpal cocok untuk pekarangan di lahan gambut. Kualitas air "
            "dan pakan yang teratur menentukan hasil panen patin.",
            "Tarpaulin ponds suit backyards on peat land. Water quality and regular "
            "feeding decide the patin harvest.",
        ),
        "commodity": "ikan-patin",
        "sub_sector": "aquaculture",
        "problem_type": "cultivation",
        "seasons": ",mh,mk1,",
        "months": "",
        "kecamatan": [],
        "difficulty": "easy",
        "time": ("5 sampai 6 bulan", "5 to 6 months"),
        "cost": ("Rp 3 juta per kolam", "Rp 3 million per pond"),
        "cover": "pond-feed",
        "scenes": ["tarp-pond", "pond-fry", "pond-feed"],
        "steps": [
            (
                "Siapkan kolam",
                "Pasang terpal, isi air, dan biarkan 7 hari sebelum benih ditebar.",
                "Prepare the pond",
                "Lay the tarpaulin, fill with water and wait 7 days before stocking.",
            ),
            (
                "Tebar benih sore hari",
                "Aklimatisasi benih 15 menit sebelum dilepas.",
                "Stock fry in the evening",
                "Let the fry adjust for 15 minutes before release.",
            ),
            (
                "Beri pakan teratur",
                "Beri pakan pelet 3 kali sehari sebanyak 3 persen berat ikan.",
                "Feed regularly",
                "Feed pellets 3 times a day, 3 percent of fish weight.",
            ),
        ],
        "supplies": [
            (
                "supply",
                "Benih patin",
                "50 ekor per meter persegi",
                "Patin fry",
                "50 fish per square metre",
            ),
            (
                "supply",
                "Pakan pelet",
                "3 persen berat ikan per hari",
                "Pellet feed",
                "3 percent of fish weight per day",
            ),
        ],
        "safety": ("", ""),
    },
    {
        "slug": "buka-lahan-tanpa-bakar",
        "slug_en": "clearing-land-without-fire",
        "title": ("Membuka lahan tanpa bakar", "Clearing land without fire"),
        "summary": (
            "Membakar lahan gambut dilarang dan berbahaya. Sisa tebasan bisa "
            "dijadikan kompos dengan dekomposer.",
            "Burning peat land is forbidden and dangerous. Cut vegetation can be "
            "turned into compost with a decomposer.",
        ),
        "commodity": "lahan",
        "sub_sector": "food-crops",
        "problem_type": "cultivation",
        "seasons": ",mk1,mk2,",
        "months": ",6,7,8,9,",
        "kecamatan": [],
        "difficulty": "easy",
        "time": ("3 sampai 4 minggu", "3 to 4 weeks"),
        "cost": ("Rp 500 ribu per hektare", "Rp 500 thousand per hectare"),
        "scenes": ["clearing", "compost-spray", "compost-cover"],
        "steps": [
            (
                "Tebas dan cacah",
                "Tebas semak lalu cacah sisa tanaman menjadi potongan kecil.",
                "Cut and chop",
                "Cut the bushes and chop the remains into small pieces.",
            ),
            (
                "Semprot dekomposer",
                "Semprot tumpukan cacahan dengan larutan dekomposer.",
                "Spray decomposer",
                "Spray the chopped heap with decomposer solution.",
            ),
            (
                "Tutup dan balik",
                "Tutup tumpukan dengan terpal dan balik setiap minggu.",
                "Cover and turn",
                "Cover the heap with a tarpaulin and turn it every week.",
            ),
        ],
        "supplies": [
            (
                "supply",
                "Dekomposer",
                "2 liter per hektare",
                "Decomposer",
                "2 litres per hectare",
            ),
            ("tool", "Parang", "", "Machete", ""),
        ],
        "safety": (
            "Membakar lahan dapat dipidana. Laporkan titik api ke BPBD.",
            "Burning land is a criminal offence. Report fire spots to BPBD.",
        ),
    },
    {
        "slug": "ikan-papuyu-di-beje",
        "slug_en": "papuyu-fish-in-beje-pits",
        "title": (
            "Membesarkan ikan papuyu di beje",
            "Raising papuyu fish in beje pits",
        ),
        "summary": (
            "Beje adalah kolam tradisional di rawa gambut. Papuyu masuk saat air "
            "pasang dan dipanen di musim kemarau.",
            "A beje is a traditional pit in the peat swamp. Papuyu enter at high "
            "water and are harvested in the dry season.",
        ),
        "commodity": "ikan-papuyu",
        "sub_sector": "capture-fisheries",
        "problem_type": "cultivation",
        "seasons": ",mh,",
        "months": ",11,12,1,2,",
        "kecamatan": ["Sebangau Kuala", "Kahayan Kuala"],
        "difficulty": "easy",
        "time": ("6 bulan", "6 months"),
        "cost": ("", ""),
        "scenes": ["beje", "beje-shelter"],
        "steps": [
            (
                "Bersihkan beje",
                "Buang lumpur dan rumput sebelum air naik.",
                "Clean the pit",
                "Remove mud and weeds before the water rises.",
            ),
            (
                "Pasang rumpon",
                "Letakkan dahan kayu sebagai tempat berlindung ikan.",
                "Set brush shelters",
                "Place branches as shelter for the fish.",
            ),
        ],
        "supplies": [("tool", "Tangguk", "", "Scoop net", "")],
        "safety": ("", ""),
    },
    {
        "slug": "jagung-lahan-kering",
        "slug_en": "maize-on-dry-land",
        "title": ("Menanam jagung di lahan kering", "Growing maize on dry land"),
        "summary": (
            "Jagung hibrida cocok untuk musim kemarau pertama bila ditanam tepat "
            "waktu dan diberi pupuk kandang.",
            "Hybrid maize suits the first dry season if planted on time with manure.",
        ),
        "commodity": "jagung",
        "sub_sector": "food-crops",
        "problem_type": "cultivation",
        "seasons": ",mk1,",
        "months": "",
        "kecamatan": ["Jabiren Raya"],
        "difficulty": "easy",
        "time": ("100 hari", "100 days"),
        "cost": ("Rp 5 juta per hektare", "Rp 5 million per hectare"),
        "cover": "maize",
        "scenes": ["raised-beds", "maize"],
        "steps": [
            (
                "Olah tanah",
                "Gemburkan tanah dan buat bedengan.",
                "Prepare the soil",
                "Loosen the soil and make raised beds.",
            ),
            (
                "Tanam dengan jarak tepat",
                "Jarak tanam 70 x 20 cm, satu benih per lubang.",
                "Plant at the right spacing",
                "Spacing 70 x 20 cm, one seed per hole.",
            ),
        ],
        "supplies": [
            (
                "supply",
                "Benih jagung hibrida",
                "20 kg per hektare",
                "Hybrid maize seed",
                "20 kg per hectare",
            ),
            (
                "supply",
                "Pupuk kandang",
                "2 ton per hektare",
                "Manure",
                "2 tonnes per hectare",
            ),
        ],
        "safety": ("", ""),
    },
    {
        "slug": "antraknosa-cabai",
        "slug_en": "chili-anthracnose",
        "title": (
            "Mengendalikan antraknosa pada cabai",
            "Controlling anthracnose on chili",
        ),
        "summary": (
            "Antraknosa (patek) membuat buah cabai busuk. Petik buah sakit dan "
            "semprot fungisida sesuai anjuran.",
            "Anthracnose rots chili fruit. Pick diseased fruit and spray fungicide "
            "as recommended.",
        ),
        "commodity": "cabai",
        "sub_sector": "horticulture",
        "problem_type": "pest-disease",
        "pest_name": ("Antraknosa (patek)", "Anthracnose"),
        "pest_severity": "high",
        "seasons": ",mh,",
        "months": ",12,1,2,3,",
        "kecamatan": ["Kahayan Hilir"],
        "difficulty": "medium",
        "time": ("Setiap minggu selama musim hujan", "Every week in the wet season"),
        "cost": ("", ""),
        "scenes": ["chilli-plant", "chilli-spray"],
        "steps": [
            (
                "Petik buah sakit",
                "Kumpulkan buah bercak hitam dan kubur jauh dari kebun.",
                "Pick diseased fruit",
                "Collect fruit with black spots and bury it away from the garden.",
            ),
            (
                "Semprot fungisida",
                "Semprot sore hari saat tidak hujan.",
                "Spray fungicide",
                "Spray in the late afternoon when it is not raining.",
            ),
        ],
        "supplies": [
            (
                "supply",
                "Fungisida berbahan aktif mankozeb",
                "2 gram per liter air",
                "Mancozeb fungicide",
                "2 grams per litre of water",
            ),
            ("tool", "Masker dan sarung tangan", "", "Mask and gloves", ""),
        ],
        "safety": (
            "Pakai masker dan sarung tangan. Panen paling cepat 7 hari setelah penyemprotan.",
            "Wear a mask and gloves. Harvest no sooner than 7 days after spraying.",
        ),
    },
    {
        "slug": "beternak-itik-petelur",
        "slug_en": "keeping-laying-ducks",
        "title": ("Beternak itik petelur", "Keeping laying ducks"),
        "summary": (
            "Itik Alabio asli Kalimantan bertelur banyak bila kandang kering dan "
            "pakan cukup protein.",
            "Alabio ducks from Kalimantan lay well in a dry house with enough protein feed.",
        ),
        "commodity": "itik",
        "sub_sector": "livestock",
        "problem_type": "cultivation",
        "seasons": "",
        "months": "",
        "kecamatan": [],
        "difficulty": "easy",
        "time": ("Mulai bertelur umur 5 bulan", "Laying from 5 months of age"),
        "cost": ("Rp 4 juta per 50 ekor", "Rp 4 million per 50 ducks"),
        "scenes": ["duck-house", "duck-feed"],
        "steps": [
            (
                "Buat kandang panggung",
                "Lantai kandang setinggi 50 cm agar tetap kering saat banjir.",
                "Build a raised house",
                "Raise the floor 50 cm so it stays dry in floods.",
            ),
            (
                "Campur pakan",
                "Campur dedak, ikan rucah dan sagu.",
                "Mix the feed",
                "Mix rice bran, trash fish and sago.",
            ),
        ],
        "supplies": [
            (
                "supply",
                "Dedak",
                "100 gram per ekor per hari",
                "Rice bran",
                "100 grams per duck per day",
            ),
            (
                "supply",
                "Vaksin AI",
                "Sesuai petunjuk petugas",
                "Bird flu vaccine",
                "As the animal health officer says",
            ),
        ],
        "safety": (
            "Laporkan itik yang mati mendadak ke petugas kesehatan hewan.",
            "Report ducks that die suddenly to the animal health officer.",
        ),
    },
]


# The offices of the experts who review the tips, in Indonesian and English.
INSTITUTIONS = [
    (
        "Dinas Pertanian Kabupaten Pulang Pisau",
        "Pulang Pisau District Agriculture Office",
    ),
    ("BPP Kecamatan Maliku", "Maliku agricultural extension centre (BPP)"),
]


def _commodities(ctx):
    from kim_cms.snippets import Commodity

    found = {}
    for slug, name_id, name_en in COMMODITIES:
        commodity, _created = Commodity.objects.get_or_create(
            slug=slug, locale=ctx.locale_id, defaults={"name": name_id}
        )
        # snippets have no drafts, so they are translated directly rather than
        # through ctx.translate (which saves a draft first)
        if commodity.get_translation_or_none(ctx.locale_en) is None:
            english = commodity.copy_for_translation(ctx.locale_en)
            english.name = name_en
            english.save()
        found[slug] = commodity
    return found


def load(ctx):
    from wagtail.rich_text import RichText

    from kim_cms.pages import AgricultureTipIndexPage, AgricultureTipPage

    commodities = _commodities(ctx)
    index = ctx.page(
        ctx.portal,
        AgricultureTipIndexPage,
        "tips-pertanian",
        title="Tips Pertanian dan Perikanan",
        introduction=(
            "<p>Saran praktis untuk petani, pekebun, peternak dan nelayan di "
            "Kabupaten Pulang Pisau, diperiksa oleh penyuluh.</p>"
        ),
    )
    ctx.translate(
        index,
        {
            "Tips Pertanian dan Perikanan": "Farming and Fishing Tips",
            "tips-pertanian": "farming-tips",
            "Saran praktis untuk petani, pekebun, peternak dan nelayan di "
            "Kabupaten Pulang Pisau, diperiksa oleh penyuluh.": (
                "Practical advice for farmers, planters, livestock keepers and "
                "fishers in Pulang Pisau District, checked by extension officers."
            ),
        },
    )
    factsheet = ctx.document(
        "factsheet-gambut",
        "Lembar informasi: bertani di lahan gambut tanpa bakar",
        lines=[
            "Bertani di lahan gambut tanpa bakar",
            "Dinas Pertanian Kabupaten Pulang Pisau",
            "Jaga muka air, tebar dolomit, jangan membakar.",
        ],
        title_en="Factsheet: farming on peatland without burning",
        lines_en=[
            "Farming on peatland without burning",
            "Pulang Pisau District Agriculture Office",
            "Keep the water table up, spread dolomite, never burn.",
        ],
    )
    for number, tip in enumerate(TIPS):
        strings = {
            tip["title"][0]: tip["title"][1],
            tip["slug"]: tip["slug_en"],
            tip["summary"][0]: tip["summary"][1],
        }
        steps = []
        for position, ((title_id, text_id, title_en, text_en), scene) in enumerate(
            zip(tip["steps"], tip["scenes"], strict=True), start=1
        ):
            image = ctx.image(
                f"tip-{tip['slug']}-{position}",
                f"{tip['title'][0]}: {title_id}",
                scene,
                title_en=f"{tip['title'][1]}: {title_en}",
                # the first step's picture is also the tip's, unless it has its own
                english=position == 1 and "cover" not in tip,
            )
            alt_id, alt_en = describe(scene)
            steps.append(
                (
                    "step",
                    {
                        "title": title_id,
                        "text": RichText(f"<p>{text_id}</p>"),
                        "image": image,
                        "image_alt": alt_id,
                    },
                )
            )
            strings.update({title_id: title_en, text_id: text_en, alt_id: alt_en})
        supplies = []
        for kind, name_id, dose_id, name_en, dose_en in tip["supplies"]:
            supplies.append(
                ("supply", {"kind": kind, "name": name_id, "dose": dose_id, "note": ""})
            )
            strings[name_id] = name_en
            if dose_id:
                strings[dose_id] = dose_en
        for key in ("time", "cost", "safety", "pest_name"):
            if key in tip and tip[key][0]:
                strings[tip[key][0]] = tip[key][1]
        fields = {
            "title": tip["title"][0],
            "summary": tip["summary"][0],
            "commodity": commodities[tip["commodity"]],
            "sub_sector": tip["sub_sector"],
            "problem_type": tip["problem_type"],
            "seasons": tip["seasons"],
            "months": tip["months"],
            "kecamatan": [ctx.kecamatan(name) for name in tip["kecamatan"]],
            "difficulty": tip["difficulty"],
            "time_estimate": tip["time"][0],
            "cost_estimate": tip["cost"][0],
            "steps": steps,
            "supplies": supplies,
            "safety_warnings": f"<p>{tip['safety'][0]}</p>" if tip["safety"][0] else "",
            "image": ctx.image(
                f"tip-{tip['slug']}",
                tip["title"][0],
                tip["cover"],
                title_en=tip["title"][1],
            )
            if "cover" in tip
            else steps[0][1]["image"],
            "expert_name": ["Siti Rahmah, S.P.", "Yohanes Luhan", "Dewi Anggraini"][
                number % 3
            ],
            "expert_role": "penyuluh" if number % 2 else "bpp",
            "expert_institution": INSTITUTIONS[number % 2][0],
            "reviewed_on": datetime.date(2025, 11, 3),
            # one tip is kept overdue so that the notice and the report show
            "review_due": datetime.date(2026, 1, 31)
            if number == 1
            else datetime.date(2027, 11, 3),
        }
        if "pest_name" in tip:
            fields["pest_name"] = tip["pest_name"][0]
            fields["pest_severity"] = tip["pest_severity"]
        if number == 0 or number == 3:
            fields["factsheet"] = factsheet
        page = ctx.page(index, AgricultureTipPage, tip["slug"], **fields)
        # the reviewer's office is kept in step with the Indonesian page; a
        # translator overrides it with the English name
        institution_en = INSTITUTIONS[number % 2][1]
        ctx.translate(page, strings, overrides={"expert_institution": institution_en})
