/* SPDX-License-Identifier: MIT */
/*
 * tests/host/lib_rename.h — give lib's symbols a nodal_ prefix on the host.
 *
 * lib/ defines memcpy(), strlen(), snprintf() ... under their C names; linked
 * into a host program they would replace the C library's (and the
 * sanitizers' interceptors).  Host builds therefore force this header into
 * every lib/ source file (-include tests/host/lib_rename.h), so that
 * lib/string.c defines nodal_memcpy() and so on.
 *
 * A test includes it itself, after its system headers and before lib's
 * headers: the system headers then declare the C library's functions under
 * their own names, and lib's headers declare nodal_*().  The test calls the
 * C library through names captured before this header, or through GCC's
 * __builtin_*() (which call the C library), and lib through nodal_*().
 *
 * ffs() and fls() are static inline in <linux/bitops.h>; they are renamed too
 * because <strings.h> declares an extern ffs().  Every new extern symbol of
 * lib/ must be added here, or the host link picks the C library's instead.
 */
#ifndef NODAL_LIB_RENAME_H
#define NODAL_LIB_RENAME_H

/* lib/string.c */
#define memcpy			nodal_memcpy
#define memmove			nodal_memmove
#define memset			nodal_memset
#define memcmp			nodal_memcmp
#define memchr			nodal_memchr
#define strlen			nodal_strlen
#define strnlen			nodal_strnlen
#define strcmp			nodal_strcmp
#define strncmp			nodal_strncmp
#define strchr			nodal_strchr
#define strrchr			nodal_strrchr
#define strstr			nodal_strstr
#define strspn			nodal_strspn
#define strcspn			nodal_strcspn
#define sized_strscpy		nodal_sized_strscpy
#define sized_strscpy_pad	nodal_sized_strscpy_pad
#define strcat			nodal_strcat
#define strncat			nodal_strncat
#define strlcat			nodal_strlcat
#define strcasecmp		nodal_strcasecmp
#define strncasecmp		nodal_strncasecmp
#define strnchr			nodal_strnchr
#define strchrnul		nodal_strchrnul
#define strnchrnul		nodal_strnchrnul
#define strpbrk			nodal_strpbrk
#define strsep			nodal_strsep
#define memset16		nodal_memset16
#define memset32		nodal_memset32
#define memset64		nodal_memset64
#define memcpy_and_pad		nodal_memcpy_and_pad
#define skip_spaces		nodal_skip_spaces
#define strim			nodal_strim
#define kstrtoull		nodal_kstrtoull
#define kstrtoul		nodal_kstrtoul
#define kstrtouint		nodal_kstrtouint
#define kstrtoll		nodal_kstrtoll
#define kstrtol			nodal_kstrtol
#define kstrtoint		nodal_kstrtoint
#define memparse		nodal_memparse
#define str_edit_distance	nodal_str_edit_distance
#define glob_match		nodal_glob_match

/* lib/string_helpers.c */
#define string_get_size	  nodal_string_get_size
#define string_unescape	  nodal_string_unescape
#define string_escape_mem nodal_string_escape_mem

/* lib/vsprintf.c */
#define vsnprintf		nodal_vsnprintf
#define vsnprintf_from		nodal_vsnprintf_from
#define snprintf		nodal_snprintf
#define vsprintf		nodal_vsprintf
#define sprintf			nodal_sprintf
#define vscnprintf		nodal_vscnprintf
#define scnprintf		nodal_scnprintf

/* lib/sort.c */
#define sort			nodal_sort

/* lib/list_sort.c */
#define list_sort nodal_list_sort

/* lib/random.c */
#define prandom_seed_state	nodal_prandom_seed_state
#define prandom_u64_state	nodal_prandom_u64_state
#define prandom_u32_state	nodal_prandom_u32_state
#define prandom_u32_below	nodal_prandom_u32_below

/* lib/libgcc.c */
#define __clzdi2		nodal___clzdi2
#define __ctzdi2		nodal___ctzdi2
#define __popcountdi2		nodal___popcountdi2

/* include/linux/bitops.h */
#define ffs			nodal_ffs
#define fls			nodal_fls

#endif /* NODAL_LIB_RENAME_H */
