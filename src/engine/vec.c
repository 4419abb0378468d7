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

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || BL_VEC_RESERVE(sb, (size_t)n + 1) < 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(sb->items + sb->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->n += (size_t)n;
    return 0;
}
