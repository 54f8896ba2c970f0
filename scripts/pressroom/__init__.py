"""Pressroom: a static newsroom for campaigns and coalitions.

- `core/` is the domain, in plain Python: it imports nothing from MkDocs or Material.
- `mkdocs/` adapts the core to MkDocs (and to ProperDocs, its continuation).
- `cli/` is the staff's `pressroom` command, on the same core.
- `importer/` turns a Word or text release into a release file.
"""
