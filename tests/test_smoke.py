def test_fixture_site_builds(built_fixture):
    assert (built_fixture.out / "press" / "index.html").exists()


def test_shipped_site_builds(built_shipped):
    assert (built_shipped.out / "press" / "2020" / "clearview-ai-ice-foia" / "index.html").exists()
