/*
 * blame_tables_test.c: blame/responsible-column, tables that give causes
 * a person, and the tables of the same shape that must stay silent.
 */
#include <stdio.h>

#include "testutil.h"
#include "engine/rules.h"

#define ID "blame/responsible-column"

/* A postmortem opening whose sentences show that Mei and Jake are people
 * ("was paged", "acknowledged"), then the table a test writes.  Nothing
 * in it shows that Tomás, Site or Cloud are. */
static char *
doc_with(const char *table)
{
    static const char head[] =
        "# Incident: checkout errors\n\n## Summary\n\n"
        "Checkout failed on Safari for 40 minutes. Mei was paged at 14:02 "
        "and Jake acknowledged at 14:05.\n\n"
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

/* Each table must give want findings. */
static void
expect_each(const bl_rules *rules, const char *const *tables, size_t n,
            size_t want)
{
    size_t i;

    for (i = 0; i < n; i++) {
        size_t got = count_with(rules, tables[i]);
        if (got != want)
            fail_msg("want %zu finding(s), got %zu:\n%s", want, got,
                     tables[i]);
    }
}

/* The message of the first finding of ID in the document with table. */
static void
first_message(const bl_rules *rules, const char *table, char *out,
              size_t size)
{
    char *src = doc_with(table);
    bl_diags d;
    size_t i;

    tu_lint(rules, src, &d);
    out[0] = '\0';
    for (i = 0; i < d.n; i++)
        if (strcmp(d.items[i].rule->id, ID) == 0) {
            snprintf(out, size, "%s", d.items[i].message);
            break;
        }
    bl_diags_free(&d);
    free(src);
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
    char span[128], msg[512];

    assert_int_equal(tu_count_in(*state, src, ID), 1);
    tu_first_span(*state, src, ID, span);
    assert_string_equal(span, "Responsible");
    first_message(*state, table, msg, sizeof msg);
    assert_non_null(strstr(msg, "(\"Jake Miller\")"));
    free(src);
}

/* Headers and cells of other spellings: a note or a mark around the
 * header, a handle, a role, a known first name alone or with a note, a
 * name after a group, a second column of people, names written as the
 * timeline's Who column shows them. */
static void
test_other_spellings(void **state)
{
    static const char *const blaming[] = {
        "| Cause | Who |\n|---|---|\n| Flag raised to 100% | @jake |\n",
        "| Root cause | Caused by |\n|---|---|\n"
        "| Index dropped | the on-call engineer |\n",
        "| Factor | Responsible (person): |\n|---|---|\n| Late ack | Mei |\n",
        "| Mistake | 👤 Responsible? |\n|---|---|\n| Late ack | Mei Chen (SRE) |\n",
        "| What went wrong | Person |\n|---|---|\n"
        "| Reminder ignored | the release manager |\n",
        "| Contributing factors | Responsible |\n|---|---|\n"
        "| Approved in 11 minutes | Platform team and Jake |\n",
        "| Factor | Who | Responsible |\n|---|---|---|\n"
        "| Skipped rollout | Payments | Jake Miller — on call that night |\n",
        "| Change | At fault |\n|---|---|\n| Flag flip | the frontend |\n",
        "| Mistake | Culprit |\n|---|---|\n| Wrong cluster | TBD, then ops |\n",
        "| Failure | Person at fault |\n|---|---|\n| Late ack | Mei |\n",
        "| Contributing factor | Person responsible |\n|---|---|\n"
        "| Skipped rollout | the on-call engineer |\n",
        /* a name another table's Who column shows is a person's */
        "| Time | Who | What |\n|---|---|---|\n"
        "| 14:02 | Tomás Ruiz | acked |\n\n"
        "| Factor | Responsible |\n|---|---|\n| Late ack | Tomás Ruiz |\n",
    };

    expect_each(*state, blaming, sizeof blaming / sizeof *blaming, 1);
}

/* Same shapes that assign work, name groups, things or nobody, or are no
 * table of causes at all. */
static void
test_tables_that_stay_silent(void **state)
{
    static const char *const clean[] = {
        /* a column of work: "Responsible" is an owner */
        "| Factor | Responsible | Follow-up |\n|---|---|---|\n"
        "| No stage limit in the console | Jake Miller | FLAG-12 |\n",
        "| Contributing factor | Responsible | Due |\n|---|---|---|\n"
        "| No Safari tests in CI | Mei | 2026-12-01 |\n",
        "| Contributing factor | Responsible | Ticket # |\n|---|---|---|\n"
        "| No Safari tests in CI | Mei | CHK-9 |\n",
        "| Contributing factor | Responsible | Remediation owner |\n"
        "|---|---|---|\n| No Safari tests in CI | Mei | @web |\n",
        "| Contributing factor | Responsible | ETA |\n|---|---|---|\n"
        "| No Safari tests in CI | Mei | Q1 |\n",
        /* groups, products and things, whatever their shape */
        "| Factor | Responsible |\n|---|---|\n"
        "| No stage limit in the console | Platform Team |\n"
        "| Alert routed to a muted channel | SRE |\n"
        "| Safari not in the test matrix | QA |\n",
        "| Factor | Responsible |\n|---|---|\n"
        "| Rate limit too low | Cloud Armor |\n"
        "| Pager rota gap | Site Reliability |\n"
        "| Vendor outage | Third Party |\n",
        "| Cause | Caused by |\n|---|---|\n"
        "| Queue backed up | Feature Flags |\n| Lag | Kafka |\n",
        /* a person's name the document never shows is a person's */
        "| Factor | Responsible |\n|---|---|\n| Late ack | Tomás Ruiz |\n",
        /* nobody */
        "| Factor | Responsible |\n|---|---|\n| Late ack | Not Applicable |\n"
        "| Retries | Under Investigation |\n",
        "| Change | At fault |\n|---|---|\n| Flag flip | - |\n"
        "| Retry storm | None |\n| Timeout | No one |\n",
        /* people, but no column of causes, or a timeline or log */
        "| Time | Who | What |\n|---|---|---|\n| 14:02 | Mei | acked |\n",
        "| Time | Who | Error |\n|---|---|---|\n"
        "| 14:02 | Mei Chen | 502 from checkout |\n",
        "| Role | Person |\n|---|---|\n| IC | Mei Chen |\n",
        "| Issue | Who |\n|---|---|\n| Disk alert flapping | Mei Chen |\n",
        "| Finding | Person |\n|---|---|\n| Runbook out of date | @kofi |\n",
        /* a Fault column of hosts or experiments */
        "| Host | Fault | Detected by |\n|---|---|---|\n"
        "| db-3 | ECC memory errors | node-exporter |\n",
        /* a quoted table is someone else's */
        "> | Factor | Responsible |\n> |---|---|\n> | Late ack | Mei Chen |\n",
        /* "Responsible party" over work, or in a RACI matrix */
        "| Ref | Action | Responsible party | Target date |\n"
        "|---|---|---|---|\n| RA-01 | Validate chains | R. Castellanos | "
        "22 Nov |\n",
        "| Activity | Responsible party | Accountable | Consulted |\n"
        "|---|---|---|---|\n| Implementation | the implementer | Head of "
        "Payments | CAB |\n",
        /* a table of factors and their owners */
        "| Factor | Owner |\n|---|---|\n| Late ack | Mei Chen |\n",
    };

    expect_each(*state, clean, sizeof clean / sizeof *clean, 0);
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

/* The quoted name is cut at 40 bytes, on a character boundary, and only
 * then marked as cut. */
static void
test_the_quote_is_cut_cleanly(void **state)
{
    char msg[512];

    /* 40 bytes exactly: nothing cut */
    first_message(*state, "| Cause | Who |\n|---|---|\n"
                  "| a | Jake Miller / xxxxxxxxxxxxxxxxxxxxxxxxxx |\n",
                  msg, sizeof msg);
    assert_non_null(strstr(msg, "(\"Jake Miller / xxxxxxxxxxxxxxxxxxxxxxxxxx\")"));
    /* 41 bytes, the last a two-byte letter straddling the cut */
    first_message(*state, "| Cause | Who |\n|---|---|\n"
                  "| a | Jake Miller / xxxxxxxxxxxxxxxxxxxxxxxxx\xc3\xa9 |\n",
                  msg, sizeof msg);
    assert_non_null(strstr(msg, "(\"Jake Miller / xxxxxxxxxxxxxxxxxxxxxxxxx...\")"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_responsible_column_of_people),
        cmocka_unit_test(test_other_spellings),
        cmocka_unit_test(test_tables_that_stay_silent),
        cmocka_unit_test(test_one_finding_per_table),
        cmocka_unit_test(test_the_quote_is_cut_cleanly),
    };

    return cmocka_run_group_tests(tests, tu_load_rules, tu_free_rules);
}
