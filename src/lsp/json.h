/*
 * json.h: reading JSON-RPC messages (over jsmn tokens) and writing them.
 *
 * A message is tokenised once; readers then walk the tokens by key.  Every
 * accessor takes a token index and returns -1 (or 0 for "not there") on a
 * missing key or a wrong type, so a handler can ask for
 * params.textDocument.uri in one call and treat any failure the same way:
 * the request was malformed.
 */
#ifndef LSP_JSON_H
#define LSP_JSON_H

#include <stddef.h>

#define JSMN_HEADER
#define JSMN_STRICT
#include <jsmn.h>

#include "../engine/vec.h"

typedef struct lsp_json {
    const char *text;
    size_t len;
    jsmntok_t *toks;
    int n;                  /* tokens in use */
    int cap;
} lsp_json;

/* Tokenises text (kept by reference).  Returns 0, or -1 when it is not one
 * well-formed JSON value; -2 when out of memory. */
int lsp_json_parse(lsp_json *j, const char *text, size_t len);
void lsp_json_free(lsp_json *j);

/* The index just past token t's whole value. */
int lsp_json_skip(const lsp_json *j, int t);

/* The value of key in object t, or -1. */
int lsp_json_get(const lsp_json *j, int t, const char *key);

/* Follows keys from t: lsp_json_path(j, 0, "params", "textDocument", "uri",
 * NULL).  -1 when any step is missing or not an object. */
int lsp_json_path(const lsp_json *j, int t, ...);

int lsp_json_is_object(const lsp_json *j, int t);
int lsp_json_is_array(const lsp_json *j, int t);
int lsp_json_is_string(const lsp_json *j, int t);
int lsp_json_is_null(const lsp_json *j, int t);
/* 1 for true, 0 for false, -1 when t is not a boolean. */
int lsp_json_bool(const lsp_json *j, int t);

/* A number token that is a whole number within long; 0 on success. */
int lsp_json_long(const lsp_json *j, int t, long *out);

/* Appends string token t unescaped (UTF-8; \u escapes and surrogate pairs
 * decoded, a lone surrogate as U+FFFD).  0, or -1 when t is no string. */
int lsp_json_string(const lsp_json *j, int t, bl_strbuf *out);

/* Does string token t equal s (compared unescaped)? */
int lsp_json_streq(const lsp_json *j, int t, const char *s);

/* The token's raw text: a number or an escaped string's inside, for
 * echoing an id back exactly as it came. */
const char *lsp_json_raw(const lsp_json *j, int t, size_t *p_len);

/* --- Writing ------------------------------------------------------------- */

/* Appends s as a JSON string, escaping what JSON requires; invalid UTF-8
 * bytes become U+FFFD so the output is always valid. */
int lsp_json_add_string(bl_strbuf *sb, const char *s, size_t n);
int lsp_json_add_cstring(bl_strbuf *sb, const char *s);

#endif
