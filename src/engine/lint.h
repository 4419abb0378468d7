/*
 * lint.h: one lint run's context, shared by bl_lint and the checks.
 *
 * A run first walks every prose unit once: it splits sentences, looks
 * each word up in the rule set's trigger index, and remembers per sentence
 * which pattern entries its words can set off.  The checks then run.  The
 * Learn entries, which find the capitalised words a document uses as
 * people's names, run over all sentences the first time a check asks
 * whether a name is a person's (bl_lint_learn_all).
 */
#ifndef BL_LINT_H
#define BL_LINT_H

#include "doc.h"
#include "rules.h"
#include "text.h"
#include "vec.h"

/* An entry a sentence's words can set off, and where the first and last
 * of those words begin: a match contains a trigger word, so it starts a
 * little before the first and no later than the last. */
typedef struct bl_cand {
    int entry;
    size_t at;      /* unit offset of the first trigger word */
    size_t last;    /* ... and of the last one */
} bl_cand;

typedef struct bl_sentence {
    int unit;
    int has_name;                   /* holds a word that may be a name */
    size_t begin, end;              /* relative to the unit's text */
    size_t cand_begin, cand_end;    /* into bl_lint_ctx.cands */
} bl_sentence;

/* A word of the sentence being indexed, lower-cased. */
typedef struct bl_word {
    size_t begin;           /* unit offset */
    size_t n;               /* 0: the prefilter turned it away */
    unsigned char may;      /* the prefilter's verdict: 1 may be a word
                               the trigger index has, 2 may start with one
                               of its prefixes */
    unsigned char len;      /* its bytes in the text (< sizeof lower) */
    char lower[48];
} bl_word;

typedef struct bl_explained {
    size_t begin, end;
    bl_severity severity;   /* of the rule that explained it */
} bl_explained;

struct bl_unit_memo;

/* A part that a bold label or a <details> summary names as a section, as
 * a heading would ("**Timeline (UTC)**" alone on its line). */
typedef struct bl_label_part {
    int kind;               /* the heading of the profile it stands for */
    unsigned char is_part;  /* named by one of the heading's Parts:, as
                               lc->is_part says of a section */
    int block;              /* the block of its label */
    size_t begin, end;      /* the label's source bytes */
} bl_label_part;

typedef struct bl_lint_ctx {
    bl_rules *rules;
    const bl_doc *doc;
    bl_diags *out;
    /* The document's memos from its last run (lintcache.h), or NULL;
     * memo_of_unit[u] is unit u's, or NULL when there is no cache. */
    bl_lint_cache *cache;
    struct bl_unit_memo **memo_of_unit;
    bl_strbuf *learn_sink;          /* also gets each learned name, NUL
                                       ended, while a unit is learned */
    int people_hashed;              /* people_hash is computed */
    uint64_t people_hash;
    struct { bl_sentence *items; size_t n, alloc; } sentences;
    struct { bl_cand *items; size_t n, alloc; } cands;
    bl_strset people;
    /* The names of people the Learn stanzas found in sentences ("Jake was
     * paged"), without those read off a column of people: what a check
     * trusts when the column itself is in question. */
    bl_strset prose_people;
    struct { bl_word *items; size_t n, alloc; } words;  /* scratch */
    unsigned *stamp;                /* per entry: the sentence stamp that
                                       last set it off (kept sentences + 1) */
    size_t *cand_of;                /* per entry: its index in cands */
    int learned;                    /* Learn entries have run */
    pcre2_match_data *learn_md;     /* theirs, apart from the checks' */
    int patterns_done;
    int oom;
    /* The kind of document (profiles.c), decided before the checks run:
     * the rules of other profiles do not run. */
    const char *profile;            /* "postmortem", "runbook"... */
    int profile_chosen;             /* named by the user, the front matter
                                       or the configuration, rather than
                                       assumed */
    /* Structure (sections.c), analysed on first use. */
    int structure_done;
    int is_profile_doc;             /* the document is one of profile's
                                       kind: its structure is checked */
    int *kind_of;                   /* per section: a bl_heading index of
                                       the profile, or -1 */
    unsigned char *is_part;         /* per section: named by one of the
                                       heading's Parts: */
    size_t *section_end;            /* per section: end of its content,
                                       subsections included */
    /* Parts that a bold label or a <details> summary names as a section,
     * found in documents of the profile's kind (bl_lint_part_of). */
    struct { struct bl_label_part *items; size_t n, alloc; } label_parts;
    int *part_of_block;             /* per block: its labelled part, or -1;
                                       NULL when none were looked for */
    int title_block;                /* the block of a bold title in a
                                       document without a title heading
                                       ("**Postmortem: ...**"), or -1 */
    /* Source ranges whose placeholder a more specific finding quoted
     * (bl_lint_explain_placeholder). */
    struct { struct bl_explained *items; size_t n, alloc; } explained;
    /* What a family's rules share in one run (a document's whys chains,
     * read once for its four rules): set by the first rule that needs it,
     * freed when the run ends. */
    bl_family_slot family_states[BL_FAMILY_SLOTS];
} bl_lint_ctx;

/* A hash of the set of people the document names (after
 * bl_lint_learn_all, which it runs when needed), computed once a run:
 * what the lint cache keys findings that depend on it with.  0 when out of
 * memory is all that is left; -1 then. */
int bl_lint_people_hash(bl_lint_ctx *lc, uint64_t *p_hash);

/* The "patterns" check: runs every enabled pattern rule in one pass over
 * the sentences, so that a phrase two entries match yields one finding. */
int bl_check_patterns(bl_lint_ctx *lc, int rule);

/* Adds a finding for rule over source bytes [begin, end).  message and fix
 * are copied; fix may be NULL. */
int bl_lint_report(bl_lint_ctx *lc, int rule, size_t begin, size_t end,
                   const char *message, const char *fix);

/* The same with a fix that replaces source bytes [fix_begin, fix_end)
 * instead of the finding's own span (an insertion when they are equal). */
int bl_lint_report_fix(bl_lint_ctx *lc, int rule, size_t begin, size_t end,
                       const char *message, const char *fix,
                       size_t fix_begin, size_t fix_end);

/* A placeholder that rule reported in its own, more specific terms ("The
 * owner is \"TBD\", a placeholder", "The answer to this why is only a
 * placeholder") lies in source bytes [begin, end).  When the run ends,
 * placeholder/unfilled findings inside the range are dropped, unless they
 * are of a higher severity than rule's: one problem, one finding, with the
 * message that says most.  0 or -1. */
int bl_lint_explain_placeholder(bl_lint_ctx *lc, int rule, size_t begin,
                                size_t end);

/* The state `family` left for its other rules in this run, or NULL. */
void *bl_lint_family_state(const bl_lint_ctx *lc, const char *family);

/* Keeps state for the family's other rules; free_fn frees it when the run
 * ends (also on failure: state is freed at once).  Returns 0 or -1. */
int bl_lint_set_family_state(bl_lint_ctx *lc, const char *family,
                             void *state, void (*free_fn)(void *state));

/* --- How a step opens (actions.c) ---------------------------------------- */

typedef enum bl_opening_kind {
    BL_OPENS_VERB,      /* "Add ...", "Roll back ...", "We should ..." */
    BL_OPENS_UNSURE,    /* code first, a word it does not know */
    BL_OPENS_PAST,      /* "Added ...", "Pods restarted": work done */
    BL_OPENS_NOUN,      /* "Postgres upgrade", "The alert clears" */
    BL_OPENS_GERUND,    /* "Restarting the pods" */
    BL_OPENS_QUESTION   /* "Is the queue draining?" */
} bl_opening_kind;

typedef struct bl_opening {
    bl_opening_kind kind;
    char first[48];     /* the first word, lower-case */
    char base[48];      /* a gerund's verb: "restart" for "restarting" */
} bl_opening;

/* How t[0..n) opens, read as action/not-actionable reads an action item:
 * with the verbs of ACTION-VERB (rules/action.rules), and more_verbs too
 * when not NULL (lower-case words).  Lead labels ("Step 2:"), priority
 * tags and adverbs ("Then") are skipped.  Returns 0, or -1 when out of
 * memory. */
int bl_action_opening(bl_lint_ctx *lc, const char *t, size_t n,
                      const bl_strset *more_verbs, bl_opening *p);

/* --- Profiles (profiles.c) ----------------------------------------------- */

/* Does rule id run on this document: on, and of its profile (or of
 * none)?  For a check that leaves something to another rule. */
int bl_lint_rule_runs(const bl_lint_ctx *lc, const char *id);

/* How messages name the document: "postmortem", "runbook". */
const char *bl_lint_document_name(const bl_lint_ctx *lc);

/* --- Structure (sections.c) ---------------------------------------------- */

/* The structural checks: one function per Check: name. */
int bl_check_sections(bl_lint_ctx *lc, int rule);
int bl_check_actions(bl_lint_ctx *lc, int rule);
int bl_check_whys(bl_lint_ctx *lc, int rule);
int bl_check_timeline(bl_lint_ctx *lc, int rule);
int bl_check_placeholders(bl_lint_ctx *lc, int rule);
int bl_check_suppressions(bl_lint_ctx *lc, int rule);
int bl_check_missing_sections(bl_lint_ctx *lc, int rule);
int bl_check_runbook(bl_lint_ctx *lc, int rule);
int bl_check_severity(bl_lint_ctx *lc, int rule);
int bl_check_lifecycle(bl_lint_ctx *lc, int rule);
int bl_check_roles(bl_lint_ctx *lc, int rule);
int bl_check_review(bl_lint_ctx *lc, int rule);

/* blame/responsible-column (blame_tables.c): a table of causes with a
 * column of the people behind them. */
int bl_check_blame_tables(bl_lint_ctx *lc, int rule);

/* spelling/unknown-word (spelling.c).  Returns 0, -1 when out of memory,
 * or BL_EDATA when the dictionary or the word list cannot be read, with
 * the reason in the rule set's error (bl_rules_error). */
int bl_check_spelling(bl_lint_ctx *lc, int rule);

/* Applies the document's <!-- blamelint-disable ... --> comments to the
 * run's findings from `first` on, and reports the comments that
 * suppressed nothing as suppression/unused (suppress.c).  0 or -1. */
int bl_suppress_apply(bl_lint_ctx *lc, size_t first);

/* Works out which canonical section each heading names and whether the
 * document is of the profile's kind; later calls return at once.
 * Returns -1 when out of memory. */
int bl_lint_structure(bl_lint_ctx *lc);

/* Is `section` (or a section it is nested in) the canonical section
 * `kind` ("action-items")?  Returns the index of that section, or -1. */
int bl_lint_section_within(const bl_lint_ctx *lc, int section,
                           const char *kind);

/* Does unit ui, a paragraph or list item, open with a bold label that
 * names heading hi of the rule set ("**Why 1:** ...", "- **Root
 * cause**: ..."), with or without text after it?  What section/missing
 * takes for the section when no heading names it. */
int bl_lint_unit_has_label(const bl_lint_ctx *lc, size_t ui, int hi);

/* Is block bi, a list item or paragraph, the label of a labelled part
 * ("- **Review actions**:" over its items)?  Such a label is a section's
 * name: not an item, not an empty field. */
int bl_lint_is_part_label(const bl_lint_ctx *lc, int bi);

/* Is part id `part` (bl_lint_part_of) named only through the
 * translation in its heading or label, or inside a section that is
 * ("Maßnahmen (Action Items)")?  Its text is then in another language,
 * which the checks that know English words only must not read. */
int bl_lint_part_is_translated(const bl_lint_ctx *lc, int part);

/* Where part id `part` (bl_lint_part_of) is named: its section's
 * heading, or its label; source bytes [*p_b, *p_e). */
void bl_lint_part_title(const bl_lint_ctx *lc, int part, size_t *p_b,
                        size_t *p_e);

/* Which of lc->label_parts section/empty reports as empty: a bold label
 * of a section of its own ("**Impact**") with nothing but placeholders
 * or comments in its part.  An array of as many flags, the caller's to
 * free; NULL when out of memory. */
unsigned char *bl_lint_empty_label_parts(const bl_lint_ctx *lc);

/* Is unit ui the label of part id `part` and nothing else ("**Root
 * cause**", "- **Root cause**:"), its title as a heading is its
 * section's, not its content? */
int bl_lint_unit_is_label(const bl_lint_ctx *lc, int part, size_t ui);

/* The part block bi is read in, whatever its kind, as one id: its
 * section's index, or doc->sections.n + p when it lies in labelled part
 * p (lc->label_parts.items[p]) of a section other than the heading's it
 * is under; -1 when neither.  A label inside a heading section of its own
 * kind adds nothing: the section is read once.  One of another kind is
 * that section, not the heading's: "<details><summary>Timeline" under
 * "## Action Items" holds timeline entries only. */
int bl_lint_part_id_of(const bl_lint_ctx *lc, int bi);

/* The `kind` section block bi belongs to, whether a heading or a label
 * names it, as one id for the checks that read a kind of section: the
 * index of its section when that is or is within a `kind` section, or
 * its labelled part's id when that names a `kind` section
 * (bl_lint_part_id_of); -1 when neither.  Ids are below
 * bl_lint_part_count(lc).  Example: the items under "**Action items**"
 * get the same id, other than any heading's. */
int bl_lint_part_of(const bl_lint_ctx *lc, int bi, const char *kind);
size_t bl_lint_part_count(const bl_lint_ctx *lc);

/* bl_lint_part_of for every block of the document, for the checks that
 * ask it of each block or unit: an array of doc->blocks.n ids the caller
 * frees, NULL when out of memory.  Finding each block's section of the
 * kind once costs a walk up the headings per block; this costs one per
 * section. */
int *bl_lint_part_of_blocks(const bl_lint_ctx *lc, const char *kind);

/* Is section si a `kind` section of its own, not a part named by another
 * heading and not inside another `kind` section: where a check that
 * reads a kind of section once starts reading? */
int bl_lint_section_is_outer(const bl_lint_ctx *lc, size_t si,
                             const char *kind);

/* Is t[0..n) nothing but placeholders: empty, "TBD", "TODO", "N/A", "-",
 * "...", "?", or a {{...}} / <...> template slot? */
int bl_is_placeholder_text(const char *t, size_t n);

/* Is t[0..n) exactly one bracketed template slot, as placeholder/unfilled
 * reads them: "[Name]", "[Owner]", "[link to ticket]", "[???]", but not
 * "[Dana]" or "[sic]" (placeholders.c)? */
int bl_is_bracket_slot(const char *t, size_t n);

/* Has section (with its subsections) anything but placeholders, as
 * section/empty decides?  Needs bl_lint_structure first. */
int bl_lint_section_has_content(const bl_lint_ctx *lc, int section);

/* Remembers that the document uses the capitalised word `name` for a
 * person (Learn: stanzas call it). */
int bl_lint_learn_person(bl_lint_ctx *lc, const char *name, size_t n);

/* Runs Learn entry c->entry over sentence s (patterns.c). */
int bl_patterns_learn(bl_lint_ctx *lc, const bl_sentence *s,
                      const bl_cand *c);

/* Runs every Learn entry over the document, once: done the first time a
 * "Names: known" pattern asks whether a name is a person's, so documents
 * that never ask pay nothing. */
int bl_lint_learn_all(bl_lint_ctx *lc);

/* For a check written in C that matched a pattern built from {WHO} (rc as
 * pcre2_match returned it, text the subject): does the match stand for a
 * person?  A role, a pronoun or an @handle does; a (?<name>) it captured
 * only when the name is plausible and, with names BL_NAMES_KNOWN, the
 * document shows it is a person's (so "Redis ran out of memory" is no
 * person), as for a Match stanza's Names: field.  Runs the Learn pass on
 * first use.  Returns 1, 0, or -1 when out of memory. */
int bl_lint_match_is_person(bl_lint_ctx *lc, const pcre2_code *code,
                            pcre2_match_data *md, int rc, const char *text,
                            unsigned unit_flags, int names);

/* --- The comms and status-update profiles -------------------------------- */

int bl_check_comms(bl_lint_ctx *lc, int rule);
int bl_check_status_update(bl_lint_ctx *lc, int rule);

/* Reports under rule what must not reach readers outside the company in
 * source bytes [begin, end): @handles and #channels, internal hostnames
 * and addresses, people's names (leaks.c, with rules/leaks.rules).
 * Returns 0, or -1 when out of memory. */
int bl_leaks_report(bl_lint_ctx *lc, int rule, size_t begin, size_t end);

/* What readers see of source bytes [b, e): a NUL-terminated copy with
 * every HTML comment blanked to spaces, so offsets stay the source's
 * (leaks.c).  The caller frees it; NULL when out of memory. */
char *bl_published_source(const bl_doc *doc, size_t b, size_t e);

#endif
