/*
 * blame_tables_test.c: blame/responsible-column, tables that give causes
 * a person, and the tables of the same shape that must stay silent.
 */
#include <stdio.h>

#include "testutil.h"
#include "engine/rules.h"

#define ID "blame/responsible-column"

/* A postmortem opening that shows Mei is a person ("Mei was paged"),
 * then the table a test writes. */
static char *
doc_with(const char *table)
{
    static const char head[] =
        "# Incident: checkout errors\n\n## Summary\n\n"
        "Checkout failed on Safari for 40 minutes. Mei was paged at 14:02.\n\n"
        "## Contributing factors\n\n";
    size_t n = sizeof head + strlen(table);
    char *s = malloc(n);

    assert_non_null(s);
    snprintf(s, n, "%s%s", head, table);
    return s;
}

static size_t
count_with(const bl_rules *rules, const char *table)
{
    char *src = doc_with(table);
    size_t n = tu_count_in(rules, src, ID);

    free(src);
    return n;
}

/* One finding per table, on the header of the column of people, quoting
 * a person it names. */
static void
test_a_responsible_column_of_people(void **state)
{
    const char *table =
        "| Contributing factor | Responsible |\n|---|---|\n"
        "| Skipped the staged rollout | Jake Miller |\n"
        "| Did not test on Safari | Jake Miller / QA |\n"
        "| Slow to connect the alert to the flag | Mei Chen |\n";
    char *src = doc_with(table);
    char span[128];
    bl_doc *doc = tu_parse(src);
    bl_diags d;

    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(*state, doc, &d), 0);
    assert_int_equal(tu_count_rule(&d, ID), 1);
    tu_first_span(*state, src, ID, span);
    assert_string_equal(span, "Responsible");
    for (size_t i = 0; i < d.n; i++)
        if (strcmp(d.items[i].rule->id, ID) == 0)
            assert_non_null(strstr(d.items[i].message, "(\"Jake Miller\")"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    free(src);
}

/* Headers and cells of other spellings: a note after the header, a
 * handle, a role, a full name, a cell that names a person beside a
 * group. */
static void
test_other_spellings(void **state)
{
    static const char *const blaming[] = {
        "| Cause | Who |\n|---|---|\n| Flag raised to 100% | @jake |\n",
        "| Root cause | Caused by |\n|---|---|\n"
        "| Index dropped | the on-call engineer |\n",
        "| Factor | Responsible (person): |\n|---|---|\n"
        "| Late ack | Mei Chen |\n",
        "| What went wrong | Person |\n|---|---|\n"
        "| Reminder ignored | Zoë Laurent |\n",
        "| Contributing factors | Responsible |\n|---|---|\n"
        "| Approved in 11 minutes | Platform team and Tomás Ruiz |\n",
        "| Change | At fault |\n|---|---|\n| Flag flip | the frontend |\n",
        "| Mistake | Culprit |\n|---|---|\n| Wrong cluster | TBD, then ops |\n",
    };
    size_t i;

    for (i = 0; i < sizeof blaming / sizeof *blaming; i++) {
        size_t n = count_with(*state, blaming[i]);
        if (n != 1)
            fail_msg("want 1 finding, got %zu:\n%s", n, blaming[i]);
    }
}

/* Same shapes that assign work, name groups or things, or are no table
 * of causes at all. */
static void
test_tables_that_stay_silent(void **state)
{
    static const char *const clean[] = {
        /* a column of work: "Responsible" is an owner */
        "| Factor | Responsible | Follow-up |\n|---|---|---|\n"
        "| No stage limit in the console | Jake Miller | FLAG-12 |\n",
        "| Contributing factor | Responsible | Due |\n|---|---|---|\n"
        "| No Safari tests in CI | Mei | 2026-12-01 |\n",
        /* groups and systems */
        "| Factor | Responsible |\n|---|---|\n"
        "| No stage limit in the console | Platform Team |\n"
        "| Alert routed to a muted channel | SRE |\n"
        "| Safari not in the test matrix | QA |\n",
        "| Cause | Caused by |\n|---|---|\n"
        "| Queue backed up | Feature Flags |\n| Lag | Kafka |\n",
        /* people, but no column of causes */
        "| Time | Who | What |\n|---|---|---|\n| 14:02 | Mei | acked |\n",
        "| Role | Person |\n|---|---|\n| IC | Mei Chen |\n",
        /* a first name alone could be a team's ("Payments") */
        "| Factor | Responsible |\n|---|---|\n| Late ack | Mei |\n"
        "| Retries | Payments |\n",
        /* a column of people that holds only placeholders */
        "| Change | At fault |\n|---|---|\n| Flag flip | - |\n",
        /* a quoted table is someone else's */
        "> | Factor | Responsible |\n> |---|---|\n> | Late ack | Mei Chen |\n",
        /* issues and who works on them */
        "| Issue | Who |\n|---|---|\n| Disk alert flapping | Mei Chen |\n",
        "| Finding | Person |\n|---|---|\n| Runbook out of date | @kofi |\n",
        /* a table of factors and their owners */
        "| Factor | Owner |\n|---|---|\n| Late ack | Mei Chen |\n",
    };
    size_t i;

    for (i = 0; i < sizeof clean / sizeof *clean; i++) {
        size_t n = count_with(*state, clean[i]);
        if (n != 0)
            fail_msg("want no finding, got %zu:\n%s", n, clean[i]);
    }
}

/* One finding per table, however many rows name people. */
static void
test_one_finding_per_table(void **state)
{
    assert_int_equal(count_with(*state,
                                "| Factor | Responsible |\n|---|---|\n"
                                "| A | Jake Miller |\n| B | Mei Chen |\n\n"
                                "| Factor | Who |\n|---|---|\n"
                                "| C | @kofi |\n"), 2);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_responsible_column_of_people),
        cmocka_unit_test(test_other_spellings),
        cmocka_unit_test(test_tables_that_stay_silent),
        cmocka_unit_test(test_one_finding_per_table),
    };

    return cmocka_run_group_tests(tests, tu_load_rules, tu_free_rules);
}
