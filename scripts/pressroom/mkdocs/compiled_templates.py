"""Templates compiled once per `mkdocs serve`, not once per save."""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates, kept in memory from one build to the next. MkDocs makes a
    new template environment for every build, and compiling Material's templates again takes
    most of a second. A template whose text changed is compiled again: Jinja keeps a checksum
    of the source with the code."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()
