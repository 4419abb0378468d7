/*
 * prefetch.c: loading the files of a check ahead on one worker thread
 * (prefetch.h).
 *
 * Reading and parsing a file touch no rule set, and md4c's parse is about
 * a quarter of what a check spends, so one worker keeps the main thread,
 * which lints and reports, from waiting on either.  The worker and the
 * main thread share only a ring of CLI_PREFETCH_DEPTH loads under one
 * mutex; the worker never writes to stdout or stderr.
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "prefetch.h"

void
cli_load(const char *path, cli_loaded *out)
{
    const char *why = NULL;
    size_t len;
    char *text = cli_read(path, &len, &why);

    out->doc = NULL;
    out->why[0] = '\0';
    if (text == NULL) {
        out->status = CLI_UNREADABLE;
        snprintf(out->why, sizeof out->why, "%s", why);
        return;
    }
    if (cli_is_binary(text, len)) {
        out->status = CLI_BINARY;
        free(text);
        return;
    }
    out->doc = bl_doc_parse(text, len);
    free(text);     /* the document keeps its own copy: one is enough */
    out->status = out->doc != NULL ? CLI_LOADED : CLI_PARSE_NOMEM;
}

struct cli_prefetch {
    const char *const *paths;
    size_t n;
    pthread_t worker;
    pthread_mutex_t lock;       /* guards everything below */
    pthread_cond_t loaded;      /* the worker filled a slot */
    pthread_cond_t room;        /* half the ring is free, the caller
                                   waits, or stop */
    cli_loaded ring[CLI_PREFETCH_DEPTH];  /* path k in ring[k % DEPTH] */
    size_t n_loaded;            /* paths the worker has loaded */
    size_t n_taken;             /* paths handed to the caller */
    size_t waiting_bytes;       /* source bytes of loaded, untaken paths */
    size_t in_hand_bytes;       /* ... of the one the caller has */
    int stop;
};

/* What a load counts against CLI_PREFETCH_BYTES: its source (the
 * document's other arrays grow with it). */
static size_t
load_bytes(const cli_loaded *l)
{
    size_t len = 0;

    if (l->doc != NULL)
        bl_doc_source(l->doc, &len);
    return len;
}

/* May the worker start on path k?  Always when nothing waits and the
 * caller holds no document (so a file over the cap still gets loaded);
 * else while a slot is free and the cap is not reached. */
static int
is_room_for(const cli_prefetch *pf, size_t k)
{
    size_t waiting = k - pf->n_taken;

    if (waiting == 0 && pf->in_hand_bytes == 0)
        return 1;
    return waiting < CLI_PREFETCH_DEPTH
           && pf->waiting_bytes + pf->in_hand_bytes < CLI_PREFETCH_BYTES;
}

static void *
prefetch_main(void *arg)
{
    cli_prefetch *pf = arg;
    cli_loaded l;
    size_t k;

    for (k = 0; k < pf->n; k++) {
        pthread_mutex_lock(&pf->lock);
        while (!pf->stop && !is_room_for(pf, k))
            pthread_cond_wait(&pf->room, &pf->lock);
        if (pf->stop) {
            pthread_mutex_unlock(&pf->lock);
            break;
        }
        pthread_mutex_unlock(&pf->lock);
        /* Outside the lock: the caller takes earlier loads meanwhile. */
        cli_load(pf->paths[k], &l);
        pthread_mutex_lock(&pf->lock);
        pf->ring[k % CLI_PREFETCH_DEPTH] = l;
        pf->waiting_bytes += load_bytes(&l);
        pf->n_loaded = k + 1;
        pthread_cond_signal(&pf->loaded);
        pthread_mutex_unlock(&pf->lock);
    }
    return NULL;
}

cli_prefetch *
cli_prefetch_start(const char *const *paths, size_t n)
{
    cli_prefetch *pf = calloc(1, sizeof *pf);
    sigset_t all, old;
    int made = 0;   /* how many of lock, loaded and room exist */

    if (pf == NULL)
        return NULL;
    pf->paths = paths;
    pf->n = n;
    if (pthread_mutex_init(&pf->lock, NULL) != 0)
        goto fail;
    made++;
    if (pthread_cond_init(&pf->loaded, NULL) != 0)
        goto fail;
    made++;
    if (pthread_cond_init(&pf->room, NULL) != 0)
        goto fail;
    made++;
    /* The worker blocks every signal, so that none is handled on it:
     * atomic.c's handler (which removes the --output temporary file and
     * dies of the signal) may run on any thread, but a worker that never
     * takes one is one thread fewer to reason about, and its reads are
     * never interrupted. */
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    if (pthread_create(&pf->worker, NULL, prefetch_main, pf) == 0) {
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        return pf;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
fail:
    if (made > 2)
        pthread_cond_destroy(&pf->room);
    if (made > 1)
        pthread_cond_destroy(&pf->loaded);
    if (made > 0)
        pthread_mutex_destroy(&pf->lock);
    free(pf);
    return NULL;
}

void
cli_prefetch_next(cli_prefetch *pf, cli_loaded *out)
{
    pthread_mutex_lock(&pf->lock);
    pf->in_hand_bytes = 0;      /* the previous document is done with */
    while (pf->n_loaded == pf->n_taken) {
        pthread_cond_signal(&pf->room);     /* it may be the cap's turn */
        pthread_cond_wait(&pf->loaded, &pf->lock);
    }
    *out = pf->ring[pf->n_taken % CLI_PREFETCH_DEPTH];
    pf->in_hand_bytes = load_bytes(out);
    pf->waiting_bytes -= pf->in_hand_bytes;
    pf->n_taken++;
    /* The worker, faster than the lint, mostly waits on a full ring:
     * woken when half of it is free rather than at every take, it sleeps
     * and wakes half as often. */
    if (pf->n_loaded - pf->n_taken <= CLI_PREFETCH_DEPTH / 2)
        pthread_cond_signal(&pf->room);
    pthread_mutex_unlock(&pf->lock);
}

void
cli_prefetch_stop(cli_prefetch *pf)
{
    size_t k;

    if (pf == NULL)
        return;
    pthread_mutex_lock(&pf->lock);
    pf->stop = 1;
    pthread_cond_signal(&pf->room);
    pthread_mutex_unlock(&pf->lock);
    pthread_join(pf->worker, NULL);
    for (k = pf->n_taken; k < pf->n_loaded; k++)
        bl_doc_free(pf->ring[k % CLI_PREFETCH_DEPTH].doc);
    pthread_cond_destroy(&pf->room);
    pthread_cond_destroy(&pf->loaded);
    pthread_mutex_destroy(&pf->lock);
    free(pf);
}
