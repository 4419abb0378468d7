/*
 * review.c: the review/ rules, which read the agenda of a post-incident
 * review meeting: untimed-item, over-time, no-facilitator,
 * untracked-actions, no-response-question and ground-rules-not-blameless.
 * (review/missing-section is the missing-sections check of sections.c.)
 *
 * An agenda item is a list item at the top of the Agenda section, a row
 * of a table in it, or, when the Agenda is split into subsections, each
 * subsection's heading.  What the rules look for (a timebox, the
 * meeting's length, a facilitator, action item tracking, the response
 * question, the blameless principle) is in rules/review.rules as Define:
 * stanzas; a --rules directory without them gets no findings from the
 * rule that needs them.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lint.h"
#include "text.h"
#include "vec.h"

/* A sum of minutes beyond any meeting: bounds a hostile agenda's sum. */
#define MINUTES_MAX 100000L

/* --- What the rules build from the rule set once ------------------------- */

typedef struct review_shared {
    bl_regex *timebox;          /* REVIEW-TIMEBOX */
    bl_regex *length;           /* REVIEW-LENGTH */
    bl_regex *facilitator;      /* REVIEW-FACILITATOR */
    bl_regex *facilitator_cell; /* REVIEW-FACILITATOR-CELL, anchored */
    bl_regex *nobody;           /* REVIEW-NOBODY, anchored */
    bl_regex *actions;          /* REVIEW-ACTIONS */
    bl_regex *where, *owner, *due;  /* REVIEW-TRACK-... */
    bl_regex *question;         /* REVIEW-RESPONSE-QUESTION */
    bl_regex *blameless;        /* REVIEW-BLAMELESS */
    bl_regex *time_col;         /* REVIEW-TIME-COLUMN, anchored */
    pcre2_match_data *md;
} review_shared;

static void
shared_free(void *state)
{
    review_shared *sh = state;

    pcre2_match_data_free(sh->md);
    free(sh);
}

static review_shared *
shared_get(bl_rules *rules)
{
    review_shared *sh = bl_rules_family_cache(rules, "review");

    if (sh != NULL)
        return sh;
    if ((sh = calloc(1, sizeof *sh)) == NULL)
        return NULL;
    if ((sh->md = pcre2_match_data_create(24, NULL)) == NULL
        || bl_rules_define_into(rules, "REVIEW-TIMEBOX", 0, &sh->timebox) < 0
        || bl_rules_define_into(rules, "REVIEW-LENGTH", 0, &sh->length) < 0
        || bl_rules_define_into(rules, "REVIEW-FACILITATOR", 0,
                                &sh->facilitator) < 0
        || bl_rules_define_into(rules, "REVIEW-FACILITATOR-CELL", 1,
                                &sh->facilitator_cell) < 0
        || bl_rules_define_into(rules, "REVIEW-NOBODY", 1, &sh->nobody) < 0
        || bl_rules_define_into(rules, "REVIEW-ACTIONS", 0, &sh->actions) < 0
        || bl_rules_define_into(rules, "REVIEW-TRACK-WHERE", 0, &sh->where) < 0
        || bl_rules_define_into(rules, "REVIEW-TRACK-OWNER", 0, &sh->owner) < 0
        || bl_rules_define_into(rules, "REVIEW-TRACK-DUE", 0, &sh->due) < 0
        || bl_rules_define_into(rules, "REVIEW-RESPONSE-QUESTION", 0,
                                &sh->question) < 0
        || bl_rules_define_into(rules, "REVIEW-BLAMELESS", 0,
                                &sh->blameless) < 0
        || bl_rules_define_into(rules, "REVIEW-TIME-COLUMN", 1,
                                &sh->time_col) < 0) {
        shared_free(sh);
        return NULL;
    }
    if (bl_rules_set_family_cache(rules, "review", sh, shared_free) < 0)
        return NULL;
    return sh;
}

static int
matches(review_shared *sh, bl_regex *re, const char *t, size_t n)
{
    return re != NULL && bl_regex_match(re, t, n, 0, sh->md) >= 0;
}

/* The span of group `name` of re's last match (with duplicate names, the
 * one that is set).  Returns 0 when no such group is set. */
static int
group_span(const bl_regex *re, pcre2_match_data *md, const char *name,
           size_t *p_b, size_t *p_e)
{
    const pcre2_code *code = bl_regex_hit(re);
    PCRE2_SPTR first, last, e;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    int size = pcre2_substring_nametable_scan(code, (PCRE2_SPTR)name, &first,
                                              &last);
    uint32_t count = pcre2_get_ovector_count(md);

    if (size <= 0)
        return 0;
    for (e = first; e <= last; e += size) {
        uint32_t g = ((uint32_t)e[0] << 8) | e[1];
        if (g < count && ov[2 * g] != PCRE2_UNSET) {
            *p_b = ov[2 * g];
            *p_e = ov[2 * g + 1];
            return 1;
        }
    }
    return 0;
}

/* The number in t[b, e), in tenths ("1.5" is 15). */
static long
tenths(const char *t, size_t b, size_t e)
{
    long v = 0;
    int frac = -1;

    for (; b < e; b++) {
        if (t[b] == '.')
            frac = 0;
        else if (t[b] >= '0' && t[b] <= '9' && frac < 1) {
            v = v * 10 + (t[b] - '0');
            if (frac == 0)
                frac = 1;
        }
    }
    return frac == 1 ? v : v * 10;
}

/* The minutes of re's last match over t (REVIEW-TIMEBOX's groups): -1
 * for a template slot, -2 when the match says no amount. */
static long
minutes_of(const bl_regex *re, pcre2_match_data *md, const char *t)
{
    size_t b, e, ub, ue;

    if (group_span(re, md, "h1", &b, &e)) {
        size_t b2, e2, mb, me, mb2, me2;
        long from, to;
        if (!group_span(re, md, "m1", &mb, &me)
            || !group_span(re, md, "h2", &b2, &e2)
            || !group_span(re, md, "m2", &mb2, &me2))
            return -2;
        from = tenths(t, b, e) / 10 * 60 + tenths(t, mb, me) / 10;
        to = tenths(t, b2, e2) / 10 * 60 + tenths(t, mb2, me2) / 10;
        return to > from ? to - from : -2;
    }
    if (group_span(re, md, "num", &b, &e)
        && group_span(re, md, "unit", &ub, &ue)) {
        long v = tenths(t, b, e);
        return t[ub] == 'h' || t[ub] == 'H' ? v * 6 : v / 10;
    }
    if (group_span(re, md, "half", &b, &e))
        return 30;
    if (group_span(re, md, "hour", &b, &e))
        return 60;
    if (group_span(re, md, "slot", &b, &e))
        return -1;
    return -2;
}

/* --- The agenda ---------------------------------------------------------- */

/* One agenda item: the units its text is in, where a finding about it
 * goes, and its minutes (-1 unknown: a slot; -2 none said). */
typedef struct agenda_item {
    size_t begin, end;
    long minutes;
    int is_total;       /* "Total: 60 min": no item of its own */
} agenda_item;

typedef struct review_run {
    bl_lint_ctx *lc;
    review_shared *sh;
    int *unit_of;           /* per block: its first unit, or -1 */
    int agenda;             /* the outer Agenda section, or -1 */
    int *in_item;           /* per unit: 1 when it is an agenda item's */
    struct { agenda_item *items; size_t n, alloc; } items;
} review_run;

/* Does unit text t[0..n) open with "Total"? */
static int
is_total(const char *t, size_t n)
{
    size_t i = 0;

    while (i < n && (t[i] == ' ' || t[i] == '*' || t[i] == '_'))
        i++;
    return n - i >= 5 && strncasecmp(t + i, "total", 5) == 0;
}

/* The timebox of unit u's text, read into *it unless an earlier unit
 * gave one.  A duration ("(10 min)") wins over a clock range, which may
 * be the incident's own times ("Walk through 02:10–03:40 (10 min)"). */
static void
time_unit(review_run *r, int u, agenda_item *it)
{
    size_t n, pos = 0, b, e;
    const char *t = bl_unit_text(r->lc->doc, &r->lc->doc->units.items[u],
                                 &n);
    long range = -2;

    if (it->minutes != -2 || r->sh->timebox == NULL)
        return;
    while (pos < n && bl_regex_match(r->sh->timebox, t, n, pos,
                                     r->sh->md) >= 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->sh->md);
        long m = minutes_of(r->sh->timebox, r->sh->md, t);
        if (!group_span(r->sh->timebox, r->sh->md, "h1", &b, &e)) {
            it->minutes = m;
            return;
        }
        if (range == -2)
            range = m;
        pos = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    it->minutes = range;
}

/* Marks every unit inside block b (b included) as an item's, and reads
 * its timebox. */
static void
read_item_blocks(review_run *r, size_t b, agenda_item *it)
{
    const bl_doc *doc = r->lc->doc;
    size_t i;

    for (i = 0; i < doc->units.n; i++) {
        int ub = doc->units.items[i].block;
        if (ub < 0
            || !((size_t)ub == b || bl_block_is_inside(doc, ub, (int)b)))
            continue;
        r->in_item[i] = 1;
        time_unit(r, (int)i, it);
    }
}

/* The span of unit u's first line: where a finding about an item goes. */
static void
unit_span(const bl_doc *doc, int u, size_t *p_b, size_t *p_e)
{
    const bl_unit *un = &doc->units.items[u];
    size_t n, lb, le, sb, se;

    bl_unit_text(doc, un, &n);
    sb = bl_unit_to_source(doc, un, 0, 0);
    se = bl_unit_to_source(doc, un, n, 1);
    bl_doc_line_span(doc, bl_doc_line_of(doc, sb), &lb, &le);
    if (se > le && le > sb)
        se = le;
    *p_b = sb;
    *p_e = se > sb ? se : sb + 1;
}

/* Reads the agenda's table rows: a row is timed by a Time column's cell
 * or a timebox in any of its cells. */
static int
read_rows(review_run *r)
{
    const bl_doc *doc = r->lc->doc;
    size_t tr, c, h;

    for (tr = 0; tr < doc->blocks.n; tr++) {
        const bl_block *x = &doc->blocks.items[tr];
        agenda_item it;
        int first = -1;
        if (x->type != BL_BLOCK_TR || x->section < 0
            || !bl_section_is_within(doc, x->section, r->agenda)
            || (x->flags & BL_IN_QUOTE)
            || doc->blocks.items[x->parent].type != BL_BLOCK_TBODY)
            continue;
        memset(&it, 0, sizeof it);
        it.minutes = -2;
        for (c = tr + 1; c < doc->blocks.n
             && doc->blocks.items[c].parent == (int)tr; c++) {
            int u = r->unit_of[c];
            if (u < 0)
                continue;
            if (first < 0)
                first = u;
            r->in_item[u] = 1;
            time_unit(r, u, &it);
            if (it.minutes != -2)
                continue;
            /* A cell under a Time column with something in it. */
            for (h = (size_t)x->parent; h > 0 && h-- > 0;) {
                const bl_block *hc = &doc->blocks.items[h];
                if (hc->type == BL_BLOCK_TABLE)
                    break;
                if (hc->type == BL_BLOCK_TH
                    && hc->col == doc->blocks.items[c].col
                    && r->unit_of[h] >= 0) {
                    size_t hn, cn;
                    const char *ht = bl_unit_text(
                        doc, &doc->units.items[r->unit_of[h]], &hn);
                    const char *ct = bl_unit_text(doc, &doc->units.items[u],
                                                  &cn);
                    size_t k;
                    int digits = 0;
                    for (k = 0; k < cn; k++)
                        digits |= ct[k] >= '0' && ct[k] <= '9';
                    if (digits && matches(r->sh, r->sh->time_col, ht, hn)) {
                        /* "10" under "Minutes" */
                        it.minutes = tenths(ct, 0, cn) / 10;
                        if (it.minutes <= 0)
                            it.minutes = -1;
                    }
                    break;
                }
            }
        }
        if (first < 0)
            continue;
        {
            size_t n;
            const char *t = bl_unit_text(doc, &doc->units.items[first], &n);
            it.is_total = is_total(t, n);
        }
        unit_span(doc, first, &it.begin, &it.end);
        if (BL_VEC_PUSH(&r->items, it) < 0)
            return -1;
    }
    return 0;
}

/* Reads the agenda's items into r->items. */
static int
read_agenda(review_run *r)
{
    bl_lint_ctx *lc = r->lc;
    const bl_doc *doc = lc->doc;
    size_t si, b;
    int subsections = 0, numbered = 0;

    r->agenda = -1;
    for (si = 0; si < doc->sections.n && r->agenda < 0; si++) {
        int p = doc->sections.items[si].parent;
        if (bl_lint_section_within(lc, (int)si, "agenda") == (int)si
            && !lc->is_part[si]
            && !(p >= 0 && bl_lint_section_within(lc, p, "agenda") >= 0))
            r->agenda = (int)si;
    }
    if (r->agenda < 0)
        return 0;
    for (si = (size_t)r->agenda + 1; si < doc->sections.n
         && bl_section_is_within(doc, (int)si, r->agenda); si++)
        if (doc->sections.items[si].parent == r->agenda
            && doc->sections.items[si].title_unit >= 0)
            subsections++;
    if (subsections > 0) {
        /* "### 1. Timeline (15 min)": each subsection is an item, timed
         * in its title or its text. */
        for (si = (size_t)r->agenda + 1; si < doc->sections.n
             && bl_section_is_within(doc, (int)si, r->agenda); si++) {
            const bl_section *s = &doc->sections.items[si];
            agenda_item it;
            size_t u;
            if (s->parent != r->agenda || s->title_unit < 0)
                continue;
            memset(&it, 0, sizeof it);
            it.minutes = -2;
            for (u = 0; u < doc->units.n; u++)
                if (doc->units.items[u].section >= 0
                    && bl_section_is_within(doc, doc->units.items[u].section,
                                            (int)si)
                    && !(doc->units.items[u].flags & BL_UNIT_QUOTE)) {
                    r->in_item[u] = 1;
                    time_unit(r, (int)u, &it);
                }
            {
                size_t n;
                const char *t = bl_unit_text(
                    doc, &doc->units.items[s->title_unit], &n);
                it.is_total = is_total(t, n);
            }
            unit_span(doc, s->title_unit, &it.begin, &it.end);
            if (BL_VEC_PUSH(&r->items, it) < 0)
                return -1;
        }
        return 0;
    }
    /* Bullets beside a numbered agenda are notes ("- Pre-read: the
     * draft"), not items. */
    for (b = 0; b < doc->blocks.n && !numbered; b++) {
        const bl_block *x = &doc->blocks.items[b];
        numbered = x->type == BL_BLOCK_LI && x->section == r->agenda
                   && (x->flags & BL_LI_ORDERED) && !(x->flags & BL_IN_QUOTE)
                   && bl_block_enclosing(doc, (int)b, BL_BLOCK_LI) < 0;
    }
    for (b = 0; b < doc->blocks.n; b++) {
        const bl_block *x = &doc->blocks.items[b];
        agenda_item it;
        int u;
        size_t n;
        const char *t;
        if (x->type != BL_BLOCK_LI || x->section != r->agenda
            || (x->flags & BL_IN_QUOTE)
            || bl_block_enclosing(doc, (int)b, BL_BLOCK_LI) >= 0
            || (numbered && !(x->flags & BL_LI_ORDERED)))
            continue;
        u = r->unit_of[b];
        if (u < 0 && b + 1 < doc->blocks.n
            && doc->blocks.items[b + 1].parent == (int)b)
            u = r->unit_of[b + 1];
        if (u < 0)
            continue;
        memset(&it, 0, sizeof it);
        it.minutes = -2;
        read_item_blocks(r, b, &it);
        t = bl_unit_text(doc, &doc->units.items[u], &n);
        it.is_total = is_total(t, n);
        if (bl_is_placeholder_text(t, n))
            it.minutes = -1;    /* a slot: placeholder/unfilled's */
        unit_span(doc, u, &it.begin, &it.end);
        if (BL_VEC_PUSH(&r->items, it) < 0)
            return -1;
    }
    return read_rows(r);
}

/* --- The rules ----------------------------------------------------------- */

static int
check_untimed(review_run *r, int rule)
{
    size_t i;

    for (i = 0; i < r->items.n; i++) {
        const agenda_item *it = &r->items.items[i];
        if (it->minutes != -2 || it->is_total)
            continue;
        if (bl_lint_report(r->lc, rule, it->begin, it->end, "This agenda "
                           "item has no timebox. Say how long it gets, "
                           "\"(10 min)\", so the facilitator can keep the "
                           "meeting on time without it being personal.",
                           NULL) < 0)
            return -1;
    }
    return 0;
}

/* The meeting's stated length in minutes, from the text outside the
 * agenda's items; -1 when it says none. */
static long
meeting_length(review_run *r)
{
    const bl_doc *doc = r->lc->doc;
    size_t u;

    if (r->sh->length == NULL)
        return -1;
    for (u = 0; u < doc->units.n; u++) {
        size_t n;
        const char *t;
        long m;
        if (r->in_item[u] || (doc->units.items[u].flags & BL_UNIT_QUOTE))
            continue;
        t = bl_unit_text(doc, &doc->units.items[u], &n);
        if (bl_regex_match(r->sh->length, t, n, 0, r->sh->md) < 0)
            continue;
        m = minutes_of(r->sh->length, r->sh->md, t);
        if (m > 0)
            return m;
    }
    return -1;
}

static int
check_over_time(review_run *r, int rule)
{
    const bl_doc *doc = r->lc->doc;
    long length, sum = 0;
    size_t i;
    const bl_block *hb;
    bl_strbuf msg = {NULL, 0, 0};
    int rc;

    if (r->agenda < 0 || (length = meeting_length(r)) <= 0)
        return 0;
    for (i = 0; i < r->items.n; i++)
        if (!r->items.items[i].is_total && r->items.items[i].minutes > 0
            && sum < MINUTES_MAX)
            sum += r->items.items[i].minutes;
    if (sum <= length)
        return 0;
    hb = &doc->blocks.items[doc->sections.items[r->agenda].heading];
    if (bl_strbuf_addf(&msg, "The agenda's timeboxes add up to %ld minutes, "
                       "more than the meeting's %ld. Shorten or drop items "
                       "so that it fits: the items cut short are the last "
                       "ones, where the action items are.", sum, length) < 0)
        return -1;
    rc = bl_lint_report(r->lc, rule, hb->begin, hb->end, msg.items, NULL);
    free(msg.items);
    return rc;
}

/* Where a finding about the whole agenda goes: the title's heading, or
 * the first line with text. */
static void
title_span(const bl_doc *doc, size_t *p_b, size_t *p_e)
{
    size_t i;

    for (i = 0; i < doc->sections.n; i++)
        if (doc->sections.items[i].title_unit >= 0) {
            const bl_block *hb =
                &doc->blocks.items[doc->sections.items[i].heading];
            *p_b = hb->begin;
            *p_e = hb->end;
            return;
        }
    *p_b = 0;
    *p_e = 0;
    for (i = 0; i < doc->units.n; i++) {
        unit_span(doc, (int)i, p_b, p_e);
        return;
    }
    *p_e = doc->len > 0 ? 1 : 0;
}

/* Reads a facilitator's value t[b, e) in unit un: 1 when it names
 * someone (or is a slot), 0 when it names nobody, reported. */
static int
facilitator_value(review_run *r, int rule, const bl_unit *un, const char *t,
                  size_t b, size_t e, size_t lb, size_t le)
{
    const bl_doc *doc = r->lc->doc;
    bl_strbuf msg = {NULL, 0, 0};
    size_t sb, se;
    int rc;

    while (b < e && (t[b] == ' ' || t[b] == '\t'))
        b++;
    while (e > b && strchr(" \t.,", t[e - 1]) != NULL)
        e--;
    if (e > b && ((e - b >= 2 && t[b] == '{' && t[b + 1] == '{')
                  || t[b] == '<' || t[b] == BL_PLACEHOLDER
                  || bl_is_bracket_slot(t + b, e - b)
                  || !matches(r->sh, r->sh->nobody, t + b, e - b)))
        return 1;
    if (e > b) {
        sb = bl_unit_to_source(doc, un, b, 0);
        se = bl_unit_to_source(doc, un, e, 1);
        rc = bl_strbuf_addf(&msg, "The facilitator is \"%.*s\", which names "
                            "nobody. Name who runs the meeting, ideally "
                            "someone who was not involved in the incident.",
                            (int)(e - b > 40 ? 40 : e - b), t + b);
    } else {
        sb = bl_unit_to_source(doc, un, lb, 0);
        se = bl_unit_to_source(doc, un, le, 1);
        rc = bl_strbuf_addf(&msg, "The facilitator is left empty. Name who "
                            "runs the meeting, ideally someone who was not "
                            "involved in the incident.");
    }
    if (rc < 0)
        return -1;
    rc = bl_lint_report(r->lc, rule, sb, se > sb ? se : sb + 1, msg.items,
                        NULL);
    free(msg.items);
    if (rc < 0 || bl_lint_explain_placeholder(r->lc, rule, sb, se) < 0)
        return -1;
    return 0;
}

static int
check_facilitator(review_run *r, int rule)
{
    const bl_doc *doc = r->lc->doc;
    review_shared *sh = r->sh;
    size_t u, b, e;
    int named = 0, said = 0;

    if (sh->facilitator == NULL)
        return 0;
    for (u = 0; u < doc->units.n && !named; u++) {
        const bl_unit *un = &doc->units.items[u];
        size_t n, vb, ve;
        const char *t = bl_unit_text(doc, un, &n);
        int rc;
        if (un->flags & BL_UNIT_QUOTE)
            continue;
        if ((un->flags & BL_UNIT_CELL) && un->block >= 0
            && matches(sh, sh->facilitator_cell, t, n)) {
            /* "| Facilitator | Dana |": the next cell holds the name. */
            const bl_block *cell = &doc->blocks.items[un->block];
            size_t c = (size_t)un->block + 1;
            int cu;
            if (cell->type != BL_BLOCK_TD)
                continue;
            if (c >= doc->blocks.n || doc->blocks.items[c].parent
                != cell->parent || (cu = r->unit_of[c]) < 0) {
                rc = facilitator_value(r, rule, un, t, n, n, 0, n);
            } else {
                size_t cn;
                const char *ct = bl_unit_text(doc, &doc->units.items[cu],
                                              &cn);
                rc = facilitator_value(r, rule, &doc->units.items[cu], ct,
                                       0, cn, 0, cn);
            }
            if (rc < 0)
                return -1;
            named |= rc;
            said |= rc == 0;
            continue;
        }
        if (bl_regex_match(sh->facilitator, t, n, 0, sh->md) < 0)
            continue;
        vb = ve = pcre2_get_ovector_pointer(sh->md)[1];
        b = pcre2_get_ovector_pointer(sh->md)[0];
        e = vb;
        group_span(sh->facilitator, sh->md, "value", &vb, &ve);
        if ((rc = facilitator_value(r, rule, un, t, vb, ve, b, e)) < 0)
            return -1;
        named |= rc;
        said |= rc == 0;
    }
    if (named || said)
        return 0;
    title_span(doc, &b, &e);
    return bl_lint_report(r->lc, rule, b, e, "The agenda names no "
                          "facilitator. Name who runs the meeting "
                          "(\"Facilitator: Priya Nair\"), ideally someone "
                          "who was not involved in the incident.", NULL);
}

static int
check_tracking(review_run *r, int rule)
{
    bl_lint_ctx *lc = r->lc;
    const bl_doc *doc = lc->doc;
    review_shared *sh = r->sh;
    size_t u, k, b, e;
    int any = 0, where = 0, owner = 0, due = 0, section = -1;
    bl_strbuf msg = {NULL, 0, 0};
    int rc;

    if (sh->actions == NULL)
        return 0;
    for (u = 0; u < doc->sections.n && section < 0; u++)
        if (bl_lint_section_within(lc, (int)u, "actions") == (int)u)
            section = (int)u;
    for (u = 0; u < doc->units.n; u++) {
        const bl_unit *un = &doc->units.items[u];
        size_t n;
        const char *t = bl_unit_text(doc, un, &n);
        if ((un->flags & BL_UNIT_QUOTE)
            || !((un->section >= 0
                  && bl_lint_section_within(lc, un->section, "actions") >= 0
                  && !(un->flags & BL_UNIT_HEADING))
                 || matches(sh, sh->actions, t, n)))
            continue;
        any = 1;
        where |= matches(sh, sh->where, t, n);
        owner |= matches(sh, sh->owner, t, n);
        due |= matches(sh, sh->due, t, n);
        /* A link in it: to the tracker. */
        for (k = 0; k < doc->links.n && !where; k++) {
            size_t lb = doc->links.items[k].begin;
            where = lb >= bl_unit_to_source(doc, un, 0, 0)
                    && lb < bl_unit_to_source(doc, un, n, 1);
        }
    }
    if (any && where && owner && due)
        return 0;
    if (section >= 0) {
        const bl_block *hb =
            &doc->blocks.items[doc->sections.items[section].heading];
        b = hb->begin;
        e = hb->end;
    } else {
        title_span(doc, &b, &e);
    }
    if (!any)
        rc = bl_strbuf_addf(&msg, "The agenda does not say how action items "
                            "are tracked. Say where they are filed, that "
                            "each gets an owner, and that each gets a due "
                            "date before the meeting ends.");
    else {
        const char *missing[3];
        size_t m = 0;
        if (!where)
            missing[m++] = "where they are filed";
        if (!owner)
            missing[m++] = "that each gets an owner";
        if (!due)
            missing[m++] = "that each gets a due date";
        rc = bl_strbuf_addf(&msg, "The agenda does not say how action items "
                            "are tracked: add %s%s%s%s%s.", missing[0],
                            m > 2 ? ", " : m > 1 ? " and " : "",
                            m > 1 ? missing[1] : "", m > 2 ? " and " : "",
                            m > 2 ? missing[2] : "");
    }
    if (rc < 0)
        return -1;
    rc = bl_lint_report(lc, rule, b, e, msg.items, NULL);
    free(msg.items);
    return rc;
}

/* Does re match some unit of the document (block quotes aside)? */
static int
says_anywhere(review_run *r, bl_regex *re)
{
    const bl_doc *doc = r->lc->doc;
    size_t u;

    for (u = 0; u < doc->units.n; u++) {
        size_t n;
        const char *t = bl_unit_text(doc, &doc->units.items[u], &n);
        if (!(doc->units.items[u].flags & BL_UNIT_QUOTE)
            && matches(r->sh, re, t, n))
            return 1;
    }
    return 0;
}

static int
check_question(review_run *r, int rule)
{
    const bl_doc *doc = r->lc->doc;
    size_t b, e;

    if (r->sh->question == NULL || says_anywhere(r, r->sh->question))
        return 0;
    if (r->agenda >= 0) {
        const bl_block *hb =
            &doc->blocks.items[doc->sections.items[r->agenda].heading];
        b = hb->begin;
        e = hb->end;
    } else {
        title_span(doc, &b, &e);
    }
    return bl_lint_report(r->lc, rule, b, e, "The agenda never asks about "
                          "the response itself. Add an item such as \"What "
                          "would we do differently in the response?\" (paging, "
                          "who joined, the runbook, how customers were "
                          "told).", NULL);
}

static int
check_blameless(review_run *r, int rule)
{
    bl_lint_ctx *lc = r->lc;
    const bl_doc *doc = lc->doc;
    size_t si;

    if (r->sh->blameless == NULL || says_anywhere(r, r->sh->blameless))
        return 0;
    for (si = 0; si < doc->sections.n; si++) {
        int p = doc->sections.items[si].parent;
        const bl_block *hb;
        if (bl_lint_section_within(lc, (int)si, "ground-rules") != (int)si
            || (p >= 0 && bl_lint_section_within(lc, p, "ground-rules") >= 0)
            || !bl_lint_section_has_content(lc, (int)si))
            continue;
        hb = &doc->blocks.items[doc->sections.items[si].heading];
        if (bl_lint_report(lc, rule, hb->begin, hb->end, "The ground rules "
                           "do not say the review is blameless. Add it, and "
                           "read it out at the start: \"This review is "
                           "blameless: we focus on systems, not people.\"",
                           NULL) < 0)
            return -1;
    }
    return 0;
}

/* --- The check ----------------------------------------------------------- */

int
bl_check_review(bl_lint_ctx *lc, int rule)
{
    const char *id = lc->rules->rules.items[rule].info.id;
    review_run r;
    int rc = 0;

    if (bl_lint_structure(lc) < 0)
        return -1;
    if (!lc->is_profile_doc
        || bl_heading_index(lc->rules, lc->profile, "agenda") < 0)
        return 0;
    memset(&r, 0, sizeof r);
    r.lc = lc;
    if ((r.sh = shared_get(lc->rules)) == NULL
        || (r.unit_of = bl_doc_units_by_block(lc->doc)) == NULL
        || (r.in_item = calloc(lc->doc->units.n + 1, sizeof *r.in_item))
           == NULL) {
        free(r.unit_of);
        return -1;
    }
    if (read_agenda(&r) < 0)
        rc = -1;
    else if (strcmp(id, "review/untimed-item") == 0)
        rc = check_untimed(&r, rule);
    else if (strcmp(id, "review/over-time") == 0)
        rc = check_over_time(&r, rule);
    else if (strcmp(id, "review/no-facilitator") == 0)
        rc = check_facilitator(&r, rule);
    else if (strcmp(id, "review/untracked-actions") == 0)
        rc = check_tracking(&r, rule);
    else if (strcmp(id, "review/no-response-question") == 0)
        rc = check_question(&r, rule);
    else if (strcmp(id, "review/ground-rules-not-blameless") == 0)
        rc = check_blameless(&r, rule);
    free(r.items.items);
    free(r.in_item);
    free(r.unit_of);
    return rc;
}
