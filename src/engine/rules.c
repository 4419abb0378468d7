/*
 * rules.c: loading rule files, the check table, and the rule-set API.
 *
 * The file format is described in rules/README.md: stanzas of "Field:
 * value" lines separated by blank lines, continuation lines indented,
 * "#" comments, as in Debian control files.  Parsing is strict (unknown
 * fields, missing messages and bad patterns are errors naming file and
 * line) because a silently ignored typo in a rule file is a rule that
 * never fires.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lint.h"
#include "rules.h"
#include "vec.h"

/* --- The check table -------------------------------------------------------
 * A Rule stanza's "Check:" names one of these; "patterns" (the default)
 * runs the rule's Match stanzas.  A rule written in C is one entry here
 * plus its Rule stanza in rules/. */
static const struct {
    const char *name;
    bl_check_fn fn;
} check_table[] = {
    {"patterns", bl_check_patterns},
    {"sections", bl_check_sections},
    {"actions", bl_check_actions},
    {"whys", bl_check_whys},
    {"timeline", bl_check_timeline},
    {"placeholders", bl_check_placeholders},
    {"suppressions", bl_check_suppressions},
    {"missing-sections", bl_check_missing_sections},
    {"runbook", bl_check_runbook},
    {"severity", bl_check_severity},
    {"spelling", bl_check_spelling},
    {"lifecycle", bl_check_lifecycle},
    {"comms", bl_check_comms},
    {"status-update", bl_check_status_update},
    {"roles", bl_check_roles},
    {"review", bl_check_review},
    {"blame-tables", bl_check_blame_tables},
    {NULL, NULL}
};

static bl_check_fn
find_check(const char *name)
{
    size_t i;

    for (i = 0; check_table[i].name != NULL; i++)
        if (strcmp(check_table[i].name, name) == 0)
            return check_table[i].fn;
    return NULL;
}

/* --- Stanza parsing ------------------------------------------------------ */

typedef struct field {
    char name[32];
    char *value;
    size_t len, cap;    /* value's length and allocated size: continuation
                           lines (an Explain: runs to dozens) append */
    size_t line;
} field;

typedef struct stanza {
    struct { field *items; size_t n, alloc; } fields;
    size_t line;
} stanza;

static void
stanza_clear(stanza *st)
{
    size_t i;

    for (i = 0; i < st->fields.n; i++)
        free(st->fields.items[i].value);
    st->fields.n = 0;
}

static void
set_err(char *err, size_t errlen, const char *file, size_t line,
        const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(err, errlen, "%s:%zu: ", file, line);

    if (n < 0 || (size_t)n >= errlen)
        return;
    va_start(ap, fmt);
    vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
    va_end(ap);
}

/* Appends a continuation line to the last field ("." alone is an empty
 * line, as in Debian control files). */
static int
continue_field(field *f, const char *s, size_t n)
{
    size_t old = f->len;

    if (n == 1 && s[0] == '.')
        n = 0;
    if (old + n + 2 > f->cap) {
        size_t cap = f->cap + f->cap / 2;
        char *v;
        if (cap < old + n + 2)
            cap = old + n + 2;
        if ((v = realloc(f->value, cap)) == NULL)
            return -1;
        f->value = v;
        f->cap = cap;
    }
    f->value[old] = '\n';
    memcpy(f->value + old + 1, s, n);
    f->value[old + 1 + n] = '\0';
    f->len = old + 1 + n;
    return 0;
}

static const char *
get(const stanza *st, const char *name)
{
    size_t i;

    /* First bytes first: a stanza is asked for each of a dozen fields. */
    for (i = 0; i < st->fields.n; i++)
        if (st->fields.items[i].name[0] == name[0]
            && strcmp(st->fields.items[i].name, name) == 0)
            return st->fields.items[i].value;
    return NULL;
}

/* Joins continuation lines: with nothing for patterns (so long regexes can
 * be wrapped), with a space for one-line text. */
static char *
joined(const char *v, int with_space)
{
    size_t n = strlen(v), i = 0, o = 0;
    char *d = malloc(n + 1);

    if (d == NULL)
        return NULL;
    while (i < n) {     /* a line at a time */
        const char *nl = memchr(v + i, '\n', n - i);
        size_t run = nl != NULL ? (size_t)(nl - (v + i)) : n - i;
        memcpy(d + o, v + i, run);
        o += run;
        i += run;
        if (nl != NULL) {
            if (with_space && o > 0 && d[o - 1] != ' ')
                d[o++] = ' ';
            i++;
        }
    }
    while (o > 0 && d[o - 1] == ' ')
        o--;
    d[o] = '\0';
    return d;
}

static char *
pattern_of_phrase(const char *phrase)
{
    size_t n = strlen(phrase), i, o = 0;
    char *d = malloc(n * 6 + 16);   /* ' becomes ['’], 6 bytes */

    if (d == NULL)
        return NULL;
    o += (size_t)sprintf(d, "\\b");
    for (i = 0; i < n; i++) {
        char c = phrase[i];
        if (c == ' ') {
            while (i + 1 < n && phrase[i + 1] == ' ')
                i++;
            o += (size_t)sprintf(d + o, "\\s+");
        } else if (strchr("\\^$.|?*+()[]{}", c) != NULL) {
            d[o++] = '\\';
            d[o++] = c;
        } else if (c == '\'') {
            o += (size_t)sprintf(d + o, "['\u2019]");
        } else {
            d[o++] = c;
        }
    }
    o += (size_t)sprintf(d + o, "\\b");
    d[o] = '\0';
    return d;
}

/* The longest word of a phrase: the rarest trigger we can cheaply pick. */
static char *
phrase_trigger(const char *phrase)
{
    const char *best = phrase, *p = phrase;
    size_t best_n = 0;

    while (*p) {
        size_t n = strcspn(p, " ");
        if (n > best_n) {
            best = p;
            best_n = n;
        }
        p += n;
        p += strspn(p, " ");
    }
    return bl_strndup(best, best_n);
}

static const char *const rule_fields[] = {
    "Rule", "Severity", "Summary", "Explain", "Check", "Enabled", "Fix-Safe",
    "Profile", NULL
};
static const char *const match_fields[] = {
    "Match", "Pattern", "Phrase", "Words", "Message", "Suggest", "Fix",
    "Unless", "Section", "Not-Section", "Names", "In-Quote", "Starts-At",
    "Example", "Clean", NULL
};
static const char *const define_fields[] = {"Define", "Pattern", "Words",
                                             NULL};
static const char *const learn_fields[] = {
    "Learn", "Pattern", "Words", "Example", NULL
};
static const char *const not_names_fields[] = {"Not-Names", NULL};
static const char *const known_words_fields[] = {"Known-Words", NULL};
static const char *const time_zones_fields[] = {"Time-Zones", "Spoken",
                                                "Places", "Regions", NULL};
static const char *const heading_fields[] = {
    "Heading", "Profile", "Title", "Purpose", "Synonyms", "Parts",
    "Qualifiers", "Unless", "Required", "Skeleton", "Covered-By",
    "Covered-When", "When-Empty", NULL
};
static const char *const setting_fields[] = {
    "Setting", "Type", "Default", "Range", "Summary", NULL
};
static const char *const profile_fields[] = {
    "Profile", "Summary", "Document", NULL
};

static int
check_fields(const stanza *st, const char *const *allowed, const char *file,
             char *err, size_t errlen)
{
    size_t i, k;

    for (i = 0; i < st->fields.n; i++) {
        const char *name = st->fields.items[i].name;
        /* Only examples repeat; a second Message: would be ignored. */
        for (k = 0; k < i && strcmp(name, "Example") != 0
                    && strcmp(name, "Clean") != 0; k++) {
            if (st->fields.items[k].name[0] == name[0]
                && strcmp(st->fields.items[k].name, name) == 0) {
                set_err(err, errlen, file, st->fields.items[i].line,
                        "\"%s\" appears twice in one stanza", name);
                return -1;
            }
        }
        for (k = 0; allowed[k] != NULL; k++)
            if (allowed[k][0] == name[0] && strcmp(allowed[k], name) == 0)
                break;
        if (allowed[k] == NULL) {
            set_err(err, errlen, file, st->fields.items[i].line,
                    "unknown field \"%s\" in a %s stanza",
                    st->fields.items[i].name, allowed[0]);
            return -1;
        }
    }
    return 0;
}

static int
add_list(char ***p_items, size_t *p_n, const char *v)
{
    char **items = realloc(*p_items, (*p_n + 1) * sizeof *items);

    if (items == NULL)
        return -1;
    *p_items = items;
    items[*p_n] = joined(v, 1);
    if (items[*p_n] == NULL)
        return -1;
    (*p_n)++;
    return 0;
}

/* Does a Fix: insert a group by number ($1..$9)?  Numbers count the
 * groups of the whole pattern, not those of the alternative that
 * matched. */
static int
fix_numbers_groups(const char *fix)
{
    const char *p;

    for (p = fix; p != NULL && (p = strchr(p, '$')) != NULL; p++)
        if (p[1] >= '1' && p[1] <= '9')
            return 1;
    return 0;
}

static int
add_entry(bl_rules *rules, const stanza *st, const char *file, int rule,
          char *err, size_t errlen)
{
    bl_entry e;
    const char *pattern = get(st, "Pattern"), *phrase = get(st, "Phrase");
    const char *v;
    size_t i;

    memset(&e, 0, sizeof e);
    e.rule = rule;
    e.line = st->line;
    if ((e.file = bl_strndup(file, strlen(file))) == NULL)
        goto oom;
    if ((pattern == NULL) == (phrase == NULL)) {
        set_err(err, errlen, file, st->line,
                "a stanza needs exactly one of Pattern: and Phrase:");
        goto fail;
    }
    if ((v = get(st, "Words")) != NULL) {
        if ((e.words = joined(v, 1)) == NULL)
            goto oom;
    } else if (pattern != NULL) {
        set_err(err, errlen, file, st->line,
                "a Pattern: needs Words: (the words that can set it off)");
        goto fail;
    }
    if (pattern != NULL) {
        if ((e.re.src = joined(pattern, 0)) == NULL)
            goto oom;
    } else {
        char *flat = joined(phrase, 1);
        if (flat == NULL)
            goto oom;
        /* A phrase is words: with punctuation its \b ends could never
         * match, and its trigger word would never be a word. */
        for (i = 0; flat[i]; i++) {
            unsigned char c = (unsigned char)flat[i];
            if (!(c >= 0x80 || c == ' ' || c == '\'' || c == '-'
                  || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                  || (c >= '0' && c <= '9'))) {
                set_err(err, errlen, file, st->line,
                        "Phrase: holds only words (letters, digits, ' and "
                        "-); use Pattern: for \"%c\"", c);
                free(flat);
                goto fail;
            }
        }
        e.re.src = pattern_of_phrase(flat);
        if (e.words == NULL)
            e.words = phrase_trigger(flat);
        free(flat);
        if (e.re.src == NULL || e.words == NULL)
            goto oom;
    }
    if (rule >= 0) {
        if (get(st, "Message") == NULL || get(st, "Suggest") == NULL) {
            set_err(err, errlen, file, st->line,
                    "a Match stanza needs Message: and Suggest:");
            goto fail;
        }
        if ((e.message = joined(get(st, "Message"), 1)) == NULL
            || (e.suggest = joined(get(st, "Suggest"), 1)) == NULL)
            goto oom;
        if ((v = get(st, "Fix")) != NULL && (e.fix = joined(v, 1)) == NULL)
            goto oom;
        if ((v = get(st, "Unless")) != NULL
            && (e.unless.src = joined(v, 0)) == NULL)
            goto oom;
        if ((v = get(st, "Section")) != NULL
            && (e.section.src = joined(v, 0)) == NULL)
            goto oom;
        if ((v = get(st, "Not-Section")) != NULL
            && (e.not_section.src = joined(v, 0)) == NULL)
            goto oom;
        if ((v = get(st, "Names")) != NULL) {
            if (strcmp(v, "known") == 0) {
                e.names = BL_NAMES_KNOWN;
            } else if (strcmp(v, "any") != 0) {
                set_err(err, errlen, file, st->line,
                        "Names: must be \"any\" or \"known\"");
                goto fail;
            }
        }
        if ((v = get(st, "In-Quote")) != NULL) {
            if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0) {
                set_err(err, errlen, file, st->line,
                        "In-Quote: must be \"yes\" or \"no\"");
                goto fail;
            }
            e.in_quote = strcmp(v, "yes") == 0;
        }
        if ((v = get(st, "Starts-At")) != NULL) {
            if (strcmp(v, "trigger") != 0 && strcmp(v, "anywhere") != 0) {
                set_err(err, errlen, file, st->line,
                        "Starts-At: must be \"trigger\" or \"anywhere\"");
                goto fail;
            }
            e.starts_at_trigger = strcmp(v, "trigger") == 0;
        }
    }
    for (i = 0; i < st->fields.n; i++) {
        const field *f = &st->fields.items[i];
        if (strcmp(f->name, "Example") == 0
            && add_list(&e.examples, &e.n_examples, f->value) < 0)
            goto oom;
        if (strcmp(f->name, "Clean") == 0
            && add_list(&e.cleans, &e.n_cleans, f->value) < 0)
            goto oom;
    }
    e.re.anchored = 1;  /* see match_entry() in patterns.c */
    e.re.is_split_anchored = !fix_numbers_groups(e.fix);
    if (BL_VEC_PUSH(&rules->entries, e) < 0)
        goto oom;
    return 0;
oom:
    snprintf(err, errlen, "out of memory");
fail:
    bl_entry_free(&e);
    return -1;
}

void
bl_entry_free(bl_entry *e)
{
    size_t i;

    bl_regex_free(&e->re);
    bl_regex_free(&e->unless);
    bl_regex_free(&e->section);
    bl_regex_free(&e->not_section);
    free(e->message);
    free(e->suggest);
    free(e->fix);
    free(e->words);
    free(e->file);
    for (i = 0; i < e->n_examples; i++)
        free(e->examples[i]);
    for (i = 0; i < e->n_cleans; i++)
        free(e->cleans[i]);
    free(e->examples);
    free(e->cleans);
}

int
bl_rule_index(const bl_rules *rules, const char *id)
{
    size_t i;

    for (i = 0; i < rules->rules.n; i++)
        if (strcmp(rules->rules.items[i].info.id, id) == 0)
            return (int)i;
    return -1;
}

int
bl_rule_is_on(const bl_rules *rules, const char *id)
{
    int i = bl_rule_index(rules, id);

    return i >= 0 && rules->rules.items[i].info.severity != BL_SEV_OFF;
}

static int
is_valid_rule_id(const char *id)
{
    const char *slash = strchr(id, '/');
    size_t i;

    if (slash == NULL || slash == id || slash[1] == '\0'
        || strchr(slash + 1, '/') != NULL)
        return 0;
    for (i = 0; id[i]; i++)
        if (!((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9')
              || id[i] == '-' || id[i] == '/'))
            return 0;
    return 1;
}

/* Is name a profile of rules?  The postmortem always is: documents that
 * name no profile are postmortems, declared or not. */
static int
is_profile_known(const bl_rules *rules, const char *name)
{
    return strcmp(name, BL_PROFILE_DEFAULT) == 0
           || bl_rules_profile(rules, name) != NULL;
}

static int
is_valid_profile_name(const char *name)
{
    size_t i;

    for (i = 0; name[i]; i++)
        if (!((name[i] >= 'a' && name[i] <= 'z')
              || (name[i] >= '0' && name[i] <= '9') || name[i] == '-'))
            return 0;
    return i > 0 && i <= 32;
}

static void
profile_free(bl_profile *p)
{
    free((char *)p->info.name);
    free((char *)p->info.summary);
    free(p->document);
}

/* Profile: stanza: a kind of document, its one-line summary, and the
 * words messages call it by. */
static int
add_profile(bl_rules *rules, const stanza *st, const char *file, char *err,
            size_t errlen)
{
    const char *name = get(st, "Profile"), *doc = get(st, "Document");
    bl_profile p;

    if (!is_valid_profile_name(name)) {
        set_err(err, errlen, file, st->line, "profile name \"%s\" is not "
                "lower-case letters, digits and '-'", name);
        return -1;
    }
    if (bl_rules_profile(rules, name) != NULL) {
        set_err(err, errlen, file, st->line, "profile %s is declared twice",
                name);
        return -1;
    }
    if (get(st, "Summary") == NULL || doc == NULL) {
        set_err(err, errlen, file, st->line,
                "profile %s needs Summary: and Document:", name);
        return -1;
    }
    memset(&p, 0, sizeof p);
    p.info.name = bl_strndup(name, strlen(name));
    p.info.summary = joined(get(st, "Summary"), 1);
    p.document = joined(doc, 1);
    if (p.info.name == NULL || p.info.summary == NULL || p.document == NULL
        || BL_VEC_PUSH(&rules->profiles, p) < 0) {
        profile_free(&p);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

static int
add_rule(bl_rules *rules, const stanza *st, const char *file, char *err,
         size_t errlen)
{
    bl_rule r;
    const char *id = get(st, "Rule"), *sev = get(st, "Severity");
    const char *check = get(st, "Check"), *v;
    int s;

    memset(&r, 0, sizeof r);
    if (!is_valid_rule_id(id)) {
        set_err(err, errlen, file, st->line,
                "rule id \"%s\" is not of the form family/name "
                "(lower-case letters, digits, '-')", id);
        return -1;
    }
    if (bl_rule_index(rules, id) >= 0) {
        set_err(err, errlen, file, st->line, "rule %s is defined twice", id);
        return -1;
    }
    if (sev == NULL || (s = bl_severity_parse(sev)) < 0) {
        set_err(err, errlen, file, st->line,
                "rule %s needs Severity: error, warning, info or off", id);
        return -1;
    }
    if (get(st, "Summary") == NULL || get(st, "Explain") == NULL) {
        set_err(err, errlen, file, st->line,
                "rule %s needs Summary: and Explain:", id);
        return -1;
    }
    r.check = find_check(check ? check : "patterns");
    if (r.check == NULL) {
        set_err(err, errlen, file, st->line, "unknown Check: %s", check);
        return -1;
    }
    r.info.severity = r.info.on_severity = (bl_severity)s;
    if ((v = get(st, "Enabled")) != NULL) {
        if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0) {
            set_err(err, errlen, file, st->line,
                    "Enabled: must be \"yes\" or \"no\"");
            return -1;
        }
        if (strcmp(v, "no") == 0)
            r.info.severity = BL_SEV_OFF;
    }
    if ((v = get(st, "Fix-Safe")) != NULL) {
        if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0) {
            set_err(err, errlen, file, st->line,
                    "Fix-Safe: must be \"yes\" or \"no\"");
            return -1;
        }
        r.info.fix_safe = strcmp(v, "yes") == 0;
    }
    if ((v = get(st, "Profile")) != NULL && !is_profile_known(rules, v)) {
        set_err(err, errlen, file, st->line, "rule %s: no profile \"%s\" "
                "(a Profile: stanza declares one before its rules)", id, v);
        return -1;
    }
    r.info.id = bl_strndup(id, strlen(id));
    r.info.summary = joined(get(st, "Summary"), 1);
    r.info.explain = bl_strndup(get(st, "Explain"), strlen(get(st, "Explain")));
    r.info.profile = v != NULL ? bl_strndup(v, strlen(v)) : NULL;
    if (r.info.id == NULL || r.info.summary == NULL || r.info.explain == NULL
        || (v != NULL && r.info.profile == NULL)
        || BL_VEC_PUSH(&rules->rules, r) < 0) {
        free((char *)r.info.id);
        free((char *)r.info.summary);
        free((char *)r.info.explain);
        free((char *)r.info.profile);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

/* Compiles re once to report a pattern error with its file and line. */
static int
validate(bl_regex *re, const char *file, size_t line, const char *what,
         char *err, size_t errlen)
{
    int code;
    PCRE2_SIZE off;
    PCRE2_UCHAR msg[160];
    pcre2_code *c;

    if (re->src == NULL)
        return 0;
    c = pcre2_compile((PCRE2_SPTR)re->src, PCRE2_ZERO_TERMINATED,
                      BL_PCRE2_OPTIONS, &code, &off, NULL);
    if (c == NULL) {
        pcre2_get_error_message(code, msg, sizeof msg);
        set_err(err, errlen, file, line,
                "%s does not compile at offset %zu: %s", what, (size_t)off,
                (const char *)msg);
        return -1;
    }
    pcre2_code_free(c);
    return 0;
}

static void
heading_free(bl_heading *h)
{
    size_t i;

    for (i = 0; i < h->n_synonyms; i++)
        free(h->synonyms[i]);
    free(h->synonyms);
    for (i = 0; i < h->n_qualifiers; i++)
        free(h->qualifiers[i]);
    free(h->qualifiers);
    free(h->is_part);
    free(h->is_exact);
    free(h->kind);
    free(h->profile);
    free(h->title);
    free(h->purpose);
    free(h->when_empty);
    free(h->skeleton);
    free(h->covered_by);
    bl_regex_free(&h->covered_when);
    bl_regex_free(&h->unless);
    free(h->file);
}

static int
add_synonym(bl_heading *h, const char *t, size_t n, int part)
{
    char norm[128];
    int exact = n > 0 && t[0] == '=';
    size_t nn = bl_heading_normalize(t + exact, n - (size_t)exact, norm,
                                     sizeof norm);
    char **items;
    unsigned char *parts, *exacts;

    if (nn == 0)
        return 0;
    items = realloc(h->synonyms, (h->n_synonyms + 1) * sizeof *items);
    if (items == NULL)
        return -1;
    h->synonyms = items;
    parts = realloc(h->is_part, h->n_synonyms + 1);
    if (parts == NULL)
        return -1;
    h->is_part = parts;
    exacts = realloc(h->is_exact, h->n_synonyms + 1);
    if (exacts == NULL)
        return -1;
    h->is_exact = exacts;
    if ((items[h->n_synonyms] = bl_strndup(norm, nn)) == NULL)
        return -1;
    parts[h->n_synonyms] = (unsigned char)part;
    exacts[h->n_synonyms] = (unsigned char)exact;
    h->n_synonyms++;
    return 0;
}

/* Adds each line of a Synonyms: or Parts: field. */
static int
add_synonym_lines(bl_heading *h, const char *p, int part)
{
    while (p != NULL && *p) {
        size_t n = strcspn(p, "\n");
        if (add_synonym(h, p, n, part) < 0)
            return -1;
        p += n;
        p += *p == '\n';
    }
    return 0;
}

/* Adds each line of a Qualifiers: field, normalised as headings are. */
static int
add_qualifier_lines(bl_heading *h, const char *p)
{
    while (p != NULL && *p) {
        size_t n = strcspn(p, "\n"), nn;
        char norm[64], **items;
        if ((nn = bl_heading_normalize(p, n, norm, sizeof norm)) > 0) {
            items = realloc(h->qualifiers,
                            (h->n_qualifiers + 1) * sizeof *items);
            if (items == NULL)
                return -1;
            h->qualifiers = items;
            if ((items[h->n_qualifiers] = bl_strndup(norm, nn)) == NULL)
                return -1;
            h->n_qualifiers++;
        }
        p += n;
        p += *p == '\n';
    }
    return 0;
}

/* Heading: stanza.  Synonyms come one per line; the title is one too. */
static int
add_heading(bl_rules *rules, const stanza *st, const char *file,
            int check_patterns, char *err, size_t errlen)
{
    bl_heading h;
    const char *v;

    memset(&h, 0, sizeof h);
    h.required = 1;
    h.line = st->line;
    if (get(st, "Title") == NULL || get(st, "Skeleton") == NULL
        || get(st, "Purpose") == NULL) {
        set_err(err, errlen, file, st->line,
                "a Heading stanza needs Title:, Purpose: and Skeleton:");
        return -1;
    }
    v = get(st, "Profile");
    if (v != NULL && !is_profile_known(rules, v)) {
        set_err(err, errlen, file, st->line, "heading %s: no profile \"%s\" "
                "(a Profile: stanza declares one before its headings)",
                get(st, "Heading"), v);
        return -1;
    }
    if (bl_heading_index(rules, v ? v : "postmortem", get(st, "Heading"))
        >= 0) {
        set_err(err, errlen, file, st->line, "heading %s is defined twice",
                get(st, "Heading"));
        return -1;
    }
    if ((v = get(st, "Required")) != NULL) {
        if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0) {
            set_err(err, errlen, file, st->line,
                    "Required: must be \"yes\" or \"no\"");
            return -1;
        }
        h.required = strcmp(v, "yes") == 0;
    }
    v = get(st, "Profile");
    h.kind = bl_strndup(get(st, "Heading"), strlen(get(st, "Heading")));
    h.profile = v ? bl_strndup(v, strlen(v)) : bl_strndup("postmortem", 10);
    h.title = joined(get(st, "Title"), 1);
    h.purpose = joined(get(st, "Purpose"), 1);
    if ((v = get(st, "When-Empty")) != NULL
        && (h.when_empty = joined(v, 1)) == NULL)
        goto oom;
    if ((get(st, "Covered-By") == NULL) != (get(st, "Covered-When") == NULL)) {
        set_err(err, errlen, file, st->line,
                "Covered-By: and Covered-When: go together");
        return -1;
    }
    if ((v = get(st, "Covered-By")) != NULL) {
        h.covered_by = bl_strndup(v, strlen(v));
        h.covered_when.src = joined(get(st, "Covered-When"), 0);
        if (h.covered_by == NULL || h.covered_when.src == NULL)
            goto oom;
        if (check_patterns
            && validate(&h.covered_when, file, st->line, "Covered-When:",
                        err, errlen) < 0) {
            heading_free(&h);
            return -1;
        }
    }
    if ((v = get(st, "Unless")) != NULL) {
        if ((h.unless.src = joined(v, 0)) == NULL)
            goto oom;
        if (check_patterns
            && validate(&h.unless, file, st->line, "Unless:", err,
                        errlen) < 0) {
            heading_free(&h);
            return -1;
        }
    }
    v = get(st, "Skeleton");
    v += strspn(v, "\n");    /* "Skeleton:" alone on its line */
    h.skeleton = bl_strndup(v, strlen(v));
    h.file = bl_strndup(file, strlen(file));
    if (h.kind == NULL || h.profile == NULL || h.title == NULL
        || h.skeleton == NULL || h.file == NULL || h.purpose == NULL
        || add_synonym(&h, h.title, strlen(h.title), 0) < 0
        || add_synonym_lines(&h, get(st, "Synonyms"), 0) < 0
        || add_synonym_lines(&h, get(st, "Parts"), 1) < 0
        || add_qualifier_lines(&h, get(st, "Qualifiers")) < 0)
        goto oom;
    if (BL_VEC_PUSH(&rules->headings, h) < 0)
        goto oom;
    return 0;
oom:
    heading_free(&h);
    snprintf(err, errlen, "out of memory");
    return -1;
}

static void
setting_free(bl_setting *s)
{
    free((char *)s->info.key);
    free((char *)s->info.value);
    free((char *)s->info.default_value);
    free((char *)s->info.type);
    free((char *)s->info.summary);
}

/* Setting: stanza: a key, a type, a default and, for numbers, a range. */
static int
add_setting(bl_rules *rules, const stanza *st, const char *file, char *err,
            size_t errlen)
{
    bl_setting s;
    const char *key = get(st, "Setting"), *type = get(st, "Type");
    const char *def = get(st, "Default"), *range = get(st, "Range");
    char e2[160];

    memset(&s, 0, sizeof s);
    if (type == NULL || def == NULL || get(st, "Summary") == NULL
        || (strcmp(type, "int") != 0 && strcmp(type, "bool") != 0
            && strcmp(type, "name") != 0 && strcmp(type, "path") != 0)) {
        set_err(err, errlen, file, st->line,
                "a Setting stanza needs Type: int, bool, name or path, "
                "Default: and Summary:");
        return -1;
    }
    s.min = 0;
    s.max = 1000000;
    if (range != NULL && sscanf(range, "%ld..%ld", &s.min, &s.max) != 2) {
        set_err(err, errlen, file, st->line, "Range: is MIN..MAX");
        return -1;
    }
    s.info.key = bl_strndup(key, strlen(key));
    s.info.type = bl_strndup(type, strlen(type));
    s.info.default_value = bl_strndup(def, strlen(def));
    s.info.value = bl_strndup(def, strlen(def));
    s.info.summary = joined(get(st, "Summary"), 1);
    if (s.info.key == NULL || s.info.type == NULL || s.info.value == NULL
        || s.info.default_value == NULL || s.info.summary == NULL
        || BL_VEC_PUSH(&rules->settings, s) < 0) {
        setting_free(&s);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* The default must be a value the setting accepts. */
    if (bl_rules_set(rules, key, def, e2, sizeof e2) < 0) {
        set_err(err, errlen, file, st->line, "%s", e2);
        return -1;
    }
    return 0;
}

static void
define_free(bl_define *d)
{
    free(d->name);
    free(d->pattern);
    bl_regex_free(&d->as_regex[0]);
    bl_regex_free(&d->as_regex[1]);
    free(d->words);
    free(d->needs);
}

/* Reads a Define's Words: ("error mistake was+by") into d: each item a
 * need, each '+' joining another word the same match holds. */
static int
define_words(bl_define *d, const char *value, const char *file, size_t line,
             char *err, size_t errlen)
{
    const char *p = value;

    d->words = calloc(BL_DEFINE_WORDS_MAX, sizeof *d->words);
    d->needs = calloc(strlen(value) / 2 + 1, sizeof *d->needs);
    if (d->words == NULL || d->needs == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (p += strspn(p, " \t\n"); *p; p += strspn(p, " \t\n")) {
        size_t n = strcspn(p, " \t\n"), i = 0;
        uint64_t need = 0;
        while (i < n) {
            size_t wn = 0, k;
            char w[BL_DEFINE_WORD_LEN + 1];
            while (i + wn < n && p[i + wn] != '+')
                wn++;
            if (wn == 0 || wn > BL_DEFINE_WORD_LEN) {
                set_err(err, errlen, file, line, "Words: \"%.*s\" has an "
                        "empty word or one of over %d bytes", (int)n, p,
                        BL_DEFINE_WORD_LEN);
                return -1;
            }
            for (k = 0; k < wn; k++) {
                unsigned char c = (unsigned char)p[i + k];
                if (!(bl_byte_class[c] & BL_BYTE_WORD)) {
                    set_err(err, errlen, file, line, "Words: \"%.*s\" holds "
                            "more than ASCII letters, digits and '_'",
                            (int)n, p);
                    return -1;
                }
            }
            bl_ascii_lower(p + i, wn, w);
            w[wn] = '\0';
            for (k = 0; k < d->n_words && strcmp(d->words[k], w) != 0; k++)
                ;
            if (k == d->n_words) {
                if (k == BL_DEFINE_WORDS_MAX) {
                    set_err(err, errlen, file, line, "Words: names more "
                            "than %d different words", BL_DEFINE_WORDS_MAX);
                    return -1;
                }
                memcpy(d->words[k], w, wn + 1);
                d->n_words++;
            }
            need |= (uint64_t)1 << k;
            i += wn + (i + wn < n);
        }
        d->needs[d->n_needs++] = need;
        p += n;
    }
    if (d->n_needs == 0) {
        set_err(err, errlen, file, line, "Words: names no word");
        return -1;
    }
    return 0;
}

/* Adds the words of field value v (NULL: none), separated by blanks or
 * lines, to set. */
static int
add_words_to(bl_strset *set, const char *v)
{
    char *all, *p;
    int rc = 0;

    if (v == NULL)
        return 0;
    if ((all = joined(v, 1)) == NULL)
        return -1;
    for (p = all + strspn(all, " "); *p && rc == 0; p += strspn(p, " ")) {
        size_t wn = strcspn(p, " ");
        rc = bl_strset_add(set, p, wn);
        p += wn;
    }
    free(all);
    return rc < 0 ? -1 : 0;
}

static int
add_stanza(bl_rules *rules, const stanza *st, const char *file,
           int check_patterns, char *err, size_t errlen)
{
    const char *v;

    if (st->fields.n == 0)
        return 0;
    if (get(st, "Rule") != NULL) {
        if (check_fields(st, rule_fields, file, err, errlen) < 0)
            return -1;
        return add_rule(rules, st, file, err, errlen);
    }
    if ((v = get(st, "Match")) != NULL) {
        int rule = bl_rule_index(rules, v);
        if (check_fields(st, match_fields, file, err, errlen) < 0)
            return -1;
        if (rule < 0) {
            set_err(err, errlen, file, st->line,
                    "Match: %s names no rule defined before it", v);
            return -1;
        }
        return add_entry(rules, st, file, rule, err, errlen);
    }
    if ((v = get(st, "Learn")) != NULL) {
        if (check_fields(st, learn_fields, file, err, errlen) < 0)
            return -1;
        return add_entry(rules, st, file, -1, err, errlen);
    }
    if ((v = get(st, "Define")) != NULL) {
        bl_define d;
        if (check_fields(st, define_fields, file, err, errlen) < 0)
            return -1;
        if (get(st, "Pattern") == NULL) {
            set_err(err, errlen, file, st->line, "Define: needs Pattern:");
            return -1;
        }
        memset(&d, 0, sizeof d);
        d.name = bl_strndup(v, strlen(v));
        d.pattern = joined(get(st, "Pattern"), 0);
        if (d.name == NULL || d.pattern == NULL) {
            define_free(&d);
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        if ((v = get(st, "Words")) != NULL
            && define_words(&d, v, file, st->line, err, errlen) < 0) {
            define_free(&d);
            return -1;
        }
        if (BL_VEC_PUSH(&rules->defines, d) < 0) {
            define_free(&d);
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        return 0;
    }
    if ((v = get(st, "Not-Names")) != NULL) {
        char *all = joined(v, 1), *p;
        if (check_fields(st, not_names_fields, file, err, errlen) < 0
            || all == NULL) {
            free(all);
            return -1;
        }
        for (p = all; all != NULL && *p; p += strspn(p, " ")) {
            size_t wn = strcspn(p, " ");
            int rc = wn > 0 ? bl_strset_add(&rules->not_names, p, wn) : 0;
            p += wn;
            if (rc < 0) {
                free(all);
                snprintf(err, errlen, "out of memory");
                return -1;
            }
        }
        free(all);
        return 0;
    }
    if (get(st, "Time-Zones") != NULL) {
        if (check_fields(st, time_zones_fields, file, err, errlen) < 0)
            return -1;
        rules->has_zones = 1;
        if (add_words_to(&rules->zone_abbrevs, get(st, "Time-Zones")) < 0
            || add_words_to(&rules->zone_spoken, get(st, "Spoken")) < 0
            || add_words_to(&rules->zone_places, get(st, "Places")) < 0
            || add_words_to(&rules->zone_regions, get(st, "Regions")) < 0) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        return 0;
    }
    if ((v = get(st, "Known-Words")) != NULL) {
        char *all = joined(v, 1), *p;
        if (check_fields(st, known_words_fields, file, err, errlen) < 0
            || all == NULL) {
            free(all);
            return -1;
        }
        for (p = all + strspn(all, " "); *p; p += strspn(p, " ")) {
            size_t wn = strcspn(p, " ");
            char *w = bl_strndup(p, wn);
            p += wn;
            if (w == NULL || BL_VEC_PUSH(&rules->words, w) < 0) {
                free(w);
                free(all);
                snprintf(err, errlen, "out of memory");
                return -1;
            }
        }
        free(all);
        return 0;
    }
    if (get(st, "Heading") != NULL) {
        if (check_fields(st, heading_fields, file, err, errlen) < 0)
            return -1;
        return add_heading(rules, st, file, check_patterns, err, errlen);
    }
    if (get(st, "Setting") != NULL) {
        if (check_fields(st, setting_fields, file, err, errlen) < 0)
            return -1;
        return add_setting(rules, st, file, err, errlen);
    }
    if (get(st, "Profile") != NULL) {
        if (check_fields(st, profile_fields, file, err, errlen) < 0)
            return -1;
        return add_profile(rules, st, file, err, errlen);
    }
    set_err(err, errlen, file, st->line,
            "a stanza starts with Rule:, Match:, Define:, Learn:, "
            "Not-Names:, Known-Words:, Time-Zones:, Heading:, Setting: or "
            "Profile:, "
            "not \"%s\"",
            st->fields.items[0].name);
    return -1;
}

/* bl_rules_parse; check_patterns 0 for text rulegen has compiled every
 * pattern of at build time (the embedded rules). */
static int
parse_text(bl_rules *rules, const char *file, const char *text, size_t len,
           int check_patterns, char *err, size_t errlen)
{
    stanza st;
    size_t i = 0, line = 0;
    int rc = 0;
    const char *nul = memchr(text, '\0', len);

    /* Fields are C strings: a NUL would end one early and hide the rest of
     * it, continuation lines and all. */
    if (nul != NULL) {
        const char *p;
        for (p = text, line = 1; p < nul; p++)
            line += *p == '\n';
        set_err(err, errlen, file, line, "a NUL byte: a rule file is text");
        return -1;
    }
    memset(&st, 0, sizeof st);
    while (i <= len && rc == 0) {
        size_t b = i, e;
        const char *nl = i < len ? memchr(text + i, '\n', len - i) : NULL;
        i = nl != NULL ? (size_t)(nl - text) : len;
        e = i;
        i++;
        line++;
        if (e > b && text[e - 1] == '\r')
            e--;
        if (e > b && text[b] == '#')
            continue;
        if (e == b || strspn(text + b, " \t") >= e - b) {
            rc = add_stanza(rules, &st, file, check_patterns, err, errlen);
            stanza_clear(&st);
            if (b >= len)
                break;
            continue;
        }
        if (text[b] == ' ' || text[b] == '\t') {
            if (st.fields.n == 0) {
                set_err(err, errlen, file, line,
                        "continuation line outside a field");
                rc = -1;
            } else {
                b++;
                rc = continue_field(&st.fields.items[st.fields.n - 1],
                                    text + b, e - b);
            }
        } else {
            const char *colon = memchr(text + b, ':', e - b);
            field f;
            size_t vb;
            if (colon == NULL || (size_t)(colon - (text + b)) >= sizeof f.name
                || colon == text + b) {
                set_err(err, errlen, file, line,
                        "expected \"Field: value\"");
                rc = -1;
                break;
            }
            memset(&f, 0, sizeof f);
            memcpy(f.name, text + b, (size_t)(colon - (text + b)));
            vb = (size_t)(colon - text) + 1;
            while (vb < e && (text[vb] == ' ' || text[vb] == '\t'))
                vb++;
            f.value = bl_strndup(text + vb, e - vb);
            f.len = e - vb;
            f.cap = f.len + 1;
            f.line = line;
            if (st.fields.n == 0)
                st.line = line;
            if (f.value == NULL || BL_VEC_PUSH(&st.fields, f) < 0) {
                free(f.value);
                snprintf(err, errlen, "out of memory");
                rc = -1;
            }
        }
    }
    if (rc == 0)
        rc = add_stanza(rules, &st, file, check_patterns, err, errlen);
    stanza_clear(&st);
    BL_VEC_FREE(&st.fields);
    return rc < 0 ? BL_ERULES : 0;
}

int
bl_rules_parse(bl_rules *rules, const char *file, const char *text,
               size_t len, char *err, size_t errlen)
{
    return parse_text(rules, file, text, len, 1, err, errlen);
}

/* --- Finishing: macros, compilation, the trigger index ------------------- */

/* Writers type the apostrophe as ' or as ’ (U+2019), and editors and
 * word processors change one into the other.  So that a pattern spelling
 * "didn't" also matches, or vetoes, "didn’t", src with every ' outside a
 * character class made ['’], and ’ added to every class holding ':
 * the rule files spell the apostrophe one way.  Patterns are compiled in
 * UTF mode, where ’ is one character.  Returns a new string or NULL. */
static char *
either_apostrophe(const char *src)
{
    static const char curly[] = "\xE2\x80\x99";
    size_t n = strlen(src), i, o = 0, quotes = 0;
    int in_class = 0;
    char *out;
    const char *q;

    for (q = strchr(src, '\''); q != NULL; q = strchr(q + 1, '\''))
        quotes++;
    if ((out = malloc(n + quotes * 6 + 1)) == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        char c = src[i];
        /* Most of a pattern is none of the four bytes looked at below,
         * and every expanded pattern passes here each time the rules
         * load: copied a run at a time, it costs a third as much. */
        size_t run = strcspn(src + i, "\\[]'");
        if (run > 0) {
            memcpy(out + o, src + i, run);
            o += run;
            i += run - 1;
            continue;
        }
        if (c == '\\' && i + 1 < n) {
            out[o++] = c;
            out[o++] = src[++i];
            continue;
        }
        if (c == '[' && !in_class) {
            /* A ] first in the class (after any ^) is one of its members. */
            in_class = 1;
            out[o++] = src[i++];
            if (i < n && src[i] == '^')
                out[o++] = src[i++];
            if (i < n && src[i] == ']')
                out[o++] = src[i++];
            i--;
            continue;
        }
        if (c == '[' && in_class && i + 1 < n && src[i + 1] == ':') {
            /* A POSIX class, [:alpha:], inside the class. */
            const char *end = strstr(src + i + 2, ":]");
            size_t len = end != NULL ? (size_t)(end - (src + i)) + 2 : 1;
            memcpy(out + o, src + i, len);
            o += len;
            i += len - 1;
            continue;
        }
        if (c == ']' && in_class)
            in_class = 0;
        if (c != '\'') {
            out[o++] = c;
            continue;
        }
        if (!in_class)
            out[o++] = '[';
        out[o++] = '\'';
        memcpy(out + o, curly, 3);
        o += 3;
        if (!in_class)
            out[o++] = ']';
    }
    out[o] = '\0';
    return out;
}

/* Replaces {NAME} by its Define'd pattern, (?:...)-wrapped, recursively.
 * Only upper-case names are macros, so {0,6} quantifiers pass through.
 * memo (for a call at depth 0; NULL otherwise) keeps each definition's
 * expansion at depth 1 once made: the entries name the same few
 * definitions over and over, and each expanded all of its own again. */
static char *
expand_macros(const bl_rules *rules, const char *src, int depth, char **memo,
              char *err, size_t errlen, const char *file, size_t line)
{
    size_t n = strlen(src), i = 0, o = 0, cap = n + 1;
    char *out = malloc(cap);

    if (out == NULL)
        return NULL;
    while (i < n) {
        size_t j = i + 1, k, run = strcspn(src + i, "\\{");
        const bl_define *d = NULL;
        if (run > 0) {  /* nothing to expand: copied whole */
            if (o + run + 1 > cap) {
                char *grown;
                while (o + run + 1 > cap)
                    cap *= 2;
                if ((grown = realloc(out, cap)) == NULL) {
                    free(out);
                    return NULL;
                }
                out = grown;
            }
            memcpy(out + o, src + i, run);
            o += run;
            i += run;
            continue;
        }
        if (src[i] == '\\' && i + 1 < n) {
            if (o + 3 > cap && (out = realloc(out, cap *= 2)) == NULL)
                return NULL;
            out[o++] = src[i++];
            out[o++] = src[i++];
            continue;
        }
        if (src[i] == '{') {
            while (j < n && ((src[j] >= 'A' && src[j] <= 'Z') || src[j] == '-'
                             || src[j] == '_'))
                j++;
            if (j < n && src[j] == '}' && j > i + 1) {
                for (k = 0; k < rules->defines.n; k++) {
                    const bl_define *c = &rules->defines.items[k];
                    if (strlen(c->name) == j - i - 1
                        && memcmp(c->name, src + i + 1, j - i - 1) == 0)
                        d = c;
                }
                if (d == NULL) {
                    set_err(err, errlen, file, line, "undefined {%.*s}",
                            (int)(j - i - 1), src + i + 1);
                    free(out);
                    return NULL;
                }
            }
        }
        if (d != NULL) {
            char *sub;
            size_t sn, di;
            if (depth > 8) {
                set_err(err, errlen, file, line, "{%s} nests too deeply",
                        d->name);
                free(out);
                return NULL;
            }
            di = (size_t)(d - rules->defines.items);
            sub = memo != NULL && memo[di] != NULL
                  ? memo[di]
                  : expand_macros(rules, d->pattern, depth + 1, NULL, err,
                                  errlen, file, line);
            if (sub == NULL) {
                free(out);
                return NULL;
            }
            if (memo != NULL)
                memo[di] = sub;     /* freed by the caller's caller */
            sn = strlen(sub);
            while (o + sn + 8 > cap)
                cap *= 2;
            if ((out = realloc(out, cap)) == NULL) {
                if (memo == NULL)
                    free(sub);
                return NULL;
            }
            o += (size_t)sprintf(out + o, "(?:%s)", sub);
            if (memo == NULL)
                free(sub);
            i = j + 1;
            continue;
        }
        if (o + 2 > cap && (out = realloc(out, cap *= 2)) == NULL)
            return NULL;
        out[o++] = src[i++];
    }
    out[o] = '\0';
    if (depth == 0) {
        char *both = either_apostrophe(out);
        free(out);
        out = both;
    }
    return out;
}

static int
expand_in_place(const bl_rules *rules, bl_regex *re, const bl_entry *e,
                char **memo, char *err, size_t errlen)
{
    char *x;

    if (re->src == NULL)
        return 0;
    x = expand_macros(rules, re->src, 0, memo, err, errlen, e->file, e->line);
    if (x == NULL) {
        if (err[0] == '\0')
            snprintf(err, errlen, "out of memory");
        return -1;
    }
    free(re->src);
    re->src = x;
    return 0;
}

/* The slot of word w[0..n) (lower case, n > 0) in the trigger table, or
 * the empty slot where it would go.  Probed from the word filter's hash:
 * a few steps for any word, and its spread is enough for the few hundred
 * trigger words a rule set has. */
static bl_trigger *
trigger_slot(bl_trigger *table, size_t cap, const char *w, size_t n)
{
    size_t i = bl_word_filter_hash(w, n) & (cap - 1);

    while (table[i].word != NULL
           && !(table[i].word_len == n && memcmp(table[i].word, w, n) == 0))
        i = (i + 1) & (cap - 1);
    return &table[i];
}

const bl_trigger *
bl_rules_trigger(const bl_rules *rules, const char *word, size_t len)
{
    const bl_trigger *t;

    if (rules->trigger_cap == 0 || len == 0)
        return NULL;    /* no trigger word is empty (index_triggers) */
    t = trigger_slot(rules->triggers, rules->trigger_cap, word, len);
    return t->word != NULL ? t : NULL;
}

static int
trigger_add(bl_trigger *t, int entry, const char *also, size_t also_n)
{
    bl_trigger_hit hit;
    size_t k;

    hit.entry = entry;
    hit.also = NULL;
    /* The words after the first, space-separated.  "did++not" or "did+"
     * name no empty word: has_all_words compares lengths and first bytes,
     * and an empty word would stand for whatever the prefilter turned
     * away. */
    while (also_n > 0 && *also == '+') {
        also++;
        also_n--;
    }
    while (also_n > 0 && also[also_n - 1] == '+')
        also_n--;
    if (also_n > 0) {
        size_t n = 0;
        if ((hit.also = malloc(also_n + 1)) == NULL)
            return -1;
        for (k = 0; k < also_n; k++) {
            if (also[k] != '+')
                hit.also[n++] = also[k];
            else if (hit.also[n - 1] != ' ')
                hit.also[n++] = ' ';
        }
        hit.also[n] = '\0';
    }
    if (BL_VEC_PUSH(t, hit) < 0) {
        free(hit.also);
        return -1;
    }
    return 0;
}

static bl_trigger *
prefix_trigger(bl_rules *rules, const char *word, size_t n)
{
    bl_trigger nt;
    size_t k;

    for (k = 0; k < rules->prefixes.n; k++)
        if (strlen(rules->prefixes.items[k].word) == n
            && memcmp(rules->prefixes.items[k].word, word, n) == 0)
            return &rules->prefixes.items[k];
    memset(&nt, 0, sizeof nt);
    nt.word_len = n;
    if ((nt.word = bl_strndup(word, n)) == NULL
        || BL_VEC_PUSH(&rules->prefixes, nt) < 0) {
        free(nt.word);
        return NULL;
    }
    return &rules->prefixes.items[rules->prefixes.n - 1];
}

/* Lets the prefilter pass the word w[0..n) (lower case). */
static void
mark_word(bl_rules *rules, const char *w, size_t n)
{
    uint32_t h = bl_word_filter_hash(w, n);

    rules->word_filter[h >> 3] |= (unsigned char)(1u << (h & 7));
}

/* Lets the prefilter pass words that start with the prefix w[0..n); one
 * shorter than two bytes passes every pair it opens. */
static void
mark_prefix(bl_rules *rules, const char *w, size_t n)
{
    unsigned c0 = n > 0 ? (unsigned char)w[0] : 0, k;

    if (n == 0) {
        memset(rules->prefix_pairs, 0xFF, sizeof rules->prefix_pairs);
        return;
    }
    if (n == 1) {
        memset(rules->prefix_pairs + (c0 << 8) / 8, 0xFF, 256 / 8);
        return;
    }
    k = c0 << 8 | (unsigned char)w[1];
    rules->prefix_pairs[k >> 3] |= (unsigned char)(1u << (k & 7));
}

/* Indexes every entry under its Words: ("word", "prefix*", "first+more"). */
static int
index_triggers(bl_rules *rules)
{
    size_t i, total = 0, cap = 64;

    for (i = 0; i < rules->entries.n; i++) {
        const char *w = rules->entries.items[i].words;
        total += w ? strlen(w) / 2 + 1 : 0;
    }
    while (cap < total * 2)
        cap *= 2;
    rules->triggers = calloc(cap, sizeof *rules->triggers);
    if (rules->triggers == NULL)
        return -1;
    rules->trigger_cap = cap;
    for (i = 0; i < rules->entries.n; i++) {
        const char *p = rules->entries.items[i].words;
        while (p != NULL && *p) {
            size_t n = strcspn(p, " "), first = strcspn(p, "+");
            char lower[64];
            bl_trigger *t;
            if (first > n)
                first = n;
            if (first > 0 && n < sizeof lower) {
                bl_ascii_lower(p, n, lower);
                size_t m = first + 1;
                while (m < n) {     /* the "+more" words */
                    size_t mn = 0;
                    while (m + mn < n && lower[m + mn] != '+')
                        mn++;
                    if (mn > 0)
                        mark_word(rules, lower + m, mn);
                    m += mn + 1;
                }
                if (lower[first - 1] == '*') {
                    mark_prefix(rules, lower, first - 1);
                    t = prefix_trigger(rules, lower, first - 1);
                } else {
                    mark_word(rules, lower, first);
                    t = trigger_slot(rules->triggers, cap, lower, first);
                    if (t->word == NULL) {
                        if ((t->word = bl_strndup(lower, first)) == NULL)
                            return -1;
                        t->word_len = first;
                    }
                }
                if (t == NULL
                    || trigger_add(t, (int)i, lower + first + (first < n),
                                   n - first - (first < n)) < 0)
                    return -1;
            }
            p += n;
            p += strspn(p, " ");
        }
    }
    return 0;
}

void
bl_rules_prepare(bl_rules *rules)
{
    size_t i;

    for (i = 0; i < rules->entries.n; i++) {
        bl_entry *e = &rules->entries.items[i];
        bl_regex_jit(&e->re);
        bl_regex_jit(&e->unless);
        bl_regex_jit(&e->section);
        bl_regex_jit(&e->not_section);
    }
    for (i = 0; i < rules->headings.n; i++) {
        bl_regex_jit(&rules->headings.items[i].covered_when);
        bl_regex_jit(&rules->headings.items[i].unless);
    }
    for (i = 0; i < rules->defines.n; i++) {
        bl_regex_jit(&rules->defines.items[i].as_regex[0]);
        bl_regex_jit(&rules->defines.items[i].as_regex[1]);
    }
    /* The checks ask for their definitions as regexes on first use:
     * bl_rules_define_regex prepares those then. */
    rules->prepared = 1;
}



/* Lists the postmortem first, as the default it is, declared or not
 * (a --rules directory written before profiles declares none). */
static int
put_default_profile_first(bl_rules *rules)
{
    bl_profile p;
    size_t i;

    for (i = 0; i < rules->profiles.n; i++)
        if (strcmp(rules->profiles.items[i].info.name, BL_PROFILE_DEFAULT)
            == 0)
            break;
    if (i < rules->profiles.n) {
        p = rules->profiles.items[i];
    } else {
        memset(&p, 0, sizeof p);
        p.info.name = bl_strndup(BL_PROFILE_DEFAULT,
                                 strlen(BL_PROFILE_DEFAULT));
        p.info.summary = bl_strndup("A blameless postmortem.", 23);
        p.document = bl_strndup("postmortem", 10);
        if (p.info.name == NULL || p.info.summary == NULL
            || p.document == NULL || BL_VEC_PUSH(&rules->profiles, p) < 0) {
            profile_free(&p);
            return -1;
        }
    }
    memmove(rules->profiles.items + 1, rules->profiles.items,
            i * sizeof *rules->profiles.items);
    rules->profiles.items[0] = p;
    return 0;
}

int
bl_rules_finish(bl_rules *rules, int validate_all, char *err, size_t errlen)
{
    size_t i;
    int rc = 0;
    /* The definitions' expansions, shared by the entries; without the
     * memory for it each entry expands its own, as well. */
    char **memo = rules->defines.n > 0
                  ? calloc(rules->defines.n, sizeof *memo) : NULL;

    err[0] = '\0';
    if (put_default_profile_first(rules) < 0) {
        snprintf(err, errlen, "out of memory");
        rc = BL_ENOMEM;
        goto done;
    }
    for (i = 0; i < rules->entries.n; i++) {
        bl_entry *e = &rules->entries.items[i];
        if (expand_in_place(rules, &e->re, e, memo, err, errlen) < 0
            || expand_in_place(rules, &e->unless, e, memo, err, errlen) < 0
            || expand_in_place(rules, &e->section, e, memo, err, errlen) < 0
            || expand_in_place(rules, &e->not_section, e, memo, err,
                               errlen) < 0) {
            rc = BL_ERULES;
            goto done;
        }
        if (validate_all
            && (validate(&e->re, e->file, e->line, "the pattern", err, errlen) < 0
                || validate(&e->unless, e->file, e->line, "Unless:", err, errlen) < 0
                || validate(&e->section, e->file, e->line, "Section:", err, errlen) < 0
                || validate(&e->not_section, e->file, e->line, "Not-Section:", err,
                            errlen) < 0)) {
            rc = BL_ERULES;
            goto done;
        }
    }
    if (index_triggers(rules) < 0) {
        snprintf(err, errlen, "out of memory");
        rc = BL_ENOMEM;
    }
done:
    for (i = 0; memo != NULL && i < rules->defines.n; i++)
        free(memo[i]);
    free(memo);
    return rc;
}

/* --- Loading ------------------------------------------------------------- */

static void
trigger_free(bl_trigger *t)
{
    size_t i;

    for (i = 0; i < t->n; i++)
        free(t->items[i].also);
    free(t->word);
    free(t->items);
}

/* Versions are unique across rule sets, so a cache cannot mistake a new
 * rule set at a freed one's address for the old. */
static void
new_version(bl_rules *rules)
{
    static unsigned long last;

    rules->version = ++last;
}

bl_rules *
bl_rules_new(void)
{
    bl_rules *rules = calloc(1, sizeof(bl_rules));

    if (rules != NULL)
        new_version(rules);
    return rules;
}


static void drop_caches(bl_rules *rules);

int
bl_rules_add_person(bl_rules *rules, const char *name)
{
    if (name[0] == '@')
        name++;     /* handles are matched without their @ */
    new_version(rules);
    return bl_strset_add(&rules->people, name, strlen(name));
}

int
bl_rules_allow_phrase(bl_rules *rules, const char *phrase)
{
    size_t n = strlen(phrase), i, o = 0;
    char *low = malloc(n + 1);

    if (low == NULL)
        return -1;
    new_version(rules);
    for (i = 0; i < n; i++) {   /* lower case, one space between words */
        char c = phrase[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            if (o > 0 && low[o - 1] != ' ')
                low[o++] = ' ';
            continue;
        }
        low[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    while (o > 0 && low[o - 1] == ' ')
        o--;
    low[o] = '\0';
    if (BL_VEC_PUSH(&rules->allowed, low) < 0) {
        free(low);
        return -1;
    }
    return 0;
}

int
bl_rules_add_word(bl_rules *rules, const char *word)
{
    char *w = bl_strndup(word, strlen(word));

    if (w == NULL || BL_VEC_PUSH(&rules->words, w) < 0) {
        free(w);
        return -1;
    }
    return 0;
}

const char *
bl_rules_error(const bl_rules *rules)
{
    return rules->error;
}

void
bl_rules_free(bl_rules *rules)
{
    size_t i;

    if (rules == NULL)
        return;
    drop_caches(rules);
    for (i = 0; i < rules->words.n; i++)
        free(rules->words.items[i]);
    BL_VEC_FREE(&rules->words);
    bl_strset_free(&rules->people);
    for (i = 0; i < rules->allowed.n; i++)
        free(rules->allowed.items[i]);
    BL_VEC_FREE(&rules->allowed);
    for (i = 0; i < rules->rules.n; i++) {
        free((char *)rules->rules.items[i].info.id);
        free((char *)rules->rules.items[i].info.summary);
        free((char *)rules->rules.items[i].info.explain);
        free((char *)rules->rules.items[i].info.profile);
    }
    for (i = 0; i < rules->profiles.n; i++)
        profile_free(&rules->profiles.items[i]);
    BL_VEC_FREE(&rules->profiles);
    for (i = 0; i < rules->entries.n; i++)
        bl_entry_free(&rules->entries.items[i]);
    for (i = 0; i < rules->defines.n; i++)
        define_free(&rules->defines.items[i]);
    for (i = 0; i < rules->headings.n; i++)
        heading_free(&rules->headings.items[i]);
    for (i = 0; i < rules->settings.n; i++)
        setting_free(&rules->settings.items[i]);
    BL_VEC_FREE(&rules->headings);
    BL_VEC_FREE(&rules->settings);
    for (i = 0; i < rules->trigger_cap; i++)
        trigger_free(&rules->triggers[i]);
    for (i = 0; i < rules->prefixes.n; i++)
        trigger_free(&rules->prefixes.items[i]);
    free(rules->triggers);
    BL_VEC_FREE(&rules->prefixes);
    BL_VEC_FREE(&rules->rules);
    BL_VEC_FREE(&rules->entries);
    BL_VEC_FREE(&rules->defines);
    bl_strset_free(&rules->not_names);
    bl_strset_free(&rules->zone_abbrevs);
    bl_strset_free(&rules->zone_spoken);
    bl_strset_free(&rules->zone_places);
    bl_strset_free(&rules->zone_regions);
    free(rules);
}

/* Generated at build time from the rules/ files by src/tools/rulegen.c, with
 * {verb:...} markers already expanded and every pattern checked. */
extern const struct bl_embedded_regex {
    const char *src;
    int anchored;
    const unsigned char *code;  /* pcre2_serialize_encode's bytes */
} bl_embedded_regexes[];
extern const size_t bl_embedded_regexes_count;

size_t
bl_rules_regexes(bl_rules *rules, bl_regex ***p_list)
{
    size_t i, n = 0, cap = 4 * rules->entries.n + 2 * rules->headings.n;
    bl_regex **list = malloc((cap ? cap : 1) * sizeof *list);

    *p_list = list;
    if (list == NULL)
        return 0;
    for (i = 0; i < rules->entries.n; i++) {
        bl_entry *e = &rules->entries.items[i];
        list[n++] = &e->re;
        list[n++] = &e->unless;
        list[n++] = &e->section;
        list[n++] = &e->not_section;
    }
    for (i = 0; i < rules->headings.n; i++) {
        list[n++] = &rules->headings.items[i].covered_when;
        list[n++] = &rules->headings.items[i].unless;
    }
    return n;
}

/* The build's compiled form of pattern src, or NULL. */
static const unsigned char *
precompiled_for(const char *src, int anchored)
{
    size_t i;

    for (i = 0; i < bl_embedded_regexes_count; i++)
        if (bl_embedded_regexes[i].anchored == anchored
            && strcmp(bl_embedded_regexes[i].src, src) == 0)
            return bl_embedded_regexes[i].code;
    return NULL;
}

/* Attaches the patterns rulegen compiled to the regexes they were
 * compiled from.  Each is checked against its source, so a table that
 * does not match the rules (it cannot, but a wrong one must never give
 * a wrong pattern) only costs the compile it would have saved. */
static void
attach_precompiled(bl_rules *rules)
{
    bl_regex **list;
    size_t i, n = bl_rules_regexes(rules, &list), k = 0;

    for (i = 0; i < n && k < bl_embedded_regexes_count; i++) {
        const struct bl_embedded_regex *x = &bl_embedded_regexes[k];
        if (list[i]->src == NULL)
            continue;
        if (strcmp(list[i]->src, x->src) == 0
            && list[i]->anchored == x->anchored)
            list[i]->precompiled = x->code;
        k++;
    }
    free(list);
}

extern const struct bl_embedded_file {
    const char *name;
    const char *text;
    size_t len;
} bl_embedded_rules[];
extern const size_t bl_embedded_rules_count;

int
bl_rules_load_default(bl_rules **p_rules, char *err, size_t errlen)
{
    bl_rules *rules = bl_rules_new();
    size_t i;
    int rc = 0;

    *p_rules = NULL;
    if (rules == NULL) {
        snprintf(err, errlen, "out of memory");
        return BL_ENOMEM;
    }
    for (i = 0; i < bl_embedded_rules_count && rc == 0; i++)
        rc = parse_text(rules, bl_embedded_rules[i].name,
                        bl_embedded_rules[i].text, bl_embedded_rules[i].len,
                        0, err, errlen);
    if (rc == 0)
        rc = bl_rules_finish(rules, 0, err, errlen);
    if (rc < 0) {
        bl_rules_free(rules);
        return rc;
    }
    attach_precompiled(rules);
    *p_rules = rules;
    return 0;
}

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *
read_file(const char *path, size_t *p_len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0, got;

    if (f == NULL)
        return NULL;
    do {
        if (n + 4096 + 1 > cap) {
            char *nb = realloc(buf, cap = (cap ? cap * 2 : 8192));
            if (nb == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
    } while (got > 0);
    if (ferror(f)) {
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    buf[n] = '\0';
    *p_len = n;
    return buf;
}

int
bl_rules_load_files(bl_rules *rules, const char *dir, char *err,
                    size_t errlen)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    struct { char **items; size_t n, alloc; } names = {NULL, 0, 0};
    size_t i;
    int rc = 0;

    if (d == NULL) {
        snprintf(err, errlen, "%s: %s", dir, strerror(errno));
        return BL_EIO;
    }
    while ((de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        char *name;
        if (n < 7 || strcmp(de->d_name + n - 6, ".rules") != 0)
            continue;
        name = bl_strndup(de->d_name, n);
        if (name == NULL || BL_VEC_PUSH(&names, name) < 0) {
            free(name);
            rc = BL_ENOMEM;
            break;
        }
    }
    closedir(d);
    /* File order is rule order; sorting makes it independent of readdir. */
    if (names.n > 0)
        qsort(names.items, names.n, sizeof *names.items, cmp_names);
    if (rc == 0 && names.n == 0) {
        snprintf(err, errlen, "%s: no *.rules files", dir);
        rc = BL_ERULES;
    }
    for (i = 0; i < names.n && rc == 0; i++) {
        size_t plen = strlen(dir) + strlen(names.items[i]) + 2, len, xlen;
        char *path = malloc(plen), *text, *expanded;
        if (path == NULL) {
            rc = BL_ENOMEM;
            break;
        }
        snprintf(path, plen, "%s/%s", dir, names.items[i]);
        text = read_file(path, &len);
        if (text == NULL) {
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
            free(path);
            rc = BL_EIO;
            break;
        }
        expanded = bl_wordforms_expand(text, len, &xlen, err, errlen);
        if (expanded == NULL) {
            /* Say which file the marker was in. */
            char inner[512];
            snprintf(inner, sizeof inner, "%s", err);
            snprintf(err, errlen, "%s: %s", path, inner);
            rc = BL_ERULES;
        } else {
            rc = bl_rules_parse(rules, path, expanded, xlen, err, errlen);
        }
        free(expanded);
        free(text);
        free(path);
    }
    for (i = 0; i < names.n; i++)
        free(names.items[i]);
    free(names.items);
    if (rc == BL_ENOMEM)
        snprintf(err, errlen, "out of memory");
    return rc;
}

int
bl_rules_load_dir(const char *dir, bl_rules **p_rules, char *err,
                  size_t errlen)
{
    bl_rules *rules = bl_rules_new();
    int rc;

    *p_rules = NULL;
    if (rules == NULL) {
        snprintf(err, errlen, "out of memory");
        return BL_ENOMEM;
    }
    rc = bl_rules_load_files(rules, dir, err, errlen);
    if (rc == 0)
        rc = bl_rules_finish(rules, 1, err, errlen);
    if (rc < 0) {
        bl_rules_free(rules);
        return rc;
    }
    *p_rules = rules;
    return 0;
}

size_t
bl_rules_count(const bl_rules *rules)
{
    return rules->rules.n;
}

const bl_rule_info *
bl_rules_at(const bl_rules *rules, size_t i)
{
    return i < rules->rules.n ? &rules->rules.items[i].info : NULL;
}

const bl_rule_info *
bl_rules_find(const bl_rules *rules, const char *id)
{
    int i = bl_rule_index(rules, id);
    return i < 0 ? NULL : &rules->rules.items[i].info;
}

const char *
bl_severity_name(bl_severity sev)
{
    switch (sev) {
    case BL_SEV_ERROR: return "error";
    case BL_SEV_WARNING: return "warning";
    case BL_SEV_INFO: return "info";
    default: return "off";
    }
}

int
bl_severity_parse(const char *name)
{
    if (strcmp(name, "error") == 0) return BL_SEV_ERROR;
    if (strcmp(name, "warning") == 0) return BL_SEV_WARNING;
    if (strcmp(name, "info") == 0) return BL_SEV_INFO;
    if (strcmp(name, "off") == 0) return BL_SEV_OFF;
    return -1;
}

/* --- Severities and settings --------------------------------------------- */

int
bl_rule_selects(const char *which, size_t n, const char *id)
{
    if (n == 1 && which[0] == '*')
        return 1;
    if (n >= 2 && which[n - 2] == '/' && which[n - 1] == '*')
        return strncmp(which, id, n - 1) == 0;
    return strlen(id) == n && memcmp(which, id, n) == 0;
}

size_t
bl_rules_set_severity(bl_rules *rules, const char *which, int sev)
{
    size_t i, count = 0;

    new_version(rules);
    for (i = 0; i < rules->rules.n; i++) {
        bl_rule_info *r = &rules->rules.items[i].info;
        if (!bl_rule_selects(which, strlen(which), r->id))
            continue;
        r->severity = sev == BL_SEV_ON ? r->on_severity : (bl_severity)sev;
        if (sev != BL_SEV_ON && sev != BL_SEV_OFF)
            r->on_severity = (bl_severity)sev;
        count++;
    }
    return count;
}

size_t
bl_rules_setting_count(const bl_rules *rules)
{
    return rules->settings.n;
}

const bl_setting_info *
bl_rules_setting_at(const bl_rules *rules, size_t i)
{
    return i < rules->settings.n ? &rules->settings.items[i].info : NULL;
}

static bl_setting *
find_setting(const bl_rules *rules, const char *key)
{
    size_t i;

    for (i = 0; i < rules->settings.n; i++)
        if (strcmp(rules->settings.items[i].info.key, key) == 0)
            return &rules->settings.items[i];
    return NULL;
}

/* "true"/"yes"/"on"/"1" and their opposites, as config files write them. */
static int
parse_bool(const char *v)
{
    static const char *const yes[] = {"true", "yes", "on", "1", NULL};
    static const char *const no[] = {"false", "no", "off", "0", NULL};
    size_t k;

    for (k = 0; yes[k] != NULL; k++)
        if (strcmp(v, yes[k]) == 0)
            return 1;
    for (k = 0; no[k] != NULL; k++)
        if (strcmp(v, no[k]) == 0)
            return 0;
    return -1;
}

/* --- Caches of the checks written in C ---------------------------------- */

void *
bl_family_slot_get(const bl_family_slot *slots, const char *family)
{
    size_t i;

    for (i = 0; i < BL_FAMILY_SLOTS; i++)
        if (slots[i].family != NULL && strcmp(slots[i].family, family) == 0)
            return slots[i].state;
    return NULL;
}

int
bl_family_slot_put(bl_family_slot *slots, const char *family, void *state,
                   void (*free_fn)(void *state))
{
    size_t i;

    for (i = 0; i < BL_FAMILY_SLOTS; i++) {
        if (slots[i].family == NULL) {
            slots[i].family = family;
            slots[i].state = state;
            slots[i].free_fn = free_fn;
            return 0;
        }
    }
    free_fn(state);
    return -1;
}

void
bl_family_slots_free(bl_family_slot *slots)
{
    size_t i;

    for (i = 0; i < BL_FAMILY_SLOTS; i++) {
        if (slots[i].family != NULL)
            slots[i].free_fn(slots[i].state);
        slots[i].family = NULL;
        slots[i].state = NULL;
    }
}

static void
drop_caches(bl_rules *rules)
{
    new_version(rules);
    bl_family_slots_free(rules->caches);
}

void *
bl_rules_family_cache(const bl_rules *rules, const char *family)
{
    return bl_family_slot_get(rules->caches, family);
}

int
bl_rules_set_family_cache(bl_rules *rules, const char *family, void *state,
                          void (*free_fn)(void *state))
{
    return bl_family_slot_put(rules->caches, family, state, free_fn);
}

/* Reads value as setting key's type; *p_value is the form it is kept in
 * ("true" for "yes").  0, or -1 with a message in err. */
static int
read_setting(const bl_rules *rules, const char *key, const char *value,
             const char **p_value, char *err, size_t errlen)
{
    const bl_setting *s = find_setting(rules, key);

    if (s == NULL) {
        snprintf(err, errlen, "unknown setting \"%s\"", key);
        return -1;
    }
    if (strcmp(s->info.type, "bool") == 0) {
        int b = parse_bool(value);
        if (b < 0) {
            snprintf(err, errlen, "%s takes true or false, not \"%s\"", key,
                     value);
            return -1;
        }
        value = b ? "true" : "false";
    } else if (strcmp(s->info.type, "name") == 0) {
        size_t n = strlen(value);
        if (n == 0 || n > 64 || strspn(value, "abcdefghijklmnopqrstuvwxyz"
                                       "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                       "0123456789_-") != n) {
            snprintf(err, errlen, "%s takes a name of letters, digits, '_' "
                     "and '-' (up to 64), not \"%.80s\"", key, value);
            return -1;
        }
    } else if (strcmp(s->info.type, "path") == 0) {
        const char *c;
        for (c = value; *c != '\0' && (unsigned char)*c >= 0x20; c++)
            ;
        if (*c != '\0' || c - value > 4096) {
            snprintf(err, errlen, "%s takes a file path (up to 4,096 bytes, "
                     "no control characters)", key);
            return -1;
        }
    } else {
        char *end;
        long n;
        errno = 0;
        n = strtol(value, &end, 10);
        if (errno != 0 || end == value || *end != '\0' || n < s->min
            || n > s->max) {
            snprintf(err, errlen, "%s takes a whole number from %ld to %ld, "
                     "not \"%s\"", key, s->min, s->max, value);
            return -1;
        }
    }
    *p_value = value;
    return 0;
}

int
bl_rules_check_setting(const bl_rules *rules, const char *key,
                       const char *value, char *err, size_t errlen)
{
    const char *kept;

    return read_setting(rules, key, value, &kept, err, errlen);
}

int
bl_rules_set(bl_rules *rules, const char *key, const char *value, char *err,
             size_t errlen)
{
    bl_setting *s = find_setting(rules, key);
    char *copy;

    if (read_setting(rules, key, value, &value, err, errlen) < 0)
        return -1;
    if ((copy = bl_strndup(value, strlen(value))) == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    free((char *)s->info.value);
    s->info.value = copy;
    drop_caches(rules);
    return 0;
}

long
bl_rules_int(const bl_rules *rules, const char *key)
{
    const bl_setting *s = find_setting(rules, key);
    return s != NULL ? strtol(s->info.value, NULL, 10) : 0;
}

const char *
bl_rules_setting(const bl_rules *rules, const char *key)
{
    const bl_setting *s = find_setting(rules, key);
    return s != NULL ? s->info.value : NULL;
}

int
bl_rules_bool(const bl_rules *rules, const char *key)
{
    const bl_setting *s = find_setting(rules, key);
    return s != NULL && strcmp(s->info.value, "true") == 0;
}

int
bl_heading_index(const bl_rules *rules, const char *profile,
                 const char *kind)
{
    size_t i;

    /* The first bytes settle most comparisons: checks ask this for every
     * unit they place in a section. */
    for (i = 0; i < rules->headings.n; i++)
        if (rules->headings.items[i].kind[0] == kind[0]
            && rules->headings.items[i].profile[0] == profile[0]
            && strcmp(rules->headings.items[i].kind, kind) == 0
            && strcmp(rules->headings.items[i].profile, profile) == 0)
            return (int)i;
    return -1;
}

/* --- Profiles ------------------------------------------------------------ */

const bl_profile *
bl_rules_profile(const bl_rules *rules, const char *name)
{
    size_t i;

    for (i = 0; i < rules->profiles.n; i++)
        if (strcmp(rules->profiles.items[i].info.name, name) == 0)
            return &rules->profiles.items[i];
    return NULL;
}

size_t
bl_rules_profile_count(const bl_rules *rules)
{
    return rules->profiles.n;
}

const bl_profile_info *
bl_rules_profile_at(const bl_rules *rules, size_t i)
{
    return i < rules->profiles.n ? &rules->profiles.items[i].info : NULL;
}

const bl_profile_info *
bl_rules_profile_find(const bl_rules *rules, const char *name)
{
    const bl_profile *p = bl_rules_profile(rules, name);

    return p != NULL ? &p->info : NULL;
}

int
bl_rule_in_profile(const bl_rule_info *r, const char *profile)
{
    return r->profile == NULL || strcmp(r->profile, profile) == 0;
}

/* --- Definitions for code checks ----------------------------------------- */

const bl_define *
bl_rules_define(const bl_rules *rules, const char *name)
{
    size_t k;

    for (k = 0; k < rules->defines.n; k++)
        if (strcmp(rules->defines.items[k].name, name) == 0)
            return &rules->defines.items[k];
    return NULL;
}

/* The bit of run[0, n) among d's words, or 0. */
static uint64_t
define_word_bit(const bl_define *d, const char *run, size_t n)
{
    size_t k;

    for (k = 0; k < d->n_words; k++)
        if (d->words[k][0] == run[0] && d->words[k][n] == '\0'
            && memcmp(d->words[k], run, n) == 0)
            return (uint64_t)1 << k;
    return 0;
}

int
bl_define_may_match(const bl_define *d, const char *text, size_t len)
{
    char run[BL_DEFINE_WORD_LEN + 1];
    size_t i = 0, n = 0, k;
    uint64_t seen = 0;

    if (d == NULL || d->n_needs == 0)
        return 1;
    while (i <= len) {
        unsigned char c = i < len ? (unsigned char)text[i] : ' ';
        char folded = 0;
        size_t step = 1;
        if (bl_byte_class[c] & BL_BYTE_WORD)
            folded = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        else if (c >= 0x80) {
            uint32_t cp = bl_utf8_decode(text, len, i, &step);
            folded = cp == 0x17F ? 's' : cp == 0x212A ? 'k' : 0;
        }
        if (folded != 0) {
            /* A run longer than every word can be none of them. */
            if (n <= BL_DEFINE_WORD_LEN)
                run[n] = folded;
            n++;
        } else if (n > 0) {
            if (n <= BL_DEFINE_WORD_LEN)
                seen |= define_word_bit(d, run, n);
            n = 0;
        }
        i += step;
    }
    for (k = 0; k < d->n_needs; k++)
        if ((d->needs[k] & seen) == d->needs[k])
            return 1;
    return 0;
}

bl_regex *
bl_rules_define_regex(bl_rules *rules, const char *name, int anchored,
                      int *p_oom)
{
    char err[256];
    /* The rule set is the caller's to change: the Define is one of its. */
    bl_define *d = (bl_define *)bl_rules_define(rules, name);
    bl_regex *re;

    *p_oom = 0;
    if (d == NULL)
        return NULL;
    re = &d->as_regex[anchored ? 1 : 0];
    if (re->src == NULL) {
        err[0] = '\0';
        re->src = expand_macros(rules, d->pattern, 0, NULL, err, sizeof err,
                                name, 0);
        if (re->src == NULL) {
            *p_oom = err[0] == '\0';
            return NULL;
        }
        re->anchored = anchored;
        re->precompiled = precompiled_for(re->src, anchored);
        if (rules->prepared)
            bl_regex_jit(re);
    }
    return re;
}
