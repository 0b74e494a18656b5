"""`make bench`: the sample's cold builds, pandoc and LibreOffice beside them, synthetic sizes, stage shares.

Every ccdocs command runs as an installed ccdocs runs: in a new process, its bytecode compiled once (kept in
the temporary folder, whatever PYTHONDONTWRITEBYTECODE says) and its own cache of parsed fonts and compiled
figures (filled by a first build, timed apart). With BENCH_BEFORE=/path/to/an/older/checkout, the same
measures of that checkout's ccdocs fill the "before" column.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "fixtures" / "wo-cc-86-inf-1"
CCDOCS = [sys.executable, "-m", "ccdocs"]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
BEFORE = os.environ.get("BENCH_BEFORE")
TARGETS = {"sample": 1.0, "libreoffice_ratio": 7.0, "t5000": 15.0, "growth": 11.0, "memory_mb": 300.0}


def environment(tmp_path: Path, tree: Path | None = None) -> dict:
    """The environment of the commands: compiled bytecode and a cache in `tmp_path`; `tree`'s ccdocs if given."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=str(tmp_path / "bytecode"), CCDOCS_CACHE=str(tmp_path / "cache"))
    if tree:
        env["PYTHONPATH"] = str(tree / "src")
    return env


def measure(command: list[str], env: dict) -> tuple[float, float, str]:
    """Wall seconds, peak resident MB (of the largest process) and stderr of one run of `command`."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed:\n{stderr}")
    return wall, usage.ru_maxrss / 1024, stderr


def repeated(command: list[str], env: dict, runs: int = RUNS) -> tuple[float, float, list[str]]:
    """Median wall time, highest peak memory and every stderr over `runs` cold runs."""
    results = [measure(command, env) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), max(r[1] for r in results), [r[2] for r in results])


def stage_shares(stderrs: list[str]) -> dict[str, float]:
    """Median seconds per stage from `ccdocs build --profile` lines: `profile: read 0.012s …`."""
    stages: dict[str, list[float]] = {}
    for text in stderrs:
        for name, seconds in re.findall(r"(\w+) ([\d.]+)s", " ".join(l for l in text.splitlines()
                                                                     if l.startswith("profile:"))):
            stages.setdefault(name, []).append(float(seconds))
    return {name: statistics.median(values) for name, values in stages.items()}


def row(label: str, value: str, target: str = "", verdict: str = "", before: str = "") -> str:
    return f"| {label:<54} | {value:>22} | {before:>16} | {target:>14} | {verdict:<5} |"


def met(ok: bool) -> str:
    return "yes" if ok else "no"


class Side:
    """One ccdocs under measure (today's, or the BENCH_BEFORE checkout's): its environment and its figures."""

    def __init__(self, tmp_path: Path, tree: Path | None = None):
        self.env = environment(tmp_path / ("before" if tree else "now"), tree)
        self.out = tmp_path / ("before" if tree else "now") / "out"
        self.figures: dict = {}

    def sample(self) -> list[str]:
        """Build the sample cold RUNS times (after one build that fills the cache); its stderrs."""
        build = CCDOCS + ["build", str(SAMPLE), "--out", str(self.out), "--profile"]
        self.figures["first"] = measure(build, self.env)[0]
        self.figures["sample"], self.figures["memory"], stderrs = repeated(build, self.env)
        return stderrs

    def libreoffice(self, soffice: str, tmp_path: Path) -> None:
        """LibreOffice's two PDF conversions of this side's DOCX files, and their ratio to this side's build."""
        docs = [self.out / lang / "wo_cc_86_inf_1.docx" for lang in ("en", "zh")]
        profile = f"file://{tmp_path}/lo-profile"
        command = [soffice, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir"]
        measure(command + [str(tmp_path / "warm"), str(docs[0])], self.env)
        times = [sum(measure(command + [str(tmp_path / f"lo{i}"), str(doc)], self.env)[0]
                     for i, doc in enumerate(docs)) for _ in range(max(1, RUNS // 2))]
        self.figures["libreoffice"] = statistics.median(times)
        self.figures["ratio"] = self.figures["libreoffice"] / self.figures["sample"]

    def synthetic(self, folders: dict) -> None:
        """Each synthetic size built cold: seconds and megabytes."""
        for size, folder in folders.items():
            runs = 1 if size >= 1000 else 3
            seconds, megabytes, _ = repeated(CCDOCS + ["build", str(folder), "--out", str(self.out / str(size))],
                                             self.env, runs)
            self.figures[size] = (seconds, megabytes)
        self.figures["growth"] = self.figures[5000][0] / self.figures[500][0]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="ccdocs-bench-") as tmp:
        tmp_path = Path(tmp)
        now, before = Side(tmp_path), Side(tmp_path, Path(BEFORE).resolve()) if BEFORE else None
        floor, _, _ = repeated([sys.executable, "-c", "import docx, reportlab, babel, jinja2, yaml"], now.env)
        stderrs = now.sample()
        if before:
            before.sample()
        soffice = shutil.which("soffice")
        pandoc = competitor_pandoc(tmp_path, now.env) if shutil.which("pandoc") else None
        for side in filter(None, (now, before)):
            if soffice:
                side.libreoffice(soffice, tmp_path)
        sys.path.insert(0, str(ROOT / "src"))
        from ccdocs.testing.synthetic import make_document

        folders = {size: make_document(tmp_path / f"syn{size}", size) for size in (100, 500, 1000, 5000)}
        for side in filter(None, (now, before)):
            side.synthetic(folders)
    print("\n".join(table(now, before, floor, stage_shares(stderrs), pandoc, bool(soffice))))


def competitor_pandoc(tmp_path: Path, env: dict) -> float:
    """pandoc's median time for the sample's English Markdown to DOCX."""
    markdown = tmp_path / "sample.md"
    markdown.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in sorted((SAMPLE / "content").glob("*.md"))),
                        encoding="utf-8")
    return repeated(["pandoc", str(markdown), "-o", str(tmp_path / "pandoc.docx")], env)[0]


def table(now: Side, before: Side | None, floor: float, shares: dict, pandoc: float | None,
          libreoffice: bool) -> list[str]:
    """The benchmark's table: each measure, today's figure, the older checkout's, the target and whether met."""
    old = before.figures if before else {}
    fig = now.figures

    def was(key, shown):
        return shown(old[key]) if key in old else ""

    lines = [row("measure", "figure", "target", "met", "before" if before else ""),
             row("-" * 54, "-" * 22, "-" * 14, "-" * 5, "-" * 16),
             row("floor: Python and the five packages' imports", f"{floor:.3f} s"),
             row("sample, first build (empty cache)", f"{fig['first']:.3f} s", before=was("first", "{:.3f} s".format)),
             row(f"sample en+zh × docx+pdf, cold, median of {RUNS}", f"{fig['sample']:.3f} s",
                 f"≤ {TARGETS['sample']:.1f} s", met(fig["sample"] <= TARGETS["sample"]),
                 was("sample", lambda s: f"{s:.3f} s ({s / fig['sample']:.1f}×)")),
             row("sample peak memory (largest process)", f"{fig['memory']:.0f} MB",
                 f"≤ {TARGETS['memory_mb']:.0f} MB", met(fig["memory"] <= TARGETS["memory_mb"]),
                 was("memory", "{:.0f} MB".format))]
    total = sum(shares.values()) or 1.0
    lines += [row(f"  stage {name} (summed over the workers)", f"{seconds:.3f} s ({100 * seconds / total:.0f}%)")
              for name, seconds in shares.items()]
    if pandoc is None:
        lines.append(row("pandoc", "not installed"))
    else:
        lines += [row("pandoc Markdown → DOCX, English only", f"{pandoc:.3f} s"),
                  row("  ratio pandoc (1 DOCX) / ccdocs (4 outputs)", f"{pandoc / fig['sample']:.2f}×")]
    if not libreoffice:
        lines.append(row("LibreOffice", "not installed"))
    else:
        lines += [row("LibreOffice DOCX → PDF, our en and zh DOCX", f"{fig['libreoffice']:.3f} s"),
                  row("  ratio LibreOffice (2 PDF) / ccdocs (4 outputs)", f"{fig['ratio']:.1f}×",
                      f"≥ {TARGETS['libreoffice_ratio']:.0f}×", met(fig["ratio"] >= TARGETS["libreoffice_ratio"]),
                      was("ratio", "{:.1f}×".format))]
    for size in (100, 500, 1000, 5000):
        seconds, megabytes = fig[size]
        last = size == 5000
        lines.append(row(f"synthetic {size:,} ¶ (a note every 10, a table every 50)",
                         f"{seconds:.2f} s, {megabytes:.0f} MB", f"≤ {TARGETS['t5000']:.0f} s" if last else "",
                         met(seconds <= TARGETS["t5000"]) if last else "",
                         was(size, lambda f: f"{f[0]:.2f} s, {f[1]:.0f} MB")))
    lines.append(row("  growth t(5000) / t(500)", f"{fig['growth']:.1f}", f"≤ {TARGETS['growth']:.0f}",
                     met(fig["growth"] <= TARGETS["growth"]), was("growth", "{:.1f}".format)))
    return lines


if __name__ == "__main__":
    main()
