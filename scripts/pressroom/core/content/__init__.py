"""What staff write: the front-matter schemas, the domain objects, addresses, release files."""
