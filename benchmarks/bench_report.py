"""Turn a benchmark result (run.py's JSON) into Markdown tables, target checks and a PNG plot.

docs/performance.md keeps its hand-written text; only the part between the two markers is
replaced by a new run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

START = "<!-- benchmark results: start (benchmarks/run.py writes this part) -->"
END = "<!-- benchmark results: end -->"


def _get(row: dict[str, Any], *keys: str) -> float | None:
    value: Any = row
    for key in keys:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return float(value) if isinstance(value, int | float) else None


def _s(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"


TOOLS = (  # column title, path in a size's result
    ("limit: DDL once + 1 scan", ("limit", "median_s", "total")),
    ("lockplane plan, cold", ("cli_cold", "median_s")),
    ("lockplane plan, warm", ("cli_warm", "median_s")),
    ("alembic revision --lockplane, warm", ("alembic_lockplane_warm", "median_s")),
    ("alembic revision --autogenerate", ("autogenerate", "median_s")),
    ("migra", ("migra", "median_s")),
    ("pg_dump -s", ("pg_dump", "median_s")),
)


def table(result: dict[str, Any]) -> str:
    sizes = result["sizes"]
    lines = [
        "Wall time in seconds (median), as a user runs each command (includes start-up).",
        "",
        "| tables | " + " | ".join(t for t, _ in TOOLS) + " |",
        "|---:|" + "---:|" * len(TOOLS),
    ]
    for size, row in sizes.items():
        cells = [_s(_get(row, *path)) for _, path in TOOLS]
        lines.append(f"| {int(size):,} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "`lockplane plan` in process, by phase (median seconds): desired load / introspection"
        " of the live database / diff + render + safety.",
        "",
        "| tables | cold: load | introspect | plan | total | warm: load | introspect | plan |"
        " total | catalog queries | peak RSS MiB (CLI) | peak heap MiB (traced) |"
        " alembic --lockplane cold |",
        "|---:|" + "---:|" * 12,
    ]
    for size, row in sizes.items():
        cells = [
            _get(row, "lockplane_cold", "median_s", k) for k in ("load", "introspect", "plan")
        ] + [_get(row, "lockplane_cold", "median_s", "total")]
        cells += [
            _get(row, "lockplane_warm", "median_s", k)
            for k in ("load", "introspect", "plan", "total")
        ]
        queries = row.get("catalog_queries")
        rss = _get(row, "cli_cold", "max_rss_mib")
        heap = _get(row, "traced_peak_mib")
        cold_rev = _get(row, "alembic_lockplane_cold", "median_s")
        lines.append(
            f"| {int(size):,} | "
            + " | ".join(_s(c) for c in cells)
            + f" | {queries if queries is not None else '-'} | {_s(rss)} | {_s(heap)} |"
            + f" {_s(cold_rev)} |"
        )
    return "\n".join(lines) + "\n"


def _verdict(ok: bool | None) -> str:
    return "-" if ok is None else ("holds" if ok else "**does not hold**")


def targets(result: dict[str, Any]) -> str:
    sizes = result["sizes"]
    k = sizes.get("1000", {})
    limit = _get(k, "limit", "median_s", "total")
    cold = _get(k, "cli_cold", "median_s")
    cold_in = _get(k, "lockplane_cold", "median_s", "total")
    warm = _get(k, "cli_warm", "median_s")
    migra = _get(k, "migra", "median_s")
    auto = _get(k, "autogenerate", "median_s")
    intro = _get(k, "lockplane_warm", "median_s", "introspect")
    dump = _get(k, "pg_dump", "median_s")
    big = sizes.get("5000", {})
    big_cold = _get(big, "cli_cold", "median_s")
    rss = _get(big, "cli_cold", "max_rss_mib")
    rev50 = _get(sizes.get("50", {}), "alembic_lockplane_warm", "median_s")

    def ratio(a: float | None, b: float | None) -> float | None:
        return a / b if a is not None and b else None

    rows = [
        (
            "cold plan within 1.3x of the limit (1,000 tables, CLI)",
            ratio(cold, limit),
            lambda r: r <= 1.3,
            "x",
        ),
        ("  same, in process", ratio(cold_in, limit), lambda r: r <= 1.3, "x"),
        ("warm plan at least 3x faster than migra", ratio(migra, warm), lambda r: r >= 3, "x"),
        (
            "warm plan at least 3x faster than autogenerate",
            ratio(auto, warm),
            lambda r: r >= 3,
            "x",
        ),
        ("introspection no slower than pg_dump -s", ratio(intro, dump), lambda r: r <= 1, "x"),
        (
            "5,000 tables within 5.5x of 1,000 (cold CLI)",
            ratio(big_cold, cold),
            lambda r: r <= 5.5,
            "x",
        ),
        (
            "peak memory under 200 MB at 5,000 tables (RSS, MiB)",
            rss,
            lambda r: r < 200 / 1.048576,
            "",
        ),
        ("warm alembic revision --lockplane, 50 tables, under 1 s", rev50, lambda r: r < 1, " s"),
    ]
    lines = ["| target | measured | verdict |", "|---|---:|---|"]
    for name, value, test, unit in rows:
        shown = "-" if value is None else f"{value:.2f}{unit}"
        lines.append(f"| {name} | {shown} | {_verdict(None if value is None else test(value))} |")
    return "\n".join(lines) + "\n"


def plot(result: dict[str, Any], png: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    for title, path in TOOLS:
        points = [(int(size), _get(row, *path)) for size, row in result["sizes"].items()]
        xs = [x for x, y in points if y is not None]
        ys = [y for _, y in points if y is not None]
        if xs:
            ax.plot(xs, ys, marker="o", label=title)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("tables")
    ax.set_ylabel("seconds (median wall time)")
    server = str(result["server"]["version"]).split(" on ")[0]
    ax.set_title(f"Time against schema size ({server}, {result['machine']['cpus']} CPUs)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png)
    plt.close(fig)
    return True


def section(result: dict[str, Any], json_path: Path, png_name: str | None) -> str:
    m, srv = result["machine"], result["server"]
    settings = ", ".join(f"{k}={v}" for k, v in sorted(srv["settings"].items()))
    runs = sorted({row["runs"] for row in result["sizes"].values()})
    slow = [
        f"{int(size):,} tables: {row['alembic_lockplane_runs']}"
        for size, row in result["sizes"].items()
        if row.get("alembic_lockplane_runs", row["runs"]) != row["runs"]
    ]
    skipped = [
        f"{int(size):,} tables: {', '.join(row['skipped'])}"
        for size, row in result["sizes"].items()
        if row.get("skipped")
    ]
    load = [
        f"{size}: {row['loadavg_before'][0]:.1f} → {row['loadavg_after'][0]:.1f}"
        for size, row in result["sizes"].items()
    ]
    parts = [
        START,
        "",
        f"Run of {result['started']} ({json_path.as_posix()}), median of "
        f"{'/'.join(map(str, runs))} runs.",
        "",
        f"- Machine: {m['cpu']}, {m['cpus']} CPUs, {m['memory_gib']} GiB, {m['os']}, "
        f"Python {m['python']}.",
        f"- Server: {srv['version']} ({settings}).",
        f"- pg_dump: {result.get('pg_dump') or 'none of the server major found'}.",
        f"- 1-minute load average before → after each size: {'; '.join(load)}.",
        f"- Runs of alembic revision --lockplane (warm) where fewer: {'; '.join(slow)}."
        if slow
        else "",
        f"- Not measured: {'; '.join(skipped)}." if skipped else "",
        "",
        table(result),
        "### Targets (issue 10)",
        "",
        targets(result),
    ]
    if png_name:
        parts += [f"![time against size]({png_name})", ""]
    parts.append(END)
    return "\n".join(parts) + "\n"


def update_doc(doc: Path, result: dict[str, Any], json_path: Path) -> None:
    png = doc.parent / "performance.png"
    drawn = plot(result, png)
    try:
        rel = json_path.resolve().relative_to(doc.parent.parent.resolve())
    except ValueError:
        rel = json_path
    text = section(result, rel, png.name if drawn else None)
    old = doc.read_text() if doc.exists() else f"# Performance\n\n{START}\n{END}\n"
    if START in old and END in old:
        head, rest = old.split(START, 1)
        tail = rest.split(END, 1)[1]
        new = head + text.rstrip("\n") + tail
    else:
        new = old.rstrip("\n") + "\n\n" + text
    doc.write_text(new)


def main(argv: list[str] | None = None) -> int:
    """Merge result files (sizes of later files win) and rewrite the doc section and plot."""
    import argparse
    import json

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("results", type=Path, nargs="+")
    parser.add_argument(
        "--doc", type=Path, default=Path(__file__).parent.parent / "docs" / "performance.md"
    )
    parser.add_argument("--out", type=Path, help="write the merged JSON here")
    args = parser.parse_args(argv)
    merged: dict[str, Any] = {}
    for path in args.results:
        data = json.loads(path.read_text())
        sizes = dict(merged.get("sizes", {}))
        for size, row in data["sizes"].items():
            if size in sizes:  # a size measured in parts: measured keys of later parts win
                earlier = sizes[size]
                measured = {
                    k: v for k, v in row.items() if k not in earlier or k not in ("skipped",)
                }
                skipped = sorted(set(earlier.get("skipped", [])) & set(row.get("skipped", [])))
                row = {**earlier, **measured, "skipped": skipped}
            sizes[size] = row
        merged = {**data, **({"started": merged["started"]} if merged else {}), "sizes": sizes}
    merged["sizes"] = dict(sorted(merged["sizes"].items(), key=lambda kv: int(kv[0])))
    target = args.out or args.results[0]
    if args.out:
        args.out.write_text(json.dumps(merged, indent=2) + "\n")
    update_doc(args.doc, merged, target)
    print(table(merged))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
