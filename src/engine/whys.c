/*
 * whys.c: the whys/ rules, which read the 5-whys chains of the Root Cause
 * section: too-short, unanswered, ends-at-person and missing.
 *
 * Teams write a chain in many shapes: "1. Why did X? Because Y.", "Why? -
 * Y", "Why? -> Because Y", a question with its answer on the next line,
 * in a nested bullet or in the next paragraph, "...because Y" bullets, a
 * table with Why and Because columns, one "### Why 2: ..." heading per
 * why, or a tree of bold "**Why ...?**" lines whose answers are bullets
 * that branch.  Rather than one parser per
 * shape, the prose units of the Root Cause section are read in document
 * order and cut into marks (a why-question, a because line, an "A:"
 * label), and each mark becomes a step of the chain:
 *
 *  - a why-question takes as its answer the text after it on its line,
 *    or else the next unit near it (a nested bullet, the next paragraph,
 *    the next cell of its row);
 *  - a "because" line answers the question waiting for one, or a why
 *    that asks nothing of its own ("Why? The pool was exhausted.") right
 *    before it, whose text was then the statement asked about; or else
 *    is a step of its own (the why left implicit), when it opens a list
 *    item or a line inside a paragraph, or sits under a "5 Whys" heading;
 *  - a step's parent is the step whose answer holds it (a "**Why ...?**"
 *    line inside an answer bullet, or inside a bullet next to one: the
 *    branches of a tree), else the step before it.  A chain's length is
 *    its deepest step.
 *
 * The steps of one section form a chain.  A lone rhetorical question in
 * the analysis ("Why did this get merged? Security is unintuitive.") and
 * a list of open questions with no answers are not chains: a chain needs
 * two steps and an answer, or a heading that names the whys, or a table
 * with a Why column.
 */
#include <stdint.h>
#ifdef BL_CHECK_DEFINE_WORDS
#include <stdio.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lint.h"
#include "lintcache.h"
#include "text.h"
#include "vec.h"

/* How far up the block tree the checks look: farther than any list a
 * person nests, and a bound on the work a hostile document can cause. */
#define MAX_HOPS 64

/* How long a why-question may run before its "?". */
#define MAX_QUESTION 300

/* About how many bytes of the document a message quotes. */
#define MAX_QUOTE 60

/* --- Reading text -------------------------------------------------------- */

static int
is_word_at(const char *t, size_t n, size_t i)
{
    size_t cl;
    return i < n && bl_is_word_cp(bl_utf8_decode(t, n, i, &cl));
}

static int
is_word_before(const char *t, size_t i)
{
    size_t b, cl;

    if (i == 0)
        return 0;
    b = i - 1;
    while (b > 0 && ((unsigned char)t[b] & 0xC0) == 0x80)
        b--;
    return bl_is_word_cp(bl_utf8_decode(t, i, b, &cl));
}

/* Is the ASCII word w (lower case) at t[i], in any case, and whole? */
static int
word_at(const char *t, size_t n, size_t i, const char *w)
{
    size_t k;

    if (i > n)
        return 0;
    /* Compared as it goes, without strlen: label tables are tried at
     * every line of a Root Cause section, and most differ at once. */
    for (k = 0; w[k] != '\0'; k++) {
        char c;
        if (i + k >= n)
            return 0;
        c = t[i + k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != w[k])
            return 0;
    }
    return !is_word_at(t, n, i + k);
}

/* The length of the word that asks why at t[i] (English, or as German,
 * French and Spanish postmortems write it: "Warum", "Wieso", "Pourquoi",
 * "¿Por qué"), or 0. */
static size_t
why_word_at(const char *t, size_t n, size_t i)
{
    static const char *const words[] = {
        "why", "warum", "wieso", "weshalb", "pourquoi", "por qu\xC3\xA9",
        "por que", NULL
    };
    size_t k, at = i;

    if (i + 2 <= n && (unsigned char)t[i] == 0xC2
        && (unsigned char)t[i + 1] == 0xBF)
        at = i + 2;     /* "¿" */
    for (k = 0; words[k] != NULL; k++)
        if (word_at(t, n, at, words[k]))
            return at - i + strlen(words[k]);
    return 0;
}

/* The length of the word that answers "because" at t[i] ("Because",
 * "Weil", "Parce que", "Porque"), or 0. */
static size_t
because_word_at(const char *t, size_t n, size_t i)
{
    static const char *const words[] = {
        "because", "weil", "parce que", "parce qu'", "porque", NULL
    };
    size_t k;

    for (k = 0; words[k] != NULL; k++)
        if (word_at(t, n, i, words[k]))
            return strlen(words[k]);
    return 0;
}

static size_t
skip_spaces(const char *t, size_t n, size_t i)
{
    while (i < n && (t[i] == ' ' || t[i] == '\t'))
        i++;
    return i;
}

/* The end of t[b, e) without trailing white space. */
static size_t
trim_end(const char *t, size_t b, size_t e)
{
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t'))
        e--;
    return e;
}

/* Bullets, arrows and dashes that lead into a line or an answer: "- ",
 * "-> ", "=> ", "→ ", "➡️ ", "| ", ": ", and the emoji that mark a
 * question or point at an answer ("❓ Why ...?", "👉 Because"). */
static int
is_decoration(uint32_t cp)
{
    switch (cp) {
    case ' ': case '\t': case '-': case '*': case '+': case '>': case '=':
    case ':': case '|':
    case 0x2013: case 0x2014:           /* – — */
    case 0x2022:                        /* • */
    case 0x2192: case 0x21D2: case 0x21AA: case 0x27A1: case 0x2937:
    case 0xFE0F:                        /* emoji presentation */
    case 0x2753: case 0x2754: case 0x2755: case 0x2757:     /* ❓❔❕❗ */
    case 0x1F449: case 0x1F914:                             /* 👉 🤔 */
        return 1;
    default:
        return 0;
    }
}

static size_t
skip_decoration(const char *t, size_t n, size_t i)
{
    size_t cl;

    while (i < n && is_decoration(bl_utf8_decode(t, n, i, &cl)))
        i += cl;
    return i;
}

/* "...", "…" or ". . ." at t[i] (the lead of a "...because" line): returns
 * the offset after it, or i. */
static size_t
skip_ellipsis(const char *t, size_t n, size_t i)
{
    if (n - i >= 3 && memcmp(t + i, "...", 3) == 0)
        return i + 3;
    if (n - i >= 3 && memcmp(t + i, "\xE2\x80\xA6", 3) == 0)
        return i + 3;
    if (n - i >= 5 && memcmp(t + i, ". . .", 5) == 0)
        return i + 5;
    return i;
}

/* An answer label at t[i] ("A:", "A1:", "Answer:", "Ans -"): returns the
 * offset after it, or 0. */
static size_t
answer_label(const char *t, size_t n, size_t i)
{
    size_t j = i;

    if (word_at(t, n, i, "answer"))
        j = i + 6;
    else if (word_at(t, n, i, "ans"))
        j = i + 3;
    else if (i < n && t[i] == 'A') {
        j = i + 1;
        while (j < n && t[j] >= '0' && t[j] <= '9')
            j++;
    } else
        return 0;
    j = skip_spaces(t, n, j);
    if (j < n && (t[j] == ':' || t[j] == ')' || (t[j] == '-' && j > i + 1)))
        return j + 1;
    return 0;
}

/* The enumerator of a formal report's paragraphs, "(a) ", "b) ", "(3) ",
 * "(iv) ": the offset after it, or i.  Lists number their items for
 * md4c; a paragraph keeps its enumerator in its text. */
static size_t
skip_enumerator(const char *t, size_t n, size_t i)
{
    size_t j = i + (i < n && t[i] == '(');

    if (j < n && t[j] >= '0' && t[j] <= '9') {
        while (j < n && j - i < 3 && t[j] >= '0' && t[j] <= '9')
            j++;
    } else {
        size_t k = j;
        while (j < n && j - k < 4 && strchr("ivx", t[j]) != NULL)
            j++;
        if (j == k && j < n && t[j] >= 'a' && t[j] <= 'z')
            j++;
        if (j == k)
            return i;
    }
    if (j + 1 < n && t[j] == ')' && t[j + 1] == ' ')
        return skip_spaces(t, n, j + 1);
    return i;
}

/* A question label ("Q:", "Q1.", "Q2)"), after an enumerator if any: the
 * offset after them, or i. */
static size_t
skip_question_label(const char *t, size_t n, size_t i)
{
    size_t j;

    i = skip_enumerator(t, n, i);
    j = i + 1;
    if (i >= n || t[i] != 'Q')
        return i;
    while (j < n && t[j] >= '0' && t[j] <= '9')
        j++;
    if (j < n && (t[j] == ':' || t[j] == '.' || t[j] == ')'))
        return skip_spaces(t, n, j + 1);
    return i;
}

/* Does cp lead from a bare "Why" to its answer ("Why -> ...", "Why: ")? */
static int
is_arrow(uint32_t cp)
{
    return cp == '-' || cp == ':' || cp == '=' || cp == '>' || cp == 0x2013
           || cp == 0x2014 || cp == 0x2192 || cp == 0x21D2 || cp == 0x27A1;
}

/* Is cp punctuation that ends a label ("Why 2:", "Why #2 -", "2nd why)")? */
static int
is_label_end(uint32_t cp)
{
    return cp == ':' || cp == '.' || cp == ')' || cp == '-' || cp == 0x2013
           || cp == 0x2014;
}

/* Where the question starting at t[i] ends (after its "?"), or 0 when the
 * sentence ends first: "e.g. the" does not end it, ". The" does. */
static size_t
question_end(const char *t, size_t n, size_t i)
{
    size_t j, limit = n - i > MAX_QUESTION ? i + MAX_QUESTION : n;

    for (j = i; j < limit; j++) {
        if (t[j] == '?') {
            while (j + 1 < n && t[j + 1] == '?')
                j++;
            return j + 1;
        }
        if ((t[j] == '.' || t[j] == '!') && j + 2 < n && t[j + 1] == ' '
            && t[j + 2] >= 'A' && t[j + 2] <= 'Z')
            return 0;
    }
    return 0;
}

/* A numbered why label at t[i] ("Why 2:", "Why #2 -", "Second why:",
 * "2nd why.", or "Why 2" ending the text): returns the offset after it,
 * or 0. */
static size_t
why_label(const char *t, size_t n, size_t i)
{
    static const char *const ordinals[] = {
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
        "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", NULL
    };
    size_t j = 0, k, cl;

    /* "**Why?** Why did jobs queue?": a bare "Why?" before the question
     * tags it, as "Why 2:" would; it is no question of its own. */
    if (word_at(t, n, i, "why") && (j = skip_spaces(t, n, i + 3)) < n
        && t[j] == '?') {
        k = skip_spaces(t, n, j + 1);
        if (word_at(t, n, k, "why") && question_end(t, n, k) != 0)
            return k;
    }
    if (word_at(t, n, i, "why")) {
        j = skip_spaces(t, n, i + 3);
        if (j < n && t[j] == '#')
            j++;
        k = j;
        while (j < n && t[j] >= '0' && t[j] <= '9')
            j++;
        if (j == k)
            return 0;
    } else {
        /* Most lines open with no ordinal: try only those that start with
         * the letter the line does. */
        char c = i < n && t[i] >= 'A' && t[i] <= 'Z' ? (char)(t[i] + 32)
                 : i < n ? t[i] : '\0';
        for (k = 0; ordinals[k] != NULL; k++)
            if (ordinals[k][0] == c && word_at(t, n, i, ordinals[k]))
                break;
        if (ordinals[k] == NULL)
            return 0;
        j = skip_spaces(t, n, i + strlen(ordinals[k]));
        if (!word_at(t, n, j, "why"))
            return 0;
        j += 3;
    }
    j = skip_spaces(t, n, j);
    if (j == n)
        return j;   /* "**Why 2**" or "### Why 2" alone */
    if (is_label_end(bl_utf8_decode(t, n, j, &cl)))
        return j + cl;
    return 0;
}

/* Is t[0, n) only a placeholder answer: "...", "TBD", "?", "Because ...",
 * "A: TBD", a template slot? */
static int
is_placeholder_answer(const char *t, size_t n)
{
    size_t i = skip_decoration(t, n, 0), j;

    if ((j = answer_label(t, n, i)) != 0)
        i = skip_spaces(t, n, j);
    j = skip_spaces(t, n, skip_ellipsis(t, n, i));
    if (word_at(t, n, j, "because"))
        i = j + 7;
    return bl_is_placeholder_text(t + i, n - i);
}

/* Appends text as a message quotes it: white space and control bytes as
 * single spaces, placeholders dropped, cut after about MAX_QUOTE bytes
 * between characters. */
static int
add_quoted(bl_strbuf *sb, const char *s, size_t n)
{
    size_t i = 0, start = sb->n, cl;
    int space = 0;

    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F || c == ' ') {
            space = sb->n > start;
            i++;
            continue;
        }
        if (sb->n - start >= MAX_QUOTE)
            return bl_strbuf_add(sb, "...", 3);
        if (space && bl_strbuf_add(sb, " ", 1) < 0)
            return -1;
        space = 0;
        cl = 1;
        if (c >= 0x80)
            bl_utf8_decode(s, n, i, &cl);
        if (bl_strbuf_add(sb, s + i, cl) < 0)
            return -1;
        i += cl;
    }
    return 0;
}

/* Does source offset s lie in raw HTML (doc->html, in source order)? */
static int
is_html_at(const bl_doc *doc, size_t s)
{
    size_t lo = 0, hi = doc->html.n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->html.items[mid].end <= s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < doc->html.n && doc->html.items[lo].begin <= s;
}

/* add_quoted for unit offsets [b, e) of unit u, as the author wrote them:
 * md4c reads a slot such as "<answer>" as inline HTML, which the unit
 * holds as one space, so the quote takes each piece of HTML back from
 * the source ("Because <answer>.", not "Because ."). */
static int
add_quoted_as_written(const bl_doc *doc, bl_strbuf *sb, const bl_unit *u,
                      size_t b, size_t e)
{
    bl_strbuf raw = {NULL, 0, 0};
    size_t n, k, pos = b;
    const char *t = bl_unit_text(doc, u, &n);
    int rc = 0;

    for (k = u->piece_begin; k < u->piece_end && pos < e && rc == 0; k++) {
        const bl_piece *p = &doc->pieces.items[k];
        size_t pe = p->u + p->ulen < e ? p->u + p->ulen : e;
        if (pe <= pos)
            continue;
        if (p->u >= e)
            break;
        if (p->u > pos) {   /* text no piece maps: as the unit has it */
            if ((rc = bl_strbuf_add(&raw, t + pos, p->u - pos)) < 0)
                break;
            pos = p->u;
        }
        if (p->ulen == 1 && p->slen > 0 && pos == p->u && t[pos] == ' '
            && is_html_at(doc, p->s))
            rc = bl_strbuf_add(&raw, doc->src + p->s, p->slen);
        else
            rc = bl_strbuf_add(&raw, t + pos, pe - pos);
        pos = pe;
    }
    if (rc == 0 && pos < e)
        rc = bl_strbuf_add(&raw, t + pos, e - pos);
    if (rc == 0)
        rc = add_quoted(sb, raw.items, raw.n);
    free(raw.items);
    return rc;
}

/* --- Marks: the whys and becauses of one unit ---------------------------- */

typedef enum mark_type { MARK_WHY, MARK_BECAUSE, MARK_ANSWER } mark_type;

typedef struct mark {
    mark_type type;
    size_t begin;       /* unit offset where the mark starts */
    size_t end;         /* after a question's "?" or a label */
    int bare;           /* a why label with no question after it */
    int no_question;    /* a why that asks nothing in words of its own
                           ("Why?", "Why:", "Why 2:"): the text after it
                           may be the statement it asks about */
} mark;

/* Reads a mark at boundary pos: a why at any boundary; a because line or
 * an answer label only where a line starts; "X, why?" only where the unit
 * starts.  Returns 1 and fills m, or 0. */
static int
parse_mark(const char *t, size_t n, size_t pos, int unit_start,
           int line_start, mark *m)
{
    size_t i = skip_decoration(t, n, pos), j, e, cl, wl;

    if (i >= n)
        return 0;
    m->begin = i;
    m->bare = 0;
    m->no_question = 0;
    if (line_start && (j = answer_label(t, n, i)) != 0) {
        m->type = MARK_ANSWER;
        m->end = j;
        return 1;
    }
    m->type = MARK_WHY;
    i = skip_question_label(t, n, i);
    if ((j = why_label(t, n, i)) != 0) {
        size_t k = skip_spaces(t, n, j);
        e = word_at(t, n, k, "why") ? question_end(t, n, k) : 0;
        m->end = e != 0 ? e : j;
        m->bare = m->no_question = e == 0;
        return 1;
    }
    if ((wl = why_word_at(t, n, i)) != 0 && !is_word_before(t, i)) {
        j = skip_spaces(t, n, i + wl);
        if ((e = question_end(t, n, i)) != 0) {
            m->end = e;
            m->no_question = j < n && t[j] == '?';
            return 1;
        }
        /* "Why -> because ...", "Why: ...", "Why - the battery" */
        if (j < n && is_arrow(bl_utf8_decode(t, n, j, &cl))) {
            m->end = i + wl;
            m->no_question = 1;
            return 1;
        }
        return 0;
    }
    if (line_start) {
        j = skip_spaces(t, n, skip_ellipsis(t, n, i));
        if ((wl = because_word_at(t, n, j)) != 0) {
            m->type = MARK_BECAUSE;
            m->end = j + wl;
            return 1;
        }
    }
    if (unit_start && (e = question_end(t, n, i)) != 0) {
        /* "Customers could not sign in, why?" */
        size_t q = e - 1;
        while (q > i && t[q - 1] == '?')
            q--;
        if (q >= i + 3 && word_at(t, n, q - 3, "why")
            && !is_word_before(t, q - 3) && q - 3 > i) {
            m->end = e;
            return 1;
        }
    }
    return 0;
}

/* --- The analysis -------------------------------------------------------- */

typedef struct step {
    int section;            /* innermost section: one chain per section */
    int home;               /* the section its answer is in: its own, or
                               for a "### Why 2: ..." heading, the one
                               the heading opens */
    int q_unit;             /* unit of the why or because line, or -1 */
    size_t q_begin, q_end;  /* source span of the why */
    int a_unit;             /* unit of the answer, or -1 */
    size_t a_begin, a_end;  /* unit offsets of the answer text */
    int has_answer;         /* something is written as the answer */
    int answered;           /* ... and it is more than a placeholder */
    int own_li;             /* the list item the step's mark opens, or -1 */
    int answer_li;          /* the list item its answer is in, or -1 */
    int answer_list;        /* that item's list, when the answer is one of
                               the items next to the question */
    int parent;             /* the step it asks about, or -1 */
    int depth;              /* 1 + the parent's */
    int has_child;
    int in_why_table;
    int bare;               /* a label alone ("### Why 3"): the why that
                               follows it is its question */
} step;

typedef struct whys {
    bl_lint_ctx *lc;
    const bl_doc *doc;
    /* The per-section arrays below run over part ids (bl_lint_part_of):
     * the sections, then the parts a label names. */
    unsigned char *in_rc;       /* per section: within the Root Cause */
    unsigned char *names_whys;  /* per section within the Root Cause (the
                                   only ones a chain is in): its heading
                                   names the whys */
    unsigned char *under_whys;  /* ... or one it is in, within the Root
                                   Cause, does */
    unsigned char *reads_chains;    /* per section: chains are read in it
                                       (see chains_read_in) */
    int *chain_of;              /* per section: the section whose chain
                                   its steps join (its own, or for a
                                   "### Why 2" heading, its parent's or
                                   the whys heading's before it) */
    unsigned char *is_why_heading;  /* per section: its heading is a why
                                       ("### Why 2: ...") */
    int *unit_of;               /* per block: the unit of its text, or -1 */
    int *home_of;               /* per unit: its Root Cause section or
                                   labelled part, else its part
                                   (bl_lint_part_id_of) */
    int *li_step;               /* per list item: the last step answered
                                   in it */
    int *list_step;             /* per list: the last step answered by one
                                   of its items */
    unsigned char *is_mark_li;  /* per list item: opens with a step's mark */
    unsigned char *table_kind;  /* per table: see TABLE_* */
    struct { step *items; size_t n, alloc; } steps;
    struct { mark *items; size_t n, alloc; } marks;     /* one unit's */
    struct { size_t *items; size_t n, alloc; } lines;   /* its line starts */
    int pending;                /* a why waiting for its answer, or -1 */
    int stated;                 /* a why that asks nothing of its own,
                                   answered by the text after it, when
                                   nothing has come since: a because
                                   next answers it instead (see
                                   answer_statement), or -1 */
} whys;

enum { TABLE_UNKNOWN, TABLE_OTHER, TABLE_WHYS, TABLE_WHYS_DONE };

static void whys_free(whys *w);

/* whys_free for bl_lint_set_family_state: the state is heap-allocated. */
static void
whys_release(void *state)
{
    whys_free(state);
    free(state);
}

static void
whys_free(whys *w)
{
    free(w->in_rc);
    free(w->names_whys);
    free(w->under_whys);
    free(w->reads_chains);
    free(w->chain_of);
    free(w->is_why_heading);
    free(w->unit_of);
    free(w->home_of);
    free(w->li_step);
    free(w->list_step);
    free(w->is_mark_li);
    free(w->table_kind);
    BL_VEC_FREE(&w->steps);
    BL_VEC_FREE(&w->marks);
    BL_VEC_FREE(&w->lines);
}

/* Does a heading's text name the whys: "5 Whys", "Five whys", "Whys",
 * "The 5 Why's", "Root cause identification: The Five Whys", "5-Why
 * analysis"? */
static int
names_whys(const char *t, size_t n)
{
    static const char *const words[] = {
        "whys", "why's", "why\xE2\x80\x99s", "5-why", "5-whys", "five-why",
        "five-whys", NULL
    };
    size_t pos = 0, k;
    bl_span wd;
    char low[16], prev[8] = "";

    while (bl_next_word(t, n, &pos, &wd)) {
        size_t wn = wd.end - wd.begin;
        if (wn >= sizeof low) {
            prev[0] = '\0';
            continue;
        }
        bl_ascii_lower(t + wd.begin, wn, low);
        low[wn] = '\0';
        for (k = 0; words[k] != NULL; k++)
            if (bl_lit_equals(words[k], low, wn))
                return 1;
        /* "why" alone only after a number: "5 Why analysis", "5 Warum",
         * "5 Pourquoi" */
        if ((strcmp(low, "why") == 0 || strcmp(low, "warum") == 0
             || strcmp(low, "pourquoi") == 0)
            && (strcmp(prev, "5") == 0 || strcmp(prev, "five") == 0
                || strcmp(prev, "fünf") == 0 || strcmp(prev, "cinq") == 0))
            return 1;
        if (wn < sizeof prev)
            memcpy(prev, low, wn + 1);
        else
            prev[0] = '\0';
    }
    return 0;
}

/* Does a heading's text ask why ("Why did it happen?", "5 Whys")? */
static int
asks_why(const char *t, size_t n)
{
    size_t pos = 0;
    bl_span wd;

    while (bl_next_word(t, n, &pos, &wd))
        if (wd.end - wd.begin == 3 && word_at(t, n, wd.begin, "why"))
            return 1;
    return names_whys(t, n);
}

/* Which sections of the Root Cause chains are read in: all of them, but
 * when the document has a Root Cause section of its own, not a part of
 * it that stands beside it ("## Investigation", "## Contributing
 * factors") unless the part asks why.  An investigation's questions
 * ("**Why was latency high?**") tell how the team searched, and the
 * chain is in the Root Cause. */
/* Does text t[0..n) answer with "Because", at its start or after a
 * question ("Why was it fixed at 10? Because ...")? */
static int
answers_because(const char *t, size_t n)
{
    size_t i = 0;

    for (;;) {
        while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n'))
            i++;
        if (word_at(t, n, i, "because"))
            return 1;
        while (i < n && t[i] != '?')
            i++;
        if (i++ >= n)
            return 0;
    }
}

static void
chains_read_in(whys *w)
{
    const bl_lint_ctx *lc = w->lc;
    const bl_doc *doc = w->doc;
    int rc_kind = bl_heading_index(lc->rules, lc->profile, "root-cause");
    int has_rc = 0, *top;
    size_t i;

    for (i = 0; i < doc->sections.n; i++) {
        w->reads_chains[i] = w->in_rc[i];
        has_rc |= rc_kind >= 0 && lc->kind_of[i] == rc_kind && !lc->is_part[i];
    }
    for (i = 0; i < lc->label_parts.n; i++) {
        const bl_label_part *p = &lc->label_parts.items[i];
        size_t id = doc->sections.n + i;
        w->reads_chains[id] = w->in_rc[id];
        if (has_rc && p->is_part && !w->under_whys[id]
            && !asks_why(doc->src + p->begin, p->end - p->begin))
            w->reads_chains[id] = 0;    /* "**Investigation**" */
    }
    if (!has_rc || (top = malloc(doc->sections.n * sizeof *top)) == NULL)
        return;     /* without memory, chains are read as before */
    /* Sections come before their subsections. */
    for (i = 0; i < doc->sections.n; i++) {
        const bl_section *s = &doc->sections.items[i];
        size_t tn;
        const char *t;
        top[i] = s->parent >= 0 && w->in_rc[s->parent] ? top[s->parent]
                                                       : (int)i;
        if (!w->in_rc[i] || !lc->is_part[top[i]] || w->under_whys[i])
            continue;
        t = doc->sections.items[top[i]].title_unit < 0 ? ""
            : bl_unit_text(doc, &doc->units.items[doc->sections.items[top[i]]
                                                  .title_unit], &tn);
        if (doc->sections.items[top[i]].title_unit < 0 || !asks_why(t, tn))
            w->reads_chains[i] = 0;
    }
    free(top);
    /* Unless the questions there are answered "Because ...": that is a
     * chain, wherever the team put it ("## Analysis"), not a search. */
    for (i = 0; i < doc->units.n; i++) {
        int h = w->home_of[i];
        size_t n;
        const char *t;
        if (h < 0 || !w->in_rc[h] || w->reads_chains[h])
            continue;
        t = bl_unit_text(doc, &doc->units.items[i], &n);
        if (answers_because(t, n))
            w->reads_chains[h] = 1;
    }
}

static int
whys_init(whys *w, bl_lint_ctx *lc)
{
    const bl_doc *doc = lc->doc;
    size_t i, nb = doc->blocks.n + 1, ns = bl_lint_part_count(lc) + 1;
    int rc_kind = bl_heading_index(lc->rules, lc->profile, "root-cause");
    int has_rc = 0, *rc_part_of;

    memset(w, 0, sizeof *w);
    w->lc = lc;
    w->doc = doc;
    w->pending = w->stated = -1;
    w->in_rc = calloc(ns, 1);
    w->names_whys = calloc(ns, 1);
    w->under_whys = calloc(ns, 1);
    w->reads_chains = calloc(ns, 1);
    w->chain_of = malloc(ns * sizeof *w->chain_of);
    w->is_why_heading = calloc(ns, 1);
    w->unit_of = malloc(nb * sizeof *w->unit_of);
    w->home_of = malloc((doc->units.n + 1) * sizeof *w->home_of);
    w->li_step = malloc(nb * sizeof *w->li_step);
    w->list_step = malloc(nb * sizeof *w->list_step);
    w->is_mark_li = calloc(nb, 1);
    w->table_kind = calloc(nb, 1);
    if (w->in_rc == NULL || w->names_whys == NULL || w->under_whys == NULL
        || w->reads_chains == NULL || w->chain_of == NULL
        || w->is_why_heading == NULL
        || w->unit_of == NULL || w->home_of == NULL || w->li_step == NULL
        || w->list_step == NULL
        || w->is_mark_li == NULL || w->table_kind == NULL)
        return -1;
    for (i = 0; i < doc->blocks.n; i++)
        w->unit_of[i] = w->li_step[i] = w->list_step[i] = -1;
    for (i = 0; i < doc->units.n; i++)
        if (doc->units.items[i].block >= 0)
            w->unit_of[doc->units.items[i].block] = (int)i;
    for (i = 0; i < doc->sections.n; i++) {
        w->chain_of[i] = (int)i;
        w->in_rc[i] = bl_lint_section_within(lc, (int)i, "root-cause") >= 0;
        has_rc |= w->in_rc[i];
    }
    for (i = 0; i < lc->label_parts.n; i++) {
        const bl_label_part *p = &lc->label_parts.items[i];
        size_t id = doc->sections.n + i;
        w->chain_of[id] = (int)id;
        w->in_rc[id] = bl_lint_part_of(lc, p->block, "root-cause") == (int)id;
        w->names_whys[id] = w->under_whys[id] =
            (unsigned char)(w->in_rc[id]
                            && names_whys(doc->src + p->begin,
                                          p->end - p->begin));
        has_rc |= w->in_rc[id];
    }
    /* With no Root Cause heading or label of its own, a paragraph that
     * opens with a label naming it ("**Why 1:** Why did checkout
     * fail? ...", under "## Deep dive") is what section/missing takes
     * for the Root Cause: its section is read as one, so that the chain
     * section/missing counted is also checked. */
    for (i = 0; i < doc->units.n && !has_rc; i++) {
        const bl_unit *u = &doc->units.items[i];
        if (u->section >= 0 && !(u->flags & BL_UNIT_HEADING)
            && bl_lint_unit_has_label(lc, i, rc_kind))
            w->in_rc[u->section] = 1;
    }
    /* Sections come before their subsections. */
    for (i = 0; i < doc->sections.n; i++) {
        const bl_section *s = &doc->sections.items[i];
        if (w->in_rc[i] && s->title_unit >= 0) {
            size_t tn;
            const char *t = bl_unit_text(doc, &doc->units.items[s->title_unit],
                                         &tn);
            w->names_whys[i] = (unsigned char)names_whys(t, tn);
        }
        w->under_whys[i] = w->in_rc[i]
                           && (w->names_whys[i]
                               || (s->parent >= 0
                                   && w->under_whys[s->parent]));
    }
    if ((rc_part_of = bl_lint_part_of_blocks(lc, "root-cause")) == NULL)
        return -1;
    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        int home = u->block >= 0 ? rc_part_of[u->block] : -1;
        /* Not its section: a <details> Action Items under the Root
         * Cause heading is a part of its own, and holds no steps. */
        if (home < 0)
            home = bl_lint_part_id_of(lc, u->block);
        w->home_of[i] = home >= 0 ? home : u->section;
    }
    free(rc_part_of);
    chains_read_in(w);
    return 0;
}

/* --- Blocks -------------------------------------------------------------- */

/* The list item block b is or is in, or -1. */
static int
enclosing_li(const bl_doc *doc, int b)
{
    int hops = 0;

    while (b >= 0 && hops++ < MAX_HOPS) {
        if (doc->blocks.items[b].type == BL_BLOCK_LI)
            return b;
        b = doc->blocks.items[b].parent;
    }
    return -1;
}

/* Is block b the block anc or inside it? */
static int
is_within(const bl_doc *doc, int b, int anc)
{
    int hops = 0;

    while (b >= 0 && hops++ < MAX_HOPS) {
        if (b == anc)
            return 1;
        b = doc->blocks.items[b].parent;
    }
    return 0;
}

/* The table a cell block is in (cell, row, head or body, table), or -1. */
static int
table_of(const bl_doc *doc, int cell)
{
    int b = cell, hops;

    for (hops = 0; b >= 0 && hops < 4; hops++) {
        if (doc->blocks.items[b].type == BL_BLOCK_TABLE)
            return b;
        b = doc->blocks.items[b].parent;
    }
    return -1;
}

static const char *
block_text(const whys *w, int b, size_t *p_n)
{
    int u = b >= 0 ? w->unit_of[b] : -1;

    *p_n = 0;
    return u >= 0 ? bl_unit_text(w->doc, &w->doc->units.items[u], p_n) : "";
}

/* What a table's header cell names: 1 the column that asks the why
 * ("Why", "Whys"), 2 the one that gives the because ("Because", "Answer",
 * "Reason", "Cause"), 0 anything else. */
static int
header_kind(const char *t, size_t n)
{
    static const char *const answers[] = {
        "because", "answer", "answers", "reason", "reasons", "cause",
        "causes", NULL
    };
    size_t i = skip_decoration(t, n, 0), k;

    if (word_at(t, n, i, "why") || word_at(t, n, i, "whys"))
        return 1;
    for (k = 0; answers[k] != NULL; k++)
        if (word_at(t, n, i, answers[k]))
            return 2;
    return 0;
}

/* --- Steps --------------------------------------------------------------- */

/* The step a new step at block qb asks about: the one whose answer is the
 * list item it sits in (or an item next to that answer that no mark
 * opens: the other branches of a tree), else the step before it. */
static int
find_parent(const whys *w, const step *s, int qb)
{
    const bl_doc *doc = w->doc;
    int x = enclosing_li(doc, qb), hops = 0;

    while (x >= 0 && hops++ < MAX_HOPS) {
        if (x != s->own_li) {
            int t = w->li_step[x];
            if (t < 0 && !w->is_mark_li[x] && doc->blocks.items[x].parent >= 0)
                t = w->list_step[doc->blocks.items[x].parent];
            if (t >= 0 && w->steps.items[t].section == s->section)
                return t;
        }
        x = enclosing_li(doc, doc->blocks.items[x].parent);
    }
    if (w->steps.n > 0
        && w->steps.items[w->steps.n - 1].section == s->section)
        return (int)w->steps.n - 1;
    return -1;
}

/* The list item unit ui opens (its first text), or -1. */
static int
opens_li(const whys *w, int ui)
{
    const bl_unit *u = &w->doc->units.items[ui];
    int li = enclosing_li(w->doc, u->block);

    return li >= 0 && bl_unit_to_source(w->doc, u, 0, 0)
                      == w->doc->blocks.items[li].begin ? li : -1;
}

/* Adds a step whose why is unit offsets [qb, qe) of unit ui; at_start
 * says the mark is the first thing in the unit. */
static int
add_step(whys *w, int ui, size_t qb, size_t qe, int at_start)
{
    const bl_doc *doc = w->doc;
    const bl_unit *u = &doc->units.items[ui];
    step s;
    int li = at_start ? opens_li(w, ui) : -1;

    memset(&s, 0, sizeof s);
    s.home = w->home_of[ui];
    s.section = s.home >= 0 ? w->chain_of[s.home] : -1;
    s.q_unit = ui;
    s.q_begin = bl_unit_to_source(doc, u, qb, 0);
    s.q_end = bl_unit_to_source(doc, u, qe, 1);
    s.a_unit = -1;
    s.own_li = -1;
    s.answer_li = s.answer_list = -1;
    if (li >= 0) {
        s.own_li = li;
        w->is_mark_li[li] = 1;
    }
    s.parent = find_parent(w, &s, u->block);
    s.depth = 1;
    if (s.parent >= 0) {
        w->steps.items[s.parent].has_child = 1;
        s.depth = w->steps.items[s.parent].depth + 1;
    }
    if (BL_VEC_PUSH(&w->steps, s) < 0)
        return -1;
    return (int)w->steps.n - 1;
}

/* Gives step si the answer at unit offsets [a, e) of unit ui. */
static void
set_answer(whys *w, int si, int ui, size_t a, size_t e)
{
    const bl_doc *doc = w->doc;
    step *s = &w->steps.items[si];
    const char *t;
    size_t n;

    t = bl_unit_text(doc, &doc->units.items[ui], &n);
    a = skip_spaces(t, e, a);
    e = trim_end(t, a, e);
    if (e <= a)
        return;
    s->a_unit = ui;
    s->a_begin = a;
    s->a_end = e;
    s->has_answer = 1;
    s->answered = !is_placeholder_answer(t + a, e - a);
    if (ui == s->q_unit) {
        s->answer_li = s->own_li;
    } else {
        int x = enclosing_li(doc, doc->units.items[ui].block);
        int qli = enclosing_li(doc, doc->units.items[s->q_unit].block);
        s->answer_li = x;
        if (x >= 0 && x != qli)
            s->answer_list = doc->blocks.items[x].parent;
    }
    if (s->answer_li >= 0)
        w->li_step[s->answer_li] = si;
    if (s->answer_list >= 0)
        w->list_step[s->answer_list] = si;
}

/* Step si, a why that asks nothing of its own, took the text after it
 * for its answer ("Why? The pool was exhausted."), and a because comes
 * next ("Because the limit was too low."): that text was the statement
 * it asks about, and the because is its answer.  Read apart, the pair
 * would be two steps, the because one of its own with its why left
 * implicit, and a chain would count twice its length. */
static void
answer_statement(whys *w, int si, int ui, size_t a, size_t e)
{
    const bl_doc *doc = w->doc;
    step *s = &w->steps.items[si];

    /* The question runs to the end of the statement it asks about. */
    s->q_end = bl_unit_to_source(doc, &doc->units.items[s->a_unit], s->a_end,
                                 1);
    set_answer(w, si, ui, a, e);
}

/* May unit u hold the answer to the waiting why?  It must be in the same
 * section; a why in a table cell is answered in its row, a why in a list
 * item inside its list (a nested bullet, the item after it). */
static int
is_near(const whys *w, const step *q, const bl_unit *u)
{
    const bl_doc *doc = w->doc;
    const bl_unit *qu = &doc->units.items[q->q_unit];
    int li;

    if (w->home_of[u - doc->units.items] != q->home || u->block < 0
        || qu->block < 0)
        return 0;
    if (qu->flags & BL_UNIT_CELL)
        return (u->flags & BL_UNIT_CELL)
               && doc->blocks.items[u->block].parent
                  == doc->blocks.items[qu->block].parent;
    li = enclosing_li(doc, qu->block);
    return li < 0 || is_within(doc, u->block, doc->blocks.items[li].parent);
}

/* Finds the line starts of unit u (after each soft or hard break). */
static int
find_lines(whys *w, const bl_unit *u, const char *t)
{
    size_t p;

    w->lines.n = 0;
    for (p = u->piece_begin; p < u->piece_end; p++) {
        const bl_piece *pc = &w->doc->pieces.items[p];
        if (pc->slen == 0 && pc->ulen == 1 && t[pc->u] == ' '
            && BL_VEC_PUSH(&w->lines, pc->u + 1) < 0)
            return -1;
    }
    return 0;
}

/* The next boundary after `from` where a mark may start: a line start or
 * the start of a sentence.  *p_line is the first line start after from. */
static size_t
next_boundary(const whys *w, const char *t, size_t n, size_t from,
              size_t *p_line)
{
    size_t j, stop = n;

    while (*p_line < w->lines.n && w->lines.items[*p_line] <= from)
        (*p_line)++;
    if (*p_line < w->lines.n && w->lines.items[*p_line] < n)
        stop = w->lines.items[*p_line];
    /* A sentence that starts before the next line does. */
    for (j = from + 1; j < stop; j++)
        if (t[j - 1] == ' ' && j >= 2
            && (t[j - 2] == '.' || t[j - 2] == '?' || t[j - 2] == '!'))
            return j;
    return stop;
}

static int
scan_marks(whys *w, const bl_unit *u, const char *t, size_t n)
{
    size_t pos = 0, line = 0;

    w->marks.n = 0;
    if (find_lines(w, u, t) < 0)
        return -1;
    while (pos < n) {
        int at_line;
        mark m;
        while (line < w->lines.n && w->lines.items[line] < pos)
            line++;
        at_line = pos == 0
                  || (line < w->lines.n && w->lines.items[line] == pos);
        if (parse_mark(t, n, pos, pos == 0, at_line, &m)) {
            if (BL_VEC_PUSH(&w->marks, m) < 0)
                return -1;
            pos = next_boundary(w, t, n, m.end - 1, &line);
            continue;
        }
        pos = next_boundary(w, t, n, pos, &line);
    }
    return 0;
}

/* Where "because" stands inside t[0..n), after a statement ("Search was
 * stale because the consumers stopped committing"), or 0. */
static size_t
because_after_statement(const char *t, size_t n)
{
    size_t i;

    for (i = 1; i + 4 <= n; i++)
        if (t[i] != '\0' && strchr("bBwWpP", t[i]) != NULL
            && because_word_at(t, n, i) != 0
            && !is_word_before(t, i))
            return trim_end(t, 0, i) > 0 ? i : 0;
    return 0;
}

/* Cuts unit ui into marks and turns them into steps and answers. */
static int
read_unit(whys *w, int ui)
{
    const bl_doc *doc = w->doc;
    const bl_unit *u = &doc->units.items[ui];
    size_t n, k, lead, at;
    const char *t = bl_unit_text(doc, u, &n);

    if (scan_marks(w, u, t, n) < 0)
        return -1;
    /* "1. Search was stale because the consumers stopped committing." in
     * a list under a whys heading: the statement and its because in one
     * item, a step whose why is left implicit.  (Not the answer a why
     * before it waits for.) */
    if (w->marks.n == 0 && w->home_of[ui] >= 0 && w->under_whys[w->home_of[ui]]
        && opens_li(w, ui) >= 0
        && (w->pending < 0 || !is_near(w, &w->steps.items[w->pending], u))
        && (at = because_after_statement(t, n)) > 0) {
        int si = add_step(w, ui, 0, trim_end(t, 0, at), 1);
        if (si < 0)
            return -1;
        set_answer(w, si, ui, at, n);
        w->pending = w->stated = -1;
        return 0;
    }
    /* Text before the first mark answers the waiting why, if near it. */
    lead = w->marks.n > 0 ? w->marks.items[0].begin : n;
    if (trim_end(t, skip_spaces(t, lead, 0), lead) > skip_spaces(t, lead, 0)) {
        if (w->pending >= 0 && is_near(w, &w->steps.items[w->pending], u))
            set_answer(w, w->pending, ui, 0, lead);
        w->pending = w->stated = -1;
    }
    for (k = 0; k < w->marks.n; k++) {
        const mark *m = &w->marks.items[k];
        size_t next = k + 1 < w->marks.n ? w->marks.items[k + 1].begin : n;
        int at_start = m->begin == skip_decoration(t, n, 0), si;
        switch (m->type) {
        case MARK_WHY:
            if (w->pending >= 0 && w->steps.items[w->pending].bare
                && is_near(w, &w->steps.items[w->pending], u)) {
                /* "**Why 3**" then the question: one step. */
                si = w->pending;
                w->steps.items[si].bare = 0;
            } else if ((si = add_step(w, ui, m->begin, m->end, at_start))
                       < 0) {
                return -1;
            }
            w->pending = w->stated = -1;
            set_answer(w, si, ui, skip_decoration(t, next, m->end), next);
            if (!w->steps.items[si].has_answer) {
                w->steps.items[si].bare = m->bare;
                w->pending = si;
            } else if (m->no_question) {
                w->stated = si;
            }
            break;
        case MARK_BECAUSE:
            if (w->pending >= 0
                && is_near(w, &w->steps.items[w->pending], u)) {
                set_answer(w, w->pending, ui, m->begin, next);
                w->pending = -1;
                break;
            }
            w->pending = -1;
            if (w->stated >= 0 && is_near(w, &w->steps.items[w->stated], u)) {
                answer_statement(w, w->stated, ui, m->begin, next);
                w->stated = -1;
                break;
            }
            w->stated = -1;
            /* A because that opens a list item or a line of a paragraph
             * is a step; one that opens a paragraph ("Because we deploy
             * weekly, ...") only under a whys heading. */
            if (!at_start || opens_li(w, ui) >= 0
                || w->under_whys[w->home_of[ui]]) {
                size_t e = trim_end(t, m->begin, next);
                if ((si = add_step(w, ui, m->begin, e, at_start)) < 0)
                    return -1;
                set_answer(w, si, ui, m->begin, next);
            }
            break;
        case MARK_ANSWER:
            if (w->pending >= 0
                && is_near(w, &w->steps.items[w->pending], u)) {
                set_answer(w, w->pending, ui, m->end, next);
                /* "**Answer:**" alone: the answer follows it. */
                if (w->steps.items[w->pending].has_answer)
                    w->pending = -1;
            } else {
                w->pending = -1;
            }
            w->stated = -1;
            break;
        }
    }
    return 0;
}

/* The kind of table `table` is: one with a Why column and a Because (or
 * Answer, Reason, Cause) column is a chain, one row a step. */
static int
table_kind(whys *w, int table, int *p_why, int *p_because)
{
    const bl_doc *doc = w->doc;
    int b, why = -1, because = -1;

    for (b = table + 1; b < (int)doc->blocks.n; b++) {
        const bl_block *c = &doc->blocks.items[b];
        size_t n;
        const char *t;
        if (c->type != BL_BLOCK_THEAD && c->type != BL_BLOCK_TR
            && c->type != BL_BLOCK_TH)
            break;     /* past the header row */
        if (c->type != BL_BLOCK_TH)
            continue;
        t = block_text(w, b, &n);
        switch (header_kind(t, n)) {
        case 1: if (why < 0) why = c->col; break;
        case 2: if (because < 0) because = c->col; break;
        default: break;
        }
    }
    *p_why = why;
    *p_because = because;
    return why >= 0 && because >= 0 ? TABLE_WHYS : TABLE_OTHER;
}

/* One step per body row of a Why/Because table. */
static int
read_why_table(whys *w, int table, int why_col, int because_col)
{
    const bl_doc *doc = w->doc;
    int b;

    w->pending = w->stated = -1;
    for (b = table + 1; b < (int)doc->blocks.n; b++) {
        const bl_block *r = &doc->blocks.items[b];
        int c, qcell = -1, acell = -1, si;
        if (r->type <= BL_BLOCK_TABLE || r->type > BL_BLOCK_TD)
            break;      /* past the table */
        if (r->type != BL_BLOCK_TR)
            continue;
        for (c = b + 1; c < (int)doc->blocks.n
             && (doc->blocks.items[c].type == BL_BLOCK_TD
                 || doc->blocks.items[c].type == BL_BLOCK_TH); c++) {
            if (doc->blocks.items[c].type != BL_BLOCK_TD)
                continue;
            if (doc->blocks.items[c].col == why_col)
                qcell = c;
            else if (doc->blocks.items[c].col == because_col)
                acell = c;
        }
        if (qcell < 0 || (w->unit_of[qcell] < 0
                          && (acell < 0 || w->unit_of[acell] < 0)))
            continue;   /* the header row, or an empty one */
        if (w->unit_of[qcell] >= 0) {
            size_t n;
            int ui = w->unit_of[qcell];
            bl_unit_text(doc, &doc->units.items[ui], &n);
            if ((si = add_step(w, ui, 0, n, 0)) < 0)
                return -1;
        } else {
            /* No why written, but a because: a step, reported (if its
             * because is a placeholder) at the because. */
            size_t n;
            int ui = w->unit_of[acell];
            bl_unit_text(doc, &doc->units.items[ui], &n);
            if ((si = add_step(w, ui, 0, n, 0)) < 0)
                return -1;
        }
        w->steps.items[si].in_why_table = 1;
        if (acell >= 0 && w->unit_of[acell] >= 0) {
            size_t n;
            int ui = w->unit_of[acell];
            bl_unit_text(doc, &doc->units.items[ui], &n);
            set_answer(w, si, ui, 0, n);
        }
    }
    return 0;
}

/* The section before section si at its level (under the same parent),
 * or -1.  The sections between are its subsections: the walk goes up
 * their parents, a few heading levels at most. */
static int
previous_sibling(const bl_doc *doc, int si)
{
    int parent = doc->sections.items[si].parent, k = si - 1, hops = 0;

    while (k >= 0 && k != parent && hops++ < MAX_HOPS) {
        if (doc->sections.items[k].parent == parent)
            return k;
        k = doc->sections.items[k].parent;
    }
    return -1;
}

/* A heading with a why label ("#### Why 2: Why did the API time out?",
 * "### Second why") is a step of the chain its sibling headings make in
 * the section around them; its answer, or its question when the label
 * stands alone, is the text under it.  A Google Docs export flattens
 * the levels ("### 5 Whys", then "### Why 1: ..." beside it): headings
 * that follow a whys heading at its own level, with only why headings
 * between, join its chain, as they would under it. */
static int
read_why_heading(whys *w, int ui)
{
    const bl_doc *doc = w->doc;
    const bl_unit *u = &doc->units.items[ui];
    int home = u->section, around = doc->sections.items[home].parent, si;
    int before = previous_sibling(doc, home);
    size_t n, i, j, e;
    const char *t = bl_unit_text(doc, u, &n);

    i = skip_question_label(t, n, skip_decoration(t, n, 0));
    if ((j = why_label(t, n, i)) == 0)
        return 0;
    w->is_why_heading[home] = 1;
    if (before >= 0 && w->in_rc[before]
        && (w->names_whys[before] || w->is_why_heading[before]))
        w->chain_of[home] = w->chain_of[before];
    else if (around >= 0 && w->in_rc[around])
        w->chain_of[home] = w->chain_of[around];
    j = skip_spaces(t, n, j);
    e = word_at(t, n, j, "why") ? question_end(t, n, j) : 0;
    if ((si = add_step(w, ui, i, e != 0 ? e : n, 0)) < 0)
        return -1;
    w->pending = si;
    if (j >= n)
        w->steps.items[si].bare = 1;
    else if (e == 0 && !word_at(t, n, j, "why")) {
        /* "### Why 2: The pool was exhausted" answers itself. */
        set_answer(w, si, ui, j, n);
        w->pending = -1;
    }
    return 0;
}

/* Is unit ui "Why:" or "Why?" and nothing else, and does the next unit
 * open with a why ("1. Why was login down? ...")?  Then it introduces the
 * chain below it, as "5 whys:" would, and asks nothing itself. */
static int
introduces_whys(const whys *w, size_t ui)
{
    const bl_doc *doc = w->doc;
    size_t n, i, nn;
    const char *t = bl_unit_text(doc, &doc->units.items[ui], &n);
    const char *next;

    i = skip_decoration(t, n, 0);
    if (!word_at(t, n, i, "why"))
        return 0;
    i = skip_spaces(t, n, i + 3);
    if (i < n && (t[i] == ':' || t[i] == '?'))
        i = skip_spaces(t, n, i + 1);
    if (i < n || ui + 1 >= doc->units.n)
        return 0;
    next = bl_unit_text(doc, &doc->units.items[ui + 1], &nn);
    i = skip_question_label(next, nn, skip_decoration(next, nn, 0));
    return word_at(next, nn, i, "why") || why_label(next, nn, i) != 0;
}

/* The source offset of the "<summary" whose label ends at `close` (the
 * "</summary>" bl_doc_next_summary stopped after), or `close`. */
static size_t
summary_start(const bl_doc *doc, size_t from, size_t close)
{
    size_t i;

    for (i = close; i > from; i--)
        if (doc->src[i - 1] == '<' && close - (i - 1) >= 8
            && strncasecmp(doc->src + i - 1, "<summary", 8) == 0)
            return i - 1;
    return close;
}

/* Notion and GitHub fold a chain into <details> blocks, one per why, the
 * question in the <summary> ("<summary>Why 4: Why were the objects
 * written without a TTL?</summary>") and the answer the paragraph inside.
 * The HTML holds no prose unit, so the whys of the HTML blocks in blocks
 * [b, e), which come before unit ui of the same section, are read here,
 * each a step placed at its summary and answered, as a why on a line of
 * its own is, by the text that follows. */
static int
read_summary_whys(whys *w, size_t b, size_t e, int ui)
{
    const bl_doc *doc = w->doc;
    const bl_unit *u = &doc->units.items[ui];
    char text[MAX_QUESTION + 1];
    size_t k;

    for (k = b; k < e; k++) {
        const bl_block *h = &doc->blocks.items[k];
        size_t pos = h->begin;
        long n;
        if (h->type != BL_BLOCK_HTML || h->section != u->section)
            continue;
        while ((n = bl_doc_next_summary(doc, &pos, h->end, text,
                                        sizeof text)) >= 0) {
            mark m;
            int si;
            /* A mark read at offset 0 opens the summary. */
            if (!parse_mark(text, (size_t)n, 0, 1, 1, &m)
                || m.type != MARK_WHY)
                continue;
            if ((si = add_step(w, ui, 0, 0, 0)) < 0)
                return -1;
            w->steps.items[si].q_begin =
                summary_start(doc, h->begin, pos - (sizeof "</summary>" - 1));
            w->steps.items[si].q_end = pos;
            w->pending = si;
            w->stated = -1;
        }
    }
    return 0;
}

/* Reads every step of the Root Cause, in document order. */
static int
collect(whys *w)
{
    const bl_doc *doc = w->doc;
    size_t ui, after = 0;   /* the block after the last unit's */

    for (ui = 0; ui < doc->units.n; ui++) {
        const bl_unit *u = &doc->units.items[ui];
        size_t from = after;
        if (u->block >= 0)
            after = (size_t)u->block + 1;
        if (u->flags & BL_UNIT_HEADING) {
            w->pending = w->stated = -1;
            if (u->section >= 0 && w->reads_chains[u->section]
                && read_why_heading(w, (int)ui) < 0)
                return -1;
            continue;
        }
        /* A block quote is someone's words, except under a heading that
         * names the whys: there "> **Q.** Why ...?" is how the team
         * set its chain apart. */
        if (w->home_of[ui] < 0 || !w->reads_chains[w->home_of[ui]]
            || ((u->flags & BL_UNIT_QUOTE) && !w->under_whys[w->home_of[ui]])
            || u->block < 0)
            continue;
        if (u->flags & BL_UNIT_CELL) {
            int table = table_of(doc, u->block), why = -1, because = -1;
            if (doc->blocks.items[u->block].type == BL_BLOCK_TH)
                continue;   /* a column's title, not a why */
            if (table >= 0 && w->table_kind[table] == TABLE_UNKNOWN)
                w->table_kind[table] =
                    (unsigned char)table_kind(w, table, &why, &because);
            if (table >= 0 && w->table_kind[table] == TABLE_WHYS
                && why >= 0) {
                w->table_kind[table] = TABLE_WHYS_DONE;
                if (read_why_table(w, table, why, because) < 0)
                    return -1;
            }
            if (table >= 0 && w->table_kind[table] == TABLE_WHYS_DONE)
                continue;
        }
        if (introduces_whys(w, ui))
            continue;
        if ((size_t)u->block > from
            && read_summary_whys(w, from, (size_t)u->block, (int)ui) < 0)
            return -1;
        if (read_unit(w, (int)ui) < 0)
            return -1;
    }
    return 0;
}

/* Is steps [b, e) (one section's) a chain? */
static int
is_chain(const whys *w, size_t b, size_t e)
{
    size_t i;
    int answers = 0;

    if (w->under_whys[w->steps.items[b].section])
        return 1;
    for (i = b; i < e; i++) {
        if (w->steps.items[i].in_why_table)
            return 1;
        answers += w->steps.items[i].has_answer;
    }
    return e - b >= 2 && answers > 0;
}

/* The end of the chain that starts at step b. */
static size_t
chain_end(const whys *w, size_t b)
{
    size_t e = b + 1;

    while (e < w->steps.n
           && w->steps.items[e].section == w->steps.items[b].section)
        e++;
    return e;
}

/* --- whys/too-short ------------------------------------------------------ */

static int
check_too_short(whys *w, int rule)
{
    long min = bl_rules_int(w->lc->rules, "whys.min");
    size_t b, e, i;

    if (min <= 0)
        min = 5;
    for (b = 0; b < w->steps.n; b = e) {
        int depth = 0, branches = 0, section;
        size_t fb, fe;
        bl_strbuf msg = {NULL, 0, 0};
        int rc;
        e = chain_end(w, b);
        if (!is_chain(w, b, e))
            continue;
        for (i = b; i < e; i++) {
            if (w->steps.items[i].depth > depth)
                depth = w->steps.items[i].depth;
            branches += !w->steps.items[i].has_child;
        }
        if (depth >= min)
            continue;
        section = w->steps.items[b].section;
        if (w->names_whys[section]) {
            bl_lint_part_title(w->lc, section, &fb, &fe);
        } else {
            fb = w->steps.items[b].q_begin;
            fe = w->steps.items[b].q_end;
        }
        if (bl_strbuf_addf(&msg, branches > 1
                           ? "The deepest branch of this 5-whys chain stops "
                             "after %d why%s (whys.min is %ld), which "
                             "usually means at a symptom."
                           : "This 5-whys chain stops after %d why%s "
                             "(whys.min is %ld), which usually means at a "
                             "symptom.", depth, depth == 1 ? "" : "s",
                           min) < 0
            || bl_strbuf_addf(&msg, " Keep asking why until you reach a "
                              "condition the team can change: a missing "
                              "check, an unclear runbook, a tool that "
                              "allowed it.") < 0) {
            free(msg.items);
            return -1;
        }
        rc = bl_lint_report(w->lc, rule, fb, fe, msg.items, NULL);
        free(msg.items);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* --- whys/unanswered ----------------------------------------------------- */

static int
check_unanswered(whys *w, int rule)
{
    const bl_doc *doc = w->doc;
    size_t b, e, i;

    for (b = 0; b < w->steps.n; b = e) {
        e = chain_end(w, b);
        if (!is_chain(w, b, e))
            continue;
        for (i = b; i < e; i++) {
            const step *s = &w->steps.items[i];
            bl_strbuf msg = {NULL, 0, 0};
            int rc = 0;
            if (s->answered)
                continue;
            if (s->has_answer) {
                rc = bl_strbuf_addf(&msg, "The answer to this why is only a "
                                    "placeholder (\"") < 0
                     || add_quoted_as_written(doc, &msg,
                                              &doc->units.items[s->a_unit],
                                              s->a_begin, s->a_end) < 0
                     || bl_strbuf_addf(&msg, "\"), so the analysis stops "
                                       "here.") < 0;
            } else {
                rc = bl_strbuf_addf(&msg, "This why has no answer, so the "
                                    "analysis stops here.") < 0;
            }
            if (rc || bl_strbuf_addf(&msg, " Write what is known, even \"not "
                                     "known yet\" and where it is followed "
                                     "up, then keep asking why until you "
                                     "reach a condition the team can "
                                     "change.") < 0) {
                free(msg.items);
                return -1;
            }
            rc = bl_lint_report(w->lc, rule, s->q_begin, s->q_end, msg.items,
                                NULL);
            free(msg.items);
            if (rc == 0 && s->has_answer) {
                /* The message quotes the placeholder: it is not reported
                 * again as placeholder/unfilled. */
                const bl_unit *u = &doc->units.items[s->a_unit];
                rc = bl_lint_explain_placeholder(
                    w->lc, rule, bl_unit_to_source(doc, u, s->a_begin, 0),
                    bl_unit_to_source(doc, u, s->a_end, 1));
            }
            if (rc < 0)
                return -1;
        }
    }
    return 0;
}

/* --- whys/ends-at-person ------------------------------------------------- */

typedef struct judge {
    bl_regex *subject;      /* WHYS_PERSON_SUBJECT, anchored */
    bl_regex *anywhere;     /* WHYS_PERSON_ANYWHERE */
    const bl_define *anywhere_words;    /* ...and its Words: */
    bl_regex *condition;    /* WHYS_PERSON_CONDITION, or NULL */
    bl_regex *people_act;   /* WHYS_PEOPLE_ACT, or NULL */
    pcre2_match_data *subject_md, *anywhere_md, *md;
    size_t best_b, best_e;  /* the earliest person found, unit offsets */
} judge;

/* The person patterns of a rule set, kept in it (bl_rules_family_cache):
 * finding a Define by name costs a search of them all. */
typedef struct whys_shared {
    bl_regex *subject, *anywhere;   /* NULL when the rule set lacks them */
    const bl_define *anywhere_words;
    bl_regex *condition, *people_act;   /* NULL: none */
} whys_shared;

/* Finds the person patterns of the rule set into *sh: 0, or -1 when out
 * of memory.  Kept in the rule set when a cache slot is free; when none
 * is, each document looks them up again. */
static int
person_patterns(bl_rules *rules, whys_shared *sh)
{
    const whys_shared *kept = bl_rules_family_cache(rules, "whys");
    whys_shared *keep;
    int oom = 0;

    if (kept != NULL) {
        *sh = *kept;
        return 0;
    }
    sh->anywhere = NULL;
    sh->subject = bl_rules_define_regex(rules, "WHYS_PERSON_SUBJECT", 1,
                                        &oom);
    if (sh->subject != NULL)
        sh->anywhere = bl_rules_define_regex(rules, "WHYS_PERSON_ANYWHERE", 0,
                                             &oom);
    if (oom || bl_rules_define_into(rules, "WHYS_PERSON_CONDITION", 0,
                                    &sh->condition) < 0
        || bl_rules_define_into(rules, "WHYS_PEOPLE_ACT", 0,
                                &sh->people_act) < 0)
        return -1;
    sh->anywhere_words = bl_rules_define(rules, "WHYS_PERSON_ANYWHERE");
    if ((keep = malloc(sizeof *keep)) != NULL) {
        *keep = *sh;
        bl_rules_set_family_cache(rules, "whys", keep, free);
    }
    return 0;
}

/* Finds the vocabulary of rules/whys.rules (compiled once per rule set).
 * Returns 0, 1 when the rule set lacks it (a --rules directory of a team's
 * own: nothing to judge with; a pattern that does not compile there is its
 * author's to fix), or -1 when out of memory. */
static int
judge_open(const whys *w, judge *j)
{
    whys_shared sh;
    pcre2_code *sc, *ac;

    if (person_patterns(w->lc->rules, &sh) < 0)
        return -1;
    j->subject = sh.subject;
    j->anywhere = sh.anywhere;
    j->anywhere_words = sh.anywhere_words;
    j->condition = sh.condition;
    j->people_act = sh.people_act;
    if (j->subject == NULL || j->anywhere == NULL)
        return 1;
    if ((sc = bl_regex_get(j->subject)) == NULL
        || (ac = bl_regex_get(j->anywhere)) == NULL)
        return 1;
    j->subject_md = pcre2_match_data_create_from_pattern(sc, NULL);
    j->anywhere_md = pcre2_match_data_create_from_pattern(ac, NULL);
    j->md = pcre2_match_data_create(1, NULL);
    return j->subject_md != NULL && j->anywhere_md != NULL && j->md != NULL
           ? 0 : -1;
}

static void
judge_close(judge *j)
{
    pcre2_match_data_free(j->subject_md);
    pcre2_match_data_free(j->anywhere_md);
    pcre2_match_data_free(j->md);
}

/* Did the match take a verb only people do ("forgot", "was careless")? */
static int
only_people(pcre2_match_data *md)
{
    PCRE2_SIZE len;

    return pcre2_substring_length_byname(md, (PCRE2_SPTR)"people", &len)
           == 0;
}

/* Tries re at t[pos] (searching onwards unless re is anchored) within
 * [0, e); keeps the earliest match that stands for a person. */
static int
try_person(whys *w, judge *j, bl_regex *re, pcre2_match_data *md,
           const bl_unit *u, const char *t, size_t e, size_t pos)
{
    pcre2_code *code = bl_regex_get(re);

    while (code != NULL && pos < e && pos < j->best_b) {
        PCRE2_SIZE *ov;
        size_t cl;
        int rc = bl_regex_match(re, t, e, pos, md), person;
        if (rc <= 0)
            return 0;
        ov = pcre2_get_ovector_pointer(md);
        person = bl_lint_match_is_person(w->lc, bl_regex_hit(re), md, rc,
                                         t, u->flags,
                                         only_people(md) ? BL_NAMES_ANY
                                                         : BL_NAMES_KNOWN);
        if (person < 0)
            return -1;
        if (person && ov[1] > ov[0] && ov[0] < j->best_b) {
            j->best_b = ov[0];
            j->best_e = ov[1];
            return 0;
        }
        if (re->anchored)
            return 0;
        /* "Kestrel's fault" with Kestrel a service: look further on. */
        bl_utf8_decode(t, e, ov[0], &cl);
        pos = ov[0] + cl;
    }
    return 0;
}

/* Is answer t[b, e) about a condition around a person rather than what
 * the person did: knowledge only one person held, someone away or gone,
 * someone nobody onboarded (WHYS_PERSON_CONDITION)?  Not when it also
 * says what only people do ("the only engineer who knew it forgot"). */
static int
is_person_condition(const judge *j, const char *t, size_t b, size_t e)
{
    /* A match that has more groups than j->md holds returns 0: a match
     * all the same (a team's pattern may have groups). */
    if (j->condition == NULL
        || bl_regex_match(j->condition, t, e, b, j->md) < 0)
        return 0;
    return j->people_act == NULL
           || bl_regex_match(j->people_act, t, e, b, j->md) < 0;
}

/* Does the answer of step s end the chain at a person?  Fills j->best_*. */
static int
judge_answer(whys *w, judge *j, const step *s)
{
    const bl_unit *u = &w->doc->units.items[s->a_unit];
    size_t n, e = s->a_end, p, k;
    const char *t = bl_unit_text(w->doc, u, &n);

    j->best_b = j->best_e = SIZE_MAX;
    /* Where a clause starts: the answer's first word, after "because" and
     * after ";". */
    p = skip_decoration(t, e, s->a_begin);
    if ((k = answer_label(t, e, p)) != 0)
        p = skip_spaces(t, e, k);
    k = skip_spaces(t, e, skip_ellipsis(t, e, p));
    if (word_at(t, e, k, "because"))
        p = skip_spaces(t, e, k + 7);
    if (try_person(w, j, j->subject, j->subject_md, u, t, e, p) < 0)
        return -1;
    for (k = p + 1; k < e; k++) {
        size_t at = 0;
        if (t[k] == ';')
            at = skip_spaces(t, e, k + 1);
        else if ((t[k] == 'b' || t[k] == 'B') && !is_word_before(t, k)
                 && word_at(t, e, k, "because"))
            at = skip_spaces(t, e, k + 7);
        if (at != 0
            && try_person(w, j, j->subject, j->subject_md, u, t, e, at) < 0)
            return -1;
    }
    /* "Because the only person who knew the template was on vacation":
     * the team can change that.  Human error stays a finding below. */
    if (j->best_b != SIZE_MAX && is_person_condition(j, t, s->a_begin, e))
        j->best_b = j->best_e = SIZE_MAX;
    /* The search costs tens of thousands of instructions an answer, and
     * most answers hold none of the pattern's Words:. */
    if (!bl_define_may_match(j->anywhere_words, t + s->a_begin,
                             e - s->a_begin)) {
#ifdef BL_CHECK_DEFINE_WORDS
        /* Test builds hold the rule file to its word: a Words: that
         * leaves out what a match holds would lose findings silently. */
        if (bl_regex_match(j->anywhere, t, e, s->a_begin, j->anywhere_md)
            > 0) {
            fprintf(stderr, "WHYS_PERSON_ANYWHERE matches \"%.*s\", which "
                    "none of its Words: is in\n", (int)(e - s->a_begin),
                    t + s->a_begin);
            abort();
        }
#endif
        return 0;
    }
    return try_person(w, j, j->anywhere, j->anywhere_md, u, t, e,
                      s->a_begin);
}

/* judge_answer, from the answer unit's memo when the lint cache knows
 * the answer in this context (lintcache.h). */
static int
judge_answer_kept(whys *w, judge *j, const step *s)
{
    bl_lint_ctx *lc = w->lc;
    bl_unit_memo *m = lc->memo_of_unit != NULL ? lc->memo_of_unit[s->a_unit]
                                               : NULL;
    uint64_t key;

    if (m == NULL)
        return judge_answer(w, j, s);
    if (bl_lint_people_hash(lc, &key) < 0)
        return -1;
    key ^= (uint64_t)w->doc->units.items[s->a_unit].flags
           * 0x9E3779B97F4A7C15ull;
    if (m->person_known && m->person_key == key
        && m->person_a_begin == s->a_begin && m->person_a_end == s->a_end) {
        j->best_b = m->person_b;
        j->best_e = m->person_e;
        return 0;
    }
    if (judge_answer(w, j, s) < 0)
        return -1;
    m->person_known = 1;
    m->person_key = key;
    m->person_a_begin = s->a_begin;
    m->person_a_end = s->a_end;
    m->person_b = j->best_b;
    m->person_e = j->best_e;
    return 0;
}

/* Where the clause the person at t[at] is in starts, within the answer
 * t[from, a_end) (its text after any label): after the last ";", "because"
 * or sentence end before the person, or at the "because" of "because
 * of" ("Because of the intern" reads better than "of the intern"). */
static size_t
clause_start(const char *t, size_t a_end, size_t from, size_t at)
{
    size_t k, start = from;

    for (k = from; k < at; k++) {
        if (t[k] == ';'
            || ((t[k] == '.' || t[k] == '!' || t[k] == '?') && k + 1 < at
                && t[k + 1] == ' ')) {
            start = skip_spaces(t, at, k + 1);
        } else if ((t[k] == 'b' || t[k] == 'B') && !is_word_before(t, k)
                   && word_at(t, at, k, "because")) {
            start = skip_spaces(t, at, k + 7);
            if (word_at(t, a_end, start, "of"))
                start = k;
        }
    }
    return start;
}

static int
report_person(whys *w, int rule, const judge *j, const step *s)
{
    const bl_unit *u = &w->doc->units.items[s->a_unit];
    size_t n, end = j->best_e, b, e, qb, qe, k;
    const char *t = bl_unit_text(w->doc, u, &n);
    bl_strbuf msg = {NULL, 0, 0};
    int rc, lead = 0, cut = 0;

    /* From the answer's start to the end of the sentence the person is
     * in. */
    while (end < s->a_end && !((t[end] == '.' || t[end] == ';'
                                || t[end] == '!' || t[end] == '?')
                               && (end + 1 == s->a_end || t[end + 1] == ' ')))
        end++;
    if (end < s->a_end)
        end++;
    b = bl_unit_to_source(w->doc, u, s->a_begin, 0);
    e = bl_unit_to_source(w->doc, u, end, 1);
    /* The quote says what the person did or was, not only who: their
     * clause to the end of its sentence ("the engineer who ran the
     * script used the wrong file", "It was approved by the reviewer"),
     * without its full stop. */
    qb = skip_decoration(t, j->best_b, s->a_begin);
    if ((k = answer_label(t, j->best_b, qb)) != 0)
        qb = skip_spaces(t, j->best_b, k);
    qb = clause_start(t, s->a_end, qb, j->best_b);
    if (j->best_e - qb > MAX_QUOTE) {
        /* A long clause: from a word shortly before the person. */
        for (k = j->best_e - MAX_QUOTE; k < j->best_b && t[k - 1] != ' '; k++)
            ;
        qb = k;
        lead = 1;
    }
    qe = end;
    while (qe > qb && memchr(" .;!?", t[qe - 1], 5) != NULL)
        qe--;
    if (qe - qb > MAX_QUOTE && j->best_e - qb <= MAX_QUOTE) {
        /* Cut between words, keeping the person whole. */
        for (k = qb + MAX_QUOTE; k > j->best_e && t[k] != ' '; k--)
            ;
        qe = trim_end(t, qb, k);
        cut = 1;
    }
    if (bl_strbuf_addf(&msg, "This 5-whys chain ends at a person (\"") < 0
        || (lead && bl_strbuf_add(&msg, "...", 3) < 0)
        || add_quoted(&msg, t + qb, qe - qb) < 0
        || (cut && bl_strbuf_add(&msg, "...", 3) < 0)
        || bl_strbuf_addf(&msg, "\") rather than at a condition. Keep asking "
                          "why until you reach a condition the team can "
                          "change: a missing check, an unclear runbook, a "
                          "tool that allowed it.") < 0) {
        free(msg.items);
        return -1;
    }
    rc = e > b ? bl_lint_report(w->lc, rule, b, e, msg.items, NULL) : 0;
    free(msg.items);
    return rc;
}

/* The last answer of a chain, of each branch in a tree. */
static int
check_ends_at_person(whys *w, int rule)
{
    judge j;
    size_t b, e, i;
    int rc = 0, opened = 0;

    memset(&j, 0, sizeof j);
    for (b = 0; b < w->steps.n && rc == 0; b = e) {
        e = chain_end(w, b);
        if (!is_chain(w, b, e))
            continue;
        for (i = b; i < e && rc == 0; i++) {
            const step *s = &w->steps.items[i];
            if (s->has_child || !s->answered)
                continue;
            if (!opened) {
                opened = 1;
                if ((rc = judge_open(w, &j)) != 0)
                    break;
            }
            rc = judge_answer_kept(w, &j, s);
            if (rc == 0 && j.best_b != SIZE_MAX)
                rc = report_person(w, rule, &j, s);
        }
    }
    judge_close(&j);
    return rc < 0 ? -1 : 0;
}

/* --- whys/missing -------------------------------------------------------- */

/* Does t start with "Contributing factors" (causes, conditions), as a
 * heading ("### 3.1 Contributing Causes") or a label ("**Contributing
 * factors:**")? */
static int
is_contributing(const char *t, size_t n)
{
    static const char *const starts[] = {
        "contributing factor", "contributing cause", "contributing condition",
        NULL
    };
    char norm[64];
    size_t k;

    bl_heading_normalize(t, n, norm, sizeof norm);
    for (k = 0; starts[k] != NULL; k++)
        if (strncmp(norm, starts[k], strlen(starts[k])) == 0)
            return 1;
    return 0;
}

/* Does a paragraph introduce a list of factors: "The outage resulted
 * from three compounding factors:", "Several factors contributed:", "for
 * a few reasons:"?  The noun must be in the sentence the colon ends ("The
 * causes are still being investigated. The on-call ran:" lists none), and
 * not before a comma ("For security reasons, the details are below:"). */
static int
introduces_factors(const char *t, size_t n)
{
    static const char *const nouns[] = {"factors", "causes", "conditions",
                                        "reasons", NULL};
    size_t pos = 0, k, i;
    bl_span wd;

    n = trim_end(t, 0, n);
    if (n == 0 || t[n - 1] != ':')
        return 0;
    for (i = n - 1; i > 0; i--)
        if ((t[i - 1] == '.' || t[i - 1] == '!' || t[i - 1] == '?')
            && t[i] == ' ') {
            pos = i;
            break;
        }
    while (bl_next_word(t, n, &pos, &wd))
        for (k = 0; nouns[k] != NULL; k++)
            if (word_at(t, wd.end, wd.begin, nouns[k])
                && !(wd.end < n && t[wd.end] == ','))
                return 1;
    return 0;
}

static int
check_missing(whys *w, int rule)
{
    const bl_lint_ctx *lc = w->lc;
    const bl_doc *doc = w->doc;
    int rc_kind = bl_heading_index(lc->rules, lc->profile, "root-cause");
    int at = -1, content = 0;
    size_t i, b, fb, fe;

    for (b = 0; b < w->steps.n; b = chain_end(w, b))
        if (is_chain(w, b, chain_end(w, b)))
            return 0;
    for (i = 0; i < doc->sections.n; i++) {
        const bl_section *s = &doc->sections.items[i];
        if (lc->kind_of[i] != rc_kind || rc_kind < 0)
            continue;
        if (s->parent >= 0 && w->in_rc[s->parent])
            continue;   /* a part of an enclosing Root Cause */
        if (at < 0 || (lc->is_part[at] && !lc->is_part[i]))
            at = (int)i;
    }
    /* A Root Cause only a label names is reported at its label. */
    for (i = 0; i < lc->label_parts.n && at < 0; i++)
        if (w->in_rc[doc->sections.n + i]
            && !lc->label_parts.items[i].is_part)
            at = (int)(doc->sections.n + i);
    if (at < 0)
        return 0;
    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        size_t n;
        const char *t;
        int heading_of;
        if (w->home_of[i] < 0 || !w->in_rc[w->home_of[i]]
            || bl_lint_unit_is_label(lc, w->home_of[i], i))
            continue;
        t = bl_unit_text(doc, u, &n);
        heading_of = (u->flags & BL_UNIT_HEADING)
                     && doc->sections.items[u->section].title_unit == (int)i;
        if (!(u->flags & BL_UNIT_HEADING) && introduces_factors(t, n))
            return 0;
        if (is_contributing(t, n)) {
            /* A Contributing Factors heading with something under it, or
             * a paragraph that lists them: the team's way of analysing. */
            size_t k;
            if (!heading_of)
                return 0;
            for (k = i + 1; k < doc->units.n; k++) {
                const bl_unit *v = &doc->units.items[k];
                size_t vn;
                const char *vt;
                if (v->section < 0 || bl_unit_to_source(doc, v, 0, 0)
                                      >= lc->section_end[u->section])
                    break;
                vt = bl_unit_text(doc, v, &vn);
                if (!(v->flags & BL_UNIT_HEADING)
                    && !bl_is_placeholder_text(vt, vn))
                    return 0;
            }
        }
        if (!(u->flags & BL_UNIT_HEADING) && !bl_is_placeholder_text(t, n))
            content = 1;
    }
    for (i = 0; i < doc->blocks.n && !content; i++) {
        const bl_block *c = &doc->blocks.items[i];
        content = c->type == BL_BLOCK_CODE && c->end > c->begin
                  && bl_lint_part_of(lc, (int)i, "root-cause") >= 0;
    }
    if (!content)
        return 0;   /* an empty Root Cause is section/empty's finding */
    bl_lint_part_title(lc, at, &fb, &fe);
    return bl_lint_report(w->lc, rule, fb, fe,
                          "The Root Cause has no 5-whys chain. Ask why the "
                          "failure happened, and why again, until you reach "
                          "conditions the team can change (a missing check, "
                          "an unclear runbook, a tool that allowed it), or "
                          "list the contributing factors under a "
                          "\"Contributing Factors\" heading.", NULL);
}

/* --- The check ----------------------------------------------------------- */

int
bl_check_whys(bl_lint_ctx *lc, int rule)
{
    const char *id = lc->rules->rules.items[rule].info.id;
    whys *w;
    int rc;

    if (bl_lint_structure(lc) < 0)
        return -1;
    if (!lc->is_profile_doc)
        return 0;
    /* The chains are read once per run, for all four rules. */
    if ((w = bl_lint_family_state(lc, "whys")) == NULL) {
        if ((w = malloc(sizeof *w)) == NULL)
            return -1;
        rc = whys_init(w, lc);
        if (rc == 0)
            rc = collect(w);
        if (rc != 0) {
            whys_release(w);
            return rc;
        }
        if (bl_lint_set_family_state(lc, "whys", w, whys_release) < 0)
            return -1;
    }
    if (strcmp(id, "whys/too-short") == 0)
        return check_too_short(w, rule);
    if (strcmp(id, "whys/unanswered") == 0)
        return check_unanswered(w, rule);
    if (strcmp(id, "whys/ends-at-person") == 0)
        return check_ends_at_person(w, rule);
    if (strcmp(id, "whys/missing") == 0)
        return check_missing(w, rule);
    return 0;
}
