"""Demo: the portal landing page's content and its English translation."""

INTRO_ID = [
    "Kelompok Informasi Masyarakat (KIM) dibentuk oleh, dari, dan untuk warga "
    "desa. KIM menjembatani informasi antara pemerintah dan masyarakat.",
    "Di portal ini warga menemukan KIM di desanya, tips pertanian dan perikanan, "
    "agenda budaya, serta materi pelatihan, bimtek, dan sosialisasi.",
    "Informasi di portal ini diverifikasi oleh Diskominfo sebelum terbit.",
]
INTRO_EN = [
    "Community information groups (KIM) are formed by, from and for the citizens "
    "of a village. A KIM bridges information between the government and citizens.",
    "On this portal citizens find the KIM of their village, farming and fishing "
    "tips, cultural events, and material from training, technical guidance and "
    "outreach sessions.",
    "Information on this portal is verified by Diskominfo before it is published.",
]
STRINGS = {
    "Portal KIM Kabupaten Pulang Pisau": "Pulang Pisau District KIM Portal",
    "portal-kim": "kim-portal",
    "Tentang KIM": "About KIM",
    "Dinas Komunikasi dan Informatika, Persandian dan Statistik Kabupaten "
    "Pulang Pisau": "Communications, Informatics, Cryptography and Statistics "
    "Office of Pulang Pisau District",
    "Portal kelompok informasi masyarakat (KIM) se-Kabupaten Pulang Pisau.": (
        "The portal of the community information groups (KIM) of Pulang Pisau District."
    ),
    **dict(zip(INTRO_ID, INTRO_EN, strict=True)),
}

PORTAL_FIELDS = {
    "title": "Portal KIM Kabupaten Pulang Pisau",
    "district_name": "Kabupaten Pulang Pisau",
    "search_description": (
        "Portal kelompok informasi masyarakat (KIM) se-Kabupaten Pulang Pisau."
    ),
    "office_name": (
        "Dinas Komunikasi dan Informatika, Persandian dan Statistik Kabupaten "
        "Pulang Pisau"
    ),
    "office_address": "Jl. Tjilik Riwut Km. 1\nPulang Pisau, Kalimantan Tengah",
    "office_phone": "+62 513 61001",
    "office_email": "diskominfo@pulangpisaukab.go.id",
    "office_website": "https://pulangpisaukab.go.id",
    "introduction": [("heading", {"text": "Tentang KIM", "level": "h2"})]
    + [("paragraph", f"<p>{text}</p>") for text in INTRO_ID],
}


def portal_fields(ctx):
    from wagtail.rich_text import RichText

    fields = dict(PORTAL_FIELDS)
    fields["introduction"] = [
        (kind, RichText(value) if kind == "paragraph" else value)
        for kind, value in PORTAL_FIELDS["introduction"]
    ]
    fields["hero_image"] = ctx.image(
        "portal-hero",
        "Sungai Kahayan di Pulang Pisau",
        "river",
        title_en="The Kahayan River at Pulang Pisau",
    )
    return fields


def load(ctx):
    # a portal under an existing home page keeps its slug (/kim/, /en/kim/)
    slug = ctx.portal.slug
    ctx.translate(
        ctx.portal,
        {**STRINGS, slug: STRINGS.get(slug, slug)},
        overrides={"district_name": "Pulang Pisau District"},
    )
