"""The tables of scripts/bench: every target of the performance issue with
praxis's figure, the peer's figure measured in the same run, their ratio and
a verdict, per practice shape; then growth at 1x/2x/4x sizes.

usage: python3 scripts/bench-report.py RESULTS.tsv FACTS.tsv [OUT.md]
(scripts/bench calls it; RESULTS holds one hyperfine JSON and peak-RSS list
per measure, FACTS the run's sizes and settings)."""

import json
import statistics
import sys

results_path, facts_path = sys.argv[1:3]
out_path = sys.argv[3] if len(sys.argv) > 3 else ""
facts = {}
for line in open(facts_path, encoding="utf-8"):
    key, _, value = line.rstrip("\n").partition("\t")
    facts[key] = value
smoke = facts["mode"] == "smoke"
peers_run = facts["peers"] == "yes"
questions = int(facts["questions"])

runs = {}
for line in open(results_path, encoding="utf-8"):
    shape, label, name, path, rss = line.rstrip("\n").split("\t")
    r = json.load(open(path))["results"][0]
    runs[shape, label, name] = {
        "median": r["median"], "min": r["min"], "max": r["max"],
        "rss": statistics.median(int(x) for x in rss.split(",")) * 1024,  # bytes
    }
shapes = sorted({s for s, _, _ in runs if s != "base"}, key=lambda s: s != "plain")


def size(shape, label):
    members, clients, nbytes = facts[f"size.{shape}.{label}"].split()
    return int(members), int(clients), int(nbytes)


def size_name(shape, label):
    m, c, b = size(shape, label)
    return f"{m:,} × {c:,} ({b / 1e6:.2f} MB)"


def ms(seconds):
    v = seconds * 1000
    if v >= 100:
        return f"{v:,.0f} ms"
    return f"{v:.1f} ms" if v >= 10 else f"{v:.2f} ms"


def mb(nbytes):
    return f"{nbytes / 1e6:.0f} MB" if nbytes >= 100e6 else f"{nbytes / 1e6:.1f} MB"


def span(m):
    lo, hi = ms(m["min"]), ms(m["max"])
    if lo.endswith(" ms") and hi.endswith(" ms"):
        return f"{lo.removesuffix(' ms')}–{hi}"
    return f"{lo}–{hi}"


def rate(shape, label, batch, load):
    """decisions/s after load: questions / (batch − the same batch with no
    questions), with the spread from the extremes."""
    b, l = runs.get((shape, label, batch)), runs.get((shape, label, load))
    if b is None or l is None:
        return None
    free = [b["median"] - l["median"], b["min"] - l["median"], b["max"] - l["median"]]
    if free[0] <= 0:
        return {"median": None}
    inv = lambda x: questions / x if x > 0 else float("inf")
    return {"median": inv(free[0]), "hi": inv(free[1]), "lo": inv(free[2])}


MB = 1e6
# The table. Each row: measure, praxis's run, label, time limit (s)
# or None, RSS limit (bytes), the peer's run and the largest ratio
# praxis/peer allowed (or, for the rate, the smallest).
ROWS = [
    ("access check, no index (first after an edit)", "check_cold", None, 256 * MB, "rego_check", 1.0),
    ("access check, warm index", "check_warm", None, 256 * MB, "rego_check", None),
    (f"access check --batch, {questions:,} questions", "batch", None, 256 * MB, "casbin_batch", None),
    ("  decisions/s after load", "rate", None, None, "casbin_rate", 14.0),
    ("validate, no index", "validate", None, 256 * MB, "rego_validate", 1.0),
    ("review (text)", "review", 1.0, 256 * MB, None, None),
    ("review --format json", "review_json", 1.0, 256 * MB, None, None),
    ("client grant (index warm)", "grant", 0.5, 150 * MB, None, None),
    ("member add (index warm)", "member_add", 0.5, 150 * MB, None, None),
    ("matrix", "matrix", None, 256 * MB, None, None),
    ("access who", "who", None, 256 * MB, None, None),
    ("diff (the grant)", "diff", None, 256 * MB, None, None),
    ("export --to rego --out", "export", None, 256 * MB, None, None),
]
PEER_NAMES = {
    "rego_check": "regorus load + decide",
    "rego_validate": "regorus load + compile",
    "casbin_batch": "casbin-rs batch",
    "casbin_rate": "casbin-rs",
}


def target_text(name, limit, rss, ratio):
    parts = []
    if ratio is not None:
        parts.append(f"≥ {ratio:g}× casbin" if name == "rate" else f"≤ {ratio:g}× regorus")
    if limit is not None:
        parts.append(f"≤ {ms(limit)}")
    if rss is not None:
        parts.append(f"≤ {rss / MB:.0f} MB")
    if name == "grant":
        parts.append("minimal rewrite")
    return ", ".join(parts) or "—"


def table(header, rows):
    widths = [max(len(str(row[i])) for row in [header] + rows) for i in range(len(header))]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"
    return "\n".join([line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
                     + [line(r) for r in rows])


not_met = []
sections = []
for shape in shapes:
    rows = []
    for label in ("small", "large"):
        for title, name, limit, rss_limit, peer, ratio_limit in ROWS:
            checks = []  # (what, ok)
            if name == "rate":
                mine = rate(shape, label, "batch", "batch_load")
                theirs = rate(shape, label, "casbin_batch", "casbin_load")
                if mine["median"] is None:
                    value, spread_text, rss_text = "n/a (batch ≤ its load)", "—", ""
                    checks.append(("rate", False))
                else:
                    value = f"{mine['median']:,.0f}/s"
                    spread_text = f"{mine['lo']:,.0f}–{mine['hi']:,.0f}"
                    rss_text = ""
                peer_text, ratio_text = "not run", "—"
                if theirs and theirs["median"]:
                    peer_text = f"casbin-rs {theirs['median']:,.0f}/s"
                    if mine["median"] is not None:
                        ratio = mine["median"] / theirs["median"]
                        ratio_text = f"{ratio:,.1f}×"
                        checks.append(("ratio", ratio >= ratio_limit))
                measured = value
            else:
                m = runs[shape, label, name]
                value, spread_text, rss_text = ms(m["median"]), span(m), mb(m["rss"])
                if limit is not None:
                    checks.append(("time", m["median"] <= limit))
                if rss_limit is not None:
                    checks.append(("RSS", m["rss"] <= rss_limit))
                if name == "grant":
                    minimal = facts.get(f"minimal.{shape}.{label}", "yes")
                    checks.append(("rewrite", minimal == "yes"))
                    if minimal != "yes":
                        title += f" [rewrite {minimal}]"
                peer_text, ratio_text = "—", "—"
                theirs = runs.get((shape, label, peer)) if peer else None
                if peer and theirs is None:
                    peer_text = "not run"
                elif theirs:
                    peer_text = f"{PEER_NAMES[peer]} {ms(theirs['median'])}, {mb(theirs['rss'])}"
                    ratio = m["median"] / theirs["median"]
                    ratio_text = f"{ratio:.2f}×"
                    if ratio_limit is not None:
                        checks.append(("ratio", ratio <= ratio_limit))
                measured = f"{value}, {rss_text}"
            unjudged = ratio_limit is not None and not any(w == "ratio" for w, _ in checks)
            if smoke or not checks:
                verdict = "—"
            elif all(ok for _, ok in checks):
                verdict = "met" + (" (ratio not judged: no peer)" if unjudged else "")
            else:
                why = [w for w, ok in checks if not ok]
                verdict = "NOT MET (" + ", ".join(why) + ")"
                not_met.append(f"{shape} {label} {title.strip()}: {measured}; peer {peer_text}, "
                               f"ratio {ratio_text} (target {target_text(name, limit, rss_limit, ratio_limit)})")
            rows.append([title, size_name(shape, label), value, spread_text, rss_text,
                         peer_text, ratio_text, target_text(name, limit, rss_limit, ratio_limit),
                         verdict])
    main = table(["measure", "practice", "median", "spread (min–max)", "peak RSS",
                  "peer (same run)", "praxis / peer", "target", "verdict"], rows)

    g = facts["growth"].split()
    grow_rows = []
    file_ratio = size(shape, g[2])[2] / size(shape, g[0])[2]
    grow_rows.append(["file size"] + [f"{size(shape, l)[2] / 1e6:.2f} MB" for l in g]
                     + [f"{size(shape, g[1])[2] / size(shape, g[0])[2]:.2f}", f"{file_ratio:.2f}", ""])
    flagged = []
    for key in ("median", "rss"):
        for title, name, *_ in ROWS:
            if name == "rate":
                continue
            vals = [runs[shape, l, name][key] for l in g]
            r2, r4 = vals[1] / vals[0], vals[2] / vals[0]
            flag = "GROWS FASTER THAN THE FILE" if r4 > 4.5 else ""
            what = title.strip() if key == "median" else f"peak RSS: {title.strip()}"
            fmt = ms if key == "median" else mb
            grow_rows.append([what] + [fmt(v) for v in vals] + [f"{r2:.2f}", f"{r4:.2f}", flag])
            if flag:
                flagged.append(what)
    growth = table(["measure"] + [f"{x} {size_name(shape, l)}" for x, l in zip(("1×", "2×", "4×"), g)]
                   + ["2×/1×", "4×/1×", "flag (4×/1× > 4.5)"], grow_rows)
    agree = [facts[k] for k in (f"agree.{shape}.small", f"agree.{shape}.large") if k in facts]
    sections.append((shape, main, growth, flagged, agree))

base = runs["base", "base", "version"]
batch_how = ("hyperfine --input" if facts["hf_input"] == "1"
             else "through sh (this hyperfine has no --input; it subtracts the shell's start-up)")
notes = [
    f"command: {facts['command']}",
    f"{facts['praxis']} at {facts['commit']}; {facts['hyperfine']}; {facts['machine']}; "
    f"load average at the end {facts['load']}; {facts['date']}; mode {facts['mode']}",
    f"shapes: {facts['shapes']}",
    f"Whole processes, hyperfine -N {facts['hf_runs']}; median shown; peak RSS = median of "
    f"{facts['rss_runs']} run(s) of /usr/bin/time -f %M; MB = 10^6 bytes. "
    f"The empty process (praxis --version) took {ms(base['median'])}. "
    f"Peers: hyperfine -N {facts['peer_hf_runs']}, peak RSS of one run.",
    f"decisions/s after load = {questions:,} / (batch median − the median of the same batch with "
    f"no questions), for praxis and casbin-rs alike; the batch reads stdin {batch_how}.",
    "Changes run on a fresh copy each run (hyperfine --prepare cp): the same bytes, so the index "
    "is warm. 'minimal rewrite': the grant changes only the client's line and grant+revoke "
    "leaves the file byte-identical.",
]
if peers_run:
    notes += [
        "Peers (benches/peers, built in this run): regorus 0.14 on praxis's own Rego export "
        "(praxis.rego + data.json) — regorus-check reads, parses and decides one question; "
        "regorus-validate reads and parses both and compiles the policy for data.praxis.allow, "
        "evaluating nothing (it checks only that the policy is Rego and the data JSON: less than "
        "praxis's validate does). casbin-rs 2.20 (sync enforcer, no async runtime) with an RBAC "
        "model with client domains written from the same export (casbin-policy), answering the "
        "same question file, one answer line each.",
        f"Answers checked: regorus on the first {int(facts['rego_questions']):,} batch questions "
        f"and one allow and one deny; casbin-rs on every question whose member it models (not "
        f"modelled: members with denies); as of {facts['today']}.",
    ]
else:
    notes.append("Peers not run (" + ("--smoke" if smoke else "--no-peers")
                 + "): ratio targets are not judged; scripts/bench --quick runs them.")
if smoke:
    notes.append("Smoke sizes: the targets are for 50 × 2,000 and 2,000 × 100,000 and are not judged here.")
summary = []
if not smoke:
    summary.append("targets NOT MET: " + ("none" if not not_met else str(len(not_met))))
    summary += ["  " + line for line in not_met]
for shape, _, _, flagged, _ in sections:
    summary.append(f"{shape}: growing faster than the file: " + (", ".join(flagged) if flagged else "nothing"))

text = "\n".join(notes) + "\n"
md = "# praxis benchmark\n\n" + "\n".join(f"- {n}" for n in notes) + "\n"
for shape, main, growth, _, agree in sections:
    agree_text = "".join(f"\n{a}" for a in agree)
    text += f"\n== shape {shape}{agree_text}\n\n{main}\n\nGrowth ({shape})\n\n{growth}\n"
    md += (f"\n## Shape: {shape}\n\n" + "".join(f"- {a}\n" for a in agree)
           + f"\n{main}\n\n### Growth ({shape})\n\n{growth}\n")
text += "\n" + "\n".join(summary) + "\n"
md += "\n## Summary\n\n" + "\n".join(
    f"  - {s.strip()}" if s.startswith("  ") else f"- {s}" for s in summary) + "\n"
print()
print(text, end="")
if out_path:
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(md)
    print(f"(also written to {out_path})")
