"""No kim_cms listing answers a malformed query string with a server error."""

import pytest

from tests.factories_events import CulturalEventIndexPageFactory
from tests.factories_groups import KimGroupIndexPageFactory
from tests.factories_tips import make_tip_index
from tests.factories_training import TrainingIndexPageFactory

pytestmark = pytest.mark.django_db

NUL_QUERIES = [
    "?q=%00",
    "?category=%00",
    "?kecamatan=%00",
    "?desa=%00",
    "?fokus=%00&status=%00",
    "?komoditas=%00&subsektor=%00&masalah=%00&musim=%00",
    "?topic=%00&type=%00&level=%00&audience=%00",
    "?month=%00",
    "?%00=1",
    "?page=%00",
]


@pytest.fixture
def indexes(portal):
    return [
        KimGroupIndexPageFactory(parent=portal),
        make_tip_index(portal),
        CulturalEventIndexPageFactory(parent=portal),
        TrainingIndexPageFactory(parent=portal),
    ]


def test_nul_characters_in_parameters_are_ignored(indexes, client):
    for index in indexes:
        for query in NUL_QUERIES:
            response = client.get(index.url + query)
            assert response.status_code in (200, 404), index.url + query


def test_portal_ignores_nul_parameters(portal, client):
    assert client.get(portal.url + "?q=%00").status_code == 200
