/*
 * comms_test.c: the comms profile's rules, each with documents it must
 * report and documents it must leave alone.  Documents choose the profile
 * with front matter, as a team's comms templates do.
 */
#include <stdio.h>

#include "testutil.h"
#include "engine/rules.h"

#define FM "---\nblamelint: comms\n---\n"

/* Two complete templates and a cadence; %s is the external template's
 * body, which most tests write. */
static const char skeleton[] =
    FM "# Comms templates\n\n"
    "Post an update every 30 minutes.\n\n"
    "## Internal announcement\n\n"
    "- **Severity:** {{SEV}}\n- **Impact:** {{impact}}\n"
    "- **Status:** {{status}}\n- **Next update:** {{time}}\n"
    "- Follow along in #inc-checkout; IC @dana.\n\n"
    "## External status page update\n\n%s\n";

static const char external_ok[] =
    "**{{Status}}:** {{what customers see}}. Severity: {{minor / major}}. "
    "Impact: {{who}}. Next update by {{time, UTC}}.";

/* The comms document built from skeleton with this external template. */
static char *
comms(const char *external)
{
    size_t n = sizeof skeleton + strlen(external);
    char *s = malloc(n);

    assert_non_null(s);
    snprintf(s, n, skeleton, external);
    return s;
}

/* The texts of rule id's findings in src, joined by "|" (at most 511
 * bytes). */
static void
spans(const bl_rules *rules, const char *src, const char *id, char *out)
{
    bl_doc *doc = tu_parse(src);
    bl_diags d;
    size_t i, len, at = 0;
    const char *text = bl_doc_source(doc, &len);

    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(rules, doc, &d), 0);
    out[0] = '\0';
    for (i = 0; i < d.n; i++) {
        size_t n = d.items[i].end - d.items[i].begin;
        if (strcmp(d.items[i].rule->id, id) != 0)
            continue;
        if (at + n + 2 >= 512)
            break;
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
test_complete_templates_are_clean(void **state)
{
    char *src = comms(external_ok);

    tu_assert_clean(*state, src);
    free(src);
}

/* The comms rules never check a postmortem, and the postmortem's
 * structure rules never check comms templates. */
static void
test_rules_stay_in_their_profile(void **state)
{
    bl_diags d;

    tu_lint(*state, FM "# Comms\n\n## Slack announcement\n\nSomething.\n", &d);
    assert_int_equal(tu_count_rule(&d, "section/missing"), 0);
    assert_int_equal(tu_count_rule(&d, "comms/missing-template"), 1);
    bl_diags_free(&d);
    tu_lint(*state, "# Incident: x\n\n## Summary\n\nDana (@dana) restarted "
            "db-01.internal.\n\n## Status page\n\nDown.\n", &d);
    assert_int_equal(tu_count_rule(&d, "comms/external-leak"), 0);
    assert_int_equal(tu_count_rule(&d, "comms/missing-template"), 0);
    assert_int_equal(tu_count_rule(&d, "comms/no-cadence"), 0);
    bl_diags_free(&d);
}

/* --- comms/missing-template ---------------------------------------------- */

static void
test_missing_templates(void **state)
{
    const char *id = "comms/missing-template";
    bl_diags d;
    size_t i;

    /* Only the internal one: the fix inserts the external skeleton. */
    tu_lint(*state, FM "# Comms\n\nUpdates every hour.\n\n"
            "## Slack announcement\n\nSEV {{sev}}, impact {{impact}}, status "
            "{{status}}, next update {{time}}.\n", &d);
    assert_int_equal(tu_count_rule(&d, id), 1);
    for (i = 0; i < d.n; i++)
        if (strcmp(d.items[i].rule->id, id) == 0) {
            assert_non_null(d.items[i].fix);
            assert_non_null(strstr(d.items[i].fix,
                                   "## External status page update"));
        }
    bl_diags_free(&d);
    /* Synonyms: "Internal update" and "Customer-facing". */
    tu_lint(*state, FM "# Comms\n\nUpdates every hour.\n\n"
            "## Internal update\n\nSEV {{sev}}, impact {{impact}}, status "
            "{{status}}, next update {{time}}.\n\n## Customer-facing\n\n"
            "Status {{status}}, severity {{sev}}, impact {{impact}}, ETA "
            "{{eta}}.\n", &d);
    assert_int_equal(tu_count_rule(&d, id), 0);
    assert_int_equal(d.n, 0);
    bl_diags_free(&d);
    /* A heading with nothing under it but guidance is as good as none. */
    tu_lint(*state, FM "# Comms\n\nUpdates hourly.\n\n## Internal update\n\n"
            "SEV {{sev}}, impact {{impact}}, status {{status}}, ETA {{eta}}."
            "\n\n## Status page\n\n<!-- Write it later. -->\n", &d);
    assert_int_equal(tu_count_rule(&d, id), 1);
    assert_int_equal(tu_count_rule(&d, "comms/missing-field"), 0);
    bl_diags_free(&d);
    /* Neither: two findings. */
    tu_lint(*state, FM "# Comms\n\nUpdates hourly.\n", &d);
    assert_int_equal(tu_count_rule(&d, id), 2);
    bl_diags_free(&d);
}

/* --- comms/missing-field ------------------------------------------------- */

static void
test_missing_fields(void **state)
{
    const char *id = "comms/missing-field";
    /* A template without one of the four facts: reported once each. */
    static const struct {
        const char *external;
        size_t findings;
        const char *says;
    } cases[] = {
        {"{{what customers see}}. Next update by {{time}}.", 2, "severity"},
        {"Severity: {{sev}}. Status: {{status}}. Next update {{time}}.", 1,
         "impact"},
        {"Severity: {{sev}}. Impact: {{impact}}. Next update {{time}}.", 1,
         "status"},
        {"Severity: {{sev}}. Impact: {{impact}}. Status: {{status}}.", 1,
         "next update"},
        /* The words in a guidance comment are no slot. */
        {"<!-- Give the severity, impact, status and ETA. -->\n\n"
         "{{the news}}.", 4, "severity"},
        /* Slots md4c reads as HTML, brackets and code blocks count. */
        {"[SEVERITY] <impact> <status> [ETA]", 0, NULL},
        {"```\nSEV: <sev>\nImpact: <impact>\nStatus: <status>\n"
         "Next update: <time>\n```", 0, NULL},
        {"**Identified** (P2): {{what customers see}} affected. Expected "
         "resolution {{time}}.", 0, NULL},
    };
    size_t k;

    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char *src = comms(cases[k].external);
        bl_diags d;
        size_t i;
        tu_lint(*state, src, &d);
        if (tu_count_rule(&d, id) != cases[k].findings)
            fail_msg("%zu findings, not %zu: %s", tu_count_rule(&d, id),
                     cases[k].findings, cases[k].external);
        for (i = 0; i < d.n && cases[k].says != NULL; i++)
            if (strcmp(d.items[i].rule->id, id) == 0) {
                assert_non_null(strstr(d.items[i].message, cases[k].says));
                assert_non_null(strstr(d.items[i].message,
                                       "External status page update"));
                break;
            }
        /* The template's own slots are what it is for. */
        assert_int_equal(tu_count_rule(&d, "placeholder/unfilled"), 0);
        bl_diags_free(&d);
        free(src);
    }
}

/* --- comms/no-cadence ---------------------------------------------------- */

static void
test_cadence(void **state)
{
    const char *id = "comms/no-cadence";
    static const char *const stated[] = {
        "We post an update every 30 minutes.",
        "Updates go out every 15-20 minutes.",
        "Post every hour until resolved.",
        "Hourly updates while the incident is open.",
        "Update cadence: at least every two hours.",
        "Say when the next update is: \"next update in 30 minutes\".",
        "Post an update every {{30}} minutes.",
        NULL
    };
    static const char *const unstated[] = {
        "Post updates when there is news.",
        "<!-- Post an update every 30 minutes. -->",
        "Every customer reads the status page.",
        "We update the template every quarter.",
        NULL
    };
    char src[1024];
    size_t k;

    for (k = 0; stated[k] != NULL; k++) {
        bl_diags d;
        snprintf(src, sizeof src, FM "# Comms\n\n%s\n\n"
                 "## Internal update\n\nSEV {{sev}}, impact {{impact}}, "
                 "status {{status}}, ETA {{eta}}.\n\n## Status page\n\n"
                 "Status {{status}}, severity {{sev}}, impact {{impact}}, "
                 "ETA {{eta}}.\n", stated[k]);
        tu_lint(*state, src, &d);
        if (tu_count_rule(&d, id) != 0)
            fail_msg("reported: %s", stated[k]);
        bl_diags_free(&d);
    }
    for (k = 0; unstated[k] != NULL; k++) {
        bl_diags d;
        char span[512];
        snprintf(src, sizeof src, FM "# Comms\n\n%s\n\n"
                 "## Internal update\n\nSEV {{sev}}, impact {{impact}}, "
                 "status {{status}}, ETA {{eta}}.\n\n## Status page\n\n"
                 "Status {{status}}, severity {{sev}}, impact {{impact}}, "
                 "ETA {{eta}}.\n", unstated[k]);
        tu_lint(*state, src, &d);
        if (tu_count_rule(&d, id) != 1)
            fail_msg("not reported: %s", unstated[k]);
        bl_diags_free(&d);
        spans(*state, src, id, span);
        assert_string_equal(span, "Comms");
    }
}

/* --- comms/external-leak ------------------------------------------------- */

static void
test_external_leaks(void **state)
{
    const char *id = "comms/external-leak";
    static const struct {
        const char *external;
        const char *flagged;    /* the findings' texts, "|" between */
    } cases[] = {
        {"Ask @dana or see #inc-checkout.", "@dana|#inc-checkout"},
        {"We restarted `db-01.internal` and grafana.corp.",
         "db-01.internal|grafana.corp"},
        {"Traffic moved from 10.2.0.14 and 192.168.1.20:8080.",
         "10.2.0.14|192.168.1.20:8080"},
        {"The prod-k8s-eu-1 cluster and redis-cache-2 recovered.",
         "prod-k8s-eu-1|redis-cache-2"},
        {"[Dashboard](https://build.local/x) is up.", "build.local"},
        {"Dana is investigating; thanks to Kenji.", "Dana|Kenji"},
        {"Our engineer Dana from the payments team restarted it. Dana "
         "says it is fine.", "Dana|Dana"},
        {"Contact Priya for details.", "Priya"},
        /* "@dana.internal" is one leak, not two. */
        {"Ping @db-01.internal.", "@db-01.internal"},
    };
    /* What customers may read: no finding. */
    static const char *const clean[] = {
        "Write to support@example.com or see issue #1234.",
        "On Monday, March 3, Stripe and Google Cloud confirmed the fix.",
        "Investigating: Checkout is slow. Identified the cause.",
        "Payments are failing. Engineers are investigating.",
        "Our COVID-19 page, the SEV-1 banner and ISO-8601 dates work.",
        "Our prod-ready API at api.example.com is back.",
        "Login is investigating nothing; Support is investigating.",
        "The v10.2.0 release is out.",
        "Contact Support for a refund.",
        NULL
    };
    size_t k;

    for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char *src = comms(cases[k].external);
        char got[512];
        spans(*state, src, id, got);
        if (strcmp(got, cases[k].flagged) != 0)
            fail_msg("\"%s\" instead of \"%s\" in: %s", got,
                     cases[k].flagged, cases[k].external);
        free(src);
    }
    for (k = 0; clean[k] != NULL; k++) {
        char *src = comms(clean[k]);
        char got[512];
        spans(*state, src, id, got);
        if (got[0] != '\0')
            fail_msg("reported \"%s\" in: %s", got, clean[k]);
        free(src);
    }
}

/* The internal template may name handles, channels and hosts; a comment
 * in the external one is guidance nobody publishes. */
static void
test_leaks_only_in_what_is_published(void **state)
{
    char *src = comms("<!-- No @handles, no db-01.internal. -->\n\n"
                      "**{{Status}}:** {{what customers see}}. Severity: "
                      "{{sev}}. Impact: {{who}}. Next update {{time}}.");
    char got[512];

    spans(*state, src, "comms/external-leak", got);
    assert_string_equal(got, "");
    free(src);
}

/* A name the document shows to be a person's elsewhere ("Owner: Dana"),
 * or the configuration's team lists, is a person in the external text
 * wherever it stands, even first in a sentence. */
static void
test_names_known_from_the_document_and_the_team(void **state)
{
    bl_rules *rules = NULL;
    char err[512], got[512];
    char *src;

    src = comms("Dana restarted the queue. Morgan watched the graphs.");
    spans(*state, src, "comms/external-leak", got);
    assert_string_equal(got, "");
    free(src);
    spans(*state, FM "# Comms\n\nUpdates hourly. Owner: Dana. Questions "
          "go to Dana.\n\n"
          "## Internal update\n\nSEV {{sev}}, impact {{impact}}, status "
          "{{status}}, ETA {{eta}}.\n\n## Status page\n\nSeverity {{s}}, "
          "impact {{i}}, status {{st}}, ETA {{e}}. Dana restarted the "
          "queue.\n", "comms/external-leak", got);
    assert_string_equal(got, "Dana");
    /* What the Learn stanzas taught needs the document to write the word
     * as a proper noun somewhere, mid-sentence: "Owner: Dana" alone is
     * not enough ("Owner: Edge team", "Finance notices ..."). */
    spans(*state, FM "# Comms\n\nUpdates hourly. Owner: Dana\n\n"
          "## Internal update\n\nSEV {{sev}}, impact {{impact}}, status "
          "{{status}}, ETA {{eta}}.\n\n## Status page\n\nSeverity {{s}}, "
          "impact {{i}}, status {{st}}, ETA {{e}}. Dana restarted the "
          "queue.\n", "comms/external-leak", got);
    assert_string_equal(got, "");
    assert_int_equal(bl_rules_load_default(&rules, err, sizeof err), 0);
    assert_int_equal(bl_rules_add_person(rules, "Morgan"), 0);
    src = comms("Dana restarted the queue. Morgan watched the graphs.");
    spans(rules, src, "comms/external-leak", got);
    assert_string_equal(got, "Morgan");
    free(src);
    bl_rules_free(rules);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_complete_templates_are_clean),
        cmocka_unit_test(test_rules_stay_in_their_profile),
        cmocka_unit_test(test_missing_templates),
        cmocka_unit_test(test_missing_fields),
        cmocka_unit_test(test_cadence),
        cmocka_unit_test(test_external_leaks),
        cmocka_unit_test(test_leaks_only_in_what_is_published),
        cmocka_unit_test(test_names_known_from_the_document_and_the_team),
    };

    return cmocka_run_group_tests(tests, tu_load_rules, tu_free_rules);
}
