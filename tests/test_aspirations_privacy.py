# ruff: noqa: F811 - the fixtures of test_aspirations, imported by name
"""Aspirations and the sender's privacy once a message is handled: an erased
sender stays unnamed on the public list of answers, a deleted message takes
its file with it."""

import datetime
import io
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kim_cms import page_cache
from kim_cms.aspirations.models import Aspiration
from tests.test_aspirations import (  # noqa: F401 - fixtures
    CONTACT,
    NAME,
    answered,
    moderator,
    page,
    region,
)
from tests.test_aspirations_handling import (
    PNG,
    answers_url,
    make_answered,
    private_files,
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
    response = admin.post(
        reverse("kim_aspirations_personal_data"),
        {"kontak": "0812 5555 0101", "action": "erase"},
    )
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
