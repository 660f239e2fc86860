"""The checker never fails, whatever ids content mixes up: the web app runs it on every edit."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from navigator.checker import check
from navigator.content.finding import CODES
from navigator.content.loader import load
from tests.conftest import GOOD

TEXTS = {
    name: (GOOD / name).read_text(encoding="utf-8")
    for name in ("services.yaml", "pathways/early-years.yaml")
}
WORDS = sorted(
    {
        w
        for text in TEXTS.values()
        for w in re.findall(r"(?<=[\s\[{:,])([a-z][a-z_-]+)(?=[\s,\]}]|$)", text)
    }
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)), min_size=1, max_size=4))
def test_mixed_up_ids_give_findings_never_a_crash(
    tmp_path: Path, swaps: list[tuple[str, str]]
) -> None:
    folder = tmp_path / "content"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "pathways").mkdir(parents=True)
    for name, text in TEXTS.items():
        for old, new in swaps:
            text = re.sub(rf"(?<=[\s\[{{:,]){re.escape(old)}(?=[\s,\]}}]|$)", new, text, flags=re.M)
        (folder / name).write_text(text, encoding="utf-8")
    findings = check(load([folder / "services.yaml", folder / "pathways"]), date(2026, 11, 1))
    for found in findings:
        assert found.code in CODES
        assert found.line >= 1 and found.col >= 1
        assert found.hint.startswith(("Please", "Did you mean")), found
