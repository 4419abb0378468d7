/*
 * rules.h: the rule set behind the opaque bl_rules.
 *
 * Rules are data.  Each *.rules file (format in rules/README.md) holds
 * stanzas of five kinds:
 *   Rule:    a rule's id, severity, summary and explanation, and which
 *            check runs it ("patterns" unless a Check: field names code);
 *   Match:   one pattern of a pattern rule, with its trigger words, message,
 *            suggested rewrite, optional fix and guards;
 *   Define:  a named sub-pattern that patterns use as {NAME};
 *   Learn:   a pattern whose (?<name>) group names a person, so patterns
 *            marked "Names: known" trust that name elsewhere in the file;
 *   Not-Names: capitalised words that are never a person's name;
 *   Profile: a kind of document (postmortem, runbook...), whose
 *            structural rules and sections say Profile: NAME;
 *   Known-Words: words the spelling check knows beyond its dictionary;
 *   Heading: a section a kind of document has (Summary, Timeline...), the
 *            headings that name it and the skeleton that inserts it;
 *   Setting: a tunable of the structural checks, with its default.
 * Code checks are registered in one table in rules.c.
 */
#ifndef BL_RULES_H
#define BL_RULES_H

#include "../blamelint.h"
#include "doc.h"
#include "regex.h"
#include "strset.h"

struct bl_lint_ctx;
typedef int (*bl_check_fn)(struct bl_lint_ctx *lc, int rule);

typedef struct bl_rule {
    bl_rule_info info;      /* info.profile owned here */
    bl_check_fn check;
} bl_rule;

/* A kind of document ("Profile:" stanza).  The postmortem is one even when
 * no stanza declares it: it is what a document is when nothing says. */
typedef struct bl_profile {
    bl_profile_info info;   /* strings owned here */
    char *document;         /* how messages name such a document: "the
                               runbook does not say ..." */
} bl_profile;

/* Match-stanza "Names:" values. */
#define BL_NAMES_ANY 0      /* a capitalised name is a person unless listed */
#define BL_NAMES_KNOWN 1    /* ...only when the document shows it is one */

typedef struct bl_entry {
    int rule;               /* index into bl_rules.rules; -1 for Learn */
    bl_regex re;
    bl_regex unless;        /* sentence-level veto, src NULL when none */
    bl_regex section;       /* section title filter */
    bl_regex not_section;
    char *message;
    char *suggest;
    char *fix;              /* NULL when no mechanical rewrite is safe */
    int names;
    int in_quote;           /* also match inside block quotes */
    int starts_at_trigger;  /* a match begins at one of its trigger words,
                               so none is tried before the first */
    char *words;            /* trigger words as written, until indexed */
    char **examples;        /* must fire */
    size_t n_examples;
    char **cleans;          /* must not fire */
    size_t n_cleans;
    char *file;
    size_t line;
} bl_entry;

/* One entry a trigger word sets off.  "Words: did+not" indexes the entry
 * under "did" with also = "not": the other words must be in the same
 * sentence too, so a common word alone does not run the pattern. */
typedef struct bl_trigger_hit {
    int entry;
    char *also;             /* space-separated, or NULL */
} bl_trigger_hit;

/* Trigger-word index: which entries a word can set off. */
typedef struct bl_trigger {
    char *word;             /* lower-case; NULL marks an empty slot */
    size_t word_len;
    bl_trigger_hit *items;
    size_t n, alloc;
} bl_trigger;

/* A canonical section ("Heading:" stanza).  Synonyms are kept normalised
 * (see bl_heading_normalize in sections.c). */
typedef struct bl_heading {
    char *kind;             /* "action-items" */
    char *profile;          /* "postmortem" */
    char *title;            /* "Action Items", as a template writes it */
    char *purpose;          /* what the section tells readers, completing
                               "the postmortem does not say ..." */
    char *when_empty;       /* what section/empty asks to write in it when
                               it is empty ("When-Empty:"), or NULL */
    char **synonyms;
    unsigned char *is_part; /* per synonym: from Parts:, a part of the
                               section ("What went well") that stands for
                               it but is no second copy of it */
    unsigned char *is_exact;    /* per synonym: written "=Postmortem", it
                                   names the section only as the whole
                                   heading, never as its start or with a
                                   typo ("Postmortem Attendees") */
    size_t n_synonyms;
    char **qualifiers;      /* normalised words that may come before a
                               synonym ("full" timeline, "open" action
                               items), from Qualifiers: */
    size_t n_qualifiers;
    int required;
    char *skeleton;         /* Markdown; its first line is the heading */
    char *covered_by;       /* kind of another section that may say what
                               this one would, or NULL ("Covered-By:") */
    bl_regex covered_when;  /* ...when a unit of it matches this */
    bl_regex unless;        /* a heading that a synonym would make this
                               section is none when its normalised text
                               matches this ("Actions taken"), from
                               Unless:; src NULL when none */
    char *file;
    size_t line;
} bl_heading;

typedef struct bl_setting {
    bl_setting_info info;   /* strings owned here */
    long min, max;          /* for "int" */
} bl_setting;

/* How many different words a Define's Words: may name, and how long
 * each may be. */
#define BL_DEFINE_WORDS_MAX 64
#define BL_DEFINE_WORD_LEN 32

typedef struct bl_define {
    char *name;
    char *pattern;
    /* The definition as a regex of its own, for checks written in C:
     * built on first request, [0] unanchored, [1] anchored. */
    bl_regex as_regex[2];
    int expanded;
    /* Words: what every match holds, so that a check searching with the
     * definition can pass over text without it (bl_define_may_match).
     * words are the different words named, lower-case; each of the
     * n_needs needs is a set of them (bit k: words[k]), all of which one
     * match holds.  n_needs is 0 without Words:. */
    char (*words)[BL_DEFINE_WORD_LEN + 1];
    size_t n_words;
    uint64_t *needs;
    size_t n_needs;
} bl_define;

/* State a family of checks keeps, by family name: the rule set's caches
 * and a lint run's family states are each a table of these. */
typedef struct bl_family_slot {
    const char *family;
    void *state;
    void (*free_fn)(void *state);
} bl_family_slot;

/* Seven families keep a cache today (action, lifecycle, review, roles,
 * runbook, spelling, whys); most of them fail as if out of memory when no
 * slot is free, so keep room for more. */
#define BL_FAMILY_SLOTS 16

/* The state of `family` in slots[BL_FAMILY_SLOTS], or NULL. */
void *bl_family_slot_get(const bl_family_slot *slots, const char *family);

/* Keeps state for `family` in a free slot; 0, or -1 (and state freed with
 * free_fn) when every slot is taken. */
int bl_family_slot_put(bl_family_slot *slots, const char *family,
                       void *state, void (*free_fn)(void *state));

/* Frees every slot's state and empties the table. */
void bl_family_slots_free(bl_family_slot *slots);

struct bl_rules {
    struct { bl_rule *items; size_t n, alloc; } rules;
    struct { bl_define *items; size_t n, alloc; } defines;
    struct { bl_entry *items; size_t n, alloc; } entries;
    struct { bl_heading *items; size_t n, alloc; } headings;
    struct { bl_setting *items; size_t n, alloc; } settings;
    struct { bl_profile *items; size_t n, alloc; } profiles;
    bl_strset not_names;
    /* Time zone names the timeline rules read, from Time-Zones: stanzas
     * (rules/timeline.rules): abbreviations ("UTC", "PT"), names said
     * with a word after them ("Pacific Time"), places whose clock only
     * "time" after them makes a zone ("London time") and tz database
     * regions ("Europe/Berlin").  has_zones: some stanza gave them. */
    bl_strset zone_abbrevs, zone_spoken, zone_places, zone_regions;
    int has_zones;
    bl_strset people;       /* a team's names, from its configuration */
    struct { char **items; size_t n, alloc; } allowed;  /* phrases, lower */
    /* Words the spelling check knows beyond its dictionary and word list
     * file: Known-Words: stanzas, then bl_rules_add_word, in that order
     * (the check adds the ones it has not seen yet). */
    struct { char **items; size_t n, alloc; } words;
    bl_trigger *triggers;
    size_t trigger_cap;     /* power of two */
    struct { bl_trigger *items; size_t n, alloc; } prefixes;  /* "word*" */
    /* A prefilter for the trigger index, so that most words of prose are
     * turned away without being lower-cased, hashed and looked up:
     * word_filter has a bit set for each word a trigger or a "+more" test
     * can use (by bl_word_filter_hash); prefix_pairs one for each pair of
     * first bytes a "prefix*" trigger opens (a one-byte word is the pair
     * (byte, 0)). */
    unsigned char word_filter[1 << 13];
    unsigned char prefix_pairs[256 * 256 / 8];
    /* What a check written in C builds from the rule set once (a word set
     * read from a Define:, compiled patterns) and keeps for every later
     * lint run: see bl_rules_family_cache. */
    bl_family_slot caches[BL_FAMILY_SLOTS];
    int prepared;   /* bl_rules_prepare ran: JIT-compile regexes at once */
    /* Changes with every setting, severity, person or phrase set on the
     * rule set, and differs between rule sets: what a lint cache keyed on
     * it has seen is then stale. */
    unsigned long version;
    /* Why the last bl_lint returned BL_EDATA (bl_rules_error). */
    char error[512];
};

/* Where Hunspell dictionaries are, unless DICPATH says otherwise. */
#ifndef BL_HUNSPELL_DIR
#define BL_HUNSPELL_DIR "/usr/share/hunspell"
#endif

/* Parses one rule file's text into rules (appending).  name is used in
 * error messages.  Text must already have {verb:...} forms expanded. */
int bl_rules_parse(bl_rules *rules, const char *name, const char *text,
                   size_t len, char *err, size_t errlen);

/* Resolves Define macros, checks every pattern compiles and builds the
 * trigger index.  Called once after the last bl_rules_parse.  With
 * validate_all, every regex is compiled now so errors name their line;
 * otherwise (the embedded rules, checked at build time) on first use. */
int bl_rules_finish(bl_rules *rules, int validate_all, char *err,
                    size_t errlen);

/* Parses every *.rules file of dir (sorted by name) into rules. */
int bl_rules_load_files(bl_rules *rules, const char *dir, char *err,
                        size_t errlen);

bl_rules *bl_rules_new(void);

/* The hash word_filter is indexed by, of a word w[0..n) (n > 0) as the
 * trigger index sees it: with ASCII letters lower-cased and a curly
 * apostrophe straightened (the caller's part, lint.c lower_word).  Only
 * the length and four bytes count, OR 0x20 so that a letter's case does
 * not: the same few steps for any word, and the filter sees every word
 * of the document.  The first, third, third-last and last bytes: "re-"
 * and "-ed" words share the second and the second-last. */
static inline uint32_t
bl_word_filter_hash(const char *word, size_t n)
{
    const unsigned char *w = (const unsigned char *)word;
    uint32_t some = ((uint32_t)w[0] | (uint32_t)w[n > 2 ? 2 : n - 1] << 8
                     | (uint32_t)w[n > 3 ? n - 3 : 0] << 16
                     | (uint32_t)w[n - 1] << 24)
                    | 0x20202020u;

    return ((some ^ (uint32_t)n * 0x9E3779B9u) * 0x85EBCA6Bu) >> 16;
}

/* May the word with this bl_word_filter_hash be a trigger word or a
 * "+more" word?  No is certain; yes may be wrong. */
static inline int
bl_rules_may_be_word(const bl_rules *rules, uint32_t hash)
{
    return (rules->word_filter[hash >> 3] >> (hash & 7)) & 1;
}

/* May a word whose first two bytes, lower-cased, are c0 and c1 (0 for a
 * one-byte word) start with a "prefix*" trigger? */
static inline int
bl_rules_may_be_prefixed(const bl_rules *rules, unsigned char c0,
                         unsigned char c1)
{
    unsigned k = (unsigned)c0 << 8 | c1;
    return (rules->prefix_pairs[k >> 3] >> (k & 7)) & 1;
}

/* Entries a lower-case word triggers, or NULL. */
const bl_trigger *bl_rules_trigger(const bl_rules *rules, const char *word,
                                   size_t len);

void bl_entry_free(bl_entry *e);

int bl_rule_index(const bl_rules *rules, const char *id);

/* Is rule id in the set and not off?  (Whether it runs on a document also
 * depends on its profile: bl_lint_rule_runs.) */
int bl_rule_is_on(const bl_rules *rules, const char *id);

/* A setting's value in effect; the key must be one a Setting: stanza
 * declares (the checks ask only for their own). */
long bl_rules_int(const bl_rules *rules, const char *key);
int bl_rules_bool(const bl_rules *rules, const char *key);

/* The profile called name, or NULL. */
const bl_profile *bl_rules_profile(const bl_rules *rules, const char *name);

/* Index of the canonical section `kind` of `profile`, or -1. */
int bl_heading_index(const bl_rules *rules, const char *profile,
                     const char *kind);

/* The heading of `profile` that heading text t names, or -1; *p_part
 * tells whether it names one of its Parts:. */
int bl_heading_classify(const bl_rules *rules, const char *profile,
                        const char *t, size_t n, int *p_part);

/* Normalises heading text for matching, into out (NUL-terminated, at most
 * cap - 1 bytes): lower case, numbering, emoji, emphasis marks, trailing
 * colons and "(...)" suffixes dropped, "&" read as "and", runs of spaces
 * as one (sections.c). */
size_t bl_heading_normalize(const char *t, size_t n, char *out, size_t cap);

/* Every regex of the rule patterns and section checks, in an order that
 * depends only on the rule files: rulegen precompiles them in this order
 * and bl_rules_load_default finds them again.  Returns how many, and
 * stores a newly allocated array in *p_list (NULL when out of memory). */
size_t bl_rules_regexes(bl_rules *rules, bl_regex ***p_list);

/* The Define called name, or NULL. */
const bl_define *bl_rules_define(const bl_rules *rules, const char *name);

/* Can a match of d lie in text[0, len)?  0 when text lacks every one of
 * d's Words: needs, so a search would find nothing; 1 when it holds one,
 * or when d has no Words:.  Words are read as runs of ASCII letters,
 * digits and '_', any case (U+017F and U+212A, which PCRE2 matches
 * caselessly as 's' and 'k', read as those): a word a pattern matches
 * whole, between \b's, is always such a run. */
int bl_define_may_match(const bl_define *d, const char *text, size_t len);

/* Define: name of the rule set as a regex for a check written in C: its
 * {MACROS} expanded, compiled on first use with the options of every rule
 * pattern (bl_regex_get), anchored at the start offset when asked.  The
 * regex belongs to the rule set and is kept for every later lint run (a
 * check must not compile it once per document).  Returns it, or NULL
 * when the rule set defines no such name or it does not expand; *p_oom is
 * set when out of memory. */
bl_regex *bl_rules_define_regex(bl_rules *rules, const char *name,
                                int anchored, int *p_oom);

/* bl_rules_define_regex into *p_re, for a check that builds several in
 * one chain of ||: -1 only when out of memory (*p_re NULL when the rule
 * set lacks the Define, as a --rules directory of its own may). */
static inline int
bl_rules_define_into(bl_rules *rules, const char *name, int anchored,
                     bl_regex **p_re)
{
    int oom = 0;

    *p_re = bl_rules_define_regex(rules, name, anchored, &oom);
    return oom ? -1 : 0;
}

/* The state `family` keeps in the rule set, or NULL.  Only the rule set's
 * data may go in it, never a document's: the LSP server lints many
 * documents with one rule set.  A settings change (bl_rules_set) empties
 * every cache, since what a check built may depend on a setting. */
void *bl_rules_family_cache(const bl_rules *rules, const char *family);

/* Keeps state for `family`; the rule set frees it with free_fn.  Returns
 * 0, or -1 (and frees state) when every slot is taken. */
int bl_rules_set_family_cache(bl_rules *rules, const char *family,
                              void *state, void (*free_fn)(void *state));

/* {verb:lemma|irregular...} expansion (wordforms.c).  Returns a newly
 * allocated text with every marker replaced by (?:form|form...), or NULL
 * with err set.  Loads Hunspell only when text holds a marker. */
char *bl_wordforms_expand(const char *text, size_t len, size_t *p_outlen,
                          char *err, size_t errlen);

#endif
