"""How long `data demo --out` and `data load` take, and their peak memory.

Runs the real `familycontext` command in child processes (the path an admin
runs), for each population size and each database, and prints a table.
Goal (issue 2): 1,000,000 people loaded in under 3 minutes, under 500 MB peak.

    python benchmarks/load.py [--sizes 100000,1000000] [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
from pathlib import Path

from _common import FAMILYCONTEXT, fresh_postgres_database, run_measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    backends = args.backends.split(",")

    rows = []
    work = Path(tempfile.mkdtemp(prefix="fc-bench-load-"))
    try:
        for size in sizes:
            extract = work / f"extract-{size}"
            generate = run_measured(
                [
                    *FAMILYCONTEXT,
                    "data",
                    "demo",
                    "--people",
                    str(size),
                    "--seed",
                    str(args.seed),
                    "--out",
                    str(extract),
                ],
                {},
            )
            extract_mb = sum(p.stat().st_size for p in extract.iterdir()) / 1e6
            for backend in backends:
                if backend == "sqlite":
                    url = f"sqlite+aiosqlite:///{work / f'bench-{size}.sqlite3'}"
                else:
                    url = asyncio.run(fresh_postgres_database(f"fc_bench_load_{size}"))
                env = {"FC_DATABASE_URL": url}
                run_measured([*FAMILYCONTEXT, "db", "upgrade"], env)
                load = run_measured([*FAMILYCONTEXT, "data", "load", str(extract)], env)
                rows.append((size, backend, generate, load, extract_mb))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print()
    print(
        "| people | database | demo --out (s) | demo peak (MB) | extract (MB) "
        "| load (s) | load peak (MB) | demo + load (s) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for size, backend, generate, load, extract_mb in rows:
        print(
            f"| {size:,} | {backend} | {generate.seconds:.1f} | {generate.peak_rss_mb:.0f} "
            f"| {extract_mb:.0f} | {load.seconds:.1f} | {load.peak_rss_mb:.0f} "
            f"| {generate.seconds + load.seconds:.1f} |"
        )


if __name__ == "__main__":
    main()
