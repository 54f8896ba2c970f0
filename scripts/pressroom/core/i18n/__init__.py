"""Every word Pressroom prints on a page, in each language it publishes in."""
