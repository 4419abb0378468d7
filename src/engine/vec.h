/*
 * vec.h: growable arrays {items, n, alloc} used across the engine, and the
 * two string helpers built on them.
 *
 * Arrays grow by 1.5x so a document with many small blocks does few
 * reallocations; indices, not pointers, link elements because a grow may
 * move them.
 */
#ifndef BL_VEC_H
#define BL_VEC_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for one more element; returns 0 or -1 when out of memory
 * (including size_t overflow).  The array is unchanged on failure. */
static inline int
bl_vec_reserve(void **p_items, size_t *p_alloc, size_t n, size_t need,
               size_t elem)
{
    size_t want = n + need, cap = *p_alloc;
    void *items;

    if (want < n)
        return -1;
    if (want <= cap)
        return 0;
    while (cap < want)
        cap = cap < 8 ? 8 : cap + cap / 2;
    if (cap > SIZE_MAX / elem)
        return -1;
    items = realloc(*p_items, cap * elem);
    if (items == NULL)
        return -1;
    *p_items = items;
    *p_alloc = cap;
    return 0;
}

#define BL_VEC_RESERVE(v, need) \
    bl_vec_reserve((void **)&(v)->items, &(v)->alloc, (v)->n, (need), \
                   sizeof(*(v)->items))

/* Appends elem; evaluates to 0 or -1. */
#define BL_VEC_PUSH(v, elem) \
    (BL_VEC_RESERVE(v, 1) == 0 ? ((v)->items[(v)->n++] = (elem), 0) : -1)

#define BL_VEC_FREE(v) \
    do { free((v)->items); (v)->items = NULL; (v)->n = (v)->alloc = 0; } \
    while (0)

/* A NUL-terminated copy of s[0..n); NULL when out of memory. */
static inline char *
bl_strndup(const char *s, size_t n)
{
    char *d = malloc(n + 1);

    if (d != NULL) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* A growing string, always NUL-terminated once something was added. */
typedef struct bl_strbuf {
    char *items;
    size_t n, alloc;
} bl_strbuf;

static inline int
bl_strbuf_add(bl_strbuf *sb, const char *s, size_t n)
{
    if (BL_VEC_RESERVE(sb, n + 1) < 0)
        return -1;
    memcpy(sb->items + sb->n, s, n);
    sb->n += n;
    sb->items[sb->n] = '\0';
    return 0;
}

/* How many zero bytes follow a text that PCRE2 searches.  Its JIT looks
 * for a pattern's first byte 16 bytes at a time, aligned, so it may load a
 * few bytes past a subject's end (and ignore them); left uninitialised in
 * a buffer's slack, they are what valgrind reports on every such load. */
#define BL_SUBJECT_PAD 32

/* Zeroes the BL_SUBJECT_PAD bytes after sb's text, keeping its length:
 * 0, or -1 when out of memory. */
static inline int
bl_strbuf_pad(bl_strbuf *sb)
{
    if (BL_VEC_RESERVE(sb, BL_SUBJECT_PAD + 1) < 0)
        return -1;
    memset(sb->items + sb->n, 0, BL_SUBJECT_PAD + 1);
    return 0;
}

/* Appends printf-style text (vec.c). */
int bl_strbuf_addf(bl_strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Appends v in decimal, without printf's cost (vec.c). */
int bl_strbuf_add_size(bl_strbuf *sb, size_t v);

#endif
