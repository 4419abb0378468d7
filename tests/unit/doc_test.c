/*
 * doc_test.c: the document model (src/engine/doc.c) and the offset <->
 * line/column mapping (src/engine/position.c).
 *
 * Expected offsets are written as tu_off(doc, "text") where the text they
 * point at makes them obvious, and as numbers with the byte layout in a
 * comment where the point is the arithmetic (BOM, multibyte, invalid UTF-8).
 */
#include "testutil.h"

#include <stdio.h>

#include "engine/text.h"

static const bl_encoding all_encodings[] = {
    BL_ENC_UTF8, BL_ENC_UTF16, BL_ENC_CODEPOINT
};

static void
expect_pos(const bl_doc *doc, size_t off, bl_encoding enc, size_t line,
           size_t col)
{
    bl_pos p = bl_doc_position(doc, off, enc);

    if (p.line != line || p.col != col)
        print_error("offset %zu (enc %d): got %zu:%zu, want %zu:%zu\n", off,
                    (int)enc, p.line, p.col, line, col);
    assert_int_equal(p.line, line);
    assert_int_equal(p.col, col);
}

/* The same position in every encoding (ASCII-only lines). */
static void
expect_pos_all(const bl_doc *doc, size_t off, size_t line, size_t col)
{
    size_t k;

    for (k = 0; k < 3; k++)
        expect_pos(doc, off, all_encodings[k], line, col);
}

static size_t
offset_of(const bl_doc *doc, size_t line, size_t col, bl_encoding enc)
{
    bl_pos p;

    p.line = line;
    p.col = col;
    return bl_doc_offset(doc, p, enc);
}

/* offset -> position -> offset returns the offset, in every encoding. */
static void
expect_round_trip(const bl_doc *doc, size_t off)
{
    size_t k;

    for (k = 0; k < 3; k++) {
        bl_pos p = bl_doc_position(doc, off, all_encodings[k]);
        size_t back = bl_doc_offset(doc, p, all_encodings[k]);
        if (back != off)
            print_error("offset %zu (enc %d) -> %zu:%zu -> %zu\n", off,
                        (int)all_encodings[k], p.line, p.col, back);
        assert_int_equal(back, off);
    }
}

static void
expect_line(const bl_doc *doc, size_t line, size_t begin, size_t end)
{
    size_t b = 999, e = 999;

    bl_doc_line_span(doc, line, &b, &e);
    assert_int_equal(b, begin);
    assert_int_equal(e, end);
}

/* Checks what doc.h promises about every unit's pieces: they tile the unit
 * text in order, their sources do not overlap and go forward, copied
 * pieces hold the very bytes of their source, and bl_unit_to_source maps
 * each of those bytes to its own source byte. */
static void
check_pieces(const bl_doc *doc)
{
    size_t i, k, j;

    for (i = 0; i < doc->units.n; i++) {
        const bl_unit *u = &doc->units.items[i];
        size_t n, next_u = 0, min_s = 0;
        const char *t = bl_unit_text(doc, u, &n);

        assert_true(n > 0);     /* empty units are dropped */
        assert_true(u->piece_begin < u->piece_end);
        for (k = u->piece_begin; k < u->piece_end; k++) {
            const bl_piece *p = &doc->pieces.items[k];
            if (p->u != next_u)
                print_error("unit %zu piece %zu starts at %zu, not %zu\n", i,
                            k, p->u, next_u);
            assert_int_equal(p->u, next_u);
            assert_true(p->ulen > 0);
            assert_true(p->s >= min_s);
            assert_true(p->s + p->slen <= doc->len);
            if (p->ulen == p->slen) {
                /* Copied text: the source's bytes, except that a byte
                 * outside valid UTF-8 became one placeholder byte. */
                for (j = 0; j < p->ulen; j++)
                    if (t[p->u + j] != doc->src[p->s + j])
                        assert_int_equal(t[p->u + j], BL_PLACEHOLDER);
                for (j = 0; j < p->ulen; j++)
                    assert_int_equal(bl_unit_to_source(doc, u, p->u + j, 0),
                                     p->s + j);
            }
            next_u = p->u + p->ulen;
            min_s = p->s + p->slen;
        }
        assert_int_equal(next_u, n);
    }
}

/* --- Line index ---------------------------------------------------------- */

static void
test_lines_end_at_lf_crlf_and_lone_cr(void **state)
{
    /* a=0 \n=1 b=2 \r=3 \n=4 c=5 \r=6 d=7 */
    bl_doc *doc = tu_parse("a\nb\r\nc\rd");

    (void)state;
    assert_int_equal(bl_doc_line_count(doc), 4);
    expect_line(doc, 0, 0, 1);
    expect_line(doc, 1, 2, 3);
    expect_line(doc, 2, 5, 6);
    expect_line(doc, 3, 7, 8);
    assert_int_equal(bl_doc_line_of(doc, 3), 1);  /* the CR of a CRLF */
    assert_int_equal(bl_doc_line_of(doc, 4), 1);  /* and its LF */
    assert_int_equal(bl_doc_line_of(doc, 5), 2);
    assert_int_equal(bl_doc_line_of(doc, 6), 2);
    assert_int_equal(bl_doc_line_of(doc, 7), 3);
    bl_doc_free(doc);

    /* LF then CR is two line endings, not one. */
    doc = tu_parse("a\n\rb");
    assert_int_equal(bl_doc_line_count(doc), 3);
    expect_line(doc, 1, 2, 2);
    expect_line(doc, 2, 3, 4);
    bl_doc_free(doc);

    /* CR, then CRLF: two endings, an empty line between and after. */
    doc = tu_parse("\r\r\n");
    assert_int_equal(bl_doc_line_count(doc), 3);
    expect_line(doc, 0, 0, 0);
    expect_line(doc, 1, 1, 1);
    expect_line(doc, 2, 3, 3);
    bl_doc_free(doc);
}

static void
test_trailing_newline_opens_an_empty_last_line(void **state)
{
    bl_doc *doc = tu_parse("a\n");

    (void)state;
    assert_int_equal(bl_doc_line_count(doc), 2);
    expect_line(doc, 1, 2, 2);
    expect_line(doc, 7, 2, 2);      /* past the last line: empty at the end */
    expect_pos_all(doc, 2, 1, 0);
    bl_doc_free(doc);
}

static void
test_position_inside_a_line_ending_is_the_end_of_the_line(void **state)
{
    /* a=0 b=1 \r=2 \n=3 c=4 d=5 */
    bl_doc *doc = tu_parse("ab\r\ncd");

    (void)state;
    expect_pos_all(doc, 2, 0, 2);
    expect_pos_all(doc, 3, 0, 2);
    expect_pos_all(doc, 4, 1, 0);
    expect_pos_all(doc, 6, 1, 2);
    /* Columns past the end of a line clamp before its line ending. */
    assert_int_equal(offset_of(doc, 0, 5, BL_ENC_UTF8), 2);
    assert_int_equal(offset_of(doc, 0, 5, BL_ENC_UTF16), 2);
    assert_int_equal(offset_of(doc, 0, 5, BL_ENC_CODEPOINT), 2);
    assert_int_equal(offset_of(doc, 1, 1, BL_ENC_UTF8), 5);
    bl_doc_free(doc);

    /* a=0 b=1 \r=2 c=3 d=4 */
    doc = tu_parse("ab\rcd");
    expect_pos_all(doc, 2, 0, 2);
    expect_pos_all(doc, 3, 1, 0);
    assert_int_equal(offset_of(doc, 1, 1, BL_ENC_CODEPOINT), 4);
    bl_doc_free(doc);
}

static void
test_bom_is_skipped_by_columns_on_the_first_line_only(void **state)
{
    /* BOM=0..2 a=3 b=4 \n=5 c=6 d=7 */
    bl_doc *doc = tu_parse("\xEF\xBB\xBF" "ab\ncd");
    size_t k, off;

    (void)state;
    assert_int_equal(doc->bom, 3);
    assert_int_equal(bl_doc_line_count(doc), 2);
    expect_pos_all(doc, 0, 0, 0);
    expect_pos_all(doc, 1, 0, 0);       /* inside the BOM */
    expect_pos_all(doc, 3, 0, 0);       /* "a" is column 0 */
    expect_pos_all(doc, 4, 0, 1);
    expect_pos_all(doc, 5, 0, 2);
    expect_pos_all(doc, 6, 1, 0);       /* line 2 has no BOM to skip */
    expect_pos_all(doc, 7, 1, 1);
    for (k = 0; k < 3; k++) {
        assert_int_equal(offset_of(doc, 0, 0, all_encodings[k]), 3);
        assert_int_equal(offset_of(doc, 0, 2, all_encodings[k]), 5);
        assert_int_equal(offset_of(doc, 1, 0, all_encodings[k]), 6);
    }
    for (off = 3; off <= 8; off++)
        expect_round_trip(doc, off);
    /* The BOM is not prose, and prose offsets still map past it. */
    assert_int_equal(doc->units.n, 1);
    assert_unit_text(doc, 0, "ab cd");
    assert_int_equal(tu_src(doc, 0, 0, 0), 3);
    check_pieces(doc);
    bl_doc_free(doc);

    /* A document that is only a BOM. */
    doc = tu_parse("\xEF\xBB\xBF");
    assert_int_equal(doc->bom, 3);
    assert_int_equal(doc->units.n, 0);
    expect_pos_all(doc, 3, 0, 0);
    assert_int_equal(offset_of(doc, 0, 0, BL_ENC_UTF16), 3);
    bl_doc_free(doc);
}

static void
test_bom_before_a_heading_keeps_the_heading(void **state)
{
    bl_doc *doc = tu_parse("\xEF\xBB\xBF# Title\n");

    (void)state;
    assert_int_equal(doc->sections.n, 1);
    assert_int_equal(doc->sections.items[0].level, 1);
    assert_unit_text(doc, doc->sections.items[0].title_unit, "Title");
    assert_int_equal(tu_src(doc, 0, 0, 0), tu_off(doc, "Title"));
    expect_pos_all(doc, tu_off(doc, "Title"), 0, 2);
    bl_doc_free(doc);
}

static void
test_tab_is_one_column_in_every_encoding(void **state)
{
    /* B=0 o=1 b=2 \t=3 f=4 ... \t=10 x=11 */
    bl_doc *doc = tu_parse("Bob\tfailed\tx");

    (void)state;
    expect_pos_all(doc, 4, 0, 4);
    expect_pos_all(doc, 11, 0, 11);
    assert_int_equal(offset_of(doc, 0, 4, BL_ENC_CODEPOINT), 4);
    assert_int_equal(offset_of(doc, 0, 4, BL_ENC_UTF16), 4);
    assert_unit_text(doc, 0, "Bob\tfailed\tx");
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_multibyte_columns_differ_by_encoding(void **state)
{
    /* Line 1: é=3..4 中=5..7 😀=8..11 x=12 \n=13 */
    bl_doc *doc = tu_parse("ab\n\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80x\n");
    static const size_t boundaries[] = {0, 1, 2, 3, 5, 8, 12, 13, 14};
    size_t k;

    (void)state;
    assert_int_equal(bl_doc_line_count(doc), 3);
    /* x: 9 bytes in, after 1+1+2 UTF-16 units, after 3 code points. */
    expect_pos(doc, 12, BL_ENC_UTF8, 1, 9);
    expect_pos(doc, 12, BL_ENC_UTF16, 1, 4);
    expect_pos(doc, 12, BL_ENC_CODEPOINT, 1, 3);
    /* The emoji itself. */
    expect_pos(doc, 8, BL_ENC_UTF8, 1, 5);
    expect_pos(doc, 8, BL_ENC_UTF16, 1, 2);
    expect_pos(doc, 8, BL_ENC_CODEPOINT, 1, 2);
    /* Inside a character: columns count up to it, not past it. */
    expect_pos(doc, 10, BL_ENC_UTF8, 1, 7);
    expect_pos(doc, 10, BL_ENC_UTF16, 1, 2);
    expect_pos(doc, 10, BL_ENC_CODEPOINT, 1, 2);
    expect_pos(doc, 4, BL_ENC_UTF16, 1, 0);
    expect_pos(doc, 4, BL_ENC_CODEPOINT, 1, 0);
    /* End of the line. */
    expect_pos(doc, 13, BL_ENC_UTF8, 1, 10);
    expect_pos(doc, 13, BL_ENC_UTF16, 1, 5);
    expect_pos(doc, 13, BL_ENC_CODEPOINT, 1, 4);

    assert_int_equal(offset_of(doc, 1, 2, BL_ENC_UTF16), 8);
    assert_int_equal(offset_of(doc, 1, 4, BL_ENC_UTF16), 12);
    /* Column 3 in UTF-16 is between the emoji's surrogates: before it. */
    assert_int_equal(offset_of(doc, 1, 3, BL_ENC_UTF16), 8);
    assert_int_equal(offset_of(doc, 1, 2, BL_ENC_CODEPOINT), 8);
    assert_int_equal(offset_of(doc, 1, 3, BL_ENC_CODEPOINT), 12);
    assert_int_equal(offset_of(doc, 1, 9, BL_ENC_UTF8), 12);
    for (k = 0; k < 3; k++)
        assert_int_equal(offset_of(doc, 1, 100, all_encodings[k]), 13);
    for (k = 0; k < sizeof boundaries / sizeof *boundaries; k++)
        expect_round_trip(doc, boundaries[k]);

    assert_unit_text(doc, 0, "ab \xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80x");
    /* "ab" + " " for the line break keeps unit and source offsets equal. */
    assert_int_equal(tu_src(doc, 0, 3, 0), 3);      /* é */
    assert_int_equal(tu_src(doc, 0, 8, 0), 8);      /* 😀 */
    assert_int_equal(tu_src(doc, 0, 12, 0), 12);    /* x */
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_offsets_past_the_end_clamp(void **state)
{
    /* a=0 b=1 \n=2 c=3 d=4, length 5 */
    bl_doc *doc = tu_parse("ab\ncd");
    size_t k;

    (void)state;
    expect_pos_all(doc, 5, 1, 2);
    expect_pos_all(doc, 6, 1, 2);
    expect_pos_all(doc, 1000, 1, 2);
    expect_pos_all(doc, SIZE_MAX, 1, 2);
    for (k = 0; k < 3; k++) {
        bl_encoding enc = all_encodings[k];
        assert_int_equal(offset_of(doc, 1, 100, enc), 5);
        assert_int_equal(offset_of(doc, 2, 0, enc), 5);
        assert_int_equal(offset_of(doc, SIZE_MAX, 0, enc), 5);
        assert_int_equal(offset_of(doc, 0, 100, enc), 2);
        /* A huge column must clamp, not wrap around to an earlier line. */
        assert_int_equal(offset_of(doc, 1, SIZE_MAX, enc), 5);
        assert_int_equal(offset_of(doc, 0, SIZE_MAX, enc), 2);
    }
    bl_doc_free(doc);
}

static void
test_invalid_utf8_bytes_count_one_column_each(void **state)
{
    /* a=0 FF=1 FE=2 b=3 E2=4 82=5 c=6 😀=7..10 d=11, length 12 */
    static const char src[] = "a\xFF\xFE" "b\xE2\x82" "c\xF0\x9F\x98\x80" "d";
    bl_doc *doc = tu_parse_n(src, sizeof src - 1);
    size_t off;

    (void)state;
    assert_int_equal(bl_doc_line_count(doc), 1);
    expect_pos_all(doc, 3, 0, 3);
    expect_pos_all(doc, 6, 0, 6);       /* a truncated E2 82 is two columns */
    expect_pos_all(doc, 7, 0, 7);
    expect_pos(doc, 11, BL_ENC_UTF8, 0, 11);
    expect_pos(doc, 11, BL_ENC_UTF16, 0, 9);
    expect_pos(doc, 11, BL_ENC_CODEPOINT, 0, 8);
    expect_pos(doc, 12, BL_ENC_CODEPOINT, 0, 9);
    assert_int_equal(offset_of(doc, 0, 4, BL_ENC_CODEPOINT), 4);
    assert_int_equal(offset_of(doc, 0, 5, BL_ENC_UTF16), 5);
    assert_int_equal(offset_of(doc, 0, 8, BL_ENC_CODEPOINT), 11);
    for (off = 0; off <= 7; off++)
        expect_round_trip(doc, off);
    expect_round_trip(doc, 11);
    expect_round_trip(doc, 12);
    /* Each invalid byte reaches the prose as one placeholder byte, so the
     * prose is valid UTF-8 and every offset still maps 1:1; the emoji and
     * the letters arrive unchanged. */
    assert_int_equal(doc->units.n, 1);
    assert_unit_text(doc, 0, "a\x1a\x1a" "b\x1a\x1a" "c\xF0\x9F\x98\x80" "d");
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_invalid_utf8_at_line_and_document_ends(void **state)
{
    /* x=0 F0=1 9F=2 98=3 \n=4 y=5: a sequence cut by the line ending. */
    bl_doc *doc = tu_parse("x\xF0\x9F\x98\ny");

    (void)state;
    assert_int_equal(bl_doc_line_count(doc), 2);
    expect_pos(doc, 4, BL_ENC_CODEPOINT, 0, 4);
    expect_pos(doc, 4, BL_ENC_UTF16, 0, 4);
    expect_pos_all(doc, 5, 1, 0);
    expect_round_trip(doc, 2);
    expect_round_trip(doc, 5);
    bl_doc_free(doc);

    /* Lone continuation bytes opening a line. */
    doc = tu_parse("\x80\x80\nok");
    expect_pos(doc, 2, BL_ENC_CODEPOINT, 0, 2);
    expect_pos_all(doc, 3, 1, 0);
    bl_doc_free(doc);

    /* Cut off by the end of the document (the parse copy is exact). */
    doc = tu_parse_n("x\xF0\x9F", 3);
    expect_pos(doc, 3, BL_ENC_CODEPOINT, 0, 3);
    expect_pos(doc, 3, BL_ENC_UTF16, 0, 3);
    expect_round_trip(doc, 1);
    expect_round_trip(doc, 2);
    expect_round_trip(doc, 3);
    bl_doc_free(doc);
}

/* --- Headings and sections ----------------------------------------------- */

static void
test_atx_headings_nest_into_sections(void **state)
{
    bl_doc *doc = tu_parse("Intro.\n\n# One\n\ntext\n\n## Two\n\n"
                           "### Three\n\n## Four\n\n# Five\n");
    static const char *const titles[] = {"One", "Two", "Three", "Four",
                                         "Five"};
    static const int levels[] = {1, 2, 3, 2, 1};
    static const int parents[] = {-1, 0, 1, 0, -1};
    size_t begins[5], ends[5], i;

    (void)state;
    begins[0] = tu_off(doc, "# One");
    begins[1] = tu_off(doc, "## Two");
    begins[2] = tu_off(doc, "### Three");
    begins[3] = tu_off(doc, "## Four");
    begins[4] = tu_off(doc, "# Five");
    /* A section runs to the next heading of the same or a higher level. */
    ends[0] = begins[4];
    ends[1] = begins[3];
    ends[2] = begins[3];
    ends[3] = begins[4];
    ends[4] = doc->len;

    assert_int_equal(doc->sections.n, 5);
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_HEADING), 5);
    for (i = 0; i < 5; i++) {
        const bl_section *s = &doc->sections.items[i];
        const bl_block *h;
        assert_int_equal(s->heading, tu_block(doc, BL_BLOCK_HEADING, (int)i));
        h = &doc->blocks.items[s->heading];
        assert_int_equal(s->level, levels[i]);
        assert_int_equal(h->level, levels[i]);
        assert_int_equal(h->flags & BL_H_SETEXT, 0);
        assert_int_equal(h->section, (int)i);
        assert_int_equal(h->begin, tu_off(doc, titles[i]));
        assert_int_equal(h->end, tu_off(doc, titles[i]) + strlen(titles[i]));
        assert_int_equal(s->parent, parents[i]);
        assert_int_equal(s->begin, begins[i]);
        assert_int_equal(s->end, ends[i]);
        assert_true(s->title_unit >= 0);
        assert_unit_text(doc, (size_t)s->title_unit, titles[i]);
        assert_int_equal(doc->units.items[s->title_unit].flags,
                         BL_UNIT_HEADING);
        assert_int_equal(doc->units.items[s->title_unit].section, (int)i);
    }
    /* Text before the first heading is in no section; text after one is
     * in its section. */
    assert_int_equal(doc->units.items[tu_find_unit(doc, "Intro.")].section,
                     -1);
    assert_int_equal(doc->units.items[tu_find_unit(doc, "text")].section, 0);
    assert_int_equal(
        doc->blocks.items[tu_block(doc, BL_BLOCK_PARA, 1)].section, 0);
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_setext_headings_are_flagged_with_their_level(void **state)
{
    bl_doc *doc = tu_parse("Title\n=====\n\nSub\n---\n\ntext\n");
    const bl_block *h1, *h2;

    (void)state;
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_HEADING), 2);
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_HR), 0);
    h1 = &doc->blocks.items[tu_block(doc, BL_BLOCK_HEADING, 0)];
    h2 = &doc->blocks.items[tu_block(doc, BL_BLOCK_HEADING, 1)];
    assert_int_equal(h1->level, 1);
    assert_int_equal(h1->flags, BL_H_SETEXT);
    assert_int_equal(h1->begin, 0);
    assert_int_equal(h1->end, 5);
    assert_int_equal(h2->level, 2);
    assert_int_equal(h2->flags, BL_H_SETEXT);
    assert_int_equal(h2->begin, tu_off(doc, "Sub"));
    assert_int_equal(doc->sections.n, 2);
    assert_int_equal(doc->sections.items[0].begin, 0);
    assert_int_equal(doc->sections.items[0].end, doc->len);
    assert_int_equal(doc->sections.items[1].parent, 0);
    assert_int_equal(doc->sections.items[1].begin, tu_off(doc, "Sub"));
    assert_int_equal(doc->sections.items[1].end, doc->len);
    assert_unit_text(doc, doc->sections.items[1].title_unit, "Sub");
    bl_doc_free(doc);

    /* A title over two lines is one heading with one title unit. */
    doc = tu_parse("Line one\nline two\n===\n");
    assert_int_equal(doc->sections.n, 1);
    assert_int_equal(doc->blocks.items[0].flags, BL_H_SETEXT);
    assert_unit_text(doc, doc->sections.items[0].title_unit,
                     "Line one line two");
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_setext_headings_inside_containers_are_flagged(void **state)
{
    /* The underline line starts with "> " or list indentation. */
    bl_doc *doc = tu_parse("> Quoted title\n> =====\n");
    const bl_block *h;

    (void)state;
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_HEADING), 1);
    h = &doc->blocks.items[tu_block(doc, BL_BLOCK_HEADING, 0)];
    assert_int_equal(h->level, 1);
    assert_int_equal(h->flags, BL_H_SETEXT | BL_IN_QUOTE);
    bl_doc_free(doc);

    doc = tu_parse("- Item title\n  ----\n");
    h = &doc->blocks.items[tu_block(doc, BL_BLOCK_HEADING, 0)];
    assert_int_equal(h->level, 2);
    assert_int_equal(h->flags, BL_H_SETEXT);
    bl_doc_free(doc);
}

static void
test_atx_heading_followed_by_a_rule_is_not_setext(void **state)
{
    bl_doc *doc = tu_parse("# Title\n---\n\nx\n");
    const bl_block *h;

    (void)state;
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_HR), 1);
    h = &doc->blocks.items[tu_block(doc, BL_BLOCK_HEADING, 0)];
    assert_int_equal(h->level, 1);
    assert_int_equal(h->flags, 0);
    bl_doc_free(doc);

    /* "===" under an ATX heading is a paragraph. */
    doc = tu_parse("# Title\n===\n");
    h = &doc->blocks.items[tu_block(doc, BL_BLOCK_HEADING, 0)];
    assert_int_equal(h->flags, 0);
    assert_true(tu_find_unit(doc, "===") >= 0);
    bl_doc_free(doc);

    /* A closing sequence and a rule under it. */
    doc = tu_parse("## Closed ##\n---\n");
    h = &doc->blocks.items[tu_block(doc, BL_BLOCK_HEADING, 0)];
    assert_int_equal(h->level, 2);
    assert_int_equal(h->flags, 0);
    assert_unit_text(doc, doc->sections.items[0].title_unit, "Closed");
    bl_doc_free(doc);

    doc = tu_parse("> # Quoted ATX\n> ---\n");
    h = &doc->blocks.items[tu_block(doc, BL_BLOCK_HEADING, 0)];
    assert_int_equal(h->flags, BL_IN_QUOTE);
    bl_doc_free(doc);
}

static void
test_heading_title_unit_is_prose_without_markup(void **state)
{
    bl_doc *doc = tu_parse("# Why **Bob** ran `rm`\n");

    (void)state;
    assert_int_equal(doc->sections.n, 1);
    assert_unit_text(doc, doc->sections.items[0].title_unit,
                     "Why Bob ran \x1a");
    check_pieces(doc);
    bl_doc_free(doc);

    /* An empty heading has a section but no title. */
    doc = tu_parse("#\n\ntext\n");
    assert_int_equal(doc->sections.n, 1);
    assert_int_equal(doc->sections.items[0].title_unit, -1);
    assert_int_equal(doc->units.n, 1);
    assert_unit_text(doc, 0, "text");
    assert_int_equal(doc->units.items[0].section, 0);
    bl_doc_free(doc);
}

static void
test_empty_heading_section_begins_at_its_line(void **state)
{
    (void)state;
    /* An empty ATX heading gives md4c no text to point into the source;
     * its section must still begin at its own line, not the text's before
     * it, and a "#" inside that text must not be taken for it. */
    {
        bl_doc *doc = tu_parse("text #1\n\n#\n\nmore\n");
        assert_int_equal(doc->sections.n, 1);
        assert_int_equal(doc->sections.items[0].begin, tu_off(doc, "\n#\n") + 1);
        bl_doc_free(doc);
    }
    {
        /* Consecutive empty headings each find their own line. */
        bl_doc *doc = tu_parse("#\n#\n## A\n");
        assert_int_equal(doc->sections.n, 3);
        assert_int_equal(doc->sections.items[0].begin, 0);
        assert_int_equal(doc->sections.items[1].begin, 2);
        assert_int_equal(doc->sections.items[0].end, 2);
        assert_int_equal(doc->sections.items[2].parent, 1);
        bl_doc_free(doc);
    }
    {
        /* In list items, past their markers: "- #" is an empty heading
         * on its own line, not the "# A" below it. */
        bl_doc *doc = tu_parse("- #\n- #\n\n1. ##\n2) > - ###\n\n# A\n");
        assert_int_equal(doc->sections.n, 5);
        assert_int_equal(doc->sections.items[0].begin, 0);
        assert_int_equal(doc->sections.items[1].begin, tu_off(doc, "- #\n\n1."));
        assert_int_equal(doc->sections.items[2].begin, tu_off(doc, "1. ##"));
        assert_int_equal(doc->sections.items[3].begin, tu_off(doc, "2) >"));
        assert_int_equal(doc->sections.items[4].begin, tu_off(doc, "# A"));
        assert_int_equal(doc->blocks.items[tu_block(doc, BL_BLOCK_HEADING, 0)].begin,
                         2);
        bl_doc_free(doc);
    }
    {
        /* "-#" and "1.5" open no list item: the empty heading is the line
         * after them. */
        bl_doc *doc = tu_parse("-#\n\n1.5 #\n\n#\n");
        assert_int_equal(doc->sections.n, 1);
        assert_int_equal(doc->sections.items[0].begin, tu_off(doc, "\n#\n") + 1);
        bl_doc_free(doc);
    }
    {
        bl_doc *doc = tu_parse("intro\n\n> ##\n\n## Next\n");
        assert_int_equal(doc->sections.n, 2);
        assert_int_equal(doc->sections.items[0].begin, tu_off(doc, "> ##"));
        assert_int_equal(doc->sections.items[0].level, 2);
        bl_doc_free(doc);
    }
}

static void
test_block_spans_start_at_their_own_first_text(void **state)
{
    /* Each block after another one must not inherit the begin of the
     * text before it (this also places the section of "# Two"). */
    bl_doc *doc = tu_parse("# One\n\n**Bob** forgot\n\n- item\n\n# Two\n");
    const bl_block *p, *ul, *li, *h2;

    (void)state;
    p = &doc->blocks.items[tu_block(doc, BL_BLOCK_PARA, 0)];
    ul = &doc->blocks.items[tu_block(doc, BL_BLOCK_UL, 0)];
    li = &doc->blocks.items[tu_block(doc, BL_BLOCK_LI, 0)];
    h2 = &doc->blocks.items[tu_block(doc, BL_BLOCK_HEADING, 1)];
    assert_int_equal(p->begin, tu_off(doc, "Bob"));
    assert_int_equal(p->end, tu_off(doc, "forgot") + 6);
    assert_int_equal(ul->begin, tu_off(doc, "item"));
    assert_int_equal(li->begin, tu_off(doc, "item"));
    assert_int_equal(li->end, tu_off(doc, "item") + 4);
    assert_int_equal(h2->begin, tu_off(doc, "Two"));
    assert_int_equal(doc->sections.items[1].begin, tu_off(doc, "# Two"));
    assert_int_equal(doc->sections.items[0].end, tu_off(doc, "# Two"));
    bl_doc_free(doc);

    /* A text-less block inside a quote leaves the quote's begin to the
     * quote's first text. */
    doc = tu_parse("> ---\n>\n> quoted text\n");
    assert_int_equal(doc->blocks.items[tu_block(doc, BL_BLOCK_QUOTE, 0)].begin,
                     tu_off(doc, "quoted"));
    bl_doc_free(doc);
}

/* --- Lists --------------------------------------------------------------- */

static void
test_nested_lists_record_depth_kind_and_parents(void **state)
{
    bl_doc *doc = tu_parse("- a\n  - b\n    1. c\n- d\n\nafter\n");
    static const char *const text[] = {"a", "b", "c", "d"};
    static const int depth[] = {1, 2, 3, 1};
    static const unsigned flags[] = {0, 0, BL_LI_ORDERED, 0};
    int li[4], i;

    (void)state;
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_LI), 4);
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_UL), 2);
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_OL), 1);
    for (i = 0; i < 4; i++) {
        const bl_unit *u;
        int k = tu_find_unit(doc, text[i]);
        li[i] = tu_block(doc, BL_BLOCK_LI, i);
        assert_int_equal(doc->blocks.items[li[i]].depth, depth[i]);
        assert_int_equal(doc->blocks.items[li[i]].flags, flags[i]);
        assert_true(k >= 0);
        u = &doc->units.items[k];
        assert_int_equal(u->flags, BL_UNIT_ITEM);
        assert_int_equal(u->block, li[i]);     /* tight items: no paragraph */
        assert_int_equal(tu_src(doc, (size_t)k, 0, 0), tu_off(doc, text[i]));
    }
    /* a and d are in the outer list; b's list hangs off a; c's off b. */
    assert_int_equal(doc->blocks.items[li[0]].parent,
                     tu_block(doc, BL_BLOCK_UL, 0));
    assert_int_equal(doc->blocks.items[li[3]].parent,
                     tu_block(doc, BL_BLOCK_UL, 0));
    assert_int_equal(doc->blocks.items[tu_block(doc, BL_BLOCK_UL, 1)].parent,
                     li[0]);
    assert_int_equal(doc->blocks.items[li[1]].parent,
                     tu_block(doc, BL_BLOCK_UL, 1));
    assert_int_equal(doc->blocks.items[tu_block(doc, BL_BLOCK_OL, 0)].parent,
                     li[1]);
    assert_int_equal(doc->blocks.items[li[2]].parent,
                     tu_block(doc, BL_BLOCK_OL, 0));
    /* The paragraph after the list is not an item. */
    assert_int_equal(doc->units.items[tu_find_unit(doc, "after")].flags, 0);
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_top_level_ordered_list_items_are_ordered(void **state)
{
    bl_doc *doc = tu_parse("3. first\n4. second\n");
    const bl_block *li;

    (void)state;
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_LI), 2);
    li = &doc->blocks.items[tu_block(doc, BL_BLOCK_LI, 1)];
    assert_int_equal(li->depth, 1);
    assert_int_equal(li->flags, BL_LI_ORDERED);
    assert_int_equal(li->parent, tu_block(doc, BL_BLOCK_OL, 0));
    bl_doc_free(doc);
}

static void
test_task_items_are_checked_or_unchecked(void **state)
{
    bl_doc *doc = tu_parse("- [ ] todo\n- [x] done\n- [X] Done\n- plain\n\n"
                           "1. [x] ordered\n");
    static const char *const text[] = {"todo", "done", "Done", "plain",
                                       "ordered"};
    static const unsigned flags[] = {
        BL_LI_TASK, BL_LI_TASK | BL_LI_CHECKED, BL_LI_TASK | BL_LI_CHECKED, 0,
        BL_LI_ORDERED | BL_LI_TASK | BL_LI_CHECKED
    };
    int i;

    (void)state;
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_LI), 5);
    assert_int_equal(doc->units.n, 5);
    for (i = 0; i < 5; i++) {
        const bl_block *li = &doc->blocks.items[tu_block(doc, BL_BLOCK_LI, i)];
        assert_int_equal(li->flags, flags[i]);
        /* The checkbox is markup, not prose. */
        assert_unit_text(doc, (size_t)i, text[i]);
        assert_int_equal(tu_src(doc, (size_t)i, 0, 0), tu_off(doc, text[i]));
    }
    bl_doc_free(doc);
}

/* --- Tables -------------------------------------------------------------- */

static void
test_table_cells_have_rows_columns_and_cell_units(void **state)
{
    bl_doc *doc = tu_parse("| Who | What |\n|-----|------|\n"
                           "| Bob | broke **prod** |\n| Ann | fixed it |\n\n"
                           "Next\n");
    static const char *const text[] = {"Who", "What", "Bob", "broke prod",
                                       "Ann", "fixed it"};
    static const char *const first_word[] = {"Who", "What", "Bob", "broke",
                                             "Ann", "fixed"};
    static const int rows[] = {0, 0, 1, 1, 2, 2};
    static const int cols[] = {0, 1, 0, 1, 0, 1};
    size_t i;

    (void)state;
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_TABLE), 1);
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_THEAD), 1);
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_TBODY), 1);
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_TR), 3);
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_TH), 2);
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_TD), 4);
    assert_int_equal(doc->units.n, 7);
    for (i = 0; i < 6; i++) {
        const bl_unit *u = &doc->units.items[i];
        const bl_block *cell = &doc->blocks.items[u->block];
        assert_unit_text(doc, i, text[i]);
        assert_int_equal(u->flags, BL_UNIT_CELL);
        assert_int_equal(cell->type, i < 2 ? BL_BLOCK_TH : BL_BLOCK_TD);
        assert_int_equal(cell->row, rows[i]);
        assert_int_equal(cell->col, cols[i]);
        assert_int_equal(tu_src(doc, i, 0, 0), tu_off(doc, first_word[i]));
    }
    /* Only cells carry a row and column. */
    assert_int_equal(doc->blocks.items[tu_block(doc, BL_BLOCK_TR, 0)].row, -1);
    assert_int_equal(doc->blocks.items[tu_block(doc, BL_BLOCK_TR, 0)].col, -1);
    assert_int_equal(doc->units.items[6].flags, 0);
    assert_unit_text(doc, 6, "Next");
    check_pieces(doc);
    bl_doc_free(doc);
}

/* --- Block quotes -------------------------------------------------------- */

static void
test_block_quotes_flag_blocks_and_units(void **state)
{
    bl_doc *doc = tu_parse("> Alice said\n> > nested\n\nplain\n");
    const bl_block *outer, *inner;

    (void)state;
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_QUOTE), 2);
    outer = &doc->blocks.items[tu_block(doc, BL_BLOCK_QUOTE, 0)];
    inner = &doc->blocks.items[tu_block(doc, BL_BLOCK_QUOTE, 1)];
    assert_int_equal(outer->flags, BL_IN_QUOTE);
    assert_int_equal(inner->flags, BL_IN_QUOTE);
    assert_int_equal(inner->parent, tu_block(doc, BL_BLOCK_QUOTE, 0));
    assert_int_equal(outer->begin, tu_off(doc, "Alice"));
    assert_int_equal(outer->end, tu_off(doc, "nested") + 6);
    assert_int_equal(inner->begin, tu_off(doc, "nested"));
    assert_int_equal(doc->blocks.items[tu_block(doc, BL_BLOCK_PARA, 0)].flags,
                     BL_IN_QUOTE);
    assert_int_equal(doc->blocks.items[tu_block(doc, BL_BLOCK_PARA, 1)].flags,
                     BL_IN_QUOTE);
    assert_int_equal(doc->blocks.items[tu_block(doc, BL_BLOCK_PARA, 2)].flags,
                     0);
    assert_int_equal(doc->units.n, 3);
    assert_unit_text(doc, 0, "Alice said");
    assert_int_equal(doc->units.items[0].flags, BL_UNIT_QUOTE);
    assert_unit_text(doc, 1, "nested");
    assert_int_equal(doc->units.items[1].flags, BL_UNIT_QUOTE);
    assert_unit_text(doc, 2, "plain");
    assert_int_equal(doc->units.items[2].flags, 0);
    check_pieces(doc);
    bl_doc_free(doc);

    /* Quoting reaches into lists inside the quote. */
    doc = tu_parse("> - item\n");
    assert_int_equal(doc->blocks.items[tu_block(doc, BL_BLOCK_LI, 0)].flags,
                     BL_IN_QUOTE);
    assert_int_equal(doc->units.items[0].flags, BL_UNIT_QUOTE | BL_UNIT_ITEM);
    bl_doc_free(doc);
}

/* --- Front matter -------------------------------------------------------- */

static void
test_yaml_front_matter_is_not_prose(void **state)
{
    bl_doc *doc = tu_parse("---\ntitle: Bob broke prod\nowner: bob\n---\n"
                           "# Incident\n\nBody text.\n");

    (void)state;
    assert_int_equal(doc->fm_begin, 0);
    assert_int_equal(doc->fm_end, tu_off(doc, "# Incident"));
    assert_false(tu_prose_contains(doc, "broke"));
    assert_false(tu_prose_contains(doc, "title"));
    assert_int_equal(doc->units.n, 2);
    assert_unit_text(doc, 0, "Incident");
    assert_unit_text(doc, 1, "Body text.");
    assert_int_equal(doc->blocks.items[0].type, BL_BLOCK_HEADING);
    assert_int_equal(doc->sections.items[0].begin, tu_off(doc, "# Incident"));
    /* Lines and positions still count the front matter. */
    assert_int_equal(bl_doc_line_count(doc), 8);
    expect_pos_all(doc, tu_off(doc, "Body"), 6, 0);
    assert_int_equal(tu_src(doc, 1, 0, 0), tu_off(doc, "Body"));
    bl_doc_free(doc);

}

/* Every form of closed front matter hides its contents from the prose and
 * ends where "Body" begins. */
static void
test_front_matter_variants_are_not_prose(void **state)
{
    static const struct {
        const char *src;
        size_t fm_begin;
    } cases[] = {
        {"---\na: Bob broke it\n...\nBody\n", 0},           /* YAML, "..." */
        {"+++\ntitle = \"Bob broke it\"\n+++\nBody\n", 0},  /* TOML */
        {"\xEF\xBB\xBF---\na: Bob broke it\n---\nBody\n", 3}, /* after a BOM */
        {"---\r\na: Bob broke it\r\n---\r\nBody\r\n", 0},   /* CRLF */
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        bl_doc *doc = tu_parse(cases[i].src);
        assert_int_equal(doc->fm_begin, cases[i].fm_begin);
        assert_int_equal(doc->fm_end, tu_off(doc, "Body"));
        assert_int_equal(doc->units.n, 1);
        assert_unit_text(doc, 0, "Body");
        bl_doc_free(doc);
    }
}

static void
test_unclosed_or_misplaced_fence_is_not_front_matter(void **state)
{
    bl_doc *doc = tu_parse("---\ntitle: Bob broke prod\nBody\n");

    (void)state;
    /* Without a closing line "---" is a thematic break, and what follows
     * is ordinary prose. */
    assert_int_equal(doc->fm_begin, 0);
    assert_int_equal(doc->fm_end, 0);
    assert_int_equal(doc->blocks.items[0].type, BL_BLOCK_HR);
    assert_int_equal(doc->units.n, 1);
    assert_unit_text(doc, 0, "title: Bob broke prod Body");
    bl_doc_free(doc);

    /* Fences of different kinds do not pair. */
    doc = tu_parse("---\na: 1\n+++\nBody\n");
    assert_int_equal(doc->fm_end, doc->fm_begin);
    assert_true(tu_prose_contains(doc, "a: 1"));
    bl_doc_free(doc);

    /* Front matter only opens on the first line. */
    doc = tu_parse("Intro\n\n---\nx: y\n---\n");
    assert_int_equal(doc->fm_end, doc->fm_begin);
    assert_true(tu_find_unit(doc, "Intro") >= 0);
    bl_doc_free(doc);
}

static void
test_document_of_only_front_matter_has_no_prose(void **state)
{
    bl_doc *doc = tu_parse("---\ntitle: x\n---\n");

    (void)state;
    assert_int_equal(doc->fm_begin, 0);
    assert_int_equal(doc->fm_end, doc->len);
    assert_int_equal(doc->blocks.n, 0);
    assert_int_equal(doc->units.n, 0);
    assert_int_equal(doc->sections.n, 0);
    assert_int_equal(bl_doc_line_count(doc), 4);
    bl_doc_free(doc);

    /* Without a final newline the front matter still runs to the end. */
    doc = tu_parse("---\ntitle: x\n---");
    assert_int_equal(doc->fm_end, doc->len);
    assert_int_equal(doc->units.n, 0);
    bl_doc_free(doc);
}

/* --- Empty documents ----------------------------------------------------- */

static void
test_empty_document_has_one_empty_line_and_nothing_else(void **state)
{
    bl_doc *doc = tu_parse_n("", 0);
    size_t k, len = 99;

    (void)state;
    assert_non_null(bl_doc_source(doc, &len));
    assert_int_equal(len, 0);
    assert_int_equal(bl_doc_line_count(doc), 1);
    assert_int_equal(doc->blocks.n, 0);
    assert_int_equal(doc->units.n, 0);
    assert_int_equal(doc->sections.n, 0);
    assert_int_equal(doc->fm_begin, doc->fm_end);
    expect_line(doc, 0, 0, 0);
    expect_line(doc, 1, 0, 0);
    for (k = 0; k < 3; k++) {
        expect_pos(doc, 0, all_encodings[k], 0, 0);
        expect_pos(doc, 10, all_encodings[k], 0, 0);
        assert_int_equal(offset_of(doc, 0, 0, all_encodings[k]), 0);
        assert_int_equal(offset_of(doc, 0, 7, all_encodings[k]), 0);
        assert_int_equal(offset_of(doc, 3, 3, all_encodings[k]), 0);
    }
    bl_doc_free(doc);

    doc = tu_parse("  \n\n\t\n");
    assert_int_equal(doc->units.n, 0);
    assert_int_equal(bl_doc_line_count(doc), 4);
    bl_doc_free(doc);
}

/* --- What is not prose --------------------------------------------------- */

static void
test_code_blocks_produce_no_prose(void **state)
{
    bl_doc *doc = tu_parse("```\nBob broke prod\n```\n\n"
                           "~~~sh\nmore blame\n~~~\n\n"
                           "    indented Bob\n\nText\n");

    (void)state;
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_CODE), 3);
    assert_int_equal(doc->units.n, 1);
    assert_unit_text(doc, 0, "Text");
    bl_doc_free(doc);

    /* An unclosed fence runs to the end of the document. */
    doc = tu_parse("Intro\n\n```\nBob broke prod\n");
    assert_int_equal(doc->units.n, 1);
    assert_unit_text(doc, 0, "Intro");
    bl_doc_free(doc);
}

static void
test_inline_code_becomes_one_placeholder(void **state)
{
    bl_doc *doc = tu_parse("Run `rm -rf /` now");
    size_t code = tu_off(doc, "rm -rf");

    (void)state;
    assert_int_equal(doc->units.n, 1);
    assert_unit_text(doc, 0, "Run \x1a now");
    /* The placeholder stands for the code's text. */
    assert_int_equal(tu_src(doc, 0, 4, 0), code);
    assert_int_equal(tu_src(doc, 0, 5, 1), code + strlen("rm -rf /"));
    assert_int_equal(tu_src(doc, 0, 5, 0), tu_off(doc, " now"));
    check_pieces(doc);
    bl_doc_free(doc);

    /* A code span over a line break is still one placeholder. */
    doc = tu_parse("Run `rm\n-rf` now");
    assert_unit_text(doc, 0, "Run \x1a now");
    assert_int_equal(tu_src(doc, 0, 4, 0), tu_off(doc, "rm"));
    assert_int_equal(tu_src(doc, 0, 5, 1), tu_off(doc, "-rf") + 3);
    check_pieces(doc);
    bl_doc_free(doc);
}

/* A destination with an entity or a backslash escape is decoded by md4c
 * into a buffer it frees before the link closes; the autolink check at
 * the close must not read it (found by mutating corpus documents). */
/* An entity name longer than any decoded character is kept as written
 * (found by the fuzzer: it was copied into a small buffer). */
static void
test_long_unknown_entity_is_kept_as_written(void **state)
{
    bl_doc *doc = tu_parse("A &CounterClockwiseContourIntegral; and &amp; b.\n");

    (void)state;
    assert_int_equal(doc->units.n, 1);
    assert_unit_text(doc, 0, "A &CounterClockwiseContourIntegral; and & b.");
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_link_destination_with_escapes_outlives_md4c(void **state)
{
    bl_doc *doc = tu_parse("See [a&amp;b](http://x.example/a&amp;b\\_c) and "
                           "<http://x.example/d&amp;e> now.\n");

    (void)state;
    assert_int_equal(doc->units.n, 1);
    /* Link text stays prose; the autolink becomes one placeholder. */
    assert_unit_text(doc, 0, "See a&b and \x1a now.");
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_autolinks_become_placeholders(void **state)
{
    bl_doc *doc = tu_parse("See <https://x.example> and "
                           "https://x.example/human-error now.");
    size_t bare = tu_off(doc, "https://x.example/human-error");

    (void)state;
    assert_int_equal(doc->units.n, 1);
    /* S=0 e=1 e=2 ' '=3 PH=4 " and "=5..9 PH=10 " now."=11..15 */
    assert_unit_text(doc, 0, "See \x1a and \x1a now.");
    assert_false(tu_prose_contains(doc, "human"));
    assert_false(tu_prose_contains(doc, "https"));
    assert_int_equal(tu_src(doc, 0, 4, 0), tu_off(doc, "https://x.example>"));
    assert_int_equal(tu_src(doc, 0, 5, 1),
                     tu_off(doc, "https://x.example>") + 17);
    assert_int_equal(tu_src(doc, 0, 10, 0), bare);
    assert_int_equal(tu_src(doc, 0, 11, 1), bare + 29);
    assert_int_equal(tu_src(doc, 0, 11, 0), bare + 29);
    /* The bare URL continues " and " in the source, so the piece before
     * its placeholder must stop where the URL starts. */
    check_pieces(doc);
    bl_doc_free(doc);

    doc = tu_parse("Mail bob@example.com or www.example.com today");
    assert_unit_text(doc, 0, "Mail \x1a or \x1a today");
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_link_text_is_prose_but_its_url_is_not(void **state)
{
    bl_doc *doc = tu_parse("Read [the runbook](https://wiki.example/bob-error)"
                           " first.");
    size_t text;

    (void)state;
    assert_int_equal(doc->units.n, 1);
    assert_unit_text(doc, 0, "Read the runbook first.");
    assert_false(tu_prose_contains(doc, "wiki"));
    assert_false(tu_prose_contains(doc, "bob-error"));
    text = tu_off(doc, "the runbook");
    assert_int_equal(tu_src(doc, 0, 5, 0), text);
    assert_int_equal(tu_src(doc, 0, 16, 1), text + 11);
    assert_int_equal(tu_src(doc, 0, 16, 0), tu_off(doc, " first"));
    check_pieces(doc);
    bl_doc_free(doc);

    /* Reference links: the definition is not prose either. */
    doc = tu_parse("Read [the runbook][rb] now.\n\n"
                   "[rb]: https://wiki.example/bob-error\n");
    assert_int_equal(doc->units.n, 1);
    assert_unit_text(doc, 0, "Read the runbook now.");
    bl_doc_free(doc);

    /* Markup inside link text is dropped like anywhere else. */
    doc = tu_parse("See [**Bob's** guide](u).");
    assert_unit_text(doc, 0, "See Bob's guide.");
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_images_become_one_placeholder_without_alt_text(void **state)
{
    bl_doc *doc = tu_parse("Graph ![Bob error](g.png) here");

    (void)state;
    assert_int_equal(doc->units.n, 1);
    assert_unit_text(doc, 0, "Graph \x1a here");
    assert_false(tu_prose_contains(doc, "error"));
    assert_false(tu_prose_contains(doc, "png"));
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_html_blocks_and_comments_are_not_prose(void **state)
{
    bl_doc *doc = tu_parse("<div>\nBob broke it\n</div>\n\n"
                           "A <!-- Bob --> B\n\n"
                           "<!--\nhidden blame\n-->\n\nAfter\n");

    (void)state;
    assert_int_equal(tu_count_blocks(doc, BL_BLOCK_HTML), 2);
    assert_int_equal(doc->units.n, 2);
    /* An inline comment separates words like a space. */
    assert_unit_text(doc, 0, "A   B");
    assert_unit_text(doc, 1, "After");
    assert_false(tu_prose_contains(doc, "Bob"));
    assert_false(tu_prose_contains(doc, "blame"));
    assert_int_equal(tu_src(doc, 0, 2, 0), tu_off(doc, "<!--"));
    assert_int_equal(tu_src(doc, 0, 3, 1), tu_off(doc, "-->") + 3);
    check_pieces(doc);
    bl_doc_free(doc);

    /* Inline tags keep the words on both sides apart. */
    doc = tu_parse("x<br>y");
    assert_unit_text(doc, 0, "x y");
    bl_doc_free(doc);
}

/* --- Unit text and mapping back to the source ---------------------------- */

static void
test_emphasis_is_dropped_and_every_byte_maps_back(void **state)
{
    /* *=0,1 B=2 o=3 b=4 *=5,6 ' '=7 f=8 ... t=13, length 14 */
    bl_doc *doc = tu_parse("**Bob** forgot");
    static const size_t want[] = {2, 3, 4, 7, 8, 9, 10, 11, 12, 13};
    size_t n, i;
    const char *t;

    (void)state;
    assert_int_equal(doc->units.n, 1);
    assert_unit_text(doc, 0, "Bob forgot");
    t = bl_unit_text(doc, &doc->units.items[0], &n);
    assert_int_equal(n, 10);
    for (i = 0; i < n; i++) {
        size_t s = tu_src(doc, 0, i, 0);
        assert_int_equal(s, want[i]);
        assert_int_equal(doc->src[s], t[i]);
    }
    /* Ends map to the end of the text before them, not past the "**". */
    assert_int_equal(tu_src(doc, 0, 3, 1), 5);
    assert_int_equal(tu_src(doc, 0, 10, 1), 14);
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_entities_decode_and_map_to_the_entity(void **state)
{
    /* T=0 o=1 m=2 ' '=3 &amp;=4..8 ' '=9 J=10 */
    bl_doc *doc = tu_parse("Tom &amp; Jerry");

    (void)state;
    assert_unit_text(doc, 0, "Tom & Jerry");
    assert_int_equal(tu_src(doc, 0, 4, 0), 4);      /* "&" -> "&amp;" */
    assert_int_equal(tu_src(doc, 0, 5, 1), 9);
    assert_int_equal(tu_src(doc, 0, 5, 0), 9);      /* the space after */
    assert_int_equal(tu_src(doc, 0, 6, 0), 10);
    check_pieces(doc);
    bl_doc_free(doc);

    /* B=0 o=1 b=2 &#8217;=3..9 s=10: a 3-byte character from 7 bytes. */
    doc = tu_parse("Bob&#8217;s fix &#x1F600; &copy;");
    assert_unit_text(doc, 0, "Bob\xE2\x80\x99s fix \xF0\x9F\x98\x80 &copy;");
    assert_int_equal(tu_src(doc, 0, 3, 0), 3);
    assert_int_equal(tu_src(doc, 0, 4, 0), 3);      /* inside: the start */
    assert_int_equal(tu_src(doc, 0, 4, 1), 10);     /* as an end: the end */
    assert_int_equal(tu_src(doc, 0, 6, 0), 10);
    assert_int_equal(tu_src(doc, 0, 12, 0), tu_off(doc, "&#x1F600;"));
    assert_int_equal(tu_src(doc, 0, 16, 1), tu_off(doc, "&#x1F600;") + 9);
    /* Entities it does not know stay as written. */
    assert_int_equal(tu_src(doc, 0, 17, 0), tu_off(doc, "&copy;"));
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_line_breaks_in_a_paragraph_read_as_spaces(void **state)
{
    bl_doc *doc = tu_parse("Bob\r\nforgot\nthe  \nstep\\\nagain");

    (void)state;
    assert_int_equal(doc->units.n, 1);
    assert_unit_text(doc, 0, "Bob forgot the step again");
    assert_int_equal(tu_src(doc, 0, 4, 0), tu_off(doc, "forgot"));
    assert_int_equal(tu_src(doc, 0, 11, 0), tu_off(doc, "the"));
    assert_int_equal(tu_src(doc, 0, 15, 0), tu_off(doc, "step"));
    assert_int_equal(tu_src(doc, 0, 20, 0), tu_off(doc, "again"));
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_nul_byte_reads_as_replacement_character(void **state)
{
    bl_doc *doc = tu_parse_n("Bob\0forgot", 10);

    (void)state;
    assert_int_equal(doc->units.n, 1);
    assert_unit_text(doc, 0, "Bob\xEF\xBF\xBD" "forgot");
    assert_int_equal(tu_src(doc, 0, 6, 0), 4);
    check_pieces(doc);
    bl_doc_free(doc);
}

static void
test_every_unit_maps_back_in_a_mixed_document(void **state)
{
    /* Everything at once, with CRLF endings and a BOM. */
    bl_doc *doc = tu_parse(
        "\xEF\xBB\xBF---\r\ntitle: t\r\n---\r\n"
        "# Why _Bob_ \\*really\\* failed\r\n\r\n"
        "> Alice said **\"José forgot\"** &amp; left.\r\n\r\n"
        "- [x] `kubectl` was run by <https://x.example> Łukasz\r\n"
        "  - see https://x.example/a-b and [docs](u \"t\")\r\n\r\n"
        "| Who | What |\r\n|---|---|\r\n| **Zoë** | 😀 &#8217; |\r\n\r\n"
        "Text <!-- c --> after ![i](p.png) end\r\n");

    (void)state;
    assert_int_equal(doc->fm_begin, 3);
    assert_true(doc->units.n >= 6);
    assert_true(tu_find_unit(doc, "Why Bob *really* failed") >= 0);
    assert_true(tu_find_unit(doc, "Alice said \"Jos\xC3\xA9 forgot\" & left.")
                >= 0);
    assert_true(tu_find_unit(doc, "\x1a was run by \x1a \xC5\x81ukasz") >= 0);
    assert_true(tu_find_unit(doc, "see \x1a and docs") >= 0);
    assert_true(tu_find_unit(doc, "Zo\xC3\xAB") >= 0);
    assert_true(tu_find_unit(doc, "Text   after \x1a end") >= 0);
    assert_false(tu_prose_contains(doc, "\r"));
    check_pieces(doc);
    bl_doc_free(doc);
}

/* Asserts that link k spans `text` (found in the source) and points at
 * `href`. */
static void
expect_link(const bl_doc *doc, size_t k, const char *text, const char *href)
{
    size_t n;
    const char *h;

    assert_true(k < doc->links.n);
    h = bl_link_href(doc, &doc->links.items[k], &n);
    assert_int_equal(n, strlen(href));
    assert_memory_equal(h, href, n);
    assert_int_equal(doc->links.items[k].begin, tu_off(doc, text));
    assert_int_equal(doc->links.items[k].end,
                     tu_off(doc, text) + strlen(text));
}

/* Prose leaves URLs out, so the links are recorded apart: inline,
 * autolink, bare URL and reference links, in source order, with their
 * destinations copied (a reference's comes from its definition). */
static void
test_links_record_their_text_and_destination(void **state)
{
    bl_doc *doc = tu_parse(
        "See [#12](https://github.com/o/r/issues/12 \"t\") and "
        "<https://x.example/a>,\r\n"
        "a bare https://jira.example.com/browse/OPS-7 link, [the ref][r], "
        "[](empty) and ![img](i.png).\r\n\r\n"
        "[r]: https://linear.app/t/issue/ENG-5\r\n");
    size_t empty;

    (void)state;
    assert_int_equal(doc->links.n, 5);
    expect_link(doc, 0, "#12", "https://github.com/o/r/issues/12");
    expect_link(doc, 1, "https://x.example/a", "https://x.example/a");
    expect_link(doc, 2, "https://jira.example.com/browse/OPS-7",
                "https://jira.example.com/browse/OPS-7");
    expect_link(doc, 3, "the ref", "https://linear.app/t/issue/ENG-5");
    /* A link without text is an empty span where it stands. */
    empty = doc->links.items[4].begin;
    assert_int_equal(doc->links.items[4].end, empty);
    assert_true(empty >= tu_off(doc, "the ref]")
                && empty <= tu_off(doc, "[](empty)"));
    bl_doc_free(doc);

    doc = tu_parse("No links, only `[code](x)` and\n\n    [indented](y)\n");
    assert_int_equal(doc->links.n, 0);
    bl_doc_free(doc);
}

/* bl_doc_next_summary walks the <summary> labels of HTML blocks in
 * order, within a range, tags dropped, comments skipped, and resumes
 * where it stopped (two in one block). */
static void
test_summaries_of_html_blocks(void **state)
{
    const char *src =
        "# T\n\n<details><summary>One <b>A</b></summary>\n"
        "<summary>Two</summary>\n\n"
        "Prose <summary>not a block</summary>.\n\n"
        "<!-- <summary>Hidden</summary> -->\n\n"
        "<details>\n<summary>Three</summary>\n\n</details>\n";
    bl_doc *doc = tu_parse(src);
    char text[16];
    size_t pos = 0;

    (void)state;
    assert_int_equal(bl_doc_next_summary(doc, &pos, doc->len, text,
                                         sizeof text), 5);
    assert_string_equal(text, "One A");
    assert_int_equal(bl_doc_next_summary(doc, &pos, doc->len, text,
                                         sizeof text), 3);
    assert_string_equal(text, "Two");
    assert_int_equal(bl_doc_next_summary(doc, &pos, doc->len, text,
                                         sizeof text), 5);
    assert_string_equal(text, "Three");
    assert_int_equal(bl_doc_next_summary(doc, &pos, doc->len, text,
                                         sizeof text), -1);
    /* A range that ends before the third. */
    pos = 0;
    assert_int_equal(bl_doc_next_summary(doc, &pos, tu_off(doc, "Prose"),
                                         text, 4), 3);
    assert_string_equal(text, "One");   /* cut to the buffer */
    assert_int_equal(bl_doc_next_summary(doc, &pos, tu_off(doc, "Prose"),
                                         text, sizeof text), 3);
    assert_int_equal(bl_doc_next_summary(doc, &pos, tu_off(doc, "Prose"),
                                         text, sizeof text), -1);
    bl_doc_free(doc);
    /* "<!-->" and "<!--->" are whole comments; empty headings in list
     * items before them hide nothing. */
    doc = tu_parse("- #\n- #\n\n<div><!--> <!---> <summary>Four</summary>"
                   "</div>\n");
    pos = 0;
    assert_int_equal(bl_doc_next_summary(doc, &pos, doc->len, text,
                                         sizeof text), 4);
    assert_string_equal(text, "Four");
    bl_doc_free(doc);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lines_end_at_lf_crlf_and_lone_cr),
        cmocka_unit_test(test_trailing_newline_opens_an_empty_last_line),
        cmocka_unit_test(
            test_position_inside_a_line_ending_is_the_end_of_the_line),
        cmocka_unit_test(
            test_bom_is_skipped_by_columns_on_the_first_line_only),
        cmocka_unit_test(test_bom_before_a_heading_keeps_the_heading),
        cmocka_unit_test(test_tab_is_one_column_in_every_encoding),
        cmocka_unit_test(test_multibyte_columns_differ_by_encoding),
        cmocka_unit_test(test_offsets_past_the_end_clamp),
        cmocka_unit_test(test_invalid_utf8_bytes_count_one_column_each),
        cmocka_unit_test(test_invalid_utf8_at_line_and_document_ends),
        cmocka_unit_test(test_atx_headings_nest_into_sections),
        cmocka_unit_test(test_setext_headings_are_flagged_with_their_level),
        cmocka_unit_test(test_setext_headings_inside_containers_are_flagged),
        cmocka_unit_test(test_atx_heading_followed_by_a_rule_is_not_setext),
        cmocka_unit_test(test_heading_title_unit_is_prose_without_markup),
        cmocka_unit_test(test_empty_heading_section_begins_at_its_line),
        cmocka_unit_test(test_block_spans_start_at_their_own_first_text),
        cmocka_unit_test(test_nested_lists_record_depth_kind_and_parents),
        cmocka_unit_test(test_top_level_ordered_list_items_are_ordered),
        cmocka_unit_test(test_task_items_are_checked_or_unchecked),
        cmocka_unit_test(test_table_cells_have_rows_columns_and_cell_units),
        cmocka_unit_test(test_block_quotes_flag_blocks_and_units),
        cmocka_unit_test(test_yaml_front_matter_is_not_prose),
        cmocka_unit_test(test_front_matter_variants_are_not_prose),
        cmocka_unit_test(test_unclosed_or_misplaced_fence_is_not_front_matter),
        cmocka_unit_test(test_document_of_only_front_matter_has_no_prose),
        cmocka_unit_test(
            test_empty_document_has_one_empty_line_and_nothing_else),
        cmocka_unit_test(test_code_blocks_produce_no_prose),
        cmocka_unit_test(test_inline_code_becomes_one_placeholder),
        cmocka_unit_test(test_autolinks_become_placeholders),
        cmocka_unit_test(test_link_destination_with_escapes_outlives_md4c),
        cmocka_unit_test(test_long_unknown_entity_is_kept_as_written),
        cmocka_unit_test(test_link_text_is_prose_but_its_url_is_not),
        cmocka_unit_test(test_images_become_one_placeholder_without_alt_text),
        cmocka_unit_test(test_html_blocks_and_comments_are_not_prose),
        cmocka_unit_test(test_emphasis_is_dropped_and_every_byte_maps_back),
        cmocka_unit_test(test_entities_decode_and_map_to_the_entity),
        cmocka_unit_test(test_line_breaks_in_a_paragraph_read_as_spaces),
        cmocka_unit_test(test_nul_byte_reads_as_replacement_character),
        cmocka_unit_test(test_every_unit_maps_back_in_a_mixed_document),
        cmocka_unit_test(test_links_record_their_text_and_destination),
        cmocka_unit_test(test_summaries_of_html_blocks),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
