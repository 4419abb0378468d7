/*
 * leaks.c: internal details in text that readers outside the company
 * will see: @handles and #channels, internal hostnames and addresses, and
 * people's names.  comms/external-leak reads a comms document's external
 * template with it, status-update/leak a whole status update.
 *
 * Handles and hosts are looked for in the source itself, HTML comments
 * blanked out: a hostname in a code span or a link target is published
 * as surely as one in prose.  Names are read from the prose units, where
 * the blame rules' machinery can tell a person from a system: a
 * capitalised word is a person when the document shows it is (the Learn
 * stanzas, the configuration's team), or when LEAK-PERSON's phrases put
 * it in a person's place ("Dana is investigating").  The patterns are
 * the Define: stanzas of rules/leaks.rules; a --rules directory without
 * them gets no findings of the kind that needs them.
 */
#include <string.h>
#include <strings.h>

#include "lint.h"
#include "strset.h"
#include "text.h"
#include "vec.h"

/* A quoted leak in a message is cut to this many bytes. */
#define EXCERPT_MAX 60

/* Match data pairs: LEAK-PERSON's alternatives each hold a (?<name>). */
#define OVEC_PAIRS 32

typedef enum leak_kind {
    LEAK_HANDLE,
    LEAK_CHANNEL,       /* found as LEAK_HANDLE, told apart by its "#" */
    LEAK_HOST,
    LEAK_PERSON
} leak_kind;

typedef struct leak {
    size_t begin, end;      /* source bytes */
    leak_kind kind;
} leak;

typedef struct leak_list {
    leak *items;
    size_t n, alloc;
} leak_list;

static const char *const leak_advice[] = {
    [LEAK_HANDLE] = " is an @handle: it points readers outside the "
                    "company at a person, and they cannot use it. Leave it "
                    "out, or say \"our engineers\" or \"our support "
                    "team\".",
    [LEAK_CHANNEL] = " is an internal chat channel: readers outside the "
                     "company cannot open it. Leave it out; tell them where "
                     "the next update will be posted instead.",
    [LEAK_HOST] = " is an internal hostname or address: it means nothing "
                  "to customers and maps the network for anyone else. Name "
                  "the system by what it does for users (\"the checkout "
                  "database\").",
    [LEAK_PERSON] = " is a person's name: an update outside the company "
                    "is about the service, not about who works on it. "
                    "Write \"our engineers\" or \"the team\" instead.",
};

/* --- Collecting ---------------------------------------------------------- */

static int
add_leak(leak_list *l, size_t b, size_t e, leak_kind kind)
{
    leak x;

    x.begin = b;
    x.end = e;
    x.kind = kind;
    return BL_VEC_PUSH(l, x);
}

/* Where the HTML comment opening at source byte at ends: after its
 * "-->", or at the end of the document when it is never closed.  An HTML
 * block reaches the document's ranges a line at a time, its indentation
 * left out, so the comment's own end is looked for in the source. */
static size_t
comment_end(const bl_doc *doc, size_t at)
{
    size_t k;

    for (k = at + 4; k + 3 <= doc->len; k++)
        if (memcmp(doc->src + k, "-->", 3) == 0)
            return k + 3;
    return doc->len;
}

char *
bl_published_source(const bl_doc *doc, size_t b, size_t e)
{
    /* Zeros after the text: see BL_SUBJECT_PAD. */
    char *buf = malloc(e - b + 1 + BL_SUBJECT_PAD);
    size_t k, cl, done = 0;

    if (buf == NULL)
        return NULL;
    memcpy(buf, doc->src + b, e - b);
    memset(buf + (e - b), 0, 1 + BL_SUBJECT_PAD);
    /* The patterns run without PCRE2's UTF check, as on the prose units:
     * a byte that is not valid UTF-8 becomes '?'. */
    for (k = 0; k < e - b; k += cl) {
        if (bl_utf8_decode(buf, e - b, k, &cl) == 0xFFFD
            && (cl != 3 || memcmp(buf + k, "\xef\xbf\xbd", 3) != 0))
            buf[k] = '?';
    }
    for (k = 0; k < doc->html.n; k++) {
        const bl_html_range *h = &doc->html.items[k];
        size_t ce, hb, he;
        if (h->begin < done || h->end - h->begin < 4
            || memcmp(doc->src + h->begin, "<!--", 4) != 0)
            continue;
        done = ce = comment_end(doc, h->begin);
        hb = h->begin > b ? h->begin : b;
        he = ce < e ? ce : e;
        if (he > hb)
            memset(buf + (hb - b), ' ', he - hb);
    }
    return buf;
}

/* Every match of re in buf (source bytes from b on), as leaks of kind. */
static int
scan_source(const char *buf, size_t n, size_t b, bl_regex *re,
            pcre2_match_data *md, leak_kind kind, leak_list *l)
{
    size_t at = 0;

    while (re != NULL && at < n) {
        PCRE2_SIZE *ov;
        if (bl_regex_match(re, buf, n, at, md) <= 0)
            break;
        ov = pcre2_get_ovector_pointer(md);
        if (ov[1] <= ov[0]) {
            size_t cl;
            bl_utf8_decode(buf, n, ov[0], &cl);
            at = ov[0] + cl;    /* never inside a character */
            continue;
        }
        if (add_leak(l, b + ov[0], b + ov[1],
                     kind == LEAK_HANDLE && buf[ov[0]] == '#' ? LEAK_CHANNEL
                                                              : kind) < 0)
            return -1;
        at = ov[1];
    }
    return 0;
}

/* Is the word before t[b..) capitalised and right before it, one space
 * between?  Then the two are one name of a thing more often than not:
 * "Google Cloud confirmed the fix" makes the blame rules learn "Cloud". */
static int
follows_capital(const char *t, size_t n, size_t b, const bl_span *prev)
{
    size_t cl;

    return prev->end > prev->begin && prev->end + 1 == b
           && t[prev->end] == ' '
           && bl_is_upper_cp(bl_utf8_decode(t, n, prev->begin, &cl));
}

/* Is w[0..n) shaped like a first name: a capital, then lower case, with
 * a capital again only after a hyphen or apostrophe (Jean-Luc, O'Brien)?
 * A table column of owners also lists "TBD", "SRE" and "PagerDuty". */
static int
is_name_shaped(const char *w, size_t n)
{
    size_t i, cl;
    uint32_t prev = 0;

    for (i = 0; i < n; i += cl) {
        uint32_t cp = bl_utf8_decode(w, n, i, &cl);
        if ((cp >= '0' && cp <= '9')
            || (i > 0 && bl_is_upper_cp(cp) && prev != '-' && prev != '\''
                && prev != 0x2019))
            return 0;
        prev = cp;
    }
    return n > 0;
}

/* Does a word that names a group follow t[e..)?  "Owner: Edge team"
 * teaches the blame rules "Edge", which is a team's name. */
static int
names_a_group(const char *t, size_t n, size_t e)
{
    static const char *const groups[] = {
        "team", "teams", "squad", "rotation", "on-call", "oncall", "group",
        "guild", "org", "department", NULL
    };
    size_t b = e, k, len;

    while (b < n && t[b] == ' ')
        b++;
    for (len = 0; b + len < n && t[b + len] != ' ' && t[b + len] != '.'
                  && t[b + len] != ',' && t[b + len] != '\''; len++)
        ;
    for (k = 0; b > e && groups[k] != NULL; k++)
        if (strlen(groups[k]) == len && strncasecmp(t + b, groups[k], len) == 0)
            return 1;
    return 0;
}

/* Is the word at t[b..) in the middle of a sentence: a lower-case
 * letter or a comma before it (spaces skipped)?  A capital there is a
 * proper noun's; at a sentence's start, after a colon or a time ("13:44
 * Fix committed"), in a cell or in quotes, any word has one. */
static int
is_mid_sentence(const char *t, size_t b)
{
    while (b > 0 && t[b - 1] == ' ')
        b--;
    return b > 0 && ((t[b - 1] >= 'a' && t[b - 1] <= 'z') || t[b - 1] == ',');
}

/* Reads unit u for evidence about the capitalised words the Learn
 * stanzas may take for names ("Finance notices ...", "Honestly, the
 * on-call engineer ..."): proper gets those it writes in the middle of
 * a sentence, groups those it writes before "team", "squad"... */
static int
collect_evidence(const bl_doc *doc, const bl_unit *u, bl_strset *proper,
                 bl_strset *groups)
{
    size_t n, pos = 0, cl;
    const char *t = bl_unit_text(doc, u, &n);
    bl_span w;

    if (u->flags & BL_UNIT_HEADING)
        return 0;
    while (bl_next_word(t, n, &pos, &w)) {
        if (!bl_is_upper_cp(bl_utf8_decode(t, n, w.begin, &cl)))
            continue;
        if ((is_mid_sentence(t, w.begin)
             && bl_strset_add(proper, t + w.begin, w.end - w.begin) < 0)
            || (names_a_group(t, n, w.end)
                && bl_strset_add(groups, t + w.begin, w.end - w.begin) < 0))
            return -1;
    }
    return 0;
}

/* The capitalised words of unit u that the document or the team shows
 * to be people: "Dana" once "Owner: Dana" or `team = ["Dana"]` said so,
 * or once LEAK-PERSON found "Dana is investigating" (named). */
static int
scan_known_people(bl_lint_ctx *lc, const bl_unit *u, const bl_strset *named,
                  const bl_strset *proper, const bl_strset *groups,
                  leak_list *l)
{
    const bl_doc *doc = lc->doc;
    size_t n, pos = 0;
    const char *t = bl_unit_text(doc, u, &n);
    bl_span w, prev = {0, 0};

    if (u->flags & BL_UNIT_HEADING)
        return 0;   /* Title Case capitalises every word */
    for (; bl_next_word(t, n, &pos, &w); prev = w) {
        size_t cl, len = w.end - w.begin;
        const char *s = t + w.begin;
        uint32_t cp = bl_utf8_decode(t, n, w.begin, &cl);
        int listed;
        /* "Dana's": the name is the word before the possessive. */
        if (len > 2 && s[len - 2] == '\'' && s[len - 1] == 's')
            len -= 2;
        else if (len > 4 && memcmp(s + len - 4, "\xe2\x80\x99s", 4) == 0)
            len -= 4;
        if (!bl_is_upper_cp(cp) || !is_name_shaped(s, len)
            || bl_strset_has(&lc->rules->not_names, s, len)
            || names_a_group(t, n, w.begin + len))
            continue;
        /* The team is a list of people, and so are the names the
         * phrases found; what the Learn stanzas taught is an inference,
         * kept when the document also writes the word as a proper noun
         * and never as a team's name, and never from a second word of a
         * product's name. */
        listed = bl_strset_has(&lc->rules->people, s, len)
                 || bl_strset_has(named, s, len);
        if (!listed && (follows_capital(t, n, w.begin, &prev)
                        || !bl_strset_has(&lc->people, s, len)
                        || !bl_strset_has(proper, s, len)
                        || bl_strset_has(groups, s, len)))
            continue;
        if (add_leak(l, bl_unit_to_source(doc, u, w.begin, 0),
                     bl_unit_to_source(doc, u, w.begin + len, 1),
                     LEAK_PERSON) < 0)
            return -1;
    }
    return 0;
}

/* Names LEAK-PERSON puts in a person's place in unit u: the (?<name>)
 * it captured, when the blame rules would take it for a name.  Each is
 * also added to named, so that the name is a person's elsewhere too. */
static int
scan_person_phrases(bl_lint_ctx *lc, const bl_unit *u, bl_regex *re,
                    pcre2_match_data *md, bl_strset *named, leak_list *l)
{
    const bl_doc *doc = lc->doc;
    size_t n, at = 0;
    const char *t = bl_unit_text(doc, u, &n);

    while (re != NULL && at < n) {
        PCRE2_SIZE *ov;
        int rc = bl_regex_match(re, t, n, at, md), person;
        const pcre2_code *code = bl_regex_hit(re);
        PCRE2_SIZE nb, ne;
        uint32_t count, size, k;
        PCRE2_SPTR table;
        if (rc <= 0)
            break;
        ov = pcre2_get_ovector_pointer(md);
        if (ov[1] > ov[0])
            at = ov[1];
        else {
            size_t cl;
            bl_utf8_decode(t, n, ov[0], &cl);
            at = ov[0] + cl;    /* never inside a character */
        }
        person = bl_lint_match_is_person(lc, code, md, rc, t, u->flags,
                                         BL_NAMES_ANY);
        if (person < 0)
            return -1;
        if (!person)
            continue;
        /* The name itself: the set (?<name>) of the alternative that
         * matched, so the finding marks "Dana", not the phrase. */
        nb = ne = PCRE2_UNSET;
        pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count);
        pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &size);
        pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table);
        for (k = 0; k < count; k++) {
            const PCRE2_UCHAR *e = table + (size_t)k * size;
            int g = (e[0] << 8) | e[1];
            if (strcmp((const char *)e + 2, "name") == 0 && g < rc
                && ov[2 * g] != PCRE2_UNSET) {
                nb = ov[2 * g];
                ne = ov[2 * g + 1];
                break;
            }
        }
        if (nb == PCRE2_UNSET)
            continue;   /* a role or a handle: not a name */
        if (bl_strset_add(named, t + nb, ne - nb) < 0
            || add_leak(l, bl_unit_to_source(doc, u, nb, 0),
                        bl_unit_to_source(doc, u, ne, 1), LEAK_PERSON) < 0)
            return -1;
    }
    return 0;
}

/* --- Reporting ----------------------------------------------------------- */

static int
cmp_leak(const void *a, const void *b)
{
    const leak *x = a, *y = b;

    if (x->begin != y->begin)
        return (x->begin > y->begin) - (x->begin < y->begin);
    return (x->end < y->end) - (x->end > y->end);   /* wider first */
}

static int
report_leak(bl_lint_ctx *lc, int rule, const leak *x)
{
    const char *s = lc->doc->src + x->begin;
    size_t n = x->end - x->begin, k;
    bl_strbuf msg = {NULL, 0, 0};
    int rc = bl_strbuf_add(&msg, "\"", 1);

    for (k = 0; rc == 0 && k < n && k < EXCERPT_MAX; k++)
        rc = bl_strbuf_add(&msg, (unsigned char)s[k] < ' ' ? " " : s + k, 1);
    if (rc == 0 && n > EXCERPT_MAX)
        rc = bl_strbuf_add(&msg, "...", 3);
    if (rc == 0)
        rc = bl_strbuf_add(&msg, "\"", 1);
    if (rc == 0)
        rc = bl_strbuf_add(&msg, leak_advice[x->kind],
                           strlen(leak_advice[x->kind]));
    if (rc == 0)
        rc = bl_lint_report(lc, rule, x->begin, x->end, msg.items, NULL);
    free(msg.items);
    return rc;
}

int
bl_leaks_report(bl_lint_ctx *lc, int rule, size_t begin, size_t end)
{
    const bl_doc *doc = lc->doc;
    bl_regex *handle, *host, *person;
    pcre2_match_data *md;
    leak_list l = {NULL, 0, 0};
    bl_strset named, proper, groups;
    char *buf = NULL;
    size_t i, reported_to = 0;
    int oom = 0, rc = -1;

    if (begin < doc->fm_end)
        begin = doc->fm_end;    /* the front matter is not published */
    if (end <= begin)
        return 0;
    handle = bl_rules_define_regex(lc->rules, "LEAK-HANDLE", 0, &oom);
    host = bl_rules_define_regex(lc->rules, "LEAK-HOST", 0, &oom);
    person = bl_rules_define_regex(lc->rules, "LEAK-PERSON", 0, &oom);
    if (oom || (md = pcre2_match_data_create(OVEC_PAIRS, NULL)) == NULL)
        return -1;
    memset(&named, 0, sizeof named);
    memset(&proper, 0, sizeof proper);
    memset(&groups, 0, sizeof groups);
    if (!lc->learned && bl_lint_learn_all(lc) < 0)
        goto done;
    if ((buf = bl_published_source(doc, begin, end)) == NULL
        || scan_source(buf, end - begin, begin, handle, md, LEAK_HANDLE,
                       &l) < 0
        || scan_source(buf, end - begin, begin, host, md, LEAK_HOST, &l) < 0)
        goto done;
    /* Who the phrases show to be people, and which capitalised words the
     * whole document writes as proper nouns; then every mention. */
    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        size_t at = bl_unit_to_source(doc, u, 0, 0);
        if (collect_evidence(doc, u, &proper, &groups) < 0
            || (at >= begin && at < end
                && scan_person_phrases(lc, u, person, md, &named, &l) < 0))
            goto done;
    }
    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        size_t at = bl_unit_to_source(doc, u, 0, 0);
        if (at >= begin && at < end
            && scan_known_people(lc, u, &named, &proper, &groups, &l) < 0)
            goto done;
    }
    if (l.n > 1)
        qsort(l.items, l.n, sizeof *l.items, cmp_leak);
    /* One finding for text two kinds found ("@db-01.internal"). */
    for (i = 0; i < l.n; i++) {
        if (l.items[i].begin < reported_to)
            continue;
        if (report_leak(lc, rule, &l.items[i]) < 0)
            goto done;
        reported_to = l.items[i].end;
    }
    rc = 0;
done:
    free(buf);
    bl_strset_free(&named);
    bl_strset_free(&proper);
    bl_strset_free(&groups);
    BL_VEC_FREE(&l);
    pcre2_match_data_free(md);
    return rc;
}
