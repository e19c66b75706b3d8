/* SPDX-License-Identifier: MIT */
/*
 * include/linux/delay.h — sleeping for a while.
 *
 * Implemented by: kernel/sched/core.c.  Mirrors: <linux/delay.h>, msleep()
 * only.  Differences from Linux: msleep() sleeps on the tick (10 ms
 * resolution) and the hart runs other tasks meanwhile; there is no
 * udelay() (busy waits use cpu_wait_briefly(), <nodal/tick.h>).
 */
#ifndef NODAL_DELAY_H
#define NODAL_DELAY_H

/** msleep() - sleep at least @ms milliseconds (the hart runs others) */
void msleep(unsigned int ms);

#endif /* NODAL_DELAY_H */
