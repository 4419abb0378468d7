/*
 * testutil.h: small helpers shared by the unit tests.
 *
 * Inputs are copied into heap buffers of exactly their length (no NUL) so
 * that AddressSanitizer reports any read past the end that a terminator
 * would otherwise hide.
 */
#ifndef BL_TESTUTIL_H
#define BL_TESTUTIL_H

/* cmocka.h needs these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/doc.h"

/* An exact-length heap copy of s[0,n), without a terminator. */
static inline char *
tu_dup(const char *s, size_t n)
{
    char *p = malloc(n > 0 ? n : 1);

    assert_non_null(p);
    if (n > 0)
        memcpy(p, s, n);
    return p;
}

/* Parses n bytes, from an exact-length copy. */
static inline bl_doc *
tu_parse_n(const char *src, size_t n)
{
    char *copy = tu_dup(src, n);
    bl_doc *doc = bl_doc_parse(copy, n);

    free(copy);
    assert_non_null(doc);
    return doc;
}

static inline bl_doc *
tu_parse(const char *src)
{
    return tu_parse_n(src, strlen(src));
}

/* Offset of the first occurrence of needle in the document source: tests
 * state expected offsets by the text they point at, not by counting. */
static inline size_t
tu_off(const bl_doc *doc, const char *needle)
{
    const char *p = strstr(doc->src, needle);

    assert_non_null(p);
    return (size_t)(p - doc->src);
}

/* Index of the nth (0-based) block of the given type, or -1. */
static inline int
tu_block(const bl_doc *doc, bl_block_type type, int nth)
{
    size_t i;

    for (i = 0; i < doc->blocks.n; i++)
        if (doc->blocks.items[i].type == type && nth-- == 0)
            return (int)i;
    return -1;
}

/* Number of blocks of a type. */
static inline int
tu_count_blocks(const bl_doc *doc, bl_block_type type)
{
    size_t i;
    int n = 0;

    for (i = 0; i < doc->blocks.n; i++)
        n += doc->blocks.items[i].type == type;
    return n;
}

/* Unit i's text as a NUL-terminated copy; the caller frees it. */
static inline char *
tu_unit_str(const bl_doc *doc, size_t i)
{
    size_t n;
    const char *t;
    char *s;

    assert_true(i < doc->units.n);
    t = bl_unit_text(doc, &doc->units.items[i], &n);
    s = malloc(n + 1);
    assert_non_null(s);
    memcpy(s, t, n);
    s[n] = '\0';
    return s;
}

/* Asserts that unit i reads exactly `expected`. */
#define assert_unit_text(doc, i, expected) do { \
        char *tu_s_ = tu_unit_str((doc), (i)); \
        assert_string_equal(tu_s_, (expected)); \
        free(tu_s_); \
    } while (0)

/* Index of the unit whose text is exactly `text`, or -1. */
static inline int
tu_find_unit(const bl_doc *doc, const char *text)
{
    size_t i, n, want = strlen(text);

    for (i = 0; i < doc->units.n; i++) {
        const char *t = bl_unit_text(doc, &doc->units.items[i], &n);
        if (n == want && memcmp(t, text, n) == 0)
            return (int)i;
    }
    return -1;
}

/* Does any unit contain `needle`?  For "this never becomes prose". */
static inline int
tu_prose_contains(const bl_doc *doc, const char *needle)
{
    size_t i, n, k, m = strlen(needle);

    for (i = 0; i < doc->units.n; i++) {
        const char *t = bl_unit_text(doc, &doc->units.items[i], &n);
        for (k = 0; k + m <= n; k++)
            if (memcmp(t + k, needle, m) == 0)
                return 1;
    }
    return 0;
}

/* Source offset of offset off in unit i. */
static inline size_t
tu_src(const bl_doc *doc, size_t i, size_t off, int is_end)
{
    assert_true(i < doc->units.n);
    return bl_unit_to_source(doc, &doc->units.items[i], off, is_end);
}

/* How many of d's findings are of rule id. */
static inline size_t
tu_count_rule(const bl_diags *d, const char *id)
{
    size_t i, n = 0;

    for (i = 0; i < d->n; i++)
        n += strcmp(d->items[i].rule->id, id) == 0;
    return n;
}

/* Lints src with rules into *d (emptied first); the run must succeed. */
static inline void
tu_lint(const bl_rules *rules, const char *src, bl_diags *d)
{
    bl_doc *doc = tu_parse(src);

    memset(d, 0, sizeof *d);
    assert_int_equal(bl_lint(rules, doc, d), 0);
    bl_doc_free(doc);
}

/* Fails, naming the first finding, unless linting src finds nothing. */
static inline void
tu_assert_clean(const bl_rules *rules, const char *src)
{
    bl_diags d;

    tu_lint(rules, src, &d);
    if (d.n > 0)
        fail_msg("%s: %s", d.items[0].rule->id, d.items[0].message);
    bl_diags_free(&d);
}

/* How many findings of rule id linting src gives. */
static inline size_t
tu_count_in(const bl_rules *rules, const char *src, const char *id)
{
    bl_diags d;
    size_t n;

    tu_lint(rules, src, &d);
    n = tu_count_rule(&d, id);
    bl_diags_free(&d);
    return n;
}

/* The source text of the first finding of rule id in src, cut at 127
 * bytes, into out (128 bytes); "" when there is none. */
static inline void
tu_first_span(const bl_rules *rules, const char *src, const char *id,
              char *out)
{
    bl_doc *doc = tu_parse(src);
    bl_diags d;
    size_t i, len;
    const char *text = bl_doc_source(doc, &len);

    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(rules, doc, &d), 0);
    out[0] = '\0';
    for (i = 0; i < d.n; i++)
        if (strcmp(d.items[i].rule->id, id) == 0) {
            size_t n = d.items[i].end - d.items[i].begin;
            if (n > 127)
                n = 127;
            memcpy(out, text + d.items[i].begin, n);
            out[n] = '\0';
            break;
        }
    bl_diags_free(&d);
    bl_doc_free(doc);
}

/* A file of the repository (tests run from its root), NUL-terminated;
 * *p_len is its length without the terminator. */
static inline char *
tu_read_file(const char *path, size_t *p_len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    if (f == NULL)
        fail_msg("cannot open %s (tests run from the repository root)", path);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n >= 0);
    assert_int_equal(fseek(f, 0, SEEK_SET), 0);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    buf[n] = '\0';
    *p_len = (size_t)n;
    return buf;
}

/* cmocka group set-up and tear-down: the built-in rules as the group's
 * state. */
static inline int
tu_load_rules(void **state)
{
    bl_rules *rules = NULL;
    char err[512];

    if (bl_rules_load_default(&rules, err, sizeof err) != 0)
        return -1;
    *state = rules;
    return 0;
}

static inline int
tu_free_rules(void **state)
{
    bl_rules_free(*state);
    return 0;
}

#endif
