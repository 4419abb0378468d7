/*
 * docs.c: where the rule reference is (docs.h).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../engine/vec.h"
#include "docs.h"

#define ADD_LIT(sb, lit) bl_strbuf_add((sb), (lit), sizeof(lit) - 1)

int
cli_add_file_uri(bl_strbuf *sb, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *p;

    if (ADD_LIT(sb, "file://") < 0)
        return -1;
    for (p = (const unsigned char *)path; *p; p++) {
        char esc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
        int plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
                    || (*p >= '0' && *p <= '9') || strchr("-._~/", *p);
        if (bl_strbuf_add(sb, plain ? (const char *)p : esc, plain ? 1 : 3)
            < 0)
            return -1;
    }
    return 0;
}

/* The README that documents every rule under an anchor "rule-FAMILY-NAME",
 * as `make install` puts it: PREFIX/share/doc/blamelint/README.md beside
 * PREFIX/bin/blamelint.  Found from the running binary, so an editor
 * links to the manual of the version it runs; NULL when it is not there
 * (a link to nothing helps no one). */
static char *
installed_docs(void)
{
    char exe[4096], path[4200];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *slash;
    bl_strbuf sb = {NULL, 0, 0};

    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    if ((slash = strrchr(exe, '/')) == NULL)
        return NULL;
    *slash = '\0';     /* PREFIX/bin */
    snprintf(path, sizeof path, "%s/../share/doc/blamelint/README.md", exe);
    if (access(path, R_OK) != 0 || realpath(path, exe) == NULL)
        return NULL;
    if (cli_add_file_uri(&sb, exe) < 0) {
        free(sb.items);
        return NULL;
    }
    return sb.items;
}

char *
cli_docs_uri(void)
{
    const char *env = getenv("BLAMELINT_DOCS_URL");

    if (env != NULL && env[0] != '\0')
        return bl_strndup(env, strlen(env));
    return installed_docs();
}
