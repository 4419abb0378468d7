/*
 * prefetch.h: reading and parsing the next files of a check on a worker
 * thread while the main thread lints and reports the one before.
 */
#ifndef CLI_PREFETCH_H
#define CLI_PREFETCH_H

#include <stddef.h>

#include "../blamelint.h"

/* How loading one file went.  Loading says nothing on stderr: the check
 * says it when the file's turn comes, so messages keep the files' order. */
typedef enum cli_load_status {
    CLI_LOADED,         /* doc holds the parsed file */
    CLI_UNREADABLE,     /* why says why (also "out of memory" reading) */
    CLI_BINARY,         /* it holds a NUL byte: not checked */
    CLI_PARSE_NOMEM     /* read, but out of memory parsing it */
} cli_load_status;

typedef struct cli_loaded {
    cli_load_status status;
    bl_doc *doc;        /* CLI_LOADED: the receiver's, for bl_doc_free */
    /* CLI_UNREADABLE: a copy, as strerror's text for an unknown errno
     * lives in a buffer of the thread that asked. */
    char why[128];
} cli_loaded;

/* Reads path (NULL: standard input) and parses it into *out. */
void cli_load(const char *path, cli_loaded *out);

typedef struct cli_prefetch cli_prefetch;

/* How far the worker may get ahead: loads waiting, and source bytes held
 * by those and by the caller's current one. */
#define CLI_PREFETCH_DEPTH 4
#define CLI_PREFETCH_BYTES ((size_t)4 << 20)

/* Starts loading paths[0..n), in that order, on a worker thread.  At
 * most CLI_PREFETCH_DEPTH loaded files wait for the caller, and the
 * worker starts on another only while those and the one the caller has
 * hold less than CLI_PREFETCH_BYTES of source: the documents in memory at
 * once hold at most that plus one file, and two files over the cap are
 * never held together.  paths (none of them standard input, which is the
 * caller's to read, in its turn) must outlive the prefetch.  NULL when
 * the thread cannot be had: the caller then loads the files itself with
 * cli_load. */
cli_prefetch *cli_prefetch_start(const char *const *paths, size_t n);

/* The next path's load into *out, waiting for it if need be; called once
 * per path, in order.  Calling it says the caller is done with the
 * document the previous call gave (it counts against the cap until
 * then). */
void cli_prefetch_next(cli_prefetch *pf, cli_loaded *out);

/* Stops the worker (once the file it is on, if any, is loaded: a FIFO
 * with no writer would keep it waiting, so stop early only knowing that)
 * and frees the loads not taken.  NULL does nothing. */
void cli_prefetch_stop(cli_prefetch *pf);

#endif
