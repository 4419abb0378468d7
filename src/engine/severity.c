/*
 * severity.c: the severity/ rules, which read a team's severity level
 * definitions: missing-level, missing-impact, missing-example,
 * missing-response-time and response-order.  (severity/missing-section
 * is the missing-sections check of sections.c.)
 *
 * A level is defined where a heading, a list item, a paragraph, a table
 * row or a table column starts with its name: SEV0-SEV9 ("Sev 1",
 * "SEV-1", "Severity 1") or P0-P9 ("Priority 1").  "SEV2 or SEV3" compares
 * two levels and defines neither.  What a level says is read from the
 * text that belongs to it (its section, its item, its row or column),
 * sentence by sentence: a labelled field ("Impact: ...", "Examples:",
 * "Response time: ..."), a column or row header, or a subsection title
 * says what a text is; otherwise a sentence with "e.g." is an example,
 * one that says respond, acknowledge or page with a duration is the
 * response time, and any other sentence of two words or more describes
 * the impact.  A level defined in several places (a summary table and a
 * section) is the sum of them.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "lint.h"
#include "text.h"
#include "vec.h"

#define MAX_HOPS 64
#define MAX_LEVEL 9

enum { SCHEME_SEV, SCHEME_P, N_SCHEMES };

/* What a piece of a level's text is. */
typedef enum role {
    ROLE_FREE,          /* nothing says: read the sentence */
    ROLE_IMPACT,
    ROLE_EXAMPLE,
    ROLE_RESPONSE,
    ROLE_OTHER          /* a name, an update cadence, an owner: none of
                           the three */
} role;

/* What is known of one level. */
typedef struct level_facts {
    int defined;
    size_t label_b, label_e;    /* its first definition's name, source */
    int impact, example, response;
    int timed;                  /* a response time was read: */
    long seconds;
    size_t time_b, time_e;      /* ...and where, source */
} level_facts;

typedef struct sev_run {
    bl_lint_ctx *lc;
    const bl_doc *doc;
    int *unit_of;           /* per block: its first unit, or -1 */
    unsigned char *level_section;   /* per section: a level's heading */
    unsigned char *doubt;   /* per section: in the When in doubt section */
    level_facts facts[N_SCHEMES][MAX_LEVEL + 1];
    int places[N_SCHEMES];  /* how many definitions of each kind */
    const char *response_words;     /* SEVERITY-RESPONSE-WORD, or NULL */
} sev_run;

/* --- Small readers ------------------------------------------------------- */

static int
is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int
is_alnum(char c)
{
    return is_alpha(c) || is_digit(c);
}

static char
lower(char c)
{
    return (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

/* Does t[i..n) start with the lower-case word w (case-insensitive), and
 * end there (no letter after)? */
static int
word_at(const char *t, size_t n, size_t i, const char *w)
{
    size_t k, wl = strlen(w);

    if (n - i < wl || (i > 0 && is_alnum(t[i - 1])))
        return 0;
    for (k = 0; k < wl; k++)
        if (lower(t[i + k]) != w[k])
            return 0;
    return i + wl == n || !is_alpha(t[i + wl]);
}

/* Does some word of t[0..n) start with the lower-case stem? */
static int
has_stem(const char *t, size_t n, const char *stem)
{
    size_t i, k, sl = strlen(stem);

    for (i = 0; i + sl <= n; i++) {
        if (i > 0 && is_alnum(t[i - 1]))
            continue;
        for (k = 0; k < sl && lower(t[i + k]) == stem[k]; k++)
            ;
        if (k == sl)
            return 1;
    }
    return 0;
}

static size_t
count_words(const char *t, size_t n)
{
    size_t pos = 0, k = 0;
    bl_span w;

    while (bl_next_word(t, n, &pos, &w))
        k++;
    return k;
}

/* --- Level names --------------------------------------------------------- */

/* Reads a level's name at t[i]: "SEV1", "Sev 1", "SEV-1", "Severity 1",
 * "P1", "Priority 1".  Returns the offset after it, or 0 when none. */
static size_t
read_name_at(const char *t, size_t n, size_t i, int *p_scheme, int *p_level)
{
    size_t j = i;

    if (word_at(t, n, i, "severity")) {
        j = i + 8;
        *p_scheme = SCHEME_SEV;
    } else if (n - i > 3 && strncasecmp(t + i, "sev", 3) == 0
               && !is_alpha(t[i + 3]) && (i == 0 || !is_alnum(t[i - 1]))) {
        j = i + 3;      /* "SEV1", "Sev 1", not "Several" */
        *p_scheme = SCHEME_SEV;
    } else if (word_at(t, n, i, "priority")) {
        j = i + 8;
        *p_scheme = SCHEME_P;
    } else if (lower(t[i]) == 'p' && (i == 0 || !is_alnum(t[i - 1]))) {
        j = i + 1;
        *p_scheme = SCHEME_P;
    } else {
        return 0;
    }
    /* "SEV1", "SEV-1", "SEV 1", "Severity 1"; "P1", "P-1". */
    if (j < n && (t[j] == '-' || t[j] == ' ' || t[j] == '_')
        && (*p_scheme == SCHEME_SEV || t[j] == '-' || j - i > 1))
        j++;
    if (j >= n || !is_digit(t[j]) || (j + 1 < n && is_alnum(t[j + 1])))
        return 0;
    *p_level = t[j] - '0';
    return j + 1;
}

/* A level's name opening t[0..n), after decoration (emoji, "#", "*",
 * "1."), and not compared with another ("SEV2 or SEV3", "SEV1/SEV2").
 * Returns 1 with its text span in [*p_b, *p_e). */
static int
level_name(const char *t, size_t n, size_t *p_b, size_t *p_e, int *p_scheme,
           int *p_level)
{
    static const char *const joins[] = {"or", "vs", "and", "to", "through",
                                        "versus", NULL};
    size_t i = 0, e, k;
    int scheme2, level2;

    while (i < n && !is_alpha(t[i])) {
        if (is_digit(t[i])) {   /* "1. SEV1": numbering */
            while (i < n && is_digit(t[i]))
                i++;
            if (i >= n || (t[i] != '.' && t[i] != ')'))
                return 0;
        }
        i++;
    }
    if (i >= n || (e = read_name_at(t, n, i, p_scheme, p_level)) == 0)
        return 0;
    *p_b = i;
    *p_e = e;
    /* Comparisons: a connector, then another name. */
    while (e < n && (bl_is_blank(t[e]) || strchr(",/&-", t[e]) != NULL
                     || (unsigned char)t[e] == 0xE2))
        e += (unsigned char)t[e] == 0xE2 && e + 2 < n ? 3 : 1;
    for (k = 0; joins[k] != NULL; k++)
        if (word_at(t, n, e, joins[k])) {
            e += strlen(joins[k]);
            e += e < n && t[e] == '.';
            while (e < n && bl_is_blank(t[e]))
                e++;
            break;
        }
    return read_name_at(t, n, e, &scheme2, &level2) == 0;
}

/* --- What a text is ------------------------------------------------------ */

/* The role a label, a column header or a subsection title gives the text
 * it names. */
static role
role_of_label(const char *t, size_t n)
{
    static const char *const other[] = {
        "resol", "fix", "mitigat", "update", "cadence", "comm", "escalat",
        "owner", "who", "name", "label", "colo", "notif", "status", NULL
    };
    static const char *const example[] = {"example", "e.g", "scenario",
                                          "sample", NULL};
    static const char *const response[] = {"respon", "ack", "sla", "engag",
                                           "page", "target", "time", NULL};
    static const char *const impact[] = {
        "impact", "descri", "defin", "criteri", "mean", "scope", "condition",
        "symptom", "what", "affect", "summary", "when", "characteristic",
        "trigger", "threshold", NULL
    };
    static const char *const naming[] = {"level", "severity", "sev",
                                         "priority", NULL};
    size_t k;

    for (k = 0; other[k] != NULL; k++)
        if (has_stem(t, n, other[k]))
            return ROLE_OTHER;
    for (k = 0; example[k] != NULL; k++)
        if (has_stem(t, n, example[k]))
            return ROLE_EXAMPLE;
    for (k = 0; response[k] != NULL; k++)
        if (has_stem(t, n, response[k]))
            return ROLE_RESPONSE;
    for (k = 0; impact[k] != NULL; k++)
        if (has_stem(t, n, impact[k]))
            return ROLE_IMPACT;
    for (k = 0; naming[k] != NULL; k++)
        if (has_stem(t, n, naming[k]))
            return ROLE_OTHER;
    return ROLE_FREE;
}

/* A label opening sentence t[0..n) ("Impact: ...", "Response time -
 * ..."): up to five words before a colon (not a time's, "14:02") or a
 * dash between spaces.  Returns the role it gives, with the value's start
 * in *p_value; ROLE_FREE when there is no label it knows. */
static role
read_label(const char *t, size_t n, size_t *p_value)
{
    size_t i, words = 0;

    for (i = 0; i < n && words <= 5; i++) {
        size_t sep = 0;
        if (t[i] == ':' && !(i > 0 && is_digit(t[i - 1]) && i + 1 < n
                             && is_digit(t[i + 1])))
            sep = 1;
        else if (i > 0 && t[i - 1] == ' ' && i + 1 < n && t[i + 1] == ' '
                 && t[i] == '-')
            sep = 1;
        else if (i > 0 && t[i - 1] == ' ' && n - i >= 3
                 && (unsigned char)t[i] == 0xE2
                 && (unsigned char)t[i + 1] == 0x80
                 && ((unsigned char)t[i + 2] == 0x94
                     || (unsigned char)t[i + 2] == 0x93))
            sep = 3;
        if (sep > 0) {
            role r = i > 0 ? role_of_label(t, i) : ROLE_FREE;
            *p_value = i + sep;
            return r;
        }
        if (t[i] == '.' || t[i] == '?' || t[i] == '!')
            break;
        if (is_alnum(t[i]) && (i == 0 || !is_alnum(t[i - 1])))
            words++;
    }
    return ROLE_FREE;
}

/* Where the first word beginning with one of the "|"-separated stems of
 * list appears in t[0..n), or n. */
static size_t
find_stem(const char *t, size_t n, const char *list)
{
    size_t i;

    for (i = 0; i < n; i++) {
        const char *p = list;
        if (!is_alpha(t[i]) || (i > 0 && is_alnum(t[i - 1])))
            continue;
        while (*p) {
            size_t sl = strcspn(p, "|"), k;
            for (k = 0; k < sl && i + k < n && lower(t[i + k]) == p[k]; k++)
                ;
            /* "status page" is a web page, not paging someone. */
            if (k == sl && !(sl >= 4 && memcmp(p, "page", 4) == 0 && i >= 7
                             && (strncasecmp(t + i - 7, "status ", 7) == 0
                                 || strncasecmp(t + i - 4, "web ", 4) == 0)))
                return i;
            p += sl;
            p += *p == '|';
        }
    }
    return n;
}

/* Where an example marker ("e.g.", "for example", "such as") starts in
 * t[0..n), or n. */
static size_t
find_example(const char *t, size_t n)
{
    static const char *const marks[] = {"e.g", "eg.", "for example",
                                        "for instance", "such as", "example",
                                        "examples", "scenario", "scenarios",
                                        NULL};
    size_t i, k;

    for (i = 0; i < n; i++) {
        if (i > 0 && is_alnum(t[i - 1]))
            continue;
        for (k = 0; marks[k] != NULL; k++) {
            size_t ml = strlen(marks[k]), j;
            for (j = 0; j < ml && i + j < n && lower(t[i + j]) == marks[k][j];
                 j++)
                ;
            if (j == ml && (i + ml >= n || !is_alpha(t[i + ml])))
                return i;
        }
    }
    return n;
}

/* --- Durations ----------------------------------------------------------- */

/* A number written as a word ("fifteen minutes", "an hour"), or -1. */
static long
number_word(const char *t, size_t n, size_t i, size_t *p_end)
{
    static const struct { const char *w; long v; } words[] = {
        {"a", 1}, {"an", 1}, {"one", 1}, {"two", 2}, {"three", 3},
        {"four", 4}, {"five", 5}, {"six", 6}, {"eight", 8}, {"ten", 10},
        {"twelve", 12}, {"fifteen", 15}, {"twenty", 20}, {"thirty", 30},
        {"forty-five", 45}, {"sixty", 60}, {"ninety", 90}, {NULL, 0}
    };
    size_t k;

    for (k = 0; words[k].w != NULL; k++)
        if (word_at(t, n, i, words[k].w)) {
            *p_end = i + strlen(words[k].w);
            return words[k].v;
        }
    return -1;
}

/* Seconds in one of the unit at t[i] ("min", "hours", "h", "business
 * day"), right after a number or not, with its end in *p_end; 0 when
 * none. */
static long
unit_at(const char *t, size_t n, size_t i, size_t *p_end)
{
    static const struct { const char *w; long s; } units[] = {
        {"business days", 86400}, {"business day", 86400},
        {"working days", 86400}, {"working day", 86400},
        {"seconds", 1}, {"second", 1}, {"secs", 1}, {"sec", 1}, {"s", 1},
        {"minutes", 60}, {"minute", 60}, {"mins", 60}, {"min", 60},
        {"m", 60}, {"hours", 3600}, {"hour", 3600}, {"hrs", 3600},
        {"hr", 3600}, {"h", 3600}, {"days", 86400}, {"day", 86400},
        {"d", 86400}, {"weeks", 604800}, {"week", 604800}, {"wks", 604800},
        {"wk", 604800}, {"w", 604800}, {NULL, 0}
    };
    size_t k;

    for (k = 0; units[k].w != NULL; k++) {
        size_t ul = strlen(units[k].w);
        if (n - i >= ul && strncasecmp(t + i, units[k].w, ul) == 0
            && (i + ul == n || !is_alpha(t[i + ul]))) {
            *p_end = i + ul;
            return units[k].s;
        }
    }
    return 0;
}

/* The first duration in t[from..n): "15 minutes", "15-30 min", "1h",
 * "within 24h", "an hour", "immediately", "next business day".  Returns
 * 1 with its seconds and its span. */
static int
find_duration(const char *t, size_t n, size_t from, long *p_secs,
              size_t *p_b, size_t *p_e)
{
    static const struct { const char *w; long s; } phrases[] = {
        {"immediately", 0}, {"immediate", 0}, {"right away", 0},
        {"next business day", 86400}, {"next working day", 86400},
        {"next day", 86400}, {"same business day", 28800},
        {"same working day", 28800}, {"same day", 28800}, {NULL, 0}
    };
    size_t i, k, e;

    for (i = from; i < n; i++) {
        long num = -1, unit;
        size_t j;
        if (t[i] == '{' && i + 1 < n && t[i + 1] == '{') {
            /* A template slot is no value, whatever it says. */
            for (i += 2; i + 1 < n && !(t[i] == '}' && t[i + 1] == '}'); i++)
                ;
            i++;
            continue;
        }
        if (i > 0 && is_alnum(t[i - 1]))
            continue;
        for (k = 0; phrases[k].w != NULL; k++)
            if (word_at(t, n, i, phrases[k].w)) {
                *p_secs = phrases[k].s;
                *p_b = i;
                *p_e = i + strlen(phrases[k].w);
                return 1;
            }
        if (is_digit(t[i])) {
            for (j = i, num = 0; j < n && is_digit(t[j]) && num < 100000; j++)
                num = num * 10 + (t[j] - '0');
            if (j < n && t[j] == '.' && j + 1 < n && is_digit(t[j + 1]))
                for (j++; j < n && is_digit(t[j]); j++)
                    ;   /* "1.5 hours": the whole part is enough */
            if (j < n && (t[j] == '/' || t[j] == ':'))
                continue;   /* "24/7", "14:02" */
        } else if ((num = number_word(t, n, i, &j)) < 0) {
            continue;
        }
        /* A range counts by its start: "15-30 min", "15 to 30 minutes". */
        e = j;
        while (e < n && (t[e] == ' ' || t[e] == '-'))
            e++;
        if (e < n && (unsigned char)t[e] == 0xE2 && e + 2 < n)
            e += 3;
        if (word_at(t, n, e, "to"))
            e += 2;
        while (e < n && t[e] == ' ')
            e++;
        if (e > j && e < n && is_digit(t[e])) {
            while (e < n && is_digit(t[e]))
                e++;
            j = e;
        }
        while (j < n && (t[j] == ' ' || t[j] == '-'))
            j++;
        if ((unit = unit_at(t, n, j, &e)) == 0)
            continue;
        *p_secs = num * unit;
        *p_b = i;
        *p_e = e;
        return 1;
    }
    return 0;
}

/* Is there a duration anywhere in t[0..n)? */
static int
has_duration(const char *t, size_t n)
{
    long secs;
    size_t b, e;

    return find_duration(t, n, 0, &secs, &b, &e);
}

/* --- Reading a level's text ---------------------------------------------- */

typedef struct reading {
    sev_run *r;
    level_facts *f;
    int unit;
    const char *text;   /* the unit's */
    size_t base;        /* where the part read starts in it */
    role inherited;     /* from a header or a subsection title */
} reading;

/* Takes the first duration of unit text [b, e), from b + from on, as the
 * level's response time unless it has one.  Returns whether there is
 * such a duration. */
static int
take_time(reading *rd, size_t b, size_t e, size_t from)
{
    const bl_doc *doc = rd->r->doc;
    const bl_unit *u = &doc->units.items[rd->unit];
    long secs;
    size_t db, de;

    if (!find_duration(rd->text + b, e - b, from, &secs, &db, &de))
        return 0;
    if (!rd->f->timed) {
        rd->f->timed = 1;
        rd->f->seconds = secs;
        rd->f->time_b = bl_unit_to_source(doc, u, b + db, 0);
        rd->f->time_e = bl_unit_to_source(doc, u, b + de, 1);
    }
    return 1;
}

/* One sentence of a level's text: a labelled field, or what the header
 * above it says it is, or a sentence to read. */
static int
on_sentence(bl_span sp, void *ud)
{
    reading *rd = ud;
    size_t b = rd->base + sp.begin, e = rd->base + sp.end;
    const char *t = rd->text + b;
    size_t n = e - b, value = 0, at;
    role r = read_label(t, n, &value);

    if (r == ROLE_FREE) {
        r = rd->inherited;
        value = 0;
    }
    /* A label with nothing after it says nothing; a template slot
     * ("{{impact}}") stands for what it will say. */
    if (count_words(t + value, n - value) == 0)
        return 0;
    switch (r) {
    case ROLE_IMPACT:
        rd->f->impact = 1;
        break;
    case ROLE_EXAMPLE:
        rd->f->example = 1;
        break;
    case ROLE_RESPONSE:
        rd->f->response = 1;
        take_time(rd, b, e, 0);
        break;
    case ROLE_OTHER:
        break;
    case ROLE_FREE:
        if ((at = find_example(t, n)) < n) {
            /* "Checkout fails for everyone, e.g. a bad deploy": both. */
            rd->f->example = 1;
            rd->f->impact |= count_words(t, at) >= 2;
        } else if (rd->r->response_words != NULL
                   && (at = find_stem(t, n, rd->r->response_words)) < n
                   && has_duration(t, n)) {
            rd->f->response = 1;
            if (!take_time(rd, b, e, at))
                take_time(rd, b, e, 0);
        } else if (count_words(t, n) >= 2
                   || (n >= 2 && memchr(t, '{', n - 1) != NULL)) {
            rd->f->impact = 1;
        }
        break;
    }
    return 0;
}

/* Reads text [b, e) of unit u as part of a level, as `dflt` unless a
 * label says otherwise. */
static void
read_text(sev_run *r, level_facts *f, int u, size_t b, size_t e, role dflt)
{
    reading rd;
    size_t n;

    rd.r = r;
    rd.f = f;
    rd.unit = u;
    rd.text = bl_unit_text(r->doc, &r->doc->units.items[u], &n);
    rd.base = b;
    rd.inherited = dflt;
    if (e > n)
        e = n;
    if (b < e)
        bl_split_sentences(rd.text + b, e - b, on_sentence, &rd);
}

/* After a level's name in its own text ("SEV2 (Major): ...", "SEV1 -
 * Critical"): the rest, without a short name that ends at a colon. */
static size_t
after_name(const char *t, size_t n, size_t e)
{
    size_t i, words = 0;

    while (e < n && (bl_is_blank(t[e]) || strchr(":-*_", t[e]) != NULL
                     || (unsigned char)t[e] == 0xE2))
        e += (unsigned char)t[e] == 0xE2 && e + 2 < n ? 3 : 1;
    for (i = e; i < n && words <= 3; i++) {
        if (t[i] == ':')
            return i + 1;
        if (t[i] == '.')
            break;
        if (is_alnum(t[i]) && (i == e || !is_alnum(t[i - 1])))
            words++;
    }
    return e;
}

/* --- Finding the levels -------------------------------------------------- */

/* A level named at unit u's text start: notes the definition, and
 * returns its facts, or NULL when the text names none. *p_rest is where
 * the text after the name starts. */
static level_facts *
define_at(sev_run *r, int u, size_t *p_rest)
{
    const bl_doc *doc = r->doc;
    const bl_unit *un = &doc->units.items[u];
    size_t n, b, e;
    const char *t = bl_unit_text(doc, un, &n);
    int scheme, level;
    level_facts *f;

    if (!level_name(t, n, &b, &e, &scheme, &level))
        return NULL;
    f = &r->facts[scheme][level];
    r->places[scheme]++;
    if (!f->defined) {
        f->defined = 1;
        f->label_b = bl_unit_to_source(doc, un, b, 0);
        f->label_e = bl_unit_to_source(doc, un, e, 1);
    }
    *p_rest = after_name(t, n, e);
    return f;
}

/* Is section s's text about something else: in the When in doubt
 * section, or in a level's own section? */
static int
is_aside(const sev_run *r, int s)
{
    return s >= 0 && (r->doubt[s] || r->level_section[s]);
}

/* A level defined by section si's heading: its text is the section's,
 * subsections included, each read as its title says. */
static void
read_section(sev_run *r, size_t si)
{
    const bl_doc *doc = r->doc;
    int title = doc->sections.items[si].title_unit;
    size_t rest, u;
    level_facts *f;
    role current = ROLE_FREE;
    int current_section = (int)si;

    if (title < 0 || r->doubt[si]
        || (doc->sections.items[si].parent >= 0
            && is_aside(r, doc->sections.items[si].parent))
        || (f = define_at(r, title, &rest)) == NULL)
        return;
    r->level_section[si] = 1;
    read_text(r, f, title, rest, (size_t)-1, ROLE_FREE);
    for (u = (size_t)title + 1; u < doc->units.n; u++) {
        const bl_unit *un = &doc->units.items[u];
        size_t n;
        const char *t;
        if (un->section < 0
            || !bl_section_is_within(doc, un->section, (int)si))
            break;
        t = bl_unit_text(doc, un, &n);
        if (un->flags & BL_UNIT_HEADING) {
            current = role_of_label(t, n);
            current_section = un->section;
            continue;
        }
        if (un->flags & BL_UNIT_QUOTE)
            continue;
        read_text(r, f, (int)u, 0, n, un->section == current_section
                                         ? current : ROLE_FREE);
    }
}

/* The unit of list item or paragraph b's own text (a loose item's is
 * its first paragraph's), or -1. */
static int
own_unit(const sev_run *r, size_t b)
{
    if (r->doc->blocks.items[b].type != BL_BLOCK_LI)
        return r->unit_of[b];
    return bl_doc_item_unit(r->doc, r->unit_of, (int)b);
}

/* Does a list item that block b is nested in start with a level's name?
 * Then b is part of that level's definition. */
static int
is_in_level_item(const sev_run *r, size_t b)
{
    const bl_doc *doc = r->doc;
    int a = doc->blocks.items[b].parent, hops;

    for (hops = 0; a >= 0 && hops < MAX_HOPS; hops++) {
        int u;
        if (doc->blocks.items[a].type == BL_BLOCK_LI
            && (u = own_unit(r, (size_t)a)) >= 0) {
            size_t n, nb, ne;
            int scheme, level;
            const char *t = bl_unit_text(doc, &doc->units.items[u], &n);
            if (level_name(t, n, &nb, &ne, &scheme, &level))
                return 1;
        }
        a = doc->blocks.items[a].parent;
    }
    return 0;
}

/* A level defined by a list item or a paragraph b: its text, and the
 * text nested in it. */
static void
read_block(sev_run *r, size_t b)
{
    const bl_doc *doc = r->doc;
    const bl_block *x = &doc->blocks.items[b];
    int u = own_unit(r, b);
    size_t rest, k, n;
    level_facts *f;

    if (u < 0 || (x->flags & BL_IN_QUOTE) || is_aside(r, x->section)
        || is_in_level_item(r, b) || (f = define_at(r, u, &rest)) == NULL)
        return;
    read_text(r, f, u, rest, (size_t)-1, ROLE_FREE);
    if (x->type != BL_BLOCK_LI)
        return;
    for (k = (size_t)u + 1; k < doc->units.n; k++) {
        const bl_unit *un = &doc->units.items[k];
        if (un->block < 0 || (un->block != (int)b
                              && !bl_block_is_inside(doc, un->block, (int)b)))
            break;
        bl_unit_text(doc, un, &n);
        read_text(r, f, (int)k, 0, n, ROLE_FREE);
    }
}

/* A table's cells: per row and column, the unit of its text (-1 when
 * empty), and the roles of the columns. */
typedef struct table {
    int rows, cols;
    int *cell;          /* rows * cols units */
} table;

static int
read_table_cells(sev_run *r, size_t tb, table *tab)
{
    const bl_doc *doc = r->doc;
    size_t b;

    tab->rows = tab->cols = 0;
    for (b = tb + 1;
         b < doc->blocks.n && bl_block_is_inside(doc, (int)b, (int)tb);
         b++) {
        const bl_block *x = &doc->blocks.items[b];
        if (x->type != BL_BLOCK_TH && x->type != BL_BLOCK_TD)
            continue;
        if (x->row + 1 > tab->rows)
            tab->rows = x->row + 1;
        if (x->col + 1 > tab->cols)
            tab->cols = x->col + 1;
    }
    if (tab->rows == 0 || tab->cols == 0 || tab->cols > 64)
        return 0;
    tab->cell = malloc((size_t)tab->rows * (size_t)tab->cols
                       * sizeof *tab->cell);
    if (tab->cell == NULL)
        return -1;
    for (b = 0; b < (size_t)(tab->rows * tab->cols); b++)
        tab->cell[b] = -1;
    for (b = tb + 1;
         b < doc->blocks.n && bl_block_is_inside(doc, (int)b, (int)tb);
         b++) {
        const bl_block *x = &doc->blocks.items[b];
        if ((x->type == BL_BLOCK_TH || x->type == BL_BLOCK_TD)
            && x->row >= 0 && x->col >= 0)
            tab->cell[x->row * tab->cols + x->col] = r->unit_of[b];
    }
    return 1;
}

/* The role of a header cell (or an aspect cell of a table turned on its
 * side). */
static role
cell_role(const sev_run *r, int u)
{
    size_t n;
    const char *t;

    if (u < 0)
        return ROLE_OTHER;
    t = bl_unit_text(r->doc, &r->doc->units.items[u], &n);
    return role_of_label(t, n);
}

/* Levels in a table: one a row ("| SEV1 | ... |"), or, when the header
 * names the levels, one a column, whose rows say what each cell is. */
static int
read_table(sev_run *r, size_t tb)
{
    const bl_doc *doc = r->doc;
    const bl_block *x = &doc->blocks.items[tb];
    table tab;
    int rc, row, col, named = 0;

    if ((x->flags & BL_IN_QUOTE) || is_aside(r, x->section))
        return 0;
    if ((rc = read_table_cells(r, tb, &tab)) <= 0)
        return rc;
    for (col = 1; col < tab.cols; col++) {
        int u = tab.cell[col];
        size_t n, b, e;
        const char *t;
        if (u < 0)
            continue;
        t = bl_unit_text(doc, &doc->units.items[u], &n);
        named += level_name(t, n, &b, &e, &(int){0}, &(int){0});
    }
    if (named >= 2) {
        for (col = 1; col < tab.cols; col++) {
            size_t rest;
            level_facts *f;
            if (tab.cell[col] < 0
                || (f = define_at(r, tab.cell[col], &rest)) == NULL)
                continue;
            for (row = 1; row < tab.rows; row++) {
                int u = tab.cell[row * tab.cols + col];
                size_t n;
                if (u < 0)
                    continue;
                bl_unit_text(doc, &doc->units.items[u], &n);
                read_text(r, f, u, 0, n, cell_role(r, tab.cell[row
                                                               * tab.cols]));
            }
        }
    } else {
        for (row = 1; row < tab.rows; row++) {
            size_t rest, n;
            level_facts *f;
            int u0 = tab.cell[row * tab.cols];
            if (u0 < 0 || (f = define_at(r, u0, &rest)) == NULL)
                continue;
            read_text(r, f, u0, rest, (size_t)-1, ROLE_OTHER);
            for (col = 1; col < tab.cols; col++) {
                int u = tab.cell[row * tab.cols + col];
                if (u < 0)
                    continue;
                bl_unit_text(doc, &doc->units.items[u], &n);
                read_text(r, f, u, 0, n, cell_role(r, tab.cell[col]));
            }
        }
    }
    free(tab.cell);
    return 0;
}

/* Every level the document defines, and what each says. */
static int
read_levels(sev_run *r)
{
    const bl_doc *doc = r->doc;
    size_t i;

    for (i = 0; i < doc->sections.n; i++)
        r->doubt[i] = bl_lint_section_within(r->lc, (int)i, "when-in-doubt")
                      >= 0;
    for (i = 0; i < doc->sections.n; i++)
        read_section(r, i);
    for (i = 0; i < doc->blocks.n; i++) {
        const bl_block *x = &doc->blocks.items[i];
        if (x->type == BL_BLOCK_TABLE) {
            if (read_table(r, i) < 0)
                return -1;
        } else if (x->type == BL_BLOCK_LI
                   || (x->type == BL_BLOCK_PARA
                       && (x->parent < 0
                           || doc->blocks.items[x->parent].type
                              != BL_BLOCK_LI))) {
            read_block(r, i);
        }
    }
    return 0;
}

/* --- The rules ----------------------------------------------------------- */

static const char *const scheme_names[N_SCHEMES] = {"SEV", "P"};

/* The kind of names the guide uses more ("P1" when it defines more P
 * levels than SEV ones). */
static int
main_scheme(const sev_run *r)
{
    return r->places[SCHEME_P] > r->places[SCHEME_SEV] ? SCHEME_P
                                                       : SCHEME_SEV;
}

/* Where a finding about the whole guide goes: its title, or its first
 * line with text. */
static void
title_span(const bl_doc *doc, size_t *p_b, size_t *p_e)
{
    size_t i, line;

    for (i = 0; i < doc->sections.n; i++)
        if (doc->sections.items[i].level == 1) {
            const bl_block *h = &doc->blocks.items[
                doc->sections.items[i].heading];
            if (h->end > h->begin) {
                *p_b = h->begin;
                *p_e = h->end;
                return;
            }
        }
    for (line = 0; line < doc->lines.n; line++) {
        size_t b, e;
        bl_doc_line_span(doc, line, &b, &e);
        if (line == 0)
            b += doc->bom;
        if (b >= doc->fm_begin && b < doc->fm_end)
            continue;
        while (b < e && bl_is_blank(doc->src[b]))
            b++;
        if (e > b && !(e - b == 3 && (memcmp(doc->src + b, "---", 3) == 0
                                      || memcmp(doc->src + b, "+++", 3)
                                         == 0))) {
            *p_b = b;
            *p_e = e;
            return;
        }
    }
    *p_b = 0;
    *p_e = doc->len > 0 ? 1 : 0;
}

static int
check_levels(sev_run *r, int rule)
{
    const char *name = scheme_names[main_scheme(r)];
    const level_facts *f = r->facts[main_scheme(r)];
    long want = bl_rules_int(r->lc->rules, "severity.levels");
    size_t b, e;
    int level, any = 0, rc = 0;
    bl_strbuf msg = {NULL, 0, 0};

    title_span(r->doc, &b, &e);
    for (level = 0; level <= MAX_LEVEL; level++)
        any |= f[level].defined;
    if (!any)
        return bl_lint_report(r->lc, rule, b, e, "No severity levels are "
                              "defined. Give each level (SEV1, SEV2 ... or "
                              "P1, P2 ...) a heading, a list item or a table "
                              "row that starts with its name, with its "
                              "impact, an example and a response time.",
                              NULL);
    for (level = 1; level <= want && level <= MAX_LEVEL && rc == 0; level++) {
        if (f[level].defined)
            continue;
        msg.n = 0;
        rc = bl_strbuf_addf(&msg, "%s%d is not defined. Define every level "
                            "from %s1 to %s%ld, so any incident has a level "
                            "to go to (change how many with --set "
                            "severity.levels=N).", name, level, name, name,
                            want) < 0
             ? -1 : bl_lint_report(r->lc, rule, b, e, msg.items, NULL);
    }
    free(msg.items);
    return rc;
}

/* severity/missing-impact, -example and -response-time: which fact. */
static int
check_facts(sev_run *r, int rule, int which)
{
    static const char *const messages[] = {
        "%s%d does not say what it means for users or the business. "
        "Describe the impact (\"checkout fails for some users\"), so "
        "responders can tell it from the levels around it.",
        "%s%d gives no example. Name an incident that would be %s%d "
        "(\"search fails for a third of queries\"): examples are what people "
        "remember in the moment.",
        "%s%d gives no target response time. Say how soon someone must "
        "respond (\"within 15 minutes\", \"next business day\"), so paging "
        "and expectations match the level."
    };
    int scheme = main_scheme(r), level, rc = 0;
    const char *name = scheme_names[scheme];
    bl_strbuf msg = {NULL, 0, 0};

    for (level = 0; level <= MAX_LEVEL && rc == 0; level++) {
        const level_facts *f = &r->facts[scheme][level];
        int has = which == 0 ? f->impact : which == 1 ? f->example
                                                      : f->response;
        if (!f->defined || has)
            continue;
        msg.n = 0;
        rc = bl_strbuf_addf(&msg, messages[which], name, level, name, level)
             < 0 ? -1 : bl_lint_report(r->lc, rule, f->label_b, f->label_e,
                                       msg.items, NULL);
    }
    free(msg.items);
    return rc;
}

/* A duration as a message says it: "15 minutes", "24 hours". */
static void
say_duration(long secs, char *out, size_t cap)
{
    if (secs == 0)
        snprintf(out, cap, "immediately");
    else if (secs % 86400 == 0)
        snprintf(out, cap, "%ld day%s", secs / 86400,
                 secs == 86400 ? "" : "s");
    else if (secs % 3600 == 0)
        snprintf(out, cap, "%ld hour%s", secs / 3600,
                 secs == 3600 ? "" : "s");
    else if (secs % 60 == 0)
        snprintf(out, cap, "%ld minute%s", secs / 60, secs == 60 ? "" : "s");
    else
        snprintf(out, cap, "%ld second%s", secs, secs == 1 ? "" : "s");
}

static int
check_order(sev_run *r, int rule)
{
    int scheme = main_scheme(r), level, prev = -1, rc = 0;
    const char *name = scheme_names[scheme];
    const level_facts *f = r->facts[scheme];
    bl_strbuf msg = {NULL, 0, 0};

    for (level = 0; level <= MAX_LEVEL && rc == 0; level++) {
        char slow[32], fast[32];
        if (!f[level].defined || !f[level].timed)
            continue;
        if (prev >= 0 && f[level].seconds < f[prev].seconds) {
            say_duration(f[level].seconds, fast, sizeof fast);
            say_duration(f[prev].seconds, slow, sizeof slow);
            msg.n = 0;
            rc = bl_strbuf_addf(&msg, "%s%d asks for a response %s%s, faster "
                                "than the more severe %s%d (%s). Response "
                                "times should stay the same or grow as the "
                                "levels get less severe.", name, level,
                                f[level].seconds ? "within " : "", fast, name,
                                prev, slow) < 0
                 ? -1 : bl_lint_report(r->lc, rule, f[level].time_b,
                                       f[level].time_e, msg.items, NULL);
        }
        prev = level;
    }
    free(msg.items);
    return rc;
}

/* --- The check ----------------------------------------------------------- */

static void
run_release(void *state)
{
    sev_run *r = state;

    free(r->unit_of);
    free(r->level_section);
    free(r->doubt);
    free(r);
}

/* The levels, read once per document for the five rules. */
static sev_run *
run_get(bl_lint_ctx *lc)
{
    sev_run *r = bl_lint_family_state(lc, "severity");
    const bl_doc *doc = lc->doc;
    size_t i;

    if (r != NULL)
        return r;
    if ((r = calloc(1, sizeof *r)) == NULL)
        return NULL;
    r->lc = lc;
    r->doc = doc;
    r->unit_of = bl_doc_units_by_block(doc);
    r->level_section = calloc(doc->sections.n + 1, 1);
    r->doubt = calloc(doc->sections.n + 1, 1);
    if (r->unit_of == NULL || r->level_section == NULL || r->doubt == NULL) {
        run_release(r);
        return NULL;
    }
    for (i = 0; i < lc->rules->defines.n; i++)
        if (strcmp(lc->rules->defines.items[i].name,
                   "SEVERITY-RESPONSE-WORD") == 0)
            r->response_words = lc->rules->defines.items[i].pattern;
    if (read_levels(r) < 0) {
        run_release(r);
        return NULL;
    }
    if (bl_lint_set_family_state(lc, "severity", r, run_release) < 0)
        return NULL;
    return r;
}

int
bl_check_severity(bl_lint_ctx *lc, int rule)
{
    const char *id = lc->rules->rules.items[rule].info.id;
    sev_run *r;

    if (bl_lint_structure(lc) < 0)
        return -1;
    if (!lc->is_profile_doc)
        return 0;
    if ((r = run_get(lc)) == NULL)
        return -1;
    if (strcmp(id, "severity/missing-level") == 0)
        return check_levels(r, rule);
    if (strcmp(id, "severity/missing-impact") == 0)
        return check_facts(r, rule, 0);
    if (strcmp(id, "severity/missing-example") == 0)
        return check_facts(r, rule, 1);
    if (strcmp(id, "severity/missing-response-time") == 0)
        return check_facts(r, rule, 2);
    if (strcmp(id, "severity/response-order") == 0)
        return check_order(r, rule);
    return 0;
}
