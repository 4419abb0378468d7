/*
 * wordforms.c: expands {verb:lemma|irregular...} in rule files into every
 * inflected form of the verb.
 *
 * Rule authors write {verb:ignore} once instead of ignore|ignores|ignored|
 * ignoring.  Regular English inflection proposes candidates (doubling the
 * final consonant, dropping a silent e, y -> ie) and Hunspell's en_US
 * dictionary keeps only real words, so "forgeted" never reaches a pattern
 * while "forgetting" does.  Irregular forms (forgot, forgotten) are listed
 * after the lemma.  The default rules are expanded at build time, so the
 * dictionary is loaded at run time only for a --rules directory that uses
 * a marker.
 */
#include <hunspell/hunspell.h>
#include <stdio.h>
#include <string.h>

#include "rules.h"
#include "vec.h"

static int
is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Proposes inflections of lemma into out[] (each at most 63 bytes).  The
 * lemma is printed as "%.*s" with its length n <= 50: GCC cannot carry that
 * bound into snprintf at -O1 and -Wformat-truncation would fail the build. */
static size_t
candidates(const char *lemma, char out[][64])
{
    size_t n = strlen(lemma), k = 0;
    char last = n ? lemma[n - 1] : 0, prev = n > 1 ? lemma[n - 2] : 0;
    int cvc = n >= 3 && !is_vowel(last) && is_vowel(prev)
              && !is_vowel(lemma[n - 3]) && last != 'w' && last != 'x'
              && last != 'y';

    if (n == 0 || n > 50)
        return 0;
    snprintf(out[k++], 64, "%s", lemma);
    if (last == 's' || last == 'x' || last == 'z' || last == 'h')
        snprintf(out[k++], 64, "%.*ses", (int)n, lemma);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(out[k++], 64, "%.*sies", (int)n - 1, lemma);
    else
        snprintf(out[k++], 64, "%.*ss", (int)n, lemma);
    if (last == 'e') {
        snprintf(out[k++], 64, "%.*sd", (int)n, lemma);
        snprintf(out[k++], 64, "%.*sing", (int)n - 1, lemma);
        snprintf(out[k++], 64, "%.*sing", (int)n, lemma);  /* seeing */
    } else if (last == 'y' && !is_vowel(prev)) {
        snprintf(out[k++], 64, "%.*sied", (int)n - 1, lemma);
        snprintf(out[k++], 64, "%.*sing", (int)n, lemma);
    } else {
        snprintf(out[k++], 64, "%.*sed", (int)n, lemma);
        snprintf(out[k++], 64, "%.*sing", (int)n, lemma);
        if (cvc) {
            snprintf(out[k++], 64, "%.*s%ced", (int)n, lemma, last);
            snprintf(out[k++], 64, "%.*s%cing", (int)n, lemma, last);
        }
    }
    return k;
}

/* Appends the forms of one marker body ("forget|forgot|forgotten"). */
static int
expand_marker(Hunhandle *h, const char *body, size_t n, int as_words,
              bl_strbuf *out)
{
    char lemma[64], forms[12][64];
    const char *bar = memchr(body, '|', n);
    size_t ln = bar ? (size_t)(bar - body) : n, i, k, emitted = 0;

    if (ln == 0 || ln >= sizeof lemma)
        return -1;
    memcpy(lemma, body, ln);
    lemma[ln] = '\0';
    if (bl_strbuf_add(out, as_words ? "" : "(?:", as_words ? 0 : 3) < 0)
        return -1;
    k = candidates(lemma, forms);
    for (i = 0; i < k; i++) {
        size_t j;
        int dup = 0;
        if (i > 0 && !Hunspell_spell(h, forms[i]))
            continue;
        for (j = 0; j < i; j++)
            dup |= strcmp(forms[i], forms[j]) == 0;
        if (dup)
            continue;
        if ((emitted++ && bl_strbuf_add(out, as_words ? " " : "|", 1) < 0)
            || bl_strbuf_add(out, forms[i], strlen(forms[i])) < 0)
            return -1;
    }
    if (bar != NULL) {
        /* Irregular forms are taken as written. */
        const char *p = bar + 1, *end = body + n;
        while (p <= end) {
            const char *q = memchr(p, '|', (size_t)(end - p));
            if (q == NULL)
                q = end;
            if (q > p && (bl_strbuf_add(out, as_words ? " " : "|", 1) < 0
                          || bl_strbuf_add(out, p, (size_t)(q - p)) < 0))
                return -1;
            p = q + 1;
        }
    }
    return bl_strbuf_add(out, as_words ? "" : ")", as_words ? 0 : 1);
}

char *
bl_wordforms_expand(const char *text, size_t len, size_t *p_outlen,
                    char *err, size_t errlen)
{
    static const char marker[] = "{verb:";
    Hunhandle *h = NULL;
    bl_strbuf out = {NULL, 0, 0};
    size_t i = 0, line = 1;
    int in_words = 0, line_start = 1;

    if (bl_strbuf_add(&out, "", 0) < 0)
        goto oom;
    while (i < len) {
        const char *m;
        size_t end;
        if (line_start) {
            /* "Words:" and its continuation lines take space-separated
             * forms; every other field takes a regex alternation. */
            if (text[i] != ' ' && text[i] != '\t')
                in_words = len - i >= 6 && memcmp(text + i, "Words:", 6) == 0;
            line_start = 0;
        }
        if (text[i] == '\n') {
            line++;
            line_start = 1;
        }
        if (len - i < sizeof marker - 1
            || memcmp(text + i, marker, sizeof marker - 1) != 0) {
            if (bl_strbuf_add(&out, text + i, 1) < 0)
                goto oom;
            i++;
            continue;
        }
        m = text + i + sizeof marker - 1;
        for (end = (size_t)(m - text); end < len && text[end] != '}'
             && text[end] != '\n'; end++)
            ;
        if (end >= len || text[end] != '}') {
            snprintf(err, errlen, "line %zu: unterminated {verb:...}", line);
            goto fail;
        }
        if (h == NULL) {
            /* Hunspell_create "succeeds" on missing files and then rejects
             * every word, so check the dictionary is there first. */
            FILE *probe = fopen(BL_HUNSPELL_DIR "/en_US.dic", "r");
            if (probe != NULL) {
                fclose(probe);
                h = Hunspell_create(BL_HUNSPELL_DIR "/en_US.aff",
                                BL_HUNSPELL_DIR "/en_US.dic");
            }
            if (h == NULL) {
                snprintf(err, errlen, "{verb:...} needs the Hunspell en_US "
                         "dictionary in " BL_HUNSPELL_DIR
                         " (Debian package hunspell-en-us)");
                goto fail;
            }
        }
        if (expand_marker(h, m, (size_t)(text + end - m), in_words, &out) < 0) {
            snprintf(err, errlen, "line %zu: bad {verb:...} marker", line);
            goto fail;
        }
        i = end + 1;
    }
    if (h != NULL)
        Hunspell_destroy(h);
    *p_outlen = out.n;
    return out.items;
oom:
    snprintf(err, errlen, "out of memory");
fail:
    if (h != NULL)
        Hunspell_destroy(h);
    free(out.items);
    return NULL;
}
