/*
 * lifecycle_test.c: the lifecycle profile's rules, each with documents it
 * must report and documents it must leave alone.  Documents choose the
 * profile with front matter, as a team's pages do.
 */
#include <stdio.h>

#include "testutil.h"
#include "engine/rules.h"

#define FM "---\nblamelint: lifecycle\n---\n"

/* Answers the four questions and names a gap, so that a test about the
 * phases sees only phase findings; no phase word opens any of it. */
#define ANSWERS \
    "## Facts\n\n" \
    "Prometheus rules fire alerts when the error rate is above 2%.\n\n" \
    "PagerDuty pages the primary on-call (@orders-oncall).\n\n" \
    "Updates go to #incidents.\n\n" \
    "The IC schedules the postmortem within 5 business days.\n\n" \
    "## Known gaps\n\n- Nobody is paged for the batch jobs at night.\n"

/* All six phases, as headings. */
#define PHASES \
    "## Detect\n\nx\n\n## Triage\n\nx\n\n## Communicate\n\nx\n\n" \
    "## Mitigate\n\nx\n\n## Resolve\n\nx\n\n## Postmortem\n\nx\n\n"

/* FM, a title, then body: the document the tests lint. */
static char *
page(const char *body)
{
    size_t n = strlen(FM "# Incident flow\n\n") + strlen(body) + 1;
    char *s = malloc(n);

    assert_non_null(s);
    snprintf(s, n, FM "# Incident flow\n\n%s", body);
    return s;
}

/* The phases lifecycle/missing-phase reports for body (with the answers
 * and a gap after it), in order, joined with ",": "" when none. */
static void
missing_phases(const bl_rules *rules, const char *body, char *out,
               size_t outlen)
{
    size_t n = strlen(body) + sizeof ANSWERS + 2;
    char *full = malloc(n), *src;
    bl_diags d;
    size_t i;

    assert_non_null(full);
    snprintf(full, n, "%s\n\n%s", body, ANSWERS);
    src = page(full);
    tu_lint(rules, src, &d);
    out[0] = '\0';
    for (i = 0; i < d.n; i++) {
        const char *m = d.items[i].message, *b, *e;
        size_t have = strlen(out);
        if (strcmp(d.items[i].rule->id, "lifecycle/missing-phase") != 0)
            continue;
        b = strstr(m, "cover the \"");
        assert_non_null(b);
        b += strlen("cover the \"");
        e = strchr(b, '"');
        snprintf(out + have, outlen - have, "%s%.*s", have > 0 ? "," : "",
                 (int)(e - b), b);
    }
    bl_diags_free(&d);
    free(src);
    free(full);
}

/* The questions lifecycle/missing-answer reports for body (with the six
 * phases before it), by the words of their messages: "how alerts fire",
 * joined with ",". */
static void
unanswered(const bl_rules *rules, const char *body, char *out, size_t outlen)
{
    static const char *const what[] = {
        "how alerts fire", "who gets paged", "where updates are posted",
        "when the postmortem is scheduled", NULL
    };
    size_t n = strlen(body) + sizeof PHASES + 64;
    char *full = malloc(n), *src;
    bl_diags d;
    size_t i, k;

    assert_non_null(full);
    snprintf(full, n, PHASES "%s\n\n## Known gaps\n\n- A gap.\n", body);
    src = page(full);
    tu_lint(rules, src, &d);
    out[0] = '\0';
    for (k = 0; what[k] != NULL; k++)
        for (i = 0; i < d.n; i++) {
            size_t have = strlen(out);
            if (strcmp(d.items[i].rule->id, "lifecycle/missing-answer") == 0
                && strstr(d.items[i].message, what[k]) != NULL)
                snprintf(out + have, outlen - have, "%s%s",
                         have > 0 ? "," : "", what[k]);
        }
    bl_diags_free(&d);
    free(src);
    free(full);
}

/* How many findings of rule id the page with body gets. */
static size_t
count(const bl_rules *rules, const char *id, const char *body)
{
    char *src = page(body);
    bl_diags d;
    size_t n;

    tu_lint(rules, src, &d);
    n = tu_count_rule(&d, id);
    bl_diags_free(&d);
    free(src);
    return n;
}

static void
test_a_complete_lifecycle_is_clean(void **state)
{
    char *src = page(PHASES ANSWERS);

    tu_assert_clean(*state, src);
    free(src);
}

/* The postmortem's structure rules never check a lifecycle page, and a
 * postmortem never gets lifecycle findings. */
static void
test_rules_stay_in_their_profile(void **state)
{
    bl_diags d;

    tu_lint(*state, FM "# Flow\n\n## Detect\n\nAlerts.\n", &d);
    assert_int_equal(tu_count_rule(&d, "section/missing"), 0);
    assert_true(tu_count_rule(&d, "lifecycle/missing-phase") > 0);
    bl_diags_free(&d);
    tu_lint(*state, "# Incident: x\n\n## Summary\n\nDown.\n\n## Impact\n\n"
            "Checkout failed.\n", &d);
    assert_int_equal(tu_count_rule(&d, "lifecycle/missing-phase"), 0);
    assert_int_equal(tu_count_rule(&d, "lifecycle/missing-answer"), 0);
    assert_int_equal(tu_count_rule(&d, "lifecycle/no-known-gaps"), 0);
    assert_true(tu_count_rule(&d, "section/missing") > 0);
    bl_diags_free(&d);
}

/* --- lifecycle/missing-phase --------------------------------------------- */

static void
test_phases_in_headings(void **state)
{
    char got[256];

    missing_phases(*state, PHASES, got, sizeof got);
    assert_string_equal(got, "");
    /* Synonyms, anywhere in a heading, at any level. */
    missing_phases(*state, "## Alerting\n\nx\n\n### How we assess severity"
                   "\n\nx\n\n## Status page\n\nx\n\n## Rollbacks\n\nx\n\n"
                   "## Recovery and all-clear\n\nx\n\n## Lessons learned\n\n"
                   "x\n", got, sizeof got);
    assert_string_equal(got, "");
    /* None of them: all six, in their order. */
    missing_phases(*state, "## Overview\n\nx\n", got, sizeof got);
    assert_string_equal(got, "detect,triage,communicate,mitigate,resolve,"
                        "postmortem");
    /* The title is not a phase ("From detection to postmortem" names
     * two, covers none). */
    {
        char *src = malloc(1024);
        bl_diags d;
        assert_non_null(src);
        snprintf(src, 1024, FM "# From detection to postmortem\n\n%s",
                 ANSWERS);
        tu_lint(*state, src, &d);
        assert_int_equal(tu_count_rule(&d, "lifecycle/missing-phase"), 6);
        bl_diags_free(&d);
        free(src);
    }
}

static void
test_phases_in_a_mermaid_flowchart_only(void **state)
{
    char got[256];

    missing_phases(*state, "```mermaid\nflowchart TD\n"
                   "  A[Alert fires] --> B{Triage}\n"
                   "  B --> C(Announce on the status page)\n"
                   "  C --> D[Roll back] --> E((Restore service))\n"
                   "  E --> F[[Retrospective]]\n```\n", got, sizeof got);
    assert_string_equal(got, "");
    /* The same chart in a plain code block, or as another diagram, is
     * code: no phase. */
    missing_phases(*state, "```\nflowchart TD\n  A[Alert fires] --> "
                   "B{Triage}\n```\n\n```mermaid\nsequenceDiagram\n"
                   "  A->>B: Triage\n```\n", got, sizeof got);
    assert_string_equal(got, "detect,triage,communicate,mitigate,resolve,"
                        "postmortem");
    /* Edge labels are not nodes. */
    missing_phases(*state, "```mermaid\ngraph LR\n  A[Start] -->|triage| "
                   "B[End]\n```\n", got, sizeof got);
    assert_string_equal(got, "detect,triage,communicate,mitigate,resolve,"
                        "postmortem");
}

static void
test_phases_at_the_opening_of_steps_and_sentences(void **state)
{
    char got[256];

    /* List items with labels, a sentence after a sequencing word and
     * who does it, a table cell. */
    missing_phases(*state, "1. **Detect:** a page fires.\n"
                   "2. Then the IC assesses the impact.\n"
                   "3. Step 3: announce it in the channel.\n\n"
                   "Once a workaround is ready, we apply it. Finally the "
                   "on-call restores service.\n\n"
                   "| Phase | Who |\n|---|---|\n| Retrospective | the team |\n",
                   got, sizeof got);
    assert_string_equal(got, "");
    /* More synonyms, opening steps. */
    missing_phases(*state, "- Page fires.\n- Declare an incident.\n"
                   "- Notify support.\n- Fail over to the other region.\n"
                   "- Close the incident.\n- The primary on-call reviews the "
                   "timeline afterwards.\n", got, sizeof got);
    assert_string_equal(got, "");
    /* "When an alert fires, ..." opens with the flow. */
    missing_phases(*state, "When an alert fires, the on-call looks.\n", got,
                   sizeof got);
    assert_string_equal(got, "triage,communicate,mitigate,resolve,"
                        "postmortem");
}

static void
test_phase_words_elsewhere_do_not_count(void **state)
{
    char got[256];

    /* Inside unrelated sentences. */
    missing_phases(*state, "## Overview\n\nOur tests detect regressions "
                   "before deploy. The ranking service can classify "
                   "queries. The pipeline will restore the previous index "
                   "and engineers review each other's changes. It is hard "
                   "to communicate with the vendor.\n", got, sizeof got);
    assert_string_equal(got, "detect,triage,communicate,mitigate,resolve,"
                        "postmortem");
    /* A block quote: someone's words, not the flow. */
    missing_phases(*state, "> Triage: we never got to it.\n", got,
                   sizeof got);
    assert_true(strstr(got, "triage") != NULL);
    /* A gap is what the flow lacks. */
    missing_phases(*state, "## Overview\n\nx\n\n## Known gaps\n\n"
                   "### Detection\n\n- Rollbacks take an hour.\n", got,
                   sizeof got);
    assert_true(strstr(got, "detect") != NULL);
    assert_true(strstr(got, "mitigate") != NULL);
}

static void
test_phase_findings_are_on_the_title(void **state)
{
    char *src = page("## Detect\n\nx\n");
    bl_doc *doc = tu_parse(src);
    bl_diags d;
    size_t i, found = 0;

    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(*state, doc, &d), 0);
    for (i = 0; i < d.n; i++) {
        if (strcmp(d.items[i].rule->id, "lifecycle/missing-phase") != 0)
            continue;
        found++;
        assert_int_equal(d.items[i].begin, tu_off(doc, "Incident flow"));
        assert_non_null(strstr(d.items[i].message, "incident lifecycle"));
    }
    assert_int_equal(found, 5);
    bl_diags_free(&d);
    bl_doc_free(doc);
    free(src);
    /* An empty title: the first line of text instead, never an empty
     * span. */
    doc = tu_parse(FM "#\n\nSome text.\n");
    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(*state, doc, &d), 0);
    assert_true(tu_count_rule(&d, "lifecycle/missing-phase") == 6);
    for (i = 0; i < d.n; i++) {
        assert_true(d.items[i].begin < d.items[i].end);
        if (strcmp(d.items[i].rule->id, "lifecycle/missing-phase") == 0)
            assert_int_equal(d.items[i].begin, tu_off(doc, "Some text."));
    }
    bl_diags_free(&d);
    bl_doc_free(doc);
    /* A page that is all front matter (its closing line is the last):
     * the first line. */
    doc = tu_parse("---\nblamelint: lifecycle\n------\n# Flow\n\nText.\n"
                   "---");
    assert_int_equal(doc->fm_end, doc->len);
    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(*state, doc, &d), 0);
    assert_true(tu_count_rule(&d, "lifecycle/missing-phase") == 6);
    for (i = 0; i < d.n; i++) {
        assert_true(d.items[i].begin < d.items[i].end);
        assert_true(d.items[i].end <= doc->len);
    }
    bl_diags_free(&d);
    bl_doc_free(doc);
}

/* --- lifecycle/missing-answer -------------------------------------------- */

static void
test_each_question_is_asked(void **state)
{
    char got[256];

    unanswered(*state, "Nothing else.", got, sizeof got);
    assert_string_equal(got, "how alerts fire,who gets paged,where updates "
                        "are posted,when the postmortem is scheduled");
    /* A topic without an answer answers nothing. */
    unanswered(*state, "We have alerts. Someone gets paged. Updates are "
               "posted. We write a postmortem.", got, sizeof got);
    assert_string_equal(got, "how alerts fire,who gets paged,where updates "
                        "are posted,when the postmortem is scheduled");
    /* Each answered in its own paragraph or item. */
    unanswered(*state, "- Alerts fire from Datadog monitors on the SLO "
               "burn rate.\n- Opsgenie pages the payments rotation.\n"
               "- Updates go to #payments-incidents and the status page.\n"
               "- The postmortem is held within 3 business days.\n",
               got, sizeof got);
    assert_string_equal(got, "");
    unanswered(*state, "Alerting rules in Grafana fire when p99 latency is "
               "above 2 s.\n\nWe page @db-oncall.\n\nAnnouncements go to "
               "the status page.\n\nRetros are scheduled for the next "
               "Thursday.\n", got, sizeof got);
    assert_string_equal(got, "");
    /* "fires when ...", "on call", a blameless review's date. */
    unanswered(*state, "An alert fires when the queue backs up.\n\n"
               "Whoever is on call gets paged.\n\nStatus updates go to "
               "Slack.\n\nWe hold a blameless review within 48 hours.\n",
               got, sizeof got);
    assert_string_equal(got, "");
}

static void
test_answers_in_rows_slots_and_charts(void **state)
{
    char got[256];

    /* A table row reads as one text. */
    unanswered(*state, "| Question | Answer |\n|---|---|\n"
               "| How alerts fire | Prometheus rules |\n"
               "| Who is paged | the primary on-call |\n"
               "| Where updates go | #incidents |\n"
               "| Postmortem | within a week, weekly review |\n",
               got, sizeof got);
    assert_string_equal(got, "");
    /* A template slot stands for the answer (placeholder/unfilled
     * reports it). */
    unanswered(*state, "Alerts fire from {{tool}}. {{tool}} pages {{who}}. "
               "Updates go to {{channel}}. The postmortem is held "
               "{{when}}.", got, sizeof got);
    assert_string_equal(got, "");
    /* A flowchart node can answer. */
    unanswered(*state, "```mermaid\nflowchart TD\n  A[PagerDuty pages the "
               "on-call] --> B[Post updates in #incidents]\n```\n",
               got, sizeof got);
    assert_string_equal(got, "how alerts fire,when the postmortem is "
                        "scheduled");
}

static void
test_a_topic_and_an_answer_apart_answer_nothing(void **state)
{
    char got[256];

    /* "alerts" here, "Prometheus" there; "status page" is no paging;
     * quoted chat is no answer. */
    unanswered(*state, "We have alerts.\n\nPrometheus stores metrics.\n\n"
               "The status page team owns the page.\n\n"
               "> 02:10 kim: postmortem within 2 days?\n",
               got, sizeof got);
    assert_string_equal(got, "how alerts fire,who gets paged,"
                        "when the postmortem is scheduled");
}

/* --- lifecycle/no-known-gaps --------------------------------------------- */

static void
test_a_missing_gaps_section_gets_a_skeleton(void **state)
{
    char *src = page(PHASES "Alerts fire from Prometheus rules.\n");
    bl_doc *doc = tu_parse(src);
    bl_diags d;
    size_t i, found = 0;

    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(*state, doc, &d), 0);
    for (i = 0; i < d.n; i++) {
        if (strcmp(d.items[i].rule->id, "lifecycle/no-known-gaps") != 0)
            continue;
        found++;
        assert_non_null(strstr(d.items[i].message, "No Known gaps section"));
        assert_int_equal(d.items[i].begin, tu_off(doc, "Incident flow"));
        assert_int_equal(d.items[i].fix_begin, doc->len);
        assert_non_null(strstr(d.items[i].fix, "## Known gaps\n"));
    }
    assert_int_equal(found, 1);
    bl_diags_free(&d);
    bl_doc_free(doc);
    free(src);
}

static void
test_gaps_sections(void **state)
{
    const char *id = "lifecycle/no-known-gaps";
    static const char *const flagged[] = {
        "## Known gaps\n\n<!-- one at least -->\n",
        "## Known gaps\n\nNone.\n", "## Gaps\n\n- None yet.\n",
        "## Known issues\n\nNo known gaps at the moment.\n",
        "## Limitations\n\nThere are no gaps.\n\nNothing so far.\n",
        "## Overview\n\nWe detect incidents.\n", NULL
    };
    static const char *const clean[] = {
        "## Known gaps\n\n- Nobody is paged for batch jobs at night.\n",
        "## What we don't do well yet\n\nThe status page is updated by "
        "hand.\n",
        "## Improvements\n\n1. Page the secondary after 10 minutes.\n",
        "## Areas for improvement\n\nNone of the alerts page at night.\n",
        "**Known gaps:** the status page is updated by hand.\n",
        "## Known gaps\n\nNone.\n\n- Actually: rollbacks take an hour.\n",
        "## Known gaps\n\n{{gap}}\n",   /* placeholder/unfilled's */
        NULL
    };
    size_t k;

    for (k = 0; flagged[k] != NULL; k++)
        if (count(*state, id, flagged[k]) != 1)
            fail_msg("not reported: %s", flagged[k]);
    for (k = 0; clean[k] != NULL; k++)
        if (count(*state, id, clean[k]) != 0)
            fail_msg("reported: %s", clean[k]);
}

/* A node label is source text, which may hold invalid UTF-8 where prose
 * never does; the patterns run without PCRE2's UTF check, so the labels
 * must be made valid first.  Linted often enough for the patterns to be
 * JIT-compiled, where an invalid byte crashed the search. */
static void
test_invalid_utf8_in_a_chart(void **state)
{
    static const char src[] =
        FM "# Flow\n\n```mermaid\nflowchart TD\n"
        "  A[Alert \xff fires \xe2\x80] --> B{Tri\xc3" "age}\n"
        "  B --> C[Post updates in #inc\xf0\x9f\x98" "idents]\n```\n";
    char got[256];
    int k;

    for (k = 0; k < 100; k++) {
        bl_diags d;
        bl_doc *doc = tu_parse_n(src, sizeof src - 1);
        memset(&d, 0, sizeof d);
        assert_int_equal(bl_lint(*state, doc, &d), 0);
        bl_diags_free(&d);
        bl_doc_free(doc);
    }
    /* The label still covers its phase. */
    missing_phases(*state, "```mermaid\nflowchart TD\n  A[Alert fires "
                   "\xff]\n```\n", got, sizeof got);
    assert_true(strstr(got, "detect") == NULL);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_complete_lifecycle_is_clean),
        cmocka_unit_test(test_rules_stay_in_their_profile),
        cmocka_unit_test(test_phases_in_headings),
        cmocka_unit_test(test_phases_in_a_mermaid_flowchart_only),
        cmocka_unit_test(test_phases_at_the_opening_of_steps_and_sentences),
        cmocka_unit_test(test_phase_words_elsewhere_do_not_count),
        cmocka_unit_test(test_phase_findings_are_on_the_title),
        cmocka_unit_test(test_invalid_utf8_in_a_chart),
        cmocka_unit_test(test_each_question_is_asked),
        cmocka_unit_test(test_answers_in_rows_slots_and_charts),
        cmocka_unit_test(test_a_topic_and_an_answer_apart_answer_nothing),
        cmocka_unit_test(test_a_missing_gaps_section_gets_a_skeleton),
        cmocka_unit_test(test_gaps_sections),
    };

    return cmocka_run_group_tests(tests, tu_load_rules, tu_free_rules);
}
