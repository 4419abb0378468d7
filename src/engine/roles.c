/*
 * roles.c: the roles/ rules, which read each incident role of a roles
 * document: few-responsibilities, no-primary and no-backup.
 * (roles/missing-section is the missing-sections check of sections.c.)
 *
 * A role is written in one of two ways, and both are read: a section
 * whose heading names the role (Incident Commander, Communications Lead,
 * Responders and their synonyms, from the Heading: stanzas of
 * rules/roles.rules), or a row of a table whose first cell names it, the
 * other cells read by their column's header (Primary, Backup,
 * Responsibilities).  A role may be written both ways (a table of who
 * holds what, then a section a role): what the places say is added up.
 * The vocabularies are Define: stanzas in rules/roles.rules; a --rules
 * directory without them gets no findings from the rule that needs them.
 */
#include <string.h>

#include "lint.h"
#include "text.h"
#include "vec.h"

/* The roles every response needs, by their Heading: kinds. */
static const char *const role_kinds[] = {"commander", "comms", "responders"};
#define N_ROLES (sizeof role_kinds / sizeof role_kinds[0])

/* Holder label matches remembered per unit, to tell a labelled backup
 * from a mention; more in one unit are read as mentions. */
#define MAX_LABELS 8

/* --- What the rules build from the rule set once ------------------------- */

typedef struct roles_shared {
    bl_regex *holder;           /* ROLES-HOLDER */
    bl_regex *nobody;           /* ROLES-NOBODY, anchored */
    bl_regex *named;            /* ROLES-NAMED */
    bl_regex *mention;          /* ROLES-BACKUP-MENTION */
    bl_regex *duties_col;       /* ROLES-DUTIES-COLUMN */
    bl_regex *primary_col;      /* ROLES-PRIMARY-COLUMN, anchored */
    bl_regex *backup_col;       /* ROLES-BACKUP-COLUMN, anchored */
    pcre2_match_data *md;
} roles_shared;

static void
shared_free(void *state)
{
    roles_shared *sh = state;

    pcre2_match_data_free(sh->md);
    free(sh);
}

static roles_shared *
shared_get(bl_rules *rules)
{
    roles_shared *sh = bl_rules_family_cache(rules, "roles");

    if (sh != NULL)
        return sh;
    if ((sh = calloc(1, sizeof *sh)) == NULL)
        return NULL;
    if ((sh->md = pcre2_match_data_create(16, NULL)) == NULL
        || bl_rules_define_into(rules, "ROLES-HOLDER", 0, &sh->holder) < 0
        || bl_rules_define_into(rules, "ROLES-NOBODY", 1, &sh->nobody) < 0
        || bl_rules_define_into(rules, "ROLES-NAMED", 0, &sh->named) < 0
        || bl_rules_define_into(rules, "ROLES-BACKUP-MENTION", 0,
                                &sh->mention) < 0
        || bl_rules_define_into(rules, "ROLES-DUTIES-COLUMN", 0,
                                &sh->duties_col) < 0
        || bl_rules_define_into(rules, "ROLES-PRIMARY-COLUMN", 1,
                                &sh->primary_col) < 0
        || bl_rules_define_into(rules, "ROLES-BACKUP-COLUMN", 1,
                                &sh->backup_col) < 0) {
        shared_free(sh);
        return NULL;
    }
    if (bl_rules_set_family_cache(rules, "roles", sh, shared_free) < 0)
        return NULL;
    return sh;
}

/* Does re match t[0..n) (from its start, when re is anchored)? */
static int
matches(roles_shared *sh, bl_regex *re, const char *t, size_t n)
{
    return re != NULL && bl_regex_match(re, t, n, 0, sh->md) >= 0;
}

/* --- What a document says about each role -------------------------------- */

/* A holder's value that names nobody ("Backup: TBD"), to be reported on
 * the value by the rule it belongs to. */
typedef struct bad_holder {
    int role;           /* into role_kinds */
    int is_backup;
    size_t begin, end;  /* source span of the value, or of its label */
    char value[40];     /* the value as written, "" when empty */
} bad_holder;

typedef struct role_facts {
    int seen;                   /* a section or a table row names it */
    size_t at_begin, at_end;    /* where: its first heading or cell */
    int duties_known;           /* a place that lists duties was read */
    size_t duties;
    int primary, backup;        /* named (or a template slot) */
} role_facts;

typedef struct roles_run {
    bl_lint_ctx *lc;
    roles_shared *sh;
    int kinds[N_ROLES];         /* bl_heading indices, -1 when undefined */
    role_facts facts[N_ROLES];
    struct { bad_holder *items; size_t n, alloc; } bad;
    int *unit_of;               /* per block: its first unit, or -1 */
} roles_run;

/* Which role heading index k is, or -1. */
static int
role_of_kind(const roles_run *r, int k)
{
    size_t i;

    for (i = 0; i < N_ROLES && k >= 0; i++)
        if (r->kinds[i] == k)
            return (int)i;
    return -1;
}

static void
trim(const char *t, size_t *p_b, size_t *p_e)
{
    while (*p_b < *p_e && bl_is_blank(t[*p_b]))
        (*p_b)++;
    while (*p_e > *p_b && (bl_is_blank(t[*p_e - 1]) || t[*p_e - 1] == '.'
                           || t[*p_e - 1] == ','))
        (*p_e)--;
}

/* The source span of group `name` of the last match (with duplicate
 * names, the one that is set).  Returns 0 when no such group is set. */
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

/* Reads the value of a holder at unit text t[b, e) (its label's span
 * [lb, le) for an empty one): named, a template slot (left to
 * placeholder/unfilled, as good as named here) or nobody, remembered to
 * be reported.  Returns -1 when out of memory. */
static int
read_value(roles_run *r, int role, int is_backup, const bl_unit *un,
           const char *t, size_t b, size_t e, size_t lb, size_t le)
{
    const bl_doc *doc = r->lc->doc;
    role_facts *f = &r->facts[role];
    bad_holder bad;
    size_t n;

    trim(t, &b, &e);
    n = e - b;
    if (n > 0 && ((n >= 2 && t[b] == '{' && t[b + 1] == '{') || t[b] == '<'
                  || bl_is_bracket_slot(t + b, n) || t[b] == BL_PLACEHOLDER
                  || !matches(r->sh, r->sh->nobody, t + b, n))) {
        if (is_backup)
            f->backup = 1;
        else
            f->primary = 1;
        return 0;
    }
    memset(&bad, 0, sizeof bad);
    bad.role = role;
    bad.is_backup = is_backup;
    if (n > 0) {
        bad.begin = bl_unit_to_source(doc, un, b, 0);
        bad.end = bl_unit_to_source(doc, un, e, 1);
        memcpy(bad.value, t + b, n < sizeof bad.value ? n
                                                      : sizeof bad.value - 1);
    } else {
        bad.begin = bl_unit_to_source(doc, un, lb, 0);
        bad.end = bl_unit_to_source(doc, un, le, 1);
    }
    return BL_VEC_PUSH(&r->bad, bad);
}

/* Is t[0..n) only a name: one to four capitalised words ("Dana Lee")? */
static int
is_name_line(const char *t, size_t n)
{
    size_t pos = 0, words = 0;
    bl_span w;

    if (n == 0 || n > 48)
        return 0;
    while (bl_next_word(t, n, &pos, &w)) {
        if (t[w.begin] < 'A' || t[w.begin] > 'Z')
            return 0;
        words++;
    }
    for (pos = 0; pos < n; pos++)
        if (strchr(".;:!?,", t[pos]) != NULL)
            return 0;
    return words >= 1 && words <= 4;
}

/* Reads one unit of a role's place: its holder labels, anything that
 * names a holder, a backup mentioned without a label. */
static int
read_unit(roles_run *r, int role, const bl_unit *un)
{
    roles_shared *sh = r->sh;
    role_facts *f = &r->facts[role];
    size_t n, pos = 0, labels[MAX_LABELS][2], n_labels = 0, k;
    const char *t = bl_unit_text(r->lc->doc, un, &n);

    while (sh->holder != NULL && pos < n
           && bl_regex_match(sh->holder, t, n, pos, sh->md) >= 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sh->md);
        size_t mb = ov[0], me = ov[1], vb = me, ve = me, lb = 0, le = 0;
        int both = group_span(sh->holder, sh->md, "both", &lb, &le);
        int is_backup = !both && group_span(sh->holder, sh->md, "backup",
                                            &lb, &le);
        if (!both && !is_backup)
            group_span(sh->holder, sh->md, "primary", &lb, &le);
        group_span(sh->holder, sh->md, "value", &vb, &ve);
        if (read_value(r, role, is_backup, un, t, vb, ve, lb, le) < 0
            || (both && read_value(r, role, 1, un, t, vb, ve, lb, le) < 0))
            return -1;
        if (n_labels < MAX_LABELS) {
            labels[n_labels][0] = mb;
            labels[n_labels][1] = me;
            n_labels++;
        }
        pos = me > mb ? me : mb + 1;
    }
    /* "Dana Whitfield" alone on a line; not "Responsibilities". */
    if (!(un->flags & BL_UNIT_CELL) && is_name_line(t, n)
        && !matches(sh, sh->duties_col, t, n))
        f->primary = 1;
    /* Outside the labels: "Backup: @li" names no primary, and the
     * backup's label has been read already. */
    for (pos = 0; sh->named != NULL && pos < n
         && bl_regex_match(sh->named, t, n, pos, sh->md) >= 0;) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sh->md);
        int labelled = 0;
        for (k = 0; k < n_labels; k++)
            labelled |= ov[0] >= labels[k][0] && ov[0] < labels[k][1];
        f->primary |= !labelled;
        pos = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    for (pos = 0; sh->mention != NULL && pos < n
         && bl_regex_match(sh->mention, t, n, pos, sh->md) >= 0;) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sh->md);
        int labelled = 0;
        for (k = 0; k < n_labels; k++)
            labelled |= ov[0] >= labels[k][0] && ov[0] < labels[k][1];
        f->backup |= !labelled;
        pos = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    return 0;
}

/* Does unit text t[0..n) say who holds the role ("Primary: @dana") rather
 * than what it does, or only announce a list ("Responsibilities:")? */
static int
is_not_a_duty(roles_run *r, const char *t, size_t n)
{
    size_t b = 0, e = n;

    while (b < e && bl_is_blank(t[b]))
        b++;
    while (e > b && bl_is_blank(t[e - 1]))
        e--;
    if (e == b || t[e - 1] == ':')
        return 1;
    return r->sh->holder != NULL
           && bl_regex_match(r->sh->holder, t, n, 0, r->sh->md) >= 0
           && pcre2_get_ovector_pointer(r->sh->md)[0] <= b;
}

/* How many duties prose t[0..n) lists: its sentences, and the parts of
 * a list inside one ("Coordinates the response, decides and delegates"
 * is three), so that a role written as a paragraph is not held to a
 * list's count. */
static size_t
count_sentences(const char *t, size_t n)
{
    size_t i, count = 0;
    int letters = 0;

    for (i = 0; i < n; i++) {
        if ((t[i] == '.' || t[i] == '!' || t[i] == '?' || t[i] == ';'
             || t[i] == ',') && (i + 1 == n || bl_is_blank(t[i + 1]))) {
            count += letters > 0;
            letters = 0;
        } else if (i + 5 <= n && i > 0 && strncmp(t + i, " and ", 5) == 0) {
            count += letters > 0;
            letters = 0;
        } else if ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A'
                                                    && t[i] <= 'Z')) {
            letters++;
        }
    }
    return count + (letters > 0);
}

/* Has list item li a list item inside it? */
static int
has_sub_items(const bl_doc *doc, size_t li)
{
    size_t b;

    for (b = li + 1; b < doc->blocks.n; b++) {
        if (!bl_block_is_inside(doc, (int)b, (int)li))
            return 0;
        if (doc->blocks.items[b].type == BL_BLOCK_LI)
            return 1;
    }
    return 0;
}

/* How many duties a table cell's source src[b, e) lists: its parts
 * between ";", ",", "<br>" and bullets. */
static size_t
count_cell_duties(const char *src, size_t b, size_t e)
{
    size_t i, count = 1;

    for (i = b; i < e; i++)
        if (src[i] == ';' || src[i] == ',' || (src[i] == '<' && i + 3 <= e
                                              && (src[i + 1] == 'b'
                                                  || src[i + 1] == 'B')
                                              && (src[i + 2] == 'r'
                                                  || src[i + 2] == 'R')))
            count++;
        else if ((unsigned char)src[i] == 0xE2 && i + 2 < e
                 && (unsigned char)src[i + 1] == 0x80
                 && (unsigned char)src[i + 2] == 0xA2)
            count++;    /* "•" */
    return count;
}

/* The header cell above column col of the table that row tr is in, or
 * -1. */
static int
header_cell(const bl_doc *doc, size_t tr, int col)
{
    int t = bl_block_enclosing(doc, (int)tr, BL_BLOCK_TABLE);
    size_t b;

    if (t < 0)
        return -1;
    for (b = (size_t)t + 1; b < doc->blocks.n && b < tr; b++)
        if (doc->blocks.items[b].type == BL_BLOCK_TH
            && doc->blocks.items[b].col == col)
            return (int)b;
    return -1;
}

/* The role that table row tr's first cell names, or -1; its unit in
 * *p_unit. */
static int
row_role(roles_run *r, size_t tr, int *p_unit)
{
    const bl_doc *doc = r->lc->doc;
    size_t c, n;
    int part;
    const char *t;

    *p_unit = -1;
    for (c = tr + 1; c < doc->blocks.n && doc->blocks.items[c].parent
         == (int)tr; c++)
        if (doc->blocks.items[c].col == 0) {
            *p_unit = r->unit_of[c];
            break;
        }
    if (*p_unit < 0)
        return -1;
    t = bl_unit_text(doc, &doc->units.items[*p_unit], &n);
    return role_of_kind(r, bl_heading_classify(r->lc->rules, r->lc->profile,
                                               t, n, &part));
}

/* Reads table cell c (a body cell) of role by its column's header: a
 * Primary or Backup column holds a holder, a Responsibilities column
 * duties; any other is read as text.  [ab, ae) is where an empty holder
 * is reported. */
static int
read_cell(roles_run *r, int role, size_t c, size_t ab, size_t ae)
{
    const bl_doc *doc = r->lc->doc;
    roles_shared *sh = r->sh;
    role_facts *f = &r->facts[role];
    const bl_block *cell = &doc->blocks.items[c];
    int h = header_cell(doc, (size_t)cell->parent, cell->col), hu;
    int cu = r->unit_of[c];
    const char *ht = "", *ct = "";
    size_t hn = 0, cn = 0;

    if (h >= 0 && (hu = r->unit_of[h]) >= 0)
        ht = bl_unit_text(doc, &doc->units.items[hu], &hn);
    if (cu >= 0)
        ct = bl_unit_text(doc, &doc->units.items[cu], &cn);
    if (hn > 0 && (matches(sh, sh->backup_col, ht, hn)
                   || matches(sh, sh->primary_col, ht, hn))) {
        int is_backup = matches(sh, sh->backup_col, ht, hn);
        bad_holder bad;
        if (cu >= 0)
            return read_value(r, role, is_backup, &doc->units.items[cu], ct,
                              0, cn, 0, cn);
        memset(&bad, 0, sizeof bad);
        bad.role = role;
        bad.is_backup = is_backup;
        bad.begin = ab;
        bad.end = ae;
        return BL_VEC_PUSH(&r->bad, bad);
    }
    if (hn > 0 && matches(sh, sh->duties_col, ht, hn)) {
        f->duties_known = 1;
        /* A slot counts as one: placeholder/unfilled reports it. */
        if (cu >= 0)
            f->duties += bl_is_placeholder_text(ct, cn)
                         ? 1 : count_cell_duties(doc->src, cell->begin,
                                                 cell->end);
        return 0;
    }
    return cu >= 0 ? read_unit(r, role, &doc->units.items[cu]) : 0;
}

/* Reads table row tr when its first cell names a role. */
static int
read_row(roles_run *r, size_t tr)
{
    const bl_doc *doc = r->lc->doc;
    size_t c, n, ab, ae;
    int u, role = row_role(r, tr, &u);
    role_facts *f;
    const bl_unit *fu;

    if (role < 0)
        return 0;
    f = &r->facts[role];
    fu = &doc->units.items[u];
    bl_unit_text(doc, fu, &n);
    ab = bl_unit_to_source(doc, fu, 0, 0);
    ae = bl_unit_to_source(doc, fu, n, 1);
    if (!f->seen) {
        f->seen = 1;
        f->at_begin = ab;
        f->at_end = ae;
    }
    for (c = tr + 1; c < doc->blocks.n
         && doc->blocks.items[c].parent == (int)tr; c++)
        if (doc->blocks.items[c].col > 0
            && read_cell(r, role, c, ab, ae) < 0)
            return -1;
    return 0;
}

/* Reads section si, which names role: its units, and its duties (the
 * innermost list items that are no holder lines; without a list, the
 * sentences of its paragraphs). */
static int
read_section(roles_run *r, int role, size_t si)
{
    const bl_doc *doc = r->lc->doc;
    role_facts *f = &r->facts[role];
    size_t i, items = 0, sentences = 0;
    int any_list = 0;

    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *un = &doc->units.items[i];
        size_t n;
        const char *t;
        if (un->section < 0 || !bl_section_is_within(doc, un->section, (int)si)
            || (un->flags & (BL_UNIT_HEADING | BL_UNIT_QUOTE)))
            continue;
        if ((un->flags & BL_UNIT_CELL) && un->block >= 0) {
            /* A table of the role's own: its header row is no holder,
             * and a row that names a role is read_row's. */
            const bl_block *cell = &doc->blocks.items[un->block];
            size_t ub, ue;
            int fu;
            if (cell->type != BL_BLOCK_TD
                || row_role(r, (size_t)cell->parent, &fu) >= 0)
                continue;
            bl_unit_text(doc, un, &n);
            ub = bl_unit_to_source(doc, un, 0, 0);
            ue = bl_unit_to_source(doc, un, n, 1);
            if (read_cell(r, role, (size_t)un->block, ub, ue) < 0)
                return -1;
            continue;
        }
        if (read_unit(r, role, un) < 0)
            return -1;
        t = bl_unit_text(doc, un, &n);
        if (!(un->flags & (BL_UNIT_ITEM | BL_UNIT_CELL))
            && !is_not_a_duty(r, t, n))
            sentences += count_sentences(t, n);
    }
    for (i = 0; i < doc->blocks.n; i++) {
        const bl_block *x = &doc->blocks.items[i];
        size_t n;
        const char *t;
        int u;
        if (x->type != BL_BLOCK_LI || x->section < 0
            || !bl_section_is_within(doc, x->section, (int)si)
            || (x->flags & BL_IN_QUOTE))
            continue;
        any_list = 1;
        if (has_sub_items(doc, i)
            || (u = bl_doc_item_unit(doc, r->unit_of, (int)i)) < 0)
            continue;
        t = bl_unit_text(doc, &doc->units.items[u], &n);
        items += !is_not_a_duty(r, t, n);
    }
    /* A link in the section: to a schedule or a person's page. */
    for (i = 0; i < doc->links.n && !f->primary; i++)
        f->primary = doc->links.items[i].begin >= doc->sections.items[si].begin
                     && doc->links.items[i].begin < r->lc->section_end[si];
    f->duties_known = 1;
    f->duties += any_list ? items : sentences;
    return 0;
}

/* Reads every role's sections and table rows into r->facts. */
static int
read_roles(roles_run *r)
{
    const bl_lint_ctx *lc = r->lc;
    const bl_doc *doc = lc->doc;
    size_t i;

    for (i = 0; i < doc->sections.n; i++) {
        int role = role_of_kind(r, lc->kind_of[i]);
        int p = doc->sections.items[i].parent;
        role_facts *f;
        const bl_block *hb;
        if (role < 0 || lc->is_part[i]
            || (p >= 0 && role_of_kind(r, lc->kind_of[p]) >= 0)
            || !bl_lint_section_has_content(lc, (int)i))
            continue;
        f = &r->facts[role];
        hb = &doc->blocks.items[doc->sections.items[i].heading];
        if (!f->seen) {
            f->seen = 1;
            f->at_begin = hb->begin;
            f->at_end = hb->end;
        }
        if (read_section(r, role, i) < 0)
            return -1;
    }
    for (i = 0; i < doc->blocks.n; i++) {
        const bl_block *x = &doc->blocks.items[i];
        if (x->type != BL_BLOCK_TR || (x->flags & BL_IN_QUOTE)
            || doc->blocks.items[x->parent].type != BL_BLOCK_TBODY)
            continue;
        if (read_row(r, i) < 0)
            return -1;
    }
    return 0;
}

/* --- The rules ----------------------------------------------------------- */

static const char *
role_title(const roles_run *r, int role)
{
    return r->lc->rules->headings.items[r->kinds[role]].title;
}

static int
check_duties(roles_run *r, int rule)
{
    long min = bl_rules_int(r->lc->rules, "roles.responsibilities");
    size_t i;

    for (i = 0; i < N_ROLES; i++) {
        const role_facts *f = &r->facts[i];
        bl_strbuf msg = {NULL, 0, 0};
        int rc;
        if (!f->seen || !f->duties_known || (long)f->duties >= min)
            continue;
        if (f->duties == 0)
            rc = bl_strbuf_addf(&msg, "The %s role lists no "
                                "responsibilities. Write what the person in "
                                "it does, at least %ld things, so nobody has "
                                "to guess in the middle of an incident.",
                                role_title(r, (int)i), min);
        else
            rc = bl_strbuf_addf(&msg, "The %s role lists %zu "
                                "responsibilit%s; write at least %ld, each a "
                                "concrete thing the person in it does "
                                "(\"Decides on rollbacks\", \"Posts an update "
                                "every 30 minutes\").", role_title(r, (int)i),
                                f->duties, f->duties == 1 ? "y" : "ies", min);
        if (rc < 0)
            return -1;
        rc = bl_lint_report(r->lc, rule, f->at_begin, f->at_end, msg.items,
                            NULL);
        free(msg.items);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int
check_holders(roles_run *r, int rule, int backup)
{
    const char *what = backup ? "backup" : "primary";
    size_t i, k;

    for (i = 0; i < N_ROLES; i++) {
        const role_facts *f = &r->facts[i];
        int said = 0, rc;
        bl_strbuf msg = {NULL, 0, 0};
        if (!f->seen)
            continue;
        for (k = 0; k < r->bad.n; k++) {
            const bad_holder *b = &r->bad.items[k];
            if (b->role != (int)i || b->is_backup != backup)
                continue;
            said = 1;
            if (b->value[0] != '\0')
                rc = bl_strbuf_addf(&msg, "The %s of the %s role is \"%s\", "
                                    "which names nobody. Name a person, an "
                                    "@handle or a rotation.", what,
                                    role_title(r, (int)i), b->value);
            else
                rc = bl_strbuf_addf(&msg, "The %s of the %s role is empty. "
                                    "Name a person, an @handle or a "
                                    "rotation.", what, role_title(r, (int)i));
            if (rc < 0)
                return -1;
            rc = bl_lint_report(r->lc, rule, b->begin, b->end, msg.items,
                                NULL);
            free(msg.items);
            msg.items = NULL;
            msg.n = msg.alloc = 0;
            if (rc < 0 || bl_lint_explain_placeholder(r->lc, rule, b->begin,
                                                      b->end) < 0)
                return -1;
        }
        if (said || (backup ? f->backup : f->primary))
            continue;
        if (backup)
            rc = bl_strbuf_addf(&msg, "The %s role names no backup. Name "
                                "who stands in when the primary cannot: "
                                "\"Backup: Li Wei (@li)\" or a rotation.",
                                role_title(r, (int)i));
        else
            rc = bl_strbuf_addf(&msg, "The %s role names nobody who holds "
                                "it. Name the primary: a person, an @handle "
                                "or a rotation (\"Primary: the SRE on-call "
                                "rotation\").", role_title(r, (int)i));
        if (rc < 0)
            return -1;
        rc = bl_lint_report(r->lc, rule, f->at_begin, f->at_end, msg.items,
                            NULL);
        free(msg.items);
        if (rc < 0)
            return -1;
    }
    return 0;
}

int
bl_check_roles(bl_lint_ctx *lc, int rule)
{
    const char *id = lc->rules->rules.items[rule].info.id;
    roles_run r;
    size_t i;
    int rc = 0, any = 0;

    if (bl_lint_structure(lc) < 0)
        return -1;
    if (!lc->is_profile_doc)
        return 0;
    memset(&r, 0, sizeof r);
    r.lc = lc;
    for (i = 0; i < N_ROLES; i++) {
        r.kinds[i] = bl_heading_index(lc->rules, lc->profile, role_kinds[i]);
        any |= r.kinds[i] >= 0;
    }
    if (!any)
        return 0;
    if ((r.sh = shared_get(lc->rules)) == NULL
        || (r.unit_of = bl_doc_units_by_block(lc->doc)) == NULL)
        return -1;
    if (read_roles(&r) < 0)
        rc = -1;
    else if (strcmp(id, "roles/few-responsibilities") == 0)
        rc = check_duties(&r, rule);
    else if (strcmp(id, "roles/no-primary") == 0)
        rc = check_holders(&r, rule, 0);
    else if (strcmp(id, "roles/no-backup") == 0)
        rc = check_holders(&r, rule, 1);
    free(r.bad.items);
    free(r.unit_of);
    return rc;
}
