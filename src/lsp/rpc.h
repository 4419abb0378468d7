/*
 * rpc.h: JSON-RPC 2.0 base protocol framing ("Content-Length: N\r\n\r\n"
 * then N bytes) over file descriptors.
 */
#ifndef LSP_RPC_H
#define LSP_RPC_H

#include <stddef.h>

#include "../engine/vec.h"

/* Bodies larger than this are read and dropped, not parsed: a bound on the
 * memory one message can take. */
#define LSP_MAX_BODY (64u << 20)

typedef struct lsp_reader {
    int fd;
    char *buf;
    size_t len, cap, pos;   /* unread bytes are buf[pos, len) */
    int eof;
} lsp_reader;

typedef enum lsp_frame {
    LSP_FRAME_BODY,         /* a body is in *p_body / *p_len */
    LSP_FRAME_OVERSIZED,    /* a body over LSP_MAX_BODY was dropped */
    LSP_FRAME_BAD_HEADER,   /* a header block without a usable length; the
                               reader skipped it */
    LSP_FRAME_EOF,          /* the input ended (a partial message is lost) */
    LSP_FRAME_ERROR         /* read error or out of memory */
} lsp_frame;

void lsp_reader_init(lsp_reader *r, int fd);
void lsp_reader_free(lsp_reader *r);

/* Reads the next message, blocking as needed.  The body stays valid until
 * the next call.  Headers other than Content-Length are ignored. */
lsp_frame lsp_read(lsp_reader *r, const char **p_body, size_t *p_len);

/* Is a whole, well-formed message already buffered (so lsp_read will
 * return it as LSP_FRAME_BODY without blocking)? */
int lsp_has_buffered_message(const lsp_reader *r);

/* Writes one message (header and body) to fd, all of it.  0 or -1. */
int lsp_write(int fd, const char *body, size_t len);

#endif
