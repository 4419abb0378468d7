/*
 * spelling_test.c: spelling/unknown-word.  What is never checked (code,
 * URLs, handles, paths, acronyms, identifiers, quotations) and what is;
 * spans, suggestions and fixes; the word list file, team names, allowed
 * phrases and words added at run time; the dictionary loaded only when
 * there is a word to look up, found in DICPATH, and a clear error when it
 * is missing.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"
#include "engine/rules.h"

#define SPELL "spelling/unknown-word"

/* The default rules with spelling on and everything else off. */
static bl_rules *
spelling_rules(void)
{
    bl_rules *rules = NULL;
    char err[512];

    assert_int_equal(bl_rules_load_default(&rules, err, sizeof err), 0);
    assert_true(bl_rules_set_severity(rules, "*", BL_SEV_OFF) > 0);
    assert_int_equal(bl_rules_set_severity(rules, SPELL, BL_SEV_ON), 1);
    assert_int_equal(bl_rules_set(rules, "spelling.wordlist", "", err,
                                  sizeof err), 0);
    return rules;
}

/* The words spelling/unknown-word flags in src, space-separated, each
 * with "=>FIX" when it has a fix ("recieved=>received Haruto"). */
static char *
flagged(const bl_rules *rules, const char *src)
{
    bl_doc *doc = tu_parse(src);
    bl_diags d;
    char *out = calloc(1, 4096);
    size_t i;

    assert_non_null(out);
    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(rules, doc, &d), 0);
    for (i = 0; i < d.n; i++) {
        const bl_diag *g = &d.items[i];
        size_t n = strlen(out);
        assert_string_equal(g->rule->id, SPELL);
        assert_true(g->begin < g->end && g->end <= strlen(src));
        snprintf(out + n, 4096 - n, "%s%.*s%s%s", n ? " " : "",
                 (int)(g->end - g->begin), src + g->begin,
                 g->fix ? "=>" : "", g->fix ? g->fix : "");
    }
    bl_diags_free(&d);
    bl_doc_free(doc);
    return out;
}

#define assert_flagged(rules, src, want) do { \
        char *got_ = flagged((rules), (src)); \
        assert_string_equal(got_, (want)); \
        free(got_); \
    } while (0)

static void
write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");

    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* --- Never checked ------------------------------------------------------- */

static void
test_code_urls_handles_and_paths_are_never_checked(void **state)
{
    bl_rules *rules = spelling_rules();

    (void)state;
    assert_flagged(rules,
        "# Notes\n\n"
        "Run `kubctl get podz` first.\n\n"
        "```\nrecieved teh mesage\n```\n\n"
        "    indentd code blok\n\n"
        "See https://exmaple.com/recieved and <https://exmaple.org/x> and "
        "www.exmaple.net today.\n\n"
        "Ask @dnaa or write to dnaa@exmaple.com in #inc-paymnts.\n\n"
        "Edit /etc/nginx/sitez.conf, C:\\Windoze\\sytem and confg.yaml or "
        ".envrc, then run --dry-runn with replicaz=3.\n", "");
    bl_rules_free(rules);
}

static void
test_acronyms_identifiers_and_digits_are_skipped(void **state)
{
    bl_rules *rules = spelling_rules();

    (void)state;
    assert_flagged(rules,
        "# Notes\n\n"
        "The TTL of the PRs and APIs was short; PagerDuty, OAuth, ADSync and "
        "macOS were fine. TOAST'ed rows, max_conns and pm-0001 and p99 and "
        "SHA-256 and v1.2.3 and e.g. the XXX and yyyy slots.\n", "");
    bl_rules_free(rules);
}

static void
test_quotations_are_never_checked(void **state)
{
    bl_rules *rules = spelling_rules();

    (void)state;
    assert_flagged(rules,
        "# Notes\n\n"
        "The log said \"conection refusd\" twice, and \xe2\x80\x9cteh "
        "sevrer\xe2\x80\x9d once, and 'wrnog' and "
        "\xe2\x80\x98hsot\xe2\x80\x99 too.\n\n"
        "> 14:02 bob: sry, forgto the flagg\n", "");
    /* An apostrophe is no quotation mark: 'til opens nothing. */
    assert_flagged(rules, "# Notes\n\nWe waited 'til the recieved page.\n",
                   "recieved=>received");
    bl_rules_free(rules);
}

static void
test_contractions_possessives_and_hyphens(void **state)
{
    bl_rules *rules = spelling_rules();

    (void)state;
    assert_flagged(rules,
        "# Notes\n\n"
        "It's the engineers' laptops; Bob's and the on-call engineer's "
        "pager didn\xe2\x80\x99t ring, and we didn't re-run the pre-prod "
        "job.\n", "");
    /* The name, not its "'s"; the part of a hyphenated word that is
     * unknown. */
    assert_flagged(rules, "# Notes\n\nZorblax's pager and the pre-prodd "
                   "cluster.\n", "Zorblax prodd=>prods");
    bl_rules_free(rules);
}

/* --- What is reported ---------------------------------------------------- */

static void
test_unknown_words_with_spans_suggestions_and_fixes(void **state)
{
    bl_rules *rules = spelling_rules();
    const char *src = "# Teh outage\n\nThe alert was never recieved.\n\n"
                      "| Who | What |\n|---|---|\n| Dana | restartd it |\n\n"
                      "See [the runbok](https://x.example/rb).\n";
    bl_doc *doc = tu_parse(src);
    bl_diags d;

    (void)state;
    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(rules, doc, &d), 0);
    assert_int_equal(d.n, 4);
    /* In a heading, in prose, in a table cell, in link text. */
    assert_int_equal(d.items[0].begin, tu_off(doc, "Teh"));
    assert_int_equal(d.items[0].end, tu_off(doc, "Teh") + 3);
    assert_string_equal(d.items[0].fix, "The");
    assert_string_equal(d.items[1].message,
                        "Unknown word 'recieved'; did you mean 'received'?");
    assert_string_equal(d.items[1].fix, "received");
    assert_int_equal(d.items[2].begin, tu_off(doc, "restartd"));
    assert_int_equal(d.items[3].begin, tu_off(doc, "runbok"));
    assert_int_equal(d.items[3].severity, BL_SEV_INFO);
    assert_false(d.items[3].rule->fix_safe);   /* --fix never applies it */
    bl_diags_free(&d);
    bl_doc_free(doc);
    bl_rules_free(rules);
}

static void
test_no_fix_across_markup_and_no_far_guess(void **state)
{
    bl_rules *rules = spelling_rules();

    (void)state;
    /* "re**cieved**" reads "recieved", but replacing its source would
     * drop the emphasis: a finding without a fix. */
    assert_flagged(rules, "# Notes\n\nIt was re**cieved** late.\n",
                   "re**cieved");
    /* No guess within two edits: reported, with no suggestion. */
    assert_flagged(rules, "# Notes\n\nThe zqxjkvw broke.\n", "zqxjkvw");
    bl_rules_free(rules);
}

/* A capitalised word inside a sentence is a name, also after a colon
 * ("Owner: Pietro"); a sentence's first word is still checked. */
static void
test_names_inside_a_sentence_are_not_checked(void **state)
{
    bl_rules *rules = spelling_rules();

    (void)state;
    assert_flagged(rules,
        "# Notes\n\n"
        "We paged Pietro and Shai, then moved the chat from Zulip to "
        "Gmail (see Dagster and [Tailscale](https://t.example)).\n", "");
    assert_flagged(rules, "# Notes\n\nPietro paged us. Recieved: Zulip.\n",
                   "Pietro Recieved=>Received");
    bl_rules_free(rules);
}

/* Only a slip one edit away, with the word's first letter, is suggested;
 * a word cut in two only where that frees a small word run into the next. */
static void
test_suggestions_are_typing_slips_only(void **state)
{
    bl_rules *rules = spelling_rules();

    (void)state;
    assert_flagged(rules,
        "# Notes\n\n"
        "It was recomended alot, infact aswell, atleast in the postmorten.\n",
        "recomended=>recommended alot=>a lot infact=>in fact "
        "aswell=>as well atleast=>at least postmorten=>postmortem");
    /* Terms the dictionary lacks, whose guesses would be noise: two edits
     * away ("blowjobs", "timecard"), a prefix dropped ("intuitive"), or a
     * mere cut ("jupyter hub", "a met"; "ament" is one edit away). */
    assert_flagged(rules,
        "# Notes\n\n"
        "the prowjobs, timelord, unintuitive, jupyterhub and amet.\n",
        "prowjobs timelord unintuitive jupyterhub amet=>ament");
    bl_rules_free(rules);
}

static void
test_suggestions_are_limited_per_document(void **state)
{
    bl_rules *rules = spelling_rules();
    char err[256];

    (void)state;
    assert_int_equal(bl_rules_set(rules, "spelling.suggestions", "1", err,
                                  sizeof err), 0);
    /* The first different unknown word gets one, every time it occurs;
     * the next does not, even once another document asked for it. */
    assert_flagged(rules, "# Notes\n\nrecieved teh recieved\n",
                   "recieved=>received teh recieved=>received");
    assert_flagged(rules, "# Notes\n\nteh\n", "teh=>the");
    assert_flagged(rules, "# Notes\n\nrecieved teh\n",
                   "recieved=>received teh");
    assert_int_equal(bl_rules_set(rules, "spelling.suggestions", "0", err,
                                  sizeof err), 0);
    assert_flagged(rules, "# Notes\n\nrecieved\n", "recieved");
    bl_rules_free(rules);
}

/* --- Known words --------------------------------------------------------- */

static void
test_word_list_is_read_again_when_it_changes(void **state)
{
    char dir[] = "/tmp/bl-spelling-XXXXXX", path[64], err[256];
    bl_rules *rules = spelling_rules();
    struct timespec later[2];

    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/words.txt", dir);
    assert_int_equal(bl_rules_set(rules, "spelling.wordlist", path, err,
                                  sizeof err), 0);
    /* Not there yet: an empty list, no error. */
    assert_flagged(rules, "# Notes\n\nZorblax ran frobnik.\n",
                   "Zorblax frobnik");
    write_file(path, "# the team's words\nfrobnik\n  Zorblax  \n\n");
    /* A name only as written; a word in lower case capitalised too.  The
     * list's words are the dictionary's: suggestions draw on them. */
    assert_flagged(rules, "# Notes\n\nZorblax ran frobnik. Frobnik ran. "
                   "zorblax ran.\n", "zorblax=>Zorblax");
    /* Rewritten: the word taken out is unknown again. */
    write_file(path, "frobnik\n");
    later[0].tv_sec = later[1].tv_sec = time(NULL) + 5;
    later[0].tv_nsec = later[1].tv_nsec = 0;
    assert_int_equal(utimensat(AT_FDCWD, path, later, 0), 0);
    assert_flagged(rules, "# Notes\n\nZorblax ran frobnik.\n", "Zorblax");
    unlink(path);
    assert_flagged(rules, "# Notes\n\nfrobnik\n", "frobnik");
    /* A directory where the list should be is an error that says so. */
    assert_int_equal(bl_rules_set(rules, "spelling.wordlist", dir, err,
                                  sizeof err), 0);
    {
        bl_doc *doc = tu_parse("# Notes\n\nfrobnik\n");
        bl_diags d;
        memset(&d, 0, sizeof d);
        assert_int_equal(bl_lint(rules, doc, &d), BL_EDATA);
        assert_non_null(strstr(bl_rules_error(rules), "is not a file"));
        bl_diags_free(&d);
        bl_doc_free(doc);
    }
    rmdir(dir);
    bl_rules_free(rules);
}

static void
test_team_allowed_and_added_words_are_known(void **state)
{
    bl_rules *rules = spelling_rules();

    (void)state;
    assert_int_equal(bl_rules_add_person(rules, "Haruto"), 0);
    assert_int_equal(bl_rules_add_person(rules, "@qlorp"), 0);
    assert_int_equal(bl_rules_allow_phrase(rules, "the Zintek service"), 0);
    assert_flagged(rules, "# Notes\n\nHaruto fixed it. Qlorp fixed zintek. "
                   "Zqvrel broke.\n", "Zqvrel");
    /* Added while running (the language server's "Add to word list"):
     * known from the next lint on, without reloading anything. */
    assert_int_equal(bl_rules_add_word(rules, "Zqvrel"), 0);
    assert_flagged(rules, "# Notes\n\nZqvrel and zqvrel.\n",
                   "zqvrel=>Zqvrel");
    /* Incident vocabulary and system names, in either case. */
    assert_flagged(rules, "# Notes\n\nThe runbook said failover; nginx, "
                   "Grafana and github were up.\n", "");
    bl_rules_free(rules);
}

/* --- Loading the dictionary ---------------------------------------------- */

static void
test_dictionary_is_not_loaded_when_off_or_not_needed(void **state)
{
    char dir[] = "/tmp/bl-dicpath-XXXXXX";
    bl_rules *rules = NULL;
    char err[512];
    bl_doc *doc;
    bl_diags d;

    (void)state;
    assert_non_null(mkdtemp(dir));
    /* No dictionary anywhere: a check with spelling off never asks. */
    setenv("DICPATH", dir, 1);
    assert_int_equal(bl_rules_load_default(&rules, err, sizeof err), 0);
    doc = tu_parse("# Notes\n\nThe alert was never recieved.\n");
    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(rules, doc, &d), 0);
    assert_int_equal(tu_count_rule(&d, SPELL), 0);
    assert_null(bl_rules_family_cache(rules, "spelling"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    /* On, but nothing to look up: code, a URL, an acronym. */
    bl_rules_set_severity(rules, SPELL, BL_SEV_ON);
    doc = tu_parse("# TTL\n\n```\nrecieved\n```\n\nhttps://x.example/y\n");
    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(rules, doc, &d), 0);
    assert_null(bl_rules_family_cache(rules, "spelling"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    unsetenv("DICPATH");
    rmdir(dir);
    bl_rules_free(rules);
}

static void
test_missing_dictionary_is_an_error_that_names_it(void **state)
{
    char dir[] = "/tmp/bl-dicpath-XXXXXX";
    bl_rules *rules = spelling_rules();
    char err[256];
    bl_doc *doc = tu_parse("# Notes\n\nThe DBA was careless. It was "
                           "recieved.\n");
    bl_diags d;

    (void)state;
    assert_non_null(mkdtemp(dir));
    bl_rules_set_severity(rules, "blame/judgement", BL_SEV_ON);
    setenv("DICPATH", dir, 1);
    memset(&d, 0, sizeof d);
    /* The other rules still report. */
    assert_int_equal(bl_lint(rules, doc, &d), BL_EDATA);
    assert_int_equal(tu_count_rule(&d, "blame/judgement"), 1);
    assert_non_null(strstr(bl_rules_error(rules), "\"en_US\""));
    assert_non_null(strstr(bl_rules_error(rules), dir));
    assert_non_null(strstr(bl_rules_error(rules), "DICPATH"));
    bl_diags_free(&d);
    /* Installed since: the next check finds it. */
    unsetenv("DICPATH");
    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(rules, doc, &d), 0);
    assert_int_equal(tu_count_rule(&d, SPELL), 1);
    bl_diags_free(&d);
    /* A language that is not installed. */
    assert_int_equal(bl_rules_set(rules, "spelling.language", "xx_XX", err,
                                  sizeof err), 0);
    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(rules, doc, &d), BL_EDATA);
    assert_non_null(strstr(bl_rules_error(rules), "\"xx_XX\" (xx_XX.aff "
                                                  "and xx_XX.dic) in "
                                                  "/usr/share/hunspell"));
    bl_diags_free(&d);
    bl_doc_free(doc);
    rmdir(dir);
    bl_rules_free(rules);
}

/* A dictionary of three words in a DICPATH directory of its own; one in
 * ISO 8859-1, whose readers get only ASCII words. */
static void
test_dicpath_and_a_dictionary_of_our_own(void **state)
{
    char dir[] = "/tmp/bl-dict-XXXXXX", path[96], err[256];
    bl_rules *rules = spelling_rules();

    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/tiny.aff", dir);
    write_file(path, "SET UTF-8\n");
    snprintf(path, sizeof path, "%s/tiny.dic", dir);
    write_file(path, "3\nalpha\nbeta\ngamma\n");
    snprintf(path, sizeof path, "%s/latin.aff", dir);
    write_file(path, "SET ISO8859-1\n");
    snprintf(path, sizeof path, "%s/latin.dic", dir);
    write_file(path, "1\nalpha\n");
    setenv("DICPATH", dir, 1);
    assert_int_equal(bl_rules_set(rules, "spelling.language", "tiny", err,
                                  sizeof err), 0);
    assert_flagged(rules, "# Alpha\n\nbeta gamma zqvrel\n", "zqvrel");
    assert_int_equal(bl_rules_set(rules, "spelling.language", "latin", err,
                                  sizeof err), 0);
    assert_flagged(rules, "# Alpha\n\nzqvrel Zo\xc3\xab alpha\n", "zqvrel");
    unsetenv("DICPATH");
    unlink(path);
    snprintf(path, sizeof path, "%s/latin.aff", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/tiny.dic", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/tiny.aff", dir);
    unlink(path);
    rmdir(dir);
    bl_rules_free(rules);
}

static void
test_settings_take_names_and_paths(void **state)
{
    bl_rules *rules = spelling_rules();
    char err[256];

    (void)state;
    assert_string_equal(bl_rules_setting(rules, "spelling.language"),
                        "en_US");
    assert_int_equal(bl_rules_set(rules, "spelling.language", "en_GB-ise",
                                  err, sizeof err), 0);
    /* A name is no path: a language cannot reach another directory. */
    assert_int_equal(bl_rules_set(rules, "spelling.language", "../en_US",
                                  err, sizeof err), -1);
    assert_non_null(strstr(err, "spelling.language takes a name"));
    assert_int_equal(bl_rules_set(rules, "spelling.language", "", err,
                                  sizeof err), -1);
    assert_string_equal(bl_rules_setting(rules, "spelling.language"),
                        "en_GB-ise");
    assert_int_equal(bl_rules_set(rules, "spelling.wordlist",
                                  "docs/team words.txt", err, sizeof err), 0);
    assert_int_equal(bl_rules_set(rules, "spelling.wordlist", "a\nb", err,
                                  sizeof err), -1);
    assert_null(bl_rules_setting(rules, "spelling.nope"));
    bl_rules_free(rules);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_code_urls_handles_and_paths_are_never_checked),
        cmocka_unit_test(test_acronyms_identifiers_and_digits_are_skipped),
        cmocka_unit_test(test_quotations_are_never_checked),
        cmocka_unit_test(test_contractions_possessives_and_hyphens),
        cmocka_unit_test(test_unknown_words_with_spans_suggestions_and_fixes),
        cmocka_unit_test(test_no_fix_across_markup_and_no_far_guess),
        cmocka_unit_test(test_names_inside_a_sentence_are_not_checked),
        cmocka_unit_test(test_suggestions_are_typing_slips_only),
        cmocka_unit_test(test_suggestions_are_limited_per_document),
        cmocka_unit_test(test_word_list_is_read_again_when_it_changes),
        cmocka_unit_test(test_team_allowed_and_added_words_are_known),
        cmocka_unit_test(test_dictionary_is_not_loaded_when_off_or_not_needed),
        cmocka_unit_test(test_missing_dictionary_is_an_error_that_names_it),
        cmocka_unit_test(test_dicpath_and_a_dictionary_of_our_own),
        cmocka_unit_test(test_settings_take_names_and_paths),
    };

    unsetenv("DICPATH");    /* the tests set it where they mean to */
    return cmocka_run_group_tests(tests, NULL, NULL);
}
