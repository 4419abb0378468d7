/*
 * atomic.c: replacing a file whole (atomic.h).
 *
 * The new content goes to a temporary file in the target's directory,
 * which rename() then puts in the target's place in one step: a CI job
 * reading the report, or a crash half-way through --fix, never sees a
 * truncated file.  The temporary file must then never outlive the
 * process, so the signals that end a run from the terminal or a CI
 * runner (SIGINT, SIGTERM, SIGHUP) remove it on the way out.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"

/* --- Removing temporary files when a signal ends the process ------------- */

/* The temporary files being written: at most one at a time today. */
#define MAX_LIVE 4
static char *volatile live[MAX_LIVE];

static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP};

/* Only unlink(), signal() and raise() here: they are async-signal-safe. */
static void
on_fatal_signal(int sig)
{
    int i;

    for (i = 0; i < MAX_LIVE; i++)
        if (live[i] != NULL)
            unlink(live[i]);
    signal(sig, SIG_DFL);
    raise(sig);     /* die of it, so the parent sees which signal */
}

static void
track(char *tmp)
{
    static int installed;
    size_t k;
    int i;

    if (!installed) {
        installed = 1;
        for (k = 0; k < sizeof fatal_signals / sizeof fatal_signals[0]; k++) {
            struct sigaction sa, old;
            memset(&sa, 0, sizeof sa);
            sa.sa_handler = on_fatal_signal;
            sigemptyset(&sa.sa_mask);
            /* A signal the caller ignores (nohup) stays ignored. */
            if (sigaction(fatal_signals[k], NULL, &old) == 0
                && old.sa_handler != SIG_IGN)
                sigaction(fatal_signals[k], &sa, NULL);
        }
    }
    for (i = 0; i < MAX_LIVE; i++)
        if (live[i] == NULL) {
            live[i] = tmp;
            return;
        }
}

static void
untrack(const char *tmp)
{
    int i;

    for (i = 0; i < MAX_LIVE; i++)
        if (live[i] == tmp)
            live[i] = NULL;
}

/* --- Opening, committing, aborting --------------------------------------- */

/* The file path names once every symlink on the way is followed, also
 * when the last link's target does not exist yet (it is then created, as
 * open() would create it).  Newly allocated, or NULL with errno set. */
static char *
resolve(const char *path)
{
    char *cur = strdup(path), buf[PATH_MAX];
    int hops;

    for (hops = 0; cur != NULL && hops < 40; hops++) {
        struct stat st;
        ssize_t n;
        const char *slash;
        char *next;
        size_t dirlen;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur;     /* the file itself, or nothing there yet */
        if ((n = readlink(cur, buf, sizeof buf - 1)) < 0) {
            free(cur);
            return NULL;
        }
        buf[n] = '\0';
        /* A relative target is relative to the link's directory. */
        slash = strrchr(cur, '/');
        dirlen = buf[0] == '/' || slash == NULL ? 0
                                                : (size_t)(slash - cur) + 1;
        if ((next = malloc(dirlen + (size_t)n + 1)) == NULL) {
            free(cur);
            return NULL;
        }
        memcpy(next, cur, dirlen);
        memcpy(next + dirlen, buf, (size_t)n + 1);
        free(cur);
        cur = next;
    }
    if (cur != NULL) {
        free(cur);
        errno = ELOOP;
    }
    return NULL;
}

static mode_t
new_file_mode(void)
{
    mode_t mask = umask(0);

    umask(mask);
    return 0666 & ~mask;
}

int
cli_atomic_open(cli_atomic *a, const char *path, int what)
{
    struct stat st;
    size_t n;
    int fd, e, exists;

    memset(a, 0, sizeof *a);
    if ((a->target = resolve(path)) == NULL)
        return -1;
    exists = stat(a->target, &st) == 0;
    if (what == CLI_ATOMIC_EXISTING && (!exists || !S_ISREG(st.st_mode))) {
        e = exists ? EINVAL : errno;
        goto fail;
    }
    if (exists && !S_ISREG(st.st_mode)) {
        /* /dev/stdout, a FIFO, /dev/null: written to, never replaced. */
        if ((a->fp = fopen(a->target, "w")) == NULL) {
            e = errno;
            goto fail;
        }
        return 0;
    }
    n = strlen(a->target) + sizeof ".blamelint-XXXXXX";
    if ((a->tmp = malloc(n)) == NULL) {
        e = ENOMEM;
        goto fail;
    }
    snprintf(a->tmp, n, "%s.blamelint-XXXXXX", a->target);
    if ((fd = mkstemp(a->tmp)) < 0) {
        e = errno;
        goto fail;
    }
    track(a->tmp);
    if (fchmod(fd, exists ? st.st_mode & 07777 : new_file_mode()) != 0
        || (a->fp = fdopen(fd, "w")) == NULL) {
        e = errno;
        close(fd);
        unlink(a->tmp);
        untrack(a->tmp);
        goto fail;
    }
    return 0;
fail:
    free(a->tmp);
    free(a->target);
    memset(a, 0, sizeof *a);
    errno = e;
    return -1;
}

int
cli_atomic_commit(cli_atomic *a)
{
    int rc = 0, e = 0;

    if (fflush(a->fp) != 0 || ferror(a->fp)
        || (a->tmp != NULL && fsync(fileno(a->fp)) != 0)) {
        rc = -1;
        e = errno != 0 ? errno : EIO;
    }
    if (fclose(a->fp) != 0 && rc == 0) {
        rc = -1;
        e = errno;
    }
    if (a->tmp != NULL) {
        if (rc == 0 && rename(a->tmp, a->target) != 0) {
            rc = -1;
            e = errno;
        }
        if (rc < 0)
            unlink(a->tmp);
        untrack(a->tmp);
    }
    free(a->tmp);
    free(a->target);
    memset(a, 0, sizeof *a);
    errno = e;
    return rc;
}

void
cli_atomic_abort(cli_atomic *a)
{
    if (a->fp != NULL)
        fclose(a->fp);
    if (a->tmp != NULL) {
        unlink(a->tmp);
        untrack(a->tmp);
    }
    free(a->tmp);
    free(a->target);
    memset(a, 0, sizeof *a);
}
