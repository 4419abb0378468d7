/*
 * doc.h: the document model behind the opaque bl_doc.
 *
 * bl_doc_parse() runs md4c once and records:
 *  - the line index (line starts; "\n", "\r\n" and a lone "\r" end a line);
 *  - YAML ("---") or TOML ("+++") front matter, which md4c never sees;
 *  - the blocks md4c reports, in document order, linked to their parent;
 *  - the sections: one per heading (ATX or Setext), nested by level;
 *  - the prose units: the text of each leaf block (heading, paragraph,
 *    table cell, tight list item) with code, URLs, HTML and images left out;
 *  - the links (inline, reference, autolinks and bare URLs): where their
 *    text is and where they point, which prose leaves out.
 *
 * Prose units are what rules read.  Their text lives in doc->prose and is
 * joined from source pieces, so "**Bob** forgot" reads "Bob forgot"; each
 * piece remembers where it came from, and bl_unit_to_source() maps any
 * offset in a unit back to the exact source byte.  Inline code, autolinks
 * and images become one BL_PLACEHOLDER byte so that neither a word nor a
 * pattern can run across them.
 */
#ifndef BL_DOC_H
#define BL_DOC_H

#include <stddef.h>

#include "../blamelint.h"

#define BL_PLACEHOLDER '\x1a'

typedef enum bl_block_type {
    BL_BLOCK_DOC, BL_BLOCK_QUOTE, BL_BLOCK_UL, BL_BLOCK_OL, BL_BLOCK_LI,
    BL_BLOCK_HR, BL_BLOCK_HEADING, BL_BLOCK_CODE, BL_BLOCK_HTML,
    BL_BLOCK_PARA, BL_BLOCK_TABLE, BL_BLOCK_THEAD, BL_BLOCK_TBODY,
    BL_BLOCK_TR, BL_BLOCK_TH, BL_BLOCK_TD
} bl_block_type;

/* bl_block.flags */
#define BL_LI_ORDERED   0x01    /* item of an ordered list */
#define BL_LI_TASK      0x02    /* "- [ ]" task item */
#define BL_LI_CHECKED   0x04    /* "- [x]" */
#define BL_H_SETEXT     0x08    /* heading underlined with === or --- */
#define BL_IN_QUOTE     0x10    /* inside a block quote */

typedef struct bl_block {
    bl_block_type type;
    int parent;             /* block index, -1 for the document */
    int section;            /* enclosing section index, -1 before the first */
    unsigned flags;
    int level;              /* heading level 1-6 */
    int depth;              /* list items: 1 for a top-level item */
    int row, col;           /* table cells: 0-based; row 0 is the header */
    /* Byte span of the block's text content, from its first text to its
     * last.  md4c reports no block offsets, so a block without text gets
     * an empty span at the nearest preceding text. */
    size_t begin, end;
} bl_block;

typedef struct bl_section {
    int heading;            /* block index of the heading */
    int level;
    int parent;             /* enclosing section, -1 for a top-level one */
    int title_unit;         /* prose unit holding the title, -1 if empty */
    size_t begin, end;      /* heading line start .. next section start */
} bl_section;

/* One piece of a unit's text: ulen bytes at unit offset u came from slen
 * source bytes at s.  ulen == slen for copied text; a decoded entity or a
 * placeholder differ. */
typedef struct bl_piece {
    size_t u, s, ulen, slen;
} bl_piece;

/* bl_unit.flags */
#define BL_UNIT_HEADING 0x01
#define BL_UNIT_QUOTE   0x02    /* inside a block quote: quoted speech */
#define BL_UNIT_CELL    0x04
#define BL_UNIT_ITEM    0x08    /* inside a list item */

typedef struct bl_unit {
    size_t text_begin, text_end;    /* into doc->prose */
    size_t piece_begin, piece_end;  /* into doc->pieces */
    int block;
    int section;
    unsigned flags;
} bl_unit;

/* A link: the source span of its text ("#123" in "[#123](url)", the URL
 * itself for an autolink or a bare URL; empty for a link without text) and
 * its destination.  The destination is copied into doc->hrefs because md4c
 * builds some (reference links, escapes) in buffers of its own. */
typedef struct bl_link {
    size_t begin, end;
    size_t href, href_len;  /* into doc->hrefs */
} bl_link;

typedef struct bl_html_range {
    size_t begin, end;
} bl_html_range;

struct bl_doc {
    char *src;
    size_t len;
    size_t bom;             /* 3 when the source starts with a UTF-8 BOM */
    size_t fm_begin, fm_end;    /* front matter, empty when none */
    struct { size_t *items; size_t n, alloc; } lines;
    struct { bl_block *items; size_t n, alloc; } blocks;
    struct { bl_section *items; size_t n, alloc; } sections;
    struct { bl_unit *items; size_t n, alloc; } units;
    struct { bl_piece *items; size_t n, alloc; } pieces;
    struct { char *items; size_t n, alloc; } prose;
    struct { bl_link *items; size_t n, alloc; } links;  /* in source order */
    struct { char *items; size_t n, alloc; } hrefs;
    /* Source ranges md4c read as raw HTML, inline or block, in source
     * order: where HTML comments (blamelint-disable ...) can be, and
     * code spans and blocks cannot. */
    struct { bl_html_range *items; size_t n, alloc; } html;
};

/* --- Parsing in chunks (for bl_doc_parse_cached) -------------------------
 *
 * A document edited in an editor is parsed again after every keystroke.
 * Markdown lets a document be cut where a line that starts at the margin
 * follows a blank line, and the pieces parsed one by one, with the same
 * result as the whole: every container and leaf block is closed there.
 * Not everywhere such a line stands: a list goes on across blank lines to
 * its next item (so no cut before "-", "*", "+" or a digit), fenced code
 * and HTML blocks run on past them (so none inside one, and none after a
 * fence or HTML block indented or inside a quote or list item, which ends
 * with its container in a way a line scan cannot follow, or right under a
 * table, where md4c reads it as a row, or one md4c 0.4 reads otherwise
 * than a line scan would), and a link reference definition
 * reaches the whole document (so a document with one, or with "\r" line
 * ends, is not cut at all).  Nor before a list item that md4c 0.4 may end
 * at a blank line depending on where its input began (doc.c,
 * may_read_a_stale_block): the whole parse and the parse by chunks must
 * agree even where md4c errs.  bl_doc_parse_chunks
 * cuts the body into chunks of at least a few KB at such places, asks
 * chunk_of for each chunk's record, and replays a recorded chunk's md4c
 * events into the document model instead of parsing it; a chunk not seen
 * before is parsed and recorded as it goes. */

/* One md4c callback: enter or leave a block or span, or text.  Text and
 * link destinations are kept as an offset into the chunk's source when
 * md4c pointed there (so the model maps them back as before), else in the
 * chunk's own bytes. */
typedef struct bl_parse_event {
    unsigned char kind;     /* BL_EV_* (doc.c) */
    unsigned char in_source;
    unsigned short type;    /* MD_BLOCKTYPE, MD_SPANTYPE or MD_TEXTTYPE */
    unsigned a, b;          /* list item: is_task, task_mark; heading:
                               level */
    size_t off, len;        /* text or destination */
} bl_parse_event;

typedef struct bl_parse_chunk {
    int recorded;           /* events hold the whole chunk */
    struct { bl_parse_event *items; size_t n, alloc; } events;
    struct { char *items; size_t n, alloc; } bytes;
} bl_parse_chunk;

void bl_parse_chunk_free(bl_parse_chunk *c);

/* The record of the chunk src[0..n), recorded or empty; NULL when out of
 * memory. */
typedef bl_parse_chunk *(*bl_chunk_fn)(void *cache, const char *src,
                                       size_t n);

/* bl_doc_parse, by chunks (see above).  NULL when out of memory; a chunk
 * record may then be left half made. */
bl_doc *bl_doc_parse_chunks(const char *src, size_t len, bl_chunk_fn chunk_of,
                            void *cache);

/* Are a and b the same model, field by field?  When not, *p_what (may be
 * NULL) names the first part that differs.  For the tests and the fuzzer,
 * which hold a parse by chunks against a whole one. */
int bl_doc_same_model(const bl_doc *a, const bl_doc *b, const char **p_what);

/* Maps an offset in unit u's text (relative to text_begin) to a source
 * offset.  is_end picks the end of a piece that has no 1:1 mapping. */
size_t bl_unit_to_source(const bl_doc *doc, const bl_unit *u, size_t off,
                         int is_end);

/* The text of unit u. */
static inline const char *
bl_unit_text(const bl_doc *doc, const bl_unit *u, size_t *p_len)
{
    *p_len = u->text_end - u->text_begin;
    return doc->prose.items + u->text_begin;
}

/* The destination of link k, not NUL-terminated. */
static inline const char *
bl_link_href(const bl_doc *doc, const bl_link *k, size_t *p_len)
{
    *p_len = k->href_len;
    return doc->hrefs.items + k->href;
}

/* Line index of a byte offset (0-based). */
size_t bl_doc_line_of(const bl_doc *doc, size_t offset);

/* The nearest block of kind type that encloses block b (b itself left
 * out), or -1.  Like bl_block_is_inside, it looks up at most 64 levels:
 * a hostile document nests blocks thousands deep, and no structure a
 * check reads is deeper. */
int bl_block_enclosing(const bl_doc *doc, int b, bl_block_type type);

/* Is block b inside block anc (b itself left out)? */
int bl_block_is_inside(const bl_doc *doc, int b, int anc);

/* The document's opening: its first heading, else its first line with
 * text after the front matter (leading blanks left out), into [*p_b, *p_e):
 * where a finding about the whole document goes. */
void bl_doc_opening_span(const bl_doc *doc, size_t *p_b, size_t *p_e);

/* Is section s the section root, or nested in it (within 64 levels)? */
int bl_section_is_within(const bl_doc *doc, int s, int root);

/* Per block, the first unit whose text is that block's, -1 for none: a
 * new array of doc->blocks.n entries (caller frees), or NULL when out of
 * memory. */
int *bl_doc_units_by_block(const bl_doc *doc);

/* The unit of list item li's own text, given bl_doc_units_by_block's
 * table: a tight item's own, a loose item's first paragraph's; -1 when it
 * opens with something else (a nested list). */
int bl_doc_item_unit(const bl_doc *doc, const int *unit_of, int li);

/* The next <summary> label of an HTML block ("<details><summary>Timeline
 * (UTC)</summary>") at or after source offset *p_pos and before `end`:
 * its text, tags dropped, into out (cap bytes, NUL-terminated, cut when
 * longer).  Returns its length and moves *p_pos past it, or returns -1
 * when there is none.  Teams fold long parts of a report away; the
 * summary is the folded part's heading. */
long bl_doc_next_summary(const bl_doc *doc, size_t *p_pos, size_t end,
                         char *out, size_t cap);

/* The text of HTML block bi as a browser shows it, roughly: tags,
 * comments, entities and <summary> labels dropped, blanks joined into
 * one space; into out (cap bytes, NUL-terminated, cut when longer).
 * Returns its length.  Exports from Confluence or Notion keep tables as
 * HTML, and GitHub renders them: their words are a section's content. */
size_t bl_doc_html_text(const bl_doc *doc, size_t bi, char *out,
                        size_t cap);

#endif
