"""Which releases a listing shows, in what order, on which page, and the pages Pressroom adds."""
