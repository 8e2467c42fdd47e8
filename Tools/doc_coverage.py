"""Documentation coverage of the library's public API, from the symbol graphs DocC reads.

Run by `make docs` after the documentation build (which extracts the symbol graphs). Lists every
public or open declaration of our own sources (Sources/) without a doc comment, prints the
coverage per module, and exits 1 when one is missing, so an undocumented public symbol fails
`make docs`.

Usage: python3 Tools/doc_coverage.py [SYMBOL_GRAPH_DIR]
       (default: .build/<triple>/extracted-symbols/<package>, found with a glob)
"""
import collections
import glob
import json
import os
import sys


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sources = os.path.join(root, "Sources") + os.sep
    pattern = sys.argv[1] + "/*/*.symbols.json" if len(sys.argv) > 1 else \
        os.path.join(root, ".build", "*", "extracted-symbols", "*", "*", "*.symbols.json")
    files = [f for f in glob.glob(pattern) if "@" not in os.path.basename(f)]
    if not files:
        print("doc coverage: no symbol graphs found (run make docs first)", file=sys.stderr)
        return 2
    # One entry per declaration (a symbol may appear in more than one graph): documented anywhere?
    declarations = {}
    for path in files:
        graph = json.load(open(path, encoding="utf-8"))
        module = graph["module"]["name"]
        for symbol in graph["symbols"]:
            if symbol.get("accessLevel") not in ("public", "open"):
                continue
            file = symbol.get("location", {}).get("uri", "").replace("file://", "")
            if not file.startswith(sources):
                continue  # synthesised, or declared by a dependency
            key = (module, file[len(root) + 1:], symbol["location"]["position"]["line"] + 1,
                   ".".join(symbol["pathComponents"]))
            declarations[key] = declarations.get(key, False) or bool(symbol.get("docComment"))
    total, documented = collections.Counter(), collections.Counter()
    for (module, *_), has_doc in declarations.items():
        total[module] += 1
        documented[module] += has_doc
    missing = [key for key, has_doc in declarations.items() if not has_doc]
    for module in sorted(total):
        print(f"doc coverage: {module}: {documented[module]} of {total[module]} public declarations documented")
    for module, file, line, name in sorted(missing):
        print(f"{file}:{line}: undocumented public declaration {name}", file=sys.stderr)
    if missing:
        print(f"doc coverage: {len(missing)} public declarations without a doc comment", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
