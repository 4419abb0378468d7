/*
 * regex_test.c: splitting a pattern at its top-level alternatives, and
 * searching with the parts finding exactly what the whole pattern finds
 * (src/engine/regex.c).
 */
#include "testutil.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "engine/regex.h"

/* --- bl_regex_split ------------------------------------------------------ */

/* Splits src and checks the cut offsets against want[0..n). */
static void
expect_cuts(const char *src, const size_t *want, size_t n)
{
    size_t cut[8], got = bl_regex_split(src, cut, 8), i;

    if (got != n)
        print_error("%s: %zu cuts, want %zu\n", src, got, n);
    assert_int_equal(got, n);
    for (i = 0; i < n; i++)
        assert_int_equal(cut[i], want[i]);
}

#define CUTS(src, ...)                                                    \
    do {                                                                  \
        static const size_t want_[] = {__VA_ARGS__};                      \
        expect_cuts(src, want_, sizeof want_ / sizeof want_[0]);          \
    } while (0)
#define WHOLE(src) expect_cuts(src, NULL, 0)

static void
test_split_cuts_only_top_level_bars(void **state)
{
    (void)state;
    CUTS("a|b", 1);
    CUTS("due|eta|by", 3, 7);
    CUTS("(a|b)|c", 5);
    CUTS("(?:a|b)c|d", 8);
    CUTS("(?<name>a|b)|c", 12);
    CUTS("(?i:a|b)|c", 8);          /* a setting that opens a group */
    CUTS("(a(?i)b|c)|d", 10);       /* a setting inside a group */
}

static void
test_split_ignores_bars_that_are_not_alternation(void **state)
{
    (void)state;
    CUTS("[|]|x", 3);               /* in a class */
    CUTS("[]|]|x", 4);              /* "]" first in a class is a literal */
    CUTS("[^]|]|x", 5);
    CUTS("\\||x", 2);               /* escaped */
    CUTS("[[:alpha:]|]|b", 12);     /* a POSIX class inside a class */
    CUTS("(?=a|b)c|d", 8);          /* in a lookahead */
    CUTS("(?<!a|b)c|d", 9);
    WHOLE("abc");
    WHOLE("(a|b|c)");
}

static void
test_split_refuses_what_could_change_the_meaning(void **state)
{
    (void)state;
    WHOLE("(?i)a|b");               /* the setting reaches every part */
    WHOLE("x(?i)y|z");
    WHOLE("(a)|\\1");               /* a part refers to another's group */
    WHOLE("(?<n>a)|\\k<n>");
    WHOLE("(?<n>a)|\\g{n}");
    WHOLE("(a)|(?1)");
    WHOLE("(?R)|a");
    WHOLE("(?&n)|a");
    WHOLE("(?(1)a|b)|c");
    WHOLE("(*COMMIT)a|b");          /* verbs act across the alternation */
    WHOLE("(?x)a # c | d");         /* extended: '#' starts a comment */
    WHOLE("(?x:a # c | d)|e");
    WHOLE("(?#a|b)c|d");
    WHOLE("\\Qa|b\\E|c");
    WHOLE("a)|b");                  /* unbalanced */
    WHOLE("(a|b");
    WHOLE("[a|b");
    WHOLE("a\\");
}

static void
test_split_gives_up_past_its_limit(void **state)
{
    size_t cut[2];

    (void)state;
    assert_int_equal(bl_regex_split("a|b|c", cut, 2), 2);
    assert_int_equal(bl_regex_split("a|b|c|d", cut, 2), 0);
}

/* --- bl_regex_match on a split pattern ----------------------------------- */

/* The group named "n", when a match sets it, is the same text read
 * through either code's name table. */
static void
expect_same_name(const pcre2_code *a, pcre2_match_data *md_a,
                 const pcre2_code *b, pcre2_match_data *md_b, int rc_a,
                 int rc_b)
{
    PCRE2_SPTR first, last;
    PCRE2_SIZE *ov_a = pcre2_get_ovector_pointer(md_a);
    PCRE2_SIZE *ov_b = pcre2_get_ovector_pointer(md_b);
    PCRE2_SIZE at[2][2] = {{PCRE2_UNSET, PCRE2_UNSET},
                           {PCRE2_UNSET, PCRE2_UNSET}};
    int g, size;

    size = pcre2_substring_nametable_scan(a, (PCRE2_SPTR)"n", &first, &last);
    for (; size > 0 && first <= last; first += size) {
        g = (first[0] << 8) | first[1];
        if (g < rc_a && ov_a[2 * g] != PCRE2_UNSET)
            memcpy(at[0], ov_a + 2 * g, sizeof at[0]);
    }
    size = pcre2_substring_nametable_scan(b, (PCRE2_SPTR)"n", &first, &last);
    for (; size > 0 && first <= last; first += size) {
        g = (first[0] << 8) | first[1];
        if (g < rc_b && ov_b[2 * g] != PCRE2_UNSET)
            memcpy(at[1], ov_b + 2 * g, sizeof at[1]);
    }
    assert_memory_equal(at[0], at[1], sizeof at[0]);
}

/* Searches subject from start with src both ways, whole (pcre2_match) and
 * through bl_regex_match, and checks they agree on whether, where and
 * what matched; anchored, both try src only at start, as the rule
 * entries do. */
static void
expect_same(const char *src, const char *subject, size_t start, int anchored)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *whole = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
                                      BL_PCRE2_OPTIONS
                                      | (anchored ? PCRE2_ANCHORED : 0),
                                      &err, &off, NULL);
    pcre2_match_data *md1 = pcre2_match_data_create(16, NULL);
    pcre2_match_data *md2 = pcre2_match_data_create(16, NULL);
    bl_regex re;
    size_t len = strlen(subject);
    int rc1, rc2;

    assert_non_null(whole);
    memset(&re, 0, sizeof re);
    re.src = tu_dup(src, strlen(src) + 1);
    re.anchored = re.is_split_anchored = anchored;
    assert_non_null(bl_regex_get(&re));
    assert_true(re.n_alts > 1);     /* the test is about split patterns */
    rc1 = pcre2_match(whole, (PCRE2_SPTR)subject, len, start,
                      BL_PCRE2_MATCH_OPTIONS, md1, NULL);
    rc2 = bl_regex_match(&re, subject, len, start, md2);
    if ((rc1 >= 0) != (rc2 >= 0))
        print_error("/%s/ on \"%s\": whole %d, split %d\n", src, subject, rc1,
                    rc2);
    assert_int_equal(rc1 >= 0, rc2 >= 0);
    if (rc1 >= 0) {
        PCRE2_SIZE *a = pcre2_get_ovector_pointer(md1);
        PCRE2_SIZE *b = pcre2_get_ovector_pointer(md2);
        if (a[0] != b[0] || a[1] != b[1])
            print_error("/%s/ on \"%s\": whole [%zu,%zu), split [%zu,%zu)\n",
                        src, subject, (size_t)a[0], (size_t)a[1],
                        (size_t)b[0], (size_t)b[1]);
        assert_int_equal(a[0], b[0]);
        assert_int_equal(a[1], b[1]);
        assert_int_equal(pcre2_get_startchar(md1), pcre2_get_startchar(md2));
        expect_same_name(whole, md1, bl_regex_hit(&re), md2, rc1, rc2);
    }
    pcre2_code_free(whole);
    pcre2_match_data_free(md1);
    pcre2_match_data_free(md2);
    bl_regex_free(&re);
}

static void
expect_same_match(const char *src, const char *subject, size_t start)
{
    expect_same(src, subject, start, 0);
}

static void
test_split_match_finds_the_leftmost_match(void **state)
{
    (void)state;
    expect_same_match("eta|due", "due by eta", 0);
    expect_same_match("eta|due", "due by eta", 1);
    expect_same_match("eta|due", "nothing here", 0);
    expect_same_match("\\bq[1-4]\\b|\\d{4}-\\d\\d-\\d\\d", "in Q3, by 2025-03-01",
                      0);
    expect_same_match("\\bq[1-4]\\b|\\d{4}-\\d\\d-\\d\\d", "by 2025-03-01 or Q3",
                      0);
}

static void
test_split_match_prefers_the_earlier_part_at_one_place(void **state)
{
    (void)state;
    expect_same_match("ab|a", "xab", 0);    /* the longer, first */
    expect_same_match("a|ab", "xab", 0);    /* the shorter, first */
    expect_same_match("b|a|ab", "xab", 0);
}

static void
test_split_match_orders_by_where_the_attempt_began(void **state)
{
    (void)state;
    /* \K reports a start after where the attempt began: the whole pattern
     * takes the attempt that began first, not the earliest reported. */
    expect_same_match("was\\s+\\w+\\s+\\Kby\\s+\\w+|\\w+ed\\b",
                      "it was approved by Bob", 0);
    expect_same_match("(?<=x)a|xa", "xa", 0);
}

/* Tried at one place, the first part that matches there wins, as in the
 * whole pattern; a part that cannot start with the byte there is passed
 * over, and the name group is read through the part that matched. */
static void
test_anchored_split_takes_the_first_part_that_matches(void **state)
{
    (void)state;
    expect_same("ab|a", "xab", 1, 1);
    expect_same("a|ab", "xab", 1, 1);
    expect_same("b|a|ab", "xab", 1, 1);
    expect_same("eta|due", "due by eta", 1, 1);      /* none at 1 */
    expect_same("eta|due", "due by eta", 7, 1);
    expect_same("(?<n>[A-Z]\\w+) paged|paged (?<n>[A-Z]\\w+)|\\w+",
                "paged Bob", 0, 1);
    expect_same("(?<n>[A-Z]\\w+) paged|paged (?<n>[A-Z]\\w+)|\\w+",
                "Bob paged", 0, 1);
    expect_same("(?<=by )(?<n>\\w+)|by|(?<n>b)", "fixed by Bob", 9, 1);
    expect_same("\\bx|[a-z]+|\\d", "by 2025", 3, 1);
}

/* PCRE2 returns 0 when the match data has too few pairs for the groups
 * a match sets, and the part that matched numbers its groups from 1: so
 * with too few pairs for the whole pattern's groups, it is tried whole. */
static void
test_anchored_split_needs_room_for_every_group(void **state)
{
    char src[128] = "";
    bl_regex re;
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    int i;

    (void)state;
    for (i = 0; i < 20; i++)
        strcat(src, "(a)");
    strcat(src, "|(b)");
    memset(&re, 0, sizeof re);
    re.src = tu_dup(src, strlen(src) + 1);
    re.anchored = re.is_split_anchored = 1;
    assert_int_equal(bl_regex_match(&re, "b", 1, 0, md), 0);
    assert_int_equal(re.n_alts, 2);
    pcre2_match_data_free(md);
    md = pcre2_match_data_create(32, NULL);
    assert_int_equal(bl_regex_match(&re, "b", 1, 0, md), 2);
    pcre2_match_data_free(md);
    bl_regex_free(&re);
}

static void
test_split_match_names_groups_through_the_hit(void **state)
{
    bl_regex re;
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    const char *src = "(?<when>\\d\\d:\\d\\d)|by (?<who>[A-Z]\\w+)";
    PCRE2_SIZE len;
    int rc;

    (void)state;
    memset(&re, 0, sizeof re);
    re.src = tu_dup(src, strlen(src) + 1);
    rc = bl_regex_match(&re, "fixed by Bob", 12, 0, md);
    assert_true(rc > 0);
    assert_true(re.n_alts == 2);
    /* md holds the second part's groups, which its own name table reads. */
    assert_int_equal(pcre2_substring_length_byname(md, (PCRE2_SPTR)"who",
                                                   &len), 0);
    assert_int_equal(len, 3);
    assert_true(bl_regex_hit(&re) == re.alts[1]);
    pcre2_match_data_free(md);
    bl_regex_free(&re);
}

/* --- JIT compilation on the helper thread -------------------------------- */

/* Tries re on subject enough times to hand it to the helper. */
static void
try_until_handed_over(bl_regex *re, const char *subject,
                      pcre2_match_data *md)
{
    int i;

    for (i = 0; i < 64; i++)
        bl_regex_match(re, subject, strlen(subject), 0, md);
}

static int
jit_available(void)
{
    uint32_t jit = 0;

    pcre2_config(PCRE2_CONFIG_JIT, &jit);
    return jit != 0;
}

/* Once the helper is done, tries run its JIT-compiled copies and find what
 * the interpreter found, groups and all, whole or split. */
static void
expect_jit_same(const char *src, const char *subject)
{
    bl_regex re;
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    PCRE2_SIZE want[4], *ov, len;
    size_t jit_size = 0;
    int rc;

    memset(&re, 0, sizeof re);
    re.src = tu_dup(src, strlen(src) + 1);
    rc = bl_regex_match(&re, subject, strlen(subject), 0, md);
    assert_true(rc > 0);
    assert_int_equal(pcre2_pattern_info(bl_regex_hit(&re),
                                        PCRE2_INFO_JITSIZE, &jit_size), 0);
    assert_int_equal(jit_size, 0);      /* the interpreter, at first */
    memcpy(want, pcre2_get_ovector_pointer(md), sizeof want);
    try_until_handed_over(&re, subject, md);
    assert_int_equal(bl_regex_jit_wait(&re), 1);
    rc = bl_regex_match(&re, subject, strlen(subject), 0, md);
    assert_true(rc > 0);
    ov = pcre2_get_ovector_pointer(md);
    assert_memory_equal(ov, want, sizeof want);
    assert_int_equal(pcre2_substring_length_byname(md, (PCRE2_SPTR)"who",
                                                   &len), 0);
    assert_int_equal(len, 3);
    assert_int_equal(pcre2_pattern_info(bl_regex_hit(&re),
                                        PCRE2_INFO_JITSIZE, &jit_size), 0);
    if (jit_available())
        assert_true(jit_size > 0);
    pcre2_match_data_free(md);
    bl_regex_free(&re);
}

static void
test_jit_copies_find_what_the_interpreter_found(void **state)
{
    (void)state;
    expect_jit_same("fixed\\s+by\\s+(?<who>[A-Z]\\w+)", "it was fixed by Bob");
    expect_jit_same("(?<when>\\d\\d:\\d\\d)|by (?<who>[A-Z]\\w+)",
                    "fixed by Bob");
}

/* Where the JIT runs out of its stack, the interpreter, which does not
 * use it, decides: a try finds the same whether or not the helper thread
 * has finished. */
static void
test_jit_stack_limit_falls_back_to_the_interpreter(void **state)
{
    enum { N = 200000 };
    bl_regex re;
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    char *subject = malloc(N + 1);
    int rc;

    (void)state;
    assert_non_null(subject);
    memset(subject, 'a', N);
    subject[N - 1] = 'b';
    memset(&re, 0, sizeof re);
    re.src = tu_dup("(a)*b", 6);
    try_until_handed_over(&re, "aab", md);
    assert_int_equal(bl_regex_jit_wait(&re), 1);
    rc = bl_regex_match(&re, subject, N, 0, md);
    assert_int_equal(rc, 2);
    assert_int_equal(pcre2_get_ovector_pointer(md)[1], N);
    free(subject);
    pcre2_match_data_free(md);
    bl_regex_free(&re);
}

/* A pattern JIT-compiled at once (the language server's rules) runs
 * that code whole, even when anchored and split. */
static void
test_jit_at_once_runs_the_whole_pattern(void **state)
{
    bl_regex re;
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    const char *src = "paged (?<n>[A-Z]\\w+)|(?<n>[A-Z]\\w+) paged";
    size_t jit_size = 0;

    (void)state;
    memset(&re, 0, sizeof re);
    re.src = tu_dup(src, strlen(src) + 1);
    re.anchored = re.is_split_anchored = 1;
    bl_regex_jit(&re);
    assert_int_equal(re.n_alts, 2);
    assert_true(bl_regex_match(&re, "Bob paged", 9, 0, md) > 0);
    assert_true(bl_regex_hit(&re) == re.code);
    assert_int_equal(pcre2_pattern_info(re.code, PCRE2_INFO_JITSIZE,
                                        &jit_size), 0);
    if (jit_available())
        assert_true(jit_size > 0);
    pcre2_match_data_free(md);
    bl_regex_free(&re);
}

/* Patterns freed while their copies wait in the queue, or while the
 * helper compiles them, leave nothing behind for it to touch (the
 * sanitizers would see it). */
static void
test_jit_patterns_can_be_freed_at_any_time(void **state)
{
    enum { N = 24 };
    bl_regex re[N];
    pcre2_match_data *md = pcre2_match_data_create(16, NULL);
    char src[64];
    int i;

    (void)state;
    for (i = 0; i < N; i++) {
        memset(&re[i], 0, sizeof re[i]);
        snprintf(src, sizeof src, "\\b(?:alpha|beta%d|gamma)\\s+\\w+", i);
        re[i].src = tu_dup(src, strlen(src) + 1);
        try_until_handed_over(&re[i], "beta3 x gamma y", md);
        assert_non_null(re[i].jit);
    }
    for (i = N; i-- > 0;)
        bl_regex_free(&re[i]);
    pcre2_match_data_free(md);
}

/* --- The patterns rulegen compiled at build time ------------------------- */

extern const struct bl_embedded_regex {
    const char *src;
    int anchored;
    const unsigned char *code;
} bl_embedded_regexes[];
extern const size_t bl_embedded_regexes_count;

static void
test_precompiled_patterns_are_aligned_and_decode(void **state)
{
    size_t i;

    (void)state;
    assert_true(bl_embedded_regexes_count > 50);
    for (i = 0; i < bl_embedded_regexes_count; i++) {
        const struct bl_embedded_regex *x = &bl_embedded_regexes[i];
        bl_regex re;
        /* PCRE2 reads the serialized header as 32-bit fields. */
        assert_int_equal((uintptr_t)x->code % _Alignof(max_align_t), 0);
        memset(&re, 0, sizeof re);
        re.src = tu_dup(x->src, strlen(x->src) + 1);
        re.anchored = x->anchored;
        re.precompiled = x->code;
        assert_non_null(bl_regex_get(&re));
        /* Decoded, not compiled again: a split pattern brings its parts. */
        if (!x->anchored && bl_regex_split(x->src, (size_t[32]){0}, 32) > 0)
            assert_true(re.n_alts > 1);
        bl_regex_free(&re);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_cuts_only_top_level_bars),
        cmocka_unit_test(test_split_ignores_bars_that_are_not_alternation),
        cmocka_unit_test(test_split_refuses_what_could_change_the_meaning),
        cmocka_unit_test(test_split_gives_up_past_its_limit),
        cmocka_unit_test(test_split_match_finds_the_leftmost_match),
        cmocka_unit_test(test_split_match_prefers_the_earlier_part_at_one_place),
        cmocka_unit_test(test_split_match_orders_by_where_the_attempt_began),
        cmocka_unit_test(test_split_match_names_groups_through_the_hit),
        cmocka_unit_test(test_anchored_split_takes_the_first_part_that_matches),
        cmocka_unit_test(test_anchored_split_needs_room_for_every_group),
        cmocka_unit_test(test_jit_copies_find_what_the_interpreter_found),
        cmocka_unit_test(test_jit_patterns_can_be_freed_at_any_time),
        cmocka_unit_test(test_jit_at_once_runs_the_whole_pattern),
        cmocka_unit_test(test_jit_stack_limit_falls_back_to_the_interpreter),
        cmocka_unit_test(test_precompiled_patterns_are_aligned_and_decode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
