"""The floors that setup.cfg declares are the versions CI tests."""

import configparser
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def declared_floors():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    floors = {}
    for line in config["options"]["install_requires"].strip().splitlines():
        match = re.fullmatch(r"([A-Za-z0-9_.\-]+)>=([0-9][0-9A-Za-z.]*)", line.strip())
        assert match, f"setup.cfg: {line!r} is not 'name>=floor'"
        floors[match[1].lower()] = match[2]
    return floors


def pinned_floors():
    pins = {}
    text = (ROOT / ".ci" / "constraints-floor.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    return pins


def test_every_dependency_has_a_floor_that_ci_installs():
    assert declared_floors() == pinned_floors()


def test_floors_cover_wagtail_lts_and_django_lts():
    floors = declared_floors()
    assert floors["wagtail"].startswith("7.4.")
    assert floors["django"] == "5.2"


def test_migrations_never_read_a_setting_wagtail_74_lacks():
    """Wagtail 7.4 has no ``WAGTAIL_PAGE_MODEL``: a migration that reads it
    (as ``makemigrations`` writes on Wagtail 8) breaks every 7.4 site, so the
    page model is named through swapper, as the first migrations do."""
    from pathlib import Path

    folders = [
        Path(__file__).parent.parent / "kim_cms" / "migrations",
        Path(__file__).parent / "testapp" / "migrations",
    ]
    readers = [
        path.name
        for folder in folders
        for path in sorted(folder.glob("0*.py"))
        if "settings.WAGTAIL_PAGE_MODEL" in path.read_text()
    ]
    assert readers == []
