/*
 * actions.c: the action/ rules.  Reads the items of the Action Items
 * section and its subsections and reports open items without an owner
 * (action/missing-owner), without a due date (action/missing-due-date)
 * and items that do not say what will be done (action/not-actionable).
 *
 * An item is a top-level list item (bullet, numbered or task) or a table
 * body row.  Bullets nested under an item are its details and count as
 * part of it; a short label ending in a colon with a list under it ("IAM
 * tests:") is a group, whose sub-items are the items.  A bullet list that
 * follows an item ending in a colon, without being indented under it, is
 * taken as that item's details too (a common slip).  Placeholders,
 * guidance for the author and block quotes hold no items.
 *
 * Items that are done need no owner and no date, and are not judged for
 * wording: a checked task, an item or table row marked done, items under
 * a "Done" or "Completed" subsection, and items that report past work
 * ("Added ...", "We enabled ...").  Reports of past work read differently
 * under a subsection that says the items are still open ("Planned"), where
 * "Improved runbooks" is a noun phrase, not something done.
 *
 * The vocabulary the rules share with their users (verbs, date formats,
 * ticket links) is in rules/action.rules as Define: stanzas, compiled here
 * once per check; a --rules directory without them degrades gracefully
 * (no verbs: no wording findings; no ticket patterns: no ticket owners;
 * no owner column words: owner columns only by their last word).
 * The smaller word lists below are grammar, not policy.
 */
#include <stdio.h>
#include <string.h>

#include "lint.h"
#include "lintcache.h"
#include "text.h"
#include "vec.h"

/* --- Word lists ---------------------------------------------------------- */

/* Owners that name nobody in particular, by what they say: that nobody
 * owns the item, that nobody does yet, that anyone may, that everyone
 * does.  action/missing-owner's message answers each in its own terms. */
typedef enum not_owner_kind {
    OWNER_NOBODY = 1,   /* "none", "nobody" */
    OWNER_UNDECIDED,    /* "unassigned", "unknown", "TBD" */
    OWNER_ANYONE,       /* "someone", "anyone", "whoever" */
    OWNER_EVERYONE      /* "everyone", "the team", "all reviewers" */
} not_owner_kind;

static const char *const owners_nobody[] = {
    "none", "nobody", "no one", "noone", "nil", "null", "n/a", "na", NULL
};
static const char *const owners_undecided[] = {
    "tbd", "tbc", "tba", "todo", "unassigned", "unowned", "unknown",
    "not assigned", "not yet assigned", "to be assigned", "to be decided",
    "to be determined", NULL
};
static const char *const owners_anyone[] = {
    "anyone", "anybody", "someone", "somebody", "whoever", NULL
};
static const char *const owners_everyone[] = {
    "everyone", "everybody", "all", "team", "we", "us", "engineers",
    "developers", "devs", "reviewers", NULL
};

/* Which of these the lower-case word or phrase w[0..n) is, or 0. */
static int
not_owner_of(const char *w, size_t n)
{
    static const char *const *const lists[] = {
        owners_nobody, owners_undecided, owners_anyone, owners_everyone
    };
    size_t k, i;

    for (k = 0; k < sizeof lists / sizeof *lists; k++)
        for (i = 0; lists[k][i] != NULL; i++)
            if (bl_lit_equals(lists[k][i], w, n))
                return (int)k + OWNER_NOBODY;
    return 0;
}

/* Words that end a team's name ("Payments team", "SRE on-call"). */
static const char *const team_words[] = {
    "team", "teams", "squad", "guild", "crew", "group", "on-call", "oncall",
    "rotation", "rota", "rotas", "sre", "sres", "ops", "dba", "dbas",
    "engineering", "lead",
    "leads", "engineer", "engineers", "developer", "developers", "owner",
    "owners", "manager", "managers", "admin", "admins", "qa", "noc", "soc",
    "devops", "secops", "infosec", "security", "support", NULL
};

/* A word that marks an item done, in "(done)", "- completed", "DONE",
 * or closed without being done ("Cancelled", "(dropped: ...)"): either
 * way nobody needs to own it any more. */
static const char *const done_words[] = {
    "done", "completed", "complete", "fixed", "resolved", "closed",
    "shipped", "merged", "deployed", "implemented", "finished", "delivered",
    "cancelled", "canceled", "rejected", "dropped", "obsolete", "declined",
    "wontfix", NULL
};

/* Two-word states that close an item, read by has_done_words as one
 * word: "Won't do", "Wont fix", "Not planned".  The first word is looked
 * up as the ASCII run unit_words sees ("won" of "won't"). */
static const struct { const char *first, *run, *second; } done_pairs[] = {
    {"won't", "won", "do"}, {"won't", "won", "fix"}, {"wont", "wont", "do"},
    {"wont", "wont", "fix"}, {"not", "planned", "planned"}, {NULL, NULL, NULL}
};

/* Subsection titles: "Done", "Immediate actions (completed)"... */
static const char *const done_title_words[] = {
    "done", "completed", "complete", "finished", "resolved", "closed",
    "shipped", "implemented", "already", NULL
};

/* ... and "Open", "Planned", "Long-term improvements". */
static const char *const open_title_words[] = {
    "open", "planned", "plan", "pending", "todo", "progress", "in-progress",
    "ongoing", "remaining", "outstanding", "future", "next", "upcoming",
    "proposed", "incomplete", "long-term", "short-term", "medium-term",
    "longer-term", "later", "backlog", NULL
};

/* Words that let a clause say what will be done without opening with a
 * verb: "We should ...", "The release process must ...". */
static const char *const modals[] = {
    "will", "should", "must", "shall", "would", "could", "can", "might",
    "may", "need", "needs", "want", "wants", "plan", "plans", "intend",
    "intends", "aim", "aims", "going", "ought", "won't", "shouldn't",
    "can't", "cannot", "mustn't", "wouldn't", "needn't", "to-do", NULL
};

/* Words after which an -ing or -ed word is verbal ("Adding a retry",
 * "Switched to pnpm"), and before which an -ed word is an adjective ("the
 * failed job").  Determiners, pronouns and prepositions. */
static const char *const function_words[] = {
    "the", "a", "an", "our", "their", "its", "his", "her", "my", "your",
    "this", "that", "these", "those", "all", "each", "every", "some", "any",
    "no", "more", "new", "other", "both", "it", "them", "him", "us", "me",
    "to", "into", "from", "on", "off", "up", "out", "in", "for", "with",
    "by", "at", "over", "under", "across", "around", "away", "back", "down",
    "through", "via", "as", "about", "per", "of", "and", "or", "but",
    "which", "who", "when", "if", "than", "whether", NULL
};

/* Words an item may open with before its verb: "Also add ...". */
static const char *const adverbs[] = {
    "also", "then", "please", "immediately", "first", "firstly", "finally",
    "additionally", "urgently", "asap", "now", "always", "never",
    "continuously", "regularly", "periodically", "proactively",
    "automatically", "explicitly", "temporarily", "permanently", "manually",
    "ideally", "optionally", "eventually", "quickly", "separately",
    "henceforth", NULL
};

/* Priority tags: "**HIGH** Include ...", "P1: Alert on ...". */
static const char *const priority_words[] = {
    "high", "medium", "med", "low", "critical", "crit", "urgent", "blocker",
    "major", "minor", "must-have", "nice-to-have", "quick-win", "sev1",
    "sev2", "sev3", "sev4", NULL
};

/* Simple pasts and participles that report work done. */
static const char *const irregular_pasts[] = {
    "made", "built", "wrote", "took", "ran", "began", "sent", "kept", "held",
    "brought", "taught", "found", "gave", "got", "did", "rebuilt", "rewrote",
    "reran", "paid", "led", "told", "chose", "drove", "froze", "hid",
    "spent", "spun", "stood", "fed", "bought", "was", "were", "been", NULL
};

/* -ing words that name a thing in incident reports far more often than
 * an activity: an environment, a feature, a function of the business
 * ("Staging perf index ...", "Versioning on user-data buckets", "Paging
 * alert on ..."), so no -ing verb is suggested for them. */
static const char *const ing_names[] = {
    "staging", "billing", "pricing", "ticketing", "versioning", "paging",
    "routing", "networking", "hosting", "booking", "onboarding",
    "offboarding", NULL
};

/* Participles that, before a noun, make an adjective: "Written warning". */
static const char *const en_participles[] = {
    "written", "taken", "given", "broken", "chosen", "driven", "hidden",
    "frozen", "shown", "rewritten", "forgotten", "stolen", "spoken",
    "proven", "known", "grown", "drawn", "thrown", "blown", NULL
};

/* -ed words that look ahead rather than back ("Upgrade scheduled for
 * Q3"): not a report of work done. */
static const char *const future_participles[] = {
    "required", "needed", "scheduled", "planned", "proposed", "requested",
    "expected", "desired", "intended", "suggested", "wanted", NULL
};

/* Words that open a question. */
static const char *const question_words[] = {
    "can", "could", "should", "shall", "would", "will", "how", "what", "why",
    "when", "where", "who", "which", "is", "are", "do", "does", "did",
    "must", "may", "might", "any", NULL
};

/* Nouns and adjectives in -ise that are no verbs. */
static const char *const ise_nouns[] = {
    "enterprise", "expertise", "franchise", "merchandise", "otherwise",
    "likewise", "clockwise", "paradise", "precise", "concise", "premise",
    "treatise", NULL
};

/* Is the lower-case word w[0..n) one of list? */
static int
in_list(const char *const *list, const char *w, size_t n)
{
    size_t k;

    for (k = 0; list[k] != NULL; k++)
        if (bl_lit_equals(list[k], w, n))
            return 1;
    return 0;
}

static int
ends_with(const char *w, size_t n, const char *suffix)
{
    size_t sn = strlen(suffix);
    return n >= sn && memcmp(w + n - sn, suffix, sn) == 0;
}

static int
is_alpha_ascii(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* --- One check's state --------------------------------------------------- */

/* What a subsection's title and lead paragraphs say about its items. */
typedef struct group_info {
    unsigned char in_actions;   /* within the Action Items section */
    unsigned char done, open;   /* "Done"; "Planned", "Open" */
    unsigned char owner;        /* names an owner for every item */
    unsigned char ticket;       /* links a ticket for every item */
    unsigned char due;          /* gives a date */
    unsigned char seen_item;    /* scratch: lead paragraphs end here */
} group_info;

/* Per list-item block: a group label ("IAM tests:") and what it says for
 * the items under it. */
#define GROUP_LABEL  0x01
#define GROUP_OWNER  0x02
#define GROUP_TICKET 0x04
#define GROUP_DUE    0x08
#define GROUP_DONE   0x10

typedef struct action_item {
    int block;              /* the list item or table row */
    int section;            /* its group: a part id (bl_lint_part_of) */
    int own_unit;           /* the unit of its own text (first line) */
    int is_row;
    int checked;            /* "- [x]" */
    unsigned inherited;     /* GROUP_* of the group label above it */
    int extra_begin, extra_end; /* blocks of details not indented under it */
    /* Table rows: the unit of the Owner, Due, Ticket and Status cells. */
    int owner_cell, due_cell, ticket_cell, status_cell;
} action_item;

/* A Define: pattern, compiled on first use and JIT-compiled once that
 * pays off. */
typedef struct lazy_re {
    pcre2_code *code;
    unsigned uses;
    int tried;          /* compiled, or found missing or invalid */
    int jit;
} lazy_re;

/* The size of actions_shared's scan_filter, in bits: about 30 words set
 * at most 30 of them, so a word not listed hits one 3% of the time. */
#define SCAN_FILTER_BITS 1024

/* What the rules build from the rule set once and keep in it for every
 * document (bl_rules_family_cache). */
typedef struct actions_shared {
    bl_strset verbs;        /* ACTION-VERB's words */
    bl_strset owner_cols;   /* OWNER-COLUMN's words */
    bl_regex *due, *ref;    /* DUE-DATE, TRACKER-REF: prose, the rule set's */
    lazy_re url;            /* TRACKER-URL: on bytes, so compiled here */
    pcre2_match_data *md;
    /* The bits (scan_filter_bit) of the words unit_words looks for: most
     * words of a unit miss them, and are ruled out at once. */
    unsigned char scan_filter[SCAN_FILTER_BITS / 8];
} actions_shared;

/* What a rule needs to know of an item; whether it is done, always. */
#define NEED_OWNER 0x01
#define NEED_DUE   0x02

typedef struct actions_run {
    bl_lint_ctx *lc;
    const bl_doc *doc;
    int owner_from_link;
    unsigned need;          /* NEED_* of the rules enabled */
    actions_shared *sh;
    const bl_strset *more_verbs;    /* a caller's own (bl_action_opening) */
    /* Per block, from one pass over the tree. */
    int *blk_end;           /* one past its last descendant */
    int *li_anc;            /* nearest list item above it, or -1 */
    int *prev_sibling;
    unsigned char *has_sublist;
    unsigned char *group;   /* GROUP_* for list items */
    int *first_unit, *next_unit;    /* the units of each block */
    group_info *groups;     /* per part id (bl_lint_part_of) */
    int *group_of_block;    /* per block: group_of, asked of every block */
    struct { action_item *items; size_t n, alloc; } items;
    struct item_facts *facts;   /* per item, as judge() found them */
    /* unit_words of the text judged last: judge_unit asks twice. */
    const char *words_text;
    size_t words_n;
    unsigned words_found;
} actions_run;

/* --- The rules' patterns ------------------------------------------------- */

/* Does TRACKER-URL match link destination s[0..n)?  A destination is
 * the source's bytes, not necessarily valid UTF-8, so the pattern runs
 * on bytes, compiled here rather than with the rule set's options. */
static int
url_matches(actions_run *r, const char *s, size_t n)
{
    lazy_re *re = &r->sh->url;
    const bl_rules *rules = r->lc->rules;

    if (!re->tried) {
        size_t i;
        re->tried = 1;
        for (i = 0; i < rules->defines.n; i++) {
            bl_strbuf src = {NULL, 0, 0};
            int err;
            PCRE2_SIZE off;
            if (strcmp(rules->defines.items[i].name, "TRACKER-URL") != 0)
                continue;
            if (bl_strbuf_addf(&src, "(?:%s)",
                               rules->defines.items[i].pattern) == 0)
                re->code = pcre2_compile((PCRE2_SPTR)src.items, src.n,
                                         PCRE2_CASELESS, &err, &off, NULL);
            free(src.items);
            break;
        }
    }
    if (re->code == NULL || n == 0)
        return 0;
    /* JIT costs a millisecond or two: worth it for a long table. */
    if (++re->uses >= 32 && !re->jit) {
        re->jit = 1;
        pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE);
    }
    return pcre2_match(re->code, (PCRE2_SPTR)s, n, 0, 0, r->sh->md,
                       NULL) >= 0;
}

/* Reads the alternation of words of Define name (ACTION-VERB,
 * OWNER-COLUMN) into a set: a lookup per word costs far less than a regex
 * of 800 branches.  Entries that are not plain words (letters, UTF-8 ones
 * too, ' and -) are ignored; ASCII letters are lower-cased, as
 * split_words does. */
static int
read_word_list(bl_strset *set, const bl_rules *rules, const char *name)
{
    const char *p;
    size_t i;

    for (i = 0; i < rules->defines.n; i++)
        if (strcmp(rules->defines.items[i].name, name) == 0)
            break;
    if (i == rules->defines.n)
        return 0;
    for (p = rules->defines.items[i].pattern; *p; ) {
        size_t n = strcspn(p, "|"), k;
        char low[48];
        int plain = n > 0 && n < sizeof low;
        for (k = 0; plain && k < n; k++)
            plain = (p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z')
                    || p[k] == '\'' || p[k] == '-'
                    || (unsigned char)p[k] >= 0x80;
        if (plain) {
            bl_ascii_lower(p, n, low);
            if (bl_strset_add(set, low, n) < 0)
                return -1;
        }
        p += n;
        p += *p == '|';
    }
    return 0;
}

/* Is the lower-case word w[0..n) listed in ACTION-VERB? */
static int
is_listed_verb(const actions_run *r, const char *w, size_t n)
{
    return bl_strset_has(&r->sh->verbs, w, n)
           || (r->more_verbs != NULL && bl_strset_has(r->more_verbs, w, n));
}

/* Can w[0..n) open an action as a verb?  Listed verbs, a listed verb
 * after a prefix ("reindex", "unpin"), a compound of two parts whose
 * second is a listed verb ("re-enable", "chaos-test", "geo-replicate"),
 * and -ize, -ise and -ify words. */
static int
is_verb(const actions_run *r, const char *w, size_t n)
{
    static const char *const prefixes[] = {"re", "un", "de", "pre", NULL};
    const char *dash;
    size_t k;

    if (n == 0 || n > 40)
        return 0;
    if (is_listed_verb(r, w, n))
        return 1;
    dash = memchr(w, '-', n);
    if (dash != NULL) {
        /* English makes verbs this way ("load-test", "double-check"),
         * the verb last.  Longer chains are phrases used as nouns
         * ("end-to-end"), and after a preposition the compound is a noun
         * or an adjective ("on-call", "post-deploy checks"). */
        static const char *const noun_heads[] = {
            "on", "in", "off", "out", "per", "post", "non", "mid", "multi",
            "real", "inter", "intra", NULL
        };
        const char *last = dash + 1;
        size_t ln = (size_t)(w + n - last), fn = (size_t)(dash - w);
        return fn >= 2 && ln >= 2 && memchr(last, '-', ln) == NULL
               && !in_list(noun_heads, w, fn)
               && is_listed_verb(r, last, ln);
    }
    for (k = 0; prefixes[k] != NULL; k++) {
        size_t pl = strlen(prefixes[k]);
        if (n >= pl + 3 && memcmp(w, prefixes[k], pl) == 0
            && is_listed_verb(r, w + pl, n - pl))
            return 1;
    }
    if (n >= 7 && (ends_with(w, n, "ize") || ends_with(w, n, "ise"))
        && !in_list(ise_nouns, w, n))
        return 1;
    return n >= 5 && ends_with(w, n, "ify");
}

/* Is w the past tense or participle of a verb: "added", "moved",
 * "applied", "pinned", "re-worked", "built"? */
static int
is_past(const actions_run *r, const char *w, size_t n)
{
    char stem[48];

    if (in_list(irregular_pasts, w, n) || in_list(en_participles, w, n))
        return 1;
    if (n < 4 || n >= sizeof stem || !ends_with(w, n, "ed"))
        return 0;
    if (is_verb(r, w, n - 2) || is_verb(r, w, n - 1))
        return 1;
    if (n >= 5 && w[n - 3] == 'i') {
        memcpy(stem, w, n - 3);
        stem[n - 3] = 'y';
        if (is_verb(r, stem, n - 2))
            return 1;
    }
    return n >= 6 && w[n - 3] == w[n - 4] && is_verb(r, w, n - 3);
}

/* If w is the -ing form of a verb, writes the verb into base (cap >= 48)
 * and returns 1: "monitoring" -> "monitor", "creating" -> "create",
 * "running" -> "run". */
static int
gerund_base(const actions_run *r, const char *w, size_t n, char *base)
{
    if (n < 5 || n > 44 || !ends_with(w, n, "ing"))
        return 0;
    memcpy(base, w, n - 3);
    base[n - 3] = '\0';
    if (is_verb(r, base, n - 3))
        return 1;
    base[n - 3] = 'e';
    base[n - 2] = '\0';
    if (is_verb(r, base, n - 2))
        return 1;
    if (n >= 6 && w[n - 4] == w[n - 5] && is_verb(r, w, n - 4)) {
        base[n - 4] = '\0';
        return 1;
    }
    return 0;
}

/* --- Words of an item ---------------------------------------------------- */

#define MAX_WORDS 24

typedef struct word {
    size_t begin, end;      /* in the text */
    char low[48];           /* lower-cased, ’ read as ' */
    size_t n;
    int ascii;              /* ASCII letters, digits, ' and - only */
    int caps;               /* written in capitals ("HIGH", "DONE") */
    int upper;              /* starts with a capital ("Dana") */
} word;

/* Splits text into its first MAX_WORDS words; returns how many. */
static size_t
split_words(const char *t, size_t n, word *w)
{
    size_t pos = 0, k = 0;
    bl_span sp;

    while (k < MAX_WORDS && bl_next_word(t, n, &pos, &sp)) {
        word *x = &w[k];
        size_t i, upper = 0, letters = 0;
        x->begin = sp.begin;
        x->end = sp.end;
        x->n = 0;
        x->ascii = 1;
        for (i = sp.begin; i < sp.end && x->n + 1 < sizeof x->low; i++) {
            unsigned char c = (unsigned char)t[i];
            if (c >= 'a' && c <= 'z') {
                letters++;      /* most bytes: tested first */
            } else if (c >= 'A' && c <= 'Z') {
                upper++;
                letters++;
                c = (unsigned char)(c + 32);
            } else if (c == 0xE2 && i + 2 < sp.end
                       && (unsigned char)t[i + 1] == 0x80
                       && (unsigned char)t[i + 2] == 0x99) {
                x->low[x->n++] = '\'';
                i += 2;
                continue;
            } else if (c >= 0x80) {
                x->ascii = 0;
            }
            x->low[x->n++] = (char)c;
        }
        if (i < sp.end)
            x->ascii = 0;   /* too long to be a word we know */
        x->low[x->n] = '\0';
        x->caps = upper >= 2 && upper == letters;
        x->upper = t[sp.begin] >= 'A' && t[sp.begin] <= 'Z';
        k++;
    }
    return k;
}

/* The text between word k and the next (or the end of the text). */
static void
gap_after(size_t n, const word *w, size_t nw, size_t k, size_t *p_b,
          size_t *p_e)
{
    *p_b = w[k].end;
    *p_e = k + 1 < nw ? w[k + 1].begin : n;
}

/* Is one of chars in t[b, e)?  Gaps are a byte or two, too short to pay
 * for a call of strchr per byte. */
static int
gap_has(const char *t, size_t b, size_t e, const char *chars)
{
    size_t i, k;

    for (i = b; i < e; i++)
        for (k = 0; chars[k] != '\0'; k++)
            if (t[i] == chars[k])
                return 1;
    return 0;
}

/* Does a sentence end after word k ("." "?" "!" ";")? */
static int
ends_sentence(const char *t, size_t n, const word *w, size_t nw, size_t k)
{
    size_t b, e;

    gap_after(n, w, nw, k, &b, &e);
    return gap_has(t, b, e, ".?!;");
}

/* Is the gap after word k a label's end: a colon (not in 14:02), or a dash
 * between spaces ("Alerting - add ..."), or an em dash? */
static int
ends_label(const char *t, size_t n, const word *w, size_t nw, size_t k)
{
    size_t b, e, i;

    gap_after(n, w, nw, k, &b, &e);
    for (i = b; i < e; i++) {
        if (t[i] == ':' && !(i == b && i + 1 == e && k + 1 < nw
                             && t[b - 1] >= '0' && t[b - 1] <= '9'
                             && t[e] >= '0' && t[e] <= '9'))
            return 1;
        if (t[i] == '-' && i > b && bl_is_blank(t[i - 1]) && i + 1 < e
            && bl_is_blank(t[i + 1]))
            return 1;
        if (e - i >= 3 && (unsigned char)t[i] == 0xE2
            && (unsigned char)t[i + 1] == 0x80
            && ((unsigned char)t[i + 2] == 0x94
                || (unsigned char)t[i + 2] == 0x93))
            return 1;
    }
    return 0;
}

/* --- How an item starts -------------------------------------------------- */

typedef enum start_kind {
    START_VERB,         /* "Add ...", "We should ...", "SRE team to ..." */
    START_UNSURE,       /* code, a foreign word, "Adding a retry" */
    START_REPORT,       /* past work: "Added a retry", "We enabled ..." */
    START_MAYBE_DONE,   /* "Improved runbooks": done, or a noun phrase */
    START_NOUN,         /* "Postgres upgrade", "Better alerting" */
    START_GERUND,       /* "Monitoring", "Testing for the proxy" */
    START_QUESTION      /* "Can we page on lag?" */
} start_kind;

typedef struct start {
    start_kind kind;
    char first[48];     /* the first word, lower-cased */
    char shown[48];     /* ... as written, which a finding quotes */
    char base[48];      /* a gerund's verb */
    int owner;          /* 1: "SRE team to ...", "Kofi will ...", -1:
                           "Everyone to ..." */
    char who[48];       /* who a -1 owner is, as written */
    /* A capitalised word that is also an English word ("Mark will run
     * ...", "Grant: add ..."), in text offsets: the owner when the
     * document shows elsewhere that it is a person's name. */
    size_t maybe_b, maybe_e;
    int imperative;     /* the first word is a verb */
    int first_past;     /* the first word is a past form ("Improved") */
    /* Flags beside the kind, which stays what the words' order says (a
     * runbook step is judged by it, bl_action_opening): */
    int no_task;        /* says nothing will be done: "There will be no
                           disciplinary action" */
    int now_done;       /* says how things are now the work is done: "The
                           bot now reminds ..." */
    int states;         /* says what will be true once it is done: "The
                           release process must ...", "Gateways fetch
                           JWKS from ...": no instruction (a runbook step
                           is still told so), but as checkable as one */
} start;

/* Phrases that say when, before a comma: "Going forward, ...", "From now
 * on, ...".  Not a verb: "Going forward" is no activity to start with. */
static const char *const lead_phrases[] = {
    "going forward", "moving forward", "from now on", "in future",
    "in the future", "in the long term", "long term", "short term", NULL
};

/* Words that open a clause of when or whether, before the action: "After
 * failover, trigger ...", "On read-only error, drop ...". */
static const char *const condition_words[] = {
    "after", "before", "when", "whenever", "once", "during", "on", "if",
    "until", NULL
};

/* How many words of lead_phrases open words i.. of t, followed by a
 * comma; or 0.  A clause of when or whether up to a comma in its first
 * six words counts too. */
static size_t
lead_phrase(const char *t, size_t n, const word *w, size_t nw, size_t i)
{
    size_t k, m, b, e;

    if (in_list(condition_words, w[i].low, w[i].n))
        for (m = 1; m <= 6 && i + m < nw; m++) {
            gap_after(n, w, nw, i + m - 1, &b, &e);
            if (gap_has(t, b, e, ","))
                return m;
            if (gap_has(t, b, e, ".;:!?"))
                break;
        }

    for (k = 0; lead_phrases[k] != NULL; k++) {
        const char *p = lead_phrases[k];
        if (p[0] != w[i].low[0])
            continue;   /* most words: before measuring the phrase's */
        for (m = 0; i + m < nw && *p != '\0'; m++) {
            size_t len = strcspn(p, " ");
            if (w[i + m].n != len || memcmp(w[i + m].low, p, len) != 0)
                break;
            p += len;
            p += *p == ' ';
        }
        if (*p != '\0' || i + m >= nw)
            continue;
        gap_after(n, w, nw, i + m - 1, &b, &e);
        if (gap_has(t, b, e, ","))
            return m;
    }
    return 0;
}

/* Labels before an owner: "Owner: Dana", "DRI - @kim" (scan_owner_labels
 * reads them; skip_lead passes over "owner: @jon —" before the work). */
static const char *const owner_labels[] = {
    "owner", "owners", "dri", "dris", "assignee", "assignees", NULL
};

/* Skips what an item may carry before its first real word: ticket
 * references, priority tags, dates, @handles, owner leads, emoji,
 * adverbs. */
static size_t
skip_lead(const char *t, size_t n, const word *w, size_t nw, size_t i)
{
    size_t k;

    while (i < nw) {
        const word *x = &w[i];
        size_t b, e;
        int tag_end;
        gap_after(n, w, nw, i, &b, &e);
        tag_end = gap_has(t, b, e, ":)]-") || i + 1 == nw;
        if (x->begin > 0 && (t[x->begin - 1] == '#' || t[x->begin - 1] == '@'))
            i++;    /* [#2226]: ..., @priya: ... */
        else if (tag_end && i + 1 < nw && w[i + 1].begin > 0
                 && t[w[i + 1].begin - 1] == '@'
                 && in_list(owner_labels, x->low, x->n))
            i++;    /* owner: @jon — the work */
        else if (i > 0 && x->begin > 0 && t[x->begin - 1] == '('
                 && w[i - 1].begin > 0 && t[w[i - 1].begin - 1] == '@'
                 && gap_has(t, b, e, ")"))
            i++;    /* @cs-lead (Rosa) — the work */
        else if (x->low[0] >= '0' && x->low[0] <= '9')
            i++;    /* 2025-03-01: ..., 1) ... */
        else if (x->n == 2 && x->low[0] == 'p' && x->low[1] >= '0'
                 && x->low[1] <= '4')
            i++;    /* P1 */
        else if (in_list(priority_words, x->low, x->n) && (x->caps || tag_end))
            i++;    /* **HIGH**, Low: */
        else if (x->caps && memchr(x->low, '-', x->n) != NULL
                 && x->low[x->n - 1] >= '0' && x->low[x->n - 1] <= '9')
            i++;    /* OPS-123 */
        else if (in_list(adverbs, x->low, x->n)
                 || (x->n >= 6 && (ends_with(x->low, x->n, "ally")
                                   || ends_with(x->low, x->n, "ily"))))
            i++;    /* "Also add ...", "Gradually roll out ..." */
        else if ((k = lead_phrase(t, n, w, nw, i)) > 0)
            i += k; /* "Going forward, owners ..." */
        else
            break;
    }
    return i;
}

static int is_nobody(const char *s, size_t n);
static void quote_into(char *out, size_t cap, const char *s, size_t n);

/* --- Who is given the work ----------------------------------------------- */

/* Words a subject that names nobody opens with: "No one", "Nobody". */
static const char *const negatives[] = {
    "no", "nobody", "noone", "none", "neither", NULL
};

/* What a person undergoes rather than does: "No one will face ...", and
 * what they would undergo after an incident. */
static const char *const undergo_verbs[] = {
    "face", "receive", "suffer", "incur", NULL
};
static const char *const punishments[] = {
    "disciplinary", "discipline", "action", "warning", "warnings",
    "consequences", "penalty", "penalties", "reprimand", "reprimands",
    "blame", "punishment", "sanctions", "sanction", NULL
};

/* Lower-case words inside a name: "Ludwig van Beethoven", "Kofi and Mei". */
static const char *const name_particles[] = {
    "van", "von", "de", "der", "den", "del", "della", "da", "das", "dos",
    "di", "du", "la", "le", "ter", "ten", "bin", "ibn", "al", "el", "and",
    NULL
};

/* May a name start with cp: a capital (Latin, Greek, Cyrillic), or a
 * letter of a script without capitals (Hebrew, Arabic, Indic, Thai, CJK,
 * Hangul), where nothing marks a name? */
static int
is_name_initial(uint32_t cp)
{
    return bl_is_upper_cp(cp) || (cp >= 0x590 && cp <= 0xE7F)
           || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF)
           || (cp >= 0xAC00 && cp <= 0xD7AF);
}

/* Is lower-case w[0..n) a verb's -s form: "reminds", "fixes", "retries"
 * (or the plural of a noun that is a verb too: "alerts")? */
static int
is_verb_s(const actions_run *r, const char *w, size_t n)
{
    char base[48];

    if (n < 4 || n >= sizeof base || w[n - 1] != 's' || w[n - 2] == 's')
        return 0;
    if (is_verb(r, w, n - 1) || (w[n - 2] == 'e' && is_verb(r, w, n - 2)))
        return 1;
    if (w[n - 2] == 'e' && w[n - 3] == 'i') {
        memcpy(base, w, n - 3);
        base[n - 3] = 'y';
        return is_verb(r, base, n - 2);
    }
    return 0;
}

/* Does word x read as an English word, so that capitalised it may still
 * be one rather than a name: a verb ("Mark", "Build"), an -ing or -ed
 * form of one, a plural ("Lessons", "Retries"; a name ends in a vowel
 * and s: "Thomas", "James"), or a noun by its ending ("Pricing",
 * "Documentation", "Observability")?  Guesses: a name taken for a word is
 * read as one still where the document shows it is (judge()). */
static int
is_english_word(const actions_run *r, const word *x)
{
    static const char *const noun_endings[] = {
        "ing", "tion", "sion", "ment", "ness", "ity", "ship", "ism", "ogy",
        "ware", "age", NULL
    };
    char base[48];
    size_t n = x->n, k;

    if (!x->ascii)
        return 0;
    if (is_verb(r, x->low, n) || gerund_base(r, x->low, n, base)
        || is_past(r, x->low, n))
        return 1;
    for (k = 0; n >= 5 && noun_endings[k] != NULL; k++)
        if (ends_with(x->low, n, noun_endings[k])
            && n >= strlen(noun_endings[k]) + 3)
            return 1;
    if (n < 4 || x->low[n - 1] != 's' || x->low[n - 2] == 's')
        return 0;
    return !strchr("aeiouy'", x->low[n - 2]) || is_verb_s(r, x->low, n);
}

/* Can word x of t be part of a person's name?  0: no (a lower-case word,
 * an acronym, a product in CamelCase, a word with a digit, one of the
 * rule set's Not-Names, a function word); 1: yes; 2: only if the document
 * shows elsewhere that it is a name, since it is an English word too
 * ("Mark", "Grant"). */
static int
name_word(const actions_run *r, const char *t, size_t n, const word *x)
{
    size_t i, cl, chars = 0;
    uint32_t prev = 0;

    if (x->caps || x->end - x->begin >= sizeof x->low)
        return 0;
    for (i = x->begin; i < x->end; i += cl, chars++) {
        uint32_t cp = bl_utf8_decode(t, n, i, &cl);
        if (chars == 0 && !is_name_initial(cp))
            return 0;
        if (cp >= '0' && cp <= '9')
            return 0;
        /* A capital inside a name comes after a hyphen or an apostrophe
         * (Jean-Luc, O'Brien) or a surname prefix (McKenzie, DeShawn);
         * elsewhere it marks a product (GitHub, PagerDuty). */
        if (chars > 0 && bl_is_upper_cp(cp) && prev != '-' && prev != '\''
            && prev != 0x2019
            && !(chars == 2 && (x->low[0] == 'm' || x->low[0] == 'd'
                                || x->low[0] == 'l'))
            && !(chars == 3 && strncmp(x->low, "mac", 3) == 0))
            return 0;
        prev = cp;
    }
    if ((r->lc != NULL
         && bl_strset_has(&r->lc->rules->not_names, t + x->begin,
                          x->end - x->begin))
        || in_list(function_words, x->low, x->n)
        || in_list(modals, x->low, x->n) || in_list(adverbs, x->low, x->n)
        || in_list(question_words, x->low, x->n)
        || not_owner_of(x->low, x->n)
        || in_list(team_words, x->low, x->n)
        || in_list(priority_words, x->low, x->n)
        || in_list(done_words, x->low, x->n))
        return 0;
    return is_english_word(r, x) ? 2 : 1;
}

/* Do words w[b, e) of t name a person: "Kofi", "Ana Ribeiro", "Niamh
 * O'Brien", "Łukasz", "Ludwig van Beethoven", "Kofi and Mei"?  As for
 * name_word: 0, 1, or 2 when the first word is an English word too ("Mark
 * Chen", but also "Ask Dana"). */
static int
person_name(const actions_run *r, const char *t, size_t n, const word *w,
            size_t b, size_t e)
{
    size_t k;
    int first = 0;

    if (e <= b || e - b > 4)
        return 0;
    for (k = b; k < e; k++) {
        int v;
        if (k > b && (w[k].begin - w[k - 1].end != 1
                      || !bl_is_blank(t[w[k - 1].end])))
            return 0;   /* "Kofi, Mei": a list, or "Ops: Kofi" */
        if (k > b && k + 1 < e && in_list(name_particles, w[k].low, w[k].n))
            continue;
        if ((v = name_word(r, t, n, &w[k])) == 0)
            return 0;
        if (k == b)
            first = v;
    }
    return first;
}

/* Words w[b, e) of t, given the work ("... to add", "... will run"): 1
 * when they name a team or a person, -1 when they name nobody in
 * particular ("Everyone to ...", "The team will ..."), 0 when neither
 * ("Tooling to detect drift": a thing and its purpose).  A name that is
 * an English word too is kept in st->maybe_b, maybe_e. */
static int
subject_owner(const actions_run *r, const char *t, size_t n, const word *w,
              size_t b, size_t e, start *st)
{
    size_t sb = w[b].begin, se = w[e - 1].end;

    /* "Nobody to use the token": a rule for all, not an owner. */
    if (in_list(negatives, w[b].low, w[b].n))
        return 0;
    quote_into(st->who, sizeof st->who, t + sb, se - sb);
    /* Whole words: "Anya to review ..." names someone. */
    if (strcmp(w[b].low, "all") == 0 || strcmp(w[b].low, "every") == 0
        || strcmp(w[b].low, "any") == 0 || strcmp(w[b].low, "each") == 0
        || is_nobody(t + sb, se - sb))
        return -1;  /* "Everyone to double-check ...", "The team will" */
    if (in_list(team_words, w[e - 1].low, w[e - 1].n))
        return 1;
    switch (person_name(r, t, n, w, b, e)) {
    case 1:
        return 1;
    case 2:
        st->maybe_b = sb;
        st->maybe_e = se;
        break;
    default:
        break;
    }
    return 0;
}

/* Is the gap between words a and a + 1 of t blanks only? */
static int
blank_gap(const char *t, const word *w, size_t a)
{
    size_t i;

    for (i = w[a].end; i < w[a + 1].begin; i++)
        if (!bl_is_blank(t[i]))
            return 0;
    return 1;
}

/* Do words w[k..] give the work to the words before them: "to", "will",
 * "shall" or "is going to", perhaps an adverb, then a verb ("will also
 * run")?  Returns the index of the verb, or 0.  *passive is set for "will
 * be trained": the words before are not who does it. */
static size_t
work_given(const actions_run *r, const char *t, const word *w, size_t nw,
           size_t k, int *passive)
{
    size_t v = k + 1, a;

    *passive = 0;
    if ((strcmp(w[k].low, "is") == 0 || strcmp(w[k].low, "are") == 0)
        && k + 3 < nw && strcmp(w[k + 1].low, "going") == 0
        && strcmp(w[k + 2].low, "to") == 0)
        v = k + 3;
    else if (strcmp(w[k].low, "to") != 0 && strcmp(w[k].low, "will") != 0
             && strcmp(w[k].low, "shall") != 0)
        return 0;
    if (v < nw && (in_list(adverbs, w[v].low, w[v].n)
                   || (w[v].n >= 5 && ends_with(w[v].low, w[v].n, "ly"))))
        v++;
    if (v >= nw || !is_verb(r, w[v].low, w[v].n))
        return 0;
    for (a = k; a < v; a++)
        if (!blank_gap(t, w, a))
            return 0;
    *passive = strcmp(w[v].low, "be") == 0 && v + 1 < nw
               && is_past(r, w[v + 1].low, w[v + 1].n);
    return v;
}

/* An item that opens with who will do the work: "Kofi will give ...",
 * "Łukasz to remove ...", "Ana Ribeiro is going to run ...", "Payments
 * team will add ...", "Everyone to double-check ...".  Sets st->owner
 * (and maybe_b, maybe_e) and returns 1 when words i.. of t are such an
 * opening whose subject names someone, or nobody in particular. */
static int
opens_with_who(const actions_run *r, const char *t, size_t n,
               const word *w, size_t nw, size_t i, start *st)
{
    size_t k;
    int passive, owner;

    for (k = i + 1; k < nw && k <= i + 4; k++) {
        if (!blank_gap(t, w, k - 1))
            return 0;
        if (work_given(r, t, w, nw, k, &passive) == 0)
            continue;
        owner = subject_owner(r, t, n, w, i, k, st);
        if (passive && owner > 0) {
            /* "Kofi will be trained": by whom? */
            st->maybe_b = st->maybe_e = 0;
            st->owner = 0;
            return 1;
        }
        if (owner == 0 && st->maybe_e == 0)
            return 0;
        st->owner = owner;
        return 1;
    }
    return 0;
}

/* Is x, read after "be" or "being", a participle: "reprimanded", "taken",
 * "blamed" (a verb the list does not know still ends in -ed there)? */
static int
is_participle(const actions_run *r, const word *x)
{
    return is_past(r, x->low, x->n)
           || (x->n >= 5 && ends_with(x->low, x->n, "ed"));
}

/* Does the clause at words i.. of t say that something will not be done,
 * so that it is no task at all?  "There will be no disciplinary action",
 * "There won't be a rollback", "No individuals will be reprimanded",
 * "Nobody is being retrained", "The legacy queue name stays until Q1",
 * "The old cluster will remain the fallback".  A rule for people ("Nobody
 * to use the token", "No deploys on Fridays") is not such a statement:
 * someone has to see to it. */
static int
says_nothing_happens(const actions_run *r, const char *t, size_t n,
                     const word *w, size_t nw, size_t i)
{
    size_t k = i + 1, end;
    int neg = 0;

    /* [i, end): the first clause */
    for (end = i; end < nw && end < i + 14; end++)
        if (ends_sentence(t, n, w, nw, end)) {
            end++;
            break;
        }
    if (strcmp(w[i].low, "there") == 0 || strcmp(w[i].low, "there'll") == 0) {
        if (k < end && (strcmp(w[k].low, "will") == 0
                        || strcmp(w[k].low, "shall") == 0
                        || strcmp(w[k].low, "won't") == 0))
            neg = strcmp(w[k++].low, "won't") == 0;
        if (k < end && strcmp(w[k].low, "not") == 0) {
            neg = 1;
            k++;
        }
        if (k >= end || (strcmp(w[k].low, "be") != 0
                         && strcmp(w[k].low, "is") != 0
                         && strcmp(w[k].low, "are") != 0))
            return 0;
        k++;
        return k < end && (strcmp(w[k].low, "no") == 0
                           || strcmp(w[k].low, "none") == 0
                           || (neg && (strcmp(w[k].low, "any") == 0
                                       || strcmp(w[k].low, "a") == 0
                                       || strcmp(w[k].low, "an") == 0)));
    }
    /* "No individuals will be reprimanded": nothing is done to anyone.
     * "No one will face disciplinary action", "Nobody is at fault": what
     * nobody undergoes or is, where "Nobody will deploy on Fridays" is a
     * rule someone has to see to. */
    if (in_list(negatives, w[i].low, w[i].n)) {
        for (k = i + 1; k + 2 < end && k <= i + 5; k++) {
            size_t v = k + 2;
            int is = strcmp(w[k].low, "is") == 0 || strcmp(w[k].low, "are") == 0;
            if (!is && !in_list(modals, w[k].low, w[k].n))
                continue;
            if (!is && in_list(undergo_verbs, w[k + 1].low, w[k + 1].n)) {
                /* ... a punishment: "No customer will receive a duplicate
                 * invoice" is a goal someone has to own. */
                for (v = k + 2; v < end && v <= k + 6; v++)
                    if (in_list(punishments, w[v].low, w[v].n))
                        return 1;
                return 0;
            }
            if (is && ((strcmp(w[k + 1].low, "to") == 0
                        && strcmp(w[k + 2].low, "blame") == 0)
                       || (strcmp(w[k + 1].low, "at") == 0
                           && strcmp(w[k + 2].low, "fault") == 0)))
                return 1;
            if (strcmp(w[k + 1].low, "be") != 0
                && strcmp(w[k + 1].low, "being") != 0)
                return 0;
            return is_participle(r, &w[v]);
        }
        return 0;
    }
    /* "The legacy queue name stays until Q1": what does not change. */
    for (k = i + 1; k < end; k++) {
        size_t v = k;
        if ((strcmp(w[k].low, "will") == 0 || strcmp(w[k].low, "shall") == 0)
            && k + 1 < end)
            v = k + 1;
        if (in_list(function_words, w[k - 1].low, w[k - 1].n))
            continue;
        if ((v == k && (strcmp(w[v].low, "stays") == 0
                        || strcmp(w[v].low, "remains") == 0))
            || (v > k && (strcmp(w[v].low, "stay") == 0
                          || strcmp(w[v].low, "remain") == 0)))
            return 1;
    }
    return 0;
}

/* Is word k a verb in the present that has a subject before it: "checks"
 * after a noun, or "fetch" after a plural ("Gateways fetch")? */
static int
is_present_after_subject(const actions_run *r, const word *w, size_t k)
{
    const word *x = &w[k], *prev = &w[k - 1];

    if (in_list(function_words, prev->low, prev->n))
        return 0;
    if (is_verb_s(r, x->low, x->n))
        return 1;
    return prev->n > 3 && !prev->caps && prev->low[prev->n - 1] == 's'
           && prev->low[prev->n - 2] != 's' && is_verb(r, x->low, x->n);
}

/* Does the clause from word i say what will be true once the work is
 * done?  A subject, then a verb in the present and its object ("ERP
 * export checks the suite status", "Origin adds `Vary: Cookie`"), or a
 * noun and a clause that says what it does ("SQLFluff rule that rejects
 * ...", "a pre-flight check that the new key is visible").  A month
 * later anyone can tell whether that is so, which is what the check asks
 * of an item; "Better alerts for the API" has a verb form but no object,
 * and stays a topic. */
static int
states_outcome(const actions_run *r, const char *t, size_t n, const word *w,
               size_t nw, size_t i)
{
    /* What may follow a verb and not be its object. */
    static const char *const no_object[] = {
        "to", "into", "from", "on", "off", "up", "out", "in", "for", "with",
        "by", "at", "over", "under", "across", "around", "away", "back",
        "down", "through", "via", "as", "about", "per", "of", "and", "or",
        "but", "which", "who", "when", "if", "than", "whether", NULL
    };
    size_t end, k, j, b, e;

    for (end = i; end < nw && end < i + 16; end++)
        if (ends_sentence(t, n, w, nw, end)) {
            end++;
            break;
        }
    for (k = i + 1; k < end; k++) {
        if (strcmp(w[k].low, "that") == 0 || strcmp(w[k].low, "which") == 0) {
            /* "tasks that touch ...": a plural and a verb at once;
             * otherwise a verb with -s, "is" or a modal within four. */
            if (k + 1 < end && is_present_after_subject(r, w, k + 1)
                && w[k - 1].low[w[k - 1].n - 1] == 's')
                return 1;
            for (j = k + 1; j < end && j <= k + 4; j++)
                if (is_verb_s(r, w[j].low, w[j].n)
                    || strcmp(w[j].low, "is") == 0
                    || strcmp(w[j].low, "are") == 0
                    || in_list(modals, w[j].low, w[j].n))
                    return 1;
            continue;
        }
        if (k + 1 >= end || !is_present_after_subject(r, w, k))
            continue;
        /* Verb and object one space apart, or the object is code. */
        gap_after(n, w, nw, k, &b, &e);
        if (memchr(t + b, BL_PLACEHOLDER, e - b) != NULL)
            return 1;
        if (e == b + 1 && t[b] == ' '
            && !in_list(no_object, w[k + 1].low, w[k + 1].n))
            return 1;
    }
    return 0;
}

/* A clause that opens with a subject: "We should ...", "Timeouts moved
 * to ...", "The release process must ...".  Looks at up to six words. */
static start_kind
subject_clause(actions_run *r, const char *t, size_t n, const word *w,
               size_t nw, size_t i, int pronoun, start *st)
{
    size_t k;

    if (!pronoun && opens_with_who(r, t, n, w, nw, i, st))
        return START_VERB;
    for (k = i + (pronoun ? 1 : 0); k < nw && k < i + 7; k++) {
        const word *x = &w[k];
        char base[48];
        if (k > i && ends_sentence(t, n, w, nw, k - 1))
            break;
        if (in_list(modals, x->low, x->n) || ends_with(x->low, x->n, "'ll")) {
            st->states = !pronoun;
            return START_VERB;
        }
        /* "The bot now reminds the on-call ...", "We now page on lag":
         * how things are since the work was done. */
        if (strcmp(x->low, "now") == 0 && k > i && k + 1 < nw
            && !in_list(modals, w[k + 1].low, w[k + 1].n)
            && strncmp(w[k + 1].low, "ha", 2) != 0
            && (is_verb(r, w[k + 1].low, w[k + 1].n)
                || is_verb_s(r, w[k + 1].low, w[k + 1].n))) {
            st->now_done = 1;
            break;
        }
        if ((strcmp(x->low, "have") == 0 || strcmp(x->low, "has") == 0)
            && k + 1 < nw && strcmp(w[k + 1].low, "to") == 0)
            return START_VERB;
        /* "The payments SRE on-call team to add ...": a team is given
         * the work (shorter subjects were opens_with_who's).  "Tooling
         * to detect X" is a noun and its purpose, with no owner. */
        if (strcmp(x->low, "to") == 0 && k > i && k + 1 < nw
            && is_verb(r, w[k + 1].low, w[k + 1].n)
            && (k == i + 1 || pronoun
                || in_list(team_words, w[k - 1].low, w[k - 1].n))) {
            if (!pronoun && k > i + 1)
                st->owner = subject_owner(r, t, n, w, i, k, st);
            return START_VERB;
        }
        /* "We are adding", "We've been exploring": work in progress. */
        if ((strcmp(x->low, "are") == 0 || strcmp(x->low, "is") == 0
             || strcmp(x->low, "been") == 0 || ends_with(x->low, x->n, "'re"))
            && k + 1 < nw && gerund_base(r, w[k + 1].low, w[k + 1].n, base))
            return START_VERB;
        if (k > i && (pronoun || !in_list(future_participles, x->low, x->n))
            && is_past(r, x->low, x->n)
            && (pronoun || !in_list(function_words, w[k - 1].low,
                                    w[k - 1].n)))
            return START_REPORT;
    }
    if (pronoun)
        return START_VERB;
    st->states = states_outcome(r, t, n, w, nw, i);
    return START_NOUN;
}

/* Classifies words [i, end) of text: does the clause open with a verb? */
static start_kind
classify_clause(actions_run *r, const char *t, size_t n, const word *w,
                size_t nw, size_t i, start *st)
{
    static const char *const destinations[] = {
        "to", "into", "onto", "from", "across", "each", "every", "per", NULL
    };
    const word *x;
    char base[48];
    size_t b, e, k;
    start who;

    i = skip_lead(t, n, w, nw, i);
    if (i >= nw)
        return START_UNSURE;
    x = &w[i];
    if (x->n == 0)
        return START_UNSURE;
    memcpy(st->first, x->low, x->n + 1);
    snprintf(st->shown, sizeof st->shown, "%.*s", (int)(x->end - x->begin),
             t + x->begin);
    /* A code span or a link at the very start hides what comes first. */
    if (i == 0 && x->begin > 0 && memchr(t, BL_PLACEHOLDER, x->begin) != NULL)
        return START_UNSURE;
    /* Only English verbs are known: a word of another language says
     * nothing of how the item opens, unless it is the name of who is
     * given the work ("Łukasz to remove ..."). */
    if (!x->ascii)
        return opens_with_who(r, t, n, w, nw, i, st) ? START_VERB
                                                     : START_UNSURE;
    gap_after(n, w, nw, i, &b, &e);
    if (is_verb(r, x->low, x->n)) {
        /* "Read/write path separation" is a noun; "Add/update" a verb. */
        if (e == b + 1 && t[b] == '/' && i + 1 < nw
            && !is_verb(r, w[i + 1].low, w[i + 1].n))
            return START_NOUN;
        /* "Mark will run ...": a verb, or a name, which judge() decides
         * (opens_with_who keeps it in maybe_b, maybe_e).  Not a team:
         * "Tell the team to ..." gives the work to whoever tells. */
        memset(&who, 0, sizeof who);
        if (opens_with_who(r, t, n, w, nw, i, &who) && who.owner == 0) {
            st->maybe_b = who.maybe_b;
            st->maybe_e = who.maybe_e;
        }
        st->imperative = 1;
        return START_VERB;
    }
    if (strcmp(x->low, "let's") == 0 || strcmp(x->low, "lets") == 0
        || (strcmp(x->low, "to") == 0 && i + 1 < nw
            && is_verb(r, w[i + 1].low, w[i + 1].n)))
        return START_VERB;  /* "@dana to add ...": an infinitive */
    if (in_list(question_words, x->low, x->n)) {
        size_t k;
        for (k = i; k < nw && !ends_sentence(t, n, w, nw, k); k++)
            ;
        if (k < nw) {
            size_t gb, ge;
            gap_after(n, w, nw, k, &gb, &ge);
            if (gap_has(t, gb, ge, "?"))
                return START_QUESTION;
        }
    }
    st->no_task = says_nothing_happens(r, t, n, w, nw, i);
    if (strcmp(x->low, "we") == 0 || strcmp(x->low, "i") == 0
        || strcmp(x->low, "you") == 0 || strcmp(x->low, "they") == 0
        || strncmp(x->low, "we'", 3) == 0 || strncmp(x->low, "i'", 2) == 0)
        return subject_clause(r, t, n, w, nw, i, 1, st);
    if (!in_list(ing_names, x->low, x->n) && gerund_base(r, x->low, x->n, base)) {
        if (i + 1 < nw && !ends_sentence(t, n, w, nw, i)
            && in_list(function_words, w[i + 1].low, w[i + 1].n)
            && strcmp(w[i + 1].low, "of") != 0
            && strcmp(w[i + 1].low, "for") != 0
            && strcmp(w[i + 1].low, "on") != 0
            && strcmp(w[i + 1].low, "in") != 0
            && strcmp(w[i + 1].low, "and") != 0
            && strcmp(w[i + 1].low, "or") != 0)
            return START_UNSURE;    /* "Adding a retry": verbal */
        /* "Adding samples to the test suite", "Reviewing thresholds for
         * all flows each quarter": an object, then where it goes or how
         * often, is verbal too; "Monitoring improvements" is a name. */
        if (i + 1 < nw && !ends_sentence(t, n, w, nw, i)
            && !in_list(function_words, w[i + 1].low, w[i + 1].n))
            for (k = i + 2; k < nw && k <= i + 8
                 && !ends_sentence(t, n, w, nw, k - 1); k++)
                if (in_list(destinations, w[k].low, w[k].n))
                    return START_UNSURE;
        memcpy(st->base, base, strlen(base) + 1);
        st->states = states_outcome(r, t, n, w, nw, i);
        return START_GERUND;
    }
    if (is_past(r, x->low, x->n)
        && !in_list(future_participles, x->low, x->n)) {
        int next_function = i + 1 >= nw || ends_sentence(t, n, w, nw, i)
                            || in_list(function_words, w[i + 1].low,
                                       w[i + 1].n);
        st->first_past = 1;
        if (in_list(en_participles, x->low, x->n))
            return next_function ? START_REPORT : START_NOUN;
        return next_function ? START_REPORT : START_MAYBE_DONE;
    }
    return subject_clause(r, t, n, w, nw, i, 0, st);
}

/* How the text of an item starts.  A lead label (a bold lead ending at
 * unit offset lead_end, or "Q3: migrate ...") is read first; when it is no
 * verb and the words after it start with one, it was a category
 * ("**Monitoring**: add a lag alert"). */
static void
classify_labelled(actions_run *r, const char *t, size_t n, size_t lead_end,
                  int depth, start *st)
{
    word w[MAX_WORDS];
    size_t nw = split_words(t, n, w), i, k, label = nw;
    start rest, lab;
    int name;

    memset(st, 0, sizeof *st);
    memset(&rest, 0, sizeof rest);
    st->kind = START_UNSURE;
    i = skip_lead(t, n, w, nw, 0);
    for (k = i; lead_end > 0 && k < nw && w[k].end <= lead_end; k++)
        label = k;
    for (k = i; label == nw && k < nw && k < i + 8; k++) {
        if (ends_label(t, n, w, nw, k)) {
            label = k;
            break;
        }
        if (ends_sentence(t, n, w, nw, k))
            break;
    }
    /* "Mateo: add the price version ...", as "@mateo: add ..." is, and
     * "Payments team: add ...": who will do it for a label, then the
     * work.  ("All services: add ..." is a category, not nobody.) */
    memset(&lab, 0, sizeof lab);
    if (label + 1 < nw && depth < 3
        && ((name = subject_owner(r, t, n, w, i, label + 1, &lab)) > 0
            || lab.maybe_e > 0)) {
        classify_labelled(r, t + w[label + 1].begin, n - w[label + 1].begin,
                          0, depth + 1, &rest);
        if (rest.kind == START_VERB && rest.imperative) {
            *st = rest;
            st->owner = name > 0 ? 1 : 0;
            st->maybe_b = name > 0 ? 0 : lab.maybe_b;
            st->maybe_e = name > 0 ? 0 : lab.maybe_e;
            return;
        }
        memset(&rest, 0, sizeof rest);
    }
    st->kind = classify_clause(r, t, n, w, label < nw ? label + 1 : nw, i,
                               st);
    if (label + 1 >= nw || st->kind == START_VERB
        || st->kind == START_UNSURE || depth >= 3)
        return;
    /* The rest may open with a label of its own: "Owner: Dana — Add". */
    classify_labelled(r, t + w[label + 1].begin, n - w[label + 1].begin, 0,
                      depth + 1, &rest);
    /* After a bold title, the sentence that follows says what will be
     * done, and is judged as it would be alone: "**Deeper monitoring**
     * We plan to add metrics" is fine, "**Circuit breakers**: Adding
     * circuit breakers" is an activity as "Adding circuit breakers" is,
     * and "**Retries**: Adding a retry" not judged.  A title must not
     * change the verdict on what follows it; nor may an "Improved ..."
     * title under Planned (first_past). */
    if (rest.kind == START_VERB
        && (rest.imperative || rest.states || lead_end > 0)) {
        size_t off = w[label + 1].begin;
        st->kind = START_VERB;
        st->imperative = rest.imperative;
        st->first_past = 0;
        st->owner = rest.owner;
        memcpy(st->who, rest.who, sizeof st->who);
        /* (rest's offsets are in the text after the label) */
        st->maybe_b = rest.maybe_e > 0 ? rest.maybe_b + off : 0;
        st->maybe_e = rest.maybe_e > 0 ? rest.maybe_e + off : 0;
    } else if (lead_end > 0
               && (rest.kind == START_UNSURE || rest.kind == START_GERUND)) {
        *st = rest;
        st->maybe_b = st->maybe_e = 0;
    }
    /* "Discipline: there will be no formal action" says it of the item. */
    st->no_task |= rest.no_task;
    st->now_done |= rest.now_done;
    st->states |= rest.states;  /* "Runbook review: every step lists ..." */
}

static void
classify_start(actions_run *r, const char *t, size_t n, size_t lead_end,
               start *st)
{
    classify_labelled(r, t, n, lead_end, 0, st);
}

/* --- Owners -------------------------------------------------------------- */

typedef struct owner_scan {
    int label_found, label_bad;     /* "Owner: Priya", "owner: TBD" */
    int found;                      /* @handle, [Name], "— Name" */
    int bad;                        /* @everyone, "— TBD" */
    char bad_text[48];              /* the first non-owner, as written */
    /* Where bad_text is: the unit being scanned (set by the caller, -1
     * when none) and the unit and text offsets bad_text came from. */
    int unit;
    const char *unit_text;
    int bad_unit;
    size_t bad_b, bad_e;
} owner_scan;

/* Copies what a finding quotes: control characters as spaces, cut
 * between characters. */
static void
quote_into(char *out, size_t cap, const char *s, size_t n)
{
    size_t i, o = 0;

    for (i = 0; i < n && o + 4 < cap;) {
        size_t cl;
        uint32_t cp = bl_utf8_decode(s, n, i, &cl);
        if (o + cl + 4 >= cap) {
            memcpy(out + o, "...", 3);
            o += 3;
            break;
        }
        if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD) {
            out[o++] = ' ';
        } else {
            memcpy(out + o, s + i, cl);
            o += cl;
        }
        i += cl;
    }
    out[o] = '\0';
}

/* Is s[0..n) a template's slot for an owner: "[Name]", "[Owner name]",
 * "[Assignee]", "[Your name]", "[Team name]"?  Other slots in an item
 * ("Add alerting for [service name]") are placeholder/unfilled's, and no
 * owner at all. */
static int
is_owner_slot(const char *s, size_t n)
{
    static const char *const owner_words[] = {
        "owner", "owners", "assignee", "person", "handle", "who", "dri", NULL
    };
    static const char *const alone[] = {"name", "names", "team", NULL};
    static const char *const leads[] = {"your", "team", NULL};
    size_t i = 1, b, words = 0;
    char low[16];
    int hit = 0, first_leads = 0, single = 0;

    if (!bl_is_bracket_slot(s, n))
        return 0;
    while (i + 1 < n) {
        while (i + 1 < n && !is_alpha_ascii(s[i]))
            i++;
        b = i;
        while (i + 1 < n && is_alpha_ascii(s[i]))
            i++;
        if (i == b)
            continue;
        words++;
        if (i - b >= sizeof low)
            continue;
        bl_ascii_lower(s + b, i - b, low);
        hit |= in_list(owner_words, low, i - b);
        if (words == 1) {
            first_leads = in_list(leads, low, i - b);
            single = in_list(alone, low, i - b);
        }
    }
    return hit || first_leads || (words == 1 && single);
}

/* Keeps s[0..n), a non-owner, as bad_text, and where it is when s lies in
 * the unit being scanned. */
static void
note_bad(owner_scan *os, const char *s, size_t n)
{
    quote_into(os->bad_text, sizeof os->bad_text, s, n);
    os->bad_unit = -1;
    if (os->unit_text != NULL && s >= os->unit_text) {
        os->bad_unit = os->unit;
        os->bad_b = (size_t)(s - os->unit_text);
        os->bad_e = os->bad_b + n;
    }
}

static void
trim(const char *t, size_t *p_b, size_t *p_e)
{
    while (*p_b < *p_e && (bl_is_blank(t[*p_b]) || t[*p_b] == '*'
                           || t[*p_b] == '_'))
        (*p_b)++;
    while (*p_e > *p_b && (bl_is_blank(t[*p_e - 1]) || t[*p_e - 1] == '.'
                           || t[*p_e - 1] == '*' || t[*p_e - 1] == '_'))
        (*p_e)--;
}

/* Is s[0..n) a placeholder or an owner that names nobody in particular
 * (not_owner_of: "TBD", "everyone", "the team")? */
static int
is_nobody(const char *s, size_t n)
{
    char low[48];
    size_t b = 0;

    while (n > 0 && bl_is_blank(*s)) {
        s++;
        n--;
    }
    while (n > 0 && (bl_is_blank(s[n - 1]) || s[n - 1] == '.'))
        n--;
    if (bl_is_placeholder_text(s, n))
        return 1;
    if (n >= sizeof low)
        return 0;
    bl_ascii_lower(s, n, low);
    low[n] = '\0';
    if (strncmp(low, "the ", 4) == 0 || strncmp(low, "our ", 4) == 0)
        b = 4;
    return not_owner_of(low + b, n - b) != 0;
}

/* Does the value of an owner label or cell name nobody in particular:
 * "TBD", "everyone", "the team", "all reviewers", "every engineer"? */
static int
is_not_owner(const char *s, size_t n)
{
    char low[8];

    if (is_nobody(s, n))
        return 1;
    if (n < 4)
        return 0;
    bl_ascii_lower(s, 7 < n ? 7 : n, low);
    low[7 < n ? 7 : n] = '\0';
    return strncmp(low, "all ", 4) == 0 || strncmp(low, "every", 5) == 0
           || strncmp(low, "any ", 4) == 0 || strncmp(low, "each ", 5) == 0
           || strncmp(low, "whole ", 6) == 0
           || strncmp(low, "entire ", 7) == 0;
}

/* Does s[0..n) read as a person or a team: "Priya", "Priya S.", "Head of
 * Engineering", "Payments team", "cloud team lead", "@dana"? */
static int
is_name(const char *s, size_t n)
{
    static const char *const joiners[] = {"of", "and", "&", "the", NULL};
    word w[MAX_WORDS];
    size_t nw, k, cl;
    int team = 0;

    while (n > 0 && bl_is_blank(*s)) {
        s++;
        n--;
    }
    while (n > 0 && (bl_is_blank(s[n - 1]) || s[n - 1] == '.'))
        n--;
    if (n == 0 || n > 48 || is_not_owner(s, n))
        return 0;
    if (s[0] == '@')
        return n > 1;
    if (memchr(s, BL_PLACEHOLDER, n) != NULL)
        return 0;
    for (k = 0; k < n; k++)
        if (s[k] >= '0' && s[k] <= '9')
            return 0;
    nw = split_words(s, n, w);
    for (k = 0; k < nw; k++)
        team |= in_list(team_words, w[k].low, w[k].n);
    /* A person's name is short; a team's may say whose and which, by a
     * name of its own ("Rail Data Services on-call rota", not "and page
     * the on-call rota"). */
    if (nw == 0 || nw > (team ? 6 : 4)
        || (nw > 4 && !bl_is_upper_cp(bl_utf8_decode(s, n, w[0].begin, &cl))))
        return 0;
    if (nw == 1 && (in_list(done_words, w[0].low, w[0].n)
                    || in_list(priority_words, w[0].low, w[0].n)))
        return 0;
    for (k = 0; k < nw; k++) {
        uint32_t cp = bl_utf8_decode(s, n, w[k].begin, &cl);
        if (bl_is_upper_cp(cp) || in_list(team_words, w[k].low, w[k].n)
            || (k > 0 && in_list(joiners, w[k].low, w[k].n)))
            continue;
        if (!team)
            return 0;
        /* "cloud team lead", "team-db": lower case, but a team. */
    }
    return 1;
}

/* Looks at the value after an owner label at t[p]: up to a comma,
 * semicolon, bracket, pipe, sentence end or dash, and no further than a
 * name goes (so "owner: owner: ..." costs no more than its length). */
static void
owner_value(const char *t, size_t n, size_t p, owner_scan *os)
{
    size_t b = p, e = p, stop = n - p > 64 ? p + 64 : n;
    const char *close;

    while (b < stop && bl_is_blank(t[b]))
        b++;
    if (b < stop && t[b] == '['
        && (close = memchr(t + b, ']', stop - b)) != NULL
        && bl_is_bracket_slot(t + b, (size_t)(close - t) - b + 1)) {
        /* "owner: [Name]": the template's slot, never filled in */
        if (!os->label_bad && !os->bad)
            note_bad(os, t + b,
                       (size_t)(close - t) - b + 1);
        os->label_bad = 1;
        return;
    }
    b = p;
    while (e < stop && !strchr(",;)](|\n", t[e])) {
        if (t[e] == '.' && (e + 1 == n || bl_is_blank(t[e + 1])))
            break;
        if (e > b && bl_is_blank(t[e - 1]) && e + 1 < n
            && bl_is_blank(t[e + 1])
            && (t[e] == '-' || t[e] == '/'))
            break;
        if (e + 2 < n && (unsigned char)t[e] == 0xE2
            && (unsigned char)t[e + 1] == 0x80
            && ((unsigned char)t[e + 2] == 0x94
                || (unsigned char)t[e + 2] == 0x93))
            break;
        e++;
    }
    trim(t, &b, &e);
    if (e - b > 0 && memchr(t + b, BL_PLACEHOLDER, e - b) != NULL) {
        os->label_found = 1;    /* `@dana` in code: someone, surely */
        return;
    }
    if (is_not_owner(t + b, e - b)) {
        if (!os->label_bad && !os->bad)
            note_bad(os, t + b, e - b);
        os->label_bad = 1;
    } else {
        os->label_found = 1;
    }
}

/* The words scan_owner_labels acts on: labels before an owner ("Owner:",
 * "DRI -"), those that need a colon ("Who:"), and the verbs of "owned by",
 * "assigned to". */
static const char *const colon_only[] = {
    "who", "lead", "poc", "responsible", "accountable", "owning",
    "responsable", "verantwortlich", NULL   /* Spanish, French, German */
};

/* --- Words worth a closer look ------------------------------------------ */

/* Which words a unit has that has_done_mark and scan_owner_labels act on:
 * without any, both would walk its words, lower-case each and search
 * their lists for nothing, and most units have none. */
#define WORDS_DONE  0x01    /* done_words, and "already" */
#define WORDS_OWNER 0x02    /* labels, colon_only, "owned", "assigned" */

/* The bit of scan_filter for a word's hash. */
static unsigned
scan_filter_bit(uint32_t h)
{
    return (h ^ (h >> 16)) % SCAN_FILTER_BITS;
}

static void
scan_filter_add(actions_shared *sh, const char *const *list)
{
    size_t k;

    for (k = 0; list[k] != NULL; k++) {
        unsigned bit = scan_filter_bit(bl_fold_hash(list[k], strlen(list[k])));
        sh->scan_filter[bit / 8] |= (unsigned char)(1u << (bit % 8));
    }
}

/* Fills scan_filter with every word unit_words looks for. */
static void
scan_filter_fill(actions_shared *sh)
{
    static const char *const more[] = {"already", "owned", "assigned",
                                       NULL};
    size_t k;

    scan_filter_add(sh, done_words);
    for (k = 0; done_pairs[k].run != NULL; k++) {
        const char *run[2] = {done_pairs[k].run, NULL};
        scan_filter_add(sh, run);
    }
    scan_filter_add(sh, owner_labels);
    scan_filter_add(sh, colon_only);
    scan_filter_add(sh, more);
}

/* Is word w[0..n), in any case, perhaps one unit_words looks for?  0
 * means surely not. */
static int
in_scan_filter(const actions_shared *sh, const char *w, size_t n)
{
    unsigned bit = scan_filter_bit(bl_fold_hash(w, n));

    return (sh->scan_filter[bit / 8] >> (bit % 8)) & 1;
}

/* Is lower-case ASCII run w[0..n) one that a two-word state (done_pairs)
 * holds? */
static int
is_done_pair_run(const char *w, size_t n)
{
    size_t k;

    for (k = 0; done_pairs[k].run != NULL; k++)
        if (bl_lit_equals(done_pairs[k].run, w, n))
            return 1;
    return 0;
}

/* WORDS_* of lower-case word w[0..n). */
static unsigned
word_kind(const char *w, size_t n)
{
    unsigned kind = 0;

    if (in_list(done_words, w, n) || bl_lit_equals("already", w, n)
        || is_done_pair_run(w, n))
        kind |= WORDS_DONE;
    if (bl_lit_equals("owned", w, n) || bl_lit_equals("assigned", w, n)
        || in_list(owner_labels, w, n) || in_list(colon_only, w, n))
        kind |= WORDS_OWNER;
    return kind;
}

/* WORDS_* of t[0..n), or more: a superset of what the words bl_next_word
 * finds there hold.  Each listed word is all ASCII letters, so where
 * bl_next_word finds one, it is the whole of a run of ASCII letters, and
 * runs are all this looks at: one pass over the bytes, hashing as it
 * goes.  Words of 16 bytes or more are skipped, as the scans skip them. */
static unsigned
unit_words(actions_run *r, const char *t, size_t n)
{
    const unsigned char *filter = r->sh->scan_filter;
    unsigned found = 0;
    size_t i = 0;

    if (r->words_text == t && r->words_n == n)
        return r->words_found;
    while (i < n) {
        uint32_t h = BL_FOLD_HASH_INIT;
        size_t b;
        unsigned bit;
        char low[16];
        while (i < n && !is_alpha_ascii(t[i]))
            i++;
        for (b = i; i < n && is_alpha_ascii(t[i]); i++)
            h = BL_FOLD_HASH_STEP(h, t[i]);   /* bl_fold_hash, as it goes */
        bit = scan_filter_bit(h);
        if (i == b || i - b >= sizeof low
            || !(filter[bit / 8] & (1u << (bit % 8))))
            continue;
        bl_ascii_lower(t + b, i - b, low);
        found |= word_kind(low, i - b);
    }
    r->words_text = t;
    r->words_n = n;
    r->words_found = found;
    return found;
}

/* May t[0..n) have a word scan_owner_labels acts on?  Most text has
 * none. */
static int
has_owner_words(actions_run *r, const char *t, size_t n)
{
    return (unit_words(r, t, n) & WORDS_OWNER) != 0;
}

/* Finds owner labels in t: "Owner: X", "owners - X", "DRI: X",
 * "assignee: X", "owned by X", "assigned to X". */
static void
scan_owner_labels(const actions_shared *sh, const char *t, size_t n,
                  owner_scan *os)
{
    size_t pos = 0;
    bl_span sp;
    char low[16];

    while (bl_next_word(t, n, &pos, &sp)) {
        size_t wn = sp.end - sp.begin, p = sp.end;
        int sep = 0;
        /* Most words are none it acts on, as the filter tells at once. */
        if (wn >= sizeof low || !in_scan_filter(sh, t + sp.begin, wn))
            continue;
        bl_ascii_lower(t + sp.begin, wn, low);
        low[wn] = '\0';
        if ((strcmp(low, "owned") == 0 || strcmp(low, "assigned") == 0)) {
            bl_span nx;
            size_t q = p;
            if (q < n && t[q] == ':') {     /* "assigned: Dana" */
                owner_value(t, n, q + 1, os);
                pos = q + 1;
            } else if (bl_next_word(t, n, &q, &nx) && nx.end - nx.begin == 2
                && (strncmp(t + nx.begin, "by", 2) == 0
                    || strncmp(t + nx.begin, "to", 2) == 0)) {
                q = nx.end;
                while (q < n && (bl_is_blank(t[q]) || t[q] == ':'))
                    q++;
                owner_value(t, n, q, os);
                pos = q;
            }
            continue;
        }
        if (!in_list(owner_labels, low, wn) && !in_list(colon_only, low, wn))
            continue;
        if (p + 2 < n && memcmp(t + p, "(s)", 3) == 0)
            p += 3;
        else if (p + 5 < n && t[p] == ' '
                 && strncmp(t + p + 1, "team", 4) == 0
                 && (t[p + 5] == ':' || t[p + 5] == ' '))
            p += 5;     /* "Owner team: SRE", "Responsible team: SRE" */
        while (p < n && (t[p] == ' ' || t[p] == '*' || t[p] == '_'))
            p++;
        if (p < n && (t[p] == ':' || t[p] == '='))
            sep = 1;
        else if (in_list(owner_labels, low, wn) && p < n && p > sp.end
                 && (t[p] == '-'
                     || (p + 2 < n && (unsigned char)t[p] == 0xE2
                         && (unsigned char)t[p + 1] == 0x80)))
            sep = 1;
        else if (in_list(owner_labels, low, wn) && p < n && p > sp.end
                 && (t[p] == '@' || (t[p] >= 'A' && t[p] <= 'Z')))
            sep = 2;    /* "owner @dana", "owner Dana" */
        if (!sep)
            continue;
        if (sep == 1) {
            p += (unsigned char)t[p] == 0xE2 ? 3 : 1;
            while (p < n && (t[p] == ' ' || t[p] == '*' || t[p] == '_'))
                p++;
        }
        owner_value(t, n, p, os);
        pos = p;
    }
}

/* @handles: "@priya", "@sre-oncall"; "@everyone" and "@here" are not
 * owners.  Not an e-mail address (prose has those as links anyway). */
static void
scan_handles(const char *t, size_t n, owner_scan *os)
{
    static const char *const nobody[] = {
        "everyone", "here", "channel", "all", "team", NULL
    };
    size_t i;

    /* Most text has no '@': memchr skips to the next one. */
    for (i = 0; i + 1 < n; i++) {
        const char *at = memchr(t + i, '@', n - 1 - i);
        size_t e;
        char low[16];
        if (at == NULL)
            return;
        i = (size_t)(at - t);
        e = i + 1;
        if (i > 0 && (bl_is_word_cp((unsigned char)t[i - 1])
                      || t[i - 1] == '.'))
            continue;
        while (e < n && ((t[e] >= 'a' && t[e] <= 'z')
                         || (t[e] >= 'A' && t[e] <= 'Z')
                         || (t[e] >= '0' && t[e] <= '9') || t[e] == '_'
                         || t[e] == '-' || t[e] == '.' || t[e] == '/'))
            e++;
        while (e > i + 1 && (t[e - 1] == '.' || t[e - 1] == '-'))
            e--;
        if (e == i + 1)
            continue;
        if (e - i - 1 < sizeof low) {
            bl_ascii_lower(t + i + 1, e - i - 1, low);
            if (in_list(nobody, low, e - i - 1)) {
                if (!os->bad && !os->label_bad)
                    note_bad(os, t + i,
                               e - i);
                os->bad = 1;
                continue;
            }
        }
        os->found = 1;
    }
}

/* Does a comma-separated list s[0..n) hold a name?  "(Victor)",
 * "(@keisha, OPS-902)", "— Priya, OPS-12". */
static int
list_has_name(const char *s, size_t n, owner_scan *os)
{
    size_t b = 0, e;

    while (b <= n) {
        for (e = b; e < n && s[e] != ',' && s[e] != ';'; e++)
            ;
        if (is_name(s + b, e - b))
            return 1;
        if (e > b && is_nobody(s + b, e - b) && !os->bad && !os->label_bad) {
            size_t qb = b, qe = e;
            trim(s, &qb, &qe);
            if (qe > qb) {
                note_bad(os, s + qb,
                           qe - qb);
                os->bad = 1;
            }
        }
        b = e + 1;
    }
    return 0;
}

/* "[Priya]", "[@dana]", "[Payments team]", "[Dana, Q3]". */
static void
scan_brackets(const char *t, size_t n, owner_scan *os)
{
    size_t i;

    /* Most text has no '[': memchr skips to the next one. */
    for (i = 0; i < n; i++) {
        const char *open = memchr(t + i, '[', n - i), *close;
        if (open == NULL)
            return;
        i = (size_t)(open - t);
        close = memchr(t + i + 1, ']', n - i - 1);
        if (close == NULL)
            return;
        if (is_owner_slot(t + i, (size_t)(close - t) - i + 1)) {
            /* "[Name]", "[Owner]": a template's slot, not a name */
            if (!os->bad)
                note_bad(os, t + i,
                           (size_t)(close - t) - i + 1);
            os->bad = 1;
        } else if (list_has_name(t + i + 1, (size_t)(close - t) - i - 1,
                                 os)) {
            os->found = 1;
        }
        i = (size_t)(close - t);
    }
}

/* The end of an item's own text: "... (Victor)", "... — Priya",
 * "... - Payments team (OPS-12)". */
static void
scan_trailing(const char *t, size_t n, owner_scan *os)
{
    size_t b = 0, e = n, i, dash = 0, dash_len = 0;
    int rounds;

    trim(t, &b, &e);
    for (rounds = 0; rounds < 3 && e > b; rounds++) {
        if (t[e - 1] == ')' || t[e - 1] == ']') {
            char open = t[e - 1] == ')' ? '(' : '[';
            size_t o = e - 1;
            while (o > b && t[o - 1] != open && t[o - 1] != t[e - 1])
                o--;
            if (o == b || t[o - 1] != open)
                break;
            if (open == '[' && is_owner_slot(t + o - 1, e - o + 1)) {
                if (!os->bad)   /* "... [Owner name]": a slot */
                    note_bad(os, t + o - 1,
                               e - o + 1);
                os->bad = 1;
                return;
            }
            if (list_has_name(t + o, e - 1 - o, os)) {
                os->found = 1;
                return;
            }
            e = o - 1;
        } else if (t[e - 1] == BL_PLACEHOLDER) {
            e--;    /* a trailing link or code: the owner may be before */
        } else {
            break;
        }
        while (e > b && (bl_is_blank(t[e - 1]) || t[e - 1] == ','))
            e--;
    }
    for (i = b; i + 1 < e; i++) {
        if (t[i] == '-' && i > b && bl_is_blank(t[i - 1])
            && (bl_is_blank(t[i + 1]) || t[i + 1] == '-')) {
            dash = i;
            dash_len = t[i + 1] == '-' ? 2 : 1;
        } else if (i + 2 < e && (unsigned char)t[i] == 0xE2
                   && (unsigned char)t[i + 1] == 0x80
                   && ((unsigned char)t[i + 2] == 0x94
                       || ((unsigned char)t[i + 2] == 0x93 && i > b
                           && bl_is_blank(t[i - 1])))) {
            dash = i;
            dash_len = 3;
        }
    }
    if (dash_len > 0 && list_has_name(t + dash + dash_len,
                                      e - dash - dash_len, os))
        os->found = 1;
}

/* 1: has an owner, 0: none, -1: names nobody in particular. */
static int
owner_verdict(const owner_scan *os)
{
    if (os->label_found)
        return 1;
    if (os->label_bad)
        return -1;
    if (os->found)
        return 1;
    return os->bad ? -1 : 0;
}

/* --- Done, open and due -------------------------------------------------- */

/* Is one of the words of t[0..n) in list? */
static int
has_word(const char *t, size_t n, const char *const *list)
{
    word w[MAX_WORDS];
    size_t nw = split_words(t, n, w), k;

    for (k = 0; k < nw; k++)
        if (in_list(list, w[k].low, w[k].n))
            return 1;
    return 0;
}

/* Is t[at] inside parentheses ("(monitoring done in grafana)")?  Looks
 * back as far as a parenthetical remark goes. */
static int
in_parens(const char *t, size_t at)
{
    size_t stop = at > 80 ? at - 80 : 0;

    while (at > stop) {
        at--;
        if (t[at] == ')')
            return 0;
        if (t[at] == '(')
            return 1;
    }
    return 0;
}

/* Has t a check mark: ✅, ✔, ☑, ✓? */
static int
has_check_glyph(const char *t, size_t n)
{
    static const char *const marks[] = {
        "\xE2\x9C\x85", "\xE2\x9C\x94", "\xE2\x98\x91", "\xE2\x9C\x93", NULL
    };
    const char *mark;
    size_t k;

    /* Every mark is three bytes starting 0xE2: look only there. */
    for (mark = memchr(t, 0xE2, n); mark != NULL && mark + 3 <= t + n;
         mark = memchr(mark + 1, 0xE2, (size_t)(t + n - mark - 1)))
        for (k = 0; marks[k] != NULL; k++)
            if (memcmp(mark, marks[k], 3) == 0)
                return 1;
    return 0;
}

/* Are lower-case words w1 then w2 a two-word state of done_pairs ("won't
 * do"; ’ for ' too)? */
static int
is_done_pair(const char *w1, const char *w2)
{
    size_t k;

    for (k = 0; done_pairs[k].first != NULL; k++) {
        const char *f = done_pairs[k].first, *q = strchr(f, '\'');
        if (strcmp(w2, done_pairs[k].second) != 0)
            continue;
        if (strcmp(w1, f) == 0
            || (q != NULL && strncmp(w1, f, (size_t)(q - f)) == 0
                && strcmp(w1 + (q - f), "\xE2\x80\x99t") == 0))
            return 1;
    }
    return 0;
}

/* Do the words of t mark its item done: "DONE", "(done)", "- completed",
 * "Owner: X, done.", "Done: ...", "fixed in #12", "(monitoring done in
 * grafana)", "we already do this"?  Not "once it is done" or "to be
 * completed".  Only a word of done_words, or "already", can. */
static int
has_done_words(const char *t, size_t n)
{
    static const char *const after[] = {
        "in", "on", "as", "via", "by", "with", "since", NULL
    };
    static const char *const already[] = {
        "do", "does", "did", "done", "exists", "exist", "in", "implemented",
        "fixed", "shipped", "handled", "covered", "deployed", "live", NULL
    };
    static const char *const pending[] = {
        "be", "been", "being", "to", "not", "get", "gets", "got", "once",
        "until", "till", "when", "if", "is", "are", "was", "were", "before",
        "after", "fully", "almost", "partially", "half", NULL
    };
    char prev2[16] = "", prev[16] = "", low[16];
    size_t pos = 0, k, prev_begin = 0;
    bl_span sp;

    for (; bl_next_word(t, n, &pos, &sp);
         memcpy(prev2, prev, sizeof prev), memcpy(prev, low, sizeof prev),
         prev_begin = sp.begin) {
        size_t i = sp.begin, j = sp.end, wn = sp.end - sp.begin, q = pos;
        int sep_before, sep_after, caps = 1, pair;
        const char *before = prev;
        bl_span nx;
        low[0] = '\0';
        if (wn >= sizeof low)
            continue;
        bl_ascii_lower(t + sp.begin, wn, low);
        low[wn] = '\0';
        /* "Note: we already do this", "already in place", "this has
         * already been done" */
        if ((strcmp(prev, "already") == 0
             || (strcmp(prev2, "already") == 0 && strcmp(prev, "been") == 0))
            && in_list(already, low, wn))
            return 1;
        /* "Won't do" is one state, read from "won't" on. */
        if ((pair = is_done_pair(prev, low)) != 0) {
            i = prev_begin;
            before = prev2;
        }
        if ((!pair && !in_list(done_words, low, wn))
            || in_list(pending, before, strlen(before)))
            continue;
        for (k = sp.begin; k < sp.end; k++)
            caps &= t[k] >= 'A' && t[k] <= 'Z';
        if (caps && wn >= 4 && !pair)
            return 1;
        while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '*'
                         || t[i - 1] == '_'))
            i--;
        while (j < n && (t[j] == ' ' || t[j] == '*' || t[j] == '_'))
            j++;
        sep_before = i == 0 || strchr("([,;|:-.", t[i - 1]) != NULL
                     || (i >= 3 && (unsigned char)t[i - 3] == 0xE2
                         && (unsigned char)t[i - 2] == 0x80);
        sep_after = j == n || strchr(")],;.:!", t[j]) != NULL
                    || (t[j] >= '0' && t[j] <= '9');
        if (!sep_after && bl_next_word(t, n, &q, &nx)
            && nx.end - nx.begin < 8) {
            char next[8];
            bl_ascii_lower(t + nx.begin, nx.end - nx.begin, next);
            sep_after = in_list(after, next, nx.end - nx.begin);
        }
        if ((sep_before && sep_after)
            || (in_parens(t, sp.begin) && (sep_before || sep_after)))
            return 1;
    }
    return 0;
}

/* Does t mark its item done, with a check mark or in words? */
static int
has_done_mark(const char *t, size_t n)
{
    return has_check_glyph(t, n) || has_done_words(t, n);
}

/* Is the table cell text a done status: "done", "Completed", "✅"? */
static int
is_done_status(const char *t, size_t n)
{
    word w[MAX_WORDS];
    size_t nw = split_words(t, n, w);

    return has_done_mark(t, n)
           || (nw > 0 && in_list(done_words, w[0].low, w[0].n));
}

static int
has_due_date(actions_run *r, const char *t, size_t n)
{
    return r->sh->due != NULL
           && bl_regex_match(r->sh->due, t, n, 0, r->sh->md) >= 0;
}

/* A ticket written as text: "#123", "OPS-123". */
static int
has_ticket_ref(actions_run *r, const char *t, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (t[i] >= '0' && t[i] <= '9')   /* every reference has a number */
            return r->sh->ref != NULL
                   && bl_regex_match(r->sh->ref, t, n, 0, r->sh->md) >= 0;
    return 0;
}

/* Does a link to a ticket start in source bytes [b, e)? */
static int
has_ticket_link(actions_run *r, size_t b, size_t e)
{
    const bl_doc *doc = r->doc;
    size_t lo = 0, hi = doc->links.n;

    if (b >= e || hi == 0)
        return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->links.items[mid].begin < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < doc->links.n && doc->links.items[lo].begin < e; lo++) {
        size_t hn;
        const char *h = bl_link_href(doc, &doc->links.items[lo], &hn);
        /* A URL's bytes are the source's, not necessarily valid UTF-8:
         * the pattern runs on bytes. */
        if (url_matches(r, h, hn))
            return 1;
    }
    return 0;
}

/* --- The document's structure -------------------------------------------- */

/* One pass over the blocks (pre-order, parents first): where each
 * subtree ends, the nearest list item above each block, which list items
 * hold a nested list, each block's previous sibling, and the units of
 * each block. */
static int
index_blocks(actions_run *r)
{
    const bl_doc *doc = r->doc;
    size_t nb = doc->blocks.n, i;
    int *stack = malloc((nb + 1) * sizeof *stack), *last_child;
    int *last_unit;
    size_t top = 0;
    int last_root = -1;

    last_child = malloc((nb + 1) * sizeof *last_child);
    last_unit = malloc((nb + 1) * sizeof *last_unit);
    r->blk_end = malloc((nb + 1) * sizeof *r->blk_end);
    r->li_anc = malloc((nb + 1) * sizeof *r->li_anc);
    r->prev_sibling = malloc((nb + 1) * sizeof *r->prev_sibling);
    r->first_unit = malloc((nb + 1) * sizeof *r->first_unit);
    r->next_unit = malloc((doc->units.n + 1) * sizeof *r->next_unit);
    r->has_sublist = calloc(nb + 1, 1);
    r->group = calloc(nb + 1, 1);
    r->group_of_block = bl_lint_part_of_blocks(r->lc, "action-items");
    if (stack == NULL || last_child == NULL || last_unit == NULL
        || r->blk_end == NULL || r->li_anc == NULL || r->prev_sibling == NULL
        || r->first_unit == NULL || r->next_unit == NULL
        || r->has_sublist == NULL || r->group == NULL
        || r->group_of_block == NULL) {
        free(stack);
        free(last_child);
        free(last_unit);
        return -1;
    }
    for (i = 0; i < nb; i++) {
        const bl_block *b = &doc->blocks.items[i];
        int p = b->parent;
        while (top > 0 && stack[top - 1] != p)
            r->blk_end[stack[--top]] = (int)i;
        stack[top++] = (int)i;
        r->li_anc[i] = p < 0 ? -1
                       : doc->blocks.items[p].type == BL_BLOCK_LI ? p
                       : r->li_anc[p];
        if (p >= 0 && doc->blocks.items[p].type == BL_BLOCK_LI
            && (b->type == BL_BLOCK_UL || b->type == BL_BLOCK_OL))
            r->has_sublist[p] = 1;
        if (p < 0) {
            r->prev_sibling[i] = last_root;
            last_root = (int)i;
        } else {
            r->prev_sibling[i] = last_child[p];
        }
        if (p >= 0)
            last_child[p] = (int)i;
        last_child[i] = -1;
        r->first_unit[i] = -1;
        last_unit[i] = -1;
    }
    while (top > 0)
        r->blk_end[stack[--top]] = (int)nb;
    for (i = 0; i < doc->units.n; i++) {
        int b = doc->units.items[i].block;
        r->next_unit[i] = -1;
        if (b < 0)
            continue;
        if (r->first_unit[b] < 0)
            r->first_unit[b] = (int)i;
        else
            r->next_unit[last_unit[b]] = (int)i;
        last_unit[b] = (int)i;
    }
    free(stack);
    free(last_child);
    free(last_unit);
    return 0;
}

static const char *
unit_text(const actions_run *r, int u, size_t *p_n)
{
    return bl_unit_text(r->doc, &r->doc->units.items[u], p_n);
}

/* What a heading, a lead paragraph or a group label says for the items
 * under it: an owner (labels, and @handles where allowed), a ticket, a
 * date.  Only what an enabled rule reads, and only what is not known
 * yet: a date costs a search with DUE-DATE, which is no rule's business
 * while action/missing-due-date is off, as it is by default. */
static void
read_cover(actions_run *r, const char *t, size_t n, int handles,
           unsigned char *p_owner, unsigned char *p_ticket,
           unsigned char *p_due)
{
    owner_scan os;

    if ((r->need & NEED_OWNER) && !*p_owner) {
        memset(&os, 0, sizeof os);
        if (has_owner_words(r, t, n))
            scan_owner_labels(r->sh, t, n, &os);
        if (handles)
            scan_handles(t, n, &os);
        if (owner_verdict(&os) > 0)
            *p_owner = 1;
    }
    if ((r->need & NEED_OWNER) && r->owner_from_link && !*p_ticket
        && has_ticket_ref(r, t, n))
        *p_ticket = 1;
    if ((r->need & NEED_DUE) && !*p_due && has_due_date(r, t, n))
        *p_due = 1;
}

/* The group block b is in: its Action Items section or labelled part. */
static int
group_of(const actions_run *r, int b)
{
    return b >= 0 && (size_t)b < r->doc->blocks.n ? r->group_of_block[b] : -1;
}

/* What a group's title or label says for its items: done or open, and
 * what read_cover reads. */
static void
read_title(actions_run *r, group_info *g, const char *t, size_t n)
{
    int open = has_word(t, n, open_title_words);
    int done = has_word(t, n, done_title_words);

    if (open || done) {
        g->open = (unsigned char)open;
        g->done = (unsigned char)(done && !open);
    }
    read_cover(r, t, n, 1, &g->owner, &g->ticket, &g->due);
}

/* The groups of items: the sections within Action Items, with what their
 * titles say (a subsection inherits from the section it is in), and the
 * parts that a bold label or a <details> summary names Action Items. */
static int
read_groups(actions_run *r)
{
    const bl_doc *doc = r->doc;
    const bl_lint_ctx *lc = r->lc;
    size_t i;

    r->groups = calloc(bl_lint_part_count(lc) + 1, sizeof *r->groups);
    if (r->groups == NULL)
        return -1;
    for (i = 0; i < doc->sections.n; i++) {
        const bl_section *s = &doc->sections.items[i];
        group_info *g = &r->groups[i];
        const bl_block *h = &doc->blocks.items[s->heading];
        if (bl_lint_section_within(lc, (int)i, "action-items") < 0)
            continue;
        /* Done and open come down from the section above; what covers
         * owners, tickets and dates is gathered in cover(). */
        if (s->parent >= 0 && r->groups[s->parent].in_actions) {
            g->done = r->groups[s->parent].done;
            g->open = r->groups[s->parent].open;
        }
        g->in_actions = 1;
        if (s->title_unit >= 0) {
            size_t n;
            const char *t = unit_text(r, s->title_unit, &n);
            read_title(r, g, t, n);
        }
        if (r->owner_from_link && has_ticket_link(r, h->begin, h->end + 1))
            g->ticket = 1;
    }
    for (i = 0; i < lc->label_parts.n; i++) {
        const bl_label_part *p = &lc->label_parts.items[i];
        group_info *g = &r->groups[doc->sections.n + i];
        g->in_actions = group_of(r, p->block) == (int)(doc->sections.n + i);
        if (g->in_actions)
            read_title(r, g, doc->src + p->begin, p->end - p->begin);
    }
    return 0;
}

/* --- Collecting the items ------------------------------------------------ */

/* Is an item's text a template slot or a placeholder: "TBD", "-",
 * "{{ summary }} [link to github issue]", "<action>"? */
static int
is_placeholder_item(const char *t, size_t n)
{
    bl_strbuf rest = {NULL, 0, 0};
    size_t i = 0;
    int no_close[3] = {0, 0, 0};    /* no '}', '>', ']' is left to find */
    int result = 0;

    if (bl_is_placeholder_text(t, n))
        return 1;
    if (memchr(t, '{', n) == NULL && memchr(t, '<', n) == NULL
        && memchr(t, '[', n) == NULL)
        return 0;
    /* Drop {{...}} and <...> slots and [bracketed hints]; what is left
     * must be placeholders too. */
    while (i < n) {
        const char *close = NULL;
        int kind = t[i] == '{' && i + 1 < n && t[i + 1] == '{' ? 0
                   : t[i] == '<' ? 1 : t[i] == '[' ? 2 : -1;
        if (kind >= 0 && !no_close[kind]) {
            close = memchr(t + i, "}>]"[kind], n - i);
            no_close[kind] = close == NULL;
        }
        if (close != NULL) {
            i = (size_t)(close - t) + 1;
            if (i < n && t[i] == '}')
                i++;
            if (bl_strbuf_add(&rest, " ", 1) < 0)
                goto done;
            continue;
        }
        if (bl_strbuf_add(&rest, t + i, 1) < 0)
            goto done;
        i++;
    }
    result = rest.n < n && bl_is_placeholder_text(rest.items, rest.n);
done:
    free(rest.items);
    return result;
}

/* Guidance for the author rather than an item: it talks about the action
 * items themselves ("List issues created as corrective actions"), or it
 * is all in italics, as templates write instructions. */
static int
is_guidance(const actions_run *r, int u)
{
    static const char *const meta[] = {
        "action item", "action-item", "corrective action",
        "preventive action", "preventative action", "remediation item",
        "follow-up item", "followup item", NULL
    };
    const bl_doc *doc = r->doc;
    const bl_unit *un = &doc->units.items[u];
    size_t n, k, b, e;
    const char *t = unit_text(r, u, &n);
    char low[160];
    size_t ln = n < sizeof low - 1 ? n : sizeof low - 1;

    bl_ascii_lower(t, ln, low);
    low[ln] = '\0';
    /* Every meta phrase holds "action" or "item", and most items neither:
     * two searches instead of one per phrase. */
    if (strstr(low, "action") != NULL || strstr(low, "item") != NULL)
        for (k = 0; meta[k] != NULL; k++)
            if (strstr(low, meta[k]) != NULL)
                return 1;
    if (n == 0)
        return 0;
    b = bl_unit_to_source(doc, un, 0, 0);
    e = bl_unit_to_source(doc, un, n, 1);
    return b > 0 && e < doc->len && (doc->src[b - 1] == '_'
                                     || doc->src[b - 1] == '*')
           && doc->src[e] == doc->src[b - 1]
           && !(b > 1 && doc->src[b - 2] == doc->src[b - 1]);
}

/* A group label, given that a list follows: a category rather than an
 * action ("IAM template tests:", "Process improvements"), so the list
 * holds the items.  A text that says what will be done ("Add alerts
 * for:", "We plan to add metrics around:") is an item with details. */
static int
is_group_label(actions_run *r, const char *t, size_t n)
{
    word w[MAX_WORDS];
    size_t nw;
    start st;

    while (n > 0 && (bl_is_blank(t[n - 1]) || t[n - 1] == '*'
                     || t[n - 1] == '_'))
        n--;
    nw = split_words(t, n, w);
    if (n == 0 || !((t[n - 1] == ':' && nw <= 8) || (nw <= 4
                                                      && !gap_has(t, 0, n,
                                                                  ".?!;"))))
        return 0;
    if (t[n - 1] == ':' && nw <= 2)
        return 1;   /* "Group:", "Monitoring:", "Database:" */
    classify_start(r, t, n, 0, &st);
    return st.kind != START_VERB && st.kind != START_REPORT;
}

static int
push_item(actions_run *r, const action_item *it)
{
    return BL_VEC_PUSH(&r->items, *it);
}

/* A list item: an item, a group of items, or a detail of one. */
static int
visit_list_item(actions_run *r, int li)
{
    const bl_doc *doc = r->doc;
    const bl_block *b = &doc->blocks.items[li];
    int anc = r->li_anc[li], u = bl_doc_item_unit(r->doc, r->first_unit, li);
    action_item it;
    size_t n = 0;
    const char *t = NULL;

    if (anc >= 0 && !(r->group[anc] & GROUP_LABEL))
        return 0;   /* a detail of the item above */
    if (bl_lint_is_part_label(r->lc, li)) {
        /* "- **Action items**:" is the title of what follows; its label
         * text was read as the part's (read_groups). */
        r->group[li] = GROUP_LABEL;
        return 0;
    }
    if (u >= 0)
        t = unit_text(r, u, &n);
    if (r->has_sublist[li] && (u < 0 || is_group_label(r, t, n)
                               || is_placeholder_item(t, n))) {
        unsigned char owner = 0, ticket = 0, due = 0;
        r->group[li] = (unsigned char)(GROUP_LABEL
                                       | (anc >= 0 ? r->group[anc] : 0));
        if (u >= 0) {
            read_cover(r, t, n, 1, &owner, &ticket, &due);
            if (has_done_mark(t, n) || (b->flags & BL_LI_CHECKED))
                r->group[li] |= GROUP_DONE;
        }
        r->group[li] |= (unsigned char)((owner ? GROUP_OWNER : 0)
                                        | (ticket ? GROUP_TICKET : 0)
                                        | (due ? GROUP_DUE : 0));
        return 0;
    }
    if (u < 0 || is_placeholder_item(t, n) || is_guidance(r, u))
        return 0;
    memset(&it, 0, sizeof it);
    it.block = li;
    it.section = group_of(r, li);
    it.own_unit = u;
    it.checked = (b->flags & BL_LI_CHECKED) != 0;
    it.inherited = anc >= 0 ? r->group[anc] : 0;
    it.extra_begin = it.extra_end = -1;
    it.owner_cell = it.due_cell = it.ticket_cell = it.status_cell = -1;
    return push_item(r, &it);
}

/* Column roles of an action table, from its header cells. */
enum { COL_OTHER, COL_ITEM, COL_OWNER, COL_DUE, COL_TICKET, COL_STATUS,
       COL_SKIP };

static int
column_role(const actions_shared *sh, const char *t, size_t n)
{
    static const char *const due[] = {
        "due", "date", "deadline", "eta", "target", "when", "by", "quarter",
        "sprint", "milestone", "timeline", "completion", "expected",
        "estimated", NULL
    };
    static const char *const ticket[] = {
        "ticket", "tickets", "issue", "issues", "bug", "bugs", "jira", "link",
        "links", "tracking", "tracker", "pr", "mr", "ref", "reference", NULL
    };
    static const char *const status[] = {"status", "state", "progress",
                                         NULL};
    static const char *const item[] = {
        "action", "actions", "item", "items", "task", "tasks", "what",
        "description", "remediation", "follow-up", "followup", "corrective",
        "improvement", "recommendation", "change", "activity", "todo",
        "to-do", NULL
    };
    static const char *const skip[] = {
        "no", "id", "priority", "prio", "type", "category", "severity",
        "impact", "effort", "notes", "note", "comment", "comments", "size",
        NULL
    };
    /* Nouns that, last in a header, make it an owner column whatever
     * comes first: "Action owner", "Task owner", "Person responsible",
     * "Action driver".  Not every word of OWNER-COLUMN: "Date assigned"
     * and "Affected team" head no column of owners. */
    static const char *const owner_heads[] = {
        "owner", "owners", "assignee", "assignees", "responsible", "dri",
        "driver", "drivers", "champion", "champions", NULL
    };
    word w[MAX_WORDS];
    size_t nw = split_words(t, n, w), head = 0;

    if (nw == 0)
        return memchr(t, '#', n) != NULL ? COL_SKIP : COL_OTHER;
    /* The head of a header is its last word, before a parenthesis that
     * only comments on it ("Due (owner's estimate)"). */
    while (head + 1 < nw && memchr(t + w[head].end, '(',
                                   w[head + 1].begin - w[head].end) == NULL)
        head++;
    if (head > 0 && in_list(owner_heads, w[head].low, w[head].n))
        return COL_OWNER;
    if (bl_strset_has(&sh->owner_cols, w[0].low, w[0].n))
        return COL_OWNER;
    if (in_list(due, w[0].low, w[0].n))
        return COL_DUE;
    if (in_list(ticket, w[0].low, w[0].n))
        return COL_TICKET;
    if (in_list(status, w[0].low, w[0].n))
        return COL_STATUS;
    if (in_list(item, w[0].low, w[0].n))
        return COL_ITEM;
    if (in_list(skip, w[0].low, w[0].n))
        return COL_SKIP;
    /* A bilingual header gives its translation in parentheses:
     * "Responsable (Owner)", "Fecha límite (Due)". */
    {
        const char *lp = memchr(t, '(', n), *rp;
        if (lp != NULL && lp > t
            && (rp = memchr(lp, ')', n - (size_t)(lp - t))) != NULL
            && rp > lp + 1 && memchr(lp + 1, '(', (size_t)(rp - lp - 1))
                              == NULL)
            return column_role(sh, lp + 1, (size_t)(rp - lp - 1));
    }
    return COL_OTHER;
}

/* The unit of the cell of row tr in column col, or -1. */
static int
cell_unit(const actions_run *r, int tr, int col)
{
    const bl_doc *doc = r->doc;
    int k;

    if (col < 0)
        return -1;
    for (k = tr + 1; k < r->blk_end[tr]; k++)
        if (doc->blocks.items[k].parent == tr
            && doc->blocks.items[k].col == col)
            return r->first_unit[k];
    return -1;
}

/* A table: each body row is an item; the header names the columns. */
static int
visit_table(actions_run *r, int table)
{
    const bl_doc *doc = r->doc;
    int roles[64], k, ncols = 0, item_col = -1, owner_col = -1,
        due_col = -1, ticket_col = -1, status_col = -1, c;

    for (c = 0; c < 64; c++)
        roles[c] = COL_OTHER;
    for (k = table + 1; k < r->blk_end[table]; k++) {
        const bl_block *b = &doc->blocks.items[k];
        if (b->type != BL_BLOCK_TH || b->col < 0 || b->col >= 64)
            continue;
        if (r->first_unit[k] >= 0) {
            size_t n;
            const char *t = unit_text(r, r->first_unit[k], &n);
            roles[b->col] = column_role(r->sh, t, n);
        }
        if (b->col + 1 > ncols)
            ncols = b->col + 1;
    }
    for (c = ncols - 1; c >= 0; c--) {
        if (roles[c] == COL_OWNER) owner_col = c;
        if (roles[c] == COL_DUE) due_col = c;
        if (roles[c] == COL_TICKET) ticket_col = c;
        if (roles[c] == COL_STATUS) status_col = c;
        if (roles[c] == COL_ITEM) item_col = c;
    }
    for (c = 0; item_col < 0 && c < ncols; c++)
        if (roles[c] == COL_OTHER)
            item_col = c;
    if (item_col < 0)
        item_col = 0;
    for (k = table + 1; k < r->blk_end[table]; k++) {
        const bl_block *b = &doc->blocks.items[k];
        action_item it;
        size_t n;
        const char *t;
        int u;
        if (b->type != BL_BLOCK_TR || k + 1 >= r->blk_end[table]
            || doc->blocks.items[k + 1].type != BL_BLOCK_TD)
            continue;
        u = cell_unit(r, k, item_col);
        if (u < 0)
            continue;
        t = unit_text(r, u, &n);
        if (is_placeholder_item(t, n) || is_guidance(r, u))
            continue;
        memset(&it, 0, sizeof it);
        it.block = k;
        it.section = group_of(r, k);
        it.own_unit = u;
        it.is_row = 1;
        it.extra_begin = it.extra_end = -1;
        it.owner_cell = cell_unit(r, k, owner_col);
        it.due_cell = cell_unit(r, k, due_col);
        it.ticket_cell = cell_unit(r, k, ticket_col);
        it.status_cell = cell_unit(r, k, status_col);
        if (push_item(r, &it) < 0)
            return -1;
    }
    return 0;
}

/* Does the last item end in a colon, with the list at block l not
 * indented under it ("We plan to add alerts around:" then "- lag")? */
static int
is_detached_detail(const actions_run *r, int l)
{
    const bl_doc *doc = r->doc;
    const action_item *last;
    size_t n;
    const char *t;

    if (r->items.n == 0)
        return 0;
    last = &r->items.items[r->items.n - 1];
    if (last->is_row || last->extra_begin >= 0 || r->has_sublist[last->block]
        || r->prev_sibling[l] < 0
        || doc->blocks.items[last->block].parent != r->prev_sibling[l]
        || r->blk_end[r->prev_sibling[l]] != l)
        return 0;
    t = unit_text(r, last->own_unit, &n);
    while (n > 0 && (bl_is_blank(t[n - 1]) || t[n - 1] == '*'))
        n--;
    return n > 0 && t[n - 1] == ':';
}

/* A paragraph before the first item of its section: it may give every
 * item an owner ("All items owned by @sre" is read only from labels),
 * a tracking ticket or a date. */
static void
visit_lead_paragraph(actions_run *r, int p, group_info *g)
{
    const bl_block *b = &r->doc->blocks.items[p];
    int u;

    for (u = r->first_unit[p]; u >= 0; u = r->next_unit[u]) {
        size_t n;
        const char *t = unit_text(r, u, &n);
        read_cover(r, t, n, 0, &g->owner, &g->ticket, &g->due);
    }
    if (r->owner_from_link && has_ticket_link(r, b->begin, b->end + 1))
        g->ticket = 1;
}

static int
collect_items(actions_run *r)
{
    const bl_doc *doc = r->doc;
    int nb = (int)doc->blocks.n, i;

    for (i = 0; i < nb; i++) {
        const bl_block *b = &doc->blocks.items[i];
        int gi = group_of(r, i);
        group_info *g;
        if (gi < 0 || (b->flags & BL_IN_QUOTE))
            continue;
        g = &r->groups[gi];
        if (b->type == BL_BLOCK_PARA && b->parent < 0 && !g->seen_item) {
            visit_lead_paragraph(r, i, g);
        } else if (b->type == BL_BLOCK_TABLE
                   && (r->li_anc[i] < 0
                       || (r->group[r->li_anc[i]] & GROUP_LABEL))) {
            /* (A table inside an item is one of its details.) */
            g->seen_item = 1;
            if (visit_table(r, i) < 0)
                return -1;
            i = r->blk_end[i] - 1;
        } else if ((b->type == BL_BLOCK_UL || b->type == BL_BLOCK_OL)
                   && r->li_anc[i] < 0) {
            g->seen_item = 1;
            if (is_detached_detail(r, i)) {
                action_item *last = &r->items.items[r->items.n - 1];
                last->extra_begin = i;
                last->extra_end = r->blk_end[i];
                i = r->blk_end[i] - 1;
            }
        } else if (b->type == BL_BLOCK_LI) {
            if (visit_list_item(r, i) < 0)
                return -1;
        }
    }
    return 0;
}

/* --- Judging an item ----------------------------------------------------- */

/* What the titles and lead paragraphs of section si and the sections
 * around it within Action Items give every item: GROUP_OWNER,
 * GROUP_TICKET, GROUP_DUE. */
static unsigned
cover(const actions_run *r, int si)
{
    unsigned c = 0;

    /* (A labelled part is in no Action Items section: see group_of.) */
    for (; si >= 0 && r->groups[si].in_actions;
         si = (size_t)si < r->doc->sections.n
              ? r->doc->sections.items[si].parent : -1) {
        const group_info *g = &r->groups[si];
        c |= (g->owner ? GROUP_OWNER : 0) | (g->ticket ? GROUP_TICKET : 0)
             | (g->due ? GROUP_DUE : 0);
    }
    return c;
}

typedef struct item_facts {
    int done;
    int owner;          /* 1 found, 0 none, -1 names nobody */
    char bad_owner[48];
    size_t bad_begin, bad_end;  /* where bad_owner is, when known */
    int ticket;
    int due;
    start start;
} item_facts;

/* Calls fn for each unit of the item: its own text first, then the rest
 * of its blocks (details, other cells), then details not indented. */
typedef void (*unit_fn)(actions_run *r, int u, int own, void *ud);

static void
each_unit(actions_run *r, const action_item *it, unit_fn fn, void *ud)
{
    int k, u;

    fn(r, it->own_unit, 1, ud);
    for (k = it->block; k < r->blk_end[it->block]; k++)
        for (u = r->first_unit[k]; u >= 0; u = r->next_unit[u])
            if (u != it->own_unit)
                fn(r, u, 0, ud);
    for (k = it->extra_begin; k >= 0 && k < it->extra_end; k++)
        for (u = r->first_unit[k]; u >= 0; u = r->next_unit[u])
            fn(r, u, 0, ud);
}

/* Where the bold text an item opens with ends, as a unit offset
 * ("**Implement rate limits**: ..."), or 0. */
static size_t
bold_lead_end(const actions_run *r, int u)
{
    const bl_doc *doc = r->doc;
    const bl_unit *un = &doc->units.items[u];
    size_t b, i, k, line_b, line_e;
    const char *s = doc->src;

    if (un->piece_end == un->piece_begin)
        return 0;
    b = bl_unit_to_source(doc, un, 0, 0);
    if (b < 2 || !((s[b - 2] == '*' && s[b - 1] == '*')
                   || (s[b - 2] == '_' && s[b - 1] == '_')))
        return 0;
    bl_doc_line_span(doc, bl_doc_line_of(doc, b), &line_b, &line_e);
    for (i = b; i + 1 < line_e; i++)
        if (s[i] == s[b - 1] && s[i + 1] == s[b - 1])
            break;
    if (i + 1 >= line_e)
        return 0;
    /* The first piece at or after the closing marker starts there. */
    for (k = un->piece_begin; k < un->piece_end; k++)
        if (doc->pieces.items[k].s >= i)
            return doc->pieces.items[k].u;
    return un->text_end - un->text_begin;
}

/* Is unit u's text struck out from its start, with at most a remark
 * after it ("~~Rewrite the template engine~~ (dropped: ...)")?  Teams
 * strike out an item they gave up rather than delete it.  Not when new
 * text follows ("~~Rewrite X~~ Replace X with Y"): that is the item. */
static int
is_struck_out(const actions_run *r, int u)
{
    const bl_doc *doc = r->doc;
    const bl_unit *un = &doc->units.items[u];
    const char *s = doc->src;
    size_t b, i, line_b, line_e;

    if (un->piece_end == un->piece_begin)
        return 0;
    b = bl_unit_to_source(doc, un, 0, 0);
    if (b < 1 || s[b - 1] != '~')
        return 0;
    bl_doc_line_span(doc, bl_doc_line_of(doc, b), &line_b, &line_e);
    for (i = b; i < line_e && s[i] != '~'; i++)
        ;
    while (i < line_e && (s[i] == '~' || s[i] == ' ' || s[i] == '\t'))
        i++;
    return i >= line_e || s[i] == '\r' || strchr("(:;,-|", s[i]) != NULL
           || (i + 3 <= line_e && (unsigned char)s[i] == 0xE2
               && (unsigned char)s[i + 1] == 0x80);
}

typedef struct judge_ctx {
    const action_item *it;
    owner_scan os;
    item_facts *f;
    unsigned need;
} judge_ctx;

/* fact (BL_MEMO_*) of unit u's text: from its memo when the lint cache
 * knows it, else asked of test() and remembered. */
static int
unit_fact(actions_run *r, int u, unsigned fact, const char *t, size_t n,
          int (*test)(actions_run *r, const char *t, size_t n))
{
    bl_unit_memo *m = r->lc->memo_of_unit != NULL
                      ? r->lc->memo_of_unit[u] : NULL;
    int v;

    if (m != NULL && (m->facts_known & fact))
        return (m->facts & fact) != 0;
    v = test(r, t, n);
    if (m != NULL) {
        m->facts_known |= (unsigned char)fact;
        if (v)
            m->facts |= (unsigned char)fact;
    }
    return v;
}

/* has_done_mark, walking the words only when unit_words finds one it
 * acts on. */
static int
test_done_mark(actions_run *r, const char *t, size_t n)
{
    return has_check_glyph(t, n)
           || ((unit_words(r, t, n) & WORDS_DONE) && has_done_words(t, n));
}

static void
judge_unit(actions_run *r, int u, int own, void *ud)
{
    judge_ctx *j = ud;
    size_t n;
    const char *t = unit_text(r, u, &n);
    int is_owner_cell = u == j->it->owner_cell;

    if (unit_fact(r, u, BL_MEMO_DONE_MARK, t, n, test_done_mark))
        j->f->done = 1;
    if (j->it->is_row && u == j->it->status_cell && is_done_status(t, n))
        j->f->done = 1;
    if ((j->need & NEED_DUE) && !j->f->due
        && (has_due_date(r, t, n)
            || (u == j->it->due_cell && !bl_is_placeholder_text(t, n))))
        j->f->due = 1;
    if (is_owner_cell || !(j->need & NEED_OWNER))
        return;     /* an Owner cell is judged on its own, in judge() */
    j->os.unit = u;
    j->os.unit_text = t;
    /* The scan runs only on text that may hold a label. */
    if (unit_fact(r, u, BL_MEMO_OWNER_WORDS, t, n, has_owner_words))
        scan_owner_labels(r->sh, t, n, &j->os);
    scan_handles(t, n, &j->os);
    scan_brackets(t, n, &j->os);
    if (own)
        scan_trailing(t, n, &j->os);
}

/* Does unit u give the item a ticket: a reference in its text, or a
 * filled-in Ticket cell? */
static void
ticket_unit(actions_run *r, int u, int own, void *ud)
{
    judge_ctx *j = ud;
    size_t n;
    const char *t;

    (void)own;
    if (j->f->ticket)
        return;
    t = unit_text(r, u, &n);
    if (unit_fact(r, u, BL_MEMO_TICKET_REF, t, n, has_ticket_ref)
        || (u == j->it->ticket_cell && !bl_is_placeholder_text(t, n)))
        j->f->ticket = 1;
}

/* Source bytes of text offsets [b, e) of unit u. */
static void
unit_span(const actions_run *r, int u, size_t b, size_t e, size_t *p_begin,
          size_t *p_end)
{
    const bl_unit *un = &r->doc->units.items[u];

    *p_begin = bl_unit_to_source(r->doc, un, b, 0);
    *p_end = bl_unit_to_source(r->doc, un, e, 1);
}

/* classify_start of unit u (text t[0..n)), from its memo when the lint
 * cache has one. */
static void
unit_opening(actions_run *r, int u, const char *t, size_t n, start *st)
{
    bl_unit_memo *m = r->lc->memo_of_unit != NULL && r->more_verbs == NULL
                      ? r->lc->memo_of_unit[u] : NULL;
    size_t lead = bold_lead_end(r, u);

    if (m != NULL && m->opening != NULL && m->opening_lead == lead) {
        *st = *(const start *)m->opening;
        return;
    }
    classify_start(r, t, n, lead, st);
    if (m != NULL && (m->opening != NULL
                      || (m->opening = malloc(sizeof *st)) != NULL)) {
        *(start *)m->opening = *st;
        m->opening_lead = lead;
    }
}

/* Does the document show elsewhere that the first word of s[0..n) is a
 * person's name ("Owner: Mark", an Owner column, "Mark was paged"), or
 * does the team's configuration list it?  -1 when out of memory. */
static int
known_person(actions_run *r, const char *s, size_t n)
{
    size_t pos = 0;
    bl_span sp;

    if (!bl_next_word(s, n, &pos, &sp))
        return 0;
    if (bl_lint_learn_all(r->lc) < 0)
        return -1;
    return bl_strset_has(&r->lc->people, s + sp.begin, sp.end - sp.begin)
           || bl_strset_has(&r->lc->rules->people, s + sp.begin,
                            sp.end - sp.begin);
}

static int
judge(actions_run *r, const action_item *it, unsigned need, item_facts *f)
{
    const bl_doc *doc = r->doc;
    const group_info *g = &r->groups[it->section];
    const bl_block *b = &doc->blocks.items[it->block];
    judge_ctx j;
    size_t n;
    const char *t = unit_text(r, it->own_unit, &n);
    unsigned covered;

    memset(f, 0, sizeof *f);
    memset(&j, 0, sizeof j);
    j.os.bad_unit = -1;
    j.it = it;
    j.f = f;
    j.need = need;
    each_unit(r, it, judge_unit, &j);
    unit_opening(r, it->own_unit, t, n, &f->start);
    f->owner = owner_verdict(&j.os);
    memcpy(f->bad_owner, j.os.bad_text, sizeof f->bad_owner);
    if (j.os.bad_text[0] && j.os.bad_unit >= 0)
        unit_span(r, j.os.bad_unit, j.os.bad_b, j.os.bad_e, &f->bad_begin,
                  &f->bad_end);
    if (it->is_row && it->owner_cell >= 0) {
        /* A filled-in Owner cell decides; an empty one leaves the rest of
         * the row to speak. */
        size_t on;
        const char *ot = unit_text(r, it->owner_cell, &on);
        size_t ob = 0, oe = on;
        trim(ot, &ob, &oe);
        if (oe > ob && is_not_owner(ot + ob, oe - ob)
            && !bl_is_placeholder_text(ot, on)) {
            f->owner = -1;
            quote_into(f->bad_owner, sizeof f->bad_owner, ot + ob, oe - ob);
            unit_span(r, it->owner_cell, ob, oe, &f->bad_begin, &f->bad_end);
        } else if (oe > ob && !bl_is_placeholder_text(ot, on)) {
            f->owner = 1;
        } else if (oe > ob && f->owner <= 0) {
            f->owner = -1;
            quote_into(f->bad_owner, sizeof f->bad_owner, ot + ob, oe - ob);
            unit_span(r, it->owner_cell, ob, oe, &f->bad_begin, &f->bad_end);
        }
    }
    if (f->owner == 0 && f->start.owner != 0) {
        f->owner = f->start.owner;
        if (f->owner < 0)   /* "Everyone to double-check ..." */
            memcpy(f->bad_owner, f->start.who, sizeof f->bad_owner);
    }
    if ((need & NEED_OWNER) && f->owner == 0
        && f->start.maybe_e > f->start.maybe_b && f->start.maybe_e <= n) {
        /* "Mark will run ...": a name if the document uses it as one. */
        int known = known_person(r, t + f->start.maybe_b,
                                 f->start.maybe_e - f->start.maybe_b);
        if (known < 0)
            return -1;
        f->owner = known;
    }
    covered = cover(r, it->section) | it->inherited;
    if (f->owner == 0 && (covered & GROUP_OWNER))
        f->owner = 1;
    if (covered & GROUP_DUE)
        f->due = 1;
    if (it->checked || g->done || (it->inherited & GROUP_DONE)
        || is_struck_out(r, it->own_unit))
        f->done = 1;
    if (!g->open && (f->start.kind == START_REPORT
                     || f->start.kind == START_MAYBE_DONE))
        f->done = 1;
    /* "There will be no disciplinary action" is no task: as with a done
     * item, there is nothing for anyone to pick up. */
    if (f->start.no_task || (!g->open && f->start.now_done))
        f->done = 1;
    /* A ticket stands in for an owner, so it is looked for only in an open
     * item without one: its pattern costs more than the rest of an item. */
    if ((need & NEED_OWNER) && r->owner_from_link && !f->done
        && f->owner == 0) {
        if ((covered & GROUP_TICKET)
            || has_ticket_link(r, b->begin, b->end + 1)
            || (it->extra_begin >= 0
                && has_ticket_link(r, doc->blocks.items[it->extra_begin].begin,
                                   doc->blocks.items[it->extra_begin].end
                                   + 1)))
            f->ticket = 1;
        else
            each_unit(r, it, ticket_unit, &j);
    }
    /* Under "Planned", "Improved runbooks" is a noun phrase. */
    if (g->open && f->start.first_past)
        f->start.kind = START_NOUN;
    return 0;
}

/* Where an item's findings go: the first line of its own text, from its
 * first byte of real text (a code span or an image has a placeholder that
 * may stand for no source byte at all).  Never empty. */
static void
item_span(const actions_run *r, const action_item *it, size_t *p_b,
          size_t *p_e)
{
    const bl_doc *doc = r->doc;
    const bl_unit *u = &doc->units.items[it->own_unit];
    size_t n = u->text_end - u->text_begin, k, cl;
    size_t b = doc->len, e = bl_unit_to_source(doc, u, n, 1), lb, le;

    for (k = u->piece_begin; k < u->piece_end; k++)
        if (doc->pieces.items[k].slen > 0) {
            b = doc->pieces.items[k].s;
            break;
        }
    if (b >= doc->len)  /* no source text at all: the item's block */
        b = doc->blocks.items[it->block].begin;
    if (b >= doc->len)
        b = doc->len > 0 ? doc->len - 1 : 0;
    bl_doc_line_span(doc, bl_doc_line_of(doc, b), &lb, &le);
    if (le < e)
        e = le;
    while (b + 1 < e && (doc->src[b] == ' ' || doc->src[b] == '\t'))
        b++;
    if (e <= b) {
        bl_utf8_decode(doc->src, doc->len, b, &cl);
        e = b + cl <= doc->len ? b + cl : doc->len;
    }
    *p_b = b;
    *p_e = e;
}

/* --- The rules ----------------------------------------------------------- */

/* What the non-owner s, as a finding quotes it, says: "none" that nobody
 * owns the item, "unassigned" that nobody does yet, "someone" that anyone
 * may, "the team", "all reviewers" and "@here" that everyone does. */
static int
quoted_owner_kind(const char *s)
{
    char low[48];
    size_t n = strlen(s), b = 0;
    int kind;

    if (n >= sizeof low)
        return OWNER_EVERYONE;
    bl_ascii_lower(s, n, low);
    low[n] = '\0';
    b = low[0] == '@';
    if (strncmp(low + b, "the ", 4) == 0 || strncmp(low + b, "our ", 4) == 0)
        b += 4;
    if ((kind = not_owner_of(low + b, n - b)) != 0)
        return kind;
    if (strncmp(low + b, "any ", 4) == 0)
        return OWNER_ANYONE;    /* "any engineer" */
    return OWNER_EVERYONE;
}

static int
report_missing_owner(actions_run *r, int rule, const action_item *it,
                     const item_facts *f)
{
    bl_strbuf msg = {NULL, 0, 0};
    size_t b, e;
    int rc, kind;

    if (f->done || f->owner > 0 || (f->owner == 0 && f->ticket))
        return 0;
    kind = f->owner < 0 ? quoted_owner_kind(f->bad_owner) : 0;
    if (f->owner < 0 && !f->bad_owner[0])
        rc = bl_strbuf_addf(&msg, "The owner is left empty. Name the person "
                            "or team who will drive this item, e.g. "
                            "\"(owner: @handle)\".");
    else if (f->owner < 0 && bl_is_placeholder_text(f->bad_owner,
                                                    strlen(f->bad_owner)))
        rc = bl_strbuf_addf(&msg, "The owner is \"%s\", a placeholder. Name "
                            "the person or team who will drive this item, "
                            "e.g. \"(owner: @handle)\".", f->bad_owner);
    else if (kind == OWNER_NOBODY)
        rc = bl_strbuf_addf(&msg, "\"%s\" says this item has no owner, so "
                            "nobody will drive it. Name the person or team "
                            "who will, e.g. \"(owner: @handle)\".",
                            f->bad_owner);
    else if (kind == OWNER_UNDECIDED)
        rc = bl_strbuf_addf(&msg, "\"%s\" says the owner is still to be "
                            "chosen: until someone is, nobody drives this "
                            "item. Name the person or team who will, e.g. "
                            "\"(owner: @handle)\".", f->bad_owner);
    else if (kind == OWNER_ANYONE)
        rc = bl_strbuf_addf(&msg, "\"%s\" is not an owner: an item anyone "
                            "may pick up is one nobody is sure to. Name one "
                            "person or team, e.g. \"(owner: @handle)\".",
                            f->bad_owner);
    else if (f->owner < 0)
        rc = bl_strbuf_addf(&msg, "\"%s\" is not an owner: an item everyone "
                            "owns is one nobody drives. Name one person or "
                            "team, e.g. \"(owner: @handle)\".", f->bad_owner);
    else
        rc = bl_strbuf_addf(&msg, "This action item has no owner, so nobody "
                            "is sure to drive it. Add one: \"(owner: "
                            "@handle)\", \"— Name\" at the end, or an Owner "
                            "column%s.", r->owner_from_link
                            ? "; a link to its ticket also counts" : "");
    if (rc < 0)
        return -1;
    item_span(r, it, &b, &e);
    rc = bl_lint_report(r->lc, rule, b, e, msg.items, NULL);
    free(msg.items);
    if (rc == 0 && f->owner < 0 && f->bad_end > f->bad_begin
        && bl_is_placeholder_text(f->bad_owner, strlen(f->bad_owner)))
        /* The message quotes the placeholder owner: it is not reported
         * again as placeholder/unfilled. */
        rc = bl_lint_explain_placeholder(r->lc, rule, f->bad_begin,
                                         f->bad_end);
    return rc;
}

static int
report_missing_due(actions_run *r, int rule, const action_item *it,
                   const item_facts *f)
{
    size_t b, e;

    if (f->done || f->due)
        return 0;
    item_span(r, it, &b, &e);
    return bl_lint_report(r->lc, rule, b, e,
                          "This action item has no due date, so nobody can "
                          "tell when it is late. Add one: \"(due: "
                          "2025-06-30)\", \"by end of Q3\", or a Due column.",
                          NULL);
}

/* Whether an item says what changes by an arrow from the old to the new:
 * "ASG max \xE2\x86\x92 30", "OS client timeout 30s -> 2s", "registrar 2FA
 * \xE2\x86\x92 TOTP in the shared vault".  Terse teams write the change so;
 * it can be checked a month later as well as an imperative can. */
static int
names_change_by_arrow(const char *t, size_t n)
{
    size_t i;

    for (i = 1; i + 2 < n; i++) {
        size_t len = 0;
        if ((unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x86
            && (unsigned char)t[i + 2] == 0x92)
            len = 3;                                    /* → */
        else if ((t[i] == '-' || t[i] == '=') && t[i + 1] == '>')
            len = 2;                                    /* -> => */
        if (len > 0 && t[i - 1] != '-' && t[i - 1] != '<'
            && i + len < n && t[i + len] != '>')
            return 1;
    }
    return 0;
}

/* Whether an item's own line is written in Spanish, Portuguese, German or
 * French: two different function words of one of them in its first
 * twenty words ("para el usuario de migraciones", "f\xC3\xBCr den Export").
 * The verbs this check knows are English, so under an English heading it
 * cannot tell an infinitive ("Configurar", "Ejecutar") from a noun.
 * Words English also uses often ("die", "do", "no", "as") are left out;
 * split_words keeps "de-dup" one word. */
static int
reads_as_other_language(const char *t, size_t n)
{
    static const char *const es[] = {
        "el", "los", "las", "del", "la", "para", "una", "por", "con", "que",
        "en", "de", "y", "al", NULL
    };
    static const char *const pt[] = {
        "os", "das", "dos", "para", "uma", "com", "n\xC3\xA3o", "em", "da",
        "que", "ao", "na", "de", NULL
    };
    static const char *const de[] = {
        "der", "das", "und", "f\xC3\xBCr", "mit", "von", "zu", "den", "dem",
        "ein", "eine", "nicht", "auf", "ist", "im", NULL
    };
    static const char *const fr[] = {
        "le", "les", "des", "du", "pour", "avec", "et", "une", "dans", "est",
        "sur", "au", "aux", "la", NULL
    };
    static const char *const *const langs[] = {es, pt, de, fr};
    word w[MAX_WORDS];
    size_t nw = split_words(t, n, w), l, j, k;

    if (nw > 20)
        nw = 20;
    for (l = 0; l < sizeof langs / sizeof langs[0]; l++) {
        int found = 0;
        for (j = 0; langs[l][j] != NULL && found < 2; j++)
            for (k = 0; k < nw; k++)
                if (bl_lit_equals(langs[l][j], w[k].low, w[k].n)) {
                    found++;
                    break;
                }
        if (found >= 2)
            return 1;
    }
    return 0;
}

static int
report_not_actionable(actions_run *r, int rule, const action_item *it,
                      const item_facts *f)
{
    bl_strbuf msg = {NULL, 0, 0};
    size_t b, e;
    int rc;
    char first[48];

    if (f->done || (f->start.kind != START_NOUN
                    && f->start.kind != START_GERUND
                    && f->start.kind != START_QUESTION))
        return 0;
    /* The verbs it knows are English: "Ablaufdatum ... überwachen" under
     * "## Maßnahmen (Action Items)" has its verb last.  Asked only of the
     * items it would report: reading a heading's translation costs more
     * than judging the item. */
    if (f->start.states || bl_lint_part_is_translated(r->lc, it->section))
        return 0;
    {
        const bl_unit *u = &r->doc->units.items[it->own_unit];
        size_t n;
        const char *t = bl_unit_text(r->doc, u, &n);
        if (reads_as_other_language(t, n) || names_change_by_arrow(t, n))
            return 0;
    }
    memcpy(first, f->start.shown, sizeof first);
    if (first[0] >= 'a' && first[0] <= 'z')
        first[0] = (char)(first[0] - 32);
    switch (f->start.kind) {
    case START_NOUN:
        /* Said as what the check sees, not as a fact about the word: a
         * verb missing from ACTION-VERB ("Invert") lands here too, and a
         * reader told it is "not a verb" is told something false. */
        rc = bl_strbuf_addf(&msg, "This action item seems to name a topic "
                            "rather than a change: it opens with \"%s\", "
                            "which is not a verb this check knows. Start "
                            "with what will be done: \"Add ...\", \"Alert "
                            "on ...\", \"Document ...\".", first);
        break;
    case START_GERUND: {
        /* Verbs that say little alone: "Going forward ..." does not mean
         * "Go ...", nor "Having a runbook" "Have ...". */
        static const char *const light[] = {
            "go", "be", "have", "get", "do", "come", "let", NULL
        };
        char base[48];
        memcpy(base, f->start.base, sizeof base);
        if (in_list(light, base, strlen(base)))
            strcpy(base, "add");
        if (base[0] >= 'a' && base[0] <= 'z')
            base[0] = (char)(base[0] - 32);
        /* The second example must differ from the first ("Adding"). */
        rc = bl_strbuf_addf(&msg, "\"%s\" names an activity, not a change "
                            "anyone can finish. Start with what will be "
                            "done: \"%s ...\", \"%s ...\".", first, base,
                            strcmp(base, "Add") == 0 ? "Document" : "Add");
        break;
    }
    case START_QUESTION:
        rc = bl_strbuf_addf(&msg, "This action item is a question. Write "
                            "the action that answers it: \"Decide whether "
                            "...\", \"Investigate ...\".");
        break;
    default:
        return 0;
    }
    if (rc < 0)
        return -1;
    item_span(r, it, &b, &e);
    rc = bl_lint_report(r->lc, rule, b, e, msg.items, NULL);
    free(msg.items);
    return rc;
}

static void
shared_free(void *state)
{
    actions_shared *sh = state;

    bl_strset_free(&sh->verbs);
    bl_strset_free(&sh->owner_cols);
    pcre2_code_free(sh->url.code);
    pcre2_match_data_free(sh->md);
    free(sh);
}

/* The verb set and patterns, built on the first document and kept in the
 * rule set: building them cost more than checking a whole document. */
static actions_shared *
shared_get(bl_rules *rules)
{
    actions_shared *sh = bl_rules_family_cache(rules, "action");
    int oom;

    if (sh != NULL)
        return sh;
    if ((sh = calloc(1, sizeof *sh)) == NULL)
        return NULL;
    scan_filter_fill(sh);
    if ((sh->md = pcre2_match_data_create(1, NULL)) == NULL
        || read_word_list(&sh->verbs, rules, "ACTION-VERB") < 0
        || read_word_list(&sh->owner_cols, rules, "OWNER-COLUMN") < 0
        || ((sh->due = bl_rules_define_regex(rules, "DUE-DATE", 0, &oom))
            == NULL && oom)
        || ((sh->ref = bl_rules_define_regex(rules, "TRACKER-REF", 0, &oom))
            == NULL && oom)) {
        shared_free(sh);
        return NULL;
    }
    if (bl_rules_set_family_cache(rules, "action", sh, shared_free) < 0)
        return NULL;
    return sh;
}

static void
run_free(actions_run *r)
{
    free(r->blk_end);
    free(r->li_anc);
    free(r->prev_sibling);
    free(r->has_sublist);
    free(r->group);
    free(r->first_unit);
    free(r->next_unit);
    free(r->groups);
    free(r->group_of_block);
    free(r->facts);
    BL_VEC_FREE(&r->items);
}

/* run_free for bl_lint_set_family_state: the run is heap-allocated. */
static void
run_release(void *state)
{
    run_free(state);
    free(state);
}

/* A document's items and what is known of each, found once for the three
 * rules: the first rule that runs builds it, the others reuse it.  Each
 * item is judged once, for what every enabled rule needs. */
static actions_run *
run_get(bl_lint_ctx *lc)
{
    actions_run *r = bl_lint_family_state(lc, "action");
    size_t i;

    if (r != NULL)
        return r;
    if ((r = calloc(1, sizeof *r)) == NULL)
        return NULL;
    r->lc = lc;
    r->doc = lc->doc;
    r->owner_from_link = bl_rules_bool(lc->rules, "action.owner-from-link");
    r->sh = shared_get(lc->rules);
    if (bl_rule_is_on(lc->rules, "action/missing-owner"))
        r->need |= NEED_OWNER;
    if (bl_rule_is_on(lc->rules, "action/missing-due-date"))
        r->need |= NEED_DUE;
    if (r->sh == NULL || index_blocks(r) < 0 || read_groups(r) < 0
        || collect_items(r) < 0
        || (r->items.n > 0
            && (r->facts = calloc(r->items.n, sizeof *r->facts)) == NULL)) {
        run_release(r);
        return NULL;
    }
    for (i = 0; i < r->items.n; i++)
        if (judge(r, &r->items.items[i], r->need, &r->facts[i]) < 0) {
            run_release(r);
            return NULL;
        }
    if (bl_lint_set_family_state(lc, "action", r, run_release) < 0)
        return NULL;
    return r;
}

int
bl_action_opening(bl_lint_ctx *lc, const char *t, size_t n,
                  const bl_strset *more_verbs, bl_opening *p)
{
    actions_run r;
    start st;

    memset(&r, 0, sizeof r);
    r.lc = lc;
    r.doc = lc->doc;
    r.more_verbs = more_verbs;
    if ((r.sh = shared_get(lc->rules)) == NULL)
        return -1;
    classify_start(&r, t, n, 0, &st);
    switch (st.kind) {
    case START_VERB: p->kind = BL_OPENS_VERB; break;
    case START_REPORT:
    case START_MAYBE_DONE: p->kind = BL_OPENS_PAST; break;
    case START_NOUN: p->kind = BL_OPENS_NOUN; break;
    case START_GERUND: p->kind = BL_OPENS_GERUND; break;
    case START_QUESTION: p->kind = BL_OPENS_QUESTION; break;
    default: p->kind = BL_OPENS_UNSURE; break;
    }
    memcpy(p->first, st.first, sizeof p->first);
    memcpy(p->base, st.base, sizeof p->base);
    return 0;
}

int
bl_check_actions(bl_lint_ctx *lc, int rule)
{
    const char *id = lc->rules->rules.items[rule].info.id;
    actions_run *r;
    size_t i;
    int rc = 0, which;

    if (bl_lint_structure(lc) < 0)
        return -1;
    if (!lc->is_profile_doc
        || bl_heading_index(lc->rules, lc->profile, "action-items") < 0)
        return 0;
    if (strcmp(id, "action/missing-owner") == 0)
        which = 0;
    else if (strcmp(id, "action/missing-due-date") == 0)
        which = 1;
    else if (strcmp(id, "action/not-actionable") == 0)
        which = 2;
    else
        return 0;
    if ((r = run_get(lc)) == NULL)
        return -1;
    for (i = 0; i < r->items.n && rc == 0; i++) {
        const action_item *it = &r->items.items[i];
        const item_facts *f = &r->facts[i];
        if (which == 0)
            rc = report_missing_owner(r, rule, it, f);
        else if (which == 1)
            rc = report_missing_due(r, rule, it, f);
        else
            rc = report_not_actionable(r, rule, it, f);
    }
    return rc;
}
