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

import datetime
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

#: The most findings a call gives by default, as the HTTP API answers (``max_findings``).
MAX_FINDINGS = 5000


class Findings(list):
    """The findings of a check: a list of dicts, each a finding with exactly the fields of
    ``copydesk check --format json`` (``path``, ``rule``, ``severity``, ``message``, ``start``
    and ``end`` positions with ``offset``, ``line``, ``column`` and ``utf16``, and so on).

    Attributes:
        version: the schema version of those fields (``SCHEMA_VERSION``).
        errors: inputs that could not be read, each ``{"path", "message", "error"}`` (the
            JSON document's ``errors``; not to be confused with ``summary["errors"]``, the
            number of findings of severity error).
        summary: the counts of ``--format json``'s summary (articles, errors, warnings …)
            of the findings listed, as the HTTP API counts them.
        truncated: whether findings past the session's ``max_findings`` were left out.
    """

    version: int
    errors: list
    summary: dict
    truncated: bool

    def __init__(self, report: Mapping[str, Any]):
        super().__init__(report["diagnostics"])
        self.version = report["version"]
        self.errors = list(report["errors"])
        self.summary = dict(report["summary"])
        self.truncated = bool(report.get("truncated", False))

    def _extend(self, report: Mapping[str, Any], limit: Optional[int]) -> None:
        room = len(report["diagnostics"]) if limit is None else max(0, limit - len(self))
        self.extend(report["diagnostics"][:room])
        self.truncated = self.truncated or report.get("truncated", False) or room < len(report["diagnostics"])
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
        max_findings: the most findings one call gives (``Findings.truncated`` says when there
            were more), as the HTTP API bounds its answers; ``None`` for all.

    Drafts given as text are a stranger's: no file they name is read (the ``sources`` of
    their front matter), as with ``copydesk serve``; give sources with ``sources=``.
    :meth:`check_path` reads files as ``copydesk check`` does.

    Raises:
        ConfigError: a configuration or pack that does not load, with the error located in
            its file; or a selector that matches no rule.
    """

    def __init__(
        self,
        config: Optional[PathLike] = None,
        rules: Union[None, PathLike, Iterable[PathLike]] = None,
        *,
        select: Union[str, Iterable[str]] = (),
        extend_select: Union[str, Iterable[str]] = (),
        ignore: Union[str, Iterable[str]] = (),
        no_default_rules: bool = False,
        preview: bool = False,
        isolated: bool = False,
        max_findings: Optional[int] = MAX_FINDINGS,
    ):
        if rules is None:
            packs = []
        elif isinstance(rules, (str, os.PathLike)):
            packs = [os.fspath(rules)]
        else:
            packs = [os.fspath(pack) for pack in rules]
        if max_findings is not None and max_findings < 0:
            raise ValueError("max_findings must be 0 or more, or None")
        self._max_findings = max_findings
        self._native = NativeSession(
            None if config is None else os.fspath(config),
            isolated,
            packs,
            _names(select),
            _names(extend_select),
            _names(ignore),
            no_default_rules,
            preview,
            max_findings,
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
            name: how findings name the draft (their ``path``), as given; ``"draft"`` by
                default. It is only a name: no file is read or discovered through it.
            sources: documents the draft is checked against (``--source``): a mapping of
                name to text, or ``(name, text)`` pairs.

        Raises:
            ValueError: an unknown format; text that is not Unicode (a lone surrogate
                raises ``UnicodeEncodeError``, a ``ValueError``).
            TypeError: sources that are not names and texts.
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

    def check_records(self, records: Iterable[Mapping[str, Any]], *, errors: str = "raise") -> Findings:
        """Checks article records as ``copydesk check --input jsonl`` reads them: dicts with
        the fields the configuration's ``[records]`` table names (by default ``id``,
        ``headline``, ``dek``, ``body``, ``format``, ``date``, ``label``, ``sources``); dates
        may be ``datetime.date`` values. Findings name each record by its id.

        Args:
            errors: what a record that is not one does (no id, a field of the wrong type, a
                value JSON cannot hold): ``"raise"`` a :class:`RecordError`, or ``"report"``
                it in ``Findings.errors`` as ``record N`` and check the rest, as the command
                line does.

        Raises:
            RecordError: with ``errors="raise"``, the first record that is not one, named by
                its place in ``records`` (from 1).
            TypeError: ``records`` is one record, not an iterable of them.
        """
        if errors not in ("raise", "report"):
            raise ValueError('errors must be "raise" or "report"')
        if isinstance(records, (Mapping, str, bytes)):
            raise TypeError("check_records takes an iterable of records (dicts), not one record")
        findings: Optional[Findings] = None
        chunk: list = []
        first = 1
        for place, record in enumerate(records, start=1):
            chunk.append(_record_line(record, place, errors))
            if len(chunk) == RECORD_CHUNK:
                findings = self._add_records(findings, chunk, first, errors)
                first += len(chunk)
                chunk = []
        if chunk or findings is None:
            findings = self._add_records(findings, chunk, first, errors)
        return findings

    def _add_records(self, findings: Optional[Findings], lines: list, first: int, errors: str) -> Findings:
        report = json.loads(self._native.check_records(lines, first, errors == "report"))
        if findings is None:
            return Findings(report)
        findings._extend(report, self._max_findings)
        return findings


def _json_value(value: Any) -> Any:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"a {type(value).__name__} is not a JSON value")


def _record_line(record: Any, place: int, errors: str) -> str:
    """A record as the JSON line the checker reads; a record JSON cannot hold is a
    :class:`RecordError`, or with ``errors="report"`` a line the checker reports."""
    try:
        return json.dumps(record, ensure_ascii=False, allow_nan=False, default=_json_value)
    except (TypeError, ValueError) as e:
        if errors == "raise":
            raise RecordError(f"record {place}: not a JSON record: {e}") from None
        return "null"


def _names(names: Union[str, Iterable[str]]) -> list:
    """Rule ids, prefixes or pack names: one name, or several."""
    if isinstance(names, str):
        return [names]
    return [str(name) for name in names]


def _sources(sources: Optional[Sources]) -> list:
    if sources is None:
        return []
    pairs = sources.items() if isinstance(sources, Mapping) else sources
    if isinstance(pairs, (str, bytes)):
        raise TypeError("sources: a mapping of name to text, or (name, text) pairs, not one string")
    checked = []
    for pair in pairs:
        if isinstance(pair, (str, bytes)) or len(pair) != 2 or not all(isinstance(p, str) for p in pair):
            raise TypeError(f"sources: each source is a (name, text) pair of strings, not {pair!r:.60}")
        checked.append((pair[0], pair[1]))
    return checked
