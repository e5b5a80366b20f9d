"""What a run could not use: how many items were skipped, and where the first few were.

The summary line of ``dyads code`` and ``dyads ingest`` says it ("300 read, 299 coded, 1 skipped
(E005 at news.jsonl:17)") and the exit status follows it (README: "Exit status").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CODE = re.compile(r"^E\d{3}\b")


@dataclass(slots=True)
class Losses:
    count: int = 0
    first: list[tuple[str, str]] = field(default_factory=list)  # (message code, where) of the first few
    shown: int = 3

    def add(self, item: str, message: str) -> None:
        self.count += 1
        if len(self.first) < self.shown:
            m = CODE.match(message or "")
            self.first.append((m.group(0) if m else "error", item))

    def describe(self) -> str:
        """'1 skipped (E005 at news.jsonl:17)', '' when nothing was skipped."""
        if not self.count:
            return ""
        where = ", ".join(f"{code} at {item}" for code, item in self.first)
        more = ", ..." if self.count > len(self.first) else ""
        return f"{self.count:,} skipped ({where}{more})"
