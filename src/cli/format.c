/*
 * format.c: the formatter table.
 */
#include <string.h>

#include "format.h"

const cli_format cli_formats[] = {
    {"text", NULL, cli_text_file, cli_text_end},
    {"json", cli_json_begin, cli_json_file, cli_json_end},
    {NULL, NULL, NULL, NULL}
};

const cli_format *
cli_format_find(const char *name)
{
    const cli_format *f;

    for (f = cli_formats; f->name != NULL; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

void
cli_line_col(const bl_doc *doc, bl_pos_cache *cache, size_t offset,
             size_t *p_line, size_t *p_col)
{
    bl_pos p = bl_doc_position_cached(doc, cache, offset, BL_ENC_CODEPOINT);

    *p_line = p.line + 1;
    *p_col = p.col + 1;
}
