# ruff: noqa: F811 - the fixtures of test_aspirations, imported by name
"""Aspirations once sent: the private attachment, the public list of
answers, one person's data exported and erased, the moderators' e-mail in
their own language, and a hoax report made into a draft clarification."""

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from kim_cms.aspirations.files import private_storage
from kim_cms.aspirations.models import Aspiration
from kim_cms.pages import HoaxClarificationPage
from kim_cms.wagtail_admin.roles import MODERATORS_NAME
from tests.factories_clarifications import HoaxClarificationIndexPageFactory
from tests.test_aspirations import (  # noqa: F401 - fixtures
    CONTACT,
    MESSAGE,
    NAME,
    answered,
    editor,
    form_data,
    moderator,
    page,
    region,
    submit_url,
)
from tests.test_moderation import make_user

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def refused(response):
    """Wagtail's admin answers a refused permission by a redirect to the
    dashboard (with a message), or a 403."""
    if response.status_code == 302:
        return "login" not in response["Location"]
    return response.status_code == 403


def private_files():
    root = Path(private_storage().location)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def media_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


# -- the attachment -----------------------------------------------------------------


def test_a_photo_is_stored_privately_under_a_name_nobody_can_guess(
    page, form_data, client, settings
):
    photo = SimpleUploadedFile("KTP Siti Rahmawati.png", PNG, "image/png")
    response = client.post(submit_url(page), form_data(attachment=photo))
    assert response.status_code == 200
    [aspiration] = Aspiration.objects.all()
    assert aspiration.attachment
    name = aspiration.attachment.name
    assert "Siti" not in name and "KTP" not in name
    assert name.endswith(".png") and len(Path(name).stem) >= 30
    [stored] = private_files()
    assert stored.read_bytes() == PNG
    # not in the public media folder
    assert not media_files(settings)
    assert not str(stored).startswith(str(Path(settings.MEDIA_ROOT).resolve()))


def test_a_pdf_is_accepted(page, form_data, client):
    document = SimpleUploadedFile("surat.pdf", PDF, "application/pdf")
    assert (
        client.post(submit_url(page), form_data(attachment=document)).status_code == 200
    )
    assert Aspiration.objects.get().attachment.name.endswith(".pdf")


@pytest.mark.parametrize(
    "filename, content",
    [
        ("virus.exe", b"MZ\x90\x00"),
        # an HTML page dressed as a photo
        ("foto.jpg", b"<html><script>alert(1)</script>"),
        ("laporan.docx", b"PK\x03\x04"),
    ],
)
def test_a_wrong_file_type_is_refused_with_a_clear_message_and_nothing_kept(
    page, form_data, client, settings, filename, content
):
    upload = SimpleUploadedFile(filename, content)
    response = client.post(submit_url(page), form_data(attachment=upload))
    assert response.status_code == 400
    assert "hanya foto" in response.content.decode().lower()
    assert not Aspiration.objects.exists()
    assert not private_files() and not media_files(settings)


def test_the_refusal_reads_in_english_on_the_english_page(
    page, form_data, client, settings
):
    from kim_cms.aspirations.files import validate_attachment

    with translation.override("en"):
        with pytest.raises(Exception) as refused:
            validate_attachment(SimpleUploadedFile("virus.exe", b"MZ"))
        assert "only a photo" in " ".join(refused.value.messages)
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10
        with pytest.raises(Exception) as refused:
            validate_attachment(SimpleUploadedFile("big.png", PNG))
        assert "more than the 10" in " ".join(refused.value.messages)


def test_a_file_too_big_is_refused_with_its_size_and_nothing_kept(
    page, form_data, client, settings
):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 50
    photo = SimpleUploadedFile("jalan.png", PNG, "image/png")
    response = client.post(submit_url(page), form_data(attachment=photo))
    assert response.status_code == 400
    html = response.content.decode()
    assert "lebih dari" in html and "50" in html
    assert not Aspiration.objects.exists()
    assert not private_files()


def test_a_refused_submission_keeps_no_file(page, form_data, client):
    photo = SimpleUploadedFile("jalan.png", PNG, "image/png")
    response = client.post(submit_url(page), form_data(attachment=photo, consent=None))
    assert response.status_code == 400
    assert not private_files()


def test_the_form_page_asks_for_a_file_and_stays_cacheable(page):
    client = Client(enforce_csrf_checks=True)
    response = client.get(page.url)
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file"' in html and 'accept=".jpg' in html
    assert not response.cookies


@pytest.fixture
def with_attachment(answered):
    answered.attachment.save("x.png", io.BytesIO(PNG), save=True)
    return answered


def test_only_moderators_download_the_attachment(
    with_attachment, client, editor, moderator
):
    url = reverse("kim_aspirations_attachment", args=[with_attachment.pk])
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(editor)
    response = client.get(url)
    assert refused(response) and PNG not in response.content
    client.force_login(moderator)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert "attachment" in response["Content-Disposition"]
    assert with_attachment.tracking_code in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]


def test_the_attachment_is_not_in_the_api(with_attachment, page, client):
    body = client.get(f"/api/v2/pages/{page.pk}/").content.decode()
    assert with_attachment.attachment.name not in body
    assert "attachment" not in body


# -- the public list of answers ------------------------------------------------------


def make_answered(page, number, public=True, status="dijawab"):
    return Aspiration.objects.create(
        page=page,
        form_data={},
        category="pertanyaan",
        message=f"Pertanyaan {number}: kapan jalan diperbaiki? Hubungi {CONTACT} "
        f"atau siti@example.com. Salam, {NAME}",
        name=NAME,
        contact=CONTACT,
        consent_at=timezone.now(),
        status=status,
        opd="Dinas PUPR",
        reply=f"Jawaban {number}: perbaikan dijadwalkan bulan Mei.",
        replied_at=timezone.now(),
        is_public=public,
    )


def answers_url(page):
    return page.url + "dijawab/"


def test_the_public_list_shows_question_and_answer_without_personal_data(page, client):
    make_answered(page, 1)
    make_answered(page, 2, public=False)
    make_answered(page, 3, status="baru")
    response = client.get(answers_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pertanyaan 1: kapan jalan diperbaiki?" in html
    assert "Jawaban 1: perbaikan dijadwalkan bulan Mei." in html
    assert "Pertanyaan 2" not in html and "Pertanyaan 3" not in html
    for secret in (NAME, "Siti", "Rahmawati", CONTACT, "5555", "siti@example.com"):
        assert secret not in html
    assert not response.cookies
    # the form page shows the latest answers too, as anonymous
    form_html = client.get(page.url).content.decode()
    assert "Jawaban 1" in form_html and CONTACT not in form_html
    assert NAME not in form_html


def test_the_moderators_wording_of_the_question_wins(page, client):
    answer = make_answered(page, 1)
    answer.public_question = "Kapan jalan desa diperbaiki?"
    answer.save()
    html = client.get(answers_url(page)).content.decode()
    assert "Kapan jalan desa diperbaiki?" in html
    assert "Pertanyaan 1" not in html


def test_the_public_list_is_paginated_with_constant_queries(
    page, client, settings, django_assert_max_num_queries
):
    settings.KIM_CMS_PAGE_SIZE = 5
    for number in range(3):
        make_answered(page, number)
    with django_assert_max_num_queries(20) as few:
        assert client.get(answers_url(page)).status_code == 200
    for number in range(3, 14):
        make_answered(page, number)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(answers_url(page))
    assert response.status_code == 200
    assert response.content.decode().count('class="kim-answer"') == 5
    assert client.get(answers_url(page) + "?page=3").status_code == 200
    for bad in ("4", "abc", "-1"):
        assert client.get(answers_url(page) + "?page=" + bad).status_code == 404


def test_the_public_list_of_an_empty_page(page, client):
    response = client.get(answers_url(page))
    assert response.status_code == 200
    assert "Belum ada jawaban" in response.content.decode()


# -- one person's data ------------------------------------------------------------------


def personal_post(client, **data):
    """A moderator's request to the personal-data page: always a POST."""
    return client.post(reverse("kim_aspirations_personal_data"), data)


def test_only_moderators_see_export_or_erase_personal_data(
    with_attachment, client, editor
):
    code = with_attachment.tracking_code
    requests = [{"kode": code}, {"kode": code, "action": "json"}]
    requests += [
        {"kontak": CONTACT, "action": "csv"},
        {"kode": code, "action": "erase"},
    ]
    response = client.get(reverse("kim_aspirations_personal_data"))
    assert response.status_code == 302 and "login" in response["Location"]
    for data in requests:
        response = personal_post(client, **data)
        assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(editor)
    assert refused(client.get(reverse("kim_aspirations_personal_data")))
    for data in requests:
        response = personal_post(client, **data)
        assert refused(response)
        assert NAME.encode() not in response.content
    with_attachment.refresh_from_db()
    assert with_attachment.name == NAME and with_attachment.attachment


def test_a_moderator_exports_one_persons_data_as_json_and_csv(
    answered, page, client, moderator
):
    other = Aspiration.objects.create(
        page=page,
        form_data={},
        message="Pesan orang lain",
        name="Budi",
        contact="budi@example.com",
        consent_at=timezone.now(),
    )
    client.force_login(moderator)
    response = personal_post(client, kode=answered.tracking_code, action="json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    [row] = data["aspirations"]
    assert (row["name"], row["contact"], row["message"]) == (NAME, CONTACT, MESSAGE)
    assert row["kecamatan"] == "Kahayan Hilir"
    # by contact: every message of that person, nobody else's, however the
    # number is written
    response = personal_post(client, kontak="0812-5555-0101", action="csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [r["tracking_code"] for r in rows] == [answered.tracking_code]
    assert other.tracking_code not in response.content.decode()
    # a phone number read as a formula by spreadsheets is neutralised
    assert rows[0]["contact"] == "'" + CONTACT
    by_mail = personal_post(client, kontak="BUDI@example.com", action="json")
    [row] = json.loads(by_mail.content)["aspirations"]
    assert row["tracking_code"] == other.tracking_code
    page_html = personal_post(client, kode=answered.tracking_code).content.decode()
    assert answered.tracking_code in page_html
    assert personal_post(client, kode="ZZZ").status_code == 200
    assert personal_post(client, kode="x", action="xml").status_code == 400
    assert personal_post(client, action="json").status_code == 400


def test_erasure_clears_the_personal_fields_and_the_file(
    with_attachment, client, moderator
):
    stored = Path(with_attachment.attachment.path)
    assert stored.exists()
    client.force_login(moderator)
    response = personal_post(client, kode=with_attachment.tracking_code, action="erase")
    assert response.status_code == 302
    assert response["Location"] == reverse("kim_aspirations_personal_data")
    with_attachment.refresh_from_db()
    assert (with_attachment.name, with_attachment.contact) == ("", "")
    assert not with_attachment.attachment
    assert with_attachment.personal_data_erased_at is not None
    assert not stored.exists() and not private_files()
    # the anonymised message and its answer stay
    assert with_attachment.message == MESSAGE
    assert with_attachment.reply
    url = reverse("kim_aspirations_attachment", args=[with_attachment.pk])
    assert client.get(url).status_code == 404
    assert personal_post(client, action="erase").status_code == 400


def test_retention_erases_the_attachment_too(with_attachment, settings):
    from django.core.management import call_command

    Aspiration.objects.filter(pk=with_attachment.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=800)
    )
    call_command("kim_cms_erase_aspirations", stdout=io.StringIO())
    with_attachment.refresh_from_db()
    assert not with_attachment.attachment and not private_files()


# -- the moderators' e-mail ------------------------------------------------------------


def test_moderators_are_emailed_in_their_own_language_without_personal_data(
    page, form_data, client, portal
):
    moderators = Group.objects.get(name=MODERATORS_NAME)
    make_user("moderator_id", moderators, language="id")
    make_user("moderator_en", moderators, language="en")
    make_user("someone_else", language="en")
    mail.outbox.clear()
    photo = SimpleUploadedFile("jalan.png", PNG, "image/png")
    assert client.post(submit_url(page), form_data(attachment=photo)).status_code == 200
    aspiration = Aspiration.objects.get()
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {"moderator_id@example.com", "moderator_en@example.com"}
    english, indonesian = (
        sent["moderator_en@example.com"],
        sent["moderator_id@example.com"],
    )
    assert "New message from a citizen: Complaint" in english.subject
    assert "Pesan baru dari warga: Pengaduan" in indonesian.subject
    inspect = reverse("kim_aspirations:inspect", args=[aspiration.pk])
    for message in (english, indonesian):
        assert aspiration.tracking_code in message.subject
        assert "http://testserver" + inspect in message.body
        assert "Kahayan Hilir" in message.body
        for secret in (NAME, CONTACT, MESSAGE, aspiration.attachment.name):
            assert secret not in message.body and secret not in message.subject
    assert "Read and answer it in the admin" in english.body
    assert "Baca dan jawab di admin" in indonesian.body


def test_a_failing_mail_server_does_not_lose_the_message(
    page, form_data, client, portal, settings, caplog
):
    settings.EMAIL_BACKEND = "tests.test_aspirations_handling.BrokenBackend"
    make_user("moderator_id", Group.objects.get(name=MODERATORS_NAME))
    assert client.post(submit_url(page), form_data()).status_code == 200
    assert Aspiration.objects.count() == 1
    # the log says which message, never what it says or who sent it
    logged = caplog.text
    assert Aspiration.objects.get().tracking_code in logged
    for secret in (NAME, CONTACT, MESSAGE):
        assert secret not in logged


def test_personal_data_is_not_found_by_the_portal_search(answered, client):
    for query in ("Siti", "Rahmawati", "Jalan desa rusak", "5555"):
        response = client.get("/cari/", {"q": query})
        assert response.status_code == 200
        html = response.content.decode()
        assert NAME not in html and CONTACT not in html
        assert answered.tracking_code not in html


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def open(self):
        raise ConnectionRefusedError

    def close(self):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError


# -- a hoax report to a draft clarification -------------------------------------------


@pytest.fixture
def hoax_report(page, region):
    return Aspiration.objects.create(
        page=page,
        form_data={"category": "hoaks"},
        category="hoaks",
        kecamatan=region["kecamatan"],
        message=(
            "Beredar pesan di grup WA: vaksin campak mengandung chip pelacak.\n"
            f"Saya {NAME}, hubungi saya di {CONTACT}."
        ),
        name=NAME,
        contact=CONTACT,
        consent_at=timezone.now(),
    )


@pytest.fixture
def clarification_index(portal):
    return HoaxClarificationIndexPageFactory(parent=portal)


def clarification_url(aspiration):
    return reverse("kim_aspirations_make_clarification", args=[aspiration.pk])


def test_a_moderator_turns_a_hoax_report_into_a_draft_clarification(
    hoax_report, clarification_index, client, moderator
):
    client.force_login(moderator)
    inspect = client.get(reverse("kim_aspirations:inspect", args=[hoax_report.pk]))
    assert clarification_url(hoax_report) in inspect.content.decode()
    response = client.post(clarification_url(hoax_report))
    assert response.status_code == 302
    [draft] = HoaxClarificationPage.objects.all()
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert not draft.live and draft.has_unpublished_changes
    assert draft.get_parent().pk == clarification_index.pk
    assert "vaksin campak mengandung chip pelacak" in draft.claim
    for secret in (NAME, "Siti", CONTACT, "5555"):
        assert secret not in draft.claim and secret not in draft.title
    assert draft.title.startswith("Klarifikasi:")
    hoax_report.refresh_from_db()
    assert hoax_report.clarification_id == draft.pk
    assert hoax_report.name == NAME  # the report itself is unchanged
    # a second click opens the same draft
    again = client.post(clarification_url(hoax_report))
    assert again["Location"] == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert HoaxClarificationPage.objects.count() == 1
    # the public never sees a draft
    client.logout()
    assert client.get(draft.get_url() or "/nothing/").status_code == 404


def test_only_moderators_make_clarifications(
    hoax_report, clarification_index, client, editor
):
    url = clarification_url(hoax_report)
    response = client.post(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(editor)
    assert refused(client.post(url))
    assert client.get(url).status_code == 405
    assert not HoaxClarificationPage.objects.exists()


def test_only_hoax_reports_become_clarifications(
    answered, clarification_index, client, moderator
):
    client.force_login(moderator)
    response = client.post(clarification_url(answered))
    assert response.status_code == 302
    assert not HoaxClarificationPage.objects.exists()


def test_without_a_clarification_index_nothing_is_made(hoax_report, client, moderator):
    client.force_login(moderator)
    response = client.post(clarification_url(hoax_report))
    assert response.status_code == 302
    assert not HoaxClarificationPage.objects.exists()
    hoax_report.refresh_from_db()
    assert hoax_report.clarification_id is None


def test_the_admin_list_leads_moderators_to_personal_data_requests(
    answered, client, moderator
):
    client.force_login(moderator)
    html = client.get(reverse("kim_aspirations:index")).content.decode()
    assert reverse("kim_aspirations_personal_data") in html
    assert "Permintaan data pribadi" in html


@pytest.mark.parametrize(
    "text, kept, gone",
    [
        ("Hubungi 0812-5555-0101 ya", "Hubungi", "5555"),
        ("WA +62 812 5555 0101.", "WA", "5555"),
        ("NIK 6211012345678901", "NIK", "6211012345678901"),
        ("Tulis ke budi.s@desa.id", "Tulis ke", "budi.s@desa.id"),
        ("<b>Vaksin</b> berisi chip", "Vaksin berisi chip", "<b>"),
    ],
)
def test_anonymised_text_removes_contacts_and_markup(text, kept, gone):
    from kim_cms.aspirations.anonymise import anonymised_text

    result = anonymised_text(text)
    assert kept in result and gone not in result


def test_anonymised_text_keeps_dates_and_sums():
    from kim_cms.aspirations.anonymise import anonymised_text

    text = "Sejak 2024-05-01 harga pupuk Rp 1.500.000 per karung."
    assert anonymised_text(text) == text
    with translation.override("en"):
        removed = anonymised_text("Saya Siti dari Bahaur", name="Siti Rahmawati")
    assert removed == "Saya [removed] dari Bahaur"
    with translation.override("id"):
        removed = anonymised_text("Saya Siti dari Bahaur", name="Siti Rahmawati")
    assert removed == "Saya [dihapus] dari Bahaur"


def test_an_answer_made_public_shows_at_once_with_the_page_cache_on(
    page, client, settings
):
    """The public list is kept in the page cache; a moderator's choice to
    publish an answer (a saved submission) starts a new generation."""
    from kim_cms import page_cache

    middleware = list(settings.MIDDLEWARE)
    locale = middleware.index("django.middleware.locale.LocaleMiddleware")
    middleware.insert(locale + 1, "kim_cms.page_cache.PageCacheMiddleware")
    settings.MIDDLEWARE = middleware
    answer = make_answered(page, 1, public=False)
    client.get(answers_url(page))
    response = client.get(answers_url(page))
    assert response[page_cache.HEADER] == "hit"
    assert "Pertanyaan 1" not in response.content.decode()
    answer.is_public = True
    answer.save()
    response = client.get(answers_url(page))
    assert response[page_cache.HEADER] == "miss"
    assert "Pertanyaan 1: kapan jalan diperbaiki?" in response.content.decode()
