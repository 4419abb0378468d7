/*
 * status_update_test.c: the status-update profile's rules, each with
 * updates it must report and updates it must leave alone.  Updates choose
 * the profile with front matter.
 */
#include <stdio.h>

#include "testutil.h"
#include "engine/rules.h"

#define FM "---\nblamelint: status-update\n---\n"

/* How many findings of rule id the update with this body gets. */
static size_t
count(const bl_rules *rules, const char *id, const char *body)
{
    char src[2048];
    bl_diags d;
    size_t n;

    snprintf(src, sizeof src, FM "%s\n", body);
    tu_lint(rules, src, &d);
    n = tu_count_rule(&d, id);
    bl_diags_free(&d);
    return n;
}

/* The texts of rule id's findings in the update, joined by "|". */
static void
spans(const bl_rules *rules, const char *body, const char *id, char *out)
{
    char src[2048];
    bl_doc *doc;
    bl_diags d;
    size_t i, len, at = 0;
    const char *text;

    snprintf(src, sizeof src, FM "%s\n", body);
    doc = tu_parse(src);
    text = bl_doc_source(doc, &len);
    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(rules, doc, &d), 0);
    out[0] = '\0';
    for (i = 0; i < d.n; i++) {
        size_t n = d.items[i].end - d.items[i].begin;
        if (strcmp(d.items[i].rule->id, id) != 0 || at + n + 2 >= 512)
            continue;
        if (at > 0)
            out[at++] = '|';
        memcpy(out + at, text + d.items[i].begin, n);
        at += n;
        out[at] = '\0';
    }
    bl_diags_free(&d);
    bl_doc_free(doc);
}

static void
test_a_complete_update_is_clean(void **state)
{
    tu_assert_clean(*state, FM "# Checkout: card payments failing\n\n"
                    "**Status:** Identified\n\n"
                    "About 8% of card payments at checkout have failed since "
                    "14:02 UTC. We are rolling back a configuration "
                    "change.\n\n**Next update:** by 15:30 UTC.\n");
}

static void
test_rules_stay_in_their_profile(void **state)
{
    bl_diags d;

    tu_lint(*state, "# Incident: checkout\n\n## Summary\n\nDown since "
            "HH:MM; Priya is investigating db-01.internal.\n", &d);
    assert_int_equal(tu_count_rule(&d, "status-update/unfilled"), 0);
    assert_int_equal(tu_count_rule(&d, "status-update/leak"), 0);
    assert_int_equal(tu_count_rule(&d, "status-update/no-status"), 0);
    assert_true(tu_count_rule(&d, "placeholder/unfilled") > 0);
    bl_diags_free(&d);
}

/* --- status-update/unfilled ---------------------------------------------- */

static void
test_placeholders_are_errors(void **state)
{
    const char *id = "status-update/unfilled";
    static const struct {
        const char *body;
        const char *flagged;
    } cases[] = {
        {"**Investigating** - {{impact}}. Next update at HH:MM UTC.",
         "{{impact}}|HH:MM"},
        {"Identified: [SEVERITY] outage of <service name>. ETA TBD.",
         "[SEVERITY]|<service name>|TBD"},
        {"Monitoring. Next update by 15:30 UTC.\n\n- Affected region:", ""},
    };
    static const char *const clean[] = {
        "Monitoring since 14:40 UTC. Next update by 15:30 UTC.",
        "Identified: errors for `<nil>` sessions. Next update in 30 minutes.",
        "Resolved. The field said \"TBD\" by mistake.",
        "Identified. <!-- TODO: check the numbers --> Next update 15:30.",
        NULL
    };
    char got[512];
    size_t k;
    bl_diags d;

    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        spans(*state, cases[k].body, id, got);
        if (cases[k].flagged[0] != '\0'
            && strcmp(got, cases[k].flagged) != 0)
            fail_msg("\"%s\" instead of \"%s\"", got, cases[k].flagged);
        if (cases[k].flagged[0] == '\0' && got[0] == '\0')
            fail_msg("nothing reported in: %s", cases[k].body);
    }
    for (k = 0; clean[k] != NULL; k++)
        if (count(*state, id, clean[k]) != 0)
            fail_msg("reported: %s", clean[k]);
    /* One finding, the error: placeholder/unfilled's warning is dropped. */
    tu_lint(*state, FM "Investigating. {{impact}}. Next update 15:30 UTC.\n",
            &d);
    assert_int_equal(tu_count_rule(&d, id), 1);
    assert_int_equal(tu_count_rule(&d, "placeholder/unfilled"), 0);
    assert_int_equal(d.items[0].severity, BL_SEV_ERROR);
    bl_diags_free(&d);
}

/* --- status-update/no-status --------------------------------------------- */

static void
test_status(void **state)
{
    const char *id = "status-update/no-status";
    static const char *const stated[] = {
        "**Investigating** - Logins fail. Next update in 30 minutes.",
        "Status: {{status}}. Next update in 30 minutes.",
        "We have identified the cause. Next update in 30 minutes.",
        "A fix has been deployed and we are monitoring the results.",
        "This incident has been resolved.",
        NULL
    };
    static const char *const unstated[] = {
        "Some customers cannot log in. We are looking into it.",
        "<!-- Status: Investigating --> Logins fail. Next update 15:30.",
        "Logins fail for some users. Next update by 15:30 UTC.",
        NULL
    };
    size_t k;

    for (k = 0; stated[k] != NULL; k++)
        if (count(*state, id, stated[k]) != 0)
            fail_msg("reported: %s", stated[k]);
    for (k = 0; unstated[k] != NULL; k++)
        if (count(*state, id, unstated[k]) != 1)
            fail_msg("not reported: %s", unstated[k]);
}

/* --- status-update/no-next-update ---------------------------------------- */

static void
test_next_update(void **state)
{
    const char *id = "status-update/no-next-update";
    static const char *const stated[] = {
        "Investigating. Next update by 15:30 UTC.",
        "Investigating. **Next update:** 3 pm CET.",
        "Identified. We will provide another update within 30 minutes.",
        "Monitoring. We'll update this page in an hour.",
        "Identified. We will post an update at noon UTC.",
        "Investigating. Next update: {{time}}.",
        /* Closed: there is no next one. */
        "Resolved: checkout works again. A review follows this week.",
        "**Status:** Resolved\n\nAll systems are operational.",
        "The incident has been resolved and exports have completed.",
        NULL
    };
    static const char *const unstated[] = {
        "Investigating. We will share more information as soon as possible.",
        "Identified. Next update soon.",
        "Monitoring. Updates will follow.",
        "Investigating. <!-- Next update by 15:30 UTC -->",
        "Monitoring. Once this is resolved we will say so.",
        NULL
    };
    size_t k;

    for (k = 0; stated[k] != NULL; k++)
        if (count(*state, id, stated[k]) != 0)
            fail_msg("reported: %s", stated[k]);
    for (k = 0; unstated[k] != NULL; k++)
        if (count(*state, id, unstated[k]) != 1)
            fail_msg("not reported: %s", unstated[k]);
}

/* --- status-update/leak -------------------------------------------------- */

static void
test_leaks(void **state)
{
    const char *id = "status-update/leak";
    static const struct {
        const char *body;
        const char *flagged;
    } cases[] = {
        {"Monitoring. Thanks to Kenji and @mlopez. Next update 15:30.",
         "Kenji|@mlopez"},
        {"Identified: `pg-main-02.corp` (172.20.4.9) lags. Next update 15:30.",
         "pg-main-02.corp|172.20.4.9"},
        {"Identified. See [the runbook](https://wiki.corp/pg) and "
         "#inc-4412. Next update 15:30.", "wiki.corp|#inc-4412"},
        {"Identified. Mateo restarted it; Mateo is monitoring. Next update "
         "15:30.", "Mateo|Mateo"},
        {"Investigating. ip-10-0-1-23 and web-3 are slow. Next update 15:30.",
         "ip-10-0-1-23|web-3"},
        {"Identified. Daniel was paged at 07:55 and acknowledged. Next "
         "update 15:30.", "Daniel"},
        /* A name the Learn stanzas taught counts where the document also
         * writes it as a proper noun: "escalated to Laura". */
        {"Identified. Laura confirmed it; we escalated to Laura. Next "
         "update 15:30.", "Laura|Laura"},
    };
    static const char *const clean[] = {
        "Resolved. Write to support@example.com or see issue #5821.",
        "Resolved on Tuesday, March 3. Amazon S3 and Google Cloud Storage "
        "were not affected.",
        "Investigating. Engineers are investigating. Next update 15:30.",
        "Monitoring. Europe and North America are recovering. Next update "
        "at 16:00 UTC.",
        "Resolved. Release v10.2.0 fixed the SEV-1 issue on api.example.com.",
        "Resolved. Jordan Valley Bank customers: see the banner.",
        "Identified. Support is working with affected customers. Next "
        "update 15:30.",
        /* What the blame rules' Learn stanzas and Owner columns teach
         * that is no person's name: a pronoun, a team, a placeholder. */
        "Monitoring. She noticed the fix worked. Next update 15:30.",
        "Resolved. **Owner:** Edge team. The Edge dashboard is green.",
        "Resolved.\n\n| Item | Owner |\n|---|---|\n| Retry | TBD |\n| "
        "Alert | SRE |\n\nSRE runs TBD checks.",
        "Resolved. Product pages load again. Product search was not "
        "affected.",
        "Resolved.\n\n- 13:44 Fix committed; a sync runs every five "
        "minutes.\n- 13:50 Finance notices the totals are right again.",
        "Resolved. Honestly, the on-call engineer was quick. Frankly, the "
        "reviewer was too.",
        NULL
    };
    char got[512];
    size_t k;

    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        spans(*state, cases[k].body, id, got);
        if (strcmp(got, cases[k].flagged) != 0)
            fail_msg("\"%s\" instead of \"%s\" in: %s", got,
                     cases[k].flagged, cases[k].body);
    }
    for (k = 0; clean[k] != NULL; k++) {
        spans(*state, clean[k], id, got);
        if (got[0] != '\0')
            fail_msg("reported \"%s\" in: %s", got, clean[k]);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_complete_update_is_clean),
        cmocka_unit_test(test_rules_stay_in_their_profile),
        cmocka_unit_test(test_placeholders_are_errors),
        cmocka_unit_test(test_status),
        cmocka_unit_test(test_next_update),
        cmocka_unit_test(test_leaks),
    };

    return cmocka_run_group_tests(tests, tu_load_rules, tu_free_rules);
}
