import pytest


@pytest.fixture(scope="session")
def seed_comparison(seed_report):
    from framing.compare import compare

    return compare(seed_report)
