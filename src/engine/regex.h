/*
 * regex.h: the rule patterns as the checks use them.
 *
 * A bl_regex is compiled on first use (or decoded from the form rulegen
 * compiled at build time), JIT-compiled on a helper thread once it has
 * been tried often enough to repay that, and also kept as its top-level
 * alternatives compiled one by one when it is searched for, or when it is
 * tried at one place and whoever reads its matches allows it.
 */
#ifndef BL_REGEX_H
#define BL_REGEX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

/* Every rule pattern: caseless, Unicode-aware \b and \w (so "José" is one
 * word), and free to reuse a group name such as (?<name>) in each branch of
 * an alternation.  Prose is always valid UTF-8 (doc.c replaces invalid
 * bytes), so matching passes PCRE2_NO_UTF_CHECK: PCRE2's own check, and
 * PCRE2_MATCH_INVALID_UTF, cost a pass over the rest of the text per call. */
#define BL_PCRE2_OPTIONS (PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP \
                          | PCRE2_DUPNAMES)
#define BL_PCRE2_MATCH_OPTIONS PCRE2_NO_UTF_CHECK

typedef struct bl_regex {
    char *src;
    pcre2_code *code;
    const uint8_t *first;   /* bytes a match may start with, or NULL */
    unsigned uses;
    unsigned jit_after;     /* tries before it is JIT-compiled */
    int failed;
    int anchored;   /* compiled to match only where a search tries it */
    /* The pattern as rulegen compiled it at build time (serialized), or
     * NULL: decoding it costs a copy, compiling it again up to a
     * millisecond. */
    const unsigned char *precompiled;
    /* An unanchored pattern's top-level alternatives, each compiled alone
     * (NULL when it has one, or cannot be split safely): see regex.c. */
    pcre2_code **alts;
    size_t n_alts;
    /* An anchored pattern's too, when is_split_anchored: whoever reads
     * its matches takes the groups' names from bl_regex_hit and numbers
     * none of them (group numbers count the whole pattern's groups).
     * alt_first[k]: the bytes alts[k] may start with, or NULL. */
    int is_split_anchored;
    const uint8_t **alt_first;
    /* The whole pattern's groups.  A match data with no more pairs than
     * that gets 0 for a match setting a group past them, and which group
     * that is differs between the whole and a part: such a try runs the
     * whole. */
    uint32_t captures;
    const pcre2_code *hit;  /* what the last successful match ran */
    /* Once tried often: copies being JIT-compiled on the helper thread,
     * used from the first try after they are ready (see regex.c). */
    struct bl_jit_job *jit;
    int is_jit_compiled;    /* bl_regex_jit compiled it in place */
} bl_regex;

/* Compiles re if needed; returns NULL if the pattern is invalid. */
pcre2_code *bl_regex_get(bl_regex *re);

/* Matches re against subject[0..len) from start, compiling it first and
 * JIT-compiling it once it has been tried often; pcre2_match's result,
 * with md holding the leftmost match, as the whole pattern would find. */
int bl_regex_match(bl_regex *re, const char *subject, size_t len,
                   size_t start, pcre2_match_data *md);

/* The compiled pattern behind the last successful bl_regex_match: the one
 * whose name table reads md's groups (one alternative of a split regex). */
const pcre2_code *bl_regex_hit(const bl_regex *re);

/* JIT-compiles re now, for a pattern known to run often. */
void bl_regex_jit(bl_regex *re);

/* Waits until the helper thread has JIT-compiled re, if it was handed
 * re; returns 1 when the next try runs JIT-compiled code, else 0. */
int bl_regex_jit_wait(bl_regex *re);

void bl_regex_free(bl_regex *re);

/* re's compiled form for the build to embed: the whole pattern, then its
 * alternatives, serialized together.  Returns 0, or -1 when re does not
 * compile or cannot be serialized.  Free *p_bytes with
 * pcre2_serialize_free. */
int bl_regex_serialize(bl_regex *re, uint8_t **p_bytes, size_t *p_size);

/* Where pattern src splits into top-level alternatives: fills cut[] with
 * the offsets of the '|' that separate them and returns how many there
 * are (0 when src is one alternative, or when splitting could change what
 * it matches: back references, option settings that reach across a '|',
 * verbs, \Q...\E).  At most max cuts are reported; more returns 0. */
size_t bl_regex_split(const char *src, size_t *cut, size_t max);

#endif
