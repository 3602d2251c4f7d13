"""Demo: the portal landing page's content and its English translation."""

INTRO_ID = [
    "Kelompok Informasi Masyarakat (KIM) dibentuk oleh, dari, dan untuk warga "
    "desa. KIM menjembatani informasi antara pemerintah dan masyarakat.",
    "Di portal ini warga menemukan KIM di desanya, tips pertanian dan perikanan, "
    "agenda budaya, serta materi pelatihan, bimbingan teknis (bimtek), dan "
    "sosialisasi.",
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


IDENTITY_ID = {
    "district_name": "Kabupaten Pulang Pisau",
    "office_name": PORTAL_FIELDS["office_name"],
    "office_hours": "Senin–Kamis 07.30–16.00 WIB, Jumat 07.30–11.00 WIB",
    "footer_note": (
        "Portal resmi kelompok informasi masyarakat (KIM) se-Kabupaten Pulang "
        "Pisau, dikelola Diskominfo."
    ),
}
IDENTITY_STRINGS = {
    "Kabupaten Pulang Pisau": "Pulang Pisau District",
    "Senin–Kamis 07.30–16.00 WIB, Jumat 07.30–11.00 WIB": (
        "Monday to Thursday 7:30 AM–4:00 PM WIB, Friday 7:30–11:00 AM WIB"
    ),
    IDENTITY_ID["footer_note"]: (
        "The official portal of the community information groups (KIM) of "
        "Pulang Pisau District, run by Diskominfo."
    ),
    PORTAL_FIELDS["office_name"]: STRINGS[PORTAL_FIELDS["office_name"]],
}


def district_logo(ctx):
    """The district's emblem for the footer: a shield with a river and a rice
    stalk, drawn here (no text in it)."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image, ImageDraw
    from wagtail.images import get_image_model

    title = "Lambang Kabupaten Pulang Pisau"
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    size = 240
    picture = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    shield = [(24, 16), (216, 16), (216, 120), (120, 228), (24, 120)]
    draw.polygon(shield, fill=(11, 110, 79), outline=(245, 196, 0), width=10)
    draw.ellipse((78, 40, 162, 124), fill=(245, 196, 0))
    for offset in (0, 26):
        draw.arc(
            (40, 120 + offset, 200, 180 + offset),
            200,
            340,
            fill=(255, 255, 255),
            width=9,
        )
    for n in range(5):
        draw.ellipse(
            (112 - 4 * n, 52 + 12 * n, 128 - 4 * n, 66 + 12 * n), fill=(11, 110, 79)
        )
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = image_model(
        title=title,
        collection=ctx.collection,
        description="Lambang berupa perisai hijau dengan matahari kuning, sungai, dan setangkai padi.",
    )
    image.file.save(
        "lambang-pulang-pisau.png", ContentFile(buffer.getvalue()), save=False
    )
    image.width = image.height = size
    image.save()
    return image


def load_identity(ctx, site):
    """The portal identity of ``site`` (footer and print views), with its
    English text; left as it is when the site has one."""
    from kim_cms.snippets.identity import KimSiteIdentity, KimSiteIdentityText

    if KimSiteIdentity.objects.filter(site=site).exists():
        return
    text = KimSiteIdentityText.objects.create(locale=ctx.portal.locale, **IDENTITY_ID)
    ctx.created += 1
    ctx.translate(text, IDENTITY_STRINGS)
    KimSiteIdentity.objects.create(
        site=site,
        text=text,
        logo=district_logo(ctx),
        address=PORTAL_FIELDS["office_address"],
        phone=PORTAL_FIELDS["office_phone"],
        email=PORTAL_FIELDS["office_email"],
        website=PORTAL_FIELDS["office_website"],
        facebook="https://www.facebook.com/diskominfopulangpisau",
        instagram="https://www.instagram.com/diskominfo.pulangpisau",
        youtube="https://www.youtube.com/@diskominfopulangpisau",
    )
    ctx.created += 1


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
