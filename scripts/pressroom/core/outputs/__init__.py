"""Files made from the content besides pages: feeds, search and filter indexes, head metadata."""
