/*
 * text_test.c: UTF-8 decoding, word characters, the word tokenizer and the
 * sentence splitter (src/engine/text.c).
 *
 * Every input goes through an exact-length heap copy (tu_dup), so a read
 * one byte past the end is an ASan error rather than a silent NUL.
 */
#include "testutil.h"

#include <ctype.h>
#include <stdio.h>

#include "engine/text.h"

/* --- bl_utf8_decode ------------------------------------------------------ */

/* Decodes s (n bytes, exact-length copy) at i; checks the code point and
 * the byte length. */
static void
expect_decode(const char *s, size_t n, size_t i, uint32_t cp, size_t len)
{
    char *copy = tu_dup(s, n);
    size_t got_len = 99;
    uint32_t got = bl_utf8_decode(copy, n, i, &got_len);

    free(copy);
    if (got != cp || got_len != len)
        print_error("decode at %zu: got U+%04X/%zu, want U+%04X/%zu\n", i,
                    (unsigned)got, got_len, (unsigned)cp, len);
    assert_int_equal(got, cp);
    assert_int_equal(got_len, len);
}

#define DECODE(lit, i, cp, len) expect_decode(lit, sizeof(lit) - 1, i, cp, len)
#define INVALID(lit) DECODE(lit, 0, 0xFFFD, 1)

static void
test_decode_accepts_valid_one_to_four_byte_sequences(void **state)
{
    (void)state;
    DECODE("A", 0, 'A', 1);
    DECODE("\x7F", 0, 0x7F, 1);
    DECODE("\xC2\x80", 0, 0x80, 2);             /* smallest 2-byte */
    DECODE("\xC3\xA9", 0, 0xE9, 2);             /* é */
    DECODE("\xDF\xBF", 0, 0x7FF, 2);
    DECODE("\xE0\xA0\x80", 0, 0x800, 3);        /* smallest 3-byte */
    DECODE("\xE2\x82\xAC", 0, 0x20AC, 3);       /* € */
    DECODE("\xE4\xB8\xAD", 0, 0x4E2D, 3);       /* 中 */
    DECODE("\xED\x9F\xBF", 0, 0xD7FF, 3);       /* just below surrogates */
    DECODE("\xEE\x80\x80", 0, 0xE000, 3);       /* just above them */
    DECODE("\xEF\xBF\xBF", 0, 0xFFFF, 3);
    DECODE("\xF0\x90\x80\x80", 0, 0x10000, 4);  /* smallest 4-byte */
    DECODE("\xF0\x9F\x98\x80", 0, 0x1F600, 4);  /* 😀 */
    DECODE("\xF4\x8F\xBF\xBF", 0, 0x10FFFF, 4); /* largest code point */
}

static void
test_decode_reads_at_an_inner_index(void **state)
{
    (void)state;
    /* "aé€😀b": a=0, é=1..2, €=3..5, 😀=6..9, b=10 */
    DECODE("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80" "b", 1, 0xE9, 2);
    DECODE("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80" "b", 3, 0x20AC, 3);
    DECODE("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80" "b", 6, 0x1F600, 4);
    DECODE("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80" "b", 10, 'b', 1);
}

static void
test_decode_rejects_overlong_forms_as_one_byte(void **state)
{
    (void)state;
    INVALID("\xC0\x80");            /* NUL in two bytes */
    INVALID("\xC1\xBF");            /* U+007F in two bytes */
    INVALID("\xE0\x80\x80");
    INVALID("\xE0\x9F\xBF");        /* U+07FF in three bytes */
    INVALID("\xF0\x80\x80\x80");
    INVALID("\xF0\x8F\xBF\xBF");    /* U+FFFF in four bytes */
}

static void
test_decode_rejects_surrogates_and_values_past_u10ffff(void **state)
{
    (void)state;
    INVALID("\xED\xA0\x80");        /* U+D800 */
    INVALID("\xED\xBF\xBF");        /* U+DFFF */
    INVALID("\xF4\x90\x80\x80");    /* U+110000 */
    INVALID("\xF5\x80\x80\x80");    /* lead byte past F4 */
    INVALID("\xF8\x88\x80\x80\x80");
    INVALID("\xFE");
    INVALID("\xFF");
}

static void
test_decode_truncated_sequence_is_one_invalid_byte(void **state)
{
    (void)state;
    /* The buffers end right after the lead bytes: ASan catches any
     * look at the missing continuation bytes. */
    INVALID("\xC3");
    INVALID("\xE2\x82");
    INVALID("\xF0\x9F\x98");
    DECODE("ab\xF0\x9F", 2, 0xFFFD, 1);
    DECODE("ab\xF0\x9F", 3, 0xFFFD, 1);
    /* len, not the buffer, bounds the sequence. */
    expect_decode("\xC3\xA9", 1, 0, 0xFFFD, 1);
    /* A continuation byte missing in the middle. */
    INVALID("\xC3" "A");
    INVALID("\xE2\x82" "A");
    INVALID("\xF0\x9F\x98" "A");
}

static void
test_decode_lone_continuation_byte_is_one_invalid_byte(void **state)
{
    (void)state;
    INVALID("\x80");
    INVALID("\xBF");
    INVALID("\x80\x80\x80");
    DECODE("\xC3\xA9", 1, 0xFFFD, 1);   /* second byte of é on its own */
}

static void
test_decode_walk_over_invalid_text_keeps_offsets(void **state)
{
    /* a, FF, é, lone 80, b: every invalid byte is one step of one byte. */
    static const char s[] = "a\xFF\xC3\xA9\x80" "b";
    static const uint32_t cps[] = {'a', 0xFFFD, 0xE9, 0xFFFD, 'b'};
    static const size_t at[] = {0, 1, 2, 4, 5};
    char *copy = tu_dup(s, sizeof s - 1);
    size_t i = 0, k = 0, n;

    (void)state;
    while (i < sizeof s - 1) {
        uint32_t cp = bl_utf8_decode(copy, sizeof s - 1, i, &n);
        assert_true(k < 5);
        assert_int_equal(i, at[k]);
        assert_int_equal(cp, cps[k]);
        i += n;
        k++;
    }
    assert_int_equal(k, 5);
    assert_int_equal(i, sizeof s - 1);
    free(copy);
}

/* --- bl_is_word_cp / bl_is_upper_cp -------------------------------------- */

static void
test_word_cp_ascii_letters_digits_and_underscore_only(void **state)
{
    static const uint32_t yes[] = {'a', 'z', 'A', 'Z', '0', '9', '_'};
    static const uint32_t no[] = {' ', '\t', '\n', '-', '\'', '.', ',', '@',
                                  '/', '`', 0x1A /* BL_PLACEHOLDER */, 0x7F,
                                  0};
    size_t i;

    (void)state;
    for (i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(bl_is_word_cp(yes[i]));
    for (i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(bl_is_word_cp(no[i]));
}

static void
test_word_cp_non_ascii_letters_yes_punctuation_no(void **state)
{
    static const uint32_t yes[] = {
        0xE9,       /* é */
        0xDF,       /* ß */
        0xC0,       /* À, first Latin-1 letter */
        0x141,      /* Ł */
        0x416,      /* Ж */
        0x3A9,      /* Ω */
        0x4E2D,     /* 中 */
        0x3042,     /* あ */
    };
    static const uint32_t no[] = {
        0xA0,       /* no-break space */
        0xAB,       /* « */
        0xBF,       /* ¿ */
        0xD7,       /* × */
        0xF7,       /* ÷ */
        0x2013,     /* – */
        0x2014,     /* — */
        0x2018, 0x2019, 0x201C, 0x201D,     /* curly quotes */
        0x2026,     /* … */
        0x3001,     /* 、 */
        0x3002,     /* 。 */
        0xFF01,     /* ！ */
        0xFEFF,     /* BOM */
        0xFFFD,     /* what an invalid byte decodes to */
        0x1F600,    /* 😀 */
        0xFE0F,     /* the selector after an emoji: "🛠️ Action Items" */
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof yes / sizeof *yes; i++) {
        if (!bl_is_word_cp(yes[i]))
            print_error("U+%04X should be a word character\n",
                        (unsigned)yes[i]);
        assert_true(bl_is_word_cp(yes[i]));
    }
    for (i = 0; i < sizeof no / sizeof *no; i++) {
        if (bl_is_word_cp(no[i]))
            print_error("U+%04X should not be a word character\n",
                        (unsigned)no[i]);
        assert_false(bl_is_word_cp(no[i]));
    }
}

static void
test_upper_cp_recognises_capitals_of_several_scripts(void **state)
{
    (void)state;
    assert_true(bl_is_upper_cp('A'));
    assert_true(bl_is_upper_cp('Z'));
    assert_false(bl_is_upper_cp('a'));
    assert_false(bl_is_upper_cp('1'));
    assert_true(bl_is_upper_cp(0xC9));      /* É */
    assert_false(bl_is_upper_cp(0xD7));     /* × sits among the capitals */
    assert_false(bl_is_upper_cp(0xE9));     /* é */
    assert_true(bl_is_upper_cp(0x141));     /* Ł */
    assert_false(bl_is_upper_cp(0x142));    /* ł */
    assert_true(bl_is_upper_cp(0x3A9));     /* Ω */
    assert_true(bl_is_upper_cp(0x416));     /* Ж */
    assert_false(bl_is_upper_cp(0x436));    /* ж */
}

/* --- bl_next_word -------------------------------------------------------- */

/* Tokenizes text and compares with the '|'-separated expected words. */
/* Is s[0..n) ASCII letters, digits and '_' only? */
static int
is_plain_ascii(const char *s, size_t n)
{
    size_t k;

    for (k = 0; k < n; k++)
        if (!isalnum((unsigned char)s[k]) && s[k] != '_')
            return 0;
    return 1;
}

/* bl_next_word_plain must find the words bl_next_word finds, and call a
 * word plain exactly when it is ASCII letters, digits and '_'. */
static void
expect_plain_words_agree(const char *copy, size_t len)
{
    size_t pos = 0, plain_pos = 0;
    bl_span w, pw;
    int found, plain = -1;

    do {
        found = bl_next_word(copy, len, &pos, &w);
        assert_int_equal(bl_next_word_plain(copy, len, &plain_pos, &pw,
                                            &plain),
                         found);
        assert_int_equal(plain_pos, pos);
        if (found) {
            assert_int_equal(pw.begin, w.begin);
            assert_int_equal(pw.end, w.end);
            assert_int_equal(plain,
                             is_plain_ascii(copy + w.begin, w.end - w.begin));
        }
    } while (found);
}

static void
expect_words(const char *text, const char *expected)
{
    size_t len = strlen(text), pos = 0, count = 0;
    char *copy = tu_dup(text, len);
    char got[512] = "";
    bl_span w;

    expect_plain_words_agree(copy, len);
    while (bl_next_word(copy, len, &pos, &w)) {
        assert_true(w.begin < w.end);
        assert_true(w.end <= len);
        assert_int_equal(pos, w.end);   /* the next search starts after it */
        assert_true(strlen(got) + (w.end - w.begin) + 2 < sizeof got);
        if (count++ > 0)
            strcat(got, "|");
        strncat(got, copy + w.begin, w.end - w.begin);
    }
    assert_int_equal(pos, len);
    free(copy);
    assert_string_equal(got, expected);
}

static void
test_words_keep_inner_apostrophes_and_hyphens(void **state)
{
    (void)state;
    expect_words("We didn't page the on-call engineer.",
                 "We|didn't|page|the|on-call|engineer");
    expect_words("Bob's laptop", "Bob's|laptop");
    expect_words("Bob\xE2\x80\x99s laptop", "Bob\xE2\x80\x99s|laptop");
    expect_words("a well-known follow-up", "a|well-known|follow-up");
}

static void
test_words_drop_outer_apostrophes_and_hyphens(void **state)
{
    (void)state;
    expect_words("the admins' keys", "the|admins|keys");
    expect_words("'quoted' -flag trailing-", "quoted|flag|trailing");
    expect_words("on--call", "on|call");
    expect_words("on- call", "on|call");
    /* An apostrophe as the very last byte: the look-ahead must stop at the
     * end of the (exact-length) buffer. */
    expect_words("didn'", "didn");
    expect_words("on-", "on");
}

static void
test_words_treat_accented_and_non_latin_letters_as_letters(void **state)
{
    static const char text[] = "Jos\xC3\xA9 and \xC5\x81ukasz";
    size_t len = sizeof text - 1, pos = 0;
    char *copy = tu_dup(text, len);
    bl_span w;

    (void)state;
    /* José is 5 bytes, Łukasz 7: the spans are in bytes. */
    assert_true(bl_next_word(copy, len, &pos, &w));
    assert_int_equal(w.begin, 0);
    assert_int_equal(w.end, 5);
    assert_true(bl_next_word(copy, len, &pos, &w));
    assert_int_equal(w.begin, 6);
    assert_int_equal(w.end, 9);
    assert_true(bl_next_word(copy, len, &pos, &w));
    assert_int_equal(w.begin, 10);
    assert_int_equal(w.end, 17);
    assert_false(bl_next_word(copy, len, &pos, &w));
    assert_int_equal(pos, len);
    free(copy);

    expect_words("\xD0\x96\xD0\xB5\xD0\xBD\xD1\x8F \xE4\xB8\xAD\xE6\x96\x87",
                 "\xD0\x96\xD0\xB5\xD0\xBD\xD1\x8F|\xE4\xB8\xAD\xE6\x96\x87");
}

static void
test_words_split_at_curly_quotes_and_dashes(void **state)
{
    static const char text[] = "\xE2\x80\x9C" "Bob" "\xE2\x80\x9D" " said";
    size_t len = sizeof text - 1, pos = 0;
    char *copy = tu_dup(text, len);
    bl_span w;

    (void)state;
    assert_true(bl_next_word(copy, len, &pos, &w));
    assert_int_equal(w.begin, 3);
    assert_int_equal(w.end, 6);
    free(copy);

    expect_words("\xE2\x80\x9C" "Bob" "\xE2\x80\x9D" " said", "Bob|said");
    expect_words("\xE2\x80\x98" "Bob" "\xE2\x80\x99", "Bob");
    expect_words("Bob" "\xE2\x80\x94" "Alice", "Bob|Alice");         /* — */
    expect_words("deploy" "\xE2\x80\x93" "rollback", "deploy|rollback");
    expect_words("wait" "\xE2\x80\xA6" "then", "wait|then");        /* … */
}

static void
test_words_split_at_placeholders_symbols_and_invalid_bytes(void **state)
{
    (void)state;
    expect_words("run \x1A now", "run|now");
    expect_words("a\x1A" "b", "a|b");
    expect_words("ab\xFF" "cd", "ab|cd");
    expect_words("ab\x80" "cd", "ab|cd");
    expect_words("x\xC3\x97y", "x|y");                     /* × */
    expect_words("hi\xF0\x9F\x98\x80there", "hi|there");   /* emoji */
    expect_words("rm_rf v2 4.2.1", "rm_rf|v2|4|2|1");
    expect_words("bob@example.com", "bob|example|com");
}

static void
test_words_none_in_empty_or_wordless_text(void **state)
{
    size_t pos = 0;
    bl_span w = {7, 7};
    char *copy = tu_dup("", 0);

    (void)state;
    assert_false(bl_next_word(copy, 0, &pos, &w));
    assert_int_equal(pos, 0);
    free(copy);
    expect_words("", "");
    expect_words("  -- ... !? \xE2\x80\x94 ", "");
}

static void
test_words_search_starts_at_the_given_position(void **state)
{
    static const char text[] = "alpha beta";
    size_t pos = 2;
    char *copy = tu_dup(text, sizeof text - 1);
    bl_span w;

    (void)state;
    /* Starting inside a word yields its remainder: callers resume from
     * the last end, never from the middle of a word. */
    assert_true(bl_next_word(copy, sizeof text - 1, &pos, &w));
    assert_int_equal(w.begin, 2);
    assert_int_equal(w.end, 5);
    pos = 5;
    assert_true(bl_next_word(copy, sizeof text - 1, &pos, &w));
    assert_int_equal(w.begin, 6);
    assert_int_equal(w.end, 10);
    assert_int_equal(pos, 10);
    assert_false(bl_next_word(copy, sizeof text - 1, &pos, &w));
    free(copy);
}

/* --- bl_ascii_lower ------------------------------------------------------ */

static void
test_ascii_lower_changes_ascii_capitals_only_at_any_length(void **state)
{
    char in[300], out[300];
    size_t n, k, at;

    (void)state;
    /* Every byte value, at every offset of an eight-byte block, in
     * strings long and short (the tail is lowered a byte at a time). */
    for (at = 0; at < 8; at++) {
        for (k = 0; k < sizeof in; k++)
            in[k] = (char)(k + at);
        for (n = 0; n <= sizeof in; n += n < 20 ? 1 : 37) {
            char *copy = tu_dup(in, n);
            memset(out, '#', sizeof out);
            bl_ascii_lower(copy, n, out);
            for (k = 0; k < n; k++) {
                unsigned char c = (unsigned char)in[k];
                assert_int_equal((unsigned char)out[k],
                                 c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
            if (n < sizeof out)
                assert_int_equal(out[n], '#');
            free(copy);
        }
    }
}

/* --- bl_split_sentences -------------------------------------------------- */

typedef struct collect {
    const char *text;
    char got[1024];     /* sentences joined by '|' */
    bl_span spans[16];
    size_t n;
    size_t stop_after;  /* return non-zero after this many; 0 never */
} collect;

static int
collect_cb(bl_span s, void *ud)
{
    collect *c = ud;
    size_t n = s.end - s.begin;

    assert_true(s.begin < s.end);
    if (c->n < 16)
        c->spans[c->n] = s;
    assert_true(strlen(c->got) + n + 2 < sizeof c->got);
    if (c->n++ > 0)
        strcat(c->got, "|");
    strncat(c->got, c->text + s.begin, n);
    return c->stop_after != 0 && c->n == c->stop_after ? 7 : 0;
}

/* Splits text and compares with the '|'-separated expected sentences. */
/* Splits text (through an exact-length copy, so ASan sees any read past
 * its end) into c. */
static void
split(const char *text, collect *c)
{
    size_t len = strlen(text);
    char *copy = tu_dup(text, len);

    memset(c, 0, sizeof *c);
    c->text = copy;
    assert_int_equal(bl_split_sentences(copy, len, collect_cb, c), 0);
    free(copy);
    c->text = NULL;
}

static void
expect_sentences(const char *text, const char *expected)
{
    collect c;

    split(text, &c);
    if (strcmp(c.got, expected) != 0)
        print_error("split \"%s\"\n", text);
    assert_string_equal(c.got, expected);
}

static void
test_sentences_do_not_end_at_latin_abbreviations(void **state)
{
    (void)state;
    /* A capital follows each abbreviation, so only the abbreviation list
     * keeps these sentences whole. */
    expect_sentences("Some stores, e.g. Redis, lagged.",
                     "Some stores, e.g. Redis, lagged.");
    expect_sentences("The primary, i.e. Postgres, failed.",
                     "The primary, i.e. Postgres, failed.");
    expect_sentences("E.g. Kafka lagged too.", "E.g. Kafka lagged too.");
    expect_sentences("We checked disks, logs, etc. The cache was fine.",
                     "We checked disks, logs, etc. The cache was fine.");
    expect_sentences("It was Postgres vs. MySQL again.",
                     "It was Postgres vs. MySQL again.");
    /* Followed by a comma, the dot is not a terminator at all. */
    expect_sentences("Restart it, i.e., Redis.", "Restart it, i.e., Redis.");
}

static void
test_sentences_do_not_end_at_titles_or_initials(void **state)
{
    (void)state;
    expect_sentences("Mr. Smith paged Dr. Jones at night.",
                     "Mr. Smith paged Dr. Jones at night.");
    expect_sentences("The review by J. Smith found it.",
                     "The review by J. Smith found it.");
    expect_sentences("J. R. Smith signed off.", "J. R. Smith signed off.");
}

static void
test_sentences_do_not_end_inside_numbers(void **state)
{
    (void)state;
    expect_sentences("We upgraded to 4.2.1 on Monday.",
                     "We upgraded to 4.2.1 on Monday.");
    expect_sentences("At 14:02 the alert fired.", "At 14:02 the alert fired.");
    expect_sentences("Latency rose 3.5 times.", "Latency rose 3.5 times.");
    expect_sentences("It took approx. two hours.",
                     "It took approx. two hours.");
    /* "hrs" is in no list: the lower-case word after ". " alone keeps it
     * one sentence. */
    expect_sentences("It took 5 hrs. to recover.",
                     "It took 5 hrs. to recover.");
    /* A list number opening the text is not a sentence of its own. */
    expect_sentences("1. Restart the service.", "1. Restart the service.");
    expect_sentences("12. Roll back.", "12. Roll back.");
}

static void
test_sentences_end_after_numbers_at_a_period_and_capital(void **state)
{
    (void)state;
    /* The contrast cases: the same numbers, then a real terminator. */
    expect_sentences("We shipped 4.2.1. Then it failed.",
                     "We shipped 4.2.1.|Then it failed.");
    expect_sentences("We restarted node 3. Then it recovered.",
                     "We restarted node 3.|Then it recovered.");
    expect_sentences("It fired at 14:02. Nobody saw it.",
                     "It fired at 14:02.|Nobody saw it.");
}

static void
test_sentences_end_at_period_space_capital_with_exact_spans(void **state)
{
    collect c;

    (void)state;
    split("The disk filled. The alert fired.", &c);
    assert_int_equal(c.n, 2);
    assert_int_equal(c.spans[0].begin, 0);
    assert_int_equal(c.spans[0].end, 16);
    assert_int_equal(c.spans[1].begin, 17);
    assert_int_equal(c.spans[1].end, 33);

    expect_sentences("The disk filled.\nThe alert fired.",
                     "The disk filled.|The alert fired.");
    expect_sentences("We waited... Then it recovered.",
                     "We waited...|Then it recovered.");
}

static void
test_sentences_end_at_question_and_exclamation_marks(void **state)
{
    (void)state;
    expect_sentences("Why did it fail? Nobody knew! We checked.",
                     "Why did it fail?|Nobody knew!|We checked.");
    /* Unlike ". ", "? " ends a sentence before a lower-case word too. */
    expect_sentences("Why? because.", "Why?|because.");
    expect_sentences("Really?! Yes.", "Really?!|Yes.");
}

static void
test_sentences_keep_closing_quotes_and_brackets(void **state)
{
    (void)state;
    expect_sentences("He said \"roll back.\" Then we did.",
                     "He said \"roll back.\"|Then we did.");
    expect_sentences(
        "He said \xE2\x80\x9Croll back.\xE2\x80\x9D Then we did.",
        "He said \xE2\x80\x9Croll back.\xE2\x80\x9D|Then we did.");
    expect_sentences("(See the runbook.) Then restart.",
                     "(See the runbook.)|Then restart.");
    expect_sentences("It was *done.* Next.", "It was *done.*|Next.");
}

static void
test_sentences_trim_space_and_keep_unterminated_text(void **state)
{
    collect c;

    (void)state;
    split("  Hello there.  ", &c);
    assert_int_equal(c.n, 1);
    assert_int_equal(c.spans[0].begin, 2);
    assert_int_equal(c.spans[0].end, 14);

    expect_sentences("no terminator here", "no terminator here");
    expect_sentences("First. Second without end",
                     "First.|Second without end");
    expect_sentences("First. Second without end \n\t",
                     "First.|Second without end");
}

static void
test_sentences_end_at_a_terminator_at_any_offset(void **state)
{
    char text[64], expected[64];
    size_t at;

    (void)state;
    /* The terminator scan reads eight bytes at a time: a terminator must
     * be found at each place within a block and in the tail after the
     * last whole one. */
    for (at = 1; at < 30; at++) {
        memset(text, 'a', at);
        memcpy(text + at, "! Bb? Cc.", 10);
        memset(expected, 'a', at);
        memcpy(expected + at, "!|Bb?|Cc.", 10);
        expect_sentences(text, expected);
    }
    expect_sentences("no terminator in more than eight bytes at all",
                     "no terminator in more than eight bytes at all");
}

static void
test_sentences_end_after_a_word_longer_than_any_abbreviation(void **state)
{
    (void)state;
    expect_sentences("It took approx. Two hours.",
                     "It took approx. Two hours.");
    expect_sentences("We approxed. Two hours.", "We approxed.|Two hours.");
    expect_sentences("Ask Prof. Smith. Then go.",
                     "Ask Prof. Smith.|Then go.");
}

static void
test_sentences_none_in_empty_or_blank_text(void **state)
{
    char *copy = tu_dup("", 0);
    collect c;

    (void)state;
    memset(&c, 0, sizeof c);
    c.text = copy;
    assert_int_equal(bl_split_sentences(copy, 0, collect_cb, &c), 0);
    assert_int_equal(c.n, 0);
    free(copy);
    expect_sentences("   \t\n  ", "");
    expect_sentences("", "");
}

static void
test_sentences_callback_result_stops_the_split(void **state)
{
    static const char text[] = "One. Two. Three.";
    char *copy = tu_dup(text, sizeof text - 1);
    collect c;

    (void)state;
    memset(&c, 0, sizeof c);
    c.text = copy;
    c.stop_after = 2;
    assert_int_equal(bl_split_sentences(copy, sizeof text - 1, collect_cb,
                                        &c), 7);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.got, "One.|Two.");
    free(copy);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_accepts_valid_one_to_four_byte_sequences),
        cmocka_unit_test(test_decode_reads_at_an_inner_index),
        cmocka_unit_test(test_decode_rejects_overlong_forms_as_one_byte),
        cmocka_unit_test(
            test_decode_rejects_surrogates_and_values_past_u10ffff),
        cmocka_unit_test(test_decode_truncated_sequence_is_one_invalid_byte),
        cmocka_unit_test(
            test_decode_lone_continuation_byte_is_one_invalid_byte),
        cmocka_unit_test(test_decode_walk_over_invalid_text_keeps_offsets),
        cmocka_unit_test(
            test_word_cp_ascii_letters_digits_and_underscore_only),
        cmocka_unit_test(test_word_cp_non_ascii_letters_yes_punctuation_no),
        cmocka_unit_test(test_upper_cp_recognises_capitals_of_several_scripts),
        cmocka_unit_test(test_words_keep_inner_apostrophes_and_hyphens),
        cmocka_unit_test(test_words_drop_outer_apostrophes_and_hyphens),
        cmocka_unit_test(
            test_words_treat_accented_and_non_latin_letters_as_letters),
        cmocka_unit_test(test_words_split_at_curly_quotes_and_dashes),
        cmocka_unit_test(
            test_words_split_at_placeholders_symbols_and_invalid_bytes),
        cmocka_unit_test(test_words_none_in_empty_or_wordless_text),
        cmocka_unit_test(test_words_search_starts_at_the_given_position),
        cmocka_unit_test(
            test_ascii_lower_changes_ascii_capitals_only_at_any_length),
        cmocka_unit_test(test_sentences_do_not_end_at_latin_abbreviations),
        cmocka_unit_test(test_sentences_do_not_end_at_titles_or_initials),
        cmocka_unit_test(test_sentences_do_not_end_inside_numbers),
        cmocka_unit_test(
            test_sentences_end_after_numbers_at_a_period_and_capital),
        cmocka_unit_test(
            test_sentences_end_at_period_space_capital_with_exact_spans),
        cmocka_unit_test(test_sentences_end_at_question_and_exclamation_marks),
        cmocka_unit_test(test_sentences_keep_closing_quotes_and_brackets),
        cmocka_unit_test(test_sentences_trim_space_and_keep_unterminated_text),
        cmocka_unit_test(test_sentences_end_at_a_terminator_at_any_offset),
        cmocka_unit_test(
            test_sentences_end_after_a_word_longer_than_any_abbreviation),
        cmocka_unit_test(test_sentences_none_in_empty_or_blank_text),
        cmocka_unit_test(test_sentences_callback_result_stops_the_split),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
