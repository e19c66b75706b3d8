#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/host/check_layers_test.py — tools/check-layers on small made-up trees.

Each case writes a tree of layers (libfdt/ and lib/ < low/ < high/, with
tests/lib/ and tests/kunit/ on top) with a docs/design.md table, compiles its
C files with the host compiler into build/ and lists them in
build/objects.list as the Makefile does, then runs the checker with the
host's nm. The expected verdicts come from the table written in the case,
not from the checker: a clean tree passes (a `*` header declaring data of
the folder its row names, a test reading its own subsystem's internal.h, a
public header kept beside tests/lib's code), and each way of breaking the
layering fails with its own message: an include from above, by angle or by
quotes through -Iinclude, or in a header under include/ (a `*` header
including an owned one); a header under include/ the table does not list; a
private header of another folder, internal.h or not, and a test reading
another subsystem's; a call from below; a weak default; a cross-folder call
declared only by a local prototype, a comment, another folder's header or a
`*` header whose row does not name the defining folder; a third-party folder
calling what its row does not allow; a cycle in the table itself. The real
tree is checked by make test itself.

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
libfdt/       lib/
lib/          -
low/          lib/
high/         lib/ low/
tests/lib/    *
tests/kunit/  * tests/lib/
```

```headers
low.h             low/
high.h            high/
types.h           *
masks.h           *  low/
tests/lib/ring.h  tests/lib/
```
"""


class Tree:
    """A temporary tree: files written, then compiled and checked."""

    def __init__(self, table=TABLE):
        self.root = tempfile.mkdtemp(prefix="check-layers-")
        self.write("docs/design.md", table)
        self.write("include/types.h", "typedef unsigned long u64;\n")
        self.write("include/masks.h", "#include <types.h>\n"
                   "/* low_mask: low/'s, as the table's row says */\n"
                   "extern u64 low_mask;\n")
        self.write("include/low.h", "int low_get(void);\n")
        self.write("include/high.h", "int high_get(void);\n")
        self.write("lib/util.c", "int util_twice(int x) { return 2 * x; }\n")
        self.write("low/internal.h", "int low_secret(void);\n")
        self.write("low/low.c", '#include <low.h>\n#include <masks.h>\n'
                   '#include "internal.h"\n'
                   "u64 low_mask = 1;\n"
                   "int low_secret(void) { return 7; }\n"
                   "int low_get(void) { return low_secret() - 6; }\n")
        self.write("high/high.c", "#include <high.h>\n#include <low.h>\n#include <masks.h>\n"
                   "int high_get(void) { return low_get() + (int)low_mask; }\n")
        self.write("tests/lib/ring.h", "int ring_pop(void);\n")
        self.write("tests/lib/ring.c", '#include "ring.h"\n'
                   "int ring_pop(void) { return 0; }\n")
        self.write("tests/kunit/low_kunit.c", '#include "../../low/internal.h"\n'
                   '#include "../lib/ring.h"\n'
                   "int low_case(void) { return low_secret() + ring_pop(); }\n")

    def write(self, path, text):
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)

    def check(self, *extra):
        """Compiles the tree (not for --no-symbols) and runs the checker."""
        if "--no-symbols" in extra:
            return tooltest.run_tool(TOOL, "--root", self.root, *extra)
        objs = []
        for top in ("libfdt", "lib", "low", "high", "tests"):
            for dirpath, _, names in sorted(os.walk(os.path.join(self.root, top))):
                for name in sorted(n for n in names if n.endswith(".c")):
                    src = os.path.relpath(os.path.join(dirpath, name), self.root)
                    obj = os.path.join("build", src[:-2] + ".o")
                    os.makedirs(os.path.join(self.root, os.path.dirname(obj)),
                                exist_ok=True)
                    subprocess.run(["gcc", "-c", "-Iinclude", src, "-o", obj],
                                   cwd=self.root, check=True)
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

    def new_tree(self, table):
        self.tree.close()
        self.tree = Tree(table)

    def verdict(self, files, *extra):
        """Writes @files (path: text) into the tree; the checker's (status, output)."""
        for path, text in files.items():
            self.tree.write(path, text)
        return self.tree.check(*extra)

    def assert_refused(self, files, *messages, symbols=True):
        """@files make the checker fail, printing each of @messages."""
        status, out = self.verdict(files, *(() if symbols else ("--no-symbols",)))
        self.assertEqual(status, 1, out)
        for message in messages:
            self.assertIn(message, out)

    def test_clean_tree_passes(self):
        status, out = self.tree.check()
        self.assertEqual(status, 0, out)
        self.assertIn("check-layers: 0 violations", out)

    def test_include_from_above_fails(self):
        self.assert_refused(
            {"low/low.c": "#include <high.h>\nint low_get(void) { return 1; }\n"},
            "low/low.c:1: #include high.h: high.h belongs to high/, above low/",
            symbols=False)

    def test_call_up_through_local_prototype_fails(self):
        self.assert_refused(
            {"low/low.c": "int high_get(void);\nint low_get(void) { return 1; }\n"
             "int low_up(void) { return high_get(); }\n"},
            "low/low: calls high_get of high/high: low/ may not use high/")

    def test_weak_default_fails(self):
        self.assert_refused(
            {"low/low.c": "__attribute__((weak)) int low_hook(void) { return 0; }\n"
             "int low_get(void) { return low_hook(); }\n"},
            "low/low: weak definition of low_hook")

    def test_undeclared_call_down_fails(self):
        self.assert_refused(
            {"high/high.c": "int low_secret(void);\n"
             "int high_get(void) { return low_secret(); }\n"},
            "high/high: uses low_secret of low/low, which no public header of low/ declares")

    def test_unlisted_header_fails(self):
        self.assert_refused(
            {"include/stray.h": "int stray(void);\n",
             "high/high.c": "#include <stray.h>\nint high_get(void) { return 2; }\n"},
            "high/high.c:1: #include stray.h: a header the table does not list",
            "include/stray.h: a header the table does not list", symbols=False)

    def test_cycle_in_table_fails(self):
        self.new_tree(TABLE.replace("low/          lib/", "low/          lib/ mid/")
                      .replace("high/         lib/ low/", "mid/          lib/ high/\n"
                               "high/         lib/ low/"))
        os.makedirs(os.path.join(self.tree.root, "mid"), exist_ok=True)
        self.assert_refused({}, "the layers table has a cycle", symbols=False)

    def test_two_way_edge_is_allowed(self):
        self.new_tree(TABLE.replace("low/          lib/", "low/          lib/ high/"))
        status, out = self.verdict(
            {"low/low.c": "#include <high.h>\nint low_get(void) { return 1; }\n"
             "int low_up(void) { return high_get(); }\n"})
        self.assertEqual(status, 0, out)

    # H1 (a): a symbol used across folders must be declared, comments apart,
    # in a public header of the folder that defines it.

    def test_prototype_named_only_in_a_comment_fails(self):
        self.assert_refused(
            {"include/low.h": "int low_get(void); /* not low_secret() */\n",
             "high/high.c": "#include <low.h>\nint low_secret(void);\n"
             "int high_get(void) { return low_secret(); }\n"},
            "high/high: uses low_secret of low/low, which no public header of low/ declares")

    def test_prototype_in_another_folders_header_fails(self):
        self.assert_refused(
            {"include/high.h": "int high_get(void);\nint low_secret(void);\n",
             "high/high.c": "#include <high.h>\n"
             "int high_get(void) { return low_secret(); }\n"},
            "high/high: uses low_secret of low/low, which no public header of low/ declares")

    def test_star_header_declares_only_for_the_folders_it_names(self):
        files = {"include/types.h": "typedef unsigned long u64;\nextern int low_count;\n",
                 "low/count.c": "int low_count;\n",
                 "high/high.c": "#include <types.h>\n"
                 "int high_get(void) { return low_count; }\n"}
        self.assert_refused(
            files, "high/high: uses low_count of low/count, which no public header of low/ "
            "declares")
        self.new_tree(TABLE.replace("types.h           *", "types.h           *  low/"))
        status, out = self.verdict(files)
        self.assertEqual(status, 0, out)

    # H1 (b): a test reads the private header of the subsystem its file name
    # names, and no other; any other header beside a folder's code that the
    # table does not list is private to that folder.

    def test_test_using_another_subsystems_private_function_fails(self):
        self.assert_refused(
            {"tests/kunit/high_kunit.c": "int low_secret(void);\n"
             "int high_case(void) { return low_secret(); }\n"},
            "tests/kunit/high_kunit: uses low_secret of low/low, which no public header of "
            "low/ declares")

    def test_test_including_another_subsystems_private_header_fails(self):
        self.assert_refused(
            {"tests/kunit/high_kunit.c": '#include "../../low/internal.h"\n'},
            "tests/kunit/high_kunit.c:1: #include ../../low/internal.h: a private header of "
            "low/", symbols=False)

    def test_unlisted_header_beside_code_is_private(self):
        self.assert_refused(
            {"low/extra.h": "int low_extra(void);\n",
             "low/extra.c": '#include "extra.h"\nint low_extra(void) { return 3; }\n',
             "high/high.c": '#include "../low/extra.h"\n'
             "int high_get(void) { return low_extra(); }\n",
             "tests/kunit/low_kunit.c": '#include "../../low/extra.h"\n'},
            "high/high.c:1: #include ../low/extra.h: a private header of low/",
            "tests/kunit/low_kunit.c:1: #include ../../low/extra.h: a private header of low/",
            "high/high: uses low_extra of low/extra, which no public header of low/ declares")

    # H1 (c): a quoted include that the compiler finds through -Iinclude is
    # a use of the header's folder, as an angle include is.

    def test_quoted_include_through_the_include_path_fails(self):
        self.assert_refused(
            {"low/low.c": '#include "high.h"\nint low_get(void) { return 1; }\n'},
            "low/low.c:1: #include high.h: high.h belongs to high/, above low/",
            symbols=False)

    def test_quoted_include_of_no_file_fails(self):
        self.assert_refused(
            {"low/low.c": '#include "nowhere.h"\nint low_get(void) { return 1; }\n'},
            "low/low.c:1: #include nowhere.h: no such header", symbols=False)

    # H1 (d): every header under include/ is a user, with its owner's row.

    def test_header_including_from_above_fails(self):
        self.assert_refused(
            {"include/low.h": "#include <high.h>\nint low_get(void);\n"},
            "include/low.h:1: #include high.h: high.h belongs to high/, above low/",
            symbols=False)

    def test_type_only_header_including_an_owned_header_fails(self):
        self.assert_refused(
            {"include/types.h": "#include <low.h>\ntypedef unsigned long u64;\n"},
            "include/types.h:1: #include low.h: low.h belongs to low/: a `*` header may "
            "include only `*` headers", symbols=False)

    # Low 1: third-party code is a user like any other folder (libfdt/ gets
    # no pass for its calls or its weak definitions).

    def test_third_party_folder_is_checked_as_a_user(self):
        self.new_tree(TABLE.replace("libfdt/       lib/", "libfdt/       -"))
        self.assert_refused(
            {"libfdt/fdt.c": "int util_twice(int x);\n"
             "int fdt_twice(int x) { return util_twice(x); }\n"
             "__attribute__((weak)) int fdt_hook(void) { return 0; }\n"},
            "libfdt/fdt: calls util_twice of lib/util: libfdt/ may not use lib/",
            "libfdt/fdt: weak definition of fdt_hook")

    # Bad input: a usage error or a table that does not parse exits 2 with
    # a message, before anything is checked.

    def assert_usage_error(self, message, *args):
        status, out = tooltest.run_tool(TOOL, "--root", self.tree.root, *args)
        self.assertEqual(status, 2, out)
        self.assertIn(message, out)

    def test_unknown_flag_is_a_usage_error(self):
        self.assert_usage_error("unrecognized arguments: --frob", "--frob")

    def test_design_doc_without_the_blocks_is_refused(self):
        self.tree.write("docs/design.md", "# design\n\nNo tables here.\n")
        self.assert_usage_error("has no `layers` or `headers` block", "--no-symbols")

    def test_missing_design_doc_is_refused(self):
        os.remove(os.path.join(self.tree.root, "docs", "design.md"))
        self.assert_usage_error("design.md", "--no-symbols")

    def test_malformed_rows_are_refused(self):
        for old, new, message in [
                ("high/         lib/ low/", "high/         lib/ middle/",
                 "layers: high/ uses unknown middle/"),
                ("low/          lib/", "low           lib/",
                 "layers: low is not a folder"),
                ("tests/lib/    *\n", "tests/lib/    *\nlow/  -\n",
                 "layers: low/ has two rows"),
                ("high.h            high/", "high.h            high/ low/",
                 "headers: bad owner for high.h"),
                ("types.h           *", "types.h           *\nlow.h  low/",
                 "headers: low.h has two rows")]:
            with self.subTest(row=new):
                self.assertIn(old, TABLE)
                self.tree.write("docs/design.md", TABLE.replace(old, new, 1))
                self.assert_usage_error(message, "--no-symbols")

    def test_nm_that_does_not_run_is_a_usage_error(self):
        self.tree.check()                   # builds objects.list
        self.assert_usage_error("cannot list the symbols", "--nm", "no-such-nm")

    def test_missing_objects_list_fails(self):
        status, out = tooltest.run_tool(TOOL, "--root", self.tree.root, "--nm", "nm")
        self.assertEqual(status, 1, out)
        self.assertIn("build the kernel first", out)


if __name__ == "__main__":
    sys.exit(tooltest.main("check_layers_test", sys.modules[__name__]))
