#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/host/bench_test.py — tests of tools/bench, the benchmark runner's host side.

No QEMU is started. The parser is checked against two recorded consoles of real boots
(tests/host/fixtures/bench_single_sample.log: `bench mode=single runs=2` on 4 harts, 2
nodes, ICOUNT=1; bench_multi_sample.log: `bench mode=multi runs=5 ms=200` on 4 harts, 2
nodes; CRLF line ends as QEMU's serial gives them). Whole `tools/bench run`s go through
tests/host/fixtures/fake_bench_qemu in place of tools/nodal-qemu.
Ends with "bench_test: N passed, N failed" (one per test); exits non-zero when one failed.
"""
import json
import os
import shutil
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True      # no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tooltest import FIXTURES, ROOT, fixture, load_tool, main, run_tool

BENCH = os.path.join(ROOT, "tools", "bench")
FAKE_QEMU = os.path.join(FIXTURES, "fake_bench_qemu")
SINGLE_SET = ["page_fast", "page_batch", "page_order3", "page_node", "slab_fast",
              "slab_batch", "slab_node", "slab_remote_free", "percpu_counter"]

bench = load_tool(BENCH, "bench_tool")


def run_bench(*args, env=None):
    """tools/bench ARGS; (exit status, stdout + stderr)."""
    return run_tool(BENCH, *args, env=env, timeout=120)


class ParseSamples(unittest.TestCase):
    def test_single_hart_records(self):
        recs = bench.by_name(bench.bench_records(fixture("bench_single_sample.log")))
        self.assertEqual(sorted(recs), sorted(SINGLE_SET))
        fast = recs["page_fast"]
        self.assertEqual((fast["mode"], fast["unit"], fast["runs"], fast["iterations"]),
                         ("single", "pair", 2, 1000))
        self.assertEqual(len(fast["pass_instret_2n"]), 2)
        # The figure is ((P(2n) - E(2n)) - (P(n) - E(n))) / ops, from the least counts.
        per_op = ((min(fast["pass_instret_2n"]) - min(fast["empty_instret_2n"])) -
                  (min(fast["pass_instret_n"]) - min(fast["empty_instret_n"]))) / fast["ops"]
        self.assertAlmostEqual(fast["instr_per_op"], round(per_op, 2), places=2)
        self.assertEqual(recs["slab_batch"]["ops"], 4096)

    def test_multi_hart_records(self):
        recs = bench.by_name(bench.bench_records(fixture("bench_multi_sample.log")))
        self.assertEqual(sorted(recs), ["all_churn", "xcpu_free"])
        x = recs["xcpu_free"]
        self.assertEqual((x["mode"], x["runs"], x["harts"]), ("multi", 5, [0, 1, 2, 3]))
        rates = sorted(r["ops_per_sec"] for r in x["per_run"])
        self.assertEqual(x["ops_per_sec"]["median"], rates[2])
        self.assertEqual((x["ops_per_sec"]["min"], x["ops_per_sec"]["max"]),
                         (rates[0], rates[-1]))
        self.assertIn("&slab_locks[i]", [l["class"] for l in x["locks"]])

    def test_parse_command_prints_one_line_per_record(self):
        code, out = run_bench("parse", os.path.join(FIXTURES, "bench_multi_sample.log"))
        self.assertEqual(code, 0)
        self.assertEqual([json.loads(l)["name"] for l in out.splitlines()],
                         ["all_churn", "xcpu_free"])


class Compare(unittest.TestCase):
    def setUp(self):
        self.recs = bench.by_name(bench.bench_records(fixture("bench_single_sample.log")))

    def test_identical_boots_have_no_difference(self):
        self.assertEqual(bench.compare_single(self.recs, json.loads(json.dumps(self.recs))), [])

    def test_a_changed_count_and_a_missing_record_are_reported(self):
        other = json.loads(json.dumps(self.recs))
        other["slab_fast"]["instr_per_op"] += 2
        other["slab_fast"]["pass_instret_n"][1] += 750
        del other["percpu_counter"]
        diffs = bench.compare_single(self.recs, other)
        self.assertIn({"name": "slab_fast", "field": "instr_per_op",
                       "boot1": self.recs["slab_fast"]["instr_per_op"],
                       "boot2": self.recs["slab_fast"]["instr_per_op"] + 2, "delta": 2},
                      diffs)
        self.assertIn("pass_instret_n", [d["field"] for d in diffs if d["name"] == "slab_fast"])
        self.assertIn({"name": "percpu_counter", "field": "record", "boot1": True,
                       "boot2": False}, diffs)

    def test_targets_met_and_missed(self):
        recs = json.loads(json.dumps(self.recs))
        recs["slab_fast"]["instr_per_op"] = 40.0
        del recs["page_batch"]
        got = {t["name"]: t for t in bench.targets(recs)}
        self.assertEqual(got["slab_fast"]["met"], True)
        self.assertEqual(got["page_fast"]["met"], False)
        self.assertIsNone(got["page_batch"]["met"])
        self.assertEqual((got["slab_batch"]["target"], got["slab_batch"]["linux_6_12"]),
                         (90, 244))


class Run(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="bench_test.")
        self.kernel = os.path.join(self.tmp, "nodal.elf")
        open(self.kernel, "w").close()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def run_fake(self, *extra, env=None):
        return run_bench("run", "--kernel", self.kernel, "--results", self.tmp,
                         "--nodal-qemu", FAKE_QEMU, *extra, env=env)

    def test_whole_run_writes_json_and_tables(self):
        code, out = self.run_fake()
        self.assertEqual(code, 0, out)
        with open(os.path.join(self.tmp, "bench.json")) as src:
            result = json.load(src)
        self.assertTrue(result["single"]["identical"])
        self.assertEqual(len(result["single"]["boots"]), 2)
        self.assertEqual([(e["topology"], e["caches"]) for e in result["multi"]["entries"]],
                         [("4x2", "on"), ("4x2", "off"), ("8x4", "on"), ("8x4", "off")])
        self.assertEqual(result["problems"], [])
        self.assertIn("two boots: identical", out)
        self.assertRegex(out, r"\| page_fast \| pair \| [0-9.,]+ \| [0-9.,]+ \| ≤ 120 \| 884 \| (met|missed) \|")
        self.assertIn("| xcpu_free | 4/2 | off |", out)
        self.assertIn("--append 'pcp=off slub_nocpu'", out)
        self.assertTrue(os.path.exists(os.path.join(self.tmp, "bench", "single-2.log")))
        code, table = run_bench("table", os.path.join(self.tmp, "bench.json"))
        self.assertEqual(code, 0)
        self.assertIn("| slab_fast | pair |", table)

    def test_differing_boots_are_listed(self):
        env = {"FAKE_BENCH_COUNTER": os.path.join(self.tmp, "count"), "FAKE_BENCH_DIFFER": "1"}
        code, out = self.run_fake("--only", "single", env=env)
        self.assertEqual(code, 0, out)
        self.assertIn("two boots: 1 difference(s)", out)
        self.assertIn("differs: page_fast instr_per_op", out)

    def test_a_hung_boot_fails_the_run(self):
        code, out = self.run_fake("--only", "multi", "--multi", "4x2", "--caches", "on",
                                  env={"FAKE_BENCH_HANG": "1"})
        self.assertEqual(code, 1)
        self.assertIn("problem: multi-4x2-on: timeout", out)
        self.assertIn("problem: multi-4x2-on: no record of xcpu_free", out)

    def test_bad_options(self):
        self.assertEqual(self.run_fake("--multi", "4by2")[0], 2)
        self.assertEqual(self.run_fake("--multi-runs", "3")[0], 2)
        code, out = run_bench("run", "--kernel", os.path.join(self.tmp, "no.elf"))
        self.assertEqual(code, 2)
        self.assertIn("no such file (build it with make)", out)


if __name__ == "__main__":
    sys.exit(main("bench_test", sys.modules[__name__]))
