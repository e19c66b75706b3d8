#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""readme_test.py: what the README says about the tree is true of the tree.

- Its Layout section lists every folder that holds a tracked file, one line each,
  and no folder that does not exist (the folder set comes from `git ls-files`).
- Every docs/... and tools/... path it links or names exists.
- It cites no document outside the repository (the developers' shared notes
  on design, style and Linux facts), and neither does any tracked file outside
  docs/.

Ends with "readme_test: N passed, N failed"; exits non-zero when one failed.
"""
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
        names = set(re.findall(r"\b((?:docs|tools)/[A-Za-z0-9_./-]*[A-Za-z0-9_])", readme()))
        missing = [n for n in sorted(names) if not os.path.exists(os.path.join(ROOT, n))]
        self.assertEqual(missing, [])

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
