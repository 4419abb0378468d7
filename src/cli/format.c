/*
 * format.c: the formatter table.
 */
#include <string.h>

#include "format.h"

static const cli_format format_text = {
    "text", NULL, cli_text_file, cli_text_end
};
static const cli_format format_json = {
    "json", cli_json_begin, cli_json_file, cli_json_end
};

static const cli_format *const formats[] = {
    &format_text, &format_json, &cli_format_sarif, &cli_format_github,
    &cli_format_checkstyle, &cli_format_junit, NULL
};

const cli_format *
cli_format_find(const char *name)
{
    size_t i;

    for (i = 0; formats[i] != NULL; i++)
        if (strcmp(formats[i]->name, name) == 0)
            return formats[i];
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
