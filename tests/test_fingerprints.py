"""What `serve --dirty` remembers of each output (in process, no MkDocs)."""

from __future__ import annotations

from dataclasses import replace

from pressroom.core.outputs.fingerprints import Fingerprints, fingerprint
from pressroom.core.views.models import Link, ReleaseCard

CARD = ReleaseCard("Coalition sues DHS", None, "press/2023/sues/", "May 4, 2023", "2023-05-04",
                   [Link("Mijente", "partners/mijente/")], "The coalition filed suit.", None)


def test_the_same_inputs_are_unchanged_and_any_difference_is_seen() -> None:
    made = Fingerprints(shared=(ReleaseCard,))
    assert not made.unchanged("press/index.html", [CARD], 1)
    made.commit()
    assert made.unchanged("press/index.html", [replace(CARD)], 1)  # an equal copy
    made.commit()
    assert not made.unchanged("press/index.html", [replace(CARD, summary="Filed today.")], 1)
    made.commit()
    assert not made.unchanged("press/index.html", [replace(CARD, summary="Filed today.")], 2)


def test_a_shared_card_is_written_as_its_digest_yet_its_changes_still_count() -> None:
    made = Fingerprints(shared=(ReleaseCard,))
    card = replace(CARD)
    made.unchanged("press/index.html", [card])
    made.unchanged("press/2023/index.html", [card])  # the same card, digested once
    made.commit()
    # The next build's cards are new objects: a change to one is never hidden by a digest
    # remembered from the last build.
    edited = replace(card, title="Coalition sues DHS again")
    assert not made.unchanged("press/index.html", [edited])
    assert made.unchanged("press/2023/index.html", [replace(card)])
    # Digested or pickled whole, equal inputs give equal fingerprints within a build.
    assert fingerprint([CARD]) == fingerprint([replace(CARD)])


def test_a_failed_build_forgets_everything() -> None:
    made = Fingerprints(shared=(ReleaseCard,))
    made.unchanged("press/index.html", [CARD])
    made.commit()
    made.discard()
    assert not made.unchanged("press/index.html", [CARD])
