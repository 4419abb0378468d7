/*
 * patterns.c: the "patterns" check, which runs the Match stanzas of the
 * rule files over the sentences the trigger index picked.
 *
 * A match becomes a finding only if it passes the guards that keep the
 * check precise: it is not inside quotation marks or a block quote (those
 * are someone's words, not the author's), its sentence does not trip the
 * entry's Unless: veto (meta statements such as "human error is never a
 * root cause"), its section passes Section:/Not-Section:, and a
 * capitalised word it takes for a person's name is plausibly one.
 */
#include <string.h>

#include "lint.h"
#include "lintcache.h"
#include "text.h"
#include "vec.h"

/* --- Quotation marks ----------------------------------------------------- */

typedef struct quotes {
    struct { bl_span *items; size_t n, alloc; } spans;
    int unit;
} quotes;

static int
is_word_at(const char *t, size_t len, size_t i)
{
    size_t n;
    return i < len && bl_is_word_cp(bl_utf8_decode(t, len, i, &n));
}

static int
is_word_before(const char *t, size_t i)
{
    size_t b = i, n;

    if (i == 0)
        return 0;
    b = i - 1;
    while (b > 0 && ((unsigned char)t[b] & 0xC0) == 0x80)
        b--;
    return bl_is_word_cp(bl_utf8_decode(t, i, b, &n));
}

/* Finds quoted stretches: "...", “...”, and '...' or ‘...’ where the
 * opening mark starts a word and the closing one ends one, so the
 * apostrophes of "Bob's" and "didn't" never open a quote. */
static int
find_quotes(const char *t, size_t len, quotes *q)
{
    size_t i = 0, open = 0;
    int in_double = 0;

    q->spans.n = 0;
    while (i < len) {
        unsigned char c = (unsigned char)t[i];
        size_t cl = 1;
        int dq_open = 0, dq_close = 0, sq_open = 0;
        if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80) {
            unsigned char d = (unsigned char)t[i + 2];
            cl = 3;
            dq_open = d == 0x9C;
            dq_close = d == 0x9D;
            sq_open = d == 0x98;
        } else if (c == '"') {
            dq_open = !in_double;
            dq_close = in_double;
        } else if (c == '\'') {
            sq_open = !is_word_before(t, i) && is_word_at(t, len, i + 1);
        }
        if (dq_open && !in_double) {
            in_double = 1;
            open = i;
        } else if (dq_close && in_double) {
            bl_span s = {open, i + cl};
            in_double = 0;
            if (BL_VEC_PUSH(&q->spans, s) < 0)
                return -1;
        } else if (sq_open && !in_double) {
            /* The closing mark: ' or ’ not followed by a letter, within a
             * short stretch (a quoted phrase, not half a paragraph). */
            size_t j, limit = i + 160 < len ? i + 160 : len;
            for (j = i + cl; j < limit; j++) {
                int sq = t[j] == '\'';
                size_t jl = 1;
                if ((unsigned char)t[j] == 0xE2 && j + 2 < len
                    && (unsigned char)t[j + 1] == 0x80
                    && (unsigned char)t[j + 2] == 0x99) {
                    sq = 1;
                    jl = 3;
                }
                if (sq && !is_word_at(t, len, j + jl)
                    && is_word_before(t, j)) {
                    bl_span s = {i, j + jl};
                    if (BL_VEC_PUSH(&q->spans, s) < 0)
                        return -1;
                    i = j + jl;
                    cl = 0;
                    break;
                }
            }
        }
        i += cl;
    }
    return 0;
}

static int
overlaps_quote(const quotes *q, size_t b, size_t e)
{
    size_t lo = 0, hi = q->spans.n;

    /* Spans are found left to right and never overlap: the first one
     * ending after b is the only one that can overlap [b, e). */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (q->spans.items[mid].end <= b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < q->spans.n && q->spans.items[lo].begin < e;
}

/* --- Names --------------------------------------------------------------- */

/* Does w[0..i) read as a surname prefix that a capital may follow? */
static int
has_name_prefix(const char *w, size_t i)
{
    static const char *const prefixes[] = {"Mc", "Mac", "De", "Le", "La",
                                           "Di", "Da", "Van", NULL};
    size_t k;

    for (k = 0; prefixes[k] != NULL; k++)
        if (strlen(prefixes[k]) == i && memcmp(prefixes[k], w, i) == 0)
            return 1;
    return 0;
}

/* Would a reader take this capitalised word for a person's name?  Acronyms
 * (DNS), CamelCase products (PagerDuty), words with digits (S3) and the
 * rule set's Not-Names (sentence starters, common system names) are not. */
static int
is_plausible_name(const bl_lint_ctx *lc, const bl_entry *e, const char *w,
                  size_t n, unsigned unit_flags)
{
    size_t i, cl, chars = 0;
    uint32_t prev = 0;

    if (unit_flags & BL_UNIT_HEADING)
        return 0;   /* Title Case headings capitalise every word */
    for (i = 0; i < n; i += cl, chars++) {
        uint32_t cp = bl_utf8_decode(w, n, i, &cl);
        if (cp >= '0' && cp <= '9')
            return 0;
        /* A capital inside the word belongs to a name only after a
         * hyphen or apostrophe (Jean-Luc, O'Brien) or a surname prefix
         * (McKenzie, MacLeod, DeShawn, LaToya, DiCaprio); elsewhere it
         * marks an acronym or a product (DNS, GitHub, PagerDuty). */
        if (chars > 0 && bl_is_upper_cp(cp) && prev != '-' && prev != '\''
            && prev != 0x2019 && !has_name_prefix(w, i))
            return 0;
        prev = cp;
    }
    if (bl_strset_has(&lc->rules->not_names, w, n))
        return 0;
    return e->names != BL_NAMES_KNOWN || bl_strset_has(&lc->people, w, n)
           || bl_strset_has(&lc->rules->people, w, n);
}

/* --- Messages and fixes -------------------------------------------------- */

/* Appends the matched text as a reader would quote it: whitespace and
 * control characters collapsed to single spaces (a terminal must never
 * receive an escape sequence from a document), a placeholder (a code span
 * or a link's target) shown as "`...`", so "ran it with `...` and
 * without `...`" still reads as a sentence, and
 * cut after about 60 bytes at the end of a word, or inside a word that
 * runs past 100 (between characters, never inside one). */
static int
sb_add_quoted(bl_strbuf *sb, const char *s, size_t n)
{
    size_t i = 0, start = sb->n, cl;
    int space = 0;

    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        cl = 1;
        if (c == (unsigned char)BL_PLACEHOLDER) {
            if (space && sb->n > start && bl_strbuf_add(sb, " ", 1) < 0)
                return -1;
            space = 0;
            if (bl_strbuf_add(sb, "`...`", 5) < 0)
                return -1;
            i++;
            continue;
        }
        if (c < 0x20 || c == 0x7F || c == ' ') {
            space = 1;
            i++;
            continue;
        }
        if (space && sb->n > start) {
            if (sb->n - start >= 60)
                return bl_strbuf_add(sb, "...", 3);
            if (bl_strbuf_add(sb, " ", 1) < 0)
                return -1;
        }
        space = 0;
        if (sb->n - start >= 100)
            return bl_strbuf_add(sb, "...", 3);
        if (c >= 0x80)
            bl_utf8_decode(s, n, i, &cl);   /* whole characters only */
        if (bl_strbuf_add(sb, s + i, cl) < 0)
            return -1;
        i += cl;
    }
    return 0;
}

/* Expands "{0}" in a message to the matched words. */
static int
expand_message(bl_strbuf *sb, const char *tmpl, const char *m, size_t mn)
{
    const char *p = tmpl, *q;

    while ((q = strstr(p, "{0}")) != NULL) {
        if (bl_strbuf_add(sb, p, (size_t)(q - p)) < 0
            || sb_add_quoted(sb, m, mn) < 0)
            return -1;
        p = q + 3;
    }
    return bl_strbuf_add(sb, p, strlen(p));
}

/* Finds the set group called name (several groups may share it, one per
 * branch); returns 1 and its bounds, or 0. */
static int
named_group(const pcre2_code *code, const PCRE2_SIZE *ov, int rc,
            const char *name, size_t *p_b, size_t *p_e)
{
    PCRE2_SPTR first, last, entry;
    int size = pcre2_substring_nametable_scan(code, (PCRE2_SPTR)name, &first,
                                              &last);
    uint32_t entry_size;

    if (size <= 0)
        return 0;
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    for (entry = first; entry <= last; entry += entry_size) {
        int g = (entry[0] << 8) | entry[1];
        if (g < rc && ov[2 * g] != PCRE2_UNSET) {
            *p_b = ov[2 * g];
            *p_e = ov[2 * g + 1];
            return 1;
        }
    }
    return 0;
}

/* Expands $0-$9 and ${name} in a fix to the groups' text. */
static int
expand_fix(bl_strbuf *sb, const char *tmpl, const pcre2_code *re,
           const char *subj, const PCRE2_SIZE *ov, int rc)
{
    const char *p = tmpl;

    while (*p) {
        int g = -1;
        const char *next = p + 1;
        if (p[0] == '$' && p[1] >= '0' && p[1] <= '9') {
            g = p[1] - '0';
            next = p + 2;
        } else if (p[0] == '$' && p[1] == '{') {
            const char *close = strchr(p, '}');
            char name[32];
            if (close != NULL && (size_t)(close - p - 2) < sizeof name) {
                size_t nb, ne;
                memcpy(name, p + 2, (size_t)(close - p - 2));
                name[close - p - 2] = '\0';
                next = close + 1;
                /* Names may repeat across branches: take the set one. */
                if (named_group(re, ov, rc, name, &nb, &ne)
                    && bl_strbuf_add(sb, subj + nb, ne - nb) < 0)
                    return -1;
                p = next;
                continue;
            }
        } else if (p[0] == '$' && p[1] == '$') {
            next = p + 2;
        }
        if (g >= 0 && g < rc && ov[2 * g] != PCRE2_UNSET) {
            if (bl_strbuf_add(sb, subj + ov[2 * g],
                              ov[2 * g + 1] - ov[2 * g]) < 0)
                return -1;
        } else if (g < 0 && bl_strbuf_add(sb, p, 1) < 0) {
            return -1;
        }
        p = next;
    }
    return 0;
}

/* --- Matching ------------------------------------------------------------ */

/* Does any title on the section chain of `section` match re? */
static int
section_matches(const bl_doc *doc, int section, bl_regex *re,
                pcre2_match_data *md)
{
    while (section >= 0) {
        const bl_section *s = &doc->sections.items[section];
        if (s->title_unit >= 0) {
            size_t n;
            const char *t = bl_unit_text(doc, &doc->units.items[s->title_unit],
                                         &n);
            if (bl_regex_match(re, t, n, 0, md) >= 0)
                return 1;
        }
        section = s->parent;
    }
    return 0;
}

typedef struct found {
    int entry;
    int rule;
    bl_severity sev;
    size_t begin, end;      /* unit offsets of the reported span */
    char *message;
    char *fix;
} found;

typedef struct run {
    bl_lint_ctx *lc;
    pcre2_match_data *md;
    pcre2_match_data *veto_md;  /* the Unless: veto's, apart from md */
    quotes q;
    struct { found *items; size_t n, alloc; } found;
    /* With a lint cache: what a unit's findings depend on beyond its
     * text (see unit_context). */
    uint64_t people_hash;
    uint64_t *section_hash;     /* per section, 0 until computed */
    /* Per entry, two slots (Section:, Not-Section:): the section last
     * asked about plus 2, times 2, plus the verdict; 0 when none.  The
     * sentences of a section come one after another, and searching its
     * titles costs more than most entries' own tries.  NULL: not kept. */
    unsigned *section_verdict;
} run;

/* Does a title on the section chain of `section` match re, the Section:
 * (slot 2 * entry) or Not-Section: (slot 2 * entry + 1) of an entry? */
static int
section_verdict(run *r, size_t slot, int section, bl_regex *re)
{
    unsigned key = (unsigned)(section + 2) * 2, *memo;
    int verdict;

    if (r->section_verdict == NULL)
        return section_matches(r->lc->doc, section, re, r->md);
    memo = &r->section_verdict[slot];
    if ((*memo & ~1u) == key)
        return (int)(*memo & 1);
    verdict = section_matches(r->lc->doc, section, re, r->md);
    *memo = key | (unsigned)verdict;
    return verdict;
}

static void
found_free(found *f)
{
    free(f->message);
    free(f->fix);
}

/* Keeps one finding per stretch of text: a later match that overlaps
 * kept ones replaces them only with a higher severity than all of them
 * (entries come in priority order).  r->found stays sorted by begin and
 * free of overlaps, so only the neighbours of f's place need a look, and
 * a sentence with thousands of findings costs no more per finding. */
static int
keep(run *r, found f)
{
    size_t lo = 0, hi = r->found.n, first, last, i;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->found.items[mid].end <= f.begin)
            lo = mid + 1;
        else
            hi = mid;
    }
    first = lo;     /* the first kept finding ending after f begins */
    for (last = first; last < r->found.n
         && r->found.items[last].begin < f.end; last++) {
        if (r->found.items[last].sev >= f.sev) {
            found_free(&f);
            return 0;
        }
    }
    for (i = first; i < last; i++)
        found_free(&r->found.items[i]);
    if (last == first && BL_VEC_RESERVE(&r->found, 1) < 0) {
        found_free(&f);
        return -1;
    }
    memmove(r->found.items + first + 1, r->found.items + last,
            (r->found.n - last) * sizeof *r->found.items);
    r->found.items[first] = f;
    r->found.n = r->found.n - (last - first) + 1;
    return 0;
}

/* Builds the finding for one match while its groups are in md. */
static int
make_found(run *r, const bl_entry *e, int ei, const char *text, size_t b,
           size_t en, const pcre2_code *code, const PCRE2_SIZE *ov, int rc,
           found *f)
{
    bl_strbuf msg = {NULL, 0, 0}, fix = {NULL, 0, 0};

    memset(f, 0, sizeof *f);
    f->entry = ei;
    f->rule = e->rule;
    f->sev = r->lc->rules->rules.items[e->rule].info.severity;
    f->begin = b;
    f->end = en;
    if (expand_message(&msg, e->message, text + b, en - b) < 0
        || bl_strbuf_add(&msg, " ", 1) < 0
        || bl_strbuf_add(&msg, e->suggest, strlen(e->suggest)) < 0
        || (e->fix != NULL
            && (bl_strbuf_add(&fix, "", 0) < 0
                || expand_fix(&fix, e->fix, code, text, ov, rc) < 0))) {
        free(msg.items);
        free(fix.items);
        return -1;
    }
    f->message = msg.items;
    f->fix = fix.items;
    return 0;
}

/* Where a match may start: at a word (or the @ of a handle) or at the
 * sentence's start.  Entry patterns are compiled anchored and tried only
 * at these places, which is several times cheaper than letting PCRE2 try
 * every byte: a pattern that opens with "{WHO}" (an alternation over
 * roles, pronouns and capitalised names) has no literal prefix for PCRE2
 * to skip ahead with.  Returns end + 1 when there is no further start. */
static size_t
next_anchor(const char *text, size_t from, size_t begin, size_t end)
{
    size_t i = from, n;
    int after_word;

    if (i == begin)
        return i;
    /* Whether each character follows a word character is carried along
     * rather than decoded backwards again: most characters are inside
     * words, and most are ASCII. */
    after_word = is_word_before(text, i);
    while (i < end) {
        unsigned char c = (unsigned char)text[i];
        int word;
        if (c < 0x80) {
            word = bl_byte_class[c] & BL_BYTE_WORD;
            n = 1;
        } else {
            word = bl_is_word_cp(bl_utf8_decode(text, end, i, &n));
        }
        if (word ? !after_word : c == '@' && i + 1 < end)
            return i;
        after_word = word;
        i += n;
    }
    return end + 1;
}

/* How far before its first trigger word a match may start.  A pattern
 * such as "{WHO} ... forgot" begins with an alternation that could start
 * anywhere, so searching the whole sentence for it costs as much as the
 * rest of the lint; a subject sits within a few words of its verb. */
#define BL_LOOKBACK 96

/* Does entry e's Unless: pattern match sentence s? */
static int
is_vetoed(run *r, bl_entry *e, const char *text, const bl_sentence *s)
{
    return e->unless.src != NULL
           && bl_regex_match(&e->unless, text, s->end, s->begin,
                             r->veto_md) >= 0;
}

/* Runs entry c->entry over sentence s; accepted matches go to r->found,
 * or, for a Learn entry, their names to the people list. */
static int
match_entry(run *r, const bl_sentence *s, const bl_cand *c)
{
    int ei = c->entry;
    bl_lint_ctx *lc = r->lc;
    const bl_doc *doc = lc->doc;
    bl_entry *e = &lc->rules->entries.items[ei];
    const bl_unit *u = &doc->units.items[s->unit];
    pcre2_match_data *md = r->md;
    size_t len;
    int vetoed = -1;
    size_t back = e->starts_at_trigger ? 0 : BL_LOOKBACK;
    size_t start = c->at > s->begin + back ? c->at - back : s->begin;
    const char *text = bl_unit_text(doc, u, &len);
    const pcre2_code *code;

    if ((u->flags & BL_UNIT_QUOTE) && !e->in_quote && e->rule >= 0)
        return 0;
    if (e->section.src != NULL
        && !section_verdict(r, 2 * (size_t)ei, u->section, &e->section))
        return 0;
    if (e->not_section.src != NULL
        && section_verdict(r, 2 * (size_t)ei + 1, u->section,
                           &e->not_section))
        return 0;
    if ((code = bl_regex_get(&e->re)) == NULL)
        return 0;
    while (start < s->end && ((unsigned char)text[start] & 0xC0) == 0x80)
        start++;    /* never start inside a character */
    while ((start = next_anchor(text, start, s->begin, s->end)) <= c->last) {
        PCRE2_SIZE *ov;
        size_t b, en, nb, ne, cl;
        found f;
        unsigned char first = (unsigned char)text[start];
        int rc = e->re.first != NULL
                 && !(e->re.first[first / 8] & (1u << (first % 8)))
                 ? PCRE2_ERROR_NOMATCH   /* cannot start with this byte */
                 : bl_regex_match(&e->re, text, s->end, start, md);
        if (rc <= 0) {
            if (start >= s->end)
                break;
            bl_utf8_decode(text, s->end, start, &cl);
            start += cl;
            continue;
        }
        code = bl_regex_hit(&e->re);    /* whose groups md holds */
        ov = pcre2_get_ovector_pointer(md);
        b = ov[0];
        en = ov[1];
        start = en > b ? en : en + 1;
        named_group(code, ov, rc, "span", &b, &en);
        if (named_group(code, ov, rc, "name", &nb, &ne)) {
            if (e->rule < 0) {
                if (!(u->flags & BL_UNIT_HEADING)
                    && is_plausible_name(lc, e, text + nb, ne - nb, 0)
                    && bl_lint_learn_person(lc, text + nb, ne - nb) < 0)
                    return -1;
                continue;
            }
            if (e->names == BL_NAMES_KNOWN && !lc->learned
                && bl_lint_learn_all(lc) < 0)
                return -1;
            if (!is_plausible_name(lc, e, text + nb, ne - nb, u->flags)) {
                /* "After Bob forgot": the match took "After" for the
                 * name; look again from just past it. */
                start = ne;
                continue;
            }
        }
        if (e->rule < 0 || en <= b)
            continue;
        /* The unit's quotations, found once, and only for a unit where
         * something matched: few do. */
        if (r->q.unit != s->unit) {
            if (find_quotes(text, len, &r->q) < 0)
                return -1;
            r->q.unit = s->unit;
        }
        if (overlaps_quote(&r->q, b, en))
            continue;
        /* The Unless: veto speaks for the whole sentence ("Human error is
         * never a root cause"); it is asked once, when something first
         * matched, and before the finding can displace another. */
        if (vetoed < 0)
            vetoed = is_vetoed(r, e, text, s);
        if (vetoed)
            return 0;
        if (make_found(r, e, ei, text, b, en, code, ov, rc, &f) < 0
            || keep(r, f) < 0)
            return -1;
    }
    return 0;
}

int
bl_patterns_learn(bl_lint_ctx *lc, const bl_sentence *s, const bl_cand *c)
{
    run r;
    int rc;

    memset(&r, 0, sizeof r);
    r.lc = lc;
    r.q.unit = -1;
    if (lc->learn_md == NULL
        && (lc->learn_md = pcre2_match_data_create(32, NULL)) == NULL)
        return -1;
    r.md = lc->learn_md;
    rc = match_entry(&r, s, c);
    BL_VEC_FREE(&r.found);
    BL_VEC_FREE(&r.q.spans);
    return rc;
}

/* Reports the findings of one sentence and empties r->found. */
static int
flush(run *r, const bl_sentence *s)
{
    bl_lint_ctx *lc = r->lc;
    const bl_unit *u = &lc->doc->units.items[s->unit];
    size_t i;
    int rc = 0;

    for (i = 0; i < r->found.n; i++) {
        found *f = &r->found.items[i];
        size_t b = bl_unit_to_source(lc->doc, u, f->begin, 0);
        size_t e = bl_unit_to_source(lc->doc, u, f->end, 1);
        if (rc == 0 && e > b)
            rc = bl_lint_report(lc, f->rule, b, e, f->message, f->fix);
        found_free(f);
    }
    r->found.n = 0;
    return rc;
}

/* --- Reuse (lintcache.h) -------------------------------------------------- */

/* The titles of section's chain, hashed: what Section: and Not-Section:
 * look at. */
static uint64_t
section_chain_hash(run *r, int section)
{
    const bl_doc *doc = r->lc->doc;
    const bl_section *s;
    uint64_t h;

    if (section < 0)
        return 1;
    if (r->section_hash[section] != 0)
        return r->section_hash[section];
    s = &doc->sections.items[section];
    h = section_chain_hash(r, s->parent);
    if (s->title_unit >= 0) {
        size_t n;
        const char *t = bl_unit_text(doc, &doc->units.items[s->title_unit],
                                     &n);
        h = bl_hash_bytes(t, n, h);
    }
    return r->section_hash[section] = h | 1;
}

/* Everything but the text that a unit's pattern findings depend on: its
 * flags (quote, heading), its sections' titles, and the people the
 * document names (Names: known). */
static uint64_t
unit_context(run *r, int unit)
{
    const bl_unit *u = &r->lc->doc->units.items[unit];
    uint64_t h = section_chain_hash(r, u->section);

    return (h ^ r->people_hash ^ ((uint64_t)u->flags << 1))
           * 0x9E3779B97F4A7C15ull;
}

static int
record_found(bl_memo_findings *m, const run *r)
{
    size_t i;

    for (i = 0; i < r->found.n; i++) {
        const found *f = &r->found.items[i];
        bl_memo_found k;
        k.rule = f->rule;
        k.begin = f->begin;
        k.end = f->end;
        k.message = bl_strndup(f->message, strlen(f->message));
        k.fix = f->fix != NULL ? bl_strndup(f->fix, strlen(f->fix)) : NULL;
        if (k.message == NULL || (f->fix != NULL && k.fix == NULL)
            || BL_VEC_PUSH(&m->found, k) < 0) {
            free(k.message);
            free(k.fix);
            return -1;
        }
    }
    return 0;
}

/* Reports the findings m kept, as unit's. */
static int
replay_found(bl_lint_ctx *lc, int unit, const bl_memo_findings *m)
{
    const bl_unit *u = &lc->doc->units.items[unit];
    size_t i;

    for (i = 0; i < m->found.n; i++) {
        const bl_memo_found *f = &m->found.items[i];
        size_t b = bl_unit_to_source(lc->doc, u, f->begin, 0);
        size_t e = bl_unit_to_source(lc->doc, u, f->end, 1);
        if (e > b && bl_lint_report(lc, f->rule, b, e, f->message, f->fix) < 0)
            return -1;
    }
    return 0;
}

/* Runs the enabled pattern entries over sentences [si, end), all of one
 * unit; with a memo slot, keeps what they found. */
static int
match_unit(run *r, size_t si, size_t end, bl_memo_findings *m)
{
    bl_lint_ctx *lc = r->lc;
    const bl_rules *rules = lc->rules;
    size_t ci;
    int rc = 0;

    for (; si < end && rc == 0; si++) {
        const bl_sentence *s = &lc->sentences.items[si];
        for (ci = s->cand_begin; ci < s->cand_end && rc == 0; ci++) {
            const bl_cand *c = &lc->cands.items[ci];
            const bl_entry *e = &rules->entries.items[c->entry];
            if (e->rule < 0
                || rules->rules.items[e->rule].info.severity == BL_SEV_OFF
                || !bl_rule_in_profile(&rules->rules.items[e->rule].info,
                                       lc->profile)
                || rules->rules.items[e->rule].check != bl_check_patterns)
                continue;
            rc = match_entry(r, s, c);
        }
        if (rc == 0 && m != NULL)
            rc = record_found(m, r);
        if (rc == 0)
            rc = flush(r, s);
    }
    return rc;
}

int
bl_check_patterns(bl_lint_ctx *lc, int rule)
{
    run r;
    size_t si, ci;
    int rc = 0;

    (void)rule;
    if (lc->patterns_done)
        return 0;
    lc->patterns_done = 1;
    memset(&r, 0, sizeof r);
    r.lc = lc;
    r.md = pcre2_match_data_create(32, NULL);
    r.veto_md = pcre2_match_data_create(4, NULL);
    if (r.md == NULL || r.veto_md == NULL) {
        pcre2_match_data_free(r.md);
        pcre2_match_data_free(r.veto_md);
        return -1;
    }
    r.q.unit = -1;
    if (lc->cache != NULL) {
        /* Findings of Names: known entries depend on everyone the
         * document names: learn them all first, so the context below is
         * final. */
        r.section_hash = calloc(lc->doc->sections.n + 1,
                                sizeof *r.section_hash);
        if (r.section_hash == NULL
            || bl_lint_people_hash(lc, &r.people_hash) < 0)
            rc = -1;
    }
    r.section_verdict = calloc(2 * lc->rules->entries.n + 1,
                               sizeof *r.section_verdict);
    if (r.section_verdict == NULL)
        rc = -1;
    for (si = 0; si < lc->sentences.n && rc == 0;) {
        int unit = lc->sentences.items[si].unit;
        size_t end = si;
        bl_unit_memo *m = lc->memo_of_unit != NULL ? lc->memo_of_unit[unit]
                                                   : NULL;
        bl_memo_findings *kept = NULL;
        int hit = 0;
        while (end < lc->sentences.n && lc->sentences.items[end].unit == unit)
            end++;
        if (m != NULL)
            kept = bl_unit_memo_findings(m, unit_context(&r, unit), &hit);
        if (hit) {
            rc = replay_found(lc, unit, kept);
        } else {
            rc = match_unit(&r, si, end, kept);
            if (rc == 0 && kept != NULL)
                kept->valid = 1;
        }
        si = end;
    }
    free(r.section_hash);
    free(r.section_verdict);
    for (ci = 0; ci < r.found.n; ci++)
        found_free(&r.found.items[ci]);
    BL_VEC_FREE(&r.found);
    pcre2_match_data_free(r.md);
    pcre2_match_data_free(r.veto_md);
    BL_VEC_FREE(&r.q.spans);
    return rc;
}

/* --- For checks written in C --------------------------------------------- */

int
bl_lint_match_is_person(bl_lint_ctx *lc, const pcre2_code *code,
                        pcre2_match_data *md, int rc, const char *text,
                        unsigned unit_flags, int names)
{
    bl_entry like;
    size_t nb, ne;

    if (!named_group(code, pcre2_get_ovector_pointer(md), rc, "name", &nb,
                     &ne))
        return 1;   /* a role, a pronoun or an @handle */
    if (names == BL_NAMES_KNOWN && !lc->learned && bl_lint_learn_all(lc) < 0)
        return -1;
    /* The same test as a Match stanza's with this Names: value. */
    memset(&like, 0, sizeof like);
    like.names = names;
    return is_plausible_name(lc, &like, text + nb, ne - nb, unit_flags);
}
