/* SPDX-License-Identifier: MIT */
/*
 * kernel/printk.c — log lines and console output, whole lines per hart.
 *
 * Each call formats into a buffer on its own stack, then writes it under
 * console_lock, so lines from different harts never interleave.  The
 * console lock is a bare ticket lock (not a counted spinlock_t) because
 * the lock-statistics and watchdog code print through here; it is
 * recursive on one CPU so that a report can hold it across many writes and
 * an interrupt on the same hart can still print.  A panic takes it over
 * after a bounded wait rather than hang behind a stopped hart.
 */
#include <asm/barrier.h>
#include <asm/machine.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/spinlock.h>
#include <linux/panic.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#define LOG_LINE_MAX	512
#define NO_OWNER	0xffffffffU

static arch_spinlock_t console_raw_lock;
static unsigned int console_owner = NO_OWNER;	/* [console_raw_lock] CPU */
static unsigned int console_depth;		/* [console_raw_lock] */
static const int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

void console_lock(void)
{
	unsigned int me = raw_smp_processor_id();
	unsigned long flags;

	preempt_disable();	/* a task holding the console keeps the hart */
	if (READ_ONCE(console_owner) == me) {
		console_depth++;
		return;
	}
	/* During a panic, give a stuck holder ~0.1 s, then take over. */
	if (unlikely(READ_ONCE(panic_cpu) != PANIC_CPU_NONE)) {
		u64 deadline = ktime_get_ns() + 100000000ULL;

		while (!arch_spin_trylock(&console_raw_lock)) {
			if (ktime_get_ns() > deadline) {
				console_raw_lock.owner = console_raw_lock.next;
				console_raw_lock.next++;
				break;
			}
		}
	} else {
		local_irq_save(flags);	/* the wait itself is not interruptible */
		arch_spin_lock(&console_raw_lock);
		local_irq_restore(flags);
	}
	console_owner = me;
	console_depth = 1;
}

void console_unlock(void)
{
	if (--console_depth) {
		preempt_enable();
		return;
	}
	console_owner = NO_OWNER;
	arch_spin_unlock(&console_raw_lock);
	preempt_enable();
}

void console_write(const char *s, size_t len)
{
	console_lock();
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			arch_console_putc('\r');
		arch_console_putc(s[i]);
	}
	console_unlock();
}

int console_getc(void)
{
	return arch_console_getc();
}

int console_printf(const char *fmt, ...)
{
	char buf[LOG_LINE_MAX];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, len);
	return len;
}

/* "[    1.234567] h3   ": fixed width, so parsers can cut it off. */
static int log_prefix(char *buf, size_t size)
{
	u64 ns = ktime_get_ns();

	return scnprintf(buf, size, "[%5llu.%06llu] h%-3lu ",
			 (unsigned long long)(ns / 1000000000ULL),
			 (unsigned long long)(ns % 1000000000ULL) / 1000,
			 arch_hartid());
}

/* Split the message into lines, each with the prefix; write them at once. */
static void emit_lines(char *out, size_t size, const char *msg, int len)
{
	size_t pos = 0;
	int i = 0;

	while (i < len && pos < size) {
		int end = i;
		size_t n;

		while (end < len && msg[end] != '\n')
			end++;
		pos += log_prefix(out + pos, size - pos);
		n = min((size_t)(end - i), size - 1 - pos);
		memcpy(out + pos, msg + i, n);
		pos += n;
		out[pos++] = '\n';
		i = end + 1;
	}
	console_write(out, pos);
}

int vprintk(const char *fmt, va_list ap)
{
	char msg[LOG_LINE_MAX], out[LOG_LINE_MAX + 64];
	int level = MESSAGE_LOGLEVEL_DEFAULT, len;

	if (fmt[0] == KERN_SOH_ASCII && fmt[1] >= '0' && fmt[1] <= '7') {
		level = fmt[1] - '0';
		fmt += 2;
	}
	len = vscnprintf(msg, sizeof(msg), fmt, ap);
	if (level >= console_loglevel)
		return len;
	emit_lines(out, sizeof(out), msg, len);
	return len;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vprintk(fmt, ap);
	va_end(ap);
	return len;
}

bool printk_ratelimit_ok(u64 *last_ns, u64 interval_ns)
{
	u64 now = ktime_get_ns(), last = READ_ONCE(*last_ns);

	if (last && now - last < interval_ns)
		return false;
	return cmpxchg(last_ns, last, now) == last;
}
