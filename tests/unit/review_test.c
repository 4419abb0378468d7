/*
 * review_test.c: the review profile's rules, each with agendas it must
 * report and agendas it must leave alone.  Documents choose the profile
 * with front matter.
 */
#include <stdio.h>

#include "testutil.h"
#include "engine/rules.h"

#define FM "---\nblamelint: review\n---\n"

/* A complete review agenda: %s is the header (facilitator, duration),
 * the second %s the Agenda's body. */
static const char skeleton[] =
    FM "# Review: checkout errors\n\n%s\n\n"
    "## Ground rules\n\n- This review is blameless.\n\n"
    "## Agenda\n\n%s\n"
    "## Action items\n\nFiled in Jira, each with an owner and a due date.\n";

#define HEADER "- **Facilitator:** Priya Nair\n- **Duration:** 60 minutes"
#define AGENDA "1. Timeline (10 min)\n2. What would we do differently in " \
               "the response? (20 min)\n3. Action items (15 min)\n"

static char *
review_doc(const char *header, const char *agenda)
{
    size_t n = sizeof skeleton + strlen(header) + strlen(agenda);
    char *s = malloc(n);

    assert_non_null(s);
    snprintf(s, n, skeleton, header, agenda);
    return s;
}

static size_t
count_review(const bl_rules *rules, const char *id, const char *header,
             const char *agenda)
{
    char *src = review_doc(header, agenda);
    size_t n = tu_count_in(rules, src, id);

    free(src);
    return n;
}

static void
test_a_complete_agenda_is_clean(void **state)
{
    char *src = review_doc(HEADER, AGENDA);

    tu_assert_clean(*state, src);
    free(src);
}

static void
test_rules_stay_in_their_profile(void **state)
{
    bl_diags d;
    size_t i;

    tu_lint(*state, "# Incident: x\n\n## Summary\n\nDown.\n\n## Agenda\n\n"
            "1. Timeline\n", &d);
    for (i = 0; i < d.n; i++)
        assert_false(strncmp(d.items[i].rule->id, "review/", 7) == 0);
    bl_diags_free(&d);
}

/* --- review/missing-section ---------------------------------------------- */

static void
test_missing_sections(void **state)
{
    const char *id = "review/missing-section";
    char span[128];

    assert_int_equal(tu_count_in(*state, FM "# R\n\nFacilitator: Dana\n",
                                 id), 2);
    /* Synonyms; the ground rules said in a paragraph. */
    assert_int_equal(tu_count_in(*state, FM "# R\n\n## Running order\n\n"
                                 "1. x (5 min)\n\n## Working agreements\n\n"
                                 "- Phones away.\n", id), 0);
    assert_int_equal(tu_count_in(*state, FM "# R\n\nWe focus on systems, not "
                                 "people.\n\n## Schedule\n\n1. x (5 min)\n",
                                 id), 0);
    assert_int_equal(tu_count_in(*state, FM "# R\n\nThis is a no-blame "
                                 "review.\n\n## Agenda\n\n1. x (5 min)\n",
                                 id), 0);
    tu_first_span(*state, FM "# R\n\n## Agenda\n\n1. x (5 min)\n", id, span);
    assert_string_equal(span, "R");
}

/* --- review/untimed-item ------------------------------------------------- */

static void
test_untimed_items(void **state)
{
    const char *id = "review/untimed-item";
    static const char *const flagged[] = {
        "1. Timeline\n", "- Timeline walk-through\n",
        "1. Discussion of the 5 whys\n",
        "| Item | Lead |\n|---|---|\n| Timeline | Dana |\n",
        "### Timeline\n\nWalk through it.\n",
        NULL
    };
    static const char *const clean[] = {
        "1. Timeline (10 min)\n", "1. Timeline — 15 minutes\n",
        "1. Timeline: 1 hour\n", "1. Timeline (half an hour)\n",
        "1. 14:00–14:10 Timeline\n", "1. Timeline (1.5 h)\n",
        "1. Timeline ({{minutes}} min)\n", "1. {{item}}\n",
        "1. Total: 60 min\n",
        "1. Timeline\n   - 10 minutes, from the draft\n",
        "| Time | Item |\n|---|---|\n| 14:00 | Timeline |\n",
        "| Minutes | Item |\n|---|---|\n| 10 | Timeline |\n",
        "### 1. Timeline (10 min)\n\nWalk through it.\n",
        "### Timeline\n\n10 minutes: walk through it.\n",
        "1. Timeline (10 min)\n\n> 10:02 dana: and the status page?\n",
        "- Pre-read: the postmortem draft\n\n1. Timeline (10 min)\n",
        NULL
    };
    size_t k;
    char *src;
    char span[128];

    for (k = 0; flagged[k] != NULL; k++)
        if (count_review(*state, id, HEADER, flagged[k]) != 1)
            fail_msg("not reported: %s", flagged[k]);
    for (k = 0; clean[k] != NULL; k++)
        if (count_review(*state, id, HEADER, clean[k]) != 0)
            fail_msg("reported: %s", clean[k]);
    src = review_doc(HEADER, "1. Timeline (10 min)\n2. Discussion\n");
    tu_first_span(*state, src, id, span);
    assert_string_equal(span, "Discussion");
    free(src);
}

/* --- review/over-time ---------------------------------------------------- */

static void
test_over_time(void **state)
{
    const char *id = "review/over-time";
    static const struct {
        const char *header, *agenda;
        size_t want;
    } cases[] = {
        {HEADER, "1. A (30 min)\n2. B (20 min)\n3. C (15 min)\n", 1},
        {"Length: 1 hour", "1. A (45 min)\n2. B (0.5 h)\n", 1},
        {"A 45-minute meeting.", "1. A (30 min)\n2. B (20 min)\n", 1},
        {"When: Tuesday 14:00–14:30 UTC", "1. A (20 min)\n2. B (15 min)\n",
         1},
        {HEADER, "| Time | Item |\n|---|---|\n| 14:00–14:40 | A |\n"
                 "| 14:40–15:10 | B |\n", 1},
        /* Within the length, none stated, a total line, slots. */
        {HEADER, AGENDA, 0},
        {HEADER, "1. A (30 min)\n2. B (30 min)\n", 0},
        {"Facilitator: Dana", "1. A (90 min)\n", 0},
        {HEADER, "1. A (30 min)\n2. B (30 min)\n3. Total: 60 min\n", 0},
        {HEADER, "1. A ({{minutes}} min)\n2. B (30 min)\n", 0},
        /* A duration wins over the incident's own clock times. */
        {HEADER, "1. Walk through 02:10–03:40 (10 min)\n2. B (30 min)\n",
         0},
        {NULL, NULL, 0}
    };
    size_t k;

    for (k = 0; cases[k].header != NULL; k++)
        if (count_review(*state, id, cases[k].header, cases[k].agenda)
            != cases[k].want)
            fail_msg("case %zu: %s / %s", k, cases[k].header,
                     cases[k].agenda);
}

/* --- review/no-facilitator ----------------------------------------------- */

static void
test_facilitator(void **state)
{
    const char *id = "review/no-facilitator";
    static const char *const flagged[] = {
        "- **Duration:** 60 minutes",
        "The facilitator keeps time.",
        "- **Facilitator:** TBD",
        "- **Facilitator:** none yet",
        "- **Facilitator:**",
        "| | |\n|---|---|\n| Facilitator | ? |",
        NULL
    };
    static const char *const clean[] = {
        HEADER, "Facilitated by @dana.", "- Moderator: Li Wei",
        "- **Facilitator:** {{name}}", "Host — Sam (Platform)",
        "| | |\n|---|---|\n| Facilitator | Dana Lee |",
        NULL
    };
    size_t k;
    char *src;
    char span[128];

    for (k = 0; flagged[k] != NULL; k++)
        if (count_review(*state, id, flagged[k], AGENDA) != 1)
            fail_msg("not reported: %s", flagged[k]);
    for (k = 0; clean[k] != NULL; k++)
        if (count_review(*state, id, clean[k], AGENDA) != 0)
            fail_msg("reported: %s", clean[k]);
    src = review_doc("- **Facilitator:** TBD", AGENDA);
    tu_first_span(*state, src, id, span);
    assert_string_equal(span, "TBD");
    assert_int_equal(tu_count_in(*state, src, "placeholder/unfilled"), 0);
    free(src);
    src = review_doc("Nothing.", AGENDA);
    tu_first_span(*state, src, id, span);
    assert_string_equal(span, "Review: checkout errors");
    free(src);
}

/* --- review/untracked-actions -------------------------------------------- */

static void
test_action_tracking(void **state)
{
    const char *id = "review/untracked-actions";
    static const char *const flagged[] = {
        /* Only the agenda's item. */
        FM "# R\n\nFacilitator: Dana\n\n## Ground rules\n\nBlameless.\n\n"
        "## Agenda\n\n1. Action items (10 min)\n",
        /* Where, but no owner or due date. */
        FM "# R\n\n## Agenda\n\n1. x (5 min)\n\n## Follow-ups\n\n"
        "Filed in Jira.\n",
        /* Owner and due date, but nowhere. */
        FM "# R\n\n## Agenda\n\n1. Action items: each gets an owner and a "
        "due date (10 min)\n",
        NULL
    };
    static const char *const clean[] = {
        FM "# R\n\n## Agenda\n\n1. Action items: filed in Linear with an "
        "owner and a due date (10 min)\n",
        FM "# R\n\n## Agenda\n\n1. x (5 min)\n\n## Next steps\n\n"
        "Each follow-up gets an owner and a target date, in the "
        "[tracker](https://jira.example.com/INC).\n",
        NULL
    };
    size_t k;
    char span[128];
    bl_diags d;

    for (k = 0; flagged[k] != NULL; k++)
        if (tu_count_in(*state, flagged[k], id) != 1)
            fail_msg("not reported: %s", flagged[k]);
    for (k = 0; clean[k] != NULL; k++)
        if (tu_count_in(*state, clean[k], id) != 0)
            fail_msg("reported: %s", clean[k]);
    tu_first_span(*state, flagged[1], id, span);
    assert_string_equal(span, "Follow-ups");
    tu_lint(*state, flagged[1], &d);
    for (k = 0; k < d.n; k++)
        if (strcmp(d.items[k].rule->id, id) == 0) {
            assert_non_null(strstr(d.items[k].message, "that each gets an "
                                   "owner and that each gets a due date"));
            assert_null(strstr(d.items[k].message, "where they are filed"));
        }
    bl_diags_free(&d);
}

/* --- review/no-response-question ----------------------------------------- */

static void
test_response_question(void **state)
{
    const char *id = "review/no-response-question";
    static const char *const flagged[] = {
        "1. Timeline (10 min)\n2. Root cause (20 min)\n",
        "1. What went wrong in the code? (10 min)\n",
        "1. Timeline (10 min)\n\n> what would we do differently next time?\n",
        NULL
    };
    static const char *const clean[] = {
        AGENDA,
        "1. What could we do differently next time? (10 min)\n",
        "1. How did the response go? (10 min)\n",
        "1. What slowed down our response? (10 min)\n",
        "1. Response retrospective (10 min)\n",
        "1. The incident response itself (15 min)\n",
        NULL
    };
    size_t k;
    char *src;
    char span[128];

    for (k = 0; flagged[k] != NULL; k++)
        if (count_review(*state, id, HEADER, flagged[k]) != 1)
            fail_msg("not reported: %s", flagged[k]);
    for (k = 0; clean[k] != NULL; k++)
        if (count_review(*state, id, HEADER, clean[k]) != 0)
            fail_msg("reported: %s", clean[k]);
    src = review_doc(HEADER, flagged[0]);
    tu_first_span(*state, src, id, span);
    assert_string_equal(span, "Agenda");
    free(src);
}

/* --- review/ground-rules-not-blameless ----------------------------------- */

static void
test_ground_rules_blameless(void **state)
{
    const char *id = "review/ground-rules-not-blameless";
    char span[128];
    static const char *const clean[] = {
        "- This review is blameless.\n",
        "- We focus on systems, not people.\n",
        "- Assume good intent.\n", "- No blame.\n",
        "- Everyone did the best they could.\n",
        NULL
    };
    size_t k;

    tu_first_span(*state, FM "# R\n\n## Ground rules\n\n- Phones away.\n\n"
                  "## Agenda\n\n1. x (5 min)\n", id, span);
    assert_string_equal(span, "Ground rules");
    for (k = 0; clean[k] != NULL; k++) {
        char src[256];
        snprintf(src, sizeof src, FM "# R\n\n## Ground rules\n\n%s\n"
                 "## Agenda\n\n1. x (5 min)\n", clean[k]);
        if (tu_count_in(*state, src, id) != 0)
            fail_msg("reported: %s", clean[k]);
    }
    /* Said in the introduction instead: no finding. */
    assert_int_equal(tu_count_in(*state, FM "# R\n\nA blameless review.\n\n"
                                 "## Ground rules\n\n- Phones away.\n\n"
                                 "## Agenda\n\n1. x (5 min)\n", id), 0);
    /* A quoted "blameless" is not the team saying it. */
    assert_int_equal(tu_count_in(*state, FM "# R\n\n## Ground rules\n\n"
                                 "- Phones away.\n\n> is this blameless?\n\n"
                                 "## Agenda\n\n1. x (5 min)\n", id), 1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_complete_agenda_is_clean),
        cmocka_unit_test(test_rules_stay_in_their_profile),
        cmocka_unit_test(test_missing_sections),
        cmocka_unit_test(test_untimed_items),
        cmocka_unit_test(test_over_time),
        cmocka_unit_test(test_facilitator),
        cmocka_unit_test(test_action_tracking),
        cmocka_unit_test(test_response_question),
        cmocka_unit_test(test_ground_rules_blameless),
    };

    return cmocka_run_group_tests(tests, tu_load_rules, tu_free_rules);
}
