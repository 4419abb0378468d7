/*
 * whys_test.c: the whys/ rules (src/engine/whys.c, rules/whys.rules):
 * which shapes of 5-whys chain are read and how their steps are counted,
 * unanswered whys, chains that end at a person, Root Cause sections
 * without a chain, and the layouts and bad input they must survive.
 *
 * Documents are built around a Root Cause section; expected positions are
 * given by the text they point at (offset_of), so a test states which
 * why or answer a finding is on.
 */
#include "testutil.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

#include "engine/rules.h"

#define HEAD "# Incident: checkout outage\n\n## Summary\n\n" \
             "Checkout failed for 40 minutes.\n\n"
#define TAIL "\n## Action Items\n\n- Add a pool-size check (PAY-12)\n"

/* A growing text for building documents. */
typedef struct text {
    char *s;
    size_t n, cap;
} text;

static void
add(text *t, const char *fmt, ...)
{
    va_list ap;
    int k;

    for (;;) {
        size_t room = t->cap - t->n;
        va_start(ap, fmt);
        k = vsnprintf(t->s + t->n, room, fmt, ap);
        va_end(ap);
        assert_true(k >= 0);
        if ((size_t)k < room)
            break;
        t->cap = t->cap * 2 + (size_t)k + 64;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    t->n += (size_t)k;
}

/* HEAD, "## Root Cause" with body under it, TAIL. */
static char *
postmortem(const char *body)
{
    text t = {NULL, 0, 0};

    add(&t, "%s## Root Cause\n\n%s%s", HEAD, body, TAIL);
    return t.s;
}

/* The findings of one lint; the caller frees them with bl_diags_free. */
static bl_diags
lint(const bl_rules *rules, const char *src)
{
    bl_doc *doc = tu_parse(src);
    bl_diags d;
    size_t i;

    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(rules, doc, &d), 0);
    for (i = 0; i < d.n; i++) {
        assert_true(d.items[i].begin <= d.items[i].end);
        assert_true(d.items[i].end <= strlen(src));
        assert_non_null(d.items[i].message);
    }
    bl_doc_free(doc);
    return d;
}

/* How many whys/ findings. */
static size_t
count_whys(const bl_diags *d)
{
    size_t i, n = 0;

    for (i = 0; i < d->n; i++)
        n += strncmp(d->items[i].rule->id, "whys/", 5) == 0;
    return n;
}

/* The nth finding of rule id. */
static const bl_diag *
nth(const bl_diags *d, const char *id, size_t k)
{
    size_t i;

    for (i = 0; i < d->n; i++)
        if (strcmp(d->items[i].rule->id, id) == 0 && k-- == 0)
            return &d->items[i];
    fail_msg("no finding %s", id);
    return NULL;
}

static size_t
offset_of(const char *src, const char *needle)
{
    const char *p = strstr(src, needle);

    if (p == NULL)
        fail_msg("\"%s\" is not in the document", needle);
    return (size_t)(p - src);
}

/* Asserts that finding f covers exactly the text `span` of src. */
static void
expect_span(const char *src, const bl_diag *f, const char *span)
{
    size_t b = offset_of(src, span);

    if (f->begin != b || f->end != b + strlen(span))
        print_error("finding at [%zu, %zu) \"%.*s\", want \"%s\"\n",
                    f->begin, f->end, (int)(f->end - f->begin),
                    src + f->begin, span);
    assert_int_equal(f->begin, b);
    assert_int_equal(f->end, b + strlen(span));
}

/* Lints src and expects exactly `want` findings of rule id (and, for
 * want == 1 and a span, its position). */
static void
expect(const bl_rules *rules, const char *src, const char *id, size_t want,
       const char *span)
{
    bl_diags d = lint(rules, src);

    if (tu_count_rule(&d, id) != want) {
        size_t i;
        print_error("want %zu %s in:\n%s\n", want, id, src);
        for (i = 0; i < d.n; i++)
            print_error("  got %s at %zu: %s\n", d.items[i].rule->id,
                        d.items[i].begin, d.items[i].message);
    }
    assert_int_equal(tu_count_rule(&d, id), want);
    if (want == 1 && span != NULL)
        expect_span(src, nth(&d, id, 0), span);
    bl_diags_free(&d);
}

/* --- The shapes of a chain ----------------------------------------------- */

typedef enum shape {
    INLINE, DASH_ANSWER, NEXT_LINE, NESTED_BULLET, LINE_PAIRS,
    BOLD_PARAGRAPHS, ARROWS, BECAUSE_BULLETS, BECAUSE_LINES, WHY_LABELS,
    QA_LABELS, TABLE_QUESTIONS, TABLE_STATEMENTS, ALTERNATING_BULLETS,
    TASK_LIST, TRAILING_WHY, LOOSE_LIST, HEADINGS, LABEL_PARAGRAPHS,
    WHY_STATEMENT, WHY_COLON_STATEMENT, WHY_STATEMENT_BULLETS,
    WHY_STATEMENT_LINES, BOLD_WHY_STATEMENT, STATEMENT_BECAUSE_ITEMS,
    ENUMERATED_PARAGRAPHS, DETAILS_SUMMARIES, SHAPES
} shape;

static const char *const shape_names[] = {
    "inline", "dash answer", "next line", "nested bullet", "line pairs",
    "bold paragraphs", "arrows", "because bullets", "because lines",
    "why labels", "Q/A labels", "table of questions", "table of statements",
    "alternating bullets", "task list", "trailing why", "loose list",
    "headings", "label paragraphs", "why statement", "why: statement",
    "why statement bullets", "why statement lines", "bold why statement",
    "statement-because items", "enumerated paragraphs", "details summaries"
};

/* A chain of n steps in one of the shapes teams write, every answer a
 * condition. */
static char *
chain(shape sh, int n)
{
    static const char *const arrows[] = {"\xE2\x86\x92", "->", "=>"};
    text t = {NULL, 0, 0};
    int i;

    add(&t, "%s## Root Cause\n\n", HEAD);
    if (sh == DASH_ANSWER)
        add(&t, "Checkout does not complete. (the problem)\n\n");
    if (sh == BECAUSE_BULLETS)
        add(&t, "- Checkout did not complete\n");
    if (sh == BECAUSE_LINES)
        add(&t, "Checkout did not complete.\n");
    if (sh == TABLE_QUESTIONS)
        add(&t, "| # | Why | Because |\n|---|-----|---------|\n");
    if (sh == TABLE_STATEMENTS)
        add(&t, "| Why | Because |\n|-----|---------|\n");
    if (sh == STATEMENT_BECAUSE_ITEMS)
        add(&t, "### Five whys\n\n");
    for (i = 1; i <= n; i++) {
        switch (sh) {
        case INLINE:
            add(&t, "%d. Why did step %d happen? Because condition %d "
                "held.\n", i, i, i);
            break;
        case DASH_ANSWER:
            add(&t, "%d. Why? - Condition %d held.\n", i, i);
            break;
        case NEXT_LINE:
            add(&t, "%d. Why did step %d happen?\n   Because condition %d "
                "held.\n", i, i, i);
            break;
        case NESTED_BULLET:
            add(&t, "%d. Why did step %d happen?\n   - Condition %d held.\n",
                i, i, i);
            break;
        case LINE_PAIRS:
            add(&t, "Why did step %d happen?\nBecause condition %d held.\n",
                i, i);
            break;
        case BOLD_PARAGRAPHS:
            add(&t, "**Why did step %d happen?**\n\nCondition %d held.\n\n",
                i, i);
            break;
        case ARROWS:
            add(&t, "Why did step %d happen? %s Because condition %d "
                "held.\n\n", i, arrows[i % 3], i);
            break;
        case BECAUSE_BULLETS:
            add(&t, "- ...because condition %d held\n", i);
            break;
        case BECAUSE_LINES:
            add(&t, "Because condition %d held.\n", i);
            break;
        case WHY_LABELS:
            add(&t, "**Why %d:** Condition %d held.\n\n", i, i);
            break;
        case QA_LABELS:
            add(&t, "Q%d: Why did step %d happen?\nA%d: Condition %d "
                "held.\n\n", i, i, i, i);
            break;
        case TABLE_QUESTIONS:
            add(&t, "| %d | Why did step %d happen? | Condition %d held. |\n",
                i, i, i);
            break;
        case TABLE_STATEMENTS:
            add(&t, "| Step %d happened | condition %d held |\n", i, i);
            break;
        case ALTERNATING_BULLETS:
            add(&t, "- Why did step %d happen?\n- Condition %d held.\n", i,
                i);
            break;
        case TASK_LIST:
            add(&t, "- [x] Why did step %d happen? Because condition %d "
                "held.\n", i, i);
            break;
        case TRAILING_WHY:
            if (i == 1)
                add(&t, "1. Customers could not check out, why?\n"
                    "   - Condition 1 held.\n");
            else
                add(&t, "1. Why did step %d happen?\n   - Condition %d "
                    "held.\n", i, i);
            break;
        case LOOSE_LIST:
            add(&t, "%d. Why did step %d happen?\n\n   Because condition %d "
                "held.\n\n", i, i, i);
            break;
        case HEADINGS:
            if (i % 2)
                add(&t, "### Why %d: Why did step %d happen?\n\n**Answer:**"
                    "\n\n- Condition %d held.\n\n", i, i, i);
            else
                add(&t, "### Why %d\n\nWhy did step %d happen? Condition %d "
                    "held.\n\n", i, i, i);
            break;
        case LABEL_PARAGRAPHS:
            add(&t, "**Why %d**\n\nWhy did step %d happen?\n\n- Condition "
                "%d held.\n\n", i, i, i);
            break;
        case WHY_STATEMENT:
            add(&t, "%d. Why? Step %d happened.\n   Because condition %d "
                "held.\n", i, i, i);
            break;
        case WHY_COLON_STATEMENT:
            add(&t, "Why: Step %d happened.\nBecause: condition %d "
                "held.\n\n", i, i);
            break;
        case WHY_STATEMENT_BULLETS:
            add(&t, "- Why? Step %d happened.\n- Because condition %d "
                "held.\n", i, i);
            break;
        case WHY_STATEMENT_LINES:
            add(&t, "Why? Step %d happened.\nBecause condition %d held.\n",
                i, i);
            break;
        case BOLD_WHY_STATEMENT:
            add(&t, "**Why?** Step %d happened.\n**Because** condition %d "
                "held.\n\n", i, i);
            break;
        case STATEMENT_BECAUSE_ITEMS:
            add(&t, "%d. Step %d happened because condition %d held.\n", i,
                i, i);
            break;
        case ENUMERATED_PARAGRAPHS:
            /* A formal report's "(a) Why ...? Because ...", the answer
             * on the same line or the next. */
            if (i % 2)
                add(&t, "(%c) Why did step %d happen? Because condition %d "
                    "held.\n\n", 'a' + i - 1, i, i);
            else
                add(&t, "%c) Why did step %d happen?\nBecause condition %d "
                    "held.\n\n", 'a' + i - 1, i, i);
            break;
        case DETAILS_SUMMARIES:
            /* Notion's and GitHub's toggles, one per why. */
            add(&t, "<details>\n<summary>Why %d: Why did step %d happen?"
                "</summary>\n\n%s condition %d held.\n\n</details>\n\n", i,
                i, i % 2 ? "Because" : "", i);
            break;
        case SHAPES:
            break;
        }
    }
    add(&t, "%s", TAIL);
    return t.s;
}

/* Every shape is read as a chain, and its steps are counted exactly: four
 * is one short of the default minimum, five is enough; no answer is taken
 * for missing or for a person. */
static void
test_every_shape_counts_its_steps(void **state)
{
    const bl_rules *rules = *state;
    int sh, n;

    for (sh = 0; sh < SHAPES; sh++) {
        for (n = 4; n <= 5; n++) {
            char *src = chain((shape)sh, n);
            bl_diags d = lint(rules, src);
            size_t want = n < 5;
            if (tu_count_rule(&d, "whys/too-short") != want
                || count_whys(&d) != want)
                fail_msg("shape \"%s\" with %d steps: %zu too-short, %zu "
                         "whys findings, want %zu\n%s", shape_names[sh], n,
                         tu_count_rule(&d, "whys/too-short"), count_whys(&d),
                         want, src);
            bl_diags_free(&d);
            free(src);
        }
    }
}

/* items are a full chain in src, under a heading that names the whys,
 * and no chain at all straight under the Root Cause heading. */
static void
expect_chain_only_under_its_heading(const bl_rules *rules, const char *src,
                                    const char *items)
{
    char *bare = postmortem(items);

    expect(rules, src, "whys/missing", 0, NULL);
    expect(rules, src, "whys/too-short", 0, NULL);
    expect(rules, bare, "whys/missing", 1, NULL);
    free(bare);
}

/* "## Five whys" as a section of its own before "## Root cause", its
 * items statements with their because, as the Atlassian template has it:
 * the chain is there.  The same items straight under Root Cause, with no
 * heading that names the whys, are reasons, not a chain. */
static void
test_statement_because_items_under_a_whys_heading(void **state)
{
    const bl_rules *rules = *state;
    static const char items[] =
        "1. Search was stale because the consumers stopped committing.\n"
        "2. They stopped committing because they rebalanced in a loop.\n"
        "3. They rebalanced because the new assignor clashed with a hint.\n"
        "4. The clash shipped because the update changed a default.\n"
        "5. Tests missed it because the suite runs one consumer.\n";
    text t = {NULL, 0, 0};

    add(&t, "%s## Five whys\n\n%s\n## Root cause\n\nA changed default in a "
        "client library.\n%s", HEAD, items, TAIL);
    expect_chain_only_under_its_heading(rules, t.s, items);
    free(t.s);
}

/* Emoji that mark a question or point at an answer lead into a step as a
 * bullet does: "❓ Why ...? → answer" (QA's structure-3). */
static void
test_question_emoji_lead_into_a_step(void **state)
{
    const bl_rules *rules = *state;
    char *src = postmortem(
        "1. \xE2\x9D\x93 Why did CI slow down? \xE2\x86\x92 Builds missed "
        "the cache.\n"
        "2. \xE2\x9D\x93 Why did they miss it? \xE2\x86\x92 The cache disks "
        "were full.\n"
        "3. \xE2\x9D\x93 Why were they full? \xE2\x86\x92 Eviction was off.\n"
        "4. \xE2\x9D\x93 Why was it off? \xE2\x86\x92 An update reset the "
        "config.\n"
        "5. \xE2\x9D\x93 Why did nobody see it? \xE2\x86\x92 The disk alert "
        "went to an archived channel.\n");

    expect(rules, src, "whys/too-short", 0, NULL);
    expect(rules, src, "whys/missing", 0, NULL);
    free(src);
}

/* Under a heading that names the whys, a chain set apart in block quotes
 * ("> **Q.** Why ...?" / "> **A.** Because ...") is the team's chain;
 * elsewhere in the Root Cause a quote is someone's words. */
static void
test_a_quoted_chain_under_a_whys_heading(void **state)
{
    const bl_rules *rules = *state;
    static const char quoted[] =
        "> **Q.** Why were deposits late?\n> **A.** Because the files "
        "missed the cutoff.\n\n"
        "> **Q.** Why did they miss it?\n> **A.** Because the TLS "
        "handshake failed.\n\n"
        "> **Q.** Why did it fail?\n> **A.** Because the certificate "
        "expired.\n\n"
        "> **Q.** Why did it expire?\n> **A.** Because renewal relied on "
        "a one-time reminder.\n\n"
        "> **Q.** Why a one-time reminder?\n> **A.** Because we have no "
        "inventory of certificates others issue to us.\n";
    text t = {NULL, 0, 0};

    add(&t, "%s## Root Cause\n\nAn expired client certificate.\n\n"
        "### Five whys\n\n%s%s", HEAD, quoted, TAIL);
    expect_chain_only_under_its_heading(rules, t.s, quoted);
    free(t.s);
}

/* Chains written in German, French or Spanish, under a bilingual or a
 * translated whys heading, count like English ones. */
static void
test_chains_in_other_languages(void **state)
{
    const bl_rules *rules = *state;
    static const char de5[] =
        "### 5 Warum (5 Whys)\n\n"
        "1. Warum fiel die API aus?\n   - Weil ein Konfigurationswert falsch war.\n"
        "2. Warum war er falsch?\n   - Weil er aus einer alten Datei kam.\n"
        "3. Warum aus einer alten Datei?\n   - Weil der Generator sie nutzt.\n"
        "4. Warum merkte es niemand?\n   - Weil nur die Syntax geprüft wird.\n"
        "5. Warum nur die Syntax?\n   - Weil es keine Prüfstufe gibt.\n";
    static const char de2[] =
        "### 5 Warum\n\n"
        "1. Warum fiel die API aus? Ein Konfigurationswert war falsch.\n"
        "2. Warum war er falsch? Er kam aus einer alten Datei.\n";
    static const char es5[] =
        "### 5 porqués (5 Whys)\n\n"
        "1. ¿Por qué falló el pago? Porque la API no respondía.\n"
        "2. ¿Por qué no respondía? Porque el pool estaba agotado.\n"
        "3. ¿Por qué estaba agotado? Porque el límite era 20.\n"
        "4. ¿Por qué era 20? Porque la plantilla lo fija.\n"
        "5. ¿Por qué lo fija? Porque nadie revisa la plantilla.\n";
    const char *const five[] = {de5, es5};
    char *src;
    size_t k;

    for (k = 0; k < 2; k++) {
        src = postmortem(five[k]);
        expect(rules, src, "whys/missing", 0, NULL);
        expect(rules, src, "whys/too-short", 0, NULL);
        free(src);
    }
    src = postmortem(de2);
    expect(rules, src, "whys/too-short", 1, NULL);
    free(src);
}

static void
test_short_chain_is_reported_at_its_first_why(void **state)
{
    const bl_rules *rules = *state;
    char *src = postmortem("1. Why did checkout fail? The payment API timed "
                           "out.\n2. Why did it time out? Its pool was "
                           "exhausted.\n3. Why was the pool exhausted? "
                           "Retries had no backoff.\n");
    bl_diags d = lint(rules, src);
    const bl_diag *f = nth(&d, "whys/too-short", 0);

    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    expect_span(src, f, "Why did checkout fail?");
    assert_non_null(strstr(f->message, "stops after 3 whys"));
    assert_non_null(strstr(f->message, "whys.min is 5"));
    assert_non_null(strstr(f->message, "a missing check, an unclear "
                           "runbook, a tool that allowed it"));
    assert_null(f->fix);
    assert_int_equal(f->severity, BL_SEV_WARNING);
    bl_diags_free(&d);
    free(src);
}

/* An Investigation beside the Root Cause tells how the team searched:
 * its questions are no chain.  Alone, it is the Root Cause, and a part
 * that asks why ("## Why did it happen?") is read wherever it stands. */
static void
test_investigation_beside_a_root_cause_holds_no_chain(void **state)
{
    const bl_rules *rules = *state;
    const char *questions =
        "**Why was latency high?** Dashboards showed requests waiting on "
        "the pool.\n\n"
        "**Why only checkout?** Only checkout-api had the new config.\n";
    text t = {NULL, 0, 0};

    add(&t, "%s## Investigation\n\n%s\n## Root Cause\n\nThe pool shrank "
        "to 20 because the overrides file was renamed.\n%s", HEAD,
        questions, TAIL);
    expect(rules, t.s, "whys/too-short", 0, NULL);
    free(t.s);
    t.s = NULL;
    t.n = t.cap = 0;
    add(&t, "%s## Investigation\n\n%s%s", HEAD, questions, TAIL);
    expect(rules, t.s, "whys/too-short", 1, "Why was latency high?");
    free(t.s);
    t.s = NULL;
    t.n = t.cap = 0;
    add(&t, "%s## Root Cause\n\nThe pool shrank.\n\n"
        "## Why did it happen?\n\n"
        "1. Why did checkout fail? The API timed out.\n"
        "2. Why? The pool was exhausted.\n%s", HEAD, TAIL);
    expect(rules, t.s, "whys/too-short", 1, "Why did checkout fail?");
    free(t.s);
}

static void
test_short_chain_under_a_whys_heading_is_reported_at_the_heading(void **state)
{
    const bl_rules *rules = *state;
    char *src = postmortem("The pool size was 20.\n\n### 5 Whys\n\n"
                           "1. Why did checkout fail? The API timed out.\n"
                           "2. Why? The pool was exhausted.\n");

    expect(rules, src, "whys/too-short", 1, "5 Whys");
    free(src);
}

/* "### Whys" alone makes a single why a chain. */
static void
test_one_why_is_a_chain_only_under_a_whys_heading(void **state)
{
    const bl_rules *rules = *state;
    char *plain = postmortem("Why did checkout fail? The pool size was 20 "
                             "instead of 200.\n");
    char *named = postmortem("### Five whys\n\nWhy did checkout fail? The "
                             "pool size was 20 instead of 200.\n");

    expect(rules, plain, "whys/too-short", 0, NULL);
    expect(rules, named, "whys/too-short", 1, "Five whys");
    free(plain);
    free(named);
}

/* Which headings name the whys, so that one why under them is a chain. */
static void
test_headings_that_name_the_whys(void **state)
{
    static const struct {
        const char *heading;
        int names;
    } cases[] = {
        {"5 Whys", 1}, {"Five whys", 1}, {"The 5 Why's", 1},
        {"5-Why analysis", 1}, {"Root cause identification: The Five Whys", 1},
        {"Whys", 1}, {"5 Why", 1},
        {"Why the backups failed", 0}, {"Why did it happen?", 0},
        {"Analysis", 0},
    };
    const bl_rules *rules = *state;
    size_t i;

    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        text t = {NULL, 0, 0};
        add(&t, "### %s\n\nWhy did checkout fail? The pool size was 20.\n",
            cases[i].heading);
        {
            char *src = postmortem(t.s);
            bl_diags d = lint(rules, src);
            if (tu_count_rule(&d, "whys/too-short") != (size_t)cases[i].names)
                fail_msg("heading \"%s\": %zu too-short findings",
                         cases[i].heading,
                         tu_count_rule(&d, "whys/too-short"));
            bl_diags_free(&d);
            free(src);
        }
        free(t.s);
    }
}

/* Under a whys heading, paragraphs that open with "because" are the
 * chain's steps; elsewhere they are prose. */
static void
test_because_paragraphs_count_under_a_whys_heading(void **state)
{
    const bl_rules *rules = *state;
    char *src = postmortem("### Whys\n\nCheckout failed.\n\n"
                           "Because the API timed out.\n\n"
                           "Because ...\n");
    bl_diags d = lint(rules, src);

    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    assert_non_null(strstr(nth(&d, "whys/too-short", 0)->message,
                           "after 2 whys"));
    expect_span(src, nth(&d, "whys/unanswered", 0), "Because ...");
    bl_diags_free(&d);
    free(src);
}

/* One heading per why: the headings make one chain in the section around
 * them, with the answers (or, after a bare label, the question) under
 * them. */
static void
test_one_heading_per_why(void **state)
{
    const bl_rules *rules = *state;
    char *src = postmortem(
        "### 5 Whys\n\n"
        "#### Why 1: Why did checkout fail?\n\n**Answer:**\n"
        "- The payment API timed out.\n\n"
        "#### Why 2: Why did it time out?\n\nThe pool was exhausted.\n\n"
        "#### Why 3\n\nWhy was the pool exhausted? TBD\n\n"
        "#### Why 4: Why was the pool small?\n\n"
        "### Why the alert was late\n\nThe threshold was two hours.\n");
    bl_diags d = lint(rules, src);

    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    expect_span(src, nth(&d, "whys/too-short", 0), "5 Whys");
    assert_non_null(strstr(nth(&d, "whys/too-short", 0)->message,
                           "after 4 whys"));
    assert_int_equal(tu_count_rule(&d, "whys/unanswered"), 2);
    expect_span(src, nth(&d, "whys/unanswered", 0), "Why 3");
    expect_span(src, nth(&d, "whys/unanswered", 1),
                "Why 4: Why was the pool small?");
    assert_int_equal(tu_count_rule(&d, "whys/missing"), 0);
    bl_diags_free(&d);
    free(src);
}

/* A Google Docs export flattens the levels: "### 5 Whys" and then each
 * "### Why N: ..." beside it, not under it, with its answer below. */
static char *
flat_headings(const char *whys_heading, int n)
{
    text t = {NULL, 0, 0};
    char *src;
    int i;

    if (whys_heading != NULL)
        add(&t, "### %s\n\n", whys_heading);
    for (i = 1; i <= n; i++)
        add(&t, "### Why %d: Why did step %d happen?\n\nCondition %d "
            "held.\n\n", i, i, i);
    src = postmortem(t.s);
    free(t.s);
    return src;
}

/* The "### 5 Whys" heading over the flattened headings names their chain:
 * a short chain is reported there, and one why is a chain, not a
 * missing one. */
static void
test_flattened_why_headings_join_the_whys_heading_before_them(void **state)
{
    const bl_rules *rules = *state;
    char *src = flat_headings("5 Whys", 4);
    bl_diags d = lint(rules, src);

    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    expect_span(src, nth(&d, "whys/too-short", 0), "5 Whys");
    assert_non_null(strstr(nth(&d, "whys/too-short", 0)->message,
                           "after 4 whys"));
    bl_diags_free(&d);
    free(src);
    src = flat_headings("5 Whys", 1);
    d = lint(rules, src);
    assert_int_equal(tu_count_rule(&d, "whys/missing"), 0);
    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    expect_span(src, nth(&d, "whys/too-short", 0), "5 Whys");
    assert_non_null(strstr(nth(&d, "whys/too-short", 0)->message,
                           "after 1 why "));
    bl_diags_free(&d);
    free(src);
    src = flat_headings("5 Whys", 5);
    d = lint(rules, src);
    assert_int_equal(count_whys(&d), 0);
    bl_diags_free(&d);
    free(src);
    /* Without a whys heading before them, the headings' chain is the
     * Root Cause's, reported at its first why, and one why alone is no
     * chain. */
    src = flat_headings(NULL, 4);
    expect(rules, src, "whys/too-short", 1, "Why 1: Why did step 1 happen?");
    free(src);
    src = flat_headings(NULL, 1);
    expect(rules, src, "whys/too-short", 0, NULL);
    expect(rules, src, "whys/missing", 1, "Root Cause");
    free(src);
    /* A heading between them that is no why ends the run: the whys
     * heading names nothing after it. */
    src = postmortem("### 5 Whys\n\n### Timeline notes\n\nThe alert was "
                     "late.\n\n### Why 1: Why did checkout fail?\n\nThe "
                     "pool was exhausted.\n\n### Why 2: Why was it?\n\n"
                     "The pool size was 20.\n");
    expect(rules, src, "whys/too-short", 1, "Why 1: Why did checkout fail?");
    free(src);
}

/* --- Trees --------------------------------------------------------------- */

/* The crates.io layout: a bold why inside each answer bullet, and a why
 * ("Why did the API time out?") with two answer bullets that each get
 * their own whys.  The first branch is three whys deep; the second, the
 * later bullet, is three or five deep and ends with `leaf`. */
static char *
tree(int deep, const char *leaf)
{
    text t = {NULL, 0, 0};

    add(&t, "%s## Root Cause\n\n"
        "- The checkout page failed.\n\n"
        "  **Why did the checkout page fail?**\n\n"
        "  - The payment API timed out.\n\n"
        "    **Why did the API time out?**\n\n"
        "    - The pool was exhausted.\n\n"
        "      **Why was the pool exhausted?**\n\n"
        "      - Retries had no backoff, and nothing reviews client "
        "defaults.\n\n"
        "    - The API had no timeout budget.\n\n"
        "      **Why was there no budget?**\n\n", HEAD);
    if (deep == 5)
        add(&t, "      - Budgets are not part of the service template.\n\n"
            "        **Why are they not part of it?**\n\n"
            "        - The template predates budgets.\n\n"
            "          **Why was it never updated?**\n\n"
            "          - %s\n", leaf);
    else
        add(&t, "      - %s\n", leaf);
    add(&t, "%s", TAIL);
    return t.s;
}

static void
test_a_tree_counts_its_deepest_branch(void **state)
{
    const bl_rules *rules = *state;
    char *deep = tree(5, "Nothing asks template owners to review it.");
    char *shallow = tree(3, "Budgets are not part of the service template.");
    bl_diags d;

    /* Seven whys in all; five on the deepest branch, which is the second
     * answer to "Why did the API time out?". */
    d = lint(rules, deep);
    assert_int_equal(count_whys(&d), 0);
    bl_diags_free(&d);

    d = lint(rules, shallow);
    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    expect_span(shallow, nth(&d, "whys/too-short", 0),
                "Why did the checkout page fail?");
    assert_non_null(strstr(nth(&d, "whys/too-short", 0)->message,
                           "deepest branch of this 5-whys chain stops after "
                           "3 whys"));
    bl_diags_free(&d);
    free(deep);
    free(shallow);
}

/* Every branch of a tree ends somewhere: each last answer is checked. */
static void
test_every_branch_of_a_tree_must_end_at_a_condition(void **state)
{
    const bl_rules *rules = *state;
    char *src = tree(3, "The on-call engineer forgot to set one.");

    expect(rules, src, "whys/ends-at-person", 1,
           "The on-call engineer forgot to set one.");
    free(src);
}

/* --- whys/unanswered ------------------------------------------------------ */

static void
test_unanswered_whys_are_reported_at_the_why(void **state)
{
    static const struct {
        const char *body, *span;
    } cases[] = {
        {"1. Why did checkout fail? The API timed out.\n"
         "2. Why did the API time out?\n3. Why was the pool small? It was "
         "copied from staging.\n", "Why did the API time out?"},
        {"1. Why did checkout fail? The API timed out.\n"
         "2. Why did the API time out? Because ...\n", "Why did the API time "
         "out?"},
        {"1. Why did checkout fail? The API timed out.\n"
         "2. Why did the API time out? TBD\n", "Why did the API time out?"},
        {"1. Why did checkout fail? The API timed out.\n"
         "2. Why did the API time out?\n   - ?\n", "Why did the API time out?"},
        {"1. Why did checkout fail? The API timed out.\n"
         "2. Why did the API time out?\n   \xE2\x80\xA6\n",
         "Why did the API time out?"},
        {"1. Why did checkout fail? The API timed out.\n"
         "2. Why did the API time out? -> Because TBD.\n",
         "Why did the API time out?"},
        {"1. Why did checkout fail? The API timed out.\n"
         "2. Why did the API time out? {{answer}}\n",
         "Why did the API time out?"},
        {"Why did checkout fail?\nBecause the API timed out.\n"
         "Why did the API time out?\nBecause ...\n",
         "Why did the API time out?"},
        {"- Checkout did not complete\n- ...because the API timed out\n"
         "- ...because ...\n", "...because ..."},
        /* A paragraph after the list is not the last item's answer. */
        {"1. Why did checkout fail? The API timed out.\n"
         "2. Why did the API time out?\n\nThe pool size was 20 instead of "
         "200.\n", "Why did the API time out?"},
        /* The last why of a template chain. */
        {"1. Why did checkout fail? The API timed out.\n2. Why ...?\n"
         "   Because ...\n", "Why ...?"},
        /* A toggle whose body is empty, the next one answered: reported
         * at its summary. */
        {"<details>\n<summary>Why did checkout fail?</summary>\n\n"
         "Because the API timed out.\n\n</details>\n\n<details>\n"
         "<summary>Why did the API time out?</summary>\n\n</details>\n\n"
         "<details>\n<summary>Why was the pool small?</summary>\n\n"
         "Because it was copied from staging.\n\n</details>\n",
         "<summary>Why did the API time out?</summary>"},
    };
    const bl_rules *rules = *state;
    size_t i;

    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *src = postmortem(cases[i].body);
        expect(rules, src, "whys/unanswered", 1, cases[i].span);
        free(src);
    }
}

static void
test_unanswered_message_quotes_the_placeholder(void **state)
{
    const bl_rules *rules = *state;
    char *src = postmortem("1. Why did checkout fail? The API timed out.\n"
                           "2. Why did the API time out? TBD\n");
    bl_diags d = lint(rules, src);

    assert_non_null(strstr(nth(&d, "whys/unanswered", 0)->message,
                           "only a placeholder (\"TBD\")"));
    /* The message quotes it: placeholder/unfilled does not report the
     * same "TBD" again. */
    assert_int_equal(tu_count_rule(&d, "placeholder/unfilled"), 0);
    bl_diags_free(&d);
    free(src);
    src = postmortem("1. Why did checkout fail? The API timed out.\n"
                     "2. Why did the API time out?\n");
    d = lint(rules, src);
    assert_non_null(strstr(nth(&d, "whys/unanswered", 0)->message,
                           "This why has no answer"));
    bl_diags_free(&d);
    free(src);
}

/* md4c reads a slot such as "<answer>" as inline HTML, which prose holds
 * as a space: the quote puts back what the author wrote (an audit found
 * "Because <answer>." quoted as "Because ."), a slot that runs over two
 * lines as one. */
static void
test_unanswered_message_quotes_an_angle_slot_as_written(void **state)
{
    static const struct {
        const char *answer, *quote;
    } cases[] = {
        {"Because <answer>.", "(\"Because <answer>.\")"},
        {"Because <a condition of the system>.",
         "(\"Because <a condition of the system>.\")"},
        {"Because <a condition\n   of the system>.",
         "(\"Because <a condition of the system>.\")"},
    };
    const bl_rules *rules = *state;
    size_t i;

    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        text t = {NULL, 0, 0};
        char *src;
        bl_diags d;
        add(&t, "1. Why did checkout fail?\n   Because the API timed out."
            "\n2. Why did the API time out?\n   %s\n", cases[i].answer);
        src = postmortem(t.s);
        d = lint(rules, src);
        assert_int_equal(tu_count_rule(&d, "whys/unanswered"), 1);
        if (strstr(nth(&d, "whys/unanswered", 0)->message, cases[i].quote)
            == NULL)
            fail_msg("answer \"%s\": want %s in: %s", cases[i].answer,
                     cases[i].quote, nth(&d, "whys/unanswered", 0)->message);
        bl_diags_free(&d);
        free(src);
        free(t.s);
    }
}

/* An honest "not known yet" is an answer. */
static void
test_a_written_answer_is_an_answer(void **state)
{
    const bl_rules *rules = *state;
    char *src = postmortem(
        "1. Why did checkout fail? The API timed out.\n"
        "2. Why did the API time out? We do not know yet; the replica logs "
        "were rotated before we looked (INC-231).\n");

    expect(rules, src, "whys/unanswered", 0, NULL);
    free(src);
}

static void
test_empty_because_cell_is_unanswered(void **state)
{
    const bl_rules *rules = *state;
    char *src = postmortem("| Why | Because |\n|-----|---------|\n"
                           "| Why did checkout fail? | The API timed out. |\n"
                           "| Why did the API time out? | |\n"
                           "| Why was the pool small? | TBD |\n"
                           "|  | n/a |\n");
    bl_diags d = lint(rules, src);

    assert_int_equal(tu_count_rule(&d, "whys/unanswered"), 3);
    expect_span(src, nth(&d, "whys/unanswered", 0),
                "Why did the API time out?");
    expect_span(src, nth(&d, "whys/unanswered", 1),
                "Why was the pool small?");
    /* A row with only a placeholder because: at the because. */
    expect_span(src, nth(&d, "whys/unanswered", 2), "n/a");
    bl_diags_free(&d);
    free(src);
}

/* A question in a table cell is answered in its own row only. */
static void
test_a_why_in_a_cell_takes_its_answer_from_its_row(void **state)
{
    const bl_rules *rules = *state;
    char *src = postmortem("| Question | Answer |\n|---|---|\n"
                           "| Why did checkout fail? | The API timed out. |\n"
                           "| Why did the API time out? |  |\n"
                           "| Pool size | 20 |\n");

    expect(rules, src, "whys/unanswered", 1, "Why did the API time out?");
    free(src);
}

/* --- whys/ends-at-person -------------------------------------------------- */

/* A four-step chain whose last answer is `last`, with Bob and Priya shown
 * to be people by the timeline. */
static char *
ending(const char *last)
{
    text t = {NULL, 0, 0};

    add(&t, "%s## Timeline\n\n- 14:02 Bob was paged.\n- 14:05 Owner: Priya\n\n"
        "## Root Cause\n\n"
        "1. Why did checkout fail? The API timed out.\n"
        "2. Why did the API time out? Its pool was exhausted.\n"
        "3. Why was the pool exhausted? The pool size was 20, not 200.\n"
        "4. Why was it 20? The staging value was copied to production.\n"
        "5. Why was it copied? %s\n%s", HEAD, last, TAIL);
    return t.s;
}

static void
test_last_answer_naming_a_person_is_reported(void **state)
{
    static const struct {
        const char *last, *quote;
    } cases[] = {
        {"Because Bob forgot to change it.", "Bob forgot to change it"},
        {"Bob didn't check the diff.", "Bob didn't check the diff"},
        {"Because the on-call engineer didn't check the diff.",
         "the on-call engineer didn't check the diff"},
        {"Human error.", "Human error"},
        {"It was a human mistake during the copy.",
         "It was a human mistake during the copy"},
        {"He was careless with the deploy script.",
         "He was careless with the deploy script"},
        {"She was not paying attention to the target.",
         "She was not paying attention to the target"},
        {"It was approved by the reviewer.",
         "It was approved by the reviewer"},
        {"Because of the intern.", "Because of the intern"},
        {"Priya's mistake.", "Priya's mistake"},
        {"@dana skipped the checklist.", "@dana skipped the checklist"},
        {"The template was wrong because the DBA copied it by hand.",
         "the DBA copied it by hand"},
        {"The engineer who ran the script used the wrong file.",
         "The engineer who ran the script used the wrong file"},
        {"The developer should have checked the value.",
         "The developer should have checked the value"},
        {"Because of carelessness.", "Because of carelessness"},
        {"The value was copied; Bob forgot to change it.",
         "Bob forgot to change it"},
        /* Near the knowledge conditions below, but blame. */
        {"Because Bob forgot to run the migration.",
         "Bob forgot to run the migration"},
        {"The engineer was careless.", "The engineer was careless"},
        /* A condition in a clause of its own does not clear the subject.
         * A long sentence is quoted up to a word about MAX_QUOTE bytes
         * in. */
        {"Because the on-call engineer pushed the wrong config while the "
         "lead was on vacation.",
         "the on-call engineer pushed the wrong config while the lead..."},
        {"Because the on-call engineer rushed the deploy, as nobody else "
         "was around.",
         "the on-call engineer rushed the deploy, as nobody else was..."},
        {"Because the on-call engineer rushed the deploy, which only "
         "staging knows about.",
         "the on-call engineer rushed the deploy, which only staging..."},
        {"Because the only engineer who knew it forgot to renew it.",
         "the only engineer who knew it forgot to renew it"},
        {"Because the engineer who left the company made a human error.",
         "the engineer who left the company made a human error"},
        /* Near the conditions of someone gone or of an act the runbook
         * called for, but blame. */
        {"Because the engineer forgot to check.",
         "the engineer forgot to check"},
        {"Because Bob didn't follow the runbook.",
         "Bob didn't follow the runbook"},
        {"Because Bob left the config in debug mode.",
         "Bob left the config in debug mode"},
        {"Because the engineer left before checking the replica.",
         "the engineer left before checking the replica"},
        {"Because the engineer who moved to another team forgot to hand "
         "it over.",
         "the engineer who moved to another team forgot to hand it..."},
        {"Because the on-call engineer restarted all nodes at once instead "
         "of one at a time as the runbook instructs.",
         "the on-call engineer restarted all nodes at once instead of..."},
        {"Because the on-call engineer did not drain the nodes as the "
         "runbook instructs.",
         "the on-call engineer did not drain the nodes as the runbook..."},
        {"Because Bob pushed the wrong config, then restarted the nodes as "
         "the runbook instructs.",
         "Bob pushed the wrong config, then restarted the nodes as the..."},
        /* What someone did by hand is a person's act, whoever the name
         * belongs to; a prefixed verb is a verb. */
        {"Because Tomás re-triggered it manually without confirming that "
         "the first run had stopped.",
         "Tomás re-triggered it manually without confirming that the..."},
        {"Because Ines manually edited the routing table.",
         "Ines manually edited the routing table"},
        {"Because Kenji was rushing to get out the door.",
         "Kenji was rushing to get out the door"},
        /* The person far into a long clause: the quote starts at them. */
        {"Because after a long migration weekend with many steps and two "
         "rollbacks it was a human error by the on-call.",
         "...steps and two rollbacks it was a human error by the on-call"},
    };
    const bl_rules *rules = *state;
    size_t i;

    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *src = ending(cases[i].last);
        bl_diags d = lint(rules, src);
        const bl_diag *f;
        char want[128];
        /* Not only who but what they did: the quote runs from the
         * person's clause to the end of its sentence. */
        if (tu_count_rule(&d, "whys/ends-at-person") != 1)
            fail_msg("not reported: %s", cases[i].last);
        f = nth(&d, "whys/ends-at-person", 0);
        /* On the last answer, up to the end of its sentence. */
        expect_span(src, f, cases[i].last);
        snprintf(want, sizeof want, "(\"%s\")", cases[i].quote);
        if (strstr(f->message, want) == NULL)
            fail_msg("message for \"%s\" does not quote %s: %s",
                     cases[i].last, want, f->message);
        bl_diags_free(&d);
        free(src);
    }
}

/* Conditions are never reported, even when a person or a capitalised word
 * appears in them. */
static void
test_conditions_are_not_people(void **state)
{
    static const char *const conditions[] = {
        "Because there was no checklist.",
        "Because the deploy tool accepted the config.",
        "Because Redis ran out of memory.",
        "Because Kestrel ran out of memory.",
        "Because Jenkins re-triggered the job after the timeout.",
        "Because the on-call engineer had no runbook for this alert.",
        "Because the on-call rotation had one person.",
        "The on-call engineer was paged by a different alert.",
        "Because the on-call engineer did not get the page.",
        "The engineer could not see the target cluster in the prompt.",
        "Because the DBA's script read statistics from the replica.",
        "Because we never tested restores.",
        "Because the payments team owns the job and nobody else deploys it.",
        "Because the reviewer checklist does not cover migrations.",
        "The admin console hides the target environment.",
        "Because the engineer followed the runbook, which was out of date.",
        "Because the operator pod restarted during the copy.",
        "The human-readable diff was 900 lines long.",
        "Because a user error rate alert does not exist.",
        "The value was reviewed by two people and the diff looked normal.",
        "Because nothing checks pool sizes against expected traffic.",
        "Because Dana's dashboard was the only one showing the value.",
        /* Knowledge held by one person, or someone nobody onboarded: a
         * condition the team can change. */
        "Because the only person who knew the template was on vacation.",
        "Because the on-call engineer was new to the rotation and had not "
        "been onboarded to this service.",
        "Because the engineer who wrote the template had left the company, "
        "and no one else knew about the fallback.",
        "Because only one engineer understood the template.",
        "Because she hadn't been onboarded.",
        "Because the alert is routed to a single person, who was on leave.",
        /* Someone gone, so that nobody knows or owns what they did. */
        "Because the engineer who wrote it moved to another team and nobody "
        "owns it now.",
        "Because the engineer who wrote it moved to another team in 2024 and "
        "nobody owns the runbook now.",
        "Because the engineer who wrote it left in 2023.",
        "Because the engineer who wrote it has left, so nobody maintains it.",
        "Because the engineer who set it up is no longer with the company.",
        /* An act the runbook called for: the runbook is the condition. */
        "Because the on-call engineer restarted all nodes at once, as the "
        "runbook instructs.",
        "Because the on-call engineer restarted the nodes in pairs as the "
        "runbook says.",
    };
    const bl_rules *rules = *state;
    size_t i;

    for (i = 0; i < sizeof conditions / sizeof *conditions; i++) {
        char *src = ending(conditions[i]);
        bl_diags d = lint(rules, src);
        if (tu_count_rule(&d, "whys/ends-at-person") != 0)
            fail_msg("reported a condition: %s (%s)", conditions[i],
                     nth(&d, "whys/ends-at-person", 0)->message);
        bl_diags_free(&d);
        free(src);
    }
}

/* A capitalised word is a person only when the document shows it. */
static void
test_a_name_must_be_known_as_a_person(void **state)
{
    const bl_rules *rules = *state;
    const char *chain_text =
        "1. Why did checkout fail? The API timed out.\n"
        "2. Why did it time out? Its pool was exhausted.\n"
        "3. Why was it exhausted? The pool size was 20.\n"
        "4. Why was it 20? The staging value was copied.\n"
        "5. Why was it copied? Because Dana didn't check the diff.\n";
    char *careless = NULL;
    char *unknown = postmortem(chain_text);
    text known = {NULL, 0, 0};

    expect(rules, unknown, "whys/ends-at-person", 0, NULL);
    add(&known, "%s| Action | Owner |\n|---|---|\n| Review | Dana |\n\n"
        "## Root Cause\n\n%s%s", HEAD, chain_text, TAIL);
    expect(rules, known.s, "whys/ends-at-person", 1,
           "Because Dana didn't check the diff.");
    /* What only people do needs no introduction: "forgot", "was not
     * careful". */
    careless = ending("Because Mateo was not careful enough.");
    expect(rules, careless, "whys/ends-at-person", 1, NULL);
    free(careless);
    careless = ending("Because Mateo forgot to update it.");
    expect(rules, careless, "whys/ends-at-person", 1, NULL);
    free(careless);
    free(unknown);
    free(known.s);
}

/* Only the last answer counts: a person in the middle of a chain that
 * goes on to a condition is where the chain should go on from. */
static void
test_a_person_before_the_last_answer_is_not_the_end(void **state)
{
    const bl_rules *rules = *state;
    char *src = postmortem(
        "1. Why did checkout fail? The pool size was 20.\n"
        "2. Why was it 20? The on-call engineer copied the staging file.\n"
        "3. Why was that possible? The deploy tool applies whole files.\n"
        "4. Why does it? Staging and production share one template.\n"
        "5. Why do they? Nothing validates pool sizes per environment.\n");
    bl_diags d = lint(rules, src);

    assert_int_equal(count_whys(&d), 0);
    bl_diags_free(&d);
    free(src);
}

/* --- whys/missing --------------------------------------------------------- */

static void
test_root_cause_without_a_chain_is_reported_once_at_its_heading(void **state)
{
    const bl_rules *rules = *state;
    text t = {NULL, 0, 0};
    bl_diags d;

    /* Factors named in passing are not a list of them. */
    add(&t, "%s## Root Cause\n\nA config push set the pool size to 20. "
        "Several factors made it worse.\n\n"
        "### Trigger\n\nThe nightly deploy.\n%s", HEAD, TAIL);
    d = lint(rules, t.s);
    assert_int_equal(tu_count_rule(&d, "whys/missing"), 1);
    assert_int_equal(count_whys(&d), 1);
    expect_span(t.s, nth(&d, "whys/missing", 0), "Root Cause");
    assert_int_equal(nth(&d, "whys/missing", 0)->severity, BL_SEV_INFO);
    bl_diags_free(&d);
    free(t.s);
}

/* SRE-book layout: "Trigger" and "Root Causes" side by side; the finding
 * goes on the Root Causes, not on the part. */
static void
test_missing_prefers_the_root_cause_over_its_parts(void **state)
{
    const bl_rules *rules = *state;
    text t = {NULL, 0, 0};

    add(&t, "%s## Trigger\n\nThe nightly deploy.\n\n## Root Causes\n\n"
        "A config push set the pool size to 20.\n%s", HEAD, TAIL);
    expect(rules, t.s, "whys/missing", 1, "Root Causes");
    free(t.s);
}

static void
test_contributing_factors_stand_in_for_a_chain(void **state)
{
    static const char *const bodies[] = {
        /* A Contributing Factors subsection with content. */
        "A config push set the pool size to 20.\n\n### Contributing factors"
        "\n\n- The template shares one value.\n",
        /* A paragraph that lists them. */
        "A config push set the pool size to 20.\n\n**Contributing factors:**"
        "\n\n- The template shares one value.\n",
        /* A paragraph that introduces a list of factors (PostHog). */
        "The outage resulted from three compounding factors:\n\n"
        "1. **Timing**: a timeout change landed during database stress.\n"
        "2. **Retries**: no backoff.\n",
        /* The noun anywhere before the colon. */
        "Several factors contributed to the outage:\n\n"
        "- The template shares one value.\n- No alert on the pool.\n",
        /* Or reasons (PostHog, shai-hulud). */
        "This was a dangerous misconception, for a few reasons:\n\n"
        "- The workflow ran with write access.\n"
        "- Nothing pinned the action's version.\n",
        /* Numbered and emoji headings. */
        "A config push set the pool size to 20.\n\n### 3.1 \xF0\x9F\xA7\xA9 "
        "Contributing Causes\n\nThe template shares one value.\n",
    };
    const bl_rules *rules = *state;
    text t = {NULL, 0, 0};
    size_t i;

    for (i = 0; i < sizeof bodies / sizeof *bodies; i++) {
        char *src = postmortem(bodies[i]);
        expect(rules, src, "whys/missing", 0, NULL);
        free(src);
    }
    /* PagerDuty and DFDS: Contributing Factors instead of a Root Cause. */
    add(&t, "%s## Contributing Factors\n\n- The template shares one value.\n"
        "%s", HEAD, TAIL);
    expect(rules, t.s, "whys/missing", 0, NULL);
    free(t.s);
}

/* A colon ending a paragraph that mentions reasons in passing introduces
 * no list of them. */
static void
test_reasons_in_passing_are_no_factors(void **state)
{
    const bl_rules *rules = *state;
    char *src = postmortem("A config push set the pool size to 20. For "
                           "security reasons, the details are below:\n\n"
                           "- see the internal ticket\n");

    expect(rules, src, "whys/missing", 1, "Root Cause");
    free(src);
    /* ...nor one that names causes in an earlier sentence. */
    src = postmortem("The causes are still being investigated. The on-call "
                     "engineer ran:\n\n- a query on the pool\n");
    expect(rules, src, "whys/missing", 1, "Root Cause");
    free(src);
}

/* An empty Contributing Factors heading is a template, not an analysis. */
static void
test_empty_contributing_factors_do_not_count(void **state)
{
    const bl_rules *rules = *state;
    char *src = postmortem("A config push set the pool size to 20.\n\n"
                           "### Contributing factors\n\n- TBD\n");

    expect(rules, src, "whys/missing", 1, "Root Cause");
    free(src);
}

static void
test_missing_is_quiet_when_a_chain_or_nothing_is_there(void **state)
{
    const bl_rules *rules = *state;
    char *chain5 = chain(INLINE, 5);
    char *empty = postmortem("TBD\n");
    text split = {NULL, 0, 0};
    bl_diags d;

    expect(rules, chain5, "whys/missing", 0, NULL);
    /* An empty Root Cause is section/empty's to report. */
    d = lint(rules, empty);
    assert_int_equal(tu_count_rule(&d, "whys/missing"), 0);
    assert_int_equal(tu_count_rule(&d, "section/empty"), 1);
    bl_diags_free(&d);
    /* The chain in a "5 Whys" section of its own, next to the prose. */
    add(&split, "%s## Root Cause\n\nA config push set the pool size to 20."
        "\n\n## 5 Whys\n\n1. Why did checkout fail? The pool was small.\n"
        "2. Why? Staging values were copied.\n3. Why? One template.\n"
        "4. Why? It was never split.\n5. Why? Nothing checks pool sizes.\n"
        "%s", HEAD, TAIL);
    d = lint(rules, split.s);
    assert_int_equal(count_whys(&d), 0);
    bl_diags_free(&d);
    free(chain5);
    free(empty);
    free(split.s);
}

/* --- What is not a chain -------------------------------------------------- */

static void
test_questions_and_becauses_in_prose_are_not_chains(void **state)
{
    static const char *const bodies[] = {
        /* A rhetorical question answered by a list of reasons. */
        "Why did this change get merged? Honestly, this is unintuitive.\n\n"
        "1. The author thought the trigger was safe.\n"
        "2. The reviewer thought the same.\n",
        /* Open questions: whys with no answers at all. */
        "Open questions:\n\n- Why did the replica lag?\n"
        "- Why did the alert not fire?\n",
        /* Paragraphs that open with a because clause. */
        "Because we deploy weekly, the fix waited four days.\n\n"
        "Because the pool is shared, every tenant saw errors.\n",
        /* A column titled with a why is not a why. */
        "| Why did it happen? | Evidence |\n|---|---|\n"
        "| Why was the pool small? The value was copied. | PR 12 |\n",
        /* "why" inside sentences and headings. */
        "We still do not know why the replica lagged. The reason why the "
        "alert stayed silent is the 95% threshold.\n",
    };
    const bl_rules *rules = *state;
    size_t i;

    for (i = 0; i < sizeof bodies / sizeof *bodies; i++) {
        char *src = postmortem(bodies[i]);
        bl_diags d = lint(rules, src);
        if (tu_count_rule(&d, "whys/too-short")
            + tu_count_rule(&d, "whys/unanswered")
            + tu_count_rule(&d, "whys/ends-at-person") != 0)
            fail_msg("read as a chain:\n%s", bodies[i]);
        /* ...and so the Root Cause has no chain. */
        assert_int_equal(tu_count_rule(&d, "whys/missing"), 1);
        bl_diags_free(&d);
        free(src);
    }
}

/* Whys quoted from someone, or outside the Root Cause, are not read. */
static void
test_whys_outside_the_analysis_are_not_read(void **state)
{
    const bl_rules *rules = *state;
    text quoted = {NULL, 0, 0}, elsewhere = {NULL, 0, 0};
    bl_diags d;

    add(&quoted, "%s## Root Cause\n\nThe pool size was 20 instead of 200.\n\n"
        "> 1. Why? Bob forgot.\n> 2. Why? TBD\n%s", HEAD, TAIL);
    d = lint(rules, quoted.s);
    assert_int_equal(count_whys(&d), 1);
    assert_int_equal(tu_count_rule(&d, "whys/missing"), 1);
    bl_diags_free(&d);
    add(&elsewhere, "%s## Root Cause\n\n1. Why did checkout fail? The pool "
        "was small.\n2. Why? Staging values were copied.\n3. Why? One "
        "template.\n4. Why? It was never split.\n5. Why? Nothing checks pool "
        "sizes.\n\n## Lessons Learned\n\n1. Why did it take so long? TBD\n"
        "2. Why? Bob forgot.\n%s", HEAD, TAIL);
    d = lint(rules, elsewhere.s);
    assert_int_equal(count_whys(&d), 0);
    bl_diags_free(&d);
    free(quoted.s);
    free(elsewhere.s);
}

/* How many section/missing findings say the Root Cause is missing. */
static size_t
count_missing_root_cause(const bl_diags *d)
{
    size_t i, n = 0;

    for (i = 0; i < d->n; i++)
        n += strcmp(d->items[i].rule->id, "section/missing") == 0
             && strstr(d->items[i].message, "Root Cause") != NULL;
    return n;
}

/* "**Why 1:** ..." labels name the Root Cause for section/missing
 * wherever they are; without a Root Cause heading or label, the section
 * they are in ("## Deep dive") is read as the Root Cause, and its chain
 * is checked. */
static void
test_why_labels_under_another_heading_are_the_root_cause(void **state)
{
    const bl_rules *rules = *state;
    text t = {NULL, 0, 0};
    bl_diags d;

    add(&t, "%s## Deep dive\n\n"
        "**Why 1:** Why did checkout fail? The payment API timed out.\n\n"
        "**Why 2:** Why did it time out? Its pool was exhausted.\n%s",
        HEAD, TAIL);
    d = lint(rules, t.s);
    assert_int_equal(count_missing_root_cause(&d), 0);
    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    expect_span(t.s, nth(&d, "whys/too-short", 0),
                "Why 1:** Why did checkout fail?");
    bl_diags_free(&d);
    free(t.s);
    memset(&t, 0, sizeof t);
    add(&t, "%s## Deep dive\n\n"
        "**Why 1:** Why did checkout fail? The payment API timed out.\n\n"
        "**Why 2:** Why did it time out? Its pool was exhausted.\n\n"
        "**Why 3:** Why was it exhausted? The pool size was 20.\n\n"
        "**Why 4:** Why was it 20? The staging value was copied.\n\n"
        "**Why 5:** Why was it copied? Because Bob forgot to check it.\n%s",
        HEAD, TAIL);
    d = lint(rules, t.s);
    assert_int_equal(count_missing_root_cause(&d), 0);
    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 0);
    assert_int_equal(tu_count_rule(&d, "whys/ends-at-person"), 1);
    bl_diags_free(&d);
    free(t.s);
    /* Without the labels nothing names the Root Cause: it is missing,
     * and the questions are not read. */
    memset(&t, 0, sizeof t);
    add(&t, "%s## Deep dive\n\n"
        "Why did checkout fail? The payment API timed out.\n\n"
        "Why did it time out? Its pool was exhausted.\n%s", HEAD, TAIL);
    d = lint(rules, t.s);
    assert_int_equal(count_missing_root_cause(&d), 1);
    assert_int_equal(count_whys(&d), 0);
    bl_diags_free(&d);
    free(t.s);
    /* With a Root Cause heading the labels elsewhere are not its chain. */
    memset(&t, 0, sizeof t);
    add(&t, "%s## Root Cause\n\nA config push set the pool size to 20.\n\n"
        "## Deep dive\n\n"
        "**Why 1:** Why did checkout fail? The payment API timed out.\n\n"
        "**Why 2:** Why did it time out? Its pool was exhausted.\n%s",
        HEAD, TAIL);
    d = lint(rules, t.s);
    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 0);
    assert_int_equal(tu_count_rule(&d, "whys/missing"), 1);
    bl_diags_free(&d);
    free(t.s);
}

/* A README with a Root Cause heading is not a postmortem. */
static void
test_documents_that_are_not_postmortems_are_left_alone(void **state)
{
    const bl_rules *rules = *state;
    const char *src = "# Notes on the pool\n\n## Root cause\n\n"
                      "1. Why? Bob forgot.\n2. Why? TBD\n";
    bl_diags d = lint(rules, src);

    assert_int_equal(count_whys(&d), 0);
    bl_diags_free(&d);
}

/* --- Layouts -------------------------------------------------------------- */

static const char *const short_chain =
    "1. Why did checkout fail? The API timed out.\n"
    "2. Why did it time out? Bob forgot to raise the pool size.\n";

static void
test_numbered_and_emoji_headings(void **state)
{
    const bl_rules *rules = *state;
    text t = {NULL, 0, 0};
    bl_diags d;

    add(&t, "%s## Timeline\n\n- Bob was paged.\n\n## 4. \xF0\x9F\x94\x8D Root "
        "cause analysis\n\nThe pool was small.\n\n### 4.1 \xF0\x9F\xA4\x94 "
        "The 5 Why's\n\n%s%s", HEAD, short_chain, TAIL);
    d = lint(rules, t.s);
    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    expect_span(t.s, nth(&d, "whys/too-short", 0),
                "4.1 \xF0\x9F\xA4\x94 The 5 Why's");
    expect_span(t.s, nth(&d, "whys/ends-at-person", 0),
                "Bob forgot to raise the pool size.");
    assert_int_equal(tu_count_rule(&d, "whys/missing"), 0);
    bl_diags_free(&d);
    free(t.s);
}

static void
test_setext_headings(void **state)
{
    const bl_rules *rules = *state;
    const char *src = "Incident: checkout outage\n=========================\n\n"
                      "Summary\n-------\n\nCheckout failed.\n\n"
                      "Five whys\n---------\n\n"
                      "1. Why did checkout fail? The API timed out.\n"
                      "2. Why did it time out? TBD\n";
    bl_diags d = lint(rules, src);

    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    expect_span(src, nth(&d, "whys/too-short", 0), "Five whys");
    expect_span(src, nth(&d, "whys/unanswered", 0), "Why did it time out?");
    bl_diags_free(&d);
}

/* Positions stay exact when every line ends in CRLF, and an answer on the
 * next line is still found. */
static void
test_crlf_line_endings(void **state)
{
    const bl_rules *rules = *state;
    const char *src =
        "# Incident: checkout outage\r\n\r\n## Summary\r\n\r\nCheckout "
        "failed.\r\n\r\n## Timeline\r\n\r\n- Bob was paged.\r\n\r\n"
        "## Root Cause\r\n\r\n"
        "1. Why did checkout fail?\r\n   Because the API timed out.\r\n"
        "2. Why did it time out?\r\n   Because Bob forgot to raise the pool "
        "size.\r\n3. Why was the pool small?\r\n";
    bl_diags d = lint(rules, src);

    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    expect_span(src, nth(&d, "whys/too-short", 0), "Why did checkout fail?");
    expect_span(src, nth(&d, "whys/unanswered", 0),
                "Why was the pool small?");
    /* The last answered why is a leaf only if no why follows it. */
    assert_int_equal(tu_count_rule(&d, "whys/ends-at-person"), 0);
    bl_diags_free(&d);
}

static void
test_front_matter_and_details_blocks(void **state)
{
    const bl_rules *rules = *state;
    const char *src =
        "---\ntitle: Checkout outage\ntype: postmortem\n"
        "notes: \"1. Why? Bob forgot.\"\n---\n\n"
        "## Timeline\n\n- Bob was paged.\n\n## Root Cause\n\n"
        "<details>\n<summary>5 whys</summary>\n\n"
        "1. Why did checkout fail? The API timed out.\n"
        "2. Why did it time out? Bob forgot to raise the pool size.\n\n"
        "</details>\n";
    bl_diags d = lint(rules, src);

    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    expect_span(src, nth(&d, "whys/too-short", 0), "Why did checkout fail?");
    assert_int_equal(tu_count_rule(&d, "whys/ends-at-person"), 1);
    expect_span(src, nth(&d, "whys/ends-at-person", 0),
                "Bob forgot to raise the pool size.");
    bl_diags_free(&d);
}

/* Task lists: a chain written as a checklist while investigating. */
static void
test_task_list_whys(void **state)
{
    const bl_rules *rules = *state;
    char *src = postmortem("- [x] Why did checkout fail? The API timed out.\n"
                           "- [ ] Why did it time out?\n");
    bl_diags d = lint(rules, src);

    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    assert_int_equal(tu_count_rule(&d, "whys/unanswered"), 1);
    expect_span(src, nth(&d, "whys/unanswered", 0), "Why did it time out?");
    bl_diags_free(&d);
    free(src);
}

/* Nested lists: answers as nested bullets several levels down. */
static void
test_nested_list_answers(void **state)
{
    const bl_rules *rules = *state;
    char *src = postmortem(
        "- Checkout did not complete\n"
        "  - because the API timed out\n"
        "    - because the pool was exhausted\n"
        "      - because retries had no backoff\n"
        "        - because the client library has no retry policy\n"
        "          - because nothing reviews client defaults\n");
    bl_diags d = lint(rules, src);

    assert_int_equal(count_whys(&d), 0);
    bl_diags_free(&d);
    free(src);
}

/* --- The setting ---------------------------------------------------------- */

static void
test_whys_min_setting(void **state)
{
    bl_rules *rules = NULL;
    char err[256];
    char *three = chain(INLINE, 3);

    (void)state;
    assert_int_equal(bl_rules_load_default(&rules, err, sizeof err), 0);
    expect(rules, three, "whys/too-short", 1, NULL);
    assert_int_equal(bl_rules_set(rules, "whys.min", "3", err, sizeof err),
                     0);
    expect(rules, three, "whys/too-short", 0, NULL);
    assert_int_equal(bl_rules_set(rules, "whys.min", "4", err, sizeof err),
                     0);
    expect(rules, three, "whys/too-short", 1, NULL);
    assert_int_equal(bl_rules_set(rules, "whys.min", "0", err, sizeof err),
                     -1);
    assert_int_equal(bl_rules_set(rules, "whys.min", "21", err, sizeof err),
                     -1);
    assert_int_equal(bl_rules_set(rules, "whys.min", "1", err, sizeof err),
                     0);
    expect(rules, three, "whys/too-short", 0, NULL);
    bl_rules_free(rules);
    free(three);
}

/* A rule set can turn each rule off on its own. */
static void
test_rules_turn_off_one_by_one(void **state)
{
    bl_rules *rules = NULL;
    char err[256];
    char *src = ending("Human error.");
    bl_diags d;

    (void)state;
    assert_int_equal(bl_rules_load_default(&rules, err, sizeof err), 0);
    d = lint(rules, src);
    assert_int_equal(tu_count_rule(&d, "whys/ends-at-person"), 1);
    bl_diags_free(&d);
    assert_int_equal(bl_rules_set_severity(rules, "whys/ends-at-person",
                                           BL_SEV_OFF), 1);
    d = lint(rules, src);
    assert_int_equal(count_whys(&d), 0);
    bl_diags_free(&d);
    assert_int_equal(bl_rules_set_severity(rules, "whys/*", BL_SEV_OFF), 4);
    bl_rules_free(rules);
    free(src);
}

/* --- The vocabulary ------------------------------------------------------- */

static void
test_person_definitions_compile(void **state)
{
    static const char *const names[] = {
        "WHYS_PERSON_SUBJECT", "WHYS_PERSON_ANYWHERE", "WHYS_PERSON_ACT"
    };
    bl_rules *rules = *state;
    bl_regex *re, *again;
    size_t i;
    int oom;

    for (i = 0; i < sizeof names / sizeof *names; i++) {
        re = bl_rules_define_regex(rules, names[i], 1, &oom);
        assert_non_null(re);
        assert_int_equal(oom, 0);
        assert_non_null(bl_regex_get(re));
        /* Kept by the rule set: the next lint run gets the same one. */
        again = bl_rules_define_regex(rules, names[i], 1, &oom);
        assert_ptr_equal(again, re);
    }
    assert_null(bl_rules_define_regex(rules, "NO_SUCH", 0, &oom));
    assert_int_equal(oom, 0);
}

/* --- Bad input ------------------------------------------------------------ */

static double
seconds(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* --- Root causes written as labels -------------------------------------- */

/* A Root Cause written as a bold label, a "- **Label**:" item or a
 * <details> summary is read as one under a heading. */
#define SHORT_CHAIN "1. Why did checkout fail? The pool was exhausted.\n" \
                    "2. Why? The pool size was 20.\n"
#define TBD_CHAIN "1. Why did checkout fail? The pool was exhausted.\n" \
                  "2. Why? The pool size was 20.\n" \
                  "3. Why? The template shares one value.\n" \
                  "4. Why? Nobody reviewed the template.\n" \
                  "5. Why? TBD\n"
#define PERSON_CHAIN "1. Why did checkout fail? The pool was exhausted.\n" \
                     "2. Why? The pool size was 20.\n" \
                     "3. Why? The template shares one value.\n" \
                     "4. Why? Nobody reviewed the template.\n" \
                     "5. Why? Because Bob forgot to check it.\n"
#define GOOD_CHAIN "1. Why did checkout fail? The pool was exhausted.\n" \
                   "2. Why? The pool size was 20.\n" \
                   "3. Why? The template shares one value.\n" \
                   "4. Why? Nobody reviewed the template.\n" \
                   "5. Why? The template has no per-service override.\n"

/* The document with its Root Cause under a label of the given style. */
static char *
labelled(int style, const char *body)
{
    text t = {NULL, 0, 0};
    const char *p;

    add(&t, "%s", HEAD);
    if (style == 0) {
        add(&t, "**Root cause**\n\n%s", body);
    } else if (style == 1) {
        add(&t, "- **Root cause**:\n\n");
        for (p = body; *p != '\0'; p = strchr(p, '\n') + 1)
            add(&t, "  %.*s\n", (int)(strchr(p, '\n') - p), p);
    } else {
        add(&t, "<details><summary>Root cause</summary>\n\n%s\n"
                "</details>\n", body);
    }
    add(&t, "%s", TAIL);
    return t.s;
}

static void
test_labelled_root_causes(void **state)
{
    static const struct {
        const char *id, *found, *clean;
    } cases[] = {
        {"whys/too-short", SHORT_CHAIN, GOOD_CHAIN},
        {"whys/unanswered", TBD_CHAIN, GOOD_CHAIN},
        {"whys/ends-at-person", PERSON_CHAIN, GOOD_CHAIN},
        /* As under a heading: prose and no chain. */
        {"whys/missing", "A config push set the pool size to 20.\n",
         GOOD_CHAIN},
    };
    const bl_rules *rules = *state;
    size_t c;
    int style;

    for (c = 0; c < sizeof cases / sizeof *cases; c++)
        for (style = 0; style < 3; style++) {
            char *found = labelled(style, cases[c].found);
            char *clean = labelled(style, cases[c].clean);
            expect(rules, found, cases[c].id, 1, NULL);
            expect(rules, clean, cases[c].id, 0, NULL);
            free(found);
            free(clean);
        }
}

/* whys/missing is said at the label, and only once with a heading too;
 * a label alone with nothing under it is section/empty's business. */
static void
test_labelled_root_cause_without_a_chain(void **state)
{
    const bl_rules *rules = *state;
    char *src = labelled(0, "A config push set the pool size to 20.\n");

    expect(rules, src, "whys/missing", 1, "Root cause");
    free(src);
    src = labelled(0, "");
    expect(rules, src, "whys/missing", 0, NULL);
    free(src);
    expect(rules, HEAD "## Root Cause\n\nA config push.\n\n**Root cause**\n\n"
           "The pool size was 20.\n" TAIL, "whys/missing", 1,
           "Root Cause");
    /* A chain under the label answers for the prose under the heading. */
    expect(rules, HEAD "## Root Cause\n\nA config push.\n\n"
           "## Notes\n\n**Root cause**\n\n" GOOD_CHAIN TAIL, "whys/missing",
           0, NULL);
}

/* Every span lies in the source, and nothing takes long. */
static void
lint_quickly(const bl_rules *rules, const char *src, size_t n)
{
    bl_doc *doc = tu_parse_n(src, n);
    bl_diags d;
    double t0 = seconds();
    size_t i;

    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(rules, doc, &d), 0);
    for (i = 0; i < d.n; i++)
        assert_true(d.items[i].begin <= d.items[i].end
                    && d.items[i].end <= n);
    /* Generous for the sanitizers; linear work takes a fraction of it. */
    assert_true(seconds() - t0 < 20.0);
    bl_diags_free(&d);
    bl_doc_free(doc);
}

/* "**Why?** Why did jobs queue?" with the answer on the next line: the
 * bare "Why?" tags the question, it is not a second, unanswered why (a
 * QA pass on wiki exports counted each step twice). */
static void
test_a_why_tag_before_the_question(void **state)
{
    const bl_rules *rules = *state;
    static const char two[] =
        "# Incident: CI down\n\n## Root cause\n\n"
        "**Why?** Why did jobs queue?\nNo runners launched.\n\n"
        "**Why?** Why did no runners launch?\nThe quota was reached.\n";
    static const char five[] =
        "# Incident: CI down\n\n## Root cause\n\n"
        "**Why?** Why did jobs queue?\nNo runners launched.\n\n"
        "**Why?** Why did no runners launch?\nThe quota was reached.\n\n"
        "**Why?** Why was it reached?\nRunners use more vCPUs.\n\n"
        "**Why?** Why was that missed?\nNo capacity review.\n\n"
        "**Why?** Why no review?\nQuotas are not on the checklist.\n";
    bl_diags d = lint(rules, two);

    assert_int_equal(tu_count_rule(&d, "whys/unanswered"), 0);
    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    assert_non_null(strstr(nth(&d, "whys/too-short", 0)->message,
                           "after 2 whys"));
    bl_diags_free(&d);
    expect(rules, five, "whys/unanswered", 0, NULL);
    expect(rules, five, "whys/too-short", 0, NULL);
}

/* "Why:" alone over a numbered chain introduces it, as "5 whys:" does: it
 * is no unanswered step, and does not make four whys five (found by an
 * end-to-end QA pass). */
static void
test_a_why_line_over_the_chain(void **state)
{
    const bl_rules *rules = *state;
    static const char four[] =
        "# Incident: login down\n\n## Root cause\n\nThe index build "
        "locked the table.\n\nWhy:\n\n1. Why was login down? The users "
        "table was locked.\n2. Why was it locked? An index build ran.\n"
        "3. Why did it run then? The job has no schedule.\n4. Why no "
        "schedule? Nobody owns the job.\n";

    expect(rules, four, "whys/unanswered", 0, NULL);
    expect(rules, four, "whys/too-short", 1, NULL);
    /* A "Why?" answered on the next line is still a step. */
    expect(rules, "# Incident: login down\n\n## Root cause\n\nWhy? "
           "Login failed.\nBecause the table was locked.\n\nWhy?\n\n"
           "TBD\n", "whys/unanswered", 1, NULL);
}

/* "Why? The pool was exhausted." over "Because the limit was too low." is
 * one step: a why that asks nothing in words of its own, the statement
 * it asks about, and the because that answers it.  An audit found such
 * chains counted at twice their length (a three-why chain said "stops
 * after 6 whys" and passed the default minimum); a bare "Why?" over its
 * because always counted once. */
static void
test_a_why_over_its_statement_and_because_is_one_step(void **state)
{
    static const struct {
        shape sh;
        const char *first;  /* the first why, with its statement */
    } cases[] = {
        {WHY_STATEMENT, "Why? Step 1 happened."},
        {WHY_COLON_STATEMENT, "Why: Step 1 happened."},
        {WHY_STATEMENT_BULLETS, "Why? Step 1 happened."},
        {WHY_STATEMENT_LINES, "Why? Step 1 happened."},
        {BOLD_WHY_STATEMENT, "Why?** Step 1 happened."},
    };
    static const char audit[] =
        "# Postmortem: login outage\n\n## Summary\nLogin failed.\n\n"
        "## Root Cause\n\n"
        "1. Why? The login service failed.\n"
        "   Because the database refused connections.\n"
        "2. Why? The database refused connections.\n"
        "   Because the pool was exhausted.\n"
        "3. Why? The pool was exhausted.\n"
        "   Because the limit was too low.\n";
    const bl_rules *rules = *state;
    size_t i;
    char *src;
    bl_diags d;

    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        src = chain(cases[i].sh, 3);
        d = lint(rules, src);
        if (tu_count_rule(&d, "whys/too-short") != 1
            || strstr(nth(&d, "whys/too-short", 0)->message,
                      "after 3 whys") == NULL)
            fail_msg("shape \"%s\": %zu too-short, want one \"after 3 "
                     "whys\"\n%s", shape_names[cases[i].sh],
                     tu_count_rule(&d, "whys/too-short"), src);
        /* The question runs to the end of its statement. */
        expect_span(src, nth(&d, "whys/too-short", 0), cases[i].first);
        bl_diags_free(&d);
        free(src);
    }
    d = lint(rules, audit);
    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    assert_non_null(strstr(nth(&d, "whys/too-short", 0)->message,
                           "after 3 whys"));
    bl_diags_free(&d);
    /* A numbered label asks nothing of its own either. */
    src = postmortem("**Why 1:** Checkout failed.\n"
                     "Because the API timed out.\n\n"
                     "**Why 2:** The API timed out.\n"
                     "Because the pool was exhausted.\n");
    d = lint(rules, src);
    assert_non_null(strstr(nth(&d, "whys/too-short", 0)->message,
                           "after 2 whys"));
    bl_diags_free(&d);
    free(src);
    /* The because is the answer: a placeholder there leaves the why
     * unanswered, reported at the why and its statement. */
    src = postmortem("1. Why? Checkout failed.\n"
                     "   Because the API timed out.\n"
                     "2. Why? The API timed out.\n"
                     "   Because ...\n");
    expect(rules, src, "whys/unanswered", 1, "Why? The API timed out.");
    free(src);
}

static void
test_hostile_input(void **state)
{
    const bl_rules *rules = *state;
    text t = {NULL, 0, 0};
    int i;

    /* Thousands of whys, a few unanswered. */
    add(&t, "%s## Root Cause\n\n", HEAD);
    for (i = 0; i < 3000; i++)
        add(&t, "%d. Why did step %d happen? %s\n", i + 1, i,
            i % 7 == 0 ? "TBD" : "Because of condition 1.");
    lint_quickly(rules, t.s, t.n);
    t.n = 0;
    /* Lists nested far deeper than MAX_HOPS. */
    add(&t, "%s## Root Cause\n\n", HEAD);
    for (i = 0; i < 400; i++)
        add(&t, "%*s- because condition %d\n", i * 2, "", i);
    lint_quickly(rules, t.s, t.n);
    t.n = 0;
    /* One huge line of whys without a question mark, and of dots. */
    add(&t, "%s## Root Cause\n\n", HEAD);
    for (i = 0; i < 20000; i++)
        add(&t, "why why. ");
    add(&t, "\n\nWhy");
    lint_quickly(rules, t.s, t.n);
    t.n = 0;
    /* Many line breaks in one paragraph, each line a why. */
    add(&t, "%s## Root Cause\n\n", HEAD);
    for (i = 0; i < 20000; i++)
        add(&t, "Why\nbecause\n");
    lint_quickly(rules, t.s, t.n);
    t.n = 0;
    /* Invalid UTF-8, NUL bytes and a lone arrow byte in a chain. */
    add(&t, "%s## Root Cause\n\n1. Why\xE2\x86? \xFF\xFE Because \xC3\n"
        "2. Why? \xE2\x86\x92\n3. Why?\n   - ", HEAD);
    t.s[t.n++] = '\0';
    add(&t, "\n4. ...because\xE2\x80\n| Why | Because |\n|--|--|\n| \xF0 | |"
        "\n\xE2\x80\xA6");
    lint_quickly(rules, t.s, t.n);
    /* Every prefix of it: a document cut anywhere. */
    {
        size_t k, whole = t.n;
        for (k = whole - 60; k < whole; k++)
            lint_quickly(rules, t.s, k);
    }
    free(t.s);
}

/* With whys/unanswered off, the placeholder answer is still reported, as
 * a placeholder; a placeholder elsewhere in the document stays reported. */
static void
test_unanswered_off_leaves_the_placeholder_reported(void **state)
{
    bl_rules *rules = NULL;
    char err[512];
    char *src = postmortem("1. Why did checkout fail? The API timed out.\n"
                           "2. Why did the API time out? TBD\n\n"
                           "Impact: TBD\n");
    bl_diags d;

    (void)state;
    assert_int_equal(bl_rules_load_default(&rules, err, sizeof err), 0);
    d = lint(rules, src);
    assert_int_equal(tu_count_rule(&d, "whys/unanswered"), 1);
    assert_int_equal(tu_count_rule(&d, "placeholder/unfilled"), 1);
    assert_int_equal(nth(&d, "placeholder/unfilled", 0)->begin,
                     offset_of(src, "Impact: TBD") + 8);
    bl_diags_free(&d);
    assert_true(bl_rules_set_severity(rules, "whys/unanswered", BL_SEV_OFF)
                > 0);
    d = lint(rules, src);
    assert_int_equal(tu_count_rule(&d, "placeholder/unfilled"), 2);
    bl_diags_free(&d);
    bl_rules_free(rules);
    free(src);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_shape_counts_its_steps),
        cmocka_unit_test(test_statement_because_items_under_a_whys_heading),
        cmocka_unit_test(test_chains_in_other_languages),
        cmocka_unit_test(test_a_quoted_chain_under_a_whys_heading),
        cmocka_unit_test(test_question_emoji_lead_into_a_step),
        cmocka_unit_test(test_short_chain_is_reported_at_its_first_why),
        cmocka_unit_test(
            test_investigation_beside_a_root_cause_holds_no_chain),
        cmocka_unit_test(
            test_short_chain_under_a_whys_heading_is_reported_at_the_heading),
        cmocka_unit_test(test_one_why_is_a_chain_only_under_a_whys_heading),
        cmocka_unit_test(test_headings_that_name_the_whys),
        cmocka_unit_test(test_because_paragraphs_count_under_a_whys_heading),
        cmocka_unit_test(test_one_heading_per_why),
        cmocka_unit_test(
            test_flattened_why_headings_join_the_whys_heading_before_them),
        cmocka_unit_test(test_a_tree_counts_its_deepest_branch),
        cmocka_unit_test(test_every_branch_of_a_tree_must_end_at_a_condition),
        cmocka_unit_test(test_unanswered_whys_are_reported_at_the_why),
        cmocka_unit_test(test_unanswered_message_quotes_the_placeholder),
        cmocka_unit_test(
            test_unanswered_message_quotes_an_angle_slot_as_written),
        cmocka_unit_test(test_a_written_answer_is_an_answer),
        cmocka_unit_test(test_empty_because_cell_is_unanswered),
        cmocka_unit_test(test_a_why_in_a_cell_takes_its_answer_from_its_row),
        cmocka_unit_test(test_last_answer_naming_a_person_is_reported),
        cmocka_unit_test(test_conditions_are_not_people),
        cmocka_unit_test(test_a_name_must_be_known_as_a_person),
        cmocka_unit_test(test_a_person_before_the_last_answer_is_not_the_end),
        cmocka_unit_test(
            test_root_cause_without_a_chain_is_reported_once_at_its_heading),
        cmocka_unit_test(test_missing_prefers_the_root_cause_over_its_parts),
        cmocka_unit_test(test_contributing_factors_stand_in_for_a_chain),
        cmocka_unit_test(test_reasons_in_passing_are_no_factors),
        cmocka_unit_test(test_empty_contributing_factors_do_not_count),
        cmocka_unit_test(test_missing_is_quiet_when_a_chain_or_nothing_is_there),
        cmocka_unit_test(test_questions_and_becauses_in_prose_are_not_chains),
        cmocka_unit_test(test_whys_outside_the_analysis_are_not_read),
        cmocka_unit_test(
            test_why_labels_under_another_heading_are_the_root_cause),
        cmocka_unit_test(test_documents_that_are_not_postmortems_are_left_alone),
        cmocka_unit_test(test_numbered_and_emoji_headings),
        cmocka_unit_test(test_setext_headings),
        cmocka_unit_test(test_crlf_line_endings),
        cmocka_unit_test(test_front_matter_and_details_blocks),
        cmocka_unit_test(test_task_list_whys),
        cmocka_unit_test(test_nested_list_answers),
        cmocka_unit_test(test_whys_min_setting),
        cmocka_unit_test(test_rules_turn_off_one_by_one),
        cmocka_unit_test(test_person_definitions_compile),
        cmocka_unit_test(test_unanswered_off_leaves_the_placeholder_reported),
        cmocka_unit_test(test_labelled_root_causes),
        cmocka_unit_test(test_labelled_root_cause_without_a_chain),
        cmocka_unit_test(test_a_why_tag_before_the_question),
        cmocka_unit_test(test_a_why_line_over_the_chain),
        cmocka_unit_test(
            test_a_why_over_its_statement_and_because_is_one_step),
        cmocka_unit_test(test_hostile_input),
    };

    return cmocka_run_group_tests(tests, tu_load_rules, tu_free_rules);
}
