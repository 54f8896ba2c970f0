"""Every page Pressroom has a part in: what it is, what it shows and says of itself, and
which other pages it depends on."""
