# SPDX-License-Identifier: MIT
"""tests/host/tooltest.py — what the host tests of the Python tools share; not a test itself.

tools/bench and tools/study have no .py ending, so a test loads one by its path to call its
functions, and runs it as a program (with this Python) to check what it prints and its exit
status. Used by bench_test.py and study_test.py. tests/host/Makefile.frag names each test in
HOST_TESTS, so make host-tests never runs this module.
"""
import importlib.machinery
import importlib.util
import io
import os
import subprocess
import sys
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "tests", "host", "fixtures")


def load_tool(path, module_name):
    """The script at PATH as a module named MODULE_NAME, entered in sys.modules
    (dataclasses look their module up there)."""
    loader = importlib.machinery.SourceFileLoader(module_name, path)
    spec = importlib.util.spec_from_loader(module_name, loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    loader.exec_module(module)
    return module


def run_tool(path, *args, env=None, timeout=120):
    """The script at PATH with ARGS, ENV added to the environment; (exit status,
    stdout + stderr). Past TIMEOUT seconds subprocess.TimeoutExpired fails the test."""
    done = subprocess.run([sys.executable, path] + list(args), capture_output=True,
                          text=True, env=dict(os.environ, **(env or {})), timeout=timeout)
    return done.returncode, done.stdout + done.stderr


def fixture(name):
    """tests/host/fixtures/NAME as text, its line ends kept (CRLF as QEMU's serial gives them)."""
    with open(os.path.join(FIXTURES, name), newline="") as src:
        return src.read()


def main(name, module):
    """Runs MODULE's tests; prints the failures in full, a line per skip and
    "NAME: N passed, N failed"; returns the exit status (1 when one failed)."""
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=2).run(
        unittest.defaultTestLoader.loadTestsFromModule(module))
    failed = len(result.failures) + len(result.errors)
    if failed:
        sys.stdout.write(stream.getvalue())
    skipped = len(result.skipped)
    for test, why in result.skipped:
        print("%s: skipped %s: %s" % (name, test.id(), why))
    print("%s: %d passed, %d failed" % (name, result.testsRun - failed - skipped, failed))
    return 1 if failed else 0
