"""`make bench`: every figure of issue 19 with its target and whether it is met, beside Typst and LibreOffice.

Measured as whole processes run as users run ccdocs: the checkout's wheel installed in an environment of the
bench's own (bench/installed.py), its `ccdocs` script and its Python (medians of BENCH_RUNS, default 5;
BENCH_RUNS=1 for a quick look): the sample's
cold build (en+zh × docx+pdf) and its stage profile, `ccdocs --help`, the two PDFs beside Typst compiling the
same text (bench/typst_markup.py) and LibreOffice converting our DOCX, the PDF writer alone in one process
(bench/pdf_writer.py), synthetic documents of 500 and 5,000 paragraphs, the watch loop's one-paragraph rebuild
(bench/watch_loop.py) and a batch build of 20 folders beside LibreOffice's conversions. With
BENCH_BEFORE=/path/to/an/older/checkout, that checkout's ccdocs (its sources overlaid on PYTHONPATH in the same
environment: bench/process.py) is measured in the same rounds, taken in turn with today's, and fills the
"before" column. With BENCH_FILED=/path/to/a/checkout of the commit issue 19 was filed at (914cc02), the PDF
writer alone is measured with it too, in turns with today's: the "2.5× faster than now" target is read against it.

The issue set its targets in seconds on a machine where Python and the five packages' imports (the "floor") took
0.38 s; the table also reads each target in seconds scaled by this machine's floor over that one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

from installed import Installed
from process import Failed, Timed, environment, measure, rounds
from typst_markup import LEFT_OUT, faces, markup
import watch_loop

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SAMPLE = FIXTURES / "wo-cc-86-inf-1"
BATCH = ("wo-cc-86-inf-1", "wo-cc-84-inf-1", "budget-table")
BATCH_FOLDERS = 20
LIBREOFFICE_BATCH = 12   # of the batch's DOCX files (each fixture twice, in both languages): a rate, in less time
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
BEFORE = os.environ.get("BENCH_BEFORE")
FILED = os.environ.get("BENCH_FILED")
ISSUE_FLOOR = 0.38  # seconds: the floor on the machine issue 19 measured its figures and set its targets on
FILED_ROUNDS = 3    # turns of the PDF writer alone, today's and the filed checkout's, taken alternately
TARGETS = {"sample": 0.60, "help": 0.15, "pdf_speedup": 2.5, "t5000": 5.0, "growth": 10.0, "memory_mb": 250.0,
           "watch": 0.3, "libreoffice_ratio": 7.0}
START = time.perf_counter()
LAUNCH = "import sys, ccdocs.cli as c; sys.argv[0] = 'ccdocs'; (getattr(c, 'console', None) or c.main)()"
TYPST = ("import sys, typst\n"
         "for source in sys.argv[2:]:\n"
         "    typst.compile(source, output=source[:-4] + '.pdf', font_paths=[sys.argv[1]], ignore_system_fonts=True)")


def note(what: str) -> None:
    """A progress line on stderr: the seconds since the bench started and what it measures next."""
    print(f"bench {time.perf_counter() - START:6.1f} s: {what}", file=sys.stderr, flush=True)


class Side:
    """One ccdocs under measure (today's, or the BENCH_BEFORE checkout's, overlaid on the installed one): its
    environment, its `ccdocs` command and Python, and its figures."""

    def __init__(self, tmp_path: Path, installed: Installed, tree: Path | None = None, name: str = "before"):
        self.name = name if tree else "now"
        self.tree = tree or ROOT
        self.work = tmp_path / self.name
        self.env = environment(self.work, tree)
        self.python = str(installed.python)
        # an older checkout's ccdocs through its own entry point (`main`; `console` since fbb74f5), which the installed
        # script, today's, names
        self.ccdocs = [str(installed.ccdocs)] if tree is None else [self.python, "-c", LAUNCH]
        self.figures: dict = {}

    def build(self, *args: str) -> list[str]:
        """`ccdocs build` in the languages of the targets (a fixture may have more)."""
        return self.ccdocs + ["build", "--lang", "en,zh", *args]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="ccdocs-bench-") as tmp:
        tmp_path = Path(tmp)
        note("the checkout's wheel installed in the bench's environment")
        installed = Installed(ROOT, tmp_path / "installed")
        sides = [Side(tmp_path, installed)] + ([Side(tmp_path, installed, Path(BEFORE).resolve())] if BEFORE else [])
        peers: dict = {"installed": installed.wheel}
        note("imports floor, ccdocs --help")
        floor = Timed([sides[0].python, "-c", "import docx, reportlab, babel, jinja2, yaml"], sides[0].env)
        rounds([floor], RUNS)
        peers["floor"] = floor.median
        cold_start(sides)
        note("the sample's cold builds")
        sample(sides)
        note("the two PDFs beside Typst")
        pdfs(sides, peers, tmp_path)
        note("LibreOffice converting the sample")
        libreoffice_sample(sides[0], peers, tmp_path)
        note("the PDF writer in one process")
        filed = Side(tmp_path, installed, Path(FILED).resolve(), "filed") if FILED else None
        pdf_writers(sides + ([filed] if filed else []))
        if filed:
            peers["filed"] = filed.figures["writer"]
        note("synthetic documents")
        synthetic(sides, tmp_path)
        note("the watch loop")
        for side in sides:
            side.figures["watch"] = watch_loop.rebuilds(side.ccdocs, side.env, SAMPLE, side.work, max(RUNS, 3))
        note("the batch build")
        batch(sides, peers, tmp_path)
        note("done")
    print("\n".join(table(sides[0], sides[1] if len(sides) > 1 else None, peers)))


def cold_start(sides: list[Side]) -> None:
    """`ccdocs --help` as a whole process."""
    timed = [Timed(side.ccdocs + ["--help"], side.env) for side in sides]
    rounds(timed, RUNS)
    for side, item in zip(sides, timed):
        side.figures["help"] = item.median


def sample(sides: list[Side]) -> None:
    """The sample's four outputs built cold, after one first build that fills each side's cache; the stage
    profile (`--profile`) and the peak memory of the largest process."""
    timed = []
    for side in sides:
        command = side.build(str(SAMPLE), "--out", str(side.work / "sample"), "--profile")
        side.figures["first"] = measure(command, side.env).seconds
        timed.append(Timed(command, side.env))
    rounds(timed, RUNS)
    for side, item in zip(sides, timed):
        side.figures.update(sample=item.median, memory=item.peak, stages=stage_shares([r.stderr for r in item.runs]))


def stage_shares(stderrs: list[str]) -> dict[str, float]:
    """Median seconds per stage from `ccdocs build --profile` lines: `profile: read 0.012s …`."""
    stages: dict[str, list[float]] = {}
    for text in stderrs:
        for line in text.splitlines():
            if line.startswith("profile:"):
                for name, seconds in re.findall(r"(\w+) ([\d.]+)s", line):
                    stages.setdefault(name, []).append(float(seconds))
    return {name: statistics.median(values) for name, values in stages.items()}


def pdfs(sides: list[Side], peers: dict, tmp_path: Path) -> None:
    """The two PDFs alone (`--format pdf`), in the same rounds as Typst compiling the same text (one process
    for both languages, as ccdocs's one command), when the `typst` package is installed."""
    timed = [Timed(side.build(str(SAMPLE), "--format", "pdf", "--out", str(side.work / "pdfs")), side.env)
             for side in sides]
    typst = typst_sources(sides[0], tmp_path / "typst")
    if isinstance(typst, str):
        peers["typst"] = typst
    else:
        timed.append(Timed([sides[0].python, "-c", TYPST, str(tmp_path / "typst" / "fonts"), *map(str, typst)],
                           sides[0].env))
    rounds(timed, RUNS)
    for side, item in zip(sides, timed):
        side.figures["pdfs"] = item.median
    if not isinstance(typst, str):
        peers["typst"] = timed[-1].median
        peers["pages"] = {lang: (pages(sides[0].work / "pdfs" / lang / "wo_cc_86_inf_1.pdf"),
                                 pages(source.with_suffix(".pdf")))
                          for lang, source in zip(("en", "zh"), typst)}


def typst_sources(side: Side, folder: Path):
    """The sample's en and zh as Typst documents (from `ccdocs dump --json`, fonts linked into folder/fonts);
    a string saying why not when the `typst` package is missing."""
    if find_spec("typst") is None:  # the compile runs in a process of its own
        return "not installed (`make bench` installs the bench extra: pip install -e '.[bench]')"
    from ccdocs.theme import load_theme

    folder.mkdir(parents=True)
    theme = load_theme("default")
    sources = []
    for lang in ("en", "zh"):
        dump = json.loads(measure(side.ccdocs + ["dump", str(SAMPLE), "--json", "--lang", lang], side.env).stdout)
        source = folder / f"{lang}.typ"
        source.write_text(markup(dump, theme, faces(folder / "fonts", lang)), encoding="utf-8")
        sources.append(source)
    return sources


def pages(pdf: Path) -> int:
    """The number of pages of a PDF."""
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def soffice(profile: Path) -> list[str] | None:
    """LibreOffice's headless PDF conversion command with a private profile, or None when not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    return [found, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to", "pdf", "--outdir"] \
        if found else None


def named_copies(files: list[Path], folder: Path) -> list[str]:
    """`files` copied into `folder` under distinct names (two languages' outputs share a name)."""
    folder.mkdir(parents=True)
    return [str(shutil.copy(path, folder / f"{index}-{path.parent.name}-{path.name}"))
            for index, path in enumerate(files)]


def libreoffice_sample(now: Side, peers: dict, tmp_path: Path) -> None:
    """LibreOffice converting the sample's en and zh DOCX (today's) to PDF in one process, after a warm-up."""
    command = soffice(tmp_path / "lo-profile")
    if command is None:
        peers["libreoffice"] = "not installed"
        return
    docx = named_copies(sorted((now.work / "sample").glob("*/*.docx")), tmp_path / "lo-sample")
    measure(command + [str(tmp_path / "lo-warm"), docx[0]], now.env)
    timed = Timed(command + [str(tmp_path / "lo-pdf"), *docx], now.env)
    rounds([timed], max(1, RUNS // 2))
    peers["libreoffice"] = timed.median


def pdf_writers(sides: list[Side]) -> None:
    """The PDF writer alone in one process (bench/pdf_writer.py with each side's ccdocs), the sides in turn
    (FILED_ROUNDS turns when a BENCH_FILED side is measured, else one): each figure the median of its turns'."""
    turns: dict = {side.name: [] for side in sides}
    for _ in range(FILED_ROUNDS if any(side.name == "filed" for side in sides) else 1):
        for side in sides:
            script = [side.python, str(Path(__file__).with_name("pdf_writer.py")), str(SAMPLE), str(RUNS)]
            turns[side.name].append(json.loads(measure(script, side.env).stdout))
    for side in sides:
        side.figures["writer"] = {part: {lang: statistics.median(turn[part][lang] for turn in turns[side.name])
                                         for lang in ("zh", "en")} for part in ("pdf", "model")}


def synthetic(sides: list[Side], tmp_path: Path) -> None:
    """Synthetic documents of 500 and 5,000 paragraphs (a note every 10, a table every 50), built cold."""
    sys.path.insert(0, str(ROOT / "src"))
    from ccdocs.testing.synthetic import make_document

    for size, runs in ((500, min(RUNS, 3)), (5000, 1)):
        folder = make_document(tmp_path / f"syn{size}", size)
        timed = [Timed(side.build(str(folder), "--out", str(side.work / f"syn{size}")), side.env) for side in sides]
        rounds(timed, runs)
        for side, item in zip(sides, timed):
            side.figures[size] = (item.median, item.peak)
    for side in sides:
        side.figures["growth"] = side.figures[5000][0] / side.figures[500][0]


def batch_folders(fixtures: Path, folder: Path) -> list[Path]:
    """BATCH_FOLDERS copies of the BATCH fixtures, each with its own symbol (so its own output files)."""
    made = []
    for index in range(BATCH_FOLDERS):
        copy = folder / f"doc{index:02d}"
        shutil.copytree(fixtures / BATCH[index % len(BATCH)], copy, ignore=shutil.ignore_patterns("expected"))
        spec = copy / "document.yaml"
        spec.write_text(re.sub(r"(?m)^(symbol: \S+/)\d+$", rf"\g<1>{101 + index}", spec.read_text(encoding="utf-8")),
                        encoding="utf-8")
        made.append(copy)
    return made


def batch(sides: list[Side], peers: dict, tmp_path: Path) -> None:
    """One `ccdocs build DIR…` of BATCH_FOLDERS folders, documents (a folder in a language, both formats) per
    second; LibreOffice's DOCX → PDF conversions of LIBREOFFICE_BATCH of the same documents per second, in one
    process."""
    for side in sides:  # each side apart: a batch one of them fails (a folder it cannot build) is told in its row
        # each side's own fixtures: an older checkout may not read today's (a language added since)
        folders = [str(f) for f in batch_folders(side.tree / "fixtures", side.work / "batch-in")]
        try:
            timed = Timed(side.build(*folders, "--out", str(side.work / "batch")), side.env)
            rounds([timed], max(1, RUNS // 3))
        except Failed as failure:
            side.figures["batch"] = f"failed: {failure.last}"
            continue
        documents = len(list((side.work / "batch").glob("*/*.pdf")))
        side.figures["batch"] = (documents / timed.median, documents)
    if isinstance(sides[0].figures["batch"], str):
        return
    command = soffice(tmp_path / "lo-profile")
    if command is None:
        peers["batch"] = "not installed"
        return
    made = sorted((sides[0].work / "batch").glob("*/*.docx"),
                  key=lambda path: (re.findall(r"\d+", path.stem)[-1], path.parent.name))
    docx = named_copies(made[:LIBREOFFICE_BATCH], tmp_path / "lo-batch")
    run = measure(command + [str(tmp_path / "lo-batch-pdf"), *docx], sides[0].env)
    peers["batch"] = len(docx) / run.seconds


def row(label: str, value: str = "", target: str = "", verdict: str = "", before: str = "") -> str:
    return f"| {label:<58} | {value:>20} | {before:>20} | {target:>16} | {verdict:<14} |"


def met(ok: bool) -> str:
    return "yes" if ok else "NO"


def table(now: Side, before: Side | None, peers: dict) -> list[str]:
    """The benchmark's table: each measure, today's figure, the older checkout's, the target and whether met."""
    fig, old = now.figures, before.figures if before else {}

    def was(key, shown):
        return shown(old[key]) if key in old else ""

    def seconds(value):
        return f"{value:.3f} s"

    lines = [f"ccdocs bench: medians of {RUNS} runs (BENCH_RUNS), whole processes unless said"
             + (f"; before = {BEFORE}" if before else "; BENCH_BEFORE unset: no before column"),
             f"  measured: `ccdocs` and Python of a bench-only environment holding {peers['installed']} built from "
             f"{ROOT} (dependencies from {Path(sys.prefix).name}'s site-packages, none of its .pth files run)"
             + ("; before: its src/ overlaid on PYTHONPATH in that environment" if before else ""),
             row("measure", "now", "target", "met", "before"),
             row("-" * 58, "-" * 20, "-" * 16, "-" * 14, "-" * 20),
             row("floor: Python and the five packages' imports", seconds(peers["floor"])),
             row("`ccdocs --help`", seconds(fig["help"]), f"≤ {TARGETS['help']:.2f} s",
                 met(fig["help"] <= TARGETS["help"]), was("help", seconds)),
             row("sample, first build (empty cache)", seconds(fig["first"]), before=was("first", seconds)),
             row("sample en+zh × docx+pdf, cold", seconds(fig["sample"]), f"≤ {TARGETS['sample']:.2f} s",
                 met(fig["sample"] <= TARGETS["sample"]), was("sample", seconds)),
             row("  peak memory (largest process)", f"{fig['memory']:.0f} MB",
                 before=was("memory", "{:.0f} MB".format))]
    lines += [row(f"  stage {name} (summed over the workers)", f"{value:.3f} s",
                  before=seconds(old["stages"][name]) if name in old.get("stages", {}) else "")
              for name, value in fig["stages"].items()]
    typst = peers["typst"]
    if isinstance(typst, str):
        lines += [row("sample en+zh PDFs only (--format pdf)", seconds(fig["pdfs"]), before=was("pdfs", seconds)),
                  row(f"Typst: {typst}")]
    else:
        shown = ", ".join(f"{lang} {ours}/{theirs}" for lang, (ours, theirs) in peers["pages"].items())
        lines += [row("sample en+zh PDFs only (--format pdf)", seconds(fig["pdfs"]), "< Typst",
                      met(fig["pdfs"] < typst), was("pdfs", seconds)),
                  row(f"Typst {version('typst')} (PyPI) compiling the same en+zh", seconds(typst)),
                  row("  ratio ccdocs PDFs / Typst PDFs", f"{fig['pdfs'] / typst:.2f}×", "< 1",
                      met(fig["pdfs"] < typst), was("pdfs", lambda s: f"{s / typst:.2f}×")),
                  row(f"  pages ccdocs/Typst: {shown}"),
                  f"  Typst's rendering leaves out: {LEFT_OUT}"]
    lo = peers["libreoffice"]
    if isinstance(lo, str):
        lines.append(row(f"LibreOffice: {lo}"))
    else:
        lines += [row("LibreOffice DOCX → PDF, our en and zh DOCX, one process", seconds(lo)),
                  row("  ratio LibreOffice (2 PDF) / ccdocs (4 outputs)", f"{lo / fig['sample']:.1f}×",
                      f"≥ {TARGETS['libreoffice_ratio']:.0f}×",
                      met(lo / fig["sample"] >= TARGETS["libreoffice_ratio"]),
                      was("sample", lambda s: f"{lo / s:.1f}×"))]
    writer, old_writer, filed = fig["writer"], old.get("writer"), peers.get("filed")
    against = filed or old_writer
    for lang in ("zh", "en"):
        speedup = against["pdf"][lang] / writer["pdf"][lang] if against else None
        target = f"≥ {TARGETS['pdf_speedup']:.1f}× faster" if lang == "zh" else ""
        verdict = "" if lang != "zh" else "needs BENCH_FILED" if speedup is None else \
            f"{met(speedup >= TARGETS['pdf_speedup'])} ({speedup:.2f}×)"
        lines.append(row(f"PDF writer alone, {lang}, from the built model (1 process)", seconds(writer["pdf"][lang]),
                         target, verdict, seconds(old_writer["pdf"][lang]) if old_writer else ""))
        if filed:
            lines.append(row(f"  the same at the issue's filing (BENCH_FILED), {lang}", seconds(filed["pdf"][lang]),
                             verdict=f"{filed['pdf'][lang] / writer['pdf'][lang]:.2f}× now"))
    if not filed:
        lines.append("  the zh writer's speed-up above is against BENCH_BEFORE" if old_writer else
                     "  the zh writer's target is read against BENCH_FILED (the checkout issue 19 was filed at)")
    for lang in ("zh", "en"):
        lines.append(row(f"  model of the sample, {lang} (resolve, 1 process)", seconds(writer["model"][lang]),
                         before=seconds(old_writer["model"][lang]) if old_writer else ""))
    for size in (500, 5000):
        value, megabytes = fig[size]
        last = size == 5000
        lines.append(row(f"synthetic {size:,} ¶ (a note every 10, a table every 50)", f"{value:.2f} s",
                         f"≤ {TARGETS['t5000']:.0f} s" if last else "",
                         met(value <= TARGETS["t5000"]) if last else "",
                         was(size, lambda f: f"{f[0]:.2f} s")))
        lines.append(row("  peak memory (largest process)", f"{megabytes:.0f} MB",
                         f"≤ {TARGETS['memory_mb']:.0f} MB" if last else "",
                         met(megabytes <= TARGETS["memory_mb"]) if last else "", was(size, lambda f: f"{f[1]:.0f} MB")))
    lines.append(row("  growth t(5000) / t(500)", f"{fig['growth']:.1f}", f"≤ {TARGETS['growth']:.0f}",
                     met(fig["growth"] <= TARGETS["growth"]), was("growth", "{:.1f}".format)))
    lines += watch_rows(fig["watch"], old.get("watch"))
    return lines + batch_rows(fig["batch"], old.get("batch"), peers.get("batch")) + scaled_rows(fig, peers["floor"])


def scaled_rows(fig: dict, floor: float) -> list[str]:
    """The targets given in seconds, read on this machine: each scaled by this machine's floor over the floor of
    the machine issue 19 set them on (ISSUE_FLOOR), as a faster machine makes every process faster."""
    scale = floor / ISSUE_FLOOR
    figures = {"sample": ("sample en+zh × docx+pdf, cold", fig["sample"]), "help": ("`ccdocs --help`", fig["help"]),
               "t5000": ("synthetic 5,000 ¶", fig[5000][0])}
    if isinstance(fig["watch"], dict):
        figures["watch"] = ("watch: a one-¶ rebuild", fig["watch"]["own"])
    lines = [f"  targets in seconds scaled to this machine: its floor {floor:.3f} s against {ISSUE_FLOOR:.2f} s where "
             f"the issue set them (× {scale:.2f})"]
    for key, (label, value) in figures.items():
        target = TARGETS[key] * scale
        lines.append(row(f"  {label}, scaled target", f"{value:.3f} s", f"≤ {target:.3f} s", met(value <= target)))
    return lines


def batch_rows(now, before, libreoffice) -> list[str]:
    """The batch build's rows: documents per second, LibreOffice's, their ratio; a failure told in its row."""
    lines = [f"  batch, before: {before}"] if isinstance(before, str) else []
    if isinstance(now, str):
        return [row(f"batch: {BATCH_FOLDERS} folders in one build: see below"), f"  batch, now: {now}"] + lines
    rate, documents = now
    old_rate = before[0] if isinstance(before, tuple) else None
    lines.insert(0, row(f"batch: {BATCH_FOLDERS} folders in one build, {documents} documents (docx+pdf)",
                        f"{rate:.2f} doc/s", before=f"{old_rate:.2f} doc/s" if old_rate else ""))
    if isinstance(libreoffice, str):
        lines.append(row(f"  LibreOffice: {libreoffice}"))
    else:
        lines += [row(f"  LibreOffice DOCX → PDF, {LIBREOFFICE_BATCH} of them in one process",
                      f"{libreoffice:.2f} doc/s"),
                  row("  ratio ccdocs / LibreOffice (documents per second)", f"{rate / libreoffice:.1f}×",
                      before=f"{old_rate / libreoffice:.1f}×" if old_rate else "")]
    return lines


def watch_rows(now, before) -> list[str]:
    """The watch loop's rows: the rebuild's own seconds (the target) and from the file's save to the line."""
    if isinstance(now, str):
        return [row(f"watch: a one-¶ rebuild, en docx+pdf: {now}", target=f"≤ {TARGETS['watch']:.1f} s")]
    old = before if isinstance(before, dict) else {}
    return [row("watch: a one-¶ rebuild, en docx+pdf (its status line)", f"{now['own']:.3f} s",
                f"≤ {TARGETS['watch']:.1f} s", met(now["own"] <= TARGETS["watch"]),
                f"{old['own']:.3f} s" if old else "n/a" if before else ""),
            row("  from the file's save to the status line", f"{now['wall']:.3f} s",
                before=f"{old['wall']:.3f} s" if old else ""),
            f"  last status line: {now['line']}"]


if __name__ == "__main__":
    try:
        main()
    except Failed as failure:
        raise SystemExit(str(failure)) from None
