"""The README's integration blocks are what the demo runs."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_block(name):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- kim-cms:{name} -->\s*```[a-z]*\n(.*?)```", text, re.S)
    assert match, f"README lost its {name} block"
    return match.group(1)


def test_demo_settings_contain_the_readme_settings_blocks():
    demo = (ROOT / "demo" / "demo_site" / "settings.py").read_text(encoding="utf-8")
    assert readme_block("new-site") in demo
    assert readme_block("settings") in demo
    assert demo.index(readme_block("new-site")) < demo.index(readme_block("settings"))


def test_demo_adds_the_optional_admin_id_app_as_the_readme_says():
    demo = (ROOT / "demo" / "demo_site" / "settings.py").read_text(encoding="utf-8")
    assert readme_block("admin_id") in demo


def test_demo_urls_are_the_readme_urls():
    demo = (ROOT / "demo" / "demo_site" / "urls.py").read_text(encoding="utf-8")
    assert demo == readme_block("urls")


def test_readme_starts_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)```", text, re.S)
    assert commands[:2] == ["bash scripts/demo\n", "bash scripts/test\n"]


def test_demo_production_settings_contain_the_readme_production_block():
    demo = (ROOT / "demo" / "demo_site" / "production.py").read_text(encoding="utf-8")
    assert readme_block("production") in demo
