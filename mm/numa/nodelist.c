/* SPDX-License-Identifier: MIT */
/*
 * mm/numa/nodelist.c — node lists as text, "0-1,3", both ways.
 *
 * Part of mm/numa, beside nodemask_t (<linux/nodemask.h>).  Linux prints a
 * nodemask with "%*pbl" and parses one with bitmap_parselist(); Nodal's
 * printf has no %pb, so nodelist_scnprintf() writes the same list.  `topo`
 * prints the online nodes with it, the policies their nodes (numa_maps
 * strings, `policy`), and the `policy` command parses its NODES with
 * nodelist_parse().
 */
#include <linux/errno.h>
#include <linux/nodemask.h>
#include <linux/sprintf.h>

int __nodelist_scnprintf(char *buf, int len, const nodemask_t *src)
{
	int pos = 0, n, first = -1, last = -1;

	if (len > 0)
		buf[0] = 0;
	for (n = 0; n <= MAX_NUMNODES; n++) {
		bool set = n < MAX_NUMNODES && node_isset(n, *src);

		if (set && first >= 0 && n == last + 1) {
			last = n;
			continue;
		}
		if (first >= 0)
			pos += scnprintf(buf + pos, (size_t)(len - pos),
					 first == last ? "%s%d" : "%s%d-%d",
					 pos ? "," : "", first, last);
		first = last = set ? n : -1;
	}
	return pos;
}

/* One node number at *p (decimal); -ERANGE past MAX_NUMNODES. */
static int parse_node(const char **p, int *node)
{
	unsigned long v = 0;
	const char *s = *p;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	for (; *s >= '0' && *s <= '9'; s++) {
		v = v * 10 + (unsigned long)(*s - '0');
		if (v >= MAX_NUMNODES)
			return -ERANGE;
	}
	*p = s;
	*node = (int)v;
	return 0;
}

int __nodelist_parse(const char *buf, nodemask_t *dst)
{
	nodemask_t mask = NODE_MASK_NONE;
	const char *p = buf;
	int first, last, err;

	while (*p) {
		err = parse_node(&p, &first);
		if (err)
			return err;
		last = first;
		if (*p == '-') {
			p++;
			err = parse_node(&p, &last);
			if (err)
				return err;
		}
		if (last < first || (*p && *p != ','))
			return -EINVAL;
		for (int n = first; n <= last; n++)
			node_set(n, mask);
		if (*p == ',' && !*++p)
			return -EINVAL; /* a trailing comma */
	}
	*dst = mask;
	return 0;
}
