/*
 * lifecycle.c: the lifecycle/ rules, which read a team's incident flow:
 * missing-phase, unanswered-question and no-known-gaps.
 *
 * A phase (detect, triage, ...: LIFECYCLE-PHASES in rules/lifecycle.rules)
 * is covered where the document is about the flow, not wherever one of
 * its words appears: in a heading, in a Mermaid flowchart's node label,
 * or at the opening of a sentence, list item or table cell, after at most
 * a step number, a sequencing word, who does it and an article
 * (LIFECYCLE-OPENING).  "Then the IC assesses the severity" covers
 * triage; "our tests detect regressions" covers nothing.  Block quotes and
 * the Known gaps section never cover a phase: a gap is what the flow
 * lacks.
 *
 * A question (how alerts fire, ...) is answered by one paragraph, list
 * item, table row or node label that holds both its topic and an answer
 * (LIFECYCLE-ASK-X and LIFECYCLE-ANSWER-X): one unit, so that "alerts" in
 * one section and "Prometheus" in another answer nothing.
 *
 * The three rules share one reading of the document per run.
 */
#include <stdio.h>
#include <string.h>

#include "lint.h"
#include "mermaid.h"
#include "text.h"
#include "vec.h"

/* At most this many phases are read from LIFECYCLE-PHASES: six today,
 * room for a team's own. */
#define MAX_PHASES 16

/* A phase's name, as LIFECYCLE-PHASES writes it, is shorter than this. */
#define PHASE_NAME_MAX 32

/* The four questions, by the suffix of their LIFECYCLE-ASK- and
 * LIFECYCLE-ANSWER- stanzas, with what the message says is missing and
 * how to say it. */
static const struct question {
    const char *key, *what, *hint;
} questions[] = {
    {"ALERTS", "how alerts fire",
     "Name the monitoring and what sets an alert off: \"Alerts fire from "
     "Prometheus when the checkout error rate is above 2% for 5 "
     "minutes.\""},
    {"PAGED", "who gets paged",
     "Name the rotation or team and how they are reached: \"PagerDuty pages "
     "the primary on-call of the owning team (@payments-oncall).\""},
    {"UPDATES", "where updates are posted",
     "Name the channel and the status page: \"The IC posts updates in "
     "#incidents every 30 minutes, and on the status page when customers "
     "are affected.\""},
    {"POSTMORTEM", "when the postmortem is scheduled",
     "Say when: \"The IC schedules the postmortem within five business days "
     "of the all-clear.\""},
};
#define N_QUESTIONS (sizeof questions / sizeof questions[0])

/* --- What the rules build from the rule set once ------------------------- */

typedef struct lifecycle_phase {
    char name[PHASE_NAME_MAX];
    bl_regex *re;                   /* LIFECYCLE-PHASE-NAME */
} lifecycle_phase;

typedef struct lifecycle_shared {
    lifecycle_phase phases[MAX_PHASES];
    size_t n_phases;
    bl_regex *opening;              /* LIFECYCLE-OPENING, anchored */
    bl_regex *ask[N_QUESTIONS];     /* LIFECYCLE-ASK-KEY */
    bl_regex *answer[N_QUESTIONS];  /* LIFECYCLE-ANSWER-KEY */
    bl_regex *no_gap;               /* LIFECYCLE-NO-GAP, anchored */
    pcre2_match_data *md;
} lifecycle_shared;

static void
shared_free(void *state)
{
    lifecycle_shared *sh = state;

    pcre2_match_data_free(sh->md);
    free(sh);
}

/* The Define: `name`'s regex, or NULL when the rule set has none (a
 * --rules directory of its own); -1 in *p_failed when out of memory. */
static bl_regex *
define(bl_rules *rules, const char *name, int anchored, int *p_failed)
{
    int oom = 0;
    bl_regex *re = bl_rules_define_regex(rules, name, anchored, &oom);

    if (oom)
        *p_failed = 1;
    return re;
}

/* Reads the phases: the names of LIFECYCLE-PHASES, each with its
 * LIFECYCLE-PHASE-NAME synonyms; a name without them is left out. */
static int
read_phases(bl_rules *rules, lifecycle_shared *sh)
{
    const char *p = NULL;
    size_t i;
    int failed = 0;

    for (i = 0; i < rules->defines.n && p == NULL; i++)
        if (strcmp(rules->defines.items[i].name, "LIFECYCLE-PHASES") == 0)
            p = rules->defines.items[i].pattern;
    while (p != NULL && *p && sh->n_phases < MAX_PHASES) {
        size_t n = strcspn(p, "|"), k;
        char def[PHASE_NAME_MAX + 20];
        lifecycle_phase *ph = &sh->phases[sh->n_phases];
        if (n > 0 && n < PHASE_NAME_MAX) {
            bl_ascii_lower(p, n, ph->name);
            ph->name[n] = '\0';
            memcpy(def, "LIFECYCLE-PHASE-", 16);
            for (k = 0; k < n; k++)
                def[16 + k] = (char)(p[k] >= 'a' && p[k] <= 'z' ? p[k] - 32
                                                                : p[k]);
            def[16 + n] = '\0';
            if ((ph->re = define(rules, def, 0, &failed)) != NULL)
                sh->n_phases++;
            if (failed)
                return -1;
        }
        p += n;
        p += *p == '|';
    }
    return 0;
}

static lifecycle_shared *
shared_get(bl_rules *rules)
{
    lifecycle_shared *sh = bl_rules_family_cache(rules, "lifecycle");
    int failed = 0;
    size_t q;

    if (sh != NULL)
        return sh;
    if ((sh = calloc(1, sizeof *sh)) == NULL)
        return NULL;
    if ((sh->md = pcre2_match_data_create(4, NULL)) == NULL
        || read_phases(rules, sh) < 0) {
        shared_free(sh);
        return NULL;
    }
    sh->opening = define(rules, "LIFECYCLE-OPENING", 1, &failed);
    sh->no_gap = define(rules, "LIFECYCLE-NO-GAP", 1, &failed);
    for (q = 0; q < N_QUESTIONS; q++) {
        char name[48];
        snprintf(name, sizeof name, "LIFECYCLE-ASK-%s", questions[q].key);
        sh->ask[q] = define(rules, name, 0, &failed);
        snprintf(name, sizeof name, "LIFECYCLE-ANSWER-%s", questions[q].key);
        sh->answer[q] = define(rules, name, 0, &failed);
    }
    if (failed) {
        shared_free(sh);
        return NULL;
    }
    if (bl_rules_set_family_cache(rules, "lifecycle", sh, shared_free) < 0)
        return NULL;
    return sh;
}

/* --- One reading of the document, for the three rules -------------------- */

typedef struct lifecycle_run {
    bl_lint_ctx *lc;
    lifecycle_shared *sh;
    unsigned char covered[MAX_PHASES];
    unsigned char answered[N_QUESTIONS];
    int in_gaps;                    /* the text being read is a gap */
} lifecycle_run;

/* Does re match somewhere in t[0..n)? */
static int
has_match(lifecycle_shared *sh, bl_regex *re, const char *t, size_t n)
{
    return re != NULL && bl_regex_match(re, t, n, 0, sh->md) >= 0;
}

/* Does phase re match t[0..n) exactly at offset at? */
static int
matches_at(lifecycle_shared *sh, bl_regex *re, const char *t, size_t n,
           size_t at)
{
    return bl_regex_match(re, t, n, at, sh->md) >= 0
           && pcre2_get_ovector_pointer(sh->md)[0] == at;
}

/* The questions that text t[0..n) answers: its topic and an answer. */
static void
read_answers(lifecycle_run *r, const char *t, size_t n)
{
    size_t q;

    for (q = 0; q < N_QUESTIONS; q++)
        if (!r->answered[q] && has_match(r->sh, r->sh->ask[q], t, n)
            && has_match(r->sh, r->sh->answer[q], t, n))
            r->answered[q] = 1;
}

/* A heading or a node label: about the flow wherever the word is. */
static void
read_title_words(lifecycle_run *r, const char *t, size_t n)
{
    size_t p;

    if (r->in_gaps)
        return;
    for (p = 0; p < r->sh->n_phases; p++)
        if (!r->covered[p] && has_match(r->sh, r->sh->phases[p].re, t, n))
            r->covered[p] = 1;
}

typedef struct sentence_walk {
    lifecycle_run *r;
    const char *text;
} sentence_walk;

/* A sentence covers the phase its opening names. */
static int
on_sentence(bl_span s, void *ud)
{
    sentence_walk *w = ud;
    lifecycle_shared *sh = w->r->sh;
    size_t at = s.begin, p;

    if (sh->opening != NULL
        && bl_regex_match(sh->opening, w->text, s.end, s.begin, sh->md) >= 0)
        at = pcre2_get_ovector_pointer(sh->md)[1];
    for (p = 0; p < sh->n_phases; p++)
        if (!w->r->covered[p]
            && (matches_at(sh, sh->phases[p].re, w->text, s.end, at)
                || (at != s.begin && matches_at(sh, sh->phases[p].re,
                                                w->text, s.end, s.begin))))
            w->r->covered[p] = 1;
    return 0;
}

static int
read_sentences(lifecycle_run *r, const char *t, size_t n)
{
    sentence_walk w;

    if (r->in_gaps)
        return 0;
    w.r = r;
    w.text = t;
    return bl_split_sentences(t, n, on_sentence, &w);
}

/* A node label is source text, which unlike prose may hold invalid
 * UTF-8, and the patterns run without PCRE2's UTF check (regex.h): such
 * a label is read from a copy with each invalid byte made a '?'. */
static int
on_label(size_t begin, size_t end, void *ud)
{
    lifecycle_run *r = ud;
    const char *t = r->lc->doc->src + begin;
    size_t n = end - begin, i, cl;
    char *copy = NULL;

    for (i = 0; i < n; i += cl)
        if (bl_utf8_decode(t, n, i, &cl) == 0xFFFD && cl == 1) {
            if (copy == NULL) {
                if ((copy = malloc(n)) == NULL)
                    return -1;
                memcpy(copy, t, n);
            }
            copy[i] = '?';
        }
    if (copy != NULL)
        t = copy;
    read_title_words(r, t, n);
    read_answers(r, t, n);
    free(copy);
    return 0;
}

/* The row of table cell unit u, or -1 when u is no cell. */
static int
row_of(const bl_doc *doc, const bl_unit *u)
{
    int b = u->block;

    if (!(u->flags & BL_UNIT_CELL) || b < 0)
        return -1;
    while (b >= 0 && doc->blocks.items[b].type != BL_BLOCK_TR)
        b = doc->blocks.items[b].parent;
    return b;
}

/* Reads the document: which phases it covers, which questions it
 * answers. */
static int
read_document(lifecycle_run *r)
{
    bl_lint_ctx *lc = r->lc;
    const bl_doc *doc = lc->doc;
    bl_strbuf row = {NULL, 0, 0};
    int title = -1, row_block = -1;
    size_t i;

    for (i = 0; i < doc->sections.n && title < 0; i++)
        if (doc->sections.items[i].level == 1)
            title = (int)i;
    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        size_t n;
        const char *t = bl_unit_text(doc, u, &n);
        int rb = row_of(doc, u);
        if (u->flags & BL_UNIT_QUOTE)
            continue;       /* quoted speech: a chat log, not the flow */
        r->in_gaps = u->section >= 0
                     && bl_lint_section_within(lc, u->section, "gaps") >= 0;
        /* A table row is read as one text, as a paragraph is. */
        if (rb != row_block && row.n > 0) {
            read_answers(r, row.items, row.n);
            row.n = 0;
        }
        row_block = rb;
        /* Zeros after the row, which the answer patterns search: see
         * BL_SUBJECT_PAD. */
        if (rb >= 0 && (bl_strbuf_add(&row, " | ", 3) < 0
                        || bl_strbuf_add(&row, t, n) < 0
                        || bl_strbuf_pad(&row) < 0)) {
            free(row.items);
            return -1;
        }
        if (u->flags & BL_UNIT_HEADING) {
            if (u->section != title || title < 0)
                read_title_words(r, t, n);
        } else if (read_sentences(r, t, n) < 0) {
            free(row.items);
            return -1;
        }
        if (rb < 0)
            read_answers(r, t, n);
    }
    if (row.n > 0)
        read_answers(r, row.items, row.n);
    free(row.items);
    for (i = 0; i < doc->blocks.n; i++) {
        const bl_block *x = &doc->blocks.items[i];
        if (x->type != BL_BLOCK_CODE || (x->flags & BL_IN_QUOTE))
            continue;
        r->in_gaps = x->section >= 0
                     && bl_lint_section_within(lc, x->section, "gaps") >= 0;
        if (bl_mermaid_labels(doc, i, on_label, r) < 0)
            return -1;
    }
    return 0;
}

static void
run_free(void *state)
{
    free(state);
}

static lifecycle_run *
run_get(bl_lint_ctx *lc, lifecycle_shared *sh)
{
    lifecycle_run *r = bl_lint_family_state(lc, "lifecycle");

    if (r != NULL)
        return r;
    if ((r = calloc(1, sizeof *r)) == NULL)
        return NULL;
    r->lc = lc;
    r->sh = sh;
    if (read_document(r) < 0) {
        free(r);
        return NULL;
    }
    if (bl_lint_set_family_state(lc, "lifecycle", r, run_free) < 0)
        return NULL;
    return r;
}

/* --- Where findings about the whole document go -------------------------- */

/* The title (the first level-1 heading, else the first heading), else
 * the first line of text, else the first line: what a finding about the
 * whole document is reported on.  Never an empty span while the document
 * has a byte, since an editor cannot show one. */
static void
document_span(const bl_doc *doc, size_t *p_begin, size_t *p_end)
{
    size_t i, cl;

    *p_begin = *p_end = doc->fm_end;
    for (i = 0; i < doc->sections.n; i++)
        if (doc->sections.items[i].level == 1)
            break;
    if (i == doc->sections.n && doc->sections.n > 0)
        i = 0;
    if (i < doc->sections.n) {
        const bl_block *hb = &doc->blocks.items[doc->sections.items[i]
                                                    .heading];
        *p_begin = hb->begin;
        *p_end = hb->end;
    }
    for (i = 0; i < doc->units.n && *p_end <= *p_begin; i++) {
        const bl_unit *u = &doc->units.items[i];
        if (u->text_end == u->text_begin)
            continue;
        *p_begin = bl_unit_to_source(doc, u, 0, 0);
        bl_doc_line_span(doc, bl_doc_line_of(doc, *p_begin), &cl, p_end);
    }
    /* A page that is all front matter: its first line. */
    if (*p_end <= *p_begin && doc->len > doc->bom) {
        *p_begin = doc->bom;
        bl_doc_line_span(doc, 0, &cl, p_end);
    }
    if (*p_end <= *p_begin && *p_begin < doc->len) {
        bl_utf8_decode(doc->src, doc->len, *p_begin, &cl);
        *p_end = *p_begin + cl;
    }
}

/* --- lifecycle/missing-phase --------------------------------------------- */

static int
check_phases(bl_lint_ctx *lc, int rule, const lifecycle_run *r)
{
    size_t p, b, e;

    document_span(lc->doc, &b, &e);
    for (p = 0; p < r->sh->n_phases; p++) {
        char name[PHASE_NAME_MAX];
        bl_strbuf msg = {NULL, 0, 0};
        int rc;
        if (r->covered[p])
            continue;
        memcpy(name, r->sh->phases[p].name, sizeof name);
        if (name[0] >= 'a' && name[0] <= 'z')
            name[0] = (char)(name[0] - 32);
        if (bl_strbuf_addf(&msg, "The %s does not cover the \"%s\" phase: no "
                           "heading, step, flowchart node or sentence opening "
                           "names it. Say how the team does it and who does "
                           "it, e.g. a step \"%s: ...\".",
                           bl_lint_document_name(lc), r->sh->phases[p].name,
                           name) < 0)
            return -1;
        rc = bl_lint_report(lc, rule, b, e, msg.items, NULL);
        free(msg.items);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* --- lifecycle/missing-answer -------------------------------------------- */

static int
check_questions(bl_lint_ctx *lc, int rule, const lifecycle_run *r)
{
    size_t q, b, e;

    document_span(lc->doc, &b, &e);
    for (q = 0; q < N_QUESTIONS; q++) {
        bl_strbuf msg = {NULL, 0, 0};
        int rc;
        /* A rule set without the question's patterns cannot tell. */
        if (r->answered[q] || r->sh->ask[q] == NULL
            || r->sh->answer[q] == NULL)
            continue;
        if (bl_strbuf_addf(&msg, "The %s does not say %s. %s",
                           bl_lint_document_name(lc), questions[q].what,
                           questions[q].hint) < 0)
            return -1;
        rc = bl_lint_report(lc, rule, b, e, msg.items, NULL);
        free(msg.items);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* --- lifecycle/no-known-gaps --------------------------------------------- */

/* Does the gaps section si say only that there are none: every
 * paragraph and item of it (there is at least one) "None.", "No known
 * gaps yet."? */
static int
says_none(bl_lint_ctx *lc, lifecycle_shared *sh, size_t si)
{
    const bl_doc *doc = lc->doc;
    size_t i, seen = 0;

    if (sh->no_gap == NULL)
        return 0;
    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        size_t n, b = 0;
        const char *t;
        if ((u->flags & BL_UNIT_HEADING) || u->section < 0
            || bl_lint_section_within(lc, u->section, "gaps") != (int)si)
            continue;
        t = bl_unit_text(doc, u, &n);
        while (b < n && (t[b] == ' ' || t[b] == '\n' || t[b] == '\t'))
            b++;
        if (b == n)
            continue;
        if (bl_regex_match(sh->no_gap, t + b, n - b, 0, sh->md) < 0
            || pcre2_get_ovector_pointer(sh->md)[1] != n - b)
            return 0;
        seen++;
    }
    return seen > 0;
}

static int
check_gaps(bl_lint_ctx *lc, int rule, lifecycle_shared *sh)
{
    const bl_doc *doc = lc->doc;
    int gaps = bl_heading_index(lc->rules, lc->profile, "gaps");
    size_t si;

    if (bl_check_missing_sections(lc, rule) < 0)
        return -1;
    for (si = 0; si < doc->sections.n && gaps >= 0; si++) {
        const bl_block *hb;
        if (lc->kind_of[si] != gaps || lc->is_part[si]
            || bl_lint_section_within(lc, doc->sections.items[si].parent,
                                      "gaps") >= 0
            || !says_none(lc, sh, si))
            continue;
        hb = &doc->blocks.items[doc->sections.items[si].heading];
        if (bl_lint_report(lc, rule, hb->begin, hb->end, "The Known gaps "
                           "section says there are none. Every incident "
                           "process has some: name at least one thing the "
                           "response does not do well yet (a phase nobody "
                           "owns, an alert that pages no one, a step done "
                           "by hand).", NULL) < 0)
            return -1;
    }
    return 0;
}

/* --- The check ----------------------------------------------------------- */

int
bl_check_lifecycle(bl_lint_ctx *lc, int rule)
{
    const char *id = lc->rules->rules.items[rule].info.id;
    lifecycle_shared *sh;
    lifecycle_run *r;

    if (bl_lint_structure(lc) < 0)
        return -1;
    if (!lc->is_profile_doc)
        return 0;
    if ((sh = shared_get(lc->rules)) == NULL)
        return -1;
    if (strcmp(id, "lifecycle/no-known-gaps") == 0)
        return check_gaps(lc, rule, sh);
    if ((r = run_get(lc, sh)) == NULL)
        return -1;
    if (strcmp(id, "lifecycle/missing-phase") == 0)
        return check_phases(lc, rule, r);
    if (strcmp(id, "lifecycle/missing-answer") == 0)
        return check_questions(lc, rule, r);
    return 0;
}
