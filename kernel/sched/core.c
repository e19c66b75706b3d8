/* SPDX-License-Identifier: MIT */
/*
 * kernel/sched/core.c — tasks, per-hart run queues, the context switch,
 * preemption and timed sleep.
 *
 * Overview     Every hart has one run queue and runs its tasks round-robin,
 *              one tick (10 ms) each.  A task is bound to its hart for
 *              life: there is no migration, so per-CPU pointers a task
 *              holds stay its hart's.  Each hart's boot context is its
 *              idle task, which sleeps in wfi while nothing is runnable.
 *              The tick asks for a switch when others wait; the switch
 *              happens when the interrupt returns to code running with
 *              interrupts on and preemption enabled (preempt.h), or at the
 *              next schedule(), cond_resched() or preempt_enable().
 *              The scheduler sits above mm/ (stacks on the hart's node
 *              from the page allocator, task structs from kmalloc_node()),
 *              so the layers below reach it only through what it
 *              registers at sched_init(): the preemption entry
 *              (preempt_set_scheduler(), called by preempt_enable()
 *              through kernel/context.c), the interrupt-return hook and
 *              the tick work (scheduler_tick()).
 *
 * Structures   struct rq per CPU:
 *
 *                rq ── curr ──▶ running task (or idle)
 *                   ├─ queue: runnable tasks, not running, FIFO
 *                   └─ sleepers: tasks in schedule_timeout, by deadline
 *
 *              A task is "on_rq" while running or queued; a sleeping task
 *              is on neither list (on `sleepers` at most).  `on_cpu` stays
 *              true until the switch away from it has finished, so its
 *              stack can be freed only after that.
 *
 * Locking      rq->lock (one per hart) guards the lists, curr, the task
 *              states of its tasks and on_cpu/on_rq.  It is taken with
 *              interrupts off, held across __switch_to and released by the
 *              task switched to (finish_task_switch).  Lock order:
 *              tasklist_lock, then rq->lock; stack_lock alone.
 *
 * Per-CPU      runqueues [rq->lock, curr also read locklessly by its own
 *              hart]; current_task, __preempt_count [cpu] and
 *              __need_resched [atomic] are kernel/context.c's, written
 *              here.
 *
 * Invariants   SCHED-1 a task runs only on task->cpu.
 *              SCHED-2 every switch happens with preempt_count() == 1 (the
 *              rq lock) and interrupts off, so both are what the task
 *              switched to expects.
 *              SCHED-3 a wake-up is never lost: the sleeper sets its state
 *              before testing its condition, the waker sets the condition
 *              before wake_up_process(), and __schedule() dequeues only a
 *              task whose state is still not TASK_RUNNING under rq->lock.
 *              SCHED-4 a task's stack is freed only when on_cpu is false.
 *
 * Paths        schedule(): lock rq, requeue prev if runnable, pick the
 *              queue's head or idle, switch.  Tick: wake expired sleepers,
 *              ask for a switch if others wait (scheduler_tick(), the
 *              first tick work registered, so it runs before the others).
 *              wake_up_process(): lock
 *              the task's rq, mark runnable, queue, kick its hart if idle.
 *
 * Linux        kernel/sched/core.c (__schedule, try_to_wake_up,
 *              scheduler_tick, preempt_schedule_irq), kernel/sched/idle.c,
 *              kernel/kthread.c, kernel/fork.c (alloc_thread_stack_node,
 *              the vmap-stack cache).  Nodal has no CFS, no classes, no
 *              load balancing, no migration.
 *
 * Statistics   per task: voluntary/involuntary switches, run time
 *              (`ps`, report.c); per hart: switches (sched_nr_switches(),
 *              which no report prints).
 */
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/setjmp.h>
#include <asm/smp.h>
#include <asm/switch_to.h>
#include <linux/bug.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/topology.h>
#include <nodal/tick.h>

#include "internal.h"

/* The secondary CPUs' idle tasks; the boot CPU's is init_task (context.c). */
static struct task_struct idle_tasks[NR_CPUS];
DEFINE_PER_CPU(struct rq, runqueues);

static DEFINE_SPINLOCK(tasklist_lock);
static LIST_HEAD(task_list);		/* [tasklist_lock] every task but idle */
static int last_pid;			/* [tasklist_lock] */

static struct rq *cpu_rq(unsigned int cpu)
{
	return per_cpu_ptr(&runqueues, cpu);
}

static void resched_cpu(unsigned int cpu)
{
	WRITE_ONCE(per_cpu(__need_resched, cpu), true);
	if (cpu != raw_smp_processor_id())
		arch_send_ipi(cpuid_to_hartid_map(cpu));
}

/* ------------------------------------------------------------------ */
/* The switch itself                                                   */

/* Runs in the task switched to, rq->lock held, interrupts off. */
void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_cpu_ptr(&runqueues);
	struct task_struct *reaper = NULL;

	smp_store_release(&prev->on_cpu, false);
	if (prev->__state == TASK_DEAD)
		reaper = prev->reaper;
	spin_unlock(&rq->lock);
	if (reaper)
		wake_up_process(reaper);
}

static struct task_struct *pick_next_task(struct rq *rq)
{
	struct task_struct *next;

	if (list_empty(&rq->queue))
		return rq->idle;
	next = list_first_entry(&rq->queue, struct task_struct, run_list);
	list_del_init(&next->run_list);
	return next;
}

/*
 * SM_NONE: prev sleeps unless its state is TASK_RUNNING; SM_PREEMPT and
 * SM_YIELD: prev stays runnable at the queue's tail whatever its state (a
 * task preempted between set_current_state() and schedule() must come back
 * to finish its own check).
 */
enum sched_mode { SM_NONE, SM_PREEMPT, SM_YIELD };

static void __schedule(enum sched_mode mode)
{
	struct rq *rq = this_cpu_ptr(&runqueues);
	struct task_struct *prev = rq->curr, *next;
	unsigned long flags;
	u64 now;

	local_irq_save(flags);
	spin_lock(&rq->lock);
	WRITE_ONCE(*this_cpu_ptr(&__need_resched), false);
	if (mode == SM_NONE && prev->__state != TASK_RUNNING) {
		prev->on_rq = false;		/* SCHED-3 */
		prev->nvcsw++;
	} else if (prev != rq->idle) {
		list_add_tail(&prev->run_list, &rq->queue);
		if (mode == SM_PREEMPT)
			prev->nivcsw++;
		else
			prev->nvcsw++;
	}
	next = pick_next_task(rq);
	if (next == prev) {
		spin_unlock(&rq->lock);
		local_irq_restore(flags);
		return;
	}
	now = ktime_get_ns();
	prev->sum_exec_ns += now - prev->last_ran_ns;
	next->last_ran_ns = now;
	next->on_cpu = true;
	rq->curr = next;
	rq->nr_switches++;
	rq->slice_ticks = 0;
	prev->fault_catch = arch_fault_catch_get();
	arch_fault_catch(next->fault_catch);
	arch_set_stack_bounds(next->stack);
	this_cpu_write(current_task, next);
	prev = __switch_to(prev, next);
	/* Now in next's context: release what prev took. */
	finish_task_switch(prev);
	local_irq_restore(flags);
}

void schedule(void)
{
	if (unlikely(preempt_count() || irqs_disabled() || in_interrupt())) {
		pr_err("BUG: scheduling while atomic: %s/%d, preempt_count %d, irqs %s\n",
		       current->comm, current->pid, preempt_count(),
		       irqs_disabled() ? "off" : "on");
		WARN_ON(1);
		return;
	}
	__schedule(SM_NONE);
}

/* preempt_schedule()'s work (kernel/context.c calls it through its hook). */
static void sched_preempt(void)
{
	if (preempt_count() || irqs_disabled() || in_interrupt())
		return;
	do {
		__schedule(SM_PREEMPT);
	} while (need_resched());
}

/* The interrupt-return hook: interrupts off, the interrupted code had them on. */
static void preempt_schedule_irq(void)
{
	if (preempt_count() || in_interrupt() || !need_resched())
		return;
	do {
		__schedule(SM_PREEMPT);
	} while (need_resched());
}

void cond_resched(void)
{
	if (need_resched())
		sched_preempt();
}

void yield(void)
{
	if (WARN_ON_ONCE(preempt_count() || irqs_disabled() || in_interrupt()))
		return;
	__schedule(SM_YIELD);
}

/* ------------------------------------------------------------------ */
/* Wake-ups and sleep                                                  */

bool wake_up_process(struct task_struct *p)
{
	struct rq *rq = cpu_rq(p->cpu);
	unsigned long flags;
	bool woke = false;

	spin_lock_irqsave(&rq->lock, flags);
	if (p->__state != TASK_RUNNING && p->__state != TASK_DEAD) {
		WRITE_ONCE(p->__state, TASK_RUNNING);
		woke = true;
		if (!p->on_rq) {
			p->on_rq = true;
			list_add_tail(&p->run_list, &rq->queue);
			if (rq->curr == rq->idle)
				resched_cpu(p->cpu);
		}
	}
	spin_unlock_irqrestore(&rq->lock, flags);
	return woke;
}

u64 schedule_timeout_ns(u64 ns)
{
	struct rq *rq = this_cpu_ptr(&runqueues);
	struct task_struct *p = current;
	u64 deadline = ktime_get_ns() + ns, now;
	unsigned long flags;

	spin_lock_irqsave(&rq->lock, flags);
	p->wake_at_ns = deadline;
	list_add_tail(&p->sleep_list, &rq->sleepers);
	spin_unlock_irqrestore(&rq->lock, flags);
	schedule();
	spin_lock_irqsave(&rq->lock, flags);
	if (!list_empty(&p->sleep_list))	/* woken before the deadline */
		list_del_init(&p->sleep_list);
	p->wake_at_ns = 0;
	spin_unlock_irqrestore(&rq->lock, flags);
	now = ktime_get_ns();
	return now < deadline ? deadline - now : 0;
}

void msleep(unsigned int ms)
{
	u64 left = (u64)ms * 1000000ULL;

	while (left) {
		set_current_state(TASK_INTERRUPTIBLE);
		left = schedule_timeout_ns(left);
	}
}

/* Wake @p from the tick, rq->lock held. */
static void wake_locked(struct rq *rq, struct task_struct *p)
{
	if (p->__state == TASK_RUNNING || p->__state == TASK_DEAD)
		return;
	WRITE_ONCE(p->__state, TASK_RUNNING);
	if (!p->on_rq) {
		p->on_rq = true;
		list_add_tail(&p->run_list, &rq->queue);
	}
}

/* A tick work (register_tick_work()): wake sleepers, end time slices. */
static void scheduler_tick(void)
{
	struct rq *rq = this_cpu_ptr(&runqueues);
	struct task_struct *p, *tmp;
	u64 now = ktime_get_ns();

	spin_lock(&rq->lock);
	list_for_each_entry_safe(p, tmp, &rq->sleepers, sleep_list) {
		if (now >= p->wake_at_ns) {
			list_del_init(&p->sleep_list);
			wake_locked(rq, p);
		}
	}
	if (!list_empty(&rq->queue) &&
	    (rq->curr == rq->idle || ++rq->slice_ticks >= SCHED_SLICE_TICKS))
		WRITE_ONCE(*this_cpu_ptr(&__need_resched), true);
	spin_unlock(&rq->lock);
}

/* ------------------------------------------------------------------ */
/* Idle                                                                */

__noreturn void cpu_startup_entry(void)
{
	for (;;) {
		local_irq_disable();
		while (!need_resched()) {
			/* wfi returns on a pending interrupt even with SIE off. */
			wait_for_interrupt();
			local_irq_enable();	/* take it */
			local_irq_disable();
		}
		local_irq_enable();
		__schedule(SM_NONE);
	}
}

/* ------------------------------------------------------------------ */
/* Task creation and teardown                                          */

/*
 * Stack slots in TASK_STACK_AREA (asm/page.h): a bitmap of used slots.
 * A freed slot's pages are unmapped and every hart's TLB flushed before
 * the pages go back, so a stale translation never reaches reused memory.
 */
static DEFINE_SPINLOCK(stack_lock);
static unsigned long stack_slot_used[TASK_STACK_SLOTS / BITS_PER_LONG];

static unsigned long stack_slot_va(unsigned int slot)
{
	return TASK_STACK_AREA + (unsigned long)slot * TASK_STACK_SLOT_SIZE +
	       TASK_STACK_SLOT_SIZE - THREAD_SIZE;
}

/* Map THREAD_SIZE of @node's memory into a free slot; 0 on failure. */
static unsigned long alloc_thread_stack_node(int node, unsigned int *slotp,
					     struct page **pagep)
{
	struct page *page = alloc_pages_node(node, GFP_KERNEL,
					     ilog2(THREAD_SIZE / PAGE_SIZE));
	unsigned long va = 0;
	unsigned int slot;

	if (!page)
		return 0;
	spin_lock(&stack_lock);
	for (slot = 0; slot < TASK_STACK_SLOTS; slot++)
		if (!test_bit(slot, stack_slot_used))
			break;
	if (slot < TASK_STACK_SLOTS &&
	    !arch_map_kernel_pages(stack_slot_va(slot), page_to_pfn(page) << PAGE_SHIFT,
				   THREAD_SIZE)) {
		__set_bit(slot, stack_slot_used);
		va = stack_slot_va(slot);
		*slotp = slot;
		*pagep = page;
	}
	spin_unlock(&stack_lock);
	if (!va) {
		pr_warn_ratelimited("sched: no task stack slot left (%d in use)\n",
				    TASK_STACK_SLOTS);
		__free_pages(page, ilog2(THREAD_SIZE / PAGE_SIZE));
	}
	return va;
}

static void flush_tlb_one_cpu(void *info)
{
	(void)info;
	local_flush_tlb_all();
}

static void free_thread_stack(struct task_struct *p)
{
	unsigned long va = stack_slot_va(p->stack_slot);

	spin_lock(&stack_lock);
	arch_unmap_kernel_range(va, THREAD_SIZE);
	spin_unlock(&stack_lock);
	on_each_cpu(flush_tlb_one_cpu, NULL, true);
	spin_lock(&stack_lock);
	__clear_bit(p->stack_slot, stack_slot_used);
	spin_unlock(&stack_lock);
	__free_pages(p->stack_page, ilog2(THREAD_SIZE / PAGE_SIZE));
}

/* The first code a new task runs (from arch_ret_from_fork). */
static void task_entry(struct task_struct *prev, void *unused)
{
	struct task_struct *p = current;
	int ret = -EINTR;

	(void)unused;
	finish_task_switch(prev);
	local_irq_enable();
	if (!READ_ONCE(p->should_stop))
		ret = p->threadfn(p->data);
	do_exit(ret);
}

struct task_struct *task_create(int (*threadfn)(void *data), void *data,
				unsigned int cpu, const char *name)
{
	int node = cpu < nr_cpu_ids ? cpu_to_node(cpu) : 0;
	struct task_struct *p;
	unsigned long flags;
	unsigned int slot;

	if (cpu >= nr_cpu_ids || !cpu_online(cpu)) {
		pr_warn("sched: cannot create %s on cpu %u: offline\n", name, cpu);
		return NULL;
	}
	p = kzalloc_node(sizeof(*p), GFP_KERNEL, node);
	if (!p)
		return NULL;
	p->stack = alloc_thread_stack_node(node, &slot, &p->stack_page);
	if (!p->stack) {
		kfree(p);
		return NULL;
	}
	p->stack_slot = slot;
	p->__state = TASK_NEW;
	p->cpu = cpu;
	p->threadfn = threadfn;
	p->data = data;
	p->il_prev = MAX_NUMNODES - 1;
	strscpy(p->comm, name, sizeof(p->comm));
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->sleep_list);
	p->thread.ra = (unsigned long)arch_ret_from_fork;
	p->thread.sp = p->stack + THREAD_SIZE;
	p->thread.s[0] = 0;
	p->thread.s[1] = (unsigned long)task_entry;
	p->thread.s[2] = 0;
	spin_lock_irqsave(&tasklist_lock, flags);
	p->pid = ++last_pid;
	list_add_tail(&p->tasks, &task_list);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}

__noreturn void do_exit(int code)
{
	struct task_struct *p = current;

	p->exit_code = code;
	local_irq_disable();
	/* A reaper checks state and on_cpu under this lock: see kthread.c. */
	spin_lock(&this_cpu_ptr(&runqueues)->lock);
	WRITE_ONCE(p->__state, TASK_DEAD);
	spin_unlock(&this_cpu_ptr(&runqueues)->lock);
	__schedule(SM_NONE);
	BUG();
}

/* Wait (sleeping) until @p is dead and off its hart. */
void task_wait_dead(struct task_struct *p)
{
	struct rq *rq = cpu_rq(p->cpu);
	unsigned long flags;

	for (;;) {
		bool done;

		set_current_state(TASK_UNINTERRUPTIBLE);
		spin_lock_irqsave(&rq->lock, flags);
		done = p->__state == TASK_DEAD && !p->on_cpu;
		if (!done)
			p->reaper = current;
		spin_unlock_irqrestore(&rq->lock, flags);
		if (done)
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

void task_free(struct task_struct *p)
{
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_del(&p->tasks);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	free_thread_stack(p);
	kfree(p);
}

/* ------------------------------------------------------------------ */
/* Reports and boot                                                    */

void for_each_task(void (*fn)(struct task_struct *p, void *arg), void *arg)
{
	unsigned long flags;
	unsigned int cpu;
	struct task_struct *p;

	for_each_online_cpu(cpu)
		fn(cpu_rq(cpu)->idle, arg);
	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &task_list, tasks)
		fn(p, arg);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

char task_state_char(const struct task_struct *p)
{
	switch (READ_ONCE(p->__state)) {
	case TASK_RUNNING:	return 'R';
	case TASK_DEAD:		return 'Z';
	case TASK_NEW:		return 'N';
	case TASK_UNINTERRUPTIBLE: return 'D';
	default:		return 'S';
	}
}

u64 sched_nr_switches(unsigned int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->nr_switches);
}

static void init_idle(unsigned int cpu)
{
	struct task_struct *idle = cpu ? &idle_tasks[cpu] : &init_task;
	struct rq *rq = this_cpu_ptr(&runqueues);

	idle->__state = TASK_RUNNING;
	idle->on_rq = true;
	idle->on_cpu = true;
	idle->cpu = cpu;
	idle->il_prev = MAX_NUMNODES - 1;
	idle->stack = arch_boot_stack_top(cpu) - THREAD_SIZE;
	idle->last_ran_ns = ktime_get_ns();
	snprintf(idle->comm, sizeof(idle->comm), "idle/%u", cpu);
	INIT_LIST_HEAD(&idle->run_list);
	INIT_LIST_HEAD(&idle->sleep_list);
	INIT_LIST_HEAD(&idle->tasks);
	spin_lock_init(&rq->lock);
	INIT_LIST_HEAD(&rq->queue);
	INIT_LIST_HEAD(&rq->sleepers);
	rq->curr = rq->idle = idle;
	this_cpu_write(current_task, idle);
}

void sched_init(void)
{
	init_idle(0);
	preempt_set_scheduler(sched_preempt);
	arch_set_irq_return_hook(preempt_schedule_irq);
	if (register_tick_work(scheduler_tick, 1))
		panic("sched: no room for the scheduler's tick work");
}

void sched_init_secondary(void)
{
	init_idle(raw_smp_processor_id());
}
