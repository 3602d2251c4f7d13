# ruff: noqa: F811 - the fixtures of test_aspirations, imported by name
"""Aspirations and the sender's privacy once a message is handled: an erased
sender stays unnamed on the public list of answers, a deleted message takes
its file with it, a contact never travels in an address, and who may see
the history, usage and deletion screens of messages."""

import datetime
import io
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from kim_cms import page_cache
from kim_cms.aspirations.models import Aspiration
from tests.test_aspirations import (  # noqa: F401 - fixtures
    CONTACT,
    NAME,
    answered,
    editor,
    moderator,
    page,
    region,
)
from tests.test_aspirations_handling import (
    PNG,
    answers_url,
    make_answered,
    personal_post,
    private_files,
    refused,
)

pytestmark = pytest.mark.django_db

#: What names or reaches the sender of ``make_answered``'s messages.
SECRETS = (NAME, "Siti", "Rahmawati", CONTACT, "5555", "siti@example.com")


@pytest.fixture
def cached(settings):
    """The page cache on, as in production."""
    middleware = list(settings.MIDDLEWARE)
    locale = middleware.index("django.middleware.locale.LocaleMiddleware")
    middleware.insert(locale + 1, "kim_cms.page_cache.PageCacheMiddleware")
    settings.MIDDLEWARE = middleware


def public_answers(page):
    """Two public answers whose texts name the sender: one shows the
    message, one the moderator's wording of the question."""
    first = make_answered(page, 1)
    second = make_answered(page, 2)
    second.public_question = (
        f"Bu {NAME} ({CONTACT}) bertanya: kapan jembatan diperbaiki?"
    )
    second.save()
    return first, second


def assert_unnamed(html):
    for secret in SECRETS:
        assert secret not in html, secret


# -- erasure keeps the sender unnamed in public ----------------------------------


def test_retention_erasure_keeps_the_name_out_of_the_public_answers(
    page, client, cached
):
    first, second = public_answers(page)
    Aspiration.objects.filter(pk__in=[first.pk, second.pk]).update(
        submit_time=timezone.now() - datetime.timedelta(days=400)
    )
    client.get(answers_url(page))
    assert client.get(answers_url(page))[page_cache.HEADER] == "hit"
    out = StringIO()
    call_command("kim_cms_erase_aspirations", stdout=out)
    assert "2 aspiration(s)" in out.getvalue()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.name, first.contact) == ("", "")
    # the texts themselves no longer name the sender, in the page's language
    for text in (first.message, second.public_question):
        assert_unnamed(text)
        assert "[dihapus]" in text
    assert first.message.startswith("Pertanyaan 1: kapan jalan diperbaiki?")
    # the command's bulk update starts a new generation of the page cache
    response = client.get(answers_url(page))
    assert response[page_cache.HEADER] == "miss"
    html = response.content.decode()
    assert "Pertanyaan 1: kapan jalan diperbaiki?" in html
    assert "bertanya: kapan jembatan diperbaiki?" in html
    assert "Jawaban 1" in html and "Jawaban 2" in html
    assert_unnamed(html)
    assert_unnamed(client.get(page.url).content.decode())


def test_a_moderators_erasure_keeps_the_name_out_of_the_public_answers(
    page, client, moderator, cached
):
    first, second = public_answers(page)
    client.get(answers_url(page))
    admin = Client()
    admin.force_login(moderator)
    response = personal_post(admin, kontak="0812 5555 0101", action="erase")
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.personal_data_erased_at is not None and not first.name
    html = client.get(answers_url(page)).content.decode()
    assert "Pertanyaan 1: kapan jalan diperbaiki?" in html
    assert "bertanya: kapan jembatan diperbaiki?" in html
    assert_unnamed(html)
    assert_unnamed(client.get(page.url).content.decode())


def test_the_retention_run_leaves_the_page_cache_alone_when_nothing_public_changed(
    page, answered, client, cached
):
    Aspiration.objects.filter(pk=answered.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=400)
    )
    client.get(answers_url(page))
    call_command("kim_cms_erase_aspirations", stdout=StringIO())
    answered.refresh_from_db()
    assert not answered.name
    assert client.get(answers_url(page))[page_cache.HEADER] == "hit"


# -- a deleted message takes its file with it ------------------------------------


@pytest.fixture
def with_attachment(answered):
    answered.attachment.save("x.png", io.BytesIO(PNG), save=True)
    stored = Path(answered.attachment.path)
    assert stored.exists()
    return answered


def test_deleting_a_message_deletes_its_file(
    with_attachment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with_attachment.delete()
    assert not private_files()


def test_a_deletion_rolled_back_keeps_the_file(
    with_attachment, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        Aspiration.objects.filter(pk=with_attachment.pk).delete()
        raise RuntimeError
    assert Aspiration.objects.filter(pk=with_attachment.pk).exists()
    assert len(private_files()) == 1


def test_a_moderator_deleting_a_message_in_the_admin_deletes_its_file(
    with_attachment, client, moderator, django_capture_on_commit_callbacks
):
    client.force_login(moderator)
    url = reverse("kim_aspirations:delete", args=[with_attachment.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert not Aspiration.objects.exists()
    assert not private_files()


def test_wagtails_delete_submissions_deletes_the_files(
    with_attachment, page, client, moderator, django_capture_on_commit_callbacks
):
    other = make_answered(page, 2)
    other.attachment.save("y.png", io.BytesIO(PNG), save=True)
    kept = make_answered(page, 3)
    kept.attachment.save("z.png", io.BytesIO(PNG), save=True)
    assert len(private_files()) == 3
    client.force_login(moderator)
    url = reverse("wagtailforms:delete_submissions", args=[page.pk])
    query = (
        f"?selected-submissions={with_attachment.pk}&selected-submissions={other.pk}"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url + query).status_code == 302
    assert list(Aspiration.objects.all()) == [kept]
    assert [p.name for p in private_files()] == [Path(kept.attachment.name).name]


def test_deleting_the_aspirations_page_deletes_the_files(
    with_attachment, page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert not Aspiration.objects.exists()
    assert not private_files()


# -- a contact never travels in an address ---------------------------------------

URL_ATTRIBUTE = re.compile(r'(?:href|action|src|formaction)="([^"]*)"')


def urls_of(response):
    """Every address a response holds: its links, form actions, sources and
    where it redirects."""
    urls = URL_ATTRIBUTE.findall(response.content.decode(errors="replace"))
    if response.get("Location"):
        urls.append(response["Location"])
    return urls


def assert_no_contact_in(urls, *contacts):
    for url in urls:
        for contact in contacts:
            assert contact.lower() not in url.lower(), url
        assert "kontak" not in url, url


def test_the_lookup_by_contact_is_a_post_and_no_address_holds_the_contact(
    answered, page, client, moderator
):
    mail = Aspiration.objects.create(
        page=page,
        form_data={},
        message="Pesan Budi",
        name="Budi",
        contact="budi@example.com",
        consent_at=timezone.now(),
    )
    client.force_login(moderator)
    secrets = ("0812-5555-0101", "5555", "budi@example.com", "budi%40example.com")
    responses = [
        client.get(reverse("kim_aspirations:inspect", args=[answered.pk])),
        client.get(reverse("kim_aspirations_personal_data")),
        personal_post(client, kontak="0812-5555-0101"),
        personal_post(client, kontak="budi@example.com"),
        personal_post(client, kontak="budi@example.com", action="json"),
        personal_post(client, kontak="0812-5555-0101", action="csv"),
        personal_post(client, kontak="budi@example.com", action="erase"),
    ]
    found_phone, found_mail = responses[2], responses[3]
    assert answered.tracking_code in found_phone.content.decode()
    assert mail.tracking_code in found_mail.content.decode()
    # the export and erase buttons post the lookup in the form's body
    assert 'value="budi@example.com"' in found_mail.content.decode()
    assert 'name="action"' in found_mail.content.decode()
    for response in responses:
        assert response.status_code in (200, 302)
        assert_no_contact_in(urls_of(response), *secrets)
    assert "budi" not in responses[-1]["Location"]
    mail.refresh_from_db()
    assert not mail.contact


def test_a_get_with_a_contact_in_the_address_looks_nothing_up(
    answered, client, moderator
):
    client.force_login(moderator)
    url = reverse("kim_aspirations_personal_data")
    for query in (
        {"kontak": "0812-5555-0101"},
        {"kontak": "0812-5555-0101", "format": "json"},
        {"kode": answered.tracking_code, "format": "csv"},
    ):
        response = client.get(url, query)
        assert response.status_code == 200
        assert "Content-Disposition" not in response
        html = response.content.decode()
        assert answered.tracking_code not in html
        assert "0812-5555-0101" not in html and NAME not in html
    answered.refresh_from_db()
    assert answered.name == NAME


def test_the_lookup_needs_the_csrf_token(answered, moderator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    response = personal_post(client, kontak=CONTACT, action="erase")
    assert response.status_code == 403
    answered.refresh_from_db()
    assert answered.name == NAME


def test_only_moderators_look_up_a_contact(answered, client, editor):
    response = personal_post(client, kontak=CONTACT)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(editor)
    response = personal_post(client, kontak=CONTACT)
    assert refused(response)
    assert answered.tracking_code.encode() not in response.content


# -- who sees the history, usage and deletion of messages ------------------------


def screens(aspiration):
    return [
        reverse("kim_aspirations:history", args=[aspiration.pk]),
        reverse("kim_aspirations:usage", args=[aspiration.pk]),
        reverse("kim_aspirations:delete", args=[aspiration.pk]),
        reverse("wagtailforms:delete_submissions", args=[aspiration.page_id])
        + f"?selected-submissions={aspiration.pk}",
    ]


def test_nobody_copies_a_message(answered):
    # nobody adds a message in the admin: there is no copy screen either
    with pytest.raises(NoReverseMatch):
        reverse("kim_aspirations:copy", args=[answered.pk])


def test_anonymous_visitors_are_sent_to_login(answered, client):
    for url in screens(answered):
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 302, url
            assert "login" in response["Location"], url
    assert Aspiration.objects.filter(pk=answered.pk).exists()


def test_editors_are_refused_history_usage_and_deletion(answered, client, editor):
    client.force_login(editor)
    for url in screens(answered):
        for response in (client.get(url), client.post(url)):
            assert refused(response), url
            assert NAME.encode() not in response.content
    assert Aspiration.objects.filter(pk=answered.pk).exists()


def test_moderators_see_history_and_usage_and_delete(answered, client, moderator):
    client.force_login(moderator)
    history, usage, delete, delete_submissions = screens(answered)
    assert client.get(history).status_code == 200
    assert client.get(usage).status_code == 200
    assert client.get(delete).status_code == 200
    assert client.get(delete_submissions).status_code == 200
    assert client.post(delete).status_code == 302
    assert not Aspiration.objects.filter(pk=answered.pk).exists()


def test_moderators_delete_through_wagtails_submissions(answered, client, moderator):
    client.force_login(moderator)
    *_, delete_submissions = screens(answered)
    assert client.post(delete_submissions).status_code == 302
    assert not Aspiration.objects.exists()
