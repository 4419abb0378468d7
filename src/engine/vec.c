/*
 * vec.c: the out-of-line part of vec.h.
 */
#include <stdarg.h>
#include <stdio.h>

#include "vec.h"

int
bl_strbuf_addf(bl_strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    int n;

    /* Format once into the spare room, which is usually enough; only a
     * longer text costs a second pass. */
    if (BL_VEC_RESERVE(sb, 64) < 0)
        return -1;
    va_start(ap, fmt);
    n = vsnprintf(sb->items + sb->n, sb->alloc - sb->n, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if ((size_t)n >= sb->alloc - sb->n) {
        if (BL_VEC_RESERVE(sb, (size_t)n + 1) < 0)
            return -1;
        va_start(ap, fmt);
        vsnprintf(sb->items + sb->n, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    sb->n += (size_t)n;
    return 0;
}

int
bl_strbuf_add_size(bl_strbuf *sb, size_t v)
{
    char digits[24];
    size_t i = sizeof digits;

    do {
        digits[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    return bl_strbuf_add(sb, digits + i, sizeof digits - i);
}
