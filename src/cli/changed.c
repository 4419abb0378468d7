/*
 * changed.c: the lines a diff added or changed (changed.h).
 *
 * git runs with an argument vector, never a shell, so a revision or a
 * path is never read as shell syntax; its output is parsed for what
 * --unified=0 guarantees: a "+++ b/PATH" line per file, then a
 * "@@ -a,b +c,d @@" line per hunk, whose "+c,d" are the new side's lines
 * (d is 1 when left out, 0 for a pure deletion, which adds no line).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../engine/vec.h"
#include "changed.h"

typedef struct range {
    size_t first, last;     /* 1-based, inclusive */
} range;

typedef struct changed_file {
    char *path;             /* absolute, as realpath gives it */
    struct { range *items; size_t n, alloc; } ranges;
} changed_file;

struct cli_changed {
    struct { changed_file *items; size_t n, alloc; } files;
};

/* Runs argv (git ...) and returns its standard output; when it fails,
 * its standard error goes to err.  Both pipes are read as they fill, so
 * a git that writes much to either never waits on the other. */
static char *
run_git(char *const argv[], size_t *p_len, char *err, size_t errlen)
{
    int out[2] = {-1, -1}, errp[2] = {-1, -1}, status = 0, oom = 0;
    pid_t pid;
    bl_strbuf buf = {NULL, 0, 0}, ebuf = {NULL, 0, 0};
    char chunk[65536];
    struct pollfd fds[2];
    int open_fds = 2;

    if (pipe(out) < 0 || pipe(errp) < 0 || (pid = fork()) < 0) {
        snprintf(err, errlen, "cannot run git: %s", strerror(errno));
        if (out[0] >= 0) { close(out[0]); close(out[1]); }
        if (errp[0] >= 0) { close(errp[0]); close(errp[1]); }
        return NULL;
    }
    if (pid == 0) {
        dup2(out[1], 1);
        dup2(errp[1], 2);
        close(out[0]);
        close(errp[0]);
        execvp(argv[0], argv);
        fprintf(stderr, "cannot run git: %s", strerror(errno));
        _exit(127);
    }
    close(out[1]);
    close(errp[1]);
    fds[0].fd = out[0];
    fds[1].fd = errp[0];
    fds[0].events = fds[1].events = POLLIN;
    while (open_fds > 0) {
        int k;
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (k = 0; k < 2; k++) {
            ssize_t n;
            if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            n = read(fds[k].fd, chunk, sizeof chunk);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                close(fds[k].fd);
                fds[k].fd = -1;
                open_fds--;
                continue;
            }
            /* stdout is kept whole; of stderr, its start says enough */
            if (k == 0 && !oom && bl_strbuf_add(&buf, chunk, (size_t)n) < 0)
                oom = 1;
            if (k == 1 && ebuf.n < 4096)
                bl_strbuf_add(&ebuf, chunk, (size_t)n);
        }
    }
    for (open_fds = 0; open_fds < 2; open_fds++)
        if (fds[open_fds].fd >= 0)
            close(fds[open_fds].fd);
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            status = -1;
            break;
        }
    }
    if (oom || status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        size_t k = ebuf.n;
        while (k > 0 && (ebuf.items[k - 1] == '\n' || ebuf.items[k - 1] == '\r'))
            k--;
        if (oom)
            snprintf(err, errlen, "out of memory");
        else if (k > 0)
            snprintf(err, errlen, "%.*s", (int)k, ebuf.items);
        else
            snprintf(err, errlen, "git failed (exit status %d)",
                     status != -1 && WIFEXITED(status) ? WEXITSTATUS(status)
                                                       : -1);
        free(buf.items);
        free(ebuf.items);
        return NULL;
    }
    free(ebuf.items);
    if (buf.items == NULL && bl_strbuf_add(&buf, "", 0) < 0) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    *p_len = buf.n;
    return buf.items;
}

/* The repository's top directory, without the newline. */
static char *
toplevel(char *err, size_t errlen)
{
    char *const argv[] = {"git", "rev-parse", "--show-toplevel", NULL};
    size_t n;
    char *top = run_git(argv, &n, err, errlen);

    while (top != NULL && n > 0 && (top[n - 1] == '\n' || top[n - 1] == '\r'))
        top[--n] = '\0';
    return top;
}

/* Turns the path of a "+++ " line into "b/PATH" in place: git ends it
 * with a tab when it holds a space, and writes it in C-style quotes when
 * it holds a quote, a backslash or a control character.  0 when it is no
 * "b/" path (/dev/null: a deleted file). */
static int
decode_path(char *p)
{
    size_t n = strlen(p), i, o = 0;

    if (n > 0 && p[n - 1] == '\t')
        p[--n] = '\0';
    if (n >= 2 && p[0] == '"' && p[n - 1] == '"') {
        for (i = 1; i + 1 < n; i++) {
            char ch = p[i];
            if (ch == '\\' && i + 2 < n) {
                char e = p[++i];
                if (e >= '0' && e <= '7' && i + 2 < n) {
                    int v = (e - '0') * 64 + (p[i + 1] - '0') * 8
                            + (p[i + 2] - '0');
                    i += 2;
                    ch = (char)v;
                } else {
                    ch = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r'
                         : e == 'a' ? '\a' : e == 'b' ? '\b' : e == 'f'
                         ? '\f' : e == 'v' ? '\v' : e;
                }
            }
            p[o++] = ch;
        }
        p[o] = '\0';
    }
    return strncmp(p, "b/", 2) == 0;
}

/* Reads "+c,d" at s into a range; 0 when it adds no line. */
static int
parse_hunk(const char *s, range *r)
{
    const char *plus = strstr(s, " +");
    char *end;
    unsigned long c, d = 1;

    if (plus == NULL)
        return 0;
    c = strtoul(plus + 2, &end, 10);
    if (*end == ',')
        d = strtoul(end + 1, &end, 10);
    if (d == 0 || c == 0)
        return 0;
    r->first = c;
    r->last = c + d - 1;
    return 1;
}

/* Adds TOP/rel, resolved through symlinks once, as checked paths are. */
static int
add_file(cli_changed *c, const char *top, const char *rel)
{
    changed_file f = {NULL, {NULL, 0, 0}};
    size_t n = strlen(top) + strlen(rel) + 2;
    char *joined = malloc(n), real[PATH_MAX];

    if (joined == NULL)
        return -1;
    snprintf(joined, n, "%s/%s", top, rel);
    if (realpath(joined, real) != NULL) {
        free(joined);
        joined = bl_strndup(real, strlen(real));
        if (joined == NULL)
            return -1;
    }
    f.path = joined;
    if (BL_VEC_PUSH(&c->files, f) < 0) {
        free(joined);
        return -1;
    }
    return 0;
}

cli_changed *
cli_changed_load(const char *rev, char *err, size_t errlen)
{
    /* Whatever the user's git settings: prefixes a/ and b/, paths from
     * the top, no external diff or text conversion. */
    char *argv[] = {"git", "-c", "core.quotePath=false", "diff", "--no-color",
                    "--no-ext-diff", "--no-textconv", "--no-renames",
                    "--no-relative", "--src-prefix=a/", "--dst-prefix=b/",
                    "--unified=0", (char *)rev, "--", NULL};
    cli_changed *c = calloc(1, sizeof *c);
    char *top = NULL, *text = NULL, *line, *next;
    size_t len;
    changed_file *cur = NULL;
    int after_minus = 0, in_hunk = 0;

    if (c == NULL) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (rev[0] == '-') {    /* an option to git, not a revision */
        snprintf(err, errlen, "'%s' is not a revision", rev);
        goto fail;
    }
    if ((top = toplevel(err, errlen)) == NULL
        || (text = run_git(argv, &len, err, errlen)) == NULL)
        goto fail;
    for (line = text; line < text + len; line = next) {
        char *nl = memchr(line, '\n', (size_t)(text + len - line));
        next = nl ? nl + 1 : text + len;
        if (nl)
            *nl = '\0';
        if (after_minus && strncmp(line, "+++ ", 4) == 0) {
            char *path = line + 4;
            cur = NULL;
            after_minus = 0;
            if (!decode_path(path))
                continue;   /* +++ /dev/null: the file was deleted */
            if (add_file(c, top, path + 2) < 0) {
                snprintf(err, errlen, "out of memory");
                goto fail;
            }
            cur = &c->files.items[c->files.n - 1];
            continue;
        }
        /* A file's header is "--- " then "+++ " before its first hunk; an
         * added line reading "++ x" comes as "+++ x" after a hunk line. */
        after_minus = strncmp(line, "--- ", 4) == 0 && !in_hunk;
        if (strncmp(line, "diff ", 5) == 0)
            in_hunk = 0;
        if (cur != NULL && strncmp(line, "@@ ", 3) == 0) {
            in_hunk = 1;
            range r;
            if (parse_hunk(line, &r) && BL_VEC_PUSH(&cur->ranges, r) < 0) {
                snprintf(err, errlen, "out of memory");
                goto fail;
            }
        }
    }
    free(top);
    free(text);
    return c;
fail:
    free(top);
    free(text);
    cli_changed_free(c);
    return NULL;
}

void
cli_changed_free(cli_changed *c)
{
    size_t i;

    if (c == NULL)
        return;
    for (i = 0; i < c->files.n; i++) {
        free(c->files.items[i].path);
        BL_VEC_FREE(&c->files.items[i].ranges);
    }
    BL_VEC_FREE(&c->files);
    free(c);
}

long
cli_changed_find(const cli_changed *c, const char *path)
{
    char real[PATH_MAX];
    size_t i;

    if (realpath(path, real) == NULL)
        return -1;
    for (i = 0; i < c->files.n; i++)
        if (strcmp(c->files.items[i].path, real) == 0)
            return (long)i;
    return -1;
}

int
cli_changed_line(const cli_changed *c, long k, size_t line)
{
    const changed_file *f = &c->files.items[k];
    size_t i;

    for (i = 0; i < f->ranges.n; i++)
        if (line >= f->ranges.items[i].first && line <= f->ranges.items[i].last)
            return 1;
    return 0;
}
