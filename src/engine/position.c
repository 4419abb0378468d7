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
#include <string.h>

#include "doc.h"
#include "text.h"

static size_t
line_text_start(const bl_doc *doc, size_t line)
{
    size_t b = doc->lines.items[line];
    return line == 0 ? b + doc->bom : b;
}

/* Counts columns from byte `from` (at column `col` of line `line`) to
 * `offset`, which is on the same line or past its end.  *p_stop gets the
 * byte where counting stopped: offset, or the start of the character that
 * offset falls inside. */
static bl_pos
count_from(const bl_doc *doc, size_t line, size_t from, size_t col,
           size_t offset, bl_encoding enc, size_t *p_stop)
{
    bl_pos pos;
    size_t i, n, b, e;

    pos.line = line;
    pos.col = col;
    bl_doc_line_span(doc, line, &b, &e);
    if (offset > e)
        offset = e;     /* inside the line ending: the end of the line */
    *p_stop = from;
    if (offset <= from)
        return pos;
    if (enc == BL_ENC_UTF8) {
        pos.col = col + (offset - from);
        *p_stop = offset;
        return pos;
    }
    for (i = from; i < offset; i += n) {
        uint32_t cp;
        if ((unsigned char)doc->src[i] < 0x80) {
            /* ASCII, most of a line: one byte, one column, no decoding */
            pos.col++;
            n = 1;
            continue;
        }
        cp = bl_utf8_decode(doc->src, e, i, &n);
        if (i + n > offset)
            break;      /* offset inside a character: count up to it */
        pos.col += (enc == BL_ENC_UTF16 && cp >= 0x10000) ? 2 : 1;
    }
    *p_stop = i;
    return pos;
}

bl_pos
bl_doc_position(const bl_doc *doc, size_t offset, bl_encoding enc)
{
    size_t line, stop;

    if (offset > doc->len)
        offset = doc->len;
    line = bl_doc_line_of(doc, offset);
    return count_from(doc, line, line_text_start(doc, line), 0, offset, enc,
                      &stop);
}

bl_pos
bl_doc_position_cached(const bl_doc *doc, bl_pos_cache *cache, size_t offset,
                       bl_encoding enc)
{
    bl_pos pos;
    size_t line, stop;

    if (offset > doc->len)
        offset = doc->len;
    line = bl_doc_line_of(doc, offset);
    /* Resume only from a character boundary on the same line: pos.col
     * counts whole characters, so counting must go on where it stopped. */
    if (cache->valid && cache->enc == enc && offset >= cache->offset
        && line == cache->pos.line)
        pos = count_from(doc, line, cache->offset, cache->pos.col, offset, enc,
                         &stop);
    else
        pos = count_from(doc, line, line_text_start(doc, line), 0, offset, enc,
                         &stop);
    cache->offset = stop;
    cache->pos = pos;
    cache->enc = enc;
    cache->valid = 1;
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

size_t
bl_text_offset(const char *text, size_t len, bl_pos pos, bl_encoding enc)
{
    size_t i = 0, line = 0, n, col = 0;

    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        i = 3;      /* as bl_doc_offset: columns start after a BOM */
    /* Lines end at "\n", "\r\n" or a lone "\r", as in the line index. */
    /* memchr per line: an editor asks this for every change, and a
     * byte-at-a-time walk to line 2,000 cost more than the edit. */
    while (line < pos.line && i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t stop = nl != NULL ? (size_t)(nl - text) : len;
        const char *cr = memchr(text + i, '\r', stop - i);
        if (cr != NULL) {
            size_t k = (size_t)(cr - text);
            i = k + 1 < len && text[k + 1] == '\n' ? k + 2 : k + 1;
        } else if (nl != NULL) {
            i = stop + 1;
        } else {
            i = len;
            break;
        }
        line++;
    }
    if (line < pos.line)
        return len;
    while (i < len && text[i] != '\n' && text[i] != '\r' && col < pos.col) {
        uint32_t cp = bl_utf8_decode(text, len, i, &n);
        col += enc == BL_ENC_UTF8 ? n
               : (enc == BL_ENC_UTF16 && cp >= 0x10000) ? 2 : 1;
        if (col > pos.col)
            break;      /* inside a character: stay before it */
        i += n;
    }
    return i;
}
