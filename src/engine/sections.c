/*
 * sections.c: which canonical section each heading names, the section/
 * rules (missing, empty, duplicate), and the missing-sections check the
 * other profiles' FAMILY/missing-section rules run.
 *
 * Teams title the same section many ways ("## 3. Timeline (UTC)",
 * "Timeline of events", "Chronology", "Tiemline").  A heading is
 * normalised (case, numbering, emoji, trailing colon and "(...)" dropped)
 * and compared with the normalised titles and synonyms of the profile's
 * Heading: stanzas: an exact match first, then the longest synonym the
 * heading starts with ("Root cause of the outage"), then one that follows
 * qualifiers its stanza lists ("Full timeline"), then a synonym within a
 * small edit distance (a typo); when none matches, the translation a
 * bilingual heading gives ("Auswirkungen (Impact)").
 *
 * Structural rules only apply to documents of the profile's kind: a
 * README checked along with the postmortems must not be told it lacks a
 * Timeline.  A document is a postmortem when its front matter says so,
 * when its title says so ("Incident 2024-03-01: ..."), or when it has
 * at least two of the canonical sections.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "lint.h"
#include "lintcache.h"
#include "text.h"
#include "vec.h"

static int find_label_parts(bl_lint_ctx *lc);
static int is_label_alone(const bl_doc *doc, const bl_unit *u, size_t e);
static int text_names(const bl_lint_ctx *lc, const bl_heading *h,
                      const char *t, size_t n, int parts_only, int label);
static int bold_label(const bl_doc *doc, const bl_unit *u, size_t *p_off,
                      size_t *p_n);

/* --- Normalising heading text -------------------------------------------- */

/* The length of an emoji or other symbol at t[i] ("📋", "🕐", "⚠️": any
 * code point past ASCII that is not a letter or digit), of a keycap emoji
 * ("1️⃣": a digit, '#' or '*', then U+FE0F and U+20E3, the first
 * optional) or of a GitHub shortcode (":warning:"), or 0.  They decorate
 * or number a heading, and one may stand before its number: "📋 5. Action
 * Items" is numbered as "5. Action Items" is. */
static size_t
decoration_len(const char *t, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t j = i + 1, cl;

    if (i >= n)
        return 0;
    if (u[i] >= 0x80)
        return bl_is_word_cp(bl_utf8_decode(t, n, i, &cl)) ? 0 : cl;
    if ((t[i] >= '0' && t[i] <= '9') || t[i] == '#' || t[i] == '*') {
        if (j + 3 <= n && u[j] == 0xEF && u[j + 1] == 0xB8 && u[j + 2] == 0x8F)
            j += 3;     /* U+FE0F, the emoji form */
        if (j + 3 <= n && u[j] == 0xE2 && u[j + 1] == 0x83 && u[j + 2] == 0xA3)
            return j + 3 - i;   /* U+20E3, the keycap */
        return 0;
    }
    if (t[i] != ':')
        return 0;
    while (j < n && ((t[j] >= 'a' && t[j] <= 'z')
                     || (t[j] >= '0' && t[j] <= '9') || t[j] == '_'
                     || t[j] == '+' || t[j] == '-'))
        j++;
    return j > i + 1 && j < n && t[j] == ':' ? j + 1 - i : 0;
}

/* Skips blanks, emoji, keycaps and shortcodes from t[i]. */
static size_t
skip_decoration(const char *t, size_t n, size_t i)
{
    size_t k;

    for (;;) {
        while (i < n && bl_is_blank(t[i]))
            i++;
        if ((k = decoration_len(t, n, i)) == 0)
            return i;
        i += k;
    }
}

/* The number or numeral that opens t[i..n), or i when there is none. */
static size_t
skip_number(const char *t, size_t n, size_t i)
{
    size_t j;
    int dots = 0;

    if (i < n && t[i] == '(') {     /* "(3)" */
        for (j = i + 1; j < n && t[j] >= '0' && t[j] <= '9'; j++)
            ;
        return j > i + 1 && j < n && t[j] == ')' ? j + 1 : i;
    }
    for (j = i; j < n && ((t[j] >= '0' && t[j] <= '9') || t[j] == '.'); j++)
        dots += t[j] == '.';
    if (j > i && t[i] != '.') {
        if (j < n && (t[j] == ')' || t[j] == ':'))
            return j + 1;
        /* A bold label is read from the source, where an editor that
         * exports Markdown escapes the dot that would start a list:
         * "**1\. Summary**". */
        if (j + 1 < n && t[j] == '\\' && (t[j + 1] == '.' || t[j + 1] == ')'))
            return j + 2;
        if (dots > 0 || (j - i <= 2 && (j == n || t[j] == ' ')))
            return j;
        return i;
    }
    /* Roman numerals and single letters need the dot or parenthesis. */
    for (j = i; j < n && j - i < 5 && strchr("IVXivx", t[j]) != NULL; j++)
        ;
    if (j == i && j < n && t[j] >= 'A' && t[j] <= 'Z')
        j++;
    if (j > i && j + 1 < n && (t[j] == '.' || t[j] == ')') && t[j + 1] == ' ')
        return j + 1;
    return i;
}

/* Where the number after "Section", "Part", "Chapter" or a section sign
 * at t[i] begins ("Section 3: Timeline", "§3 Timeline"), or i when there
 * is none: the word is numbering only when a number follows it. */
static size_t
skip_number_word(const char *t, size_t n, size_t i)
{
    static const char *const words[] = {"section ", "part ", "chapter ",
                                        "\xC2\xA7", NULL};
    size_t k, j;

    if (i >= n)
        return i;
    for (k = 0; words[k] != NULL; k++) {
        size_t wn;
        if (tolower((unsigned char)t[i]) != (unsigned char)words[k][0])
            continue;   /* most headings: before measuring the word */
        wn = strlen(words[k]);
        if (n - i > wn && strncasecmp(t + i, words[k], wn) == 0)
            break;
    }
    if (words[k] == NULL)
        return i;
    for (j = i + strlen(words[k]); j < n && t[j] == ' '; j++)
        ;
    return skip_number(t, n, j) > j ? j : i;
}

/* Drops "3.", "3)", "(3)", "1.2.", "2 ", "IV.", "A)", "Section 3:" and
 * "§3" before the words of a heading, and emoji, keycaps and shortcodes
 * before and after those; a year ("2024 outage") is a word. */
static size_t
skip_numbering(const char *t, size_t n)
{
    size_t i = skip_decoration(t, n, 0);

    i = skip_number_word(t, n, i);
    return skip_decoration(t, n, skip_number(t, n, i));
}

static int
is_ascii_alnum(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
           || (c >= '0' && c <= '9');
}

/* bl_heading_normalize, and in *p_cut (when not NULL) whether it dropped
 * a suffix: "Timeline (UTC)", "Postmortem: notes". */
static size_t
normalize(const char *t, size_t n, char *out, size_t cap, int *p_cut)
{
    size_t i, o = 0, cl;
    int space = 0;

    if (p_cut != NULL)
        *p_cut = 0;
    if (cap == 0)
        return 0;
    for (i = skip_numbering(t, n); i < n; i += cl) {
        /* Headings are mostly ASCII: decode only the rest. */
        uint32_t cp = (unsigned char)t[i] < 0x80
                      ? (cl = 1, (unsigned char)t[i])
                      : bl_utf8_decode(t, n, i, &cl);
        if (o > 0 && (cp == '(' || cp == '[' || cp == ':' || cp == 0x2014
                      || cp == 0x2013
                      || (cp == '-' && i > 0 && t[i - 1] == ' '
                          && i + 1 < n && t[i + 1] == ' '))) {
            size_t j, jl;
            for (j = i + cl; p_cut != NULL && j < n && !*p_cut; j += jl)
                *p_cut = bl_is_word_cp(bl_utf8_decode(t, n, j, &jl));
            break;  /* "Timeline (UTC)", "Impact: 163", "Impact - scope" */
        }
        if (cp == '\'' || cp == 0x2019)
            continue;   /* "What we've learned" == "What weve learned" */
        if (cp == '&') {
            if (o > 0 && o + 5 < cap) {
                memcpy(out + o, space ? " and" : " and", 4);
                o += 4;
                space = 1;
            }
            continue;
        }
        /* Words are letters and digits: '_' is a word byte in prose. */
        if (cp < 0x80 ? !is_ascii_alnum(cp) : !bl_is_word_cp(cp)) {
            space = o > 0;
            continue;
        }
        if (space) {
            if (o + 1 >= cap)
                break;
            out[o++] = ' ';
            space = 0;
        }
        if (o + cl >= cap)
            break;
        if (cp < 0x80)
            out[o++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        else {
            memcpy(out + o, t + i, cl);
            o += cl;
        }
    }
    out[o] = '\0';
    return o;
}

size_t
bl_heading_normalize(const char *t, size_t n, char *out, size_t cap)
{
    return normalize(t, n, out, cap, NULL);
}

/* Heading text as normalize leaves it, kept by a caller that compares
 * the same text with many headings: the structure classifies each
 * section's title, and section/missing asks it of every required
 * heading (section_titles). */
typedef struct norm_text {
    char s[128];    /* zeroed past the text: a JIT-compiled Unless: may
                       read ahead past it */
    size_t n;
    int cut;        /* normalize dropped a suffix */
} norm_text;

static void
normalize_into(norm_text *nt, const char *t, size_t n)
{
    memset(nt->s, 0, sizeof nt->s);
    nt->n = normalize(t, n, nt->s, sizeof nt->s, &nt->cut);
}

/* Edit distance of a and b counting a swap of neighbours as one edit
 * ("Tiemline"), or limit + 1 once it must exceed limit. */
static size_t
edit_distance(const char *a, size_t an, const char *b, size_t bn,
              size_t limit)
{
    size_t rows[3][130], i, j;
    size_t *pp, *prev = rows[0], *cur = rows[1];

    if (bn + 1 > sizeof rows[0] / sizeof rows[0][0])
        return limit + 1;
    if ((an > bn ? an - bn : bn - an) > limit)
        return limit + 1;
    pp = rows[2];
    for (j = 0; j <= bn; j++)
        prev[j] = j;
    for (i = 1; i <= an; i++) {
        size_t best, *t;
        cur[0] = best = i;
        for (j = 1; j <= bn; j++) {
            size_t v = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
                && pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            cur[j] = v;
            if (v < best)
                best = v;
        }
        if (best > limit)
            return limit + 1;
        t = pp;
        pp = prev;
        prev = cur;
        cur = t;
    }
    return prev[bn];
}

/* How many typos a synonym of n bytes tolerates: none in short words,
 * where one letter makes another word ("impact"/"intact" is fine, but
 * "scope"/"slope"?), one from 6 letters, two from 12. */
static size_t
typo_limit(size_t n)
{
    return n >= 12 ? 2 : n >= 6 ? 1 : 0;
}

/* How many bytes of normalised heading text t[0..n) the qualifiers of h
 * take ("full " in "full timeline", "detection and response " in
 * "detection and response timeline"), up to two in a row ("full detailed
 * timeline"); 0 when none opens it.  A qualifier alone is no heading. */
static size_t
skip_qualifiers(const bl_heading *h, const char *t, size_t n)
{
    size_t off = 0, k, round;

    for (round = 0; round < 2; round++) {
        size_t best = 0;
        for (k = 0; k < h->n_qualifiers; k++) {
            size_t qn;
            if (h->qualifiers[k][0] != t[off])
                continue;   /* most: before measuring it */
            qn = strlen(h->qualifiers[k]);
            if (qn + 1 < n - off && t[off + qn] == ' ' && qn + 1 > best
                && memcmp(h->qualifiers[k], t + off, qn) == 0)
                best = qn + 1;
        }
        if (best == 0)
            break;
        off += best;
    }
    return off;
}

/* The length of the longest synonym of h (a part only if parts_only;
 * never a whole-heading one) that t[0..n) starts with, or 0. */
static size_t
synonym_prefix(const bl_heading *h, const char *t, size_t n, int parts_only,
               int *p_part)
{
    size_t k, best = 0;

    for (k = 0; k < h->n_synonyms; k++) {
        size_t sn = strlen(h->synonyms[k]);
        if (h->synonyms[k][0] == t[0] && !h->is_exact[k]
            && (h->is_part[k] || !parts_only) && sn > best && sn <= n
            && memcmp(h->synonyms[k], t, sn) == 0
            && (sn == n || t[sn] == ' ')) {
            best = sn;
            *p_part = h->is_part[k];
        }
    }
    return best;
}

/* Does the text after a heading's colon name one of hd's parts?  "Root
 * cause identification: The Five Whys" is the 5 Whys part of the Root
 * Cause, not a second Root Cause (crates.io's postmortem has one of each,
 * side by side). */
static int
suffix_names_part(const bl_heading *hd, const char *t, size_t n)
{
    const char *colon = memchr(t, ':', n);
    char s[128];
    size_t sn, k, off = 0;

    if (colon == NULL)
        return 0;
    sn = bl_heading_normalize(colon + 1, n - (size_t)(colon + 1 - t), s,
                              sizeof s);
    if (sn > 4 && memcmp(s, "the ", 4) == 0)
        off = 4;
    for (k = 0; k < hd->n_synonyms; k++) {
        size_t pn = strlen(hd->synonyms[k]);
        if (hd->is_part[k] && !hd->is_exact[k] && pn <= sn - off
            && memcmp(hd->synonyms[k], s + off, pn) == 0
            && (s[off + pn] == '\0' || s[off + pn] == ' '))
            return 1;
    }
    return 0;
}

/* Does hd's Unless: pattern match normalised heading text h[0..n)?  Then
 * a synonym of hd that the text starts with does not make it hd's
 * section: "Actions taken during the incident" says what was done, not
 * what will change. */
static int
vetoed(const bl_heading *hd, const char *h, size_t n)
{
    /* Compiled on first use, in the rule set the caller lints with. */
    bl_regex *re = (bl_regex *)&hd->unless;
    pcre2_match_data *md;
    int hit;

    if (re->src == NULL || (md = pcre2_match_data_create(1, NULL)) == NULL)
        return 0;
    hit = bl_regex_match(re, h, n, 0, md) >= 0;
    pcre2_match_data_free(md);
    return hit;
}

/* Bilingual headings put the team's own words first and the English
 * after them, in parentheses or after a slash: "Auswirkungen (Impact)",
 * "Zeitablauf (Timeline, MESZ)", "Zusammenfassung / Summary".  Stores in
 * [*p_b, *p_e) the text that may be such a translation of t[0..n):
 * for `which` 0, the inside of the first parentheses up to a comma or
 * semicolon (what follows qualifies it, as "(UTC)" would); for 1, what
 * follows the first slash.  0 when there is none.  Only what names
 * nothing as a whole is read so ("Timeline (UTC)" is the Timeline
 * anyway), and only a translation that is a synonym as a whole:
 * "Glossary (root cause terms)" is no Root Cause. */
static int
translation(const char *t, size_t n, int which, size_t *p_b, size_t *p_e)
{
    const char *mark = memchr(t, which == 0 ? '(' : '/', n);
    size_t b, e;

    if (mark == NULL || mark == t)
        return 0;
    b = (size_t)(mark - t) + 1;
    for (e = b; which == 0 && e < n && t[e] != ')' && t[e] != ','
         && t[e] != ';'; e++)
        ;
    if (which != 0)
        e = n;
    *p_b = b;
    *p_e = e;
    return e > b;
}

/* The kind of section a heading's title names (-1 for none), and in
 * *p_part whether as one of its parts.  With `whole`, only a synonym
 * that is the whole text names it (qualifiers may come before it): no
 * longer heading that starts with one, no typo. */
static int
classify_norm(const bl_rules *rules, const char *profile,
              const norm_text *nt, int whole, int *p_part)
{
    const char *h = nt->s;
    int cut = nt->cut;
    size_t i, k, hn = nt->n;
    int prefix = -1, fuzzy = -1, prefix_part = 0, fuzzy_part = 0, direct;
    size_t prefix_len = 0, fuzzy_dist = 99;

    *p_part = 0;
    if (hn == 0)
        return -1;
    for (i = 0; i < rules->headings.n; i++) {
        const bl_heading *hd = &rules->headings.items[i];
        if (hd->profile[0] != profile[0] || strcmp(hd->profile, profile) != 0)
            continue;
        for (k = 0; k < hd->n_synonyms; k++) {
            const char *syn = hd->synonyms[k];
            size_t sn;
            if (syn[0] != h[0])
                continue;   /* neither equal nor a prefix */
            sn = strlen(syn);
            if (sn == hn && memcmp(syn, h, hn) == 0
                && !(hd->is_exact[k] && cut)) {
                if (vetoed(hd, h, hn))
                    break;
                *p_part = hd->is_part[k];
                return (int)i;
            }
            if (!whole && sn < hn && h[sn] == ' ' && memcmp(syn, h, sn) == 0
                && sn > prefix_len && !hd->is_exact[k]
                && !vetoed(hd, h, hn)) {
                prefix = (int)i;
                prefix_len = sn;
                prefix_part = hd->is_part[k];
            }
        }
    }
    /* A qualifier its stanza lists before a synonym: "Full timeline",
     * "Open action items", never "Roadmap impact". */
    for (i = 0, direct = prefix >= 0; !direct && i < rules->headings.n; i++) {
        const bl_heading *hd = &rules->headings.items[i];
        size_t q, sn;
        int part = 0;
        if (hd->n_qualifiers == 0 || hd->profile[0] != profile[0]
            || strcmp(hd->profile, profile) != 0
            || (q = skip_qualifiers(hd, h, hn)) == 0)
            continue;
        if ((sn = synonym_prefix(hd, h + q, hn - q, 0, &part)) > 0
            && q + sn > prefix_len && (!whole || q + sn == hn)
            && !vetoed(hd, h, hn)) {
            prefix = (int)i;
            prefix_len = q + sn;
            prefix_part = part;
        }
    }
    /* A typo only when nothing matched as written; a heading of several
     * words is no typo of a one-word title. */
    for (i = 0; prefix < 0 && !whole && i < rules->headings.n; i++) {
        const bl_heading *hd = &rules->headings.items[i];
        if (hd->profile[0] != profile[0] || strcmp(hd->profile, profile) != 0)
            continue;
        for (k = 0; k < hd->n_synonyms; k++) {
            const char *syn = hd->synonyms[k];
            size_t sn = strlen(syn), lim = typo_limit(sn), d;
            /* Cheap rejections first: the lengths differ by more than
             * the typos allowed, or neither of the first two letters is
             * where it should be (a typo keeps a word recognisable). */
            if (lim == 0 || hd->is_exact[k]
                || (hn > sn ? hn - sn : sn - hn) > lim
                || (h[0] != syn[0] && h[1] != syn[1]))
                continue;
            d = edit_distance(h, hn, syn, sn, lim);
            if (d <= typo_limit(sn) && d < fuzzy_dist && !vetoed(hd, h, hn)) {
                fuzzy = (int)i;
                fuzzy_dist = d;
                fuzzy_part = hd->is_part[k];
            }
        }
    }
    *p_part = prefix >= 0 ? prefix_part : fuzzy_part;
    return prefix >= 0 ? prefix : fuzzy;
}

/* classify_norm of heading text t[0..n). */
static int
classify_title(const bl_rules *rules, const char *profile, const char *t,
               size_t n, int whole, int *p_part)
{
    norm_text nt;

    normalize_into(&nt, t, n);
    return classify_norm(rules, profile, &nt, whole, p_part);
}

/* bl_heading_classify of heading text t[0..n), normalised into *nt. */
static int
classify_heading(const bl_rules *rules, const char *profile, const char *t,
                 size_t n, const norm_text *nt, int *p_part)
{
    int kind = classify_norm(rules, profile, nt, 0, p_part), which;
    size_t b, e;

    for (which = 0; kind < 0 && which < 2; which++)
        if (translation(t, n, which, &b, &e)
            && (kind = classify_title(rules, profile, t + b, e - b, 1,
                                      p_part)) >= 0) {
            t += b;
            n = e - b;
        }
    if (kind >= 0 && !*p_part
        && suffix_names_part(&rules->headings.items[kind], t, n))
        *p_part = 1;
    return kind;
}

int
bl_heading_classify(const bl_rules *rules, const char *profile,
                    const char *t, size_t n, int *p_part)
{
    norm_text nt;

    normalize_into(&nt, t, n);
    return classify_heading(rules, profile, t, n, &nt, p_part);
}

/* Does heading text t[0..n) name a section only through its translation
 * ("Maßnahmen (Action Items)")? */
static int
names_by_translation(const bl_rules *rules, const char *profile,
                     const char *t, size_t n)
{
    int part;

    return classify_title(rules, profile, t, n, 0, &part) < 0
           && bl_heading_classify(rules, profile, t, n, &part) >= 0;
}

/* LABEL-ENDS-PART of the rule set, in *p_re (NULL when it defines none).
 * Finding a Define by name searches them all, and each document asks
 * twice: the answer is kept in the rule set, when a slot is free.  -1
 * when out of memory. */
static int
label_ends_part(bl_rules *rules, bl_regex **p_re)
{
    bl_regex **kept = bl_rules_family_cache(rules, "section");

    if (kept != NULL) {
        *p_re = *kept;
        return 0;
    }
    if (bl_rules_define_into(rules, "LABEL-ENDS-PART", 1, p_re) < 0)
        return -1;
    if ((kept = malloc(sizeof *kept)) != NULL) {
        *kept = *p_re;
        (void)bl_rules_set_family_cache(rules, "section", kept, free);
    }
    return 0;
}

/* --- Placeholders -------------------------------------------------------- */

static int
is_placeholder_word(const char *w, size_t n)
{
    static const char *const words[] = {
        "tbd", "tbc", "tba", "todo", "fixme", "xxx", "n/a", "na", "-", "--",
        "...", "\xE2\x80\xA6", "?", "??", "???", "\xE2\x80\x94",
        "\xE2\x80\x93", "pending", NULL
    };
    char low[16];
    size_t k;

    while (n > 0 && (w[n - 1] == ':' || w[n - 1] == '.' || w[n - 1] == ','
                     || w[n - 1] == '!')
           && !(n == 3 && memcmp(w, "...", 3) == 0))
        n--;
    while (n > 2 && ((w[0] == '[' && w[n - 1] == ']')
                     || (w[0] == '(' && w[n - 1] == ')'))) {
        w++;
        n -= 2;
    }
    if (n == 0)
        return 1;
    if (n >= sizeof low)
        return 0;
    bl_ascii_lower(w, n, low);
    for (k = 0; words[k] != NULL; k++)
        if (bl_lit_equals(words[k], low, n))
            return 1;
    return 0;
}

int
bl_is_placeholder_text(const char *t, size_t n)
{
    size_t i = 0;

    while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\n' || t[n - 1] == '\t'
                     || t[n - 1] == '\r'))
        n--;
    while (i < n && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t'
                     || t[i] == '\r'))
        i++;
    t += i;
    n -= i;
    /* One template slot: {{impact}}, <service name>. */
    if ((n >= 4 && memcmp(t, "{{", 2) == 0 && memcmp(t + n - 2, "}}", 2) == 0
         && memchr(t + 2, '}', n - 4) == NULL)
        || (n >= 3 && t[0] == '<' && t[n - 1] == '>'
            && memchr(t + 1, '>', n - 2) == NULL)
        || bl_is_bracket_slot(t, n))
        return 1;
    i = 0;
    while (i < n) {
        size_t b;
        while (i < n && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t'
                         || t[i] == '\r'))
            i++;
        b = i;
        while (i < n && t[i] != ' ' && t[i] != '\n' && t[i] != '\t'
               && t[i] != '\r')
            i++;
        if (i > b && !is_placeholder_word(t + b, i - b))
            return 0;
    }
    return 1;
}

/* --- The analysis -------------------------------------------------------- */

/* Does the front matter or the title call the document a postmortem? */
static int
says_postmortem(const bl_lint_ctx *lc, const char *title, size_t tn)
{
    static const char *const words[] = {
        "postmortem", "post-mortem", "post mortem", "incident", "outage",
        "retrospective", "root cause analysis", "rca", "post-incident",
        "postincident", "incident review", "pir", NULL
    };
    const bl_doc *doc = lc->doc;
    char low[256];
    size_t n, k;

    /* "type: postmortem" or "blamelint: postmortem" in front matter. */
    if (doc->fm_end > doc->fm_begin) {
        const char *f = doc->src + doc->fm_begin;
        size_t fn = doc->fm_end - doc->fm_begin, i;
        for (i = 0; i < fn; i++) {
            static const char *const keys[] = {"type", "blamelint", "kind",
                                               "layout", NULL};
            if (i > 0 && f[i - 1] != '\n')
                continue;
            for (k = 0; keys[k] != NULL; k++) {
                size_t kl = strlen(keys[k]), j = i + kl;
                if (fn - i <= kl || strncmp(f + i, keys[k], kl) != 0)
                    continue;
                while (j < fn && (f[j] == ' ' || f[j] == ':' || f[j] == '='
                                  || f[j] == '"' || f[j] == '\''))
                    j++;
                n = 0;
                while (j + n < fn && f[j + n] != '\n' && f[j + n] != '\r'
                       && f[j + n] != '"' && f[j + n] != '\'' && n < 32)
                    n++;
                bl_ascii_lower(f + j, n, low);
                if ((n == 10 && memcmp(low, "postmortem", 10) == 0)
                    || (n == 11 && memcmp(low, "post-mortem", 11) == 0))
                    return 1;
            }
        }
    }
    if (title == NULL)
        return 0;
    n = tn < sizeof low - 1 ? tn : sizeof low - 1;
    bl_ascii_lower(title, n, low);
    low[n] = '\0';
    for (k = 0; words[k] != NULL; k++) {
        const char *p = low;
        size_t wl = strlen(words[k]);
        while ((p = strstr(p, words[k])) != NULL) {
            int before = p == low || !((p[-1] >= 'a' && p[-1] <= 'z'));
            int after = !((p[wl] >= 'a' && p[wl] <= 'z'));
            if (before && (after || p[wl] == 's'))
                return 1;
            p += wl;
        }
    }
    return 0;
}

/* The document's title: its first level-1 heading; else its first
 * heading, when nothing but front matter comes before it and it names no
 * section ("## Timeline" opening a document is a section, not a title);
 * -1 when none. */
static int
title_section(const bl_lint_ctx *lc)
{
    const bl_doc *doc = lc->doc;
    const bl_section *first;
    size_t i, n;
    int part;

    for (i = 0; i < doc->sections.n; i++)
        if (doc->sections.items[i].level == 1)
            return (int)i;
    if (doc->sections.n == 0)
        return -1;
    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        if (u->section >= 0)
            break;
        if (u->text_end > u->text_begin)
            return -1;  /* prose before the first heading */
    }
    first = &doc->sections.items[0];
    if (first->title_unit >= 0) {
        const char *t = bl_unit_text(doc, &doc->units.items[first->title_unit],
                                     &n);
        if (bl_heading_classify(lc->rules, lc->profile, t, n, &part) >= 0)
            return -1;
    }
    return 0;
}

/* Is section si named by one of its kind's whole-heading synonyms, and
 * over sections of two other kinds or more?  "## Postmortem" is the Rust
 * blog's lessons section (with, perhaps, its follow-ups under it), but a
 * heading of that name over "### Summary", "### Timeline"... holds the
 * whole report, not its lessons. */
static int
holds_other_sections(const bl_lint_ctx *lc, size_t si)
{
    const bl_doc *doc = lc->doc;
    const bl_heading *h = &lc->rules->headings.items[lc->kind_of[si]];
    const bl_section *s = &doc->sections.items[si];
    char norm[128];
    int cut, other = -1, others = 0;
    size_t n, k, j;
    const char *t;

    /* The subsections first: nearly every section has none of two other
     * kinds, and then its title need not be read again. */
    for (j = si + 1; others < 2 && j < doc->sections.n
         && doc->sections.items[j].begin < lc->section_end[si]; j++) {
        int kj = lc->kind_of[j];
        if (kj < 0 || kj == lc->kind_of[si] || kj == other)
            continue;
        other = kj;
        others++;
    }
    if (others < 2 || s->title_unit < 0)
        return 0;
    t = bl_unit_text(doc, &doc->units.items[s->title_unit], &n);
    normalize(t, n, norm, sizeof norm, &cut);
    for (k = 0; k < h->n_synonyms && !cut; k++)
        if (h->is_exact[k] && strcmp(h->synonyms[k], norm) == 0)
            return 1;
    return 0;
}

/* The titles of the document's sections, normalised once for the run
 * and kept in its family state: the structure classifies them, and
 * section/missing compares them with every required heading.  NULL when
 * out of memory. */
static const norm_text *
section_titles(bl_lint_ctx *lc)
{
    const bl_doc *doc = lc->doc;
    norm_text *titles = bl_lint_family_state(lc, "section");
    size_t si, n;

    if (titles != NULL)
        return titles;
    if ((titles = malloc((doc->sections.n + 1) * sizeof *titles)) == NULL)
        return NULL;
    for (si = 0; si < doc->sections.n; si++) {
        const bl_section *s = &doc->sections.items[si];
        const char *t = s->title_unit < 0 ? ""
                        : bl_unit_text(doc, &doc->units.items[s->title_unit],
                                       &n);
        normalize_into(&titles[si], t, s->title_unit < 0 ? 0 : n);
    }
    if (bl_lint_set_family_state(lc, "section", titles, free) < 0)
        return NULL;
    return titles;
}

/* A section under an appendix ("## Appendix" > "### Detailed timeline")
 * is reference material, not a second copy of a section the document
 * has outside its appendices: it names none, so it is neither reported
 * as a duplicate nor read by the checks of its kind (its entries are
 * not the timeline's, its times need no zone of their own).  Where it is
 * the only one of its kind, it is that section.  An appendix is a
 * heading that names no section and opens with what LABEL-ENDS-PART
 * lists.  -1 when out of memory. */
static int
drop_appendix_copies(bl_lint_ctx *lc)
{
    const bl_doc *doc = lc->doc;
    size_t i, nk = lc->rules->headings.n;
    unsigned char *in_appendix = calloc(doc->sections.n + 1, 1);
    unsigned char *outside = calloc(nk + 1, 1);
    /* Per section: does LABEL-ENDS-PART match its title, -1 until asked.
     * A document's sections are mostly children of its title: asked
     * once per parent, not once per child. */
    signed char *ends_at = malloc(doc->sections.n + 1);
    const norm_text *titles = section_titles(lc);
    bl_regex *ends = NULL;
    pcre2_match_data *md = NULL;
    int rc = 0;

    if (ends_at != NULL)
        memset(ends_at, -1, doc->sections.n + 1);
    if (in_appendix == NULL || outside == NULL || ends_at == NULL
        || titles == NULL || label_ends_part(lc->rules, &ends) < 0
        || (ends != NULL && (md = pcre2_match_data_create(1, NULL)) == NULL))
        rc = -1;
    for (i = 0; rc == 0 && ends != NULL && i < doc->sections.n; i++) {
        const bl_section *s = &doc->sections.items[i];
        int p = s->parent;
        if (p >= 0 && !in_appendix[p] && lc->kind_of[p] < 0
            && doc->sections.items[p].title_unit >= 0) {
            const norm_text *nt = &titles[p];
            if (ends_at[p] < 0)
                ends_at[p] = (signed char)(nt->n > 0
                                           && bl_regex_match(ends, nt->s,
                                                             nt->n, 0, md)
                                              >= 0);
            in_appendix[i] = (unsigned char)ends_at[p];
        } else {
            in_appendix[i] = p >= 0 && in_appendix[p];
        }
        if (!in_appendix[i] && lc->kind_of[i] >= 0 && !lc->is_part[i])
            outside[lc->kind_of[i]] = 1;
    }
    for (i = 0; rc == 0 && ends != NULL && i < doc->sections.n; i++)
        if (in_appendix[i] && lc->kind_of[i] >= 0 && !lc->is_part[i]
            && outside[lc->kind_of[i]])
            lc->kind_of[i] = -1;
    pcre2_match_data_free(md);
    free(in_appendix);
    free(outside);
    free(ends_at);
    return rc;
}

/* A document without headings may open with its title in bold alone on
 * a line ("**Postmortem: checkout outage**"), as word processors export
 * one: the document's first unit with text.  Returns that unit and
 * stores its text's source span, or returns -1. */
static long
bold_title(const bl_doc *doc, size_t *p_off, size_t *p_n)
{
    size_t i;
    const bl_unit *u;

    for (i = 0; i < doc->units.n; i++)
        if (doc->units.items[i].text_end > doc->units.items[i].text_begin)
            break;
    if (i == doc->units.n)
        return -1;
    u = &doc->units.items[i];
    return !(u->flags & BL_UNIT_ITEM) && bold_label(doc, u, p_off, p_n)
           && is_label_alone(doc, u, *p_off + *p_n) ? (long)i : -1;
}

/* The block of the document's bold title, or -1, given its title section
 * `title`; *p_has and [*p_off, *p_off + *p_n) say whether the document
 * opens with a bold line and where, title or not.  Such a title, in a
 * document whose title is no heading, names the document and no section:
 * "**Postmortem: checkout outage**" is not a lessons section titled
 * "Postmortem".  A first bold line that names a section and says
 * nothing of an incident ("**Summary**") is that section. */
static int
bold_title_block(const bl_lint_ctx *lc, int title, int *p_has,
                 size_t *p_off, size_t *p_n)
{
    const bl_doc *doc = lc->doc;
    long ui = bold_title(doc, p_off, p_n);
    int part;

    *p_has = ui >= 0;
    if (ui >= 0 && title < 0
        && (says_postmortem(lc, doc->src + *p_off, *p_n)
            || bl_heading_classify(lc->rules, lc->profile, doc->src + *p_off,
                                   *p_n, &part) < 0))
        return doc->units.items[ui].block;
    return -1;
}

/* How many kinds of section the document's headings and labelled parts
 * name together. */
static size_t
named_kinds(const bl_lint_ctx *lc)
{
    unsigned char *seen = calloc(lc->rules->headings.n + 1, 1);
    size_t i, kinds = 0;

    if (seen == NULL)
        return 0;
    for (i = 0; i < lc->doc->sections.n; i++) {
        int k = lc->kind_of[i];
        if (k >= 0 && !lc->is_part[i] && !seen[k]) {
            seen[k] = 1;
            kinds++;
        }
    }
    for (i = 0; i < lc->label_parts.n; i++) {
        int k = lc->label_parts.items[i].kind;
        if (!lc->label_parts.items[i].is_part && !seen[k]) {
            seen[k] = 1;
            kinds++;
        }
    }
    free(seen);
    return kinds;
}

int
bl_lint_structure(bl_lint_ctx *lc)
{
    const bl_doc *doc = lc->doc;
    const bl_rules *rules = lc->rules;
    size_t i, j, found = 0, bold_off = 0, bold_n = 0;
    int title, has_bold;
    unsigned char *seen;
    const norm_text *titles = NULL;

    if (lc->structure_done)
        return 0;
    lc->structure_done = 1;
    lc->kind_of = malloc((doc->sections.n + 1) * sizeof *lc->kind_of);
    lc->section_end = malloc((doc->sections.n + 1) * sizeof *lc->section_end);
    lc->is_part = malloc(doc->sections.n + 1);
    seen = calloc(rules->headings.n + 1, 1);
    if (lc->kind_of == NULL || lc->section_end == NULL || lc->is_part == NULL
        || seen == NULL || (titles = section_titles(lc)) == NULL) {
        free(seen);
        return -1;
    }
    title = title_section(lc);
    lc->title_block = bold_title_block(lc, title, &has_bold, &bold_off,
                                       &bold_n);
    for (i = 0; i < doc->sections.n; i++) {
        const bl_section *s = &doc->sections.items[i];
        lc->kind_of[i] = -1;
        lc->is_part[i] = 0;
        if (s->title_unit >= 0 && (int)i != title) {
            size_t n;
            int part;
            const char *t = bl_unit_text(doc, &doc->units.items[s->title_unit],
                                         &n);
            bl_unit_memo *m = lc->memo_of_unit != NULL
                              ? lc->memo_of_unit[s->title_unit] : NULL;
            if (m != NULL && m->heading_known) {
                lc->kind_of[i] = m->heading_kind;
                part = m->heading_part;
            } else {
                lc->kind_of[i] = classify_heading(rules, lc->profile, t, n,
                                                  &titles[i], &part);
                if (m != NULL) {
                    m->heading_known = 1;
                    m->heading_kind = lc->kind_of[i];
                    m->heading_part = part;
                }
            }
            lc->is_part[i] = (unsigned char)part;
        }
        /* A section's content runs to the next heading at its level or
         * above: its subsections belong to it. */
        lc->section_end[i] = doc->len;
        for (j = i + 1; j < doc->sections.n; j++) {
            if (doc->sections.items[j].level <= s->level) {
                lc->section_end[i] = doc->sections.items[j].begin;
                break;
            }
        }
    }
    for (i = 0; i < doc->sections.n; i++) {
        if (lc->kind_of[i] >= 0 && holds_other_sections(lc, i))
            lc->kind_of[i] = -1;
        if (lc->kind_of[i] >= 0 && !seen[lc->kind_of[i]]) {
            seen[lc->kind_of[i]] = 1;
            found++;
        }
    }
    free(seen);
    if (drop_appendix_copies(lc) < 0)
        return -1;
    /* A document of a chosen profile is one; an unchosen postmortem when
     * it looks like one. */
    if (lc->profile_chosen || found >= 2)
        lc->is_profile_doc = 1;
    else if (title >= 0 && doc->sections.items[title].title_unit >= 0) {
        size_t n;
        const char *t = bl_unit_text(
            doc, &doc->units.items[doc->sections.items[title].title_unit], &n);
        lc->is_profile_doc = says_postmortem(lc, t, n);
    } else {
        lc->is_profile_doc = has_bold
                             ? says_postmortem(lc, doc->src + bold_off, bold_n)
                             : says_postmortem(lc, NULL, 0);
    }
    if (lc->is_profile_doc)
        return find_label_parts(lc);
    /* A document exported from a word processor has no headings: its
     * sections are bold lines ("**Impact**").  Those and its headings
     * naming two sections make it a postmortem, as two headings would. */
    if (find_label_parts(lc) < 0)
        return -1;
    if (named_kinds(lc) >= 2)
        lc->is_profile_doc = 1;
    else
        lc->label_parts.n = 0;
    return 0;
}

/* Is k (a kind_of value) the heading `kind` of lc's profile?  A profile
 * defines a kind once (rules.c refuses a second), so the names settle it
 * as bl_heading_index's index would, without a search through every
 * heading for each unit a check places. */
static int
is_kind(const bl_lint_ctx *lc, int k, const char *kind)
{
    const bl_heading *h;

    if (k < 0)
        return 0;
    h = &lc->rules->headings.items[k];
    return h->kind[0] == kind[0] && strcmp(h->kind, kind) == 0
           && strcmp(h->profile, lc->profile) == 0;
}

int
bl_lint_section_within(const bl_lint_ctx *lc, int section, const char *kind)
{
    if (lc->kind_of == NULL)
        return -1;
    while (section >= 0) {
        if (is_kind(lc, lc->kind_of[section], kind))
            return section;
        section = lc->doc->sections.items[section].parent;
    }
    return -1;
}

int
bl_lint_section_is_outer(const bl_lint_ctx *lc, size_t si, const char *kind)
{
    int p = lc->doc->sections.items[si].parent;

    return bl_lint_section_within(lc, (int)si, kind) >= 0
           && lc->kind_of[si] >= 0 && !lc->is_part[si]
           && bl_lint_section_within(lc, p, kind) < 0;
}

/* --- section/missing ----------------------------------------------------- */

/* Does a paragraph before the first section heading (other than the
 * title) stand in for a Summary, as in reports that open with one?  List
 * items and bold labels ("- **Impact**: ...") are no summary. */
static int
has_intro(const bl_lint_ctx *lc, int title)
{
    const bl_doc *doc = lc->doc;
    size_t i;

    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        size_t n, off;
        const char *t;
        if (u->flags & BL_UNIT_HEADING)
            continue;
        if (u->section >= 0 && u->section != title)
            return 0;
        if (u->block >= 0 && lc->part_of_block != NULL
            && lc->part_of_block[u->block] >= 0)
            return 0;   /* a labelled section has begun */
        if ((u->flags & (BL_UNIT_ITEM | BL_UNIT_CELL | BL_UNIT_QUOTE))
            || u->block < 0 || doc->blocks.items[u->block].type != BL_BLOCK_PARA)
            continue;
        off = bl_unit_to_source(doc, u, 0, 0);
        if (off >= 2 && (doc->src[off - 1] == '*' || doc->src[off - 1] == '_')
            && doc->src[off - 2] == doc->src[off - 1])
            continue;
        t = bl_unit_text(doc, u, &n);
        if (!bl_is_placeholder_text(t, n))
            return 1;
    }
    return 0;
}

/* The line ending the document uses, so an inserted section matches. */
static const char *
newline_of(const bl_doc *doc)
{
    return bl_doc_uses_crlf(doc) ? "\r\n" : "\n";
}

/* Builds the skeleton of heading h at `level`, with the document's line
 * endings: the skeleton's first line is its heading, written with one
 * '#' in rules/ and given as many as the neighbouring sections have. */
static int
skeleton(bl_strbuf *sb, const bl_heading *h, int level, const char *nl)
{
    const char *p = h->skeleton;
    int k;

    while (*p == '#')
        p++;
    for (k = 0; k < level; k++)
        if (bl_strbuf_add(sb, "#", 1) < 0)
            return -1;
    while (*p) {
        size_t n = strcspn(p, "\n");
        if (bl_strbuf_add(sb, p, n) < 0
            || bl_strbuf_add(sb, nl, strlen(nl)) < 0)
            return -1;
        p += n;
        p += *p == '\n';
    }
    return 0;
}

/* The first line with something on it, without its leading and trailing
 * blanks: where a finding about the whole document goes when there is no
 * title (or the title is empty). */
static void
first_text_line(const bl_doc *doc, size_t *p_begin, size_t *p_end)
{
    size_t line, b = 0, e = 0;

    for (line = 0; line < doc->lines.n; line++) {
        bl_doc_line_span(doc, line, &b, &e);
        if (line == 0 && b + doc->bom <= e)
            b += doc->bom;
        while (b < e && (doc->src[b] == ' ' || doc->src[b] == '\t'))
            b++;
        while (e > b && (doc->src[e - 1] == ' ' || doc->src[e - 1] == '\t'))
            e--;
        if (e > b)
            break;
    }
    *p_begin = b;
    *p_end = e;
}

/* Does label text t[0..n) name a section of hi's profile that the
 * template puts after hi? */
static int
names_later(const bl_lint_ctx *lc, int hi, const char *t, size_t n)
{
    const char *profile = lc->rules->headings.items[hi].profile;
    size_t k;

    for (k = (size_t)hi + 1; k < lc->rules->headings.n; k++)
        if (strcmp(lc->rules->headings.items[k].profile, profile) == 0
            && text_names(lc, &lc->rules->headings.items[k], t, n, 0, 1))
            return 1;
    return 0;
}

/* Where to insert section hi before the first bold label or <summary>
 * that names a section the template puts after it, as a heading would
 * (has_label counts them as present): g09's Root Cause is there only
 * through its "**Why 1:**" labels, under "## Ursachenanalyse".  Before
 * the heading the label is under when that heading names no section, as
 * it is then the section's own heading in words the rules do not know
 * (the outermost such heading below the title, in *p_section); else
 * before the top-level list item or the paragraph the label is in
 * (*p_section -1).  0 when there is no such label. */
static int
label_insert_point(const bl_lint_ctx *lc, int hi, int title, size_t *p_at,
                   int *p_section)
{
    const bl_doc *doc = lc->doc;
    size_t i, off, n, e;
    int bi = -1, si, s, anchor = -1;

    for (i = 0; i < doc->units.n && bi < 0; i++)
        if (bold_label(doc, &doc->units.items[i], &off, &n)
            && names_later(lc, hi, doc->src + off, n))
            bi = doc->units.items[i].block;
    for (i = 0; i < doc->blocks.n && (bi < 0 || (int)i < bi); i++) {
        const bl_block *b = &doc->blocks.items[i];
        char text[128];
        long tn;
        size_t pos = b->begin;
        if (b->type != BL_BLOCK_HTML)
            continue;
        while ((tn = bl_doc_next_summary(doc, &pos, b->end, text,
                                         sizeof text)) >= 0)
            if (names_later(lc, hi, text, (size_t)tn)) {
                bi = (int)i;
                break;
            }
    }
    if (bi < 0)
        return 0;
    /* A heading may stand between the items of a list, not inside one:
     * the top-level item the label is in, or its outermost block. */
    while (doc->blocks.items[bi].parent >= 0
           && !(doc->blocks.items[bi].type == BL_BLOCK_LI
                && doc->blocks.items[bi].depth == 1))
        bi = doc->blocks.items[bi].parent;
    si = doc->blocks.items[bi].section;
    for (s = si; s >= 0 && lc->kind_of[s] < 0 && s != title;
         s = doc->sections.items[s].parent)
        anchor = s;
    if ((s < 0 || s == title) && anchor >= 0) {
        *p_at = doc->sections.items[anchor].begin;
        *p_section = anchor;
        return 1;
    }
    bl_doc_line_span(doc, bl_doc_line_of(doc, doc->blocks.items[bi].begin),
                     p_at, &e);
    if (*p_at < doc->bom)
        *p_at = doc->bom;
    *p_section = -1;
    return 1;
}

static int
report_missing(bl_lint_ctx *lc, int rule, int hi, int title)
{
    const bl_doc *doc = lc->doc;
    const bl_heading *h = &lc->rules->headings.items[hi];
    const char *nl = newline_of(doc);
    bl_strbuf msg = {NULL, 0, 0}, fix = {NULL, 0, 0};
    size_t i, at = doc->len, b = 0, e = 0, label_at;
    int level = 2, found = 0, rc, at_section = -1, label_section;

    /* Insert before the first present section that comes later in the
     * template's order, heading or label, at its level; else at the end
     * (at the level of the sections before). */
    for (i = 0; i < doc->sections.n && !found; i++) {
        int k = lc->kind_of[i];
        if (k > hi && strcmp(lc->rules->headings.items[k].profile,
                             h->profile) == 0) {
            at = doc->sections.items[i].begin;
            at_section = (int)i;
            found = 1;
        }
    }
    if (label_insert_point(lc, hi, title, &label_at, &label_section)
        && label_at < at) {
        at = label_at;
        at_section = label_section;
        found = 1;
    }
    for (i = 0; i < doc->sections.n; i++)
        if ((int)i == at_section
            || (lc->kind_of[i] >= 0 && doc->sections.items[i].begin < at))
            level = doc->sections.items[i].level;
    if (!found) {
        /* Appending: end the last line and leave a blank one. */
        if (doc->len > 0 && doc->src[doc->len - 1] != '\n'
            && bl_strbuf_add(&fix, nl, strlen(nl)) < 0)
            goto oom;
        if (doc->len > 0 && bl_strbuf_add(&fix, nl, strlen(nl)) < 0)
            goto oom;
    }
    if (skeleton(&fix, h, level, nl) < 0
        || (found && bl_strbuf_add(&fix, nl, strlen(nl)) < 0))
        goto oom;
    if (bl_strbuf_addf(&msg, "No %s section: the %s does not say %s. Add a "
                       "section headed \"%s\" (the fix inserts one with "
                       "guidance).", h->title, bl_lint_document_name(lc),
                       h->purpose, h->title) < 0)
        goto oom;
    if (title >= 0) {
        const bl_block *hb =
            &doc->blocks.items[doc->sections.items[title].heading];
        b = hb->begin;
        e = hb->end;
    }
    if (b >= e)
        first_text_line(doc, &b, &e);
    if (e <= b && b < doc->len) {   /* a blank document: one character */
        size_t cl;
        bl_utf8_decode(doc->src, doc->len, b, &cl);
        e = b + cl;
    }
    rc = bl_lint_report_fix(lc, rule, b, e, msg.items, fix.items, at, at);
    free(msg.items);
    free(fix.items);
    return rc;
oom:
    free(msg.items);
    free(fix.items);
    return -1;
}

/* text_names_as on text normalize_into has read. */
static int
norm_text_names_as(const bl_heading *h, const norm_text *nt, int parts_only,
                   int label, int whole)
{
    const char *norm = nt->s;
    size_t nn = nt->n, k, sn;
    int cut = nt->cut, part;

    for (k = 0; k < h->n_synonyms; k++) {
        /* A synonym is never empty, so its first byte settles most: the
         * text is compared with every synonym of every heading. */
        if (h->synonyms[k][0] != norm[0])
            continue;
        sn = strlen(h->synonyms[k]);
        if (h->is_exact[k] && (label || cut || sn != nn))
            continue;
        if ((h->is_part[k] || !parts_only) && sn <= nn
            && memcmp(h->synonyms[k], norm, sn) == 0
            && (sn == nn || (!whole && norm[sn] == ' ')))
            return !vetoed(h, norm, nn);
    }
    /* "**Key lessons:**", "<summary>Full timeline</summary>" */
    if ((k = skip_qualifiers(h, norm, nn)) == 0)
        return 0;
    sn = synonym_prefix(h, norm + k, nn - k, parts_only, &part);
    return sn > 0 && (!whole || k + sn == nn) && !vetoed(h, norm, nn);
}

/* Does heading text t[0..n) name heading h: equal to one of its synonyms
 * or (unless `whole`) starting with one?  With parts_only, only its
 * Parts: count.  A
 * label ("**Postmortem:** draft") is shorthand, too short to be sure of
 * a synonym that must be the whole heading. */
static int
text_names_as(const bl_heading *h, const char *t, size_t n, int parts_only,
              int label, int whole)
{
    norm_text nt;

    normalize_into(&nt, t, n);
    return norm_text_names_as(h, &nt, parts_only, label, whole);
}

/* text_names with t[0..n) already normalised into *nt. */
static int
norm_text_names(const bl_lint_ctx *lc, const bl_heading *h, const char *t,
                size_t n, const norm_text *nt, int parts_only, int label)
{
    size_t b, e, i;
    int which;

    if (norm_text_names_as(h, nt, parts_only, label, 0))
        return 1;
    for (which = 0; which < 2; which++) {
        if (!translation(t, n, which, &b, &e)
            || !text_names_as(h, t + b, e - b, parts_only, label, 1))
            continue;
        for (i = 0; i < lc->rules->headings.n; i++) {
            const bl_heading *o = &lc->rules->headings.items[i];
            if (strcmp(o->profile, lc->profile) == 0
                && norm_text_names_as(o, nt, 0, label, 0))
                return 0;
        }
        return 1;
    }
    return 0;
}

/* text_names_as, or when t as a whole names no section of lc's profile,
 * its translation: "**Auswirkungen (Impact)**" (translation). */
static int
text_names(const bl_lint_ctx *lc, const bl_heading *h, const char *t,
           size_t n, int parts_only, int label)
{
    norm_text nt;

    normalize_into(&nt, t, n);
    return norm_text_names(lc, h, t, n, &nt, parts_only, label);
}

/* Does section si's heading name heading hi, as its kind or as one of
 * hi's parts ("What happened" is a part of Summary and of Timeline)?
 * titles are the sections' (section_titles). */
static int
names_heading(const bl_lint_ctx *lc, const norm_text *titles, size_t si,
              size_t hi)
{
    const bl_doc *doc = lc->doc;
    const bl_section *s = &doc->sections.items[si];
    size_t n;
    const char *t;

    if (lc->kind_of[si] == (int)hi)
        return 1;
    if (s->title_unit < 0)
        return 0;
    t = bl_unit_text(doc, &doc->units.items[s->title_unit], &n);
    return norm_text_names(lc, &lc->rules->headings.items[hi], t, n,
                           &titles[si], 1, 0);
}

/* Some teams write sections as bold labels instead of headings:
 * "- **Impact**: Prometheus was down for 27 minutes." or "**Key events**"
 * alone on its line.  Does unit u, a paragraph or list item, open with
 * such a label?  Stores the label's source bytes [*p_off, *p_off + *p_n).
 */
static int
bold_label(const bl_doc *doc, const bl_unit *u, size_t *p_off, size_t *p_n)
{
    size_t off, close, n;
    char mark;

    if (u->flags & (BL_UNIT_HEADING | BL_UNIT_CELL | BL_UNIT_QUOTE))
        return 0;
    off = bl_unit_to_source(doc, u, 0, 0);
    if (off < 2 || off >= doc->len)
        return 0;
    mark = doc->src[off - 1];
    if ((mark != '*' && mark != '_') || doc->src[off - 2] != mark)
        return 0;
    for (close = off; close + 1 < doc->len && close - off < 80
         && doc->src[close] != '\n' && doc->src[close] != '\r'
         && !(doc->src[close] == mark && doc->src[close + 1] == mark);
         close++)
        ;
    if (close + 1 >= doc->len || doc->src[close] != mark)
        return 0;
    n = close - off;
    /* A label ends at its colon or its line: "**Impact**: ...".  Exports
     * bold the name alone and leave its qualifier plain, "**Timeline**
     * (all times UTC)": the label's text then runs to the ')', and the
     * heading matcher reads it as it reads "Timeline (all times UTC)". */
    close += 2;
    while (close < doc->len && doc->src[close] == ' ')
        close++;
    if (close < doc->len && doc->src[close] == '(') {
        size_t rp = close;
        while (rp < doc->len && rp - close < 80 && doc->src[rp] != ')'
               && doc->src[rp] != '\n' && doc->src[rp] != '\r')
            rp++;
        if (rp < doc->len && doc->src[rp] == ')') {
            size_t after = rp + 1;
            while (after < doc->len && doc->src[after] == ' ')
                after++;
            if (after < doc->len && doc->src[after] == ':')
                after++;
            if (after >= doc->len || doc->src[after] == '\n'
                || doc->src[after] == '\r') {
                *p_off = off;
                *p_n = rp + 1 - off;
                return n > 0;
            }
        }
    }
    if (n == 0 || !(close >= doc->len || doc->src[close] == ':'
                    || doc->src[close] == '\n' || doc->src[close] == '\r'
                    || doc->src[off + n - 1] == ':'))
        return 0;
    *p_off = off;
    *p_n = n;
    return 1;
}

static size_t item_end(const bl_doc *doc, int li, int *p_nested);

/* Outlines numbered by hand put a section's name alone in an ordered
 * list of one item, with the section's text after the list: "1. Summary",
 * then "1.1 Overview" and its paragraphs, then "2. Impact".  Is unit u
 * such an item's text?  Then its source span is stored, as bold_label
 * stores a label's.  A list of several items (a table of contents, or
 * steps) names no section. */
static int
outline_label(const bl_doc *doc, const bl_unit *u, size_t *p_off,
              size_t *p_n)
{
    int li = u->block, list, nested;
    size_t end, len = u->text_end - u->text_begin;

    if (li >= 0 && doc->blocks.items[li].type == BL_BLOCK_PARA)
        li = doc->blocks.items[li].parent;
    if (li < 0 || doc->blocks.items[li].type != BL_BLOCK_LI
        || !(doc->blocks.items[li].flags & BL_LI_ORDERED)
        || doc->blocks.items[li].depth != 1 || len == 0 || len > 48
        || (u->flags & (BL_UNIT_QUOTE | BL_UNIT_CELL)))
        return 0;
    list = doc->blocks.items[li].parent;
    end = item_end(doc, li, &nested);
    if (list < 0 || li != list + 1 || nested
        || (end < doc->blocks.n && doc->blocks.items[end].parent == list))
        return 0;
    {
        /* A heading's words, not a sentence: "1. Why? Because ..." is
         * the first step of a chain. */
        size_t k, tn, words = 1;
        const char *t = bl_unit_text(doc, u, &tn);
        for (k = 0; k < len; k++) {
            if (strchr("?.;!", t[k]) != NULL
                || (t[k] == ':' && k + 1 < len))
                return 0;
            words += t[k] == ' ';
        }
        if (words > 6)
            return 0;
    }
    *p_off = bl_unit_to_source(doc, u, 0, 0);
    *p_n = bl_unit_to_source(doc, u, len, 1) - *p_off;
    return *p_n > 0;
}

int
bl_lint_unit_has_label(const bl_lint_ctx *lc, size_t ui, int hi)
{
    const bl_doc *doc = lc->doc;
    size_t off, n;

    return hi >= 0 && (size_t)hi < lc->rules->headings.n
           && (lc->title_block < 0
               || doc->units.items[ui].block != lc->title_block)
           && (bold_label(doc, &doc->units.items[ui], &off, &n)
               || outline_label(doc, &doc->units.items[ui], &off, &n))
           && text_names(lc, &lc->rules->headings.items[hi], doc->src + off,
                         n, 0, 1);
}

/* Does a paragraph or list item open with a label that names heading
 * hi? */
static int
has_label(const bl_lint_ctx *lc, size_t hi)
{
    size_t i;

    for (i = 0; i < lc->doc->units.n; i++)
        if (bl_lint_unit_has_label(lc, i, (int)hi))
            return 1;
    return 0;
}

/* Teams fold long parts into <details> blocks whose <summary> names them:
 * "<details><summary>Timeline (UTC)</summary>" is the Timeline, as a bold
 * label would be. */
static int
has_summary_label(const bl_lint_ctx *lc, size_t hi)
{
    const bl_heading *h = &lc->rules->headings.items[hi];
    size_t pos = 0;
    char text[128];
    long n;

    while ((n = bl_doc_next_summary(lc->doc, &pos, lc->doc->len, text,
                                    sizeof text)) >= 0)
        if (text_names(lc, h, text, (size_t)n, 0, 1))
            return 1;
    return 0;
}

/* One-table postmortems ("Section | Content", with a row per section, as
 * some teams' templates are) name their sections in the first column: a
 * row whose first cell names heading hi and whose next cell says
 * something shows the section is there.  Only that is read from a row;
 * what a section holds is read from sections and labels. */
static int
has_row_label(const bl_lint_ctx *lc, size_t hi)
{
    const bl_doc *doc = lc->doc;
    const bl_heading *h = &lc->rules->headings.items[hi];
    size_t i;

    for (i = 0; i + 1 < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i], *v = u + 1;
        const bl_block *c = &doc->blocks.items[u->block];
        const bl_block *d = &doc->blocks.items[v->block];
        const char *t, *vt;
        size_t n, vn;
        if (!(u->flags & BL_UNIT_CELL) || !(v->flags & BL_UNIT_CELL)
            || c->col != 0 || c->row == 0 || d->col != 1
            || d->parent != c->parent)
            continue;
        t = bl_unit_text(doc, u, &n);
        vt = bl_unit_text(doc, v, &vn);
        if (text_names(lc, h, t, n, 0, 1) && !bl_is_placeholder_text(vt, vn))
            return 1;
    }
    return 0;
}

/* The heading of lc's profile that label text t[0..n), in section si,
 * names, or -1.  A label that names two ("What happened" tells the
 * story and its timeline) is read as the section it is in, if it names
 * that one: it adds nothing there (bl_lint_part_id_of). */
static int
label_kind(const bl_lint_ctx *lc, int si, const char *t, size_t n)
{
    size_t hi;

    for (; si >= 0; si = lc->doc->sections.items[si].parent)
        if (lc->kind_of[si] >= 0
            && text_names(lc, &lc->rules->headings.items[lc->kind_of[si]],
                          t, n, 0, 1))
            return lc->kind_of[si];
    for (hi = 0; hi < lc->rules->headings.n; hi++) {
        const bl_heading *h = &lc->rules->headings.items[hi];
        if (strcmp(h->profile, lc->profile) == 0
            && text_names(lc, h, t, n, 0, 1))
            return (int)hi;
    }
    return -1;
}

/* Does source [b, e) close a <details> block, after its last <summary>? */
static int
closes_details(const bl_doc *doc, size_t b, size_t e)
{
    size_t i, last = b;

    for (i = b; i + 10 <= e; i++) {
        if (doc->src[i] != '<')
            continue;
        if (strncasecmp(doc->src + i, "<summary", 8) == 0)
            last = i;
        else if (strncasecmp(doc->src + i, "</details", 9) == 0)
            last = e;   /* closed since */
    }
    return last == e;
}

/* Where the search for labelled parts stands, block by block. */
typedef struct label_walk {
    bl_lint_ctx *lc;
    bl_regex *ends;     /* LABEL-ENDS-PART, or NULL */
    pcre2_match_data *md;
    int part;           /* the part read last, or -1 */
    int in_details;     /* inside a <details> block, whose end ends the part */
    int details_outer;  /* the part around that block, read again after it */
    /* The "- **Label**:" items whose parts are open, innermost last:
     * where each ends, and the part around it, read again after it.
     * A part nested deeper ends with the eighth item around it. */
    struct {
        size_t end;
        int outer;
    } items[8];
    int depth;
} label_walk;

/* Starts part `kind` (a heading index, or -1 for none) at block bi, its
 * label at source [b, e) with text t[0..n). */
static int
start_part(label_walk *w, int kind, int bi, size_t b, size_t e,
           const char *t, size_t n)
{
    bl_label_part p;

    w->part = -1;
    if (kind < 0)
        return 0;
    p.kind = kind;
    p.is_part = (unsigned char)text_names(w->lc,
                                          &w->lc->rules->headings.items[kind],
                                          t, n, 1, 1);
    p.block = bi;
    p.begin = b;
    p.end = e;
    if (BL_VEC_PUSH(&w->lc->label_parts, p) < 0)
        return -1;
    w->part = (int)w->lc->label_parts.n - 1;
    return 0;
}

static int ends_part(label_walk *w, const char *t, size_t n);

/* Reads an HTML block: a <summary> names the part that follows, and the
 * end of its <details> ends that part; the part around the block, if
 * any, goes on after it.  A summary that names no section is, inside a
 * labelled part, what a bold label alone would be (sub_label): under
 * Action Items a group of its items ("Long-term"), elsewhere more of the
 * part ("Raw logs"), unless it names what comes after ("Appendix"). */
static int
walk_html(label_walk *w, int bi)
{
    const bl_doc *doc = w->lc->doc;
    const bl_block *b = &doc->blocks.items[bi];
    size_t pos = b->begin, at;
    char text[128];
    long n;

    for (at = pos; (n = bl_doc_next_summary(doc, &pos, b->end, text,
                                            sizeof text)) >= 0; at = pos) {
        int kind = label_kind(w->lc, b->section, text, (size_t)n);
        if (!w->in_details)
            w->details_outer = w->part;
        w->in_details = 1;
        if (kind < 0 && w->part >= 0) {
            int outer = w->lc->label_parts.items[w->part].kind;
            if (ends_part(w, text, (size_t)n)) {
                w->part = w->details_outer = -1;
            } else if (strcmp(w->lc->rules->headings.items[outer].kind,
                              "action-items") == 0) {
                if (start_part(w, outer, bi, at, pos, text, (size_t)n) < 0)
                    return -1;
                w->lc->label_parts.items[w->part].is_part = 1;
            }
            continue;
        }
        if (start_part(w, kind, bi, at, pos, text, (size_t)n) < 0)
            return -1;
    }
    if (w->in_details && closes_details(doc, b->begin, b->end)) {
        w->part = w->details_outer;
        w->details_outer = -1;
        w->in_details = 0;
    }
    return 0;
}

/* The block after list item li and what it holds (blocks come in
 * document order, so that is the first whose parent comes before li);
 * *p_nested tells whether anything is nested in it below its first
 * line: the items or paragraphs a "- **Root cause**:" label stands
 * over. */
static size_t
item_end(const bl_doc *doc, int li, int *p_nested)
{
    size_t k;

    *p_nested = 0;
    for (k = (size_t)li + 1; k < doc->blocks.n
         && doc->blocks.items[k].parent >= li; k++)
        if (doc->blocks.items[k].parent == li
            && !(k == (size_t)li + 1
                 && doc->blocks.items[k].type == BL_BLOCK_PARA))
            *p_nested = 1;
    return k;
}

/* Does unit u hold nothing past its label, which ends at source byte
 * e: its closing "**" and a colon at most? */
static int
is_label_alone(const bl_doc *doc, const bl_unit *u, size_t e)
{
    return bl_unit_to_source(doc, u, u->text_end - u->text_begin, 1)
           <= e + 3;
}

/* Does label text t[0..n) name what comes after a section, not part of
 * it ("Appendix", "Participants", "Open questions")? */
static int
ends_part(label_walk *w, const char *t, size_t n)
{
    return w->ends != NULL && w->md != NULL
           && bl_regex_match(w->ends, t, n, 0, w->md) >= 0;
}

/* A label alone on its line that names no section, inside a labelled
 * part: "**Completed**" or "**Short term**" over some of the Action
 * Items, "**2025-06-30**" over a day of the Timeline, "**Appendix**"
 * after them.  The last ends the part.  Under Action Items the others
 * start a part of their own, as a subsection heading would, since what a
 * group's name says ("Completed", "owner: @sre") covers its items;
 * elsewhere they are the part's content (a day's date is read with its
 * entries, and the zone in "**Timeline (UTC)**" still covers them). */
static int
sub_label(label_walk *w, int bi, int u, size_t off, size_t n)
{
    const bl_doc *doc = w->lc->doc;
    bl_label_part *cur;
    int kind;

    if (w->part < 0 || w->depth > 0
        || !is_label_alone(doc, &doc->units.items[u], off + n))
        return 0;
    if (ends_part(w, doc->src + off, n)) {
        w->part = -1;
        return 0;
    }
    cur = &w->lc->label_parts.items[w->part];
    kind = cur->kind;
    if (strcmp(w->lc->rules->headings.items[kind].kind, "action-items") != 0)
        return 0;
    if (start_part(w, kind, bi, off, off + n, doc->src + off, n) < 0)
        return -1;
    w->lc->label_parts.items[w->part].is_part = 1;
    return 0;
}

/* Reads block bi, whose own text (or its first paragraph's, for a list
 * item) is unit u or -1: a label that names a section starts a part.  A
 * list item's part is the items nested in it; a paragraph's runs on to
 * the next heading or label. */
static int
walk_label(label_walk *w, int bi, int u)
{
    const bl_doc *doc = w->lc->doc;
    const bl_block *b = &doc->blocks.items[bi];
    size_t off, n, end;
    int kind, nested;

    /* Only a label alone on its line stands over what follows: one with
     * a value after it ("**Next steps:** the review on Monday.", "- **Root
     * cause**: the pool size.") is a field of whatever part it is in. */
    if (u >= 0 && b->type == BL_BLOCK_LI
        && outline_label(doc, &doc->units.items[u], &off, &n)) {
        kind = label_kind(w->lc, b->section, doc->src + off, n);
        if (kind < 0 || (w->part >= 0
                         && w->lc->label_parts.items[w->part].kind == kind)
            || (b->section >= 0 && w->lc->kind_of[b->section] == kind))
            return 0;
        return start_part(w, kind, bi, off, off + n, doc->src + off, n);
    }
    if (u < 0 || !bold_label(doc, &doc->units.items[u], &off, &n)
        || !is_label_alone(doc, &doc->units.items[u], off + n))
        return 0;
    if ((kind = label_kind(w->lc, b->section, doc->src + off, n)) < 0)
        return b->type == BL_BLOCK_LI ? 0 : sub_label(w, bi, u, off, n);
    /* A label of the part's own section goes on with it: "**Why 1:**"
     * steps and "**Contributing factors:**" under "**Root cause**". */
    if (w->part >= 0 && w->lc->label_parts.items[w->part].kind == kind)
        return 0;
    if (b->type == BL_BLOCK_LI) {
        int outer = w->part;
        end = item_end(doc, bi, &nested);
        if (!nested && !(end < doc->blocks.n
                         && doc->blocks.items[end].parent == b->parent))
            /* "- **Action items**:" last in its list, over a table or a
             * list not indented under it: a paragraph's label. */
            return start_part(w, kind, bi, off, off + n, doc->src + off, n);
        if (!nested)    /* a label over nothing, in a list of fields */
            return 0;
        if (start_part(w, kind, bi, off, off + n, doc->src + off, n) < 0)
            return -1;
        if (w->depth < (int)(sizeof w->items / sizeof w->items[0])) {
            w->items[w->depth].end = end;
            w->items[w->depth].outer = outer;
            w->depth++;
        }
        return 0;
    }
    /* A label in a list item's later paragraph is the item's content:
     * "- Fix the alert.\n\n  **Note:** ..." */
    if (doc->units.items[u].flags & BL_UNIT_ITEM)
        return 0;
    /* Inside a <details> block the part still ends with the block
     * (walk_html), as one its <summary> names does. */
    return start_part(w, kind, bi, off, off + n, doc->src + off, n);
}

/* Finds the parts that bold labels and <details> summaries name as
 * sections, and which part each block lies in. */
static int
find_label_parts(bl_lint_ctx *lc)
{
    const bl_doc *doc = lc->doc;
    int *unit_of = bl_doc_units_by_block(doc);
    label_walk w;
    size_t i;
    int rc = 0;

    lc->part_of_block = malloc((doc->blocks.n + 1)
                               * sizeof *lc->part_of_block);
    if (unit_of == NULL || lc->part_of_block == NULL) {
        free(unit_of);
        return -1;
    }
    memset(&w, 0, sizeof w);
    w.lc = lc;
    w.part = -1;
    w.details_outer = -1;
    if (label_ends_part(lc->rules, &w.ends) < 0
        || (w.ends != NULL
            && (w.md = pcre2_match_data_create(1, NULL)) == NULL)) {
        free(unit_of);
        return -1;
    }
    for (i = 0; i < doc->blocks.n && rc == 0; i++) {
        const bl_block *b = &doc->blocks.items[i];
        if ((int)i == lc->title_block) {
            lc->part_of_block[i] = -1;
            continue;
        }
        while (w.depth > 0 && i >= w.items[w.depth - 1].end)
            w.part = w.items[--w.depth].outer;  /* the item's part ends
                                                   with it */
        if (b->type == BL_BLOCK_HEADING) {
            w.part = -1;            /* a heading ends any labelled part */
            w.depth = 0;
            w.in_details = 0;
        } else if (b->type == BL_BLOCK_HTML) {
            rc = walk_html(&w, (int)i);
        } else if (b->type == BL_BLOCK_LI) {
            rc = walk_label(&w, (int)i, bl_doc_item_unit(doc, unit_of,
                                                         (int)i));
        } else if (b->type == BL_BLOCK_PARA && !(b->parent >= 0
                   && doc->blocks.items[b->parent].type == BL_BLOCK_LI
                   && (size_t)b->parent + 1 == i)) {
            rc = walk_label(&w, (int)i, unit_of[i]);  /* (not an item's
                                                         opening one) */
        }
        lc->part_of_block[i] = w.part;
    }
    pcre2_match_data_free(w.md);
    free(unit_of);
    return rc;
}

int
bl_lint_part_id_of(const bl_lint_ctx *lc, int bi)
{
    int si, p;

    if (lc->kind_of == NULL || bi < 0 || (size_t)bi >= lc->doc->blocks.n)
        return -1;
    si = lc->doc->blocks.items[bi].section;
    p = lc->part_of_block != NULL ? lc->part_of_block[bi] : -1;
    if (p < 0)
        return si;
    /* A label of the section it is in adds nothing: the section is read
     * once.  A label of another section starts that section, even under
     * a heading: a <details> Timeline under "## Action Items" holds
     * entries, not action items. */
    return bl_lint_section_within(lc, si,
                                  lc->rules->headings.items[
                                      lc->label_parts.items[p].kind].kind)
           >= 0 ? si : (int)lc->doc->sections.n + p;
}

int
bl_lint_part_of(const bl_lint_ctx *lc, int bi, const char *kind)
{
    int id = bl_lint_part_id_of(lc, bi);

    if (id < 0)
        return -1;
    if ((size_t)id < lc->doc->sections.n)
        return bl_lint_section_within(lc, id, kind) >= 0 ? id : -1;
    return is_kind(lc, lc->label_parts.items[(size_t)id
                                             - lc->doc->sections.n].kind,
                   kind) ? id : -1;
}

int *
bl_lint_part_of_blocks(const bl_lint_ctx *lc, const char *kind)
{
    const bl_doc *doc = lc->doc;
    size_t nb = doc->blocks.n, ns = doc->sections.n, i;
    int *part = malloc((nb + 1) * sizeof *part);
    unsigned char *within = malloc(ns + 1);

    if (part == NULL || within == NULL) {
        free(part);
        free(within);
        return NULL;
    }
    /* bl_lint_section_within for every section at once: sections come
     * before their subsections, so a parent's answer is known first. */
    for (i = 0; i < ns; i++) {
        int p = doc->sections.items[i].parent;
        within[i] = lc->kind_of != NULL
                    && (is_kind(lc, lc->kind_of[i], kind)
                        || (p >= 0 && within[p]));
    }
    for (i = 0; i < nb; i++) {
        /* Outside any labelled part a block is read in its section. */
        int id = lc->kind_of == NULL ? -1
                 : lc->part_of_block == NULL || lc->part_of_block[i] < 0
                 ? doc->blocks.items[i].section
                 : bl_lint_part_id_of(lc, (int)i);
        if (id < 0 || (size_t)id < ns)
            part[i] = id >= 0 && within[id] ? id : -1;
        else
            part[i] = is_kind(lc, lc->label_parts.items[(size_t)id - ns].kind,
                              kind) ? id : -1;
    }
    free(within);
    return part;
}

size_t
bl_lint_part_count(const bl_lint_ctx *lc)
{
    return lc->doc->sections.n + lc->label_parts.n;
}

int
bl_lint_part_is_translated(const bl_lint_ctx *lc, int part)
{
    const bl_doc *doc = lc->doc;
    int si;

    if (part < 0 || lc->kind_of == NULL)
        return 0;
    if ((size_t)part >= doc->sections.n) {
        const bl_label_part *p =
            &lc->label_parts.items[(size_t)part - doc->sections.n];
        /* A <summary>'s bytes are HTML: read as not translated. */
        return doc->blocks.items[p->block].type != BL_BLOCK_HTML
               && names_by_translation(lc->rules, lc->profile,
                                       doc->src + p->begin,
                                       p->end - p->begin);
    }
    for (si = part; si >= 0; si = doc->sections.items[si].parent) {
        const bl_section *s = &doc->sections.items[si];
        size_t n;
        const char *t;
        if (lc->kind_of[si] < 0 || s->title_unit < 0)
            continue;
        t = bl_unit_text(doc, &doc->units.items[s->title_unit], &n);
        if (names_by_translation(lc->rules, lc->profile, t, n))
            return 1;
    }
    return 0;
}

int
bl_lint_is_part_label(const bl_lint_ctx *lc, int bi)
{
    /* A label's own block is in the part it starts (find_label_parts). */
    int p = lc->part_of_block != NULL && bi >= 0 ? lc->part_of_block[bi] : -1;

    return p >= 0 && lc->label_parts.items[p].block == bi;
}

void
bl_lint_part_title(const bl_lint_ctx *lc, int part, size_t *p_b,
                   size_t *p_e)
{
    const bl_doc *doc = lc->doc;

    if ((size_t)part < doc->sections.n) {
        const bl_block *h =
            &doc->blocks.items[doc->sections.items[part].heading];
        *p_b = h->begin;
        *p_e = h->end;
    } else {
        const bl_label_part *p =
            &lc->label_parts.items[(size_t)part - doc->sections.n];
        *p_b = p->begin;
        *p_e = p->end;
    }
}

int
bl_lint_unit_is_label(const bl_lint_ctx *lc, int part, size_t ui)
{
    const bl_doc *doc = lc->doc;
    const bl_unit *u = &doc->units.items[ui];
    const bl_label_part *p;

    if (part < (int)doc->sections.n)
        return 0;
    p = &lc->label_parts.items[(size_t)part - doc->sections.n];
    return bl_unit_to_source(doc, u, 0, 0) <= p->begin
           && is_label_alone(doc, u, p->end);
}

/* Does some unit of a `kind` section (or, for the summary, of the
 * opening paragraphs; for "document", anywhere) match re?  A team whose
 * Summary says "checkout failed for 40 minutes for 12% of users" has
 * stated the impact. */
static int
says_in(const bl_lint_ctx *lc, const norm_text *titles, const char *kind,
        bl_regex *re, int title)
{
    const bl_doc *doc = lc->doc;
    int hk = bl_heading_index(lc->rules, lc->profile, kind);
    int anywhere = strcmp(kind, "document") == 0;
    size_t i;
    pcre2_match_data *md;
    int found = 0;

    if ((hk < 0 && !anywhere)
        || (md = pcre2_match_data_create(1, NULL)) == NULL)
        return 0;
    for (i = 0; i < doc->units.n && !found; i++) {
        const bl_unit *u = &doc->units.items[i];
        size_t n;
        const char *t;
        int in = anywhere ? 1
                 : u->section < 0 || u->section == title
                 ? strcmp(kind, "summary") == 0
                 : names_heading(lc, titles, (size_t)u->section, (size_t)hk)
                   || bl_lint_section_within(lc, u->section, kind) >= 0;
        if (!in || (u->flags & BL_UNIT_HEADING))
            continue;
        t = bl_unit_text(doc, u, &n);
        found = bl_regex_match(re, t, n, 0, md) >= 0;
    }
    pcre2_match_data_free(md);
    return found;
}

static int
check_missing(bl_lint_ctx *lc, int rule)
{
    const bl_rules *rules = lc->rules;
    size_t i, k;
    int title = title_section(lc), rc = 0;
    const norm_text *titles = section_titles(lc);

    if (titles == NULL)
        return -1;
    for (i = 0; i < rules->headings.n && rc == 0; i++) {
        const bl_heading *h = &rules->headings.items[i];
        int present = 0;
        if (!h->required || strcmp(h->profile, lc->profile) != 0)
            continue;
        for (k = 0; k < lc->doc->sections.n && !present; k++)
            present = (int)k != title && names_heading(lc, titles, k, i);
        if (!present && strcmp(h->kind, "summary") == 0)
            present = has_intro(lc, title);
        if (!present)
            present = has_label(lc, i) || has_summary_label(lc, i)
                      || has_row_label(lc, i);
        if (!present && h->covered_by != NULL)
            present = says_in(lc, titles, h->covered_by,
                              &lc->rules->headings.items[i].covered_when,
                              title);
        if (!present && report_missing(lc, rule, (int)i, title) < 0)
            rc = -1;
    }
    return rc;
}

/* --- section/empty ------------------------------------------------------- */

/* The first unit of section si: units come in document order, so their
 * sections never decrease. */
static size_t
first_unit(const bl_doc *doc, size_t si)
{
    size_t lo = 0, hi = doc->units.n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->units.items[mid].section < (int)si)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Does HTML block bi show text that is not a placeholder?  "<p>TBD</p>"
 * is as empty as "TBD", and a comment or bare tags show nothing. */
static int
is_html_content(const bl_doc *doc, size_t bi)
{
    char text[160];
    size_t n = bl_doc_html_text(doc, bi, text, sizeof text);

    return n > 0 && !bl_is_placeholder_text(text, n);
}

/* Is unit ui a bold label alone on its line that starts a labelled part
 * ("**Impact**")?  A section's name, not its content. */
static int
is_label_unit(const bl_lint_ctx *lc, size_t ui)
{
    const bl_unit *u = &lc->doc->units.items[ui];
    int p;

    if (lc->part_of_block == NULL || u->block < 0
        || (p = lc->part_of_block[u->block]) < 0)
        return 0;
    return bl_lint_unit_is_label(lc, (int)lc->doc->sections.n + p, ui);
}

/* Has section si any content: prose that is not a placeholder, a code
 * block, an image, HTML that shows words (an exported table)?  Table
 * header cells alone are a template, not content; comments are
 * guidance. */
static int
has_content(const bl_lint_ctx *lc, size_t si)
{
    const bl_doc *doc = lc->doc;
    const bl_section *s = &doc->sections.items[si];
    size_t i, end = lc->section_end[si];

    for (i = (size_t)s->heading + 1; i < doc->blocks.n; i++) {
        const bl_block *b = &doc->blocks.items[i];
        if (b->begin >= end)
            break;
        if ((b->type == BL_BLOCK_CODE && b->end > b->begin)
            || (b->type == BL_BLOCK_HTML && is_html_content(doc, i)))
            return 1;
    }
    for (i = first_unit(doc, si); i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        size_t n;
        const char *t;
        if (u->flags & BL_UNIT_HEADING)
            continue;
        if (bl_unit_to_source(doc, u, 0, 0) >= end)
            break;
        if (u->block >= 0 && doc->blocks.items[u->block].type == BL_BLOCK_TH)
            continue;
        if (is_label_unit(lc, i))
            continue;   /* "## Impact" over "**Impact**" and "TBD" */
        t = bl_unit_text(doc, u, &n);
        if (!bl_is_placeholder_text(t, n))
            return 1;
    }
    return 0;
}

/* Does section si's heading introduce the headings after it at its own
 * level, as a Google Docs export writes a list of steps: "### 5 Whys",
 * then "### Why 1: ...", "### Why 2: ..." beside it, where the author
 * meant them under it?  So when a word of its title is the plural of the
 * next heading's first word ("whys" over "Why 1", "factors" over "Factor
 * 2"); "What went well" over "What went wrong" names two parts, each of
 * which must be filled. */
static int
introduces_series(const bl_lint_ctx *lc, size_t si)
{
    const bl_doc *doc = lc->doc;
    const bl_section *s = &doc->sections.items[si], *next;
    char a[128], b[128];
    size_t an, bn, first, i, n;
    const char *t;

    if (si + 1 >= doc->sections.n || s->title_unit < 0)
        return 0;
    next = &doc->sections.items[si + 1];
    if (next->level != s->level || next->title_unit < 0)
        return 0;
    t = bl_unit_text(doc, &doc->units.items[s->title_unit], &n);
    an = bl_heading_normalize(t, n, a, sizeof a);
    t = bl_unit_text(doc, &doc->units.items[next->title_unit], &n);
    bn = bl_heading_normalize(t, n, b, sizeof b);
    for (first = 0; first < bn && b[first] != ' '; first++)
        ;
    if (first == 0)
        return 0;
    for (i = 0; i + first + 1 <= an; i++) {
        if ((i == 0 || a[i - 1] == ' ')
            && memcmp(a + i, b, first) == 0 && a[i + first] == 's'
            && (i + first + 1 == an || a[i + first + 1] == ' '))
            return 1;
        while (i < an && a[i] != ' ')
            i++;
    }
    return 0;
}

/* Reports that the section of kind `kind` named at source [b, e) is
 * empty.  A part ("What went well", "Contributing factors", or a
 * subsection of its own section) is named as such: it, not the whole
 * section, is to be filled in or dropped.  A whole section gets
 * its kind's When-Empty: what to write in it, and what to write when
 * there is nothing (yet) to say, which differs from section to section
 * ("No customer-facing impact" fits an Impact only).  `name` is the
 * part's title as written; `label` tells a label from a heading. */
static int
report_empty(bl_lint_ctx *lc, int rule, int kind, size_t b, size_t e,
             int part, const char *name, size_t name_n, int label)
{
    const bl_heading *h = &lc->rules->headings.items[kind];
    bl_strbuf msg = {NULL, 0, 0};
    size_t cl, k;
    int rc;

    /* The name as a quote on one line: without a colon after it, cut at
     * a character boundary. */
    while (name_n > 0 && (name[name_n - 1] == ':' || name[name_n - 1] == ' '
                          || name[name_n - 1] == '\n'))
        name_n--;
    for (k = 0; k < name_n && k < 60 && name[k] != '\n' && name[k] != '\r';
         k += cl)
        bl_utf8_decode(name, name_n, k, &cl);
    if (k < name_n)
        name_n = k;
    if (part)
        rc = bl_strbuf_addf(&msg, "The \"%.*s\" part of the %s section is "
                            "empty or holds only placeholders. Fill it in, "
                            "or remove the %s if there is nothing to say "
                            "under it.", (int)name_n, name, h->title,
                            label ? "label" : "heading");
    else
        rc = bl_strbuf_addf(&msg, "The %s section is empty or holds only "
                            "placeholders. %s", h->title,
                            h->when_empty != NULL ? h->when_empty
                            : "Fill it in; if it does not apply, say so in "
                              "a sentence rather than leave it blank.");
    if (rc == 0)
        rc = bl_lint_report(lc, rule, b, e, msg.items, NULL);
    free(msg.items);
    return rc < 0 ? -1 : 0;
}

static int
check_empty(bl_lint_ctx *lc, int rule)
{
    const bl_doc *doc = lc->doc;
    size_t i, n;
    unsigned char *empty_labels;

    for (i = 0; i < doc->sections.n; i++) {
        const bl_section *s = &doc->sections.items[i];
        const bl_block *hb;
        const char *t = "";
        int p, part;
        if (lc->kind_of[i] < 0 || has_content(lc, i)
            || introduces_series(lc, i))
            continue;
        /* Inside an empty section of its own kind ("What went well" under
         * an empty Lessons Learned), the parent's finding, which counts
         * its subsections, already says this one is empty; inside one
         * with content, it is an empty part of it. */
        part = lc->is_part[i];
        for (p = s->parent; p >= 0; p = doc->sections.items[p].parent)
            if (lc->kind_of[p] == lc->kind_of[i]) {
                if (!has_content(lc, (size_t)p))
                    break;
                part = 1;
            }
        if (p >= 0)
            continue;
        hb = &doc->blocks.items[s->heading];
        n = 0;
        if (s->title_unit >= 0)
            t = bl_unit_text(doc, &doc->units.items[s->title_unit], &n);
        if (report_empty(lc, rule, lc->kind_of[i], hb->begin, hb->end, part,
                         t, n, 0) < 0)
            return -1;
    }
    /* Sections written as bold labels ("**Impact**" over "TBD"). */
    if ((empty_labels = bl_lint_empty_label_parts(lc)) == NULL)
        return -1;
    for (i = 0; i < lc->label_parts.n; i++) {
        const bl_label_part *lp = &lc->label_parts.items[i];
        if (empty_labels[i]
            && report_empty(lc, rule, lp->kind, lp->begin, lp->end,
                            lp->is_part, doc->src + lp->begin,
                            lp->end - lp->begin, 1) < 0) {
            free(empty_labels);
            return -1;
        }
    }
    free(empty_labels);
    return 0;
}

/* --- section/duplicate --------------------------------------------------- */

/* Does section si's title say it goes on from an earlier one: "Timeline,
 * part 2", "Timeline (Part II)", "(continued)", "cont."? */
static int
continues(const bl_doc *doc, size_t si)
{
    const bl_section *s = &doc->sections.items[si];
    char low[128];
    size_t n, k;
    const char *t;

    if (s->title_unit < 0)
        return 0;
    t = bl_unit_text(doc, &doc->units.items[s->title_unit], &n);
    if (n >= sizeof low)
        n = sizeof low - 1;
    bl_ascii_lower(t, n, low);
    low[n] = '\0';
    if (strstr(low, "continued") != NULL || strstr(low, "cont.") != NULL
        || strstr(low, "(cont)") != NULL)
        return 1;
    /* After the name, not before it: "Part 3: Timeline" numbers a
     * section, as "Section 3:" does. */
    for (k = 1; k + 6 < n; k++)
        if (!isalpha((unsigned char)low[k - 1])
            && memcmp(low + k, "part ", 5) == 0
            && (isdigit((unsigned char)low[k + 5])
                || strchr("ivx", low[k + 5]) != NULL
                || strncmp(low + k + 5, "two", 3) == 0
                || strncmp(low + k + 5, "three", 5) == 0))
            return 1;
    return 0;
}

static int
check_duplicate(bl_lint_ctx *lc, int rule)
{
    const bl_doc *doc = lc->doc;
    size_t i;
    int *first = malloc((lc->rules->headings.n + 1) * sizeof *first);

    if (first == NULL)
        return -1;
    for (i = 0; i < lc->rules->headings.n; i++)
        first[i] = -1;
    for (i = 0; i < doc->sections.n; i++) {
        int k = lc->kind_of[i], p, rc, in_same = 0, in_other = 0;
        const bl_block *hb;
        bl_strbuf msg = {NULL, 0, 0};
        if (k < 0 || lc->is_part[i])
            continue;
        for (p = doc->sections.items[i].parent; p >= 0 && !in_other;
             p = doc->sections.items[p].parent) {
            in_same |= lc->kind_of[p] == k;
            in_other |= lc->kind_of[p] >= 0 && lc->kind_of[p] != k;
        }
        /* A subsection of another section is a part of that one: "### 6.3
         * Follow-up review" under Lessons Learned, "### Timeline" of a
         * Summary, is no second Action Items or Timeline, and no first
         * one either. */
        if (in_other)
            continue;
        if (first[k] < 0) {
            first[k] = (int)i;
            continue;
        }
        /* A "Root Cause" subsection of Root Cause is part of it; a
         * section that says it goes on from the first ("Timeline, part 2",
         * "Timeline (continued)") was split on purpose. */
        if (in_same || continues(doc, i))
            continue;
        hb = &doc->blocks.items[doc->sections.items[i].heading];
        rc = bl_strbuf_addf(&msg, "A second %s section (the first is at line "
                            "%zu). Merge them, so readers find the whole %s "
                            "in one place.",
                            lc->rules->headings.items[k].title,
                            bl_doc_line_of(doc, doc->blocks.items[
                                doc->sections.items[first[k]].heading].begin)
                                + 1,
                            lc->rules->headings.items[k].title);
        if (rc == 0)
            rc = bl_lint_report(lc, rule, hb->begin, hb->end, msg.items, NULL);
        free(msg.items);
        if (rc < 0) {
            free(first);
            return -1;
        }
    }
    free(first);
    return 0;
}

int
bl_check_sections(bl_lint_ctx *lc, int rule)
{
    const char *id = lc->rules->rules.items[rule].info.id;

    if (bl_lint_structure(lc) < 0)
        return -1;
    if (!lc->is_profile_doc)
        return 0;
    if (strcmp(id, "section/missing") == 0)
        return check_missing(lc, rule);
    if (strcmp(id, "section/empty") == 0)
        return check_empty(lc, rule);
    if (strcmp(id, "section/duplicate") == 0)
        return check_duplicate(lc, rule);
    return 0;
}

/* --- FAMILY/missing-section: the other profiles' sections ---------------- */

/* Has section si (with its subsections) any text at all, placeholders
 * included, or a code block?  Comments are guidance, not text; the words
 * HTML shows are text. */
static int
has_any_text(const bl_lint_ctx *lc, size_t si)
{
    const bl_doc *doc = lc->doc;
    size_t i, end = lc->section_end[si];
    char html[8];

    for (i = (size_t)doc->sections.items[si].heading + 1;
         i < doc->blocks.n && doc->blocks.items[i].begin < end; i++) {
        const bl_block *b = &doc->blocks.items[i];
        if ((b->type == BL_BLOCK_CODE && b->end > b->begin)
            || (b->type == BL_BLOCK_HTML
                && bl_doc_html_text(doc, i, html, sizeof html) > 0))
            return 1;
    }
    for (i = first_unit(doc, si); i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        size_t n, k;
        const char *t;
        if (bl_unit_to_source(doc, u, 0, 0) >= end)
            break;
        if (u->flags & BL_UNIT_HEADING)
            continue;
        t = bl_unit_text(doc, u, &n);
        for (k = 0; k < n; k++)
            if (t[k] != ' ' && t[k] != '\n' && t[k] != '\t' && t[k] != '\r')
                return 1;
    }
    return 0;
}

/* A section the profile requires that is there with nothing in it: as
 * good as missing, but there is no skeleton to insert.  One finding per
 * kind, at its first section, and none when another section of the kind
 * has text.  (A section of placeholders is placeholder/unfilled's to
 * report.) */
static int
check_bare(bl_lint_ctx *lc, int rule)
{
    const bl_doc *doc = lc->doc;
    size_t nk = lc->rules->headings.n, i;
    int *first = malloc((nk + 1) * sizeof *first), rc = 0;
    unsigned char *text = calloc(nk + 1, 1);

    if (first == NULL || text == NULL) {
        free(first);
        free(text);
        return -1;
    }
    for (i = 0; i < nk; i++)
        first[i] = -1;
    for (i = 0; i < doc->sections.n; i++) {
        int kind = lc->kind_of[i];
        if (kind < 0)
            continue;
        if (first[kind] < 0 && !lc->is_part[i])
            first[kind] = (int)i;
        if (!text[kind] && has_any_text(lc, i))
            text[kind] = 1;
    }
    for (i = 0; i < nk && rc == 0; i++) {
        const bl_heading *h = &lc->rules->headings.items[i];
        const bl_block *hb;
        bl_strbuf msg = {NULL, 0, 0};
        if (first[i] < 0 || text[i] || !h->required)
            continue;
        hb = &doc->blocks.items[doc->sections.items[first[i]].heading];
        rc = bl_strbuf_addf(&msg, "The %s section is empty: the %s does not "
                            "say %s. Write it, even in one sentence.",
                            h->title, bl_lint_document_name(lc), h->purpose);
        if (rc == 0)
            rc = bl_lint_report(lc, rule, hb->begin, hb->end, msg.items,
                                NULL);
        free(msg.items);
    }
    free(first);
    free(text);
    return rc < 0 ? -1 : 0;
}

int
bl_check_missing_sections(bl_lint_ctx *lc, int rule)
{
    if (bl_lint_structure(lc) < 0)
        return -1;
    if (!lc->is_profile_doc)
        return 0;
    if (check_missing(lc, rule) < 0)
        return -1;
    return check_bare(lc, rule);
}

/* --- For the other structural checks ------------------------------------- */

unsigned char *
bl_lint_empty_label_parts(const bl_lint_ctx *lc)
{
    const bl_doc *doc = lc->doc;
    size_t n = lc->label_parts.n, i;
    unsigned char *content = calloc(n + 1, 1), *empty = calloc(n + 1, 1);
    int owner = -1;

    if (content == NULL || empty == NULL) {
        free(content);
        free(empty);
        return NULL;
    }
    if (lc->part_of_block == NULL || n == 0) {
        free(content);
        return empty;   /* (most documents have no labelled part) */
    }
    /* One pass over the blocks and one over the units, as has_content
     * reads a section's. */
    for (i = 0; i < doc->blocks.n; i++) {
        const bl_block *b = &doc->blocks.items[i];
        int p = lc->part_of_block[i];
        if (p >= 0 && !content[p]
            && ((b->type == BL_BLOCK_CODE && b->end > b->begin)
                || (b->type == BL_BLOCK_HTML && is_html_content(doc, i))))
            content[p] = 1;
    }
    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        size_t tn;
        const char *t;
        int p = u->block >= 0 ? lc->part_of_block[u->block] : -1;
        if (p < 0 || content[p] || (u->flags & BL_UNIT_HEADING)
            || doc->blocks.items[u->block].type == BL_BLOCK_TH
            || bl_lint_unit_is_label(lc, (int)(doc->sections.n + (size_t)p),
                                     i))
            continue;
        t = bl_unit_text(doc, u, &tn);
        if (!bl_is_placeholder_text(t, tn))
            content[p] = 1;
    }
    /* Reported: a bold label of the section's name ("**Impact**"), not
     * inside a heading section of its kind, whose finding covers it.  A
     * label that does not name its part's section starts a group of the
     * part before it ("**Short term**" under "**Action items**"), whose
     * items are that part's content.  A <summary>'s part is its
     * <details> block's, whose HTML holds its name: left alone. */
    for (i = 0; i < n; i++) {
        const bl_label_part *lp = &lc->label_parts.items[i];
        int html = doc->blocks.items[lp->block].type == BL_BLOCK_HTML;
        int names = !html && text_names(lc,
                                        &lc->rules->headings.items[lp->kind],
                                        doc->src + lp->begin,
                                        lp->end - lp->begin, 0, 1);
        if (names || html) {
            owner = (int)i;
            empty[i] = (unsigned char)(names
                       && bl_lint_part_id_of(lc, lp->block)
                          == (int)(doc->sections.n + i));
        } else if (owner >= 0 && content[i]
                   && lp->kind == lc->label_parts.items[owner].kind) {
            content[owner] = 1;
        }
    }
    for (i = 0; i < n; i++)
        empty[i] = empty[i] && !content[i];
    free(content);
    return empty;
}

int
bl_lint_section_has_content(const bl_lint_ctx *lc, int section)
{
    return has_content(lc, (size_t)section);
}
