"""``meter``: a test that takes it runs once with every meter a budget can count with here."""

import pytest

from checkers import _metering

METERS = _metering.meters()


@pytest.fixture(params=METERS, ids=[meter.name for meter in METERS])
def meter(request):
    previous = _metering.select(request.param)
    yield request.param
    _metering.select(previous)
