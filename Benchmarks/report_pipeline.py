#!/usr/bin/env python3
"""The study report as researchers script it today: pandas + networkx + the Graphviz command + Jinja2.

This is the peer of `weakties report --format html` in Benchmarks/compare_report.py. It does the job
the usual way, without tricks in either direction:

1. read both tables with pandas.read_csv;
2. aggregate the coded mentions into undirected ties (a tie is strong when at least half of its
   mentions say strong: strong/stark or 3–5; a tied vote counts as strong, as in the data contract);
3. build a networkx Graph and compute, for every innovation: degree, betweenness, closeness,
   Burt's constraint and effective size, weak-tie share, E-I index by region and by partner type,
   bridges and local bridges (with span);
4. write a DOT file of each innovation's ego network (radius 1) and of the whole study and lay each
   out with the `sfdp -Tsvg` command (one subprocess each, Graphviz's default straight edges);
5. render one HTML page per innovation (its map embedded, its ties with their quotes) and an
   index.html with a table of all innovations through Jinja2 templates (Benchmarks/report_templates).

`--timings` prints the seconds spent in each stage as JSON on stdout (imports are measured from the
first line of this script, so the interpreter's own start-up is not in them).

usage: report_pipeline.py TIES NODES OUTDIR [--timings]
"""
import time

T_START = time.perf_counter()

import argparse  # noqa: E402  (imports are timed: they are part of what a researcher's script costs)
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import unicodedata  # noqa: E402

import jinja2  # noqa: E402
import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402

T_IMPORTED = time.perf_counter()

HERE = os.path.dirname(os.path.abspath(__file__))
STRONG = {"strong", "stark", "3", "4", "5"}
WEAK = {"weak", "schwach", "1", "2"}
# Okabe–Ito colours by partner type, as researchers copy them from a colour-blind-safe palette.
COLORS = {"innovation": "#000000", "public_admin": "#0072B2", "business": "#E69F00", "civil_society": "#009E73",
          "welfare": "#CC79A7", "research_education": "#56B4E9", "foundation": "#F0E442", "politics": "#D55E00",
          "media": "#999999", "religious": "#882255", "individual": "#44AA99"}


def slug(text):
    """File name of an innovation's page and map: ASCII letters, digits and dashes."""
    for letter, ascii in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        text = text.replace(letter, ascii)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "actor"


def dot_string(text):
    """A DOT double-quoted string: backslashes and quotes escaped, line breaks as \\n."""
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def read_tables(ties_path, nodes_path):
    # keep_default_na=False: an empty cell stays "", and ids such as "NA" stay ids.
    ties = pd.read_csv(ties_path, dtype=str, keep_default_na=False)
    nodes = pd.read_csv(nodes_path, dtype=str, keep_default_na=False)
    return ties, nodes


def aggregate(ties, nodes):
    """One row per undirected tie with its majority strength, and the Graph built from it."""
    ties = ties.copy()
    ties["source"] = ties["source"].str.strip()
    ties["target"] = ties["target"].str.strip()
    strength = ties["strength"].str.strip().str.lower()
    unknown = ties[~strength.isin(STRONG | WEAK)]
    if len(unknown):
        raise SystemExit(f"unknown strength values: {sorted(unknown['strength'].unique())}")
    if (ties["source"] == ties["target"]).any():
        raise SystemExit("self-loops in the ties table")
    ties["strong_vote"] = strength.isin(STRONG).astype(int)
    # An unordered pair key: the two ends sorted.
    ties["a"] = ties[["source", "target"]].min(axis=1)
    ties["b"] = ties[["source", "target"]].max(axis=1)
    grouped = ties.groupby(["a", "b"], sort=True).agg(mentions=("strong_vote", "size"),
                                                      strong_votes=("strong_vote", "sum"))
    grouped["strong"] = grouped["strong_votes"] * 2 >= grouped["mentions"]
    grouped = grouped.reset_index()

    graph = nx.Graph()
    for row in nodes.to_dict("records"):
        graph.add_node(row["id"].strip(), **row)
    for a, b, mentions, strong in zip(grouped["a"], grouped["b"], grouped["mentions"], grouped["strong"]):
        for end in (a, b):
            if end not in graph:  # an actor missing from the nodes table
                graph.add_node(end, id=end, label=end, kind="", partner_type="", region="")
        graph.add_edge(a, b, mentions=int(mentions), strong=bool(strong))
    return ties, grouped, graph


def ei_index(graph, node, attribute, group_of):
    """Krackhardt–Stern E-I index of one node over its ties whose both ends have a known group."""
    own = group_of(node, attribute)
    if not own:
        return None
    external = internal = 0
    for alter in graph[node]:
        group = group_of(alter, attribute)
        if group:
            if group == own:
                internal += 1
            else:
                external += 1
    return (external - internal) / (external + internal) if external + internal else None


def group_of(node_attributes):
    def lookup(node, attribute):
        data = node_attributes[node]
        if attribute == "partner_type":
            # Innovations have no partner type: they count as the group "innovation".
            return data.get("partner_type") or data.get("kind") or None
        return data.get(attribute) or None
    return lookup


def compute_metrics(graph):
    """networkx calls as researchers make them, then one dict per innovation.

    Path metrics and bridges need the whole graph; Burt's measures are asked for the innovations
    only (the report shows no others), which saves networkx most of its slowest work (for all 215
    actors constraint and effective size take ~1.2 s instead of ~0.4 s)."""
    innovations = [n for n, d in graph.nodes(data=True) if d.get("kind") == "innovation"]
    betweenness = nx.betweenness_centrality(graph)
    closeness = nx.closeness_centrality(graph)
    constraint = nx.constraint(graph, nodes=innovations)
    effective_size = nx.effective_size(graph, nodes=innovations)
    bridges = {frozenset(e) for e in nx.bridges(graph)}
    local_bridges = {frozenset((u, v)): span for u, v, span in nx.local_bridges(graph, with_span=True)}
    node_attributes = dict(graph.nodes(data=True))
    lookup = group_of(node_attributes)

    rows = []
    for n in innovations:
        edges = [(n, alter, graph[n][alter]) for alter in graph[n]]
        weak = sum(1 for _, _, d in edges if not d["strong"])
        rows.append({
            "id": n,
            "label": node_attributes[n].get("label") or n,
            "region": node_attributes[n].get("region", ""),
            "sector": node_attributes[n].get("sector", ""),
            "degree": graph.degree(n),
            "strong": len(edges) - weak,
            "weak": weak,
            "weak_share": weak / len(edges) if edges else None,
            "betweenness": betweenness[n],
            "closeness": closeness[n],
            "constraint": constraint[n],
            "effective_size": effective_size[n],
            "ei_region": ei_index(graph, n, "region", lookup),
            "ei_partner_type": ei_index(graph, n, "partner_type", lookup),
            "bridges": sum(1 for _, alter, _ in edges if frozenset((n, alter)) in bridges),
            "local_bridges": sum(1 for _, alter, _ in edges if frozenset((n, alter)) in local_bridges),
        })
    rows.sort(key=lambda r: r["label"].lower())
    network = {
        "actors": graph.number_of_nodes(), "ties": graph.number_of_edges(),
        "strong": sum(1 for _, _, d in graph.edges(data=True) if d["strong"]),
        "components": nx.number_connected_components(graph), "bridges": len(bridges),
        "local_bridges": len(local_bridges),
    }
    return rows, network, bridges, local_bridges


def write_dot(graph, path, name, ego=None):
    """A DOT file with strong ties solid, weak ties dashed, colour by partner type; a named graph."""
    ids = {node: f"n{i}" for i, node in enumerate(graph.nodes)}
    lines = [f"graph {dot_string(name)} {{", "  graph [start=1, fontname=\"DejaVu Sans\"];",
             "  node [style=filled, fontname=\"DejaVu Sans\", fontsize=10, fontcolor=white];"]
    for node, data in graph.nodes(data=True):
        kind = data.get("partner_type") or data.get("kind") or "innovation"
        shape = "box" if data.get("kind") == "innovation" else "ellipse"
        extra = ", penwidth=3, color=\"#D55E00\"" if node == ego else ""
        lines.append(f"  {ids[node]} [label={dot_string(data.get('label') or node)}, shape={shape}, "
                     f"fillcolor=\"{COLORS.get(kind, '#777777')}\"{extra}];")
    for u, v, data in graph.edges(data=True):
        style = "penwidth=2" if data["strong"] else "style=dashed"
        lines.append(f"  {ids[u]} -- {ids[v]} [{style}];")
    lines.append("}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def layout(dot_path, svg_path):
    subprocess.run(["sfdp", "-Tsvg", dot_path, "-o", svg_path], check=True)


def inline_svg(path):
    """The SVG without its XML declaration and DOCTYPE, to embed in HTML."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = text.find("<svg")
    return text[start:] if start >= 0 else text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ties")
    parser.add_argument("nodes")
    parser.add_argument("outdir")
    parser.add_argument("--timings", action="store_true", help="print the seconds per stage as JSON")
    args = parser.parse_args()
    timings = {"imports": T_IMPORTED - T_START}

    t = time.perf_counter()
    mentions, nodes = read_tables(args.ties, args.nodes)
    timings["read"] = time.perf_counter() - t

    t = time.perf_counter()
    mentions, _, graph = aggregate(mentions, nodes)
    timings["aggregate"] = time.perf_counter() - t

    t = time.perf_counter()
    rows, network, bridges, local_bridges = compute_metrics(graph)
    timings["metrics"] = time.perf_counter() - t

    # Layouts: one sfdp run per ego network, one for the study map.
    t = time.perf_counter()
    maps = os.path.join(args.outdir, "maps")
    os.makedirs(maps, exist_ok=True)
    used = {}
    for row in rows:
        name = slug(row["id"])
        used[name] = used.get(name, 0) + 1
        row["slug"] = name if used[name] == 1 else f"{name}-{used[name]}"
        ego = nx.ego_graph(graph, row["id"], radius=1)
        dot = os.path.join(maps, row["slug"] + ".dot")
        write_dot(ego, dot, row["label"], ego=row["id"])
        layout(dot, os.path.join(maps, row["slug"] + ".svg"))
    write_dot(graph, os.path.join(maps, "study.dot"), "study")
    layout(os.path.join(maps, "study.dot"), os.path.join(maps, "study.svg"))
    timings["layouts"] = time.perf_counter() - t

    # Pages: Jinja2 with autoescaping; the SVGs come from Graphviz, which escapes its text.
    t = time.perf_counter()
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(os.path.join(HERE, "report_templates")),
                             autoescape=jinja2.select_autoescape(["html"]))
    env.filters["num"] = lambda x, digits=3: "–" if x is None else f"{x:.{digits}f}"
    labels = dict(zip(nodes["id"].str.strip(), nodes["label"]))
    # The mentions of each tie (one pass over the table; iterating a groupby would cost ~0.1 s more).
    by_pair = {}
    for record in mentions[["a", "b", "interview", "coder", "strength", "quote"]].to_dict("records"):
        by_pair.setdefault((record["a"], record["b"]), []).append(record)
    page = env.get_template("innovation.html")
    for row in rows:
        n = row["id"]
        tie_rows = []
        for alter in sorted(graph[n], key=lambda x: (labels.get(x) or x).lower()):
            data, alter_data = graph[n][alter], graph.nodes[alter]
            key = (min(n, alter), max(n, alter))
            tie_rows.append({
                "alter": labels.get(alter) or alter, "kind": alter_data.get("kind", ""),
                "partner_type": alter_data.get("partner_type", ""), "region": alter_data.get("region", ""),
                "strong": data["strong"], "mentions": data["mentions"],
                "bridge": frozenset(key) in bridges, "span": local_bridges.get(frozenset(key)),
                "quotes": by_pair[key],
            })
        html = page.render(innovation=row, ties=tie_rows, svg=inline_svg(os.path.join(maps, row["slug"] + ".svg")))
        os.makedirs(os.path.join(args.outdir, "innovations"), exist_ok=True)
        with open(os.path.join(args.outdir, "innovations", row["slug"] + ".html"), "w", encoding="utf-8") as f:
            f.write(html)
    html = env.get_template("index.html").render(innovations=rows, network=network,
                                                 svg=inline_svg(os.path.join(maps, "study.svg")))
    with open(os.path.join(args.outdir, "index.html"), "w", encoding="utf-8") as f:
        f.write(html)
    timings["writing"] = time.perf_counter() - t
    timings["total_in_script"] = time.perf_counter() - T_START

    if args.timings:
        print(json.dumps({k: round(v, 4) for k, v in timings.items()}))


if __name__ == "__main__":
    main()
