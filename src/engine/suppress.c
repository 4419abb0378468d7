/*
 * suppress.c: inline suppressions, the comments with which a team says a
 * finding does not apply here.
 *
 *   <!-- blamelint-disable [RULE...] -->        until a matching enable
 *   <!-- blamelint-enable [RULE...] -->
 *   <!-- blamelint-disable-line [RULE...] -->   its own line
 *   <!-- blamelint-disable-next-line [RULE...] -->
 *   <!-- blamelint-disable-file [RULE...] -->   the whole document
 *
 * RULE is a rule id or a family ("blame/" then "*"); none means every
 * rule.  Rules may be separated by spaces or commas, and ": reason" after
 * them is for the reader (not "-- reason": md4c, like CommonMark before
 * 0.31, does not take a comment holding "--" for a comment).  Only comments md4c read as HTML count, so the
 * same text in a code block or a code span suppresses nothing.
 *
 * Suppressions are applied when a lint run has every finding: a finding
 * whose first byte a suppression covers is dropped, and a suppression
 * (or one rule of it) that dropped nothing is reported as
 * suppression/unused, on the comment.  Unused means stale: the text it was
 * written for has changed, and it now waits to hide a finding nobody has
 * seen.  A rule that is off does not make its suppressions unused: a team
 * that turns a rule off in one place keeps the comments of another.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint.h"
#include "vec.h"

/* A document rarely holds more than a handful; a hostile one may hold
 * millions, and each finding is checked against each comment. */
#define SUP_MAX_COMMENTS 1000
#define SUP_MAX_RULES 16

typedef enum {
    SUP_DISABLE, SUP_ENABLE, SUP_LINE, SUP_NEXT_LINE, SUP_FILE
} sup_kind;

typedef struct sup_comment {
    sup_kind kind;
    size_t begin, end;          /* the comment, "<!--" to "-->" */
    size_t line;                /* the line it applies to (LINE, NEXT_LINE) */
    size_t nrules;              /* 0: every rule */
    struct {
        size_t b, n;            /* the rule as written, in the source */
        int used;
    } rules[SUP_MAX_RULES];
    int used;                   /* with no rules: dropped a finding */
} sup_comment;

static const struct {
    const char *word;
    sup_kind kind;
} kinds[] = {
    /* Longest first: "disable" is a prefix of the others. */
    {"blamelint-disable-next-line", SUP_NEXT_LINE},
    {"blamelint-disable-line", SUP_LINE},
    {"blamelint-disable-file", SUP_FILE},
    {"blamelint-disable", SUP_DISABLE},
    {"blamelint-enable", SUP_ENABLE},
};

/* Reads the comment at src[b] ("<!--" already seen) ending at e (after
 * "-->") into c; 0 when it is no blamelint comment. */
static int
read_comment(const bl_doc *doc, size_t b, size_t e, sup_comment *c)
{
    const char *s = doc->src;
    size_t i = b + 4, end = e - 3, k, wl = 0;

    while (i < end && bl_is_blank(s[i]))
        i++;
    for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        wl = strlen(kinds[k].word);
        if (end - i >= wl && memcmp(s + i, kinds[k].word, wl) == 0
            && (i + wl == end || bl_is_blank(s[i + wl]) || s[i + wl] == ':'))
            break;
    }
    if (k == sizeof kinds / sizeof kinds[0])
        return 0;
    memset(c, 0, sizeof *c);
    c->kind = kinds[k].kind;
    c->begin = b;
    c->end = e;
    if (c->kind == SUP_LINE)
        c->line = bl_doc_line_of(doc, b);
    else if (c->kind == SUP_NEXT_LINE)
        c->line = bl_doc_line_of(doc, e - 1) + 1;
    for (i += wl; i < end;) {
        size_t rb;
        /* ">" too: a comment inside a block quote carries its markers */
        while (i < end && (bl_is_blank(s[i]) || s[i] == ',' || s[i] == '>'))
            i++;
        if (i < end && s[i] == ':')
            break;          /* ": the reason" */
        rb = i;
        while (i < end && !bl_is_blank(s[i]) && s[i] != ',' && s[i] != ':'
               && s[i] != '>')
            i++;
        if (i > rb && c->nrules < SUP_MAX_RULES) {
            c->rules[c->nrules].b = rb;
            c->rules[c->nrules].n = i - rb;
            c->nrules++;
        }
    }
    return 1;
}

/* The blamelint comments of doc, in source order.  A comment counts only
 * when both its "<!--" and its "-->" are in what md4c read as HTML; each
 * byte is looked at a bounded number of times, whatever the text. */
static int
find_comments(const bl_doc *doc, sup_comment **p_list, size_t *p_n)
{
    struct { sup_comment *items; size_t n, alloc; } list = {NULL, 0, 0};
    const char *s = doc->src;
    size_t r = 0, i = doc->html.n ? doc->html.items[0].begin : 0;

    while (r < doc->html.n && list.n < SUP_MAX_COMMENTS) {
        const bl_html_range *h = &doc->html.items[r];
        const char *open, *close;
        long cr;
        sup_comment c;
        if (i < h->begin)
            i = h->begin;
        open = i < h->end ? memchr(s + i, '<', h->end - i) : NULL;
        if (open == NULL || (size_t)(open - s) + 4 > h->end) {
            r++;
            continue;
        }
        i = (size_t)(open - s);
        if (memcmp(open, "<!--", 4) != 0) {
            i++;
            continue;
        }
        /* Its end: the first "-->" after it, in this range or a later one
         * (an inline comment may run over lines). */
        close = NULL;
        for (cr = (long)r; close == NULL && (size_t)cr < doc->html.n; cr++) {
            const bl_html_range *g = &doc->html.items[cr];
            size_t k = (size_t)cr == r ? i + 4 : g->begin;
            for (; k + 3 <= g->end; k++)
                if (s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '>') {
                    close = s + k;
                    break;
                }
            if (close != NULL)
                break;
        }
        if (close == NULL)
            break;      /* unclosed: no comment ends after this */
        if (read_comment(doc, i, (size_t)(close - s) + 3, &c)
            && BL_VEC_PUSH(&list, c) < 0) {
            BL_VEC_FREE(&list);
            return -1;
        }
        i = (size_t)(close - s) + 3;
        r = (size_t)cr;
    }
    *p_list = list.items;
    *p_n = list.n;
    return 0;
}


/* Does comment c name rule id?  Marks what matched as used when mark. */
static int
names_rule(const bl_doc *doc, sup_comment *c, const char *id, int mark)
{
    size_t k;
    int hit = 0;

    if (c->nrules == 0) {
        if (mark)
            c->used = 1;
        return 1;
    }
    for (k = 0; k < c->nrules; k++) {
        if (bl_rule_selects(doc->src + c->rules[k].b, c->rules[k].n, id)) {
            if (mark)
                c->rules[k].used = 1;
            hit = 1;
        }
    }
    return hit;
}

/* Is finding d suppressed?  Marks the comments that suppress it. */
static int
is_suppressed(const bl_doc *doc, sup_comment *cs, size_t n, const bl_diag *d)
{
    size_t line = bl_doc_line_of(doc, d->begin), k;
    const char *id = d->rule->id;
    int hit = 0;
    long open = -1;     /* the disable in force, or -1 */

    for (k = 0; k < n; k++) {
        sup_comment *c = &cs[k];
        switch (c->kind) {
        case SUP_FILE:
            hit |= names_rule(doc, c, id, 1);
            break;
        case SUP_LINE: case SUP_NEXT_LINE:
            if (c->line == line)
                hit |= names_rule(doc, c, id, 1);
            break;
        case SUP_DISABLE:
            if (c->end <= d->begin && names_rule(doc, c, id, 0))
                open = (long)k;
            break;
        case SUP_ENABLE:
            if (c->end <= d->begin && names_rule(doc, c, id, 0))
                open = -1;
            break;
        }
    }
    if (open >= 0) {
        names_rule(doc, &cs[open], id, 1);
        hit = 1;
    }
    return hit;
}

/* Is any rule the pattern names enabled?  (An unknown name counts as
 * enabled, so that a misspelt one is reported.) */
static int
names_enabled_rule(const bl_rules *rules, const char *p, size_t n,
                   int *p_known)
{
    size_t i;
    int enabled = 0;

    *p_known = 0;
    for (i = 0; i < rules->rules.n; i++) {
        if (!bl_rule_selects(p, n, rules->rules.items[i].info.id))
            continue;
        *p_known = 1;
        enabled |= rules->rules.items[i].info.severity != BL_SEV_OFF;
    }
    return enabled || !*p_known;
}

static const char *
kind_word(sup_kind k)
{
    size_t i;

    for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (kinds[i].kind == k)
            return kinds[i].word;
    return "blamelint";
}

static int
report_unused(bl_lint_ctx *lc, int rule, const sup_comment *c)
{
    const bl_doc *doc = lc->doc;
    bl_strbuf msg = {NULL, 0, 0};
    size_t k;
    int rc = 0;

    if (c->kind == SUP_ENABLE)
        return 0;
    if (c->nrules == 0 && !c->used) {
        rc = bl_strbuf_addf(&msg, "This %s comment suppresses nothing: no "
                            "finding %s. Remove it, or it waits to hide a "
                            "finding nobody has seen.", kind_word(c->kind),
                            c->kind == SUP_LINE ? "on its line"
                            : c->kind == SUP_NEXT_LINE ? "on the next line"
                            : c->kind == SUP_FILE ? "in this document"
                            : "until the next blamelint-enable");
        if (rc == 0)
            rc = bl_lint_report(lc, rule, c->begin, c->end, msg.items, NULL);
        free(msg.items);
        return rc;
    }
    for (k = 0; k < c->nrules && rc == 0; k++) {
        const char *p = doc->src + c->rules[k].b;
        size_t n = c->rules[k].n;
        int known;
        if (c->rules[k].used
            || !names_enabled_rule(lc->rules, p, n, &known))
            continue;
        msg.n = 0;
        if (!known)
            rc = bl_strbuf_addf(&msg, "\"%.*s\" names no rule, so this %s "
                                "comment suppresses nothing. `blamelint "
                                "rules` lists the rule ids; a family is "
                                "written \"blame/*\".", (int)n, p,
                                kind_word(c->kind));
        else
            rc = bl_strbuf_addf(&msg, "This %s comment suppresses no %.*s "
                                "finding: there is none %s. Remove %.*s "
                                "from it, or it waits to hide a finding "
                                "nobody has seen.", kind_word(c->kind),
                                (int)n, p,
                                c->kind == SUP_LINE ? "on its line"
                                : c->kind == SUP_NEXT_LINE ? "on the next line"
                                : c->kind == SUP_FILE ? "in this document"
                                : "until the next blamelint-enable",
                                (int)n, p);
        if (rc == 0)
            rc = bl_lint_report(lc, rule, c->begin, c->end, msg.items, NULL);
    }
    free(msg.items);
    return rc;
}

int
bl_check_suppressions(bl_lint_ctx *lc, int rule)
{
    (void)lc;
    (void)rule;
    return 0;   /* bl_suppress_apply does the work, once all have run */
}

int
bl_suppress_apply(bl_lint_ctx *lc, size_t first)
{
    const bl_doc *doc = lc->doc;
    bl_diags *out = lc->out;
    sup_comment *cs = NULL;
    size_t n = 0, i, kept = first;
    int unused = bl_rule_index(lc->rules, "suppression/unused"), rc = 0;

    if (doc->html.n == 0)
        return 0;
    if (find_comments(doc, &cs, &n) < 0)
        return -1;
    if (n == 0)
        return 0;
    for (i = first; i < out->n; i++) {
        if (is_suppressed(doc, cs, n, &out->items[i])) {
            free(out->items[i].message);
            free(out->items[i].fix);
            continue;
        }
        out->items[kept++] = out->items[i];
    }
    out->n = kept;
    if (unused >= 0
        && lc->rules->rules.items[unused].info.severity != BL_SEV_OFF) {
        int quiet = 0;      /* a disable-file of suppression/unused */
        for (i = 0; i < n; i++)
            if (cs[i].kind == SUP_FILE)
                quiet |= names_rule(doc, &cs[i], "suppression/unused", 1);
        for (i = 0; i < n && rc == 0 && !quiet; i++)
            rc = report_unused(lc, unused, &cs[i]);
    }
    free(cs);
    return rc;
}
