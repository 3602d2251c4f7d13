"""Demo: the aspirations page (aspirasi dan pengaduan) with a few answered
questions that Diskominfo made public, in Indonesian on the Indonesian page
and in English on its translation, and one fresh hoax report for a moderator
to turn into a clarification. No demo message carries a name or a contact."""

import datetime

from django.utils import timezone

PAGE_STRINGS = {
    "Aspirasi dan Pengaduan": "Aspirations and Complaints",
    "aspirasi": "aspirations",
    "Sampaikan aspirasi, pertanyaan, pengaduan, atau laporan hoaks kepada "
    "Diskominfo Kabupaten Pulang Pisau. Kami meneruskannya ke perangkat daerah "
    "(OPD) yang bertanggung jawab dan menjawabnya.": (
        "Send an aspiration, a question, a complaint or a hoax report to the "
        "Pulang Pisau District communications office (Diskominfo). We forward "
        "it to the office (OPD) responsible and answer it."
    ),
    "Terima kasih. Pesan Anda dibaca oleh moderator Diskominfo pada hari kerja.": (
        "Thank you. Diskominfo's moderators read your message on working days."
    ),
}

# (category, days ago, OPD in Indonesian and in English, question and answer in
# Indonesian, then in English)
ANSWERED = [
    (
        "pertanyaan",
        30,
        ("Dinas Pertanian", "Agriculture Office"),
        (
            "Kapan pupuk bersubsidi untuk musim tanam rendeng tersedia di kios "
            "Kecamatan Maliku?",
            "Pupuk bersubsidi untuk musim rendeng tersedia di kios resmi mulai "
            "awal Oktober. Petani yang terdaftar di e-RDKK dapat menebusnya "
            "dengan membawa KTP.",
        ),
        (
            "When will subsidised fertiliser for the wet season be available at "
            "the shops in Maliku?",
            "Subsidised fertiliser for the wet season is at the official shops "
            "from early October. Farmers registered in e-RDKK can buy it with "
            "their ID card.",
        ),
    ),
    (
        "pengaduan",
        21,
        ("Dinas Pekerjaan Umum dan Penataan Ruang", "Public Works Office"),
        (
            "Jembatan kayu di jalan usaha tani Desa Bahaur rusak sejak banjir "
            "dan tidak bisa dilalui motor.",
            "Tim Dinas PUPR telah memeriksa jembatan. Perbaikan dengan dana "
            "pemeliharaan dijadwalkan selesai sebelum panen bulan depan.",
        ),
        (
            "The wooden bridge on the farm road of Bahaur village has been "
            "broken since the flood; motorbikes cannot cross it.",
            "The public works office has inspected the bridge. The repair, paid "
            "from the maintenance budget, is to be finished before next month's "
            "harvest.",
        ),
    ),
    (
        "aspirasi",
        10,
        ("Dinas Komunikasi dan Informatika", "Communications and Informatics Office"),
        (
            "Mohon pelatihan membuat berita desa untuk pengurus KIM di "
            "Kecamatan Kahayan Kuala.",
            "Diskominfo akan mengadakan bimbingan teknis jurnalisme warga di "
            "Kahayan Kuala. Jadwalnya diumumkan di halaman pelatihan portal ini.",
        ),
        (
            "Please hold a training on writing village news for the KIM "
            "officers in Kahayan Kuala.",
            "Diskominfo will hold a technical guidance session on citizen "
            "journalism in Kahayan Kuala. The date will be announced on this "
            "portal's training page.",
        ),
    ),
]

HOAX_REPORT = (
    "Ada pesan berantai di grup WhatsApp desa: air sumur di Pulang Pisau "
    "beracun karena kabut asap dan tidak boleh diminum sama sekali. Apakah "
    "benar?"
)


def _answered(page, language, now):
    from kim_cms.aspirations.models import Aspiration

    for category, days, opds, indonesian, english in ANSWERED:
        question, answer = indonesian if language == "id" else english
        opd = opds[0] if language == "id" else opds[1]
        sent = now - datetime.timedelta(days=days)
        aspiration = Aspiration.objects.create(
            page=page,
            form_data={"category": category},
            category=category,
            message=question,
            consent_at=sent,
            status="selesai",
            opd=opd,
            reply=answer,
            replied_at=sent + datetime.timedelta(days=4),
            is_public=True,
        )
        # submit_time is set on creation: date the demo messages back
        Aspiration.objects.filter(pk=aspiration.pk).update(submit_time=sent)


def load(ctx):
    from wagtail.rich_text import RichText

    from kim_cms.aspirations.models import Aspiration
    from kim_cms.pages import AspirationPage

    intro = next(text for text in PAGE_STRINGS if text.startswith("Sampaikan"))
    thanks = next(text for text in PAGE_STRINGS if text.startswith("Terima kasih"))
    page = ctx.page(
        ctx.portal,
        AspirationPage,
        "aspirasi",
        title="Aspirasi dan Pengaduan",
        introduction=RichText(f"<p>{intro}</p>").source,
        thank_you_text=RichText(f"<p>{thanks}</p>").source,
    )
    english = ctx.translate(page, PAGE_STRINGS)
    if Aspiration.objects.filter(page__in=[page, english]).exists():
        return
    now = timezone.now()
    _answered(page, "id", now)
    _answered(english, "en", now)
    Aspiration.objects.create(
        page=page,
        form_data={"category": "hoaks"},
        category="hoaks",
        kecamatan=ctx.kecamatan("Kahayan Hilir"),
        message=HOAX_REPORT,
        consent_at=now,
    )
    ctx.created += 2 * len(ANSWERED) + 1
