"""The MkDocs adapter: the plugin, its settings, shared page chrome, templates and assets.

Also runs under ProperDocs, which serves `mkdocs.*` imports from its own modules.
"""
