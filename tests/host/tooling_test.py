#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/host/tooling_test.py — tests of tools/analyze, tools/check-format and run-tests' options.

tools/analyze must fail on a finding, pass a clean source and refuse flags the
analyzer cannot run with: a make analyze that analyzed nothing would pass
forever.  tools/check-format runs on a scratch git repository (it checks the
files git tracks next to it) holding this tree's .clang-format: it must name
the file that breaks the format and its first place, check only the lines
written since a given commit with --since, pass the one that
keeps it, and leave nothing to change after --fix.  Each refuses bad input
(an unknown flag, a missing path, a revision that is no commit, a log it
cannot write, run-tests' --only without its pattern) with exit status 2 and
a message.  .clang-format must know every for_each loop macro the tree
defines.  A tool whose compiler is not installed is skipped.
Ends with "tooling_test: N passed, N failed" (one per test); exits non-zero
when one failed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True      # no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tooltest import ROOT, main, run_tool

ANALYZE = os.path.join(ROOT, "tools", "analyze")
CHECK_FORMAT = os.path.join(ROOT, "tools", "check-format")
# The kernel's target, without its headers: the sources below include none.
CLANG_FLAGS = "--target=riscv64-unknown-elf -march=rv64imac -ffreestanding -nostdlib -O2"

NULL_DEREF = """\
int first(const int *p)
{
	if (p)
		return 1;
	return *p;
}
"""

CLEAN = """\
int first(const int *p)
{
	return p ? *p : 0;
}
"""

# Kernel style as .clang-format has it, and the same code broken three ways.
FORMATTED = """\
struct pair {
	int a; /* [init] */
	int b; /* [lock] */
};

int sum(const struct pair *p)
{
	if (!p)
		return 0;
	return p->a + p->b;
}
"""

UNFORMATTED = """\
int sum(const struct pair *p) {
	if (!p) return 0;
	return p->a+p->b;
}
"""


class Analyze(unittest.TestCase):
    def setUp(self):
        if not shutil.which("clang"):
            self.skipTest("clang not installed")
        self.tmp = tempfile.mkdtemp(prefix="tooling_test.")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def source(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, "w") as out:
            out.write(text)
        return path

    def test_a_null_dereference_fails(self):
        code, out = run_tool(ANALYZE, "--cflags", CLANG_FLAGS,
                             self.source("null.c", NULL_DEREF),
                             self.source("clean.c", CLEAN))
        self.assertEqual(code, 1, out)
        self.assertIn("null.c:5:9: warning: Dereference of null pointer", out)
        self.assertIn("[core.NullDereference]", out)
        self.assertIn("analyze: 1 finding(s) in 1 file(s) of 2 (clang --analyze)", out)

    def test_a_clean_source_passes(self):
        log = os.path.join(self.tmp, "analyze.log")
        code, out = run_tool(ANALYZE, "--cflags", CLANG_FLAGS, "--log", log,
                             self.source("clean.c", CLEAN))
        self.assertEqual(code, 0, out)
        self.assertIn("analyze: 0 finding(s) in 0 file(s) of 1", out)
        self.assertTrue(os.path.exists(log))

    def test_flags_the_analyzer_refuses(self):
        code, out = run_tool(ANALYZE, "--cflags", CLANG_FLAGS + " -mno-such-option",
                             self.source("clean.c", CLEAN))
        self.assertEqual(code, 2, out)
        self.assertIn("clean.c: clang failed without a finding", out)

    def test_a_log_it_cannot_write_is_a_usage_error(self):
        code, out = run_tool(ANALYZE, "--cflags", CLANG_FLAGS, "--log",
                             os.path.join(self.tmp, "no-such-dir", "a.log"),
                             self.source("clean.c", CLEAN))
        self.assertEqual(code, 2, out)
        self.assertIn("analyze: --log ", out)


class CheckFormat(unittest.TestCase):
    def setUp(self):
        if not shutil.which("clang-format"):
            self.skipTest("clang-format not installed")
        self.repo = tempfile.mkdtemp(prefix="tooling_test.")
        os.makedirs(os.path.join(self.repo, "tools"))
        shutil.copy(os.path.join(ROOT, ".clang-format"), self.repo)
        self.tool = shutil.copy(CHECK_FORMAT, os.path.join(self.repo, "tools"))
        for name, text in (("good.c", FORMATTED), ("bad.c", UNFORMATTED),
                           ("notes.txt", UNFORMATTED)):
            with open(os.path.join(self.repo, name), "w") as out:
                out.write(text)
        subprocess.run(["git", "init", "-q"], cwd=self.repo, check=True)
        subprocess.run(["git", "add", "."], cwd=self.repo, check=True)

    def tearDown(self):
        shutil.rmtree(self.repo)

    def test_names_what_breaks_the_format(self):
        code, out = run_tool(self.tool)
        self.assertEqual(code, 1, out)
        self.assertIn("bad.c:1:30: +5 -3 lines", out)
        self.assertNotIn("good.c", out)
        self.assertNotIn("notes.txt", out)
        self.assertIn("check-format: 1 of 2 tracked file(s) differ from .clang-format "
                      "(+5 -3 lines)", out)
        code, out = run_tool(self.tool, "--diff", "bad.c")
        self.assertIn("+\t\treturn 0;\n", out)
        self.assertIn("+\treturn p->a + p->b;\n", out)

    def test_fix_leaves_nothing_to_change(self):
        code, out = run_tool(self.tool, "--fix")
        self.assertEqual(code, 0, out)
        with open(os.path.join(self.repo, "good.c")) as src:
            self.assertEqual(src.read(), FORMATTED)
        code, out = run_tool(self.tool)
        self.assertEqual(code, 0, out)
        self.assertIn("check-format: 2 tracked file(s) as .clang-format says", out)

    def commit(self, message):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "commit",
                        "-qam", message], cwd=self.repo, check=True)

    def test_since_checks_only_lines_written_after_rev(self):
        """Lines older than REV are left as they are; a new function written
        badly fails, written well passes."""
        self.commit(".clang-format and code older than it")
        rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=self.repo, check=True,
                             capture_output=True, text=True).stdout.strip()
        code, out = run_tool(self.tool, "--since", rev)
        self.assertEqual(code, 0, out)
        self.assertIn("check-format: no C source among the file(s) changed since", out)
        with open(os.path.join(self.repo, "bad.c"), "a") as src:
            src.write("\nint twice(int x) { return 2*x; }\n")
        code, out = run_tool(self.tool, "--since", rev)
        self.assertEqual(code, 1, out)
        self.assertIn("bad.c:6:", out)      # the new line, not line 1's old brace
        self.assertIn("check-format: 1 of 1 file(s) changed since", out)
        code, out = run_tool(self.tool, "--since", rev, "--fix")
        self.assertEqual(code, 0, out)
        with open(os.path.join(self.repo, "bad.c")) as src:
            text = src.read()
        self.assertTrue(text.startswith(UNFORMATTED), text)   # old lines untouched
        self.assertIn("int twice(int x)\n{\n\treturn 2 * x;\n}\n", text)
        code, out = run_tool(self.tool, "--since", rev)
        self.assertEqual(code, 0, out)

    def test_bad_input_is_a_usage_error(self):
        for args, message in [(["--since", "no-such-rev"], "--since no-such-rev: not a commit"),
                              (["no-such-dir/"], "no such file or folder: no-such-dir/"),
                              (["--frob"], "unrecognized arguments: --frob")]:
            with self.subTest(args=args):
                code, out = run_tool(self.tool, *args)
                self.assertEqual(code, 2, out)
                self.assertIn(message, out)

    def test_every_loop_macro_of_the_tree_formats_as_a_loop(self):
        """A for_each macro .clang-format does not know is formatted as a call: its body
        is joined onto its line (`for_each_x(t) if (...) return t;`)."""
        with open(os.path.join(ROOT, ".clang-format")) as src:
            block = re.search(r"^ForEachMacros:\n((?:  - .*\n)+)", src.read(), re.M)
        known = set(re.findall(r"'(\w+)'", block.group(1))) if block else set()
        sources = subprocess.run(["git", "ls-files", "*.c", "*.h"], cwd=ROOT, check=True,
                                 capture_output=True, text=True).stdout.split()
        defined = set()
        for name in sources:
            with open(os.path.join(ROOT, name), errors="replace") as src:
                defined |= set(re.findall(r"#\s*define\s+(\w*for_each\w*)\(", src.read()))
        self.assertEqual(sorted(defined - known), [])


class RunTests(unittest.TestCase):
    """tools/run-tests refuses bad options before it builds or boots anything."""

    def test_bad_options_are_usage_errors(self):
        for args, message in [(["--only"], "--only needs a PATTERN"),
                              (["--frob"], "unknown option '--frob'")]:
            with self.subTest(args=args):
                done = subprocess.run(["bash", os.path.join(ROOT, "tools", "run-tests")] + args,
                                      capture_output=True, text=True, timeout=30)
                self.assertEqual(done.returncode, 2, done.stdout + done.stderr)
                self.assertIn(message, done.stderr)


if __name__ == "__main__":
    sys.exit(main("tooling_test", sys.modules[__name__]))
