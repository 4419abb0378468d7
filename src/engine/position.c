/*
 * position.c: byte offsets <-> line and column, the one place where the
 * engine's byte offsets meet the units front ends speak (UTF-8 bytes for
 * LSP clients that negotiate them, UTF-16 for the LSP default, code points
 * for the CLI and its JSON report).
 *
 * An invalid UTF-8 byte counts as one code point and one UTF-16 unit, as
 * editors that show it as U+FFFD do.  A byte-order mark is not part of the
 * text an editor shows, so columns on the first line start after it.
 */
#include "doc.h"
#include "text.h"

static size_t
line_text_start(const bl_doc *doc, size_t line)
{
    size_t b = doc->lines.items[line];
    return line == 0 ? b + doc->bom : b;
}

bl_pos
bl_doc_position(const bl_doc *doc, size_t offset, bl_encoding enc)
{
    bl_pos pos;
    size_t i, n, b, e;

    if (offset > doc->len)
        offset = doc->len;
    pos.line = bl_doc_line_of(doc, offset);
    pos.col = 0;
    bl_doc_line_span(doc, pos.line, &b, &e);
    b = line_text_start(doc, pos.line);
    if (offset > e)
        offset = e;     /* inside the line ending: the end of the line */
    if (offset <= b)
        return pos;
    if (enc == BL_ENC_UTF8) {
        pos.col = offset - b;
        return pos;
    }
    for (i = b; i < offset; i += n) {
        uint32_t cp = bl_utf8_decode(doc->src, e, i, &n);
        if (i + n > offset)
            break;      /* offset inside a character: count up to it */
        pos.col += (enc == BL_ENC_UTF16 && cp >= 0x10000) ? 2 : 1;
    }
    return pos;
}

size_t
bl_doc_offset(const bl_doc *doc, bl_pos pos, bl_encoding enc)
{
    size_t i, n, b, e, col = 0;

    if (pos.line >= doc->lines.n)
        return doc->len;
    bl_doc_line_span(doc, pos.line, &b, &e);
    i = line_text_start(doc, pos.line);
    if (enc == BL_ENC_UTF8)     /* compared as a length: i + col may wrap */
        return pos.col < e - i ? i + pos.col : e;
    while (i < e && col < pos.col) {
        uint32_t cp = bl_utf8_decode(doc->src, e, i, &n);
        col += (enc == BL_ENC_UTF16 && cp >= 0x10000) ? 2 : 1;
        if (col > pos.col)
            break;      /* inside a surrogate pair: stay before it */
        i += n;
    }
    return i;
}
