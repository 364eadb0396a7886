#!/usr/bin/env python3
"""Prints the file-level dependency graph of src/ and the number of file-level cycles.

A file depends on another when it names an item that the other file defines: through a
`use` (`crate::`, `super::`, `self::`, a child module, or a module it imported), or a path
written in its code or in a macro's body. A path is followed through imports and re-exports
to the file that defines the item, so `use crate::rules::pack::Compiler` is an edge to
`src/rules/pack/compiler.rs`, not to `src/rules/pack/mod.rs`. Not edges: declaring a module
(`mod x;`: a parent lists its children), a `pub use` whose name its file does not write
itself (a name for others to follow), and items under `#[cfg(test)]`.

This is an independent reading of the same rule `tests/structure.rs` enforces (that test
parses with syn; this script tokenizes by hand), so the two can be compared:

  scripts/deps-graph.py            # every edge, then the cycles (non-trivial strongly
                                   # connected components) and their count
  scripts/deps-graph.py --cycles   # only the cycles and their count; exits 1 if there are any
"""
import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"

TOKEN = re.compile(
    r"""(?P<ws>\s+)
      | (?P<line_comment>//[^\n]*)
      | (?P<block_comment>/\*)
      | (?P<raw_string>b?r(?P<hashes>\#*)")
      | (?P<string>b?")
      | (?P<char>b?'(?:[^'\\\n]|\\(?:x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|.))')
      | (?P<lifetime>'[A-Za-z_][A-Za-z0-9_]*)
      | (?P<ident>\$?(?:r\#)?[A-Za-z_][A-Za-z0-9_]*)
      | (?P<path_sep>::)
      | (?P<number>[0-9][0-9A-Za-z_.]*)
      | (?P<punct>.)""",
    re.VERBOSE | re.DOTALL,
)


def tokens(text):
    """The identifiers, `::` and punctuation of Rust source, without comments or literals."""
    out = []
    pos = 0
    while pos < len(text):
        match = TOKEN.match(text, pos)
        kind = match.lastgroup
        if kind == "hashes":
            kind = "raw_string"
        if kind == "block_comment":
            depth, pos = 1, match.end()
            while depth and pos < len(text):
                if text.startswith("/*", pos):
                    depth, pos = depth + 1, pos + 2
                elif text.startswith("*/", pos):
                    depth, pos = depth - 1, pos + 2
                else:
                    pos += 1
            continue
        if kind == "raw_string":
            end = text.find('"' + match.group("hashes"), match.end())
            pos = len(text) if end < 0 else end + 1 + len(match.group("hashes"))
            continue
        if kind == "string":
            pos = match.end()
            while pos < len(text) and text[pos] != '"':
                pos += 2 if text[pos] == "\\" else 1
            pos += 1
            continue
        pos = match.end()
        if kind in ("ident", "path_sep", "punct"):
            value = match.group()
            out.append(value[2:] if value.startswith("r#") else value)
    return out


def without_test_items(toks):
    """The tokens without the items under `#[cfg(test)]`: a test may build its input with any
    part of the crate."""
    out = []
    i = 0
    while i < len(toks):
        if toks[i : i + 7] != ["#", "[", "cfg", "(", "test", ")", "]"]:
            out.append(toks[i])
            i += 1
            continue
        i += 7
        while i < len(toks) and toks[i] not in (";", "{"):
            i += 1
        if i < len(toks) and toks[i] == "{":
            depth = 0
            while i < len(toks):
                depth += {"{": 1, "}": -1}.get(toks[i], 0)
                i += 1
                if depth == 0:
                    break
        else:
            i += 1
    return out


def module_of(path):
    """`src/rules/pack/mod.rs` → ("rules", "pack"); `src/lib.rs` → ()."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] in ("mod", "lib"):
        parts.pop()
    return tuple(parts)


class File:
    def __init__(self, path):
        self.path = path
        self.module = module_of(path)
        self.tokens = without_test_items(tokens(path.read_text()))
        # Names bound by `use`: name → absolute path (a tuple of segments).
        self.bindings = {}
        # Names this file defines (items).
        self.items = set()
        self.globs = []
        # Every identifier written outside `use` declarations.
        self.written = set()
        # Absolute paths this file names, to be resolved to files.
        self.paths = []


def parse_use_tree(toks, i, prefix, out):
    """Parses a use tree at toks[i]; appends (path, bound name or None for a glob); returns
    the index after the tree."""
    path = list(prefix)
    while i < len(toks):
        tok = toks[i]
        if tok == "{":
            i += 1
            while toks[i] != "}":
                i = parse_use_tree(toks, i, path, out)
                if toks[i] == ",":
                    i += 1
            return i + 1
        if tok == "*":
            out.append((tuple(path), None))
            return i + 1
        path.append(tok)
        i += 1
        if i < len(toks) and toks[i] == "::":
            i += 1
            continue
        name = path[-1]
        if i + 1 < len(toks) and toks[i] == "as":
            name = toks[i + 1]
            i += 2
        if path[-1] == "self":
            path.pop()
            if name == "self":
                name = path[-1]
        out.append((tuple(path), name))
        return i
    return i


def absolute(file, module, path, local_modules):
    """The absolute form of a path written in `module` of `file`, or None when it is not in
    this crate (std, another crate, a local variable)."""
    first, rest = path[0], list(path[1:])
    if first in ("crate", "$crate"):
        return tuple(rest)
    if first == "self":
        return module + tuple(rest)
    if first == "super":
        base = list(module)
        while True:
            base.pop()
            if rest and rest[0] == "super":
                rest.pop(0)
                continue
            return tuple(base) + tuple(rest)
    if module + (first,) in local_modules:
        return module + tuple(path)
    if first in file.bindings:
        return file.bindings[first] + tuple(rest)
    return None


# Tokens after which an identifier is declared or a member, not a name written for an item.
DECLARES = {"struct", "enum", "fn", "trait", "type", "const", "static", "union", "mod", "!", ".", "let"}


def read_file(file, modules):
    """Collects a file's items, bindings, re-exports and the paths it names."""
    toks = file.tokens
    # Inline modules (`mod tests { … }`): the module a token is in, by brace depth.
    stack = [(file.module, -1)]
    depth = 0
    i = 0
    pending_uses = []
    while i < len(toks):
        tok = toks[i]
        module = stack[-1][0]
        if tok == "{":
            depth += 1
        elif tok == "}":
            depth -= 1
            if stack[-1][1] == depth:
                stack.pop()
        elif tok == "mod" and i + 2 < len(toks) and toks[i + 2] == "{":
            stack.append((module + (toks[i + 1],), depth))
            modules[module + (toks[i + 1],)] = file
        elif tok in ("struct", "enum", "fn", "trait", "type", "const", "static", "union", "mod") and (
            i + 1 < len(toks) and re.match(r"[A-Za-z_]", toks[i + 1])
        ):
            if len(stack) == 1 and depth == 0:
                file.items.add(toks[i + 1])
        elif tok == "macro_rules" and i + 2 < len(toks) and toks[i + 1] == "!":
            file.items.add(toks[i + 2] + "!")
        elif re.match(r"[A-Za-z_]", tok) and (i == 0 or toks[i - 1] not in DECLARES):
            file.written.add(tok)
        if tok == "use" and (i == 0 or toks[i - 1] not in ("::",)):
            public = i > 0 and (toks[i - 1] == "pub" or toks[i - 1] == ")")
            trees = []
            end = parse_use_tree(toks, i + 1, [], trees)
            pending_uses.append((module, public and len(stack) == 1, trees))
            i = end
            continue
        i += 1
    return pending_uses


def build_graph():
    files = {}
    modules = {}
    for path in sorted(SRC.rglob("*.rs")):
        if path == SRC / "main.rs":
            continue
        file = File(path)
        files[path] = file
        modules[file.module] = file
    uses = {path: read_file(file, modules) for path, file in files.items()}
    macros = {}
    for file in files.values():
        text = file.path.read_text()
        for name in re.findall(r"#\[macro_export\]\s*macro_rules!\s*(\w+)", text):
            macros[name] = file
    # Bindings and re-exports first (paths inside a file use them).
    for path, file in files.items():
        for module, public, trees in uses[path]:
            for tree_path, name in trees:
                if not tree_path:
                    continue
                full = absolute(file, module, tree_path, modules)
                if full is None:
                    continue
                if name is None:
                    file.globs.append(full)
                    file.paths.append(full)
                    continue
                file.bindings[name] = full
                # A `pub use` is a name for others to follow to the file that defines the
                # item, not a use, unless this file writes that name too.
                if full not in modules and (not public or name in file.written):
                    file.paths.append(full)
    # Paths in code and macro bodies: `crate::…`, `super::…`, `self::…`, `child::…`,
    # `imported_module::…`.
    for file in files.values():
        toks = file.tokens
        i = 0
        while i < len(toks):
            if i > 0 and toks[i - 1] in ("::", "use"):
                i += 1
                continue
            if i + 2 < len(toks) and toks[i + 1] == "::" and re.match(r"\$?[A-Za-z_]", toks[i + 2]):
                j = i
                segments = [toks[i]]
                while j + 2 < len(toks) and toks[j + 1] == "::" and re.match(r"\$?[A-Za-z_]", toks[j + 2]):
                    segments.append(toks[j + 2])
                    j += 2
                if j + 1 < len(toks) and toks[j + 1] == "!":
                    segments[-1] += "!"
                full = absolute(file, file.module, segments, modules)
                if full is not None and full[:1] != ():
                    file.paths.append(full)
                i = j + 1
                continue
            i += 1

    def resolve(full, seen=()):
        """The file that defines the item an absolute path names."""
        if full in seen:
            return None
        seen = seen + (full,)
        # The longest prefix that is a module.
        for length in range(len(full), -1, -1):
            if full[:length] in modules:
                break
        module_file = modules[full[:length]]
        rest = full[length:]
        if not rest:
            return module_file
        name = rest[0]
        if name.endswith("!") and length == 0 and name[:-1] in macros:
            return macros[name[:-1]]
        if name in module_file.items:
            return module_file
        if name in module_file.bindings:
            target = resolve(module_file.bindings[name] + tuple(rest[1:]), seen)
            return target or module_file
        for glob in module_file.globs:
            target = resolve(glob + (name,), seen)
            if target is not None and target is not modules.get(glob):
                return target
        return module_file

    graph = defaultdict(set)
    for file in files.values():
        graph[file.path]
        for full in file.paths:
            target = resolve(full)
            if target is not None and target is not file:
                graph[file.path].add(target.path)
    return graph


def strongly_connected(graph):
    """Tarjan's algorithm; the components, each a sorted list of files."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            components.append(sorted(component))

    sys.setrecursionlimit(10000)
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def shortest_cycle(graph, component):
    """One shortest cycle through the first file of a component, by breadth-first search."""
    start = component[0]
    members = set(component)
    previous = {start: None}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node]):
            if target == start:
                cycle = [node]
                while previous[cycle[-1]] is not None:
                    cycle.append(previous[cycle[-1]])
                return list(reversed(cycle)) + [start]
            if target in members and target not in previous:
                previous[target] = node
                queue.append(target)
    return component


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cycles", action="store_true", help="print only the cycles")
    args = parser.parse_args()
    graph = build_graph()
    name = lambda path: str(path.relative_to(ROOT))
    if not args.cycles:
        edges = 0
        for source in sorted(graph):
            for target in sorted(graph[source]):
                print(f"{name(source)} -> {name(target)}")
                edges += 1
        print(f"{len(graph)} files, {edges} edges")
    cycles = [c for c in strongly_connected(graph) if len(c) > 1]
    for component in cycles:
        print(f"cycle among {len(component)} files: " + " -> ".join(map(name, shortest_cycle(graph, component))))
        if len(component) > 2:
            print("  all of: " + ", ".join(map(name, component)))
    print(f"file-level cycles: {len(cycles)}")
    return 1 if cycles and args.cycles else 0


if __name__ == "__main__":
    sys.exit(main())
