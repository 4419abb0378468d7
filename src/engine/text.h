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

/* Decodes the code point at s[i] (i < len); stores its byte length. */
uint32_t bl_utf8_decode(const char *s, size_t len, size_t i, size_t *p_n);

/* Is cp a letter or digit as far as word splitting is concerned?  Non-ASCII
 * code points count as letters except the punctuation and space blocks,
 * so "José" and "Łukasz" are single words and curly quotes are not. */
int bl_is_word_cp(uint32_t cp);

/* Is cp an upper-case letter (ASCII, Latin-1, Latin Extended-A/B, Greek,
 * Cyrillic)?  Enough to recognise capitalised names. */
int bl_is_upper_cp(uint32_t cp);

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

/* Finds the next word at or after *p_pos within [0,len): a run of word
 * characters with inner apostrophes or hyphens ("didn't", "on-call").
 * Returns 1 and the span, or 0 at the end. */
int bl_next_word(const char *text, size_t len, size_t *p_pos, bl_span *p_word);

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
