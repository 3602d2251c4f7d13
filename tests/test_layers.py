"""The layers of kim_cms, read from the source: a module imports only modules of
its own layer or of a layer below, no modules import each other in a circle,
and no module grows past what a reader holds in mind.

Every import counts, also one inside a function: an import moved into a
function to dodge a circle at load time is still a circle to a reader. The
README's "Architecture" section draws the same layers.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kim_cms"

# Lowest first. Each entry is a module, or a package with everything in it.
LAYERS = [
    (
        "plumbing",
        [
            "kim_cms",
            "kim_cms.conf",
            "kim_cms.datetimes",
            "kim_cms.downloads",
            "kim_cms.fields",
            "kim_cms.i18n",
            "kim_cms.locales",
            # the offline copies' markers, shared by templates and the worker
            "kim_cms.offline",
            "kim_cms.page_cache",
            "kim_cms.params",
            "kim_cms.pictures",
            "kim_cms.privacy",
            "kim_cms.queries",
            "kim_cms.rich_text",
            # the way to each page, kept with the page cache
            "kim_cms.route_cache",
            "kim_cms.schedule",
            "kim_cms.settings",
            # the stylesheets a page carries inline
            "kim_cms.stylesheets",
            "kim_cms.uploads",
            "kim_cms.visibility",
        ],
    ),
    (
        "snippets",
        [
            "kim_cms.snippets",
            # what an aspiration is, and the form a citizen fills
            "kim_cms.aspirations",
            "kim_cms.aspirations.abuse",
            "kim_cms.aspirations.anonymise",
            "kim_cms.aspirations.files",
            "kim_cms.aspirations.forms",
            "kim_cms.aspirations.models",
        ],
    ),
    ("blocks", ["kim_cms.blocks"]),
    ("outputs", ["kim_cms.outputs", "kim_cms.sharing"]),
    ("pages", ["kim_cms.pages"]),
    (
        "wagtail_admin",
        [
            "kim_cms.wagtail_admin",
            "kim_cms.aspirations.access",
            "kim_cms.aspirations.notify",
        ],
    ),
    (
        "entry points",
        [
            "kim_cms.apps",
            "kim_cms.aspirations.admin_views",
            "kim_cms.aspirations.urls",
            "kim_cms.aspirations.views",
            "kim_cms.aspirations.wagtail_hooks",
            "kim_cms.checks",
            "kim_cms.contrib",
            "kim_cms.demo",
            "kim_cms.management",
            "kim_cms.migrations",
            "kim_cms.models",
            "kim_cms.offline.urls",
            "kim_cms.offline.views",
            "kim_cms.sharing.urls",
            "kim_cms.sharing.views",
            "kim_cms.templatetags",
            "kim_cms.urls",
            "kim_cms.wagtail_hooks",
        ],
    ),
]
# Old import paths kept for sites (CHANGELOG.md): they may import anything,
# and nothing in kim_cms imports them.
COMPATIBILITY = {"kim_cms.api", "kim_cms.sitemaps"}

MAX_LINES = 800


def module_name(path, root=PACKAGE):
    """``kim_cms/pages/tips/index.py`` -> ``kim_cms.pages.tips.index``."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_modules(root=PACKAGE):
    """``{module name: path}`` of every Python module under ``root``."""
    return {module_name(path, root): path for path in sorted(root.rglob("*.py"))}


def imports_of(source, name, is_package, known):
    """The modules of ``known`` that the module ``name`` imports, anywhere in
    ``source``. ``from a import b`` imports ``a.b`` when that is a module,
    else ``a``; relative imports are resolved from ``name``."""
    package = name if is_package else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph(root=PACKAGE):
    modules = package_modules(root)
    return {
        name: imports_of(
            path.read_text(encoding="utf-8"),
            name,
            path.name == "__init__.py",
            modules,
        )
        for name, path in modules.items()
    }


def layer_of(name, layers=LAYERS):
    """The index of the layer ``name`` belongs to (its longest entry), or
    ``None``. The top package itself is named exactly."""
    best = None
    for position, (_title, entries) in enumerate(layers):
        for entry in entries:
            exact = name == entry
            inside = entry != "kim_cms" and name.startswith(entry + ".")
            if (exact or inside) and (best is None or len(entry) > best[0]):
                best = (len(entry), position)
    return best[1] if best else None


def layer_violations(graph, layers=LAYERS, compatibility=COMPATIBILITY):
    """Lines saying which module imports a module of a higher layer, or an
    old import path, or belongs to no layer."""
    problems = []
    for name, targets in sorted(graph.items()):
        if name in compatibility:
            continue
        own = layer_of(name, layers)
        if own is None:
            problems.append(f"{name} belongs to no layer")
            continue
        for target in sorted(targets):
            if target in compatibility:
                problems.append(f"{name} imports the old path {target}")
                continue
            theirs = layer_of(target, layers)
            if theirs is not None and theirs > own:
                problems.append(
                    f"{name} ({layers[own][0]}) imports {target} ({layers[theirs][0]})"
                )
    return problems


def import_circles(graph):
    """The groups of modules that import each other in a circle (Tarjan's
    strongly connected components of more than one module)."""
    index, low, stack, on_stack, circles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return circles


# --- kim_cms itself --------------------------------------------------------


def test_every_module_imports_only_its_own_layer_and_below():
    assert layer_violations(import_graph()) == []


def test_no_modules_import_each_other_in_a_circle():
    assert import_circles(import_graph()) == []


def test_no_module_is_longer_than_a_reader_holds_in_mind():
    long = {
        name: count
        for name, path in package_modules().items()
        if not name.startswith("kim_cms.migrations")
        and (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_old_import_paths_give_the_moved_objects():
    from kim_cms import api, sitemaps
    from kim_cms.outputs import api as outputs_api
    from kim_cms.outputs import sitemaps as outputs_sitemaps

    assert api.api_router is outputs_api.api_router
    assert api.KimPagesAPIViewSet is outputs_api.KimPagesAPIViewSet
    assert sitemaps.sitemap is outputs_sitemaps.sitemap


def test_the_page_packages_keep_every_name_of_their_modules():
    import kim_cms.models
    import kim_cms.pages
    from kim_cms.pages import events, groups, tips

    for package in (events, groups, tips):
        for name in package.__all__:
            assert getattr(package, name) is not None, (package.__name__, name)
    for name in kim_cms.pages.__all__:
        assert getattr(kim_cms.models, name) is getattr(kim_cms.pages, name)
    # the migrations name this default by its old path
    assert events.default_event_time_zone() in dict(events.TIME_ZONE_CHOICES)


# --- the checker can fail ------------------------------------------------


KNOWN = {"kim_cms", "kim_cms.conf", "kim_cms.pages", "kim_cms.pages.base"}


def test_imports_are_read_also_inside_functions_and_relative():
    source = (
        "from . import conf\n"
        "def later():\n"
        "    from kim_cms.pages.base import KimPageMixin\n"
        "import kim_cms.unknown.thing\n"
    )
    found = imports_of(source, "kim_cms.checks", False, KNOWN)
    assert found == {"kim_cms.conf", "kim_cms.pages.base", "kim_cms"}


def test_a_lower_layer_importing_a_higher_one_is_reported():
    graph = {
        "kim_cms.conf": {"kim_cms.pages.base"},
        "kim_cms.pages.base": {"kim_cms.conf"},
        "kim_cms.wagtail_admin.roles": {"kim_cms.api"},
        "kim_cms.newcomer": set(),
    }
    assert layer_violations(graph) == [
        "kim_cms.conf (plumbing) imports kim_cms.pages.base (pages)",
        "kim_cms.newcomer belongs to no layer",
        "kim_cms.wagtail_admin.roles imports the old path kim_cms.api",
    ]


@pytest.mark.parametrize(
    "graph, circles",
    [
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"b"}, "b": set()}, []),
    ],
)
def test_a_circle_is_reported(graph, circles):
    assert import_circles(graph) == circles
