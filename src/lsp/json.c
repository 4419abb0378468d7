/*
 * json.c: JSON for the language server, on top of jsmn.
 *
 * jsmn tokenises without allocating and without recursion (so a hostile
 * message nested ten thousand levels deep costs memory, not stack); this
 * file adds key lookup, unescaping and the writer.
 */
#define JSMN_STATIC
#define JSMN_STRICT
#include <jsmn.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "../engine/text.h"

int
lsp_json_parse(lsp_json *j, const char *text, size_t len)
{
    jsmn_parser p;
    int rc;

    j->text = text;
    j->len = len;
    j->n = 0;
    if (j->cap == 0) {
        j->cap = 64;
        if ((j->toks = malloc((size_t)j->cap * sizeof *j->toks)) == NULL) {
            j->cap = 0;
            return -2;
        }
    }
    /* jsmn says how many tokens it needs only by failing: grow and redo. */
    for (;;) {
        jsmntok_t *t;
        jsmn_init(&p);
        rc = jsmn_parse(&p, text, len, j->toks, (unsigned)j->cap);
        if (rc != JSMN_ERROR_NOMEM)
            break;
        if (j->cap > (1 << 24))
            return -1;      /* more tokens than any real message has */
        t = realloc(j->toks, (size_t)j->cap * 2 * sizeof *t);
        if (t == NULL)
            return -2;
        j->toks = t;
        j->cap *= 2;
    }
    if (rc <= 0)
        return -1;
    j->n = rc;
    /* One value, and nothing but white space after it. */
    if (lsp_json_skip(j, 0) != j->n)
        return -1;
    return 0;
}

void
lsp_json_free(lsp_json *j)
{
    free(j->toks);
    j->toks = NULL;
    j->n = j->cap = 0;
}

int
lsp_json_skip(const lsp_json *j, int t)
{
    /* Each token stands for itself and announces `size` children. */
    int pending = 1;

    while (pending > 0 && t < j->n) {
        pending += j->toks[t].size - 1;
        t++;
    }
    return t;
}

int
lsp_json_get(const lsp_json *j, int t, const char *key)
{
    int i, k, count;

    if (!lsp_json_is_object(j, t))
        return -1;
    count = j->toks[t].size;
    for (i = t + 1, k = 0; k < count && i < j->n; k++) {
        if (i + 1 < j->n && lsp_json_streq(j, i, key))
            return i + 1;
        i = lsp_json_skip(j, i + 1);
    }
    return -1;
}

int
lsp_json_path(const lsp_json *j, int t, ...)
{
    va_list ap;
    const char *key;

    va_start(ap, t);
    while (t >= 0 && (key = va_arg(ap, const char *)) != NULL)
        t = lsp_json_get(j, t, key);
    va_end(ap);
    return t;
}

static int
type_is(const lsp_json *j, int t, jsmntype_t type)
{
    return t >= 0 && t < j->n && j->toks[t].type == type;
}

int
lsp_json_is_object(const lsp_json *j, int t)
{
    return type_is(j, t, JSMN_OBJECT);
}

int
lsp_json_is_array(const lsp_json *j, int t)
{
    return type_is(j, t, JSMN_ARRAY);
}

int
lsp_json_is_string(const lsp_json *j, int t)
{
    return type_is(j, t, JSMN_STRING);
}

static int
primitive_is(const lsp_json *j, int t, const char *word)
{
    size_t n = strlen(word);

    return type_is(j, t, JSMN_PRIMITIVE)
           && (size_t)(j->toks[t].end - j->toks[t].start) == n
           && memcmp(j->text + j->toks[t].start, word, n) == 0;
}

int
lsp_json_is_null(const lsp_json *j, int t)
{
    return primitive_is(j, t, "null");
}

int
lsp_json_bool(const lsp_json *j, int t)
{
    if (primitive_is(j, t, "true"))
        return 1;
    if (primitive_is(j, t, "false"))
        return 0;
    return -1;
}

int
lsp_json_long(const lsp_json *j, int t, long *out)
{
    char buf[32], *end;
    size_t n;
    long v;

    if (!type_is(j, t, JSMN_PRIMITIVE))
        return -1;
    n = (size_t)(j->toks[t].end - j->toks[t].start);
    if (n == 0 || n >= sizeof buf)
        return -1;
    memcpy(buf, j->text + j->toks[t].start, n);
    buf[n] = '\0';
    if (!(buf[0] == '-' || (buf[0] >= '0' && buf[0] <= '9')))
        return -1;
    v = strtol(buf, &end, 10);
    if (*end != '\0')
        return -1;      /* 1.5, 1e3: not a whole number we take */
    *out = v;
    return 0;
}

static int
hex4(const char *s, uint32_t *out)
{
    uint32_t v = 0;
    int i;

    for (i = 0; i < 4; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (uint32_t)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static int
add_utf8(bl_strbuf *sb, uint32_t cp)
{
    char b[4];
    size_t n;

    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return bl_strbuf_add(sb, b, n);
}

int
lsp_json_string(const lsp_json *j, int t, bl_strbuf *out)
{
    const char *s;
    size_t n, i, run;

    if (!lsp_json_is_string(j, t))
        return -1;
    s = j->text + j->toks[t].start;
    n = (size_t)(j->toks[t].end - j->toks[t].start);
    if (bl_strbuf_add(out, "", 0) < 0)
        return -1;
    for (i = 0; i < n; ) {
        uint32_t cp, lo;
        for (run = i; run < n && s[run] != '\\'; run++)
            ;
        if (run > i && bl_strbuf_add(out, s + i, run - i) < 0)
            return -1;
        i = run;
        if (i >= n)
            break;
        if (i + 1 >= n)
            return -1;
        switch (s[i + 1]) {
        case '"': cp = '"'; break;
        case '\\': cp = '\\'; break;
        case '/': cp = '/'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u':
            if (i + 6 > n || hex4(s + i + 2, &cp) < 0)
                return -1;
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 8 <= n && s[i + 2] == '\\'
                && s[i + 3] == 'u' && hex4(s + i + 4, &lo) == 0
                && lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 0xFFFD;    /* a lone surrogate */
            }
            break;
        default:
            return -1;
        }
        if (add_utf8(out, cp) < 0)
            return -1;
        i += 2;
    }
    return 0;
}

int
lsp_json_streq(const lsp_json *j, int t, const char *s)
{
    size_t n = strlen(s), tn;
    const char *p;

    if (!lsp_json_is_string(j, t))
        return 0;
    p = j->text + j->toks[t].start;
    tn = (size_t)(j->toks[t].end - j->toks[t].start);
    /* Keys and method names are plain ASCII: compare escaped ones the
     * slow way only when the raw text has a backslash. */
    if (memchr(p, '\\', tn) == NULL)
        return tn == n && memcmp(p, s, n) == 0;
    {
        bl_strbuf sb = {NULL, 0, 0};
        int eq = lsp_json_string(j, t, &sb) == 0 && sb.n == n
                 && memcmp(sb.items, s, n) == 0;
        free(sb.items);
        return eq;
    }
}

const char *
lsp_json_raw(const lsp_json *j, int t, size_t *p_len)
{
    *p_len = (size_t)(j->toks[t].end - j->toks[t].start);
    return j->text + j->toks[t].start;
}

/* --- Writing ------------------------------------------------------------- */

int
lsp_json_add_string(bl_strbuf *sb, const char *s, size_t n)
{
    size_t i, run;

    if (bl_strbuf_add(sb, "\"", 1) < 0)
        return -1;
    for (i = 0; i < n; ) {
        unsigned char c;
        size_t cl;
        uint32_t cp;
        for (run = i; run < n; run++) {
            c = (unsigned char)s[run];
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80)
                break;
        }
        if (run > i && bl_strbuf_add(sb, s + i, run - i) < 0)
            return -1;
        i = run;
        if (i >= n)
            break;
        c = (unsigned char)s[i];
        if (c >= 0x80) {
            cp = bl_utf8_decode(s, n, i, &cl);
            /* bl_utf8_decode gives U+FFFD for one invalid byte. */
            if (cp == 0xFFFD && cl == 1) {
                if (bl_strbuf_add(sb, "\xEF\xBF\xBD", 3) < 0)
                    return -1;
            } else if (bl_strbuf_add(sb, s + i, cl) < 0) {
                return -1;
            }
            i += cl;
            continue;
        }
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            if (bl_strbuf_add(sb, e, 2) < 0)
                return -1;
        } else if (c == '\n') {
            if (bl_strbuf_add(sb, "\\n", 2) < 0)
                return -1;
        } else if (c == '\t') {
            if (bl_strbuf_add(sb, "\\t", 2) < 0)
                return -1;
        } else if (bl_strbuf_addf(sb, "\\u%04x", c) < 0) {
            return -1;
        }
        i++;
    }
    return bl_strbuf_add(sb, "\"", 1);
}

int
lsp_json_add_cstring(bl_strbuf *sb, const char *s)
{
    return lsp_json_add_string(sb, s, strlen(s));
}
