/*
 * blamelint.h: the engine's public API, shared by the CLI and the LSP server.
 *
 * The engine parses a Markdown postmortem into a document model, runs the
 * rule set over it and returns diagnostics as byte spans.  It never prints
 * and never exits: front ends decide how to show results.  Positions inside
 * the engine are byte offsets into the caller's source; conversion to lines
 * and columns happens only through bl_doc_position().
 *
 * Ownership: every object returned by a *_new / *_load / *_parse call is
 * owned by the caller and released with the matching *_free, which accepts
 * NULL.
 */
#ifndef BLAMELINT_H
#define BLAMELINT_H

#include <stddef.h>

#define BL_VERSION "0.1.0"

typedef enum bl_severity {
    BL_SEV_OFF = 0,
    BL_SEV_INFO = 1,
    BL_SEV_WARNING = 2,
    BL_SEV_ERROR = 3
} bl_severity;

/* Column units: what one step of a column counts. */
typedef enum bl_encoding {
    BL_ENC_UTF8 = 0,    /* bytes */
    BL_ENC_UTF16 = 1,   /* UTF-16 code units (LSP default) */
    BL_ENC_CODEPOINT = 2
} bl_encoding;

typedef struct bl_rules bl_rules;   /* a loaded rule set (opaque) */
typedef struct bl_doc bl_doc;       /* a parsed document (opaque) */

/* Public description of one rule, for listings, `explain` and hover. */
typedef struct bl_rule_info {
    const char *id;             /* "family/name" */
    bl_severity severity;       /* in effect; BL_SEV_OFF when disabled */
    bl_severity on_severity;    /* what enabling it without a level gives */
    const char *summary;        /* one line */
    const char *explain;        /* Markdown, several paragraphs */
    int fix_safe;               /* its fixes may be applied unread (--fix) */
    const char *profile;        /* the kind of document it checks
                                   ("runbook"), or NULL: every kind */
} bl_rule_info;

/* One finding.  begin/end are byte offsets into the document source. */
typedef struct bl_diag {
    size_t begin, end;
    const bl_rule_info *rule;   /* borrowed from the rule set */
    bl_severity severity;
    char *message;              /* owned by the bl_diags */
    char *fix;                  /* replacement for [fix_begin,fix_end), or
                                   NULL when no mechanical rewrite exists */
    size_t fix_begin, fix_end;  /* usually begin/end; an insertion
                                   elsewhere (a missing section) differs */
} bl_diag;

typedef struct bl_diags {
    bl_diag *items;
    size_t n, alloc;
} bl_diags;

/* A position: 0-based line and column in the requested unit. */
typedef struct bl_pos {
    size_t line, col;
} bl_pos;

/* Error codes (negative); 0 is success.  Findings are never errors. */
#define BL_OK 0
#define BL_ENOMEM (-1)
#define BL_EIO (-2)
#define BL_ERULES (-3)      /* rule data is invalid */
#define BL_EDATA (-4)       /* data a rule needs at run time (a spelling
                               dictionary) cannot be read: bl_rules_error
                               says what; the other rules still ran */
#define BL_EPROFILE (-5)    /* a profile name the rules do not know */

/* --- Rule sets ----------------------------------------------------------- */

/* The default rules compiled into the binary.  On failure returns a
 * negative code and writes a message into err. */
int bl_rules_load_default(bl_rules **p_rules, char *err, size_t errlen);

/* Every *.rules file in dir, instead of the defaults. */
int bl_rules_load_dir(const char *dir, bl_rules **p_rules,
                      char *err, size_t errlen);

void bl_rules_free(bl_rules *rules);

size_t bl_rules_count(const bl_rules *rules);

/* Compiles (and JIT-compiles) every pattern now instead of on first use:
 * for long-running front ends such as the language server, where the
 * first keystrokes must not pay for it.  The CLI does not call it: a
 * one-file check compiles only what it uses. */
void bl_rules_prepare(bl_rules *rules);

/* Sets the severity of the rules `which` names: an id ("blame/judgement"),
 * a family (the family, a slash and a star) or "*".  BL_SEV_ON enables a
 * rule at its own severity.  Returns how many rules it changed the severity of, 0 when
 * `which` names none. */
#define BL_SEV_ON (-1)
size_t bl_rules_set_severity(bl_rules *rules, const char *which, int sev);

/* Does which[0..n) ("*", a family followed by a slash and a star, or an
 * id) name the rule id?  The one reading of a rule selector, for --rule,
 * configuration files and blamelint-disable comments alike. */
int bl_rule_selects(const char *which, size_t n, const char *id);

/* A setting of the structural rules ("whys.min", "action.owner-links"):
 * declared with its default in rules/ by a Setting: stanza. */
typedef struct bl_setting_info {
    const char *key;
    const char *value;          /* in effect */
    const char *default_value;
    const char *type;           /* "int", "bool", "name" (letters, digits,
                                   '_', '-') or "path" (a file) */
    const char *summary;
} bl_setting_info;

size_t bl_rules_setting_count(const bl_rules *rules);
const bl_setting_info *bl_rules_setting_at(const bl_rules *rules, size_t i);

/* Sets a setting from text ("3", "true", "no").  Returns 0, or -1 with a
 * message in err when the key is unknown or the value does not fit. */
int bl_rules_set(bl_rules *rules, const char *key, const char *value,
                 char *err, size_t errlen);

/* Would bl_rules_set accept key and value?  0, or -1 with the message it
 * would give; the rule set is not changed. */
int bl_rules_check_setting(const bl_rules *rules, const char *key,
                           const char *value, char *err, size_t errlen);

/* A setting's value in effect as text ("5", "true", "en_US", a path), or
 * NULL when the rule set declares no such setting.  Borrowed: valid until
 * the setting changes. */
const char *bl_rules_setting(const bl_rules *rules, const char *key);
const bl_rule_info *bl_rules_at(const bl_rules *rules, size_t i);

/* A team member's name or @handle: a person wherever the document names
 * them, as if it had shown so ("Dana was paged").  0 or -1. */
int bl_rules_add_person(bl_rules *rules, const char *name);

/* A phrase the team allows: a finding whose flagged words are this
 * phrase (ignoring case and runs of spaces) is not reported; its words are
 * known to the spelling check.  0 or -1. */
int bl_rules_allow_phrase(bl_rules *rules, const char *phrase);

/* A word the spelling check knows from now on, as if the word list file
 * held it, for as long as the rule set lives (the language server adds one
 * before the editor has saved the file; a word the file loses later stays
 * known here, since the rule set cannot tell an undo from an unsaved
 * buffer).  0 or -1. */
int bl_rules_add_word(bl_rules *rules, const char *word);
const bl_rule_info *bl_rules_find(const bl_rules *rules, const char *id);

/* --- Profiles ------------------------------------------------------------
 * A profile is a kind of document (a postmortem, a runbook, severity
 * level definitions) and the structural rules that check it.  The
 * blame-language and placeholder rules check every kind; a rule with a
 * profile only documents of that kind.  A document nothing says anything
 * about is a postmortem (BL_PROFILE_DEFAULT). */

#define BL_PROFILE_DEFAULT "postmortem"

typedef struct bl_profile_info {
    const char *name;           /* "runbook" */
    const char *summary;        /* one line */
} bl_profile_info;

/* The rule set's profiles, in the order its files declare them. */
size_t bl_rules_profile_count(const bl_rules *rules);
const bl_profile_info *bl_rules_profile_at(const bl_rules *rules, size_t i);
const bl_profile_info *bl_rules_profile_find(const bl_rules *rules,
                                             const char *name);

/* Does rule r check documents of `profile`? */
int bl_rule_in_profile(const bl_rule_info *r, const char *profile);

/* --- Documents ----------------------------------------------------------- */

/* Parses src (copied; need not be NUL-terminated or valid UTF-8).
 * Returns NULL only when out of memory. */
bl_doc *bl_doc_parse(const char *src, size_t len);
void bl_doc_free(bl_doc *doc);

const char *bl_doc_source(const bl_doc *doc, size_t *p_len);
size_t bl_doc_line_count(const bl_doc *doc);

/* Where the Markdown starts: after the BOM and the front matter. */
size_t bl_doc_body_offset(const bl_doc *doc);

/* Does the document end its lines with CRLF (its first line does)? */
int bl_doc_uses_crlf(const bl_doc *doc);

/* Byte offset -> line/column.  Offsets past the end clamp to the end. */
bl_pos bl_doc_position(const bl_doc *doc, size_t offset, bl_encoding enc);

/* The same, for callers that convert many increasing offsets (findings in
 * order): counting resumes from the last answer when offset is further
 * along the same line, so a long line with many findings costs one pass
 * instead of one per finding.  Zero-initialise the cache; one per document
 * and sequence of offsets. */
typedef struct bl_pos_cache {
    size_t offset;
    bl_pos pos;
    bl_encoding enc;
    int valid;
} bl_pos_cache;

bl_pos bl_doc_position_cached(const bl_doc *doc, bl_pos_cache *cache,
                              size_t offset, bl_encoding enc);

/* Line/column -> byte offset (the inverse, clamped to the line's end). */
size_t bl_doc_offset(const bl_doc *doc, bl_pos pos, bl_encoding enc);

/* The same over plain text, for text that has not been parsed (an editor
 * buffer between two edits): a line past the end gives len, a column past
 * the end of its line gives the line's end. */
size_t bl_text_offset(const char *text, size_t len, bl_pos pos,
                      bl_encoding enc);

/* Byte span of line (0-based) without its line ending. */
void bl_doc_line_span(const bl_doc *doc, size_t line,
                      size_t *p_begin, size_t *p_end);

/* --- Linting ------------------------------------------------------------- */

/* Appends the findings of every enabled rule to out, sorted by position.
 * Returns 0, BL_ENOMEM, or BL_EDATA when a rule could not run for want of
 * its data (a dictionary; bl_rules_error says which): the other rules'
 * findings are in out all the same.  The same as bl_lint_with(rules, doc,
 * NULL, out) but for BL_EPROFILE, which bl_lint leaves to bl_lint_profile
 * to say. */
int bl_lint(const bl_rules *rules, const bl_doc *doc, bl_diags *out);

/* Why the last bl_lint with these rules returned BL_EDATA: one line
 * naming what is missing and where it was looked for. */
const char *bl_rules_error(const bl_rules *rules);

/* What one document's lint runs reuse from the last run: the sentence
 * index, learned names and pattern findings of every paragraph, item or
 * cell that did not change.  For a front end that lints a document again
 * after each edit (the language server).  One cache per document; the
 * findings are the same with or without it. */
typedef struct bl_lint_cache bl_lint_cache;

bl_lint_cache *bl_lint_cache_new(void);
void bl_lint_cache_free(bl_lint_cache *cache);

/* bl_doc_parse for a document that is parsed again and again: the parts
 * of the source the cache has seen are not parsed again (the model is the
 * same).  cache may be NULL. */
bl_doc *bl_doc_parse_cached(const char *src, size_t len, bl_lint_cache *cache);

/* What the front end knows of a document's profile.  Zero-initialise it:
 * a field added later then means "nothing said". */
typedef struct bl_lint_opts {
    const char *profile;        /* chosen by the user for this run
                                   (--profile NAME): wins over the
                                   document; NULL: none */
    const char *config_profile; /* a configuration's for the file (a
                                   glob): the document's front matter
                                   wins over it; NULL: none */
    bl_lint_cache *cache;       /* the document's, or NULL */
} bl_lint_opts;

/* The profile doc is linted as, by precedence: opts->profile, else the
 * front matter's "blamelint: NAME" (or "type: NAME" when NAME is a
 * profile: other tools use "type:" for their own values), else
 * opts->config_profile, else the postmortem.  opts may be NULL.  *p_chosen
 * (when not NULL) tells whether one of those named it: a document of a
 * chosen profile has its structure checked; an unchosen postmortem only
 * when it looks like one (its title, its sections).  Returns NULL, with a
 * message in err, when the name that wins is not one of rules' profiles.
 *   const bl_profile_info *p = bl_lint_profile(rules, doc, &opts, NULL,
 *                                              err, sizeof err);  */
const bl_profile_info *bl_lint_profile(const bl_rules *rules,
                                       const bl_doc *doc,
                                       const bl_lint_opts *opts,
                                       int *p_chosen, char *err,
                                       size_t errlen);

/* bl_lint, with the document linted as the profile bl_lint_profile
 * picks.  When that names no profile, the document is linted as if
 * nothing had chosen one and BL_EPROFILE is returned with the findings
 * appended: the front end says why (bl_lint_profile's message) and
 * decides whether to show them.  Returns 0, BL_ENOMEM, BL_EDATA (as
 * bl_lint) or BL_EPROFILE. */
int bl_lint_with(const bl_rules *rules, const bl_doc *doc,
                 const bl_lint_opts *opts, bl_diags *out);

void bl_diags_free(bl_diags *diags);

const char *bl_severity_name(bl_severity sev);
/* Parses "error", "warning", "info", "off"; returns -1 when unknown. */
int bl_severity_parse(const char *name);

#endif
