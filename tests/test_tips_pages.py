import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from kim_cms.pages import (
    AbstractAgricultureTipPage,
    AgricultureTipIndexPage,
    AgricultureTipPage,
    KimPortalPage,
)
from kim_cms.pages.tips import months_between
from tests.factories import ImageFactory, KecamatanFactory
from tests.factories_tips import CommodityFactory, make_tip, make_tip_index

pytestmark = pytest.mark.django_db


def test_tip_index_creatable_under_portal_and_tip_only_under_index(portal):
    index = make_tip_index(portal)
    assert AgricultureTipIndexPage.can_create_at(portal)
    assert AgricultureTipPage.can_create_at(index)
    assert not AgricultureTipPage.can_create_at(portal)
    assert not KimPortalPage.can_create_at(index)
    allowed = AgricultureTipIndexPage.allowed_subpage_models()
    assert AgricultureTipPage in allowed
    assert all(issubclass(m, AbstractAgricultureTipPage) for m in allowed)
    tip = make_tip(index)
    assert AgricultureTipPage.allowed_subpage_models() == []
    assert not AgricultureTipIndexPage.can_create_at(tip)


def test_tip_renders_everything_an_editor_entered(portal, client):
    index = make_tip_index(portal)
    maliku = KecamatanFactory(name="Maliku")
    tip = make_tip(
        index,
        "Mengendalikan wereng",
        problem_type="pest-disease",
        pest_name="Wereng batang coklat",
        pest_severity="high",
        seasons=",mh,",
        months=",11,12,1,2,",
        difficulty="medium",
        time_estimate="2 hari",
        cost_estimate="Rp 300.000 per hektare",
        safety_warnings="<ul><li>Pakai masker saat menyemprot.</li></ul>",
        kecamatan=[maliku],
    )
    response = client.get(tip.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Mengendalikan wereng</h1>" in html
    assert "Wereng batang coklat" in html
    assert "Pakai masker saat menyemprot." in html
    assert "Rp 300.000 per hektare" in html
    assert "Maliku" in html
    assert "Dolomit" in html and "1 ton/ha" in html
    assert html.count('<li id="langkah-') == 3
    assert "November – Februari" in html
    assert "Siti Rahmah" in html
    assert "BPP Kecamatan Maliku" in html
    assert "10 Januari 2026" in html


def test_tip_without_kecamatan_applies_to_whole_district(portal, client):
    tip = make_tip(make_tip_index(portal))
    assert "Seluruh kabupaten" in client.get(tip.url).content.decode() or (
        "The whole district" in client.get(tip.url).content.decode()
    )


def test_pest_tip_requires_pest_name_and_severity(portal):
    index = make_tip_index(portal)
    with pytest.raises(ValidationError) as error:
        make_tip(index, problem_type="pest-disease")
    assert "pest_name" in error.value.message_dict
    assert "pest_severity" in error.value.message_dict
    assert "required when the problem is pests and diseases" in str(
        error.value.message_dict["pest_name"]
    ) or "wajib" in str(error.value.message_dict["pest_name"])


def test_review_due_cannot_precede_reviewed_on(portal):
    index = make_tip_index(portal)
    with pytest.raises(ValidationError) as error:
        make_tip(
            index,
            reviewed_on=datetime.date(2026, 3, 1),
            review_due=datetime.date(2026, 2, 1),
        )
    assert "review_due" in error.value.message_dict


def test_review_due_defaults_to_a_year_and_months_to_the_seasons(portal):
    tip = make_tip(make_tip_index(portal), seasons=",mk2,", months="")
    assert tip.review_due == datetime.date(2027, 1, 10)
    assert tip.months == ",8,9,"


def test_editor_creates_tip_in_admin_with_readable_errors(portal, admin_client):
    index = make_tip_index(portal)
    padi = CommodityFactory(name="Padi", slug="padi", locale=portal.locale)
    url = f"/admin/pages/add/kim_cms/agriculturetippage/{index.pk}/"

    def form(data):
        return {
            **nested_form_data(data),
            "seasons": ["mh"],
            "months": ["11", "12", "1", "2"],
        }

    assert admin_client.get(url).status_code == 200
    data = {
        "title": "Wereng",
        "slug": "wereng",
        "summary": "Atasi wereng.",
        "sub_sector": "food-crops",
        "commodity": padi.pk,
        "problem_type": "pest-disease",
        "difficulty": "easy",
        "expert_name": "Budi",
        "expert_role": "penyuluh",
        "reviewed_on": "2026-03-01",
        "review_due": "2026-02-01",
        "supplies": streamfield([]),
        "steps": streamfield(
            [("step", {"title": "Amati daun", "text": rich_text("<p>x</p>")})]
        ),
        "body": streamfield([]),
        "action-publish": "publish",
    }
    response = admin_client.post(url, form(data))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "pest_name" in errors and "review_due" in errors
    data.update(
        {"pest_name": "Wereng", "pest_severity": "high", "review_due": "2027-03-01"}
    )
    response = admin_client.post(url, form(data))
    assert response.status_code == 302, response.context["form"].errors
    tip = AgricultureTipPage.objects.get(slug="wereng")
    assert tip.live
    assert tip.months == ",1,2,11,12,"
    assert tip.seasons == ",mh,"
    edit = admin_client.get(f"/admin/pages/{tip.pk}/edit/").content.decode()
    assert 'value="11" aria-describedby' in edit
    assert re.search(r'value="11"[^>]*checked', edit)
    assert not re.search(r'value="5"[^>]*checked', edit)


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [(11, 2, [11, 12, 1, 2]), (3, 5, [3, 4, 5]), (12, 12, [12])],
)
def test_months_between_wraps_the_new_year(first, last, expected):
    assert months_between(first, last) == expected


@pytest.mark.parametrize(
    ("month", "in_season"),
    [(11, True), (12, True), (1, True), (2, True), (3, False), (10, False), (6, False)],
)
def test_in_season_across_the_year_boundary(portal, month, in_season):
    tip = make_tip(make_tip_index(portal), months=",11,12,1,2,")
    assert tip.is_in_season(month) is in_season
    assert (
        AgricultureTipPage.objects.filter(
            __import__("kim_cms.pages.tips", fromlist=["x"]).in_season_q(month),
            pk=tip.pk,
        ).exists()
        is in_season
    )


def test_tip_renders_in_english(portal, english_portal, client, locales):
    index = make_tip_index(portal)
    tip = make_tip(index, "Padi gambut")
    en_index = index.copy_for_translation(locales["en"])
    en_index.title = "Farming tips"
    en_index.save_revision().publish()
    en_tip = tip.copy_for_translation(locales["en"])
    en_tip.title = "Rice on peat"
    en_tip.save_revision().publish()
    response = client.get(en_tip.url)
    assert en_tip.url.startswith("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Rice on peat</h1>" in html
    assert "Verified by Siti Rahmah" in html
    assert "January 10, 2026" in html or "10 January 2026" in html


def test_subclass_in_site_app_renders_with_kim_cms_template(portal, client):
    from tests.testapp.models import DistrictTipPage

    index = make_tip_index(portal)
    padi = CommodityFactory(name="Padi", slug="padi", locale=portal.locale)
    tip = DistrictTipPage(
        title="Turunan",
        slug="turunan",
        sub_sector="food-crops",
        commodity=padi,
        summary="x",
        expert_name="Budi",
        reviewed_on=datetime.date(2026, 1, 1),
        steps=[("step", {"title": "Satu"})],
    )
    index.add_child(instance=tip)
    tip.save_revision().publish()
    response = client.get(tip.url)
    assert response.status_code == 200
    assert "kim_cms/pages/agriculture_tip_page.html" in [
        t.name for t in response.templates
    ]


def test_step_photo_rendered_with_alt(portal, client):
    image = ImageFactory(title="Sawah", description="Sawah gambut")
    tip = make_tip(make_tip_index(portal), image=image, steps=1)
    html = client.get(tip.url).content.decode()
    assert 'alt="Sawah gambut"' in html


def test_unpublished_tip_not_served(portal, client):
    tip = make_tip(make_tip_index(portal), publish=False)
    assert client.get(f"/tips/{tip.slug}/").status_code == 404
    assert Page.objects.filter(pk=tip.pk, live=False).exists()


def test_more_tips_links_to_the_index_listing_the_tip(portal, client):
    from tests.factories_groups import KimGroupIndexPageFactory, KimGroupPageFactory

    index = make_tip_index(portal)
    under_index = make_tip(index, "Tip di indeks")
    group = KimGroupPageFactory(parent=KimGroupIndexPageFactory(parent=portal))
    under_group = make_tip(group, "Tip dari KIM")
    for tip in (under_index, under_group):
        html = client.get(tip.url).content.decode()
        assert f'<a href="{index.url}">Tips lainnya</a>' in html, tip.title


def test_more_tips_is_left_out_without_a_public_index(portal, client):
    from tests.factories_groups import KimGroupIndexPageFactory, KimGroupPageFactory

    group = KimGroupPageFactory(parent=KimGroupIndexPageFactory(parent=portal))
    tip = make_tip(group, "Tip tanpa indeks")
    html = client.get(tip.url).content.decode()
    assert "Tips lainnya" not in html
