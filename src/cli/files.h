/*
 * files.h: finding the files to check and reading them.
 */
#ifndef CLI_FILES_H
#define CLI_FILES_H

#include <stddef.h>

typedef struct cli_paths {
    char **items;
    size_t n, alloc;
} cli_paths;

/* Appends path, or for a directory every *.md / *.markdown file below it
 * (sorted, skipping hidden entries and symlinked directories).  Returns 0;
 * 1 when some entry below a directory could not be read (reported on
 * stderr, the rest still collected); or -1 with errno set when path itself
 * cannot be read. */
int cli_collect(const char *path, cli_paths *out);

void cli_paths_free(cli_paths *p);

/* Reads all of fd's stream (path NULL: standard input).  Returns the
 * bytes (NUL-terminated, caller frees) or NULL with *p_why set to a short
 * reason. */
char *cli_read(const char *path, size_t *p_len, const char **p_why);

/* Does the text look binary (a NUL byte anywhere)?  memchr is fast
 * enough that the whole file is looked at. */
int cli_is_binary(const char *text, size_t len);

#endif
