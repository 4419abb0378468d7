/*
 * text.c: UTF-8 decoding, the sentence splitter and the word tokenizer.
 */
#include <string.h>

#include "text.h"

uint32_t
bl_utf8_decode_multibyte(const char *str, size_t len, size_t i, size_t *p_n)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t cp;
    size_t n, k;

    if (s[i] >= 0xC2 && s[i] <= 0xDF) {
        n = 2;
        cp = s[i] & 0x1F;
    } else if (s[i] >= 0xE0 && s[i] <= 0xEF) {
        n = 3;
        cp = s[i] & 0x0F;
    } else if (s[i] >= 0xF0 && s[i] <= 0xF4) {
        n = 4;
        cp = s[i] & 0x07;
    } else {
        goto invalid;
    }
    if (i + n > len)
        goto invalid;
    for (k = 1; k < n; k++) {
        if ((s[i + k] & 0xC0) != 0x80)
            goto invalid;
        cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    /* Reject overlong forms, surrogates and values past U+10FFFF so the
     * byte length we report is the one every other decoder agrees on. */
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))
        || (cp >= 0xD800 && cp <= 0xDFFF))
        goto invalid;
    *p_n = n;
    return cp;
invalid:
    *p_n = 1;
    return 0xFFFD;
}

int
bl_is_word_cp_non_ascii(uint32_t cp)
{
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
        return 0;   /* Latin-1 punctuation and symbols, x and / signs */
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F)
        || (cp >= 0xFE00 && cp <= 0xFE0F)  /* variation selectors: the
                                              emoji form of a symbol */
        || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F)
        || cp == 0xFFFD || cp == 0xFEFF || cp >= 0x1F000)
        return 0;   /* punctuation, symbols, arrows, emoji */
    return 1;
}

int
bl_is_upper_cp_non_ascii(uint32_t cp)
{
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    /* Latin Extended-A pairs upper/lower case, upper first, but the pairs
     * shift by one at U+0138 (kra) and U+0149, so Ł (U+0141) is odd. */
    if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
        return (cp & 1) == 0;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
        return (cp & 1) == 1;
    if (cp == 0x178)
        return 1;
    if (cp >= 0x391 && cp <= 0x3AB)
        return 1;               /* Greek */
    if (cp >= 0x400 && cp <= 0x42F)
        return 1;               /* Cyrillic */
    return 0;
}

void
bl_ascii_lower(const char *s, size_t n, char *out)
{
    const uint64_t heptets = 0x7F7F7F7F7F7F7F7Fu, highs = ~heptets;
    const uint64_t ones = 0x0101010101010101u;
    size_t i = 0;

    /* Eight bytes a step, then four.  A byte's low seven bits plus 0x3F
     * reach 0x80 from 'A' on, plus 0x25 from 'Z' + 1 on, without a carry
     * into the next byte: the two differ in the high bit exactly for
     * 'A'..'Z' (of ASCII bytes, hence & ~v), which shifted down is the
     * 0x20 that lower-cases it. */
    for (; i + 8 <= n; i += 8) {
        uint64_t v, low7, upper;
        memcpy(&v, s + i, 8);
        low7 = v & heptets;
        upper = ((low7 + ones * 0x3F) ^ (low7 + ones * 0x25)) & ~v & highs;
        v |= upper >> 2;
        memcpy(out + i, &v, 8);
    }
    if (i + 4 <= n) {   /* the same for four: most words are short */
        uint32_t v, low7, upper;
        memcpy(&v, s + i, 4);
        low7 = v & (uint32_t)heptets;
        upper = ((low7 + (uint32_t)ones * 0x3F)
                 ^ (low7 + (uint32_t)ones * 0x25)) & ~v & (uint32_t)highs;
        v |= upper >> 2;
        memcpy(out + i, &v, 4);
        i += 4;
    }
    for (; i < n; i++)
        out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
}

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
           || c == '\v';
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int
is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Words that end with a period without ending a sentence.  Compared
 * case-insensitively against the word before the period. */
static const char *const abbreviations[] = {
    "e.g", "i.e", "etc", "vs", "cf", "approx", "mr", "mrs", "ms", "dr",
    "prof", "sr", "jr", "st", "inc", "ltd", "co", "corp", "no", "nos",
    "fig", "min", "max", "sec", "est", "dept", "al", "ca", "resp", "incl",
    "excl", "ver", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri",
    "sat", "sun", "a.m", "p.m", "u.s", NULL
};

/* No entry of abbreviations is longer ("approx"). */
#define BL_ABBREVIATION_MAX 6

static int
is_abbreviation(const char *text, size_t dot)
{
    size_t b = dot, n;
    char lower[BL_ABBREVIATION_MAX];
    const char *const *a;

    /* The word before the dot may itself contain dots ("e.g", "a.m"). */
    while (b > 0 && (is_alpha(text[b - 1]) || text[b - 1] == '.'))
        b--;
    n = dot - b;
    if (n == 0)
        return 0;
    if (n == 1 && text[b] >= 'A' && text[b] <= 'Z')
        return 1;   /* an initial: "J. Smith" */
    if (n > BL_ABBREVIATION_MAX)
        return 0;
    bl_ascii_lower(text + b, n, lower);
    for (a = abbreviations; *a != NULL; a++)
        if (bl_lit_equals(*a, lower, n))
            return 1;
    return 0;
}

/* Is the text at i a closing quote or bracket that stays with the
 * sentence before it ("...done." she said / (see above.))? */
static size_t
closer_len(const char *text, size_t len, size_t i)
{
    if (i < len && (text[i] == '"' || text[i] == '\'' || text[i] == ')'
                    || text[i] == ']' || text[i] == '*' || text[i] == '_'))
        return 1;
    if (i + 2 < len && (unsigned char)text[i] == 0xE2
        && (unsigned char)text[i + 1] == 0x80
        && ((unsigned char)text[i + 2] == 0x9D
            || (unsigned char)text[i + 2] == 0x99))
        return 3;   /* U+201D, U+2019 */
    return 0;
}

/* Does a sentence end right after the terminator run [i, j)? */
static int
ends_sentence(const char *text, size_t len, size_t i, size_t j)
{
    size_t k;

    if (j >= len)
        return 1;
    if (!is_space(text[j]))
        return 0;   /* 4.2.1, 3.5, e.g.x, file.md */
    if (text[i] == '.' && j - i == 1) {
        if (is_abbreviation(text, i))
            return 0;
        /* "1." or "a)" opening a list-like enumeration inside a sentence */
        if (i > 0 && is_digit(text[i - 1])) {
            k = i;
            while (k > 0 && is_digit(text[k - 1]))
                k--;
            if (k == 0)
                return 0;
        }
    }
    /* A lower-case word after ". " is usually an abbreviation we do not
     * know ("approx. two hours"); keep the sentence together. */
    for (k = j; k < len && is_space(text[k]); k++)
        ;
    if (k < len && text[k] >= 'a' && text[k] <= 'z' && text[i] == '.')
        return 0;
    return 1;
}

static int
emit(const char *text, size_t b, size_t e, bl_sentence_fn fn, void *ud)
{
    bl_span s;

    while (b < e && is_space(text[b]))
        b++;
    while (e > b && is_space(text[e - 1]))
        e--;
    if (b == e)
        return 0;
    s.begin = b;
    s.end = e;
    return fn(s, ud);
}

/* Where the first '.', '!' or '?' at or after i is, or len.  Terminators
 * are dozens of bytes apart, so eight bytes are tested at once: a byte of
 * v ^ (0x01..01 * c) is zero where v holds c, and an ASCII byte minus one
 * has its high bit set only if it was zero (or a byte below it was, when
 * it borrows: a terminator all the same).  The terminators are ASCII, so
 * ~v keeps the bytes of multibyte characters out. */
static size_t
next_terminator(const char *text, size_t len, size_t i)
{
    const uint64_t ones = 0x0101010101010101u, highs = ones << 7;

    for (; i + 8 <= len; i += 8) {
        uint64_t v;
        memcpy(&v, text + i, 8);
        if ((((v ^ ones * '.') - ones) | ((v ^ ones * '!') - ones)
             | ((v ^ ones * '?') - ones)) & ~v & highs)
            break;
    }
    while (i < len && text[i] != '.' && text[i] != '!' && text[i] != '?')
        i++;
    return i;
}

int
bl_split_sentences(const char *text, size_t len, bl_sentence_fn fn, void *ud)
{
    size_t start = 0, i = 0, j, c;
    int rc;

    while ((i = next_terminator(text, len, i)) < len) {
        j = i;
        while (j < len && (text[j] == '.' || text[j] == '!' || text[j] == '?'))
            j++;
        while ((c = closer_len(text, len, j)) > 0)
            j += c;
        if (ends_sentence(text, len, i, j)) {
            rc = emit(text, start, j, fn, ud);
            if (rc != 0)
                return rc;
            start = j;
        }
        i = j;
    }
    return emit(text, start, len, fn, ud);
}

/* The BL_BYTE_ classes of each byte (text.h).  Words are most of what a
 * check reads, so the tokenizer's loop is one of its hottest. */
const unsigned char bl_byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 4, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/* Is the character at text[i] (not ASCII) a word character?  Stores its
 * byte length. */
static int
is_word_char_at(const char *text, size_t len, size_t i, size_t *p_n)
{
    return bl_is_word_cp(bl_utf8_decode(text, len, i, p_n));
}

/* A word has run up to text[i], a joiner or a byte of a multibyte
 * character: where it goes on from, or i when it ends there. */
static size_t
word_goes_on_at(const char *text, size_t len, size_t i)
{
    size_t n, n2;
    uint32_t cp = bl_utf8_decode(text, len, i, &n);

    if (bl_is_word_cp(cp))
        return i + n;
    /* Keep inner apostrophes and hyphens: didn't, on-call, Bob's. */
    if ((cp == '\'' || cp == 0x2019 || cp == '-') && i + n < len
        && bl_is_word_cp(bl_utf8_decode(text, len, i + n, &n2)))
        return i + n + n2;
    return i;
}

/* The tokenizer whole; the inline bl_next_word_plain (text.h) reads plain
 * words itself and comes here for the rest. */
int
bl_next_word_any(const char *text, size_t len, size_t *p_pos,
                 bl_span *p_word, int *p_plain)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t i = *p_pos, n, b, on;
    int plain = 1;

    for (;;) {
        while (i < len
               && !(bl_byte_class[t[i]] & (BL_BYTE_WORD | BL_BYTE_HIGH)))
            i++;
        if (i >= len) {
            *p_pos = len;
            return 0;
        }
        if ((bl_byte_class[t[i]] & BL_BYTE_WORD)
            || is_word_char_at(text, len, i, &n))
            break;
        i += n;
    }
    b = i;
    for (;;) {
        while (i < len && (bl_byte_class[t[i]] & BL_BYTE_WORD))
            i++;
        if (i >= len || !(bl_byte_class[t[i]] & (BL_BYTE_HIGH | BL_BYTE_JOIN)))
            break;  /* space or punctuation: the word ends */
        if ((on = word_goes_on_at(text, len, i)) == i)
            break;
        plain = 0;
        i = on;
    }
    p_word->begin = b;
    p_word->end = i;
    *p_pos = i;
    *p_plain = plain;
    return 1;
}
