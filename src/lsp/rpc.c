/*
 * rpc.c: message framing for the language server.
 *
 * Clients write messages in whatever pieces their pipes deliver, so the
 * reader keeps one growing buffer and cuts messages out of it.  A header
 * block is lines ending in "\r\n" (a bare "\n" is tolerated) up to an empty
 * line; only Content-Length matters.  Garbage is skipped, never fatal: a
 * header block without a length is dropped up to its blank line, and a
 * header that never ends (8 KiB without a blank line) is dropped whole.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/uio.h>
#include <unistd.h>

#include "rpc.h"

#define MAX_HEADER 8192

void
lsp_reader_init(lsp_reader *r, int fd)
{
    memset(r, 0, sizeof *r);
    r->fd = fd;
}

void
lsp_reader_free(lsp_reader *r)
{
    free(r->buf);
    r->buf = NULL;
}

/* Reads more input; 1 when some came, 0 at end of input, -1 on error. */
static int
fill(lsp_reader *r)
{
    ssize_t n;

    if (r->pos > 0 && r->pos == r->len)
        r->pos = r->len = 0;
    if (r->pos > r->cap / 2) {
        memmove(r->buf, r->buf + r->pos, r->len - r->pos);
        r->len -= r->pos;
        r->pos = 0;
    }
    if (r->cap - r->len < 4096) {
        size_t cap = r->cap ? r->cap * 2 : 65536;
        char *b = realloc(r->buf, cap);
        if (b == NULL)
            return -1;
        r->buf = b;
        r->cap = cap;
    }
    do
        n = read(r->fd, r->buf + r->len, r->cap - r->len);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return -1;
    if (n == 0) {
        r->eof = 1;
        return 0;
    }
    r->len += (size_t)n;
    return 1;
}

/* Finds the blank line that ends the header block starting at pos: sets
 * *p_body to the first body byte.  0 when not (yet) there. */
static int
header_end(const lsp_reader *r, size_t *p_body)
{
    size_t i;

    for (i = r->pos; i < r->len; i++) {
        if (r->buf[i] != '\n')
            continue;
        if (i + 1 < r->len && r->buf[i + 1] == '\n') {
            *p_body = i + 2;
            return 1;
        }
        if (i + 2 < r->len && r->buf[i + 1] == '\r' && r->buf[i + 2] == '\n') {
            *p_body = i + 3;
            return 1;
        }
    }
    return 0;
}

/* The Content-Length of the header block [pos, end), or -1. */
static long long
content_length(const lsp_reader *r, size_t end)
{
    size_t i = r->pos;
    static const char name[] = "content-length:";

    while (i < end) {
        size_t eol = i;
        while (eol < end && r->buf[eol] != '\n')
            eol++;
        if (eol - i > sizeof name - 1
            && strncasecmp(r->buf + i, name, sizeof name - 1) == 0) {
            size_t k = i + sizeof name - 1;
            long long v = 0;
            int digits = 0;
            while (k < eol && (r->buf[k] == ' ' || r->buf[k] == '\t'))
                k++;
            while (k < eol && r->buf[k] >= '0' && r->buf[k] <= '9'
                   && v < (1LL << 40)) {
                v = v * 10 + (r->buf[k] - '0');
                digits++;
                k++;
            }
            while (k < eol && (r->buf[k] == ' ' || r->buf[k] == '\t'
                               || r->buf[k] == '\r'))
                k++;
            return digits > 0 && k == eol ? v : -1;
        }
        i = eol + 1;
    }
    return -1;
}

int
lsp_has_buffered_message(const lsp_reader *r)
{
    size_t body;
    long long n;

    if (!header_end(r, &body))
        return 0;
    n = content_length(r, body);
    /* Only a well-formed message counts: a bad header or an oversized
     * body is left for lsp_read's caller to report in order. */
    return n >= 0 && (unsigned long long)n <= LSP_MAX_BODY
           && body + (size_t)n <= r->len;
}

lsp_frame
lsp_read(lsp_reader *r, const char **p_body, size_t *p_len)
{
    size_t body;
    long long n;

    for (;;) {
        while (!header_end(r, &body)) {
            if (r->len - r->pos > MAX_HEADER) {
                r->pos = r->len;    /* no header ever ends: drop it */
                return LSP_FRAME_BAD_HEADER;
            }
            if (r->eof)
                return LSP_FRAME_EOF;
            if (fill(r) < 0)
                return LSP_FRAME_ERROR;
        }
        n = content_length(r, body);
        if (n < 0) {
            r->pos = body;
            return LSP_FRAME_BAD_HEADER;
        }
        if ((unsigned long long)n > LSP_MAX_BODY) {
            /* Read it in passing and keep none of it. */
            unsigned long long left = (unsigned long long)n;
            r->pos = body;
            while (left > 0) {
                size_t have = r->len - r->pos;
                size_t take = have < left ? have : (size_t)left;
                r->pos += take;
                left -= take;
                if (left > 0) {
                    if (r->eof)
                        return LSP_FRAME_EOF;
                    r->pos = r->len = 0;
                    if (fill(r) < 0)
                        return LSP_FRAME_ERROR;
                }
            }
            return LSP_FRAME_OVERSIZED;
        }
        while (r->len - body < (size_t)n) {
            size_t off = body - r->pos;
            if (r->eof)
                return LSP_FRAME_EOF;
            if (fill(r) < 0)
                return LSP_FRAME_ERROR;
            body = r->pos + off;    /* fill() may have moved the data */
        }
        *p_body = r->buf + body;
        *p_len = (size_t)n;
        r->pos = body + (size_t)n;
        return LSP_FRAME_BODY;
    }
}

int
lsp_write(int fd, const char *body, size_t len)
{
    char head[64];
    int hn = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", len);
    struct iovec iov[2];
    int first = 0;

    /* Header and body in one write: two would wake the client for the
     * header alone, and on a small machine it may take the CPU from us
     * before the body is written. */
    iov[0].iov_base = head;
    iov[0].iov_len = (size_t)hn;
    iov[1].iov_base = (void *)body;
    iov[1].iov_len = len;
    while (first < 2) {
        ssize_t w = writev(fd, iov + first, 2 - first);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        while (first < 2 && (size_t)w >= iov[first].iov_len) {
            w -= (ssize_t)iov[first].iov_len;
            iov[first].iov_len = 0;
            first++;
        }
        if (first < 2) {
            iov[first].iov_base = (char *)iov[first].iov_base + w;
            iov[first].iov_len -= (size_t)w;
        }
    }
    return 0;
}
