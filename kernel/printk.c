/* SPDX-License-Identifier: MIT */
/*
 * kernel/printk.c — log lines and console output, whole lines per hart.
 *
 * Each call formats into a buffer on its own stack and writes it under
 * console_lock, so lines from different harts never interleave.  A
 * message longer than the buffer is written whole, a buffer at a time
 * (formatted again from where the last piece ended, vsnprintf_from()),
 * still under the one lock hold: nothing is cut, no newline lost.  The
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

/*
 * Write what @fmt and @ap make, of any length, a buffer at a time: each
 * piece past the first is formatted again from its first character
 * (vsnprintf_from), under one console_lock so the text stays together.
 * @sink gets each piece.  Return: the whole length.
 */
static int format_pieces(const char *fmt, va_list ap,
			 void (*sink)(void *ctx, const char *s, size_t n),
			 void *ctx)
{
	char buf[LOG_LINE_MAX];
	size_t from = 0;
	int len;

	console_lock();
	do {
		va_list aq;

		va_copy(aq, ap);
		len = vsnprintf_from(buf, sizeof(buf), from, fmt, aq);
		va_end(aq);
		sink(ctx, buf, min((size_t)len - from, sizeof(buf) - 1));
		from += sizeof(buf) - 1;
	} while ((size_t)len > from);
	console_unlock();
	return len;
}

static void write_piece(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	console_write(s, n);
}

int console_printf(const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = format_pieces(fmt, ap, write_piece, NULL);
	va_end(ap);
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

#define LOG_PREFIX_MAX 32 /* "[99999.999999] h4095 " and more */

/* A message on its way out: the prefix at each line's start. */
struct log_lines {
	char out[LOG_LINE_MAX];
	size_t pos;
	bool at_line_start;
};

static void log_flush(struct log_lines *l)
{
	console_write(l->out, l->pos);
	l->pos = 0;
}

static void log_piece(void *ctx, const char *s, size_t n)
{
	struct log_lines *l = ctx;

	for (size_t i = 0; i < n; i++) {
		if (l->at_line_start) {
			if (l->pos + LOG_PREFIX_MAX > sizeof(l->out))
				log_flush(l);
			l->pos += log_prefix(l->out + l->pos,
					     sizeof(l->out) - l->pos);
			l->at_line_start = false;
		}
		if (l->pos == sizeof(l->out))
			log_flush(l);
		l->out[l->pos++] = s[i];
		l->at_line_start = s[i] == '\n';
	}
}

int vprintk(const char *fmt, va_list ap)
{
	struct log_lines l = { .pos = 0, .at_line_start = true };
	int level = MESSAGE_LOGLEVEL_DEFAULT, len;

	if (fmt[0] == KERN_SOH_ASCII && fmt[1] >= '0' && fmt[1] <= '7') {
		level = fmt[1] - '0';
		fmt += 2;
	}
	if (level >= console_loglevel)
		return vsnprintf(NULL, 0, fmt, ap);
	console_lock();
	len = format_pieces(fmt, ap, log_piece, &l);
	if (!l.at_line_start) /* a message without its newline ends a line too */
		log_piece(&l, "\n", 1);
	log_flush(&l);
	console_unlock();
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
