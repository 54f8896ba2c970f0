"""The domain core: plain Python that imports nothing from MkDocs or Material.

A test (tests/test_layering.py) enforces this, so the core can move to ProperDocs or any
other site generator; only `pressroom.mkdocs` adapts it to one.
"""
