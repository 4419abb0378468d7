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
 * every 64th.
 *
 * The language server's caches are checked against the plain path: every
 * other document is three corpus documents joined (long enough to be cut
 * into chunks), and each input file keeps a lint cache across its
 * mutations, as an edited document does.  The parse through the cache must
 * build the model a whole parse builds, and the lint with it must find
 * what the lint without it finds.  Built with AddressSanitizer by `make
 * test`, which is where memory errors surface; a fixed seed makes any
 * failure reproducible with the printed iteration number.  With
 * MUTATE_KEEP=DIR in the environment, each failing document is also
 * written to DIR/SEED-ITERATION.md, ready to check on its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blamelint.h"
#include "engine/doc.h"

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

/* Are a and b the same findings, in the same order? */
static int
same_findings(const bl_diags *a, const bl_diags *b)
{
    size_t i;

    if (a->n != b->n)
        return 0;
    for (i = 0; i < a->n; i++) {
        const bl_diag *x = &a->items[i], *y = &b->items[i];
        if (x->begin != y->begin || x->end != y->end || x->rule != y->rule
            || x->severity != y->severity || strcmp(x->message, y->message)
            || (x->fix == NULL) != (y->fix == NULL)
            || (x->fix != NULL && strcmp(x->fix, y->fix) != 0)
            || x->fix_begin != y->fix_begin || x->fix_end != y->fix_end)
            return 0;
    }
    return 1;
}

/* Parses and lints m through cache and holds the result against the
 * plain parse (doc) and lint; 0 or -1. */
static int
check_cached(const bl_rules *rules, const bl_doc *doc, const char *m,
             size_t mlen, bl_lint_cache *cache)
{
    bl_doc *cdoc = bl_doc_parse_cached(m, mlen, cache);
    bl_diags plain = {NULL, 0, 0}, cached = {NULL, 0, 0};
    bl_lint_opts opts;
    const char *what = NULL;
    int rc = 0;

    memset(&opts, 0, sizeof opts);
    opts.cache = cache;
    if (cdoc == NULL || !bl_doc_same_model(doc, cdoc, &what)) {
        fprintf(stderr, "the cached parse differs in its %s\n",
                what ? what : "existence");
        rc = -1;
    } else {
        /* A front matter naming no profile (BL_EPROFILE) still lints. */
        int rp = bl_lint_with(rules, doc, NULL, &plain);
        int rcached = bl_lint_with(rules, cdoc, &opts, &cached);
        if (rp != rcached || rp == BL_ENOMEM
            || !same_findings(&plain, &cached)) {
            fprintf(stderr, "the cached lint differs: %zu findings (%d), "
                    "not %zu (%d)\n", cached.n, rcached, plain.n, rp);
            rc = -1;
        }
    }
    bl_diags_free(&plain);
    bl_diags_free(&cached);
    bl_doc_free(cdoc);
    return rc;
}

/* Writes a failing document where MUTATE_KEEP says, if it says. */
static void
keep_failure(const char *seed, long it, const char *m, size_t mlen)
{
    const char *dir = getenv("MUTATE_KEEP");
    char path[4096];
    FILE *f;

    if (dir == NULL || *dir == '\0')
        return;
    snprintf(path, sizeof path, "%s/%s-%ld.md", dir, seed, it);
    if ((f = fopen(path, "wb")) == NULL
        || fwrite(m, 1, mlen, f) != mlen || fclose(f) != 0)
        perror(path);
    else
        fprintf(stderr, "mutate: kept as %s\n", path);
}

/* Three of the files joined by blank lines, or NULL. */
static char *
join3(char **files, int nfiles, unsigned long long *rng, size_t *p_len)
{
    char *all = NULL;
    size_t n = 0;
    int k;

    for (k = 0; k < 3; k++) {
        size_t len;
        char *src = slurp(files[next(rng) % (unsigned)nfiles], &len), *grown;
        if (src == NULL || (grown = realloc(all, n + len + 3)) == NULL) {
            free(src);
            free(all);
            return NULL;
        }
        all = grown;
        memcpy(all + n, src, len);
        n += len;
        memcpy(all + n, "\n\n", 2);
        n += 2;
        free(src);
    }
    *p_len = n;
    return all;
}

int
main(int argc, char **argv)
{
    bl_rules *rules, *spelling[2];
    char err[512];
    unsigned long long rng;
    long iters, it;
    int nfiles = argc - 3, failures = 0, k;
    bl_lint_cache **caches;

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
    /* One cache per input file, and one for the joined documents. */
    if ((caches = calloc((size_t)nfiles + 1, sizeof *caches)) == NULL)
        return 2;
    for (k = 0; k <= nfiles; k++)
        if ((caches[k] = bl_lint_cache_new()) == NULL)
            return 2;
    for (it = 0; it < iters; it++) {
        int fi = (int)(next(&rng) % (unsigned)nfiles), joined = it % 2 == 1;
        const char *path = joined ? "three joined files" : argv[3 + fi];
        size_t len, mlen;
        char *src = joined ? join3(argv + 3, nfiles, &rng, &len)
                           : slurp(path, &len), *m;
        bl_doc *doc;
        if (src == NULL) {
            perror(path);
            return 2;
        }
        m = mutate(src, len, &rng, &mlen);
        doc = m ? bl_doc_parse(m, mlen) : NULL;
        if (doc == NULL || lint_and_check(rules, doc, mlen) < 0
            || lint_and_check(spelling[it % 64 == 0], doc, mlen) < 0
            || check_cached(rules, doc, m, mlen,
                            caches[joined ? nfiles : fi]) < 0) {
            fprintf(stderr, "mutate: iteration %ld (from %s) failed\n", it,
                    path);
            if (m != NULL)
                keep_failure(argv[2], it, m, mlen);
            failures++;
        }
        bl_doc_free(doc);
        free(m);
        free(src);
    }
    for (k = 0; k <= nfiles; k++)
        bl_lint_cache_free(caches[k]);
    free(caches);
    bl_rules_free(rules);
    bl_rules_free(spelling[0]);
    bl_rules_free(spelling[1]);
    printf("fuzz: %ld passed, %d failed\n", iters - failures, failures);
    return failures ? 1 : 0;
}
