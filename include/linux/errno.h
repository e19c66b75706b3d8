/* SPDX-License-Identifier: MIT */
/*
 * include/linux/errno.h — error numbers, returned negated (-ENOMEM).
 *
 * Implemented by: nothing (constants).  Mirrors: <uapi/asm-generic/errno-base.h>
 * and <linux/errno.h>, with the same values.
 */
#ifndef NODAL_ERRNO_H
#define NODAL_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define ESRCH		3
#define EINTR		4
#define EIO		5
#define ENXIO		6
#define E2BIG		7
#define ENOEXEC		8
#define EAGAIN		11
#define ENOMEM		12
#define EFAULT		14
#define EBUSY		16
#define EEXIST		17
#define ENODEV		19
#define EINVAL		22
#define ENOSPC		28
#define ERANGE		34
#define EDEADLK		35
#define ENOSYS		38
#define ENODATA		61
#define ETIMEDOUT	110

#endif /* NODAL_ERRNO_H */
