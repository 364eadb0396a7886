"""copydesk from Python: an editorial linter for news writing, in-process.

A :class:`Session` loads the rule packs once and checks drafts, files and CMS records,
giving the same findings as ``copydesk check --format json``::

    import copydesk

    desk = copydesk.Session()
    for finding in desk.check("Mayor Says City Will Be Fine\\n\\nThe mayor said ..."):
        print(finding["rule"], finding["start"]["line"], finding["message"])

Every call releases the GIL while it checks, so threads check drafts side by side.
"""

from __future__ import annotations

import json
import os
from typing import Any, Iterable, Mapping, NamedTuple, Optional, Sequence, Union

from ._copydesk import (
    SCHEMA_VERSION,
    ConfigError,
    CopydeskError,
    NativeSession,
    RecordError,
    __version__,
)

__all__ = [
    "Session",
    "Findings",
    "Fixed",
    "CopydeskError",
    "ConfigError",
    "RecordError",
    "SCHEMA_VERSION",
    "__version__",
]

PathLike = Union[str, "os.PathLike[str]"]
Sources = Union[Mapping[str, str], Iterable[Sequence[str]]]

#: How many records :meth:`Session.check_records` hands the checker at a time.
RECORD_CHUNK = 1000


class Findings(list):
    """The findings of a check: a list of dicts, each a finding with exactly the fields of
    ``copydesk check --format json`` (``path``, ``rule``, ``severity``, ``message``, ``start``
    and ``end`` positions with ``offset``, ``line``, ``column`` and ``utf16``, and so on).

    Attributes:
        version: the schema version of those fields (``SCHEMA_VERSION``).
        errors: inputs that could not be read, each ``{"path", "message", "error"}``.
        summary: the counts of ``--format json``'s summary (articles, errors, warnings …).
    """

    version: int
    errors: list
    summary: dict

    def __init__(self, report: Mapping[str, Any]):
        super().__init__(report["diagnostics"])
        self.version = report["version"]
        self.errors = list(report["errors"])
        self.summary = dict(report["summary"])

    def _extend(self, report: Mapping[str, Any]) -> None:
        self.extend(report["diagnostics"])
        self.errors.extend(report["errors"])
        for key, count in report["summary"].items():
            self.summary[key] = self.summary.get(key, 0) + count


class Fixed(NamedTuple):
    """What :meth:`Session.fix` gives: the fixed ``text``, the ``edits`` that made it (each
    ``{"start", "end", "replacement"}``, positions in the text as it was, as ``offset`` bytes
    and ``utf16`` code units) and the ``findings`` that remain."""

    text: str
    edits: list
    findings: Findings


class Session:
    """The configuration and rule packs, loaded once, that every check runs under.

    Args:
        config: a ``copydesk.toml`` to use. ``None`` finds one as ``copydesk check`` does:
            from the working directory for :meth:`check`, :meth:`fix` and
            :meth:`check_records`; from each file for :meth:`check_path`.
        rules: more rule packs (TOML files or folders of them), as ``--rules``.
        select, extend_select, ignore: rule ids, pack names or prefixes, as the flags.
        no_default_rules: leave out the built-in pack.
        preview: run preview rules too.
        isolated: use no configuration file at all.

    Raises:
        ConfigError: a configuration or pack that does not load, with the error located in
            its file; or a selector that matches no rule.
    """

    def __init__(
        self,
        config: Optional[PathLike] = None,
        rules: Union[None, PathLike, Iterable[PathLike]] = None,
        *,
        select: Iterable[str] = (),
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        no_default_rules: bool = False,
        preview: bool = False,
        isolated: bool = False,
    ):
        if rules is None:
            packs = []
        elif isinstance(rules, (str, os.PathLike)):
            packs = [os.fspath(rules)]
        else:
            packs = [os.fspath(pack) for pack in rules]
        self._native = NativeSession(
            None if config is None else os.fspath(config),
            isolated,
            packs,
            list(select),
            list(extend_select),
            list(ignore),
            no_default_rules,
            preview,
        )

    def check(
        self,
        text: str,
        *,
        format: Optional[str] = None,
        name: Optional[str] = None,
        sources: Optional[Sources] = None,
    ) -> Findings:
        """Checks one draft held in memory.

        Args:
            text: the draft.
            format: ``"txt"``, ``"md"``, ``"html"`` … (any name a record may give); by
                default the format ``name``'s extension says, else plain text.
            name: how findings name the draft (their ``path``); ``"draft"`` by default.
            sources: documents the draft is checked against (``--source``): a mapping of
                name to text, or ``(name, text)`` pairs.
        """
        answer = self._native.check(text, format, name, _sources(sources), False)
        return Findings(json.loads(answer))

    def fix(
        self,
        text: str,
        *,
        format: Optional[str] = None,
        name: Optional[str] = None,
        sources: Optional[Sources] = None,
    ) -> Fixed:
        """Applies the safe fixes to one draft, as ``copydesk check --fix`` does; arguments as
        :meth:`check`. Only the bytes of the fixes change."""
        answer = json.loads(self._native.check(text, format, name, _sources(sources), True))
        return Fixed(answer["text"], answer["edits"], Findings(answer["remaining"]))

    def check_path(self, path: PathLike) -> Findings:
        """Checks a file, or every draft in a folder (honouring ignore files), each under the
        ``copydesk.toml`` found for it: what ``copydesk check PATH --format json`` reports.
        Configurations found this way, and their packs, are loaded on each call.

        Raises:
            FileNotFoundError: nothing is at ``path``.
            ConfigError: a configuration found, or its packs, does not load.
        """
        path = os.fspath(path)
        if not os.path.exists(path):
            raise FileNotFoundError(2, "No such file or folder", path)
        return Findings(json.loads(self._native.check_path(path)))

    def check_records(self, records: Iterable[Mapping[str, Any]]) -> Findings:
        """Checks article records as ``copydesk check --input jsonl`` reads them: dicts with
        the fields the configuration's ``[records]`` table names (by default ``id``,
        ``headline``, ``dek``, ``body``, ``format``, ``date``, ``label``, ``sources``).
        Findings name each record by its id.

        Raises:
            RecordError: a record that is not one (no id, a field of the wrong type), named
                by its place in ``records`` (from 1).
        """
        findings: Optional[Findings] = None
        chunk: list = []
        first = 1
        for record in records:
            chunk.append(json.dumps(record, ensure_ascii=False))
            if len(chunk) == RECORD_CHUNK:
                findings = self._add_records(findings, chunk, first)
                first += len(chunk)
                chunk = []
        if chunk or findings is None:
            findings = self._add_records(findings, chunk, first)
        return findings

    def _add_records(self, findings: Optional[Findings], lines: list, first: int) -> Findings:
        report = json.loads(self._native.check_records(lines, first))
        if findings is None:
            return Findings(report)
        findings._extend(report)
        return findings


def _sources(sources: Optional[Sources]) -> list:
    if sources is None:
        return []
    if isinstance(sources, Mapping):
        return [(str(name), str(text)) for name, text in sources.items()]
    return [(str(name), str(text)) for name, text in sources]
