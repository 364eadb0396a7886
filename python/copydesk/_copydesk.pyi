"""Type stubs of the native module: use the wrappers in ``copydesk`` instead."""

from typing import List, Optional, Sequence, Tuple

SCHEMA_VERSION: int
__version__: str

class CopydeskError(Exception): ...
class ConfigError(CopydeskError): ...
class RecordError(CopydeskError): ...

def run_cli(args: Sequence[str]) -> int: ...

class NativeSession:
    def __init__(
        self,
        config: Optional[str],
        isolated: bool,
        packs: List[str],
        select: List[str],
        extend_select: List[str],
        ignore: List[str],
        no_default_rules: bool,
        preview: bool,
        max_findings: Optional[int],
    ) -> None: ...
    def check(
        self,
        text: str,
        format: Optional[str],
        name: Optional[str],
        sources: List[Tuple[str, str]],
        fix: bool,
    ) -> str: ...
    def check_path(self, path: str) -> str: ...
    def check_records(self, lines: List[str], first: int, report_errors: bool) -> str: ...
    def gather_evidence(self, lines: List[bytes], places: List[int]) -> str: ...
    def verdicts(self, evidence: str) -> str: ...
    def check_lines(
        self,
        lines: List[bytes],
        places: List[int],
        names: List[str],
        verdicts: Optional[str] = None,
    ) -> str: ...

def merge_evidence(left: str, right: str) -> str: ...
def find_config(path: str) -> Optional[str]: ...
