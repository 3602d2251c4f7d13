from django.utils import translation

from tests.machine_formats import machine_number_problems


def test_guard_catches_localized_numbers():
    with translation.override("id"):
        from django.template import Context, Template

        html = Template(
            '<div data-lat="{{ lat }}"></div>'
            '<script type="application/ld+json">{"geo": {"latitude": "{{ lat }}"}}'
            "</script>"
        ).render(Context({"lat": -2.7411}))
    problems = machine_number_problems(html)
    assert '<div data-lat="-2,7411">' in problems
    assert any("latitude" in p for p in problems)


def test_guard_accepts_machine_numbers():
    html = (
        '<div data-lat="-2.7411"><time datetime="2026-01-05T19:00:00+07:00"></time>'
        '</div><script type="application/ld+json">'
        '{"geo": {"latitude": -2.7411, "longitude": 114.25}}</script>'
        "<p>Jarak 1,5 km</p>"
    )
    assert machine_number_problems(html) == []


# Every demo page, in both languages, goes through the guard in
# tests/test_demo_shared.py::test_every_demo_page_renders_in_both_languages.
