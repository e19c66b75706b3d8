#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# nodal_qemu_test.sh: tests for tools/nodal-qemu, the topology-to-QEMU command-line script.
#
# Every case but the last runs `tools/nodal-qemu --print ...` (QEMU is not started): good
# topologies must print the right -machine/-smp/-m/-object/-numa arguments, bad ones must be
# refused with exit status 2 and a message naming the option. The last case lets QEMU dump the
# device tree of a 2-node machine (--dumpdtb, under --timeout 20) and checks it with dtc.
# Ends with "nodal_qemu_test: N passed, N failed"; exits non-zero when a case failed.

cd "$(dirname "$0")/../.." || exit 1
SCRIPT=${NODAL_QEMU:-tools/nodal-qemu}   # override to test another copy
PASSED=0
FAILED=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

pass() { PASSED=$((PASSED + 1)); }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $1"; shift; printf '      %s\n' "$@"; }

# run ARGS...: run the script with --print and stdin not a tty; sets OUT, ERR and RC.
run() {
	OUT=$("$SCRIPT" --print "$@" 2> "$TMP/err" < /dev/null)
	RC=$?
	ERR=$(cat "$TMP/err")
}

# good NAME WORD... :: ARGS...: exit 0, and the printed command contains each WORD as whole
# space-separated words; a WORD starting with ! must not occur.
good() {
	local name=$1 words=() word missing=()
	shift
	while [ "$1" != "::" ]; do words+=("$1"); shift; done
	shift
	run "$@"
	for word in "${words[@]}"; do
		if [[ $word == !* ]]; then
			[[ " $OUT " == *" ${word#!} "* ]] && missing+=("unexpected: ${word#!}")
		else
			[[ " $OUT " == *" $word "* ]] || missing+=("missing: $word")
		fi
	done
	if [ "$RC" -ne 0 ] || [ ${#missing[@]} -gt 0 ]; then
		fail "$name ($*)" "exit $RC" "${missing[@]}" "stdout: $OUT" "stderr: $ERR"
	else
		pass
	fi
}

# bad NAME TEXT ARGS...: exit 2, nothing on stdout, and TEXT in the message on stderr.
bad() {
	local name=$1 text=$2
	shift 2
	run "$@"
	if [ "$RC" -ne 2 ] || [ -n "$OUT" ] || [[ $ERR != *"$text"* ]]; then
		fail "$name ($*)" "exit $RC (want 2)" "want message containing: $text" \
			"stdout: $OUT" "stderr: $ERR"
	else
		pass
	fi
}

# count_word WORD N ARGS...: the printed command contains WORD exactly N times.
count_word() {
	local word=$1 want=$2 got
	shift 2
	run "$@"
	got=$(tr ' ' '\n' <<< "$OUT" | grep -cx -- "$word")
	if [ "$RC" -ne 0 ] || [ "$got" -ne "$want" ]; then
		fail "count '$word' ($*)" "exit $RC, $got times (want $want)" "stdout: $OUT"
	else
		pass
	fi
}

FW=/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin

# ---- good topologies -------------------------------------------------------------------------

good "defaults: UMA, no -numa" \
	-machine virt -smp 1 -m 512M -bios "$FW" -nographic -no-reboot -kernel \
	-serial stdio -monitor none '!-numa' '!-object' '!-append' :: 
good "1 node, 2 harts, 1G: still no -numa" \
	-smp 2 -m 1G '!-numa' :: --smp 2 --nodes 1 --mem 1G
good "4/2 even split" \
	-machine virt -smp 4 -m 512M \
	-object memory-backend-ram,id=m0,size=256M -object memory-backend-ram,id=m1,size=256M \
	-numa node,cpus=0-1,memdev=m0,nodeid=0 -numa node,cpus=2-3,memdev=m1,nodeid=1 \
	'!dist,src=0,dst=1,val=20' :: --smp 4 --nodes 2
good "5/2: remainder to node 0, uneven harts need the APLIC" \
	-machine virt,aia=aplic \
	-numa node,cpus=0-2,memdev=m0,nodeid=0 -numa node,cpus=3-4,memdev=m1,nodeid=1 \
	:: --smp 5 --nodes 2
good "8/4: APLIC, 128M per node" \
	-machine virt,aia=aplic -object memory-backend-ram,id=m3,size=128M \
	-numa node,cpus=6-7,memdev=m3,nodeid=3 :: --smp 8 --nodes 4
good "3 nodes over 1G: rounded down to 2 MiB, last takes the rest" \
	-object memory-backend-ram,id=m0,size=340M -object memory-backend-ram,id=m1,size=340M \
	-object memory-backend-ram,id=m2,size=344M -numa node,cpus=0,memdev=m0,nodeid=0 \
	:: --smp 3 --nodes 3 --mem 1G
good "memory-less node 1: no backend, no memdev" \
	-m 512M -object memory-backend-ram,id=m0,size=512M '!memory-backend-ram,id=m1,size=0' \
	-numa node,cpus=2-3,nodeid=1 :: --smp 4 --nodes 2 --mem-nodes 512M,0
good "uneven node sizes: total is their sum" \
	-m 1G -object memory-backend-ram,id=m0,size=768M -object memory-backend-ram,id=m1,size=256M \
	:: --smp 4 --nodes 2 --mem-nodes 768M,256M
good "--mem and --mem-nodes that agree" \
	-m 1G :: --smp 2 --nodes 2 --mem 1G --mem-nodes 512M,512M
good "one node with --mem-nodes: -numa for it" \
	-m 256M -numa node,cpus=0-1,memdev=m0,nodeid=0 :: --smp 2 --mem-nodes 256M
good "--dist 0-1:30: both directions" \
	dist,src=0,dst=1,val=30 dist,src=1,dst=0,val=30 :: --smp 4 --nodes 2 --dist 0-1:30
good "--dist on 4 nodes: given values mirrored, others 20" \
	dist,src=0,dst=3,val=40 dist,src=3,dst=0,val=40 dist,src=2,dst=1,val=20 \
	dist,src=1,dst=3,val=20 '!dist,src=0,dst=0,val=10' :: --smp 8 --nodes 4 --dist 0-3:40
count_word "-numa" 16 --smp 8 --nodes 4 --dist 0-1:20,0-2:30,0-3:40,1-2:20,1-3:30,2-3:20
good "--append and --run" \
	-append "'quiet run=\"buddy seed=3\"'" :: --append quiet --run "buddy seed=3"
good "--icount, --gdb, --dtb, --kernel, extra args after --" \
	-icount shift=0,sleep=off -seed 1 -S -s -dtb x.dtb -kernel k.elf -d int \
	:: --icount --gdb --dtb x.dtb --kernel k.elf -- -d int
good "single-dash QEMU options pass through without --" \
	-d int :: -d int
good "--timeout: non-interactive console" \
	-serial stdio -monitor none '!mon:stdio' :: --timeout 5

run --smp 200
if [ "$RC" -eq 0 ] && [[ $ERR == *"OpenSBI 1.1 starts at most 128 harts"* ]]; then
	pass
else
	fail "--smp 200 warns but runs" "exit $RC" "stderr: $ERR"
fi

# ---- refusals: exit 2 and a message naming the option ----------------------------------------

bad "5 nodes" "--nodes 5" --smp 8 --nodes 5
bad "0 nodes" "--nodes 0" --nodes 0
bad "fewer harts than nodes" "--smp 2: fewer harts than --nodes 4" --smp 2 --nodes 4
bad "more than 512 harts" "--smp 513" --smp 513
bad "--mem-nodes count" "--mem-nodes 512M: 1 size(s) for --nodes 2" \
	--smp 2 --nodes 2 --mem-nodes 512M
bad "unparseable --mem" "--mem: cannot parse" --mem lots
bad "unparseable --mem-nodes" "--mem-nodes: cannot parse" --smp 2 --nodes 2 --mem-nodes 1G,x
bad "--mem not 2 MiB aligned" "--mem 513M: not a multiple of 2 MiB" --mem 513M
bad "--mem-nodes not 2 MiB aligned" "not a multiple of 2 MiB" \
	--smp 2 --nodes 2 --mem-nodes 256M,3M
bad "--mem-nodes sum differs from --mem" "sums to 768 MiB but --mem is 1 GiB" \
	--smp 2 --nodes 2 --mem 1G --mem-nodes 512M,256M
bad "memory-less node 0" "node 0 has no memory" --smp 2 --nodes 2 --mem-nodes 0,512M
bad "node 0 below 64 MiB" "node 0 holds the firmware and kernel" \
	--smp 2 --nodes 2 --mem-nodes 32M,480M
bad "even split leaves node 0 below 64 MiB" "--mem 128M: node 0 has 32 MiB" \
	--smp 4 --nodes 4 --mem 128M
bad "total memory 0" "--mem 0: node 0 has no memory" --mem 0
bad "memory-less node before the last" "only the last node may be memory-less" \
	--smp 3 --nodes 3 --mem-nodes 256M,0,256M
bad "more than 16G" "more than the 16 GiB" --mem 17G
bad "--dist syntax" "--dist 0-1: '0-1' is not A-B:DISTANCE" --smp 2 --nodes 2 --dist 0-1
bad "--dist node out of range" "node 2 out of range" --smp 2 --nodes 2 --dist 0-2:20
bad "--dist below 10" "distance 9 out of range 10..255" --smp 2 --nodes 2 --dist 0-1:9
bad "--dist above 255" "distance 256 out of range" --smp 2 --nodes 2 --dist 0-1:256
bad "--dist self distance" "node 0 to itself must be 10" --smp 2 --nodes 2 --dist 0-0:20
bad "--dist conflicting pair" "given twice" --smp 2 --nodes 2 --dist 0-1:30,1-0:40
bad "--dist with one node" "--dist 0-1:20: needs at least 2 nodes" --dist 0-1:20
bad "--run with a double quote" "--run" --run 'say "hi"'
bad "negative --timeout" "--timeout -1" --timeout -1
bad "unknown --option" "--smpp: unknown option" --smpp 4
bad "argparse: --smp not a number" "--smp" --smp four

# ---- the real DTB of a 4-hart, 2-node machine, checked with dtc -------------------------------

# dts_props FILE.dtb: "node property value" for every property, via dtc.
dts_props() {
	dtc -I dtb -O dts "$1" 2> /dev/null | awk '
		/\{$/ { stack[++depth] = $1; next }
		/^[ \t]*\};/ { depth--; next }
		/ = / { prop = $1; sub(/^[^=]*= /, ""); sub(/;$/, ""); print stack[depth], prop, $0 }'
}

check_dtb() {
	local dtb=$TMP/4x2.dtb props want missing=()
	if ! command -v qemu-system-riscv64 > /dev/null || ! command -v dtc > /dev/null; then
		fail "dumpdtb 4/2" "qemu-system-riscv64 or dtc not installed (make deps)"
		return
	fi
	"$SCRIPT" --smp 4 --nodes 2 --dist 0-1:30 --timeout 20 --dumpdtb "$dtb" \
		> "$TMP/dump.out" 2>&1 < /dev/null
	RC=$?
	props=$(dts_props "$dtb")
	for want in \
		"cpu@0 numa-node-id <0x00>" "cpu@1 numa-node-id <0x00>" \
		"cpu@2 numa-node-id <0x01>" "cpu@3 numa-node-id <0x01>" \
		"memory@80000000 numa-node-id <0x00>" \
		"memory@80000000 reg <0x00 0x80000000 0x00 0x10000000>" \
		"memory@90000000 numa-node-id <0x01>" \
		"memory@90000000 reg <0x00 0x90000000 0x00 0x10000000>" \
		"distance-map distance-matrix <0x00 0x00 0x0a 0x00 0x01 0x1e 0x01 0x00 0x1e 0x01 0x01 0x0a>"
	do
		grep -qxF "$want" <<< "$props" || missing+=("missing: $want")
	done
	if [ "$RC" -ne 0 ] || [ ${#missing[@]} -gt 0 ]; then
		fail "dumpdtb 4/2 --dist 0-1:30" "exit $RC" "${missing[@]}" "$(cat "$TMP/dump.out")"
	else
		pass
	fi
}
check_dtb

echo "nodal_qemu_test: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
