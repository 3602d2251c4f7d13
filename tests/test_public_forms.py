"""The citizen's forms (the aspiration form, the status lookup): every field
labelled above it, empty choices that say what to choose, help and errors
tied to their field, and the stylesheet's rules that make them usable on a
phone."""

import re
import time
from pathlib import Path

import pytest
from django.urls import reverse

from kim_cms.aspirations import abuse
from kim_cms.pages import AspirationPage
from kim_cms.snippets import Desa, Kecamatan

pytestmark = pytest.mark.django_db

CSS = Path(__file__).resolve().parent.parent / "kim_cms/static/kim_cms/css/kim_cms.css"


@pytest.fixture
def page(portal):
    kecamatan = Kecamatan.objects.create(name="Kahayan Hilir", code="62.11.01")
    Desa.objects.create(name="Pulang Pisau", kecamatan=kecamatan, code="62.11.01.2001")
    page = AspirationPage(title="Aspirasi dan Pengaduan", slug="aspirasi")
    portal.add_child(instance=page)
    page.save_revision().publish()
    return page


def field_tag(html, name):
    return re.search(rf'<(?:input|select|textarea)[^>]*name="{name}"[^>]*>', html)[0]


def test_empty_choices_say_what_to_choose(page, english_portal, locales, client):
    html = client.get(page.url).content.decode()
    assert "---------" not in html
    assert '<option value="" selected>Pilih kecamatan</option>' in html
    assert '<option value="" selected>Pilih desa atau kelurahan</option>' in html
    assert '<label for="id_kecamatan">Kecamatan</label>' in html
    english = page.copy_for_translation(locales["en"])
    english.save_revision().publish()
    html = client.get(english.url).content.decode()
    assert '<option value="" selected>Choose a sub-district</option>' in html
    assert '<label for="id_kecamatan">Sub-district</label>' in html
    assert "Kecamatan" not in html


def test_help_text_is_under_its_field_and_read_with_it(page, client):
    html = client.get(page.url).content.decode()
    assert 'aria-describedby="id_contact_helptext"' in field_tag(html, "contact")
    field = html.split('<label for="id_contact">')[1].split("</div>")[0]
    assert field.index('name="contact"') < field.index(
        '<p class="kim-form__help" id="id_contact_helptext">'
    )
    # the consent box before its text, in a row of its own
    consent = html.split('kim-form__field--check">')[1].split("</div>")[0]
    assert consent.index('name="consent"') < consent.index('<label for="id_consent">')


def test_errors_are_shown_by_their_field_and_read_with_it(page, client, monkeypatch):
    real = time.time
    monkeypatch.setattr("django.core.signing.time.time", lambda: real() - 60)
    token = abuse.make_token(page.pk)
    monkeypatch.undo()
    response = client.post(
        reverse("kim_cms_aspirations:submit", args=[page.pk]),
        {"category": "pengaduan", "message": "", "token": token},
    )
    assert response.status_code == 400
    html = response.content.decode()
    for name in ("message", "consent"):
        tag = field_tag(html, name)
        assert 'aria-invalid="true"' in tag, name
        assert f"id_{name}_error" in tag, name
        assert f'<ul class="kim-form__errors" id="id_{name}_error">' in html
    assert "Pesan Anda hanya dapat dikirim" in html.split('id="id_consent_error"')[1]


def test_the_status_lookup_is_a_form_with_its_error_tied_to_the_code(page, client):
    html = client.get(page.get_status_url()).content.decode()
    assert '<form class="kim-form" method="get"' in html
    html = client.get(page.get_status_url() + "?kode=abc").content.decode()
    tag = field_tag(html, "kode")
    assert 'aria-invalid="true"' in tag
    assert 'aria-describedby="kim-kode-error"' in tag
    assert 'id="kim-kode-error"' in html


def test_the_stylesheet_stacks_the_fields_with_touch_sized_targets():
    css = CSS.read_text()
    assert ".kim-form__field label{display:block" in css
    assert re.search(
        r"\.kim-form select,[^{]*\{[^}]*width:100%[^}]*min-height:2.75rem", css
    )
    assert ".kim-form__submit{" in css
