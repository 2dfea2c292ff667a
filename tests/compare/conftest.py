import pytest

from conftest import ROOT

# A bridge collapse told by a wire, its syndicated copy, two independent reports quoting one
# statement, an earlier related story and an unrelated one (tests/fixtures/events/bridge).
BRIDGE = ROOT / "tests" / "fixtures" / "events" / "bridge"


@pytest.fixture(scope="session")
def seed_comparison(seed_report):
    from framing.compare import compare

    return compare(seed_report)


@pytest.fixture(scope="session")
def bridge():
    import framing
    from framing.compare import compare

    report = framing.analyze([BRIDGE])
    return report, compare(report)
