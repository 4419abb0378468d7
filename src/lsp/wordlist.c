/*
 * wordlist.c: the edit that adds a word to the word list file
 * (wordlist.h).
 *
 * The editor applies it, not the server: the word list may be open in the
 * editor with changes of its own, and a WorkspaceEdit goes through the
 * editor's buffers, where the user sees it and can undo it.  Its position
 * is the end of the file as the server reads it from disk; an editor
 * holding unsaved lines there still gets a valid edit, one line earlier.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../cli/docs.h"
#include "../engine/text.h"
#include "json.h"
#include "wordlist.h"

#define ADD_LIT(sb, lit) bl_strbuf_add((sb), (lit), sizeof(lit) - 1)

/* The file's text, or NULL when it cannot be read (it is not there). */
static char *
read_all(const char *path, size_t *p_len)
{
    FILE *f = fopen(path, "rb");
    bl_strbuf sb = {NULL, 0, 0};
    char buf[8192];
    size_t n;

    if (f == NULL)
        return NULL;
    if (bl_strbuf_add(&sb, "", 0) < 0) {
        fclose(f);
        return NULL;
    }
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        if (bl_strbuf_add(&sb, buf, n) < 0) {
            free(sb.items);
            fclose(f);
            return NULL;
        }
    fclose(f);
    *p_len = sb.n;
    return sb.items;
}

/* The position just after text[0..len), in enc columns. */
static bl_pos
end_of(const char *text, size_t len, bl_encoding enc)
{
    bl_pos p = {0, 0};
    size_t i, bol = 0, cl;

    for (i = 0; i < len; i++)
        if (text[i] == '\n') {
            p.line++;
            bol = i + 1;
        }
    for (i = bol; i < len; i += cl) {
        uint32_t cp = bl_utf8_decode(text, len, i, &cl);
        p.col += enc == BL_ENC_UTF8 ? cl
                 : enc == BL_ENC_UTF16 && cp >= 0x10000 ? 2 : 1;
    }
    return p;
}

int
lsp_wordlist_edit(bl_strbuf *sb, const char *path, const char *word,
                  const lsp_edit_caps *caps, bl_encoding enc)
{
    size_t len = 0;
    char *text = read_all(path, &len);
    const char *eol = text != NULL ? memchr(text, '\n', len) : NULL;
    const char *nl = eol != NULL && eol > text && eol[-1] == '\r'
                     ? "\r\n" : "\n";
    int ends_line = len == 0 || text[len - 1] == '\n';
    bl_pos at = end_of(text != NULL ? text : "", len, enc);
    bl_strbuf uri = {NULL, 0, 0}, edit = {NULL, 0, 0};
    int rc;

    rc = cli_add_file_uri(&uri, path) < 0
         || bl_strbuf_addf(&edit, "[{\"range\":{\"start\":{\"line\":%zu,"
                           "\"character\":%zu},\"end\":{\"line\":%zu,"
                           "\"character\":%zu}},\"newText\":", at.line,
                           at.col, at.line, at.col) < 0 ? -1 : 0;
    if (rc == 0) {
        bl_strbuf line = {NULL, 0, 0};
        rc = bl_strbuf_addf(&line, "%s%s%s", ends_line ? "" : nl, word,
                            nl) < 0
             || lsp_json_add_string(&edit, line.items, line.n) < 0
             || ADD_LIT(&edit, "}]") < 0 ? -1 : 0;
        free(line.items);
    }
    if (rc == 0 && (caps->document_changes || caps->create_files))
        rc = ADD_LIT(sb, "{\"documentChanges\":[") < 0
             || (text == NULL && caps->create_files
                 && (ADD_LIT(sb, "{\"kind\":\"create\",\"uri\":") < 0
                     || lsp_json_add_string(sb, uri.items, uri.n) < 0
                     || ADD_LIT(sb, ",\"options\":{\"ignoreIfExists\":"
                                    "true}},") < 0))
             || ADD_LIT(sb, "{\"textDocument\":{\"uri\":") < 0
             || lsp_json_add_string(sb, uri.items, uri.n) < 0
             || ADD_LIT(sb, ",\"version\":null},\"edits\":") < 0
             || bl_strbuf_add(sb, edit.items, edit.n) < 0
             || ADD_LIT(sb, "}]}") < 0 ? -1 : 0;
    else if (rc == 0)
        rc = ADD_LIT(sb, "{\"changes\":{") < 0
             || lsp_json_add_string(sb, uri.items, uri.n) < 0
             || ADD_LIT(sb, ":") < 0
             || bl_strbuf_add(sb, edit.items, edit.n) < 0
             || ADD_LIT(sb, "}}") < 0 ? -1 : 0;
    free(text);
    free(uri.items);
    free(edit.items);
    return rc;
}
