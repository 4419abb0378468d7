/*
 * blame_tables.c: blame/responsible-column, a table that gives each cause
 * a person.
 *
 * The blame here is in the layout, not in any sentence: "| Skipped the
 * staged rollout | Jake Miller |" under "| Contributing factor |
 * Responsible |" has no verb a pattern could catch.  So the check reads
 * tables by their header cells.  A column headed "At fault" or "Culprit"
 * blames whatever it holds.  One headed "Responsible", "Who" or "Caused
 * by" blames only beside a column of causes, without a column of work
 * (Follow-up, Fix, Due: the table then assigns work, and "Responsible"
 * means owner), and only when a cell names a person: teams and systems
 * in such a column are where a fix will land, not someone to blame.
 * Which headers and cells are which is data: the BLAME-COLUMN* and
 * FACTOR-COLUMN Defines of rules/blame-responsible-column.rules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint.h"

typedef struct tables_run {
    bl_lint_ctx *lc;
    int rule;
    int *unit_of;                   /* per block: its first unit, or -1 */
    pcre2_match_data *md;
    bl_regex *outright, *blame_col, *factor_col, *work_col, *person, *group;
} tables_run;

/* Does re match all of t[0..n)?  The Defines are anchored with ^ and $. */
static int
matches(tables_run *r, bl_regex *re, const char *t, size_t n)
{
    return re != NULL && n > 0 && bl_regex_match(re, t, n, 0, r->md) >= 0;
}

/* A header cell's words without what does not name the column: spaces
 * around, a trailing colon, a parenthesised note ("Responsible (who)").
 * Sets *p_n to the length of what is left of t. */
static const char *
header_words(const char *t, size_t *p_n)
{
    size_t n = *p_n;

    while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == ':'))
        n--;
    if (n > 0 && t[n - 1] == ')') {
        size_t k = n - 1;
        while (k > 0 && t[k] != '(')
            k--;
        if (t[k] == '(')
            n = k;
        while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == ':'))
            n--;
    }
    while (n > 0 && *t == ' ') {
        t++;
        n--;
    }
    *p_n = n;
    return t;
}

/* The text of block b's first unit, or NULL when it has none. */
static const char *
cell_text(const tables_run *r, size_t b, size_t *p_n)
{
    int u = r->unit_of[b];

    if (u < 0)
        return NULL;
    return bl_unit_text(r->lc->doc, &r->lc->doc->units.items[u], p_n);
}

/* Does one part of a cell, t[0..n), name a person: a handle, a role, or
 * a first and last name?  Words of a group ("Platform Team", "QA") never
 * do.  A first name alone is not enough: lint.c learns the capitalised
 * words of a Responsible or Who column as names, so the document cannot
 * tell "Mei" from "Payments" there. */
static int
part_is_person(tables_run *r, const char *t, size_t n)
{
    while (n > 0 && (*t == ' ' || *t == '*' || *t == '_')) {
        t++;
        n--;
    }
    while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '.' || t[n - 1] == '*'
                     || t[n - 1] == '_'))
        n--;
    return n > 0 && n <= 80 && !bl_is_placeholder_text(t, n)
           && !matches(r, r->group, t, n) && matches(r, r->person, t, n);
}

/* Does a cell name a person in one of its parts: "Jake Miller / QA",
 * "@kofi, @mei", "Tomás and the reviewer"? */
static int
cell_names_person(tables_run *r, const char *t, size_t n)
{
    size_t b = 0, i;

    for (i = 0; i <= n; i++) {
        size_t skip = 0;
        if (i == n || t[i] == '/' || t[i] == ',' || t[i] == ';'
            || t[i] == '&' || t[i] == '+')
            skip = 1;
        else if (i + 5 <= n && memcmp(t + i, " and ", 5) == 0)
            skip = 5;
        if (skip == 0)
            continue;
        if (part_is_person(r, t + b, i - b))
            return 1;
        b = i + skip;
        i = b - 1;
    }
    return 0;
}

/* The first body cell of column col in table t that names a person, or
 * -1. */
static int
person_in_column(tables_run *r, size_t t, int col)
{
    const bl_doc *doc = r->lc->doc;
    size_t b, n;

    for (b = t + 1; b < doc->blocks.n && bl_block_is_inside(doc, (int)b,
                                                             (int)t); b++) {
        const bl_block *c = &doc->blocks.items[b];
        const char *s;
        if (c->type != BL_BLOCK_TD || c->col != col)
            continue;
        if ((s = cell_text(r, b, &n)) != NULL && cell_names_person(r, s, n))
            return (int)b;
    }
    return -1;
}

/* Does column col of table t hold anything but placeholders? */
static int
column_is_filled(tables_run *r, size_t t, int col)
{
    const bl_doc *doc = r->lc->doc;
    size_t b, n;

    for (b = t + 1; b < doc->blocks.n && bl_block_is_inside(doc, (int)b,
                                                             (int)t); b++) {
        const bl_block *c = &doc->blocks.items[b];
        const char *s;
        if (c->type == BL_BLOCK_TD && c->col == col
            && (s = cell_text(r, b, &n)) != NULL && n > 0
            && !bl_is_placeholder_text(s, n))
            return 1;
    }
    return 0;
}

/* Quotes up to 40 bytes of t[0..n), cut at a character boundary. */
static int
quote(char *out, size_t size, const char *t, size_t n)
{
    if (n > 40) {
        n = 40;
        while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
            n--;
    }
    return snprintf(out, size, "%.*s%s", (int)n, t, n < 40 ? "" : "...");
}

/* Reads table t by its header cells and reports its blaming column. */
static int
check_table(tables_run *r, size_t t)
{
    const bl_doc *doc = r->lc->doc;
    int outright = -1, blame = -1, has_factor = 0, has_work = 0, who;
    size_t b, n;
    char head[64], name[64], msg[512];
    const char *s;

    if (doc->blocks.items[t].flags & BL_IN_QUOTE)
        return 0;   /* a quoted table is someone else's */
    for (b = t + 1; b < doc->blocks.n && bl_block_is_inside(doc, (int)b,
                                                             (int)t); b++) {
        if (doc->blocks.items[b].type != BL_BLOCK_TH
            || (s = cell_text(r, b, &n)) == NULL)
            continue;
        s = header_words(s, &n);
        if (outright < 0 && matches(r, r->outright, s, n))
            outright = (int)b;
        else if (blame < 0 && matches(r, r->blame_col, s, n))
            blame = (int)b;
        else if (matches(r, r->factor_col, s, n))
            has_factor = 1;
        else if (matches(r, r->work_col, s, n))
            has_work = 1;
    }
    if (outright >= 0
        && column_is_filled(r, t, doc->blocks.items[outright].col)) {
        s = header_words(cell_text(r, (size_t)outright, &n), &n);
        quote(head, sizeof head, s, n);
        snprintf(msg, sizeof msg, "A column headed \"%s\" turns this table "
                 "into a list of who is to blame. Describe what made each "
                 "outcome possible instead, and give people follow-up "
                 "work, with owners, in Action Items.", head);
        return bl_lint_report(r->lc, r->rule,
                              doc->blocks.items[outright].begin,
                              doc->blocks.items[outright].end, msg, NULL);
    }
    if (blame < 0 || !has_factor || has_work
        || (who = person_in_column(r, t, doc->blocks.items[blame].col)) < 0)
        return 0;
    s = header_words(cell_text(r, (size_t)blame, &n), &n);
    quote(head, sizeof head, s, n);
    s = cell_text(r, (size_t)who, &n);
    quote(name, sizeof name, s, n);
    snprintf(msg, sizeof msg, "The \"%s\" column puts a person against each "
             "contributing factor (\"%s\"), which reads as a list of who is "
             "to blame. Describe the conditions behind each factor instead, "
             "and give people follow-up work, with owners, in Action Items.",
             head, name);
    return bl_lint_report(r->lc, r->rule, doc->blocks.items[blame].begin,
                          doc->blocks.items[blame].end, msg, NULL);
}

int
bl_check_blame_tables(bl_lint_ctx *lc, int rule)
{
    const bl_doc *doc = lc->doc;
    tables_run r;
    size_t t;
    int rc = 0;

    memset(&r, 0, sizeof r);
    r.lc = lc;
    r.rule = rule;
    for (t = 0; t < doc->blocks.n; t++)
        if (doc->blocks.items[t].type == BL_BLOCK_TABLE)
            break;
    if (t == doc->blocks.n)
        return 0;   /* no table: nothing to read, nothing to compile */
    if (bl_rules_define_into(lc->rules, "BLAME-COLUMN-OUTRIGHT", 0,
                             &r.outright) < 0
        || bl_rules_define_into(lc->rules, "BLAME-COLUMN", 0, &r.blame_col) < 0
        || bl_rules_define_into(lc->rules, "FACTOR-COLUMN", 0,
                                &r.factor_col) < 0
        || bl_rules_define_into(lc->rules, "BLAME-COLUMN-WORK", 0,
                                &r.work_col) < 0
        || bl_rules_define_into(lc->rules, "BLAME-COLUMN-PERSON", 0,
                                &r.person) < 0
        || bl_rules_define_into(lc->rules, "BLAME-COLUMN-GROUP", 0,
                                &r.group) < 0
        || (r.unit_of = bl_doc_units_by_block(doc)) == NULL
        || (r.md = pcre2_match_data_create(1, NULL)) == NULL) {
        free(r.unit_of);
        return -1;
    }
    for (; t < doc->blocks.n && rc == 0; t++)
        if (doc->blocks.items[t].type == BL_BLOCK_TABLE)
            rc = check_table(&r, t);
    pcre2_match_data_free(r.md);
    free(r.unit_of);
    return rc;
}
