/*
 * severity_test.c: the severity profile's rules: where levels are found
 * and where they are not, what a level must say, the durations read as
 * response times and their order, and the When in doubt section.
 * Documents choose the profile with front matter.
 */
#include <stdio.h>

#include "testutil.h"
#include "engine/rules.h"

#define FM "---\nblamelint: severity\n---\n"
#define DOUBT "\n## When in doubt\n\nPick the higher level.\n"

/* One complete level as a list item, and its three fields. */
#define LEVEL(n, time) \
    "- **SEV" #n "**: users are affected. E.g. an outage. Respond within " \
    time ".\n"

static const char four_levels[] =
    FM "# Severity levels\n\n" LEVEL(1, "5 minutes") LEVEL(2, "15 minutes")
    LEVEL(3, "1 hour") LEVEL(4, "1 day") DOUBT;

/* The source text of each finding of rule id, "|"-separated, into out. */
static void
spans(const bl_rules *rules, const char *src, const char *id, char *out,
      size_t cap)
{
    bl_doc *doc = tu_parse(src);
    bl_diags d;
    size_t i, o = 0, len;
    const char *text = bl_doc_source(doc, &len);

    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(rules, doc, &d), 0);
    out[0] = '\0';
    for (i = 0; i < d.n; i++)
        if (strcmp(d.items[i].rule->id, id) == 0)
            o += (size_t)snprintf(out + o, cap - o, "%s%.*s", o ? "|" : "",
                                  (int)(d.items[i].end - d.items[i].begin),
                                  text + d.items[i].begin);
    bl_diags_free(&d);
    bl_doc_free(doc);
}

static void
test_a_complete_guide_is_clean(void **state)
{
    tu_assert_clean(*state, four_levels);
    /* A postmortem that lists levels gets no severity findings. */
    assert_int_equal(tu_count_in(*state,
                                 "# Incident: x\n\n- **SEV2**: down.\n",
                                 "severity/missing-level"), 0);
}

/* --- Where levels are found ---------------------------------------------- */

static void
test_levels_in_headings_items_paragraphs_rows_and_columns(void **state)
{
    static const char *const guides[] = {
        FM "# L\n\n## SEV1 - Critical\n\nAll down. E.g. an outage. Respond "
        "within 5 minutes.\n\n## Sev 2\n\nSome down. E.g. one region. "
        "Respond within 15 minutes.\n\n## SEV-3: Minor\n\nExports slow. "
        "E.g. exports. Respond within 1 hour.\n\n## Severity 4\n\nCosmetic "
        "issues. E.g. a typo. Respond within 1 day.\n" DOUBT,
        FM "# L\n\n1. SEV1: all down. E.g. an outage. Respond within 5m.\n"
        "2. SEV2: some down. E.g. one region. Respond within 15m.\n"
        "3. SEV3: exports slow. E.g. exports. Respond within 1h.\n"
        "4. SEV4: cosmetic issues. E.g. a typo. Respond within 24h.\n" DOUBT,
        FM "# L\n\n**SEV1** all down. E.g. an outage. Respond in 5 min.\n\n"
        "**SEV2** some down. E.g. one region. Respond in 15 min.\n\n"
        "**SEV3** exports slow. E.g. exports. Respond in 1 hr.\n\n"
        "**SEV4** cosmetic issues. E.g. a typo. Respond next business day.\n"
        DOUBT,
        FM "# L\n\n| Level | Impact | Examples | Response |\n|---|---|---|---|\n"
        "| SEV1 | All down | An outage | 5 min |\n"
        "| SEV2 | Some down | One region | 15 min |\n"
        "| SEV3 | Exports slow | Exports | 1 hour |\n"
        "| SEV4 | Cosmetic issues | A typo | 1 day |\n" DOUBT,
        FM "# L\n\n| | SEV1 | SEV2 | SEV3 | SEV4 |\n|---|---|---|---|---|\n"
        "| Impact | All down | Some down | Exports slow | Bad icons |\n"
        "| Example | An outage | One region | Exports | A typo |\n"
        "| Response time | 5 min | 15 min | 1 hour | 1 day |\n" DOUBT,
        FM "# L\n\n| Priority | Description | Example | Ack |\n|---|---|---|---|\n"
        "| Priority 1 | All down | An outage | 5 min |\n"
        "| P2 | Some down | One region | 15 min |\n"
        "| P-3 | Exports slow | Exports | 1 hour |\n"
        "| P4 | Cosmetic issues | A typo | 1 day |\n" DOUBT,
        NULL
    };
    size_t k;

    for (k = 0; guides[k] != NULL; k++) {
        bl_diags d;
        tu_lint(*state, guides[k], &d);
        if (d.n > 0)
            fail_msg("guide %zu: %s: %s", k, d.items[0].rule->id,
                     d.items[0].message);
        bl_diags_free(&d);
    }
}

static void
test_comparisons_and_doubt_sections_define_no_level(void **state)
{
    const char *id = "severity/missing-level";
    char out[512];

    /* SEV3 appears only in comparisons, a When in doubt section, prose. */
    spans(*state, FM "# Levels\n\n" LEVEL(1, "5 minutes") LEVEL(2, "15 min")
          LEVEL(4, "1 day") "- SEV2 or SEV3: ask.\n- SEV3/SEV4: ask.\n"
          "- SEV2 vs. SEV3 is about revenue.\n\nA SEV3 pages nobody.\n\n"
          "## When in doubt\n\n- SEV3: pick it when torn.\n", id, out,
          sizeof out);
    assert_string_equal(out, "Levels");
    /* Names of levels need their number: "Severity levels", "Page ...",
     * "P2P". */
    assert_int_equal(tu_count_in(*state, FM "# Severity levels\n\n"
                                 "## Severity matrix\n\n- Page the on-call.\n"
                                 "- P2P links fail.\n" DOUBT, id), 1);
}

/* --- severity/missing-level ---------------------------------------------- */

static void
test_missing_levels(void **state)
{
    const char *id = "severity/missing-level";
    bl_rules *three = NULL;
    char err[256], out[512];
    bl_diags d;

    /* None at all: one finding, on the title. */
    spans(*state, FM "# Our levels\n\nWe have none yet.\n" DOUBT, id, out,
          sizeof out);
    assert_string_equal(out, "Our levels");
    /* A gap, and one missing at the end: one finding each. */
    tu_lint(*state, FM "# L\n\n" LEVEL(1, "5 min") LEVEL(3, "1 hour") DOUBT,
            &d);
    assert_int_equal(tu_count_rule(&d, id), 2);
    assert_non_null(strstr(d.items[0].message, "SEV2 is not defined"));
    assert_non_null(strstr(d.items[1].message, "SEV4 is not defined"));
    bl_diags_free(&d);
    /* SEV0 and SEV5 are welcome. */
    assert_int_equal(tu_count_in(*state, FM "# L\n\n" LEVEL(0, "1 minute")
                                 LEVEL(1, "5 minutes") LEVEL(2, "15 minutes")
                                 LEVEL(3, "1 hour") LEVEL(4, "1 day")
                                 LEVEL(5, "1 week") DOUBT, id), 0);
    /* severity.levels=3 */
    assert_int_equal(bl_rules_load_default(&three, err, sizeof err), 0);
    assert_int_equal(bl_rules_set(three, "severity.levels", "3", err,
                                  sizeof err), 0);
    assert_int_equal(tu_count_in(three, FM "# L\n\n" LEVEL(1, "5 min")
                                 LEVEL(2, "15 min") LEVEL(3, "1 hour") DOUBT,
                                 id), 0);
    bl_rules_free(three);
    /* The kind of names used more: P levels, and a stray SEV mention. */
    spans(*state, FM "# L\n\n- **P1**: down. E.g. x. Ack within 5 min.\n"
          "- **P2**: slow. E.g. y. Ack within 1 hour.\n"
          "- **P4**: typo. E.g. z. Ack within 1 day.\n\nSEV1 is what P1 was "
          "called before.\n" DOUBT, id, out, sizeof out);
    assert_string_equal(out, "L");
    tu_lint(*state, FM "# L\n\n- **P1**: down. E.g. x. Ack within 5 min.\n"
            "- **P2**: slow. E.g. y. Ack within 1 hour.\n"
            "- **P4**: typo. E.g. z. Ack within 1 day.\n" DOUBT, &d);
    assert_int_equal(tu_count_rule(&d, id), 1);
    assert_non_null(strstr(d.items[0].message, "P3 is not defined"));
    bl_diags_free(&d);
}

/* --- What a level says ---------------------------------------------------- */

static void
test_each_level_needs_impact_example_and_response(void **state)
{
    char out[512];

    /* SEV2 has only a response, SEV3 only an impact. */
    const char *src = FM "# L\n\n" LEVEL(1, "5 minutes")
                      "- **SEV2** (Major): respond within 15 minutes.\n"
                      "- **SEV3** (Minor): a feature is slow.\n"
                      LEVEL(4, "1 day") DOUBT;

    spans(*state, src, "severity/missing-impact", out, sizeof out);
    assert_string_equal(out, "SEV2");
    spans(*state, src, "severity/missing-example", out, sizeof out);
    assert_string_equal(out, "SEV2|SEV3");
    spans(*state, src, "severity/missing-response-time", out, sizeof out);
    assert_string_equal(out, "SEV3");
}

static void
test_fields_labels_and_slots(void **state)
{
    /* Labelled fields in nested items; a label with nothing after it says
     * nothing; a template slot stands for what it will say; a level
     * defined twice is the sum of both. */
    const char *src =
        FM "# L\n\n| Level | Impact |\n|---|---|\n| SEV1 | All down |\n"
        "| SEV2 | Some down |\n| SEV3 | Exports slow |\n| SEV4 | Bad icons "
        "|\n\n"
        "## SEV1\n\n- Example: an outage.\n- Response time: 5 minutes.\n\n"
        "## SEV2\n\n### Examples\n\nOne region down.\n\n### Response\n\n"
        "15 minutes.\n\n## SEV3\n\n**Example:**\n\n**Response:** {{time}}\n\n"
        "## SEV4\n\nFor instance, a typo. Acknowledged the next business "
        "day.\n" DOUBT;
    char out[512];

    spans(*state, src, "severity/missing-example", out, sizeof out);
    assert_string_equal(out, "SEV3");
    spans(*state, src, "severity/missing-response-time", out, sizeof out);
    assert_string_equal(out, "");
    spans(*state, src, "severity/missing-impact", out, sizeof out);
    assert_string_equal(out, "");
}

/* Columns that are not the three: an update cadence's durations are no
 * response time, a Name column no impact. */
static void
test_other_columns_are_not_read(void **state)
{
    const char *src =
        FM "# L\n\n| Level | Name | Updates | Resolution |\n|---|---|---|---|\n"
        "| SEV1 | Critical incident | every 30 min | 4 hours |\n"
        "| SEV2 | Major incident | every hour | 1 day |\n"
        "| SEV3 | Minor incident | daily | 1 week |\n"
        "| SEV4 | Low priority issue | weekly | 1 month |\n" DOUBT;

    assert_int_equal(tu_count_in(*state, src,
                                 "severity/missing-response-time"), 4);
    assert_int_equal(tu_count_in(*state, src, "severity/missing-impact"), 4);
    assert_int_equal(tu_count_in(*state, src, "severity/missing-example"), 4);
    assert_int_equal(tu_count_in(*state, src, "severity/response-order"), 0);
}

/* --- severity/response-order ---------------------------------------------- */

/* A guide whose SEV2 responds in `a` and SEV3 in `b`. */
static size_t
order_findings(const bl_rules *rules, const char *a, const char *b)
{
    char src[1024];

    snprintf(src, sizeof src, FM "# L\n\n" LEVEL(1, "immediately")
             "- **SEV2**: users are affected. E.g. an outage. Respond %s.\n"
             "- **SEV3**: users are affected. E.g. an outage. Respond %s.\n"
             LEVEL(4, "1 month") DOUBT, a, b);
    return tu_count_in(rules, src, "severity/response-order");
}

static void
test_durations_and_their_order(void **state)
{
    static const struct {
        const char *sev2, *sev3;
        size_t findings;
    } cases[] = {
        {"within 5 minutes", "within 15 min", 0},
        {"within 1 hour", "within 30 min", 1},
        {"within 24h", "next business day", 0},
        {"next business day", "within 4 hours", 1},
        {"within 15-30 minutes", "within 20 minutes", 0},
        {"within 15 to 30 minutes", "within 10 minutes", 1},
        {"immediately", "within 5m", 0},
        {"within 2 days", "within 1 week", 0},
        {"within 1 week", "within 2 days", 1},
        {"within an hour", "within fifteen minutes", 1},
        {"within 90 seconds", "within 1 min", 1},
        {"within 2 hrs", "the same business day", 0},
        {"within 1.5 hours", "within 1 hour", 0},
        {"within 3 days", "best effort, 24/7 rota", 0},
        {"within 4 h", "within 2 business days", 0},
        {NULL, NULL, 0}
    };
    size_t k;

    for (k = 0; cases[k].sev2 != NULL; k++)
        if (order_findings(*state, cases[k].sev2, cases[k].sev3)
            != cases[k].findings)
            fail_msg("SEV2 \"%s\", SEV3 \"%s\": want %zu finding(s)",
                     cases[k].sev2, cases[k].sev3, cases[k].findings);
}

static void
test_order_is_reported_on_the_faster_time(void **state)
{
    char out[512];

    /* Against the next more severe level that states a time: SEV3 is
     * compared with SEV1, as SEV2 gives none. */
    spans(*state, FM "# L\n\n" LEVEL(1, "30 minutes")
          "- **SEV2**: users are affected. E.g. an outage. Respond soon.\n"
          LEVEL(3, "10 minutes") LEVEL(4, "1 day") DOUBT,
          "severity/response-order", out, sizeof out);
    assert_string_equal(out, "10 minutes");
    /* The duration after "respond", not the first of the sentence. */
    spans(*state, FM "# L\n\n" LEVEL(1, "5 minutes")
          "- **SEV2**: down for 2 hours. E.g. x. Resolve within 8 hours, "
          "respond within 30 minutes.\n"
          "- **SEV3**: slow. E.g. y. Update the status page within 10 "
          "minutes; respond within 1 hour.\n" LEVEL(4, "1 day") DOUBT,
          "severity/response-order", out, sizeof out);
    assert_string_equal(out, "");
}

/* --- severity/missing-section --------------------------------------------- */

static void
test_when_in_doubt(void **state)
{
    const char *id = "severity/missing-section";
    static const char *const present[] = {
        "\n## Ambiguous cases\n\nAsk the IC.\n",
        "\n## Choosing a severity\n\nPick the higher one.\n",
        "\n**If unsure:** pick the higher level.\n",
        "\nIf you're unsure, declare the higher level.\n",
        "\nWhen in doubt, page.\n",
        "\nErr on the side of the higher level.\n",
        NULL
    };
    char src[1024];
    size_t k;
    bl_doc *doc;
    bl_diags d;

    for (k = 0; present[k] != NULL; k++) {
        snprintf(src, sizeof src, FM "# L\n\n" LEVEL(1, "5 minutes")
                 LEVEL(2, "15 minutes") LEVEL(3, "1 hour") LEVEL(4, "1 day")
                 "%s", present[k]);
        if (tu_count_in(*state, src, id) != 0)
            fail_msg("reported: %s", present[k]);
    }
    /* Missing: on the title, the fix appends the section. */
    doc = tu_parse(FM "# Levels\n\n" LEVEL(1, "5 minutes")
                   LEVEL(2, "15 minutes") LEVEL(3, "1 hour")
                   LEVEL(4, "1 day"));
    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(*state, doc, &d), 0);
    assert_int_equal(tu_count_rule(&d, id), 1);
    assert_int_equal(d.items[0].begin, tu_off(doc, "Levels"));
    assert_int_equal(d.items[0].fix_begin, doc->len);
    assert_non_null(strstr(d.items[0].fix, "## When in doubt\n"));
    assert_non_null(strstr(d.items[0].message, "the severity guide does not"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    /* Empty: on its heading. */
    snprintf(src, sizeof src, FM "# L\n\n" LEVEL(1, "5 minutes")
             LEVEL(2, "15 minutes") LEVEL(3, "1 hour") LEVEL(4, "1 day")
             "\n## When in doubt\n\n<!-- later -->\n");
    assert_int_equal(tu_count_in(*state, src, id), 1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_complete_guide_is_clean),
        cmocka_unit_test(test_levels_in_headings_items_paragraphs_rows_and_columns),
        cmocka_unit_test(test_comparisons_and_doubt_sections_define_no_level),
        cmocka_unit_test(test_missing_levels),
        cmocka_unit_test(test_each_level_needs_impact_example_and_response),
        cmocka_unit_test(test_fields_labels_and_slots),
        cmocka_unit_test(test_other_columns_are_not_read),
        cmocka_unit_test(test_durations_and_their_order),
        cmocka_unit_test(test_order_is_reported_on_the_faster_time),
        cmocka_unit_test(test_when_in_doubt),
    };

    return cmocka_run_group_tests(tests, tu_load_rules, tu_free_rules);
}
