"""When content may be seen: drafts, embargoes, scheduled dates, and what a build withholds."""
