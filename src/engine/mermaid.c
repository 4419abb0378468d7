/*
 * mermaid.c: reading the node labels of a Mermaid flowchart in a fenced
 * code block.
 *
 * Code is never prose, so md4c's model of the document holds no text of
 * a ```mermaid block; a team that draws its incident flow as a flowchart
 * still names its steps there, in the nodes.  This reader knows only as
 * much Mermaid as that needs: the fence's info string, the diagram type
 * on the first statement, and the bracketed label after a node id in
 * each of the shapes ([ ], ( ), { }, (( )), ([ ]), [[ ]], [( )], {{ }},
 * [/ /], > ]).  Quoted labels ("...") may hold brackets.
 */
#include <string.h>
#include <strings.h>

#include "mermaid.h"

/* How many lines up from a block's first text its opening fence may be:
 * md4c's first text of a code block that opens with blank lines is on a
 * later line. */
#define MAX_FENCE_DISTANCE 8

static int
is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* Is the source line [b, e), past indentation and block-quote markers,
 * a code fence whose info string is "mermaid"? */
static int
is_mermaid_fence(const char *s, size_t b, size_t e)
{
    size_t n = 0;
    char c;

    while (b < e && (is_space(s[b]) || s[b] == '>'))
        b++;
    if (b >= e || (s[b] != '`' && s[b] != '~'))
        return 0;
    c = s[b];
    while (b < e && s[b] == c) {
        b++;
        n++;
    }
    if (n < 3)
        return 0;
    while (b < e && is_space(s[b]))
        b++;
    if (e - b < 7 || strncasecmp(s + b, "mermaid", 7) != 0)
        return 0;
    b += 7;
    return b == e || is_space(s[b]) || s[b] == '{' || s[b] == '\r';
}

/* Is the line [b, e) only white space (and quote markers)? */
static int
is_blank_line(const char *s, size_t b, size_t e)
{
    for (; b < e; b++)
        if (!is_space(s[b]) && s[b] != '>' && s[b] != '\r')
            return 0;
    return 1;
}

/* Does the source line [b, e) open with word w (then a space or its
 * end), past indentation and quote markers? */
static int
opens_with(const char *s, size_t b, size_t e, const char *w)
{
    size_t n = strlen(w);

    while (b < e && (is_space(s[b]) || s[b] == '>'))
        b++;
    return e - b >= n && strncasecmp(s + b, w, n) == 0
           && (b + n == e || is_space(s[b + n]) || s[b + n] == ';'
               || s[b + n] == '\r');
}

static int
is_id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
           || (c >= '0' && c <= '9') || c == '_' || (unsigned char)c >= 0x80;
}

/* Trims [*p_b, *p_e) of spaces, quotes, backticks and the shape
 * characters a label's brackets leave behind. */
static void
trim_label(const char *s, size_t *p_b, size_t *p_e)
{
    while (*p_b < *p_e && strchr(" \t\"`([{/\\", s[*p_b]) != NULL)
        (*p_b)++;
    while (*p_e > *p_b && strchr(" \t\"`)]}/\\", s[*p_e - 1]) != NULL)
        (*p_e)--;
}

/* Calls fn for each node label on the line [b, e). */
static int
line_labels(const char *s, size_t b, size_t e, bl_mermaid_label_fn fn,
            void *ud)
{
    size_t i = b;
    int rc;

    while (i < e) {
        char open = s[i], close;
        size_t lb, le;
        if (open == '|') {          /* an edge label: -->|text| */
            for (i++; i < e && s[i] != '|'; i++)
                ;
            i++;
            continue;
        }
        if (open == '"') {          /* an edge's text: -- "text" --> */
            for (i++; i < e && s[i] != '"'; i++)
                ;
            i++;
            continue;
        }
        if (strchr("[({>", open) == NULL || i == b || !is_id_char(s[i - 1])) {
            i++;
            continue;
        }
        close = open == '(' ? ')' : open == '{' ? '}' : ']';
        while (i < e && strchr("[({/\\>", s[i]) != NULL)
            i++;
        if (i < e && s[i] == '"') {
            /* Quoted: the brackets inside are text. */
            lb = ++i;
            while (i < e && s[i] != '"')
                i++;
            le = i;
            while (lb < le && (is_space(s[lb]) || s[lb] == '`'))
                lb++;
            while (le > lb && (is_space(s[le - 1]) || s[le - 1] == '`'))
                le--;
        } else {
            lb = i;
            while (i < e && s[i] != close)
                i++;
            le = i;
            trim_label(s, &lb, &le);
        }
        while (i < e && strchr("\")]}/\\", s[i]) != NULL)
            i++;
        if (le > lb && (rc = fn(lb, le, ud)) != 0)
            return rc;
    }
    return 0;
}

int
bl_mermaid_labels(const bl_doc *doc, size_t block, bl_mermaid_label_fn fn,
                  void *ud)
{
    const bl_block *x = &doc->blocks.items[block];
    const char *s = doc->src;
    size_t first, li, lb, le, k;
    int seen_type = 0, rc;

    if (x->type != BL_BLOCK_CODE || x->end <= x->begin)
        return 0;
    first = bl_doc_line_of(doc, x->begin);
    /* The opening fence: the nearest line above that is not blank. */
    for (k = 1; k <= MAX_FENCE_DISTANCE && k <= first; k++) {
        bl_doc_line_span(doc, first - k, &lb, &le);
        if (!is_blank_line(s, lb, le))
            break;
    }
    if (k > MAX_FENCE_DISTANCE || k > first || !is_mermaid_fence(s, lb, le))
        return 0;
    for (li = first; li < doc->lines.n; li++) {
        bl_doc_line_span(doc, li, &lb, &le);
        if (lb >= x->end)
            break;
        if (lb < x->begin && li == first)
            lb = x->begin;
        if (le > x->end)
            le = x->end;
        while (lb < le && (is_space(s[lb]) || s[lb] == '>'))
            lb++;
        if (lb >= le || s[lb] == '\r' || (le - lb >= 2 && s[lb] == '%'
                                          && s[lb + 1] == '%'))
            continue;       /* blank, or a %% comment */
        if (!seen_type) {
            if (!opens_with(s, lb, le, "flowchart")
                && !opens_with(s, lb, le, "graph"))
                return 0;       /* a sequence diagram, a pie chart ... */
            seen_type = 1;
            continue;
        }
        if (opens_with(s, lb, le, "classDef") || opens_with(s, lb, le, "class")
            || opens_with(s, lb, le, "style")
            || opens_with(s, lb, le, "linkStyle")
            || opens_with(s, lb, le, "click")
            || opens_with(s, lb, le, "direction"))
            continue;
        if (opens_with(s, lb, le, "subgraph")) {
            size_t tb = lb + 8, te = le;
            while (tb < te && is_space(s[tb]))
                tb++;
            /* "subgraph Detect", or "subgraph id [Detect]". */
            const char *open = memchr(s + tb, '[', te - tb);
            if (open != NULL) {
                const char *shut = memchr(open, ']', (size_t)(s + te - open));
                tb = (size_t)(open - s) + 1;
                te = shut != NULL ? (size_t)(shut - s) : te;
            }
            while (te > tb && s[te - 1] == '\r')
                te--;
            trim_label(s, &tb, &te);
            if (te > tb && (rc = fn(tb, te, ud)) != 0)
                return rc;
            continue;
        }
        if ((rc = line_labels(s, lb, le, fn, ud)) != 0)
            return rc;
    }
    return 0;
}
