/*
 * lintcache_test.c: a lint run with the document's cache finds exactly
 * what a run without one finds, edit after edit; and a parse by chunks
 * (bl_doc_parse_cached) builds exactly the model a parse of the whole does.
 *
 * Every corpus document is linted once to fill its cache, then edited the
 * way people type (a letter at the start of lines, which turns headings,
 * list items, table rows and fences into something else), and the ways
 * that change what the cache keys on: a heading renamed, a name learned,
 * a line deleted, a rule switched off in place.  After each edit the cached
 * run's findings are compared with a fresh run's, field by field.
 */
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>

#include "blamelint.h"
#include "engine/lintcache.h"

/* Parses text with the cache (by chunks), and checks the model is the one
 * a parse of the whole gives. */
static bl_doc *
parse_cached(const char *text, size_t n, bl_lint_cache *cache)
{
    char *copy = tu_dup(text, n);
    bl_doc *whole = tu_parse_n(text, n);
    bl_doc *doc = bl_doc_parse_cached(copy, n, cache);
    const char *what;

    free(copy);
    assert_non_null(doc);
    if (!bl_doc_same_model(whole, doc, &what))
        fail_msg("the parse by chunks differs from the whole in its %s",
                 what);
    bl_doc_free(whole);
    return doc;
}

static int
lint(const bl_rules *rules, const char *text, size_t n, bl_lint_cache *cache,
     bl_diags *out)
{
    bl_lint_opts opts;
    bl_doc *doc = cache != NULL ? parse_cached(text, n, cache)
                                : tu_parse_n(text, n);
    int rc;

    memset(&opts, 0, sizeof opts);
    opts.cache = cache;
    rc = bl_lint_with(rules, doc, &opts, out);
    bl_doc_free(doc);
    return rc;
}

/* Lints text with and without the cache and fails on any difference. */
static void
assert_same(const bl_rules *rules, const char *text, size_t n,
            bl_lint_cache *cache, const char *what)
{
    bl_diags fresh = {NULL, 0, 0}, cached = {NULL, 0, 0};
    size_t i;

    assert_int_equal(lint(rules, text, n, NULL, &fresh),
                     lint(rules, text, n, cache, &cached));
    if (fresh.n != cached.n)
        fail_msg("%s: %zu findings fresh, %zu with the cache", what, fresh.n,
                 cached.n);
    for (i = 0; i < fresh.n; i++) {
        const bl_diag *a = &fresh.items[i], *b = &cached.items[i];
        if (a->begin != b->begin || a->end != b->end || a->rule != b->rule
            || a->severity != b->severity || strcmp(a->message, b->message)
            || (a->fix == NULL) != (b->fix == NULL)
            || (a->fix != NULL && strcmp(a->fix, b->fix) != 0)
            || a->fix_begin != b->fix_begin || a->fix_end != b->fix_end)
            fail_msg("%s: finding %zu differs: %s at %zu \"%s\" fresh, "
                     "%s at %zu \"%s\" with the cache", what, i, a->rule->id,
                     a->begin, a->message, b->rule->id, b->begin, b->message);
    }
    bl_diags_free(&fresh);
    bl_diags_free(&cached);
}

/* Lints text with the cache; how many findings of rule_id it has. */
static size_t
count_cached(const bl_rules *rules, const char *text, bl_lint_cache *cache,
             const char *rule_id)
{
    bl_diags out = {NULL, 0, 0};
    size_t k;

    assert_int_equal(lint(rules, text, strlen(text), cache, &out), 0);
    k = tu_count_rule(&out, rule_id);
    bl_diags_free(&out);
    return k;
}

/* text with ins inserted at byte at, and del bytes removed there. */
static char *
edited(const char *text, size_t n, size_t at, size_t del, const char *ins,
       size_t *p_n)
{
    size_t in = strlen(ins);
    char *e = malloc(n - del + in + 1);

    assert_non_null(e);
    memcpy(e, text, at);
    memcpy(e + at, ins, in);
    memcpy(e + at + in, text + at + del, n - at - del);
    *p_n = n - del + in;
    e[*p_n] = '\0';     /* for strstr */
    return e;
}

static size_t
line_start(const char *text, size_t n, size_t line)
{
    size_t i = 0;

    while (line > 0 && i < n)
        if (text[i++] == '\n')
            line--;
    return i;
}

/* One document through a sequence of edits, each linted both ways. */
static void
check_document(const bl_rules *rules, const char *path)
{
    size_t n, lines = 0, i, k;
    char *text = tu_read_file(path, &n);
    bl_lint_cache *cache = bl_lint_cache_new();
    char what[1024];

    assert_non_null(cache);
    for (i = 0; i < n; i++)
        lines += text[i] == '\n';
    snprintf(what, sizeof what, "%s as is", path);
    assert_same(rules, text, n, cache, what);
    /* A letter typed at the start of lines spread through the document;
     * each edit builds on the last, as in an editor. */
    for (k = 0; k < 12 && lines > 0; k++) {
        size_t line = (k * 7919) % lines, m;
        char *e = edited(text, n, line_start(text, n, line), 0, "x", &m);
        free(text);
        text = e;
        n = m;
        snprintf(what, sizeof what, "%s after typing at line %zu", path,
                 line + 1);
        assert_same(rules, text, n, cache, what);
    }
    /* A heading renamed, a person learned, a line deleted. */
    {
        const char *h = strstr(text, "\n## ");
        size_t m, at;
        char *e;
        if (h != NULL) {
            e = edited(text, n, (size_t)(h - text) + 4, 0, "Root Cause of ",
                       &m);
            snprintf(what, sizeof what, "%s with a heading renamed", path);
            assert_same(rules, e, m, cache, what);
            free(e);
        }
        e = edited(text, n, n, 0, "\n\nPriya was paged. Priya missed the "
                   "alert. Bob forgot to drain the node.\n", &m);
        snprintf(what, sizeof what, "%s with people added", path);
        assert_same(rules, e, m, cache, what);
        free(e);
        at = line_start(text, n, lines / 2);
        if (at < n) {
            size_t end = line_start(text, n, lines / 2 + 1);
            e = edited(text, n, at, end - at, "", &m);
            snprintf(what, sizeof what, "%s with line %zu deleted", path,
                     lines / 2 + 1);
            assert_same(rules, e, m, cache, what);
            free(e);
        }
    }
    free(text);
    bl_lint_cache_free(cache);
}

static int
is_markdown(const char *name)
{
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".md") == 0
           && strcmp(name, "README.md") != 0;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The corpus documents' names, sorted, at most max (each strdup'd). */
static size_t
corpus_names(char **names, size_t max)
{
    DIR *dir = opendir("corpus");
    struct dirent *de;
    size_t count = 0;

    if (dir == NULL)
        fail_msg("cannot open corpus/ (tests run from the repository root)");
    while ((de = readdir(dir)) != NULL && count < max)
        if (is_markdown(de->d_name))
            names[count++] = strdup(de->d_name);
    closedir(dir);
    qsort(names, count, sizeof *names, cmp_str);
    return count;
}

static void
test_cached_runs_match_fresh_runs_over_the_corpus(void **state)
{
    const bl_rules *rules = *state;
    char *names[512];
    size_t count = corpus_names(names, 512), i;

    assert_true(count >= 20);
    for (i = 0; i < count; i++) {
        char path[600];
        snprintf(path, sizeof path, "corpus/%s", names[i]);
        check_document(rules, path);
        free(names[i]);
    }
}

/* All corpus documents, one after the other: a long document with every
 * layout the corpus has, which the parse cuts into many chunks. */
static char *
corpus_archive(size_t *p_n)
{
    char *names[512], *all = NULL;
    size_t count = corpus_names(names, 512), i, n = 0;

    for (i = 0; i < count; i++) {
        char path[600];
        size_t m;
        char *text;
        snprintf(path, sizeof path, "corpus/%s", names[i]);
        text = tu_read_file(path, &m);
        free(names[i]);
        /* Left out: what makes the whole archive be parsed whole, or
         * whole up to it: "\r", a link reference definition, a fence in
         * a list item (see test_no_cut_before_a_list_item_md4c_may_end). */
        if (memchr(text, '\r', m) != NULL || strstr(text, "]:") != NULL
            || strstr(text, "\n  ```") != NULL
            || strstr(text, "\n   ```") != NULL) {
            free(text);
            continue;
        }
        all = realloc(all, n + m + 3);
        assert_non_null(all);
        memcpy(all + n, text, m);
        n += m;
        memcpy(all + n, "\n\n", 2);
        n += 2;
        free(text);
    }
    all[n] = '\0';
    *p_n = n;
    return all;
}

/* The parse by chunks, through edits that move the cuts: letters typed at
 * line starts (a heading or a fence becomes text), a fence opened that
 * turns the rest of the document into code, an HTML comment left open, a
 * link reference definition (no cuts at all), lines deleted. */
static void
test_a_long_document_parsed_by_chunks(void **state)
{
    const bl_rules *rules = *state;
    static const char *const inserts[] = {
        "x", "```\n", "<!-- open\n", "[ref]: https://example.com\n",
        "- ", "> ", "    ", "# ", NULL
    };
    size_t n, lines = 0, i, k;
    char *text = corpus_archive(&n);
    bl_lint_cache *cache = bl_lint_cache_new();
    bl_doc *doc;
    char what[256];

    assert_non_null(cache);
    for (i = 0; i < n; i++)
        lines += text[i] == '\n';
    doc = parse_cached(text, n, cache);
    bl_doc_free(doc);
    assert_true(cache->chunks.n > 20);  /* it was cut */
    assert_same(rules, text, n, cache, "the archive");
    for (k = 0; k < 40; k++) {
        size_t line = (k * 7919) % lines, m;
        const char *ins = inserts[k % 8];
        char *e;
        if (k % 10 == 9) {      /* delete the line */
            size_t at = line_start(text, n, line);
            size_t end = line_start(text, n, line + 1);
            e = edited(text, n, at, end - at, "", &m);
        } else {
            e = edited(text, n, line_start(text, n, line), 0, ins, &m);
        }
        /* Each edit is undone half the time, as when typing and deleting
         * again: the chunks of the text before are found again. */
        snprintf(what, sizeof what, "edit %zu at line %zu", k, line + 1);
        doc = parse_cached(e, m, cache);
        bl_doc_free(doc);
        if (k % 8 == 0)
            assert_same(rules, e, m, cache, what);
        if (k % 2 == 0) {
            free(text);
            text = e;
            n = m;
        } else {
            free(e);
        }
    }
    doc = parse_cached(text, n, cache);
    bl_doc_free(doc);
    free(text);
    bl_lint_cache_free(cache);
}

/* A fence indented into a list item ends with the item, and its "closing"
 * line then opens a fence of its own that runs to the end: a line scan
 * cannot follow that, so nothing after such a fence may be cut.  Before
 * it, a line of two backtick runs, which does not close a fence. */
static void
test_no_cut_after_a_fence_in_a_list_item(void **state)
{
    static const char *const middle =
        "```\nnot closed by: ``` ```\n``` ```\n\nStill code.\n```\n\n"
        "1. Restart the pods.\n\n   ```sh\n   kubectl rollout restart\n\n"
        "After the list.\n   ```\n\nThis paragraph is code now.\n\n";
    bl_strbuf doc = {NULL, 0, 0};
    bl_lint_cache *cache = bl_lint_cache_new();
    bl_doc *d;
    int k;

    (void)state;
    assert_non_null(cache);
    for (k = 0; k < 60; k++)    /* paragraphs to cut between, before */
        assert_int_equal(bl_strbuf_addf(&doc, "Paragraph %d of the "
                                        "summary, long enough to fill a "
                                        "chunk soon.\n\n", k), 0);
    assert_int_equal(bl_strbuf_add(&doc, middle, strlen(middle)), 0);
    for (k = 0; k < 60; k++)    /* ... and after */
        assert_int_equal(bl_strbuf_addf(&doc, "Paragraph %d after the "
                                        "fence, which md4c reads as "
                                        "code.\n\n", k), 0);
    d = parse_cached(doc.items, doc.n, cache);
    bl_doc_free(d);
    assert_true(cache->chunks.n >= 2);  /* cut before the list */
    free(doc.items);
    bl_lint_cache_free(cache);
}

/* Forty paragraphs, enough to cut between. */
static void
add_paragraphs(bl_strbuf *doc, const char *what)
{
    int k;

    for (k = 0; k < 40; k++)
        assert_int_equal(bl_strbuf_addf(doc, "Paragraph %d %s, long enough "
                                        "to fill a chunk soon.\n\n", k,
                                        what), 0);
}

/* Parses text by chunks with a fresh cache: the model must be the one a
 * whole parse builds (parse_cached fails the test if not). */
static void
assert_chunks_agree(const char *text, size_t n)
{
    bl_lint_cache *cache = bl_lint_cache_new();

    assert_non_null(cache);
    bl_doc_free(parse_cached(text, n, cache));
    bl_lint_cache_free(cache);
}

/* Paragraphs enough for a cut after them, then pad bytes of one more
 * paragraph, then tail: a document whose tail starts pad bytes further
 * on, in a fresh buffer the caller frees. */
static char *
padded_document(size_t pad, const char *tail, size_t *p_n)
{
    bl_strbuf doc = {NULL, 0, 0};
    size_t k;

    add_paragraphs(&doc, "of the summary");
    for (k = 0; k < pad; k++)
        assert_int_equal(bl_strbuf_add(&doc, "y", 1), 0);
    assert_int_equal(bl_strbuf_addf(&doc, "\n\n%s", tail), 0);
    *p_n = doc.n;
    return doc.items;
}

/* md4c 0.4 decides whether a list item goes on past a blank line that
 * follows a closed block (a fence, a heading, a thematic break, another
 * blank line) from a byte of a source offset counted from the start of
 * its input: one place in 256 ends the item early.  A parse by chunks
 * starts md4c elsewhere, so it must not cut before such a place; each
 * layout is tried at every offset modulo 256. */
static void
test_no_cut_before_a_list_item_md4c_may_end(void **state)
{
    static const char *const tails[] = {
        "- Run:\n\n  ```sh\n  kubectl get nodes\n  ```\n\n"
        "  while the node is cordoned.\n\nAfter the list.\n",
        "- First step.\n\n  Its detail.\n\n\n  Still the first step.\n",
        "- # A heading in an item\n\n  and its text.\n",
        "> - Quoted item.\n>\n>   ***\n>\n>   More of it.\n",
        "- a\n  # H\n\n  >\n\nAfter.\n",     /* "  >" is no blank line */
        "- item\n\n\n  >\n",
        NULL
    };
    size_t t, pad, n;

    (void)state;
    for (t = 0; tails[t] != NULL; t++) {
        for (pad = 0; pad < 256; pad++) {
            char *text = padded_document(pad, tails[t], &n);
            assert_chunks_agree(text, n);
            free(text);
        }
    }
}

/* md4c 0.4 reads a fence or HTML line right under a table as one more
 * row.  Taking it for a fence would put the real fence further down out
 * of step, and a cut inside it would lint code as prose. */
static void
test_a_fence_under_a_table_is_a_row(void **state)
{
    bl_strbuf doc = {NULL, 0, 0};
    size_t k;

    (void)state;
    assert_int_equal(bl_strbuf_addf(&doc, "| Question | Answer |\n"
                                    "|---|---|\n| Who? | the DBA |\n"
                                    "```| How many attempts? |  |\n"
                                    "<!-- a row too |\n\n"), 0);
    add_paragraphs(&doc, "of the summary");
    assert_int_equal(bl_strbuf_addf(&doc, "```\ncurl -X POST\n\n"), 0);
    for (k = 0; k < 40; k++)
        assert_int_equal(bl_strbuf_addf(&doc, "The on-call forgot step "
                                        "%zu, in a code block.\n\n", k),
                         0);
    assert_int_equal(bl_strbuf_addf(&doc, "```\n\nAfter the code.\n"),
                     0);
    assert_chunks_agree(doc.items, doc.n);
    free(doc.items);
}

/* Where md4c 0.4 reads fences and HTML its own way, the parse by chunks
 * must not cut (found by fuzzing and review): a fence four spaces in
 * after a paragraph line, which md4c opens and never closes; a fence
 * opened in a list item and closed at the margin; "<!x", which md4c
 * reads as text, not as a declaration waiting for its '>' (so a link
 * definition after it counts, and a fence after it is a fence); a
 * closing fence with a tab after it, which md4c reads as code; an
 * autolink line ("<https://...>") that the scan cannot tell from an HTML
 * block ending at a blank line, under which an unclosed comment is, to
 * md4c, a comment to the end of the document. */
static void
test_fences_and_html_md4c_reads_its_own_way(void **state)
{
    static const char *const heads[] = {
        "We ran:\n    ```sh\n    kubectl get pods\n    ```\n\n", "",
        "- ```sh\n  kubectl get pods\n```\n\n", "```\n\n",
        "> ```sh\n> kubectl get pods\n```\n\n", "```\n\n",
        "<!x\n\n```\ncode\n\nx > y\n```\n\n", "```\n\n",
        "<!x\n\n[runbook]: https://example.com/rb\n\nLatency > 5s.\n\n",
        "Later the [runbook] again.\n\n",
        "```\ncode\n```\t\n\n", "",
        "<https://example.com/a>\n<!-- a note, never closed\n\n", "",
        NULL
    };
    size_t t;

    (void)state;
    for (t = 0; heads[t] != NULL; t += 2) {
        bl_strbuf doc = {NULL, 0, 0};
        assert_int_equal(bl_strbuf_addf(&doc, "# Incident\n\n%s",
                                        heads[t]), 0);
        add_paragraphs(&doc, "of the summary");
        assert_int_equal(bl_strbuf_addf(&doc, "%s", heads[t + 1]), 0);
        add_paragraphs(&doc, "after it");
        assert_int_equal(bl_strbuf_addf(&doc, "```\n\nAfter.\n"), 0);
        assert_chunks_agree(doc.items, doc.n);
        free(doc.items);
    }
}

/* A link reference definition anywhere makes the document be parsed
 * whole, also one after the place where cutting stopped: the use of the
 * link, in the first chunk, is a link only with it. */
static void
test_a_link_defined_after_cutting_stopped(void **state)
{
    bl_strbuf doc = {NULL, 0, 0};

    (void)state;
    assert_int_equal(bl_strbuf_addf(&doc, "The dashboard [grafana] showed "
                                    "nothing.\n\n"), 0);
    add_paragraphs(&doc, "of the summary");
    assert_int_equal(bl_strbuf_addf(&doc, "1. Restart the pods.\n\n"
                                    "   ```sh\n   kubectl rollout restart\n"
                                    "   ```\n\n"
                                    "[grafana]: https://grafana.example\n"),
                     0);
    assert_chunks_agree(doc.items, doc.n);
    free(doc.items);
}

/* A setting changed in place (as the language server applies the
 * editor's) must not leave findings of the old settings behind. */
static void
test_a_rule_switched_off_in_place_is_not_replayed(void **state)
{
    bl_rules *rules = NULL;
    char err[256];
    const char *src = "# Outage\n\nBob forgot to renew the certificate.\n\n"
                      "It was human error.\n";
    bl_lint_cache *cache = bl_lint_cache_new();
    bl_diags out = {NULL, 0, 0};

    (void)state;
    assert_int_equal(bl_rules_load_default(&rules, err, sizeof err), 0);
    assert_non_null(cache);
    assert_int_equal(count_cached(rules, src, cache, "blame/person-failure"),
                     1);
    assert_true(bl_rules_set_severity(rules, "blame/person-failure",
                                      BL_SEV_OFF) > 0);
    assert_int_equal(lint(rules, src, strlen(src), cache, &out), 0);
    assert_int_equal(tu_count_rule(&out, "blame/person-failure"), 0);
    assert_true(out.n > 0);     /* human error still reported */
    bl_diags_free(&out);
    assert_same(rules, src, strlen(src), cache, "after switching it off");
    bl_lint_cache_free(cache);
    bl_rules_free(rules);
}

/* The same paragraph twice, once in a quote: the memo is per text, the
 * findings per context. */
static void
test_the_same_text_in_two_contexts(void **state)
{
    const bl_rules *rules = *state;
    const char *src = "# Outage\n\nBob forgot to renew the certificate.\n\n"
                      "> Bob forgot to renew the certificate.\n\n"
                      "## Timeline\n\nBob forgot to renew the certificate.\n";
    bl_lint_cache *cache = bl_lint_cache_new();

    assert_non_null(cache);
    assert_same(rules, src, strlen(src), cache, "first run");
    assert_same(rules, src, strlen(src), cache, "second run");
    bl_lint_cache_free(cache);
}

/* An entry with Section: fires only under some headings: renaming the
 * heading above an unchanged paragraph changes its findings. */
static void
test_a_renamed_heading_changes_the_findings_below_it(void **state)
{
    const bl_rules *rules = *state;
    const char *before = "# Outage\n\n## Action items\n\n"
                         "- Don't run scripts against prod again.\n";
    const char *after = "# Outage\n\n## What happened\n\n"
                        "- Don't run scripts against prod again.\n";
    bl_lint_cache *cache = bl_lint_cache_new();

    assert_non_null(cache);
    assert_int_equal(count_cached(rules, before, cache,
                                  "blame/punitive-action"), 1);
    assert_int_equal(count_cached(rules, after, cache,
                                  "blame/punitive-action"), 0);
    assert_same(rules, before, strlen(before), cache, "renamed back");
    bl_lint_cache_free(cache);
}

/* A time in a code span is read from the source, and the unit's text has
 * only a placeholder for it: editing the time must be seen. */
static void
test_a_time_edited_inside_a_code_span(void **state)
{
    const bl_rules *rules = *state;
    const char *in_order = "# Outage postmortem\n\n## Timeline (UTC)\n\n"
                           "- `14:02` Alerts fire.\n"
                           "- `14:05` The on-call acknowledges.\n"
                           "- `14:09` Rollback starts.\n";
    const char *backwards = "# Outage postmortem\n\n## Timeline (UTC)\n\n"
                            "- `14:02` Alerts fire.\n"
                            "- `13:05` The on-call acknowledges.\n"
                            "- `14:09` Rollback starts.\n";
    bl_lint_cache *cache = bl_lint_cache_new();

    assert_non_null(cache);
    assert_same(rules, in_order, strlen(in_order), cache, "in order");
    assert_int_equal(count_cached(rules, backwards, cache,
                                  "timeline/out-of-order"), 1);
    assert_same(rules, backwards, strlen(backwards), cache, "backwards");
    assert_same(rules, in_order, strlen(in_order), cache, "in order again");
    bl_lint_cache_free(cache);
}

/* A 5-whys answer naming "Kestrel" ends the chain at a person only once
 * the document shows Kestrel is one: the answer's text does not change,
 * the people the document names do. */
static void
test_a_person_learned_elsewhere_changes_a_whys_verdict(void **state)
{
    const bl_rules *rules = *state;
    const char *chain =
        "# Checkout outage postmortem\n\n## Root Cause\n\n"
        "1. Why did checkout fail? Because the database ran out of "
        "connections.\n"
        "2. Why did it run out? Because the pool size had been lowered.\n"
        "3. Why was it lowered? Because a config change shipped on Friday.\n"
        "4. Why did the change ship? Because the review did not cover pool "
        "sizes.\n"
        "5. Why did the review not cover them? Because Kestrel signed it "
        "off.\n";
    char with_person[2048];
    bl_lint_cache *cache = bl_lint_cache_new();

    snprintf(with_person, sizeof with_person,
             "%s\n## Timeline\n\n- 14:02 Kestrel was paged.\n", chain);
    assert_non_null(cache);
    assert_int_equal(count_cached(rules, chain, cache, "whys/ends-at-person"),
                     0);
    assert_int_equal(count_cached(rules, with_person, cache,
                                  "whys/ends-at-person"), 1);
    assert_same(rules, chain, strlen(chain), cache, "without the person");
    bl_lint_cache_free(cache);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cached_runs_match_fresh_runs_over_the_corpus),
        cmocka_unit_test(test_a_rule_switched_off_in_place_is_not_replayed),
        cmocka_unit_test(test_the_same_text_in_two_contexts),
        cmocka_unit_test(test_a_renamed_heading_changes_the_findings_below_it),
        cmocka_unit_test(test_a_time_edited_inside_a_code_span),
        cmocka_unit_test(test_a_person_learned_elsewhere_changes_a_whys_verdict),
        cmocka_unit_test(test_a_long_document_parsed_by_chunks),
        cmocka_unit_test(test_no_cut_after_a_fence_in_a_list_item),
        cmocka_unit_test(test_no_cut_before_a_list_item_md4c_may_end),
        cmocka_unit_test(test_a_fence_under_a_table_is_a_row),
        cmocka_unit_test(test_a_link_defined_after_cutting_stopped),
        cmocka_unit_test(test_fences_and_html_md4c_reads_its_own_way),
    };
    return cmocka_run_group_tests(tests, tu_load_rules, tu_free_rules);
}
