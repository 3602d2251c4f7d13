"""Aspirations: the form and its abuse protections, the tracking code and
status lookup, who sees personal data, and the retention erasure."""

import datetime
import re
import time
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from kim_cms.aspirations import abuse
from kim_cms.aspirations.models import Aspiration
from kim_cms.pages import AspirationPage
from kim_cms.snippets import Desa, Kecamatan
from kim_cms.wagtail_admin.roles import MODERATORS_NAME
from tests.test_moderation import editors_of, make_user

pytestmark = pytest.mark.django_db

NAME = "Siti Rahmawati"
CONTACT = "+62 812 5555 0101"
MESSAGE = "Jalan desa rusak sejak banjir, mohon diteruskan ke Dinas PUPR."


@pytest.fixture
def page(portal):
    page = AspirationPage(title="Aspirasi dan Pengaduan", slug="aspirasi")
    portal.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def region(db):
    kecamatan = Kecamatan.objects.create(name="Kahayan Hilir", code="62.11.01")
    desa = Desa.objects.create(
        name="Pulang Pisau", kecamatan=kecamatan, code="62.11.01.2001"
    )
    other = Kecamatan.objects.create(name="Maliku", code="62.11.02")
    return {"kecamatan": kecamatan, "desa": desa, "other": other}


def aged_token(page, seconds=60, monkeypatch=None):
    """A form token issued ``seconds`` ago."""
    real = time.time
    monkeypatch.setattr("django.core.signing.time.time", lambda: real() - seconds)
    token = abuse.make_token(page.pk)
    monkeypatch.setattr("django.core.signing.time.time", real)
    return token


@pytest.fixture
def form_data(page, region, monkeypatch):
    def make(**changes):
        data = {
            "category": "pengaduan",
            "kecamatan": region["kecamatan"].pk,
            "desa": region["desa"].pk,
            "message": MESSAGE,
            "name": NAME,
            "contact": CONTACT,
            "consent": "on",
            "website": "",
            "token": aged_token(page, 60, monkeypatch),
        }
        data.update(changes)
        return {k: v for k, v in data.items() if v is not None}

    return make


def submit_url(page):
    return reverse("kim_cms_aspirations:submit", args=[page.pk])


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_form_page_sets_no_cookie_and_posts_to_the_exempt_endpoint(page, csrf_client):
    response = csrf_client.get(page.url)
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert f'action="{submit_url(page)}"' in html
    assert 'name="website"' in html  # the honeypot
    assert 'name="token"' in html


def test_submission_is_stored_and_shows_a_tracking_code(page, form_data, csrf_client):
    response = csrf_client.post(submit_url(page), form_data())
    assert response.status_code == 200
    [aspiration] = Aspiration.objects.all()
    assert aspiration.page_id == page.pk
    assert aspiration.status == "baru"
    assert (aspiration.name, aspiration.contact) == (NAME, CONTACT)
    assert aspiration.message == MESSAGE
    assert aspiration.consent_at is not None
    # Nothing personal in Wagtail's generic form data.
    assert aspiration.form_data == {"category": "pengaduan"}
    html = response.content.decode()
    assert aspiration.tracking_code in html
    assert len(aspiration.tracking_code) == 10
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert not response.cookies


def test_consent_is_required(page, form_data, client):
    response = client.post(submit_url(page), form_data(consent=None))
    assert response.status_code == 400
    assert not Aspiration.objects.exists()
    assert "Pesan Anda hanya dapat dikirim dengan persetujuan Anda." in (
        response.content.decode()
    )
    # What was typed is kept in the form.
    assert MESSAGE in response.content.decode()


def test_honeypot_refuses(page, form_data, client):
    response = client.post(submit_url(page), form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert not Aspiration.objects.exists()


def test_too_fast_is_refused(page, form_data, client, monkeypatch):
    fresh = abuse.make_token(page.pk)
    response = client.post(submit_url(page), form_data(token=fresh))
    assert response.status_code == 400
    assert not Aspiration.objects.exists()
    assert "terlalu cepat" in response.content.decode()


@pytest.mark.parametrize("token", ["", "abc", "1:xyz:forged"])
def test_missing_or_forged_token_is_refused(page, form_data, client, token):
    response = client.post(submit_url(page), form_data(token=token))
    assert response.status_code == 400
    assert not Aspiration.objects.exists()


def test_token_of_another_page_is_refused(page, portal, form_data, client, monkeypatch):
    other = AspirationPage(title="Aspirasi lain", slug="aspirasi-lain")
    portal.add_child(instance=other)
    other.save_revision().publish()
    token = aged_token(other, 60, monkeypatch)
    assert client.post(submit_url(page), form_data(token=token)).status_code == 400
    assert not Aspiration.objects.exists()


def test_expired_token_is_refused(page, form_data, client, monkeypatch):
    token = aged_token(page, 3 * 24 * 3600, monkeypatch)
    response = client.post(submit_url(page), form_data(token=token))
    assert response.status_code == 400
    assert "terlalu lama" in response.content.decode()


def test_desa_outside_the_kecamatan_is_refused(page, form_data, region, client):
    response = client.post(submit_url(page), form_data(kecamatan=region["other"].pk))
    assert response.status_code == 400
    assert not Aspiration.objects.exists()


@pytest.mark.parametrize(
    "field, value", [("kecamatan", "abc"), ("desa", "999999"), ("category", "x")]
)
def test_malformed_values_are_a_400(page, form_data, client, field, value):
    assert client.post(submit_url(page), form_data(**{field: value})).status_code == 400


def test_a_flood_from_one_client_is_stopped_and_accepted_ones_kept(
    page, form_data, client, settings
):
    settings.KIM_CMS_ASPIRATION_RATE_LIMIT = (5, 3600)
    data = form_data()
    statuses = [client.post(submit_url(page), data).status_code for _ in range(100)]
    assert statuses[:5] == [200] * 5
    assert set(statuses[5:]) == {429}
    assert Aspiration.objects.count() == 5
    assert all(
        a.message == MESSAGE and a.name == NAME for a in Aspiration.objects.all()
    )
    refused = client.post(submit_url(page), data)
    assert "Terlalu banyak pesan" in refused.content.decode()
    # Another client is not held back by the first one.
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post(submit_url(page), data).status_code == 200
    assert Aspiration.objects.count() == 6


@pytest.mark.slow
def test_a_flood_of_a_thousand_is_stopped_and_nothing_accepted_is_lost(
    page, form_data, client, settings
):
    settings.KIM_CMS_ASPIRATION_RATE_LIMIT = (5, 3600)
    statuses = []
    for number in range(1000):
        data = form_data(message=f"Pesan nomor {number}: jalan rusak.")
        statuses.append(client.post(submit_url(page), data).status_code)
    assert statuses[:5] == [200] * 5
    assert statuses.count(429) == 995
    # every accepted message is stored, whole, and nothing else
    stored = sorted(a.message for a in Aspiration.objects.all())
    assert stored == [f"Pesan nomor {number}: jalan rusak." for number in range(5)]
    assert all(
        a.name == NAME and a.contact == CONTACT for a in Aspiration.objects.all()
    )


# -- a citizen is not locked out by their own mistakes ---------------------------

TOKEN_RE = re.compile(r'name="token"[^>]*value="([^"]*)"')


def token_of(response):
    [token] = TOKEN_RE.findall(response.content.decode())
    return token


def later(monkeypatch, seconds=60):
    """The clock ``seconds`` on: a form shown now is sent then."""
    real = time.time
    monkeypatch.setattr("django.core.signing.time.time", lambda: real() + seconds)


def test_mistakes_do_not_count_toward_the_rate_limit(page, form_data, client, settings):
    settings.KIM_CMS_ASPIRATION_RATE_LIMIT = (5, 3600)
    for _ in range(8):
        assert client.post(submit_url(page), form_data(consent=None)).status_code == 400
    statuses = [
        client.post(submit_url(page), form_data()).status_code for _ in range(6)
    ]
    assert statuses == [200] * 5 + [429]
    assert Aspiration.objects.count() == 5


def test_refused_posts_have_their_own_higher_bound(page, form_data, client, settings):
    settings.KIM_CMS_ASPIRATION_RATE_LIMIT = (5, 3600)
    settings.KIM_CMS_ASPIRATION_REFUSED_LIMIT = (20, 3600)
    bot = form_data(website="http://spam.example")
    statuses = [client.post(submit_url(page), bot).status_code for _ in range(25)]
    assert statuses == [400] * 20 + [429] * 5
    # once over it, even a good form waits
    response = client.post(submit_url(page), form_data())
    assert response.status_code == 429
    assert not Aspiration.objects.exists()
    # the bound is the client's own
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post(submit_url(page), form_data()).status_code == 200


def assert_refilled(response, region):
    html = response.content.decode()
    assert MESSAGE in html
    assert f'value="{NAME}"' in html and f'value="{CONTACT}"' in html
    assert re.search(r'<option value="pengaduan"[^>]*selected', html)
    kecamatan = region["kecamatan"].pk
    assert re.search(rf'<option value="{kecamatan}"[^>]*selected', html)
    assert re.search(r'name="consent"[^>]*checked', html)


def test_the_429_page_keeps_what_the_citizen_typed(
    page, form_data, region, client, settings, monkeypatch
):
    settings.KIM_CMS_ASPIRATION_RATE_LIMIT = (1, 3600)
    assert client.post(submit_url(page), form_data()).status_code == 200
    # the second message: over the limit, kept in the form, to send later
    response = client.post(submit_url(page), form_data())
    assert response.status_code == 429
    assert "Terlalu banyak pesan" in response.content.decode()
    assert_refilled(response, region)
    assert abuse.check_token(token_of(response), page.pk) in (None, "too_fast")
    # also when the bound of refused posts is reached
    settings.KIM_CMS_ASPIRATION_RATE_LIMIT = (5, 3600)
    settings.KIM_CMS_ASPIRATION_REFUSED_LIMIT = (1, 3600)
    client.post(submit_url(page), form_data(consent=None))
    response = client.post(submit_url(page), form_data())
    assert response.status_code == 429
    assert_refilled(response, region)
    assert Aspiration.objects.count() == 1


def test_a_refused_form_keeps_what_was_typed(page, form_data, region, client):
    response = client.post(submit_url(page), form_data(message=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert f'value="{NAME}"' in html and f'value="{CONTACT}"' in html
    assert re.search(r'name="consent"[^>]*checked', html)


def test_an_expired_form_is_shown_again_with_a_token_that_can_be_sent(
    page, form_data, client, monkeypatch
):
    expired = aged_token(page, 3 * 24 * 3600, monkeypatch)
    response = client.post(submit_url(page), form_data(token=expired))
    assert response.status_code == 400
    assert "terlalu lama" in response.content.decode()
    assert MESSAGE in response.content.decode()
    token = token_of(response)
    assert token != expired
    later(monkeypatch)
    data = form_data(token=token)
    assert client.post(submit_url(page), data).status_code == 200
    assert Aspiration.objects.count() == 1


@pytest.mark.parametrize("token", ["", "1:xyz:forged"])
def test_a_missing_or_broken_token_is_replaced_when_the_form_is_shown_again(
    page, form_data, client, monkeypatch, token
):
    response = client.post(submit_url(page), form_data(token=token))
    assert response.status_code == 400
    fresh = token_of(response)
    assert abuse.check_token(fresh, page.pk) == "too_fast"
    later(monkeypatch)
    assert client.post(submit_url(page), form_data(token=fresh)).status_code == 200


def test_a_good_token_keeps_its_age_when_the_form_is_shown_again(
    page, form_data, client
):
    data = form_data(consent=None)
    response = client.post(submit_url(page), data)
    assert response.status_code == 400
    # not a fresh one: that would make the corrected form "too fast"
    assert token_of(response) == data["token"]


# -- the form served from the page cache -----------------------------------------


def test_the_form_from_the_page_cache_accepts_a_person_and_refuses_the_honeypot(
    page, form_data, client, settings, monkeypatch
):
    """With the page cache on, every visitor gets the token minted when the
    page was cached: the minimum fill time counts from then (README), and
    the honeypot and the rate limit still hold."""
    from kim_cms import page_cache

    middleware = list(settings.MIDDLEWARE)
    locale = middleware.index("django.middleware.locale.LocaleMiddleware")
    middleware.insert(locale + 1, "kim_cms.page_cache.PageCacheMiddleware")
    settings.MIDDLEWARE = middleware
    first = client.get(page.url)
    cached = client.get(page.url)
    assert cached[page_cache.HEADER] == "hit"
    token = token_of(cached)
    assert token == token_of(first)
    later(monkeypatch)
    bot = form_data(token=token, website="http://spam.example")
    assert client.post(submit_url(page), bot).status_code == 400
    response = client.post(submit_url(page), form_data(token=token))
    assert response.status_code == 200
    [aspiration] = Aspiration.objects.all()
    assert aspiration.tracking_code in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    # the thank-you page is never what the next visitor gets
    again = client.get(page.url)
    assert again.status_code == 200 and 'name="token"' in again.content.decode()
    assert aspiration.tracking_code not in again.content.decode()


def test_submission_costs_few_queries(
    page, form_data, client, django_assert_max_num_queries
):
    data = form_data()
    # (one of them the warning banner every page shows, one the moderators
    # to e-mail)
    with django_assert_max_num_queries(22):
        assert client.post(submit_url(page), data).status_code == 200


def test_submit_endpoint_refuses_what_it_should(page, portal, client, form_data):
    assert client.get(submit_url(page)).status_code == 405
    url = reverse("kim_cms_aspirations:submit", args=[portal.pk])
    assert client.post(url, form_data()).status_code == 404
    url = reverse("kim_cms_aspirations:submit", args=[999999])
    assert client.post(url, form_data()).status_code == 404
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert client.post(submit_url(page), form_data()).status_code == 404
    page.unpublish()
    assert client.post(submit_url(page), form_data()).status_code == 404
    assert not Aspiration.objects.exists()


@pytest.fixture
def answered(page, region):
    aspiration = Aspiration.objects.create(
        page=page,
        form_data={"category": "pengaduan"},
        category="pengaduan",
        kecamatan=region["kecamatan"],
        message=MESSAGE,
        name=NAME,
        contact=CONTACT,
        consent_at=timezone.now(),
        status="dijawab",
        opd="Dinas PUPR",
        reply="Perbaikan jalan dijadwalkan bulan Mei.",
    )
    return aspiration


def test_status_lookup_by_code_reveals_no_personal_data(page, answered, client):
    url = page.url + "status/?kode=" + answered.tracking_code.lower()
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dijawab" in html
    assert "Dinas PUPR" in html
    assert "Perbaikan jalan dijadwalkan bulan Mei." in html
    for secret in (NAME, CONTACT, MESSAGE, "Kahayan Hilir"):
        assert secret not in html
    assert response["X-Robots-Tag"] == "noindex"
    # A tracking code is the sender's own: the page offers no way to share it.
    assert "wa.me" not in html and "kim-share" not in html


def test_status_of_a_new_message_shows_no_opd_or_reply(page, answered, client):
    answered.status = "baru"
    answered.save()
    html = client.get(page.url + "status/?kode=" + answered.tracking_code).content
    assert b"Dinas PUPR" not in html
    assert b"Perbaikan jalan" not in html


@pytest.mark.parametrize(
    "code, status", [("ZZZZZZZZZZ", 404), ("abc", 400), ("<script>!!", 400), ("", 200)]
)
def test_status_lookup_of_unknown_or_malformed_codes(
    page, answered, client, code, status
):
    response = client.get(page.url + "status/", {"kode": code})
    assert response.status_code == status
    assert b"<script>!!" not in response.content


def test_status_lookup_only_finds_codes_of_its_own_page(page, portal, answered, client):
    other = AspirationPage(title="Aspirasi lain", slug="aspirasi-lain")
    portal.add_child(instance=other)
    other.save_revision().publish()
    url = other.url + "status/?kode=" + answered.tracking_code
    assert client.get(url).status_code == 404


# -- who sees personal data -------------------------------------------------


@pytest.fixture
def moderator(portal):
    return make_user("moderator", Group.objects.get(name=MODERATORS_NAME))


@pytest.fixture
def editor(directory):
    from tests.factories_groups import KimGroupPageFactory

    group = KimGroupPageFactory(parent=directory, title="KIM Bahaur", slug="bahaur")
    return make_user("editor", editors_of(group))


def admin_urls(aspiration):
    return [
        reverse("kim_aspirations:index"),
        reverse("kim_aspirations:inspect", args=[aspiration.pk]),
        reverse("kim_aspirations:edit", args=[aspiration.pk]),
        reverse("kim_aspirations:delete", args=[aspiration.pk]),
        reverse("wagtailforms:list_submissions", args=[aspiration.page_id]),
    ]


def test_anonymous_is_sent_to_login(answered, client):
    for url in admin_urls(answered):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"]


def test_editors_are_refused(answered, client, editor):
    client.force_login(editor)
    for url in admin_urls(answered):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert NAME.encode() not in response.content
    forms = client.get(reverse("wagtailforms:index"))
    assert b"Aspirasi dan Pengaduan" not in forms.content


def test_moderators_see_and_answer(answered, client, moderator):
    client.force_login(moderator)
    inspect = client.get(reverse("kim_aspirations:inspect", args=[answered.pk]))
    assert inspect.status_code == 200
    assert NAME in inspect.content.decode()
    assert client.get(reverse("kim_aspirations:index")).status_code == 200
    response = client.post(
        reverse("kim_aspirations:edit", args=[answered.pk]),
        {"status": "selesai", "opd": "Dinas PUPR", "reply": "Sudah diperbaiki."},
    )
    assert response.status_code == 302
    answered.refresh_from_db()
    assert (answered.status, answered.reply) == ("selesai", "Sudah diperbaiki.")
    assert answered.name == NAME  # editing the status keeps the sender


def test_wagtail_submission_list_never_shows_personal_data(answered, client, moderator):
    client.force_login(moderator)
    response = client.get(
        reverse("wagtailforms:list_submissions", args=[answered.page_id])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert answered.tracking_code in html
    assert NAME not in html and CONTACT not in html


def test_moderators_cannot_add_in_admin(client, moderator):
    client.force_login(moderator)
    response = client.get(reverse("kim_aspirations:add"))
    assert response.status_code in (302, 403)


# -- retention --------------------------------------------------------------


def test_retention_erases_old_personal_data_only_once(answered, page, settings):
    settings.KIM_CMS_ASPIRATION_RETENTION_DAYS = 30
    old = Aspiration.objects.create(
        page=page,
        form_data={},
        message="Pesan lama",
        name="Budi",
        contact="budi@example.com",
        consent_at=timezone.now(),
    )
    Aspiration.objects.filter(pk=old.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=31)
    )
    out = StringIO()
    call_command("kim_cms_erase_aspirations", stdout=out)
    assert "1" in out.getvalue()
    old.refresh_from_db()
    answered.refresh_from_db()
    assert (old.name, old.contact) == ("", "")
    assert old.personal_data_erased_at is not None
    assert old.message == "Pesan lama"  # the message itself stays for statistics
    assert answered.name == NAME  # recent: kept
    erased_at = old.personal_data_erased_at
    out = StringIO()
    call_command("kim_cms_erase_aspirations", stdout=out)
    assert " 0 " in out.getvalue()
    old.refresh_from_db()
    assert old.personal_data_erased_at == erased_at


def test_retention_dry_run_changes_nothing(answered):
    Aspiration.objects.filter(pk=answered.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=400)
    )
    call_command("kim_cms_erase_aspirations", "--dry-run", stdout=StringIO())
    answered.refresh_from_db()
    assert answered.name == NAME


def test_personal_data_is_not_in_the_api(page, answered, client):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    assert NAME not in response.content.decode()
    assert CONTACT not in response.content.decode()
