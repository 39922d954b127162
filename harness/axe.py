"""The axe-core accessibility engine in a page: inject it, run the WCAG 2.1 A and AA rules, read what it found.

`bash scripts/setup.sh test` puts the engine's one file in .cache/axe-core/<version>/ (the npm package, its tarball
checked against a SHA-256 there); this module checks the file again before a page runs it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

PROJECT_ROOT = Path(__file__).resolve().parent.parent
AXE_VERSION = "4.14.1"  # the same as scripts/setup.sh's axe_version
AXE_FILE = PROJECT_ROOT / ".cache" / "axe-core" / AXE_VERSION / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"  # package/axe.min.js of 4.14.1
WCAG_21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")  # axe's tags for the rules of WCAG 2.0 and 2.1, A and AA
BLOCKING = ("serious", "critical")  # the impacts a page must not have

# Rule ids only for what passed (resultTypes: a passed rule's nodes are not needed), every node of a violation.
RUN_AXE_JS = """async tags => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  const ids = rules => rules.map(rule => rule.id);
  return {
    passes: ids(results.passes),
    incomplete: ids(results.incomplete),
    violations: results.violations.map(rule => ({
      rule: rule.id,
      help: rule.help,
      nodes: rule.nodes.map(node => ({
        impact: node.impact || rule.impact,
        target: node.target.map(part => [].concat(part).join(' >>> ')).join(' '),
        html: node.html.slice(0, 160),
        summary: (node.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 240),
      })),
    })),
  };
}"""


@dataclass(frozen=True)
class Finding:
    """One element that breaks one rule."""

    rule: str
    impact: str
    target: str  # CSS selector of the element (`>>>` crosses into a shadow root)
    html: str
    summary: str  # axe's "Fix any of the following: ..."

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}) at {self.target}: {self.html}\n      {self.summary}"


@dataclass(frozen=True)
class AxeReport:
    """What axe found on one page: the rules it checked there, and the elements that break one."""

    passed: tuple[str, ...]
    incomplete: tuple[str, ...]  # rules axe could not decide for some element (a person should look)
    findings: tuple[Finding, ...]

    @property
    def checked(self) -> tuple[str, ...]:
        """Every rule that applied to something on the page, whatever its outcome."""
        return tuple(sorted({*self.passed, *self.incomplete, *(finding.rule for finding in self.findings)}))

    @property
    def blocking(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.impact in BLOCKING)


def axe_source() -> Path:
    """The engine's file, checked: a missing or changed file says how to get the right one."""
    if not AXE_FILE.is_file():
        raise FileNotFoundError(f"{AXE_FILE} is missing: `bash scripts/setup.sh test` downloads axe-core.")
    actual = hashlib.sha256(AXE_FILE.read_bytes()).hexdigest()
    if actual != AXE_SHA256:
        raise ValueError(f"{AXE_FILE} has SHA-256 {actual}, not axe-core {AXE_VERSION}'s: delete it, run setup again.")
    return AXE_FILE


def run_axe(page: Page) -> AxeReport:
    """Run axe's WCAG 2.1 A and AA rules on the whole page as it is now (injecting the engine once per document)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):  # switching app pages keeps the document
        page.add_script_tag(path=axe_source())
    results = page.evaluate(RUN_AXE_JS, list(WCAG_21_AA))
    findings = tuple(
        Finding(rule["rule"], node["impact"], node["target"], node["html"], node["summary"])
        for rule in results["violations"]
        for node in rule["nodes"]
    )
    return AxeReport(tuple(results["passes"]), tuple(results["incomplete"]), findings)
