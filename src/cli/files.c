/*
 * files.c: finding the files to check and reading them.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../engine/vec.h"
#include "files.h"

static int
push(cli_paths *out, const char *s)
{
    char *d = strdup(s);

    if (d == NULL || BL_VEC_PUSH(out, d) < 0) {
        free(d);
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

static int
is_markdown_name(const char *name)
{
    size_t n = strlen(name);

    return (n > 3 && strcasecmp(name + n - 3, ".md") == 0)
           || (n > 9 && strcasecmp(name + n - 9, ".markdown") == 0);
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Returns 0, 1 when something below dir could not be read (each such
 * path is reported on stderr and the walk goes on), or -1 with errno set
 * when dir itself cannot be read or memory runs out. */
static int
walk_dir(const char *dir, cli_paths *out)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    cli_paths names = {NULL, 0, 0};
    size_t i, dn = strlen(dir);
    int rc = 0, partial = 0;

    if (d == NULL)
        return -1;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;   /* ., .., .git and other hidden entries */
        if (push(&names, de->d_name) < 0) {
            rc = -1;
            break;
        }
    }
    closedir(d);
    if (names.n > 0)
        qsort(names.items, names.n, sizeof *names.items, cmp_str);
    for (i = 0; i < names.n && rc == 0; i++) {
        size_t n = dn + strlen(names.items[i]) + 2;
        char *p = malloc(n);
        struct stat st;
        if (p == NULL) {
            rc = -1;
            break;
        }
        snprintf(p, n, "%s%s%s", dir, dn > 0 && dir[dn - 1] == '/' ? "" : "/",
                 names.items[i]);
        if (lstat(p, &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                int sub = walk_dir(p, out);
                if (sub > 0) {
                    partial = 1;
                } else if (sub < 0 && errno == ENOMEM) {
                    rc = -1;
                } else if (sub < 0) {
                    /* One unreadable subdirectory: say which, check the
                     * rest. */
                    fprintf(stderr, "blamelint: %s: %s\n", p,
                            strerror(errno));
                    partial = 1;
                }
            } else if ((S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))
                       && is_markdown_name(names.items[i])) {
                /* A symlink is followed to a regular file only: not to a
                 * directory (documented as skipped) nor to a device such
                 * as /dev/zero, which would be read until memory ran out.
                 * A dangling one is kept, so that it is reported. */
                struct stat tst;
                if (!S_ISLNK(st.st_mode) || stat(p, &tst) != 0
                    || S_ISREG(tst.st_mode))
                    rc = push(out, p);
            }
        } else if (errno != ENOENT) {
            fprintf(stderr, "blamelint: %s: %s\n", p, strerror(errno));
            partial = 1;
        }
        free(p);
    }
    cli_paths_free(&names);
    return rc < 0 ? rc : partial;
}

int
cli_collect(const char *path, cli_paths *out)
{
    struct stat st;

    if (strcmp(path, "-") == 0)
        return push(out, path);
    if (stat(path, &st) != 0)
        return -1;
    if (S_ISDIR(st.st_mode))
        return walk_dir(path, out);
    /* A file named explicitly is checked whatever its extension. */
    return push(out, path);
}

void
cli_paths_free(cli_paths *p)
{
    size_t i;

    for (i = 0; i < p->n; i++)
        free(p->items[i]);
    BL_VEC_FREE(p);
}

char *
cli_read(const char *path, size_t *p_len, const char **p_why)
{
    FILE *f = path ? fopen(path, "rb") : stdin;
    char *buf = NULL, *nb;
    size_t n = 0, cap = 0, got;
    struct stat st;

    if (f == NULL) {
        *p_why = strerror(errno);
        return NULL;
    }
    if (path != NULL && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        *p_why = "is a directory";
        return NULL;
    }
    for (;;) {
        if (cap - n < 4096) {
            cap = cap ? cap * 2 : 65536;
            if ((nb = realloc(buf, cap + 1)) == NULL) {
                *p_why = "out of memory";
                goto fail;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        *p_why = strerror(errno ? errno : EIO);
        goto fail;
    }
    if (path != NULL)
        fclose(f);
    if (buf == NULL && (buf = malloc(1)) == NULL) {
        *p_why = "out of memory";
        return NULL;
    }
    buf[n] = '\0';
    *p_len = n;
    return buf;
fail:
    if (path != NULL)
        fclose(f);
    free(buf);
    return NULL;
}

int
cli_is_binary(const char *text, size_t len)
{
    return memchr(text, '\0', len) != NULL;
}
