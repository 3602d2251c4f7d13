"""Demo: hoax clarifications as Diskominfo and a KIM group write them: a
vaccine hoax, a partly true message about subsidised fertiliser and a
distorted haze health advisory; in Indonesian with English translations."""

import datetime

DISKOMINFO = "Dinas Komunikasi dan Informatika Kabupaten Pulang Pisau"

# Topics the clarifications need besides the groups' focus areas.
TOPICS = {"kesehatan": ("Kesehatan", "Health")}

INDEX_STRINGS = {
    "Klarifikasi Hoaks": "Hoax Clarifications",
    "klarifikasi-hoaks": "hoax-clarifications",
    "Pesan berantai yang beredar di Kabupaten Pulang Pisau, diperiksa oleh KIM "
    "dan Diskominfo bersama dinas terkait. Menerima pesan yang meragukan? "
    "Laporkan kepada KIM di desa Anda.": (
        "Chain messages circulating in Pulang Pisau District, checked by the KIM "
        "groups and Diskominfo with the offices concerned. Received a doubtful "
        "message? Report it to the KIM of your village."
    ),
    DISKOMINFO: "Communications and Informatics Office of Pulang Pisau District",
}

CLARIFICATIONS = [
    {
        "slug": ("hoaks-vaksin-mr-chip", "hoax-measles-rubella-vaccine-chip"),
        "title": (
            "Hoaks: vaksin campak-rubela berisi chip pelacak",
            "Hoax: the measles-rubella vaccine contains a tracking chip",
        ),
        "claim": (
            "Jangan bawa anak ke posyandu! Vaksin MR yang disuntikkan bulan ini "
            "berisi chip pelacak yang bisa dibaca lewat sinyal 5G. Sebarkan ke "
            "grup keluarga!",
            "Do not take your children to the posyandu! The MR vaccine given "
            "this month contains a tracking chip that 5G signals can read. "
            "Forward this to your family groups!",
        ),
        "appearance": (
            "Grup WhatsApp warga di Kecamatan Kahayan Hilir dan Maliku",
            "Residents' WhatsApp groups in Kahayan Hilir and Maliku",
        ),
        "verdict": "hoaks",
        "summary": (
            "Tidak benar. Vaksin MR berisi virus campak dan rubela yang sudah "
            "dilemahkan, bukan chip. Jarum suntiknya terlalu kecil untuk alat "
            "elektronik, dan vaksin ini dipakai di seluruh Indonesia sejak 2017.",
            "False. The MR vaccine holds weakened measles and rubella viruses, "
            "not a chip. Its needle is far too fine for any electronic device, "
            "and the vaccine has been given all over Indonesia since 2017.",
        ),
        "explanation": [
            (
                "Pesan ini menyebar menjelang bulan imunisasi anak di posyandu. "
                "Beberapa orang tua menunda membawa anaknya karena takut.",
                "The message spread just before the children's immunisation "
                "month at the posyandu. Some parents held back their children "
                "out of fear.",
            ),
            (
                "Vaksin MR melindungi anak dari campak dan rubela, dua penyakit "
                "yang dapat menyebabkan radang paru, kebutaan dan cacat bawaan "
                "pada bayi. Cairan vaksin disimpan di lemari pendingin "
                "puskesmas dan diperiksa BPOM sebelum dibagikan.",
                "The MR vaccine protects children from measles and rubella, two "
                "diseases that can cause pneumonia, blindness and birth defects. "
                "The vaccine is kept in the health centre's refrigerator and "
                "checked by the food and drug agency (BPOM) before it is handed "
                "out.",
            ),
        ],
        "evidence": [
            (
                "Petugas Diskominfo dan KIM Pulang Pisau Bersinar melihat "
                "langsung vaksin di gudang farmasi Dinas Kesehatan: isinya "
                "cairan dalam botol kecil, tanpa benda padat apa pun.",
                "Diskominfo staff and KIM Pulang Pisau Bersinar saw the vaccine "
                "in the Health Office's pharmacy store: a liquid in small vials, "
                "with no solid object of any kind.",
            ),
            (
                "Foto dalam pesan itu adalah gambar komponen elektronik dari "
                "situs penjual suku cadang, yang sudah beredar sejak 2020 "
                "dengan klaim lain.",
                "The photo in the message shows an electronic part from a spare "
                "parts shop's website; it has circulated since 2020 with other "
                "claims.",
            ),
        ],
        "sources": [
            (
                "Dinas Kesehatan Kabupaten Pulang Pisau, keterangan pers",
                "Pulang Pisau District Health Office, press statement",
            ),
            (
                "Kementerian Kesehatan RI, tanya jawab imunisasi MR",
                "Ministry of Health, questions and answers on MR immunisation",
            ),
        ],
        "checked_by": DISKOMINFO,
        "group": None,
        "days_ago": 10,
        "first_seen_days_ago": 12,
        "topics": ["kesehatan"],
        "scene": "phone-hoax",
        "image": (
            "Pesan berantai hoaks di telepon genggam",
            "A hoax chain message on a phone",
        ),
    },
    {
        "slug": ("pupuk-subsidi-cukup-ktp", "subsidised-fertiliser-id-card"),
        "title": (
            "Sebagian benar: pupuk bersubsidi cukup ditebus dengan KTP",
            "Partly true: subsidised fertiliser can be bought with an ID card",
        ),
        "claim": (
            "Mulai bulan ini pupuk subsidi bisa ditebus hanya dengan KTP, tidak "
            "perlu kartu tani lagi. Siapa saja boleh membeli sebanyak yang dia "
            "mau di kios mana pun.",
            "From this month subsidised fertiliser can be bought with just an ID "
            "card, no farmer card needed. Anyone may buy as much as they like at "
            "any shop.",
        ),
        "appearance": (
            "Grup Facebook petani Kecamatan Pandih Batu dan Maliku",
            "Farmers' Facebook groups in Pandih Batu and Maliku",
        ),
        "verdict": "sebagian-benar",
        "summary": (
            "Sebagian benar. Petani yang terdaftar dalam e-RDKK memang cukup "
            "menunjukkan KTP di kios resmi. Tetapi hanya petani terdaftar yang "
            "berhak, jumlahnya sesuai alokasi masing-masing, dan harus di kios "
            "tempat ia terdaftar.",
            "Partly true. Farmers registered in the e-RDKK list need only show "
            "their ID card at an official shop. But only registered farmers are "
            "entitled, each up to their own allocation, at the shop where they "
            "are registered.",
        ),
        "explanation": [
            (
                "Yang benar: penebusan pupuk bersubsidi kini cukup dengan KTP. "
                "Kios memeriksa nomor KTP pada daftar e-RDKK dan mencatat "
                "penebusan di aplikasi.",
                "What is true: subsidised fertiliser can now be bought with an "
                "ID card. The shop checks the ID number against the e-RDKK list "
                "and records the purchase in an app.",
            ),
            (
                "Yang tidak benar: pupuk bersubsidi bukan untuk siapa saja. "
                "Petani harus tergabung dalam kelompok tani dan terdaftar dalam "
                "e-RDKK, dengan luas lahan paling banyak dua hektare. Setiap "
                "petani mendapat alokasi sesuai luas lahan dan komoditasnya.",
                "What is not true: subsidised fertiliser is not for anyone. A "
                "farmer must belong to a farmers' group and be registered in the "
                "e-RDKK list, with at most two hectares of land. Each farmer "
                "gets an allocation by land area and crop.",
            ),
            (
                "Belum terdaftar? Hubungi penyuluh di BPP kecamatan Anda sebelum "
                "musim tanam.",
                "Not registered yet? Contact the extension officer at your "
                "sub-district's agricultural extension centre (BPP) before the "
                "planting season.",
            ),
        ],
        "evidence": [
            (
                "KIM Bereng Informatif menanyakan aturan ini kepada Dinas "
                "Pertanian dan mencoba menebus pupuk bersama dua anggota "
                "kelompok tani di kios resmi Desa Bereng: KTP diterima untuk "
                "petani terdaftar, ditolak untuk warga yang tidak terdaftar.",
                "KIM Bereng Informatif asked the Agriculture Office about the "
                "rule and went to buy fertiliser with two members of a farmers' "
                "group at the official shop in Bereng: the ID card was accepted "
                "for registered farmers and refused for a resident who was not "
                "registered.",
            ),
        ],
        "sources": [
            (
                "Dinas Pertanian Kabupaten Pulang Pisau, bidang prasarana dan "
                "sarana pertanian",
                "Pulang Pisau District Agriculture Office, farm inputs division",
            ),
            (
                "Kementerian Pertanian RI, penjelasan penebusan pupuk bersubsidi",
                "Ministry of Agriculture, guidance on buying subsidised fertiliser",
            ),
        ],
        "checked_by": "",
        "group": "kim-bereng",
        "days_ago": 5,
        "first_seen_days_ago": 8,
        "topics": ["pertanian"],
        "scene": "rice-fertiliser",
        "image": (
            "Karung pupuk di tepi sawah",
            "Fertiliser sacks by a rice field",
        ),
    },
    {
        "slug": ("imbauan-kabut-asap-menyesatkan", "misleading-haze-advisory"),
        "title": (
            "Menyesatkan: imbauan kesehatan kabut asap yang diubah",
            "Misleading: a haze health advisory that was altered",
        ),
        "claim": (
            "IMBAUAN DINKES: udara di seluruh Pulang Pisau sudah BERBAHAYA. "
            "Cukup pakai masker kain yang dibasahi, dan semua sekolah libur "
            "mulai besok sampai asap hilang.",
            "HEALTH OFFICE ADVISORY: the air all over Pulang Pisau is now "
            "HAZARDOUS. A wet cloth mask is enough, and all schools are closed "
            "from tomorrow until the haze is gone.",
        ),
        "appearance": (
            "Grup WhatsApp sekolah dan warga di Kecamatan Jabiren Raya",
            "School and residents' WhatsApp groups in Jabiren Raya",
        ),
        "verdict": "misinformasi",
        "summary": (
            "Menyesatkan. Dinas Kesehatan memang mengeluarkan imbauan kabut "
            "asap, tetapi isinya diubah: masker kain basah tidak menyaring "
            "partikel asap, yang dianjurkan masker N95, dan tidak ada keputusan "
            "meliburkan semua sekolah.",
            "Misleading. The Health Office did issue a haze advisory, but it was "
            "altered: a wet cloth mask does not filter smoke particles, an N95 "
            "mask is advised, and no decision was made to close all schools.",
        ),
        "explanation": [
            (
                "Imbauan asli Dinas Kesehatan meminta warga mengurangi kegiatan "
                "di luar rumah pada pagi hari, memakai masker N95 atau masker "
                "medis saat keluar, menutup jendela, dan segera ke puskesmas bila "
                "sesak napas.",
                "The Health Office's real advisory asks residents to stay indoors "
                "in the morning, wear an N95 or medical mask outdoors, keep "
                "windows shut and go to the health centre at once when short of "
                "breath.",
            ),
            (
                "Kualitas udara berbeda antarkecamatan dan berubah setiap jam. "
                "Pada hari pesan itu beredar, udara di Jabiren Raya tidak sehat "
                "pada pagi hari, bukan berbahaya di seluruh kabupaten.",
                "Air quality differs between sub-districts and changes by the "
                "hour. On the day the message spread, the air in Jabiren Raya "
                "was unhealthy in the morning, not hazardous across the district.",
            ),
            (
                "Sekolah hanya diliburkan lewat surat resmi Dinas Pendidikan, "
                "yang diumumkan di portal ini dan oleh kepala sekolah.",
                "Schools close only by an official letter of the Education "
                "Office, announced on this portal and by head teachers.",
            ),
        ],
        "evidence": [
            (
                "Diskominfo membandingkan pesan itu dengan surat imbauan asli "
                "bertanda tangan Kepala Dinas Kesehatan: kalimat tentang masker "
                "kain dan libur sekolah tidak ada dalam surat asli.",
                "Diskominfo compared the message with the real advisory signed "
                "by the head of the Health Office: the lines on cloth masks and "
                "school closures are not in the real letter.",
            ),
        ],
        "sources": [
            (
                "Dinas Kesehatan Kabupaten Pulang Pisau, imbauan kesehatan "
                "menghadapi kabut asap",
                "Pulang Pisau District Health Office, health advisory on haze",
            ),
            (
                "Dinas Pendidikan Kabupaten Pulang Pisau",
                "Pulang Pisau District Education Office",
            ),
        ],
        "checked_by": DISKOMINFO,
        "group": None,
        "days_ago": 2,
        "first_seen_days_ago": 3,
        "topics": ["kesehatan", "mitigasi-bencana"],
        "scene": "peat-forest",
        "image": (
            "Hutan gambut dan menara pantau api",
            "Peat forest and a fire watchtower",
        ),
    },
]


def _topics(ctx, slugs):
    from kim_cms.snippets import FocusArea

    found = []
    for slug in slugs:
        area = FocusArea.objects.filter(slug=slug, locale=ctx.locale_id).first()
        if area is None and slug in TOPICS:
            name, english = TOPICS[slug]
            area = FocusArea.objects.create(name=name, slug=slug, locale=ctx.locale_id)
            translated = area.copy_for_translation(ctx.locale_en)
            translated.name = english
            translated.save()
        if area is not None:
            found.append(area)
    return found


def _paragraphs(pairs, strings):
    from django.utils.html import escape

    for source, english in pairs:
        strings[source] = english
    return "".join(f"<p>{escape(source)}</p>" for source, _english in pairs)


def _clarification(ctx, index, spec, today):
    from kim_cms.pages import HoaxClarificationPage, KimGroupPage

    strings = {}
    fields = {}
    for name in ("title", "claim", "summary"):
        source, english = spec[name]
        fields[name] = source
        strings[source] = english
    slug_id, slug_en = spec["slug"]
    strings[slug_id] = slug_en
    appearance_id, appearance_en = spec["appearance"]
    strings[appearance_id] = appearance_en
    image_title, image_title_en = spec["image"]
    group = None
    if spec["group"]:
        group = KimGroupPage.objects.filter(
            slug=spec["group"], locale=ctx.locale_id
        ).first()
    if spec["checked_by"]:
        strings.setdefault(spec["checked_by"], INDEX_STRINGS[spec["checked_by"]])
    sources = []
    for name, english in spec["sources"]:
        strings[name] = english
        sources.append(
            (
                "source",
                {
                    "name": name,
                    "url": "",
                    "date": today - datetime.timedelta(days=spec["days_ago"] + 1),
                },
            )
        )
    page = ctx.page(
        index,
        HoaxClarificationPage,
        slug_id,
        claim_appearance=appearance_id,
        claim_first_seen=today - datetime.timedelta(days=spec["first_seen_days_ago"]),
        verdict=spec["verdict"],
        explanation=_paragraphs(spec["explanation"], strings),
        evidence=_paragraphs(spec["evidence"], strings),
        sources=sources,
        checked_by_name=spec["checked_by"],
        kim_group=group,
        review_date=today - datetime.timedelta(days=spec["days_ago"]),
        image=ctx.image(
            f"klarifikasi-{slug_id}",
            image_title,
            spec["scene"],
            title_en=image_title_en,
        ),
        **fields,
    )
    topics = _topics(ctx, spec["topics"])
    if topics and not page.topics.exists():
        page.topics.set(topics)
        page.save_revision(user=ctx.user, log_action=False).publish(user=ctx.user)
    ctx.translate(page, strings)
    return page


def load(ctx):
    from django.utils import timezone
    from wagtail.rich_text import RichText

    from kim_cms.pages import HoaxClarificationIndexPage

    intro = next(text for text in INDEX_STRINGS if text.startswith("Pesan berantai"))
    index = ctx.page(
        ctx.portal,
        HoaxClarificationIndexPage,
        "klarifikasi-hoaks",
        title="Klarifikasi Hoaks",
        introduction=RichText(f"<p>{intro}</p>").source,
    )
    ctx.translate(index, INDEX_STRINGS)
    today = timezone.localdate()
    for spec in CLARIFICATIONS:
        _clarification(ctx, index, spec, today)
