"""Shared by the benchmarks: the test requests, a workspace seeded for them, statistics, tables, the machine."""

from __future__ import annotations

import json
import os
import platform
import re
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "finetune" / "data"
RESULTS = ROOT / "bench" / "results"
PLOTS = ROOT / "bench" / "plots"


# -- requests --------------------------------------------------------------------------------
def test_rows(limit: int | None, data_dir: Path = DATA_DIR) -> list[dict]:
    """The planning requests (kind == "plan") of the test split, first ``limit`` of them."""
    from tinyagent.finetune.evaluate import load_rows
    return load_rows("test", limit, Path(data_dir))


def gold_tasks(row: dict, specs: dict) -> list[dict]:
    """The gold plan as task dicts (id, tool, args, deps)."""
    from tinyagent.nodes.plans.planlang import compile_plan
    return [t.to_dict() for t in compile_plan(row["plan"], specs)]


# -- a workspace where the test requests' contacts, files and notes exist --------------------
def _slug(text: str, sep: str) -> str:
    return sep.join(re.findall(r"[a-z0-9]+", text.lower())) or "x"


def seeded_workspace(path: Path, rows: Sequence[dict], specs: dict) -> Path:
    """The sample workspace plus every contact, file and note the gold plans of ``rows`` name,
    so that tool calls succeed as they would on a real person's machine."""
    from fpdf import FPDF

    from tinyagent.tools.contacts import CONTACTS_FILE
    from tinyagent.tools.notes import folder_path
    from tinyagent.tools.paths import Workspace
    from tinyagent.tools.workspace import init_workspace

    root = init_workspace(path, sample=True)
    ws = Workspace(root)
    people, files, notes = set(), set(), set()
    for row in rows:
        for t in gold_tasks(row, specs):
            arg = t["args"]
            if t["tool"] in ("get_email_address", "get_phone_number") and isinstance(arg.get("name"), str):
                people.add(arg["name"].strip())
            elif t["tool"] == "open_and_get_file_path" and isinstance(arg.get("file_name"), str):
                files.add(arg["file_name"].strip())
            elif t["tool"] in ("open_note", "append_note_content") and isinstance(arg.get("name"), str):
                notes.add((arg["name"].strip(), arg.get("folder") or None))

    vcf = root / CONTACTS_FILE
    known = vcf.read_text(encoding="utf-8")
    cards = []
    for i, name in enumerate(sorted(people)):
        if f"FN:{name}\r\n" in known:
            continue
        given, _, family = name.partition(" ")
        cards.append(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nN:{family};{given};;;\r\n"
                     f"EMAIL;TYPE=INTERNET:{_slug(name, '.')}@example.com\r\n"
                     f"TEL;TYPE=CELL:+1-555-{200 + i:04d}\r\nEND:VCARD\r\n")
    vcf.write_text(known + "".join(cards), encoding="utf-8")

    docs = root / "Documents" / "Bench"
    docs.mkdir(parents=True, exist_ok=True)
    for name in sorted(files):
        suffix = Path(name).suffix.lower()
        target = docs / (name if 1 < len(suffix) <= 6 else f"{_slug(name, '_')}.pdf")
        if target.suffix.lower() != ".pdf":
            target.write_text(f"{name}: a file of the benchmark workspace.\n", encoding="utf-8")
            continue
        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        title = Path(name).stem.replace("_", " ")
        for para in (f"{title.title()}", f"This document, the {title}, covers the background, the "
                     f"findings and the next steps. The findings are positive and the team will "
                     f"review them on Friday.", "Next steps: share the document and plan a review."):
            pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
        target.write_bytes(bytes(pdf.output()))

    for name, folder in sorted(notes, key=str):
        note = folder_path(ws, folder) / f"{name}.md"
        if not note.exists():
            note.parent.mkdir(parents=True, exist_ok=True)
            note.write_text(f"# {name}\n\n- first item\n", encoding="utf-8")
    return root


# -- statistics and output -------------------------------------------------------------------
def median(xs: Sequence[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def p95(xs: Sequence[float]) -> float:
    """Nearest-rank 95th percentile."""
    if not xs:
        return float("nan")
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, -(-95 * len(s) // 100) - 1))]


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown table (readable in a terminal too)."""
    cells = [[str(c) for c in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(headers)]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    return "\n".join([line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|",
                      *(line(r) for r in cells)])


def machine() -> dict[str, Any]:
    """CPU, cores, memory and OS of this machine, for the results files."""
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    try:
        os_name = next(line.split("=", 1)[1].strip().strip('"') for line in open("/etc/os-release")
                       if line.startswith("PRETTY_NAME"))
    except (OSError, StopIteration):
        os_name = platform.platform()
    try:
        import llama_cpp
        llama = llama_cpp.__version__
    except ImportError:
        llama = None
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_kb / 2**20, 1),
            "os": os_name, "kernel": platform.release(), "python": platform.python_version(),
            "llama_cpp_python": llama, "load_average_1m": round(os.getloadavg()[0], 2)}


def others_running() -> list[str]:
    """Why timings taken now would be distorted: a training run, or a busy CPU."""
    out = subprocess.run(["pgrep", "-af", "finetune train"], capture_output=True, text=True).stdout
    found = [line for line in out.splitlines() if "pgrep" not in line]
    load = os.getloadavg()[0]
    if load > 0.5 * (os.cpu_count() or 1):
        found.append(f"1-minute load average {load:.1f} on {os.cpu_count()} cores")
    return found


def save(name: str | Path, data: dict) -> Path:
    """Write ``data`` (plus the machine) as JSON: a bare name goes under bench/results/."""
    path = Path(name) if Path(name).parent != Path(".") else RESULTS / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"machine": machine(), **data}, indent=1, ensure_ascii=False, default=str))
    return path


# -- plots -------------------------------------------------------------------------------------
def pyplot():
    """matplotlib.pyplot on the file-only Agg backend (no display on a server)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    return plt


def save_plot(fig, path: Path) -> None:
    """Lay out ``fig``, write it as a PNG to ``path`` (folders made as needed) and say so."""
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    print(f"wrote {path}", file=sys.stderr)

