/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/fault_kunit.c — KUnit suite for fault recovery and memory
 * protection.
 *
 * "fault": a NULL load, a load from an unmapped page, a store to kernel
 * text or read-only data and a jump into data each raise an exception that
 * kunit_run_case_catching() survives, and the case goes on.  Together they
 * check the early page tables (page 0 unmapped, text read-only, rodata
 * read-only, data not executable) and arch_fault_catch().
 *
 * Each faulting helper sets `reached_before` just before the faulting
 * access and `reached_after` just after it: a caught fault leaves the
 * first true and the second false.  The trap handler prints an Oops
 * report for each fault; that is expected output.
 *
 * A fault outside kunit_run_case_catching() fails its case instead (the
 * runner's own recovery point); no case here does that, since it would
 * fail the run.
 */
#include <asm/page.h>
#include <kunit/test.h>
#include <linux/irqflags.h>
#include <linux/types.h>

#define UNMAPPED_ADDR	0x1000UL	/* page 1: below RAM and all MMIO */

static bool reached_before, reached_after;

/*
 * The address goes through a volatile pointer: a NULL the compiler can see
 * would let it emit a trap instruction instead of the load.  The fault is
 * the point, so clang's analyzer, which would flag the NULL load, does not
 * see it.
 */
static unsigned long load_from(unsigned long addr)
{
	const volatile unsigned long *volatile p = (const volatile unsigned long *)addr;

#ifndef __clang_analyzer__
	return *p;
#else
	return (unsigned long)p;
#endif
}

/* Write back the byte that is there: if the store wrongly succeeds, nothing changes. */
static void store_same_byte(volatile u8 *p)
{
	u8 v = *p;

	*p = v;
}

static void reset_marks(void)
{
	WRITE_ONCE(reached_before, false);
	WRITE_ONCE(reached_after, false);
}

static void load_null(struct kunit *test)
{
	unsigned long v;

	(void)test;
	WRITE_ONCE(reached_before, true);
	v = load_from(0);
	WRITE_ONCE(reached_after, true);
	(void)v;
}

static void null_load_is_caught_and_case_goes_on(struct kunit *test)
{
	bool continued = false;

	reset_marks();
	KUNIT_EXPECT_TRUE(test, kunit_run_case_catching(test, load_null));
	continued = true;	/* the case resumed here, on its own stack */
	KUNIT_EXPECT_TRUE(test, READ_ONCE(reached_before));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(reached_after));
	KUNIT_EXPECT_TRUE(test, continued);
}

static void load_unmapped(struct kunit *test)
{
	unsigned long v;

	(void)test;
	WRITE_ONCE(reached_before, true);
	v = load_from(UNMAPPED_ADDR);
	WRITE_ONCE(reached_after, true);
	(void)v;
}

static void load_from_unmapped_page_is_caught(struct kunit *test)
{
	reset_marks();
	KUNIT_EXPECT_TRUE(test, kunit_run_case_catching(test, load_unmapped));
	KUNIT_EXPECT_TRUE(test, READ_ONCE(reached_before));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(reached_after));
}

static void store_text(struct kunit *test)
{
	(void)test;
	WRITE_ONCE(reached_before, true);
	store_same_byte((volatile u8 *)_stext + 0x40);
	WRITE_ONCE(reached_after, true);
}

static void store_to_kernel_text_is_caught(struct kunit *test)
{
	reset_marks();
	KUNIT_EXPECT_TRUE(test, kunit_run_case_catching(test, store_text));
	KUNIT_EXPECT_TRUE(test, READ_ONCE(reached_before));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(reached_after));
}

static const u8 rodata_byte = 0x5a;

static void store_rodata(struct kunit *test)
{
	(void)test;
	WRITE_ONCE(reached_before, true);
	store_same_byte((volatile u8 *)&rodata_byte);
	WRITE_ONCE(reached_after, true);
}

static void store_to_rodata_is_caught(struct kunit *test)
{
	reset_marks();
	KUNIT_EXPECT_TRUE(test, kunit_run_case_catching(test, store_rodata));
	KUNIT_EXPECT_TRUE(test, READ_ONCE(reached_before));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(reached_after));
	KUNIT_EXPECT_EQ(test, READ_ONCE(rodata_byte), 0x5a);
}

/* c.ret (0x8082), twice: if data were executable, the call would just return. */
static u16 data_ret[2] __aligned(4) = { 0x8082, 0x8082 };

static void exec_data(struct kunit *test)
{
	void (*volatile fn)(void);

	(void)test;
	fn = (void (*)(void))(unsigned long)data_ret;
	WRITE_ONCE(reached_before, true);
	fn();
	WRITE_ONCE(reached_after, true);
}

static void jump_into_data_is_caught(struct kunit *test)
{
	reset_marks();
	KUNIT_EXPECT_TRUE(test, kunit_run_case_catching(test, exec_data));
	KUNIT_EXPECT_TRUE(test, READ_ONCE(reached_before));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(reached_after));
}

static void load_null_irqs_off(struct kunit *test)
{
	local_irq_disable();
	load_null(test);
	local_irq_enable();
}

static void recovery_restores_interrupts(struct kunit *test)
{
	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_TRUE(test, kunit_run_case_catching(test, load_null_irqs_off));
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
}

static void no_fault(struct kunit *test)
{
	(void)test;
	WRITE_ONCE(reached_after, true);
}

static void no_fault_reports_false(struct kunit *test)
{
	reset_marks();
	KUNIT_EXPECT_FALSE(test, kunit_run_case_catching(test, no_fault));
	KUNIT_EXPECT_TRUE(test, READ_ONCE(reached_after));
}

static void two_faults_in_one_case_are_both_caught(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, kunit_run_case_catching(test, load_null));
	KUNIT_EXPECT_TRUE(test, kunit_run_case_catching(test, load_unmapped));
}

static struct kunit_case fault_cases[] = {
	KUNIT_CASE(null_load_is_caught_and_case_goes_on),
	KUNIT_CASE(load_from_unmapped_page_is_caught),
	KUNIT_CASE(store_to_kernel_text_is_caught),
	KUNIT_CASE(store_to_rodata_is_caught),
	KUNIT_CASE(jump_into_data_is_caught),
	KUNIT_CASE(recovery_restores_interrupts),
	KUNIT_CASE(no_fault_reports_false),
	KUNIT_CASE(two_faults_in_one_case_are_both_caught),
	{}
};

static struct kunit_suite fault_suite = {
	.name = "fault",
	.test_cases = fault_cases,
};

kunit_test_suite(fault_suite);
