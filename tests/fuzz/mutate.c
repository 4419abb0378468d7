/*
 * mutate.c: a deterministic mutation fuzzer for the engine.
 *
 *   mutate ITERATIONS SEED FILE.md...
 *
 * Each iteration takes one of the given documents, inserts, deletes or
 * overwrites a few dozen bytes with Markdown syntax, line endings, invalid
 * UTF-8 and blame phrases, then parses and lints it and checks the
 * invariants every front end relies on: spans lie inside the source, in
 * order, and every position converts back to its offset in all three
 * column encodings.  Each document is linted a second time with the
 * spelling check on (off by default), asking Hunspell for suggestions on
 * every 64th.  Built with AddressSanitizer by `make test`, which is
 * where memory errors surface; a fixed seed makes any failure
 * reproducible with the printed iteration number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blamelint.h"

static const char *const tokens[] = {
    ">", "> ", "#", "## ", "`", "```", "~~~", "*", "**", "_", "[", "]", "(",
    ")", "<!--", "-->", "<", ">", "|", "\n", "\r\n", "\r", "---", "+++",
    "- [ ] ", "- [x] ", "1. ", "    ", "\t", "&amp;", "&#x1F600;", "&#0;",
    "\xff", "\xe2\x80", "\xc3", "\"", "'", "\xe2\x80\x9c", "\xe2\x80\x99",
    "https://x.example/a&amp;b", "<https://x.example/human-error>", "@bob ",
    "Bob forgot to ", "human error", "\xef\xbb\xbf", "\\", "![img](x)",
    "[l](http://a\\_b)", "===", "\xf0\x9f\x98\x80", "Root cause: ",
    "&CounterClockwiseContourIntegral;", "&#x110000;", "[]()", "<>"
};

/* xorshift64*: small, fast and the same on every machine. */
static unsigned long long
next(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ULL;
}

static char *
slurp(const char *path, size_t *p_len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0
        && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) != NULL
        && fread(buf, 1, (size_t)n, f) == (size_t)n) {
        *p_len = (size_t)n;
    } else {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

/* Applies 1-40 random edits to src into a new buffer. */
static char *
mutate(const char *src, size_t len, unsigned long long *rng, size_t *p_len)
{
    size_t cap = len + 4096, n = len, edits = 1 + next(rng) % 40, k;
    char *b = malloc(cap);

    if (b == NULL)
        return NULL;
    memcpy(b, src, len);
    for (k = 0; k < edits; k++) {
        size_t at = n ? next(rng) % (n + 1) : 0, op = next(rng) % 4;
        if (op == 0 && n > 0 && at < n) {           /* delete a run */
            size_t del = 1 + next(rng) % 16;
            if (del > n - at)
                del = n - at;
            memmove(b + at, b + at + del, n - at - del);
            n -= del;
        } else if (op == 1 && at < n) {             /* overwrite a byte */
            b[at] = (char)(next(rng) & 0xFF);
        } else {                                    /* insert a token */
            const char *t = tokens[next(rng) % (sizeof tokens / sizeof *tokens)];
            size_t tl = strlen(t);
            if (n + tl > cap)
                continue;
            memmove(b + at + tl, b + at, n - at);
            memcpy(b + at, t, tl);
            n += tl;
        }
    }
    *p_len = n;
    return b;
}

static int
check(const bl_doc *doc, const bl_diags *d, size_t len)
{
    static const bl_encoding encs[] = {BL_ENC_UTF8, BL_ENC_UTF16,
                                       BL_ENC_CODEPOINT};
    size_t i, k;

    for (i = 0; i < d->n; i++) {
        const bl_diag *g = &d->items[i];
        if (g->begin >= g->end || g->end > len)
            return fprintf(stderr, "span %zu-%zu outside 0-%zu\n", g->begin,
                           g->end, len), -1;
        if (i > 0 && g->begin < d->items[i - 1].begin)
            return fprintf(stderr, "findings out of order\n"), -1;
        for (k = 0; k < 3; k++) {
            bl_pos p = bl_doc_position(doc, g->begin, encs[k]);
            size_t back = bl_doc_offset(doc, p, encs[k]);
            /* Offsets inside a character come back at its start. */
            if (back > g->begin || g->begin - back > 3)
                return fprintf(stderr, "offset %zu -> %zu:%zu -> %zu (enc %zu)\n",
                               g->begin, p.line, p.col, back, k), -1;
        }
    }
    return 0;
}

/* Lints doc (mlen bytes) with rules and checks the findings; 0 or -1. */
static int
lint_and_check(const bl_rules *rules, const bl_doc *doc, size_t mlen)
{
    bl_diags d = {NULL, 0, 0};
    int rc = bl_lint(rules, doc, &d) < 0 || check(doc, &d, mlen) < 0 ? -1 : 0;

    bl_diags_free(&d);
    return rc;
}

int
main(int argc, char **argv)
{
    bl_rules *rules, *spelling[2];
    char err[512];
    unsigned long long rng;
    long iters, it;
    int nfiles = argc - 3, failures = 0;

    if (argc < 4) {
        fprintf(stderr, "usage: mutate ITERATIONS SEED FILE.md...\n");
        return 2;
    }
    iters = atol(argv[1]);
    rng = strtoull(argv[2], NULL, 10) | 1;
    if (bl_rules_load_default(&rules, err, sizeof err) < 0
        || bl_rules_load_default(&spelling[0], err, sizeof err) < 0
        || bl_rules_load_default(&spelling[1], err, sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    /* Suggestions cost Hunspell tens of milliseconds a word: off for
     * most documents, two for every 64th. */
    bl_rules_set_severity(spelling[0], "spelling/unknown-word", BL_SEV_ON);
    bl_rules_set_severity(spelling[1], "spelling/unknown-word", BL_SEV_ON);
    if (bl_rules_set(spelling[0], "spelling.suggestions", "0", err,
                     sizeof err) < 0
        || bl_rules_set(spelling[1], "spelling.suggestions", "2", err,
                        sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    for (it = 0; it < iters; it++) {
        const char *path = argv[3 + next(&rng) % (unsigned)nfiles];
        size_t len, mlen;
        char *src = slurp(path, &len), *m;
        bl_doc *doc;
        if (src == NULL) {
            perror(path);
            return 2;
        }
        m = mutate(src, len, &rng, &mlen);
        doc = m ? bl_doc_parse(m, mlen) : NULL;
        if (doc == NULL || lint_and_check(rules, doc, mlen) < 0
            || lint_and_check(spelling[it % 64 == 0], doc, mlen) < 0) {
            fprintf(stderr, "mutate: iteration %ld (from %s) failed\n", it,
                    path);
            failures++;
        }
        bl_doc_free(doc);
        free(m);
        free(src);
    }
    bl_rules_free(rules);
    bl_rules_free(spelling[0]);
    bl_rules_free(spelling[1]);
    printf("fuzz: %ld passed, %d failed\n", iters - failures, failures);
    return failures ? 1 : 0;
}
