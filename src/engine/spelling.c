/*
 * spelling.c: spelling/unknown-word, the words of the prose that neither
 * the Hunspell dictionary nor the team knows.
 *
 * Known words: the dictionary of spelling.language (LANG.aff and LANG.dic
 * in a directory of $DICPATH, else in /usr/share/hunspell); the word list
 * file spelling.wordlist (words separated by white space, "#" lines are
 * comments), read again once it changes; the team names and the words
 * of the allowed phrases of the configuration; the rule files' Not-Names:
 * (in lower case, so that "github" passes too) and Known-Words:; and
 * words added while running (bl_rules_add_word).  All of them go into
 * Hunspell's run-time dictionary, so its rules for case hold for them too
 * (a word in lower case also matches capitalised, a capitalised one, a
 * name, only capitalised) and its suggestions draw on them.
 *
 * What is not prose to a dictionary is left alone: tokens (the runs
 * between spaces) that are URLs, e-mail addresses or @handles, paths and
 * file names, #channels, --options or key=value; words with a digit or an
 * underscore, ALL-CAPS acronyms and CamelCase names; and words in
 * quotation marks or block quotes, which are someone else's words or a
 * message quoted as it was.  Code never reaches the prose.
 *
 * Cost: the dictionary is loaded for the first word there is to look up,
 * and kept in the rule set (bl_rules_family_cache), so a check with the
 * rule off, or of a document with nothing to look up, never opens it.
 * Each word's verdict is kept there too, since the language server checks
 * the same words on every keystroke.  A Hunspell suggestion takes tens of
 * milliseconds, so only the first spelling.suggestions different unknown
 * words of a document get one: the same words whatever was checked before.
 */
#include <errno.h>
#include <hunspell/hunspell.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lint.h"
#include "vec.h"

/* Longer "words" are hashes or encoded data, not prose. */
#define WORD_MAX 48
/* Verdicts a rule set keeps before it forgets them all at once, so that
 * hostile input cannot grow them for ever. */
#define VERDICTS_MAX 65536
/* How far a quotation in single quotes may run: a quoted phrase, not half
 * a paragraph (an apostrophe opening a word is no quotation mark). */
#define QUOTE_REACH 160

/* --- Verdicts: what the dictionary said about a word ------------------- */

typedef struct verdict {
    char *word;         /* NUL-terminated; NULL marks an empty slot */
    size_t n;
    int known;
    int asked;          /* Hunspell was asked for suggestions */
    char *suggestion;   /* the one offered, or NULL */
} verdict;

typedef struct verdicts {
    verdict *slots;
    size_t cap, n;      /* cap: a power of two, or 0 */
} verdicts;

static void
verdicts_free(verdicts *vs)
{
    size_t i;

    for (i = 0; i < vs->cap; i++) {
        free(vs->slots[i].word);
        free(vs->slots[i].suggestion);
    }
    free(vs->slots);
    vs->slots = NULL;
    vs->cap = vs->n = 0;
}

static verdict *
verdict_slot(verdict *slots, size_t cap, const char *w, size_t n)
{
    size_t i = bl_strset_hash(w, n) & (cap - 1);

    while (slots[i].word != NULL
           && !(slots[i].n == n && memcmp(slots[i].word, w, n) == 0))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static verdict *
verdict_find(const verdicts *vs, const char *w, size_t n)
{
    verdict *v;

    if (vs->cap == 0)
        return NULL;
    v = verdict_slot(vs->slots, vs->cap, w, n);
    return v->word != NULL ? v : NULL;
}

/* Records a verdict on w; the pointer is valid until the next add.  NULL
 * when out of memory. */
static verdict *
verdict_add(verdicts *vs, const char *w, size_t n, int known)
{
    verdict *v;

    if (vs->n >= VERDICTS_MAX)
        verdicts_free(vs);
    if ((vs->n + 1) * 4 > vs->cap * 3) {
        size_t cap = vs->cap ? vs->cap * 2 : 256, i;
        verdict *slots = calloc(cap, sizeof *slots);
        if (slots == NULL)
            return NULL;
        for (i = 0; i < vs->cap; i++)
            if (vs->slots[i].word != NULL)
                *verdict_slot(slots, cap, vs->slots[i].word, vs->slots[i].n)
                    = vs->slots[i];
        free(vs->slots);
        vs->slots = slots;
        vs->cap = cap;
    }
    v = verdict_slot(vs->slots, vs->cap, w, n);
    if ((v->word = bl_strndup(w, n)) == NULL)
        return NULL;
    v->n = n;
    v->known = known;
    v->asked = 0;
    v->suggestion = NULL;
    vs->n++;
    return v;
}

/* --- The speller: a rule set's dictionary and known words -------------- */

typedef struct speller {
    Hunhandle *h;       /* NULL until loaded, and after a failure */
    int utf8;           /* the dictionary reads UTF-8; if not, only ASCII
                           words are looked up */
    int list_read;      /* the word list file was there when loaded */
    struct stat list_st;    /* ...and this version of it */
    size_t words_added; /* how many of rules->words Hunspell has */
    verdicts verdicts;
} speller;

static void
speller_unload(speller *sp)
{
    if (sp->h != NULL)
        Hunspell_destroy(sp->h);
    sp->h = NULL;
    sp->list_read = 0;
    sp->words_added = 0;
    verdicts_free(&sp->verdicts);
}

/* free_fn of the family cache. */
static void
speller_free(void *state)
{
    speller_unload(state);
    free(state);
}

/* Copies w[0..n) to out (WORD_MAX + 1 bytes) as the dictionary reads it:
 * the typographic apostrophe as "'".  0 for a word it cannot read (too
 * long, or not ASCII for a dictionary that is not in UTF-8). */
static size_t
dictionary_form(const speller *sp, const char *w, size_t n, char *out)
{
    size_t i, o = 0;

    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (o == WORD_MAX)
            return 0;
        if (c == 0xE2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80
            && (unsigned char)w[i + 2] == 0x99) {
            out[o++] = '\'';
            i += 2;
            continue;
        }
        if (c >= 0x80 && !sp->utf8)
            return 0;
        out[o++] = (char)c;
    }
    out[o] = '\0';
    return o;
}

/* Makes w[0..n) a known word. */
static void
add_known(speller *sp, const char *w, size_t n)
{
    char form[WORD_MAX + 1];

    if (n > 0 && dictionary_form(sp, w, n, form) > 0)
        Hunspell_add(sp->h, form);
}

/* Makes every word of the white-space separated text known. */
static void
add_known_words(speller *sp, const char *text, size_t len)
{
    size_t i = 0, b;

    while (i < len) {
        while (i < len && (text[i] == ' ' || text[i] == '\t'
                           || text[i] == '\r' || text[i] == '\n'))
            i++;
        for (b = i; i < len && text[i] != ' ' && text[i] != '\t'
             && text[i] != '\r' && text[i] != '\n'; i++)
            ;
        add_known(sp, text + b, i - b);
    }
}

/* Finds LANG.aff and LANG.dic in a directory of $DICPATH (":"-separated),
 * or else of BL_HUNSPELL_DIR.  0, or BL_EDATA with the reason in err. */
static int
find_dictionary(const char *lang, char *aff, char *dic, size_t cap,
                char *err, size_t errlen)
{
    const char *env = getenv("DICPATH");
    const char *dirs = env != NULL && env[0] != '\0' ? env : BL_HUNSPELL_DIR;
    const char *p = dirs;

    for (;;) {
        size_t n = strcspn(p, ":");
        if (n > 0 && n + strlen(lang) + 6 < cap) {
            snprintf(aff, cap, "%.*s/%s.aff", (int)n, p, lang);
            snprintf(dic, cap, "%.*s/%s.dic", (int)n, p, lang);
            if (access(aff, R_OK) == 0 && access(dic, R_OK) == 0)
                return 0;
        }
        if (p[n] == '\0')
            break;
        p += n + 1;
    }
    snprintf(err, errlen, "spelling/unknown-word: no Hunspell dictionary "
             "\"%s\" (%s.aff and %s.dic) in %s%.200s%s: install it (Debian "
             "packages hunspell-*; en_US is hunspell-en-us), or set "
             "spelling.language or DICPATH", lang, lang, lang,
             dirs == env ? "DICPATH (" : "", dirs, dirs == env ? ")" : "");
    return BL_EDATA;
}

/* Reads the word list file at path into Hunspell.  A file that is not
 * there is an empty list.  0, BL_EDATA or BL_ENOMEM. */
static int
read_word_list(speller *sp, const char *path, char *err, size_t errlen)
{
    FILE *f;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 0;

    sp->list_read = 0;
    if (path == NULL || path[0] == '\0')
        return 0;
    if ((f = fopen(path, "r")) == NULL) {
        if (errno == ENOENT)
            return 0;
        snprintf(err, errlen, "spelling/unknown-word: cannot read the word "
                 "list %.300s: %s", path, strerror(errno));
        return BL_EDATA;
    }
    if (fstat(fileno(f), &sp->list_st) != 0 || !S_ISREG(sp->list_st.st_mode)) {
        snprintf(err, errlen, "spelling/unknown-word: the word list %.300s "
                 "is not a file", path);
        fclose(f);
        return BL_EDATA;
    }
    errno = 0;
    while ((n = getline(&line, &cap, f)) >= 0) {
        size_t skip = strspn(line, " \t");
        if (line[skip] != '#')
            add_known_words(sp, line, (size_t)n);
    }
    if (ferror(f)) {
        rc = errno == ENOMEM ? BL_ENOMEM : BL_EDATA;
        snprintf(err, errlen, "spelling/unknown-word: cannot read the word "
                 "list %.300s: %s", path, strerror(errno));
    }
    free(line);
    fclose(f);
    sp->list_read = rc == 0;
    return rc;
}

/* Loads the dictionary and every known word.  0, BL_EDATA or BL_ENOMEM,
 * with the reason in err. */
static int
speller_load(speller *sp, const bl_rules *rules, char *err, size_t errlen)
{
    const char *lang = bl_rules_setting(rules, "spelling.language");
    const char *enc;
    char aff[4096], dic[4096];
    size_t i;
    int rc;

    if (lang == NULL)
        lang = "en_US";     /* a --rules directory without the setting */
    if ((rc = find_dictionary(lang, aff, dic, sizeof aff, err, errlen)) != 0)
        return rc;
    if ((sp->h = Hunspell_create(aff, dic)) == NULL) {
        snprintf(err, errlen, "spelling/unknown-word: cannot load the "
                 "Hunspell dictionary %.300s", dic);
        return BL_EDATA;
    }
    enc = Hunspell_get_dic_encoding(sp->h);
    sp->utf8 = enc != NULL && (strcmp(enc, "UTF-8") == 0
                               || strcmp(enc, "utf-8") == 0);
    /* Not-Names are capitalised, but prose writes "github" and "nginx"
     * too: in lower case they match both. */
    for (i = 0; i < rules->not_names.cap; i++) {
        const bl_strset_slot *nn = &rules->not_names.slots[i];
        char low[WORD_MAX + 1];
        if (nn->s != NULL && nn->n <= WORD_MAX) {
            bl_ascii_lower(nn->s, nn->n, low);
            add_known(sp, low, nn->n);
        }
    }
    for (i = 0; i < rules->people.cap; i++)
        if (rules->people.slots[i].s != NULL)
            add_known(sp, rules->people.slots[i].s, rules->people.slots[i].n);
    for (i = 0; i < rules->allowed.n; i++)
        add_known_words(sp, rules->allowed.items[i],
                        strlen(rules->allowed.items[i]));
    for (i = 0; i < rules->words.n; i++)
        add_known(sp, rules->words.items[i], strlen(rules->words.items[i]));
    sp->words_added = rules->words.n;
    return read_word_list(sp, bl_rules_setting(rules, "spelling.wordlist"),
                          err, errlen);
}

/* Has the word list file changed (or come or gone) since it was read? */
static int
word_list_changed(const speller *sp, const char *path)
{
    struct stat st;
    int there = path != NULL && path[0] != '\0' && stat(path, &st) == 0;

    if (there != sp->list_read)
        return 1;
    return there && (st.st_mtim.tv_sec != sp->list_st.st_mtim.tv_sec
                     || st.st_mtim.tv_nsec != sp->list_st.st_mtim.tv_nsec
                     || st.st_size != sp->list_st.st_size
                     || st.st_ino != sp->list_st.st_ino
                     || st.st_dev != sp->list_st.st_dev);
}

/* The rule set's speller, ready for a run: loaded, with the word list as
 * the file is now and the words added since.  0, -1 or BL_EDATA. */
static int
speller_for(bl_rules *rules, speller **p_sp)
{
    speller *sp = bl_rules_family_cache(rules, "spelling");
    int rc;

    if (sp == NULL) {
        if ((sp = calloc(1, sizeof *sp)) == NULL
            || bl_rules_set_family_cache(rules, "spelling", sp,
                                         speller_free) < 0)
            return -1;
    }
    if (sp->h != NULL
        && word_list_changed(sp, bl_rules_setting(rules, "spelling.wordlist")))
        speller_unload(sp);     /* a word may have gone: start again */
    if (sp->h == NULL) {
        rc = speller_load(sp, rules, rules->error, sizeof rules->error);
        if (rc != 0) {
            speller_unload(sp);
            return rc == BL_ENOMEM ? -1 : rc;
        }
    }
    if (sp->words_added < rules->words.n) {
        while (sp->words_added < rules->words.n) {
            const char *w = rules->words.items[sp->words_added++];
            add_known(sp, w, strlen(w));
        }
        verdicts_free(&sp->verdicts);   /* unknown words may be known now */
    }
    *p_sp = sp;
    return 0;
}

/* --- What is not prose -------------------------------------------------- */

static int
is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
           || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/* Is the token t[b..e) (the punctuation around it taken off) something
 * other than prose: a URL, an e-mail address or @handle, a path or a file
 * name (config.yaml, .env, a "/" or a "\"), an abbreviation with dots
 * (e.g), a time or a tag (14:02, re:Invent), a #channel or issue, an
 * --option, $VARIABLE, key=value or an expression? */
static int
is_not_prose(const char *t, size_t b, size_t e)
{
    size_t i;

    if (strchr("#@$%~.-", t[b]) != NULL)
        return 1;
    for (i = b; i < e; i++) {
        char c = t[i];
        if (c == '/' || c == '\\' || c == '@' || c == '=' || c == '<'
            || c == '>' || c == '{' || c == '}' || c == '|' || c == '`')
            return 1;
        if ((c == '.' || c == ':') && i > b && i + 1 < e
            && is_word_byte(t[i - 1]) && is_word_byte(t[i + 1]))
            return 1;
    }
    return 0;
}

static uint32_t
ascii_lower(uint32_t cp)
{
    return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
}

/* A letter that is not upper case. */
static int
is_lower_cp(uint32_t cp)
{
    return bl_is_word_cp(cp) && !bl_is_upper_cp(cp) && cp != '_'
           && !(cp >= '0' && cp <= '9');
}

/* Is the word w[0..n) one a dictionary cannot judge: a single letter, or
 * one letter repeated (XXX, yyyy: a template's slot); a word with a digit
 * or an underscore (p99, max_conns); an acronym in capitals, also before
 * an apostrophe (TTL, PR'd); a name with capitals inside (PagerDuty,
 * OAuth, APIs, macOS)?  Capitals are counted in each hyphenated part, so
 * "Jean-Luc" is judged as the two names it is. */
static int
is_not_a_dictionary_word(const char *w, size_t n)
{
    size_t i, cl, letters = 0, uppers = 0;
    size_t part_uppers = 0, part_lowers = 0, stem_letters = 0, stem_uppers = 0;
    uint32_t cp, prev = 0, first = 0;
    int one_letter = 1;

    if (n > WORD_MAX)
        return 1;
    for (i = 0; i <= n; i += cl) {
        cl = 1;
        /* A '-' after the end closes the last part. */
        cp = i < n ? bl_utf8_decode(w, n, i, &cl) : '-';
        if ((cp >= '0' && cp <= '9') || cp == '_')
            return 1;
        if (cp == '-') {        /* the end of a part */
            if (part_uppers >= 2 && part_lowers > 0)
                return 1;
            part_uppers = part_lowers = 0;
        } else if ((cp == '\'' || cp == 0x2019) && stem_letters == 0) {
            stem_letters = letters;
            stem_uppers = uppers;
        } else if (bl_is_upper_cp(cp)) {
            if (is_lower_cp(prev))
                return 1;       /* camelCase */
            uppers++;
            part_uppers++;
        } else if (is_lower_cp(cp)) {
            part_lowers++;
        }
        if (bl_is_word_cp(cp)) {
            if (letters++ == 0)
                first = cp;
            one_letter &= ascii_lower(cp) == ascii_lower(first);
        }
        prev = cp;
    }
    return letters < 2 || one_letter || uppers == letters
           || (stem_letters >= 2 && stem_uppers == stem_letters);
}

/* The end of w[b..e) without a possessive "'s" or "’s": Priya's is
 * checked as Priya. */
static size_t
without_possessive(const char *t, size_t b, size_t e)
{
    if (e - b > 2 && t[e - 2] == '\'' && (t[e - 1] == 's' || t[e - 1] == 'S'))
        return e - 2;
    if (e - b > 4 && (t[e - 1] == 's' || t[e - 1] == 'S')
        && memcmp(t + e - 4, "\xE2\x80\x99", 3) == 0)
        return e - 4;
    return e;
}

/* Where a quotation in single quotes that opens at t[from] ends: after a
 * closing ' or ’ that ends a word, within QUOTE_REACH bytes; 0 when there
 * is none, and the mark was an apostrophe ('em, 'til). */
static size_t
single_quote_end(const char *t, size_t len, size_t from)
{
    size_t j, limit = from + QUOTE_REACH < len ? from + QUOTE_REACH : len;

    for (j = from + 1; j < limit; j++) {
        size_t ml = t[j] == '\'' ? 1
                    : j + 2 < len && memcmp(t + j, "\xE2\x80\x99", 3) == 0
                    ? 3 : 0;
        if (ml > 0 && is_word_byte(t[j - 1])
            && (j + ml >= len || !is_word_byte(t[j + ml])))
            return j + ml;
    }
    return 0;
}

/* --- Suggestions --------------------------------------------------------- */

/* Decodes s into at most cap code points; cap + 1 when it has more. */
static size_t
code_points(const char *s, uint32_t *out, size_t cap)
{
    size_t i = 0, n = 0, len = strlen(s), cl;

    while (i < len) {
        if (n == cap)
            return cap + 1;
        out[n++] = bl_utf8_decode(s, len, i, &cl);
        i += cl;
    }
    return n;
}

/* How far suggestion s is from word w, as a rank where lower is likelier
 * what was meant, or -1 when it is too far to offer: more than one edit
 * (a letter added, dropped or changed, or two swapped), or another first
 * letter.  A typing slip is nearly always one edit that keeps the first
 * letter ("recieved", "Teh", "occured"); a word two edits away is far
 * more often a term the dictionary lacks, and Hunspell's guesses for it
 * ("prowjobs" -> "blowjobs", "timelord" -> "timecard", "unintuitive" ->
 * "intuitive") would make fixes nobody wants.  Among the near ones, the
 * same letters swapped come first ("Teh" -> "The"), then not shorter
 * ("work" before "wk"); the lowest bit is set for a shorter one. */
static int
nearness(const char *w, const char *s)
{
    uint32_t a[WORD_MAX + 1], b[WORD_MAX + 1];
    size_t row[3][WORD_MAX + 2];
    size_t m = code_points(w, a, WORD_MAX), n = code_points(s, b, WORD_MAX);
    size_t limit = 1, i, j, d;
    int swapped = 0;

    if (m > WORD_MAX || n > WORD_MAX || (m > n ? m - n : n - m) > limit
        || m == 0 || n == 0 || ascii_lower(a[0]) != ascii_lower(b[0]))
        return -1;
    /* Optimal string alignment distance, three rows at a time. */
    for (j = 0; j <= n; j++)
        row[0][j] = j;
    for (i = 1; i <= m; i++) {
        size_t *cur = row[i % 3], *up = row[(i - 1) % 3];
        size_t *up2 = row[(i + 1) % 3];     /* i - 2 */
        cur[0] = i;
        for (j = 1; j <= n; j++) {
            size_t cost = a[i - 1] != b[j - 1], d = up[j - 1] + cost;
            if (up[j] + 1 < d)
                d = up[j] + 1;
            if (cur[j - 1] + 1 < d)
                d = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
                && up2[j - 2] + 1 < d)
                d = up2[j - 2] + 1;
            cur[j] = d;
        }
    }
    if ((d = row[m % 3][n]) > limit)
        return -1;
    if (m == n) {       /* the same letters in another order? */
        uint32_t x[WORD_MAX + 1];
        memcpy(x, b, n * sizeof *x);
        for (i = 0, swapped = 1; i < m && swapped; i++) {
            for (j = 0; j < n && x[j] != a[i]; j++)
                ;
            if (j == n)
                swapped = 0;
            else
                x[j] = 0;
        }
    }
    return (int)d * 8 + !swapped * 4 + (n < m);
}

/* --- The check ----------------------------------------------------------- */

typedef struct run {
    bl_lint_ctx *lc;
    int rule;
    speller *sp;            /* NULL until the first word to look up */
    const bl_unit *u;
    const char *t;          /* the unit's text */
    size_t len;
    long budget;            /* suggestions left for words not yet given one */
    bl_strset suggested;    /* the document's words that get one */
} run;

/* Looks up t[b..e): *p_v is its verdict, or NULL for a word the
 * dictionary cannot read, which passes.  0, -1 or BL_EDATA. */
static int
judge(run *r, size_t b, size_t e, verdict **p_v)
{
    char w[WORD_MAX + 1];
    size_t n;
    verdict *v;
    int rc;

    *p_v = NULL;
    if (r->sp == NULL && (rc = speller_for(r->lc->rules, &r->sp)) != 0)
        return rc;
    if ((n = dictionary_form(r->sp, r->t + b, e - b, w)) == 0)
        return 0;
    v = verdict_find(&r->sp->verdicts, w, n);
    if (v == NULL
        && (v = verdict_add(&r->sp->verdicts, w, n,
                            Hunspell_spell(r->sp->h, w) != 0)) == NULL)
        return -1;
    *p_v = v;
    return 0;
}

/* Is suggestion s only w cut in two by a space or a hyphen?  Hunspell
 * offers that for any word made of two it knows, which is most technical
 * terms ("jupyter hub", "redirect or", "a met"), so it is never offered:
 * unless it frees a small word run into the next, the everyday slip
 * ("infact", "aswell", "atleast"), when it is the likeliest meaning,
 * ahead of a near word such as "infarct".  "a" counts only when Hunspell
 * puts the cut first ("alot"), for it begins too many words.  Returns 0
 * (not a cut), 1 (an everyday slip) or 2 (a mere cut). */
static int
split_kind(const char *w, const char *s, int first)
{
    static const char *const small[] = {"an", "as", "at", "by", "in", "of",
                                        "on", "to", "no", "so", NULL};
    size_t n = strlen(w), cut, k;

    if (strlen(s) != n + 1)
        return 0;
    for (cut = 0; cut < n && s[cut] == w[cut]; cut++)
        ;
    if ((s[cut] != ' ' && s[cut] != '-') || strcmp(s + cut + 1, w + cut) != 0)
        return 0;
    if (first && cut == 1 && (w[0] | 0x20) == 'a')
        return 1;
    for (k = 0; small[k] != NULL; k++)
        if (cut == 2 && strncasecmp(s, small[k], 2) == 0)
            return 1;
    return 2;
}

/* The suggestion for the unknown word of v, when the document's budget
 * still has room for it: Hunspell's first guess when it is near, starts
 * with the same letter and is not shorter (its order knows common
 * misspellings: "alot" -> "a lot"), else the nearest of its guesses.
 * 0 or -1. */
static int
suggest(run *r, verdict *v, const char **p_s)
{
    char **list = NULL;
    int k, count;

    *p_s = NULL;
    if (!bl_strset_has(&r->suggested, v->word, v->n)) {
        if (r->budget <= 0)
            return 0;
        r->budget--;
        if (bl_strset_add(&r->suggested, v->word, v->n) < 0)
            return -1;
    }
    if (!v->asked) {
        int best = -1, rank, everyday;
        v->asked = 1;
        count = Hunspell_suggest(r->sp->h, &list, v->word);
        for (k = 0; k < count && best < 0; k++)
            if (split_kind(v->word, list[k], k == 0) == 1)
                best = k;
        everyday = best >= 0;
        for (k = 0; k < count && !everyday; k++) {
            if ((rank = nearness(v->word, list[k])) < 0
                || split_kind(v->word, list[k], k == 0) != 0)
                continue;
            if (k == 0 && (rank & 1) == 0) {
                best = 0;
                break;
            }
            if (best < 0 || rank < nearness(v->word, list[best]))
                best = k;
        }
        if (best >= 0 && (v->suggestion = bl_strndup(list[best],
                                                     strlen(list[best])))
                         == NULL) {
            Hunspell_free_list(r->sp->h, &list, count);
            return -1;
        }
        Hunspell_free_list(r->sp->h, &list, count);
    }
    *p_s = v->suggestion;
    return 0;
}

/* Reports the unknown word t[b..e).  The suggestion becomes a fix only
 * where the word is its source text as it stands: a word that runs across
 * markup (re**cieve**) or an entity keeps its finding without one. */
static int
report(run *r, size_t b, size_t e, verdict *v)
{
    const bl_doc *doc = r->lc->doc;
    size_t sb = bl_unit_to_source(doc, r->u, b, 0);
    size_t se = bl_unit_to_source(doc, r->u, e, 1);
    const char *s, *fix = NULL;
    bl_strbuf msg = {NULL, 0, 0};
    int rc;

    if (suggest(r, v, &s) < 0)
        return -1;
    if (s != NULL)
        rc = bl_strbuf_addf(&msg, "Unknown word '%.*s'; did you mean '%s'?",
                            (int)(e - b), r->t + b, s);
    else
        rc = bl_strbuf_addf(&msg, "Unknown word '%.*s': correct it, or, if "
                            "it is spelt as meant, add it to the team's word "
                            "list.", (int)(e - b), r->t + b);
    if (s != NULL && se - sb == e - b && memcmp(doc->src + sb, r->t + b,
                                                e - b) == 0)
        fix = s;
    if (rc == 0)
        rc = bl_lint_report(r->lc, r->rule, sb, se, msg.items, fix);
    free(msg.items);
    return rc;
}

/* Does the word at t[b] open a sentence: nothing before it in the unit
 * but spaces, brackets, quotation marks and emphasis, or those after a
 * full stop, question mark or exclamation mark?  Not after a colon:
 * "Owner: Pietro" names someone. */
static int
opens_sentence(const char *t, size_t b)
{
    while (b > 0) {
        unsigned char c = (unsigned char)t[b - 1];
        if (c == '.' || c == '!' || c == '?')
            return 1;
        if (c >= 0x80) {    /* “ ‘ and other marks; a letter ends it */
            size_t k = b - 1, cl;
            while (k > 0 && ((unsigned char)t[k] & 0xC0) == 0x80)
                k--;
            if (bl_is_word_cp(bl_utf8_decode(t, b, k, &cl)))
                return 0;
            b = k;
            continue;
        }
        if (c != ' ' && c != '\t' && c != '\n' && c != '(' && c != '['
            && c != '"' && c != '\'' && c != '*' && c != '_')
            return 0;
        b--;
    }
    return 1;
}

/* Checks the word t[b..e). */
static int
check_word(run *r, size_t b, size_t e)
{
    const char *t = r->t;
    verdict *v;
    size_t p, q, cl;
    int rc;

    e = without_possessive(t, b, e);
    if (is_not_a_dictionary_word(t + b, e - b))
        return 0;
    /* Capitalised inside a sentence, a word is a name: a person's
     * (Pietro), a product's (Zulip, Homebrew), a place's.  No dictionary
     * holds the team's, and Hunspell's guesses for them ("Pierrot") are
     * noise; a sentence's first word is still checked. */
    if (bl_is_upper_cp(bl_utf8_decode(t, e, b, &cl)) && !opens_sentence(t, b))
        return 0;
    if ((rc = judge(r, b, e, &v)) != 0)
        return rc;
    if (v == NULL || v->known)
        return 0;
    if (memchr(t + b, '-', e - b) == NULL)
        return report(r, b, e, v);
    /* "on-call" is a word; of "pre-prodd", the part that is not. */
    for (p = b; p < e; p = q + 1) {
        for (q = p; q < e && t[q] != '-'; q++)
            ;
        if (q == p || is_not_a_dictionary_word(t + p, q - p))
            continue;
        if ((rc = judge(r, p, q, &v)) != 0)
            return rc;
        if (v != NULL && !v->known && (rc = report(r, p, q, v)) != 0)
            return rc;
    }
    return 0;
}

/* Punctuation that opens or closes a word without being part of it;
 * quotation marks are told apart.  Its byte length at t[i], or 0. */
#define MARK_NONE 0
#define MARK_DOUBLE 1       /* " “ ” */
#define MARK_SINGLE 2       /* ' ‘ ’ */
static size_t
mark_at(const char *t, size_t i, size_t end, int leading, int *p_kind)
{
    static const char lead[] = "([*_", trail[] = ")]*_,;:.!?";
    const unsigned char *u = (const unsigned char *)t + i;

    *p_kind = MARK_NONE;
    if (t[i] == '"' || t[i] == '\'') {
        *p_kind = t[i] == '"' ? MARK_DOUBLE : MARK_SINGLE;
        return 1;
    }
    if (t[i] != '\0' && strchr(leading ? lead : trail, t[i]) != NULL)
        return 1;
    if (i + 3 <= end && u[0] == 0xE2 && u[1] == 0x80) {
        if (u[2] == (leading ? 0x9C : 0x9D))
            *p_kind = MARK_DOUBLE;          /* “ or ” */
        else if (u[2] == (leading ? 0x98 : 0x99))
            *p_kind = MARK_SINGLE;          /* ‘ or ’ */
        else if (!(u[2] == 0xA6 && !leading))
            return 0;                       /* … closes */
        return 3;
    }
    if (i + 2 <= end && u[0] == 0xC2
        && (leading ? u[1] == 0xBF || u[1] == 0xA1 || u[1] == 0xAB
                    : u[1] == 0xBB))
        return 2;                           /* ¿ ¡ « and » */
    return 0;
}

/* The bytes that end a token: white space, the placeholder of inline
 * code, a no-break space. */
static size_t
separator_at(const char *t, size_t i, size_t len)
{
    char c = t[i];

    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
        || c == '\v' || c == BL_PLACEHOLDER)
        return 1;
    if ((unsigned char)c == 0xC2 && i + 1 < len
        && (unsigned char)t[i + 1] == 0xA0)
        return 2;
    return 0;
}

/* Checks the unit's words token by token, skipping what is not prose and
 * what stands in quotation marks. */
static int
check_unit(run *r)
{
    const char *t = r->t;
    size_t len = r->len, i = 0, single_end = 0;
    int in_double = 0, rc;

    while (i < len) {
        size_t b, e, tb, te, sl, ml, pos;
        int kind, lead_double = 0, lead_single = 0, trail_double = 0;
        int quoted;
        bl_span w;
        if ((sl = separator_at(t, i, len)) > 0) {
            i += sl;
            continue;
        }
        for (b = i; i < len && separator_at(t, i, len) == 0; i++)
            ;
        e = i;
        for (tb = b; tb < e && (ml = mark_at(t, tb, e, 1, &kind)) > 0;
             tb += ml) {
            lead_double |= kind == MARK_DOUBLE;
            lead_single |= kind == MARK_SINGLE;
        }
        if (tb == e) {          /* a lone " between words */
            if (lead_double)
                in_double = !in_double;
            continue;
        }
        for (te = e; te > tb; te -= ml) {
            size_t k = te - 1;
            while (k > tb && ((unsigned char)t[k] & 0xC0) == 0x80)
                k--;
            if ((ml = mark_at(t, k, te, 0, &kind)) != te - k)
                break;
            trail_double |= kind == MARK_DOUBLE;
        }
        if (lead_double && !in_double)
            in_double = 1;
        quoted = in_double || b < single_end;
        if (lead_single && !quoted) {
            size_t qe = single_quote_end(t, len, tb - 1);
            if (qe > 0) {
                single_end = qe;
                quoted = 1;
            }
        }
        if (!quoted && !is_not_prose(t, tb, te)) {
            pos = tb;
            while (bl_next_word(t, te, &pos, &w))
                if ((rc = check_word(r, w.begin, w.end)) != 0)
                    return rc;
        }
        if (trail_double && in_double)
            in_double = 0;
    }
    return 0;
}

int
bl_check_spelling(bl_lint_ctx *lc, int rule)
{
    run r;
    size_t u;
    int rc = 0;

    memset(&r, 0, sizeof r);
    r.lc = lc;
    r.rule = rule;
    r.budget = bl_rules_int(lc->rules, "spelling.suggestions");
    for (u = 0; rc == 0 && u < lc->doc->units.n; u++) {
        r.u = &lc->doc->units.items[u];
        if (r.u->flags & BL_UNIT_QUOTE)
            continue;   /* a pasted chat log or e-mail, as it was written */
        r.t = bl_unit_text(lc->doc, r.u, &r.len);
        rc = check_unit(&r);
    }
    bl_strset_free(&r.suggested);
    return rc;
}
