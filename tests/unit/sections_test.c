/*
 * sections_test.c: heading normalisation and classification, the
 * postmortem gate, section/missing (with its inserting fix),
 * section/empty and section/duplicate, and the settings and severity
 * overrides they rely on.
 */
#include <stdio.h>
#include <unistd.h>

#include "testutil.h"
#include "engine/rules.h"

static bl_rules *
default_rules(void)
{
    bl_rules *rules = NULL;
    char err[512];

    assert_int_equal(bl_rules_load_default(&rules, err, sizeof err), 0);
    /* The blame and action rules have their own tests; keep these
     * findings about structure only. */
    assert_true(bl_rules_set_severity(rules, "blame/*", BL_SEV_OFF) > 0);
    assert_true(bl_rules_set_severity(rules, "action/*", BL_SEV_OFF) > 0);
    return rules;
}

/* Lints src; the caller frees diags and doc. */
static bl_doc *
lint(const bl_rules *rules, const char *src, bl_diags *diags)
{
    bl_doc *doc = tu_parse(src);

    memset(diags, 0, sizeof *diags);
    assert_int_equal(bl_lint(rules, doc, diags), 0);
    return doc;
}

/* The nth finding of rule id, or NULL. */
static const bl_diag *
nth_of(const bl_diags *d, const char *id, size_t nth)
{
    size_t i;

    for (i = 0; i < d->n; i++)
        if (strcmp(d->items[i].rule->id, id) == 0 && nth-- == 0)
            return &d->items[i];
    return NULL;
}

/* Does some finding of rule id mention `word` in its message? */
static int
has_message(const bl_diags *d, const char *id, const char *word)
{
    size_t i;

    for (i = 0; i < d->n; i++)
        if (strcmp(d->items[i].rule->id, id) == 0
            && strstr(d->items[i].message, word) != NULL)
            return 1;
    return 0;
}

/* Does src get a section/missing finding that names `what`? */
static int
says_missing(const bl_rules *rules, const char *src, const char *what)
{
    bl_diags d;
    bl_doc *doc = lint(rules, src, &d);
    int said = has_message(&d, "section/missing", what);

    bl_diags_free(&d);
    bl_doc_free(doc);
    return said;
}

/* The kind a heading text names, or "" for none. */
static const char *
kind_of(const bl_rules *rules, const char *heading)
{
    int part;
    int k = bl_heading_classify(rules, "postmortem", heading, strlen(heading),
                                &part);
    return k < 0 ? "" : rules->headings.items[k].kind;
}

/* A heading text and the kind it names ("" for none). */
typedef struct heading_case {
    const char *heading, *kind;
} heading_case;

/* Fails, naming each, when a case's heading names another kind. */
static void
expect_kinds(const bl_rules *rules, const heading_case *cases, size_t n)
{
    size_t i, failed = 0;

    for (i = 0; i < n; i++) {
        const char *got = kind_of(rules, cases[i].heading);
        if (strcmp(got, cases[i].kind) != 0) {
            print_error("\"%s\" is \"%s\", not \"%s\"\n", cases[i].heading,
                        got, cases[i].kind);
            failed++;
        }
    }
    assert_int_equal(failed, 0);
}

static const char full_pm[] =
    "# Incident 2025-01-02: checkout errors\n"
    "\n"
    "## Summary\n\nCheckout failed for 40 minutes.\n"
    "\n## Impact\n\n12% of checkouts failed.\n"
    "\n## Timeline\n\n- 14:02 UTC alerts fired\n"
    "\n## Root Cause\n\nThe config loader accepted an empty file.\n"
    "\n## Action Items\n\n- Reject empty configs (owner: @dana)\n"
    "\n## Lessons Learned\n\nCanary checks caught it late.\n";

/* --- Normalising and classifying headings -------------------------------- */

static void
test_normalize_drops_decoration(void **state)
{
    char out[128];
    static const struct { const char *in, *out; } cases[] = {
        {"3. Timeline", "timeline"},
        {"3) Timeline", "timeline"},
        {"1.2. Root cause", "root cause"},
        {"IV. Impact", "impact"},
        {"A. Summary", "summary"},
        {"\xF0\x9F\x94\xA5 Impact \xF0\x9F\x94\xA5", "impact"},
        {"Timeline (all times UTC)", "timeline"},
        {"Impact:163", "impact"},
        {"Summary:", "summary"},
        {"  LESSONS   LEARNED  ", "lessons learned"},
        {"Impact & Metrics", "impact and metrics"},
        {"What we've learned", "what weve learned"},
        {"TL;DR", "tl dr"},
        {"Impact - scope and duration", "impact"},
        {"2024 outage", "2024 outage"},     /* a year is no numbering */
        {"", ""},
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bl_heading_normalize(cases[i].in, strlen(cases[i].in), out,
                             sizeof out);
        assert_string_equal(out, cases[i].out);
    }
    /* A tiny buffer truncates instead of overflowing. */
    assert_int_equal(bl_heading_normalize("Lessons learned", 15, out, 4), 3);
    assert_string_equal(out, "les");
}

static void
test_classify_synonyms_prefixes_typos(void **state)
{
    bl_rules *rules = default_rules();

    (void)state;
    assert_string_equal(kind_of(rules, "Executive Summary"), "summary");
    assert_string_equal(kind_of(rules, "TL;DR"), "summary");
    assert_string_equal(kind_of(rules, "Customer Impact"), "impact");
    assert_string_equal(kind_of(rules, "Summary of impact"), "impact");
    assert_string_equal(kind_of(rules, "Chronology"), "timeline");
    assert_string_equal(kind_of(rules, "Timeline of events"), "timeline");
    assert_string_equal(kind_of(rules, "Root Cause Analysis"), "root-cause");
    assert_string_equal(kind_of(rules, "Root cause of the outage"),
                        "root-cause");
    assert_string_equal(kind_of(rules, "Contributing Factors"), "root-cause");
    assert_string_equal(kind_of(rules, "5 Whys"), "root-cause");
    assert_string_equal(kind_of(rules, "Why did it happen?"), "root-cause");
    assert_string_equal(kind_of(rules, "Follow-ups"), "action-items");
    assert_string_equal(kind_of(rules, "Corrective actions"), "action-items");
    assert_string_equal(kind_of(rules, "7. Remedial Actions"), "action-items");
    assert_string_equal(kind_of(rules, "6. Measures"), "action-items");
    assert_string_equal(kind_of(rules, "todo"), "action-items");
    assert_string_equal(kind_of(rules, "What we're doing"), "action-items");
    assert_string_equal(kind_of(rules, "1. Occurrence Summary"), "summary");
    assert_string_equal(kind_of(rules, "Event Summary"), "summary");
    assert_string_equal(kind_of(rules, "2. Operational Impact"), "impact");
    assert_string_equal(kind_of(rules, "who got hit"), "impact");
    assert_string_equal(kind_of(rules, "stuff we learned"), "lessons-learned");
    assert_string_equal(kind_of(rules, "7. Learning Points"), "lessons-learned");
    assert_string_equal(kind_of(rules, "What I'm taking away"),
                        "lessons-learned");
    assert_string_equal(kind_of(rules, "3. Patient Safety Impact"), "impact");
    assert_string_equal(kind_of(rules, "Next steps"), "action-items");
    /* How blog-style incident reports title them. */
    assert_string_equal(kind_of(rules, "What we're doing to prevent it"),
                        "action-items");
    assert_string_equal(kind_of(rules, "What we are doing to prevent this "
                                "from happening again"), "action-items");
    assert_string_equal(kind_of(rules, "Preventing recurrence"),
                        "action-items");
    /* "Prevention" alone may be a part of the root cause: not taken. */
    assert_string_equal(kind_of(rules, "Follow-up tasks"), "action-items");
    assert_string_equal(kind_of(rules, "What's next?"), "action-items");
    assert_string_equal(kind_of(rules, "Incident overview"), "summary");
    assert_string_equal(kind_of(rules, "Technical root cause"),
                        "root-cause");
    assert_string_equal(kind_of(rules, "Lessons Learnt"), "lessons-learned");
    assert_string_equal(kind_of(rules, "What we learned"), "lessons-learned");
    assert_string_equal(kind_of(rules, "What went well?"), "lessons-learned");
    /* Typos: one in a word of six or more letters, two from twelve. */
    assert_string_equal(kind_of(rules, "Tiemline"), "timeline");
    assert_string_equal(kind_of(rules, "Lesons Learned"), "lessons-learned");
    assert_string_equal(kind_of(rules, "Acton Items"), "action-items");
    /* ...but not in short words, and not to a different word. */
    assert_string_equal(kind_of(rules, "Scape"), "");
    assert_string_equal(kind_of(rules, "Appendix"), "");
    assert_string_equal(kind_of(rules, "Detection"), "");
    assert_string_equal(kind_of(rules, "Questions"), "");
    assert_string_equal(kind_of(rules, "Attendees"), "");
    /* Keycap numbers and GitHub shortcodes decorate like "1." and emoji. */
    assert_string_equal(kind_of(rules, "1\xEF\xB8\x8F\xE2\x83\xA3 Summary"),
                        "summary");
    assert_string_equal(kind_of(rules, "2\xE2\x83\xA3 Impact"), "impact");
    assert_string_equal(kind_of(rules, ":warning: Impact"), "impact");
    assert_string_equal(kind_of(rules, "3\xEF\xB8\x8F\xE2\x83\xA3 "
                                ":clock3: Timeline"), "timeline");
    assert_string_equal(kind_of(rules, "14:02 Timeline"), "");
    assert_string_equal(kind_of(rules, "1. :clock3: Timeline"), "timeline");
    assert_string_equal(kind_of(rules, "\n:warning: Impact"), "impact");
    /* An emoji may stand before the number, a symbol too. */
    assert_string_equal(kind_of(rules, "\xF0\x9F\x93\x8B 5. Action Items:"),
                        "action-items");
    assert_string_equal(kind_of(rules, "\xE2\x9A\xA0\xEF\xB8\x8F 2) Impact"),
                        "impact");
    assert_string_equal(kind_of(rules, "\xF0\x9F\x95\x90 3. Timeline (UTC)"),
                        "timeline");
    /* "=Postmortem": the whole heading only (the Rust blog's lessons). */
    assert_string_equal(kind_of(rules, "Postmortem"), "lessons-learned");
    assert_string_equal(kind_of(rules, "Post-mortem"), "lessons-learned");
    assert_string_equal(kind_of(rules, "Postmortem Attendees"), "");
    assert_string_equal(kind_of(rules, "Postmortems"), "");
    assert_string_equal(kind_of(rules, "Postmortm"), "");     /* no typo */
    assert_string_equal(kind_of(rules, "Postmortem: notes"), "");
    assert_string_equal(kind_of(rules, "Postmortem:"), "lessons-learned");
    assert_string_equal(kind_of(rules, "Postmortem: \xF0\x9F\x8E\x89"),
                        "lessons-learned");     /* an emoji is no suffix */
    bl_rules_free(rules);
}

/* 1 when heading names a part of its section, 0 when the section itself,
 * -1 when no section. */
static int
is_part(const bl_rules *rules, const char *heading)
{
    int part;

    if (bl_heading_classify(rules, "postmortem", heading, strlen(heading),
                            &part) < 0)
        return -1;
    return part;
}

/* Question-style headings of status-blog reports, and other common
 * names (QA's g22 and its list); and the near misses that must stay
 * nothing. */
static void
test_classify_question_and_common_headings(void **state)
{
    bl_rules *rules = default_rules();
    static const heading_case cases[] = {
        {"What caused it?", "root-cause"},
        {"What are we doing to prevent it?", "action-items"},
        {"What are we doing about it?", "action-items"},
        {"What did we learn?", "lessons-learned"},
        {"What was the impact?", "impact"},
        {"How were customers affected?", "impact"},
        {"Severity & Impact", "impact"},
        {"User-facing impact", "impact"},
        {"Customer-facing impact", "impact"},
        {"Event log", "timeline"},
        {"Incident log (UTC)", "timeline"},
        {"Technical analysis", "root-cause"},
        {"Causal analysis", "root-cause"},
        {"Improvement actions", "action-items"},
        {"Countermeasures", "action-items"},
        /* Log excerpts, mitigation during the incident, and "Prevention",
         * also a part of a Root Cause or Timeline: none. */
        {"Incident logs", ""},
        {"Event logs", ""},
        {"Mitigation", ""},
        {"Mitigations", ""},
        {"Prevention", ""},
        {"How did we fix it?", ""},
        {"Countermeasures taken", ""},
        {"User-facing changes", ""},
    };

    bl_diags d;
    bl_doc *doc;

    (void)state;
    expect_kinds(rules, cases, sizeof cases / sizeof cases[0]);
    assert_int_equal(is_part(rules, "Technical analysis"), 1);
    doc = lint(rules, "# Incident report: delayed webhooks\n\n"
               "## What happened?\n\nWebhooks were late for 3 hours.\n\n"
               "## What was the impact?\n\n- 38% of customers.\n\n"
               "## Timeline\n\n- 13:02 UTC deploy\n\n"
               "## What caused it?\n\nA retry table grew.\n\n"
               "## What are we doing to prevent it?\n\n- Add an index "
               "(owner: @delivery)\n\n"
               "## What did we learn?\n\nA rollback restores code, not "
               "data.\n", &d);
    assert_int_equal(tu_count_rule(&d, "section/missing"), 0);
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

/* A qualifier before a section's name ("Full timeline", "Open action
 * items") names the section when its Heading: stanza lists it; others
 * ("Roadmap impact", "Response actions") do not. */
static void
test_classify_leading_qualifiers(void **state)
{
    bl_rules *rules = default_rules();
    static const heading_case cases[] = {
        {"Brief summary", "summary"},
        {"Short summary", "summary"},
        {"High-level summary", "summary"},
        {"One-page summary", "summary"},
        {"Full timeline (UTC)", "timeline"},
        {"Response timeline", "timeline"},
        {"Detection and response timeline (UTC)", "timeline"},
        {"Full timeline of events", "timeline"},
        {"Open action items", "action-items"},
        {"Post-incident actions", "action-items"},
        {"Postmortem action items", "action-items"},
        {"Key lessons", "lessons-learned"},
        {"Detailed root cause", "root-cause"},
        {"Underlying cause", "root-cause"},
        {"Underlying causes of the outage", "root-cause"},
        /* Near misses: a qualifier of another section, a word that is no
         * qualifier, a qualifier alone, a whole-heading synonym. */
        {"Response actions", ""},
        {"Roadmap impact", ""},
        {"Open questions", ""},
        {"Key decisions", ""},
        {"Full stack overview", ""},
        {"Brief", ""},
        {"Detection and response", ""},
        {"Short postmortem", ""},
        {"Underlying infrastructure", ""},
        {"Post-incident review", ""},
    };

    (void)state;
    expect_kinds(rules, cases, sizeof cases / sizeof cases[0]);
    bl_rules_free(rules);
}

/* "Scope" is the Impact's only as a heading of its own or with impact in
 * it: "Scope of this review" says what the review covers. */
static void
test_scope_is_impact_only_as_impact_scope(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    bl_doc *doc;

    (void)state;
    assert_string_equal(kind_of(rules, "Scope"), "impact");
    assert_string_equal(kind_of(rules, "Scope:"), "impact");
    assert_string_equal(kind_of(rules, "Scope of impact"), "impact");
    assert_string_equal(kind_of(rules, "Impact scope"), "impact");
    assert_string_equal(kind_of(rules, "Scope and impact"), "impact");
    assert_string_equal(kind_of(rules, "Scope of this review"), "");
    assert_string_equal(kind_of(rules, "Scope and goals"), "");
    assert_string_equal(kind_of(rules, "Scope: checkout only"), "");
    doc = lint(rules,
        "# Incident: checkout latency\n\n## Summary\n\nSlow.\n\n"
        "## Scope of this review\n\nCheckout only.\n\n"
        "## Impact\n\n38% of checkouts were slow for 49 minutes.\n", &d);
    assert_int_equal(tu_count_rule(&d, "section/duplicate"), 0);
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

/* "Section 3:", "Part 3:", "(3)" and "§3" number a heading as "3." does;
 * a word alone is no numbering. */
static void
test_classify_numbering_words(void **state)
{
    bl_rules *rules = default_rules();
    static const heading_case cases[] = {
        {"Section 3: Timeline", "timeline"},
        {"Section 3 \xE2\x80\x93 Timeline (UTC)", "timeline"},
        {"Part 3: Timeline", "timeline"},
        {"Part IV. Root cause", "root-cause"},
        {"(3) Timeline", "timeline"},
        {"\xC2\xA7" "3 Timeline", "timeline"},
        {"\xC2\xA7 3. Impact", "impact"},
        {"1\\. Timeline", "timeline"},
        {"Section: Timeline", ""},
        {"Part of the timeline", ""},
        {"Sections", ""},
    };

    (void)state;
    expect_kinds(rules, cases, sizeof cases / sizeof cases[0]);
    bl_rules_free(rules);
}

/* Bilingual headings with the team's own words first: the translation
 * in parentheses or after a slash names the section when the heading as
 * a whole names none, and only as a whole synonym. */
static void
test_classify_translations(void **state)
{
    bl_rules *rules = default_rules();
    static const heading_case cases[] = {
        {"Zusammenfassung / Summary", "summary"},
        {"Zusammenfassung/Summary", "summary"},
        {"Auswirkungen (Impact)", "impact"},
        {"Zeitablauf (Timeline, MESZ)", "timeline"},
        {"Ursachenanalyse (Root Cause)", "root-cause"},
        {"Ma\xC3\x9Fnahmen (Action Items)", "action-items"},
        {"Erkenntnisse (Lessons Learned)", "lessons-learned"},
        {"Was gut lief (What went well)", "lessons-learned"},
        {"R\xC3\xA9sum\xC3\xA9 (Full timeline)", "timeline"},
        /* The heading as a whole comes first. */
        {"Summary / Zusammenfassung", "summary"},
        {"Timeline (Impact)", "timeline"},
        /* A translation is a synonym as a whole: no prefix, no typo. */
        {"Glossary (root cause terms)", ""},
        {"Q3/Q4 action items", ""},
        {"Anhang (Appendix)", ""},
        {"Zeitablauf (Tiemline)", ""},
        {"(Impact)", "impact"},
    };

    (void)state;
    expect_kinds(rules, cases, sizeof cases / sizeof cases[0]);
    bl_rules_free(rules);
}

/* A German postmortem with English translations in its headings (QA's
 * b09): its sections are there, so the rules that read them run and
 * report its defects. */
static void
test_translated_sections_are_read(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    bl_doc *doc = lint(rules,
        "---\ntype: postmortem\n---\n\n# St\xC3\xB6rung: Login\n\n"
        "## Zusammenfassung (Summary)\n\nDas Portal war 35 Minuten down.\n\n"
        "## Auswirkungen (Impact)\n\n- 12.000 fehlgeschlagene Logins.\n\n"
        "## Zeitablauf (Timeline)\n\n- 10:02 Upgrade gestartet.\n"
        "- 10:40 Rollback abgeschlossen.\n- 10:05 Erste Fehler.\n\n"
        "## Ursachenanalyse (Root Cause)\n\n**Why 1:** Warum?\nRedis.\n\n"
        "**Why 2:** Warum?\nKein TLS.\n\n**Why 3:** Warum?\nCheckliste.\n\n"
        "## Ma\xC3\x9Fnahmen (Action Items)\n\n- TLS aktivieren (@dana)\n\n"
        "## Erkenntnisse (Lessons Learned)\n\n- Clients testen.\n", &d);

    (void)state;
    assert_int_equal(tu_count_rule(&d, "section/missing"), 0);
    assert_int_equal(tu_count_rule(&d, "timeline/out-of-order"), 1);
    assert_int_equal(tu_count_rule(&d, "timeline/no-timezone"), 1);
    assert_int_equal(tu_count_rule(&d, "whys/too-short"), 1);
    bl_diags_free(&d);
    bl_doc_free(doc);
    /* Without the translations nothing is recognised: still reported. */
    assert_true(says_missing(rules, "# Incident: Login\n\n"
                             "## Zusammenfassung\n\nDas Portal war down.\n",
                             "No Summary"));
    bl_rules_free(rules);
}

/* The README's own <details> example is a Timeline. */
static void
test_qualified_summary_label_is_a_section(void **state)
{
    bl_rules *rules = default_rules();

    (void)state;
    assert_false(says_missing(rules,
        "# Incident: checkout latency\n\n## Summary\n\nSlow.\n\n"
        "<details><summary>Full timeline (all times UTC)</summary>\n\n"
        "- 14:02 Latency rises.\n\n</details>\n", "Timeline"));
    assert_true(says_missing(rules,
        "# Incident: checkout latency\n\n## Summary\n\nSlow.\n\n"
        "<details><summary>Full logs</summary>\n\n"
        "- 14:02 Latency rises.\n\n</details>\n", "Timeline"));
    bl_rules_free(rules);
}

static void
test_parts_are_marked(void **state)
{
    bl_rules *rules = default_rules();
    int part;

    (void)state;
    assert_true(bl_heading_classify(rules, "postmortem", "Where we got lucky",
                                    18, &part) >= 0);
    assert_int_equal(part, 1);
    assert_true(bl_heading_classify(rules, "postmortem", "Lessons learned",
                                    15, &part) >= 0);
    assert_int_equal(part, 0);
    /* A colon's suffix that names a part makes the heading that part
     * (crates.io), whatever the title before it says. */
    assert_string_equal(kind_of(rules, "Root cause identification: The Five "
                                "Whys"), "root-cause");
    assert_int_equal(is_part(rules, "Root cause identification: The Five "
                             "Whys"), 1);
    assert_int_equal(is_part(rules, "Root cause: the config push"), 0);
    /* Companions a template keeps beside the section, not copies of it. */
    assert_int_equal(is_part(rules, "Incident Timing"), 1);
    assert_int_equal(is_part(rules, "Outage Description"), 1);
    bl_rules_free(rules);
}

/* Real templates and reports that paired these headings were told they
 * had the section twice (dastergon's template, the crates.io report). */
/* "## Investigation" is the Root Cause when there is no other, and never
 * a second one beside it. */
static void
test_investigation_is_a_part_of_the_root_cause(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    bl_doc *doc = lint(rules,
        "# Incident: checkout latency\n\n## Summary\n\nSlow.\n\n"
        "## Investigation\n\n**Why was latency high?** The pool.\n\n"
        "## Root Cause\n\nThe pool shrank to 20.\n", &d);

    (void)state;
    assert_int_equal(tu_count_rule(&d, "section/duplicate"), 0);
    bl_diags_free(&d);
    bl_doc_free(doc);
    /* An Analysis section, as much a narrative of the search. */
    doc = lint(rules,
        "# Incident: checkout latency\n\n## Summary\n\nSlow.\n\n"
        "## Analysis\n\nDashboards showed requests waiting on the pool.\n\n"
        "## Root Cause\n\nThe pool shrank to 20.\n", &d);
    assert_int_equal(tu_count_rule(&d, "section/duplicate"), 0);
    bl_diags_free(&d);
    bl_doc_free(doc);
    assert_false(says_missing(rules,
        "# Incident: checkout latency\n\n## Summary\n\nSlow.\n\n"
        "## Investigation\n\nThe pool shrank to 20.\n", "Root Cause"));
    assert_false(says_missing(rules,
        "# Incident: checkout latency\n\n## Summary\n\nSlow.\n\n"
        "## Analysis\n\nThe pool shrank to 20.\n", "Root Cause"));
    bl_rules_free(rules);
}

static void
test_companion_headings_are_no_duplicates(void **state)
{
    static const char *const srcs[] = {
        "# Postmortem: queue backlog\n\n## Executive Summary\n\nThe queue "
        "backed up.\n\n## Outage Description\n\nA worker stalled.\n\n",
        "# Postmortem: queue backlog\n\n## Incident Timing\n\n| Event | "
        "Time |\n|---|---|\n| Start | 14:02 UTC |\n\n## Incident Timeline"
        "\n\n- 14:02 UTC alert\n\n",
        "# Postmortem: queue backlog\n\n## Root cause identification: The "
        "Five Whys\n\n1. Why? A worker stalled.\n\n## Root causes\n\n- A "
        "worker stalled.\n\n",
    };
    bl_rules *rules = default_rules();
    size_t i;

    (void)state;
    for (i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
        bl_diags d;
        bl_doc *doc = lint(rules, srcs[i], &d);
        assert_int_equal(tu_count_rule(&d, "section/duplicate"), 0);
        bl_diags_free(&d);
        bl_doc_free(doc);
    }
    bl_rules_free(rules);
}

/* --- The gate: only postmortems are checked for structure ---------------- */

static void
test_readme_gets_no_structure_findings(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    bl_doc *doc = lint(rules, "# blamelint\n\n## Install\n\nRun make.\n\n"
                       "## Usage\n\nRun it.\n", &d);

    (void)state;
    assert_int_equal(d.n, 0);
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

/* Lints src and returns how many findings of rule id it has, or of any
 * rule when id is NULL. */
static size_t
count_of(const bl_rules *rules, const char *src, const char *id)
{
    bl_diags d;
    bl_doc *doc = lint(rules, src, &d);
    size_t n = id != NULL ? tu_count_rule(&d, id) : d.n;

    bl_diags_free(&d);
    bl_doc_free(doc);
    return n;
}

static void
test_gate_opens_on_title_front_matter_or_two_sections(void **state)
{
    bl_rules *rules = default_rules();

    (void)state;
    /* The title names an incident. */
    assert_int_equal(count_of(rules, "# Outage of the payments API\n\n"
                              "It broke.\n", "section/missing"), 5);
    /* Front matter says so; the title does not. */
    assert_int_equal(count_of(rules, "---\ntitle: Payments\ntype: postmortem"
                              "\n---\n# Payments\n\nIt broke.\n",
                              "section/missing"), 5);
    /* Two canonical sections, no title at all. */
    assert_int_equal(count_of(rules, "## Timeline\n\n- 14:02 UTC alert\n\n"
                              "## Impact\n\nSlow pages.\n", "section/missing"),
                     4);
    /* One section and an unrelated title: not a postmortem. */
    assert_int_equal(count_of(rules, "# Team notes\n\n## Summary\n\n"
                              "We met.\n", NULL), 0);
    /* "incidental" is not "incident". */
    assert_int_equal(count_of(rules, "# Incidental costs\n\nSome.\n", NULL),
                     0);
    bl_rules_free(rules);
}

/* A word-processor export has no headings: its sections are bold lines,
 * and its title one too. */
static void
test_gate_opens_on_bold_lines_without_headings(void **state)
{
    static const char two_labels[] =
        "**Payments notes**\n\n**1\\. Summary**\n\nIt broke.\n\n"
        "**2\\. Impact**\n\nEstimated: [TODO].\n";
    bl_rules *rules = default_rules();

    (void)state;
    /* Two bold lines that name sections, escaped numbering and all. */
    assert_int_equal(count_of(rules, two_labels, "section/missing"), 4);
    assert_int_equal(count_of(rules, two_labels, "placeholder/unfilled"), 1);
    /* A bold title that names an incident, one section. */
    assert_int_equal(count_of(rules, "**Postmortem: checkout outage**\n\n"
                              "**Impact**\n\nSlow pages.\n",
                              "section/missing"), 5);
    /* One bold line that names a section: a note, not a postmortem. */
    assert_int_equal(count_of(rules, "**Team notes**\n\n**Summary**\n\n"
                              "We met. Estimated: [TODO].\n", NULL), 0);
    bl_rules_free(rules);
}

/* --- section/missing ----------------------------------------------------- */

static void
test_complete_postmortem_is_clean(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    bl_doc *doc = lint(rules, full_pm, &d);

    (void)state;
    assert_int_equal(tu_count_rule(&d, "section/missing"), 0);
    assert_int_equal(tu_count_rule(&d, "section/empty"), 0);
    assert_int_equal(tu_count_rule(&d, "section/duplicate"), 0);
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

static void
test_every_missing_section_is_reported_on_the_title(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    const char *src = "# Incident: DNS outage\n\n## Timeline\n\n- 14:02 UTC "
                      "alerts\n\n## Action items\n\n- Add a check\n";
    bl_doc *doc = lint(rules, src, &d);
    size_t i;

    (void)state;
    /* Summary, Impact, Root Cause and Lessons Learned: all four, not
     * just the first. */
    assert_int_equal(tu_count_rule(&d, "section/missing"), 4);
    assert_true(has_message(&d, "section/missing", "No Summary section"));
    assert_true(has_message(&d, "section/missing", "No Impact section"));
    assert_true(has_message(&d, "section/missing", "No Root Cause section"));
    assert_true(has_message(&d, "section/missing",
                            "No Lessons Learned section"));
    for (i = 0; i < d.n; i++) {
        assert_int_equal(d.items[i].begin, tu_off(doc, "Incident: DNS"));
        assert_int_equal(d.items[i].end, tu_off(doc, "\n\n## Timeline"));
    }
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

static void
test_missing_fix_inserts_before_the_next_section_at_its_level(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    const char *src = "# Incident: DNS outage\n\nIt broke.\n\n"
                      "### Timeline\n\n- 14:02 UTC alerts\n\n"
                      "### Root cause\n\nA stale record.\n\n"
                      "### Action items\n\n- Add a check\n";
    bl_doc *doc = lint(rules, src, &d);
    const bl_diag *impact = NULL, *lessons = NULL;
    size_t i;

    (void)state;
    for (i = 0; i < d.n; i++) {
        if (strstr(d.items[i].message, "No Impact") != NULL)
            impact = &d.items[i];
        if (strstr(d.items[i].message, "No Lessons") != NULL)
            lessons = &d.items[i];
    }
    assert_int_equal(tu_count_rule(&d, "section/missing"), 2);
    /* The intro paragraph stands for the Summary. */
    assert_false(has_message(&d, "section/missing", "No Summary"));
    /* Impact goes before Timeline, at level 3, with a blank line after. */
    assert_non_null(impact);
    assert_int_equal(impact->fix_begin, tu_off(doc, "### Timeline"));
    assert_int_equal(impact->fix_end, impact->fix_begin);
    assert_true(strncmp(impact->fix, "### Impact\n\n<!--", 16) == 0);
    assert_true(strstr(impact->fix, "-->\n\n") != NULL);
    /* Lessons Learned comes last: appended after a blank line. */
    assert_non_null(lessons);
    assert_int_equal(lessons->fix_begin, strlen(src));
    assert_true(strncmp(lessons->fix, "\n### Lessons Learned\n", 21) == 0);
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

/* Where a missing section's fix goes in src (0 when it is not missing):
 * its offset from the first occurrence of `at` ("" for the end), or
 * -1 when elsewhere. */
static long
missing_fix_at(const bl_rules *rules, const char *src, const char *what,
               const char *at)
{
    bl_diags d;
    bl_doc *doc = lint(rules, src, &d);
    long where = 0;
    size_t i;

    for (i = 0; i < d.n; i++)
        if (strcmp(d.items[i].rule->id, "section/missing") == 0
            && strstr(d.items[i].message, what) != NULL) {
            size_t want = at[0] != '\0' ? tu_off(doc, at) : strlen(src);
            where = d.items[i].fix_begin == want ? 1 : -1;
            if (where < 0)
                print_error("%s fix at %zu, not %zu\n", what,
                            d.items[i].fix_begin, want);
        }
    bl_diags_free(&d);
    bl_doc_free(doc);
    return where;
}

/* A later section that only labels name (g09's "**Why 1:**" steps under
 * "## Ursachenanalyse", a card of "- **Label**:" fields) still places a
 * missing section before it, not at the end: before the heading it is
 * under when that names nothing, else before its top-level item or
 * paragraph, since a heading cannot stand inside a list. */
static void
test_missing_fix_goes_before_a_labelled_later_section(void **state)
{
    static const char german[] =
        "---\ntype: postmortem\n---\n\n# St\xC3\xB6rung: Zahlungen\n\n"
        "## Zeitablauf\n\n- 11:20 Erste Ablehnungen.\n\n"
        "## Ursachenanalyse\n\n**Why 1:** Warum?\nTLS.\n\n"
        "**Why 2:** Warum?\nZertifikat.\n\n## Ma\xC3\x9Fnahmen\n\n"
        "- \xC3\x9C" "berwachen (@leyla)\n";
    static const char card[] =
        "# Incident on 2022-11-15: Prometheus down\n\n"
        "- **Key events**\n  - Detected 16:03 UTC\n  - Resolved 16:30 UTC\n\n"
        "- **Impact**: Prometheus was down for 27 minutes.\n\n"
        "- **Resolution**:\n  - The pod was killed.\n\n"
        "- **Review actions**:\n  - Alert on retirements (owner: @a)\n";
    static const char in_summary[] =
        "# Incident: CI down\n\n## Summary\n\nCI was down.\n\n"
        "**Root cause**\n\nThe quota was reached.\n\n"
        "## Lessons learned\n\nQuotas need alerts.\n";
    bl_rules *rules = default_rules();

    (void)state;
    assert_int_equal(missing_fix_at(rules, german, "No Summary",
                                     "## Ursachenanalyse"), 1);
    assert_int_equal(missing_fix_at(rules, german, "No Impact",
                                     "## Ursachenanalyse"), 1);
    assert_int_equal(missing_fix_at(rules, card, "No Summary",
                                     "- **Key events**"), 1);
    assert_int_equal(missing_fix_at(rules, card, "No Root Cause",
                                     "- **Review actions**"), 1);
    assert_int_equal(missing_fix_at(rules, in_summary, "No Impact",
                                     "**Root cause**"), 1);
    /* Nothing later: still at the end. */
    assert_int_equal(missing_fix_at(rules, in_summary, "No Action Items",
                                     "## Lessons learned"), 1);
    assert_int_equal(missing_fix_at(rules, card, "No Lessons Learned", ""),
                     1);
    bl_rules_free(rules);
}

static void
test_missing_fix_keeps_crlf_and_ends_the_last_line(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    const char *src = "# Incident: DNS\r\n\r\n## Summary\r\n\r\nDown.\r\n\r\n"
                      "## Impact\r\n\r\nAll.\r\n\r\n## Timeline\r\n\r\n"
                      "- 14:02 UTC alert\r\n\r\n## Root cause\r\n\r\nTTL."
                      "\r\n\r\n## Action items\r\n\r\n- Fix (owner: @a)";
    bl_doc *doc = lint(rules, src, &d);
    const bl_diag *m = nth_of(&d, "section/missing", 0);

    (void)state;
    assert_int_equal(tu_count_rule(&d, "section/missing"), 1);
    assert_non_null(m);
    assert_int_equal(m->fix_begin, strlen(src));
    /* No newline at the end of the file: end it, then a blank line. */
    assert_true(strncmp(m->fix, "\r\n\r\n## Lessons Learned\r\n\r\n", 26)
                == 0);
    assert_null(strstr(m->fix + 26, "\n\n"));   /* every \n has its \r */
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

static void
test_missing_without_title_points_at_line_one(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    bl_doc *doc = lint(rules, "Some intro.\n\n## Timeline\n\n- 14:02 UTC x\n\n"
                       "## Impact\n\nNone.\n", &d);
    const bl_diag *m = nth_of(&d, "section/missing", 0);

    (void)state;
    assert_non_null(m);
    assert_int_equal(m->begin, 0);
    assert_int_equal(m->end, strlen("Some intro."));
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

static void
test_headings_in_many_layouts_count(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    /* Setext headings, numbering, emoji, a trailing colon, a typo and a
     * "(UTC)" suffix: all six sections are there. */
    bl_doc *doc = lint(rules,
                       "Incident report\n===============\n\n"
                       "1. Overview:\n------------\n\nDown for an hour.\n\n"
                       "## 2. \xF0\x9F\x92\xA5 Customer impact\n\nAll.\n\n"
                       "## 3. Timeline (UTC)\n\n- 14:02 alert\n\n"
                       "## 4. Root cause analysis\n\nTTL.\n\n"
                       "## 5. Follow-ups\n\n- Fix it (owner: @a)\n\n"
                       "## 6. Lesons learnt\n\nTTLs matter.\n", &d);

    (void)state;
    assert_int_equal(tu_count_rule(&d, "section/missing"), 0);
    assert_int_equal(tu_count_rule(&d, "section/empty"), 0);
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

static void
test_bold_labels_and_parts_count_as_present(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    bl_doc *doc = lint(rules,
                       "# Incident on 2022-11-15: Prometheus down\n\n"
                       "- **Key events**\n  - Detected 16:03\n\n"
                       "- **Impact**: Prometheus was down for 27m.\n\n"
                       "**Review actions**:\n\n- Alert on retirements\n\n"
                       "## What went well\n\nPaging worked.\n\n"
                       "## Why the node was retired\n\nAWS retired it.\n",
                       &d);

    (void)state;
    /* Timeline, Impact, Action Items by label; Lessons Learned and Root
     * Cause by parts; Summary by... nothing: it is missing. */
    assert_int_equal(tu_count_rule(&d, "section/missing"), 1);
    assert_true(has_message(&d, "section/missing", "No Summary"));
    bl_diags_free(&d);
    /* A bold lead of an action item is no section label. */
    bl_doc_free(doc);
    doc = lint(rules, "# Incident: X\n\n## Summary\n\nDown.\n\n"
               "- **Impact assessment was slow**, it took hours.\n", &d);
    assert_true(has_message(&d, "section/missing", "No Impact"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

/* A one-table postmortem names its sections in the first column (QA's
 * round 7, "Section | Content"): a row that names one and says
 * something shows it is there; a row left "TBD" does not. */
static void
test_sections_named_in_a_table_row_count_as_present(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    bl_doc *doc = lint(rules,
                       "# Postmortem: payroll export ran twice\n\n"
                       "| Section | Content |\n|---|---|\n"
                       "| Incident ID | INC-4471 |\n"
                       "| **Summary** | The export ran twice. |\n"
                       "| **Impact** | 1,214 duplicate payments. |\n"
                       "| **Timeline (CET)** | 01:00 export starts. |\n"
                       "|  | 01:07 a second run starts. |\n"
                       "| **Root Cause** | Job state is kept in memory. |\n"
                       "| **Action Items** | In the table below. |\n"
                       "| **Lessons Learned** | TBD |\n", &d);

    (void)state;
    assert_int_equal(tu_count_rule(&d, "section/missing"), 1);
    assert_true(has_message(&d, "section/missing", "No Lessons Learned"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

/* An outline numbered by hand (QA's round 7): "1. Summary" alone in an
 * ordered list of one item, its text in paragraphs after it, names the
 * section; a list of several items (a table of contents) does not. */
static void
test_an_outline_item_alone_names_a_section(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    bl_doc *doc = lint(rules,
                       "# Post-incident review: DNS failures\n\n"
                       "## Part A\n\n1. Summary\n\n1.1 Overview\n\n"
                       "CoreDNS lost its forward block.\n\n2. Impact\n\n"
                       "31% of requests failed.\n\n3. Timeline\n\n"
                       "All times UTC.\n\n13:12 merged.\n\n"
                       "## Part B\n\n4. Root Cause\n\n"
                       "The refactor dropped a forward block.\n\n"
                       "5. Action Items\n\n- Add a CI check (owner: @lena)\n\n"
                       "6. Lessons Learned\n\nDNS config is code.\n", &d);

    (void)state;
    assert_int_equal(tu_count_rule(&d, "section/missing"), 0);
    bl_diags_free(&d);
    bl_doc_free(doc);
    doc = lint(rules, "# Incident: X\n\n## Contents\n\n1. Summary\n"
               "2. Impact\n\n## Summary\n\nDown.\n", &d);
    assert_true(has_message(&d, "section/missing", "No Impact"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

static void
test_impact_stated_in_the_summary_counts(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    static const char *const covered[] = {
        "Checkout failed for 40 minutes.",
        "About 12% of requests failed.",
        "The effect lasted approximately nine hours.",
        "No customer data was lost.",
        /* What was affected, in plain words (PostHog, mybinder). */
        "The attack only affected our Javascript SDKs.",
        "During the outage users did not see the build logs.",
    };
    size_t i;
    char src[512];
    bl_doc *doc;

    (void)state;
    for (i = 0; i < sizeof covered / sizeof covered[0]; i++) {
        snprintf(src, sizeof src, "# Outage: checkout\n\n## Summary\n\n%s\n"
                 "\n## Timeline\n\n- 14:02 UTC alert\n", covered[i]);
        doc = lint(rules, src, &d);
        assert_false(has_message(&d, "section/missing", "No Impact"));
        bl_diags_free(&d);
        bl_doc_free(doc);
    }
    /* A summary that says what broke but not how much or how long. */
    doc = lint(rules, "# Outage: checkout\n\n## Summary\n\nA bad config "
               "broke checkout.\n\n## Timeline\n\n- 14:02 UTC alert\n", &d);
    assert_true(has_message(&d, "section/missing", "No Impact"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    /* The numbers must be in the Summary, not anywhere. */
    doc = lint(rules, "# Outage: checkout\n\n## Summary\n\nA bad config "
               "broke checkout.\n\n## Timeline\n\n- 14:02 UTC alert, 40 "
               "minutes of errors\n", &d);
    assert_true(has_message(&d, "section/missing", "No Impact"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

/* A <details> block whose <summary> names a section is that section, as a
 * bold label is: long timelines are often folded away. */
static void
test_details_summary_names_a_section(void **state)
{
    bl_rules *rules = default_rules();
#define QUEUE "# Incident: queue\n\n## Summary\n\nThe queue backed up for " \
              "40 minutes.\n\n"

    (void)state;
    assert_false(says_missing(rules, QUEUE "<details>\n<summary><b>Timeline"
                              "</b> (UTC)</summary>\n\n- 14:02 alert\n\n"
                              "</details>\n", "No Timeline"));
    assert_false(says_missing(rules, QUEUE "<details><SUMMARY>Lessons "
                              "learned</SUMMARY>\n\nPage earlier.\n\n"
                              "</details>\n", "No Lessons Learned"));
    assert_true(says_missing(rules, QUEUE "<details>\n<summary>Logs"
                             "</summary>\n\n- 14:02 alert\n\n</details>\n",
                             "No Timeline"));
    /* An empty heading in a list item before it hides nothing. */
    assert_false(says_missing(rules, QUEUE "- #\n- #\n\n<details><summary>"
                              "Timeline</summary>\n\n- 14:02 alert\n\n"
                              "</details>\n", "No Timeline"));
    /* Guidance in a comment is no label. */
    assert_true(says_missing(rules, QUEUE "<!-- <details><summary>Timeline"
                             "</summary> -->\n\n<details><summary>Logs"
                             "</summary>\n\n- 14:02 alert\n\n</details>\n",
                             "No Timeline"));
#undef QUEUE
    bl_rules_free(rules);
}

/* "## Postmortem" stands for Lessons Learned as a heading of its own, not
 * as a label, and not over the report's other sections. */
static void
test_postmortem_heading_is_lessons_only_alone(void **state)
{
    static const struct { const char *body; int missing; } cases[] = {
        {"## Postmortem\n\nWe learned to page earlier.\n", 0},
        {"## Postmortem\n\nWe learned to page earlier.\n\n### Follow-up "
         "actions\n\n- Page on queue depth (owner: @dana)\n", 0},
        {"**Postmortem:** draft\n", 1},
        {"**Postmortem**: draft\n", 1},
        {"## Postmortem\n\n### Timeline\n\n- 14:02 UTC alert\n\n"
         "### Root cause\n\nA full disk.\n", 1},
    };
    bl_rules *rules = default_rules();
    size_t i;
    char src[512];

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bl_diags d;
        bl_doc *doc;
        snprintf(src, sizeof src, "# Incident: queue\n\n## Summary\n\nThe "
                 "queue backed up for 40 minutes.\n\n%s", cases[i].body);
        doc = lint(rules, src, &d);
        if (has_message(&d, "section/missing", "No Lessons Learned")
            != cases[i].missing)
            print_error("case %zu\n", i);
        assert_int_equal(has_message(&d, "section/missing",
                                     "No Lessons Learned"), cases[i].missing);
        assert_int_equal(tu_count_rule(&d, "section/empty"), 0);
        bl_diags_free(&d);
        bl_doc_free(doc);
    }
    bl_rules_free(rules);
}

/* mybinder's reports give their cause under "Conclusion": a lessons
 * section that says in so many words what caused the incident stands in
 * for a Root Cause. */
static void
test_root_cause_stated_in_the_conclusion_counts(void **state)
{
    bl_rules *rules = default_rules();
#define BUILDS "# Outage: builds\n\n## Summary\n\nBuilds failed.\n\n"

    (void)state;
    assert_false(says_missing(rules, BUILDS "## Conclusion\n\nThis was "
                              "caused by two factors: a full disk and no "
                              "alert on it.\n", "No Root Cause"));
    assert_true(says_missing(rules, BUILDS "## Conclusion\n\nIt was "
                             "difficult to identify the root cause of the "
                             "issue.\n", "No Root Cause"));
    /* Saying there is none yet is no Root Cause either. */
    assert_true(says_missing(rules, BUILDS "## Conclusion\n\nThe root "
                             "cause is still unknown.\n", "No Root Cause"));
#undef BUILDS
    bl_rules_free(rules);
}

/* --- section/empty ------------------------------------------------------- */

/* An empty Lessons Learned whose three parts are empty too is one
 * finding, not four (dastergon's template). */
static void
test_empty_parts_of_an_empty_section_are_one_finding(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    bl_doc *doc = lint(rules, "# Postmortem: queue backlog\n\n"
                       "## Lessons Learned\n\n### What went well\n\n"
                       "### What went wrong\n\n- TBD\n\n"
                       "### Where we got lucky\n\n", &d);

    (void)state;
    assert_int_equal(tu_count_rule(&d, "section/empty"), 1);
    assert_int_equal(nth_of(&d, "section/empty", 0)->begin,
                     tu_off(doc, "Lessons Learned"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    /* One part filled: the section has content, the empty parts are
     * reported each. */
    doc = lint(rules, "# Postmortem: queue backlog\n\n## Lessons Learned\n\n"
               "### What went well\n\nPaging worked.\n\n"
               "### What went wrong\n\n- TBD\n\n", &d);
    assert_int_equal(tu_count_rule(&d, "section/empty"), 1);
    assert_int_equal(nth_of(&d, "section/empty", 0)->begin,
                     tu_off(doc, "What went wrong"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

static void
test_empty_sections(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    const char *src =
        "# Incident: queue backlog\n\n"
        "## Summary\n\nTBD\n\n"
        "## Impact\n\n<!-- who was affected -->\n\n"
        "## Timeline\n\n| Time | Event |\n|---|---|\n| | |\n\n"
        "## Root cause\n\n- N/A\n- ...\n\n"
        "## Action items\n\n-\n\n"
        "## Lessons learned\n\n{{lessons}}\n";
    bl_doc *doc = lint(rules, src, &d);
    const bl_diag *e;

    (void)state;
    assert_int_equal(tu_count_rule(&d, "section/empty"), 6);
    assert_int_equal(tu_count_rule(&d, "section/missing"), 0);
    e = nth_of(&d, "section/empty", 0);
    assert_non_null(e);
    assert_int_equal(e->begin, tu_off(doc, "Summary"));
    assert_int_equal(e->end, tu_off(doc, "Summary") + 7);
    assert_null(e->fix);
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

static void
test_content_in_subsections_code_or_images_counts(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    const char *src =
        "# Incident: queue backlog\n\n"
        "## Summary\n\nThe queue backed up.\n\n"
        "## Impact\n\n![error graph](graph.png)\n\n"
        "## Timeline\n\n```\n14:02 alert\n14:10 fix\n```\n\n"
        "## Root cause\n\n### 5 Whys\n\n1. Why? Because the TTL was long.\n\n"
        "## Action items\n\n| Item | Owner |\n|---|---|\n| Shorten TTL | @a |\n\n"
        "## Lessons learned\n\nNone yet: the review is on Friday.\n";
    bl_doc *doc = lint(rules, src, &d);

    (void)state;
    assert_int_equal(tu_count_rule(&d, "section/empty"), 0);
    assert_int_equal(tu_count_rule(&d, "section/duplicate"), 0);
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

/* Confluence and Notion exports keep tables as HTML, and GitHub renders
 * them: words outside the tags are content.  A comment, a placeholder or
 * bare tags are not, nor a <summary> label, which is a heading. */
static void
test_html_with_text_is_content(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    const char *src =
        "# Incident: queue backlog\n\n"
        "## Summary\n\n<p>The queue backed up for <b>49</b> minutes.</p>\n\n"
        "## Impact\n\n<table>\n<tr><td>Slow checkout requests</td>"
        "<td>38% for 49 minutes</td></tr>\n</table>\n\n"
        "## Timeline\n\n<!-- <p>Times in UTC</p> -->\n\n"
        "## Root cause\n\n<p>TBD</p>\n\n"
        "## Action items\n\n<div align=\"center\">\n<br>\n</div>\n\n"
        "## Lessons learned\n\n<details><summary>Lessons</summary>\n"
        "</details>\n";
    bl_doc *doc = lint(rules, src, &d);

    (void)state;
    assert_int_equal(tu_count_rule(&d, "section/empty"), 4);
    assert_int_equal(nth_of(&d, "section/empty", 0)->begin,
                     tu_off(doc, "Timeline"));
    assert_int_equal(nth_of(&d, "section/empty", 1)->begin,
                     tu_off(doc, "Root cause"));
    assert_int_equal(nth_of(&d, "section/empty", 2)->begin,
                     tu_off(doc, "Action items"));
    assert_int_equal(nth_of(&d, "section/empty", 3)->begin,
                     tu_off(doc, "Lessons learned"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

static void
test_empty_section_inside_details_and_empty_subsection(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    const char *src =
        "# Incident: queue backlog\n\n"
        "## Summary\n\nThe queue backed up.\n\n"
        "<details>\n<summary>Impact</summary>\n\n## Impact\n\nTODO\n\n"
        "</details>\n\n"
        "## Timeline\n\n- 14:02 UTC alert\n\n"
        "## Root cause\n\nLong TTL.\n\n### Contributing factors\n\n\n"
        "## Action items\n\n- Shorten TTL (owner: @a)\n\n"
        "## Lessons learned\n\nTTLs matter.\n";
    bl_doc *doc = lint(rules, src, &d);
    const bl_diag *e;

    (void)state;
    assert_int_equal(tu_count_rule(&d, "section/empty"), 2);
    e = nth_of(&d, "section/empty", 0);
    assert_int_equal(e->begin, tu_off(doc, "Impact\n\nTODO"));
    e = nth_of(&d, "section/empty", 1);
    assert_int_equal(e->begin, tu_off(doc, "Contributing factors"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

/* The message says what to write in the section that is empty: "No
 * customer-facing impact" fits an Impact only; an empty part of a
 * section with content is that part, not the whole section. */
static void
test_empty_message_fits_the_section_and_part(void **state)
{
    static const struct {
        const char *body, *says, *not_says;
    } cases[] = {
        {"## Impact\n\nTBD\n", "The Impact section is empty",
         "5 whys"},
        {"## Impact\n\nTBD\n", "No customer-facing impact", "owner"},
        {"## Root cause\n\nTBD\n", "5 whys", "customer-facing"},
        {"## Root cause\n\nTBD\n", "not known yet", "customer-facing"},
        {"## Action items\n\n- TBD\n", "each with an owner",
         "customer-facing"},
        {"## Lessons learned\n\nTBD\n", "where the team got lucky",
         "customer-facing"},
        {"## Timeline\n\nTBD\n", "time zone", "customer-facing"},
        {"## Lessons learned\n\n### What went well\n\n"
         "### What went wrong\n\nThe alert was late.\n",
         "The \"What went well\" part of the Lessons Learned section",
         "The Lessons Learned section"},
        {"## Root cause\n\nThe pool.\n\n### Contributing factors:\n\n- "
         "TBD\n", "The \"Contributing factors\" part of the Root Cause "
         "section is empty", "customer-facing"},
        {"## Timeline\n\n- 14:02 UTC alert\n\n### Detailed timeline\n\n",
         "The \"Detailed timeline\" part of the Timeline", "time zone"},
    };
    bl_rules *rules = default_rules();
    size_t i;
    char src[512];

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bl_diags d;
        bl_doc *doc;
        const bl_diag *e;
        snprintf(src, sizeof src, "# Incident: queue\n\n## Summary\n\nThe "
                 "queue backed up for 40 minutes.\n\n%s", cases[i].body);
        doc = lint(rules, src, &d);
        e = nth_of(&d, "section/empty", 0);
        if (e == NULL || strstr(e->message, cases[i].says) == NULL
            || strstr(e->message, cases[i].not_says) != NULL)
            print_error("case %zu: %s\n", i, e != NULL ? e->message : "-");
        assert_int_equal(tu_count_rule(&d, "section/empty"), 1);
        assert_non_null(strstr(e->message, cases[i].says));
        assert_null(strstr(e->message, cases[i].not_says));
        bl_diags_free(&d);
        bl_doc_free(doc);
    }
    bl_rules_free(rules);
}

/* --- section/duplicate --------------------------------------------------- */

static void
test_duplicates_but_not_nested_parts(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    const char *src =
        "# Incident: queue backlog\n\n"
        "## Summary\n\nThe queue backed up.\n\n"
        "## Impact\n\nSlow.\n\n"
        "## Timeline\n\n- 14:02 UTC alert\n\n"
        "## Root cause\n\nLong TTL.\n\n### 5 Whys\n\n1. Why? TTL.\n\n"
        "## Contributing factors\n\n- Old runbook\n\n"
        "## Action items\n\n- Shorten TTL (owner: @a)\n\n"
        "## Lessons learned\n\n### What went well\n\nPaging.\n\n"
        "### What went wrong\n\nTTL.\n\n"
        "## Timeline of events\n\n- 14:03 UTC page\n";
    bl_doc *doc = lint(rules, src, &d);
    const bl_diag *dup = nth_of(&d, "section/duplicate", 0);

    (void)state;
    /* Only the second Timeline: 5 Whys is nested, Contributing factors
     * and the Lessons parts are parts. */
    assert_int_equal(tu_count_rule(&d, "section/duplicate"), 1);
    assert_non_null(dup);
    assert_int_equal(dup->severity, BL_SEV_INFO);
    assert_int_equal(dup->begin, tu_off(doc, "Timeline of events"));
    assert_non_null(strstr(dup->message, "line 11"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

/* A section split on purpose says so in its title; a "Part 3:" before the
 * name numbers it instead. */
static void
test_a_section_in_parts_is_no_duplicate(void **state)
{
    static const char *const seconds[] = {
        "## Timeline, part 2: recovery", "## Timeline (continued)",
        "## Timeline (Part II)", "## Timeline, cont."
    };
    bl_rules *rules = default_rules();
    char src[512];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof seconds / sizeof *seconds; i++) {
        bl_diags d;
        bl_doc *doc;
        snprintf(src, sizeof src, "# Incident: queue backlog\n\n"
                 "## Timeline, part 1\n\n- 14:02 UTC alert\n\n%s\n\n"
                 "- 15:10 UTC resolved\n", seconds[i]);
        doc = lint(rules, src, &d);
        assert_int_equal(tu_count_rule(&d, "section/duplicate"), 0);
        bl_diags_free(&d);
        bl_doc_free(doc);
    }
    {
        bl_diags d;
        bl_doc *doc = lint(rules, "# Incident: queue backlog\n\n"
                           "## Part 2: Timeline\n\n- 14:02 UTC alert\n\n"
                           "## Part 5: Timeline\n\n- 15:10 UTC resolved\n",
                           &d);
        assert_int_equal(tu_count_rule(&d, "section/duplicate"), 1);
        bl_diags_free(&d);
        bl_doc_free(doc);
    }
    bl_rules_free(rules);
}

/* A subsection of another section is a part of it, first or second:
 * "### 6.3 Follow-up review" under Lessons Learned, a short "### Timeline"
 * in the Summary before the real one (a fresh QA document). */
static void
test_a_part_of_another_section_is_no_duplicate(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    const char *src =
        "# Incident: CSV exports\n\n"
        "## 1. Summary\n\nCorrupt files.\n\n### 1.1 Timeline\n\n"
        "- 09:00 UTC first file\n\n"
        "## 2. Impact\n\n40 customers.\n\n"
        "## 3. Timeline (UTC)\n\n- 09:00 export\n- 09:40 fix\n\n"
        "## 4. Root Cause\n\nAn encoder change.\n\n"
        "## 5. Action Items\n\n- Add a CSV check (owner: @a)\n\n"
        "## 6. Lessons Learned\n\n### 6.1 What went well\n\nPaging.\n\n"
        "### 6.3 Follow-up review\n\nA review on 2024-06-01.\n\n"
        "## 7. Next steps\n\n- Add a lint (owner: @b)\n\n"
        "## Follow-up review\n\nOn 2024-06-01, with the on-call.\n";
    bl_doc *doc = lint(rules, src, &d);
    const bl_diag *dup = nth_of(&d, "section/duplicate", 0);

    (void)state;
    /* Only "Next steps", a second Action Items at the top level: a
     * "Follow-up review" is a meeting, not items. */
    assert_int_equal(tu_count_rule(&d, "section/duplicate"), 1);
    assert_non_null(dup);
    assert_int_equal(dup->begin, tu_off(doc, "7. Next steps"));
    assert_non_null(strstr(dup->message, "line 24"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

/* What was done during the incident, what customers or a vendor are to
 * do, and a meeting's notes start like Action Items but are none; "to be
 * taken" is still to come (QA's g25, b10). */
static void
test_actions_taken_are_no_action_items(void **state)
{
    bl_rules *rules = default_rules();
    static const heading_case cases[] = {
        {"Actions taken during the incident", ""},
        {"Actions taken", ""},
        {"Remediation steps taken", ""},
        {"Corrective actions already taken", ""},
        {"Next steps for customers", ""},
        {"Recommendations from the vendor", ""},
        {"Follow-up meeting notes", ""},
        {"Summary of actions taken", ""},
        /* Still what they were. */
        {"Actions to be taken", "action-items"},
        {"Remediation being taken", "action-items"},
        {"Next steps", "action-items"},
        {"Recommendations", "action-items"},
        {"Follow-up actions", "action-items"},
        {"Summary", "summary"},
        {"Summary of impact", "impact"},
        {"Timeline of actions taken", "timeline"},
    };
    bl_diags d;
    bl_doc *doc;

    (void)state;
    expect_kinds(rules, cases, sizeof cases / sizeof cases[0]);
    /* g25: the real Action Items is no duplicate of what was done. */
    doc = lint(rules, "# Incident: pages without text\n\n## Summary\n\n"
               "Pages said <no value> for 6 hours.\n\n"
               "## Actions taken during the incident\n\n- Reverted it.\n\n"
               "## Action items\n\n- Lint the alert rules (owner: @obs)\n\n"
               "## Follow-up meeting notes\n\nAgreed to announce changes.\n\n"
               "## Summary of actions taken\n\nA revert.\n", &d);
    assert_int_equal(tu_count_rule(&d, "section/duplicate"), 0);
    assert_false(has_message(&d, "section/missing", "No Action Items"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    /* b10: what was done and what customers may do are no Action Items;
     * the section is missing. */
    assert_true(says_missing(rules, "# Incident: status page\n\n"
                             "## Summary\n\nIt was stale.\n\n"
                             "## Actions taken\n\n- Updated it by hand.\n\n"
                             "## Next steps for customers\n\nNone.\n",
                             "No Action Items"));
    /* ...as labels too. */
    assert_true(says_missing(rules, "# Incident: status page\n\n"
                             "## Summary\n\nIt was stale.\n\n"
                             "**Actions taken**\n\n- Updated it by hand.\n",
                             "No Action Items"));
    bl_rules_free(rules);
}

/* A section under an appendix is reference material, not a second copy
 * of one the document has: no duplicate, and its entries are not read
 * as the Timeline's (g25).  Where it is the only one, it counts. */
static void
test_appendix_copies_are_no_sections(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    bl_doc *doc;
#define ALERTS "# Incident: pages without text\n\n## Summary\n\nPages " \
               "said nothing for 6 hours.\n\n"

    (void)state;
    doc = lint(rules, ALERTS "## Timeline (UTC)\n\n- 08:50 Merged.\n"
               "- 15:00 Fixed.\n\n## Appendix\n\n### Detailed timeline\n\n"
               "- 08:50 Merged.\n- 08:52 Deployed.\n\n### References\n\n"
               "- A link\n", &d);
    assert_int_equal(tu_count_rule(&d, "section/duplicate"), 0);
    assert_int_equal(tu_count_rule(&d, "timeline/no-timezone"), 0);
    bl_diags_free(&d);
    bl_doc_free(doc);
    /* The only Timeline is in the appendix: it is the Timeline, and is
     * read as one. */
    doc = lint(rules, ALERTS "## Appendix A: raw data\n\n### Timeline\n\n"
               "- 08:50 Merged.\n- 08:52 Deployed.\n", &d);
    assert_false(has_message(&d, "section/missing", "No Timeline"));
    assert_int_equal(tu_count_rule(&d, "timeline/no-timezone"), 1);
    bl_diags_free(&d);
    bl_doc_free(doc);
    /* Not under an appendix: still a duplicate. */
    doc = lint(rules, ALERTS "## Timeline (UTC)\n\n- 08:50 Merged.\n\n"
               "## Notes\n\n### Detailed timeline\n\n- 08:52 Deployed.\n",
               &d);
    assert_int_equal(tu_count_rule(&d, "section/duplicate"), 1);
    bl_diags_free(&d);
    bl_doc_free(doc);
#undef ALERTS
    bl_rules_free(rules);
}

/* --- Severities and settings --------------------------------------------- */

static void
test_severity_overrides(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    bl_doc *doc;
    const bl_rule_info *m = bl_rules_find(rules, "section/missing");

    (void)state;
    assert_int_equal(bl_rules_set_severity(rules, "section/*", BL_SEV_ERROR),
                     3);
    assert_int_equal(m->severity, BL_SEV_ERROR);
    assert_int_equal(bl_rules_set_severity(rules, "section/missing",
                                           BL_SEV_OFF), 1);
    doc = lint(rules, "# Outage\n\nDown.\n", &d);
    assert_int_equal(tu_count_rule(&d, "section/missing"), 0);
    bl_diags_free(&d);
    bl_doc_free(doc);
    /* "on" brings back the severity it had when last enabled. */
    assert_int_equal(bl_rules_set_severity(rules, "section/missing",
                                           BL_SEV_ON), 1);
    assert_int_equal(m->severity, BL_SEV_ERROR);
    assert_int_equal(bl_rules_set_severity(rules, "nope/*", BL_SEV_OFF), 0);
    assert_int_equal(bl_rules_set_severity(rules, "section", BL_SEV_OFF), 0);
    assert_true(bl_rules_set_severity(rules, "*", BL_SEV_OFF)
                == bl_rules_count(rules));
    bl_rules_free(rules);
}

/* A rule directory of our own: settings are validated as they load. */
static void
test_settings_from_a_rule_directory(void **state)
{
    char dir[] = "/tmp/bl-settings-XXXXXX", path[64], err[256];
    bl_rules *rules = NULL;
    FILE *f;
    const bl_setting_info *s;

    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/a.rules", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("Setting: x.min\nType: int\nDefault: 5\nRange: 1..20\n"
          "Summary: a number\n\nSetting: x.on\nType: bool\nDefault: true\n"
          "Summary: a switch\n\nSetting: x.lang\nType: name\n"
          "Default: en_US\nSummary: a language\n\nSetting: x.file\n"
          "Type: path\nDefault:\nSummary: a file\n\n"
          "Known-Words: runbook\n failover  hotfix\n", f);
    fclose(f);
    assert_int_equal(bl_rules_load_dir(dir, &rules, err, sizeof err), 0);
    assert_int_equal(bl_rules_setting_count(rules), 4);
    s = bl_rules_setting_at(rules, 0);
    assert_string_equal(s->key, "x.min");
    assert_string_equal(s->value, "5");
    assert_int_equal(bl_rules_int(rules, "x.min"), 5);
    assert_int_equal(bl_rules_set(rules, "x.min", "3", err, sizeof err), 0);
    assert_int_equal(bl_rules_int(rules, "x.min"), 3);
    assert_string_equal(s->default_value, "5");
    assert_int_equal(bl_rules_set(rules, "x.min", "21", err, sizeof err), -1);
    assert_non_null(strstr(err, "from 1 to 20"));
    assert_int_equal(bl_rules_set(rules, "x.min", "2x", err, sizeof err), -1);
    assert_int_equal(bl_rules_int(rules, "x.min"), 3);
    assert_int_equal(bl_rules_bool(rules, "x.on"), 1);
    assert_int_equal(bl_rules_set(rules, "x.on", "no", err, sizeof err), 0);
    assert_int_equal(bl_rules_bool(rules, "x.on"), 0);
    assert_int_equal(bl_rules_set(rules, "x.on", "maybe", err, sizeof err),
                     -1);
    assert_int_equal(bl_rules_set(rules, "y", "1", err, sizeof err), -1);
    assert_non_null(strstr(err, "unknown setting"));
    /* A name is letters, digits, '_' and '-': never a path. */
    assert_string_equal(bl_rules_setting(rules, "x.lang"), "en_US");
    assert_int_equal(bl_rules_set(rules, "x.lang", "de_DE-frami", err,
                                  sizeof err), 0);
    assert_int_equal(bl_rules_set(rules, "x.lang", "../x", err, sizeof err),
                     -1);
    assert_string_equal(bl_rules_setting(rules, "x.lang"), "de_DE-frami");
    /* A path may be empty (none), but holds no control characters. */
    assert_string_equal(bl_rules_setting(rules, "x.file"), "");
    assert_int_equal(bl_rules_set(rules, "x.file", "a b/c.txt", err,
                                  sizeof err), 0);
    assert_int_equal(bl_rules_set(rules, "x.file", "a\tb", err, sizeof err),
                     -1);
    assert_string_equal(bl_rules_setting(rules, "x.file"), "a b/c.txt");
    assert_null(bl_rules_setting(rules, "y"));
    /* Known-Words: words over continuation lines. */
    assert_int_equal(rules->words.n, 3);
    assert_string_equal(rules->words.items[2], "hotfix");
    assert_int_equal(bl_rules_add_word(rules, "kubectl"), 0);
    assert_int_equal(rules->words.n, 4);
    bl_rules_free(rules);
    /* A default outside its own range is a rule-file error with a line. */
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("\nSetting: x.min\nType: int\nDefault: 50\nRange: 1..20\n"
          "Summary: a number\n", f);
    fclose(f);
    assert_true(bl_rules_load_dir(dir, &rules, err, sizeof err) < 0);
    assert_non_null(strstr(err, "a.rules:2:"));
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("Setting: x.s\nType: string\nDefault: a\nSummary: no such "
          "type\n", f);
    fclose(f);
    assert_true(bl_rules_load_dir(dir, &rules, err, sizeof err) < 0);
    assert_non_null(strstr(err, "int, bool, name or path"));
    remove(path);
    rmdir(dir);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_normalize_drops_decoration),
        cmocka_unit_test(test_classify_synonyms_prefixes_typos),
        cmocka_unit_test(test_classify_leading_qualifiers),
        cmocka_unit_test(test_classify_question_and_common_headings),
        cmocka_unit_test(test_classify_numbering_words),
        cmocka_unit_test(test_scope_is_impact_only_as_impact_scope),
        cmocka_unit_test(test_qualified_summary_label_is_a_section),
        cmocka_unit_test(test_classify_translations),
        cmocka_unit_test(test_translated_sections_are_read),
        cmocka_unit_test(test_parts_are_marked),
        cmocka_unit_test(test_readme_gets_no_structure_findings),
        cmocka_unit_test(test_gate_opens_on_bold_lines_without_headings),
        cmocka_unit_test(test_gate_opens_on_title_front_matter_or_two_sections),
        cmocka_unit_test(test_complete_postmortem_is_clean),
        cmocka_unit_test(test_every_missing_section_is_reported_on_the_title),
        cmocka_unit_test(test_missing_fix_inserts_before_the_next_section_at_its_level),
        cmocka_unit_test(test_missing_fix_goes_before_a_labelled_later_section),
        cmocka_unit_test(test_missing_fix_keeps_crlf_and_ends_the_last_line),
        cmocka_unit_test(test_missing_without_title_points_at_line_one),
        cmocka_unit_test(test_headings_in_many_layouts_count),
        cmocka_unit_test(test_bold_labels_and_parts_count_as_present),
        cmocka_unit_test(test_sections_named_in_a_table_row_count_as_present),
        cmocka_unit_test(test_an_outline_item_alone_names_a_section),
        cmocka_unit_test(test_impact_stated_in_the_summary_counts),
        cmocka_unit_test(test_root_cause_stated_in_the_conclusion_counts),
        cmocka_unit_test(test_postmortem_heading_is_lessons_only_alone),
        cmocka_unit_test(test_details_summary_names_a_section),
        cmocka_unit_test(test_empty_sections),
        cmocka_unit_test(test_content_in_subsections_code_or_images_counts),
        cmocka_unit_test(test_empty_section_inside_details_and_empty_subsection),
        cmocka_unit_test(test_html_with_text_is_content),
        cmocka_unit_test(test_duplicates_but_not_nested_parts),
        cmocka_unit_test(test_a_section_in_parts_is_no_duplicate),
        cmocka_unit_test(test_a_part_of_another_section_is_no_duplicate),
        cmocka_unit_test(test_companion_headings_are_no_duplicates),
        cmocka_unit_test(test_actions_taken_are_no_action_items),
        cmocka_unit_test(test_appendix_copies_are_no_sections),
        cmocka_unit_test(test_investigation_is_a_part_of_the_root_cause),
        cmocka_unit_test(test_empty_parts_of_an_empty_section_are_one_finding),
        cmocka_unit_test(test_empty_message_fits_the_section_and_part),
        cmocka_unit_test(test_severity_overrides),
        cmocka_unit_test(test_settings_from_a_rule_directory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
