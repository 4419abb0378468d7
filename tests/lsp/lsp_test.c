/*
 * lsp_test.c: protocol tests of `blamelint lsp`, driven through its real
 * framing over pipes.
 *
 *   lsp_test BLAMELINT_BINARY
 *
 * Each test starts a server process, writes raw bytes to its stdin (whole
 * messages, fragments, garbage) and reads framed messages from its stdout,
 * parsed with the server's own JSON reader.  Every read has a timeout, so
 * a server that hangs fails the test instead of the suite.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lsp/json.h"

static const char *binary;

typedef struct client {
    pid_t pid;
    int to, from;           /* the server's stdin and stdout */
    char buf[1 << 20];
    size_t len;
    char *body;             /* the last message read */
    lsp_json j;
} client;

/* Starts the server, with the environment variable env_name set to
 * env_value when env_name is not NULL. */
static client *
start_with(const char *env_name, const char *env_value)
{
    int in[2], out[2];
    client *c = calloc(1, sizeof *c);

    assert_non_null(c);
    assert_int_equal(pipe(in), 0);
    assert_int_equal(pipe(out), 0);
    c->pid = fork();
    assert_true(c->pid >= 0);
    if (c->pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[1]);
        close(out[0]);
        if (env_name != NULL)
            setenv(env_name, env_value, 1);
        execl(binary, binary, "lsp", "--stdio", (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    c->to = in[1];
    c->from = out[0];
    return c;
}

static client *
start(void)
{
    return start_with(NULL, NULL);
}

static void
send_raw(client *c, const char *bytes, size_t n)
{
    while (n > 0) {
        ssize_t w = write(c->to, bytes, n);
        if (w < 0 && errno == EINTR)
            continue;
        assert_true(w > 0);
        bytes += w;
        n -= (size_t)w;
    }
}

static void
sendf(client *c, const char *fmt, ...)
{
    char body[65536], head[64];
    va_list ap;
    int n, hn;

    va_start(ap, fmt);
    n = vsnprintf(body, sizeof body, fmt, ap);
    va_end(ap);
    assert_true(n > 0 && (size_t)n < sizeof body);
    hn = snprintf(head, sizeof head, "Content-Length: %d\r\n\r\n", n);
    send_raw(c, head, (size_t)hn);
    send_raw(c, body, (size_t)n);
}

/* Appends body, framed, to buf (for several messages in one write). */
static void
frame(char *buf, size_t cap, const char *body)
{
    size_t n = strlen(buf);
    int w = snprintf(buf + n, cap - n, "Content-Length: %zu\r\n\r\n%s",
                     strlen(body), body);
    assert_true(w > 0 && (size_t)w < cap - n);
}

/* Reads one framed message (10 s at most) and parses it into c->j. */
static void
recv_msg(client *c)
{
    size_t need = 0, hdr_end = 0;

    for (;;) {
        char *e = NULL;
        size_t k;
        for (k = 0; k + 4 <= c->len && e == NULL; k++)
            if (memcmp(c->buf + k, "\r\n\r\n", 4) == 0)
                e = c->buf + k;
        if (e != NULL) {
            hdr_end = (size_t)(e - c->buf) + 4;
            assert_true(strncmp(c->buf, "Content-Length: ", 16) == 0);
            need = hdr_end + strtoul(c->buf + 16, NULL, 10);
            if (c->len >= need)
                break;
        }
        {
            struct pollfd p = {c->from, POLLIN, 0};
            ssize_t n;
            if (poll(&p, 1, 10000) <= 0)
                fail_msg("no message from the server within 10 s");
            n = read(c->from, c->buf + c->len, sizeof c->buf - c->len);
            if (n <= 0)
                fail_msg("the server closed its output");
            c->len += (size_t)n;
        }
    }
    free(c->body);
    c->body = malloc(need - hdr_end + 1);
    assert_non_null(c->body);
    memcpy(c->body, c->buf + hdr_end, need - hdr_end);
    c->body[need - hdr_end] = '\0';
    memmove(c->buf, c->buf + need, c->len - need);
    c->len -= need;
    if (lsp_json_parse(&c->j, c->body, strlen(c->body)) != 0) {
        FILE *f = fopen("/tmp/lsp_test_bad.json", "w");
        if (f != NULL) {
            fputs(c->body, f);
            fclose(f);
        }
        fail_msg("not JSON (saved in /tmp/lsp_test_bad.json)");
    }
}

/* Reads messages until one has method `method` (notifications the test
 * does not look for are skipped). */
static void
recv_method(client *c, const char *method)
{
    int i;

    for (i = 0; i < 50; i++) {
        recv_msg(c);
        if (lsp_json_streq(&c->j, lsp_json_get(&c->j, 0, "method"), method))
            return;
    }
    fail_msg("no %s", method);
}

/* Reads messages until the response with this numeric id. */
static void
recv_id(client *c, long id)
{
    int i;

    for (i = 0; i < 50; i++) {
        long got;
        recv_msg(c);
        if (lsp_json_long(&c->j, lsp_json_get(&c->j, 0, "id"), &got) == 0
            && got == id)
            return;
    }
    fail_msg("no response %ld", id);
}

static long
num(client *c, int t)
{
    long v;

    if (lsp_json_long(&c->j, t, &v) != 0)
        fail_msg("no number at token %d in %s", t, c->body);
    return v;
}

/* Does the last message contain this text (raw)? */
static int
has(client *c, const char *text)
{
    return strstr(c->body, text) != NULL;
}

static int
wait_exit(client *c)
{
    int st = 0, i;

    close(c->to);
    for (i = 0; i < 1000; i++) {
        pid_t r = waitpid(c->pid, &st, WNOHANG);
        if (r == c->pid)
            break;
        usleep(10000);
    }
    if (i == 1000) {
        kill(c->pid, SIGKILL);
        waitpid(c->pid, &st, 0);
        fail_msg("the server did not exit");
    }
    close(c->from);
    lsp_json_free(&c->j);
    free(c->body);
    free(c);
    assert_true(WIFEXITED(st));
    return WEXITSTATUS(st);
}

static void
initialize(client *c, const char *caps)
{
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
          "\"params\":{\"processId\":null,\"capabilities\":%s}}", caps);
    recv_id(c, 1);
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
}

static void
open_doc(client *c, const char *uri, int version, const char *json_text)
{
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\","
          "\"params\":{\"textDocument\":{\"uri\":\"%s\",\"languageId\":"
          "\"markdown\",\"version\":%d,\"text\":\"%s\"}}}", uri, version,
          json_text);
}

static void
shutdown_and_exit(client *c)
{
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"shutdown\"}");
    recv_id(c, 99);
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    assert_int_equal(wait_exit(c), 0);
}

/* The first diagnostic's range of the last publishDiagnostics. */
static void
first_range(client *c, long *sl, long *sc, long *el, long *ec)
{
    int d = lsp_json_path(&c->j, 0, "params", "diagnostics", NULL);
    int r;

    assert_true(lsp_json_is_array(&c->j, d) && c->j.toks[d].size > 0);
    r = lsp_json_get(&c->j, d + 1, "range");
    *sl = num(c, lsp_json_path(&c->j, r, "start", "line", NULL));
    *sc = num(c, lsp_json_path(&c->j, r, "start", "character", NULL));
    *el = num(c, lsp_json_path(&c->j, r, "end", "line", NULL));
    *ec = num(c, lsp_json_path(&c->j, r, "end", "character", NULL));
}

static int
diag_count(client *c)
{
    int d = lsp_json_path(&c->j, 0, "params", "diagnostics", NULL);
    assert_true(lsp_json_is_array(&c->j, d));
    return c->j.toks[d].size;
}

/* "# Notes\n\nZoë 😀 — Bob forgot to renew the cert.\n" */
#define ASTRAL_DOC "# Notes\\n\\nZo\\u00eb \\ud83d\\ude00 \\u2014 Bob forgot " \
                   "to renew the cert.\\n"

/* Asks for the code actions over [sl:sc, el:ec) of uri (request id) and
 * reads the answer. */
static void
code_actions_in(client *c, long id, const char *uri, int sl, int sc, int el,
                int ec)
{
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":%ld,\"method\":"
          "\"textDocument/codeAction\",\"params\":{\"textDocument\":{\"uri\":"
          "\"%s\"},\"range\":{\"start\":{\"line\":%d,\"character\":%d},"
          "\"end\":{\"line\":%d,\"character\":%d}},\"context\":"
          "{\"diagnostics\":[]}}}", id, uri, sl, sc, el, ec);
    recv_id(c, id);
}

/* The same at line:character. */
static void
code_actions_at(client *c, long id, const char *uri, int line, int ch)
{
    code_actions_in(c, id, uri, line, ch, line, ch);
}

/* Asks for the hover at line:character of uri (request id) and reads the
 * answer. */
static void
hover_at(client *c, long id, const char *uri, int line, int ch)
{
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":%ld,\"method\":"
          "\"textDocument/hover\",\"params\":{\"textDocument\":"
          "{\"uri\":\"%s\"},\"position\":{\"line\":%d,\"character\":%d}}}",
          id, uri, line, ch);
    recv_id(c, id);
}

/* --- Lifecycle ----------------------------------------------------------- */

static void
test_handshake_and_clean_exit(void **state)
{
    client *c = start();
    int caps;

    (void)state;
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
          "\"params\":{\"capabilities\":{}}}");
    recv_id(c, 1);
    caps = lsp_json_path(&c->j, 0, "result", "capabilities", NULL);
    assert_true(lsp_json_streq(&c->j, lsp_json_get(&c->j, caps,
                                                   "positionEncoding"),
                               "utf-16"));
    assert_int_equal(num(c, lsp_json_path(&c->j, caps, "textDocumentSync",
                                          "change", NULL)), 2);
    assert_int_equal(lsp_json_bool(&c->j, lsp_json_get(&c->j, caps,
                                                       "hoverProvider")), 1);
    assert_true(lsp_json_streq(&c->j, lsp_json_path(&c->j, 0, "result",
                                                    "serverInfo", "name",
                                                    NULL), "blamelint"));
    /* No pull support offered: diagnostics are pushed. */
    assert_int_equal(lsp_json_get(&c->j, caps, "diagnosticProvider"), -1);
    shutdown_and_exit(c);
}

static void
test_exit_without_shutdown_is_status_1(void **state)
{
    client *c = start();

    (void)state;
    initialize(c, "{}");
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    assert_int_equal(wait_exit(c), 1);
    /* The client going away without exit is the same. */
    c = start();
    initialize(c, "{}");
    assert_int_equal(wait_exit(c), 1);
}

/* "params": null stands for no params, as some clients send shutdown
 * and exit: the shutdown is taken, and exit after it is status 0. */
static void
test_null_params_are_no_params(void **state)
{
    client *c = start();

    (void)state;
    initialize(c, "{}");
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\","
          "\"params\":null}");
    recv_id(c, 7);
    assert_int_equal(lsp_json_get(&c->j, 0, "error"), -1);
    assert_true(lsp_json_is_null(&c->j, lsp_json_get(&c->j, 0, "result")));
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":null}");
    assert_int_equal(wait_exit(c), 0);
}

static void
test_requests_before_initialize_and_after_shutdown(void **state)
{
    client *c = start();

    (void)state;
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/hover\","
          "\"params\":{}}");
    recv_id(c, 7);
    assert_int_equal(num(c, lsp_json_path(&c->j, 0, "error", "code", NULL)),
                     -32002);
    initialize(c, "{}");
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"shutdown\"}");
    recv_id(c, 8);
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"textDocument/hover\","
          "\"params\":{}}");
    recv_id(c, 9);
    assert_int_equal(num(c, lsp_json_path(&c->j, 0, "error", "code", NULL)),
                     -32600);
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    assert_int_equal(wait_exit(c), 0);
}

/* --- Errors and hostile input -------------------------------------------- */

static void
test_error_codes(void **state)
{
    client *c = start();
    static const char big_id[] = "{\"jsonrpc\":\"2.0\",\"id\":\"abc\","
                                 "\"method\":\"no/such\"}";

    (void)state;
    initialize(c, "{}");
    /* Malformed JSON: -32700 with a null id. */
    sendf(c, "{\"id\":1,");
    recv_msg(c);
    assert_int_equal(num(c, lsp_json_path(&c->j, 0, "error", "code", NULL)),
                     -32700);
    assert_true(lsp_json_is_null(&c->j, lsp_json_get(&c->j, 0, "id")));
    /* Not JSON-RPC 2.0: -32600, with the id when there is one. */
    sendf(c, "{\"id\":3,\"method\":\"shutdown\"}");
    recv_id(c, 3);
    assert_int_equal(num(c, lsp_json_path(&c->j, 0, "error", "code", NULL)),
                     -32600);
    sendf(c, "[1,2,3]");
    recv_msg(c);
    assert_int_equal(num(c, lsp_json_path(&c->j, 0, "error", "code", NULL)),
                     -32600);
    /* Unknown request: -32601, string ids echoed as strings. */
    sendf(c, "%s", big_id);
    recv_msg(c);
    assert_true(lsp_json_streq(&c->j, lsp_json_get(&c->j, 0, "id"), "abc"));
    assert_int_equal(num(c, lsp_json_path(&c->j, 0, "error", "code", NULL)),
                     -32601);
    /* Unknown notifications and $/ messages: silence, then still alive. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"no/such\",\"params\":{}}");
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"$/setTrace\","
          "\"params\":{\"value\":\"off\"}}");
    /* Wrong params: an error, not a crash. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/hover\","
          "\"params\":{\"textDocument\":{\"uri\":5}}}");
    recv_id(c, 5);
    assert_int_equal(num(c, lsp_json_path(&c->j, 0, "error", "code", NULL)),
                     -32602);
    shutdown_and_exit(c);
}

static void
test_fragments_garbage_and_headers(void **state)
{
    client *c = start();
    const char *init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                       "\"params\":{\"capabilities\":{}}}";
    char head[128];
    size_t i, n = strlen(init);
    int hn;

    (void)state;
    /* Other headers are tolerated; the message arrives a byte at a time. */
    hn = snprintf(head, sizeof head, "Content-Type: application/"
                  "vscode-jsonrpc; charset=utf-8\r\nContent-Length: %zu\r\n"
                  "\r\n", n);
    for (i = 0; i < (size_t)hn; i++)
        send_raw(c, head + i, 1);
    for (i = 0; i < n; i++)
        send_raw(c, init + i, 1);
    recv_id(c, 1);
    /* A header block without a length is skipped, then service goes on. */
    send_raw(c, "X-Nothing: 1\r\n\r\n", 16);
    send_raw(c, "Content-Length: abc\r\n\r\n", 23);
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no/such\"}");
    recv_id(c, 2);
    /* A bad header right behind a good message, in one write: both are
     * handled in order (the good one answered, the bad one skipped). */
    {
        char pair[512] = "";
        frame(pair, sizeof pair, "{\"jsonrpc\":\"2.0\",\"id\":5,"
              "\"method\":\"no/c\"}");
        strcat(pair, "Content-Length: x\r\n\r\n");
        send_raw(c, pair, strlen(pair));
        recv_id(c, 5);
    }
    /* Two messages in one write. */
    {
        char two[512] = "";
        frame(two, sizeof two, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":"
              "\"no/a\"}");
        frame(two, sizeof two, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":"
              "\"no/b\"}");
        send_raw(c, two, strlen(two));
        recv_id(c, 3);
        recv_id(c, 4);
    }
    shutdown_and_exit(c);
}

static void
test_oversized_message_is_refused_and_service_goes_on(void **state)
{
    client *c = start();
    size_t big = (64u << 20) + 16, sent = 0;
    char head[64], *chunk = malloc(1 << 20);
    int hn;

    (void)state;
    assert_non_null(chunk);
    memset(chunk, ' ', 1 << 20);
    initialize(c, "{}");
    hn = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", big);
    send_raw(c, head, (size_t)hn);
    while (sent < big) {
        size_t n = big - sent < (1u << 20) ? big - sent : (1u << 20);
        send_raw(c, chunk, n);
        sent += n;
    }
    free(chunk);
    recv_msg(c);
    assert_int_equal(num(c, lsp_json_path(&c->j, 0, "error", "code", NULL)),
                     -32600);
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no/such\"}");
    recv_id(c, 2);
    shutdown_and_exit(c);
}

static void
test_cancelled_request_gets_32800(void **state)
{
    client *c = start();
    char both[512] = "";

    frame(both, sizeof both, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":"
          "\"no/a\"}");
    frame(both, sizeof both, "{\"jsonrpc\":\"2.0\",\"method\":"
          "\"$/cancelRequest\",\"params\":{\"id\":5}}");
    (void)state;
    initialize(c, "{}");
    send_raw(c, both, strlen(both));
    recv_id(c, 5);
    assert_int_equal(num(c, lsp_json_path(&c->j, 0, "error", "code", NULL)),
                     -32800);
    shutdown_and_exit(c);
}

/* Finds in the result array the action titled `title`; returns its token
 * or -1. */
static int
action_titled(client *c, const char *title)
{
    int r = lsp_json_get(&c->j, 0, "result"), i, k;

    for (i = r + 1, k = 0; k < c->j.toks[r].size; k++) {
        if (lsp_json_streq(&c->j, lsp_json_get(&c->j, i, "title"), title))
            return i;
        i = lsp_json_skip(&c->j, i);
    }
    return -1;
}

/* --- Documents and positions --------------------------------------------- */

static void
test_open_publishes_utf16_positions(void **state)
{
    client *c = start();
    long sl, sc, el, ec;

    (void)state;
    initialize(c, "{}");
    open_doc(c, "file:///pm.md", 0, ASTRAL_DOC);
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(num(c, lsp_json_path(&c->j, 0, "params", "version",
                                          NULL)), 0);
    assert_true(has(c, "\"code\":\"blame/person-failure\""));
    assert_true(has(c, "\"source\":\"blamelint\""));
    assert_true(has(c, "\"severity\":2"));
    /* A build-tree binary has no installed manual to link to. */
    assert_false(has(c, "codeDescription"));
    first_range(c, &sl, &sc, &el, &ec);
    /* Z o ë _ 😀(2 units) _ — _ : "Bob" starts at UTF-16 column 9. */
    assert_int_equal(sl, 2);
    assert_int_equal(sc, 9);
    assert_int_equal(el, 2);
    assert_int_equal(ec, 19);
    shutdown_and_exit(c);
}

static void
test_open_publishes_utf8_positions_when_offered(void **state)
{
    client *c = start();
    long sl, sc, el, ec;

    (void)state;
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
          "\"params\":{\"capabilities\":{\"general\":{\"positionEncodings\":"
          "[\"utf-8\",\"utf-16\"]}}}}");
    recv_id(c, 1);
    assert_true(has(c, "\"positionEncoding\":\"utf-8\""));
    open_doc(c, "file:///pm.md", 1, ASTRAL_DOC);
    recv_method(c, "textDocument/publishDiagnostics");
    first_range(c, &sl, &sc, &el, &ec);
    /* 1+1+2+1+4+1+3+1 bytes before "Bob". */
    assert_int_equal(sc, 14);
    assert_int_equal(ec, 24);
    shutdown_and_exit(c);
}

static void
test_incremental_and_full_changes(void **state)
{
    client *c = start();
    long sl, sc, el, ec;

    (void)state;
    initialize(c, "{}");
    open_doc(c, "file:///pm.md", 0, "# Notes\\n\\nThe deploy went fine.\\n");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 0);
    /* Insert a blameful sentence after the emoji-free line, version 0 -> 5
     * (Neovim jumps). */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
          "\"params\":{\"textDocument\":{\"uri\":\"file:///pm.md\","
          "\"version\":5},\"contentChanges\":[{\"range\":{\"start\":"
          "{\"line\":2,\"character\":21},\"end\":{\"line\":2,\"character\":"
          "21}},\"text\":\" \\ud83d\\ude00 Bob forgot the flag.\"}]}}");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(num(c, lsp_json_path(&c->j, 0, "params", "version",
                                          NULL)), 5);
    assert_int_equal(diag_count(c), 1);
    first_range(c, &sl, &sc, &el, &ec);
    assert_int_equal(sc, 25);   /* 21 + space + 2 units + space */
    /* Two changes in one message, the second relative to the first: delete
     * "Bob forgot the flag." then retype "Bob forgot". */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
          "\"params\":{\"textDocument\":{\"uri\":\"file:///pm.md\","
          "\"version\":6},\"contentChanges\":["
          "{\"range\":{\"start\":{\"line\":2,\"character\":25},\"end\":"
          "{\"line\":2,\"character\":45}},\"text\":\"\"},"
          "{\"range\":{\"start\":{\"line\":2,\"character\":25},\"end\":"
          "{\"line\":2,\"character\":25}},\"text\":\"Ann forgot it.\"}]}}");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 1);
    assert_true(has(c, "Ann forgot"));
    /* A range past the end is clamped, not fatal. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
          "\"params\":{\"textDocument\":{\"uri\":\"file:///pm.md\","
          "\"version\":7},\"contentChanges\":[{\"range\":{\"start\":"
          "{\"line\":90,\"character\":0},\"end\":{\"line\":99,\"character\":"
          "5}},\"text\":\"\\nThe intern forgot to renew it.\\n\"}]}}");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 2);
    /* A full-text change replaces everything. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
          "\"params\":{\"textDocument\":{\"uri\":\"file:///pm.md\","
          "\"version\":8},\"contentChanges\":[{\"text\":\"# Clean\\n\"}]}}");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 0);
    /* Close publishes an empty list. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\","
          "\"params\":{\"textDocument\":{\"uri\":\"file:///pm.md\"}}}");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 0);
    shutdown_and_exit(c);
}

static void
test_invalid_utf8_document_is_tolerated(void **state)
{
    client *c = start();

    (void)state;
    initialize(c, "{}");
    /* Raw invalid bytes inside a JSON string: not valid JSON text, but
     * the server must survive it. */
    open_doc(c, "file:///bad.md", 1, "# T\\n\\n\xff\xfe Bob forgot it.\\n");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 1);
    shutdown_and_exit(c);
}

/* --- Code actions and hover ---------------------------------------------- */

static void
test_code_actions_carry_the_fix(void **state)
{
    client *c = start();
    int r, edits;

    (void)state;
    initialize(c, "{}");
    open_doc(c, "file:///pm.md", 1, "# Notes\\n\\nThe engineer just restarted "
             "the primary. Obviously, he should have known.\\n");
    recv_method(c, "textDocument/publishDiagnostics");
    code_actions_in(c, 2, "file:///pm.md", 2, 0, 2, 90);
    r = lsp_json_get(&c->j, 0, "result");
    assert_true(lsp_json_is_array(&c->j, r));
    assert_true(c->j.toks[r].size >= 1);
    assert_true(lsp_json_streq(&c->j, lsp_json_get(&c->j, r + 1, "kind"),
                               "quickfix"));
    edits = lsp_json_path(&c->j, r + 1, "edit", "changes", "file:///pm.md",
                          NULL);
    assert_true(lsp_json_is_array(&c->j, edits));
    /* "just " is removed: the edit covers it exactly. */
    assert_int_equal(num(c, lsp_json_path(&c->j, edits + 1, "range", "start",
                                          "character", NULL)), 13);
    assert_true(lsp_json_streq(&c->j, lsp_json_get(&c->j, edits + 1,
                                                   "newText"), ""));
    assert_true(has(c, "Remove \\\"just"));
    /* Outside any finding: no actions. */
    code_actions_in(c, 3, "file:///pm.md", 0, 0, 0, 1);
    assert_int_equal(c->j.toks[lsp_json_get(&c->j, 0, "result")].size, 0);
    shutdown_and_exit(c);
}

static void
test_missing_section_action_inserts_a_skeleton(void **state)
{
    client *c = start();
    int r, edit;

    (void)state;
    initialize(c, "{}");
    open_doc(c, "file:///pm.md", 1, "# Incident: DNS\\n\\n## Summary\\n\\n"
             "Down for an hour.\\n\\n## Timeline\\n\\n- 14:02 UTC alert\\n\\n"
             "## Root cause\\n\\nTTL.\\n\\n## Action items\\n\\n"
             "- Shorten TTL (owner: @a)\\n");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, "section/missing"));
    code_actions_at(c, 2, "file:///pm.md", 0, 3);
    r = lsp_json_get(&c->j, 0, "result");
    /* The fix first, then turning the finding off for the line or file. */
    assert_int_equal(c->j.toks[r].size, 3);
    assert_true(lsp_json_streq(&c->j, lsp_json_get(&c->j, r + 1, "title"),
                               "Insert the Lessons Learned section"));
    assert_true(action_titled(c, "Disable section/missing for this line")
                >= 0);
    assert_true(action_titled(c, "Disable section/missing for this file")
                >= 0);
    edit = lsp_json_path(&c->j, r + 1, "edit", "changes", "file:///pm.md",
                         NULL) + 1;
    /* At the end of the document (line 17, after the last newline). */
    assert_int_equal(num(c, lsp_json_path(&c->j, edit, "range", "start",
                                          "line", NULL)), 17);
    shutdown_and_exit(c);
}

static void
test_hover(void **state)
{
    client *c = start();

    (void)state;
    initialize(c, "{}");
    open_doc(c, "file:///pm.md", 1, ASTRAL_DOC);
    recv_method(c, "textDocument/publishDiagnostics");
    hover_at(c, 2, "file:///pm.md", 2, 10);
    assert_true(lsp_json_streq(&c->j, lsp_json_path(&c->j, 0, "result",
                                                    "contents", "kind", NULL),
                               "markdown"));
    assert_true(has(c, "**blame/person-failure**"));
    assert_true(has(c, "Instead"));
    hover_at(c, 3, "file:///pm.md", 0, 2);
    assert_true(lsp_json_is_null(&c->j, lsp_json_get(&c->j, 0, "result")));
    shutdown_and_exit(c);
}

/* --- Settings and pull diagnostics --------------------------------------- */

static void
test_settings_from_init_and_configuration_changes(void **state)
{
    client *c = start();

    (void)state;
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
          "\"params\":{\"capabilities\":{},\"initializationOptions\":"
          "{\"rules\":{\"blame/person-failure\":\"error\"}}}}");
    recv_id(c, 1);
    open_doc(c, "file:///pm.md", 1, ASTRAL_DOC);
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, "\"severity\":1"));
    /* Turn the family off: the open document is re-published, empty. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":"
          "\"workspace/didChangeConfiguration\",\"params\":{\"settings\":"
          "{\"blamelint\":{\"rules\":{\"blame/*\":\"off\"}}}}}");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 0);
    /* A bad value: the user is told, the last good settings stay. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":"
          "\"workspace/didChangeConfiguration\",\"params\":{\"settings\":"
          "{\"rules\":{\"blame/*\":\"loud\"}}}}");
    recv_method(c, "window/showMessage");
    assert_true(has(c, "loud"));
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
          "\"params\":{\"textDocument\":{\"uri\":\"file:///pm.md\","
          "\"version\":2},\"contentChanges\":[{\"text\":\"# N\\n\\nBob "
          "forgot.\\n\"}]}}");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 0);
    shutdown_and_exit(c);
}

static void
test_pull_diagnostics(void **state)
{
    client *c = start();
    char rid[32];
    size_t n;
    const char *raw;

    (void)state;
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
          "\"params\":{\"capabilities\":{\"textDocument\":{\"diagnostic\":"
          "{\"dynamicRegistration\":false}}}}}");
    recv_id(c, 1);
    assert_true(has(c, "\"diagnosticProvider\""));
    open_doc(c, "file:///pm.md", 1, ASTRAL_DOC);
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
          "\"textDocument/diagnostic\",\"params\":{\"textDocument\":{\"uri\":"
          "\"file:///pm.md\"}}}");
    /* No publishDiagnostics in between: the next message is the answer. */
    recv_msg(c);
    assert_int_equal(num(c, lsp_json_get(&c->j, 0, "id")), 2);
    assert_true(lsp_json_streq(&c->j, lsp_json_path(&c->j, 0, "result", "kind",
                                                    NULL), "full"));
    assert_true(has(c, "blame/person-failure"));
    raw = lsp_json_raw(&c->j, lsp_json_path(&c->j, 0, "result", "resultId",
                                            NULL), &n);
    snprintf(rid, sizeof rid, "%.*s", (int)n, raw);
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":"
          "\"textDocument/diagnostic\",\"params\":{\"textDocument\":{\"uri\":"
          "\"file:///pm.md\"},\"previousResultId\":\"%s\"}}", rid);
    recv_id(c, 3);
    assert_true(lsp_json_streq(&c->j, lsp_json_path(&c->j, 0, "result", "kind",
                                                    NULL), "unchanged"));
    shutdown_and_exit(c);
}

/* --- Suppressions ------------------------------------------------------- */

/* "Disable RULE for this line" appends a disable-line comment to the
 * finding's line; "...for this file" inserts a disable-file comment after
 * the front matter.  Applying one, the finding goes, and an unused
 * suppression is reported. */
static void
test_disable_actions_insert_suppressions(void **state)
{
    client *c = start();
    int a, edit;

    (void)state;
    initialize(c, "{}");
    open_doc(c, "file:///pm.md", 1, "---\ntitle: x\n---\n# Notes\n\n"
             "Zo\u00eb was careless.\n");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, "blame/judgement"));
    code_actions_at(c, 2, "file:///pm.md", 5, 9);
    a = action_titled(c, "Disable blame/judgement for this line");
    assert_true(a >= 0);
    edit = lsp_json_path(&c->j, a, "edit", "changes", "file:///pm.md", NULL);
    /* At the end of line 5: "Zoë was careless." is 17 UTF-16 units. */
    assert_int_equal(num(c, lsp_json_path(&c->j, edit + 1, "range", "start",
                                          "line", NULL)), 5);
    assert_int_equal(num(c, lsp_json_path(&c->j, edit + 1, "range", "start",
                                          "character", NULL)), 17);
    assert_true(lsp_json_streq(&c->j, lsp_json_get(&c->j, edit + 1, "newText"),
                               " <!-- blamelint-disable-line blame/judgement "
                               "-->"));
    a = action_titled(c, "Disable blame/judgement for this file");
    assert_true(a >= 0);
    edit = lsp_json_path(&c->j, a, "edit", "changes", "file:///pm.md", NULL);
    /* After the front matter (lines 0-2). */
    assert_int_equal(num(c, lsp_json_path(&c->j, edit + 1, "range", "start",
                                          "line", NULL)), 3);
    assert_int_equal(num(c, lsp_json_path(&c->j, edit + 1, "range", "start",
                                          "character", NULL)), 0);
    /* The edit applied: no finding. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
          "\"params\":{\"textDocument\":{\"uri\":\"file:///pm.md\","
          "\"version\":2},\"contentChanges\":[{\"range\":{\"start\":"
          "{\"line\":5,\"character\":17},\"end\":{\"line\":5,"
          "\"character\":17}},\"text\":\" <!-- blamelint-disable-line "
          "blame/judgement -->\"}]}}");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 0);
    /* In a table row, the comment goes inside the last cell: after the
     * closing "|" GFM would drop it as an extra cell. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\","
          "\"params\":{\"textDocument\":{\"uri\":\"file:///t.md\","
          "\"languageId\":\"markdown\",\"version\":1,\"text\":\"# Notes\\n"
          "\\n| Who | What |\\n|---|---|\\n| DBA | was careless |\\n\"}}}");
    recv_method(c, "textDocument/publishDiagnostics");
    code_actions_at(c, 7, "file:///t.md", 4, 12);
    a = action_titled(c, "Disable blame/judgement for this line");
    assert_true(a >= 0);
    edit = lsp_json_path(&c->j, a, "edit", "changes", "file:///t.md", NULL);
    /* "| DBA | was careless |": before the last "|", at character 21. */
    assert_int_equal(num(c, lsp_json_path(&c->j, edit + 1, "range", "start",
                                          "character", NULL)), 21);
    /* The sentence rewritten, the comment left: it is now unused. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
          "\"params\":{\"textDocument\":{\"uri\":\"file:///pm.md\","
          "\"version\":3},\"contentChanges\":[{\"range\":{\"start\":"
          "{\"line\":5,\"character\":0},\"end\":{\"line\":5,"
          "\"character\":17}},\"text\":\"The wrong version was picked.\"}]}}");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 1);
    assert_true(has(c, "\"code\":\"suppression/unused\""));
    shutdown_and_exit(c);
}

/* --- .blamelint.toml ----------------------------------------------------- */

/* A document under a .blamelint.toml is linted with it; an edit to the
 * file is read again; a broken version is shown to the user, and the last
 * good one stays in effect until it is fixed. */
static void
test_config_file_applies_to_documents_below_it(void **state)
{
    char root[] = "/tmp/blamelint-lspcfg-XXXXXX", path[256], uri[300];
    client *c;
    FILE *f;
    struct timespec later[2];

    (void)state;
    assert_non_null(mkdtemp(root));
    snprintf(path, sizeof path, "%s/.git", root);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/.blamelint.toml", root);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("[rules]\n\"blame/judgement\" = \"off\"\n", f);
    fclose(f);
    snprintf(uri, sizeof uri, "file://%s/pm.md", root);
    c = start();
    initialize(c, "{}");
    open_doc(c, uri, 1, "# Notes\\n\\nThe DBA was careless. Bob forgot it.\\n");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_false(has(c, "blame/judgement"));
    assert_true(has(c, "blame/person-failure"));
    /* A broken config: said, and the last good version applies. */
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("[rules]\n\"blame/judgment\" = \"off\"\n", f);
    fclose(f);
    later[0].tv_sec = later[1].tv_sec = time(NULL) + 5;
    later[0].tv_nsec = later[1].tv_nsec = 0;
    assert_int_equal(utimensat(AT_FDCWD, path, later, 0), 0);
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
          "\"params\":{\"textDocument\":{\"uri\":\"%s\",\"version\":2},"
          "\"contentChanges\":[{\"text\":\"# Notes\\n\\nThe DBA was "
          "careless.\\n\"}]}}", uri);
    recv_method(c, "window/showMessage");
    assert_true(has(c, ".blamelint.toml:2"));
    assert_true(has(c, "last good version stays in effect"));
    recv_method(c, "textDocument/publishDiagnostics");
    assert_false(has(c, "blame/judgement"));
    /* Fixed: the new version applies. */
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("[rules]\n\"blame/person-failure\" = \"off\"\n", f);
    fclose(f);
    later[0].tv_sec = later[1].tv_sec = time(NULL) + 10;
    assert_int_equal(utimensat(AT_FDCWD, path, later, 0), 0);
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
          "\"params\":{\"textDocument\":{\"uri\":\"%s\",\"version\":3},"
          "\"contentChanges\":[{\"text\":\"# Notes\\n\\nThe DBA was "
          "careless. Bob forgot it.\\n\"}]}}", uri);
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, "blame/judgement"));
    assert_false(has(c, "blame/person-failure"));
    shutdown_and_exit(c);
    unlink(path);
    snprintf(path, sizeof path, "%s/.git", root);
    rmdir(path);
    rmdir(root);
}

/* The editor's settings apply on top of a .blamelint.toml: the rule set
 * built for the documents under it takes them too. */
static void
test_editor_settings_over_a_config_file(void **state)
{
    char root[] = "/tmp/blamelint-lspset-XXXXXX", path[256], uri[300];
    client *c;
    FILE *f;
    int i;

    (void)state;
    assert_non_null(mkdtemp(root));
    snprintf(path, sizeof path, "%s/.git", root);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/.blamelint.toml", root);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("[rules]\n\"blame/person-failure\" = \"off\"\n", f);
    fclose(f);
    c = start();
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
          "\"params\":{\"capabilities\":{},\"initializationOptions\":"
          "{\"rules\":{\"blame/minimizer\":\"off\"},\"settings\":"
          "{\"whys.min\":3}}}}");
    recv_id(c, 1);
    for (i = 0; i < 3; i++) {
        snprintf(uri, sizeof uri, "file://%s/pm%d.md", root, i);
        open_doc(c, uri, 1, "# Notes\\n\\nThe DBA just restarted it. Bob "
                 "forgot it. The DBA was careless.\\n");
        recv_method(c, "textDocument/publishDiagnostics");
        assert_int_equal(diag_count(c), 1);
        assert_true(has(c, "blame/judgement"));
    }
    shutdown_and_exit(c);
    unlink(path);
    snprintf(path, sizeof path, "%s/.git", root);
    rmdir(path);
    rmdir(root);
}

/* --- Spelling and the word list ----------------------------------------- */

/* A scratch repository whose .blamelint.toml turns spelling on; root
 * gets its real path (the server reports real paths). */
static void
spelling_repo(char *root, size_t cap)
{
    char tmpl[] = "/tmp/blamelint-lspspell-XXXXXX", path[512];
    char real[4096];    /* PATH_MAX, as realpath wants */
    FILE *f;

    assert_non_null(mkdtemp(tmpl));
    assert_non_null(realpath(tmpl, real));
    assert_true(strlen(real) + 64 < cap);
    snprintf(root, cap, "%s", real);
    snprintf(path, sizeof path, "%s/.git", root);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/.blamelint.toml", root);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("[rules]\n\"spelling/unknown-word\" = \"on\"\n", f);
    fclose(f);
}

static void
spelling_repo_free(const char *root)
{
    char path[512];

    snprintf(path, sizeof path, "%s/.blamelint-words.txt", root);
    unlink(path);
    snprintf(path, sizeof path, "%s/.blamelint.toml", root);
    unlink(path);
    snprintf(path, sizeof path, "%s/.git", root);
    rmdir(path);
    rmdir(root);
}

/* Is the string at token t of the last message want? */
static int
str_is(client *c, int t, const char *want)
{
    return lsp_json_streq(&c->j, t, want);
}

/* "Add 'word' to the word list": a WorkspaceEdit that creates the word
 * list (it is not there yet) and appends the word, with a command that
 * tells the server; run, the finding goes at once.  Once the file is
 * there, the edit appends after its last line. */
static void
test_spelling_adds_a_word_to_the_word_list(void **state)
{
    char root[256], uri[400], list_uri[400], path[512];
    client *c;
    int a, dc, ed, args;
    FILE *f;

    (void)state;
    spelling_repo(root, sizeof root);
    snprintf(uri, sizeof uri, "file://%s/pm.md", root);
    snprintf(list_uri, sizeof list_uri, "file://%s/.blamelint-words.txt",
             root);
    c = start();
    initialize(c, "{\"workspace\":{\"workspaceEdit\":{\"documentChanges\":"
               "true,\"resourceOperations\":[\"create\",\"rename\","
               "\"delete\"]}}}");
    assert_true(has(c, "\"executeCommandProvider\":{\"commands\":"
                       "[\"blamelint.addWord\"]}"));
    open_doc(c, uri, 1, "# Notes\\n\\nThe alert was never recieved. "
             "Zorblax saw it.\\n");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 2);
    assert_true(has(c, "\"message\":\"Unknown word 'recieved'; did you "
                       "mean 'received'?\""));
    assert_true(has(c, "\"severity\":3,\"code\":\"spelling/unknown-word\""));
    /* The guess is a quick fix. */
    code_actions_at(c, 2, uri, 2, 22);
    a = action_titled(c, "Replace \"recieved\" with \"received\"");
    assert_true(a >= 0);
    assert_true(action_titled(c, "Add 'recieved' to the word list") >= 0);
    /* "Zorblax" (a sentence's first word) is at line 2, characters
     * 30-37. */
    code_actions_at(c, 3, uri, 2, 33);
    a = action_titled(c, "Add 'Zorblax' to the word list");
    assert_true(a >= 0);
    dc = lsp_json_path(&c->j, a, "edit", "documentChanges", NULL);
    assert_true(lsp_json_is_array(&c->j, dc));
    assert_int_equal(c->j.toks[dc].size, 2);
    assert_true(str_is(c, lsp_json_get(&c->j, dc + 1, "kind"), "create"));
    assert_true(str_is(c, lsp_json_get(&c->j, dc + 1, "uri"), list_uri));
    assert_int_equal(lsp_json_bool(&c->j, lsp_json_path(&c->j, dc + 1,
                                   "options", "ignoreIfExists", NULL)), 1);
    ed = lsp_json_skip(&c->j, dc + 1);
    assert_true(str_is(c, lsp_json_path(&c->j, ed, "textDocument", "uri",
                                        NULL), list_uri));
    assert_true(lsp_json_is_null(&c->j, lsp_json_path(&c->j, ed,
                                 "textDocument", "version", NULL)));
    ed = lsp_json_get(&c->j, ed, "edits") + 1;
    assert_int_equal(num(c, lsp_json_path(&c->j, ed, "range", "start", "line",
                                          NULL)), 0);
    assert_int_equal(num(c, lsp_json_path(&c->j, ed, "range", "end",
                                          "character", NULL)), 0);
    assert_true(str_is(c, lsp_json_get(&c->j, ed, "newText"), "Zorblax\n"));
    assert_true(str_is(c, lsp_json_path(&c->j, a, "command", "command",
                                        NULL), "blamelint.addWord"));
    args = lsp_json_path(&c->j, a, "command", "arguments", NULL);
    assert_int_equal(c->j.toks[args].size, 2);
    assert_true(str_is(c, args + 1, list_uri));
    assert_true(str_is(c, lsp_json_skip(&c->j, args + 1), "Zorblax"));
    /* The editor applies the edit (in its buffer) and runs the command:
     * the finding goes before the file is even saved. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":"
          "\"workspace/executeCommand\",\"params\":{\"command\":"
          "\"blamelint.addWord\",\"arguments\":[\"%s\",\"Zorblax\"]}}",
          list_uri);
    recv_id(c, 4);
    assert_true(lsp_json_is_null(&c->j, lsp_json_get(&c->j, 0, "result")));
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 1);
    assert_true(has(c, "recieved"));
    /* The file saved, with a word added by hand too; told by the editor
     * that it changed, the server re-publishes. */
    snprintf(path, sizeof path, "%s/.blamelint-words.txt", root);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("Zorblax\nrecieved", f);     /* no newline at the end */
    fclose(f);
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":"
          "\"workspace/didChangeWatchedFiles\",\"params\":{\"changes\":"
          "[{\"uri\":\"%s\",\"type\":2}]}}", list_uri);
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 0);
    /* A word list that is there: no CreateFile, and the word goes on a
     * line of its own after the last one. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
          "\"params\":{\"textDocument\":{\"uri\":\"%s\",\"version\":2},"
          "\"contentChanges\":[{\"text\":\"# Notes\\n\\nQuuxle.\\n\"}]}}",
          uri);
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 1);
    code_actions_at(c, 5, uri, 2, 1);
    a = action_titled(c, "Add 'Quuxle' to the word list");
    assert_true(a >= 0);
    dc = lsp_json_path(&c->j, a, "edit", "documentChanges", NULL);
    assert_int_equal(c->j.toks[dc].size, 1);
    ed = lsp_json_get(&c->j, dc + 1, "edits") + 1;
    assert_int_equal(num(c, lsp_json_path(&c->j, ed, "range", "start", "line",
                                          NULL)), 1);
    assert_int_equal(num(c, lsp_json_path(&c->j, ed, "range", "start",
                                          "character", NULL)), 8);
    assert_true(str_is(c, lsp_json_get(&c->j, ed, "newText"), "\nQuuxle\n"));
    /* A command for no such word list, or a bad word: invalid params. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":"
          "\"workspace/executeCommand\",\"params\":{\"command\":"
          "\"blamelint.addWord\",\"arguments\":[\"%s\",\"two words\"]}}",
          list_uri);
    recv_id(c, 6);
    assert_int_equal(num(c, lsp_json_path(&c->j, 0, "error", "code", NULL)),
                     -32602);
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":"
          "\"workspace/executeCommand\",\"params\":{\"command\":"
          "\"blamelint.nope\"}}");
    recv_id(c, 7);
    assert_int_equal(num(c, lsp_json_path(&c->j, 0, "error", "code", NULL)),
                     -32602);
    shutdown_and_exit(c);
    spelling_repo_free(root);
}

/* A client that takes no documentChanges gets "changes"; a word list with
 * CRLF lines gets one more; columns count UTF-16 units.  No action for a
 * "word" with markup in it. */
static void
test_spelling_edit_for_a_plain_client(void **state)
{
    char root[256], uri[400], list_uri[400], path[512];
    client *c;
    int a, ed;
    FILE *f;

    (void)state;
    spelling_repo(root, sizeof root);
    snprintf(uri, sizeof uri, "file://%s/pm.md", root);
    snprintf(list_uri, sizeof list_uri, "file://%s/.blamelint-words.txt",
             root);
    snprintf(path, sizeof path, "%s/.blamelint-words.txt", root);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("Zo\xc3\xab\r\n\xf0\x9f\x98\x80x", f);    /* "Zoë", "😀x" */
    fclose(f);
    c = start();
    initialize(c, "{}");
    open_doc(c, uri, 1, "# Notes\\n\\nQuuxle and re**cieved**.\\n");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 2);
    /* A word that runs across markup is no word to put in a list. */
    code_actions_at(c, 3, uri, 2, 12);
    assert_true(action_titled(c, "Disable spelling/unknown-word for this "
                                 "line") >= 0);
    assert_int_equal(c->j.toks[lsp_json_get(&c->j, 0, "result")].size, 1);
    code_actions_at(c, 2, uri, 2, 1);
    a = action_titled(c, "Add 'Quuxle' to the word list");
    assert_true(a >= 0);
    assert_true(lsp_json_get(&c->j, lsp_json_get(&c->j, a, "edit"),
                             "documentChanges") < 0);
    ed = lsp_json_path(&c->j, a, "edit", "changes", list_uri, NULL) + 1;
    assert_int_equal(num(c, lsp_json_path(&c->j, ed, "range", "start", "line",
                                          NULL)), 1);
    assert_int_equal(num(c, lsp_json_path(&c->j, ed, "range", "start",
                                          "character", NULL)), 3);
    assert_true(str_is(c, lsp_json_get(&c->j, ed, "newText"),
                       "\r\nQuuxle\r\n"));
    shutdown_and_exit(c);
    spelling_repo_free(root);
}

/* A dictionary that is not installed: said once, the other findings
 * still published, and the server goes on. */
static void
test_spelling_without_its_dictionary(void **state)
{
    char root[256], uri[400], dir[] = "/tmp/blamelint-nodict-XXXXXX";
    client *c;

    (void)state;
    spelling_repo(root, sizeof root);
    assert_non_null(mkdtemp(dir));
    snprintf(uri, sizeof uri, "file://%s/pm.md", root);
    c = start_with("DICPATH", dir);
    initialize(c, "{}");
    open_doc(c, uri, 1, "# Notes\\n\\nThe DBA was careless. It was "
             "recieved.\\n");
    recv_method(c, "window/showMessage");
    assert_true(has(c, "no Hunspell dictionary \\\"en_US\\\""));
    assert_true(has(c, dir));
    recv_method(c, "textDocument/publishDiagnostics");
    assert_int_equal(diag_count(c), 1);
    assert_true(has(c, "blame/judgement"));
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
          "\"params\":{\"textDocument\":{\"uri\":\"%s\",\"version\":2},"
          "\"contentChanges\":[{\"text\":\"# Notes\\n\\nRecieved.\\n\"}]}}",
          uri);
    /* Not said again: the next message is the diagnostics. */
    recv_msg(c);
    assert_true(str_is(c, lsp_json_get(&c->j, 0, "method"),
                       "textDocument/publishDiagnostics"));
    assert_int_equal(diag_count(c), 0);
    shutdown_and_exit(c);
    rmdir(dir);
    spelling_repo_free(root);
}

/* A client that pulls diagnostics is asked to pull again when a word is
 * added. */
static void
test_spelling_refreshes_pulled_diagnostics(void **state)
{
    char root[256], uri[400], list_uri[400];
    client *c;

    (void)state;
    spelling_repo(root, sizeof root);
    snprintf(uri, sizeof uri, "file://%s/pm.md", root);
    snprintf(list_uri, sizeof list_uri, "file://%s/.blamelint-words.txt",
             root);
    c = start();
    initialize(c, "{\"textDocument\":{\"diagnostic\":{}},\"workspace\":"
               "{\"diagnostics\":{\"refreshSupport\":true}}}");
    open_doc(c, uri, 1, "# Notes\\n\\nQuuxle.\\n");
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
          "\"workspace/executeCommand\",\"params\":{\"command\":"
          "\"blamelint.addWord\",\"arguments\":[\"%s\",\"Quuxle\"]}}",
          list_uri);
    recv_id(c, 2);
    recv_method(c, "workspace/diagnostic/refresh");
    assert_true(lsp_json_is_string(&c->j, lsp_json_get(&c->j, 0, "id")));
    /* The client's answer is taken and ignored. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":\"blamelint-1\",\"result\":null}");
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":"
          "\"textDocument/diagnostic\",\"params\":{\"textDocument\":"
          "{\"uri\":\"%s\"}}}", uri);
    recv_id(c, 3);
    assert_false(has(c, "spelling/unknown-word"));
    shutdown_and_exit(c);
    spelling_repo_free(root);
}

/* Rewrites the config at path with text, dated `ahead` seconds on so the
 * server sees a new version whatever the clock's resolution. */
static void
rewrite_config(const char *path, const char *text, int ahead)
{
    struct timespec later[2];
    FILE *f = fopen(path, "w");

    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    later[0].tv_sec = later[1].tv_sec = time(NULL) + ahead;
    later[0].tv_nsec = later[1].tv_nsec = 0;
    assert_int_equal(utimensat(AT_FDCWD, path, later, 0), 0);
}

/* Each version of a config makes a rule set; a document linted with an old
 * one keeps its findings, and hover over them, until it is linted again,
 * after which the old set is freed (AddressSanitizer sees any use after). */
static void
test_config_versions_and_documents_linted_with_them(void **state)
{
    char root[] = "/tmp/blamelint-lspver-XXXXXX", path[256], a[300], b[300];
    static const char *const text =
        "# Notes\\n\\nThe DBA was careless. Bob forgot it.\\n";
    client *c;
    int v;

    (void)state;
    assert_non_null(mkdtemp(root));
    snprintf(path, sizeof path, "%s/.git", root);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/.blamelint.toml", root);
    rewrite_config(path, "[rules]\n\"blame/judgement\" = \"off\"\n", 0);
    snprintf(a, sizeof a, "file://%s/a.md", root);
    snprintf(b, sizeof b, "file://%s/b.md", root);
    c = start();
    initialize(c, "{}");
    open_doc(c, a, 1, text);
    recv_method(c, "textDocument/publishDiagnostics");
    open_doc(c, b, 1, text);
    recv_method(c, "textDocument/publishDiagnostics");
    assert_false(has(c, "blame/judgement"));
    for (v = 2; v <= 4; v++) {
        /* A new version; only a.md is linted with it. */
        rewrite_config(path, v % 2 ? "[rules]\n\"blame/judgement\" = \"off\"\n"
                                   : "[rules]\n\"blame/person-failure\" = "
                                     "\"off\"\n", 5 * v);
        sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
              "\"params\":{\"textDocument\":{\"uri\":\"%s\",\"version\":%d},"
              "\"contentChanges\":[{\"text\":\"%s\"}]}}", a, v, text);
        recv_method(c, "textDocument/publishDiagnostics");
        assert_true(has(c, v % 2 ? "blame/person-failure" : "blame/judgement"));
        /* b.md's findings are from the first version, still served. */
        hover_at(c, 100 + v, b, 2, 30);
        assert_true(has(c, "person-failure"));
    }
    /* b.md linted again: with the latest version (person-failure off);
     * the old sets go. */
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
          "\"params\":{\"textDocument\":{\"uri\":\"%s\",\"version\":2},"
          "\"contentChanges\":[{\"text\":\"%s\"}]}}", b, text);
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, "blame/judgement"));
    assert_false(has(c, "blame/person-failure"));
    shutdown_and_exit(c);
    unlink(path);
    snprintf(path, sizeof path, "%s/.git", root);
    rmdir(path);
    rmdir(root);
}

/* --- Profiles ------------------------------------------------------------ */

static void
change_doc(client *c, const char *uri, int version, const char *json_text)
{
    sendf(c, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
          "\"params\":{\"textDocument\":{\"uri\":\"%s\",\"version\":%d},"
          "\"contentChanges\":[{\"text\":\"%s\"}]}}", uri, version,
          json_text);
}

/* Front matter naming no profile: said once, and the document checked as
 * a postmortem meanwhile; naming one, checked as that. */
static void
test_front_matter_profile_unknown_is_said_once(void **state)
{
    client *c = start();

    (void)state;
    initialize(c, "{}");
    open_doc(c, "file:///notes.md", 1, "---\nblamelint: runbok\n---\n"
             "# Notes\n\nThe DBA was careless.\n");
    recv_msg(c);
    assert_true(lsp_json_streq(&c->j, lsp_json_get(&c->j, 0, "method"),
                               "window/showMessage"));
    assert_true(has(c, "no profile \\\"runbok\\\""));
    assert_true(has(c, "checked as a postmortem"));
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, "blame/judgement"));
    assert_false(has(c, "section/missing"));
    /* The same mistake again is not said again. */
    change_doc(c, "file:///notes.md", 2, "---\nblamelint: runbok\n---\n"
               "# Notes\n\nThe DBA was careless!\n");
    recv_msg(c);
    assert_true(lsp_json_streq(&c->j, lsp_json_get(&c->j, 0, "method"),
                               "textDocument/publishDiagnostics"));
    /* Named: a postmortem chosen by its front matter is checked as one. */
    change_doc(c, "file:///notes.md", 3, "---\nblamelint: postmortem\n---\n"
               "# Notes\n\nHow we work.\n");
    recv_msg(c);
    assert_true(lsp_json_streq(&c->j, lsp_json_get(&c->j, 0, "method"),
                               "textDocument/publishDiagnostics"));
    assert_true(has(c, "section/missing"));
    shutdown_and_exit(c);
}

/* A runbook chosen by its front matter gets the runbook's findings, and
 * the quick fix for a missing section inserts the runbook's skeleton. */
static void
test_runbook_front_matter_gets_runbook_diagnostics(void **state)
{
    client *c = start();
    int r, edit;

    (void)state;
    initialize(c, "{}");
    open_doc(c, "file:///orders.md", 1, "---\nblamelint: runbook\n---\n"
             "# Orders lag\n\n## Symptoms\n\nThe alert fires.\n\n"
             "## Mitigation\n\n- Fix it.\n\n## Escalation\n\n"
             "Page @orders-oncall.\n\n## Where to document\n\n"
             "The ticket.\n");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, "runbook/missing-section"));
    assert_true(has(c, "runbook/unnumbered-steps"));
    assert_true(has(c, "runbook/vague-step"));
    assert_false(has(c, "section/missing"));
    code_actions_at(c, 2, "file:///orders.md", 3, 3);
    r = lsp_json_get(&c->j, 0, "result");
    assert_true(lsp_json_streq(&c->j, lsp_json_get(&c->j, r + 1, "title"),
                               "Insert the How to confirm section"));
    edit = lsp_json_path(&c->j, r + 1, "edit", "changes", "file:///orders.md",
                         NULL) + 1;
    /* Before Mitigation (line 9), the section after it in a runbook. */
    assert_int_equal(num(c, lsp_json_path(&c->j, edit, "range", "start",
                                          "line", NULL)), 9);
    assert_true(has(c, "## How to confirm\\n"));
    /* Hover explains the runbook rule. */
    hover_at(c, 3, "file:///orders.md", 11, 4);
    assert_true(has(c, "runbook/vague-step"));
    assert_true(has(c, "hands the hard part"));
    shutdown_and_exit(c);
}

/* A .blamelint.toml's [profiles] globs choose the profile too. */
static void
test_config_profiles_choose_the_profile(void **state)
{
    char root[] = "/tmp/blamelint-lspprof-XXXXXX", path[256], uri[300];
    client *c;
    FILE *f;

    (void)state;
    assert_non_null(mkdtemp(root));
    snprintf(path, sizeof path, "%s/.git", root);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/.blamelint.toml", root);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("[profiles]\nrunbook = [\"runbooks/**\"]\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/runbooks", root);
    assert_int_equal(mkdir(path, 0755), 0);
    /* Not saved yet: the config is found from its directory. */
    snprintf(uri, sizeof uri, "file://%s/runbooks/orders.md", root);
    c = start();
    initialize(c, "{}");
    open_doc(c, uri, 1, "# Orders lag\n\n## Mitigation\n\n- Fix it.\n");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, "runbook/unnumbered-steps"));
    assert_false(has(c, "section/missing"));
    shutdown_and_exit(c);
    rmdir(path);
    snprintf(path, sizeof path, "%s/.blamelint.toml", root);
    unlink(path);
    snprintf(path, sizeof path, "%s/.git", root);
    rmdir(path);
    rmdir(root);
}

/* A lifecycle page chosen by its front matter gets the lifecycle
 * findings, its phases read from its Mermaid chart; the quick fix for the
 * missing Known gaps inserts the lifecycle's skeleton, and hover explains
 * the rules on the title. */
static void
test_lifecycle_front_matter_gets_lifecycle_diagnostics(void **state)
{
    client *c = start();

    (void)state;
    initialize(c, "{}");
    open_doc(c, "file:///flow.md", 1, "---\nblamelint: lifecycle\n---\n"
             "# Incident flow\n\n```mermaid\nflowchart LR\n"
             "  A[Alert fires] --> B{Triage} --> C[Announce]\n"
             "  C --> D[Roll back] --> E[Restore service]\n```\n\n"
             "Alerts fire from Prometheus when the error rate is above "
             "2%.\n");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, "lifecycle/missing-phase"));
    /* Only the phase the chart lacks. */
    assert_true(has(c, "cover the \\\"postmortem\\\" phase"));
    assert_false(has(c, "cover the \\\"detect\\\" phase"));
    assert_false(has(c, "cover the \\\"resolve\\\" phase"));
    assert_true(has(c, "lifecycle/missing-answer"));
    assert_false(has(c, "does not say how alerts fire"));
    assert_true(has(c, "lifecycle/no-known-gaps"));
    assert_false(has(c, "section/missing"));
    code_actions_at(c, 2, "file:///flow.md", 3, 3);
    assert_true(has(c, "Insert the Known gaps section"));
    assert_true(has(c, "## Known gaps\\n"));
    hover_at(c, 3, "file:///flow.md", 3, 4);
    assert_true(has(c, "lifecycle/missing-") || has(c, "lifecycle/no-"));
    shutdown_and_exit(c);
}

/* A comms document and a status update chosen by their front matter get
 * their profiles' findings, and hover explains the rules. */
static void
test_comms_and_status_update_front_matter(void **state)
{
    client *c = start();

    (void)state;
    initialize(c, "{}");
    open_doc(c, "file:///comms.md", 1, "---\nblamelint: comms\n---\n"
             "# Checkout comms\n\n## Slack announcement\n\n"
             "SEV {{sev}}, impact {{impact}}, status {{status}}, ETA {{eta}}."
             "\n\n## Status page\n\nDana is restarting db-01.internal.\n");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, "comms/external-leak"));
    assert_true(has(c, "comms/no-cadence"));
    assert_false(has(c, "section/missing"));
    open_doc(c, "file:///update.md", 1, "---\nblamelint: status-update\n"
             "---\nInvestigating: {{impact}}. Ask @dana. Next update in 30 "
             "minutes.\n");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, "status-update/unfilled"));
    assert_true(has(c, "status-update/leak"));
    assert_false(has(c, "status-update/no-next-update"));
    assert_false(has(c, "placeholder/unfilled"));
    hover_at(c, 2, "file:///update.md", 3, 33);
    assert_true(has(c, "status-update/leak"));
    assert_true(has(c, "read outside the company"));
    shutdown_and_exit(c);
}

/* A roles document chosen by its front matter gets the roles findings,
 * hover explains them, and the missing-role quick fix inserts the role's
 * skeleton. */
static void
test_roles_front_matter_gets_roles_diagnostics(void **state)
{
    client *c = start();

    (void)state;
    initialize(c, "{}");
    open_doc(c, "file:///roles.md", 1, "---\nblamelint: roles\n---\n"
             "# Incident roles\n\n## Incident Commander\n\n"
             "- **Primary:** @dana\n- **Backup:** TBD\n- Leads.\n\n"
             "## Responders\n\n- **Primary:** @ops\n- **Backup:** @ops2\n"
             "- Fix.\n- Report.\n\n## Handover\n\nThe IC hands over.\n");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, "roles/missing-section"));
    assert_true(has(c, "roles/few-responsibilities"));
    assert_true(has(c, "roles/no-backup"));
    assert_false(has(c, "section/missing"));
    code_actions_at(c, 2, "file:///roles.md", 3, 3);
    assert_true(has(c, "Insert the Communications Lead section"));
    assert_true(has(c, "## Communications Lead\\n"));
    /* Hover on the backup "TBD" (line 8) explains roles/no-backup. */
    hover_at(c, 3, "file:///roles.md", 8, 15);
    assert_true(has(c, "roles/no-backup"));
    assert_true(has(c, "exactly when it is needed"));
    shutdown_and_exit(c);
}

/* A review agenda chosen by its front matter gets the review findings,
 * and hover explains them. */
static void
test_review_front_matter_gets_review_diagnostics(void **state)
{
    client *c = start();

    (void)state;
    initialize(c, "{}");
    open_doc(c, "file:///review.md", 1, "---\nblamelint: review\n---\n"
             "# Review: EU login outage\n\nFacilitator: Dana Lee\n\n"
             "## Ground rules\n\n- Blameless.\n\n## Agenda\n\n"
             "1. Timeline (20 min)\n2. Discussion\n");
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, "review/untimed-item"));
    assert_true(has(c, "review/no-response-question"));
    assert_false(has(c, "review/no-facilitator"));
    assert_false(has(c, "section/missing"));
    /* Hover on "Discussion" (line 14) explains review/untimed-item. */
    hover_at(c, 2, "file:///review.md", 14, 5);
    assert_true(has(c, "review/untimed-item"));
    assert_true(has(c, "takes the hour"));
    shutdown_and_exit(c);
}

/* --- Links to the rule reference ---------------------------------------- */

static void
test_code_description_from_docs_url(void **state)
{
    client *c = start();

    (void)state;
    sendf(c, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
          "\"params\":{\"capabilities\":{},\"initializationOptions\":"
          "{\"docsUrl\":\"https://git.example/sre/blamelint/README.md\"}}}");
    recv_id(c, 1);
    open_doc(c, "file:///pm.md", 1, ASTRAL_DOC);
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, "\"codeDescription\":{\"href\":\"https://"
                       "git.example/sre/blamelint/README.md#rule-blame-"
                       "person-failure\"}"));
    shutdown_and_exit(c);
}

/* Copies file from to to (mode 0755). */
static void
copy_file(const char *from, const char *to)
{
    char buf[65536];
    ssize_t n;
    int in = open(from, O_RDONLY), out;

    assert_true(in >= 0);
    out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    assert_true(out >= 0);
    while ((n = read(in, buf, sizeof buf)) > 0)
        assert_int_equal(write(out, buf, (size_t)n), n);
    assert_int_equal(n, 0);
    close(in);
    close(out);
}

/* Installed as `make install` lays it out (PREFIX/bin/blamelint and
 * PREFIX/share/doc/blamelint/README.md), the server links each
 * diagnostic to its rule's anchor in that README, as a file: URI with
 * the path escaped. */
static void
test_code_description_links_the_installed_readme(void **state)
{
    char root[] = "/tmp/blamelint lsp XXXXXX", path[512], real[4096];
    char bin[512], want[8192];
    const char *saved = binary;
    client *c;
    FILE *f;

    (void)state;
    assert_non_null(mkdtemp(root));
    snprintf(path, sizeof path, "%s/bin", root);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/share", root);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/share/doc", root);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/share/doc/blamelint", root);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/share/doc/blamelint/README.md", root);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs("# blamelint\n", f);
    fclose(f);
    snprintf(bin, sizeof bin, "%s/bin/blamelint", root);
    copy_file(binary, bin);
    assert_non_null(realpath(root, real));
    /* The space in the directory name is escaped. */
    assert_non_null(strstr(real, "blamelint lsp"));
    *strstr(real, " ") = '\0';
    snprintf(want, sizeof want, "\"href\":\"file://%s%%20lsp%%20%s/share/"
             "doc/blamelint/README.md#rule-blame-person-failure\"", real,
             real + strlen(real) + 5);
    binary = bin;
    c = start();
    binary = saved;
    initialize(c, "{}");
    open_doc(c, "file:///pm.md", 1, ASTRAL_DOC);
    recv_method(c, "textDocument/publishDiagnostics");
    assert_true(has(c, want));
    shutdown_and_exit(c);
    unlink(bin);
    unlink(path);
    snprintf(path, sizeof path, "%s/share/doc/blamelint", root);
    rmdir(path);
    snprintf(path, sizeof path, "%s/share/doc", root);
    rmdir(path);
    snprintf(path, sizeof path, "%s/share", root);
    rmdir(path);
    snprintf(path, sizeof path, "%s/bin", root);
    rmdir(path);
    rmdir(root);
}

int
main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_handshake_and_clean_exit),
        cmocka_unit_test(test_exit_without_shutdown_is_status_1),
        cmocka_unit_test(test_null_params_are_no_params),
        cmocka_unit_test(test_requests_before_initialize_and_after_shutdown),
        cmocka_unit_test(test_error_codes),
        cmocka_unit_test(test_fragments_garbage_and_headers),
        cmocka_unit_test(test_oversized_message_is_refused_and_service_goes_on),
        cmocka_unit_test(test_cancelled_request_gets_32800),
        cmocka_unit_test(test_open_publishes_utf16_positions),
        cmocka_unit_test(test_open_publishes_utf8_positions_when_offered),
        cmocka_unit_test(test_incremental_and_full_changes),
        cmocka_unit_test(test_invalid_utf8_document_is_tolerated),
        cmocka_unit_test(test_code_actions_carry_the_fix),
        cmocka_unit_test(test_missing_section_action_inserts_a_skeleton),
        cmocka_unit_test(test_hover),
        cmocka_unit_test(test_settings_from_init_and_configuration_changes),
        cmocka_unit_test(test_pull_diagnostics),
        cmocka_unit_test(test_disable_actions_insert_suppressions),
        cmocka_unit_test(test_config_file_applies_to_documents_below_it),
        cmocka_unit_test(test_front_matter_profile_unknown_is_said_once),
        cmocka_unit_test(test_runbook_front_matter_gets_runbook_diagnostics),
        cmocka_unit_test(test_config_profiles_choose_the_profile),
        cmocka_unit_test(test_config_versions_and_documents_linted_with_them),
        cmocka_unit_test(test_editor_settings_over_a_config_file),
        cmocka_unit_test(test_spelling_adds_a_word_to_the_word_list),
        cmocka_unit_test(test_spelling_edit_for_a_plain_client),
        cmocka_unit_test(test_spelling_without_its_dictionary),
        cmocka_unit_test(test_spelling_refreshes_pulled_diagnostics),
        cmocka_unit_test(test_lifecycle_front_matter_gets_lifecycle_diagnostics),
        cmocka_unit_test(test_comms_and_status_update_front_matter),
        cmocka_unit_test(test_roles_front_matter_gets_roles_diagnostics),
        cmocka_unit_test(test_review_front_matter_gets_review_diagnostics),
        cmocka_unit_test(test_code_description_from_docs_url),
        cmocka_unit_test(test_code_description_links_the_installed_readme),
    };

    if (argc != 2) {
        fprintf(stderr, "usage: lsp_test BLAMELINT_BINARY\n");
        return 2;
    }
    binary = argv[1];
    signal(SIGPIPE, SIG_IGN);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
