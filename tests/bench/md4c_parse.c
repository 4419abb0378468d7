/*
 * md4c_parse.c - parse-only baseline for the blamelint benchmark.
 *
 *   md4c_parse [-n K] PATH...
 *
 * Each PATH is a Markdown file or a directory (searched recursively for
 * *.md files). All inputs are read into memory, then parsed K times
 * (default 1) with md4c in the GitHub dialect, the dialect blamelint
 * uses. The callbacks touch every text byte (count bytes and words) so
 * the compiler cannot skip the work, and the totals are printed at the
 * end. The program does not time itself: bench.sh times whole runs, the
 * same way it times `blamelint check`, so both figures include process
 * start-up and file reading.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <md4c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
    char *data;
    size_t size;
} Doc;

typedef struct {
    Doc *docs;
    size_t n, cap;
    size_t bytes;
} DocList;

/* What the callbacks accumulate; passed as md4c userdata. */
typedef struct {
    unsigned long long text_bytes, words, blocks, spans;
    int in_word; /* a word may continue across adjacent text callbacks */
} Stats;

static void fail(const char *what)
{
    fprintf(stderr, "md4c_parse: %s: %s\n", what, strerror(errno));
    exit(1);
}

/* ------------------------------------------------------------------ */
/* Input.                                                              */

static void add_doc(DocList *l, char *data, size_t size)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        Doc *d = realloc(l->docs, cap * sizeof *d);
        if (!d)
            fail("realloc");
        l->docs = d;
        l->cap = cap;
    }
    l->docs[l->n].data = data;
    l->docs[l->n].size = size;
    l->n++;
    l->bytes += size;
}

static void read_file(DocList *l, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail(path);
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        fail("malloc");
    /* Read in chunks rather than trusting a size from stat: simple and
     * correct for pipes too. */
    for (;;) {
        if (len == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p)
                fail("realloc");
            buf = p;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(f))
        fail(path);
    fclose(f);
    if (len > (MD_SIZE)-1) { /* md_parse takes a 32-bit size */
        fprintf(stderr, "md4c_parse: %s: too large\n", path);
        exit(1);
    }
    add_doc(l, buf, len);
}

static int has_md_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".md") == 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void read_path(DocList *l, const char *path);

/* Directory entries are sorted so the parse order is the same everywhere. */
static void read_dir(DocList *l, const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        fail(path);
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            char **p = realloc(names, cap * sizeof *p);
            if (!p)
                fail("realloc");
            names = p;
        }
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        if (!(names[n] = malloc(len)))
            fail("malloc");
        snprintf(names[n], len, "%s/%s", path, e->d_name);
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(names[i], &st) != 0)
            fail(names[i]);
        if (S_ISDIR(st.st_mode) || has_md_suffix(names[i]))
            read_path(l, names[i]);
        free(names[i]);
    }
    free(names);
}

static void read_path(DocList *l, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        fail(path);
    if (S_ISDIR(st.st_mode))
        read_dir(l, path);
    else
        read_file(l, path);
}

/* ------------------------------------------------------------------ */
/* Callbacks: cheap, but they must look at every byte md4c hands out.  */

static int on_enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    (void)type;
    (void)detail;
    ((Stats *)userdata)->blocks++;
    return 0;
}

static int on_leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
    (void)type;
    (void)detail;
    ((Stats *)userdata)->in_word = 0;
    return 0;
}

static int on_enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
    (void)type;
    (void)detail;
    ((Stats *)userdata)->spans++;
    return 0;
}

static int on_leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
    (void)type;
    (void)detail;
    (void)userdata;
    return 0;
}

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *userdata)
{
    Stats *s = userdata;
    if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR) {
        s->in_word = 0;
        return 0;
    }
    s->text_bytes += size;
    for (MD_SIZE i = 0; i < size; i++) {
        int space = is_space(text[i]);
        s->words += (unsigned long long)(!space && !s->in_word);
        s->in_word = !space;
    }
    return 0;
}

/* ------------------------------------------------------------------ */

static int usage(void)
{
    fprintf(stderr, "usage: md4c_parse [-n K] FILE|DIR...\n");
    return 2;
}

int main(int argc, char **argv)
{
    long passes = 1;
    int i = 1;
    if (i + 1 < argc && strcmp(argv[i], "-n") == 0) {
        char *end;
        passes = strtol(argv[i + 1], &end, 10);
        if (*end || passes < 1)
            return usage();
        i += 2;
    }
    if (i >= argc)
        return usage();

    DocList docs = {0};
    for (; i < argc; i++)
        read_path(&docs, argv[i]);

    const MD_PARSER parser = {
        .abi_version = 0,
        .flags = MD_DIALECT_GITHUB,
        .enter_block = on_enter_block,
        .leave_block = on_leave_block,
        .enter_span = on_enter_span,
        .leave_span = on_leave_span,
        .text = on_text,
    };
    Stats st = {0};
    for (long p = 0; p < passes; p++) {
        for (size_t d = 0; d < docs.n; d++) {
            st.in_word = 0;
            if (md_parse(docs.docs[d].data, (MD_SIZE)docs.docs[d].size, &parser, &st) != 0) {
                fprintf(stderr, "md4c_parse: md_parse failed on input %zu\n", d + 1);
                return 1;
            }
        }
    }

    printf("files=%zu bytes=%zu passes=%ld bytes_processed=%llu "
           "text_bytes=%llu words=%llu blocks=%llu spans=%llu\n",
           docs.n, docs.bytes, passes, (unsigned long long)docs.bytes * (unsigned long long)passes,
           st.text_bytes, st.words, st.blocks, st.spans);
    for (size_t d = 0; d < docs.n; d++)
        free(docs.docs[d].data);
    free(docs.docs);
    return 0;
}
