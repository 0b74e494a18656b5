"""`make bench`: the sample's cold builds, pandoc and LibreOffice beside them, synthetic sizes, stage shares."""

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
TARGETS = {"sample": 1.0, "libreoffice_ratio": 7.0, "t5000": 15.0, "growth": 11.0, "memory_mb": 300.0}


def measure(command: list[str], cwd: Path | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak resident MB and stderr of one run of `command` in a new process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read()
    process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed:\n{stderr}")
    return wall, usage.ru_maxrss / 1024, stderr


def repeated(command: list[str], runs: int = RUNS, cwd: Path | None = None) -> tuple[float, float, list[str]]:
    """Median wall time, highest peak memory and every stderr over `runs` cold runs."""
    results = [measure(command, cwd) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), max(r[1] for r in results), [r[2] for r in results])


def stage_shares(stderrs: list[str]) -> dict[str, float]:
    """Median seconds per stage from `ccdocs build --profile` lines: `profile: read 0.012s …`."""
    stages: dict[str, list[float]] = {}
    for text in stderrs:
        for name, seconds in re.findall(r"(\w+) ([\d.]+)s", " ".join(l for l in text.splitlines()
                                                                     if l.startswith("profile:"))):
            stages.setdefault(name, []).append(float(seconds))
    return {name: statistics.median(values) for name, values in stages.items()}


def row(label: str, value: str, target: str = "", verdict: str = "") -> str:
    return f"| {label:<52} | {value:>22} | {target:>14} | {verdict:<5} |"


def main() -> None:
    lines = [row("measure", "figure", "target", "met"), row("-" * 52, "-" * 22, "-" * 14, "-" * 5)]
    with tempfile.TemporaryDirectory(prefix="ccdocs-bench-") as tmp:
        tmp_path = Path(tmp)
        floor, _, _ = repeated([sys.executable, "-c", "import docx, reportlab, babel, jinja2, yaml"])
        lines.append(row("floor: Python and the five packages' imports", f"{floor:.3f} s"))
        sample, sample_mb, stderrs = repeated(CCDOCS + ["build", str(SAMPLE), "--out", str(tmp_path / "out"),
                                                        "--profile"])
        lines.append(row(f"sample en+zh × docx+pdf, cold, median of {RUNS}", f"{sample:.3f} s",
                         f"≤ {TARGETS['sample']:.1f} s", "yes" if sample <= TARGETS["sample"] else "no"))
        lines.append(row("sample peak memory", f"{sample_mb:.0f} MB", f"≤ {TARGETS['memory_mb']:.0f} MB",
                         "yes" if sample_mb <= TARGETS["memory_mb"] else "no"))
        shares = stage_shares(stderrs)
        total = sum(shares.values()) or 1.0
        for name, seconds in shares.items():
            lines.append(row(f"  stage {name}", f"{seconds:.3f} s ({100 * seconds / total:.0f}%)"))
        lines += competitors(tmp_path, sample)
        lines += synthetic(tmp_path)
    print("\n".join(lines))


def competitors(tmp_path: Path, sample: float) -> list[str]:
    """pandoc (Markdown → DOCX, English) and LibreOffice (our two DOCX → PDF), when installed."""
    lines = []
    markdown = tmp_path / "sample.md"
    markdown.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in sorted((SAMPLE / "content").glob("*.md"))),
                        encoding="utf-8")
    if shutil.which("pandoc"):
        seconds, _, _ = repeated(["pandoc", str(markdown), "-o", str(tmp_path / "pandoc.docx")])
        lines.append(row("pandoc Markdown → DOCX, English only", f"{seconds:.3f} s"))
        lines.append(row("  ratio pandoc (1 DOCX) / ccdocs (4 outputs)", f"{seconds / sample:.2f}×"))
    else:
        lines.append(row("pandoc", "not installed"))
    soffice = shutil.which("soffice")
    if soffice:
        docs = [tmp_path / "out" / lang / "wo_cc_86_inf_1.docx" for lang in ("en", "zh")]
        profile = f"file://{tmp_path}/lo-profile"
        measure([soffice, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
                 "--outdir", str(tmp_path / "warm"), str(docs[0])])
        times = []
        for _ in range(max(1, RUNS // 2)):
            total = 0.0
            for index, doc in enumerate(docs):
                total += measure([soffice, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
                                  "--outdir", str(tmp_path / f"lo{index}"), str(doc)])[0]
            times.append(total)
        seconds = statistics.median(times)
        ratio = seconds / sample
        lines.append(row("LibreOffice DOCX → PDF, our en and zh DOCX", f"{seconds:.3f} s"))
        lines.append(row("  ratio LibreOffice (2 PDF) / ccdocs (4 outputs)", f"{ratio:.1f}×",
                         f"≥ {TARGETS['libreoffice_ratio']:.0f}×", "yes" if ratio >= TARGETS["libreoffice_ratio"] else "no"))
    else:
        lines.append(row("LibreOffice", "not installed"))
    return lines


def synthetic(tmp_path: Path) -> list[str]:
    """Synthetic documents of 100 … 5,000 paragraphs built cold in en+zh × docx+pdf."""
    sys.path.insert(0, str(ROOT / "src"))
    from ccdocs.testing.synthetic import make_document

    lines, times = [], {}
    for size in (100, 500, 1000, 5000):
        folder = make_document(tmp_path / f"syn{size}", size)
        runs = 1 if size >= 1000 else 3
        seconds, megabytes, _ = repeated(CCDOCS + ["build", str(folder), "--out", str(tmp_path / f"o{size}")], runs)
        times[size] = seconds
        target = f"≤ {TARGETS['t5000']:.0f} s" if size == 5000 else ""
        verdict = ("yes" if seconds <= TARGETS["t5000"] else "no") if size == 5000 else ""
        lines.append(row(f"synthetic {size:,} paragraphs (note/10, table/50), en+zh", f"{seconds:.2f} s, "
                         f"{megabytes:.0f} MB", target, verdict))
    growth = times[5000] / times[500]
    lines.append(row("  growth t(5000) / t(500)", f"{growth:.1f}", f"≤ {TARGETS['growth']:.0f}",
                     "yes" if growth <= TARGETS["growth"] else "no"))
    return lines


if __name__ == "__main__":
    main()
