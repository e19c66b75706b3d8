#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/host/kallsyms_test.py — tools/gen-kallsyms on made-up `nm -n -S` output.

A backtrace prints "name+offset/size"; the size must be the function's ELF
size (`nm -S`), not the distance to the next symbol, which takes in the
alignment padding after it (a 5-byte function 0x200 bytes before the next
one printed as size 0x200).  A symbol without a size (an assembly label)
runs to the next higher address.  Each case's expected sizes are written
in the case from the addresses it made up.

Ends with "kallsyms_test: N passed, N failed"; exits non-zero when one failed.
"""
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tooltest  # noqa: E402

TOOL = os.path.join(tooltest.ROOT, "tools", "gen-kallsyms")


def table(nm_text):
    """{name: (address, size)} from what gen-kallsyms writes for nm_text."""
    with tempfile.NamedTemporaryFile("w", suffix=".nm", delete=False) as f:
        f.write(nm_text)
    try:
        out = subprocess.run([sys.executable, TOOL, f.name], capture_output=True,
                             text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    def block(label, directive):
        body = out.split(label + ":\n", 1)[1]
        vals = []
        for line in body.splitlines():
            m = re.match(r"\t\." + directive + r" (\S+)$", line)
            if not m:
                break
            vals.append(m.group(1))
        return vals
    addrs = [int(v, 16) for v in block("kallsyms_addresses", "dword")]
    sizes = [int(v, 16) for v in block("kallsyms_sizes", "word")]
    names = re.findall(r'\t\.asciz "([^"]*)"', out)
    return {n: (a, s) for n, a, s in zip(names, addrs, sizes)}, len(names)


class GenKallsyms(unittest.TestCase):
    def test_sizes_from_the_symbol_table(self):
        nm = ("0000000080200000 0000000000000005 T tiny\n"
              "0000000080200200 0000000000000030 t local_fn\n"
              "0000000080200230 0000000000000100 W weak_fn\n")
        syms, n = table(nm)
        self.assertEqual(n, 3)
        self.assertEqual(syms["tiny"], (0x80200000, 0x5))  # not 0x200
        self.assertEqual(syms["local_fn"], (0x80200200, 0x30))
        self.assertEqual(syms["weak_fn"], (0x80200230, 0x100))

    def test_label_without_size_runs_to_next_symbol(self):
        nm = ("0000000080200000 T _start\n"
              "0000000080200000 T _stext\n"
              "0000000080200060 T trap_entry\n"
              "00000000802000f6 0000000000000010 T c_fn\n"
              "0000000080200106 T _etext\n")
        syms, _ = table(nm)
        self.assertEqual(syms["_start"], (0x80200000, 0x60))
        self.assertEqual(syms["_stext"], (0x80200000, 0x60))
        self.assertEqual(syms["trap_entry"], (0x80200060, 0x96))
        self.assertEqual(syms["c_fn"][1], 0x10)
        self.assertEqual(syms["_etext"][1], 0)  # nothing after it

    def test_only_text_symbols(self):
        nm = ("0000000080200000 0000000000000008 T f\n"
              "0000000080200008 t .Llocal\n"
              "0000000080300000 0000000000000040 D data\n"
              "0000000080300040 0000000000000040 R rodata\n"
              "0000000080300080 0000000000000040 b bss\n")
        syms, n = table(nm)
        self.assertEqual((n, list(syms)), (1, ["f"]))
        self.assertEqual(syms["f"], (0x80200000, 8))


if __name__ == "__main__":
    sys.exit(tooltest.main("kallsyms_test", sys.modules[__name__]))
