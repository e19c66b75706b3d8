#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check_layers_test.py: tools/check-layers on small made-up trees.

Each case writes a tree of three layers (lib/ < low/ < high/) with a
docs/design.md table, compiles its C files with the host compiler into
build/ and lists them in build/objects.list as the Makefile does, then runs
the checker with the host's nm. The expected verdicts come from the table
written in the case, not from the checker: a clean tree passes, and each
way of breaking the layering (an include from above, a call from below
through a local prototype, a weak default overridden from above, a call
that no header declares, a cycle in the table itself) fails with its own
message. The real tree is checked by make test itself.

Ends with "check_layers_test: N passed, N failed"; exits non-zero when one failed.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tooltest  # noqa: E402

TOOL = os.path.join(tooltest.ROOT, "tools", "check-layers")

TABLE = """# design
```layers
lib/      -
low/      lib/
high/     lib/ low/
```

```headers
low.h     low/
high.h    high/
types.h   *
```
"""


class Tree:
    """A temporary tree: files written, then compiled and checked."""

    def __init__(self, table=TABLE):
        self.root = tempfile.mkdtemp(prefix="check-layers-")
        self.write("docs/design.md", table)
        self.write("include/types.h", "typedef unsigned long u64;\n")
        self.write("include/low.h", "int low_get(void);\n")
        self.write("include/high.h", "int high_get(void);\n")
        self.write("lib/util.c", "int util_twice(int x) { return 2 * x; }\n")
        self.write("low/low.c", '#include <low.h>\n#include <types.h>\n'
                   "int low_get(void) { return 1; }\n")
        self.write("high/high.c", "#include <high.h>\n#include <low.h>\n"
                   "int high_get(void) { return low_get() + 1; }\n")

    def write(self, path, text):
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)

    def check(self, *extra):
        objs = []
        for top in ("lib", "low", "high"):
            for name in sorted(os.listdir(os.path.join(self.root, top))):
                if not name.endswith(".c"):
                    continue
                obj = os.path.join("build", top, name[:-2] + ".o")
                os.makedirs(os.path.join(self.root, os.path.dirname(obj)), exist_ok=True)
                subprocess.run(["gcc", "-c", "-Iinclude", os.path.join(top, name),
                                "-o", obj], cwd=self.root, check=True)
                objs.append(obj)
        self.write("build/objects.list", "\n".join(objs) + "\n")
        return tooltest.run_tool(TOOL, "--root", self.root, "--nm", "nm", *extra)

    def close(self):
        shutil.rmtree(self.root)


class CheckLayers(unittest.TestCase):
    def setUp(self):
        self.tree = Tree()

    def tearDown(self):
        self.tree.close()

    def test_clean_tree_passes(self):
        status, out = self.tree.check()
        self.assertEqual(status, 0, out)
        self.assertIn("check-layers: 0 violations", out)

    def test_include_from_above_fails(self):
        self.tree.write("low/low.c", "#include <high.h>\nint low_get(void) { return 1; }\n")
        status, out = self.tree.check("--no-symbols")
        self.assertEqual(status, 1, out)
        self.assertIn("low/low.c:1: #include high.h: high.h belongs to high/, above low/", out)

    def test_call_up_through_local_prototype_fails(self):
        self.tree.write("low/low.c", "int high_get(void);\n"
                        "int low_get(void) { return 1; }\n"
                        "int low_up(void) { return high_get(); }\n")
        status, out = self.tree.check()
        self.assertEqual(status, 1, out)
        self.assertIn("low/low: calls high_get of high/high: low/ may not use high/", out)

    def test_weak_default_fails(self):
        self.tree.write("low/low.c", "__attribute__((weak)) int low_hook(void) { return 0; }\n"
                        "int low_get(void) { return low_hook(); }\n")
        status, out = self.tree.check()
        self.assertEqual(status, 1, out)
        self.assertIn("low/low: weak definition of low_hook", out)

    def test_undeclared_call_down_fails(self):
        self.tree.write("low/low.c", "int low_get(void) { return 1; }\n"
                        "int low_secret(void) { return 7; }\n")
        self.tree.write("high/high.c", "int low_secret(void);\n"
                        "int high_get(void) { return low_secret(); }\n")
        status, out = self.tree.check()
        self.assertEqual(status, 1, out)
        self.assertIn("high/high: uses low_secret of low/low, which no public header "
                      "declares", out)

    def test_unlisted_header_fails(self):
        self.tree.write("include/stray.h", "int stray(void);\n")
        self.tree.write("high/high.c", "#include <stray.h>\nint high_get(void) { return 2; }\n")
        status, out = self.tree.check("--no-symbols")
        self.assertEqual(status, 1, out)
        self.assertIn("stray.h: a header the table does not list", out)

    def test_cycle_in_table_fails(self):
        self.tree.close()
        self.tree = Tree(TABLE.replace("low/      lib/", "low/      lib/ mid/")
                         .replace("high/     lib/ low/", "mid/      lib/ high/\n"
                                  "high/     lib/ low/"))
        os.makedirs(os.path.join(self.tree.root, "mid"), exist_ok=True)
        status, out = self.tree.check("--no-symbols")
        self.assertEqual(status, 1, out)
        self.assertIn("the layers table has a cycle", out)

    def test_two_way_edge_is_allowed(self):
        self.tree.close()
        self.tree = Tree(TABLE.replace("low/      lib/", "low/      lib/ high/"))
        self.tree.write("low/low.c", "#include <high.h>\n"
                        "int low_get(void) { return 1; }\n"
                        "int low_up(void) { return high_get(); }\n")
        status, out = self.tree.check()
        self.assertEqual(status, 0, out)

    def test_missing_objects_list_fails(self):
        status, out = tooltest.run_tool(TOOL, "--root", self.tree.root, "--nm", "nm")
        self.assertEqual(status, 1, out)
        self.assertIn("build the kernel first", out)


if __name__ == "__main__":
    sys.exit(tooltest.main("check_layers_test", sys.modules[__name__]))
