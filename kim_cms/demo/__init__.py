"""Demo content: a realistic Pulang Pisau KIM portal, in Indonesian with English
translations linked through wagtail-localize. Loaded by ``manage.py kim_cms_demo``.

Each domain has a module with ``load(ctx)``; they run in this order.
"""

DEMO_MODULES = [
    "kim_cms.demo.portal",
    "kim_cms.demo.groups",
    "kim_cms.demo.tips",
    "kim_cms.demo.events",
    "kim_cms.demo.training",
    "kim_cms.demo.warnings",
    "kim_cms.demo.clarifications",
    "kim_cms.demo.aspirations",
]
