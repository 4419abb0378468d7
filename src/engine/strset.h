/*
 * strset.h: a set of byte strings (open addressing, FNV-1a), for the
 * lookups done per word or per name: trigger words, Not-Names, the people a
 * document names.
 */
#ifndef BL_STRSET_H
#define BL_STRSET_H

#include <stddef.h>
#include <stdint.h>

typedef struct bl_strset_slot {
    char *s;        /* NUL-terminated copy; NULL marks an empty slot */
    size_t n;
} bl_strset_slot;

typedef struct bl_strset {
    bl_strset_slot *slots;
    size_t cap;     /* a power of two, or 0 */
    size_t n;
} bl_strset;

uint32_t bl_strset_hash(const char *s, size_t n);

/* Adds s[0..n) unless present; returns 0, or -1 when out of memory. */
int bl_strset_add(bl_strset *set, const char *s, size_t n);

int bl_strset_has(const bl_strset *set, const char *s, size_t n);

void bl_strset_free(bl_strset *set);

#endif
