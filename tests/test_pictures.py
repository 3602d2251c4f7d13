"""Responsive images: the first, largest picture of a page comes first (no
lazy loading, high fetch priority), pictures further down load lazily, and
each offers WebP at two widths with a fallback in the image's own format and
its width and height, so that a phone fetches no more than it shows."""

from html.parser import HTMLParser

import pytest
from django.template import Context, Template

from kim_cms.pictures import all_picture_specs, picture_specs
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


class Pictures(HTMLParser):
    """The ``<picture>`` elements of a page: their sources and image."""

    def __init__(self):
        super().__init__()
        self.pictures = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "picture":
            self._open = {"sources": [], "img": None}
            self.pictures.append(self._open)
        elif tag == "source" and self._open is not None:
            self._open["sources"].append(attrs)
        elif tag == "img" and self._open is not None:
            self._open["img"] = attrs

    def handle_endtag(self, tag):
        if tag == "picture":
            self._open = None


def pictures_of(html):
    parser = Pictures()
    parser.feed(html)
    return parser.pictures


def widths(srcset):
    return [int(part.split()[-1].rstrip("w")) for part in srcset.split(",")]


def test_the_portal_hero_is_a_responsive_picture_fetched_first(client, portal):
    portal.hero_image = ImageFactory(file__width=1600, file__height=900)
    portal.save_revision().publish()
    pictures = pictures_of(client.get("/").content.decode())
    assert len(pictures) == 1
    (hero,) = pictures
    (source,) = hero["sources"]
    assert source["type"] == "image/webp"
    assert widths(source["srcset"]) == [480, 720, 960]
    assert ".webp" in source["srcset"] and source["sizes"]
    img = hero["img"]
    assert not img["src"].endswith(".webp")  # the fallback keeps its format
    assert (img["width"], img["height"]) == ("960", "400")
    assert img["fetchpriority"] == "high"
    assert "loading" not in img
    assert img["class"] == "kim-hero__image"
    # A phone's column is the viewport less its margins: a 412-pixel-wide
    # phone at a pixel ratio of 1.75 needs 665 pixels and gets the 720 ones.
    assert source["sizes"] == "(min-width: 60rem) 58rem, calc(100vw - 2rem)"


def test_a_picture_further_down_loads_lazily_and_says_what_it_shows():
    image = ImageFactory(file__width=1200, file__height=800)
    html = Template(
        "{% load kim_images_tags %}"
        '{% kim_picture image "width-800" alt="Petani memanen padi" %}'
    ).render(Context({"image": image}))
    (picture,) = pictures_of(html)
    img = picture["img"]
    assert img["loading"] == "lazy" and "fetchpriority" not in img
    assert img["alt"] == "Petani memanen padi"
    assert (img["width"], img["height"]) == ("800", "533")
    assert widths(picture["sources"][0]["srcset"]) == [400, 600, 800]


def test_no_image_no_picture_and_the_alt_text_is_escaped():
    template = Template(
        '{% load kim_images_tags %}{% kim_picture image "fill-160x160" alt=alt %}'
    )
    assert template.render(Context({"image": None})) == ""
    html = template.render(
        Context({"image": ImageFactory(), "alt": '"><script>alert(1)</script>'})
    )
    assert "<script>" not in html and "&quot;&gt;&lt;script&gt;" in html


def test_picture_specs_name_every_rendition_to_prefetch():
    assert picture_specs("fill-960x400") == (
        [
            "fill-480x200|format-webp",
            "fill-720x300|format-webp",
            "fill-960x400|format-webp",
        ],
        "fill-960x400",
    )
    assert all_picture_specs("width-800") == [
        "width-400|format-webp",
        "width-600|format-webp",
        "width-800|format-webp",
        "width-800",
    ]
    with pytest.raises(ValueError):
        picture_specs("max-100x100")


class Images(HTMLParser):
    """Every ``<img>`` of a page, by class."""

    def __init__(self):
        super().__init__()
        self.images = {}

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            attrs = dict(attrs)
            self.images.setdefault(attrs.get("class", ""), attrs)


def test_only_the_largest_picture_is_fetched_first_the_logos_after_it(
    client, portal, directory
):
    """On a slow phone the group's cover (what the page shows largest) comes
    before the logos beside it and the cards' thumbnails: they say
    ``fetchpriority="low"``, so that the cover shares the connection with
    nothing else."""
    from wagtail.models import Site

    from kim_cms.snippets.identity import KimSiteIdentity
    from tests.factories_groups import KimActivityPageFactory, KimGroupPageFactory

    KimSiteIdentity.objects.create(
        site=Site.objects.get(is_default_site=True), logo=ImageFactory()
    )
    group = KimGroupPageFactory(
        parent=directory,
        logo=ImageFactory(),
        cover_image=ImageFactory(file__width=1600, file__height=900),
    )
    KimActivityPageFactory(parent=group, cover_image=ImageFactory())
    parser = Images()
    parser.feed(client.get(group.url).content.decode())
    images = parser.images
    assert images["kim-hero__image"]["fetchpriority"] == "high"
    for logo in ("kim-site-name__logo", "kim-group__logo"):
        assert images[logo]["fetchpriority"] == "low", logo
        assert "loading" not in images[logo]  # in view: not lazy
    # the cards' thumbnails: after everything else, and only when near
    card = images["kim-card__image"]
    assert (card["fetchpriority"], card["loading"]) == ("low", "lazy")
