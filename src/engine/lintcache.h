/*
 * lintcache.h: what one document's lint run can reuse from its last.
 *
 * An editor lints the same document after every keystroke, and almost all
 * of it is unchanged.  The work done per prose unit (a paragraph, a list
 * item's text, a cell) that depends only on the unit and what is around
 * it is kept, keyed by the unit's text:
 *
 *   - its sentence index: the sentences whose words can set off a pattern
 *     entry, and those entries (a function of the text alone);
 *   - the names its Learn entries found (the text and the unit's flags);
 *   - the findings of the pattern rules in it (the text, the flags, the
 *     titles of the sections it is in, and the people the document names);
 *   - the placeholder slots written in it (the text and its quote flag);
 *   - the time stamp it opens with (its source bytes: a time in a code
 *     span is read, and the text has only a placeholder for it);
 *   - whether it has a done mark or a ticket reference, how it opens as
 *     an action item, and which section it names as a heading (the text);
 *   - where a 5-whys answer in it names a person (the text, the answer's
 *     place, its flags and the people the document names).
 *
 * A memo that no unit of a run used is dropped when the run ends, so the
 * cache holds one document's worth.  Everything is dropped when the rule
 * set's version changes (another rule set has another; settings change it
 * in place) or the profile does.
 * The structure checks (sections, action items, whys, timeline) read the
 * whole document and always run.
 *
 * The parse is kept too, in chunks: bl_doc_parse_cached cuts the source
 * where Markdown lets a chunk be parsed on its own (doc.h) and replays the
 * md4c events of every chunk whose bytes it has seen.
 */
#ifndef BL_LINTCACHE_H
#define BL_LINTCACHE_H

#include <stdint.h>

#include "lint.h"

/* A pattern finding of a cached unit, in unit offsets. */
typedef struct bl_memo_found {
    int rule;
    size_t begin, end;
    char *message;
    char *fix;              /* may be NULL */
} bl_memo_found;

/* The pattern findings of a unit's text in one context. */
typedef struct bl_memo_findings {
    int valid;
    uint64_t context;       /* what they depend on beyond the text */
    struct { bl_memo_found *items; size_t n, alloc; } found;
} bl_memo_findings;

#define BL_MEMO_CONTEXTS 4

/* A placeholder slot found in a cached unit's text (placeholders.c). */
typedef struct bl_memo_slot {
    size_t begin, end;      /* unit offsets */
    int kind;
} bl_memo_slot;

/* What a memo is found by: its text, and the run that last used it. */
typedef struct bl_memo_key {
    uint64_t hash;
    char *text;
    size_t len;
    unsigned last_run;
} bl_memo_key;

/* A table of memos by text (open addressing, at most half full); each
 * memo starts with its bl_memo_key. */
typedef struct bl_memo_table {
    bl_memo_key **slots;
    size_t cap, n;          /* cap: a power of two, or 0 */
} bl_memo_table;

typedef struct bl_unit_memo {
    bl_memo_key key;
    /* Sentence index: sentences with unit -1 and cand_begin/cand_end
     * into cands below. */
    int indexed;
    struct { bl_sentence *items; size_t n, alloc; } sentences;
    struct { bl_cand *items; size_t n, alloc; } cands;
    /* Learned names, NUL-separated, valid when learned is set and the
     * unit's flags are learned_flags. */
    int learned;
    unsigned learned_flags;
    bl_strbuf names;
    /* Pattern findings for the last few contexts the text was seen in
     * (the same "TBD" or "Owner" stands in many sections). */
    bl_memo_findings findings[BL_MEMO_CONTEXTS];
    unsigned next_findings;         /* the slot a new context takes */
    /* Placeholder slots in the text, valid when slots_valid is set and
     * the placeholder check's key (the unit's quote flag, its settings)
     * is slots_key. */
    int slots_valid;
    unsigned slots_key;
    struct { bl_memo_slot *items; size_t n, alloc; } slots;
    /* The timeline check's reading of the whole unit (a tl_stamp, its
     * source offsets relative to the unit's first source byte), valid
     * when stamp is not NULL and the unit's source bytes, which include
     * code spans its text leaves out, are stamp_src. */
    void *stamp;
    char *stamp_src;
    size_t stamp_src_len;
    /* Facts the action-item check reads from the text (BL_MEMO_*): which
     * are known, and their values. */
    unsigned char facts_known, facts;
    /* The unit read as a section heading (bl_heading_classify), when
     * heading_known is set. */
    unsigned char heading_known;
    int heading_kind, heading_part;
    /* How the unit opens as an action item (actions.c), read with its
     * first opening_lead bytes bold; NULL when not known. */
    void *opening;
    size_t opening_lead;
    /* Where a 5-whys answer in the unit names a person (whys.c): for the
     * answer at [person_a_begin, person_a_end), with people and flags
     * hashing to person_key, the person is at [person_b, person_e)
     * (SIZE_MAX when none).  Valid when person_known is set. */
    int person_known;
    size_t person_a_begin, person_a_end, person_b, person_e;
    uint64_t person_key;
} bl_unit_memo;

#define BL_MEMO_DONE_MARK   0x01    /* a done mark: "✅", "(done)" */
#define BL_MEMO_TICKET_REF  0x02    /* a ticket reference: "JIRA-123" */
#define BL_MEMO_OWNER_WORDS 0x04    /* a word an owner label uses: "Owner" */

/* The md4c events of one chunk of a document's source (doc.h), kept by
 * the chunk's bytes: a parse after an edit replays the chunks it did not
 * touch instead of parsing them. */
typedef struct bl_chunk_memo {
    bl_memo_key key;
    bl_parse_chunk chunk;
} bl_chunk_memo;

struct bl_lint_cache {
    unsigned long rules_version;    /* of the rule set the memos are for
                                       (unique across rule sets; 0: none) */
    char *profile;
    unsigned run;
    bl_memo_table units;            /* bl_unit_memo */
    unsigned parse_run;
    bl_memo_table chunks;           /* bl_chunk_memo, for bl_doc_parse_cached */
};

/* A 64-bit hash of s[0..n), 8 bytes at a time. */
uint64_t bl_hash_bytes(const char *s, size_t n, uint64_t seed);

/* Starts a run: drops everything when the rules or profile differ from the
 * last run's.  Returns 0 or -1. */
int bl_lint_cache_begin(bl_lint_cache *c, const bl_rules *rules,
                        const char *profile);

/* The memo for a unit with this text, created (empty) when there is none;
 * marks it used by this run.  NULL when out of memory. */
bl_unit_memo *bl_lint_cache_unit(bl_lint_cache *c, const char *text,
                                 size_t len);

/* Ends a run: drops the memos it did not use. */
void bl_lint_cache_end(bl_lint_cache *c);

/* Drops every memo: after a failed run, which may have left some half
 * made. */
void bl_lint_cache_reset(bl_lint_cache *c);

/* The findings m keeps for context, with *p_hit set; else (*p_hit 0) an
 * emptied slot to keep them in once found, taking the place of the
 * oldest context. */
bl_memo_findings *bl_unit_memo_findings(bl_unit_memo *m, uint64_t context,
                                        int *p_hit);

#endif
