#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/host/dt_mutate_test.py — tools/dt-mutate without QEMU.

The bases are QEMU's own trees kept as text (tests/host/fixtures/qemu_virt_2x2.dts and
_2x1.dts), compiled here by dtc.  What each test trusts is dtc, not the tool: a tree
written back must decompile to what dtc gives for the original; each mutant must differ
from its base in dtc's reading exactly where the tool says it changed something; one seed
must give the same bytes twice.  The expectations' model (Linux's distance rule) and the
log checks are tested on worked examples.
"""
import os
import random
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tooltest import FIXTURES, ROOT, load_tool, main  # noqa: E402

TOOL = os.path.join(ROOT, "tools", "dt-mutate")
dtm = load_tool(TOOL, "dt_mutate")
REORDERS = {"mem_nodes_reversed", "cpus_reversed"}


def dtc(args, data=None):
    done = subprocess.run(["dtc", "-q"] + args, input=data, capture_output=True, check=True)
    return done.stdout


def compile_dts(path):
    return dtc(["-I", "dts", "-O", "dtb", path])


def decompile(blob):
    return dtc(["-I", "dtb", "-O", "dts", "-"], blob).decode()


def nodes_of(dts):
    """{path: (properties text, child names in order)} from dtc's decompiled output."""
    out, stack = {}, []
    for line in dts.splitlines():
        text = line.strip()
        if text.endswith("{"):
            name = text[:-1].strip()
            path = "/" if name == "/" else (stack[-1] if stack else "") .rstrip("/") + "/" + name
            if stack:
                out[stack[-1]][1].append(name)
            out[path] = ([], [])
            stack.append(path)
        elif text == "};":
            stack.pop()
        elif stack and text:
            out[stack[-1]][0].append(text)
    return out


def bases():
    return {name: dtm.parse(compile_dts(os.path.join(FIXTURES, "qemu_virt_%s.dts" % name)))
            for name in dtm.BASES}


class Flattened(unittest.TestCase):
    def test_written_back_unchanged(self):
        """parse() then build() loses nothing dtc can see, on QEMU's trees and the reader's."""
        dts_dir = os.path.join(ROOT, "tests", "host", "dts")
        paths = [os.path.join(FIXTURES, "qemu_virt_2x2.dts"),
                 os.path.join(FIXTURES, "qemu_virt_2x1.dts")] + \
            [os.path.join(dts_dir, f) for f in ("two_nodes.dts", "reserved_cells_1.dts",
                                                 "mem_cells_1.dts", "no_numa.dts")]
        for path in paths:
            blob = compile_dts(path)
            self.assertEqual(decompile(dtm.build(dtm.parse(blob))), decompile(blob), path)

    def test_not_a_tree(self):
        with self.assertRaises(ValueError):
            dtm.parse(b"\0" * 64)


class Mutants(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.bases = bases()
        cls.base_nodes = {n: nodes_of(decompile(dtm.build(t))) for n, t in cls.bases.items()}

    def test_every_kind_changes_what_it_says(self):
        for name, kind, m in dtm.make_mutants(self.bases, 15, len(dtm.KINDS)):
            before = self.base_nodes[m.base]
            after = nodes_of(decompile(dtm.build(m.tree)))
            changed = {p for p in set(before) | set(after)
                       if before.get(p, (None,))[0] != after.get(p, (None,))[0]}
            self.assertTrue(m.touched, name)
            if kind in REORDERS:
                self.assertFalse(changed, name)
                parents = {p.rsplit("/", 1)[0] or "/" for p in m.touched}
                self.assertTrue(any(before[p][1] != after[p][1] for p in parents), name)
            else:
                # A node added or removed brings its children with it.
                top = {p for p in changed if not any(p.startswith(t + "/") for t in m.touched)}
                self.assertEqual(top, set(m.touched), name)

    def test_one_seed_one_set(self):
        def blobs(seed):
            return [dtm.build(m.tree) for _, _, m in dtm.make_mutants(self.bases, seed, 40)]
        self.assertEqual(blobs(15), blobs(15))
        self.assertNotEqual(blobs(15), blobs(16))

    def test_every_kind_in_a_full_set(self):
        kinds = [k for _, k, _ in dtm.make_mutants(self.bases, 1, len(dtm.KINDS))]
        self.assertEqual(sorted(kinds), sorted(k for k, _, _ in dtm.KINDS))
        self.assertGreaterEqual(len(kinds), 30)

    def test_the_dtb_window(self):
        """QEMU's 512 MiB: the DTB at 0x9fe00000; node 1 cut 2 MiB short leaves it out."""
        m = dtm.Mutant("2x2", self.bases["2x2"], random.Random(0))
        self.assertEqual(m.real_top, 0xA0000000)
        self.assertEqual(dtm.where_is_dtb(m), [])
        node = dtm.mem_of(m, 1)
        dtm.set_reg(m, node, (0x90000000, 0x10000000 - 2 * dtm.MiB))
        self.assertEqual(len(dtm.where_is_dtb(m)), 1)


class Model(unittest.TestCase):
    def test_linux_distances(self):
        # A -> B sets B -> A only when B > A (of_numa_parse_distance_map_v1).
        self.assertEqual(dtm.linux_distances([(0, 1, 30)], 2), [[10, 30], [30, 10]])
        self.assertEqual(dtm.linux_distances([(1, 0, 40)], 2), [[10, 20], [40, 10]])
        self.assertEqual(dtm.linux_distances([(0, 1, 30), (1, 0, 25)], 2), [[10, 30], [25, 10]])


GOOD = """[    0.1] h0   numa: /cpus/cpu@1: hart 1 listed twice: cpu skipped
run: topo; dt; poweroff
JSON-BEGIN topology
{"report":"topology","nodes":[{"node":0},{"node":1}],"distances":[[10,20],[20,10]]}
JSON-END
device tree at 0x000000009fe00000, 6216 bytes
poweroff: exiting with status 0
"""


class Checks(unittest.TestCase):
    def entry(self, **expect):
        base = {"refuse": False, "nodes": 2, "distances": [[10, 20], [20, 10]],
                "messages": ["listed twice|cpu skipped"]}
        base.update(expect)
        return {"expect": base}

    def test_a_good_boot(self):
        self.assertEqual(dtm.check_boot(self.entry(), GOOD, 0), [])

    def test_what_fails(self):
        self.assertTrue(dtm.check_boot(self.entry(nodes=1), GOOD, 0))
        self.assertTrue(dtm.check_boot(self.entry(distances=[[10, 30], [30, 10]]), GOOD, 0))
        self.assertTrue(dtm.check_boot(self.entry(messages=["listed twice|merged"]), GOOD, 0))
        self.assertTrue(dtm.check_boot(self.entry(), GOOD, 124))
        self.assertTrue(dtm.check_boot(self.entry(), GOOD + "Kernel panic - x\n", 0))
        self.assertTrue(dtm.check_boot(self.entry(), GOOD.replace("device tree at", "x"), 0))
        self.assertTrue(dtm.check_boot(self.entry(refuse=True), GOOD, 0))

    def test_a_clean_refusal(self):
        log = "[    0.1] h0   boot: the device tree has no memory node with RAM: powering off\n"
        entry = self.entry(refuse=True, messages=["no memory node with RAM|powering off"])
        self.assertEqual(dtm.check_boot(entry, log, 1), [])


if __name__ == "__main__":
    with tempfile.TemporaryDirectory():
        sys.exit(main("dt_mutate_test", sys.modules[__name__]))
