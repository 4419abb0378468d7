/*
 * strset.c: the string set.  Kept at most half full so probes stay short.
 */
#include <stdlib.h>
#include <string.h>

#include "strset.h"
#include "vec.h"

uint32_t
bl_strset_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    size_t i;

    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static bl_strset_slot *
find(const bl_strset *set, const char *s, size_t n)
{
    size_t i = bl_strset_hash(s, n) & (set->cap - 1);

    while (set->slots[i].s != NULL
           && !(set->slots[i].n == n && memcmp(set->slots[i].s, s, n) == 0))
        i = (i + 1) & (set->cap - 1);
    return &set->slots[i];
}

static int
grow(bl_strset *set)
{
    bl_strset bigger;
    size_t i;

    bigger.cap = set->cap ? set->cap * 2 : 64;
    bigger.n = set->n;
    bigger.slots = calloc(bigger.cap, sizeof *bigger.slots);
    if (bigger.slots == NULL)
        return -1;
    for (i = 0; i < set->cap; i++)
        if (set->slots[i].s != NULL)
            *find(&bigger, set->slots[i].s, set->slots[i].n) = set->slots[i];
    free(set->slots);
    *set = bigger;
    return 0;
}

int
bl_strset_add(bl_strset *set, const char *s, size_t n)
{
    bl_strset_slot *slot;

    if ((set->n + 1) * 2 > set->cap && grow(set) < 0)
        return -1;
    slot = find(set, s, n);
    if (slot->s != NULL)
        return 0;
    if ((slot->s = bl_strndup(s, n)) == NULL)
        return -1;
    slot->n = n;
    set->n++;
    return 0;
}

int
bl_strset_has(const bl_strset *set, const char *s, size_t n)
{
    return set->cap > 0 && find(set, s, n)->s != NULL;
}

void
bl_strset_free(bl_strset *set)
{
    size_t i;

    for (i = 0; i < set->cap; i++)
        free(set->slots[i].s);
    free(set->slots);
    set->slots = NULL;
    set->cap = set->n = 0;
}
