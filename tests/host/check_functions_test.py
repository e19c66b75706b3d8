#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/host/check_functions_test.py — tools/check-functions on made-up C files.

The limit is docs/style.md's: a function body of more than 60 lines needs a
"Not split:" comment right above it.  Each case writes one file whose
function length is set by the case (so the expected verdict comes from the
case, not from the tool) and runs the tool on it.

Ends with "check_functions_test: N passed, N failed"; exits non-zero when one failed.
"""
import os
import shutil
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tooltest  # noqa: E402

TOOL = os.path.join(tooltest.ROOT, "tools", "check-functions")


def function(name, body_lines, comment=None, signature_lines=1):
    """A C function of @body_lines lines between its braces."""
    head = []
    if comment:
        head += ["/*", " * " + comment, " */"]
    if signature_lines == 1:
        head.append(f"static int {name}(int x)")
    else:
        head += [f"static int {name}(int x,", "\t\t int y)"]
    body = ["\tx++;"] * (body_lines - 1) + ["\treturn x;"]
    return "\n".join(head + ["{"] + body + ["}", ""])


class CheckFunctions(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="check-functions-")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def run_on(self, text):
        path = os.path.join(self.dir, "f.c")
        with open(path, "w") as f:
            f.write(text)
        return tooltest.run_tool(TOOL, path)

    def test_missing_path_is_a_usage_error(self):
        status, out = tooltest.run_tool(TOOL, os.path.join(self.dir, "nosuch.c"))
        self.assertEqual(status, 2, out)
        self.assertIn("no such file or folder", out)

    def test_unknown_flag_is_a_usage_error(self):
        status, out = tooltest.run_tool(TOOL, "--frob")
        self.assertEqual(status, 2, out)
        self.assertIn("unrecognized arguments: --frob", out)

    def test_sixty_lines_pass(self):
        status, out = self.run_on(function("ok", 60))
        self.assertEqual(status, 0, out)

    def test_sixty_one_lines_fail(self):
        status, out = self.run_on("#include <x.h>\n\n" + function("long_one", 61))
        self.assertEqual(status, 1, out)
        self.assertIn("f.c:3: long_one() is 61 lines with no \"Not split:\" comment", out)

    def test_reason_passes(self):
        status, out = self.run_on(function("long_ok", 90, "Not split: one table."))
        self.assertEqual(status, 0, out)

    def test_comment_without_reason_fails(self):
        status, out = self.run_on(function("long_doc", 90, "Does many things."))
        self.assertEqual(status, 1, out)

    def test_signature_on_two_lines(self):
        text = function("short", 10) + "\n" + function("two_line", 70, None, 2)
        status, out = self.run_on(text)
        self.assertEqual(status, 1, out)
        self.assertIn("two_line() is 70 lines", out)
        self.assertNotIn("short()", out)


if __name__ == "__main__":
    sys.exit(tooltest.main("check_functions_test", sys.modules[__name__]))
