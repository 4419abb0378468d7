/*
 * atomic.h: replacing a file so that a reader, or a crash, sees either
 * the old file or the whole new one, never half of one (--output, --fix).
 */
#ifndef CLI_ATOMIC_H
#define CLI_ATOMIC_H

#include <stdio.h>

typedef struct cli_atomic {
    FILE *fp;           /* write the new content here */
    char *tmp;          /* the temporary file, NULL when writing in place */
    char *target;       /* what tmp is renamed over */
} cli_atomic;

/* How cli_atomic_open treats what is at path. */
#define CLI_ATOMIC_ANY 0        /* a file, a new file, or a device or FIFO,
                                   which is written in place */
#define CLI_ATOMIC_EXISTING 1   /* only an existing regular file */

/* Opens path for replacement.  A symlink is followed, also one whose
 * target does not exist yet, so the link stays and its target changes,
 * as `> link` in a shell does.  The new file gets the old one's mode, or
 * 0666 less the umask.  Until commit or abort, SIGINT, SIGTERM and SIGHUP
 * remove the temporary file before the process dies of them.  0, or -1
 * with errno set. */
int cli_atomic_open(cli_atomic *a, const char *path, int what);

/* Writes the file out (fsync), and renames it over the target.  0, or -1
 * with errno set, the target untouched and the temporary file removed. */
int cli_atomic_commit(cli_atomic *a);

/* Drops the new content: the target is left as it was. */
void cli_atomic_abort(cli_atomic *a);

#endif
