/*
 * roles_test.c: the roles profile's rules, each with documents it must
 * report and documents it must leave alone.  Documents choose the profile
 * with front matter, as a team's roles document does.
 */
#include <stdio.h>

#include "testutil.h"
#include "engine/rules.h"

#define FM "---\nblamelint: roles\n---\n"

/* A complete roles document around an Incident Commander section a test
 * writes (%s is its body). */
static const char skeleton[] =
    FM "# Incident roles\n\n"
    "## Incident Commander\n\n%s\n"
    "## Communications Lead\n\n- **Primary:** @mara\n- **Backup:** @li\n"
    "- Posts status updates.\n- Answers Support.\n\n"
    "## Responders\n\n- **Primary:** the Payments on-call rotation\n"
    "- **Backup:** the Payments secondary on-call\n"
    "- Investigate and mitigate.\n- Report to the IC.\n\n"
    "## Handover\n\nIf the IC is unavailable, the backup takes over.\n";

static char *
roles_doc(const char *commander)
{
    size_t n = sizeof skeleton + strlen(commander);
    char *s = malloc(n);

    assert_non_null(s);
    snprintf(s, n, skeleton, commander);
    return s;
}

/* How many findings of rule id the document with this Incident
 * Commander section gets. */
static size_t
count_in_commander(const bl_rules *rules, const char *id,
                   const char *commander)
{
    char *src = roles_doc(commander);
    bl_diags d;
    size_t n;

    tu_lint(rules, src, &d);
    n = tu_count_rule(&d, id);
    bl_diags_free(&d);
    free(src);
    return n;
}

#define GOOD_IC "- **Primary:** @dana\n- **Backup:** @li\n- Leads.\n" \
                "- Decides.\n"

static void
test_a_complete_roles_document_is_clean(void **state)
{
    char *src = roles_doc(GOOD_IC);

    tu_assert_clean(*state, src);
    free(src);
}

/* The roles rules check only roles documents. */
static void
test_rules_stay_in_their_profile(void **state)
{
    bl_diags d;
    size_t i;

    tu_lint(*state, "# Incident: x\n\n## Summary\n\nDown.\n\n"
            "## Incident Commander\n\n- Leads.\n", &d);
    for (i = 0; i < d.n; i++)
        assert_false(strncmp(d.items[i].rule->id, "roles/", 6) == 0);
    bl_diags_free(&d);
    tu_lint(*state, FM "# Roles\n\n## Incident Commander\n\n- Leads.\n", &d);
    assert_int_equal(tu_count_rule(&d, "section/missing"), 0);
    assert_true(tu_count_rule(&d, "roles/missing-section") > 0);
    bl_diags_free(&d);
}

/* --- roles/missing-section ----------------------------------------------- */

static void
test_missing_roles_and_handover(void **state)
{
    const char *id = "roles/missing-section";
    const char *src = FM "# Roles\n\n## Incident Commander\n\n" GOOD_IC
                      "\n## Responders\n\n- **Primary:** @ops\n"
                      "- **Backup:** @ops2\n- Fix.\n- Report.\n";
    bl_doc *doc = tu_parse(src);
    bl_diags d;
    size_t i, found = 0;

    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(*state, doc, &d), 0);
    for (i = 0; i < d.n; i++) {
        const bl_diag *g = &d.items[i];
        if (strcmp(g->rule->id, id) != 0)
            continue;
        found++;
        assert_int_equal(g->begin, tu_off(doc, "Roles"));
        assert_non_null(strstr(g->message, "the roles document does not "
                                           "say"));
        if (strstr(g->message, "No Communications Lead") != NULL) {
            /* Before Responders, which comes after it. */
            assert_int_equal(g->fix_begin, tu_off(doc, "## Responders"));
            assert_non_null(strstr(g->fix, "## Communications Lead\n"));
        }
    }
    assert_int_equal(found, 2);     /* comms, handover */
    bl_diags_free(&d);
    bl_doc_free(doc);
}

static void
test_synonyms_tables_and_prose_count(void **state)
{
    const char *id = "roles/missing-section";

    /* Synonyms as headings, the handover in a paragraph. */
    assert_int_equal(tu_count_in(*state, FM "# R\n\n## IC\n\n" GOOD_IC
                                 "\n## Comms Lead\n\n" GOOD_IC
                                 "\n## Subject Matter Experts\n\n" GOOD_IC
                                 "\nThe IC hands over to the backup after "
                                 "four hours.\n", id), 0);
    assert_int_equal(tu_count_in(*state, FM "# R\n\n## Incident Manager\n\n"
                                 GOOD_IC "\n## Communications Manager\n\n"
                                 GOOD_IC "\n## Ops Lead\n\n" GOOD_IC
                                 "\n## Rotation\n\nWeekly.\n", id), 0);
    /* A role table's first column names the roles. */
    assert_int_equal(tu_count_in(*state, FM "# R\n\n"
                                 "| Role | Primary | Backup | Duties |\n"
                                 "|---|---|---|---|\n"
                                 "| Incident Commander (IC) | @a | @b | "
                                 "x; y |\n"
                                 "| Comms Lead | @c | @d | x; y |\n"
                                 "| Responders | @e | @f | x; y |\n\n"
                                 "If the IC is unavailable, @b takes "
                                 "over.\n", id),
                     0);
    /* Words about the roles are not the roles. */
    assert_int_equal(tu_count_in(*state, FM "# R\n\n## Incident Commander\n"
                                 "\n" GOOD_IC "\nThe comms lead and the "
                                 "responders are chosen by the IC.\n", id), 3);
    /* Mentioning a rotation as a holder is no handover. */
    assert_int_equal(tu_count_in(*state, FM "# R\n\n## IC\n\n"
                                 "- **Primary:** the SRE on-call rotation\n"
                                 "- **Backup:** @li\n- Leads.\n- Decides.\n\n"
                                 "## Comms Lead\n\n" GOOD_IC
                                 "\n## Responders\n\n" GOOD_IC, id), 1);
}

static void
test_an_empty_role_is_reported_on_its_heading(void **state)
{
    char span[128];

    tu_first_span(*state, FM "# R\n\n## Incident Commander\n\n"
                  "<!-- later -->\n\n## Comms Lead\n\n" GOOD_IC
                  "\n## Responders\n\n" GOOD_IC
                  "\n## Handover\n\nThe IC hands over.\n",
                  "roles/missing-section", span);
    assert_string_equal(span, "Incident Commander");
}

/* --- roles/few-responsibilities ------------------------------------------ */

static void
test_few_responsibilities(void **state)
{
    const char *id = "roles/few-responsibilities";
    static const char *const flagged[] = {
        "- **Primary:** @dana\n- **Backup:** @li\n- Runs the incident.\n",
        "- **Primary:** @dana\n- **Backup:** @li\n",
        "Primary: @dana. Backup: @li.\n\nHandles the incident.\n",
        "- **Primary:** @dana\n- **Backup:** @li\n\nResponsibilities:\n\n"
        "- Runs the incident.\n",
        NULL
    };
    static const char *const clean[] = {
        GOOD_IC,
        /* Prose: one responsibility a sentence. */
        "Primary: @dana. Backup: @li.\n\nThe IC leads the call. The IC "
        "decides on rollbacks.\n",
        "Primary: @dana. Backup: @li.\n\nCoordinates the response, makes "
        "decisions and delegates.\n",
        /* Grouped under a label: the innermost items count. */
        "- **Primary:** @dana\n- **Backup:** @li\n- Responsibilities:\n"
        "  - Leads.\n  - Decides.\n",
        /* A table of the role's own with a Duties column. */
        "| Primary | Backup | Duties |\n|---|---|---|\n"
        "| @dana | @li | Leads; decides |\n",
        NULL
    };
    size_t k;
    char span[128];
    char *src;

    for (k = 0; flagged[k] != NULL; k++)
        if (count_in_commander(*state, id, flagged[k]) != 1)
            fail_msg("not reported: %s", flagged[k]);
    for (k = 0; clean[k] != NULL; k++)
        if (count_in_commander(*state, id, clean[k]) != 0)
            fail_msg("reported: %s", clean[k]);
    src = roles_doc(flagged[0]);
    tu_first_span(*state, src, id, span);
    assert_string_equal(span, "Incident Commander");
    free(src);
    /* A table row: its Responsibilities cell, split at ";" "," "<br>". */
    assert_int_equal(tu_count_in(*state, FM "# R\n\n"
                                 "| Role | Primary | Backup | "
                                 "Responsibilities |\n"
                                 "|---|---|---|---|\n"
                                 "| IC | @a | @b | Leads the call |\n"
                                 "| Comms Lead | @c | @d | "
                                 "Updates<br>Support |\n"
                                 "| Responders | @e | @f | Fix, report |\n",
                                 id), 1);
    /* A role table without a duties column says nothing of duties. */
    assert_int_equal(tu_count_in(*state, FM "# R\n\n"
                                 "| Role | Primary | Backup |\n|---|---|---|\n"
                                 "| IC | @a | @b |\n", id), 0);
}

/* --- roles/no-primary ---------------------------------------------------- */

static void
test_no_primary(void **state)
{
    const char *id = "roles/no-primary";
    static const char *const flagged[] = {
        "- **Backup:** @li\n- Leads.\n- Decides.\n",
        "- **Primary:** TBD\n- **Backup:** @li\n- Leads.\n- Decides.\n",
        "- **Primary:** nobody yet\n- **Backup:** @li\n- Leads.\n"
        "- Decides.\n",
        "- **Primary:**\n- **Backup:** @li\n- Leads.\n- Decides.\n",
        "**Responsibilities**\n\n- Leads.\n- Decides.\n\nBackup: @li\n",
        NULL
    };
    static const char *const clean[] = {
        GOOD_IC,
        "- **Primary:** the SRE on-call rotation\n- **Backup:** @li\n"
        "- Leads.\n- Decides.\n",
        "Dana Whitfield\n\n- **Backup:** Li Wei\n- Leads.\n- Decides.\n",
        "Held by whoever is primary on the Payments schedule; backup: Li.\n\n"
        "- Leads.\n- Decides.\n",
        "- **Primary:** {{name or @handle}}\n- **Backup:** @li\n- Leads.\n"
        "- Decides.\n",
        "- **Primary:** Dana Whitfield (Payments)\n- **Backup:** Li Wei\n"
        "- Leads.\n- Decides.\n",
        "Primary and backup: see the IC schedule.\n\n- Leads.\n"
        "- Decides.\n",
        "See [who is on call](https://pd.example.com/s/1).\n\n"
        "- **Backup:** @li\n- Leads.\n- Decides.\n",
        NULL
    };
    size_t k;
    char span[128];
    char *src;

    for (k = 0; flagged[k] != NULL; k++)
        if (count_in_commander(*state, id, flagged[k]) != 1)
            fail_msg("not reported: %s", flagged[k]);
    for (k = 0; clean[k] != NULL; k++)
        if (count_in_commander(*state, id, clean[k]) != 0)
            fail_msg("reported: %s", clean[k]);
    src = roles_doc(flagged[0]);
    tu_first_span(*state, src, id, span);
    assert_string_equal(span, "Incident Commander");
    free(src);
    /* "TBD" is reported on the value, once: not also as unfilled. */
    src = roles_doc(flagged[1]);
    tu_first_span(*state, src, id, span);
    assert_string_equal(span, "TBD");
    assert_int_equal(tu_count_in(*state, src, "placeholder/unfilled"), 0);
    free(src);
}

/* --- roles/no-backup ----------------------------------------------------- */

static void
test_no_backup(void **state)
{
    const char *id = "roles/no-backup";
    static const char *const flagged[] = {
        "- **Primary:** @dana\n- Leads.\n- Decides.\n",
        "- **Primary:** @dana\n- **Backup:** TBD\n- Leads.\n- Decides.\n",
        "- **Primary:** @dana\n- **Backup:** none\n- Leads.\n- Decides.\n",
        "- **Primary:** @dana\n- **Backup:** ?\n- Leads.\n- Decides.\n",
        "- **Primary:** @dana\n- **Backup:** someone from the team\n"
        "- Leads.\n- Decides.\n",
        "- **Primary:** @dana, **secondary:** to be decided\n- Leads.\n"
        "- Decides.\n",
        "- **Primary and backup:** TBD\n- Leads.\n- Decides.\n",
        NULL
    };
    static const char *const clean[] = {
        GOOD_IC,
        "- **Primary:** @dana\n- **Secondary:** @li\n- Leads.\n- Decides.\n",
        "- **Primary:** @dana\n- **Deputy** — Li Wei\n- Leads.\n- Decides.\n",
        "Dana leads; Li Wei stands in when Dana is away.\n\n- Leads.\n"
        "- Decides.\n",
        "- **Primary:** the SRE rotation's primary; the secondary covers for "
        "them\n- Leads.\n- Decides.\n",
        "- **Primary:** @dana\n- **Backup:** {{name}}\n- Leads.\n"
        "- Decides.\n",
        "- **Primary:** @dana\n- **Backup:** Noah Brooks\n- Leads.\n"
        "- Decides.\n",
        "Primary and backup: the IC schedule's primary and secondary.\n\n"
        "- Leads.\n- Decides.\n",
        NULL
    };
    size_t k;
    char span[128];

    for (k = 0; flagged[k] != NULL; k++)
        if (count_in_commander(*state, id, flagged[k]) != 1)
            fail_msg("not reported: %s", flagged[k]);
    for (k = 0; clean[k] != NULL; k++)
        if (count_in_commander(*state, id, clean[k]) != 0)
            fail_msg("reported: %s", clean[k]);
    /* A table's Backup column: empty, "none", or a name. */
    tu_first_span(*state, FM "# R\n\n| Role | Primary | Backup |\n"
                  "|---|---|---|\n| IC | @a | |\n| Comms Lead | @c | none |\n"
                  "| Responders | @e | @f |\n", id, span);
    assert_string_equal(span, "IC");
    assert_int_equal(tu_count_in(*state, FM "# R\n\n"
                                 "| Role | Primary | Backup |\n|---|---|---|\n"
                                 "| IC | @a | |\n| Comms Lead | @c | none |\n"
                                 "| Responders | @e | @f |\n", id), 2);
    /* Other roles (a Scribe) need no backup. */
    assert_int_equal(tu_count_in(*state, FM "# R\n\n| Role | Primary | Backup "
                                 "|\n|---|---|---|\n| IC | @a | @b |\n"
                                 "| Scribe | @s | |\n", id), 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_complete_roles_document_is_clean),
        cmocka_unit_test(test_rules_stay_in_their_profile),
        cmocka_unit_test(test_missing_roles_and_handover),
        cmocka_unit_test(test_synonyms_tables_and_prose_count),
        cmocka_unit_test(test_an_empty_role_is_reported_on_its_heading),
        cmocka_unit_test(test_few_responsibilities),
        cmocka_unit_test(test_no_primary),
        cmocka_unit_test(test_no_backup),
    };

    return cmocka_run_group_tests(tests, tu_load_rules, tu_free_rules);
}
