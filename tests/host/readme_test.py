#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/host/readme_test.py — the README and the design and style docs are true of the tree.

- The README's Layout section lists every folder that holds a tracked file, one
  line each, and no folder that does not exist (the folder set comes from
  `git ls-files`).
- Every path the README, docs/design.md and docs/style.md name under one of
  the tree's top folders exists, every <dir/header.h> they name is under
  include/, and every `function()` they name is defined, declared or a macro
  somewhere in the tracked sources and tools — unless the sentence names it
  as another project's (Linux's mm/slub.c, seL4's decodeUntypedInvocation()).
- No tracked file outside docs/ cites a document outside the repository (the
  developers' shared notes on design, style and Linux facts).

Ends with "readme_test: N passed, N failed"; exits non-zero when one failed.
"""
import glob
import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tooltest  # noqa: E402

ROOT = tooltest.ROOT


def tracked():
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    return out.split()


def readme():
    with open(os.path.join(ROOT, "README.md")) as f:
        return f.read()


DOCS = ["README.md", "docs/design.md", "docs/style.md"]
TOP = r"(?:arch|kernel|init|mm|lib|tests|include|tools|docs|results)"
# A name within this many characters after one of these is another project's.
FOREIGN = re.compile(r"Linux|linux-source|xv6|illumos|seL4|FreeBSD|mimalloc|jemalloc")
CONTEXT = 150


def doc(name):
    with open(os.path.join(ROOT, name)) as f:
        return f.read()


def own_names(text, pattern):
    """(name, offset) of @pattern's group 1 in @text, but for another project's."""
    for m in re.finditer(pattern, text):
        if not FOREIGN.search(text[max(0, m.start() - CONTEXT):m.start()]):
            yield m.group(1)


def source_identifiers():
    """Every identifier called, declared or #defined in the tracked sources and tools
    (outside the C sources' comments, which name Linux's functions too)."""
    words = set()
    for name in tracked():
        if not (name.endswith((".c", ".h", ".S", ".py")) or name.startswith("tools/")):
            continue
        with open(os.path.join(ROOT, name), errors="replace") as f:
            text = f.read()
        if name.endswith((".c", ".h", ".S")):
            text = re.sub(r"/\*.*?\*/|//[^\n]*", " ", text, flags=re.S)
        words |= set(re.findall(r"\b([A-Za-z_]\w*)\s*\(", text))
        words |= set(re.findall(r"#\s*define\s+(\w+)", text))
    return words


def layout_folders(text):
    """The folders of the Layout section's block, as written (trailing /)."""
    section = text[text.index("## Layout"):]
    block = section[section.index("```\n") + 4:]
    block = block[:block.index("```")]
    return [line.split()[0] for line in block.splitlines() if line.strip()]


class Readme(unittest.TestCase):
    def test_layout_lists_every_folder_once(self):
        folders = {os.path.dirname(f) + "/" for f in tracked() if "/" in f}
        listed = layout_folders(readme())
        self.assertEqual(len(listed), len(set(listed)), "a folder listed twice")
        self.assertEqual(sorted(set(listed) - folders), [], "listed but not in the tree")
        self.assertEqual(sorted(folders - set(listed)), [], "in the tree but not listed")

    def test_named_paths_exist(self):
        for name in DOCS:
            with self.subTest(doc=name):
                paths = set(own_names(doc(name), r"(?<![\w/.<-])(" + TOP +
                                      r"/[A-Za-z0-9_./*-]*[A-Za-z0-9_/*])"))
                missing = [p for p in sorted(paths) if not p.startswith("results/")
                           and not glob.glob(os.path.join(ROOT, p))]
                self.assertEqual(missing, [])

    def test_named_headers_exist(self):
        for name in DOCS:
            with self.subTest(doc=name):
                headers = set(own_names(doc(name), r"<((?:linux|asm|kunit|nodal|libfdt)/"
                                                   r"[\w/]+\.h)>"))
                missing = [h for h in sorted(headers)
                           if not os.path.exists(os.path.join(ROOT, "include", h))]
                self.assertEqual(missing, [])

    def test_named_functions_exist(self):
        known = source_identifiers()
        for name in DOCS:
            with self.subTest(doc=name):
                functions = set(own_names(doc(name), r"`([A-Za-z_]\w*)\(\)"))
                self.assertEqual(sorted(functions - known), [])

    def test_no_document_outside_the_repository(self):
        # Built from pieces, so that this file does not match itself.
        names = ["LINUX" + "-FACTS", "STYLE" + r"\.md", "DESIGN" + r"\.md", r"\.\./" + "shared"]
        pattern = re.compile("|".join(names))
        bad = []
        for name in tracked():
            if name.startswith("docs/"):
                continue
            try:
                with open(os.path.join(ROOT, name), errors="strict") as f:
                    if pattern.search(f.read()):
                        bad.append(name)
            except (UnicodeDecodeError, IsADirectoryError):
                continue
        self.assertEqual(bad, [])


if __name__ == "__main__":
    sys.exit(tooltest.main("readme_test", sys.modules[__name__]))
