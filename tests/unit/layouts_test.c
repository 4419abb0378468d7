/*
 * layouts_test.c: every structure rule finds the same whatever layout the
 * postmortem is written in.
 *
 * Each rule has a document that gives it findings and one that gives it
 * none, written with "## " headings, LF line endings and plain bullets.
 * Each document is then rewritten into the layouts teams use (Setext
 * headings, numbered headings, emoji headings, keycap numbers, GitHub
 * shortcodes, CRLF line endings, YAML front matter, sections folded into
 * <details> blocks, bullets as task list items) and must give exactly as
 * many findings of that rule as the
 * plain one: at least one for the first, none for the second.  Tables,
 * which change what a section holds rather than how it is written, have
 * their own documents at the end.
 */
#include "testutil.h"

#include <stdio.h>

#include "engine/rules.h"

/* --- The documents ------------------------------------------------------- */

#define TITLE "# Incident 2025-03-14: checkout errors\n\n"
#define SUMMARY "## Summary\n\nA config push set the database pool size " \
                "to 20, and checkout failed for 40 minutes.\n\n"
#define IMPACT "## Impact\n\n12% of checkouts failed between 14:02 and " \
               "14:42.\n\n"
#define TIMELINE_OF(entries) "## Timeline\n\nAll times are UTC.\n\n" \
                             entries "\n"
#define ENTRIES "- 14:02 The error-rate alert fired.\n" \
                "- 14:10 The pool size was raised to 200.\n" \
                "- 14:42 Error rates were back to normal.\n"
#define TIMELINE TIMELINE_OF(ENTRIES)
#define ROOT_OF(body) "## Root Cause\n\n" body "\n"
#define CHAIN_OF(last) \
    "1. Why did checkout fail? Requests timed out waiting for a " \
    "connection.\n" \
    "2. Why? The pool was exhausted.\n" \
    "3. Why? The pool size was 20.\n" \
    "4. Why? The config template shares one value for all services.\n" \
    "5. Why? " last "\n"
#define CHAIN CHAIN_OF("The template has no per-service override.")
#define ROOT ROOT_OF(CHAIN)
#define ACTIONS_OF(items) "## Action Items\n\n" items "\n"
#define ACTION "- Add a per-service pool size to the template (owner: " \
               "@dana, due 2025-04-01)\n"
#define ACTIONS ACTIONS_OF(ACTION)
#define LESSONS "## Lessons Learned\n\nThe canary did not exercise the " \
                "pool.\n"
#define CLEAN TITLE SUMMARY IMPACT TIMELINE ROOT ACTIONS LESSONS

/* A document, a rule and how many findings it must give there. */
typedef struct count_case {
    const char *doc, *rule;
    size_t want;
} count_case;

/* Lints each case's document and prints those whose rule gives other
 * than the findings wanted; how many did. */
static size_t
count_failures(bl_rules *rules, const count_case *cases, size_t n)
{
    size_t i, failed = 0;

    for (i = 0; i < n; i++) {
        size_t got = tu_count_in(rules, cases[i].doc, cases[i].rule);
        if (got != cases[i].want) {
            print_error("%s: %zu findings, want %zu\n%s\n", cases[i].rule,
                        got, cases[i].want, cases[i].doc);
            failed++;
        }
    }
    return failed;
}

typedef struct layout_case {
    const char *rule;
    const char *found;      /* gives the rule at least one finding */
    const char *clean;      /* gives it none */
} layout_case;

static const layout_case cases[] = {
    {"section/missing",
     TITLE SUMMARY IMPACT ROOT ACTIONS LESSONS, CLEAN},
    {"section/empty",
     TITLE SUMMARY "## Impact\n\nTBD\n\n" TIMELINE ROOT ACTIONS LESSONS,
     CLEAN},
    {"section/duplicate",
     TITLE SUMMARY IMPACT TIMELINE ROOT ACTIONS LESSONS "\n"
     "## Timeline of events\n\n- 14:50 The incident was closed.\n", CLEAN},
    {"action/missing-owner",
     TITLE SUMMARY IMPACT TIMELINE ROOT
     ACTIONS_OF("- Add a per-service pool size to the template\n") LESSONS,
     CLEAN},
    {"action/missing-due-date",
     TITLE SUMMARY IMPACT TIMELINE ROOT
     ACTIONS_OF("- Add a per-service pool size to the template (owner: "
                "@dana)\n") LESSONS,
     CLEAN},
    {"action/not-actionable",
     TITLE SUMMARY IMPACT TIMELINE ROOT
     ACTIONS_OF("- Monitoring for the pool (owner: @dana, due "
                "2025-04-01)\n") LESSONS,
     CLEAN},
    {"whys/too-short",
     TITLE SUMMARY IMPACT TIMELINE
     ROOT_OF("1. Why did checkout fail? The pool was exhausted.\n"
             "2. Why? The pool size was 20.\n") ACTIONS LESSONS,
     CLEAN},
    {"whys/unanswered",
     TITLE SUMMARY IMPACT TIMELINE ROOT_OF(CHAIN_OF("TBD")) ACTIONS LESSONS,
     CLEAN},
    {"whys/ends-at-person",
     TITLE SUMMARY IMPACT TIMELINE
     ROOT_OF(CHAIN_OF("Because Bob forgot to check the template."))
     ACTIONS LESSONS,
     CLEAN},
    {"whys/missing",
     TITLE SUMMARY IMPACT TIMELINE
     ROOT_OF("A config push set the pool size to 20.\n") ACTIONS LESSONS,
     CLEAN},
    {"timeline/out-of-order",
     TITLE SUMMARY IMPACT
     TIMELINE_OF("- 14:10 The pool size was raised to 200.\n"
                 "- 14:02 The error-rate alert fired.\n")
     ROOT ACTIONS LESSONS,
     CLEAN},
    {"timeline/no-timezone",
     TITLE SUMMARY IMPACT "## Timeline\n\n" ENTRIES "\n" ROOT ACTIONS
     LESSONS,
     CLEAN},
    {"placeholder/unfilled",
     TITLE "## Summary\n\nA config push set the pool size of {{service}} "
     "to 20, and checkout failed for 40 minutes.\n\n" IMPACT TIMELINE ROOT
     ACTIONS LESSONS,
     CLEAN},
    {"placeholder/instructions",
     TITLE SUMMARY "## Impact\n\n12% of checkouts failed between 14:02 and "
     "14:42.\n\n_Describe the impact on users here._\n\n" TIMELINE ROOT
     ACTIONS LESSONS,
     /* Italic content is not an instruction. */
     TITLE SUMMARY "## Impact\n\n12% of checkouts failed between 14:02 and "
     "14:42.\n\n_All times are UTC._\n\n" TIMELINE ROOT ACTIONS LESSONS},
};

/* --- The layouts --------------------------------------------------------- */

/* A growing string. */
typedef struct out {
    char *s;
    size_t n, cap;
} out;

static void
put(out *o, const char *s, size_t n)
{
    if (o->n + n + 1 > o->cap) {
        o->cap = (o->n + n + 1) * 2;
        o->s = realloc(o->s, o->cap);
        assert_non_null(o->s);
    }
    memcpy(o->s + o->n, s, n);
    o->n += n;
    o->s[o->n] = '\0';
}

static void
puts_(out *o, const char *s)
{
    put(o, s, strlen(s));
}

/* Calls fn on each line of src (without its '\n'), which appends to o. */
static char *
per_line(const char *src, void (*fn)(out *, const char *, size_t, int *),
         int *state)
{
    out o = {NULL, 0, 0};
    const char *p = src;

    puts_(&o, "");
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);
        fn(&o, p, n, state);
        p += n + (nl != NULL);
    }
    return o.s;
}

static int
heading_level(const char *line, size_t n)
{
    size_t k = 0;

    while (k < n && line[k] == '#')
        k++;
    return k > 0 && k < n && line[k] == ' ' ? (int)k : 0;
}

/* Writes line with its first `drop` bytes replaced by prefix (as it is
 * when drop is 0), then a line feed. */
static void
put_line(out *o, const char *line, size_t n, size_t drop, const char *prefix)
{
    if (drop > 0)
        puts_(o, prefix);
    put(o, line + drop, n - drop);
    puts_(o, "\n");
}

/* Writes line, with `prefix` in place of the "## " of a section heading. */
static void
put_section_line(out *o, const char *line, size_t n, const char *prefix)
{
    put_line(o, line, n, heading_level(line, n) == 2 ? 3 : 0, prefix);
}

/* "## Timeline" as "Timeline" underlined with '-' ('=' for the title). */
static void
setext_line(out *o, const char *line, size_t n, int *state)
{
    int level = heading_level(line, n);
    size_t k;

    (void)state;
    if (level < 1 || level > 2) {
        put_line(o, line, n, 0, "");
        return;
    }
    put(o, line + level + 1, n - (size_t)level - 1);
    puts_(o, "\n");
    for (k = level + 1; k < n; k++)
        puts_(o, level == 1 ? "=" : "-");
    puts_(o, "\n");
}

/* "## Timeline" as "## 3. Timeline". */
static void
numbered_line(out *o, const char *line, size_t n, int *state)
{
    char prefix[16] = "";

    if (heading_level(line, n) == 2)
        snprintf(prefix, sizeof prefix, "## %d. ", ++*state);
    put_section_line(o, line, n, prefix);
}

/* "## Timeline" as "## 4️⃣ Timeline", numbered with keycap emoji. */
static void
keycap_line(out *o, const char *line, size_t n, int *state)
{
    char prefix[16] = "";

    if (heading_level(line, n) == 2)
        snprintf(prefix, sizeof prefix, "## %d\xEF\xB8\x8F\xE2\x83\xA3 ",
                 ++*state % 10);
    put_section_line(o, line, n, prefix);
}

/* "## Timeline" as "## ⏱️ Timeline". */
static void
emoji_line(out *o, const char *line, size_t n, int *state)
{
    (void)state;
    put_section_line(o, line, n, "## \xE2\x8F\xB1\xEF\xB8\x8F ");
}

/* "## Timeline" as "## 📋 3. Timeline": an emoji before the number. */
static void
emoji_numbered_line(out *o, const char *line, size_t n, int *state)
{
    char prefix[24] = "";

    if (heading_level(line, n) == 2)
        snprintf(prefix, sizeof prefix, "## \xF0\x9F\x93\x8B %d. ", ++*state);
    put_section_line(o, line, n, prefix);
}

/* "## Timeline" as "## :clock3: Timeline", as GitHub writes emoji. */
static void
shortcode_line(out *o, const char *line, size_t n, int *state)
{
    (void)state;
    put_section_line(o, line, n, "## :clock3: ");
}

static void
crlf_line(out *o, const char *line, size_t n, int *state)
{
    (void)state;
    put(o, line, n);
    puts_(o, "\r\n");
}

/* "- item" as "- [ ] item". */
static void
task_line(out *o, const char *line, size_t n, int *state)
{
    (void)state;
    put_line(o, line, n, n > 2 && line[0] == '-' && line[1] == ' ' ? 2 : 0,
             "- [ ] ");
}

/* Each section's body folded into <details>, as long reports do. */
static void
details_line(out *o, const char *line, size_t n, int *state)
{
    int level = heading_level(line, n);

    if (level >= 2 && *state) {
        puts_(o, "</details>\n\n");
        *state = 0;
    }
    put(o, line, n);
    puts_(o, "\n");
    if (level >= 2) {
        puts_(o, "\n<details>\n<summary>More</summary>\n");
        *state = 1;
    }
}

static char *
with_front_matter(const char *src)
{
    out o = {NULL, 0, 0};

    puts_(&o, "---\ntitle: Checkout errors\ntype: postmortem\n---\n\n");
    puts_(&o, src);
    return o.s;
}

typedef struct layout {
    const char *name;
    void (*line)(out *, const char *, size_t, int *);
} layout;

static const layout layouts[] = {
    {"Setext headings", setext_line},
    {"numbered headings", numbered_line},
    {"emoji headings", emoji_line},
    {"keycap-numbered headings", keycap_line},
    {"emoji-then-number headings", emoji_numbered_line},
    {"shortcode headings", shortcode_line},
    {"CRLF", crlf_line},
    {"task lists", task_line},
    {"<details>", details_line},
    {"front matter", NULL},
};

static char *
rewrite(const layout *l, const char *src)
{
    int state = 0;
    char *s;

    if (l->line == NULL)
        return with_front_matter(src);
    s = per_line(src, l->line, &state);
    if (state) {    /* a <details> still open at the end */
        out o = {s, strlen(s), strlen(s) + 1};
        puts_(&o, "</details>\n");
        s = o.s;
    }
    return s;
}

/* --- The tests ----------------------------------------------------------- */

static bl_rules *
all_rules_on(void)
{
    bl_rules *rules = NULL;
    char err[512];

    assert_int_equal(bl_rules_load_default(&rules, err, sizeof err), 0);
    /* Off by default; the layouts must not change it either. */
    bl_rules_set_severity(rules, "action/missing-due-date", BL_SEV_ON);
    return rules;
}

/* Do documents found and clean, rewritten in the layout called name, give
 * `want` findings of rule and none?  Says which when not; frees both. */
static int
holds_in_layout(const bl_rules *rules, const char *rule, size_t want,
                const char *name, char *found, char *clean)
{
    size_t got = tu_count_in(rules, found, rule);
    size_t extra = tu_count_in(rules, clean, rule);
    int ok = got == want && extra == 0;

    if (!ok)
        print_error("%s in %s: %zu findings (want %zu), %zu in the clean "
                    "document\n%s\n", rule, name, got, want, extra,
                    got != want ? found : clean);
    free(found);
    free(clean);
    return ok;
}

static void
test_each_rule_finds_the_same_in_every_layout(void **state)
{
    bl_rules *rules = all_rules_on();
    size_t c, l, failed = 0;

    (void)state;
    for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const layout_case *k = &cases[c];
        size_t want = tu_count_in(rules, k->found, k->rule);
        if (want == 0 || tu_count_in(rules, k->clean, k->rule) != 0) {
            print_error("%s: the plain documents do not tell apart\n",
                        k->rule);
            failed++;
            continue;
        }
        for (l = 0; l < sizeof layouts / sizeof layouts[0]; l++)
            failed += !holds_in_layout(rules, k->rule, want, layouts[l].name,
                                       rewrite(&layouts[l], k->found),
                                       rewrite(&layouts[l], k->clean));
    }
    bl_rules_free(rules);
    assert_int_equal(failed, 0);
}

/* Tables change what a section holds: an action table with an Owner and a
 * Due column, a 5-whys table, a timeline table. */
#define WHYS_TABLE(last) \
    "| Why | Because |\n|---|---|\n" \
    "| Why did checkout fail? | The pool was exhausted. |\n" \
    "| Why? | The pool size was 20. |\n" \
    "| Why? | The template shares one value. |\n" \
    "| Why? | Nobody reviewed the template. |\n" \
    "| Why? | " last " |\n"

static void
test_tables(void **state)
{
    static const layout_case table_cases[] = {
        {"section/duplicate",
         TITLE SUMMARY IMPACT TIMELINE ROOT ACTIONS LESSONS "\n"
         "## Timeline of events\n\n| Time | Event |\n|---|---|\n"
         "| 14:50 | The incident was closed. |\n", CLEAN},
        {"whys/ends-at-person",
         TITLE SUMMARY IMPACT TIMELINE
         ROOT_OF(WHYS_TABLE("Bob forgot to check the template.")) ACTIONS
         LESSONS,
         TITLE SUMMARY IMPACT TIMELINE
         ROOT_OF(WHYS_TABLE("The template has no per-service override."))
         ACTIONS LESSONS},
        {"action/missing-due-date",
         TITLE SUMMARY IMPACT TIMELINE ROOT
         ACTIONS_OF("| Action | Owner | Due |\n|---|---|---|\n"
                    "| Add a per-service pool size | @dana | |\n") LESSONS,
         TITLE SUMMARY IMPACT TIMELINE ROOT
         ACTIONS_OF("| Action | Owner | Due |\n|---|---|---|\n"
                    "| Add a per-service pool size | @dana | 2025-04-01 |\n")
         LESSONS},
        {"timeline/out-of-order",
         TITLE SUMMARY IMPACT
         TIMELINE_OF("| Time | Event |\n|---|---|\n"
                     "| 14:10 | The pool size was raised. |\n"
                     "| 14:02 | The alert fired. |\n")
         ROOT ACTIONS LESSONS,
         TITLE SUMMARY IMPACT
         TIMELINE_OF("| Time | Event |\n|---|---|\n"
                     "| 14:02 | The alert fired. |\n"
                     "| 14:10 | The pool size was raised. |\n")
         ROOT ACTIONS LESSONS},
    };
    bl_rules *rules = all_rules_on();
    size_t c;

    (void)state;
    for (c = 0; c < sizeof table_cases / sizeof table_cases[0]; c++) {
        const layout_case *k = &table_cases[c];
        if (tu_count_in(rules, k->found, k->rule) == 0
            || tu_count_in(rules, k->clean, k->rule) != 0)
            print_error("%s in a table\n", k->rule);
        assert_true(tu_count_in(rules, k->found, k->rule) > 0);
        assert_int_equal(tu_count_in(rules, k->clean, k->rule), 0);
    }
    bl_rules_free(rules);
}

/* --- Sections written as labels ------------------------------------------
 *
 * Exports from wikis write sections as bold labels or fold them into
 * <details>: the rules that read a section's content read them as they
 * read the section under a heading. */

/* "## Timeline" as "**Timeline**" alone on its line. */
static void
bold_label_line(out *o, const char *line, size_t n, int *state)
{
    (void)state;
    if (heading_level(line, n) != 2) {
        put_line(o, line, n, 0, "");
        return;
    }
    puts_(o, "**");
    put(o, line + 3, n - 3);
    puts_(o, "**\n");
}

/* "## Timeline" as "- **Timeline**:", with the section's content nested
 * in the item. */
static void
item_label_line(out *o, const char *line, size_t n, int *state)
{
    int level = heading_level(line, n);

    if (level == 2) {
        puts_(o, "- **");
        put(o, line + 3, n - 3);
        puts_(o, "**:\n");
        *state = 1;
        return;
    }
    if (level > 0)
        *state = 0;
    if (*state && n > 0)
        puts_(o, "  ");     /* nested in the item */
    put_line(o, line, n, 0, "");
}

/* "## Timeline" as "<details><summary>Timeline</summary>", closed before
 * the next one. */
static void
summary_line(out *o, const char *line, size_t n, int *state)
{
    if (heading_level(line, n) != 2) {
        put_line(o, line, n, 0, "");
        return;
    }
    if (*state)
        puts_(o, "</details>\n\n");
    puts_(o, "<details><summary>");
    put(o, line + 3, n - 3);
    puts_(o, "</summary>\n");
    *state = 1;
}

static const layout label_layouts[] = {
    {"bold labels", bold_label_line},
    {"\"- **Label**:\" items", item_label_line},
    {"<details> summaries", summary_line},
};

/* The rules that read what a labelled section holds. */
static const char *const label_rules[] = {
    "action/missing-owner", "action/missing-due-date", "action/not-actionable",
    "timeline/out-of-order", "timeline/no-timezone", "whys/too-short",
    "whys/unanswered", "whys/ends-at-person", "whys/missing",
};

static int
reads_labels(const char *rule)
{
    size_t i;

    for (i = 0; i < sizeof label_rules / sizeof *label_rules; i++)
        if (strcmp(label_rules[i], rule) == 0)
            return 1;
    return 0;
}

static void
test_each_rule_reads_labelled_sections(void **state)
{
    bl_rules *rules = all_rules_on();
    size_t c, l, failed = 0;

    (void)state;
    for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const layout_case *k = &cases[c];
        size_t want = tu_count_in(rules, k->found, k->rule);
        if (!reads_labels(k->rule))
            continue;
        for (l = 0; l < sizeof label_layouts / sizeof *label_layouts; l++) {
            /* Each document opens its own <details>: a state apiece. */
            int st_found = 0, st_clean = 0;
            char *found = per_line(k->found, label_layouts[l].line,
                                   &st_found);
            char *clean = per_line(k->clean, label_layouts[l].line,
                                   &st_clean);
            failed += !holds_in_layout(rules, k->rule, want,
                                       label_layouts[l].name, found, clean);
        }
    }
    bl_rules_free(rules);
    assert_int_equal(failed, 0);
}

/* Exports write more than sections as labels: steps of a chain
 * ("**Why 1:**"), parts of a section ("**Contributing factors:**",
 * "**Completed**"), what comes after the sections ("**Appendix**"), a
 * qualifier outside the bold ("**Timeline** (all times UTC)").  Each
 * document here was a false alarm or a missed finding once. */
static void
test_labels_within_and_after_labelled_parts(void **state)
{
    static const count_case cases[] = {
        /* Why labels are steps of the Root Cause's chain, not parts. */
        {"# Incident: CI down\n\n**Root cause**\n\n**Why 1:** Jobs queued."
         "\n\n**Why 2:** The quota was reached.\n\n**Why 3:** Runners "
         "grew.\n\n**Why 4:** No capacity review.\n\n**Why 5:** Quotas "
         "are not on the checklist.\n", "whys/missing", 0},
        {"# Incident: CI down\n\n**Root cause**\n\n**Why 1:** Jobs queued."
         "\n\n**Why 2:** The quota was reached.\n", "whys/too-short", 1},
        {"# Incident: CI down\n\n**Root cause**\n\n- **Why 1:** Jobs "
         "queued.\n- **Why 2:** The quota was reached.\n",
         "whys/too-short", 1},
        {"# Incident: CI down\n\n**Root cause**\n\nThe autoscaler hit "
         "the quota.\n\n**Contributing factors:**\n\n- Runners use four "
         "times the vCPUs.\n", "whys/missing", 0},
        /* What comes after the sections ends a labelled part. */
        {"# Incident: CI down\n\n**Root cause**\n\n1. Why? A.\n   "
         "Because B.\n2. Why? B.\n   Because C.\n3. Why? C.\n   Because "
         "D.\n4. Why? D.\n   Because E.\n5. Why? E.\n   Because F.\n\n"
         "**Open questions**\n\n- Why did the provider take 14 hours?\n",
         "whys/unanswered", 0},
        {"# Incident: CI down\n\n**Action items**\n\n- Add a lag alert "
         "(owner: @dana)\n\n**Appendix**\n\n- Checkout dashboard: "
         "https://grafana.example.com/d/x\n", "action/missing-owner", 0},
        {"# Incident: CI down\n\n**Action items**\n\n- Add a lag alert "
         "(owner: @dana)\n\n**Participants**\n\n- Lucia Moreno, "
         "incident commander\n", "action/not-actionable", 0},
        /* A label that names no section is a group of the Action Items. */
        {"# Incident: CI down\n\n**Action items**\n\n**Completed**\n- "
         "Roll back the config release\n\n**Open**\n- Add a config diff "
         "(owner: @ana)\n", "action/missing-owner", 0},
        {"# Incident: CI down\n\n**Action items**\n\n**Short term**\n- "
         "Roll back the config release\n\n**Long term**\n- Add a config "
         "diff (owner: @ana)\n", "action/missing-owner", 1},
        /* A date over a day's entries is content of the Timeline. */
        {"# Incident: billing\n\n**Timeline (all times CEST)**\n\n"
         "**2025-06-30**\n\n- 23:30 Run waits.\n\n**2025-07-01**\n\n- "
         "00:10 Lock found.\n", "timeline/no-timezone", 0},
        /* The qualifier outside the bold. */
        {"# Incident: checkout\n\n**Timeline** (all times UTC)\n\n- 14:02 "
         "Alert.\n- 14:41 Resolved.\n", "section/missing", 5},
        {"# Incident: checkout\n\n**Timeline** (all times UTC)\n\n- 14:02 "
         "Alert.\n- 14:41 Resolved.\n", "timeline/no-timezone", 0},
        {"# Incident: checkout\n\n- **Key events** (all times UTC)\n  - "
         "07:30 Alert.\n  - 06:10 Rollback.\n", "timeline/out-of-order", 1},
        /* A label with a value after it is a field, not a part (found by
         * review): the item stays an item, the paragraph stands over
         * nothing, and a field in a labelled part does not end it. */
        {"# Incident: checkout\n\n## Summary\n\nSlow.\n\n## Action Items"
         "\n\n- **Root cause**: Increase the pool size.\n\n  The pool was "
         "sized for staging.\n\n- Add an alert on pool wait time.\n",
         "action/missing-owner", 2},
        {"# Incident: checkout\n\n## Summary\n\nSlow.\n\n## Action Items"
         "\n\n- **Root cause**: Increase the pool size.\n\n  The pool was "
         "sized for staging.\n", "whys/missing", 0},
        {"# Incident: checkout\n\n## Overview\n\n**Next steps:** the review "
         "on Monday.\n\nServices affected:\n\n- Checkout API\n- Payments "
         "gateway\n", "action/missing-owner", 0},
        {"# Incident: checkout\n\n## Summary\n\nSlow.\n\n**Action items**"
         "\n\n- **Lessons**: Add an alert on pool wait time\n- Fix the retry "
         "loop\n- Add pool size lint\n", "action/missing-owner", 3},
        /* A label item nested in another ends with its own item. */
        {"# Incident: checkout\n\n## Summary\n\nSlow.\n\n- **Action items**:"
         "\n  - **Lessons**:\n    - Monitoring was slow to page\n  - Add an "
         "alert on pool wait time\n  - Fix the retry loop\n",
         "action/missing-owner", 2},
        /* A part a label starts inside <details> ends with the block. */
        {"# Incident: checkout\n\n## Summary\n\nSlow.\n\n<details><summary>"
         "Review notes</summary>\n\n**Action items**\n\n- Add a lag alert "
         "(owner: @dana)\n\n</details>\n\n- Monitoring was slow to page\n",
         "action/not-actionable", 0},
        /* A chain answered "Because" beside the Root Cause is a chain. */
        {"# Incident: checkout\n\n## Root Cause\n\nThe pool was too small."
         "\n\n## Analysis\n\n1. Why did checkout fail? Because the pool was "
         "exhausted.\n2. Why? Because it was fixed at 10.\n3. Why? Because "
         "it was copied.\n4. Why? Because the template has no profile.\n5. "
         "Why? Because it predates the split.\n", "whys/missing", 0},
        /* The label over the items is a section's name, not a field. */
        {"# Incident: checkout\n\n- **Impact**: checkout failed for 40 "
         "minutes.\n- **Review actions**:\n\n1. Add a lag alert (owner: "
         "@dana)\n", "placeholder/unfilled", 0},
    };
    bl_rules *rules = all_rules_on();
    size_t failed = 0;

    (void)state;
    failed += count_failures(rules, cases, sizeof cases / sizeof cases[0]);
    bl_rules_free(rules);
    assert_int_equal(failed, 0);
}

/* A part a label names as another section is that section, wherever it
 * is: under the Action Items heading, a <details> Timeline holds timeline
 * entries, not action items, and a part of the Action Items under the
 * Timeline heading holds no entries.  So each part, after each section
 * heading, gives what it gives before any section. */
static void
test_a_part_under_another_heading_is_its_own(void **state)
{
    static const struct {
        const char *kind, *text;
    } hosts[] = {
        {"action-items", "#" ACTIONS},
        {"timeline", "#" TIMELINE},
        {"root-cause", "#" ROOT},
    }, parts[] = {
        {"timeline", "## Timeline (UTC)\n\n- 14:05 Page sent to on-call\n"
                     "- 14:01 Rollback started\n- 14:20 Errors stopped\n"},
        {"root-cause",
         "## Root Cause\n\n"
         CHAIN_OF("Because Bob forgot to check the template.")},
        {"action-items", "## Action items\n\n- Add a per-service pool size "
                         "to the template\n"},
        {"impact", "## Impact\n\n- 12% of checkouts failed\n- Checkout "
                   "latency for the rest\n"},
        {"lessons-learned", "## Lessons Learned\n\n- Monitoring was slow "
                            "to page\n- The canary did not exercise the "
                            "pool\n"},
    };
    bl_rules *rules = all_rules_on();
    size_t h, p, l, r, failed = 0;
    char after[2048], before[2048];

    (void)state;
    for (h = 0; h < sizeof hosts / sizeof *hosts; h++)
        for (p = 0; p < sizeof parts / sizeof *parts; p++) {
            if (strcmp(hosts[h].kind, parts[p].kind) == 0)
                continue;   /* a label of its own section adds nothing */
            /* Only the part's "## " heading becomes a label. */
            snprintf(after, sizeof after, "%s#%s%s\n%s", TITLE, SUMMARY,
                     hosts[h].text, parts[p].text);
            snprintf(before, sizeof before, "%s%s\n#%s%s", TITLE,
                     parts[p].text, SUMMARY, hosts[h].text);
            for (l = 0; l < sizeof label_layouts / sizeof *label_layouts;
                 l++) {
                char *a = rewrite(&label_layouts[l], after);
                char *b = rewrite(&label_layouts[l], before);
                for (r = 0; r < sizeof label_rules / sizeof *label_rules;
                     r++) {
                    size_t want = tu_count_in(rules, b, label_rules[r]);
                    size_t got = tu_count_in(rules, a, label_rules[r]);
                    if (got != want) {
                        print_error("%s: %zu findings after the %s heading, "
                                    "%zu before any section, in %s\n%s\n",
                                    label_rules[r], got, hosts[h].kind, want,
                                    label_layouts[l].name, a);
                        failed++;
                    }
                }
                free(a);
                free(b);
            }
        }
    bl_rules_free(rules);
    assert_int_equal(failed, 0);
}

/* The same, as reported: a Timeline or Root Cause part after the Action
 * Items heading holds no items, while a part that belongs to the Action
 * Items (a group such as "Long-term") still does; action items under the
 * Timeline or Root Cause heading are no entries and no whys; and a label
 * that names two sections ("What happened") is the one it is in. */
static void
test_parts_of_other_sections_under_a_heading(void **state)
{
#define DET_HEAD "# Postmortem: login outage\n\n## Summary\n\nLogin " \
                 "failed.\n\n## Action Items\n\n- Add a runbook step @bob\n\n"
#define DET_ENTRIES "- 14:05 Page sent to on-call\n- 14:01 Rollback " \
                    "started\n- 14:20 Errors stopped\n"
    static const char *const timeline_docs[] = {
        DET_HEAD "<details>\n<summary>Timeline (UTC)</summary>\n\n"
        DET_ENTRIES "\n</details>\n",
        DET_HEAD "**Timeline (UTC)**\n\n" DET_ENTRIES,
    };
    static const count_case cases[] = {
        {DET_HEAD "<details>\n<summary>Root Cause</summary>\n\n" CHAIN
         "\n</details>\n", "action/missing-owner", 0},
        {DET_HEAD "<details>\n<summary>Root Cause</summary>\n\n" CHAIN
         "\n</details>\n", "action/not-actionable", 0},
        {DET_HEAD "<details>\n<summary>Root Cause</summary>\n\n" CHAIN
         "\n</details>\n", "whys/missing", 0},
        {DET_HEAD "<details>\n<summary>Long-term</summary>\n\n- Add an "
         "alert on pool wait time\n\n</details>\n",
         "action/missing-owner", 1},
        {DET_HEAD "**Long-term**\n\n- Add an alert on pool wait time\n",
         "action/missing-owner", 1},
        /* A <details> group inside a bold-label Action Items part is a
         * group of its items, and the part goes on after the block. */
        {"# Postmortem: login outage\n\n**Summary**\n\nLogin failed.\n\n"
         "**Action items**\n\n- Add an alert on pool saturation\n\n"
         "<details>\n<summary>Long-term</summary>\n\n- Move sessions to "
         "a separate database\n\n</details>\n\n- Write the runbook for "
         "pool exhaustion\n", "action/missing-owner", 3},
        /* In a bold-label Timeline, a folded log is more of the part. */
        {"# Postmortem: login outage\n\n**Summary**\n\nLogin failed.\n\n"
         "**Timeline (UTC)**\n\n- 14:05 Page sent\n\n<details>\n"
         "<summary>Raw logs</summary>\n\n- 14:06 Pool at 100%\n\n"
         "</details>\n\n- 14:01 Rollback started\n",
         "timeline/out-of-order", 1},
        /* "Appendix" folded after the Action Items ends them. */
        {"# Postmortem: login outage\n\n**Summary**\n\nLogin failed.\n\n"
         "**Action items**\n\n- Add an alert on pool saturation "
         "(owner: @dana)\n\n<details>\n<summary>Appendix</summary>\n\n"
         "- Pool settings before the change\n\n</details>\n",
         "action/missing-owner", 0},
        /* The mirror: action items under the Timeline heading. */
        {"# Postmortem: login outage\n\n## Summary\n\nLogin failed.\n\n"
         "## Timeline\n\nAll times are UTC.\n\n- 14:02 The alert fired.\n"
         "- 14:10 The pool size was raised.\n\n<details>\n<summary>Action "
         "items</summary>\n\n- 09:00: Run the pool size review daily "
         "(owner: @dana)\n\n</details>\n", "timeline/out-of-order", 0},
        /* ... and under the Root Cause heading, no steps of its chain. */
        {"# Postmortem: login outage\n\n## Summary\n\nLogin failed.\n\n"
         "## Root Cause\n\n1. Why did checkout fail? Requests timed out.\n"
         "2. Why? The pool was exhausted.\n3. Why? The pool size was 20.\n"
         "4. Why? The template shares one value.\n\n<details>\n<summary>"
         "Action items</summary>\n\n- Why one value? Because the template "
         "has no override: add one (owner: @dana)\n\n</details>\n",
         "whys/too-short", 1},
        /* TODO in a timeline entry is no action item's state. */
        {DET_HEAD "<details>\n<summary>Timeline (UTC)</summary>\n\n- 14:01 "
         "Rollback started TODO\n- 14:20 Errors stopped\n\n</details>\n",
         "placeholder/unfilled", 1},
        {"# Postmortem: login outage\n\n## Summary\n\nLogin failed.\n\n"
         "## Timeline\n\n**What happened (UTC)**\n\n- 14:05 Page sent\n"
         "- 14:01 Rollback started\n", "timeline/out-of-order", 1},
    };
    bl_rules *rules = all_rules_on();
    size_t i, failed = 0;

    (void)state;
    for (i = 0; i < sizeof timeline_docs / sizeof *timeline_docs; i++) {
        const char *doc = timeline_docs[i];
        size_t owner = tu_count_in(rules, doc, "action/missing-owner");
        size_t verb = tu_count_in(rules, doc, "action/not-actionable");
        size_t order = tu_count_in(rules, doc, "timeline/out-of-order");
        if (owner != 0 || verb != 0 || order != 1) {
            print_error("%zu missing-owner, %zu not-actionable, %zu "
                        "out-of-order (want 0, 0, 1)\n%s\n", owner, verb,
                        order, doc);
            failed++;
        }
    }
    failed += count_failures(rules, cases, sizeof cases / sizeof cases[0]);
    bl_rules_free(rules);
    assert_int_equal(failed, 0);
#undef DET_HEAD
#undef DET_ENTRIES
}

/* A section written as a bold label is empty as a heading's is (QA's
 * b11): in both label layouts the empty Impact is one section/empty
 * finding, whose TBD placeholder/unfilled leaves to it, and the clean
 * document none.  A <details> summary's part is its block's, left
 * alone. */
static void
test_empty_labelled_sections(void **state)
{
    static const char empty_impact[] =
        TITLE SUMMARY "## Impact\n\nTBD\n\n" TIMELINE ROOT ACTIONS LESSONS;
    static const count_case cases[] = {
        {"# Incident: opt-outs ignored\n\n**Summary**\n\nPushes went to "
         "opted-out users for 4 days.\n\n**Root cause**\n\n<!-- After "
         "the review. -->\n\n**Action items**\n\n- Alert on the sync "
         "(owner: @growth)\n", "section/empty", 1},
        /* Groups hold the part's items. */
        {"# Incident: CI down\n\n**Summary**\n\nCI was down for 2 "
         "hours.\n\n**Action items**\n\n**Short term**\n- Roll back "
         "(owner: @a)\n\n**Long term**\n- Add a diff (owner: @b)\n",
         "section/empty", 0},
        /* ...and an empty group is no section. */
        {"# Incident: CI down\n\n**Summary**\n\nCI was down for 2 "
         "hours.\n\n**Action items**\n\n**Short term**\n\n**Long "
         "term**\n- Add a diff (owner: @b)\n", "section/empty", 0},
        /* A label with a value is a field: its TBD is a placeholder. */
        {"# Incident: CI down\n\n**Summary**\n\nCI was down for 2 "
         "hours.\n\n- **Impact**: TBD\n", "section/empty", 0},
        {"# Incident: CI down\n\n**Summary**\n\nCI was down for 2 "
         "hours.\n\n- **Impact**: TBD\n", "placeholder/unfilled", 1},
        /* Under a heading of its section, the heading's finding only. */
        {"# Incident: CI down\n\n## Summary\n\nCI was down.\n\n"
         "## Impact\n\n**Impact**\n\n## Timeline\n\n- 14:02 UTC Alert\n",
         "section/empty", 1},
        {"# Incident: CI down\n\n**Summary**\n\nCI was down.\n\n"
         "<details><summary>Impact</summary>\n\nTBD\n\n</details>\n",
         "section/empty", 0},
    };
    bl_rules *rules = all_rules_on();
    size_t l, failed = 0;

    (void)state;
    for (l = 0; l < 2; l++) {
        char *found = rewrite(&label_layouts[l], empty_impact);
        char *clean = rewrite(&label_layouts[l], CLEAN);
        size_t empty = tu_count_in(rules, found, "section/empty");
        size_t unfilled = tu_count_in(rules, found, "placeholder/unfilled");
        size_t extra = tu_count_in(rules, clean, "section/empty");
        if (empty != 1 || unfilled != 0 || extra != 0) {
            print_error("%s: %zu section/empty, %zu placeholder/unfilled "
                        "(want 1, 0); %zu in the clean one\n%s\n",
                        label_layouts[l].name, empty, unfilled, extra, found);
            failed++;
        }
        free(found);
        free(clean);
    }
    failed += count_failures(rules, cases, sizeof cases / sizeof cases[0]);
    bl_rules_free(rules);
    assert_int_equal(failed, 0);
}

/* Google Docs exports flatten nesting: "### 5 Whys" stands empty beside
 * the "### Why 1: ..." headings it was written over (QA's g20).  Such a
 * heading introduces the series after it and is not empty; an empty part
 * beside another part ("What went well" over "What went wrong") and an
 * empty step of the series still are. */
#define FLAT_WHY(n, q, a) "### Why " n ": " q "\n\n" a "\n\n"
#define FLAT_WHYS(first) \
    "## Root Cause\n\n### 5 Whys\n\n" \
    FLAT_WHY("1", "Why did checkout fail?", first) \
    FLAT_WHY("2", "Why was the pool exhausted?", "The pool size was 20.") \
    FLAT_WHY("3", "Why was it 20?", "The template shares one value.") \
    FLAT_WHY("4", "Why one value?", "Nobody reviewed the template.") \
    FLAT_WHY("5", "Why no review?", "The template has no owner.")

static void
test_flattened_headings(void **state)
{
    static const count_case cases[] = {
        {TITLE SUMMARY IMPACT TIMELINE FLAT_WHYS("The pool was exhausted.")
         ACTIONS LESSONS, "section/empty", 0},
        {TITLE SUMMARY IMPACT TIMELINE FLAT_WHYS("The pool was exhausted.")
         ACTIONS LESSONS, "whys/too-short", 0},
        {TITLE SUMMARY IMPACT TIMELINE FLAT_WHYS("The pool was exhausted.")
         ACTIONS LESSONS, "whys/missing", 0},
        /* An empty step of the series is reported. */
        {TITLE SUMMARY IMPACT TIMELINE "## Root Cause\n\n### 5 Whys\n\n"
         "### Why 1: Why did checkout fail?\n\nTBD\n\n"
         "### Why 2: Why was the pool exhausted?\n\nThe size was 20.\n\n"
         ACTIONS LESSONS, "section/empty", 1},
        /* Over a heading that is none of its series, it is empty. */
        {TITLE SUMMARY IMPACT TIMELINE "## Root Cause\n\n### 5 Whys\n\n"
         "### Contributing factors\n\nThe template has no owner.\n\n"
         ACTIONS LESSONS, "section/empty", 1},
        {TITLE SUMMARY IMPACT TIMELINE ROOT ACTIONS
         "## Lessons Learned\n\n### What went well\n\n"
         "### What went wrong\n\nThe canary missed the pool.\n",
         "section/empty", 1},
        /* The same series word over a deeper heading is no series. */
        {TITLE SUMMARY IMPACT TIMELINE "## Root Cause\n\nThe pool.\n\n"
         "### Contributing factors\n\n## Factor 1: the template\n\nOne "
         "value.\n\n" ACTIONS LESSONS, "section/empty", 1},
    };
    bl_rules *rules = all_rules_on();
    size_t failed = 0;

    (void)state;
    failed += count_failures(rules, cases, sizeof cases / sizeof cases[0]);
    bl_rules_free(rules);
    assert_int_equal(failed, 0);
}
#undef FLAT_WHY
#undef FLAT_WHYS

/* The clean document is clean of every rule, in every layout: a layout
 * must not bring findings of its own either. */
static void
test_the_clean_document_is_clean_in_every_layout(void **state)
{
    bl_rules *rules = all_rules_on();
    size_t l;

    (void)state;
    tu_assert_clean(rules, CLEAN);
    for (l = 0; l < sizeof layouts / sizeof layouts[0]; l++) {
        char *src = rewrite(&layouts[l], CLEAN);
        bl_diags d;
        tu_lint(rules, src, &d);
        if (d.n > 0)
            print_error("%s: %s: %s\n%s\n", layouts[l].name,
                        d.items[0].rule->id, d.items[0].message, src);
        assert_int_equal(d.n, 0);
        bl_diags_free(&d);
        free(src);
    }
    bl_rules_free(rules);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_clean_document_is_clean_in_every_layout),
        cmocka_unit_test(test_each_rule_finds_the_same_in_every_layout),
        cmocka_unit_test(test_tables),
        cmocka_unit_test(test_each_rule_reads_labelled_sections),
        cmocka_unit_test(test_labels_within_and_after_labelled_parts),
        cmocka_unit_test(test_a_part_under_another_heading_is_its_own),
        cmocka_unit_test(test_parts_of_other_sections_under_a_heading),
        cmocka_unit_test(test_flattened_headings),
        cmocka_unit_test(test_empty_labelled_sections),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
