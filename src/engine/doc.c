/*
 * doc.c: the Markdown front end.  One md4c pass builds the blocks, the
 * sections and the prose units described in doc.h.
 */
#include <md4c.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "doc.h"
#include "text.h"
#include "vec.h"

/* Everything the md4c callbacks need, on bl_doc_parse's stack. */
typedef struct parse_ctx {
    bl_doc *doc;
    struct { int *items; size_t n, alloc; } stack;  /* open block indices */
    size_t first_unbegun;   /* stack depth from which blocks lack begin */
    size_t last_off;        /* end of the last source text seen */
    int unit;               /* open prose unit, -1 when none */
    int section;            /* current section index */
    int verbatim;           /* >0 inside code or HTML blocks */
    int image;              /* >0 inside an image: alt text is not prose */
    int code_pending;       /* code span whose placeholder is not out yet */
    int list_depth;
    int row, col;           /* table position */
    size_t empty_atx_after;     /* where the last empty heading was found */
    int src_ascii;          /* no source byte is >= 0x80: text md4c hands
                               out of the source is valid UTF-8 as it is */
    int in_link;
    size_t link_prose;      /* prose length when the link opened */
    size_t link_pieces;
    size_t link_src;        /* source offset of the link text */
    /* The open link's destination, copied: md4c may build it in a buffer
     * of its own that is freed before the link closes. */
    struct { char *items; size_t n, alloc; } href;
    size_t link_begin;      /* source offset of the link's first text */
    int link_has_text;
    int oom;
} parse_ctx;

/* --- Helpers ------------------------------------------------------------- */

/* md4c hands out a few strings of its own (" ", "\n", "" for NUL); only
 * pointers inside the source map to offsets. */
static int
in_source(const parse_ctx *ctx, const char *p, size_t n)
{
    const char *s = ctx->doc->src;
    return p >= s && p <= s + ctx->doc->len
           && n <= (size_t)(s + ctx->doc->len - p);
}

static int
top_block(const parse_ctx *ctx)
{
    return ctx->stack.n ? ctx->stack.items[ctx->stack.n - 1] : -1;
}

static void
close_unit(parse_ctx *ctx)
{
    bl_doc *doc = ctx->doc;
    bl_unit *u;

    if (ctx->unit < 0)
        return;
    u = &doc->units.items[ctx->unit];
    u->text_end = doc->prose.n;
    u->piece_end = doc->pieces.n;
    if (u->text_end == u->text_begin)
        doc->units.n--;     /* nothing but markup: drop it */
    ctx->unit = -1;
}

static int
open_unit(parse_ctx *ctx)
{
    bl_doc *doc = ctx->doc;
    bl_unit u;
    int b = top_block(ctx);

    if (ctx->unit >= 0)
        return 0;
    memset(&u, 0, sizeof u);
    u.text_begin = doc->prose.n;
    u.piece_begin = doc->pieces.n;
    u.block = b;
    u.section = ctx->section;
    if (b >= 0) {
        const bl_block *blk = &doc->blocks.items[b];
        if (blk->type == BL_BLOCK_HEADING)
            u.flags |= BL_UNIT_HEADING;
        if (blk->type == BL_BLOCK_TD || blk->type == BL_BLOCK_TH)
            u.flags |= BL_UNIT_CELL;
        if (blk->flags & BL_IN_QUOTE)
            u.flags |= BL_UNIT_QUOTE;
    }
    if (ctx->list_depth > 0)
        u.flags |= BL_UNIT_ITEM;
    if (BL_VEC_PUSH(&doc->units, u) < 0)
        return -1;
    ctx->unit = (int)doc->units.n - 1;
    return 0;
}

/* Replaces each byte that is not part of valid UTF-8 by the placeholder,
 * one byte for one, so prose is always valid UTF-8 (rules can skip PCRE2's
 * per-call validity check, which is linear in the rest of the text) and
 * offsets into it still map 1:1 to the source. */
static void
replace_invalid_utf8(char *p, size_t n)
{
    size_t i = 0, cl;

    while (i < n) {
        uint64_t w;
        /* ASCII, the usual case, eight bytes at a time. */
        if (i + 8 <= n && (memcpy(&w, p + i, 8), !(w & 0x8080808080808080ull))) {
            i += 8;
            continue;
        }
        if ((unsigned char)p[i] < 0x80) {
            i++;
            continue;
        }
        if (bl_utf8_decode(p, n, i, &cl) == 0xFFFD && cl == 1)
            p[i] = BL_PLACEHOLDER;
        i += cl;
    }
}

/* Does p[0..n) hold only ASCII?  Eight bytes at a time. */
static int
is_ascii(const char *p, size_t n)
{
    uint64_t any = 0, w;
    size_t i;

    for (i = 0; i + 8 <= n; i += 8) {
        memcpy(&w, p + i, 8);
        any |= w;
    }
    for (; i < n; i++)
        any |= (unsigned char)p[i];
    return !(any & 0x8080808080808080ull);
}

/* Appends ulen bytes of unit text that stand for slen source bytes at s. */
static int
append(parse_ctx *ctx, const char *text, size_t ulen, size_t s, size_t slen)
{
    bl_doc *doc = ctx->doc;
    bl_piece *last;
    bl_piece p;

    if (open_unit(ctx) < 0 || BL_VEC_RESERVE(&doc->prose, ulen + 1) < 0)
        return -1;
    p.u = doc->prose.n - doc->units.items[ctx->unit].text_begin;
    p.s = s;
    p.ulen = ulen;
    p.slen = slen;
    memcpy(doc->prose.items + doc->prose.n, text, ulen);
    if (!ctx->src_ascii || !in_source(ctx, text, ulen))
        replace_invalid_utf8(doc->prose.items + doc->prose.n, ulen);
    doc->prose.n += ulen;
    /* Copied text that continues the previous piece extends it, which
     * keeps the piece list short for long paragraphs. */
    last = doc->pieces.n > doc->units.items[ctx->unit].piece_begin
           ? &doc->pieces.items[doc->pieces.n - 1] : NULL;
    if (last != NULL && last->ulen == last->slen && ulen == slen
        && last->s + last->slen == s && last->u + last->ulen == p.u) {
        last->ulen += ulen;
        last->slen += slen;
        return 0;
    }
    return BL_VEC_PUSH(&doc->pieces, p);
}

/* Records the link that is closing: its text's span and a copy of its
 * destination, NUL-terminated so doc->hrefs is never empty. */
static int
add_link(parse_ctx *ctx)
{
    bl_doc *doc = ctx->doc;
    bl_link k;

    k.begin = ctx->link_has_text ? ctx->link_begin : ctx->last_off;
    k.end = ctx->last_off;
    k.href = doc->hrefs.n;
    k.href_len = ctx->href.n;
    /* Zeros after it, for the ticket patterns that search it: see
     * BL_SUBJECT_PAD. */
    if (BL_VEC_RESERVE(&doc->hrefs, k.href_len + 1 + BL_SUBJECT_PAD) < 0)
        return -1;
    if (k.href_len > 0)
        memcpy(doc->hrefs.items + doc->hrefs.n, ctx->href.items, k.href_len);
    doc->hrefs.n += k.href_len;
    memset(doc->hrefs.items + doc->hrefs.n, 0, 1 + BL_SUBJECT_PAD);
    doc->hrefs.n++;
    return BL_VEC_PUSH(&doc->links, k);
}

/* After prose was cut back to ctx->link_prose, shortens the unit's last
 * piece to end there: append() may have merged the cut text into it (a bare
 * URL continues the text before it in the source), and a piece claiming
 * bytes the unit no longer has would overlap the placeholder's. */
static void
trim_last_piece(parse_ctx *ctx)
{
    bl_doc *doc = ctx->doc;
    const bl_unit *u = &doc->units.items[ctx->unit];
    bl_piece *p;
    size_t keep = doc->prose.n - u->text_begin;

    if (doc->pieces.n <= u->piece_begin)
        return;
    p = &doc->pieces.items[doc->pieces.n - 1];
    if (p->u + p->ulen > keep && p->ulen == p->slen) {
        size_t cut = p->u + p->ulen - keep;
        p->ulen -= cut;
        p->slen -= cut;
    }
}

static int
append_placeholder(parse_ctx *ctx, size_t s, size_t slen)
{
    char c = BL_PLACEHOLDER;
    return append(ctx, &c, 1, s, slen);
}

/* Gives every open block that has no text yet its begin offset. */
static void
mark_text(parse_ctx *ctx, size_t begin, size_t end)
{
    size_t i;

    for (i = ctx->first_unbegun; i < ctx->stack.n; i++)
        ctx->doc->blocks.items[ctx->stack.items[i]].begin = begin;
    ctx->first_unbegun = ctx->stack.n;
    ctx->last_off = end;
}

/* Writes the UTF-8 encoding of cp into out; returns its length. */
static size_t
utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decodes the entities prose commonly uses into out (4 bytes at most);
 * returns the length, or 0 for an entity to keep as written (entity names
 * run to 30 characters, so they are never copied into out). */
static size_t
decode_entity(const char *e, size_t n, char *out)
{
    static const struct { const char *name; uint32_t cp; } named[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'},
        {"&apos;", '\''}, {"&nbsp;", ' '}, {"&mdash;", 0x2014},
        {"&ndash;", 0x2013}, {"&lsquo;", 0x2018}, {"&rsquo;", 0x2019},
        {"&ldquo;", 0x201C}, {"&rdquo;", 0x201D}, {"&hellip;", 0x2026},
        {NULL, 0}
    };
    uint32_t cp = 0;
    size_t i;

    if (n >= 4 && e[1] == '#') {
        int hex = e[2] == 'x' || e[2] == 'X';
        for (i = hex ? 3 : 2; i + 1 < n && cp <= 0x10FFFF; i++) {
            char c = e[i];
            int d = c >= '0' && c <= '9' ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0)
                break;
            cp = cp * (hex ? 16 : 10) + (uint32_t)d;
        }
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = 0xFFFD;
        return utf8_encode(cp, out);
    }
    for (i = 0; named[i].name != NULL; i++)
        if (strlen(named[i].name) == n && memcmp(named[i].name, e, n) == 0)
            return utf8_encode(named[i].cp, out);
    return 0;   /* not one we decode: the caller keeps it as written */
}

/* --- md4c callbacks ------------------------------------------------------ */

static bl_block_type
block_type(MD_BLOCKTYPE t)
{
    switch (t) {
    case MD_BLOCK_QUOTE: return BL_BLOCK_QUOTE;
    case MD_BLOCK_UL: return BL_BLOCK_UL;
    case MD_BLOCK_OL: return BL_BLOCK_OL;
    case MD_BLOCK_LI: return BL_BLOCK_LI;
    case MD_BLOCK_HR: return BL_BLOCK_HR;
    case MD_BLOCK_H: return BL_BLOCK_HEADING;
    case MD_BLOCK_CODE: return BL_BLOCK_CODE;
    case MD_BLOCK_HTML: return BL_BLOCK_HTML;
    case MD_BLOCK_P: return BL_BLOCK_PARA;
    case MD_BLOCK_TABLE: return BL_BLOCK_TABLE;
    case MD_BLOCK_THEAD: return BL_BLOCK_THEAD;
    case MD_BLOCK_TBODY: return BL_BLOCK_TBODY;
    case MD_BLOCK_TR: return BL_BLOCK_TR;
    case MD_BLOCK_TH: return BL_BLOCK_TH;
    case MD_BLOCK_TD: return BL_BLOCK_TD;
    default: return BL_BLOCK_DOC;
    }
}

static int
enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
    parse_ctx *ctx = ud;
    bl_doc *doc = ctx->doc;
    bl_block b;
    int parent = top_block(ctx);

    if (type == MD_BLOCK_DOC)
        return 0;
    close_unit(ctx);
    memset(&b, 0, sizeof b);
    b.type = block_type(type);
    b.parent = parent;
    b.section = ctx->section;
    b.begin = b.end = ctx->last_off;
    b.row = b.col = -1;
    if (parent >= 0)
        b.flags = doc->blocks.items[parent].flags & BL_IN_QUOTE;
    switch (type) {
    case MD_BLOCK_QUOTE:
        b.flags |= BL_IN_QUOTE;
        break;
    case MD_BLOCK_UL: case MD_BLOCK_OL:
        ctx->list_depth++;
        break;
    case MD_BLOCK_LI: {
        const MD_BLOCK_LI_DETAIL *li = detail;
        b.depth = ctx->list_depth;
        if (parent >= 0 && doc->blocks.items[parent].type == BL_BLOCK_OL)
            b.flags |= BL_LI_ORDERED;
        if (li->is_task) {
            b.flags |= BL_LI_TASK;
            if (li->task_mark == 'x' || li->task_mark == 'X')
                b.flags |= BL_LI_CHECKED;
        }
        break;
    }
    case MD_BLOCK_H: {
        bl_section s;
        b.level = (int)((const MD_BLOCK_H_DETAIL *)detail)->level;
        memset(&s, 0, sizeof s);
        s.heading = (int)doc->blocks.n;
        s.level = b.level;
        s.parent = -1;
        s.title_unit = -1;
        if (BL_VEC_PUSH(&doc->sections, s) < 0)
            goto oom;
        ctx->section = (int)doc->sections.n - 1;
        b.section = ctx->section;
        break;
    }
    case MD_BLOCK_CODE: case MD_BLOCK_HTML:
        ctx->verbatim++;
        break;
    case MD_BLOCK_TABLE:
        ctx->row = -1;
        break;
    case MD_BLOCK_TR:
        ctx->row++;
        ctx->col = -1;
        break;
    case MD_BLOCK_TH: case MD_BLOCK_TD:
        ctx->col++;
        b.row = ctx->row;
        b.col = ctx->col;
        break;
    default:
        break;
    }
    if (BL_VEC_PUSH(&doc->blocks, b) < 0
        || BL_VEC_PUSH(&ctx->stack, (int)doc->blocks.n - 1) < 0)
        goto oom;
    return 0;
oom:
    ctx->oom = 1;
    return -1;
}

/* Does an ATX opening ("#" run, then a space or tab) precede offset `at` on
 * its line?  md4c makes headings only from ATX and Setext syntax, so a heading
 * with text whose first text has no such opening before it is a Setext one.
 * Looking at the line after the text instead would misread "# T" followed by
 * a "---" rule and miss a Setext heading whose underline starts with "> ". */
static int
atx_opening_before(const bl_doc *doc, size_t at)
{
    size_t i = doc->lines.items[bl_doc_line_of(doc, at)];

    for (; i < at; i++)    /* src[len] is a NUL, so i + 1 is readable */
        if (doc->src[i] == '#'
            && (doc->src[i + 1] == ' ' || doc->src[i + 1] == '\t'))
            return 1;
    return 0;
}

/* The end of the container markers a line opens with: indentation, block
 * quote markers and list item markers ("- ", "* ", "+ ", "1. ", "2) "), in
 * any nesting ("> - 1. ").  A marker counts only when a space, a tab or the
 * line's end follows it, as CommonMark has it, so "-#" and "1.5" stay
 * text. */
static size_t
skip_container_markers(const char *src, size_t i, size_t e)
{
    for (;;) {
        size_t d = i;
        if (i < e && (src[i] == ' ' || src[i] == '\t' || src[i] == '>')) {
            i++;
            continue;
        }
        if (i < e && (src[i] == '-' || src[i] == '*' || src[i] == '+'))
            d = i + 1;
        else {
            while (d < e && d - i < 9 && src[d] >= '0' && src[d] <= '9')
                d++;
            if (d == i || d >= e || (src[d] != '.' && src[d] != ')'))
                return i;
            d++;
        }
        if (d < e && src[d] != ' ' && src[d] != '\t')
            return i;
        i = d;
    }
}

/* An empty ATX heading ("#", "## ##") gives md4c no text to point into
 * the source, so find its line: the first line after the last text seen
 * that opens, past indentation, quote and list markers, with `level`
 * hashes and then a space or the line's end.  Returns the offset of the
 * first '#'. */
static size_t
find_empty_atx(const bl_doc *doc, size_t from, int level)
{
    size_t li;

    for (li = bl_doc_line_of(doc, from); li < doc->lines.n; li++) {
        size_t b, e, i, n = 0;
        bl_doc_line_span(doc, li, &b, &e);
        i = skip_container_markers(doc->src, b, e);
        if (i < from)
            continue;
        while (i + n < e && doc->src[i + n] == '#')
            n++;
        if ((int)n == level && (i + n == e || doc->src[i + n] == ' '
                                || doc->src[i + n] == '\t'))
            return i;
    }
    return from;
}

static int
leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
    parse_ctx *ctx = ud;
    bl_doc *doc = ctx->doc;
    bl_block *b;
    int unit = ctx->unit;

    (void)detail;
    if (type == MD_BLOCK_DOC || ctx->stack.n == 0)
        return 0;
    close_unit(ctx);
    b = &doc->blocks.items[top_block(ctx)];
    if (ctx->first_unbegun >= ctx->stack.n) {
        b->end = ctx->last_off;
    } else {
        /* No text inside.  Enclosing blocks may still get text later, so
         * first_unbegun stays where it is. */
        b->begin = b->end = ctx->last_off;
        if (type == MD_BLOCK_H)
        {
            /* Search after the last empty heading found too, so that
             * "#\n#" finds two lines and many of them cost one pass. */
            size_t from = ctx->last_off > ctx->empty_atx_after
                          ? ctx->last_off : ctx->empty_atx_after;
            b->begin = b->end = find_empty_atx(doc, from, b->level);
            ctx->empty_atx_after = b->begin + 1;
        }
    }
    switch (type) {
    case MD_BLOCK_UL: case MD_BLOCK_OL: ctx->list_depth--; break;
    case MD_BLOCK_CODE: case MD_BLOCK_HTML: ctx->verbatim--; break;
    case MD_BLOCK_H:
        if (unit >= 0 && (size_t)unit < doc->units.n
            && doc->units.items[unit].block == top_block(ctx))
            doc->sections.items[ctx->section].title_unit = unit;
        if (b->end > b->begin && !atx_opening_before(doc, b->begin))
            b->flags |= BL_H_SETEXT;
        break;
    default: break;
    }
    ctx->stack.n--;
    /* The next block pushed at this depth has not seen text yet; without
     * this it would keep the begin of the last text before it, and so would
     * the section of a heading that follows another block. */
    if (ctx->first_unbegun > ctx->stack.n)
        ctx->first_unbegun = ctx->stack.n;
    return 0;
}

/* Is a link's text its own destination (<https://x>, a bare URL or
 * e-mail address)?  Permissive autolinks get a scheme the text lacks, so
 * the text may also be the destination minus one of those schemes; any
 * other link text ("[Bob](https://github.com/Bob)") is prose. */
static int
is_autolink_text(const char *text, size_t n, const char *href, size_t hn)
{
    static const char *const schemes[] = {"http://", "https://", "mailto:",
                                          NULL};
    size_t k;

    if (n == 0)
        return 0;
    if (n == hn && memcmp(text, href, n) == 0)
        return 1;
    for (k = 0; schemes[k] != NULL; k++) {
        size_t sl = strlen(schemes[k]);
        if (hn == sl + n && memcmp(href, schemes[k], sl) == 0
            && memcmp(href + sl, text, n) == 0)
            return 1;
    }
    return 0;
}

static int
enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
    parse_ctx *ctx = ud;
    bl_doc *doc = ctx->doc;

    switch (type) {
    case MD_SPAN_CODE:
        ctx->code_pending = 1;
        break;
    case MD_SPAN_IMG:
        if (ctx->image++ == 0 && !ctx->verbatim
            && append_placeholder(ctx, ctx->last_off, 0) < 0)
            goto oom;
        break;
    case MD_SPAN_A: {
        const MD_SPAN_A_DETAIL *a = detail;
        ctx->in_link = 1;
        ctx->link_has_text = 0;
        ctx->href.n = 0;
        if (BL_VEC_RESERVE(&ctx->href, a->href.size + 1) < 0)
            goto oom;
        if (a->href.size > 0)   /* an empty destination may be NULL */
            memcpy(ctx->href.items, a->href.text, a->href.size);
        ctx->href.n = a->href.size;
        ctx->link_prose = doc->prose.n;
        ctx->link_pieces = doc->pieces.n;
        ctx->link_src = ctx->last_off;
        break;
    }
    default:
        break;
    }
    return 0;
oom:
    ctx->oom = 1;
    return -1;
}

static int
leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
    parse_ctx *ctx = ud;
    bl_doc *doc = ctx->doc;

    (void)detail;
    switch (type) {
    case MD_SPAN_CODE:
        if (ctx->code_pending && !ctx->verbatim && !ctx->image
            && append_placeholder(ctx, ctx->last_off, 0) < 0)
            goto oom;
        ctx->code_pending = 0;
        break;
    case MD_SPAN_IMG:
        ctx->image--;
        break;
    case MD_SPAN_A:
        if (ctx->in_link && add_link(ctx) < 0)
            goto oom;
        /* An autolink's text is its URL: replace it by a placeholder. */
        if (ctx->in_link && ctx->unit >= 0
            && ctx->link_prose >= doc->units.items[ctx->unit].text_begin
            && is_autolink_text(doc->prose.items + ctx->link_prose,
                                doc->prose.n - ctx->link_prose,
                                ctx->href.items, ctx->href.n)) {
            size_t s = ctx->link_pieces < doc->pieces.n
                       ? doc->pieces.items[ctx->link_pieces].s
                       : ctx->link_src;
            doc->prose.n = ctx->link_prose;
            doc->pieces.n = ctx->link_pieces;
            trim_last_piece(ctx);
            if (append_placeholder(ctx, s, ctx->last_off - s) < 0)
                goto oom;
        }
        ctx->in_link = 0;
        break;
    default:
        break;
    }
    return 0;
oom:
    ctx->oom = 1;
    return -1;
}

/* Records source bytes [off, off + n) as raw HTML, joined to the range
 * before when they touch it (an HTML block comes a line at a time). */
static int
note_html(parse_ctx *ctx, size_t off, size_t n)
{
    bl_doc *doc = ctx->doc;
    bl_html_range r = {off, off + n};

    if (doc->html.n > 0) {
        bl_html_range *last = &doc->html.items[doc->html.n - 1];
        size_t gap = last->end;
        while (gap < off && (doc->src[gap] == '\n' || doc->src[gap] == '\r'))
            gap++;
        if (gap == off && off >= last->end) {
            last->end = off + n;
            return 0;
        }
    }
    return BL_VEC_PUSH(&doc->html, r);
}

static int
text_cb(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *ud)
{
    parse_ctx *ctx = ud;
    size_t off = ctx->last_off, n = size;
    int here = in_source(ctx, text, n);
    char buf[8];
    int rc = 0;

    if (here && n > 0)
        off = (size_t)(text - ctx->doc->src);
    if (here && n > 0 && type != MD_TEXT_SOFTBR && type != MD_TEXT_BR) {
        mark_text(ctx, off, off + n);
        if (ctx->in_link && !ctx->link_has_text) {
            ctx->link_begin = off;
            ctx->link_has_text = 1;
        }
    }
    if (type == MD_TEXT_HTML && here && n > 0 && note_html(ctx, off, n) < 0) {
        ctx->oom = 1;
        return -1;
    }
    if (ctx->verbatim || ctx->image)
        return 0;
    switch (type) {
    case MD_TEXT_NORMAL:
        rc = here ? append(ctx, text, n, off, n) : append(ctx, text, n, off, 0);
        break;
    case MD_TEXT_SOFTBR: case MD_TEXT_BR:
        rc = append(ctx, " ", 1, ctx->last_off, 0);
        break;
    case MD_TEXT_NULLCHAR:
        rc = append(ctx, "\xEF\xBF\xBD", 3, ctx->last_off, 0);
        break;
    case MD_TEXT_ENTITY: {
        size_t dn = decode_entity(text, n, buf);
        if (dn > 0)
            rc = append(ctx, buf, dn, off, here ? n : 0);
        else
            rc = append(ctx, text, n, off, here ? n : 0);
        break;
    }
    case MD_TEXT_CODE:
        /* Only from `code` spans: a code block's text returned above. */
        if (ctx->code_pending) {
            ctx->code_pending = 0;
            rc = append_placeholder(ctx, off, here ? n : 0);
        } else if (here && ctx->doc->pieces.n > 0) {
            bl_piece *p = &ctx->doc->pieces.items[ctx->doc->pieces.n - 1];
            if (off + n > p->s + p->slen)
                p->slen = off + n - p->s;
        }
        break;
    case MD_TEXT_HTML:
        /* Inline HTML (a comment, <br>) separates words like a space. */
        rc = append(ctx, " ", 1, off, here ? n : 0);
        break;
    default:
        break;
    }
    if (rc < 0) {
        ctx->oom = 1;
        return -1;
    }
    return 0;
}

/* --- Front matter, lines and sections ------------------------------------ */

/* Is [b, e) a line holding only the fence (three of c, then spaces)? */
static int
is_fence_line(const char *s, size_t b, size_t e, char c)
{
    size_t i;

    if (e - b < 3 || s[b] != c || s[b + 1] != c || s[b + 2] != c)
        return 0;
    for (i = b + 3; i < e; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

/* YAML front matter opens with "---" on the first line and closes with
 * "---" or "..."; TOML uses "+++".  Without a closing line it is not
 * front matter but a thematic break, and md4c gets it. */
static void
find_front_matter(bl_doc *doc)
{
    size_t li, b, e;
    char c;

    if (doc->lines.n < 2)
        return;
    b = doc->bom;
    e = doc->lines.items[1];
    while (e > b && (doc->src[e - 1] == '\n' || doc->src[e - 1] == '\r'))
        e--;
    if (is_fence_line(doc->src, b, e, '-'))
        c = '-';
    else if (is_fence_line(doc->src, b, e, '+'))
        c = '+';
    else
        return;
    for (li = 1; li < doc->lines.n; li++) {
        size_t lb, le;
        bl_doc_line_span(doc, li, &lb, &le);
        if (is_fence_line(doc->src, lb, le, c)
            || (c == '-' && is_fence_line(doc->src, lb, le, '.'))) {
            doc->fm_begin = doc->bom;
            doc->fm_end = li + 1 < doc->lines.n ? doc->lines.items[li + 1]
                                                : doc->len;
            return;
        }
    }
}

static int
index_lines(bl_doc *doc)
{
    size_t i;

    if (BL_VEC_PUSH(&doc->lines, 0) < 0)
        return -1;
    if (memchr(doc->src, '\r', doc->len) == NULL) {
        /* Only "\n" ends lines: memchr finds them faster than a loop. */
        const char *p = doc->src, *end = doc->src + doc->len;
        while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
            p++;
            if (BL_VEC_PUSH(&doc->lines, (size_t)(p - doc->src)) < 0)
                return -1;
        }
        return 0;
    }
    for (i = 0; i < doc->len; i++) {
        char c = doc->src[i];
        if (c == '\r' && i + 1 < doc->len && doc->src[i + 1] == '\n')
            continue;
        if ((c == '\n' || c == '\r') && BL_VEC_PUSH(&doc->lines, i + 1) < 0)
            return -1;
    }
    return 0;
}

/* Sections nest by heading level; each runs to the next heading of the
 * same or a higher level. */
static void
link_sections(bl_doc *doc)
{
    int open[7];    /* innermost open section per level 1-6, or -1 */
    size_t i;
    int lv;

    for (lv = 0; lv < 7; lv++)
        open[lv] = -1;
    for (i = 0; i < doc->sections.n; i++) {
        bl_section *s = &doc->sections.items[i];
        const bl_block *h = &doc->blocks.items[s->heading];
        s->begin = doc->lines.items[bl_doc_line_of(doc, h->begin)];
        s->end = doc->len;
        s->parent = -1;
        /* A heading closes every open section of its level or deeper and
         * nests in the deepest one above. */
        for (lv = 6; lv >= 1; lv--) {
            if (open[lv] < 0)
                continue;
            if (lv >= s->level) {
                doc->sections.items[open[lv]].end = s->begin;
                open[lv] = -1;
            } else if (s->parent < 0) {
                s->parent = open[lv];
            }
        }
        open[s->level] = (int)i;
    }
}

/* --- Public API ---------------------------------------------------------- */

/* --- Parsing in chunks (doc.h) ------------------------------------------- */

enum {
    BL_EV_ENTER_BLOCK, BL_EV_LEAVE_BLOCK, BL_EV_ENTER_SPAN, BL_EV_LEAVE_SPAN,
    BL_EV_TEXT
};

/* Below this, a chunk is not cut: each costs a lookup and a parse call. */
#define BL_CHUNK_MIN 2048

void
bl_parse_chunk_free(bl_parse_chunk *c)
{
    BL_VEC_FREE(&c->events);
    BL_VEC_FREE(&c->bytes);
    c->recorded = 0;
}

/* md4c's user data while a chunk is parsed and recorded. */
typedef struct recorder {
    parse_ctx *ctx;
    bl_parse_chunk *chunk;
    const char *base;       /* the chunk's first source byte */
    size_t len;
} recorder;

/* Records text p[0..n) in ev: where it is in the chunk, or a copy. */
static int
record_text(recorder *rc, bl_parse_event *ev, const char *p, size_t n)
{
    ev->len = n;
    if (n == 0 || (p >= rc->base && p <= rc->base + rc->len
                   && n <= (size_t)(rc->base + rc->len - p))) {
        ev->in_source = 1;
        ev->off = n == 0 ? 0 : (size_t)(p - rc->base);
        return 0;
    }
    ev->in_source = 0;
    ev->off = rc->chunk->bytes.n;
    return bl_strbuf_add((bl_strbuf *)&rc->chunk->bytes, p, n);
}

static int
record(recorder *rc, const bl_parse_event *ev)
{
    if (BL_VEC_PUSH(&rc->chunk->events, *ev) < 0) {
        rc->ctx->oom = 1;
        return -1;
    }
    return 0;
}

static bl_parse_event
new_event(unsigned char kind, unsigned type)
{
    bl_parse_event ev;

    memset(&ev, 0, sizeof ev);
    ev.kind = kind;
    ev.type = (unsigned short)type;
    return ev;
}

static int
rec_enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
    recorder *rc = ud;
    bl_parse_event ev = new_event(BL_EV_ENTER_BLOCK, type);

    if (type == MD_BLOCK_LI) {
        ev.a = ((const MD_BLOCK_LI_DETAIL *)detail)->is_task;
        ev.b = (unsigned char)((const MD_BLOCK_LI_DETAIL *)detail)->task_mark;
    } else if (type == MD_BLOCK_H) {
        ev.a = ((const MD_BLOCK_H_DETAIL *)detail)->level;
    }
    return record(rc, &ev) < 0 ? -1 : enter_block(type, detail, rc->ctx);
}

static int
rec_leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
    recorder *rc = ud;
    bl_parse_event ev = new_event(BL_EV_LEAVE_BLOCK, type);

    return record(rc, &ev) < 0 ? -1 : leave_block(type, detail, rc->ctx);
}

static int
rec_enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
    recorder *rc = ud;
    bl_parse_event ev = new_event(BL_EV_ENTER_SPAN, type);

    if (type == MD_SPAN_A) {
        const MD_SPAN_A_DETAIL *a = detail;
        if (record_text(rc, &ev, a->href.text, a->href.size) < 0) {
            rc->ctx->oom = 1;
            return -1;
        }
    }
    return record(rc, &ev) < 0 ? -1 : enter_span(type, detail, rc->ctx);
}

static int
rec_leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
    recorder *rc = ud;
    bl_parse_event ev = new_event(BL_EV_LEAVE_SPAN, type);

    return record(rc, &ev) < 0 ? -1 : leave_span(type, detail, rc->ctx);
}

static int
rec_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *ud)
{
    recorder *rc = ud;
    bl_parse_event ev = new_event(BL_EV_TEXT, type);

    if (record_text(rc, &ev, text, size) < 0) {
        rc->ctx->oom = 1;
        return -1;
    }
    return record(rc, &ev) < 0 ? -1 : text_cb(type, text, size, rc->ctx);
}

/* Feeds a recorded chunk, now at base in the source, to the model as md4c
 * fed it when it was recorded. */
static int
replay(parse_ctx *ctx, const bl_parse_chunk *c, const char *base)
{
    size_t i;

    for (i = 0; i < c->events.n; i++) {
        const bl_parse_event *ev = &c->events.items[i];
        const char *p = ev->in_source ? base + ev->off
                                      : c->bytes.items + ev->off;
        int rc = 0;
        if (ev->len == 0)
            p = "";
        switch (ev->kind) {
        case BL_EV_ENTER_BLOCK: {
            MD_BLOCK_LI_DETAIL li;
            MD_BLOCK_H_DETAIL h;
            void *detail = NULL;
            memset(&li, 0, sizeof li);
            memset(&h, 0, sizeof h);
            if (ev->type == MD_BLOCK_LI) {
                li.is_task = (int)ev->a;
                li.task_mark = (MD_CHAR)ev->b;
                detail = &li;
            } else if (ev->type == MD_BLOCK_H) {
                h.level = ev->a;
                detail = &h;
            }
            rc = enter_block((MD_BLOCKTYPE)ev->type, detail, ctx);
            break;
        }
        case BL_EV_LEAVE_BLOCK:
            rc = leave_block((MD_BLOCKTYPE)ev->type, NULL, ctx);
            break;
        case BL_EV_ENTER_SPAN: {
            MD_SPAN_A_DETAIL a;
            memset(&a, 0, sizeof a);
            a.href.text = p;
            a.href.size = (MD_SIZE)ev->len;
            rc = enter_span((MD_SPANTYPE)ev->type,
                            ev->type == MD_SPAN_A ? &a : NULL, ctx);
            break;
        }
        case BL_EV_LEAVE_SPAN:
            rc = leave_span((MD_SPANTYPE)ev->type, NULL, ctx);
            break;
        default:
            rc = text_cb((MD_TEXTTYPE)ev->type, p, (MD_SIZE)ev->len, ctx);
            break;
        }
        if (rc != 0)
            return -1;
    }
    return 0;
}

/* Where the line starting at i ends (its '\n', or n). */
static size_t
line_end(const char *s, size_t i, size_t n)
{
    const char *nl = memchr(s + i, '\n', n - i);
    return nl != NULL ? (size_t)(nl - s) : n;
}

/* The fence a line [b, e) opens or closes, at most three spaces in:
 * its character and length, or 0. */
static size_t
fence_at(const char *s, size_t b, size_t e, char *p_c)
{
    size_t i = b, k;

    while (i < e && i - b < 3 && s[i] == ' ')
        i++;
    if (i >= e || (s[i] != '`' && s[i] != '~'))
        return 0;
    for (k = i; k < e && s[k] == s[i]; k++)
        ;
    if (k - i < 3)
        return 0;
    if (s[i] == '`' && memchr(s + k, '`', e - k) != NULL)
        return 0;   /* "``` a`b": inline code, not a fence */
    *p_c = s[i];
    return k - i;
}

/* Does [b, e) hold needle, ASCII case ignored? */
static int
line_has(const char *s, size_t b, size_t e, const char *needle)
{
    size_t m = strlen(needle), i, k;

    for (i = b; i + m <= e; i++) {
        for (k = 0; k < m; k++)
            if ((char)(s[i + k] >= 'A' && s[i + k] <= 'Z' ? s[i + k] + 32
                                                         : s[i + k])
                != needle[k])
                break;
        if (k == m)
            return 1;
    }
    return 0;
}

/* The end marker of the HTML block line [b, e) opens, "" for one that
 * ends at a blank line, NULL when it opens none; i is its '<'. */
static const char *
html_end(const char *s, size_t i, size_t e)
{
    static const char *const raw[] = {"script", "pre", "style", "textarea",
                                      NULL};
    size_t k;

    if (line_has(s, i, e < i + 4 ? e : i + 4, "<!--"))
        return "-->";
    if (i + 1 < e && s[i + 1] == '?')
        return "?>";
    if (line_has(s, i, e < i + 9 ? e : i + 9, "<![cdata["))
        return "]]>";
    if (i + 1 < e && s[i + 1] == '!')
        return ">";
    for (k = 0; raw[k] != NULL; k++) {
        size_t m = strlen(raw[k]);
        if (i + 1 + m <= e && line_has(s, i + 1, i + 1 + m, raw[k])
            && (i + 1 + m == e || s[i + 1 + m] == ' ' || s[i + 1 + m] == '>'
                || s[i + 1 + m] == '\t'))
            return k == 0 ? "</script>" : k == 1 ? "</pre>"
                   : k == 2 ? "</style>" : "</textarea>";
    }
    return "";
}

/* May line [k, e), from its first non-blank, hold a link reference
 * definition ("[label]: url"), also inside a list item or a quote, or the
 * start of one whose label goes on to the next line? */
static int
may_define_link(const char *s, size_t k, size_t e)
{
    for (;;) {      /* past container marks: "> ", "- ", "1. " */
        size_t d = k;
        if (k < e && s[k] == '>') {
            k++;
        } else if (k + 1 < e && (s[k] == '-' || s[k] == '*' || s[k] == '+')
                   && (s[k + 1] == ' ' || s[k + 1] == '\t')) {
            k++;
        } else {
            while (d < e && d - k < 9 && s[d] >= '0' && s[d] <= '9')
                d++;
            if (d > k && d + 1 < e && (s[d] == '.' || s[d] == ')')
                && (s[d + 1] == ' ' || s[d + 1] == '\t'))
                k = d + 1;
            else
                break;
        }
        while (k < e && (s[k] == ' ' || s[k] == '\t'))
            k++;
    }
    return k < e && s[k] == '['
           && (line_has(s, k, e, "]:") || memchr(s + k, ']', e - k) == NULL);
}

typedef struct cut_list {
    size_t *items;
    size_t n, alloc;
} cut_list;

/* Does line [b, e) hold nothing but blanks and block quote marks? */
static int
is_blankish(const char *s, size_t b, size_t e)
{
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '>'))
        b++;
    return b == e;
}

/* Where line [b, e) goes on after its indentation, quote marks and list
 * markers ("> - 1. text": at "text"). */
static size_t
skip_container_marks(const char *s, size_t b, size_t e)
{
    for (;;) {
        size_t d = b;
        while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '>'))
            b++;
        if (b + 1 < e && (s[b] == '-' || s[b] == '*' || s[b] == '+')
            && (s[b + 1] == ' ' || s[b + 1] == '\t'))
            b++;
        else
            while (b < e && s[b] >= '0' && s[b] <= '9')
                b++;
        if (b < e && b > d && s[b - 1] >= '0' && s[b - 1] <= '9'
            && (s[b] == '.' || s[b] == ')'))
            b++;
        if (b == d)
            return b;
    }
}

/* Could line [b, e), past its container marks, open a fence or an HTML
 * block?  A fence run of three, or a '<'. */
static int
may_open_fence_or_html(const char *s, size_t b, size_t e)
{
    size_t k;

    if (b >= e)
        return 0;
    if (s[b] == '<')
        return 1;
    if (s[b] != '`' && s[b] != '~')
        return 0;
    for (k = b; k < e && s[k] == s[b]; k++)
        ;
    return k - b >= 3 && (s[b] == '~' || memchr(s + k, '`', e - k) == NULL);
}

/* Could line [b, e) end a block on its own, inside a list item or a
 * quote: a fence, an ATX heading, a thematic break or Setext underline,
 * the end of an HTML block that ends at a marker?  (A paragraph, a table
 * or an HTML block that ends at a blank line is still open at the blank
 * line after it.)  Generous: a wrong yes only costs cuts. */
static int
may_end_its_block(const char *s, size_t b, size_t e)
{
    static const char *const html_ends[] = {
        "-->", "?>", "]]>", "</script", "</pre", "</style", "</textarea",
        NULL
    };
    size_t k, run = 0;
    char c;

    for (k = 0; html_ends[k] != NULL; k++)
        if (line_has(s, b, e, html_ends[k]))
            return 1;
    b = skip_container_marks(s, b, e);
    if (b == e)
        return 0;
    c = s[b];
    if (c == '#' || (c == '<' && b + 1 < e && s[b + 1] == '!'))
        return 1;
    for (k = b; k < e && s[k] == c; k++)
        run++;
    if (c == '`' || c == '~')
        return run >= 3;
    if (c != '-' && c != '*' && c != '_' && c != '=')
        return 0;
    for (; k < e; k++)      /* "---", "* * *", "===": that and blanks */
        if (s[k] != c && s[k] != ' ' && s[k] != '\t')
            return 0;
    return 1;
}

/* md4c 0.4 decides whether a blank line inside a list item ends the item
 * (CommonMark's "a list item can begin with at most one blank line") by
 * reading the type of the last block it stored.  When the block before
 * has already ended (a closing fence, a heading, an earlier blank line),
 * what it reads is the end of that block's line records: the low byte of
 * a source offset, counted from where md4c's input begins.  Whether the
 * item goes on past the blank line then depends on that offset modulo
 * 256, so a chunk that starts elsewhere than the whole parse may end the
 * item where the whole parse does not, or the reverse.  The line at i
 * is where that can show: an indented or quoted line, which may continue
 * a list item, after a blank line that follows a blank line
 * or a block that ended on its own line (p1, p2: the starts of the two
 * lines before, or n when there are none; blank: the line holds only
 * blanks).  Not a quote mark at the margin after a line with none: that
 * starts a new quote, in no list. */
static int
may_read_a_stale_block(const char *s, size_t i, int blank, size_t p1,
                       size_t p2, size_t n)
{
    size_t e1, e2;

    /* "  >" is no blank line to md4c: an empty quote in the item. */
    if (blank || (s[i] != ' ' && s[i] != '\t' && s[i] != '>') || p1 == n
        || p2 == n)
        return 0;
    e1 = line_end(s, p1, n);
    e2 = line_end(s, p2, n);
    if (s[i] == '>' && memchr(s + p1, '>', e1 - p1) == NULL)
        return 0;   /* a quote at the margin after a blank line is new */
    return is_blankish(s, p1, e1)
           && (is_blankish(s, p2, e2) || may_end_its_block(s, p2, e2));
}

/* Cuts s[body, n) into chunks md4c can parse one by one (doc.h): their
 * starts, after body, into *cuts.  Where it cannot tell what md4c will
 * make of a line, it stops cutting: the rest is one chunk, though the
 * scan goes on for what reaches back before that line.  Returns 0, 1
 * when the document must be parsed whole (a link reference definition
 * reaches all of it), -1 when out of memory. */
static int
find_cuts(const char *s, size_t body, size_t n, cut_list *cuts)
{
    size_t i = body, from = body, flen = 0, p1 = n, p2 = n;
    const char *html = NULL;    /* the open HTML block's end marker */
    int prev_blank = 0, stopped = 0, run_has_pipe = 0;
    char fc = 0;

    if (memchr(s + body, '\r', n - body) != NULL)
        return 1;
    for (; i < n; p2 = p1, p1 = i, i = line_end(s, i, n) + 1) {
        size_t e = line_end(s, i, n), k = i;
        int blank;
        char c;
        size_t fl;
        while (k < e && (s[k] == ' ' || s[k] == '\t'))
            k++;
        blank = k == e;
        /* Not where md4c's result depends on where its input begins:
         * chunk 0 begins where the whole parse does, so it must hold
         * every such place (but those in fenced code at the margin,
         * which is outside any list). */
        if ((stopped || flen == 0)
            && may_read_a_stale_block(s, i, blank, p1, p2, n)) {
            cuts->n = 0;
            from = body;
        }
        if (stopped) {
            /* Only what reaches back: a link reference definition, read
             * generously as the line's state is not known. */
            if (may_define_link(s, k, e))
                return 1;
        } else if (flen > 0) {          /* in fenced code */
            if ((fl = fence_at(s, i, e, &c)) >= flen && c == fc) {
                size_t t = k;           /* only blanks after the run */
                while (t < e && s[t] == fc)
                    t++;
                while (t < e && s[t] == ' ')
                    t++;
                /* CommonMark closes at "```" and a tab; md4c 0.4 reads on
                 * as code.  Which one a later md4c does is not this
                 * scan's to guess: no cut from here. */
                if (t < e && s[t] == '\t')
                    stopped = 1;
                else if (t == e)
                    flen = 0;           /* closed */
            }
        } else if (html != NULL) {      /* in an HTML block */
            if (html[0] == '\0') {
                const char *opens = k < e && s[k] == '<'
                                    ? html_end(s, k, e) : NULL;
                if (blank)
                    html = NULL;
                else if (fence_at(s, i, e, &c)
                         || (opens != NULL && opens[0] != '\0'
                             && !line_has(s, k + 1, e, opens)))
                    stopped = 1;        /* HTML, or a paragraph a fence or
                                           a comment interrupts ("<https:
                                           //...>" then "<!--"): not told
                                           apart, so no cut from here on */
            } else if (line_has(s, i, e, html)) {
                html = NULL;
            }
        } else {
            if (!blank && prev_blank && i > body && i - from >= BL_CHUNK_MIN
                && s[i] != ' ' && s[i] != '\t' && s[i] != '-' && s[i] != '+'
                && s[i] != '*' && !(s[i] >= '0' && s[i] <= '9')) {
                if (BL_VEC_PUSH(cuts, i) < 0)
                    return -1;
                from = i;
            }
            if (may_define_link(s, k, e))
                return 1;
            fl = fence_at(s, i, e, &c);
            if (k > i || s[i] == '>' || s[i] == '-' || s[i] == '*'
                || s[i] == '+' || (s[i] >= '0' && s[i] <= '9')) {
                /* A fence or an HTML block indented, or after a quote mark
                 * or a list marker, may be inside a container and end
                 * with it, unseen here; md4c 0.4 even opens one four
                 * spaces in after a paragraph line, and closes a fence
                 * opened in a list item at the margin.  No cut from here
                 * on (those before stand). */
                if (may_open_fence_or_html(s, skip_container_marks(s, i, e),
                                           e))
                    stopped = 1;
            } else if (fl != 0 || (k < e && s[k] == '<')) {
                /* One right under a line with a '|' may be a row of a
                 * table: md4c 0.4 lets neither interrupt a table. */
                if (!prev_blank && run_has_pipe)
                    stopped = 1;
                else if (fl != 0) {
                    flen = fl;
                    fc = c;
                } else {
                    html = html_end(s, k, e);
                    /* md4c 0.4 reads "<!x", "<![cdata[" and <textarea>
                     * as CommonMark 0.29 does, not as html_end does. */
                    if (html != NULL && (strcmp(html, ">") == 0
                                         || strcmp(html, "]]>") == 0
                                         || strcmp(html, "</textarea>") == 0))
                        stopped = 1;
                    else if (html != NULL && html[0] != '\0'
                             && line_has(s, k + 1, e, html))
                        html = NULL;    /* "<!-- note -->" on one line */
                }
            }
        }
        run_has_pipe = !blank && (run_has_pipe
                                  || memchr(s + i, '|', e - i) != NULL);
        prev_blank = blank;
        if (e == n)
            break;
    }
    return 0;
}

/* --- Public API ---------------------------------------------------------- */

/* Parses src into a document: whole with md4c (chunk_of NULL), or by
 * chunks, replaying those chunk_of has recorded. */
static bl_doc *
parse(const char *src, size_t len, bl_chunk_fn chunk_of, void *cache)
{
    MD_PARSER parser;
    parse_ctx ctx;
    bl_doc *doc = calloc(1, sizeof *doc);
    size_t body;
    cut_list cuts = {NULL, 0, 0};
    int whole = 1;

    if (doc == NULL)
        return NULL;
    doc->src = malloc(len + 1);
    if (doc->src == NULL)
        goto fail;
    if (len > 0)
        memcpy(doc->src, src, len);
    doc->src[len] = '\0';
    doc->len = len;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        doc->bom = 3;
    /* Sized from the source up front, so that growing them does not copy
     * a document's worth several times over (prose is rarely longer than
     * its source; the other counts are typical of postmortems). */
    if (BL_VEC_RESERVE(&doc->prose, len + 64) < 0
        || BL_VEC_RESERVE(&doc->lines, len / 40 + 16) < 0
        || BL_VEC_RESERVE(&doc->pieces, len / 48 + 16) < 0
        || BL_VEC_RESERVE(&doc->units, len / 80 + 16) < 0
        || BL_VEC_RESERVE(&doc->blocks, len / 60 + 16) < 0)
        goto fail;
    if (index_lines(doc) < 0)
        goto fail;
    find_front_matter(doc);
    body = bl_doc_body_offset(doc);

    memset(&ctx, 0, sizeof ctx);
    ctx.doc = doc;
    /* Most postmortems are plain ASCII: one look at the whole source
     * spares checking each piece of prose for invalid UTF-8. */
    ctx.src_ascii = is_ascii(doc->src, len);
    ctx.unit = -1;
    ctx.section = -1;
    ctx.last_off = body;
    memset(&parser, 0, sizeof parser);
    parser.flags = MD_DIALECT_GITHUB;
    parser.enter_block = enter_block;
    parser.leave_block = leave_block;
    parser.enter_span = enter_span;
    parser.leave_span = leave_span;
    parser.text = text_cb;
    /* md4c sizes are unsigned (32-bit); larger inputs are linted only up to
     * what md4c can address rather than misparsed, and parsed whole. */
    if (chunk_of != NULL && len - body <= UINT32_MAX) {
        int rc = find_cuts(doc->src, body, len, &cuts);
        if (rc < 0)
            ctx.oom = 1;
        whole = rc != 0;
    }
    if (whole) {
        /* md4c fails only when a callback aborts (our out-of-memory path)
         * or when it runs out of memory itself. */
        if (!ctx.oom
            && md_parse(doc->src + body,
                        (MD_SIZE)(len - body > UINT32_MAX ? UINT32_MAX
                                                          : len - body),
                        &parser, &ctx) != 0)
            ctx.oom = 1;
    } else {
        size_t k;
        for (k = 0; k <= cuts.n && !ctx.oom; k++) {
            size_t cb = k == 0 ? body : cuts.items[k - 1];
            size_t ce = k == cuts.n ? len : cuts.items[k];
            bl_parse_chunk *c = chunk_of(cache, doc->src + cb, ce - cb);
            if (c == NULL) {
                ctx.oom = 1;
            } else if (c->recorded) {
                if (replay(&ctx, c, doc->src + cb) < 0)
                    ctx.oom = 1;
            } else {
                MD_PARSER rp = parser;
                recorder rec;
                rec.ctx = &ctx;
                rec.chunk = c;
                rec.base = doc->src + cb;
                rec.len = ce - cb;
                c->events.n = c->bytes.n = 0;
                rp.enter_block = rec_enter_block;
                rp.leave_block = rec_leave_block;
                rp.enter_span = rec_enter_span;
                rp.leave_span = rec_leave_span;
                rp.text = rec_text;
                if (md_parse(doc->src + cb, (MD_SIZE)(ce - cb), &rp, &rec)
                    != 0)
                    ctx.oom = 1;
                else
                    c->recorded = 1;
            }
        }
    }
    BL_VEC_FREE(&cuts);
    close_unit(&ctx);
    BL_VEC_FREE(&ctx.stack);
    BL_VEC_FREE(&ctx.href);
    if (ctx.oom)
        goto fail;
    /* PCRE2's JIT scans a subject for a pattern's first character 16 bytes
     * at a time, reading past the end of the text into the buffer's spare
     * room: harmless, but valgrind calls it a use of uninitialised memory
     * unless that room is written. */
    if (doc->prose.alloc > doc->prose.n)
        memset(doc->prose.items + doc->prose.n, 0,
               doc->prose.alloc - doc->prose.n);
    link_sections(doc);
    return doc;
fail:
    bl_doc_free(doc);
    return NULL;
}

bl_doc *
bl_doc_parse(const char *src, size_t len)
{
    return parse(src, len, NULL, NULL);
}

bl_doc *
bl_doc_parse_chunks(const char *src, size_t len, bl_chunk_fn chunk_of,
                    void *cache)
{
    return parse(src, len, chunk_of, cache);
}

int
bl_doc_same_model(const bl_doc *a, const bl_doc *b, const char **p_what)
{
    const char *what = NULL;
    size_t i;

#define DIFFERS(f)                                                       \
    (a->f.n != b->f.n                                                    \
     || (a->f.n > 0 && memcmp(a->f.items, b->f.items,                    \
                              a->f.n * sizeof *a->f.items) != 0))
    if (a->len != b->len || a->bom != b->bom || a->fm_begin != b->fm_begin
        || a->fm_end != b->fm_end || memcmp(a->src, b->src, a->len) != 0)
        what = "source";
    else if (DIFFERS(lines))
        what = "lines";
    else if (DIFFERS(blocks))
        what = "blocks";
    else if (DIFFERS(sections))
        what = "sections";
    else if (DIFFERS(pieces))
        what = "pieces";
    else if (DIFFERS(prose))
        what = "prose";
    else if (DIFFERS(links))
        what = "links";
    else if (DIFFERS(hrefs))
        what = "hrefs";
    else if (DIFFERS(html))
        what = "html";
    else if (a->units.n != b->units.n)
        what = "units";
#undef DIFFERS
    /* Units are compared field by field: their padding is not set. */
    for (i = 0; what == NULL && i < a->units.n; i++) {
        const bl_unit *x = &a->units.items[i], *y = &b->units.items[i];
        if (x->text_begin != y->text_begin || x->text_end != y->text_end
            || x->piece_begin != y->piece_begin
            || x->piece_end != y->piece_end || x->block != y->block
            || x->section != y->section || x->flags != y->flags)
            what = "units";
    }
    if (p_what != NULL)
        *p_what = what;
    return what == NULL;
}

void
bl_doc_free(bl_doc *doc)
{
    if (doc == NULL)
        return;
    free(doc->src);
    BL_VEC_FREE(&doc->lines);
    BL_VEC_FREE(&doc->blocks);
    BL_VEC_FREE(&doc->sections);
    BL_VEC_FREE(&doc->units);
    BL_VEC_FREE(&doc->pieces);
    BL_VEC_FREE(&doc->prose);
    BL_VEC_FREE(&doc->links);
    BL_VEC_FREE(&doc->html);
    BL_VEC_FREE(&doc->hrefs);
    free(doc);
}

const char *
bl_doc_source(const bl_doc *doc, size_t *p_len)
{
    *p_len = doc->len;
    return doc->src;
}

size_t
bl_doc_body_offset(const bl_doc *doc)
{
    return doc->fm_end > doc->bom ? doc->fm_end : doc->bom;
}

int
bl_doc_uses_crlf(const bl_doc *doc)
{
    const char *nl = memchr(doc->src, '\n', doc->len);

    return nl != NULL && nl > doc->src && nl[-1] == '\r';
}

size_t
bl_doc_line_count(const bl_doc *doc)
{
    return doc->lines.n;
}

size_t
bl_doc_line_of(const bl_doc *doc, size_t offset)
{
    size_t lo = 0, hi = doc->lines.n;

    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->lines.items[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void
bl_doc_line_span(const bl_doc *doc, size_t line, size_t *p_begin,
                 size_t *p_end)
{
    size_t b, e;

    if (line >= doc->lines.n) {
        *p_begin = *p_end = doc->len;
        return;
    }
    b = doc->lines.items[line];
    e = line + 1 < doc->lines.n ? doc->lines.items[line + 1] : doc->len;
    while (e > b && (doc->src[e - 1] == '\n' || doc->src[e - 1] == '\r'))
        e--;
    *p_begin = b;
    *p_end = e;
}

size_t
bl_unit_to_source(const bl_doc *doc, const bl_unit *u, size_t off,
                  int is_end)
{
    size_t lo = u->piece_begin, hi = u->piece_end;
    const bl_piece *p;

    if (lo == hi)
        return 0;
    /* The last piece starting at or before off (for an end offset, before
     * it, so an end never maps into the next piece's source). */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        size_t start = doc->pieces.items[mid].u;
        if (is_end ? start < off : start <= off)
            lo = mid;
        else
            hi = mid;
    }
    p = &doc->pieces.items[lo];
    if (off <= p->u)
        return p->s;
    if (off >= p->u + p->ulen)
        return p->s + p->slen;
    if (p->ulen == p->slen)
        return p->s + (off - p->u);
    return is_end ? p->s + p->slen : p->s;
}

/* --- The block tree ------------------------------------------------------ */

#define BL_MAX_HOPS 64

int
bl_block_enclosing(const bl_doc *doc, int b, bl_block_type type)
{
    int hops;

    b = doc->blocks.items[b].parent;
    for (hops = 0; b >= 0 && hops < BL_MAX_HOPS; hops++) {
        if (doc->blocks.items[b].type == type)
            return b;
        b = doc->blocks.items[b].parent;
    }
    return -1;
}

int
bl_block_is_inside(const bl_doc *doc, int b, int anc)
{
    int hops;

    b = doc->blocks.items[b].parent;
    for (hops = 0; b >= 0 && hops < BL_MAX_HOPS; hops++) {
        if (b == anc)
            return 1;
        b = doc->blocks.items[b].parent;
    }
    return 0;
}

int
bl_section_is_within(const bl_doc *doc, int s, int root)
{
    int hops;

    for (hops = 0; s >= 0 && hops < BL_MAX_HOPS; hops++) {
        if (s == root)
            return 1;
        s = doc->sections.items[s].parent;
    }
    return 0;
}

void
bl_doc_opening_span(const bl_doc *doc, size_t *p_b, size_t *p_e)
{
    size_t b = doc->fm_end, e;

    if (doc->sections.n > 0) {
        const bl_block *hb =
            &doc->blocks.items[doc->sections.items[0].heading];
        *p_b = hb->begin;
        *p_e = hb->end;
        return;
    }
    while (b < doc->len && (doc->src[b] == '\n' || doc->src[b] == '\r'
                            || doc->src[b] == ' '))
        b++;
    for (e = b; e < doc->len && doc->src[e] != '\n' && doc->src[e] != '\r';)
        e++;
    *p_b = b;
    *p_e = e > b ? e : b;
}

int
bl_doc_item_unit(const bl_doc *doc, const int *unit_of, int li)
{
    if (unit_of[li] >= 0)
        return unit_of[li];
    if ((size_t)li + 1 < doc->blocks.n
        && doc->blocks.items[li + 1].parent == li
        && doc->blocks.items[li + 1].type == BL_BLOCK_PARA)
        return unit_of[li + 1];
    return -1;
}

int *
bl_doc_units_by_block(const bl_doc *doc)
{
    int *unit_of = malloc((doc->blocks.n + 1) * sizeof *unit_of);
    size_t i;

    if (unit_of == NULL)
        return NULL;
    for (i = 0; i < doc->blocks.n; i++)
        unit_of[i] = -1;
    for (i = doc->units.n; i-- > 0;)
        if (doc->units.items[i].block >= 0)
            unit_of[doc->units.items[i].block] = (int)i;
    return unit_of;
}

/* The first case-insensitive occurrence of lit in [p, end), or NULL. */
static const char *
find_ci(const char *p, const char *end, const char *lit)
{
    size_t n = strlen(lit);

    for (; p + n <= end; p++)
        if (strncasecmp(p, lit, n) == 0)
            return p;
    return NULL;
}

/* Moves *p_scan up to `at`, keeping in *p_in whether it is inside an
 * HTML comment: the state is carried forward, so a block is read once
 * however many <summary> tags it holds.  "<!-->" and "<!--->" are whole
 * (empty) comments. */
static void
track_comments(const char **p_scan, const char *at, int *p_in)
{
    while (*p_scan < at) {
        const char *m = find_ci(*p_scan, at, *p_in ? "-->" : "<!--");
        if (m == NULL) {
            *p_scan = at;
            return;
        }
        if (*p_in) {
            *p_scan = m + 3;
            *p_in = 0;
        } else if (m[4] == '>' || (m[4] == '-' && m[5] == '>')) {
            *p_scan = m + (m[4] == '>' ? 5 : 6);
        } else {
            *p_scan = m + 4;
            *p_in = 1;
        }
    }
}

long
bl_doc_next_summary(const bl_doc *doc, size_t *p_pos, size_t end,
                    char *out, size_t cap)
{
    size_t lo = 0, hi = doc->blocks.n, i;

    if (cap == 0)
        return -1;
    /* Blocks come in document order, and none begins inside an HTML
     * block: the last one beginning at or before *p_pos is the only one
     * that may hold it.  (An empty heading in a list item may be placed
     * later than it stands, never earlier, so the search may start early,
     * never late; only HTML blocks, always in order, end it.) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->blocks.items[mid].begin <= *p_pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (i = lo > 0 ? lo - 1 : 0; i < doc->blocks.n; i++) {
        const bl_block *b = &doc->blocks.items[i];
        const char *p, *stop, *gt, *close, *q, *scan;
        size_t n = 0;
        int in_tag = 0, in_comment = 0;
        if (b->type != BL_BLOCK_HTML)
            continue;
        if (b->begin >= end)
            break;
        if (b->end <= *p_pos)
            continue;
        /* A summary in a comment is guidance for authors, not a label.
         * (A search that resumes inside a block resumes past a summary,
         * which is outside any comment.) */
        p = scan = doc->src + (b->begin > *p_pos ? b->begin : *p_pos);
        stop = doc->src + (b->end < end ? b->end : end);
        while ((p = find_ci(p, stop, "<summary")) != NULL) {
            track_comments(&scan, p, &in_comment);
            if (!in_comment)
                break;
            p += 8;
        }
        if (p == NULL || (gt = memchr(p, '>', (size_t)(stop - p))) == NULL
            || (close = find_ci(gt + 1, stop, "</summary>")) == NULL)
            continue;
        for (q = gt + 1; q < close && n + 1 < cap; q++) {
            if (*q == '<' || *q == '>')
                in_tag = *q == '<';
            else if (!in_tag)
                out[n++] = *q;
        }
        out[n] = '\0';
        *p_pos = (size_t)(close - doc->src) + 10;
        return (long)n;
    }
    return -1;
}

static int
is_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The length of the markup at p (a tag, a comment, an entity) that
 * bl_doc_html_text drops, or 0 when p starts text.  A '<' before a blank
 * or a digit ("a < b", "<5 ms") is text, as browsers read it. */
static size_t
html_markup_len(const char *p, const char *stop)
{
    const char *q;
    char quote = 0;

    if (*p == '&') {
        for (q = p + 1; q < stop && q - p <= 32
             && (is_ascii_letter(*q) || (*q >= '0' && *q <= '9')
                 || *q == '#'); q++)
            ;
        return q < stop && *q == ';' && q > p + 1 ? (size_t)(q + 1 - p) : 0;
    }
    if (*p != '<' || p + 1 >= stop
        || !(is_ascii_letter(p[1]) || p[1] == '/' || p[1] == '!'
             || p[1] == '?'))
        return 0;
    if (stop - p >= 5 && memcmp(p, "<!--", 4) == 0) {
        if (p[4] == '>' || (p[4] == '-' && p + 5 < stop && p[5] == '>'))
            return p[4] == '>' ? 5 : 6;     /* "<!-->", "<!--->" */
        q = find_ci(p + 4, stop, "-->");
        return q == NULL ? (size_t)(stop - p) : (size_t)(q + 3 - p);
    }
    for (q = p + 1; q < stop; q++) {
        if (quote != 0)
            quote = *q == quote ? 0 : quote;
        else if (*q == '"' || *q == '\'')
            quote = *q;
        else if (*q == '>')
            return (size_t)(q + 1 - p);
    }
    return (size_t)(stop - p);
}

size_t
bl_doc_html_text(const bl_doc *doc, size_t bi, char *out, size_t cap)
{
    const bl_block *b = &doc->blocks.items[bi];
    const char *p = doc->src + b->begin, *stop = doc->src + b->end;
    size_t n = 0, k;
    int space = 0;

    if (cap == 0)
        return 0;
    while (p < stop && n + 1 < cap) {
        if (stop - p >= 8 && strncasecmp(p, "<summary", 8) == 0) {
            const char *close = find_ci(p, stop, "</summary>");
            p = close == NULL ? stop : close + 10;
            space = 1;
        } else if ((k = html_markup_len(p, stop)) > 0) {
            p += k;
            space = 1;
        } else if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            p++;
            space = 1;
        } else {
            if (space && n > 0 && n + 2 < cap)
                out[n++] = ' ';
            space = 0;
            out[n++] = *p++;
        }
    }
    out[n] = '\0';
    return n;
}
