"""A citizen opens the demo portal on a cheap phone, in both languages."""

import pytest

from tests.browser.conftest import PHONE, horizontal_overflow


@pytest.mark.parametrize(
    ("language", "path", "heading"),
    [("id", "/", "Pulang Pisau"), ("en", "/en/", "Pulang Pisau")],
)
def test_the_portal_fits_a_phone_and_speaks_its_language(
    open_context, shot, language, path, heading
):
    page = open_context(viewport=PHONE, language=language).new_page()
    response = page.goto(path)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert heading.lower() in page.locator("h1").first.inner_text().lower()
    assert horizontal_overflow(page) == 0
    shot(page, f"portal-{language}")
