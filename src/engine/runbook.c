/*
 * runbook.c: the runbook/ rules, which read the steps of an on-call
 * runbook entry: unnumbered-steps, step-not-imperative,
 * command-not-in-code, vague-step and no-escalation-contact.
 * (runbook/missing-section is the missing-sections check of sections.c.)
 *
 * A step is an item of a list in the Mitigation section (or How to
 * confirm, for the rules that read both), at the top of its list: the
 * items nested under it are its details.  What the rules look for (the
 * command words, a vague step, an escalation contact, the verbs steps
 * open with beyond those of action items) is in rules/runbook.rules as
 * Define: stanzas; a --rules directory without them gets no findings
 * from the rule that needs them.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "lint.h"
#include "text.h"
#include "vec.h"

/* A command quoted in a message is cut to this many bytes. */
#define EXCERPT_MAX 60

/* --- What the rules build from the rule set once ------------------------- */

typedef struct runbook_shared {
    bl_strset verbs;            /* RUNBOOK-VERB */
    bl_strset commands;         /* RUNBOOK-COMMAND */
    bl_strset command_words;    /* RUNBOOK-COMMAND-WORD */
    bl_regex *vague;            /* RUNBOOK-VAGUE-STEP, anchored */
    bl_regex *contact;          /* RUNBOOK-CONTACT */
    pcre2_match_data *md;
} runbook_shared;

/* Reads the Define: `name`, a "|"-separated list of words, into set;
 * nothing when the rule set has no such definition. */
static int
read_words(const bl_rules *rules, const char *name, bl_strset *set)
{
    const char *p = NULL;
    size_t i;

    for (i = 0; i < rules->defines.n && p == NULL; i++)
        if (strcmp(rules->defines.items[i].name, name) == 0)
            p = rules->defines.items[i].pattern;
    while (p != NULL && *p) {
        size_t n = strcspn(p, "|");
        char low[48];
        if (n > 0 && n < sizeof low) {
            bl_ascii_lower(p, n, low);
            if (bl_strset_add(set, low, n) < 0)
                return -1;
        }
        p += n;
        p += *p == '|';
    }
    return 0;
}

static void
shared_free(void *state)
{
    runbook_shared *sh = state;

    bl_strset_free(&sh->verbs);
    bl_strset_free(&sh->commands);
    bl_strset_free(&sh->command_words);
    pcre2_match_data_free(sh->md);
    free(sh);
}

static runbook_shared *
shared_get(bl_rules *rules)
{
    runbook_shared *sh = bl_rules_family_cache(rules, "runbook");
    int oom = 0;

    if (sh != NULL)
        return sh;
    if ((sh = calloc(1, sizeof *sh)) == NULL)
        return NULL;
    if ((sh->md = pcre2_match_data_create(4, NULL)) == NULL
        || read_words(rules, "RUNBOOK-VERB", &sh->verbs) < 0
        || read_words(rules, "RUNBOOK-COMMAND", &sh->commands) < 0
        || read_words(rules, "RUNBOOK-COMMAND-WORD", &sh->command_words) < 0
        || ((sh->vague = bl_rules_define_regex(rules, "RUNBOOK-VAGUE-STEP", 1,
                                               &oom)) == NULL && oom)
        || ((sh->contact = bl_rules_define_regex(rules, "RUNBOOK-CONTACT", 0,
                                                 &oom)) == NULL && oom)) {
        shared_free(sh);
        return NULL;
    }
    if (bl_rules_set_family_cache(rules, "runbook", sh, shared_free) < 0)
        return NULL;
    return sh;
}

/* --- Sections, steps and their text -------------------------------------- */

/* Is section s (or a section it is nested in) the canonical `kind`? */
static int
in_kind(const bl_lint_ctx *lc, int s, const char *kind)
{
    return s >= 0 && bl_lint_section_within(lc, s, kind) >= 0;
}

/* Has list item li blocks of its own beyond its first text: a nested
 * list, a code block, a second paragraph? */
static int
has_details(const bl_doc *doc, const int *unit_of, int li)
{
    int u = bl_doc_item_unit(doc, unit_of, li);
    int own = u >= 0 ? doc->units.items[u].block : li;
    size_t b;

    for (b = (size_t)li + 1;
         b < doc->blocks.n && bl_block_is_inside(doc, (int)b, li);
         b++)
        if ((int)b != own)
            return 1;
    return 0;
}

/* Source bytes of unit u's text [b, e), cut at the end of its first
 * line: where a finding about a step goes. */
static void
step_span(const bl_doc *doc, int u, size_t b, size_t e, size_t *p_begin,
          size_t *p_end)
{
    const bl_unit *un = &doc->units.items[u];
    size_t sb = bl_unit_to_source(doc, un, b, 0);
    size_t se = bl_unit_to_source(doc, un, e, 1), lb, le;

    bl_doc_line_span(doc, bl_doc_line_of(doc, sb), &lb, &le);
    if (se > le && le > sb)
        se = le;
    if (se <= sb) {
        size_t cl;
        bl_utf8_decode(doc->src, doc->len, sb, &cl);
        se = sb + cl <= doc->len ? sb + cl : doc->len;
    }
    *p_begin = sb;
    *p_end = se;
}

/* t[b, e) trimmed of white space. */
static void
trim(const char *t, size_t *p_b, size_t *p_e)
{
    while (*p_b < *p_e && bl_is_blank(t[*p_b]))
        (*p_b)++;
    while (*p_e > *p_b && bl_is_blank(t[*p_e - 1]))
        (*p_e)--;
}

/* --- runbook/unnumbered-steps -------------------------------------------- */

/* Does heading text t[0..n) number a step: "1. Drain", "2) Fail over",
 * "Step 3: ..."? */
static int
is_numbered_title(const char *t, size_t n)
{
    size_t i = 0;

    while (i < n && bl_is_blank(t[i]))
        i++;
    if (n - i > 5 && strncasecmp(t + i, "step ", 5) == 0)
        i += 5;
    if (i >= n || t[i] < '0' || t[i] > '9')
        return 0;
    while (i < n && t[i] >= '0' && t[i] <= '9')
        i++;
    return i < n && (t[i] == '.' || t[i] == ')' || t[i] == ':');
}

static int
check_unnumbered(bl_lint_ctx *lc, int rule)
{
    const bl_doc *doc = lc->doc;
    size_t si, b, k;

    for (si = 0; si < doc->sections.n; si++) {
        int numbered = 0, bullets = 0;
        const bl_block *hb;
        if (!bl_lint_section_is_outer(lc, si, "mitigation")
            || !bl_lint_section_has_content(lc, (int)si))
            continue;
        /* Blocks come in document order: the section's are the ones
         * after its heading, up to a block of a section outside it. */
        for (b = (size_t)doc->sections.items[si].heading + 1;
             b < doc->blocks.n && !numbered; b++) {
            const bl_block *x = &doc->blocks.items[b];
            if (!bl_section_is_within(doc, x->section, (int)si))
                break;
            if (x->flags & BL_IN_QUOTE)
                continue;
            numbered = x->type == BL_BLOCK_OL;
            bullets |= x->type == BL_BLOCK_UL;
        }
        for (k = si + 1; k < doc->sections.n && !numbered
             && bl_section_is_within(doc, (int)k, (int)si); k++) {
            size_t n;
            const char *t;
            if (doc->sections.items[k].title_unit < 0)
                continue;
            t = bl_unit_text(doc, &doc->units.items[
                                 doc->sections.items[k].title_unit], &n);
            numbered = is_numbered_title(t, n);
        }
        if (numbered)
            continue;
        hb = &doc->blocks.items[doc->sections.items[si].heading];
        if (bl_lint_report(lc, rule, hb->begin, hb->end, bullets
                           ? "The Mitigation steps are bullets. Number them "
                             "(1., 2., 3.), so the responder keeps their "
                             "place and can say which step failed."
                           : "The Mitigation section has no numbered steps. "
                             "Write what to do as a numbered list, one "
                             "action a step, in the order to do them.",
                           NULL) < 0)
            return -1;
    }
    return 0;
}

/* --- runbook/step-not-imperative ----------------------------------------- */

/* Words that open a condition or a setting before the step's main
 * clause: "If the lag grows, scale ...", "In Grafana, open ...". */
static const char *const lead_ins[] = {
    "if", "when", "whenever", "once", "after", "before", "while", "until",
    "unless", "in", "on", "from", "for", "with", "within", "using", "via",
    "as", "where", "only", "during", "at", "inside", "under", "should",
    "since", "because", "otherwise", "else", NULL
};

/* Where the main clause of t[0..n) starts: after a lead-in clause's comma
 * (or its "then"), else 0; n when it opens with one but has no comma, so
 * nothing can be said of it. */
static size_t
main_clause(const char *t, size_t n)
{
    size_t pos = 0, k, i;
    bl_span w;
    char low[16];

    if (!bl_next_word(t, n, &pos, &w) || w.end - w.begin >= sizeof low)
        return 0;
    bl_ascii_lower(t + w.begin, w.end - w.begin, low);
    low[w.end - w.begin] = '\0';
    for (k = 0; lead_ins[k] != NULL; k++)
        if (strcmp(low, lead_ins[k]) == 0)
            break;
    if (lead_ins[k] == NULL)
        return 0;
    for (i = w.end; i < n; i++) {
        if (t[i] == ',')
            return i + 1;
        if (i + 6 <= n && strncasecmp(t + i, " then ", 6) == 0)
            return i + 6;
        if (t[i] == '.' || t[i] == ';' || t[i] == ':')
            break;
    }
    return n;
}

/* The word w (lower case, as bl_action_opening gives it) as t[0..n)
 * writes it ("MSK", not "msk"), into out; w itself when not found. */
static void
as_written(const char *t, size_t n, const char *w, char *out, size_t cap)
{
    size_t wl = strlen(w), i;

    for (i = 0; wl > 0 && i + wl <= n; i++)
        if ((i == 0 || !bl_is_word_cp((unsigned char)t[i - 1]))
            && strncasecmp(t + i, w, wl) == 0
            && (i + wl == n || !bl_is_word_cp((unsigned char)t[i + wl]))) {
            snprintf(out, cap, "%.*s", (int)wl, t + i);
            return;
        }
    snprintf(out, cap, "%s", w);
}

static int
report_opening(bl_lint_ctx *lc, int rule, int u, const char *t, size_t b,
               size_t e, const bl_opening *op)
{
    char first[48], base[48];
    bl_strbuf msg = {NULL, 0, 0};
    size_t sb, se;
    int rc;

    as_written(t + b, e - b, op->first, first, sizeof first);
    memcpy(base, op->base, sizeof base);
    base[0] = (char)(base[0] >= 'a' && base[0] <= 'z' ? base[0] - 32
                                                      : base[0]);
    if (op->kind == BL_OPENS_GERUND)
        rc = bl_strbuf_addf(&msg, "\"%s\" names an activity. Start the step "
                            "with what to do: \"%s ...\".", first, base);
    else if (op->kind == BL_OPENS_PAST)
        rc = bl_strbuf_addf(&msg, "This step reads as something already "
                            "done, not as something to do. Start with what "
                            "to do (\"Restart ...\"), and put what to expect "
                            "under it (\"Expect ...\").");
    else
        rc = bl_strbuf_addf(&msg, "This step starts with \"%s\", not a verb. "
                            "Start with what to do (\"Restart ...\", \"Drain "
                            "...\"); a result to wait for is \"Expect "
                            "...\".", first);
    if (rc < 0)
        return -1;
    step_span(lc->doc, u, b, e, &sb, &se);
    rc = bl_lint_report(lc, rule, sb, se, msg.items, NULL);
    free(msg.items);
    return rc;
}

static int
check_imperative(bl_lint_ctx *lc, int rule, const runbook_shared *sh,
                 const int *unit_of)
{
    const bl_doc *doc = lc->doc;
    size_t li;

    for (li = 0; li < doc->blocks.n; li++) {
        const bl_block *x = &doc->blocks.items[li];
        bl_opening op;
        size_t n, b, e;
        const char *t;
        int u;
        if (x->type != BL_BLOCK_LI || !(x->flags & BL_LI_ORDERED)
            || (x->flags & BL_IN_QUOTE) || !in_kind(lc, x->section,
                                                    "mitigation")
            || bl_block_enclosing(doc, (int)li, BL_BLOCK_LI) >= 0
            || (u = bl_doc_item_unit(doc, unit_of, (int)li)) < 0)
            continue;
        t = bl_unit_text(doc, &doc->units.items[u], &n);
        b = 0;
        e = n;
        trim(t, &b, &e);
        if (e == b || bl_is_placeholder_text(t + b, e - b))
            continue;
        b += main_clause(t + b, e - b);
        while (b < e && bl_is_blank(t[b]))
            b++;
        /* A template's step still to write: placeholder/unfilled's. */
        if (b >= e || (e - b >= 2 && t[b] == '{' && t[b + 1] == '{'))
            continue;
        if (bl_action_opening(lc, t + b, e - b, &sh->verbs, &op) < 0)
            return -1;
        if ((op.kind == BL_OPENS_NOUN || op.kind == BL_OPENS_GERUND
             || op.kind == BL_OPENS_PAST)
            && report_opening(lc, rule, u, t, b, e, &op) < 0)
            return -1;
    }
    return 0;
}

/* --- runbook/vague-step -------------------------------------------------- */

static int
check_vague(bl_lint_ctx *lc, int rule, runbook_shared *sh,
            const int *unit_of)
{
    const bl_doc *doc = lc->doc;
    size_t li;

    if (sh->vague == NULL)
        return 0;
    for (li = 0; li < doc->blocks.n; li++) {
        const bl_block *x = &doc->blocks.items[li];
        size_t n, b, e, sb, se;
        const char *t;
        int u, rc;
        if (x->type != BL_BLOCK_LI || (x->flags & BL_IN_QUOTE)
            || !(in_kind(lc, x->section, "mitigation")
                 || in_kind(lc, x->section, "confirm"))
            || bl_block_enclosing(doc, (int)li, BL_BLOCK_LI) >= 0
            || (u = bl_doc_item_unit(doc, unit_of, (int)li)) < 0
            || has_details(doc, unit_of, (int)li))
            continue;
        t = bl_unit_text(doc, &doc->units.items[u], &n);
        b = 0;
        e = n;
        trim(t, &b, &e);
        if (e == b)
            continue;
        rc = bl_regex_match(sh->vague, t + b, e - b, 0, sh->md);
        if (rc < 0 || pcre2_get_ovector_pointer(sh->md)[1] != e - b)
            continue;
        step_span(doc, u, b, e, &sb, &se);
        if (bl_lint_report(lc, rule, sb, se, "This step says what to do but "
                           "not how. Write what to look at and what to run "
                           "(the dashboard, the query, the command), so "
                           "someone new to the system can do it.", NULL) < 0)
            return -1;
    }
    return 0;
}

/* --- runbook/command-not-in-code ----------------------------------------- */

/* Words that end a command's arguments: English around a command name
 * ("curl returns 503", "psql to connect", "kubectl or helm"). */
static const char *const not_arguments[] = {
    "the", "a", "an", "to", "is", "was", "are", "were", "be", "been", "it",
    "its", "this", "that", "and", "or", "but", "of", "for", "with", "on",
    "in", "at", "by", "from", "as", "if", "when", "then", "than", "so",
    "not", "no", "will", "can", "should", "must", "may", "might", "would",
    "could", "has", "have", "had", "do", "does", "did", "you", "we", "they",
    "he", "she", "i", "our", "your", "their", "into", "until", "before",
    "after", "while", "which", "who", "what", "where", "how", "all", "any",
    "some", "each", "every", "only", "also", "just", "again", "still",
    "once", "because", "there", "here", "returns", "shows", "prints",
    "reports", "says", "outputs", "displays", "gives", "fails", "works",
    "hangs", "times", "errors", "succeeds", "exits", "lists", "command",
    "commands", "tool", "output", NULL
};

typedef struct token {
    size_t b, e;        /* in the unit's text, punctuation after it cut */
    int ends_clause;    /* ".", ",", ";", ":" or ")" came after it */
} token;

/* The next run of non-blank bytes at or after *p_pos, with the
 * punctuation that ends a clause cut off its end.  0 at the end. */
static int
next_token(const char *t, size_t n, size_t *p_pos, token *tk)
{
    size_t i = *p_pos;

    while (i < n && bl_is_blank(t[i]))
        i++;
    if (i >= n)
        return 0;
    tk->b = i;
    while (i < n && !bl_is_blank(t[i]))
        i++;
    *p_pos = i;
    tk->e = i;
    tk->ends_clause = 0;
    while (tk->e > tk->b && strchr(".,;:)!?", t[tk->e - 1]) != NULL
           && t[tk->e - 1] != '\0') {
        tk->e--;
        tk->ends_clause = 1;
    }
    return 1;
}

static int
is_listed(const char *const *list, const char *w, size_t n)
{
    size_t k;

    for (k = 0; list[k] != NULL; k++)
        if (strlen(list[k]) == n && strncasecmp(list[k], w, n) == 0)
            return 1;
    return 0;
}

/* Can t[b, e) be an argument of a command: flags, names, paths, values,
 * a code span or URL (the placeholder byte)?  *p_strong tells whether it
 * is one only a command has: a flag, a path, KEY=VALUE, a file or host
 * name, a code span. */
static int
is_argument(const char *t, size_t b, size_t e, int *p_strong)
{
    size_t i, dots = 0, digits = 0;

    *p_strong = 0;
    if (e <= b || is_listed(not_arguments, t + b, e - b))
        return 0;
    for (i = b; i < e; i++) {
        char c = t[i];
        if (c == BL_PLACEHOLDER || c == '/' || c == '=')
            *p_strong = 1;
        else if (c == '.')
            dots++;
        else if (c >= '0' && c <= '9')
            digits++;
        else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                   || strchr("_-@:%+~*,'\"", c) != NULL))
            return 0;
    }
    if (e - b >= 2 && t[b] == '-' && t[b + 1] != ' ')
        *p_strong = 1;      /* -n, --namespace */
    /* "config.yaml", "db-1.prod": a name with a dot inside, but not a
     * version ("18.2", "v1.4"). */
    if (dots > 0 && t[e - 1] != '.' && digits + dots < e - b
        && !((t[b] == 'v' || t[b] == 'V') && digits + dots == e - b - 1))
        *p_strong = 1;
    return 1;
}

/* Is t[b, e) a command word, and of which kind: 2 one that is no English
 * word (kubectl), 1 one that is (tail, docker), 0 none.  Only in lower
 * case: "Docker" and "Git" at the start of a sentence are products. */
static int
command_kind(const runbook_shared *sh, const char *t, size_t b, size_t e)
{
    size_t i;

    for (i = b; i < e; i++)
        if (t[i] >= 'A' && t[i] <= 'Z')
            return 0;
    if (bl_strset_has(&sh->commands, t + b, e - b))
        return 2;
    return bl_strset_has(&sh->command_words, t + b, e - b) ? 1 : 0;
}

static int
report_command(bl_lint_ctx *lc, int rule, int u, const char *t, size_t b,
               size_t e)
{
    const bl_doc *doc = lc->doc;
    const bl_unit *un = &doc->units.items[u];
    bl_strbuf quoted = {NULL, 0, 0}, msg = {NULL, 0, 0};
    size_t i, sb, se;
    int rc = 0;

    /* Cut between characters; a code span or URL inside is "`...`". */
    for (i = b; i < e && rc == 0; i++) {
        if (quoted.n >= EXCERPT_MAX && (t[i] & 0xC0) != 0x80) {
            rc = bl_strbuf_add(&quoted, "...", 3);
            break;
        }
        rc = t[i] == BL_PLACEHOLDER ? bl_strbuf_add(&quoted, "`...`", 5)
                                    : bl_strbuf_add(&quoted, t + i, 1);
    }
    if (rc < 0 || bl_strbuf_addf(&msg, "\"%s\" is a command written as "
                                 "prose. Put it in a code span or a code "
                                 "block, so it is copied exactly and never "
                                 "reflowed or auto-corrected.",
                                 quoted.items) < 0) {
        free(quoted.items);
        free(msg.items);
        return -1;
    }
    sb = bl_unit_to_source(doc, un, b, 0);
    se = bl_unit_to_source(doc, un, e, 1);
    rc = bl_lint_report(lc, rule, sb, se > sb ? se : sb + 1, msg.items,
                        NULL);
    free(quoted.items);
    free(msg.items);
    return rc;
}

/* Finds commands in unit u's text: a command word followed by arguments
 * (two, or one a command alone would have; after "sudo" or a "$" prompt,
 * any). */
static int
commands_in(bl_lint_ctx *lc, int rule, const runbook_shared *sh, int u)
{
    const bl_doc *doc = lc->doc;
    size_t n, pos = 0;
    const char *t = bl_unit_text(doc, &doc->units.items[u], &n);
    token tk, prev = {0, 0, 1};
    int have_prev = 0;

    while (next_token(t, n, &pos, &tk)) {
        int kind = command_kind(sh, t, tk.b, tk.e), prompt, strong = 0;
        size_t args = 0, end = tk.e, scan = pos;
        token a;
        prompt = have_prev && prev.e - prev.b == 1 && t[prev.b] == '$';
        have_prev = 1;
        prev = tk;
        if (kind == 0 || tk.e - tk.b != pos - tk.b)
            continue;   /* not a command word, or "kubectl," */
        while (next_token(t, n, &scan, &a)) {
            int s;
            if (!is_argument(t, a.b, a.e, &s))
                break;
            args++;
            strong |= s;
            end = a.e;
            if (a.ends_clause)
                break;
        }
        if ((kind == 2 && (strong || args >= 2))
            || (kind == 1 && strong)
            || ((prompt || (tk.e - tk.b == 4 && memcmp(t + tk.b, "sudo", 4)
                            == 0)) && args >= 1)) {
            if (report_command(lc, rule, u, t, tk.b, end) < 0)
                return -1;
            pos = scan;     /* one finding a command */
            have_prev = 0;
        }
    }
    return 0;
}

static int
check_commands(bl_lint_ctx *lc, int rule, const runbook_shared *sh)
{
    const bl_doc *doc = lc->doc;
    size_t u;

    if (sh->commands.n == 0 && sh->command_words.n == 0)
        return 0;
    for (u = 0; u < doc->units.n; u++) {
        const bl_unit *un = &doc->units.items[u];
        if ((un->flags & (BL_UNIT_HEADING | BL_UNIT_QUOTE))
            || !(in_kind(lc, un->section, "mitigation")
                 || in_kind(lc, un->section, "confirm")))
            continue;
        if (commands_in(lc, rule, sh, (int)u) < 0)
            return -1;
    }
    return 0;
}

/* --- runbook/no-escalation-contact --------------------------------------- */

/* The first unit of section si or after it: units come in document
 * order, so their sections never decrease. */
static size_t
first_unit_of(const bl_doc *doc, int si)
{
    size_t lo = 0, hi = doc->units.n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->units.items[mid].section < si)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Is there a link whose text starts in source bytes [b, e)?  Links come
 * in source order. */
static int
has_link_in(const bl_doc *doc, size_t b, size_t e)
{
    size_t lo = 0, hi = doc->links.n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->links.items[mid].begin < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < doc->links.n && doc->links.items[lo].begin < e;
}

/* Does the Escalation section si (with its subsections) name someone to
 * escalate to, or hold a template slot that stands for one? */
static int
names_contact(const bl_lint_ctx *lc, runbook_shared *sh, size_t si)
{
    const bl_doc *doc = lc->doc;
    const bl_block *hb = &doc->blocks.items[doc->sections.items[si].heading];
    size_t u, k;

    if (has_link_in(doc, hb->end, lc->section_end[si]))
        return 1;
    for (u = first_unit_of(doc, (int)si); u < doc->units.n; u++) {
        const bl_unit *un = &doc->units.items[u];
        size_t n;
        const char *t;
        if (!bl_section_is_within(doc, un->section, (int)si))
            break;
        if (un->flags & BL_UNIT_HEADING)
            continue;
        t = bl_unit_text(doc, un, &n);
        for (k = 0; k + 1 < n; k++)
            if (t[k] == '{' && t[k + 1] == '{')
                return 1;
        if (sh->contact != NULL && bl_regex_match(sh->contact, t, n, 0,
                                                  sh->md) >= 0)
            return 1;
    }
    return 0;
}

static int
check_contact(bl_lint_ctx *lc, int rule, runbook_shared *sh)
{
    const bl_doc *doc = lc->doc;
    size_t si;

    for (si = 0; si < doc->sections.n; si++) {
        const bl_block *hb;
        if (!bl_lint_section_is_outer(lc, si, "escalation")
            || !bl_lint_section_has_content(lc, (int)si)
            || names_contact(lc, sh, si))
            continue;
        hb = &doc->blocks.items[doc->sections.items[si].heading];
        if (bl_lint_report(lc, rule, hb->begin, hb->end, "The Escalation "
                           "section names nobody to escalate to. Name a "
                           "team, an on-call rotation or an @handle, and how "
                           "to reach them: \"page the Orders on-call "
                           "(@orders-oncall)\".", NULL) < 0)
            return -1;
    }
    return 0;
}

/* --- The check ----------------------------------------------------------- */

int
bl_check_runbook(bl_lint_ctx *lc, int rule)
{
    const char *id = lc->rules->rules.items[rule].info.id;
    runbook_shared *sh;
    int *unit_of = NULL, rc = 0;

    if (bl_lint_structure(lc) < 0)
        return -1;
    if (!lc->is_profile_doc
        || bl_heading_index(lc->rules, lc->profile, "mitigation") < 0)
        return 0;
    if ((sh = shared_get(lc->rules)) == NULL)
        return -1;
    if (strcmp(id, "runbook/unnumbered-steps") == 0)
        return check_unnumbered(lc, rule);
    if (strcmp(id, "runbook/command-not-in-code") == 0)
        return check_commands(lc, rule, sh);
    if (strcmp(id, "runbook/no-escalation-contact") == 0)
        return check_contact(lc, rule, sh);
    if ((unit_of = bl_doc_units_by_block(lc->doc)) == NULL)
        return -1;
    if (strcmp(id, "runbook/step-not-imperative") == 0)
        rc = check_imperative(lc, rule, sh, unit_of);
    else if (strcmp(id, "runbook/vague-step") == 0)
        rc = check_vague(lc, rule, sh, unit_of);
    free(unit_of);
    return rc;
}
