import pytest
from django.db import IntegrityError

from kim_cms.blocks import StepBlock, SupplyBlock, TipStepStreamBlock
from kim_cms.snippets import Commodity
from tests.factories import ImageFactory
from tests.factories_tips import CommodityFactory

pytestmark = pytest.mark.django_db


def test_commodity_slug_is_unique_per_language(locales):
    CommodityFactory(name="Padi", slug="padi", locale=locales["id"])
    english = Commodity(name="Rice", slug="padi", locale=locales["en"])
    english.save()
    with pytest.raises(IntegrityError):
        Commodity.objects.create(name="Padi sawah", slug="padi", locale=locales["id"])


def test_commodity_is_in_the_kim_admin_menu(locales, admin_client):
    CommodityFactory(name="Karet", slug="karet", locale=locales["id"])
    response = admin_client.get("/admin/snippets/kim_cms/commodity/")
    assert response.status_code == 200
    assert "Karet" in response.content.decode()
    dashboard = admin_client.get("/admin/").content.decode()
    assert "/admin/snippets/kim_cms/commodity/" in dashboard


def test_commodity_admin_refused_without_permission(locales, client):
    response = client.get("/admin/snippets/kim_cms/commodity/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_step_block_renders_title_text_photo_and_video_link(db):
    image = ImageFactory(title="Petak sawah")
    block = StepBlock()
    value = block.to_python(
        {
            "title": "Keringkan petak",
            "text": "<p>Buka saluran <b>pembuangan</b>.</p>",
            "image": image.pk,
            "image_alt": "Petak sawah yang kering",
            "video": "https://www.youtube.com/watch?v=abc",
        }
    )
    html = block.render(value)
    assert "Keringkan petak" in html
    assert "<b>pembuangan</b>" in html
    assert 'alt="Petak sawah yang kering"' in html
    assert 'href="https://www.youtube.com/watch?v=abc"' in html
    assert "<iframe" not in html


def test_step_title_is_required():
    from django.core.exceptions import ValidationError

    block = StepBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": ""}))


def test_supply_block_shows_dose():
    block = SupplyBlock()
    html = block.render(block.to_python({"name": "Dolomit", "dose": "1 ton/ha"}))
    assert "Dolomit" in html
    assert "1 ton/ha" in html


def test_blocks_have_previews_and_descriptions():
    for block in (StepBlock(), SupplyBlock()):
        assert block.meta.preview_value
        assert block.meta.description
        assert block.meta.template.startswith("kim_cms/blocks/")
    assert list(TipStepStreamBlock.base_blocks) == ["step"]
