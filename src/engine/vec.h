/*
 * vec.h: growable arrays {items, n, alloc} used across the engine.
 *
 * Arrays grow by 1.5x so a document with many small blocks does few
 * reallocations; indices, not pointers, link elements because a grow may
 * move them.
 */
#ifndef BL_VEC_H
#define BL_VEC_H

#include <stdint.h>
#include <stdlib.h>

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

#endif
