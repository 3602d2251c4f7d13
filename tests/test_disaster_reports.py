"""KIM disaster reports (Laporan KIM): activity reports that tell of a hazard
show on the warnings and the guide of that hazard, and a group editor files
one from the dashboard in three fields, for Diskominfo to review."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import reset_queries
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction, WorkflowState
from wagtail.users.models import UserProfile

from kim_cms.pages import KimActivityPage
from kim_cms.wagtail_admin.roles import MODERATORS_NAME, KimRole
from tests.factories import DesaFactory, ImageFactory, KecamatanFactory
from tests.factories_groups import KimActivityPageFactory, KimGroupPageFactory
from tests.factories_warnings import (
    HazardFactory,
    make_guide,
    make_warning,
    make_warning_index,
)

pytestmark = pytest.mark.django_db

User = get_user_model()
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def jabiren():
    return KecamatanFactory(name="Jabiren Raya")


@pytest.fixture
def garung(jabiren):
    return DesaFactory(name="Garung", kecamatan=jabiren)


@pytest.fixture
def hazard():
    return HazardFactory()


@pytest.fixture
def index(portal):
    return make_warning_index(portal)


@pytest.fixture
def group(directory, garung):
    return KimGroupPageFactory(
        parent=directory, title="KIM Garung Bersatu", slug="garung"
    )


def report(group, hazard, desa, seen, title="Api di lahan gambut Garung", **kw):
    kw.setdefault("summary", "Api terlihat di lahan gambut dekat sekolah.")
    return KimActivityPageFactory(
        parent=group,
        title=title,
        hazard=hazard,
        hazard_desa=desa,
        observed_at=seen,
        **kw,
    )


# -- the model -------------------------------------------------------------------


def test_a_disaster_report_needs_its_desa_and_time(group, hazard):
    page = KimActivityPage(
        title="Api", slug="api", date=datetime.date(2026, 8, 1), summary="Api."
    )
    page.hazard = hazard
    with translation.override("id"):
        with pytest.raises(ValidationError) as raised:
            page.clean()
        assert "Pilih desa tempat kejadian." in raised.value.messages
    with translation.override("en"):
        with pytest.raises(ValidationError) as raised:
            page.clean()
        assert "Say when the group saw it." in raised.value.message_dict["observed_at"]


def test_a_desa_without_a_hazard_is_refused(garung):
    page = KimActivityPage(
        title="Api", slug="api", date=datetime.date(2026, 8, 1), summary="Api."
    )
    page.hazard_desa = garung
    with translation.override("en"):
        with pytest.raises(ValidationError) as raised:
            page.clean()
        assert "Choose the hazard" in raised.value.message_dict["hazard"][0]


def test_time_shows_on_the_district_clock(group, hazard, garung):
    seen = datetime.datetime(2026, 8, 3, 1, 30, tzinfo=datetime.UTC)
    page = report(group, hazard, garung, seen)
    with translation.override("id"):
        assert page.get_observed_at_display() == "Senin, 3 Agustus 2026, 08.30 WIB"


# -- on the warning and the guide ------------------------------------------------


def test_warning_lists_reports_of_its_hazard_area_and_time(
    client, index, group, hazard, garung, jabiren
):
    warning = make_warning(index, hazard=hazard, kecamatan=[jabiren])
    now = timezone.now()
    report(group, hazard, garung, now - HOUR, title="Api di Garung pagi ini")
    report(group, hazard, garung, now - 5 * HOUR, title="Asap di Garung kemarin")
    elsewhere = DesaFactory(name="Bahaur", kecamatan=KecamatanFactory(name="Maliku"))
    report(group, hazard, elsewhere, now - HOUR, title="Api di Bahaur")
    flood = HazardFactory(name="Banjir", slug="banjir", cap_category="Met")
    report(group, flood, garung, now - HOUR, title="Air naik di Garung")
    report(group, hazard, garung, now - 30 * 24 * HOUR, title="Api bulan lalu")
    report(group, hazard, garung, now - HOUR, title="Draf api", live=False)

    html = client.get(warning.url).content.decode()

    assert "Laporan KIM" in html
    assert html.index("Api di Garung pagi ini") < html.index("Asap di Garung kemarin")
    assert "KIM Garung Bersatu" in html
    for absent in ("Api di Bahaur", "Air naik di Garung", "Api bulan lalu", "Draf"):
        assert absent not in html


def test_the_reports_and_guides_of_a_warning_and_a_guide_are_kept_until_a_change(
    client, index, group, hazard, garung, jabiren, admin_client
):
    """``{% kim_kept page %}``: a warning's guides and KIM reports, and a
    guide's reports, are read once per generation; a new report shows at
    once; a preview is rendered afresh."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    warning = make_warning(index, hazard=hazard, kecamatan=[jabiren])
    guide = make_guide(index, "Panduan karhutla", hazard=hazard)
    now = timezone.now()
    report(group, hazard, garung, now - HOUR, title="Api di Garung pagi ini")

    def read(page):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(page.url).content.decode()
        activity = connection.ops.quote_name("kim_cms_kimactivitypage")
        guides = connection.ops.quote_name("kim_cms_preparednessguidepage")
        # the reports, and the guides listed (not the page's own row)
        read_rows = [
            q
            for q in queries
            if f"FROM {activity}" in q["sql"]
            or (f"FROM {guides}" in q["sql"] and "ORDER BY" in q["sql"])
        ]
        return html, len(read_rows)

    for page in (warning, guide):
        first, _ = read(page)
        assert "Api di Garung pagi ini" in first
        again, rows_read = read(page)
        assert (again, rows_read) == (first, 0)
    assert "Panduan karhutla" in read(warning)[0]  # the warning's guides
    report(group, hazard, garung, now - 2 * HOUR, title="Asap di Garung")
    for page in (warning, guide):
        assert "Asap di Garung" in read(page)[0]
    preview = admin_client.get(
        reverse("wagtailadmin_pages:view_draft", args=[warning.pk])
    )
    assert "Asap di Garung" in preview.content.decode()


def test_a_report_seen_shortly_before_the_warning_belongs_to_it(
    client, index, group, hazard, garung, jabiren
):
    now = timezone.now()
    warning = make_warning(
        index, hazard=hazard, kecamatan=[jabiren], valid_from=now - HOUR
    )
    report(group, hazard, garung, now - 3 * HOUR, title="Titik api sebelum siaga")
    assert "Titik api sebelum siaga" in client.get(warning.url).content.decode()


def test_a_private_report_stays_off(client, index, group, hazard, garung, jabiren):
    warning = make_warning(index, hazard=hazard, kecamatan=[jabiren])
    private = report(group, hazard, garung, timezone.now() - HOUR, title="Rahasia")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    html = client.get(warning.url).content.decode()
    assert "Rahasia" not in html
    assert "Laporan KIM" not in html


def test_guide_lists_the_newest_reports_of_its_hazard_in_english(
    client, index, group, hazard, garung, settings
):
    settings.KIM_CMS_DISASTER_REPORT_COUNT = 2
    guide = make_guide(index, hazard=hazard)
    now = timezone.now()
    for days in (1, 2, 3):
        report(
            group,
            hazard,
            garung,
            now - days * 24 * HOUR,
            title=f"Laporan {days} hari lalu",
        )
    html = client.get(guide.url).content.decode()
    assert "Laporan KIM" in html
    assert "Laporan 1 hari lalu" in html and "Laporan 2 hari lalu" in html
    assert "Laporan 3 hari lalu" not in html
    with translation.override("en"):
        from django.utils.translation import gettext

        assert gettext("KIM reports") == "KIM reports"


def test_reports_cost_the_same_queries_however_many(
    client, index, group, hazard, garung, jabiren, django_assert_max_num_queries
):
    warning = make_warning(index, hazard=hazard, kecamatan=[jabiren])
    guide = make_guide(index, hazard=hazard)
    now = timezone.now()

    def add(count, start):
        for number in range(start, start + count):
            report(
                group,
                hazard,
                garung,
                now - number * HOUR,
                title=f"Laporan nomor {number}",
                cover_image=ImageFactory(),
            )

    def measure(url):
        client.get(url)  # warm caches
        reset_queries()  # the log is bounded: counts need it short
        with django_assert_max_num_queries(60) as counted:
            html = client.get(url).content.decode()
        return len(counted), html

    add(1, 1)
    warning_queries, _html = measure(warning.url)
    guide_queries, _html = measure(guide.url)
    add(4, 2)
    queries, html = measure(warning.url)
    assert html.count('class="kim-card kim-report"') == 5
    assert queries == warning_queries
    queries, html = measure(guide.url)
    assert html.count('class="kim-card kim-report"') == 5
    assert queries == guide_queries


# -- filing a report -------------------------------------------------------------


def make_user(username, *groups, language="id", **kw):
    user = User.objects.create_user(username, f"{username}@example.com", "x", **kw)
    user.groups.add(*groups)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def editors_of(group_page):
    return KimRole.objects.get(translation_key=group_page.translation_key).group


@pytest.fixture
def other_group(directory):
    return KimGroupPageFactory(parent=directory, title="KIM Maliku", slug="maliku")


def file_url(group):
    return reverse("kim_cms_file_disaster_report", args=[group.pk])


def test_editor_files_a_report_that_waits_for_review(
    client, group, hazard, garung, index
):
    editor = make_user("editor", editors_of(group))
    client.force_login(editor)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert file_url(group) in page
    assert "Laporkan bencana" in page

    form = client.get(file_url(group))
    assert form.status_code == 200
    response = client.post(
        file_url(group),
        {
            "hazard": hazard.pk,
            "desa": garung.pk,
            "text": "Api membakar lahan gambut di belakang SDN Garung.",
            "photo": ImageFactory.build().file,
        },
    )
    filed = KimActivityPage.objects.get(hazard=hazard)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[filed.pk])
    assert filed.get_parent().pk == group.pk
    assert not filed.live
    assert filed.title == "Kebakaran hutan dan lahan di Desa Garung"
    assert filed.hazard_desa == garung
    assert filed.summary.startswith("Api membakar")
    assert abs(filed.observed_at - timezone.now()) < datetime.timedelta(minutes=5)
    assert filed.cover_image is not None
    assert filed.cover_image.collection_id == (
        KimRole.objects.get(translation_key=group.translation_key).collection_id
    )
    state = WorkflowState.objects.get(object_id=str(filed.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor


def test_anonymous_is_refused(client, group):
    response = client.get(file_url(group))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
    client.post(file_url(group), {"text": "x"})
    assert not KimActivityPage.objects.exists()


def test_an_editor_of_another_group_is_refused(
    client, group, other_group, hazard, garung
):
    client.force_login(make_user("editor_b", editors_of(other_group)))
    home = reverse("wagtailadmin_home")
    # Wagtail's admin answers PermissionDenied with its home page and a message.
    response = client.get(file_url(group))
    assert (response.status_code, response["Location"]) == (302, home)
    response = client.post(
        file_url(group), {"hazard": hazard.pk, "desa": garung.pk, "text": "Api."}
    )
    assert (response.status_code, response["Location"]) == (302, home)
    assert not KimActivityPage.objects.exists()
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert file_url(group) not in page


def test_a_page_that_is_not_a_group_is_not_found(admin_client, portal):
    assert admin_client.get(file_url(portal)).status_code == 404


def test_a_moderator_may_file_for_any_group(client, group, hazard, garung):
    from django.contrib.auth.models import Group

    moderator = make_user("moderator", Group.objects.get(name=MODERATORS_NAME))
    client.force_login(moderator)
    response = client.post(
        file_url(group), {"hazard": hazard.pk, "desa": garung.pk, "text": "Asap."}
    )
    assert response.status_code == 302
    assert KimActivityPage.objects.get(hazard=hazard).get_parent().pk == group.pk


@pytest.mark.parametrize(
    "language, expected",
    [
        ("id", ["Pilih bahaya.", "Tulis apa yang terjadi."]),
        ("en", ["Choose the hazard.", "Write what is happening."]),
    ],
)
def test_bad_input_gets_clear_errors_and_writes_nothing(
    client, group, garung, language, expected
):
    client.force_login(make_user("editor", editors_of(group), language=language))
    response = client.post(
        file_url(group),
        {"hazard": "", "desa": garung.pk, "text": "   ", "photo": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    for message in expected:
        assert message in html
    assert not KimActivityPage.objects.exists()


def test_a_file_that_is_not_a_picture_is_refused(client, group, hazard, garung):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from kim_cms.wagtail_admin.views.disaster_reports import get_image_model

    client.force_login(make_user("editor", editors_of(group), language="en"))
    response = client.post(
        file_url(group),
        {
            "hazard": hazard.pk,
            "desa": garung.pk,
            "text": "Api.",
            "photo": SimpleUploadedFile("api.jpg", b"not a picture"),
        },
    )
    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
    assert not KimActivityPage.objects.exists()
    assert not get_image_model().objects.exists()
