/*
 * config.c: .blamelint.toml (config.h).
 *
 * The file is a small subset of TOML, enough for what it holds and no
 * more, so a mistake is reported on its line rather than read as
 * something else: a top-level `postmortems` array of globs, a [rules]
 * table of levels by rule or family, a [settings] table, a [profiles]
 * table of arrays of globs by profile name, and [paths."GLOB".rules] and
 * [paths."GLOB".settings] tables for the files a glob matches (README.md,
 * "Configuration", has an example).
 * Strings are in double quotes (\" \\ \n \t escapes), numbers are
 * integers, booleans true and false, arrays hold strings and may run over
 * lines.  Comments start with '#'.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../engine/vec.h"
#include "config.h"
#include "files.h"

typedef struct parser {
    const char *s, *end;
    int line;
    char *err;
    size_t errlen;
    const char *file;
} parser;

static int
fail(parser *p, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(p->err, p->errlen, "%s:%d: ", p->file, p->line);

    va_start(ap, fmt);
    if (n >= 0 && (size_t)n < p->errlen)
        vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
    va_end(ap);
    return -1;
}

/* Skips blanks; with lines, also newlines and comments. */
static void
skip(parser *p, int lines)
{
    while (p->s < p->end) {
        if (*p->s == ' ' || *p->s == '\t' || *p->s == '\r') {
            p->s++;
        } else if (*p->s == '#') {
            while (p->s < p->end && *p->s != '\n')
                p->s++;
        } else if (lines && *p->s == '\n') {
            p->s++;
            p->line++;
        } else {
            break;
        }
    }
}

/* A "string" at p->s into out (NUL-terminated). */
static int
read_string(parser *p, bl_strbuf *out)
{
    out->n = 0;
    if (bl_strbuf_add(out, "", 0) < 0)
        return fail(p, "out of memory");
    if (p->s >= p->end || *p->s != '"')
        return fail(p, "a string in double quotes was expected");
    for (p->s++; p->s < p->end && *p->s != '"'; p->s++) {
        char c = *p->s;
        if (c == '\n')
            return fail(p, "a string does not end on its line");
        if (c == '\\' && p->s + 1 < p->end) {
            char e = *++p->s;
            c = e == 'n' ? '\n' : e == 't' ? '\t' : e;
            if (e != 'n' && e != 't' && e != '"' && e != '\\')
                return fail(p, "unknown escape \\%c in a string", e);
        }
        if (bl_strbuf_add(out, &c, 1) < 0)
            return fail(p, "out of memory");
    }
    if (p->s >= p->end)
        return fail(p, "a string does not end");
    p->s++;
    return 0;
}

/* A key: "quoted" or bare (letters, digits, '_', '-'). */
static int
read_key(parser *p, bl_strbuf *out)
{
    const char *b = p->s;

    if (p->s < p->end && *p->s == '"')
        return read_string(p, out);
    while (p->s < p->end && ((*p->s >= 'a' && *p->s <= 'z')
                             || (*p->s >= 'A' && *p->s <= 'Z')
                             || (*p->s >= '0' && *p->s <= '9')
                             || *p->s == '_' || *p->s == '-'))
        p->s++;
    if (p->s == b)
        return fail(p, "a key was expected (a name, or \"blame/judgement\" "
                    "in quotes)");
    out->n = 0;
    if (bl_strbuf_add(out, b, (size_t)(p->s - b)) < 0)
        return fail(p, "out of memory");
    return 0;
}

/* A scalar value as text: a string's content, a number, true, false. */
static int
read_scalar(parser *p, bl_strbuf *out)
{
    const char *b = p->s;

    if (p->s < p->end && *p->s == '"')
        return read_string(p, out);
    while (p->s < p->end && ((*p->s >= 'a' && *p->s <= 'z')
                             || (*p->s >= '0' && *p->s <= '9')
                             || *p->s == '-' || *p->s == '+'))
        p->s++;
    out->n = 0;
    if (p->s == b || bl_strbuf_add(out, b, (size_t)(p->s - b)) < 0)
        return fail(p, "a value was expected: \"a string\", a number, true "
                    "or false");
    if (!(strcmp(out->items, "true") == 0 || strcmp(out->items, "false") == 0
          || strspn(out->items + (out->items[0] == '-'), "0123456789")
                 == strlen(out->items + (out->items[0] == '-'))))
        return fail(p, "'%s' is no value: write \"a string\", a number, "
                    "true or false", out->items);
    return 0;
}

/* The rest of the line must be blank or a comment. */
static int
end_of_line(parser *p)
{
    skip(p, 0);
    if (p->s < p->end && *p->s != '\n')
        return fail(p, "unexpected text after the value");
    return 0;
}

static int
add_entry(cli_config *c, const char *glob, int is_rule, const char *key,
          const char *value, int line)
{
    cli_config_entry e;

    memset(&e, 0, sizeof e);
    e.is_rule = is_rule;
    e.line = line;
    if ((glob && (e.glob = bl_strndup(glob, strlen(glob))) == NULL)
        || (e.key = bl_strndup(key, strlen(key))) == NULL
        || (e.value = bl_strndup(value, strlen(value))) == NULL
        || BL_VEC_PUSH(&c->entries, e) < 0) {
        free(e.glob);
        free(e.key);
        free(e.value);
        return -1;
    }
    return 0;
}

/* Checks entry e against rules, so a mistake is reported on its line. */
static int
check_entry(parser *p, const cli_config_entry *e, const bl_rules *rules)
{
    char err[256];
    size_t i, named = 0;

    if (e->is_rule) {
        int sev = bl_severity_parse(e->value);
        if (sev == -1 && strcmp(e->value, "on") != 0)
            return fail(p, "rule %s: the level is \"off\", \"on\", \"info\", "
                        "\"warning\" or \"error\", not \"%s\"", e->key,
                        e->value);
        for (i = 0; i < bl_rules_count(rules); i++)
            named += (size_t)bl_rule_selects(e->key, strlen(e->key),
                                             bl_rules_at(rules, i)->id);
        if (named == 0)
            return fail(p, "no rule or family \"%s\" ('blamelint rules' "
                        "lists them)", e->key);
        return 0;
    }
    if (bl_rules_check_setting(rules, e->key, e->value, err, sizeof err) < 0)
        return fail(p, "%s", err);
    return 0;
}

/* A new [profiles] entry for the profile `name` (which the rules
 * must know, once), and its list of globs to read into; NULL after
 * fail(). */
static cli_strings *
profile_globs(parser *p, cli_config *c, const char *name,
              const bl_rules *rules)
{
    cli_profile_globs g;
    size_t i;

    if (bl_rules_profile_find(rules, name) == NULL) {
        fail(p, "no profile \"%s\" ('blamelint profiles' lists them)", name);
        return NULL;
    }
    for (i = 0; i < c->profiles.n; i++)
        if (strcmp(c->profiles.items[i].name, name) == 0) {
            fail(p, "profile %s is given twice (line %d)", name,
                 c->profiles.items[i].line);
            return NULL;
        }
    memset(&g, 0, sizeof g);
    g.line = p->line;
    if ((g.name = bl_strndup(name, strlen(name))) == NULL
        || BL_VEC_PUSH(&c->profiles, g) < 0) {
        free(g.name);
        fail(p, "out of memory");
        return NULL;
    }
    return &c->profiles.items[c->profiles.n - 1].globs;
}

/* TOML defines a table or a key once; a second definition is reported
 * rather than merged, which would let the later one silently win. */
typedef struct table_seen {
    char *glob;     /* NULL for [rules] and [settings] */
    int table;      /* 1 rules, 2 settings, 3 profiles */
    int line;
} table_seen;

typedef struct { table_seen *items; size_t n, alloc; } tables_seen;

static int
same_glob(const char *a, const char *b)
{
    return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* Records table (of glob) as defined on line; -1 with the error when it
 * was defined before. */
static int
define_table(parser *p, tables_seen *seen, const char *glob, int table)
{
    table_seen t;
    size_t i;

    for (i = 0; i < seen->n; i++)
        if (seen->items[i].table == table && same_glob(seen->items[i].glob, glob))
            return fail(p, "this table is already defined on line %d",
                        seen->items[i].line);
    t.glob = glob != NULL ? bl_strndup(glob, strlen(glob)) : NULL;
    t.table = table;
    t.line = p->line;
    if ((glob != NULL && t.glob == NULL) || BL_VEC_PUSH(seen, t) < 0) {
        free(t.glob);
        return fail(p, "out of memory");
    }
    return 0;
}

/* -1 with the error when key is already set in the same table. */
static int
check_new_key(parser *p, const cli_config *c, const char *glob, int is_rule,
              const char *key)
{
    size_t i;

    for (i = 0; i < c->entries.n; i++) {
        const cli_config_entry *e = &c->entries.items[i];
        if (e->is_rule == is_rule && same_glob(e->glob, glob)
            && strcmp(e->key, key) == 0)
            return fail(p, "%s is already set on line %d", key, e->line);
    }
    return 0;
}

static int
parse(parser *p, cli_config *c, const bl_rules *rules)
{
    bl_strbuf key = {NULL, 0, 0}, val = {NULL, 0, 0}, glob = {NULL, 0, 0};
    int table = 0;      /* 0 top, 1 rules, 2 settings, 3 profiles */
    int have_glob = 0, rc = 0, path_tables = 0;
    int list_line[3] = {0, 0, 0};   /* postmortems, team, allow */
    tables_seen seen = {NULL, 0, 0};
    size_t i;

    for (;;) {
        skip(p, 1);
        if (p->s >= p->end)
            break;
        if (*p->s == '[') {
            /* [rules], [settings], [paths."GLOB".rules|settings] */
            p->s++;
            skip(p, 0);
            if ((rc = read_key(p, &key)) < 0)
                break;
            have_glob = 0;
            if (strcmp(key.items, "paths") == 0) {
                skip(p, 0);
                if (p->s >= p->end || *p->s != '.') {
                    rc = fail(p, "[paths] needs a glob and a table: "
                              "[paths.\"templates/**\".rules]");
                    break;
                }
                p->s++;
                if ((rc = read_string(p, &glob)) < 0)
                    break;
                if (glob.n > 1024) {
                    rc = fail(p, "a glob over 1,024 bytes");
                    break;
                }
                if (++path_tables > 64) {
                    rc = fail(p, "over 64 [paths] tables");
                    break;
                }
                skip(p, 0);
                if (p->s >= p->end || *p->s != '.') {
                    rc = fail(p, "[paths.\"%s\"] needs .rules or .settings",
                              glob.items);
                    break;
                }
                p->s++;
                if ((rc = read_key(p, &key)) < 0)
                    break;
                have_glob = 1;
            }
            if (strcmp(key.items, "rules") == 0)
                table = 1;
            else if (strcmp(key.items, "settings") == 0)
                table = 2;
            else if (strcmp(key.items, "profiles") == 0 && !have_glob)
                table = 3;
            else {
                rc = fail(p, "unknown table [%s]: the tables are [rules], "
                          "[settings], [profiles] and "
                          "[paths.\"GLOB\".rules] or .settings", key.items);
                break;
            }
            skip(p, 0);
            if (p->s >= p->end || *p->s != ']') {
                rc = fail(p, "a table header ends with ]");
                break;
            }
            p->s++;
            if ((rc = end_of_line(p)) < 0
                || (rc = define_table(p, &seen, have_glob ? glob.items : NULL,
                                      table)) < 0)
                break;
            continue;
        }
        if ((rc = read_key(p, &key)) < 0)
            break;
        skip(p, 0);
        if (p->s >= p->end || *p->s != '=') {
            rc = fail(p, "\"=\" was expected after %s", key.items);
            break;
        }
        p->s++;
        skip(p, 0);
        if (table == 0 || table == 3) {
            cli_strings *list;
            int which = -1;     /* the top-level array, for repeats */
            if (table == 3) {
                if ((list = profile_globs(p, c, key.items, rules)) == NULL) {
                    rc = -1;
                    break;
                }
            } else if (strcmp(key.items, "postmortems") == 0) {
                list = &c->postmortems;
                c->postmortems_line = p->line;
                which = 0;
            } else if (strcmp(key.items, "team") == 0) {
                list = &c->team;
                which = 1;
            } else if (strcmp(key.items, "allow") == 0) {
                list = &c->allow;
                which = 2;
            } else {
                rc = fail(p, "unknown key %s (at the top: postmortems, team, "
                          "allow; rules go in [rules], settings in "
                          "[settings])", key.items);
                break;
            }
            if (which >= 0 && list_line[which] != 0) {
                rc = fail(p, "%s is already set on line %d", key.items,
                          list_line[which]);
                break;
            }
            if (which >= 0)
                list_line[which] = p->line;
            if (p->s >= p->end || *p->s != '[') {
                rc = fail(p, "%s is an array of strings: [\"...\", \"...\"]",
                          key.items);
                break;
            }
            for (p->s++;;) {
                char *g;
                skip(p, 1);
                if (p->s < p->end && *p->s == ']') {
                    p->s++;
                    break;
                }
                if ((rc = read_string(p, &val)) < 0)
                    break;
                if (val.n == 0 || val.n > 1024) {
                    rc = fail(p, "an entry of %s is empty or over 1,024 "
                              "bytes", key.items);
                    break;
                }
                if ((g = bl_strndup(val.items, val.n)) == NULL
                    || BL_VEC_PUSH(list, g) < 0) {
                    free(g);
                    rc = fail(p, "out of memory");
                    break;
                }
                skip(p, 1);
                if (p->s < p->end && *p->s == ',')
                    p->s++;
                else if (p->s >= p->end || *p->s != ']') {
                    rc = fail(p, "\",\" or \"]\" was expected in the array");
                    break;
                }
            }
            if (rc < 0 || (rc = end_of_line(p)) < 0)
                break;
            continue;
        }
        if ((rc = read_scalar(p, &val)) < 0 || (rc = end_of_line(p)) < 0
            || (rc = check_new_key(p, c, have_glob ? glob.items : NULL,
                                   table == 1, key.items)) < 0)
            break;
        if (add_entry(c, have_glob ? glob.items : NULL, table == 1,
                      key.items, val.items, p->line) < 0) {
            rc = fail(p, "out of memory");
            break;
        }
        if ((rc = check_entry(p, &c->entries.items[c->entries.n - 1],
                              rules)) < 0)
            break;
    }
    for (i = 0; i < seen.n; i++)
        free(seen.items[i].glob);
    BL_VEC_FREE(&seen);
    free(key.items);
    free(val.items);
    free(glob.items);
    return rc;
}

cli_config *
cli_config_load(const char *path, const bl_rules *rules, char *err,
                size_t errlen)
{
    const char *why = NULL;
    size_t len;
    char *text = cli_read(path, &len, &why), *slash;
    cli_config *c;
    bl_rules *defaults = NULL;
    parser p;
    char e2[256];

    if (text == NULL) {
        snprintf(err, errlen, "%s: %s", path, why);
        return NULL;
    }
    if (len > (1u << 20)) {
        snprintf(err, errlen, "%s: over 1 MB: no configuration is that long",
                 path);
        free(text);
        return NULL;
    }
    if ((c = calloc(1, sizeof *c)) == NULL
        || (c->path = bl_strndup(path, strlen(path))) == NULL
        || (c->dir = bl_strndup(path, strlen(path))) == NULL) {
        snprintf(err, errlen, "out of memory");
        free(text);
        cli_config_free(c);
        return NULL;
    }
    slash = strrchr(c->dir, '/');
    if (slash != NULL)
        *slash = '\0';
    else
        strcpy(c->dir, ".");
    /* What the file names must exist in the rules it will be applied to. */
    if (rules == NULL && bl_rules_load_default(&defaults, e2, sizeof e2) < 0) {
        snprintf(err, errlen, "%s", e2);
        free(text);
        cli_config_free(c);
        return NULL;
    }
    memset(&p, 0, sizeof p);
    p.s = text;
    p.end = text + len;
    p.line = 1;
    p.err = err;
    p.errlen = errlen;
    p.file = path;
    if (memchr(text, '\0', len) != NULL) {
        fail(&p, "a binary file (it holds NUL bytes) is no configuration");
        goto bad;
    }
    if (parse(&p, c, rules != NULL ? rules : defaults) < 0)
        goto bad;
    bl_rules_free(defaults);
    free(text);
    return c;
bad:
    bl_rules_free(defaults);
    free(text);
    cli_config_free(c);
    return NULL;
}

void
cli_config_free(cli_config *c)
{
    size_t i;

    if (c == NULL)
        return;
    for (i = 0; i < c->entries.n; i++) {
        free(c->entries.items[i].glob);
        free(c->entries.items[i].key);
        free(c->entries.items[i].value);
    }
    BL_VEC_FREE(&c->entries);
    for (i = 0; i < c->postmortems.n; i++)
        free(c->postmortems.items[i]);
    BL_VEC_FREE(&c->postmortems);
    for (i = 0; i < c->team.n; i++)
        free(c->team.items[i]);
    BL_VEC_FREE(&c->team);
    for (i = 0; i < c->allow.n; i++)
        free(c->allow.items[i]);
    BL_VEC_FREE(&c->allow);
    for (i = 0; i < c->profiles.n; i++) {
        size_t k;
        for (k = 0; k < c->profiles.items[i].globs.n; k++)
            free(c->profiles.items[i].globs.items[k]);
        BL_VEC_FREE(&c->profiles.items[i].globs);
        free(c->profiles.items[i].name);
    }
    BL_VEC_FREE(&c->profiles);
    free(c->path);
    free(c->dir);
    free(c);
}

char *
cli_config_find(const char *path)
{
    char dir[PATH_MAX], cand[PATH_MAX + 32];
    struct stat st;
    char *slash;

    if (realpath(path, dir) == NULL) {
        /* A file not saved yet (an editor's new buffer): its directory */
        char parent[PATH_MAX];
        snprintf(parent, sizeof parent, "%s", path);
        if ((slash = strrchr(parent, '/')) == NULL)
            strcpy(parent, ".");
        else if (slash == parent)
            parent[1] = '\0';
        else
            *slash = '\0';
        if (realpath(parent, dir) == NULL)
            return NULL;
    } else if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)
               && (slash = strrchr(dir, '/')) != NULL) {
        *slash = '\0';
    }
    for (;;) {
        if (dir[0] == '\0')
            strcpy(dir, "/");
        snprintf(cand, sizeof cand, "%s%s%s", dir,
                 strcmp(dir, "/") == 0 ? "" : "/", CLI_CONFIG_NAME);
        if (stat(cand, &st) == 0 && S_ISREG(st.st_mode))
            return bl_strndup(cand, strlen(cand));
        snprintf(cand, sizeof cand, "%s%s.git", dir,
                 strcmp(dir, "/") == 0 ? "" : "/");
        if (access(cand, F_OK) == 0 || strcmp(dir, "/") == 0)
            return NULL;    /* the repository's top, or the root */
        if ((slash = strrchr(dir, '/')) == NULL)
            return NULL;
        *slash = '\0';
    }
}

/* path relative to the config's directory, or NULL when it is not below
 * it. */
static const char *
relative(const cli_config *c, const char *path, char *buf, size_t cap)
{
    char dir[PATH_MAX];
    size_t n;

    if (realpath(c->dir, dir) == NULL)
        return NULL;
    if (realpath(path, buf) == NULL) {
        /* not saved yet: its directory's real path and its name */
        char parent[PATH_MAX], rp[PATH_MAX];
        const char *name = strrchr(path, '/');
        snprintf(parent, sizeof parent, "%.*s", name ? (int)(name - path) : 1,
                 name ? path : ".");
        if (parent[0] == '\0')
            strcpy(parent, "/");
        if (realpath(parent, rp) == NULL
            || (size_t)snprintf(buf, cap, "%s/%s", strcmp(rp, "/") ? rp : "",
                                name ? name + 1 : path) >= cap)
            return NULL;
    }
    n = strlen(dir);
    if (strcmp(dir, "/") == 0)
        return buf + 1;
    if (strncmp(buf, dir, n) != 0 || buf[n] != '/')
        return NULL;
    return buf + n + 1;
}

/* Matches glob g[gi..] against path s[si..]; memo[gi * (sn + 1) + si]
 * keeps each answer (0 unknown, 1 no, 2 yes), so "**" runs cost
 * g's length times s's, never more. */
static int
glob_at(const char *g, size_t gi, size_t gn, const char *s, size_t si,
        size_t sn, unsigned char *memo)
{
    unsigned char *m = &memo[gi * (sn + 1) + si];
    int r;

    if (*m)
        return *m == 2;
    if (gi == gn) {
        r = si == sn;
    } else if (g[gi] == '*' && gi + 1 < gn && g[gi + 1] == '*') {
        size_t rest = gi + 2, k;
        int dirs = rest < gn && g[rest] == '/';
        if (dirs)
            rest++;     /* "**" and its slash: whole directories, or none */
        for (r = 0, k = si; !r && k <= sn; k++)
            if (!dirs || k == si || s[k - 1] == '/')
                r = glob_at(g, rest, gn, s, k, sn, memo);
    } else if (g[gi] == '*') {
        size_t k;
        for (r = 0, k = si; !r && k <= sn; k++) {
            r = glob_at(g, gi + 1, gn, s, k, sn, memo);
            if (k < sn && s[k] == '/')
                break;  /* one star stays within a directory */
        }
    } else if (si < sn && (g[gi] == '?' ? s[si] != '/' : g[gi] == s[si])) {
        r = glob_at(g, gi + 1, gn, s, si + 1, sn, memo);
    } else {
        r = 0;
    }
    *m = r ? 2 : 1;
    return r;
}

int
cli_glob_match(const char *g, const char *s)
{
    size_t gn = strlen(g), sn = strlen(s);
    unsigned char *memo = calloc((gn + 1) * (sn + 1), 1);
    int r;

    if (memo == NULL)
        return 0;
    r = glob_at(g, 0, gn, s, 0, sn, memo);
    free(memo);
    return r;
}

/* Is key a setting of type "path" (a file the rules read)? */
static int
is_path_setting(const bl_rules *rules, const char *key)
{
    size_t i;

    for (i = 0; i < bl_rules_setting_count(rules); i++) {
        const bl_setting_info *s = bl_rules_setting_at(rules, i);
        if (strcmp(s->key, key) == 0)
            return strcmp(s->type, "path") == 0;
    }
    return 0;
}

/* Sets key to value, a path relative to the config file's directory
 * unless it is absolute or empty ("" for none). */
static int
set_path(const cli_config *c, bl_rules *rules, const char *key,
         const char *value, char *err, size_t errlen)
{
    bl_strbuf full = {NULL, 0, 0};
    int rc;

    if (value[0] == '/' || value[0] == '\0')
        return bl_rules_set(rules, key, value, err, errlen);
    if (bl_strbuf_addf(&full, "%s/%s", c->dir, value) < 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    rc = bl_rules_set(rules, key, full.items, err, errlen);
    free(full.items);
    return rc;
}

int
cli_config_apply(const cli_config *c, const char *path, bl_rules *rules,
                 unsigned long long *p_mask, char *err, size_t errlen)
{
    char buf[PATH_MAX];
    const char *rel = relative(c, path, buf, sizeof buf);
    size_t i, sections = 0;
    const char *last = NULL;
    int pass;

    *p_mask = 0;
    for (i = 0; i < c->team.n; i++)
        if (bl_rules_add_person(rules, c->team.items[i]) < 0)
            goto oom;
    for (i = 0; i < c->allow.n; i++)
        if (bl_rules_allow_phrase(rules, c->allow.items[i]) < 0)
            goto oom;
    /* A path setting's default (the word list, .blamelint-words.txt) is
     * beside the config file too, wherever blamelint runs. */
    for (i = 0; i < bl_rules_setting_count(rules); i++) {
        const bl_setting_info *s = bl_rules_setting_at(rules, i);
        char *key;
        int rc;
        if (strcmp(s->type, "path") != 0)
            continue;
        if ((key = bl_strndup(s->key, strlen(s->key))) == NULL)
            goto oom;
        rc = set_path(c, rules, key, s->value, err, errlen);
        free(key);
        if (rc < 0)
            return -1;
    }
    /* The tables for every file first, then the [paths] ones the file
     * matches, in the order written: a path table wins. */
    for (pass = 0; pass < 2; pass++)
    for (i = 0, last = NULL, sections = 0; i < c->entries.n; i++) {
        const cli_config_entry *e = &c->entries.items[i];
        if ((e->glob != NULL) != pass)
            continue;
        if (e->glob != NULL) {
            if (last == NULL || strcmp(last, e->glob) != 0) {
                last = e->glob;
                sections++;
            }
            if (rel == NULL || !cli_glob_match(e->glob, rel))
                continue;
            if (sections <= 64)
                *p_mask |= 1ULL << (sections - 1);
        }
        if (e->is_rule) {
            int sev = strcmp(e->value, "on") == 0 ? BL_SEV_ON
                                                 : bl_severity_parse(e->value);
            bl_rules_set_severity(rules, e->key, sev);
        } else if (is_path_setting(rules, e->key)
                   ? set_path(c, rules, e->key, e->value, err, errlen) < 0
                   : bl_rules_set(rules, e->key, e->value, err, errlen) < 0) {
            return -1;
        }
    }
    return 0;
oom:
    snprintf(err, errlen, "out of memory");
    return -1;
}

unsigned long long
cli_config_mask(const cli_config *c, const char *path)
{
    char buf[PATH_MAX];
    const char *rel = relative(c, path, buf, sizeof buf), *last = NULL;
    unsigned long long mask = 0;
    size_t i, sections = 0;

    for (i = 0; i < c->entries.n; i++) {
        const char *g = c->entries.items[i].glob;
        if (g == NULL)
            continue;
        if (last == NULL || strcmp(last, g) != 0) {
            last = g;
            sections++;
        }
        if (rel != NULL && sections <= 64 && cli_glob_match(g, rel))
            mask |= 1ULL << (sections - 1);
    }
    return mask;
}

int
cli_config_selects(const cli_config *c, const char *path)
{
    char buf[PATH_MAX];
    const char *rel;
    size_t i;

    if (c == NULL || c->postmortems.n == 0)
        return 1;
    if ((rel = relative(c, path, buf, sizeof buf)) == NULL)
        return 0;
    for (i = 0; i < c->postmortems.n; i++)
        if (cli_glob_match(c->postmortems.items[i], rel))
            return 1;
    return cli_config_profile(c, path, NULL) != NULL;
}

const char *
cli_config_profile(const cli_config *c, const char *path, int *p_line)
{
    char buf[PATH_MAX];
    const char *rel, *found = NULL;
    size_t i, k;

    if (c == NULL || c->profiles.n == 0
        || (rel = relative(c, path, buf, sizeof buf)) == NULL)
        return NULL;
    /* The last written wins, as the [paths] tables do: a general glob
     * first, the exceptions after it. */
    for (i = 0; i < c->profiles.n; i++)
        for (k = 0; k < c->profiles.items[i].globs.n; k++)
            if (cli_glob_match(c->profiles.items[i].globs.items[k], rel)) {
                found = c->profiles.items[i].name;
                if (p_line != NULL)
                    *p_line = c->profiles.items[i].line;
                break;
            }
    return found;
}
