/*
 * changed.h: --changed-since REV, the lines git says were added or changed
 * since a revision, so a CI gate blocks new blame without failing on old
 * documents.
 */
#ifndef CLI_CHANGED_H
#define CLI_CHANGED_H

#include <stddef.h>

typedef struct cli_changed cli_changed;

/* Runs `git diff --unified=0 REV` in the current directory's repository
 * and keeps, per file, the line ranges the working tree added or changed.
 * Returns NULL with a message in err (git's own, when it has one). */
cli_changed *cli_changed_load(const char *rev, char *err, size_t errlen);
void cli_changed_free(cli_changed *c);

/* The index of path's entry, or -1 when the diff does not touch it
 * (the file is then not checked). */
long cli_changed_find(const cli_changed *c, const char *path);

/* Is 1-based line `line` of entry k added or changed? */
int cli_changed_line(const cli_changed *c, long k, size_t line);

#endif
