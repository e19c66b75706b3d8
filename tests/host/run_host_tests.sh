#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tests/host/run_host_tests.sh — what `make host-tests` runs: build each host
# test, run it under a time-out, and print one status line per test:
#
#   host-test NAME: exit 0
#   host-test NAME: exit N            (a crash: ASan/UBSan exit 1, abort 134)
#   host-test NAME: timed out after S s
#   host-test NAME: did not build
#
# then "host-tests: N run, N failed".  The exit status is 1 when any test
# failed in any of these ways, so neither make nor tools/run-tests can take
# a test that died before printing its counts for one that passed.
#
# Usage: run_host_tests.sh TIMEOUT_SECS TEST...
# A TEST outside tests/ (a program under $O/host/) is built first with make
# (the variables given to the outer make reach this one through MAKEFLAGS);
# a script under tests/ is run as it is.
set -u

if [ $# -lt 1 ] || ! [[ "$1" =~ ^[1-9][0-9]*$ ]]; then
	echo "run_host_tests.sh: usage: run_host_tests.sh TIMEOUT_SECS TEST..." >&2
	exit 2
fi
limit=$1
shift
ran=0
failed=0
for t in "$@"; do
	name=$(basename "$t")
	name=${name%.py}
	ran=$((ran + 1))
	if [[ "$t" != tests/* ]]; then
		if ! make --no-print-directory "$t"; then
			echo "host-test $name: did not build"
			failed=$((failed + 1))
			continue
		fi
	fi
	timeout -k 5 "$limit" "$t"
	status=$?
	if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
		echo "host-test $name: timed out after $limit s"
	else
		echo "host-test $name: exit $status"
	fi
	[ "$status" -ne 0 ] && failed=$((failed + 1))
done
echo "host-tests: $ran run, $failed failed"
[ "$failed" -eq 0 ]
