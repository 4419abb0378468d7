/*
 * lint.c: a lint run.  The sentence walk, the people the document names,
 * and the diagnostics list.
 */
#include <stdio.h>
#include <string.h>

#include "lint.h"
#include "lintcache.h"
#include "vec.h"

/* Lower-cases ASCII letters; other bytes (UTF-8) are kept, which is enough
 * for the trigger words rules use. */
static size_t
lower_word(const char *w, size_t n, char *out, size_t cap)
{
    size_t i;

    if (n >= cap)
        return 0;
    bl_ascii_lower(w, n, out);
    if (memchr(out, 0xE2, n) == NULL)
        return n;
    /* A curly apostrophe triggers like a straight one: didn’t == didn't. */
    for (i = 0; i + 2 < n; i++) {
        if ((unsigned char)out[i] == 0xE2 && (unsigned char)out[i + 1] == 0x80
            && (unsigned char)out[i + 2] == 0x99) {
            out[i] = '\'';
            memmove(out + i + 1, out + i + 3, n - i - 3);
            n -= 2;
        }
    }
    return n;
}

/* How many words either side of a trigger word the rest of a "did+not"
 * trigger may stand: the words of such a pair belong to one phrase, and a
 * bound keeps a huge run-on sentence from costing words x words. */
#define BL_ALSO_WINDOW 8

/* Is every word of the space-separated list `also` near word `at`? */
static int
has_all_words(const bl_lint_ctx *lc, const char *also, size_t at)
{
    size_t lo = at > BL_ALSO_WINDOW ? at - BL_ALSO_WINDOW : 0;
    size_t hi = at + BL_ALSO_WINDOW + 1 < lc->words.n
                ? at + BL_ALSO_WINDOW + 1 : lc->words.n;

    while (*also) {
        size_t n = 0, i;
        while (also[n] != '\0' && also[n] != ' ')
            n++;
        /* The first byte before memcmp: most words of the window differ
         * there, and a word the prefilter turned away has n = 0. */
        for (i = lo; i < hi; i++) {
            const bl_word *lw = &lc->words.items[i];
            if (lw->n == n && lw->lower[0] == also[0]
                && memcmp(lw->lower, also, n) == 0)
                break;
        }
        if (i == hi)
            return 0;
        also += n;
        while (*also == ' ')
            also++;
    }
    return 1;
}

static int
add_candidates(bl_lint_ctx *lc, const bl_trigger *t, unsigned stamp,
               size_t word)
{
    size_t at = lc->words.items[word].begin;
    size_t i;

    for (i = 0; i < t->n; i++) {
        bl_cand c;
        c.entry = t->items[i].entry;
        c.at = c.last = at;
        if (t->items[i].also != NULL
            && !has_all_words(lc, t->items[i].also, word))
            continue;
        if (lc->stamp[c.entry] == stamp) {
            /* An earlier word already set it off: extend its range. */
            lc->cands.items[lc->cand_of[c.entry]].last = at;
            continue;
        }
        lc->stamp[c.entry] = stamp;
        lc->cand_of[c.entry] = lc->cands.n;
        if (BL_VEC_PUSH(&lc->cands, c) < 0)
            return -1;
    }
    return 0;
}

static int
cmp_cand(const void *a, const void *b)
{
    int x = ((const bl_cand *)a)->entry, y = ((const bl_cand *)b)->entry;
    return (x > y) - (x < y);
}

/* Sorts c[0..n) by entry, each entry there once.  A sentence sets off a
 * handful of entries, fewer than qsort's setup costs, in rule order more
 * often than not: insertion sort, unless there are many. */
static void
sort_cands(bl_cand *c, size_t n)
{
    size_t i, k;

    if (n > 16) {
        qsort(c, n, sizeof *c, cmp_cand);
        return;
    }
    for (i = 1; i < n; i++) {
        bl_cand x = c[i];
        for (k = i; k > 0 && c[k - 1].entry > x.entry; k--)
            c[k] = c[k - 1];
        c[k] = x;
    }
}

int
bl_lint_learn_person(bl_lint_ctx *lc, const char *name, size_t n)
{
    if (lc->learn_sink != NULL
        && (bl_strbuf_add(lc->learn_sink, name, n) < 0
            || bl_strbuf_add(lc->learn_sink, "", 1) < 0))
        return -1;
    return bl_strset_add(&lc->people, name, n) < 0
           || bl_strset_add(&lc->prose_people, name, n) < 0 ? -1 : 0;
}

typedef struct walk {
    bl_lint_ctx *lc;
    int unit;
    const char *text;
    size_t len;
} walk;

/* Asks the prefilter about the word wt[0..wn) (wn < sizeof lw->lower):
 * may it be a trigger word or a "+more" word, or start with a "prefix*"?
 * Only a word it lets through is lower-cased into lw->lower, most of
 * prose never is; plain is bl_next_word_plain's verdict. */
static void
filter_word(const bl_rules *rules, const char *wt, size_t wn, int plain,
            bl_word *lw)
{
    const char *folded = wt;    /* lower-cased but for ASCII case */
    size_t n = wn;
    unsigned may;

    if (!plain) {
        /* A curly apostrophe changes the length and bytes the filter
         * sees: the word as the trigger index sees it, first. */
        n = lower_word(wt, wn, lw->lower, sizeof lw->lower);
        folded = lw->lower;
    }
    may = bl_rules_may_be_word(rules, bl_word_filter_hash(folded, n));
    if (rules->prefixes.n > 0) {    /* else prefix_pairs is all clear */
        unsigned char c0 = (unsigned char)folded[0];
        unsigned char c1 = n > 1 ? (unsigned char)folded[1] : 0;
        c0 = c0 >= 'A' && c0 <= 'Z' ? c0 | 0x20 : c0;
        c1 = c1 >= 'A' && c1 <= 'Z' ? c1 | 0x20 : c1;
        may |= (unsigned)bl_rules_may_be_prefixed(rules, c0, c1) << 1;
    }
    if (may && plain)
        bl_ascii_lower(wt, wn, lw->lower);
    lw->may = (unsigned char)may;
    /* A word the prefilter turns away keeps its place (the "+more"
     * window counts words) but is never compared: n = 0. */
    lw->n = may ? n : 0;
}

/* Learn: stanzas all need a capitalised word that is not a sentence
 * starter or a system ("The", "Kafka"): does the sentence whose words
 * lc->words holds have one?  The people pass skips a sentence that has
 * none. */
static int
has_name(const bl_lint_ctx *lc, const char *text)
{
    size_t i, cl;

    for (i = 0; i < lc->words.n; i++) {
        const bl_word *lw = &lc->words.items[i];
        if (bl_is_upper_cp(bl_utf8_decode(text, lw->begin + lw->len,
                                          lw->begin, &cl))
            && !bl_strset_has(&lc->rules->not_names, text + lw->begin,
                              lw->len))
            return 1;
    }
    return 0;
}

/* Do the sentence's candidates s->cand_begin.. include a Learn entry? */
static int
sets_off_learning(const bl_lint_ctx *lc, const bl_sentence *s)
{
    size_t ci;

    for (ci = s->cand_begin; ci < s->cand_end; ci++)
        if (lc->rules->entries.items[lc->cands.items[ci].entry].rule < 0)
            return 1;
    return 0;
}

/* One sentence: gather the entries its words can trigger. */
static int
on_sentence(bl_span sp, void *ud)
{
    walk *w = ud;
    bl_lint_ctx *lc = w->lc;
    bl_sentence s;
    bl_span word;
    size_t pos = sp.begin, i, k;
    size_t passed = 0;      /* words the prefilter let through */
    int plain;

    unsigned stamp = (unsigned)lc->sentences.n + 1;

    s.unit = w->unit;
    s.begin = sp.begin;
    s.end = sp.end;
    s.cand_begin = lc->cands.n;
    s.has_name = 0;
    /* First the sentence's words, lower-cased, so "did+not" triggers can
     * ask whether "not" is there too. */
    lc->words.n = 0;
    while (bl_next_word_plain(w->text, sp.end, &pos, &word, &plain)) {
        const char *wt = w->text + word.begin;
        size_t wn = word.end - word.begin;
        bl_word *lw;
        if (wn >= sizeof lw->lower)
            continue;
        /* In place: a bl_word is mostly its buffer, seldom written. */
        if (lc->words.n == lc->words.alloc
            && BL_VEC_RESERVE(&lc->words, 1) < 0)
            return -1;
        lw = &lc->words.items[lc->words.n++];
        lw->begin = word.begin;
        lw->len = (unsigned char)wn;
        filter_word(lc->rules, wt, wn, plain, lw);
        passed += lw->n != 0;
    }
    /* Then the few it let through, up to the last of them. */
    for (i = 0; passed > 0; i++) {
        const bl_word *lw = &lc->words.items[i];
        const bl_trigger *t;
        if (lw->n == 0)
            continue;
        passed--;
        t = (lw->may & 1) ? bl_rules_trigger(lc->rules, lw->lower, lw->n)
                          : NULL;
        if (t != NULL && add_candidates(lc, t, stamp, i) < 0)
            return -1;
        for (k = 0; (lw->may & 2) && k < lc->rules->prefixes.n; k++) {
            const bl_trigger *p = &lc->rules->prefixes.items[k];
            size_t pn = p->word_len;
            if (lw->n >= pn && memcmp(lw->lower, p->word, pn) == 0
                && add_candidates(lc, p, stamp, i) < 0)
                return -1;
        }
    }
    s.cand_end = lc->cands.n;
    if (s.cand_end == s.cand_begin)
        return 0;   /* nothing any rule looks for */
    /* Only learn_unit asks, and only of a sentence that sets a Learn
     * entry off: most sentences are never looked at for names. */
    s.has_name = sets_off_learning(lc, &s) && has_name(lc, w->text);
    /* Entry order is rule-file order, which is also priority order. */
    sort_cands(lc->cands.items + s.cand_begin, s.cand_end - s.cand_begin);
    return BL_VEC_PUSH(&lc->sentences, s);
}

/* Is a table header cell's text one that heads a column of people? */
static int
is_people_header(const char *t, size_t n)
{
    static const char *const heads[] = {"owner", "owners", "who", "assignee",
                                        "assignees", "dri", "on-call",
                                        "oncall", "responsible", NULL};
    bl_span w;
    size_t pos = 0, k, wn;
    char lower[16];

    if (!bl_next_word(t, n, &pos, &w)
        || (wn = lower_word(t + w.begin, w.end - w.begin, lower,
                            sizeof lower)) == 0)
        return 0;
    for (k = 0; heads[k] != NULL; k++)
        if (bl_lit_equals(heads[k], lower, wn))
            return 1;
    return 0;
}

/* A table column headed Owner, Who, Assignee, DRI or On-call lists people:
 * a capitalised word opening one of its cells is a person's name. */
static int
learn_owner_cells(bl_lint_ctx *lc)
{
    const bl_doc *doc = lc->doc;
    int *unit_of = bl_doc_units_by_block(doc);     /* read for headers:
                                                       one unit each */
    size_t i;
    int rc = 0;

    if (unit_of == NULL)
        return -1;
    for (i = 0; i < doc->units.n && rc == 0; i++) {
        const bl_unit *u = &doc->units.items[i];
        const bl_block *td = &doc->blocks.items[u->block];
        int table = td->parent, h;
        size_t n, hn, pos = 0, cl;
        const char *t, *ht;
        bl_span w;
        if (!(u->flags & BL_UNIT_CELL) || td->type != BL_BLOCK_TD)
            continue;
        while (table >= 0 && doc->blocks.items[table].type != BL_BLOCK_TABLE)
            table = doc->blocks.items[table].parent;
        /* The header row's cells come right after the table's block. */
        for (h = table + 1; table >= 0 && h < (int)doc->blocks.n
             && doc->blocks.items[h].type != BL_BLOCK_TBODY
             && doc->blocks.items[h].type != BL_BLOCK_TD; h++)
            if (doc->blocks.items[h].type == BL_BLOCK_TH
                && doc->blocks.items[h].col == td->col)
                break;
        if (table < 0 || h >= (int)doc->blocks.n
            || doc->blocks.items[h].type != BL_BLOCK_TH || unit_of[h] < 0)
            continue;
        ht = bl_unit_text(doc, &doc->units.items[unit_of[h]], &hn);
        if (!is_people_header(ht, hn))
            continue;
        t = bl_unit_text(doc, u, &n);
        if (bl_next_word(t, n, &pos, &w)
            && bl_is_upper_cp(bl_utf8_decode(t, n, w.begin, &cl)))
            rc = bl_strset_add(&lc->people, t + w.begin, w.end - w.begin);
    }
    free(unit_of);
    return rc;
}

/* Runs the Learn entries over sentences [si, end), all of one unit, or
 * replays the names its memo kept.  What they learn depends on the unit's
 * text and flags alone: a Learn stanza takes no Section: (rules.c). */
static int
learn_unit(bl_lint_ctx *lc, int unit, size_t si, size_t end)
{
    bl_unit_memo *m = lc->memo_of_unit != NULL ? lc->memo_of_unit[unit] : NULL;
    unsigned flags = lc->doc->units.items[unit].flags;
    size_t ci, k, n;

    if (m != NULL && m->learned && m->learned_flags == flags) {
        for (k = 0; k < m->names.n; k += n + 1) {
            n = strlen(m->names.items + k);
            if (bl_strset_add(&lc->people, m->names.items + k, n) < 0
                || bl_strset_add(&lc->prose_people, m->names.items + k,
                                 n) < 0)
                return -1;
        }
        return 0;
    }
    if (m != NULL) {
        m->learned = 0;
        m->names.n = 0;
        lc->learn_sink = &m->names;
    }
    for (; si < end; si++) {
        const bl_sentence *s = &lc->sentences.items[si];
        if (!s->has_name)
            continue;
        for (ci = s->cand_begin; ci < s->cand_end; ci++) {
            const bl_cand *c = &lc->cands.items[ci];
            if (lc->rules->entries.items[c->entry].rule < 0
                && bl_patterns_learn(lc, s, c) < 0) {
                lc->learn_sink = NULL;
                return -1;
            }
        }
    }
    lc->learn_sink = NULL;
    if (m != NULL) {
        m->learned = 1;
        m->learned_flags = flags;
    }
    return 0;
}

int
bl_lint_people_hash(bl_lint_ctx *lc, uint64_t *p_hash)
{
    size_t i;

    if (!lc->people_hashed) {
        if (bl_lint_learn_all(lc) < 0)
            return -1;
        /* A sum: the same set hashes the same in any order. */
        lc->people_hash = 0;
        for (i = 0; i < lc->people.cap; i++)
            if (lc->people.slots[i].s != NULL)
                lc->people_hash += bl_hash_bytes(lc->people.slots[i].s,
                                                 lc->people.slots[i].n, 7);
        lc->people_hashed = 1;
    }
    *p_hash = lc->people_hash;
    return 0;
}

int
bl_lint_learn_all(bl_lint_ctx *lc)
{
    size_t si;

    if (lc->learned)
        return 0;
    lc->learned = 1;
    if (learn_owner_cells(lc) < 0)
        return -1;
    for (si = 0; si < lc->sentences.n;) {
        int unit = lc->sentences.items[si].unit;
        size_t end = si;
        while (end < lc->sentences.n && lc->sentences.items[end].unit == unit)
            end++;
        if (learn_unit(lc, unit, si, end) < 0)
            return -1;
        si = end;
    }
    return 0;
}

/* Appends the sentences and candidates memo m kept, as unit u's. */
static int
replay_index(bl_lint_ctx *lc, const bl_unit_memo *m, int u)
{
    size_t base = lc->cands.n, i;

    if (BL_VEC_RESERVE(&lc->sentences, m->sentences.n) < 0
        || BL_VEC_RESERVE(&lc->cands, m->cands.n) < 0)
        return -1;
    for (i = 0; i < m->sentences.n; i++) {
        bl_sentence s = m->sentences.items[i];
        s.unit = u;
        s.cand_begin += base;
        s.cand_end += base;
        lc->sentences.items[lc->sentences.n++] = s;
    }
    if (m->cands.n > 0)
        memcpy(lc->cands.items + base, m->cands.items,
               m->cands.n * sizeof *m->cands.items);
    lc->cands.n += m->cands.n;
    return 0;
}

/* Keeps the sentences from s0 and candidates from c0 in memo m. */
static int
record_index(bl_lint_ctx *lc, bl_unit_memo *m, size_t s0, size_t c0)
{
    size_t i;

    m->sentences.n = m->cands.n = 0;
    if (BL_VEC_RESERVE(&m->sentences, lc->sentences.n - s0) < 0
        || BL_VEC_RESERVE(&m->cands, lc->cands.n - c0) < 0)
        return -1;
    for (i = s0; i < lc->sentences.n; i++) {
        bl_sentence s = lc->sentences.items[i];
        s.unit = -1;
        s.cand_begin -= c0;
        s.cand_end -= c0;
        m->sentences.items[m->sentences.n++] = s;
    }
    for (i = c0; i < lc->cands.n; i++)
        m->cands.items[m->cands.n++] = lc->cands.items[i];
    m->indexed = 1;
    return 0;
}

static int
walk_sentences(bl_lint_ctx *lc)
{
    size_t u;
    walk w;

    w.lc = lc;
    for (u = 0; u < lc->doc->units.n; u++) {
        bl_unit_memo *m = NULL;
        size_t s0 = lc->sentences.n, c0 = lc->cands.n;
        w.unit = (int)u;
        w.text = bl_unit_text(lc->doc, &lc->doc->units.items[u], &w.len);
        if (lc->cache != NULL) {
            if ((m = bl_lint_cache_unit(lc->cache, w.text, w.len)) == NULL)
                return -1;
            lc->memo_of_unit[u] = m;
            if (m->indexed) {
                if (replay_index(lc, m, (int)u) < 0)
                    return -1;
                continue;
            }
        }
        if (bl_split_sentences(w.text, w.len, on_sentence, &w) != 0
            || (m != NULL && record_index(lc, m, s0, c0) < 0))
            return -1;
    }
    return 0;
}

void *
bl_lint_family_state(const bl_lint_ctx *lc, const char *family)
{
    return bl_family_slot_get(lc->family_states, family);
}

int
bl_lint_set_family_state(bl_lint_ctx *lc, const char *family, void *state,
                         void (*free_fn)(void *state))
{
    return bl_family_slot_put(lc->family_states, family, state, free_fn);
}

int
bl_lint_report(bl_lint_ctx *lc, int rule, size_t begin, size_t end,
               const char *message, const char *fix)
{
    return bl_lint_report_fix(lc, rule, begin, end, message, fix, begin, end);
}

int
bl_lint_report_fix(bl_lint_ctx *lc, int rule, size_t begin, size_t end,
                   const char *message, const char *fix, size_t fix_begin,
                   size_t fix_end)
{
    bl_diag d;

    memset(&d, 0, sizeof d);
    d.begin = begin;
    d.end = end;
    d.fix_begin = fix_begin;
    d.fix_end = fix_end;
    d.rule = &lc->rules->rules.items[rule].info;
    d.severity = d.rule->severity;
    d.message = bl_strndup(message, strlen(message));
    d.fix = fix ? bl_strndup(fix, strlen(fix)) : NULL;
    if (d.message == NULL || (fix != NULL && d.fix == NULL)
        || BL_VEC_PUSH(lc->out, d) < 0) {
        free(d.message);
        free(d.fix);
        return -1;
    }
    return 0;
}

int
bl_lint_explain_placeholder(bl_lint_ctx *lc, int rule, size_t begin,
                            size_t end)
{
    bl_explained x;

    x.begin = begin;
    x.end = end;
    x.severity = lc->rules->rules.items[rule].info.severity;
    return BL_VEC_PUSH(&lc->explained, x);
}

/* Is finding d a placeholder/unfilled that a range in lc->explained
 * covers, explained by a rule of at least its severity? */
static int
is_explained(const bl_lint_ctx *lc, const bl_diag *d)
{
    size_t i;

    if (lc->explained.n == 0 || strcmp(d->rule->id, "placeholder/unfilled"))
        return 0;
    for (i = 0; i < lc->explained.n; i++) {
        const bl_explained *x = &lc->explained.items[i];
        if (d->begin >= x->begin && d->end <= x->end
            && d->severity <= x->severity)
            return 1;
    }
    return 0;
}

/* Is the text finding d flags one of the team's allowed phrases
 * (ignoring case and runs of white space)? */
static int
is_allowed(const bl_lint_ctx *lc, const bl_diag *d)
{
    const char *s = lc->doc->src;
    size_t k;

    for (k = 0; k < lc->rules->allowed.n; k++) {
        const char *a = lc->rules->allowed.items[k];
        size_t i = d->begin;
        while (*a != '\0' && i < d->end) {
            char c = s[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (*a != ' ')
                    break;
                while (i < d->end && (s[i] == ' ' || s[i] == '\t'
                                      || s[i] == '\n' || s[i] == '\r'))
                    i++;
                a++;
                continue;
            }
            if ((char)(c >= 'A' && c <= 'Z' ? c + 32 : c) != *a)
                break;
            a++;
            i++;
        }
        if (*a == '\0' && i == d->end)
            return 1;
    }
    return 0;
}

/* Drops the findings of this run (from `first` on) that is_explained or
 * is_allowed. */
static void
drop_explained(bl_lint_ctx *lc, size_t first)
{
    bl_diags *out = lc->out;
    size_t i, kept = first;

    for (i = first; i < out->n; i++) {
        if (is_explained(lc, &out->items[i])
            || (lc->rules->allowed.n > 0 && is_allowed(lc, &out->items[i]))) {
            free(out->items[i].message);
            free(out->items[i].fix);
            continue;
        }
        out->items[kept++] = out->items[i];
    }
    out->n = kept;
}

static int
cmp_diag(const void *a, const void *b)
{
    const bl_diag *x = a, *y = b;

    if (x->begin != y->begin)
        return x->begin < y->begin ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return strcmp(x->rule->id, y->rule->id);
}

int
bl_lint(const bl_rules *rules, const bl_doc *doc, bl_diags *out)
{
    int rc = bl_lint_with(rules, doc, NULL, out);

    return rc == BL_EPROFILE ? 0 : rc;
}

int
bl_lint_with(const bl_rules *crules, const bl_doc *doc,
             const bl_lint_opts *opts, bl_diags *out)
{
    /* Compiled patterns, and what the checks build from the rules
     * (bl_rules_family_cache), are cached in the rule set on first use:
     * the only things a lint run changes in it, and the reason one rule
     * set must not be shared by threads linting at once. */
    bl_rules *rules = (bl_rules *)crules;
    bl_lint_ctx lc;
    const bl_profile_info *profile;
    size_t i, first = out->n;
    int rc = 0, unknown_profile = 0, data_missing = 0;

    memset(&lc, 0, sizeof lc);
    lc.title_block = -1;
    lc.rules = rules;
    lc.doc = doc;
    lc.out = out;
    profile = bl_lint_profile(rules, doc, opts, &lc.profile_chosen, NULL, 0);
    if (profile == NULL) {      /* linted as if nothing had chosen one */
        unknown_profile = 1;
        lc.profile_chosen = 0;
        lc.profile = BL_PROFILE_DEFAULT;
    } else {
        lc.profile = profile->name;
    }
    lc.stamp = calloc(rules->entries.n + 1, sizeof *lc.stamp);
    lc.cand_of = calloc(rules->entries.n + 1, sizeof *lc.cand_of);
    if (opts != NULL && opts->cache != NULL) {
        lc.cache = opts->cache;
        lc.memo_of_unit = calloc(doc->units.n + 1, sizeof *lc.memo_of_unit);
        if (lc.memo_of_unit == NULL
            || bl_lint_cache_begin(lc.cache, rules, lc.profile) < 0)
            rc = BL_ENOMEM;
    }
    if (rc == 0 && (lc.stamp == NULL || lc.cand_of == NULL
                    || walk_sentences(&lc) < 0))
        rc = BL_ENOMEM;
    for (i = 0; rc == 0 && i < rules->rules.n; i++) {
        int crc;
        if (rules->rules.items[i].info.severity == BL_SEV_OFF
            || !bl_rule_in_profile(&rules->rules.items[i].info, lc.profile))
            continue;
        crc = rules->rules.items[i].check(&lc, (int)i);
        if (crc == BL_EDATA)
            data_missing = 1;   /* one rule without its dictionary: the
                                   others still report */
        else if (crc < 0)
            rc = BL_ENOMEM;
    }
    drop_explained(&lc, first);
    if (rc == 0 && bl_suppress_apply(&lc, first) < 0)
        rc = BL_ENOMEM;
    if (rc == 0 && data_missing)
        rc = BL_EDATA;
    if (out->n > first)
        qsort(out->items + first, out->n - first, sizeof *out->items,
              cmp_diag);
    bl_strset_free(&lc.people);
    bl_strset_free(&lc.prose_people);
    BL_VEC_FREE(&lc.sentences);
    BL_VEC_FREE(&lc.cands);
    BL_VEC_FREE(&lc.words);
    BL_VEC_FREE(&lc.explained);
    pcre2_match_data_free(lc.learn_md);
    bl_family_slots_free(lc.family_states);
    free(lc.kind_of);
    free(lc.is_part);
    free(lc.section_end);
    BL_VEC_FREE(&lc.label_parts);
    free(lc.part_of_block);
    free(lc.stamp);
    free(lc.cand_of);
    if (lc.cache != NULL) {
        /* After a failed run the memos may be half made: start over. */
        if (rc != 0 && rc != BL_EDATA)
            bl_lint_cache_reset(lc.cache);
        else
            bl_lint_cache_end(lc.cache);
    }
    free(lc.memo_of_unit);
    return rc == 0 && unknown_profile ? BL_EPROFILE : rc;
}

void
bl_diags_free(bl_diags *diags)
{
    size_t i;

    if (diags == NULL)
        return;
    for (i = 0; i < diags->n; i++) {
        free(diags->items[i].message);
        free(diags->items[i].fix);
    }
    BL_VEC_FREE(diags);
}
