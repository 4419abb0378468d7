/*
 * rules_test.c: the rule data and the pattern engine.
 *
 * Every Match stanza in rules/ carries Example: lines that must produce a
 * finding of its rule and Clean: lines that must produce none at all;
 * this file runs them all through the full engine, so a rule edit that
 * breaks one of its own examples fails `make test` with the stanza's
 * file:line.  The rest tests the guards and the loader.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "engine/doc.h"
#include "engine/rules.h"

static bl_rules *
default_rules(void)
{
    bl_rules *rules = NULL;
    char err[512];

    assert_int_equal(bl_rules_load_default(&rules, err, sizeof err), 0);
    return rules;
}

/* Lints text; the caller frees diags. */
static void
lint_text(const bl_rules *rules, const char *text, bl_diags *diags)
{
    bl_doc *doc = bl_doc_parse(text, strlen(text));

    assert_non_null(doc);
    memset(diags, 0, sizeof *diags);
    assert_int_equal(bl_lint(rules, doc, diags), 0);
    bl_doc_free(doc);
}

static void
test_every_example_fires(void **state)
{
    bl_rules *rules = default_rules();
    size_t i, k, failures = 0, checked = 0;

    (void)state;
    for (i = 0; i < rules->entries.n; i++) {
        const bl_entry *e = &rules->entries.items[i];
        if (e->rule < 0)
            continue;
        for (k = 0; k < e->n_examples; k++) {
            bl_diags d;
            const char *id = rules->rules.items[e->rule].info.id;
            char text[1024];
            /* An entry limited to some sections gets its examples in one
             * they all accept; its Clean: lines are tested outside it. */
            snprintf(text, sizeof text, "%s%s",
                     e->section.src ? "## Action items\n\n" : "",
                     e->examples[k]);
            lint_text(rules, text, &d);
            checked++;
            if (tu_count_rule(&d, id) == 0) {
                print_error("%s:%zu: Example does not fire %s: %s\n",
                            e->file, e->line, id, e->examples[k]);
                failures++;
            }
            bl_diags_free(&d);
        }
    }
    assert_true(checked > 100);
    assert_int_equal(failures, 0);
    bl_rules_free(rules);
}

static void
test_every_clean_is_silent(void **state)
{
    bl_rules *rules = default_rules();
    size_t i, k, failures = 0, checked = 0;

    (void)state;
    for (i = 0; i < rules->entries.n; i++) {
        const bl_entry *e = &rules->entries.items[i];
        for (k = 0; k < e->n_cleans; k++) {
            bl_diags d;
            lint_text(rules, e->cleans[k], &d);
            checked++;
            if (d.n > 0) {
                print_error("%s:%zu: Clean line reported by %s: %s\n",
                            e->file, e->line, d.items[0].rule->id,
                            e->cleans[k]);
                failures++;
            }
            bl_diags_free(&d);
        }
    }
    assert_true(checked > 50);
    assert_int_equal(failures, 0);
    bl_rules_free(rules);
}

/* Data discipline: every pattern shows what it catches or spares, and
 * every rule explains itself. */
static void
test_every_entry_and_rule_is_documented(void **state)
{
    bl_rules *rules = default_rules();
    size_t i;

    (void)state;
    assert_true(bl_rules_count(rules) >= 7);
    for (i = 0; i < rules->entries.n; i++) {
        const bl_entry *e = &rules->entries.items[i];
        if (e->rule >= 0 && e->n_examples + e->n_cleans == 0)
            fail_msg("%s:%zu: a Match stanza without Example: or Clean:",
                     e->file, e->line);
    }
    for (i = 0; i < bl_rules_count(rules); i++) {
        const bl_rule_info *r = bl_rules_at(rules, i);
        assert_non_null(strchr(r->id, '/'));
        assert_true(strlen(r->summary) > 10);
        assert_true(strlen(r->explain) > 100);
        assert_ptr_equal(bl_rules_find(rules, r->id), r);
    }
    assert_null(bl_rules_find(rules, "blame/no-such-rule"));
    bl_rules_free(rules);
}

/* "Failed to" is something systems do too: a capitalised subject counts
 * as a person only once the document shows it is one. */
static void
test_names_are_learned_from_the_document(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;

    (void)state;
    lint_text(rules, "Dana ignored the page.", &d);
    assert_int_equal(tu_count_rule(&d, "blame/person-failure"), 0);
    bl_diags_free(&d);

    lint_text(rules, "Dana was paged at 02:10.\n\nDana ignored the page.", &d);
    assert_int_equal(tu_count_rule(&d, "blame/person-failure"), 1);
    bl_diags_free(&d);

    lint_text(rules, "Owner: Dana\n\nLater, Dana ignored the page.", &d);
    assert_int_equal(tu_count_rule(&d, "blame/person-failure"), 1);
    bl_diags_free(&d);

    /* A name seen only in a heading is not learned (Title Case). */
    lint_text(rules, "# Kestrel Paged Everyone\n\nKestrel ignored the page.", &d);
    assert_int_equal(d.n, 0);
    bl_diags_free(&d);
    bl_rules_free(rules);
}

static void
test_quotes_code_and_block_quotes_are_not_the_authors_words(void **state)
{
    static const char *const silent[] = {
        "We avoid writing \"human error\" in reviews.",
        "The old draft said \xE2\x80\x9C" "Bob forgot to renew it\xE2\x80\x9D.",
        "Reviewers flag phrases like 'should have caught' on sight.",
        "> 14:02 bob: sorry, I forgot to renew the cert\n",
        "```\nroot cause: human error\n```\n",
        "Run `blame --human-error` to reproduce.",
        "<!-- Root cause: human error -->\n",
        "---\ntitle: Bob forgot to renew\n---\n\n# Cert expiry\n",
        "See <https://example.com/human-error> for the old report.",
        "See https://example.com/human-error for the old report.",
    };
    bl_rules *rules = default_rules();
    size_t i;

    (void)state;
    for (i = 0; i < sizeof silent / sizeof *silent; i++) {
        bl_diags d;
        lint_text(rules, silent[i], &d);
        if (d.n > 0)
            fail_msg("reported %s in: %s", d.items[0].rule->id, silent[i]);
        bl_diags_free(&d);
    }
    bl_rules_free(rules);
}

/* Link text is prose even though its URL is not. */
/* A veto must stop its own entry's finding even where that finding would
 * have displaced a lower-severity one, which then stays reported. */
static void
test_veto_keeps_the_finding_it_would_have_displaced(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;

    (void)state;
    lint_text(rules, "Root cause: Bob forgot the renewal, though a person is "
              "never the root cause.", &d);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.items[0].rule->id, "blame/person-failure");
    bl_diags_free(&d);
    bl_rules_free(rules);
}

/* Messages quote the document: control characters must not reach a
 * terminal, and a long quote is cut between characters, not inside one. */
static void
test_messages_are_safe_to_print(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;
    char text[512];
    size_t i, n;

    (void)state;
    lint_text(rules, "In hindsight \033]0;pwned\007 it was obvious the "
              "cache would fill.", &d);
    assert_int_equal(d.n, 1);
    assert_null(strchr(d.items[0].message, '\033'));
    assert_null(strchr(d.items[0].message, '\007'));
    bl_diags_free(&d);

    n = (size_t)snprintf(text, sizeof text, "In hindsight the x");
    for (i = 0; i < 40; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "\xC3\xA9");
    snprintf(text + n, sizeof text - n, " case was obvious.");
    lint_text(rules, text, &d);
    assert_int_equal(d.n, 1);
    /* Every byte sequence in the message is whole UTF-8. */
    for (i = 0; d.items[0].message[i]; i++) {
        unsigned char c = (unsigned char)d.items[0].message[i];
        if (c == 0xC3)
            assert_int_equal((unsigned char)d.items[0].message[i + 1], 0xA9);
    }
    assert_non_null(strstr(d.items[0].message, "...\""));
    bl_diags_free(&d);
    bl_rules_free(rules);
}

/* Names in an Owner column are people; so is a name given a role. */
static void
test_names_are_learned_from_owner_columns_and_roles(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;

    (void)state;
    lint_text(rules, "| Action | Owner |\n|---|---|\n| Fix the alert | Lena |"
              "\n\nLena skipped the canary.\n", &d);
    assert_int_equal(tu_count_rule(&d, "blame/person-failure"), 1);
    bl_diags_free(&d);
    lint_text(rules, "| Action | Component |\n|---|---|\n| Fix it | Lena |"
              "\n\nLena skipped the canary.\n", &d);
    assert_int_equal(tu_count_rule(&d, "blame/person-failure"), 0);
    bl_diags_free(&d);
    lint_text(rules, "The alert paged the on-call engineer, Dmitri, at 02:47."
              "\n\nDmitri ignored it.\n", &d);
    assert_int_equal(tu_count_rule(&d, "blame/person-failure"), 1);
    bl_diags_free(&d);
    bl_rules_free(rules);
}

static void
test_link_text_is_prose(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;

    (void)state;
    lint_text(rules, "The [outage was human error](https://x.example) again.",
              &d);
    assert_int_equal(tu_count_rule(&d, "blame/human-error"), 1);
    bl_diags_free(&d);
    /* Text that is only the end of its URL is still text, not a URL. */
    lint_text(rules, "See [Bob](https://github.com/Bob) forgot to renew it.",
              &d);
    assert_int_equal(tu_count_rule(&d, "blame/person-failure"), 1);
    bl_diags_free(&d);
    bl_rules_free(rules);
}

static void
test_one_finding_per_phrase(void **state)
{
    bl_rules *rules = default_rules();
    bl_diags d;

    (void)state;
    /* Matched by both the root-cause and the human-error rules: the
     * higher severity wins and the phrase is reported once. */
    lint_text(rules, "Root cause: human error.", &d);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.items[0].rule->id, "blame/person-root-cause");
    assert_int_equal(d.items[0].severity, BL_SEV_ERROR);
    bl_diags_free(&d);
    bl_rules_free(rules);
}

static void
test_spans_map_to_source_bytes(void **state)
{
    const char *text = "Summary.\n\n**Bob** forgot to renew the `cert`.\n";
    bl_rules *rules = default_rules();
    bl_diags d;

    (void)state;
    lint_text(rules, text, &d);
    assert_int_equal(d.n, 1);
    /* From the B of Bob (after the **) to the end of "forgot". */
    assert_int_equal(d.items[0].begin, strstr(text, "Bob") - text);
    assert_int_equal(d.items[0].end, strstr(text, " to renew") - text);
    assert_non_null(strstr(d.items[0].message, "\"Bob forgot\""));
    bl_diags_free(&d);
    bl_rules_free(rules);
}

static void
test_fix_removes_the_minimizer(void **state)
{
    const char *text = "The engineer just restarted the primary.";
    bl_rules *rules = default_rules();
    bl_diags d;

    (void)state;
    lint_text(rules, text, &d);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.items[0].rule->id, "blame/minimizer");
    assert_int_equal(d.items[0].begin, strstr(text, "just") - text);
    assert_int_equal(d.items[0].end, strstr(text, "restarted") - text);
    assert_non_null(d.items[0].fix);
    assert_string_equal(d.items[0].fix, "");
    bl_diags_free(&d);
    bl_rules_free(rules);
}

static void
test_invalid_utf8_is_tolerated(void **state)
{
    const char text[] = "Caf\xC3 \xFF\xFE bad bytes. Root cause: human error.\n";
    bl_rules *rules = default_rules();
    bl_diags d;

    (void)state;
    lint_text(rules, text, &d);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.items[0].begin, strstr(text, "Root") - text);
    bl_diags_free(&d);
    bl_rules_free(rules);
}

/* A finding is never empty, even on an empty title ("#") or an empty
 * first line, where section/missing reports (found by the fuzzer). */
static void
test_findings_on_an_empty_title_are_not_empty(void **state)
{
    static const char *const docs[] = {
        "# \nIncident\n\n## Timeline\n\n- x\n\n## Action items\n\n- y\n",
        "<!-- x -->\n#\n# Incident\n\n## Timeline\n\n- x\n\n## Root cause\n\ny\n",
        "\n\nText.\n\n## Timeline\n\n- x\n\n## Root cause\n\ny\n",
    };
    bl_rules *rules = default_rules();
    size_t i, k;

    (void)state;
    for (i = 0; i < sizeof docs / sizeof *docs; i++) {
        bl_diags d;
        lint_text(rules, docs[i], &d);
        assert_true(tu_count_rule(&d, "section/missing") > 0);
        for (k = 0; k < d.n; k++)
            assert_true(d.items[k].begin < d.items[k].end);
        bl_diags_free(&d);
    }
    bl_rules_free(rules);
}

/* --- Loading a rule directory ---------------------------------------------- */

static char *
make_rule_dir(const char *name, const char *text)
{
    static char dir[64];
    char path[128];
    FILE *f;

    snprintf(dir, sizeof dir, "/tmp/blamelint-rules-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return dir;
}

static void
remove_rule_dir(const char *dir, const char *name)
{
    char path[128];

    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
    rmdir(dir);
}

static const char custom_rules[] =
    "# A team's own rule.\n"
    "Rule: team/shouting\n"
    "Severity: info\n"
    "Summary: Words in capitals shout.\n"
    "Explain:\n"
    " Shouting in a postmortem reads as frustration.\n"
    " .\n"
    " Write the word in lower case.\n"
    "\n"
    "Match: team/shouting\n"
    "Pattern: \\bthey\\s+(?:kept\\s+)?{verb:ignore}\\s+(?<span>it)\\b\n"
    "Words: {verb:ignore}\n"
    "Message: \"{0}\" is vague.\n"
    "Suggest: Name the thing.\n"
    "Fix: the alert\n"
    "Example: They ignored it.\n";

static void
test_rules_dir_expands_word_forms(void **state)
{
    char *dir = make_rule_dir("team.rules", custom_rules);
    static const char *const forms[] = {
        "They ignored it.", "They ignore it.", "They kept ignoring it.",
        "They ignores it."
    };
    bl_rules *rules = NULL;
    char err[512];
    size_t i;

    (void)state;
    assert_int_equal(bl_rules_load_dir(dir, &rules, err, sizeof err), 0);
    assert_int_equal(bl_rules_count(rules), 1);
    assert_string_equal(bl_rules_at(rules, 0)->id, "team/shouting");
    assert_int_equal(bl_rules_at(rules, 0)->severity, BL_SEV_INFO);
    assert_non_null(strstr(bl_rules_at(rules, 0)->explain, "\n\nWrite"));
    for (i = 0; i < sizeof forms / sizeof *forms; i++) {
        bl_diags d;
        lint_text(rules, forms[i], &d);
        assert_int_equal(d.n, 1);
        assert_string_equal(d.items[0].fix, "the alert");
        assert_int_equal(d.items[0].end - d.items[0].begin, 2);  /* "it" */
        bl_diags_free(&d);
    }
    bl_rules_free(rules);
    remove_rule_dir(dir, "team.rules");
}

static void
expect_load_error(const char *text, const char *want)
{
    char *dir = make_rule_dir("bad.rules", text);
    bl_rules *rules = NULL;
    char err[512];

    assert_int_not_equal(bl_rules_load_dir(dir, &rules, err, sizeof err), 0);
    assert_null(rules);
    if (strstr(err, want) == NULL)
        fail_msg("error \"%s\" lacks \"%s\"", err, want);
    remove_rule_dir(dir, "bad.rules");
}

static void
test_rule_file_errors_name_file_and_line(void **state)
{
    (void)state;
    expect_load_error("Rule: a/b\nSeverity: loud\nSummary: s\nExplain: e\n",
                      "bad.rules:1: rule a/b needs Severity");
    expect_load_error("Rule: a/b\nSeverity: info\nSummary: s\nExplain: e\n"
                      "Colour: red\n", "bad.rules:5: unknown field \"Colour\"");
    expect_load_error("\n\nMatch: a/b\nPhrase: x\nMessage: m\nSuggest: s\n",
                      "bad.rules:3: Match: a/b names no rule");
    expect_load_error("Rule: a/b\nSeverity: info\nSummary: s\nExplain: e\n\n"
                      "Match: a/b\nPattern: (unclosed\nWords: x\n"
                      "Message: m\nSuggest: s\n",
                      "bad.rules:6: the pattern does not compile");
    expect_load_error("Rule: a/b\nSeverity: info\nSummary: s\nExplain: e\n\n"
                      "Match: a/b\nPattern: x\nMessage: m\nSuggest: s\n",
                      "needs Words:");
    expect_load_error("Rule: a/b\nSeverity: info\nSummary: s\nExplain: e\n\n"
                      "Match: a/b\nPattern: {NOPE}\nWords: x\nMessage: m\n"
                      "Suggest: s\n", "undefined {NOPE}");
    expect_load_error("Rule: Bad Id\nSeverity: info\nSummary: s\nExplain: e\n",
                      "is not of the form family/name");
    expect_load_error("Rule: a/b\nSeverity: info\nSummary: s\nExplain: e\n\n"
                      "Match: a/b\nPhrase: try harder!\nMessage: m\nSuggest: s\n",
                      "bad.rules:6: Phrase: holds only words");
    expect_load_error("Rule: a/b\nSeverity: info\nSummary: s\nExplain: e\n\n"
                      "Match: a/b\nPhrase: x\nMessage: m\nMessage: n\n"
                      "Suggest: s\n", "bad.rules:9: \"Message\" appears twice");
    expect_load_error("Rule: a/b\nSeverity: info\nSummary: s\nExplain: e\n\n"
                      "Match: a/b\nPhrase: x\nMessage: m\nSuggest: s\n"
                      "In-Quote: true\n", "In-Quote: must be");
    expect_load_error("Heading: x\nTitle: X\nPurpose: p\nUnless: (unclosed\n"
                      "Skeleton: # X\n",
                      "bad.rules:1: Unless: does not compile");
}

static bl_rules *
load_text_rules(const char *text)
{
    char *dir = make_rule_dir("t.rules", text);
    bl_rules *rules = NULL;
    char err[512];

    if (bl_rules_load_dir(dir, &rules, err, sizeof err) != 0)
        fail_msg("%s", err);
    remove_rule_dir(dir, "t.rules");
    return rules;
}

/* ${name} in a Fix: takes whichever branch's group of that name matched
 * (names repeat, one per branch), and a long phrase of quote marks loads
 * without overrunning the pattern it becomes. */
static void
test_fix_names_a_group_shared_by_branches(void **state)
{
    bl_rules *rules = load_text_rules(
        "Rule: t/told\nSeverity: info\nSummary: s\nExplain: e\n\n"
        "Match: t/told\n"
        "Pattern: (?:\\bthe\\s+(?<name>dba)|\\b(?<name>ops))\\s+told\\s+us\n"
        "Words: told\nMessage: m\nSuggest: s\nFix: ${name} informed us\n\n"
        "Match: t/told\nPhrase: ''''''''''''''''''''''''''''''''x\n"
        "Message: m\nSuggest: s\n");
    bl_diags d;

    (void)state;
    lint_text(rules, "Then ops told us.", &d);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.items[0].fix, "ops informed us");
    bl_diags_free(&d);
    bl_rules_free(rules);
}

/* $2 in a Fix: counts the groups of the whole pattern, and ${name} finds
 * its group in whichever top-level alternative matched, though an entry
 * may be tried alternative by alternative (regex.c). */
static void
test_fix_counts_groups_of_the_whole_pattern(void **state)
{
    bl_rules *rules = load_text_rules(
        "Rule: t/told\nSeverity: info\nSummary: s\nExplain: e\n\n"
        "Match: t/told\n"
        "Pattern: \\bthe\\s+(dba)\\s+told\\s+us|\\b(ops)\\s+told\\s+us\n"
        "Words: told\nMessage: m\nSuggest: s\nFix: [$2] informed us\n\n"
        "Match: t/told\n"
        "Pattern: \\bthe\\s+(?<who>qa)\\s+said|\\b(?<who>sre)\\s+said\n"
        "Words: said\nMessage: m\nSuggest: s\nFix: ${who} wrote\n");
    bl_diags d;

    (void)state;
    lint_text(rules, "Then ops told us. Then sre said so.", &d);
    assert_int_equal(d.n, 2);
    assert_string_equal(d.items[0].fix, "[ops] informed us");
    assert_string_equal(d.items[1].fix, "sre wrote");
    bl_diags_free(&d);
    bl_rules_free(rules);
}

static void
test_section_filters_use_definitions(void **state)
{
    bl_rules *rules = load_text_rules(
        "Rule: t/s\nSeverity: info\nSummary: s\nExplain: e\n\n"
        "Define: AI\nPattern: action\\s+items?\n\n"
        "Match: t/s\nPhrase: widget\nSection: {AI}\n"
        "Message: m\nSuggest: s\n");
    bl_diags d;

    (void)state;
    lint_text(rules, "## Action items\n\nA widget.\n\n## Summary\n\n"
              "A widget.\n", &d);
    assert_int_equal(d.n, 1);
    bl_diags_free(&d);
    bl_rules_free(rules);
}

/* section/missing points at the title, or at the first line; an empty
 * title ("#" and a lone CR) or an empty first line still gives a span. */
static void
test_missing_section_span_is_never_empty(void **state)
{
    static const char *const docs[] = {
        "#\r## Summary\n\nx\n\n## Timeline\n\n- 14:02 a\n",
        "\nSome intro.\n\n## Impact\n\nx\n\n## Timeline\n\n- 14:02 a\n",
        "\xef\xbb\xbf\nSome intro.\n\n## Impact\n\nx\n\n## Timeline\n",
    };
    bl_rules *rules = default_rules();
    size_t i, k, missing;

    (void)state;
    for (i = 0; i < sizeof docs / sizeof *docs; i++) {
        bl_diags d;
        lint_text(rules, docs[i], &d);
        missing = tu_count_rule(&d, "section/missing");
        assert_true(missing > 0);
        for (k = 0; k < d.n; k++)
            if (d.items[k].begin >= d.items[k].end)
                fail_msg("empty span %zu-%zu for %s in doc %zu",
                         d.items[k].begin, d.items[k].end,
                         d.items[k].rule->id, i);
        bl_diags_free(&d);
    }
    bl_rules_free(rules);
}

/* The default rules come with their patterns compiled at build time;
 * each decodes to a pattern that matches what compiling its source
 * matches. */
static void
test_default_patterns_are_precompiled(void **state)
{
    bl_rules *rules = NULL;
    bl_regex **list;
    char err[256];
    size_t i, n, with_src = 0;
    int oom;
    bl_regex *subject;
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    static const char *const texts[] = {
        "This was caused by human error.", "Bob forgot to renew it.",
        "The certificate expired.", "TBD", ""};

    (void)state;
    assert_non_null(md);
    assert_int_equal(bl_rules_load_default(&rules, err, sizeof err), 0);
    n = bl_rules_regexes(rules, &list);
    assert_non_null(list);
    for (i = 0; i < n; i++) {
        pcre2_code *fresh;
        int ec;
        PCRE2_SIZE off;
        size_t t;
        if (list[i]->src == NULL)
            continue;
        with_src++;
        assert_non_null(list[i]->precompiled);
        assert_non_null(bl_regex_get(list[i]));
        fresh = pcre2_compile((PCRE2_SPTR)list[i]->src, PCRE2_ZERO_TERMINATED,
                              BL_PCRE2_OPTIONS
                              | (list[i]->anchored ? PCRE2_ANCHORED : 0),
                              &ec, &off, NULL);
        assert_non_null(fresh);
        for (t = 0; t < sizeof texts / sizeof texts[0]; t++) {
            int a = pcre2_match(list[i]->code, (PCRE2_SPTR)texts[t],
                                strlen(texts[t]), 0, 0, md, NULL);
            int b = pcre2_match(fresh, (PCRE2_SPTR)texts[t],
                                strlen(texts[t]), 0, 0, md, NULL);
            assert_int_equal(a, b);
        }
        pcre2_code_free(fresh);
    }
    assert_true(with_src > 30);
    /* The C checks' definitions are found by their source. */
    subject = bl_rules_define_regex(rules, "WHYS_PERSON_SUBJECT", 1, &oom);
    assert_non_null(subject);
    assert_non_null(subject->precompiled);
    free(list);
    pcre2_match_data_free(md);
    bl_rules_free(rules);
}

/* A NUL byte would end a field's C string early and hide the rest of it:
 * the file is refused, at the NUL's line. */
static void
test_a_nul_byte_is_a_rule_file_error(void **state)
{
    bl_rules *rules = bl_rules_new();
    char err[256];
    static const char text[] =
        "Rule: a/b\nSeverity: info\nSummary: s\0junk\n more\nExplain: e\n";

    (void)state;
    assert_non_null(rules);
    assert_int_not_equal(bl_rules_parse(rules, "t.rules", text,
                                        sizeof text - 1, err, sizeof err), 0);
    assert_non_null(strstr(err, "t.rules:3: a NUL byte"));
    bl_rules_free(rules);
}

/* "Words: human++error" names no empty word: it is "human+error", both
 * words in the sentence, whatever else the sentence holds. */
static void
test_repeated_plus_in_words_names_no_empty_word(void **state)
{
    static const char *const words[] = {"human++error", "human+error+",
                                        "human+error"};
    size_t k;

    (void)state;
    for (k = 0; k < sizeof words / sizeof *words; k++) {
        char text[512];
        bl_rules *rules;
        bl_diags d;
        snprintf(text, sizeof text,
                 "Rule: t/he\nSeverity: info\nSummary: s\nExplain: e\n\n"
                 "Match: t/he\nPattern: \\bhuman\\s+error\\b\n"
                 "Words: %s\nMessage: m\nSuggest: s\n", words[k]);
        rules = load_text_rules(text);
        lint_text(rules, "The outage was caused by human error.", &d);
        assert_int_equal(d.n, 1);
        bl_diags_free(&d);
        lint_text(rules, "The outage was caused by a human.", &d);
        assert_int_equal(d.n, 0);
        bl_diags_free(&d);
        bl_rules_free(rules);
    }
}

/* A Define's Words: says which text cannot hold a match: a word is a run
 * of ASCII letters, digits and '_' in any case, U+017F and U+212A read as
 * the 's' and 'k' PCRE2 matches them as, and "a+b" needs both. */
static void
test_define_words_pass_over_text_without_them(void **state)
{
    bl_rules *rules = load_text_rules(
        "Define: SLIP\nPattern: \\b(?:errors?|mistakes?)\\b|\\bwas\\s+\\S+\\s+by"
        "\nWords: Error errors mistake\n mistakes was+by\n\n"
        "Define: PLAIN\nPattern: x\n");
    const bl_define *d = bl_rules_define(rules, "SLIP");

    (void)state;
    assert_non_null(d);
    assert_int_equal(d->n_needs, 5);
    assert_true(bl_define_may_match(d, "an error", 8));
    assert_true(bl_define_may_match(d, "human-ERROR.", 12));
    assert_true(bl_define_may_match(d, "x_y mistakes", 12));
    assert_true(bl_define_may_match(d, "mi\xc5\xbf" "take", 9));    /* U+017F */
    assert_true(bl_define_may_match(d, "mista\xe2\x84\xaa" "e", 9)); /* U+212A */
    assert_true(bl_define_may_match(d, "was pushed by", 13));
    assert_false(bl_define_may_match(d, "was pushed", 10));
    assert_false(bl_define_may_match(d, "by the way", 10));
    assert_false(bl_define_may_match(d, "errorless x_error", 17));
    assert_false(bl_define_may_match(d, "err", 3));     /* cut by len */
    assert_false(bl_define_may_match(d, "", 0));
    /* A word joined to a non-ASCII letter is cut from it: the pattern
     * would not match there, but passing it over would be the error. */
    assert_true(bl_define_may_match(d, "\xc3\xa9" "error", 7));
    /* No Words: and no such Define: anything may match. */
    assert_true(bl_define_may_match(bl_rules_define(rules, "PLAIN"), "", 0));
    assert_true(bl_define_may_match(NULL, "", 0));
    bl_rules_free(rules);
}

static void
test_define_words_errors(void **state)
{
    char many[1200] = "Define: X\nPattern: x\nWords:";
    int i;

    (void)state;
    expect_load_error("Define: X\nPattern: x\nWords: ok bad-word\n",
                      "bad.rules:1: Words: \"bad-word\" holds more than");
    expect_load_error("Define: X\nPattern: x\nWords: a++b\n",
                      "Words: \"a++b\" has an empty word");
    expect_load_error("Define: X\nPattern: x\nWords: "
                      "abcdefghijklmnopqrstuvwxyzabcdefg\n", "over 32 bytes");
    for (i = 0; i < 65; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many), " w%d", i);
    strcat(many, "\n");
    expect_load_error(many, "more than 64 different words");
}

/* Rules read from files compile their own patterns. */
static void
test_rules_from_text_are_not_precompiled(void **state)
{
    bl_rules *rules = bl_rules_new();
    bl_regex **list;
    char err[256];
    size_t i, n;
    static const char text[] =
        "Rule: blame/test\nSeverity: warning\nCheck: patterns\n"
        "Summary: A test.\nExplain:\n A test.\n\n"
        "Match: blame/test\nPattern: \\bcareless\\b\nWords: careless\n"
        "Message: \"{0}\" judges.\nSuggest: Say what happened.\n"
        "Example: He was careless.\n";

    (void)state;
    assert_non_null(rules);
    assert_int_equal(bl_rules_parse(rules, "t.rules", text, sizeof text - 1,
                                    err, sizeof err), 0);
    assert_int_equal(bl_rules_finish(rules, 1, err, sizeof err), 0);
    n = bl_rules_regexes(rules, &list);
    assert_non_null(list);
    assert_true(n > 0);
    for (i = 0; i < n; i++)
        assert_null(list[i]->precompiled);
    assert_non_null(bl_regex_get(list[0]));
    free(list);
    bl_rules_free(rules);
}

/* A pattern's ' stands for ' and ’ alike, inside a character class too,
 * where a negated class leaves out both. */
static void
test_apostrophes_match_curly_ones(void **state)
{
    static const char text[] =
        "Rule: blame/test\nSeverity: warning\nCheck: patterns\n"
        "Summary: A test.\nExplain:\n A test.\n\n"
        "Match: blame/test\nPattern: \\bdidn't\\s+check\\b\n"
        " |\\bsoft[']stop\\b|\\bhard[^'a]stop\\b\n"
        "Words: didn't soft* hard*\n"
        "Message: \"{0}\" judges.\nSuggest: Say what happened.\n";
    static const struct {
        const char *doc;
        size_t found;
    } cases[] = {
        {"Bob didn't check.\n", 1},
        {"Bob didn’t check.\n", 1},
        {"Bob didn‘t check.\n", 0},   /* an opening quote mark */
        {"A soft'stop and a soft’stop.\n", 2},
        {"A hard-stop.\n", 1},
        {"A hard'stop, a hard’stop, a hardastop.\n", 0},
    };
    bl_rules *rules = bl_rules_new();
    char err[256];
    size_t i;

    (void)state;
    assert_non_null(rules);
    assert_int_equal(bl_rules_parse(rules, "t.rules", text, sizeof text - 1,
                                    err, sizeof err), 0);
    assert_int_equal(bl_rules_finish(rules, 1, err, sizeof err), 0);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bl_diags d;
        lint_text(rules, cases[i].doc, &d);
        if (tu_count_rule(&d, "blame/test") != cases[i].found)
            print_error("%s: %zu findings, not %zu\n", cases[i].doc,
                        tu_count_rule(&d, "blame/test"), cases[i].found);
        assert_int_equal(tu_count_rule(&d, "blame/test"), cases[i].found);
        bl_diags_free(&d);
    }
    bl_rules_free(rules);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_example_fires),
        cmocka_unit_test(test_every_clean_is_silent),
        cmocka_unit_test(test_every_entry_and_rule_is_documented),
        cmocka_unit_test(test_names_are_learned_from_the_document),
        cmocka_unit_test(test_quotes_code_and_block_quotes_are_not_the_authors_words),
        cmocka_unit_test(test_link_text_is_prose),
        cmocka_unit_test(test_veto_keeps_the_finding_it_would_have_displaced),
        cmocka_unit_test(test_messages_are_safe_to_print),
        cmocka_unit_test(test_names_are_learned_from_owner_columns_and_roles),
        cmocka_unit_test(test_fix_names_a_group_shared_by_branches),
        cmocka_unit_test(test_fix_counts_groups_of_the_whole_pattern),
        cmocka_unit_test(test_section_filters_use_definitions),
        cmocka_unit_test(test_one_finding_per_phrase),
        cmocka_unit_test(test_spans_map_to_source_bytes),
        cmocka_unit_test(test_fix_removes_the_minimizer),
        cmocka_unit_test(test_invalid_utf8_is_tolerated),
        cmocka_unit_test(test_findings_on_an_empty_title_are_not_empty),
        cmocka_unit_test(test_rules_dir_expands_word_forms),
        cmocka_unit_test(test_rule_file_errors_name_file_and_line),
        cmocka_unit_test(test_missing_section_span_is_never_empty),
        cmocka_unit_test(test_default_patterns_are_precompiled),
        cmocka_unit_test(test_rules_from_text_are_not_precompiled),
        cmocka_unit_test(test_apostrophes_match_curly_ones),
        cmocka_unit_test(test_a_nul_byte_is_a_rule_file_error),
        cmocka_unit_test(test_repeated_plus_in_words_names_no_empty_word),
        cmocka_unit_test(test_define_words_pass_over_text_without_them),
        cmocka_unit_test(test_define_words_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
