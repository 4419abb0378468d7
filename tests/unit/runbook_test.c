/*
 * runbook_test.c: the runbook profile's rules, each with documents it must
 * report and documents it must leave alone.  Documents choose the profile
 * with front matter, as a team's runbooks do.
 */
#include <stdio.h>

#include "testutil.h"
#include "engine/rules.h"

#define FM "---\nblamelint: runbook\n---\n"

/* The five sections, each filled in, around a Mitigation and an
 * Escalation a test writes: %s is the Mitigation's body, the second %s
 * the Escalation's. */
static const char skeleton[] =
    FM "# Runbook: orders lag\n\n"
    "## Symptoms\n\nThe `OrdersLag` alert fires.\n\n"
    "## How to confirm\n\n1. Check the lag on the \"Orders\" dashboard.\n\n"
    "## Mitigation\n\n%s\n"
    "## Escalation\n\n%s\n\n"
    "## Where to document\n\nIn the incident ticket.\n";

/* The runbook built from skeleton with mitigation and escalation. */
static char *
runbook(const char *mitigation, const char *escalation)
{
    size_t n = sizeof skeleton + strlen(mitigation) + strlen(escalation);
    char *s = malloc(n);

    assert_non_null(s);
    snprintf(s, n, skeleton, mitigation, escalation);
    return s;
}

/* How many findings of rule id the runbook with this mitigation (and a
 * named escalation) gets. */
static size_t
count_in_mitigation(const bl_rules *rules, const char *id,
                    const char *mitigation)
{
    char *src = runbook(mitigation, "Page the Orders on-call (@orders).");
    bl_diags d;
    size_t n;

    tu_lint(rules, src, &d);
    n = tu_count_rule(&d, id);
    bl_diags_free(&d);
    free(src);
    return n;
}

static void
test_a_complete_runbook_is_clean(void **state)
{
    char *src = runbook("1. Scale the consumers to 12:\n\n"
                        "   ```sh\n   kubectl scale deploy/orders --replicas=12"
                        "\n   ```\n\n2. Expect the lag to fall.\n",
                        "Page the Orders on-call rotation (@orders-oncall).");

    tu_assert_clean(*state, src);
    free(src);
}

/* The postmortem's structure rules never check a runbook, and a
 * postmortem never gets runbook findings. */
static void
test_rules_stay_in_their_profile(void **state)
{
    bl_diags d;

    tu_lint(*state, FM "# Runbook: x\n\n## Mitigation\n\n- restart it\n", &d);
    assert_int_equal(tu_count_rule(&d, "section/missing"), 0);
    assert_true(tu_count_rule(&d, "runbook/missing-section") > 0);
    bl_diags_free(&d);
    tu_lint(*state, "# Incident: x\n\n## Summary\n\nDown.\n\n## Mitigation\n\n"
            "- restart it\n", &d);
    assert_int_equal(tu_count_rule(&d, "runbook/missing-section"), 0);
    assert_int_equal(tu_count_rule(&d, "runbook/unnumbered-steps"), 0);
    assert_true(tu_count_rule(&d, "section/missing") > 0);
    bl_diags_free(&d);
}

/* --- runbook/missing-section --------------------------------------------- */

static void
test_missing_sections_are_reported_with_a_skeleton(void **state)
{
    const char *src = FM "# Runbook: disk full\n\n## Symptoms\n\nAlerts.\n\n"
                      "## Mitigation\n\n1. Delete old archives.\n";
    bl_doc *doc = tu_parse(src);
    bl_diags d;
    size_t i, found = 0;

    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(*state, doc, &d), 0);
    for (i = 0; i < d.n; i++) {
        const bl_diag *g = &d.items[i];
        if (strcmp(g->rule->id, "runbook/missing-section") != 0)
            continue;
        found++;
        assert_non_null(strstr(g->message, "the runbook does not say"));
        assert_int_equal(g->begin, tu_off(doc, "Runbook: disk full"));
        if (strstr(g->message, "No How to confirm") != NULL) {
            /* Before Mitigation, which comes after it. */
            assert_int_equal(g->fix_begin, tu_off(doc, "## Mitigation"));
            assert_non_null(strstr(g->fix, "## How to confirm\n"));
        }
        if (strstr(g->message, "No Escalation") != NULL) {
            assert_int_equal(g->fix_begin, doc->len);
            assert_non_null(strstr(g->fix, "## Escalation\n"));
        }
    }
    assert_int_equal(found, 3);   /* confirm, escalation, document */
    bl_diags_free(&d);
    bl_doc_free(doc);
}

static void
test_synonyms_labels_and_empty_sections(void **state)
{
    bl_diags d;
    char span[128];

    /* Synonyms and a bold label count as the sections. */
    tu_lint(*state, FM "# R\n\n## Signs\n\nAlerts.\n\n## Verification\n\n"
            "1. Check the graph.\n\n## Remediation steps\n\n1. Restart it.\n\n"
            "## Escalation path\n\nPage @db-oncall.\n\n"
            "**Documentation:** the incident ticket.\n", &d);
    assert_int_equal(tu_count_rule(&d, "runbook/missing-section"), 0);
    bl_diags_free(&d);
    /* A heading with only a comment under it is empty. */
    tu_first_span(*state, FM "# R\n\n## Signs\n\nAlerts.\n\n"
                  "## Verification\n\n1. Check the graph.\n\n"
                  "## Remediation steps\n\n1. Restart it.\n\n"
                  "## Escalation path\n\nPage @db-oncall.\n\n## Logging\n\n"
                  "<!-- TBD -->\n", "runbook/missing-section", span);
    assert_string_equal(span, "Logging");
    /* A section of placeholders is placeholder/unfilled's, not empty. */
    tu_lint(*state, FM "# R\n\n## Signs\n\nAlerts.\n\n## Verification\n\n"
            "1. Check the graph.\n\n## Remediation steps\n\n1. Restart it.\n\n"
            "## Escalation path\n\nPage @db-oncall.\n\n## Logging\n\n"
            "{{where}}\n", &d);
    assert_int_equal(tu_count_rule(&d, "runbook/missing-section"), 0);
    assert_int_equal(tu_count_rule(&d, "placeholder/unfilled"), 1);
    bl_diags_free(&d);
}

/* --- runbook/unnumbered-steps -------------------------------------------- */

static void
test_unnumbered_steps(void **state)
{
    const char *id = "runbook/unnumbered-steps";
    char *src;
    char span[128];

    assert_int_equal(count_in_mitigation(*state, id, "- Restart it.\n- Watch "
                                         "the graph.\n"), 1);
    assert_int_equal(count_in_mitigation(*state, id, "Restart the consumers, "
                                         "then watch the graph.\n"), 1);
    src = runbook("- Restart it.\n", "Page @orders.");
    tu_first_span(*state, src, id, span);
    assert_string_equal(span, "Mitigation");
    free(src);
    /* Numbered lists, in a subsection too; numbered subsection titles. */
    assert_int_equal(count_in_mitigation(*state, id, "1. Restart it.\n"), 0);
    assert_int_equal(count_in_mitigation(*state, id, "### Option A\n\n"
                                         "1. Restart it.\n"), 0);
    assert_int_equal(count_in_mitigation(*state, id, "### 1. Drain\n\nDrain "
                                         "it.\n\n### Step 2: Restart\n\n"
                                         "Restart it.\n"), 0);
    /* An empty Mitigation or one of placeholders: other rules say so. */
    assert_int_equal(count_in_mitigation(*state, id, "TBD\n"), 0);
    /* A list in a block quote is no list of steps. */
    assert_int_equal(count_in_mitigation(*state, id, "> 1. what we did\n"),
                     1);
}

/* --- runbook/step-not-imperative ----------------------------------------- */

static void
test_steps_start_with_a_verb(void **state)
{
    const char *id = "runbook/step-not-imperative";
    static const char *const flagged[] = {
        "1. Pod restart.\n", "1. Reloading nginx on the nodes.\n",
        "1. Restarted the pods.\n", "1. The alert clears.\n",
        "1. Dashboard for the lag.\n", NULL
    };
    static const char *const clean[] = {
        "1. Restart the pods.\n", "1. Roll back the release.\n",
        "1. Expect the lag to fall within 5 minutes.\n",
        "1. SSH to the bastion.\n", "1. If the lag grows, scale the consumers.\n",
        "1. Once the pods are Ready, re-enable traffic.\n",
        "1. In Grafana, open the \"Orders\" dashboard.\n",
        "1. Is the primary reachable?\n", "1. `kubectl get pods`\n",
        "1. Step 2: drain the node.\n", "1. Then restart the pods.\n",
        "1. {{first action}}:\n", "1. If the lag grows restart it\n",
        "- Pod restart.\n",     /* bullets: unnumbered-steps says so */
        "1. Restart:\n   1. Pod restart.\n",   /* a detail */
        NULL
    };
    size_t k;

    for (k = 0; flagged[k] != NULL; k++)
        if (count_in_mitigation(*state, id, flagged[k]) != 1)
            fail_msg("not reported: %s", flagged[k]);
    for (k = 0; clean[k] != NULL; k++)
        if (count_in_mitigation(*state, id, clean[k]) != 0)
            fail_msg("reported: %s", clean[k]);
}

static void
test_step_messages_suggest_the_verb(void **state)
{
    char *src = runbook("1. Reloading nginx on the nodes.\n", "Page @orders.");
    bl_doc *doc = tu_parse(src);
    bl_diags d;

    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(*state, doc, &d), 0);
    assert_int_equal(tu_count_rule(&d, "runbook/step-not-imperative"), 1);
    assert_non_null(strstr(d.items[0].message, "\"Reload ...\""));
    bl_diags_free(&d);
    bl_doc_free(doc);
    free(src);
}

/* --- runbook/command-not-in-code ----------------------------------------- */

static void
test_commands_outside_code(void **state)
{
    const char *id = "runbook/command-not-in-code";
    static const struct {
        const char *step, *span;
    } flagged[] = {
        {"1. Run kubectl rollout restart deploy/api -n prod.\n",
         "kubectl rollout restart deploy/api -n prod"},
        {"1. Run systemctl restart nginx on each node.\n",
         "systemctl restart nginx"},
        {"1. Delete them with sudo rm /tmp/x.\n", "sudo rm /tmp/x"},
        {"1. Follow the log with tail -f /var/log/app.log.\n",
         "tail -f /var/log/app.log"},
        {"1. Check: curl https://api.example.com/health\n",
         "curl https://api.example.com/health"},
        {"1. Run psql -c 'select 1'.\n", "psql -c 'select 1'"},
        {"1. Restart it:\n   docker restart api-1 --time=5\n",
         "docker restart api-1 --time=5"},
        {NULL, NULL}
    };
    static const char *const clean[] = {
        "1. Restart the pods with kubectl.\n",
        "1. Run `kubectl rollout restart deploy/api -n prod`.\n",
        "1. Run:\n\n   ```sh\n   kubectl get pods -n prod\n   ```\n",
        "1. If curl returns 503, fail over.\n",
        "1. Use psql to connect to the replica.\n",
        "1. Check that the docker containers restarted.\n",
        "1. Ask whether git history shows the change.\n",
        "1. Restart it.\n\n> 02:14 dana: I ran kubectl delete pod x -n y\n",
        "1. Upgrade node 18.2 to 20.\n",
        "1. Compare kubectl, helm and terraform outputs.\n",
        "1. Run Kubectl get pods.\n",  /* "Kubectl": a product name */
        NULL
    };
    size_t k;
    char span[128];

    for (k = 0; flagged[k].step != NULL; k++) {
        char *src = runbook(flagged[k].step, "Page @orders.");
        tu_first_span(*state, src, id, span);
        if (strcmp(span, flagged[k].span) != 0)
            fail_msg("%s: reported \"%s\", want \"%s\"", flagged[k].step,
                     span, flagged[k].span);
        free(src);
    }
    for (k = 0; clean[k] != NULL; k++)
        if (count_in_mitigation(*state, id, clean[k]) != 0)
            fail_msg("reported: %s", clean[k]);
    /* How to confirm is read too; Symptoms is not. */
    {
        bl_diags d;
        tu_lint(*state, FM "# R\n\n## Symptoms\n\n"
                "Seen with kubectl get pods -n x.\n\n## How to confirm\n\n"
                "1. Run kubectl get pods -n prod.\n",
                &d);
        assert_int_equal(tu_count_rule(&d, id), 1);
        bl_diags_free(&d);
    }
}

/* --- runbook/vague-step -------------------------------------------------- */

static void
test_vague_steps(void **state)
{
    const char *id = "runbook/vague-step";
    static const char *const flagged[] = {
        "1. Investigate.\n", "1. Fix it.\n", "1. Look into it.\n",
        "1. Investigate the issue and fix it.\n",
        "1. Investigate the root cause further.\n",
        "1. Troubleshoot as needed.\n", "1. Check on it\n",
        "- Debug the problem.\n", "1. Figure out what's wrong.\n", NULL
    };
    static const char *const clean[] = {
        "1. Investigate the consumer lag on the Kafka dashboard.\n",
        "1. Fix the certificate chain.\n", "1. Check the logs of the API.\n",
        "1. Investigate:\n   - the consumer lag\n   - the broker disk\n",
        "1. Fix it with `kubectl rollout undo deploy/api`.\n",
        "1. Restart it.\n\n> Investigate.\n", NULL
    };
    size_t k;

    for (k = 0; flagged[k] != NULL; k++)
        if (count_in_mitigation(*state, id, flagged[k]) != 1)
            fail_msg("not reported: %s", flagged[k]);
    for (k = 0; clean[k] != NULL; k++)
        if (count_in_mitigation(*state, id, clean[k]) != 0)
            fail_msg("reported: %s", clean[k]);
}

/* --- runbook/no-escalation-contact --------------------------------------- */

static void
test_escalation_names_someone(void **state)
{
    const char *id = "runbook/no-escalation-contact";
    static const char *const flagged[] = {
        "Escalate to the relevant team.", "Page the on-call engineer.",
        "Contact on-call.", "Escalate to your manager.",
        "Escalate to the on-call rotation.", "Escalate to team leads.",
        NULL
    };
    static const char *const clean[] = {
        "Page @db-oncall.", "Escalate to the Payments team.",
        "Page the database on-call rotation.", "Page the SRE on-call.",
        "Post in #payments-incidents.", "Mail dba-oncall@example.com.",
        "Page the owning team through PagerDuty.",
        "See the [escalation policy](https://pd.example.com/ep/1).",
        "Escalate to team-payments.", "Page {{team}}.", "TBD",
        "| When | Who |\n|---|---|\n| after 20 min | Orders team |",
        NULL
    };
    size_t k;

    for (k = 0; flagged[k] != NULL; k++) {
        char *src = runbook("1. Restart it.\n", flagged[k]);
        bl_diags d;
        char span[128];
        tu_lint(*state, src, &d);
        if (tu_count_rule(&d, id) != 1)
            fail_msg("not reported: %s", flagged[k]);
        bl_diags_free(&d);
        tu_first_span(*state, src, id, span);
        assert_string_equal(span, "Escalation");
        free(src);
    }
    for (k = 0; clean[k] != NULL; k++) {
        char *src = runbook("1. Restart it.\n", clean[k]);
        bl_diags d;
        tu_lint(*state, src, &d);
        if (tu_count_rule(&d, id) != 0)
            fail_msg("reported: %s", clean[k]);
        bl_diags_free(&d);
        free(src);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_complete_runbook_is_clean),
        cmocka_unit_test(test_rules_stay_in_their_profile),
        cmocka_unit_test(test_missing_sections_are_reported_with_a_skeleton),
        cmocka_unit_test(test_synonyms_labels_and_empty_sections),
        cmocka_unit_test(test_unnumbered_steps),
        cmocka_unit_test(test_steps_start_with_a_verb),
        cmocka_unit_test(test_step_messages_suggest_the_verb),
        cmocka_unit_test(test_commands_outside_code),
        cmocka_unit_test(test_vague_steps),
        cmocka_unit_test(test_escalation_names_someone),
    };

    return cmocka_run_group_tests(tests, tu_load_rules, tu_free_rules);
}
