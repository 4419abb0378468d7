/*
 * profiles_test.c: how a document's profile is chosen (the run's choice,
 * the front matter, the configuration, else the postmortem), which rules
 * run in which profile, and the Profile: stanza of the rule files.
 */
#include <stdio.h>

#include "testutil.h"
#include "engine/rules.h"

/* Two profiles, memo and note, each with a rule of its own, and a rule
 * of no profile: all three flag a word, so the findings say which ran. */
static const char two_profiles[] =
    "Profile: memo\n"
    "Summary: A memo.\n"
    "Document: memo\n"
    "\n"
    "Profile: note\n"
    "Summary: A note.\n"
    "Document: note\n"
    "\n"
    "Rule: memo/word\nSeverity: warning\nProfile: memo\nSummary: s\n"
    "Explain: e\n"
    "\n"
    "Match: memo/word\nPhrase: banana\nMessage: m\nSuggest: s\n"
    "\n"
    "Rule: note/word\nSeverity: warning\nProfile: note\nSummary: s\n"
    "Explain: e\n"
    "\n"
    "Match: note/word\nPhrase: banana\nMessage: m\nSuggest: s\n"
    "\n"
    "Rule: any/word\nSeverity: warning\nSummary: s\nExplain: e\n"
    "\n"
    "Match: any/word\nPhrase: cherry\nMessage: m\nSuggest: s\n";

static int
load_two_profiles(void **state)
{
    bl_rules *rules = bl_rules_new();
    char err[256];

    if (rules == NULL
        || bl_rules_parse(rules, "t.rules", two_profiles,
                          sizeof two_profiles - 1, err, sizeof err) != 0
        || bl_rules_finish(rules, 1, err, sizeof err) != 0) {
        bl_rules_free(rules);
        return -1;
    }
    *state = rules;
    return 0;
}

/* The profile src is linted as with opts, or "" when none; *p_chosen as
 * bl_lint_profile says. */
static const char *
profile_of(const bl_rules *rules, const char *src, const bl_lint_opts *opts,
           int *p_chosen, char *err, size_t errlen)
{
    bl_doc *doc = tu_parse(src);
    const bl_profile_info *p = bl_lint_profile(rules, doc, opts, p_chosen,
                                               err, errlen);

    bl_doc_free(doc);
    return p != NULL ? p->name : "";
}

/* The ids of the findings of src, space-separated, into out. */
static int
rules_fired(const bl_rules *rules, const char *src, const bl_lint_opts *opts,
            char *out, size_t cap)
{
    bl_doc *doc = tu_parse(src);
    bl_diags d = {NULL, 0, 0};
    size_t i, o = 0;
    int rc = bl_lint_with(rules, doc, opts, &d);

    out[0] = '\0';
    for (i = 0; i < d.n; i++)
        o += (size_t)snprintf(out + o, cap - o, "%s%s", o ? " " : "",
                              d.items[i].rule->id);
    bl_diags_free(&d);
    bl_doc_free(doc);
    return rc;
}

static void
test_the_postmortem_is_listed_first_declared_or_not(void **state)
{
    const bl_rules *rules = *state;
    bl_rules *defaults = NULL;
    char err[256];

    assert_int_equal(bl_rules_profile_count(rules), 3);
    assert_string_equal(bl_rules_profile_at(rules, 0)->name, "postmortem");
    assert_string_equal(bl_rules_profile_at(rules, 1)->name, "memo");
    assert_string_equal(bl_rules_profile_at(rules, 1)->summary, "A memo.");
    assert_null(bl_rules_profile_at(rules, 3));
    assert_null(bl_rules_profile_find(rules, "nope"));
    assert_int_equal(bl_rules_load_default(&defaults, err, sizeof err), 0);
    assert_string_equal(bl_rules_profile_at(defaults, 0)->name, "postmortem");
    assert_non_null(strstr(bl_rules_profile_at(defaults, 0)->summary,
                           "postmortem"));
    bl_rules_free(defaults);
}

static void
test_precedence_run_then_front_matter_then_config(void **state)
{
    const bl_rules *rules = *state;
    bl_lint_opts none = {.profile = NULL}, run = {.profile = "note"};
    bl_lint_opts config = {.config_profile = "note"};
    bl_lint_opts both = {.profile = "memo", .config_profile = "note"};
    const char *fm = "---\nblamelint: memo\n---\n\n# Notes\n";
    const char *plain = "# Notes\n";
    char err[256];
    int chosen = -1;

    assert_string_equal(profile_of(rules, fm, NULL, &chosen, err, sizeof err),
                        "memo");
    assert_int_equal(chosen, 1);
    assert_string_equal(profile_of(rules, fm, &none, NULL, err, sizeof err),
                        "memo");
    assert_string_equal(profile_of(rules, fm, &run, NULL, err, sizeof err),
                        "note");
    assert_string_equal(profile_of(rules, fm, &config, NULL, err, sizeof err),
                        "memo");
    assert_string_equal(profile_of(rules, plain, &config, &chosen, err,
                                   sizeof err), "note");
    assert_int_equal(chosen, 1);
    assert_string_equal(profile_of(rules, plain, &both, NULL, err, sizeof err),
                        "memo");
    assert_string_equal(profile_of(rules, plain, NULL, &chosen, err,
                                   sizeof err), "postmortem");
    assert_int_equal(chosen, 0);
}

static void
test_front_matter_forms(void **state)
{
    const bl_rules *rules = *state;
    bl_lint_opts config = {.config_profile = "note"};
    char err[256];

    /* TOML, quotes, a comment, upper case, "type:". */
    assert_string_equal(profile_of(rules, "+++\nblamelint = \"memo\"\n+++\n",
                                   NULL, NULL, err, sizeof err), "memo");
    assert_string_equal(profile_of(rules, "---\nblamelint: 'Memo'  # ours\n"
                                   "---\n", NULL, NULL, err, sizeof err),
                        "memo");
    assert_string_equal(profile_of(rules, "---\ntitle: x\ntype: memo\n---\n",
                                   NULL, NULL, err, sizeof err), "memo");
    /* "type:" names a profile or is someone else's: then the config's. */
    assert_string_equal(profile_of(rules, "---\ntype: post\n---\n", &config,
                                   NULL, err, sizeof err), "note");
    /* Keys that only start like ours, nested keys, an empty value. */
    assert_string_equal(profile_of(rules, "---\ntypes: memo\nblamelint_x: "
                                   "memo\n  blamelint: memo\nblamelint:\n"
                                   "---\n", NULL, NULL, err, sizeof err),
                        "postmortem");
    /* "blamelint:" wins over "type:", and "post-mortem" is the postmortem. */
    assert_string_equal(profile_of(rules, "---\ntype: memo\nblamelint: "
                                   "post-mortem\n---\n", NULL, NULL, err,
                                   sizeof err), "postmortem");
    /* Front matter only counts at the top: not in the body. */
    assert_string_equal(profile_of(rules, "# N\n\n---\nblamelint: memo\n---\n",
                                   NULL, NULL, err, sizeof err), "postmortem");
}

static void
test_an_unknown_name_is_an_error_not_a_silent_postmortem(void **state)
{
    const bl_rules *rules = *state;
    bl_lint_opts run = {.profile = "memoo"}, config = {.config_profile = "nope"};
    const char *fm = "---\nblamelint: runbok\n---\n\nbanana cherry\n";
    char err[256], fired[256];

    assert_string_equal(profile_of(rules, fm, NULL, NULL, err, sizeof err),
                        "");
    assert_non_null(strstr(err, "\"runbok\""));
    assert_string_equal(profile_of(rules, "# N\n", &run, NULL, err,
                                   sizeof err), "");
    assert_non_null(strstr(err, "\"memoo\""));
    assert_string_equal(profile_of(rules, "# N\n", &config, NULL, err,
                                   sizeof err), "");
    assert_non_null(strstr(err, "\"nope\""));
    /* Linted as if nothing had chosen: no profile's rules, and the
     * caller is told. */
    assert_int_equal(rules_fired(rules, fm, NULL, fired, sizeof fired),
                     BL_EPROFILE);
    assert_string_equal(fired, "any/word");
    /* bl_lint leaves the telling to bl_lint_profile. */
    {
        bl_doc *doc = tu_parse(fm);
        bl_diags d = {NULL, 0, 0};
        assert_int_equal(bl_lint(rules, doc, &d), 0);
        assert_int_equal(d.n, 1);
        bl_diags_free(&d);
        bl_doc_free(doc);
    }
}

static void
test_a_rule_runs_only_in_its_profile(void **state)
{
    const bl_rules *rules = *state;
    bl_lint_opts memo = {.profile = "memo"}, note = {.profile = "note"};
    const char *src = "# N\n\nA banana and a cherry.\n";
    char fired[256];

    assert_int_equal(rules_fired(rules, src, &memo, fired, sizeof fired), 0);
    assert_string_equal(fired, "memo/word any/word");
    assert_int_equal(rules_fired(rules, src, &note, fired, sizeof fired), 0);
    assert_string_equal(fired, "note/word any/word");
    assert_int_equal(rules_fired(rules, src, NULL, fired, sizeof fired), 0);
    assert_string_equal(fired, "any/word");
    assert_true(bl_rule_in_profile(bl_rules_find(rules, "any/word"), "memo"));
    assert_false(bl_rule_in_profile(bl_rules_find(rules, "memo/word"),
                                    "note"));
}

/* A README is not told it lacks a Timeline; a document the user says is
 * a postmortem is. */
static void
test_a_chosen_postmortem_has_its_structure_checked(void **state)
{
    bl_rules *rules = NULL;
    bl_lint_opts pm = {.profile = "postmortem"};
    bl_lint_opts cfg = {.config_profile = "postmortem"};
    const char *readme = "# Notes\n\nHow we work.\n";
    char err[256], fired[1024];

    (void)state;
    assert_int_equal(bl_rules_load_default(&rules, err, sizeof err), 0);
    assert_int_equal(rules_fired(rules, readme, NULL, fired, sizeof fired), 0);
    assert_string_equal(fired, "");
    assert_int_equal(rules_fired(rules, readme, &pm, fired, sizeof fired), 0);
    assert_non_null(strstr(fired, "section/missing"));
    assert_int_equal(rules_fired(rules, readme, &cfg, fired, sizeof fired), 0);
    assert_non_null(strstr(fired, "section/missing"));
    assert_int_equal(rules_fired(rules, "---\ntype: postmortem\n---\n# Notes\n",
                                 NULL, fired, sizeof fired), 0);
    assert_non_null(strstr(fired, "section/missing"));
    /* Every structural rule of the postmortem says so. */
    assert_string_equal(bl_rules_find(rules, "section/missing")->profile,
                        "postmortem");
    assert_string_equal(bl_rules_find(rules, "action/missing-owner")->profile,
                        "postmortem");
    assert_string_equal(bl_rules_find(rules, "whys/too-short")->profile,
                        "postmortem");
    assert_string_equal(bl_rules_find(rules, "timeline/no-timezone")->profile,
                        "postmortem");
    assert_null(bl_rules_find(rules, "blame/judgement")->profile);
    assert_null(bl_rules_find(rules, "placeholder/unfilled")->profile);
    bl_rules_free(rules);
}

/* A rule file's mistakes about profiles name their file and line. */
static void
test_profile_stanza_errors(void **state)
{
    static const struct {
        const char *text, *want;
    } bad[] = {
        {"Rule: memo/x\nSeverity: info\nProfile: memo\nSummary: s\n"
         "Explain: e\n", "t.rules:1: rule memo/x: no profile \"memo\""},
        {"Profile: memo\nSummary: s\n", "needs Summary: and Document:"},
        {"Profile: Memo\nSummary: s\nDocument: d\n", "\"Memo\" is not"},
        {"Profile: memo\nSummary: s\nDocument: d\n\nProfile: memo\n"
         "Summary: s\nDocument: d\n", "t.rules:5: profile memo is declared "
         "twice"},
        {"Profile: memo\nSummary: s\nDocument: d\nColour: red\n",
         "unknown field \"Colour\" in a Profile stanza"},
        {"Heading: x\nProfile: memo\nTitle: X\nPurpose: p\nSkeleton: # X\n",
         "heading x: no profile \"memo\""},
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        bl_rules *rules = bl_rules_new();
        char err[256] = "";
        assert_non_null(rules);
        assert_int_equal(bl_rules_parse(rules, "t.rules", bad[i].text,
                                        strlen(bad[i].text), err, sizeof err),
                         BL_ERULES);
        if (strstr(err, bad[i].want) == NULL)
            fail_msg("case %zu: \"%s\" does not say \"%s\"", i, err,
                     bad[i].want);
        bl_rules_free(rules);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_postmortem_is_listed_first_declared_or_not),
        cmocka_unit_test(test_precedence_run_then_front_matter_then_config),
        cmocka_unit_test(test_front_matter_forms),
        cmocka_unit_test(test_an_unknown_name_is_an_error_not_a_silent_postmortem),
        cmocka_unit_test(test_a_rule_runs_only_in_its_profile),
        cmocka_unit_test(test_a_chosen_postmortem_has_its_structure_checked),
        cmocka_unit_test(test_profile_stanza_errors),
    };

    return cmocka_run_group_tests(tests, load_two_profiles, tu_free_rules);
}
