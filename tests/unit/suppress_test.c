/*
 * suppress_test.c: the blamelint-disable comments (every form, rule
 * lists, families, reasons), where they do not count (code), and
 * suppression/unused.
 */
#include <stdio.h>

#include "testutil.h"
#include "engine/rules.h"

static int
load_rules(void **state)
{
    bl_rules *rules = NULL;
    char err[512];

    if (bl_rules_load_default(&rules, err, sizeof err) != 0)
        return -1;
    /* Only the phrases and the suppressions: these documents are not
     * postmortems, but the structure rules stay out of the counts. */
    bl_rules_set_severity(rules, "section/*", BL_SEV_OFF);
    *state = rules;
    return 0;
}

static int
free_rules(void **state)
{
    bl_rules_free(*state);
    return 0;
}

/* How many findings of rule id (NULL: all) linting src gives. */
static size_t
count(const bl_rules *rules, const char *src, const char *id)
{
    bl_doc *doc = tu_parse(src);
    bl_diags d;
    size_t i, n = 0;

    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(rules, doc, &d), 0);
    for (i = 0; i < d.n; i++) {
        assert_true(d.items[i].end <= strlen(src));
        n += id == NULL || strcmp(d.items[i].rule->id, id) == 0;
    }
    bl_diags_free(&d);
    bl_doc_free(doc);
    return n;
}

#define JUDGE "blame/judgement"
#define UNUSED "suppression/unused"

static void
test_the_sentence_alone_is_reported(void **state)
{
    assert_int_equal(count(*state, "The DBA was careless.\n", JUDGE), 1);
}

static void
test_each_form_suppresses(void **state)
{
    static const char *const docs[] = {
        "The DBA was careless. <!-- blamelint-disable-line blame/judgement -->\n",
        "<!-- blamelint-disable-next-line blame/judgement -->\n"
        "The DBA was careless.\n",
        "<!-- blamelint-disable blame/judgement -->\n\nThe DBA was careless."
        "\n\n<!-- blamelint-enable blame/judgement -->\n",
        "# Notes\n\nThe DBA was careless.\n\n"
        "<!-- blamelint-disable-file blame/judgement -->\n",
        /* a family, a star, no rule at all */
        "The DBA was careless. <!-- blamelint-disable-line blame/* -->\n",
        "The DBA was careless. <!-- blamelint-disable-line * -->\n",
        "The DBA was careless. <!-- blamelint-disable-line -->\n",
        /* a list, with commas, and a reason; a reason alone */
        "The engineer just restarted it. The DBA was careless. <!-- "
        "blamelint-disable-line blame/minimizer, blame/judgement: quoted "
        "from the ticket -->\n",
        "The DBA was careless. <!-- blamelint-disable-line: a quote -->\n",
        /* CRLF */
        "<!-- blamelint-disable-next-line blame/judgement -->\r\n"
        "The DBA was careless.\r\n",
        /* a comment spread over lines, in an HTML block */
        "<!--\n  blamelint-disable-next-line\n  blame/judgement\n-->\n"
        "The DBA was careless.\n",
    };
    size_t i;

    for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        if (count(*state, docs[i], NULL) != 0)
            fail_msg("case %zu: a finding is left:\n%s", i, docs[i]);
    }
}

static void
test_a_suppression_covers_only_its_place_and_rules(void **state)
{
    const bl_rules *rules = *state;

    /* The line after the one named. */
    assert_int_equal(count(rules, "<!-- blamelint-disable-next-line "
                           "blame/judgement -->\nFine.\n\nThe DBA was "
                           "careless.\n", JUDGE), 1);
    /* Another rule. */
    assert_int_equal(count(rules, "The DBA was careless. <!-- blamelint-"
                           "disable-line blame/minimizer -->\n", JUDGE), 1);
    /* After the enable. */
    assert_int_equal(count(rules, "<!-- blamelint-disable -->\n\nThe DBA was "
                           "careless.\n\n<!-- blamelint-enable -->\n\nThe "
                           "operator was sloppy.\n", JUDGE), 1);
    /* Before the disable. */
    assert_int_equal(count(rules, "The DBA was careless.\n\n<!-- blamelint-"
                           "disable blame/judgement -->\n\nThe operator was "
                           "sloppy.\n", JUDGE), 1);
    /* An enable of one rule leaves the others disabled. */
    assert_int_equal(count(rules, "<!-- blamelint-disable blame/* -->\n\n"
                           "<!-- blamelint-enable blame/minimizer -->\n\n"
                           "The DBA was careless.\n", JUDGE), 0);
}

/* The same text in code is an example, not a suppression. */
static void
test_comments_in_code_do_not_count(void **state)
{
    const bl_rules *rules = *state;

    assert_int_equal(count(rules, "The DBA was careless. `<!-- blamelint-"
                           "disable-line -->`\n", JUDGE), 1);
    assert_int_equal(count(rules, "```\n<!-- blamelint-disable-file -->\n"
                           "```\n\nThe DBA was careless.\n", JUDGE), 1);
    assert_int_equal(count(rules, "    <!-- blamelint-disable-file -->\n\n"
                           "The DBA was careless.\n", JUDGE), 1);
    /* Not ours, or not closed. */
    assert_int_equal(count(rules, "The DBA was careless. <!-- blamelintx-"
                           "disable-line -->\n", JUDGE), 1);
    assert_int_equal(count(rules, "The DBA was careless.\n\n<!-- blamelint-"
                           "disable-file\n", JUDGE), 1);
}

static void
test_unused_suppressions_are_reported(void **state)
{
    const bl_rules *rules = *state;

    assert_int_equal(count(rules, "Fine. <!-- blamelint-disable-line "
                           "blame/judgement -->\n", UNUSED), 1);
    assert_int_equal(count(rules, "<!-- blamelint-disable-file -->\n\nFine.\n",
                           UNUSED), 0);     /* it quiets itself too */
    assert_int_equal(count(rules, "<!-- blamelint-disable -->\n\nFine.\n",
                           UNUSED), 1);
    /* One of two rules unused: reported, naming it. */
    assert_int_equal(count(rules, "The DBA was careless. <!-- blamelint-"
                           "disable-line blame/judgement blame/minimizer "
                           "-->\n", UNUSED), 1);
    /* A misspelt id. */
    assert_int_equal(count(rules, "The DBA was careless. <!-- blamelint-"
                           "disable-line blame/judgment -->\n", UNUSED), 1);
    /* A used one, and an enable, are not. */
    assert_int_equal(count(rules, "<!-- blamelint-disable blame/* -->\n\n"
                           "The DBA was careless.\n\n<!-- blamelint-enable "
                           "blame/* -->\n", UNUSED), 0);
    /* A disable-file of the rule itself quiets it. */
    assert_int_equal(count(rules, "<!-- blamelint-disable-file "
                           "suppression/unused -->\n\nFine. <!-- blamelint-"
                           "disable-line blame/judgement -->\n", UNUSED), 0);
}

static void
test_a_rule_turned_off_leaves_its_comments_alone(void **state)
{
    bl_rules *rules = *state;
    const char *src = "Fine. <!-- blamelint-disable-line blame/judgement -->\n";

    assert_true(bl_rules_set_severity(rules, JUDGE, BL_SEV_OFF) > 0);
    assert_int_equal(count(rules, src, UNUSED), 0);
    assert_true(bl_rules_set_severity(rules, JUDGE, BL_SEV_ON) > 0);
    assert_int_equal(count(rules, src, UNUSED), 1);
    assert_true(bl_rules_set_severity(rules, UNUSED, BL_SEV_OFF) > 0);
    assert_int_equal(count(rules, src, UNUSED), 0);
    assert_true(bl_rules_set_severity(rules, UNUSED, BL_SEV_ON) > 0);
}

/* A comment spread over the lines of a block quote: the ">" markers are
 * not rule ids. */
static void
test_quote_markers_are_not_rules(void **state)
{
    bl_doc *doc = tu_parse("> <!-- blamelint-disable-next-line\n"
                           "> blame/judgement -->\n> Fine.\n");
    bl_diags d;

    memset(&d, 0, sizeof d);
    assert_int_equal(bl_lint(*state, doc, &d), 0);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.items[0].rule->id, UNUSED);
    assert_non_null(strstr(d.items[0].message, "no blame/judgement finding"));
    bl_diags_free(&d);
    bl_doc_free(doc);
}

/* A "<!--" inside an attribute opens no comment, however long the text
 * after it (this was quadratic). */
static void
test_an_unclosed_comment_start_in_an_attribute(void **state)
{
    size_t n = 200000, i, len = 0;
    static const char head[] = "<a title=\"<!--\">x</a> The DBA was careless.\n";
    char *src = malloc(sizeof head + n * 24 + 8);

    assert_non_null(src);
    memcpy(src, head, sizeof head - 1);
    len = sizeof head - 1;
    for (i = 0; i < n; i++) {
        memcpy(src + len, "<b>x</b> is fine here.\n", 23);
        len += 23;
    }
    src[len] = '\0';
    assert_int_equal(count(*state, src, JUDGE), 1);
    free(src);
}

/* Many comments: bounded work, and the findings still come out. */
static void
test_many_comments(void **state)
{
    size_t n = 20000, i, len = 0;
    static const char comment[] = "<!-- blamelint-disable-line blame/x -->\n";
    char *src = malloc(n * (sizeof comment - 1) + 64);

    assert_non_null(src);
    for (i = 0; i < n; i++) {
        memcpy(src + len, comment, sizeof comment - 1);
        len += sizeof comment - 1;
    }
    memcpy(src + len, "\nThe DBA was careless.\n", 24);
    assert_int_equal(count(*state, src, JUDGE), 1);
    free(src);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_sentence_alone_is_reported),
        cmocka_unit_test(test_each_form_suppresses),
        cmocka_unit_test(test_a_suppression_covers_only_its_place_and_rules),
        cmocka_unit_test(test_comments_in_code_do_not_count),
        cmocka_unit_test(test_unused_suppressions_are_reported),
        cmocka_unit_test(test_a_rule_turned_off_leaves_its_comments_alone),
        cmocka_unit_test(test_many_comments),
        cmocka_unit_test(test_quote_markers_are_not_rules),
        cmocka_unit_test(test_an_unclosed_comment_start_in_an_attribute),
    };

    return cmocka_run_group_tests(tests, load_rules, free_rules);
}
