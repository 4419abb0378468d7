/*
 * lsp_bench.c - latency and memory of `blamelint lsp`, as an editor sees
 * them.
 *
 *   lsp_bench BLAMELINT DOC EDITS [OTHER_DOCS...]
 *
 * Starts the server, opens DOC, then makes EDITS single-character edits
 * (typing one letter at a time at the start of lines spread through the
 * document), each sent as an incremental didChange; for every edit it
 * measures the wall time from writing didChange to reading the
 * publishDiagnostics that carries the edit's version.  Then it opens every
 * OTHER_DOC too and reads the server's peak resident memory (VmHWM) from
 * /proc.  Prints:
 *
 *   edits N p50_ms P50 p99_ms P99 max_ms MAX
 *   open_docs N peak_rss_kb KB
 *
 * Nothing is timed inside the server: this is the editor's view.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int to_server, from_server;
static pid_t server;
static char inbuf[1 << 22];
static size_t inlen;

static void
die(const char *msg)
{
    fprintf(stderr, "lsp_bench: %s\n", msg);
    if (server > 0)
        kill(server, SIGKILL);
    exit(1);
}

static double
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
send_all(const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(to_server, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            die("cannot write to the server");
        p += w;
        n -= (size_t)w;
    }
}

static void
send_msg(const char *body, size_t n)
{
    char head[64];
    int hn = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", n);
    send_all(head, (size_t)hn);
    send_all(body, n);
}

/* Reads one message body into a malloc'd string. */
static char *
recv_msg(void)
{
    for (;;) {
        size_t i;
        for (i = 0; i + 4 <= inlen; i++) {
            if (memcmp(inbuf + i, "\r\n\r\n", 4) == 0) {
                size_t n = strtoul(inbuf + 16, NULL, 10), start = i + 4;
                if (inlen >= start + n) {
                    char *b = malloc(n + 1);
                    if (b == NULL)
                        die("out of memory");
                    memcpy(b, inbuf + start, n);
                    b[n] = '\0';
                    memmove(inbuf, inbuf + start + n, inlen - start - n);
                    inlen -= start + n;
                    return b;
                }
                break;
            }
        }
        {
            struct pollfd p = {from_server, POLLIN, 0};
            ssize_t r;
            if (poll(&p, 1, 30000) <= 0)
                die("no answer within 30 s");
            r = read(from_server, inbuf + inlen, sizeof inbuf - inlen);
            if (r <= 0)
                die("the server closed its output");
            inlen += (size_t)r;
        }
    }
}

/* Waits for publishDiagnostics of uri with this version. */
static void
wait_publish(const char *uri, long version)
{
    char want_uri[512], want_ver[64];

    snprintf(want_uri, sizeof want_uri, "\"uri\":\"%s\"", uri);
    snprintf(want_ver, sizeof want_ver, "\"version\":%ld,", version);
    for (;;) {
        char *b = recv_msg();
        int hit = strstr(b, "publishDiagnostics") && strstr(b, want_uri)
                  && strstr(b, want_ver);
        free(b);
        if (hit)
            return;
    }
}

static char *
slurp(const char *path, size_t *p_n)
{
    FILE *f = fopen(path, "rb");
    char *b;
    long n;

    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0)
        die("cannot read a document");
    rewind(f);
    b = malloc((size_t)n + 1);
    if (b == NULL || fread(b, 1, (size_t)n, f) != (size_t)n)
        die("cannot read a document");
    fclose(f);
    b[n] = '\0';
    *p_n = (size_t)n;
    return b;
}

/* didOpen for path under uri, its text escaped for JSON. */
static void
open_doc(const char *uri, const char *path)
{
    size_t n, i, o;
    char *text = slurp(path, &n), *body = malloc(n * 6 + 512);

    if (body == NULL)
        die("out of memory");
    o = (size_t)sprintf(body, "{\"jsonrpc\":\"2.0\",\"method\":"
                        "\"textDocument/didOpen\",\"params\":{\"textDocument\":"
                        "{\"uri\":\"%s\",\"languageId\":\"markdown\","
                        "\"version\":0,\"text\":\"", uri);
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '"' || c == '\\') {
            body[o++] = '\\';
            body[o++] = (char)c;
        } else if (c < 0x20) {
            o += (size_t)sprintf(body + o, "\\u%04x", c);
        } else {
            body[o++] = (char)c;
        }
    }
    o += (size_t)sprintf(body + o, "\"}}}");
    send_msg(body, o);
    wait_publish(uri, 0);
    free(text);
    free(body);
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static long
peak_rss_kb(void)
{
    char path[64], line[256];
    long kb = -1;
    FILE *f;

    snprintf(path, sizeof path, "/proc/%d/status", (int)server);
    if ((f = fopen(path, "r")) == NULL)
        return -1;
    while (fgets(line, sizeof line, f) != NULL)
        if (strncmp(line, "VmHWM:", 6) == 0)
            kb = strtol(line + 6, NULL, 10);
    fclose(f);
    return kb;
}

int
main(int argc, char **argv)
{
    int in[2], out[2], edits, i, lines = 0;
    double *t;
    size_t n;
    char *doc, body[1024], *b;

    if (argc < 4)
        die("usage: lsp_bench BLAMELINT DOC EDITS [OTHER_DOCS...]");
    edits = atoi(argv[3]);
    if (edits <= 0 || (t = malloc((size_t)edits * sizeof *t)) == NULL)
        die("EDITS must be a positive number");
    doc = slurp(argv[2], &n);
    for (i = 0; (size_t)i < n; i++)
        lines += doc[i] == '\n';
    free(doc);
    if (lines == 0)
        die("DOC has no lines");
    signal(SIGPIPE, SIG_IGN);
    if (pipe(in) != 0 || pipe(out) != 0)
        die("pipe");
    server = fork();
    if (server < 0)
        die("fork");
    if (server == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[1]);
        close(out[0]);
        execl(argv[1], argv[1], "lsp", (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    to_server = in[1];
    from_server = out[0];

    n = (size_t)snprintf(body, sizeof body, "{\"jsonrpc\":\"2.0\",\"id\":1,"
                         "\"method\":\"initialize\",\"params\":"
                         "{\"capabilities\":{}}}");
    send_msg(body, n);
    free(recv_msg());
    n = (size_t)snprintf(body, sizeof body, "{\"jsonrpc\":\"2.0\",\"method\":"
                         "\"initialized\",\"params\":{}}");
    send_msg(body, n);
    open_doc("file:///bench/main.md", argv[2]);

    for (i = 0; i < edits; i++) {
        /* A letter typed at the start of a line, lines spread out. */
        int line = (int)(((long)i * 7919) % lines);
        double t0;
        n = (size_t)snprintf(body, sizeof body,
                             "{\"jsonrpc\":\"2.0\",\"method\":"
                             "\"textDocument/didChange\",\"params\":"
                             "{\"textDocument\":{\"uri\":"
                             "\"file:///bench/main.md\",\"version\":%d},"
                             "\"contentChanges\":[{\"range\":{\"start\":"
                             "{\"line\":%d,\"character\":0},\"end\":"
                             "{\"line\":%d,\"character\":0}},\"text\":"
                             "\"x\"}]}}", i + 1, line, line);
        t0 = now_ms();
        send_msg(body, n);
        wait_publish("file:///bench/main.md", i + 1);
        t[i] = now_ms() - t0;
    }
    qsort(t, (size_t)edits, sizeof *t, cmp_double);
    printf("edits %d p50_ms %.2f p99_ms %.2f max_ms %.2f\n", edits,
           t[edits / 2], t[(edits * 99) / 100 < edits ? (edits * 99) / 100
                                                      : edits - 1],
           t[edits - 1]);

    for (i = 4; i < argc; i++) {
        char uri[256];
        snprintf(uri, sizeof uri, "file:///bench/doc-%d.md", i);
        open_doc(uri, argv[i]);
    }
    printf("open_docs %d peak_rss_kb %ld\n", argc - 4 + 1, peak_rss_kb());

    n = (size_t)snprintf(body, sizeof body, "{\"jsonrpc\":\"2.0\",\"id\":2,"
                         "\"method\":\"shutdown\"}");
    send_msg(body, n);
    b = recv_msg();
    free(b);
    n = (size_t)snprintf(body, sizeof body, "{\"jsonrpc\":\"2.0\",\"method\":"
                         "\"exit\"}");
    send_msg(body, n);
    close(to_server);
    waitpid(server, &i, 0);
    free(t);
    return 0;
}
