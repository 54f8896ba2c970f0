"""Pressroom: a static newsroom for campaigns and coalitions.

The domain core (model, load, publish, listing, views) is plain Python and imports
nothing from MkDocs, so it can move to another site generator; `plugin` adapts it to
MkDocs and `cli` reuses it for staff commands.
"""
