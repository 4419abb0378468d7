/*
 * config.h: .blamelint.toml, a repository's settings, found from each
 * checked file's directory upwards.
 */
#ifndef CLI_CONFIG_H
#define CLI_CONFIG_H

#include <stddef.h>

#include "../blamelint.h"

#define CLI_CONFIG_NAME ".blamelint.toml"

/* One setting as the file gives it: a rule level or a setting value,
 * for every file or for the files matching `glob`. */
typedef struct cli_config_entry {
    char *glob;             /* NULL: every file */
    int is_rule;            /* [rules] (else [settings]) */
    char *key, *value;
    int line;
} cli_config_entry;

typedef struct cli_strings {
    char **items;
    size_t n, alloc;
} cli_strings;

/* [profiles]: the files of one kind of document. */
typedef struct cli_profile_globs {
    char *name;             /* "runbook" */
    cli_strings globs;
    int line;
} cli_profile_globs;

typedef struct cli_config {
    char *path;             /* the file */
    char *dir;              /* its directory: globs are relative to it */
    struct { cli_config_entry *items; size_t n, alloc; } entries;
    cli_strings postmortems;    /* globs */
    int postmortems_line;
    cli_strings team;           /* names, @handles */
    cli_strings allow;          /* phrases */
    struct { cli_profile_globs *items; size_t n, alloc; } profiles;
} cli_config;

/* Reads and checks the config file at path against rules (every rule,
 * level, setting and value must be one they accept).  NULL with
 * "FILE:LINE: problem" in err. */
cli_config *cli_config_load(const char *path, const bl_rules *rules,
                            char *err, size_t errlen);
void cli_config_free(cli_config *c);

/* The config file that applies to the file at path: the nearest
 * .blamelint.toml in its directory or above, stopping after the
 * repository's top (a directory holding .git) or /.  Newly allocated, or
 * NULL when there is none. */
char *cli_config_find(const char *path);

/* Applies c's settings for the file at path (the ones for every file,
 * then the [paths."GLOB"] ones it matches, in file order) to rules.  A
 * setting of type "path" (spelling.wordlist), its default included, is
 * relative to the config file's directory.
 * Returns a bit per matching path section in *p_mask (up to 64), so
 * callers can share a rule set between files with the same sections. */
int cli_config_apply(const cli_config *c, const char *path, bl_rules *rules,
                     unsigned long long *p_mask, char *err, size_t errlen);

/* The bit per [paths."GLOB"] section that path matches, as
 * cli_config_apply would set in *p_mask. */
unsigned long long cli_config_mask(const cli_config *c, const char *path);

/* Is path one of the documents c says a walk of a directory checks?
 * Every file is, unless c lists postmortems; then the files a
 * postmortems or a [profiles] glob matches. */
int cli_config_selects(const cli_config *c, const char *path);

/* The profile c's [profiles] table gives path (the last one written
 * whose glob matches), or NULL; *p_line (when not NULL) is its line. */
const char *cli_config_profile(const cli_config *c, const char *path,
                               int *p_line);

/* Does glob (with "*", "?", and "**" for any number of directories)
 * match path (relative, '/' separated)? */
int cli_glob_match(const char *glob, const char *path);

#endif
