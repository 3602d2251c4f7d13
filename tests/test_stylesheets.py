"""The first response of a page holds its styles: kim-cms's small stylesheet
is inline (no second request before a reader on a slow connection sees the
page), says which file it is, and is linked instead when a site asks or when
it could not be inlined safely."""

import gzip
import json
import re

import pytest
from django.template import Context, Template

from kim_cms import stylesheets
from kim_cms.pages import AspirationPage
from tests.factories_clarifications import (
    HoaxClarificationIndexPageFactory,
    make_clarification,
)
from tests.factories_tips import make_tip_index

pytestmark = pytest.mark.django_db

STYLE = re.compile(r'<style data-kim-stylesheet="([^"]+)">(.*?)</style>', re.S)


@pytest.fixture(autouse=True)
def _fresh(settings):
    settings.KIM_CMS_INLINE_STYLESHEETS = True  # the default (tests/settings.py)
    stylesheets._cached.cache_clear()
    yield
    stylesheets._cached.cache_clear()


def head_of(html):
    return html.split("</head>", 1)[0]


def test_the_page_carries_its_stylesheet_inline_in_the_head(client, portal):
    response = client.get(portal.url)
    html = response.content.decode()
    ((url, css),) = STYLE.findall(head_of(html))
    assert url == "/static/kim_cms/css/kim_cms.css"
    assert ".kim-site-header{" in css and ".kim-card{" in css
    # Nothing blocks the first paint: no stylesheet to fetch first.
    assert 'rel="stylesheet"' not in html
    # Styles and page together stay within the first round trip of a new
    # connection on a slow network (about 14 KB).
    assert len(gzip.compress(response.content)) < 14 * 1024


def test_with_inlining_off_the_stylesheet_is_linked(client, portal, settings):
    settings.KIM_CMS_INLINE_STYLESHEETS = False
    html = client.get(portal.url).content.decode()
    assert "<style" not in html
    assert '<link rel="stylesheet" href="/static/kim_cms/css/kim_cms.css">' in html


def test_the_share_styles_of_a_clarification_are_inline_too(client, portal):
    index = HoaxClarificationIndexPageFactory(parent=portal)
    clarification = make_clarification(index)
    for page in (index, clarification):
        html = client.get(page.url).content.decode()
        urls = [url for url, _css in STYLE.findall(head_of(html))]
        assert urls == [
            "/static/kim_cms/css/kim_cms.css",
            "/static/kim_cms/css/kim_cms_share.css",
        ]
        assert 'rel="stylesheet"' not in html


def test_the_collected_hashed_file_is_the_one_inlined(settings, tmp_path):
    root = tmp_path / "static"
    (root / "kim_cms" / "css").mkdir(parents=True)
    (root / "kim_cms" / "css" / "kim_cms.0123abcd.css").write_text(
        ".kim{color:#123456}"
    )
    (root / "staticfiles.json").write_text(
        json.dumps(
            {
                "version": "1.1",
                "paths": {
                    "kim_cms/css/kim_cms.css": "kim_cms/css/kim_cms.0123abcd.css"
                },
            }
        )
    )
    settings.STATIC_ROOT = str(root)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    html = Template(
        '{% load kim_cms_tags %}{% kim_stylesheet "kim_cms/css/kim_cms.css" %}'
    ).render(Context())
    assert html == (
        '<style data-kim-stylesheet="/static/kim_cms/css/kim_cms.0123abcd.css">'
        ".kim{color:#123456}</style>"
    )


@pytest.mark.parametrize(
    "text",
    [
        ".a{color:red}</style><script>alert(1)</script>",
        ".a{background:url(img/x.png)}",
        "/*" + "x" * 200_000 + "*/" + "".join(f".c{i}{{}}" for i in range(9000)),
    ],
    ids=["closes the element", "relative address", "too large"],
)
def test_a_stylesheet_that_cannot_be_inlined_is_linked(settings, tmp_path, text):
    static = tmp_path / "static"
    (static / "site").mkdir(parents=True)
    (static / "site" / "odd.css").write_text(text)
    settings.STATICFILES_DIRS = [str(static)]
    html = Template(
        '{% load kim_cms_tags %}{% kim_stylesheet "site/odd.css" %}'
    ).render(Context())
    assert html == '<link rel="stylesheet" href="/static/site/odd.css">'


@pytest.mark.parametrize(
    "text",
    [
        'var a = "</script><script>alert(1)";',
        'var a = "<!--<script>";',
        "var x = 1;\n" + "".join(f"var v{i} = {i * 7919};" for i in range(9000)),
    ],
    ids=["closes the element", "comment opener", "too large"],
)
def test_a_script_that_cannot_be_inlined_is_left_to_its_file(settings, tmp_path, text):
    static = tmp_path / "static"
    (static / "site").mkdir(parents=True)
    (static / "site" / "odd.js").write_text(text)
    settings.STATICFILES_DIRS = [str(static)]
    assert stylesheets.inline_text("site/odd.js", "script") is None
    (static / "site" / "fine.js").write_text('var a = "</style>";')
    assert stylesheets.inline_text("site/fine.js", "script") == 'var a = "</style>";'


def test_with_debug_on_an_edit_shows_at_once(settings, tmp_path):
    static = tmp_path / "static"
    (static / "site").mkdir(parents=True)
    sheet = static / "site" / "own.css"
    settings.STATICFILES_DIRS = [str(static)]
    settings.DEBUG = True
    template = Template('{% load kim_cms_tags %}{% kim_stylesheet "site/own.css" %}')
    sheet.write_text(".a{color:red}")
    assert ".a{color:red}" in template.render(Context())
    sheet.write_text(".a{color:blue}")
    assert ".a{color:blue}" in template.render(Context())


def test_index_cards_are_headed_under_the_page_title(client, portal):
    from tests.factories_tips import make_tip

    index = make_tip_index(portal)
    make_tip(index, title="Padi di lahan gambut")
    html = client.get(index.url).content.decode()
    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    # No level is skipped below the title (h1, then h2 for each tip).
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    assert '<h2 class="kim-card__title"><a href="' in html


def test_the_aspiration_form_and_the_search_have_a_description(client, portal):
    aspirations = AspirationPage(title="Aspirasi", slug="aspirasi")
    portal.add_child(instance=aspirations)
    aspirations.save_revision().publish()
    html = client.get(aspirations.url).content.decode()
    assert (
        '<meta name="description" content="Aspirasi: kirim pertanyaan, '
        'pengaduan, atau saran kepada pemerintah kabupaten.">'
    ) in html
    html = client.get(portal.url + "cari/").content.decode()
    assert re.search(r'<meta name="description"\s+content="Cari peringatan,', html)
