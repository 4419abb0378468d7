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
#include "vec.h"

typedef struct column_name {
    const char *word;       /* into the document's prose */
    size_t n;
    size_t table;           /* block index of its table */
} column_name;

typedef struct tables_run {
    bl_lint_ctx *lc;
    int rule;
    int *unit_of;                   /* per block: its first unit, or -1 */
    pcre2_match_data *md;
    bl_regex *outright, *blame_col, *factor_col, *time_col, *work_col;
    bl_regex *role, *name, *nobody, *people_col;
    /* The first words of the names in columns of people (Who, Owner), with
     * the table each came from: a name is trusted in one table when
     * another shows it is a person's. */
    struct { struct column_name *items; size_t n, alloc; } column_names;
} tables_run;

/* Does re match t[0..n)?  Most of the Defines are anchored with ^ and $,
 * BLAME-COLUMN-WORK looks for a word anywhere. */
static int
is_match(tables_run *r, bl_regex *re, const char *t, size_t n)
{
    return re != NULL && n > 0 && bl_regex_match(re, t, n, 0, r->md) >= 0;
}

static int
is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* Drops a parenthesised note at the end of t[0..*p_n) ("Responsible
 * (who)", "Jake Miller (SRE)"), and the spaces before it. */
static void
drop_note(const char *t, size_t *p_n)
{
    size_t n = *p_n, k;

    if (n == 0 || t[n - 1] != ')')
        return;
    for (k = n - 1; k > 0 && t[k] != '('; k--)
        ;
    if (t[k] != '(')
        return;
    while (k > 0 && is_space(t[k - 1]))
        k--;
    *p_n = k;
}

/* A header cell's words without what does not name the column: a leading
 * emoji or mark ("👤 Responsible"), a parenthesised note, and spaces,
 * colons, "?" and "#" at the end ("At fault?", "Ticket #").  Sets *p_n
 * to the length of what is left of t. */
static const char *
header_words(const char *t, size_t *p_n)
{
    size_t n = *p_n;

    /* Bytes that open no letter a header of these lists starts with:
     * ASCII punctuation, and symbols and emoji (U+2000 on: lead bytes
     * from 0xE2, then their continuation bytes). */
    while (n > 0 && ((unsigned char)*t >= 0xE2
                     || ((unsigned char)*t & 0xC0) == 0x80
                     || ((unsigned char)*t < 0x80 && !((*t >= 'a' && *t <= 'z')
                                                       || (*t >= 'A' && *t <= 'Z')
                                                       || *t == '@')))) {
        t++;
        n--;
    }
    while (n > 0 && (is_space(t[n - 1]) || t[n - 1] == ':' || t[n - 1] == '?'
                     || t[n - 1] == '#'))
        n--;
    drop_note(t, &n);
    while (n > 0 && (is_space(t[n - 1]) || t[n - 1] == ':'))
        n--;
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

/* Does a cell, or a part of one, t[0..n), name nobody: a placeholder,
 * "None", "N/A", "Under investigation"? */
static int
is_nobody(tables_run *r, const char *t, size_t n)
{
    return bl_is_placeholder_text(t, n) || is_match(r, r->nobody, t, n);
}

/* Is w[0..n) the first word of a name in a column of people of a table
 * other than table? */
static int
is_named_elsewhere(const tables_run *r, const char *w, size_t n, size_t table)
{
    size_t i;

    for (i = 0; i < r->column_names.n; i++) {
        const column_name *c = &r->column_names.items[i];
        if (c->table != table && c->n == n && memcmp(c->word, w, n) == 0)
            return 1;
    }
    return 0;
}

/* Does one part of a cell of table, t[0..n), name a person: an @handle or
 * a role, or a name whose first word the document shows elsewhere is a
 * person's ("Jake was paged", a timeline's Who column)?  lc->people will
 * not do: lint.c learns the capitalised words of a Responsible or Who
 * column as names, so there "Mei" and "Payments" look the same. */
static int
is_person_part(tables_run *r, size_t table, const char *t, size_t n)
{
    const bl_lint_ctx *lc = r->lc;
    size_t k;

    while (n > 0 && (is_space(*t) || *t == '*' || *t == '_')) {
        t++;
        n--;
    }
    while (n > 0 && (is_space(t[n - 1]) || t[n - 1] == '*' || t[n - 1] == '_'))
        n--;
    drop_note(t, &n);
    /* No name or role runs longer: a part this long is a sentence, and
     * not worth a regex try. */
    if (n == 0 || n > 80 || is_nobody(r, t, n))
        return 0;
    if (is_match(r, r->role, t, n))
        return 1;
    if (!is_match(r, r->name, t, n))
        return 0;
    for (k = 0; k < n && !is_space(t[k]); k++)
        ;
    return bl_strset_has(&lc->prose_people, t, k)
           || bl_strset_has(&lc->rules->people, t, k)
           || is_named_elsewhere(r, t, k, table);
}

/* How many bytes of a separator between two people start at t[i], or 0:
 * "/", ",", ";", "&", "+", " and ", and a dash between spaces ("Jake
 * Miller — on call that night"). */
static size_t
separator_at(const char *t, size_t n, size_t i)
{
    if (t[i] == '/' || t[i] == ',' || t[i] == ';' || t[i] == '&'
        || t[i] == '+')
        return 1;
    if (i + 5 <= n && memcmp(t + i, " and ", 5) == 0)
        return 5;
    if (i + 3 <= n && memcmp(t + i, " - ", 3) == 0)
        return 3;
    if (i + 5 <= n && (memcmp(t + i, " \xe2\x80\x94 ", 5) == 0     /* — */
                       || memcmp(t + i, " \xe2\x80\x93 ", 5) == 0))  /* – */
        return 5;
    return 0;
}

/* The next part of a cell t[0..n), from *p_pos: sets [*p_b, *p_e) to it
 * and *p_pos past its separator; 0 when there is none left. */
static int
next_part(const char *t, size_t n, size_t *p_pos, size_t *p_b, size_t *p_e)
{
    size_t i = *p_pos, skip = 1;

    if (i > n)
        return 0;
    while (i < n && (skip = separator_at(t, n, i)) == 0)
        i++;
    if (i == n)
        skip = 1;
    *p_b = *p_pos;
    *p_e = i;
    *p_pos = i + skip;
    return 1;
}

/* Does a cell name a person in one of its parts: "Jake Miller / QA",
 * "@kofi, @mei", "Tomás and the reviewer"? */
static int
is_person_cell(tables_run *r, size_t table, const char *t, size_t n)
{
    size_t pos = 0, b, e;

    while (next_part(t, n, &pos, &b, &e))
        if (is_person_part(r, table, t + b, e - b))
            return 1;
    return 0;
}

/* What a body cell of a column is looked for. */
typedef enum cell_wanted {
    CELL_PERSON,        /* one that names a person */
    CELL_ANYONE         /* one that is no placeholder and not "None" */
} cell_wanted;

/* The first body cell of column col in table t that is what is wanted,
 * or -1. */
static int
find_in_column(tables_run *r, size_t t, int col, cell_wanted wanted)
{
    const bl_doc *doc = r->lc->doc;
    size_t b, n;

    for (b = t + 1; b < doc->blocks.n && bl_block_is_inside(doc, (int)b,
                                                             (int)t); b++) {
        const bl_block *c = &doc->blocks.items[b];
        const char *s;
        if (c->type != BL_BLOCK_TD || c->col != col
            || (s = cell_text(r, b, &n)) == NULL)
            continue;
        if (wanted == CELL_PERSON ? is_person_cell(r, t, s, n)
                                  : n > 0 && !is_nobody(r, s, n))
            return (int)b;
    }
    return -1;
}

/* Quotes t[0..n) into out, cut to at most 40 bytes at a character
 * boundary, with "..." when it was cut. */
static void
quote(char *out, size_t size, const char *t, size_t n)
{
    int cut = n > 40;

    if (cut) {
        n = 40;
        while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
            n--;
    }
    snprintf(out, size, "%.*s%s", (int)n, t, cut ? "..." : "");
}

/* What the header cells of a table say its columns are; read once per
 * table, since most tables are plain lists of work or events and need
 * nothing more. */
typedef struct table_head {
    size_t table;                   /* block index of the table */
    int outright;                   /* first "At fault" header, or -1 */
    int blame[8];                   /* "Responsible", "Who", "Caused by" */
    int n_blame;
    int has_factor;                 /* a column of causes */
    int has_other;                  /* a column of times or of work */
    unsigned long long people_cols; /* columns 0..63 that list people */
} table_head;

static void
read_head(tables_run *r, size_t t, table_head *h)
{
    const bl_doc *doc = r->lc->doc;
    size_t b, n;
    const char *s;

    memset(h, 0, sizeof *h);
    h->table = t;
    h->outright = -1;
    for (b = t + 1; b < doc->blocks.n && bl_block_is_inside(doc, (int)b,
                                                             (int)t); b++) {
        const bl_block *c = &doc->blocks.items[b];
        if (c->type != BL_BLOCK_TH || (s = cell_text(r, b, &n)) == NULL)
            continue;
        s = header_words(s, &n);
        if (c->col >= 0 && c->col < 64 && is_match(r, r->people_col, s, n))
            h->people_cols |= 1ull << c->col;
        if (h->outright < 0 && is_match(r, r->outright, s, n))
            h->outright = (int)b;
        else if (is_match(r, r->blame_col, s, n)) {
            if (h->n_blame < (int)(sizeof h->blame / sizeof *h->blame))
                h->blame[h->n_blame++] = (int)b;
        } else if (is_match(r, r->factor_col, s, n))
            h->has_factor = 1;
        else if (is_match(r, r->time_col, s, n)
                 || is_match(r, r->work_col, s, n))
            h->has_other = 1;   /* a timeline, or a table of work */
    }
}

/* May table h blame anyone: has it an "At fault" column, or a column of
 * people beside causes and no column of work? */
static int
is_suspect(const table_head *h)
{
    return h->outright >= 0
           || (h->n_blame > 0 && h->has_factor && !h->has_other);
}

/* Notes the first word of every name-shaped part of the cells of table
 * h's columns of people. */
static int
collect_column_names(tables_run *r, const table_head *h)
{
    const bl_doc *doc = r->lc->doc;
    size_t b, n, k, pos, pb, pe, t = h->table;
    const char *s;

    for (b = t + 1; b < doc->blocks.n && bl_block_is_inside(doc, (int)b,
                                                             (int)t); b++) {
        const bl_block *c = &doc->blocks.items[b];
        if (c->type != BL_BLOCK_TD || c->col < 0 || c->col >= 64
            || !(h->people_cols >> c->col & 1)
            || (s = cell_text(r, b, &n)) == NULL)
            continue;
        for (pos = 0; next_part(s, n, &pos, &pb, &pe);) {
            const char *part = s + pb;
            size_t pn = pe - pb;
            column_name cn;
            while (pn > 0 && is_space(*part)) {
                part++;
                pn--;
            }
            drop_note(part, &pn);
            while (pn > 0 && is_space(part[pn - 1]))
                pn--;
            if (pn > 0 && pn <= 80 && is_match(r, r->name, part, pn)) {
                for (k = 0; k < pn && !is_space(part[k]); k++)
                    ;
                cn.word = part;
                cn.n = k;
                cn.table = t;
                if (BL_VEC_PUSH(&r->column_names, cn) < 0)
                    return -1;
            }
        }
    }
    return 0;
}

/* Reports table h's blaming column.  Every column of people is tried,
 * not only the first: "| Factor | Who | Responsible |" may name a team
 * in one and a person in the other. */
static int
check_table(tables_run *r, const table_head *h)
{
    const bl_doc *doc = r->lc->doc;
    size_t t = h->table, n;
    int who = -1, k;
    char head[64], name[64], msg[512];
    const char *s;

    if (h->outright >= 0
        && find_in_column(r, t, doc->blocks.items[h->outright].col,
                          CELL_ANYONE) >= 0) {
        s = cell_text(r, (size_t)h->outright, &n);
        s = header_words(s, &n);
        quote(head, sizeof head, s, n);
        snprintf(msg, sizeof msg, "A column headed \"%s\" turns this table "
                 "into a list of who is to blame. Describe what made each "
                 "outcome possible instead, and give people follow-up "
                 "work, with owners, in Action Items.", head);
        return bl_lint_report(r->lc, r->rule,
                              doc->blocks.items[h->outright].begin,
                              doc->blocks.items[h->outright].end, msg, NULL);
    }
    if (!h->has_factor || h->has_other)
        return 0;
    for (k = 0; k < h->n_blame && who < 0; k++)
        who = find_in_column(r, t, doc->blocks.items[h->blame[k]].col,
                             CELL_PERSON);
    if (who < 0)
        return 0;
    k--;    /* the column who is in */
    s = cell_text(r, (size_t)h->blame[k], &n);
    s = header_words(s, &n);
    quote(head, sizeof head, s, n);
    s = cell_text(r, (size_t)who, &n);
    quote(name, sizeof name, s, n);
    snprintf(msg, sizeof msg, "The \"%s\" column puts a person against each "
             "contributing factor (\"%s\"), which reads as a list of who is "
             "to blame. Describe the conditions behind each factor instead, "
             "and give people follow-up work, with owners, in Action Items.",
             head, name);
    return bl_lint_report(r->lc, r->rule,
                          doc->blocks.items[h->blame[k]].begin,
                          doc->blocks.items[h->blame[k]].end, msg, NULL);
}

int
bl_check_blame_tables(bl_lint_ctx *lc, int rule)
{
    const bl_doc *doc = lc->doc;
    tables_run r;
    struct { table_head *items; size_t n, alloc; } heads = {NULL, 0, 0};
    size_t t, k;
    int rc = -1, suspects = 0;

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
        || bl_rules_define_into(lc->rules, "BLAME-COLUMN-TIME", 0,
                                &r.time_col) < 0
        || bl_rules_define_into(lc->rules, "BLAME-COLUMN-WORK", 0,
                                &r.work_col) < 0
        || bl_rules_define_into(lc->rules, "BLAME-COLUMN-ROLE", 0,
                                &r.role) < 0
        || bl_rules_define_into(lc->rules, "BLAME-COLUMN-NAME", 0,
                                &r.name) < 0
        || bl_rules_define_into(lc->rules, "BLAME-COLUMN-NOBODY", 0,
                                &r.nobody) < 0
        || bl_rules_define_into(lc->rules, "BLAME-COLUMN-PEOPLE", 0,
                                &r.people_col) < 0
        || (r.unit_of = bl_doc_units_by_block(doc)) == NULL
        || (r.md = pcre2_match_data_create(1, NULL)) == NULL)
        goto done;
    /* A quoted table is someone else's words: neither checked nor a
     * source of names. */
    for (; t < doc->blocks.n; t++) {
        table_head h;
        if (doc->blocks.items[t].type != BL_BLOCK_TABLE
            || (doc->blocks.items[t].flags & BL_IN_QUOTE))
            continue;
        read_head(&r, t, &h);
        suspects += is_suspect(&h);
        if (BL_VEC_PUSH(&heads, h) < 0)
            goto done;
    }
    /* Names are learnt, and other tables' people collected, only for a
     * table that may need them: most documents have none. */
    rc = 0;
    if (suspects == 0)
        goto done;
    if (bl_lint_learn_all(lc) < 0) {
        rc = -1;
        goto done;
    }
    for (k = 0; k < heads.n && rc == 0; k++)
        if (heads.items[k].people_cols != 0)
            rc = collect_column_names(&r, &heads.items[k]);
    for (k = 0; k < heads.n && rc == 0; k++)
        if (is_suspect(&heads.items[k]))
            rc = check_table(&r, &heads.items[k]);
done:
    BL_VEC_FREE(&heads);
    BL_VEC_FREE(&r.column_names);
    pcre2_match_data_free(r.md);
    free(r.unit_of);
    return rc;
}
