"""Many tales at once: `digitales batch FILE`, locally or on a Ray cluster.

    run.py      rows to outcomes: bad rows reported, good ones given to an engine
    rows.py     the batch file (CSV, JSONL, TOML) read into rows, each checked on its own
    render.py   one tale, as a worker renders it (the same code for both engines)
    local.py    the local engine: a process per tale, `jobs` at a time
    cluster.py  the Ray engine: a Ray task per tale, on a local Ray or an existing cluster
    show.py     progress while it runs, the table at the end

Every tale goes to `OUT/<slug>/` as `digitales make` writes it, with its cache, so a second
run serves finished tales from the cache and resumes half-made ones.
"""

from __future__ import annotations

ENGINES = ("local", "ray")  # processes on this machine; Ray tasks on a local Ray or a cluster
FILES = ("auto", "shared", "return")  # how a Ray task's tale reaches the output folder (cluster.py)
