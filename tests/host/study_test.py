#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/host/study_test.py — tests of tools/study, the sweep runner, its parser, plots and report.

No QEMU is started. The parser is checked against tests/host/fixtures/stress_sample.log, the
console of a real boot (tools/nodal-qemu --smp 4 --nodes 2 --append "pcp=off
slub_cpu_partial=0" --run "stress xfree secs=3 seed=1 policy=interleave:0-1; lockstat;
numastat", CRLF line ends as QEMU's serial gives them), with the values its human-readable
report prints. Whole sweeps run through
tests/host/fixtures/fake_nodal_qemu, which prints that transcript adjusted to each run. The
plots are checked as SVG when gnuplot is installed (heatmap cells drawn as squares, not a
bitmap; contention bars on a log axis, where a count of 5 stays visible beside 53,450), and
must be skipped cleanly without it.
Ends with "study_test: N passed, N failed" (one per test); exits non-zero when one failed.
"""
import json
import os
import shutil
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True      # no __pycache__ in the tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tooltest import FIXTURES, ROOT, fixture, load_tool, main, run_tool

STUDY = os.path.join(ROOT, "tools", "study")
SAMPLE = os.path.join(FIXTURES, "stress_sample.log")
FAKE_QEMU = os.path.join(FIXTURES, "fake_nodal_qemu")

study = load_tool(STUDY, "study")


def run_study(*args, env=None):
    """tools/study ARGS; (exit status, stdout + stderr)."""
    return run_tool(STUDY, *args, env=env, timeout=300)


class ParseSample(unittest.TestCase):
    """The recorded transcript: every report, with the right values."""

    def setUp(self):
        self.con = study.parse_console(fixture("stress_sample.log"))

    def test_finds_the_three_reports_in_order(self):
        self.assertEqual([d["report"] for d in self.con.reports],
                         ["stress", "lock_stat", "numastat"])
        self.assertEqual(self.con.bad_json, [])

    def test_stress_values(self):
        s = self.con.report("stress")
        self.assertEqual((s["name"], s["seed"], s["secs"], s["nr_cpus"], s["nr_nodes"]),
                         ("xfree", 1, 3, 4, 2))
        self.assertEqual(s["policy"], "interleave:0-1")
        self.assertEqual((s["ops"], s["ops_per_sec"], s["elapsed_ns"]),
                         (199178, 62356, 3194194500))
        self.assertEqual([(h["cpu"], h["node"], h["ops"]) for h in s["per_hart"]],
                         [(0, 0, 50852), (1, 0, 48739), (2, 1, 50850), (3, 1, 48737)])
        self.assertEqual(s["matrix"], [[2, 92723], [0, 6864]])
        self.assertEqual(s["integrity"]["checked"], 99589)
        self.assertEqual(s["verdict"], "PASS")
        self.assertEqual((s["knobs"]["pcp"], s["knobs"]["slub_cpu_partial"]), (False, False))

    def test_lock_deltas_and_local_ratio(self):
        s = self.con.report("stress")
        self.assertEqual(study.lock_contentions(s),
                         {"&zone->lock": 11306, "&n->list_lock": 0, "&slab_locks[i]": 265,
                          "&rq->lock": 3})
        self.assertEqual(study.local_ratio(s), 0.5)
        del s["local_ratio"]    # optional: computed from the numastat deltas
        self.assertAlmostEqual(study.local_ratio(s), 6240 / (6240 + 6237))

    def test_later_reports_are_cumulative_ones(self):
        lock_stat = self.con.report("lock_stat")
        self.assertEqual((lock_stat["classes"][0]["name"], lock_stat["classes"][0]["contentions"]),
                         ("&zone->lock", 11306))
        numastat = self.con.report("numastat")
        self.assertEqual([n["local_node"] for n in numastat["nodes"]], [6254, 0])

    def test_progress_lines(self):
        self.assertEqual(self.con.progress, [(1.0, 71772, 71403.0), (2.0, 153356, 76427.0),
                                             (3.1, 198920, 63239.0)])

    def test_status_ok(self):
        self.assertEqual(study.run_status(self.con, 0), ("ok", ""))

    def test_knobs_must_match_the_cache_setting(self):
        stress = self.con.report("stress")      # booted with pcp=off slub_cpu_partial=0
        self.assertEqual(study.knob_mismatch("off", stress), "")
        self.assertEqual(study.knob_mismatch("on", stress), "")     # APPEND may say pcp=off
        self.assertEqual(study.knob_mismatch("nocpu", stress),
                         "the kernel did not take caches=nocpu (pcp=off slub_cpu_partial=0 "
                         "slub_nocpu): slub_nocpu=false")


class ParseOddConsoles(unittest.TestCase):
    """What a real console may do to the markers and lines."""

    def test_foreign_line_inside_a_block_is_skipped(self):
        text = ('JSON-BEGIN stress\r\n[    2.000000] h3   watchdog: something\r\n'
                '{"report":"stress","ops_per_sec":5,"verdict":"PASS","extra":{"x":1}}\r\n'
                'JSON-END\r\n')
        con = study.parse_console(text)
        self.assertEqual(con.report("stress")["ops_per_sec"], 5)
        self.assertEqual(con.bad_json, [])

    def test_printk_prefix_and_missing_optional_keys(self):
        text = ('[    1.412000] h0   stress: xfree 1.0 s: 262311 ops, 262311 ops/s\n'
                'JSON-BEGIN stress\n{"report":"stress","name":"xfree","ops_per_sec":246901.2,'
                '"numastat":[{"node":0,"local_node":3,"other_node":1}],"verdict":"PASS"}\n'
                'JSON-END\n')
        con = study.parse_console(text)
        self.assertEqual(con.progress, [(1.0, 262311, 262311.0)])
        result = study.Result({"report": "study_run", "status": "ok", "verdict": "PASS",
                               "study": {"id": "x", "scenario": "xfree", "smp": 2, "nodes": 1,
                                         "topology": "2x1", "caches": "on",
                                         "policy": "default", "policy_arg": "default"}},
                              {"stress": con.report("stress")})
        self.assertEqual(study.scenario_table([result])[2],
                         "| 2x1 | on | default | 246,901 | 0.750 | PASS |")
        self.assertEqual(study.heatmap_runs([result], "2x1", []), [])

    def test_torn_json_is_reported(self):
        con = study.parse_console('JSON-BEGIN stress\n{"report":"stress","ops\nJSON-END\n')
        self.assertIsNone(con.report("stress"))
        self.assertEqual(con.bad_json, ["stress"])
        self.assertEqual(study.run_status(con, 0),
                         ("error", "the stress JSON line did not parse"))

    def test_block_cut_by_a_timeout(self):
        con = study.parse_console("JSON-BEGIN stress\n")
        self.assertEqual(con.reports, [])

    def test_statuses(self):
        def status(text, code):
            return study.run_status(study.parse_console(text), code)[0]
        passed = 'JSON-BEGIN stress\n{"report":"stress","verdict":"PASS"}\nJSON-END\n'
        failed = passed.replace("PASS", "FAIL")
        self.assertEqual(status(passed, 0), "ok")
        self.assertEqual(status(passed, 1), "fail")
        self.assertEqual(status(failed, 1), "fail")
        self.assertEqual(status(passed[:30], 124), "timeout")
        self.assertEqual(status("[    1.0] h0   Kernel panic - not syncing: x\n", 1), "panic")
        self.assertEqual(status("stress: larson needs at least 2 harts (have 1)\n", 1),
                         "refused")
        self.assertEqual(status("stress: exhaust needs at least 2 nodes with memory\n", 1),
                         "refused")
        self.assertEqual(study.run_status(study.parse_console(
            "stress: unknown command; closest: 'stats'\n"), 1),
            ("error", "this kernel has no stress command"))
        self.assertEqual(status("run: done (status 3)\n", 3), "error")


class Plan(unittest.TestCase):
    """Which runs a sweep makes, and their exact commands."""

    def plan(self, *argv):
        parser = study.build_parser()
        return study.plan(parser.parse_args(["list"] + list(argv)))

    def test_default_sweep(self):
        runs = self.plan()
        # 9 topologies with smp >= nodes; one node: default only; 2 caches, 3 scenarios.
        self.assertEqual(len(runs), (4 * 1 + 5 * 3) * 2 * 3)
        self.assertFalse([r for r in runs if r.smp < r.nodes])
        self.assertEqual({r.policy for r in runs if r.nodes == 1}, {"default"})

    def test_policy_node_lists(self):
        self.assertEqual(study.policy_arg("interleave", 4), (True, "interleave:0-3"))
        self.assertEqual(study.policy_arg("bind", 2), (True, "bind:0"))
        self.assertEqual(study.policy_arg("preferred", 2), (True, "preferred:0"))
        self.assertEqual(study.policy_arg("default", 4), (True, None))
        self.assertEqual(study.policy_arg("bind:3", 4), (True, "bind:3"))
        self.assertEqual(study.policy_arg("bind:3", 2)[0], False)
        self.assertEqual(study.policy_arg("interleave", 1)[0], False)

    def test_commands(self):
        args = study.build_parser().parse_args(
            ["list", "--smp", "4", "--nodes", "2", "--caches", "off", "--policies",
             "interleave", "--scenarios", "xfree", "--secs", "5", "--seeds", "7",
             "--append", "lockstat=off", "--kernel", "k.elf", "--nodal-qemu", "nq"])
        [run] = study.plan(args)
        self.assertEqual(run.id, "xfree-4x2-off-interleave-seed7")
        self.assertEqual(study.qemu_command(args, run), [
            "nq", "--kernel", "k.elf", "--smp", "4", "--nodes", "2", "--append",
            "pcp=off slub_cpu_partial=0 lockstat=off", "--timeout", "70", "--run",
            "stress xfree secs=5 seed=7 policy=interleave:0-1; lockstat; numastat"])

    def test_ops_and_stress_args(self):
        [run] = self.plan("--smp", "2", "--nodes", "1", "--caches", "on", "--scenarios",
                          "larson", "--ops", "1000", "--stress-args", "size=256")
        self.assertEqual(run.run_string(),
                         "stress larson ops=1000 seed=1 size=256; lockstat; numastat")
        self.assertEqual(run.append, "")

    def test_bad_options(self):
        for argv in (["--caches", "maybe"], ["--nodes", "5"], ["--smp", "x"],
                     ["--smp", "1", "--nodes", "2"]):
            with self.assertRaises(study.UsageError):
                self.plan(*argv)
        code, out = run_study("list", "--caches", "maybe")
        self.assertEqual(code, 2)
        self.assertIn("unknown setting 'maybe'", out)

    def test_jobs_from_make(self):
        cases = {" -j2 --jobserver-auth=3,4": 2, "s -j3 --jobserver-auth=3,4": 3, "k": 1,
                 "": 1, " -j": os.cpu_count() or 1}
        saved = os.environ.get("MAKEFLAGS")
        try:
            for flags, jobs in cases.items():
                os.environ["MAKEFLAGS"] = flags
                self.assertEqual(study.jobs_from_make(), jobs, flags)
        finally:
            if saved is None:
                del os.environ["MAKEFLAGS"]
            else:
                os.environ["MAKEFLAGS"] = saved


def result(scenario, topology, caches, policy="default", **stress):
    """A run that passed, as tools/study reads it back, with the stress report @stress."""
    smp, nodes = (int(n) for n in topology.split("x"))
    tags = {"id": "%s-%s-%s-%s-seed1" % (scenario, topology, caches, policy),
            "scenario": scenario, "topology": topology, "smp": smp, "nodes": nodes,
            "caches": caches, "policy": policy, "policy_arg": policy, "seed": 1}
    return study.Result({"report": "study_run", "status": "ok", "study": tags},
                        {"stress": stress})


def svg_polygons(svg, group):
    """The filled polygons of a gnuplot SVG's plot @group ("gnuplot_plot_1", ...), each as
    (fill, [(x, y), ...])."""
    root = ET.parse(svg).getroot()
    found = []
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        if g.get("id") == group:
            for poly in g.iter("{http://www.w3.org/2000/svg}polygon"):
                points = [tuple(float(v) for v in pair.split(","))
                          for pair in poly.get("points").split()]
                found.append((poly.get("fill").replace(" ", ""), points))
    return found


def svg_images(svg):
    return list(ET.parse(svg).getroot().iter("{http://www.w3.org/2000/svg}image"))


class PlotShapes(unittest.TestCase):
    """What the plots look like: discrete heatmap cells, contention bars on a log axis on
    which a small count stays visible beside a large one."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="study_test.")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def draw(self, plot):
        gnuplot = study.gnuplot_path()
        if not gnuplot:
            self.skipTest("gnuplot not installed")
        svg = study.draw(plot, self.tmp, gnuplot)
        self.assertIsNotNone(svg, plot.name)
        return svg

    def contention_plot(self):
        runs = [result("churn", "8x2", "on", locks=[
                    {"class": "&zone->lock", "contentions": 5},
                    {"class": "&slab_locks[i]", "contentions": 0}]),
                result("churn", "8x2", "off", locks=[
                    {"class": "&zone->lock", "contentions": 53450},
                    {"class": "&slab_locks[i]", "contentions": 12}])]
        [plot] = study.contention_plots(runs, "8x2")
        return plot

    def test_contention_axis_is_logarithmic(self):
        plot = self.contention_plot()
        self.assertIn("set logscale y", plot.script)
        self.assertIn("set yrange [0.5:100000]", plot.script)
        self.assertEqual(plot.data, '# class on off\n"&zone->lock" 5 53450\n'
                                    '"&slab_locks[i]" 0 12\n')
        self.assertEqual(study.log_range(0), (0.5, 10))
        self.assertEqual(study.log_range(9), (0.5, 100))

    def test_a_bar_of_5_shows_beside_one_of_53450(self):
        svg = self.draw(self.contention_plot())
        on = svg_polygons(svg, "gnuplot_plot_1")
        off = svg_polygons(svg, "gnuplot_plot_2")
        # Bars stand on the x axis, the lowest edge of all; the key's sample does not.
        axis = max(y for _, points in on + off for _, y in points)
        def bars(polygons):
            return [axis - min(y for _, y in points) for _, points in polygons
                    if max(y for _, y in points) == axis]
        [five] = bars(on)                       # the 0 of &slab_locks[i] draws no bar
        big, twelve = bars(off)
        # log10(5 / 0.5) = 1 of the log10(53450 / 0.5) = 5.03 decades: a fifth of its height
        # (on a linear axis, 5 / 53450 of it: under a pixel).
        self.assertGreater(five, 0.15 * big)
        self.assertLess(five, twelve)
        self.assertLess(twelve, big)

    def test_heatmap_cells_are_discrete(self):
        matrix = [[2, 92723], [0, 6864]]
        plot = study.heatmap_plot(result("xfree", "4x2", "on", matrix=matrix))
        self.assertIn("with image pixels", plot.script[-1])
        self.assertEqual(plot.data, "2 92723\n0 6864\n")
        svg = self.draw(plot)
        # No bitmap for the viewer to smooth: one square of one colour per cell.
        self.assertEqual(svg_images(svg), [])
        cells = svg_polygons(svg, "gnuplot_plot_1")
        self.assertEqual(len(cells), 4)
        for _, points in cells:
            xs, ys = {x for x, _ in points}, {y for _, y in points}
            self.assertEqual((len(xs), len(ys)), (2, 2))
            self.assertAlmostEqual(max(xs) - min(xs), max(ys) - min(ys), delta=0.1)
        # The palette runs from white (0) to dark blue (the peak): cells in matrix order.
        fills = {(min(x for x, _ in p), min(y for _, y in p)): f for f, p in cells}
        order = [fills[k] for k in sorted(fills, key=lambda k: (k[1], k[0]))]
        self.assertEqual(order[2], "rgb(255,255,255)")
        darkest = min(order, key=lambda f: sum(int(v) for v in f[4:-1].split(",")))
        self.assertEqual(order.index(darkest), 1)


class Sweeps(unittest.TestCase):
    """Whole sweeps through the fake nodal-qemu."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="study_test.")
        self.results = os.path.join(self.tmp, "results")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def sweep(self, name, *argv, env=None):
        return run_study("run", "--results", self.results, "--sweep", name,
                         "--nodal-qemu", FAKE_QEMU, "--kernel", SAMPLE, *argv, env=env)

    def test_failures_are_recorded_and_the_sweep_goes_on(self):
        trace = os.path.join(self.tmp, "trace")
        code, out = self.sweep("f", "--smp", "2", "--nodes", "2", "--caches", "on",
                               "--policies", "default", "--scenarios", "hang broken xfree",
                               "-j", "2", env={"FAKE_QEMU_TRACE": trace,
                                               "FAKE_QEMU_SLEEP": "0.3"})
        self.assertEqual(code, 1, out)
        self.assertIn("smp=2 nodes=2 caches=on policy=default xfree: 181,818 ops/s PASS", out)
        self.assertIn("hang: TIMEOUT: timed out after 66 s; last progress at 3.1 s: 198,920 ops",
                      out)
        self.assertIn("broken: 181,818 ops/s FAIL (verdict FAIL)", out)
        self.assertIn("study: 1 fail, 1 ok, 1 timeout", out)
        records = study.read_jsonl(os.path.join(self.results, "f.jsonl"))
        self.assertEqual(records[0]["report"], "study_sweep")
        runs = [r for r in records if r["report"] == "study_run"]
        self.assertEqual([(r["study"]["scenario"], r["status"], r["exit"]) for r in runs],
                         [("hang", "timeout", 124), ("broken", "fail", 1), ("xfree", "ok", 0)])
        for run in runs:
            for ext in (".log", ".jsonl"):
                self.assertTrue(os.path.exists(os.path.join(
                    self.results, "f", "runs", run["study"]["id"] + ext)))
        # Two at a time: the trace's starts and ends overlap.
        with open(trace) as src:
            events = sorted((float(t), w) for w, t in (line.split() for line in src))
        running = peak = 0
        for _, word in events:
            running += 1 if word == "start" else -1
            peak = max(peak, running)
        self.assertEqual(peak, 2)
        code, out = run_study("report", "--results", self.results, "--sweep", "f",
                              "--no-plots")
        with open(os.path.join(self.results, "REPORT.md")) as src:
            report = src.read()
        self.assertIn("| 2x2 | on | default | – | – | TIMEOUT |", report)
        self.assertIn("## broken\n\n| topology | caches | policy | ops/s | local ratio | verdict |"
                      "\n|---|---|---|---:|---:|---|\n| 2x2 | on | default | – | – | FAIL |",
                      report)
        self.assertIn("| hang-2x2-on-default-seed1 | timeout | timed out after 66 s", report)
        self.assertIn("[log](f/runs/hang-2x2-on-default-seed1.log)", report)
        # --resume boots again only what did not pass.
        os.remove(trace)
        code, out = self.sweep("f", "--smp", "2", "--nodes", "2", "--caches", "on",
                               "--policies", "default", "--scenarios", "hang broken xfree",
                               "--resume", env={"FAKE_QEMU_TRACE": trace})
        with open(trace) as src:
            self.assertEqual(sum(1 for line in src if line.startswith("start")), 2)

    def test_records_are_tagged_and_refusals_do_not_fail(self):
        code, out = self.sweep("t", "--smp", "1 2", "--nodes", "1 2", "--policies",
                               "default bind", "--scenarios", "needs2")
        self.assertEqual(code, 0, out)
        self.assertIn("REFUSED: stress: needs2 needs at least 2 harts (have 1)", out)
        records = study.read_jsonl(os.path.join(self.results, "t.jsonl"))
        tagged = [r for r in records if r["report"] == "stress"]
        self.assertEqual(len(tagged), 6)      # 2x1 default, 2x2 default and bind; × on, off
        bound = [r for r in tagged if r["study"]["policy"] == "bind"][0]
        self.assertEqual((bound["study"]["topology"], bound["study"]["policy_arg"],
                          bound["policy"]), ("2x2", "bind:0", "bind:0"))
        off = [r for r in records if r.get("study", {}).get("caches") == "off" and
               r["report"] == "stress"][0]
        self.assertEqual(off["study"]["append"], "pcp=off slub_cpu_partial=0")
        self.assertFalse(off["knobs"]["pcp"])
        self.assertEqual({r["report"] for r in records},
                         {"study_sweep", "study_run", "stress", "lock_stat", "numastat"})

    def test_report_of_the_recorded_sample(self):
        code, out = self.sweep("s", "--smp", "4", "--nodes", "2", "--caches", "off",
                               "--policies", "interleave", "--scenarios", "sample")
        self.assertEqual(code, 0, out)
        self.assertIn("[1/1] smp=4 nodes=2 caches=off policy=interleave sample: 62,356 ops/s PASS",
                      out)
        code, out = run_study("report", "--results", self.results, "--sweep", "s",
                              "--no-plots")
        self.assertEqual(code, 0, out)
        with open(os.path.join(self.results, "REPORT.md")) as src:
            report = src.read()
        self.assertIn("| topology | caches | policy | ops/s | `&zone->lock` | "
                      "`&slab_locks[i]` | `&rq->lock` | local ratio | verdict |", report)
        self.assertIn("| 4x2 | off | interleave (`interleave:0-1`) | 62,356 | 11,306 | 265 | "
                      "3 | 0.500 | PASS |", report)
        self.assertIn("| caches | off (`pcp=off slub_cpu_partial=0`) |", report)

    def test_plots_and_report(self):
        code, out = self.sweep("p", "--smp", "2 4", "--nodes", "1 2", "--policies",
                               "default interleave bind", "--scenarios", "xfree", "-j", "2")
        self.assertEqual(code, 0, out)
        if not shutil.which("gnuplot"):
            self.skipTest("gnuplot not installed")
        code, out = run_study("report", "--results", self.results, "--sweep", "p")
        self.assertEqual(code, 0, out)
        plots = os.path.join(self.results, "p", "plots")
        svgs = sorted(f for f in os.listdir(plots) if f.endswith(".svg"))
        self.assertEqual(svgs, [
            "contentions-xfree-4x2.svg",
            "heatmap-xfree-4x2-on-bind-seed1.svg",
            "heatmap-xfree-4x2-on-default-seed1.svg",
            "heatmap-xfree-4x2-on-interleave-seed1.svg",
            "local-xfree.svg",
            "throughput-xfree-bind.svg", "throughput-xfree-default.svg",
            "throughput-xfree-interleave.svg"])
        for name in svgs:
            root = ET.parse(os.path.join(plots, name)).getroot()
            self.assertEqual(root.tag, "{http://www.w3.org/2000/svg}svg", name)
        with open(os.path.join(plots, "throughput-xfree-default.dat")) as src:
            data = src.read()
        self.assertIn("# nodes=2 caches=off\n2 109090.9 109090.9 109090.9\n"
                      "4 218181.8 218181.8 218181.8", data)
        with open(os.path.join(self.results, "REPORT.md")) as src:
            report = src.read()
        for name in svgs:
            self.assertIn("(p/plots/%s)" % name, report)

    def test_no_gnuplot_skips_plots_cleanly(self):
        code, out = self.sweep("n", "--smp", "2", "--nodes", "2", "--caches", "on",
                               "--scenarios", "xfree")
        self.assertEqual(code, 0, out)
        code, out = run_study("report", "--results", self.results, "--sweep", "n",
                              env={"GNUPLOT": os.path.join(self.tmp, "no-gnuplot")})
        self.assertEqual(code, 0, out)
        self.assertIn("gnuplot not found", out)
        self.assertFalse([f for f in os.listdir(os.path.join(self.results, "n", "plots"))
                          if f.endswith(".svg")])
        with open(os.path.join(self.results, "REPORT.md")) as src:
            report = src.read()
        self.assertIn("**Plots:** gnuplot not found", report)
        self.assertIn("| 2x2 | on | bind (`bind:0`) | 181,818 |", report)

    def test_missing_sweep_and_kernel(self):
        code, out = run_study("report", "--results", self.results, "--sweep", "none")
        self.assertEqual(code, 2)
        self.assertIn("no such sweep", out)
        code, out = run_study("run", "--results", self.results, "--kernel",
                              os.path.join(self.tmp, "no.elf"))
        self.assertEqual(code, 2)
        self.assertIn("no such file (build it with make)", out)


if __name__ == "__main__":
    sys.exit(main("study_test", sys.modules[__name__]))
