/*
 * text.h: UTF-8 decoding, sentences and words over prose text.
 *
 * All functions take (const char *, size_t) text that may hold invalid
 * UTF-8: an invalid byte decodes as one U+FFFD of length 1, so offsets
 * never shift and nothing reads past the end.
 */
#ifndef BL_TEXT_H
#define BL_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* bl_utf8_decode of a byte >= 0x80: the first byte of a multibyte
 * character or an invalid byte. */
uint32_t bl_utf8_decode_multibyte(const char *s, size_t len, size_t i,
                                  size_t *p_n);

/* Decodes the code point at s[i] (i < len); stores its byte length.
 * Inline for ASCII: the checks call this for most bytes of a document,
 * and prose is mostly ASCII. */
static inline uint32_t
bl_utf8_decode(const char *s, size_t len, size_t i, size_t *p_n)
{
    unsigned char c = (unsigned char)s[i];

    if (c < 0x80) {
        *p_n = 1;
        return c;
    }
    return bl_utf8_decode_multibyte(s, len, i, p_n);
}

/* FNV-1a (as bl_strset_hash) of ASCII text, lower-cased as it goes: h
 * after BL_FOLD_HASH_STEP of each byte from BL_FOLD_HASH_INIT.  The fold
 * sets bit 0x20, which digits and most punctuation have already, so
 * "3-Mar" and "3-mar" hash alike; of other bytes it is just some hash. */
#define BL_FOLD_HASH_INIT 2166136261u
#define BL_FOLD_HASH_STEP(h, c) \
    (((h) ^ (unsigned char)((c) | 0x20)) * 16777619u)

static inline uint32_t
bl_fold_hash(const char *w, size_t n)
{
    uint32_t h = BL_FOLD_HASH_INIT;
    size_t i;

    for (i = 0; i < n; i++)
        h = BL_FOLD_HASH_STEP(h, w[i]);
    return h;
}

/* What the tokenizer asks of a byte, one table look each: an ASCII
 * letter, digit or '_' (WORD), a byte of a multibyte character (HIGH),
 * or an ASCII joiner that a word may hold inside (JOIN: "didn't",
 * "on-call"). */
enum { BL_BYTE_WORD = 1, BL_BYTE_HIGH = 2, BL_BYTE_JOIN = 4 };
extern const unsigned char bl_byte_class[256];

/* bl_is_word_cp of a code point >= 0x80. */
int bl_is_word_cp_non_ascii(uint32_t cp);

/* Is cp a letter or digit as far as word splitting is concerned?  Non-ASCII
 * code points count as letters except the punctuation and space blocks,
 * so "José" and "Łukasz" are single words and curly quotes are not.
 * Inline for ASCII, as bl_utf8_decode is. */
static inline int
bl_is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return bl_byte_class[cp] & BL_BYTE_WORD;
    return bl_is_word_cp_non_ascii(cp);
}

/* bl_is_upper_cp of a code point >= 0x80. */
int bl_is_upper_cp_non_ascii(uint32_t cp);

/* Is cp an upper-case letter (ASCII, Latin-1, Latin Extended-A/B, Greek,
 * Cyrillic)?  Enough to recognise capitalised names.  Inline for ASCII. */
static inline int
bl_is_upper_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp - 'A' < 26u;
    return bl_is_upper_cp_non_ascii(cp);
}

typedef struct bl_span {
    size_t begin, end;
} bl_span;

/* Copies s[0..n) to out with ASCII letters lower-cased; other bytes
 * (UTF-8) as they are, which is enough for the words rules look up. */
void bl_ascii_lower(const char *s, size_t n, char *out);

/* Splits text into sentences.  Calls fn for each [begin,end) (trimmed of
 * surrounding space) and stops early when fn returns non-zero, which is
 * then returned.  Abbreviations (e.g., i.e., etc., Mr.), versions (4.2.1),
 * times (14:02), decimals and initials do not end a sentence. */
typedef int (*bl_sentence_fn)(bl_span sentence, void *ud);
int bl_split_sentences(const char *text, size_t len, bl_sentence_fn fn,
                       void *ud);


/* bl_next_word_plain for every word, out of line. */
int bl_next_word_any(const char *text, size_t len, size_t *p_pos,
                     bl_span *p_word, int *p_plain);

/* bl_next_word, and whether the word is plain: ASCII letters, digits and
 * '_' only, so that bl_ascii_lower is all it takes to compare it with a
 * lower-case word (no curly apostrophe to straighten).
 *
 * Inline for a plain word, which most words of prose are: the sentence
 * walk (lint.c) and the checks read every word of the document through
 * this loop.  A word that reaches a joiner or a multibyte character is
 * read again from *p_pos by bl_next_word_any, whose rules decide. */
static inline int
bl_next_word_plain(const char *text, size_t len, size_t *p_pos,
                   bl_span *p_word, int *p_plain)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t i = *p_pos, b;

    while (i < len && !(bl_byte_class[t[i]] & (BL_BYTE_WORD | BL_BYTE_HIGH)))
        i++;
    if (i >= len) {
        *p_pos = len;
        return 0;
    }
    if (bl_byte_class[t[i]] & BL_BYTE_WORD) {
        b = i;
        while (i < len && (bl_byte_class[t[i]] & BL_BYTE_WORD))
            i++;
        if (i >= len
            || !(bl_byte_class[t[i]] & (BL_BYTE_HIGH | BL_BYTE_JOIN))) {
            p_word->begin = b;
            p_word->end = i;
            *p_pos = i;
            *p_plain = 1;
            return 1;
        }
    }
    {
        /* Through copies, so that the caller's variables never escape:
         * then they stay in registers across its loop over words. */
        size_t pos = *p_pos;
        bl_span word;
        int plain, found = bl_next_word_any(text, len, &pos, &word, &plain);
        *p_pos = pos;
        if (found) {
            *p_word = word;
            *p_plain = plain;
        }
        return found;
    }
}

/* Finds the next word at or after *p_pos within [0,len): a run of word
 * characters with inner apostrophes or hyphens ("didn't", "on-call").
 * Returns 1 and the span, or 0 at the end. */
static inline int
bl_next_word(const char *text, size_t len, size_t *p_pos, bl_span *p_word)
{
    int plain;

    return bl_next_word_plain(text, len, p_pos, p_word, &plain);
}

/* Is c ASCII white space as Markdown lines hold it: space, tab, line
 * feed or carriage return? */
static inline int
bl_is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Is s[0..n) the NUL-terminated literal lit?  Compares as it goes, without
 * strlen: word tables are searched once per word of the document, and most
 * entries differ at the first byte. */
static inline int
bl_lit_equals(const char *lit, const char *s, size_t n)
{
    size_t k;

    for (k = 0; k < n; k++)
        if (lit[k] != s[k] || lit[k] == '\0')
            return 0;
    return lit[n] == '\0';
}

#endif
