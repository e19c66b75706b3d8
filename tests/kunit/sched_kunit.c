/* SPDX-License-Identifier: MIT */
/*
 * tests/kunit/sched_kunit.c — KUnit suite "sched": kernel threads, their
 * stacks, cooperative and preemptive switching, timed sleep.
 *
 * Threads record what they saw in a struct the case owns; the case checks
 * the records after kthread_wait(), on its own task (a failed assertion in
 * another task could not end the case).  The preemption cases use two
 * tasks on one hart that never give the hart up themselves: they can both
 * make progress only if the tick preempts them, and a preempt_disable()
 * section must never be cut although ticks fire inside it.
 */
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/setjmp.h>
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kthread.h>
#include <linux/mempolicy.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/prandom.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/topology.h>
#include <nodal/tick.h>

#define NS_PER_MS	1000000ULL

/* Another hart than the case's, on another node if there is one. */
static int other_cpu(void)
{
	unsigned int me = smp_processor_id(), cpu;
	int fallback = -1;

	for_each_online_cpu(cpu) {
		if (cpu == me)
			continue;
		if (cpu_to_node(cpu) != cpu_to_node(me))
			return cpu;
		if (fallback < 0)
			fallback = cpu;
	}
	return fallback;
}

struct where {
	int cpu, task_cpu;
	struct task_struct *self;
};

static int report_where(void *arg)
{
	struct where *w = arg;

	w->cpu = smp_processor_id();
	w->task_cpu = current->cpu;
	w->self = current;
	return 1000 + w->cpu;
}

/* Every hart runs a thread bound to it; the value comes back. */
static void kthread_on_each_cpu(struct kunit *test)
{
	struct where w[NR_CPUS];
	struct task_struct *t[NR_CPUS];
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		t[cpu] = kthread_create_on_cpu(report_where, &w[cpu], cpu,
					       "kunit/%u");
		KUNIT_ASSERT_NOT_NULL(test, t[cpu]);
		KUNIT_EXPECT_EQ(test, task_state_char(t[cpu]), 'N');
		wake_up_process(t[cpu]);
	}
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ(test, kthread_wait(t[cpu]), 1000 + (int)cpu);
		KUNIT_EXPECT_EQ(test, w[cpu].cpu, (int)cpu);
		KUNIT_EXPECT_EQ(test, w[cpu].task_cpu, (int)cpu);
		KUNIT_EXPECT_PTR_EQ(test, w[cpu].self, t[cpu]);
	}
}

struct stack_probe {
	unsigned long stack, sp;
	int stack_nid, want_nid;
	bool faulted;
};

static int probe_stack(void *arg)
{
	struct stack_probe *s = arg;
	struct arch_jmp_buf buf;

	s->stack = current->stack;
	s->sp = current_stack_pointer();
	s->stack_nid = page_to_nid(current->stack_page);
	s->want_nid = cpu_to_mem(smp_processor_id());
	/* The word below the stack is the unmapped guard: it must fault. */
	if (arch_setjmp(&buf)) {
		s->faulted = true;
		arch_fault_catch(NULL);
		return 0;
	}
	arch_fault_catch(&buf);
	(void)*(volatile unsigned long *)(current->stack - sizeof(long));
	arch_fault_catch(NULL);
	return 0;
}

/* A stack: on the hart's memory node, in the stack area, guard below. */
static void kthread_stack_node_and_guard(struct kunit *test)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		struct stack_probe s = { 0 };
		struct task_struct *t = kthread_create_on_cpu(probe_stack, &s,
							      cpu, "probe/%u");

		KUNIT_ASSERT_NOT_NULL(test, t);
		wake_up_process(t);
		KUNIT_EXPECT_EQ(test, kthread_wait(t), 0);
		KUNIT_EXPECT_EQ(test, s.stack_nid, s.want_nid);
		KUNIT_EXPECT_GE(test, s.stack, TASK_STACK_AREA);
		KUNIT_EXPECT_TRUE(test, s.sp > s.stack &&
				  s.sp <= s.stack + THREAD_SIZE);
		KUNIT_EXPECT_TRUE(test, arch_stack_guard(s.stack - 8));
		KUNIT_EXPECT_FALSE(test, arch_stack_guard(s.stack));
		KUNIT_EXPECT_TRUE(test, s.faulted);
	}
}

static int loop_until_stopped(void *arg)
{
	unsigned long *n = arg;

	while (!kthread_should_stop()) {
		(*n)++;
		msleep(1);
	}
	return 7;
}

static int never_runs(void *arg)
{
	*(int *)arg = 1;
	return 0;
}

/* kthread_stop(): a looping thread returns its value; an unstarted one
 * returns -EINTR without running. */
static void kthread_stop_semantics(struct kunit *test)
{
	unsigned long n = 0;
	int ran = 0;
	struct task_struct *t = kthread_run(loop_until_stopped, &n, "looper");

	KUNIT_ASSERT_NOT_NULL(test, t);
	msleep(30);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 7);
	KUNIT_EXPECT_GT(test, n, 0UL);
	t = kthread_create(never_runs, &ran, "never");
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -EINTR);
	KUNIT_EXPECT_EQ(test, ran, 0);
}

/*
 * More threads, one after another, than there are stack slots: slots and
 * stack pages are recycled, and the free page count comes back (a few
 * slab pages may stay with the kmalloc cache of task_struct).
 */
static int nothing(void *arg)
{
	(void)arg;
	return 0;
}

static void kthread_stacks_recycled(struct kunit *test)
{
	unsigned long before, after;
	int i;

	drain_all_pages(NULL);
	before = nr_free_pages();
	for (i = 0; i < TASK_STACK_SLOTS + 88; i++) {
		struct task_struct *t = kthread_run(nothing, NULL, "short");

		KUNIT_ASSERT_NOT_NULL(test, t);
		KUNIT_ASSERT_EQ(test, kthread_wait(t), 0);
	}
	drain_all_pages(NULL);
	after = nr_free_pages();
	KUNIT_EXPECT_LE(test, before - after, 16UL);
}

/* Two tasks on this hart taking turns with yield(): strict alternation. */
struct pingpong {
	int log[64];
	int n;
};

static int pinger(void *arg)
{
	struct pingpong *pp = arg;

	for (int i = 0; i < 16; i++) {
		preempt_disable();
		if (pp->n < 64)
			pp->log[pp->n++] = current->pid;
		preempt_enable_no_resched();
		yield();
	}
	return 0;
}

static void yield_alternates(struct kunit *test)
{
	static struct pingpong pp;
	unsigned int cpu = smp_processor_id();
	struct task_struct *a, *b;

	pp.n = 0;
	a = kthread_create_on_cpu(pinger, &pp, cpu, "ping/%u");
	b = kthread_create_on_cpu(pinger, &pp, cpu, "pong/%u");
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	/* Preemption off while both start: they begin in queue order. */
	preempt_disable();
	wake_up_process(a);
	wake_up_process(b);
	preempt_enable();
	KUNIT_EXPECT_EQ(test, kthread_wait(a), 0);
	KUNIT_EXPECT_EQ(test, kthread_wait(b), 0);
	KUNIT_EXPECT_EQ(test, pp.n, 32);
	for (int i = 1; i < pp.n; i++)
		KUNIT_EXPECT_NE(test, pp.log[i], pp.log[i - 1]);
}

/*
 * Preemption.  Two spinners on the case's hart never sleep or yield: each
 * works WORK_MS, then records that it saw the other's counter move.  Only
 * the tick can switch between them, so both finishing, with involuntary
 * switches counted, proves preemption.  In their preempt_disable()
 * sections (SECTION_US long, ticks do fire inside) the other's counter
 * must not move.
 */
#define WORK_MS		300
#define SECTION_US	3000

struct spinner {
	volatile unsigned long progress;
	struct spinner *other;
	unsigned long sections, cut_sections, ticks_inside;
	u64 nivcsw;
};

static void spin_us(u64 us)
{
	u64 end = ktime_get_ns() + us * 1000;

	while (ktime_get_ns() < end)
		cpu_relax();
}

static int spinner_fn(void *arg)
{
	struct spinner *s = arg;
	u64 end = ktime_get_ns() + WORK_MS * NS_PER_MS;

	while (ktime_get_ns() < end) {
		unsigned long other, ticks;

		s->progress++;
		preempt_disable();
		other = s->other->progress;
		ticks = this_cpu_read(timer_ticks);
		spin_us(SECTION_US);
		if (s->other->progress != other)
			s->cut_sections++;
		s->ticks_inside += this_cpu_read(timer_ticks) - ticks;
		s->sections++;
		preempt_enable();
		spin_us(200);
	}
	s->nivcsw = current->nivcsw;
	return 0;
}

static void preemption_by_tick(struct kunit *test)
{
	static struct spinner s[2];
	unsigned int cpu = smp_processor_id();
	struct task_struct *t[2];

	memset(s, 0, sizeof(s));
	s[0].other = &s[1];
	s[1].other = &s[0];
	for (int i = 0; i < 2; i++) {
		t[i] = kthread_create_on_cpu(spinner_fn, &s[i], cpu, "spin/%u");
		KUNIT_ASSERT_NOT_NULL(test, t[i]);
	}
	wake_up_process(t[0]);
	wake_up_process(t[1]);
	for (int i = 0; i < 2; i++)
		KUNIT_EXPECT_EQ(test, kthread_wait(t[i]), 0);
	for (int i = 0; i < 2; i++) {
		kunit_info(test, "spinner %d: %lu sections, %lu ticks inside, %llu preemptions",
			   i, s[i].sections, s[i].ticks_inside,
			   (unsigned long long)s[i].nivcsw);
		KUNIT_EXPECT_GT(test, s[i].nivcsw, 0ULL);
		KUNIT_EXPECT_GT(test, s[i].sections, 0UL);
		KUNIT_EXPECT_EQ(test, s[i].cut_sections, 0UL);
	}
	/* The sections were long enough for ticks to land in them. */
	KUNIT_EXPECT_GT(test, s[0].ticks_inside + s[1].ticks_inside, 0UL);
}

static int mark_ran(void *arg)
{
	WRITE_ONCE(*(bool *)arg, true);
	return 0;
}

/*
 * preempt_enable() reaches the scheduler through the hook sched_init()
 * registers (preempt_set_scheduler()): a task woken on this hart inside a
 * preempt_disable() section waits there even after the tick has asked for
 * a switch, and runs at the preempt_enable() that ends the section, which
 * counts as this task's involuntary switch.
 */
static void preempt_enable_switches_when_asked(struct kunit *test)
{
	static bool ran;
	u64 nivcsw = current->nivcsw, deadline;
	bool asked, ran_inside;
	struct task_struct *t;

	ran = false;
	t = kthread_create_on_cpu(mark_ran, &ran, smp_processor_id(), "mark/%u");
	KUNIT_ASSERT_NOT_NULL(test, t);
	preempt_disable();
	wake_up_process(t);
	deadline = ktime_get_ns() + 200 * NS_PER_MS;
	while (!need_resched() && ktime_get_ns() < deadline)
		cpu_relax(); /* the tick asks within one slice */
	asked = need_resched();
	ran_inside = READ_ONCE(ran);
	preempt_enable();
	KUNIT_EXPECT_TRUE(test, READ_ONCE(ran));
	KUNIT_EXPECT_TRUE(test, asked);
	KUNIT_EXPECT_FALSE(test, ran_inside);
	KUNIT_EXPECT_GE(test, current->nivcsw, nivcsw + 1);
	KUNIT_EXPECT_EQ(test, kthread_wait(t), 0);
}

/*
 * Per-CPU caches under preemption and interrupts: two tasks on one hart
 * churn kmalloc and single pages with checked payloads while every tick
 * on every hart allocates and frees in the interrupt too.  Every payload
 * must survive, the tick allocator must have run, the caches validate.
 */
#define CHURN_MS	400
#define CHURN_SLOTS	32

static unsigned long irq_churn_ops;	/* [atomic] */
static struct kmem_cache *churn_cache;	/* set before the tick work starts */

/* A tick work while the case runs: registered after churn_cache exists. */
static void irq_churn_tick(void)
{
	void *obj;
	struct page *page;

	obj = kmem_cache_alloc(churn_cache, GFP_ATOMIC | __GFP_NOWARN);
	page = alloc_pages(GFP_ATOMIC | __GFP_NOWARN, 0);
	if (obj)
		memset(obj, 0xa5, 96);
	if (obj)
		kmem_cache_free(churn_cache, obj);
	if (page)
		__free_pages(page, 0);
	__atomic_fetch_add(&irq_churn_ops, 1, __ATOMIC_RELAXED);
}

/* Odd slots hold kmalloc objects, even ones churn_cache objects. */
static void churn_free(unsigned int slot, void *obj)
{
	if (slot % 2)
		kfree(obj);
	else
		kmem_cache_free(churn_cache, obj);
}

/*
 * obj[] is the task's own, here rather than on its stack: clang's analyzer
 * loses a pointer stored at a random index of a local array and would
 * report the object leaked.
 */
struct churner {
	u32 seed;
	unsigned long ops, bad;
	u64 nivcsw;
	void *obj[CHURN_SLOTS];	/* [task] the slots' objects, NULL when empty */
};

static int churner_fn(void *arg)
{
	struct churner *c = arg;
	void **obj = c->obj;		/* zeroed by the creator */
	size_t size[CHURN_SLOTS];
	struct page *page[CHURN_SLOTS] = { 0 };
	u8 tag[CHURN_SLOTS];
	u64 end = ktime_get_ns() + CHURN_MS * NS_PER_MS;
	struct rnd_state rnd;

	prandom_seed_state(&rnd, c->seed);
	while (ktime_get_ns() < end) {
		unsigned int i = prandom_u32_state(&rnd) % CHURN_SLOTS;

		if (obj[i]) {
			for (size_t b = 0; b < size[i]; b++)
				if (((u8 *)obj[i])[b] != tag[i]) {
					c->bad++;
					break;
				}
			if (*(u8 *)page_address(page[i]) != tag[i] ||
			    ((u8 *)page_address(page[i]))[PAGE_SIZE - 1] != tag[i])
				c->bad++;
			churn_free(i, obj[i]);
			__free_pages(page[i], 0);
			obj[i] = NULL;
			c->ops++;
			continue;
		}
		size[i] = 8 + prandom_u32_state(&rnd) % 1000;
		tag[i] = (u8)prandom_u32_state(&rnd);
		obj[i] = i % 2 ? kmalloc(size[i], GFP_KERNEL) :
				 kmem_cache_alloc(churn_cache, GFP_KERNEL);
		if (i % 2 == 0)
			size[i] = 96;
		page[i] = alloc_pages(GFP_KERNEL, 0);
		if (!obj[i] || !page[i]) {
			c->bad++;
			if (obj[i])
				churn_free(i, obj[i]);
			if (page[i])
				__free_pages(page[i], 0);
			obj[i] = NULL;
			continue;
		}
		memset(obj[i], tag[i], size[i]);
		memset(page_address(page[i]), tag[i], PAGE_SIZE);
		c->ops++;
	}
	for (unsigned int i = 0; i < CHURN_SLOTS; i++) {
		if (obj[i]) {
			churn_free(i, obj[i]);
			__free_pages(page[i], 0);
		}
	}
	c->nivcsw = current->nivcsw;
	return 0;
}

static void preemption_percpu_caches(struct kunit *test)
{
	static struct churner c[2];
	unsigned int cpu = smp_processor_id();
	struct task_struct *t[2];
	unsigned long irq_before;

	churn_cache = kmem_cache_create("kunit_churn", 96, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, churn_cache);
	irq_before = READ_ONCE(irq_churn_ops);
	if (register_tick_work(irq_churn_tick, 1)) {
		kmem_cache_destroy(churn_cache);
		KUNIT_FAIL(test, "no tick work slot for the interrupt churn");
		return;
	}
	for (int i = 0; i < 2; i++) {
		c[i] = (struct churner){ .seed = 17 + i };
		t[i] = kthread_create_on_cpu(churner_fn, &c[i], cpu, "churn/%u");
		KUNIT_ASSERT_NOT_NULL(test, t[i]);
	}
	wake_up_process(t[0]);
	wake_up_process(t[1]);
	for (int i = 0; i < 2; i++)
		KUNIT_EXPECT_EQ(test, kthread_wait(t[i]), 0);
	KUNIT_EXPECT_EQ(test, unregister_tick_work(irq_churn_tick), 0);
	msleep(30); /* no hart's tick is still in it */
	for (int i = 0; i < 2; i++) {
		kunit_info(test, "churner %d: %lu operations, %llu preemptions",
			   i, c[i].ops, (unsigned long long)c[i].nivcsw);
		KUNIT_EXPECT_EQ(test, c[i].bad, 0UL);
		KUNIT_EXPECT_GT(test, c[i].ops, 0UL);
		KUNIT_EXPECT_GT(test, c[i].nivcsw, 0ULL);
	}
	KUNIT_EXPECT_GT(test, READ_ONCE(irq_churn_ops) - irq_before, 0UL);
	KUNIT_EXPECT_EQ(test, validate_slab_cache(churn_cache), 0);
	kmem_cache_destroy(churn_cache);
}

/* msleep() sleeps at least as long as asked and lets the hart go. */
static void msleep_sleeps(struct kunit *test)
{
	u64 t0 = ktime_get_ns();
	u64 sw0 = sched_nr_switches(smp_processor_id());

	msleep(50);
	KUNIT_EXPECT_GE(test, ktime_get_ns() - t0, 50 * NS_PER_MS);
	KUNIT_EXPECT_LT(test, ktime_get_ns() - t0, 2000 * NS_PER_MS);
	KUNIT_EXPECT_GT(test, sched_nr_switches(smp_processor_id()), sw0);
}

/* A thread on another hart wakes this one; the wake-up is not lost. */
struct waker {
	struct task_struct *sleeper;
	volatile bool flag;
};

static int wake_other(void *arg)
{
	struct waker *w = arg;

	msleep(20);
	w->flag = true;
	wake_up_process(w->sleeper);
	return 0;
}

static void cross_hart_wakeup(struct kunit *test)
{
	struct waker w = { .sleeper = current };
	int cpu = other_cpu();
	struct task_struct *t;

	if (cpu < 0)
		kunit_skip(test, "needs two harts");
	t = kthread_create_on_cpu(wake_other, &w, cpu, "waker/%u");
	KUNIT_ASSERT_NOT_NULL(test, t);
	wake_up_process(t);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (w.flag)
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	KUNIT_EXPECT_TRUE(test, w.flag);
	KUNIT_EXPECT_EQ(test, kthread_wait(t), 0);
}

/*
 * Two interleaving tasks and a bound one on one hart, taking turns page by
 * page: each keeps its own policy and its own interleave cursor, so each
 * interleaving task still sees nodes 0, 1, 0, 1 … (a shared cursor would
 * give each one node only) and the bound one only node 1.
 */
#define TURNS	20

struct policy_turns {
	int mode;
	int nid[TURNS];
	int err;
};

static int take_turns(void *arg)
{
	struct policy_turns *t = arg;
	nodemask_t nodes = NODE_MASK_NONE;

	node_set(t->mode == MPOL_BIND ? 1 : 0, nodes);
	node_set(1, nodes);
	t->err = set_mempolicy(t->mode, &nodes);
	for (int i = 0; i < TURNS; i++) {
		struct page *page = alloc_pages(GFP_KERNEL, 0);

		t->nid[i] = page ? page_to_nid(page) : -1;
		if (page)
			__free_pages(page, 0);
		yield();
	}
	return 0;
}

static void tasks_keep_their_policies(struct kunit *test)
{
	static struct policy_turns t[3];
	struct task_struct *k[3];
	unsigned int cpu = smp_processor_id();

	if (!node_state(0, N_MEMORY) || !node_state(1, N_MEMORY))
		kunit_skip(test, "needs memory on nodes 0 and 1");
	t[0] = (struct policy_turns){ .mode = MPOL_INTERLEAVE };
	t[1] = (struct policy_turns){ .mode = MPOL_INTERLEAVE };
	t[2] = (struct policy_turns){ .mode = MPOL_BIND };
	for (int i = 0; i < 3; i++) {
		k[i] = kthread_create_on_cpu(take_turns, &t[i], cpu, "turns/%u");
		KUNIT_ASSERT_NOT_NULL(test, k[i]);
	}
	preempt_disable();
	for (int i = 0; i < 3; i++)
		wake_up_process(k[i]);
	preempt_enable();
	for (int i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, kthread_wait(k[i]), 0);
	for (int i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, t[i].err, 0);
		for (int j = 0; j < TURNS; j++)
			KUNIT_EXPECT_EQ(test, t[i].nid[j],
					t[i].mode == MPOL_BIND ? 1 : j % 2);
	}
	/* The case's own task kept the default policy. */
	KUNIT_EXPECT_NULL(test, current->mempolicy);
}

/* Creating on an offline or impossible hart fails cleanly. */
static void kthread_bad_cpu(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, kthread_create_on_cpu(nothing, NULL, NR_CPUS + 3,
						      "bad/%u"));
}

struct idle_seen {
	unsigned int nr;	/* idle tasks visited */
	bool named[NR_CPUS];	/* idle/N seen for CPU N */
	bool boot_is_init_task; /* CPU 0's idle task is init_task */
};

static void note_idle(struct task_struct *p, void *arg)
{
	struct idle_seen *seen = arg;
	char want[TASK_COMM_LEN];

	if (p->pid)
		return;
	seen->nr++;
	snprintf(want, sizeof(want), "idle/%u", p->cpu);
	if (p->cpu < NR_CPUS && !strcmp(p->comm, want))
		seen->named[p->cpu] = true;
	if (p->cpu == 0 && p == &init_task)
		seen->boot_is_init_task = true;
}

/* for_each_task() shows each online CPU's idle task, named idle/CPU; CPU 0's
 * is init_task, the task `current` named from the first instruction. */
static void idle_tasks_listed_by_cpu(struct kunit *test)
{
	struct idle_seen seen = { 0 };
	unsigned int cpu;

	for_each_task(note_idle, &seen);
	KUNIT_EXPECT_EQ(test, seen.nr, num_online_cpus());
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_TRUE_MSG(test, seen.named[cpu], "cpu %u", cpu);
	KUNIT_EXPECT_TRUE(test, seen.boot_is_init_task);
}

static struct kunit_case sched_cases[] = {
	KUNIT_CASE(idle_tasks_listed_by_cpu),
	KUNIT_CASE(kthread_on_each_cpu),
	KUNIT_CASE(kthread_stack_node_and_guard),
	KUNIT_CASE(kthread_stop_semantics),
	KUNIT_CASE(kthread_stacks_recycled),
	KUNIT_CASE(kthread_bad_cpu),
	KUNIT_CASE(yield_alternates),
	KUNIT_CASE(msleep_sleeps),
	KUNIT_CASE(cross_hart_wakeup),
	KUNIT_CASE(tasks_keep_their_policies),
	KUNIT_CASE(preempt_enable_switches_when_asked),
	KUNIT_CASE(preemption_by_tick),
	KUNIT_CASE(preemption_percpu_caches),
	{}
};

static struct kunit_suite sched_suite = {
	.name = "sched",
	.test_cases = sched_cases,
};
kunit_test_suite(sched_suite);
