/*
 * fix.c: safe fixes applied, written and shown (fix.h).
 *
 * A safe fix edits within one finding's words (blame/minimizer deletes
 * "just "), so the diff is built from the edits themselves rather than by
 * comparing texts: each edit's lines, before and after, become the changed
 * lines of a hunk, and edits within six lines of each other share one.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../engine/vec.h"
#include "atomic.h"
#include "fix.h"

typedef struct edit {
    size_t b, e;            /* the source bytes replaced */
    const char *text;
} edit;

static int
cmp_edit(const void *a, const void *b)
{
    const edit *x = a, *y = b;

    return x->b < y->b ? -1 : x->b > y->b ? 1 : 0;
}

int
cli_fix_apply(const char *src, size_t len, const bl_diags *d, char **p_out,
              size_t *p_outlen)
{
    struct { edit *items; size_t n, alloc; } edits = {NULL, 0, 0};
    bl_strbuf out = {NULL, 0, 0};
    size_t i, at = 0, applied = 0;

    *p_out = NULL;
    *p_outlen = 0;
    for (i = 0; i < d->n; i++) {
        const bl_diag *g = &d->items[i];
        edit x;
        if (g->fix == NULL || !g->rule->fix_safe || g->fix_end > len
            || g->fix_begin > g->fix_end)
            continue;
        x.b = g->fix_begin;
        x.e = g->fix_end;
        x.text = g->fix;
        if (BL_VEC_PUSH(&edits, x) < 0)
            goto oom;
    }
    if (edits.n == 0)
        return 0;
    qsort(edits.items, edits.n, sizeof *edits.items, cmp_edit);
    for (i = 0; i < edits.n; i++) {
        const edit *x = &edits.items[i];
        if (x->b < at || (applied > 0 && x->b == x->e && x->b == at))
            continue;   /* overlaps the one before: the next run's */
        if (bl_strbuf_add(&out, src + at, x->b - at) < 0
            || bl_strbuf_add(&out, x->text, strlen(x->text)) < 0)
            goto oom;
        at = x->e;
        applied++;
    }
    if (bl_strbuf_add(&out, src + at, len - at) < 0)
        goto oom;
    BL_VEC_FREE(&edits);
    *p_out = out.items;
    *p_outlen = out.n;
    return (int)applied;
oom:
    BL_VEC_FREE(&edits);
    free(out.items);
    return -1;
}

int
cli_fix_write(const char *path, const char *text, size_t len)
{
    cli_atomic out;
    int e;

    /* Through a symlink, the file it points to is the one fixed: the
     * rename must not replace the link with a copy. */
    if (cli_atomic_open(&out, path, CLI_ATOMIC_EXISTING) < 0)
        return -1;
    if (fwrite(text, 1, len, out.fp) != len) {
        e = errno;
        cli_atomic_abort(&out);
        errno = e;
        return -1;
    }
    return cli_atomic_commit(&out);
}

/* --- The diff ------------------------------------------------------------ */

/* Line starts of t[0..n): starts[k] for k < count, starts[count] = n. */
typedef struct lines {
    size_t *starts;
    size_t count;
} lines;

static int
split_lines(const char *t, size_t n, lines *l)
{
    size_t i, k = 0, cap = 16;

    l->starts = malloc(cap * sizeof *l->starts);
    if (l->starts == NULL)
        return -1;
    l->starts[k++] = 0;
    for (i = 0; i < n; i++) {
        if (t[i] != '\n' || i + 1 == n)
            continue;
        if (k + 1 >= cap) {
            size_t *p = realloc(l->starts, 2 * cap * sizeof *p);
            if (p == NULL)
                return -1;
            l->starts = p;
            cap *= 2;
        }
        l->starts[k++] = i + 1;
    }
    l->count = n == 0 ? 0 : k;
    l->starts[l->count] = n;
    return 0;
}

static void
put_line(FILE *fp, char mark, const char *t, const lines *l, size_t k)
{
    size_t b = l->starts[k], e = l->starts[k + 1];

    fputc(mark, fp);
    fwrite(t + b, 1, e - b, fp);
    if (e == b || t[e - 1] != '\n')
        fputs("\n\\ No newline at end of file\n", fp);
}

/* Is line k the same in both texts? */
static int
same_line(const char *old, const lines *a, const char *new_, const lines *b,
          size_t k)
{
    size_t n = a->starts[k + 1] - a->starts[k];

    return n == b->starts[k + 1] - b->starts[k]
           && memcmp(old + a->starts[k], new_ + b->starts[k], n) == 0;
}

void
cli_fix_diff(FILE *fp, const char *path, const char *old, size_t oldlen,
             const char *new_, size_t newlen)
{
    enum { CTX = 3 };
    lines a = {NULL, 0}, b = {NULL, 0};
    size_t k, i;

    if (split_lines(old, oldlen, &a) < 0 || split_lines(new_, newlen, &b) < 0) {
        free(a.starts);
        free(b.starts);
        fputs("blamelint: out of memory\n", stderr);
        return;
    }
    if (strncmp(path, "./", 2) == 0)    /* found under "." */
        path += 2;
    fprintf(fp, "--- a/%s\n+++ b/%s\n", path, path);
    if (a.count != b.count) {
        /* Safe fixes keep the lines; should one not, the whole text is
         * one change (still a diff patch(1) applies). */
        fprintf(fp, "@@ -1,%zu +1,%zu @@\n", a.count, b.count);
        for (i = 0; i < a.count; i++)
            put_line(fp, '-', old, &a, i);
        for (i = 0; i < b.count; i++)
            put_line(fp, '+', new_, &b, i);
        free(a.starts);
        free(b.starts);
        return;
    }
    for (k = 0; k < a.count; ) {
        size_t first, last, h0, h1;
        while (k < a.count && same_line(old, &a, new_, &b, k))
            k++;
        if (k == a.count)
            break;
        /* The hunk runs to the last changed line that is within 2 * CTX
         * unchanged lines of the one before. */
        first = last = k;
        for (i = k + 1; i < a.count && i <= last + 2 * CTX + 1; i++)
            if (!same_line(old, &a, new_, &b, i))
                last = i;
        h0 = first > CTX ? first - CTX : 0;
        h1 = last + CTX + 1 < a.count ? last + CTX + 1 : a.count;
        fprintf(fp, "@@ -%zu,%zu +%zu,%zu @@\n", h0 + 1, h1 - h0, h0 + 1,
                h1 - h0);
        for (i = h0; i < h1; i++) {
            if (same_line(old, &a, new_, &b, i)) {
                put_line(fp, ' ', old, &a, i);
            } else {
                put_line(fp, '-', old, &a, i);
                put_line(fp, '+', new_, &b, i);
            }
        }
        k = h1;
    }
    free(a.starts);
    free(b.starts);
}
